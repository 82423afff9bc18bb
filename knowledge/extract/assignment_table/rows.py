"""Rows re-assembled from the lines under a header: a numbered line plus every
continuation line up to the next row start, sub-rows, and group headings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.extract.assignment_columns import cells_by_column
from knowledge.extract.assignment_table.cells import (
    COUNT_NOTE,
    GROUP,
    ROW_NO,
    SUB_MARK,
    SUB_NO,
    UNIT_AT_END,
    column_cells,
    group_of,
    has_cells,
    is_party,
    row_start,
    row_text,
    split_cells,
)
from knowledge.extract.assignment_table.header import NUMBERING, find_header, same_table
from knowledge.extract.assignment_table.shapes import JUNK, Header, Line, Row

_IN_WHICH = re.compile(r"^(?:Trong đó|Cụ thể|Bao gồm)\s*:?$", re.IGNORECASE)
_END = re.compile(
    r"^(?:Nơi nhận|TM\.|KT\.|T/M|CHỦ TỊCH|PHÓ CHỦ TỊCH|Người lập|Phụ lục|PHỤ LỤC|Biểu"
    r"|\*?\s*(?:Ghi chú|Lưu ý|Chú thích|Ghi nhận)\s*:)"  # a footnote under the table
)
_PAGE_MARK = re.compile(r"^(?:Trang\s+\d{1,3}(?:\s*/\s*\d{1,3})?|[-–—]\s*\d{1,3}\s*[-–—])$", re.IGNORECASE)
_PROSE_LEN = 60  # cells are narrow: longer lines without cells are running text
_MAX_ROW_LINES = 16


_MARKER_RAW = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2}){1,2}\.?|\d{1,3}[.)]?|[-+–•*]|[a-zđ]\)|Trong đó\s*:)\s*", re.IGNORECASE
)


def _lone_number_opens_row(lines: list[Line], nxt: int, t: str, last_no: int) -> bool:
    """A row number alone on its line: the next line must open the row's name."""
    if int(t) != last_no + 1:
        return False
    following = next((ln.text for ln in lines[nxt : nxt + 6] if ln.text), "")
    return bool(following) and following[0].isupper() and not re.match(r"(?:S\.?TT|TT)\b", following)


def _row_has_parties(row: Row) -> bool:
    cells = split_cells(row_text(row))
    return bool(cells.leader or cells.responsible)


@dataclass
class _Assembly:
    """Where the reading of one table's body stands."""

    lines: list[Line]
    header: Header
    i: int  # the next line to read
    out: list[Row | str] = field(default_factory=list)
    group: str | None = None
    heading: list[str] | None = None  # a group heading still collecting its words
    row: Row | None = None
    last_no: int = 0
    prose_run: int = 0  # consecutive long lines without cells: the text after the table
    prose_from: int = 0


def assemble_rows(lines: list[Line], start: int, header: Header) -> tuple[list[Row | str], int]:
    """Rows and group headings (as strings) from `start` to the table's end."""
    at = _Assembly(lines, header, start)
    while at.i < len(lines):
        line = lines[at.i]
        at.i += 1
        if not _take(at, line):
            break
    return at.out, at.i


def _take(at: _Assembly, line: Line) -> bool:
    """Read one line into the table; False where the table ends."""
    t = line.text
    if not t or NUMBERING.match(t) or _PAGE_MARK.match(t):
        return True  # 'Trang 2', '- 2 -': a page footer or header between rows
    if _ends_table(at, line):
        return False
    if re.match(r"^(?:S\.?TT|TT)\b", t):
        again = find_header(at.lines, at.i - 1, at.last_no)
        if again and same_table(again[0], at.header):
            at.i = again[1]  # the header repeated on a new page: the same table goes on
            return True
        if again:
            at.i -= 1  # another table
            return False
    lone_number = re.fullmatch(r"\d{1,3}", t) and not _lone_number_opens_row(at.lines, at.i, t, at.last_no)
    if lone_number and at.row is not None and _row_has_parties(at.row):
        return True  # a page number: values never follow the parties
    if _IN_WHICH.match(t):
        return True  # 'Trong đó:' only announces the sub-rows
    continues_heading = at.heading is not None and (not at.heading or t[0].islower())
    if at.heading is not None and continues_heading and not ROW_NO.match(t) and not group_of(t):
        at.heading.append(t)
        at.group = _heading_text(at.heading)
        at.out[-1] = at.group
        return True
    at.heading = None
    _place(at, line)
    return True


def _ends_table(at: _Assembly, line: Line) -> bool:
    """The table's end: a signature or footnote, or running text after it (two long lines
    without cells, or a row grown past any cell's length)."""
    t = line.text
    if _END.match(t) or (len(t) > 140 and not has_cells(t)):
        return True
    prose = len(t) > _PROSE_LEN and not has_cells(t)
    if prose:
        at.prose_run, at.prose_from = at.prose_run + 1, at.prose_from if at.prose_run else line.no
    else:
        at.prose_run, at.prose_from = 0, 0
    row = at.row
    if at.prose_run >= 2 or (row is not None and len(row.lines) >= _MAX_ROW_LINES):
        if row is not None and at.prose_run >= 2:  # the first prose line is no part of the row
            row.lines = [ln for ln in row.lines if ln.no < at.prose_from] or row.lines[:1]
        return True
    return False


def _place(at: _Assembly, line: Line) -> None:
    """A line opens a group heading, a row or a sub-row, or goes on with the row above."""
    t = line.text
    if group_of(t) and (group_match := GROUP.match(t)):
        rest = group_match.group("rest") or ""
        at.heading = [rest] if rest else []
        at.group = _heading_text(at.heading)
        at.out.append(at.group)
        at.row = None
        return
    header = at.header
    no = _positional_row_no(line, header, at.last_no) if header.columns else row_start(t, at.last_no)
    if no is not None and (
        not re.fullmatch(r"\d{1,3}", t) or _lone_number_opens_row(at.lines, at.i, t, at.last_no)
    ):
        at.last_no = int(no)
        at.row = Row(no=no, kind="row", group=at.group, lines=[line], first=_after_marker(line.raw))
        at.out.append(at.row)
        return
    sub = _sub_start(t, line, at.row, header)
    if sub is not None:
        first = line.raw if sub == t else _after_marker(line.raw)
        at.row = Row(no="", kind="sub", group=at.group, lines=[line], first=first)
        at.out.append(at.row)
        return
    if at.row is not None:
        at.row.lines.append(line)


def _positional_row_no(line: Line, header: Header, last_no: int) -> str | None:
    """The row number printed alone in the number column, with a name beside it
    (whatever the name's first word: 'Tổ dân phố …' is a row, not a party)."""
    cells = cells_by_column([line.raw], header.columns)
    roles = [c.role for c in header.columns]
    no = cells[roles.index("no")].rstrip(".)") if "no" in roles else ""
    name = cells[roles.index("name")]
    if not (no.isdigit() and name) or not (int(no) == 1 or last_no < int(no) <= last_no + 3):
        return row_start(line.text, last_no)
    return no


def _sub_start(t: str, line: Line, row: Row | None, header: Header) -> str | None:
    """The text after the marker when `t` opens a sub-row (or an unnumbered row)."""
    m = SUB_NO.match(t) or SUB_MARK.match(t)
    if header.columns:
        return _positional_sub_start(line, row, header) if m or row is not None else None
    if m:
        rest = m.group("rest").strip(JUNK)
        return None if is_party(rest) or not rest[0].isalpha() else rest
    if row is None or not t[0].isupper() or is_party(t) or UNIT_AT_END.fullmatch(t):
        return None
    # unnumbered rows sit indented under the TT column, or carry cells of their own
    if split_cells(row_text(row)).past_name and (line.indent >= 2 or has_cells(t)):
        return t
    return None


def _positional_sub_start(line: Line, row: Row | None, header: Header) -> str | None:
    """In a space-aligned table a line opens a sub-row when its name cell starts with a
    marker ('- Lúa', 'a) Ngô', '1.1 …') or with a capital while it fills a unit or value
    cell of its own; any other line is the wrap of the row above."""
    cells = column_cells([line.raw], header)
    name = cells.get("name", "")
    if not name:
        return None
    m = SUB_NO.match(name) or SUB_MARK.match(name)
    if m:
        rest = m.group("rest").strip(JUNK)
        return rest if rest[:1].isalpha() else None
    filled = any(cells.get(r) for r in ("unit", "target", "actual"))
    return name if row is not None and name[0].isupper() and filled else None


def _after_marker(raw: str) -> str:
    marker = _MARKER_RAW.match(raw)
    return raw[marker.end() :] if marker else raw


def _heading_text(parts: list[str]) -> str:
    return COUNT_NOTE.sub("", " ".join(parts)).strip(" :.-")
