"""Indicator tables: a content column plus a unit and/or target column.

'STT | Nội dung | ĐVT | Kế hoạch 2026-2030 (Đến năm 2030 | Bình quân năm) | Chủ trì | Phối hợp'
and any variant ('Chỉ tiêu | ĐVT | KH năm 2024', 'Tên chỉ tiêu | Mục tiêu | Phụ trách', ...).
Sub-rows ('-', '+', 'a)', un-numbered) belong to the last numbered row; name-only
rows numbered 'I'/'A' (or followed by '1.1' children) are groups. When several
target columns are filled the end-of-period / plan column is the target and
the others go to `other_targets` under their column label."""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.extract.table_grid import (
    Grid,
    Row,
    is_amended_label,
    is_blank_mark,
    level_score,
    spanning_heading,
    years_in,
)
from knowledge.model import Indicator, OtherTarget
from knowledge.numbers import parse_target
from knowledge.text import clean, fold

_BULLET = re.compile(r"^(?:[-+•*–]|[a-zđ][.)]|\(?[a-zđ]\))$")
# a marker written in the name cell: '- Nông nghiệp', 'a) Lúa', '2. Tỷ lệ hộ nghèo'
_NAME_MARKER = re.compile(
    r"^(?:(?P<bullet>[-+•*–]|[a-zđ][.)]|\([a-zđ]\))|(?P<no>\d{1,2}(?:\.\d{1,2})*|[IVXLC]{1,6})[.)])\s+"
)
_ROMAN_OR_LETTER = re.compile(r"^(?:[IVXLC]{1,6}|[A-ZĐ])[.)]?$")
_SUBNUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?$")
_HEADING = re.compile(r"^(?:[IVXLC]{1,6}|[A-ZĐ]|\d{1,2})[.)]\s+(.{3,150})$")
_FIGURE_START = re.compile(r"^(?:≥|≤|>=|<=|>|<|trên|dưới|từ|tối thiểu|tối đa)?\s*\d[\d.,]*\s*%?\s*", re.I)
_FIGURE_SPLIT = re.compile(r"\s*(?:;|,\s)\s*(?=(?:≥|≤|>=|<=|>|<|trên|dưới|từ)?\s*\d)", re.I)
_LABEL_LEAD = re.compile(r"^(?:đối với|với|cho|ở)\s+", re.I)
# '<unit> theo dõi' in a note column: the unit in charge when the table has no column for it
_NOTE_LEAD = re.compile(r"^\s*(?:ghi chú|lưu ý)\s*:\s*", re.I)
_NOTE_VERB = re.compile(
    r"(?<=\s)(?:theo dõi|chủ trì|phụ trách|tham mưu|thực hiện|phối hợp)(?=[\s;,.)]|$)", re.I
)
# folded words that open a unit or an officer ('Phòng …', 'Trạm …', 'Đ/c …', 'các thôn')
_NOTE_PARTY_HEAD = re.compile(
    r"^(?:cac|d ?/? ?c|dong chi|phong|tram|cong an|ban|van phong|uy ban|ubnd|mttq|mat tran|hoi|doan|"
    r"chi hoi|truong|to|bo phan|cong chuc|can bo|quan su|trung tam|hop tac xa|htx|dang uy|chu tich|"
    r"pho chu tich|pct|ct|y te|thon|khu|to dan pho|co quan|don vi|nganh|doi|chi cuc|ngan hang|buu dien"
    r"|dia chinh|tu phap|ke toan|tai chinh|van hoa|chinh sach|thong ke|kinh te|nong nghiep)\b"
)
_PARTY_LEAD = re.compile(r"^\s*(?:giao(?: cho)?|do|và)\s+", re.I)
_VALUE_ROLES = (
    "unit",
    "target",
    "actual",
    "result",
    "leader",
    "responsible",
    "coordinating",
    "deadline",
    "note",
)


def is_indicator_table(grid: Grid) -> bool:
    has_name = any(r in grid.roles for r in ("name", "task"))
    return has_name and any(r in grid.roles for r in ("unit", "target"))


def extract_indicators(grid: Grid, key_prefix: str) -> list[Indicator]:
    views = measure_views(grid)
    if len(views) == 1:
        return _extract(grid, key_prefix, None)
    out: list[Indicator] = []
    for n, (view, measure) in enumerate(views, 1):
        out.extend(_extract(view, f"{key_prefix}M{n}-", measure))
    return out


# 'Giá trị tham gia xuất khẩu (Nghìn USD)': the measure and its unit in brackets
_MEASURE_UNIT = re.compile(r"^(?P<name>.*?)\s*\((?P<unit>[^()]{1,30})\)\s*$")


def measure_views(grid: Grid) -> list[tuple[Grid, tuple[str, str | None] | None]]:
    """A table giving several measures for each year ('Kế hoạch 2026' over 'Lượng (Tấn) |
    Giá trị (Nghìn USD)', then 2027 …): one view per measure, its own target columns only,
    each row an indicator per measure. Any other table is its own single view."""
    cols = grid.cols("target")
    subs = [fold(grid.sub[c]) for c in cols]
    distinct = list(dict.fromkeys(subs))
    if len(distinct) < 2 or "" in distinct or any(subs.count(d) < 2 for d in distinct):
        return [(grid, None)]
    views: list[tuple[Grid, tuple[str, str | None] | None]] = []
    for d in distinct:
        roles = [r if r != "target" or fold(grid.sub[i]) == d else "" for i, r in enumerate(grid.roles)]
        label = clean(grid.sub[cols[subs.index(d)]])
        m = _MEASURE_UNIT.match(label)
        measure = (m.group("name"), m.group("unit")) if m else (label, None)
        views.append((replace(grid, roles=roles), measure))
    return views


def _extract(grid: Grid, key_prefix: str, measure: tuple[str, str | None] | None) -> list[Indicator]:
    name_col = grid.col("name") if "name" in grid.roles else grid.col("task")
    assert name_col is not None
    rows = _merge_fragments(grid, name_col)
    group = _context_group(grid.context)
    out: list[Indicator] = []
    parent: Indicator | None = None  # last numbered indicator: parent of sub-rows
    heading_row: str | None = None  # a numbered row without figures naming the sub-rows below it
    recurring = _recurring_sub_names(grid, rows, name_col)
    for i, row in enumerate(rows):
        heading = spanning_heading(row)
        if heading is not None:
            group, parent = heading[1], None
            continue
        no, name, bullet = _marker(grid.cell(row, "no").strip(), row.cells[name_col])
        if not name:
            heading_text = _lone_heading(grid, row, no)
            if heading_text:
                group, parent = heading_text, None
            continue
        has_values = any(row.cells[c] for role in _VALUE_ROLES for c in grid.cols(role))
        if not has_values and _is_group(no, rows[i + 1 :], grid):
            group, parent, heading_row = name, None, None
            continue
        unnumbered = not no and "no" in grid.roles
        is_child = bullet or unnumbered or _is_subnumber_of(no, parent)
        if not has_values and not is_child and _measured_below(grid, rows[i + 1 :], name_col, recurring):
            # '1 | Cà Phê' over '- Diện tích | Ha | …': the row names what its sub-rows measure
            parent, heading_row = None, name
            continue
        if is_child and heading_row:
            name = f"{heading_row} - {name}"
        elif not is_child:
            heading_row = None
        if measure is not None:
            name = f"{name} - {measure[0]}"
        ind, extra = _indicator(grid, row, name, no, f"{key_prefix}{len(out) + 1:03d}", group)
        if measure is not None and not ind.unit:
            ind.unit = measure[1]
        if is_child and parent is not None:
            ind.parent_key = parent.key
        else:
            parent = ind
        out.append(ind)
        for label, text in extra:  # '≥ 95 gia đình, 100 tổ dân phố': the second figure's own row
            child = Indicator(key=f"{key_prefix}{len(out) + 1:03d}", name=label, group=group, unit=ind.unit)
            _set_target(child, text)
            child.parent_key, child.source_ref = ind.key, row.ref
            out.append(child)
    return out


def _marker(no: str, raw_name: str) -> tuple[str, str, bool]:
    """(number, name, is a sub-row) from the number cell and a marker the name cell may carry."""
    bullet = bool(_BULLET.match(no))
    m = None if no else _NAME_MARKER.match(raw_name)
    if m is None:
        name, part = _without_breakdown_lead(clean(raw_name))
        return no, name, bullet or part
    name, part = _without_breakdown_lead(clean(raw_name[m.end() :]))
    if m.group("bullet"):
        return "", name, True
    return m.group("no"), name, part


# 'Trong đó: Lúa': a part of the row above, named by its own words (as the sample
# annotations name parts: 'thu thường xuyên', not 'trong đó thu thường xuyên')
_BREAKDOWN_LEAD = re.compile(r"^trong\s+đó\s*[:,]?\s*(?=\S)", re.IGNORECASE)


def _without_breakdown_lead(name: str) -> tuple[str, bool]:
    m = _BREAKDOWN_LEAD.match(name)
    if m is None:
        return name, False
    rest = name[m.end() :]
    return rest[:1].upper() + rest[1:], True


def _indicator(
    grid: Grid, row: Row, name: str, no: str, key: str, group: str | None
) -> tuple[Indicator, list[tuple[str, str]]]:
    """The row's indicator, and the labelled further figures its target cell holds."""
    ind = Indicator(
        key=key,
        name=name,
        no="" if _BULLET.match(no) else no,
        group=group,
        unit=grid.cell(row, "unit") or None,
        leader=_join_cols(grid, row, "leader"),
        responsible=_join_cols(grid, row, "responsible"),
        coordinating=_join_cols(grid, row, "coordinating"),
        note=grid.cell(row, "note") or None,
        source_ref=row.ref,
    )
    if not ind.responsible and "responsible" not in grid.roles:
        ind.responsible, coordinating = parties_in_note(ind.note)
        ind.coordinating = ind.coordinating or coordinating
    filled = [c for c in _target_order(grid) if not is_blank_mark(row.cells[c])]
    if not filled:
        return ind, []
    first, extra = _split_figures(row.cells[filled[0]])
    _set_target(ind, first)
    ind.other_targets = [OtherTarget(source=_source_label(grid, c), text=row.cells[c]) for c in filled[1:]]
    return ind, extra


def parties_in_note(note: str | None) -> tuple[str | None, str | None]:
    """(responsible, coordinating) a note names: 'Phòng Kinh tế theo dõi',
    'Ghi chú: Trạm Y tế chủ trì, Hội Phụ nữ phối hợp'."""
    if not note:
        return None, None
    found: dict[str, list[str]] = {"responsible": [], "coordinating": []}
    text = _NOTE_LEAD.sub("", note)
    start = 0
    for m in _NOTE_VERB.finditer(text):
        # the party runs from the previous clause's end: commas inside a unit's name stay
        clause = re.split(r"[;.()]", text[start : m.start()])[-1]
        party = _PARTY_LEAD.sub("", clause.strip(" ,-–:")).strip()
        start = m.end()
        if _NOTE_PARTY_HEAD.match(fold(party)) and len(party.split()) <= 10:
            role = "coordinating" if fold(m.group(0)) == "phoi hop" else "responsible"
            found[role].append(party)
    return "; ".join(found["responsible"]) or None, "; ".join(found["coordinating"]) or None


def _source_label(grid: Grid, c: int) -> str:
    """The column's label; with its parent ('Năm 2025 Kế hoạch') when another target column shares it."""
    same = [k for k in grid.cols("target") if k != c and fold(grid.label(k)) == fold(grid.label(c))]
    return grid.full_label(c) if same else grid.label(c)


def _set_target(ind: Indicator, text: str) -> None:
    target = parse_target(text, unit_hint=ind.unit)
    ind.target_text = text
    ind.target_value, ind.comparator, ind.target_max = target.value, target.comparator, target.max_value
    if not ind.unit and target.unit:
        ind.unit = target.unit


def _split_figures(cell: str) -> tuple[str, list[tuple[str, str]]]:
    """'≥ 95 gia đình, 100 tổ dân phố' -> ('≥ 95 gia đình', [('tổ dân phố', '100 tổ dân phố')]).

    Only when every further figure carries words of its own (its indicator's name);
    otherwise the cell stays whole."""
    parts = [p.strip() for p in _FIGURE_SPLIT.split(cell) if p.strip()]
    if len(parts) < 2 or not _FIGURE_START.match(parts[0]):
        return cell, []
    labelled: list[tuple[str, str]] = []
    for part in parts[1:]:
        m = _FIGURE_START.match(part)
        label = _LABEL_LEAD.sub("", part[m.end() :]).strip() if m else ""
        if len(label.split()) < 2:
            return cell, []
        labelled.append((label, part))
    return parts[0], labelled


def _join_cols(grid: Grid, row: Row, role: str) -> str | None:
    return "; ".join(row.cells[c] for c in grid.cols(role) if row.cells[c]) or None


def _target_order(grid: Grid) -> list[int]:
    """Target columns, best first: an amended plan's adjusted figure ('Kế hoạch sau điều
    chỉnh') before the original's, the plan's own level's before a superior's assignment
    ('Chỉ tiêu xã phấn đấu' before 'Chỉ tiêu tỉnh giao'), then end-of-period / plan columns
    before yearly averages, then the latest year."""

    def rank(c: int) -> tuple[int, int, int, int, int]:
        amended = is_amended_label(grid.full_label(c))
        label = fold(grid.full_label(c))
        # the column's own year first: 'Năm 2030' under 'Giai đoạn 2026 - 2030' is 2030
        years = years_in(grid.label(c)) or years_in(label)
        if "hien hanh" in label:
            r = 4  # 'Năm hiện hành 2025 | Kế hoạch': the current year, beside the plan's years
        elif "den nam" in label or "muc tieu" in label:
            r = 0
        elif "binh quan" in label or "hang nam" in label:
            r = 3
        elif "ke hoach" in label or re.search(r"\bkh\b", label) or "chi tieu" in label:
            r = 1
        else:
            r = 2
        return (not amended, -level_score(label), r, -max(years, default=0), c)

    return sorted(grid.cols("target"), key=rank)


def _merge_fragments(grid: Grid, name_col: int) -> list[Row]:
    """Rows with neither number nor name are the tail of the row above, cut by a page break."""
    out: list[Row] = []
    no_col = grid.col("no")
    keys = [c for c in (no_col, name_col) if c is not None]
    last_key: list[str] = []
    for row in grid.rows:
        empty_key = not row.cells[name_col] and (no_col is None or not row.cells[no_col])
        # number and name merged down over two rows of a Word table read in both
        repeated = bool(row.cells[name_col]) and [row.cells[c] for c in keys] == last_key
        if (empty_key or repeated) and out:
            prev = out[-1]
            prev.cells = [
                f"{a} {b}".strip() if b and b != a else a for a, b in zip(prev.cells, row.cells, strict=True)
            ]
            continue
        last_key = [row.cells[c] for c in keys]
        out.append(Row(list(row.cells), row.ref))
    return out


def _lone_heading(grid: Grid, row: Row, no: str) -> str | None:
    """'A | | Kinh tế | …': a group heading merged across the table whose text landed in
    another column than the name (the first text column lies left of it)."""
    texts = [c for i, c in enumerate(row.cells) if c and grid.roles[i] != "no"]
    if len(texts) != 1 or (no and not _ROMAN_OR_LETTER.match(no)) or len(texts[0]) < 3:
        return None
    return texts[0] if re.search(r"[^\W\d_]{2}", texts[0]) else None


def _sub_rows(grid: Grid, following: list[Row], name_col: int) -> list[str]:
    """The names of the sub-rows ('-', '+', 'a)') with figures right below a row."""
    names: list[str] = []
    for row in following:
        _no, name, bullet = _marker(grid.cell(row, "no").strip(), row.cells[name_col])
        has_values = any(row.cells[c] for role in _VALUE_ROLES for c in grid.cols(role))
        if not (bullet and name and has_values):
            break
        names.append(fold(name))
    return names


def _recurring_sub_names(grid: Grid, rows: list[Row], name_col: int) -> set[str]:
    """Sub-row names that come back under several rows ('- Diện tích', '- Sản lượng')."""
    seen: dict[str, int] = {}
    for row in rows:
        _no, name, bullet = _marker(grid.cell(row, "no").strip(), row.cells[name_col])
        if bullet and name:
            seen[fold(name)] = seen.get(fold(name), 0) + 1
    return {n for n, k in seen.items() if k >= 2}


def _measured_below(grid: Grid, following: list[Row], name_col: int, recurring: set[str]) -> bool:
    """'1 | Cà Phê' over '- Diện tích | Ha | …', '- Sản lượng | Tấn | …': a row without
    figures whose sub-rows are measures named again under other rows is what they measure
    (named with them: 'Cà Phê - Diện tích'), not an indicator of its own. Parts named once
    ('Cơ cấu kinh tế' over '- Nông nghiệp') keep their parent."""
    return any(n in recurring for n in _sub_rows(grid, following, name_col))


def _is_group(no: str, following: list[Row], grid: Grid) -> bool:
    if not no or _ROMAN_OR_LETTER.match(no):
        return True
    if following:
        nxt = grid.cell(following[0], "no").strip()
        return bool(_SUBNUMBER.match(nxt)) and nxt.startswith(no.rstrip(".") + ".")
    return False


def _is_subnumber_of(no: str, parent: Indicator | None) -> bool:
    return parent is not None and bool(parent.no) and no.startswith(parent.no.rstrip(".") + ".")


def _context_group(context: list[str]) -> str | None:
    """The numbered heading just above the table ('I. Các chỉ tiêu chủ yếu ...')."""
    for line in reversed(context):
        m = _HEADING.match(line)
        if m:
            return m.group(1).strip().rstrip(":")
    return None
