"""The header of an assignment table: where it is, its target columns and which of them
is the plan's own (the locality's plan, not the upper level's or last year's result)."""

from __future__ import annotations

import re

from knowledge.extract.assignment_columns import Column, header_columns
from knowledge.extract.assignment_table.cells import group_of, row_start
from knowledge.extract.assignment_table.shapes import Header, Line
from knowledge.extract.table_grid import level_score
from knowledge.text import fold

# Header words of the columns (folded, accent-free).
_NAME_COL = ("chi tieu", "noi dung", "ten chi tieu")
_UNIT_COL = re.compile(r"\b(?:don vi tinh|dvt|don vi(?! (?:chu tri|phoi hop|thuc hien|phu trach)))\b")
_LEADER_COL = ("lanh dao", "chi dao")
_RESP_COL = (
    "phu trach",
    "chu tri",
    "cong chuc",
    "tham muu",
    "don vi thuc hien",
    "co quan thuc hien",
    "theo doi",
)
_COORD_COL = ("phoi hop",)
_NOTE_COL = ("ghi chu",)

# Starters of a target column's label, case-sensitive so prose words ('thực hiện') do not count.
_TARGET_LABEL = re.compile(
    r"(?<![\w/])(?:Giao KH|Giao kế hoạch|Kế hoạch|KH|QĐ|Quyết định|NQ|Nghị quyết|Ước TH|Ước thực hiện"
    r"|TH|Thực hiện|Mục tiêu|Năm 20\d\d|Phấn đấu"
    r"|Chỉ tiêu\s+(?:năm|giao|huyện|tỉnh|thành phố|TP|xã|phường|thị trấn)"
    r"|(?:Huyện|Tỉnh|Thành phố|TP|Xã|Phường|Thị trấn)\s+(?:giao|phấn đấu))(?![\w])"
)
_COLUMN_WORD = re.compile(
    r"(?i)\b(?:Ghi chú|Đơn vị chủ trì|Đơn vị tính|Đơn vị|Lãnh đạo|Công chức|Cán bộ|Phụ trách|Phối hợp"
    r"|Chủ trì|Thời gian|Cơ quan)\b"
)
NUMBERING = re.compile(r"^\(?1\)?(?:\s+\(?\d{1,2}\)?){2,}$")


def find_header(lines: list[Line], start: int, last_no: int = 0) -> tuple[Header, int] | None:
    """The next header at or after `start`: its target columns and where the body starts.

    `last_no`: the last row number before a header repeated on a new page."""
    for i in range(start, len(lines)):
        if not re.match(r"^(?:S\.?TT|TT|Số\s+TT)\b", lines[i].text) or "\t" in lines[i].raw:
            continue
        region: list[str] = []
        body = None
        for j in range(i, min(i + 40, len(lines))):
            t = lines[j].text
            if j > i and (NUMBERING.match(t) or group_of(t) or row_start(t, last_no)):
                body = j + 1 if NUMBERING.match(t) else j
                break
            if t:
                region.append(t if not region or not region[-1].endswith("-") else region.pop() + t)
        if body is None:
            continue
        text = " ".join(region)
        folded = fold(" ".join([*_cells_before(lines, i), text]))
        words = any(w in folded for w in _NAME_COL) and bool(_UNIT_COL.search(folded))
        parties = words and any(w in folded for w in _LEADER_COL + _RESP_COL + _COORD_COL)
        labels = _target_labels(text)
        header = Header(
            labels=labels,
            own=_own_column(labels),
            has_leader=any(w in folded for w in _LEADER_COL),
            has_coordinating=any(w in folded for w in _COORD_COL),
            has_note=any(w in folded for w in _NOTE_COL),
        )
        header = _with_columns(header, lines, i, body, last_no)
        # a table laid out in columns is known by its columns' roles, parties or not
        if parties or header.columns:
            return header, body
    return None


def _with_columns(header: Header, lines: list[Line], top: int, body: int, last_no: int) -> Header:
    """The header with its column positions when the table is laid out with spaces."""
    raw = [ln.raw for ln in lines[top:body] if ln.text and not NUMBERING.match(ln.text)]
    first = next((ln.raw for ln in lines[body : body + 6] if row_start(ln.text, last_no)), None)
    columns = header_columns(raw, first)
    roles = [c.role for c in columns]
    values = [k for k, c in enumerate(columns) if c.role in ("target", "actual")]
    if "name" not in roles or not values:
        return header
    header.columns = columns
    header.labels = [columns[k].label for k in values]
    header.own = _own_positional([columns[k] for k in values])
    return header


def _own_positional(values: list[Column]) -> int:
    """The plan's own column among value columns: a target (never actuals), the own level's,
    then the latest year ('Năm 2025 Kế hoạch' | 'Ước TH' | 'Năm 2026 Kế hoạch' -> the last)."""

    def rank(k: int) -> tuple[int, int, int, int]:
        col = values[k]
        years = [int(y) for y in re.findall(r"\b(?:19|20)\d{2}\b", col.label)]
        return (col.role == "target", _label_score(col.label), max(years, default=0), k)

    return max(range(len(values)), key=rank)


def _cells_before(lines: list[Line], anchor: int) -> list[str]:
    """Short header cells PDF extraction printed just above the 'TT' line ('Đơn vị' / 'tính')."""
    out: list[str] = []
    for line in reversed(lines[max(0, anchor - 8) : anchor]):
        if not line.text:
            continue
        if len(line.text) > 30 or len(out) >= 3:
            break
        out.insert(0, line.text)
    return out


def _target_labels(header_text: str) -> list[str]:
    """Labels of the target columns, in order; a parent label over sub-labels is dropped."""
    starts = [m.start() for m in _TARGET_LABEL.finditer(header_text)]
    labels: list[str] = []
    for k, s in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(header_text)
        stop = _COLUMN_WORD.search(header_text, s + 1, end)
        label = header_text[s : stop.start() if stop else end].strip(" ,;:-")
        if label:
            labels.append(label)
    if len(labels) >= 3 and re.match(r"(?i)giao|kế hoạch|kh\b", labels[0]):
        labels = labels[1:]  # 'Giao KH năm 2023' spans the sub-columns after it
    return labels


def _own_column(labels: list[str]) -> int:
    """The plan's own target column: the locality's resolution/plan, not the upper level's or actuals."""
    best, best_score = len(labels) - 1, -99
    for k, label in enumerate(labels):
        score = _label_score(label)
        if score >= best_score:
            best, best_score = k, score
    return max(best, 0)


def _label_score(label: str) -> int:
    """Higher for the locality's own resolution/plan, lower for an upper level's or actuals."""
    f = f" {fold(label)} "
    score = level_score(label)
    if re.match(r" (?:th|thuc hien|uoc)\b", f):
        score -= 3
    return score


def same_table(a: Header, b: Header) -> bool:
    """The same header printed again (column offsets may shift a little on a new page)."""
    same_columns = [c.label for c in a.columns] == [c.label for c in b.columns]
    return same_columns and (a.labels, a.own, a.has_leader, a.has_coordinating) == (
        b.labels,
        b.own,
        b.has_leader,
        b.has_coordinating,
    )
