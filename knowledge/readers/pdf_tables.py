"""PDF tables drawn without rules, rebuilt from the x-positions of the printed pieces.

A table drawn without lines prints its cells at their columns' x-positions and
wraps a long cell onto further lines at the same x:

    TT   Chỉ tiêu                         ĐVT   Kế      Đơn vị chủ trì
                                                hoạch
    1    Tỷ lệ hộ nghèo theo chuẩn nghèo  %     2,65    Phòng Văn hóa -
         đa chiều                                       Xã hội

The header line ('TT' first) and the first numbered row give the columns; every
following line whose pieces each stay inside one column belongs to the table: a
line with a piece in the first column opens a row, any other continues the cells
of the row above. The first line that does not fit (prose across the page) ends it."""

from __future__ import annotations

import re

from knowledge.model import Block

# A printed piece of a line between column gaps: (x0, x1, text).
Piece = tuple[float, float, str]


_UNRULED_HEAD = re.compile(r"^(?:S\.?TT|TT|Số\s+TT)$", re.IGNORECASE)
_ROW_MARKER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*[.)]?|[IVXLC]{1,6}[.)]?|[a-zđ][.)]|[-+•*–])$")
_X_TOLERANCE = 4.0  # points a cell may start left of its column


def unruled_tables(blocks: list[Block], pieces: dict[int, list[Piece]]) -> list[Block]:
    # only the lines still in the document (an id may be reused after a page number was dropped)
    pieces = {id(b): pieces[id(b)] for b in blocks if b.kind == "line" and id(b) in pieces}
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        found = _unruled_table_at(blocks, i, pieces)
        if found is None:
            out.append(blocks[i])
            i += 1
            continue
        table, i = found
        out.append(table)
    return out


def _unruled_table_at(
    blocks: list[Block], i: int, pieces: dict[int, list[Piece]]
) -> tuple[Block, int] | None:
    """The table whose header line is blocks[i], with the index after its last line."""
    head = pieces.get(id(blocks[i]))
    if not head or len(head) < 4 or not _UNRULED_HEAD.match(head[0][2].strip()):
        return None
    found = _first_row(blocks, i, head, pieces)
    if found is None:
        return None
    first, shown = found
    wrapped = [p for k in range(i + 1, first) for p in pieces[id(blocks[k])]]
    starts = _column_starts([*head, *wrapped], shown)
    if len(starts) < 4:
        return None
    header: list[list[str]] = [[] for _ in starts]
    for k in range(i, first):
        cells = _fit(pieces[id(blocks[k])], starts)
        if cells is None:
            return None
        for c, texts in enumerate(cells):
            header[c].extend(texts)
    rows, end = _body_rows(blocks, first, starts, pieces)
    if len(rows) < 2:
        return None
    table_rows = [[_join_cell(h) for h in header]] + [[_join_cell(c) for c in row] for row in rows]
    return Block(kind="table", rows=table_rows, line_no=blocks[i].line_no), end


def _first_row(
    blocks: list[Block], i: int, head: list[Piece], pieces: dict[int, list[Piece]]
) -> tuple[int, list[Piece]] | None:
    """The first row under the header at i: the next line starting under 'TT' with a marker,
    and the first such line with three pieces or more, which shows the columns."""
    first = None
    for k in range(i + 1, min(i + 7, len(blocks))):
        row = pieces.get(id(blocks[k]))
        if row is None:
            return None
        if abs(row[0][0] - head[0][0]) > _X_TOLERANCE:
            continue  # the header's wrapped labels
        if not _ROW_MARKER.match(row[0][2].strip()):
            return None
        if first is None:
            first = k
        if len(row) >= 3:  # a group row ('I   Chỉ tiêu về kinh tế') does not show the columns
            return first, row
    return None


def _body_rows(
    blocks: list[Block], first: int, starts: list[float], pieces: dict[int, list[Piece]]
) -> tuple[list[list[list[str]]], int]:
    """The rows from `first` on, each cell's texts in order, and the index after the last
    line that fits the columns."""
    rows: list[list[list[str]]] = []
    k = first
    while k < len(blocks):
        block = blocks[k]
        line = pieces.get(id(block))
        if line is None or is_page_furniture(block):
            if block.kind == "table" or (line is None and block.text.strip()):
                break
            k += 1  # a page number between two pages of the table
            continue
        cells = _fit(line, starts)
        if cells is None:
            break
        if cells[0]:
            if not _ROW_MARKER.match(" ".join(cells[0])):
                break
            rows.append([[] for _ in starts])
        elif not rows:
            break
        for c, texts in enumerate(cells):
            rows[-1][c].extend(texts)
        k += 1
    return rows, k


def _column_starts(head: list[Piece], row: list[Piece]) -> list[float]:
    """Column starts from the header's (all its lines) and the first row's pieces:
    pieces overlapping in x share a column (a centred header sits over its cells), which starts at the
    leftmost of them."""
    spans = sorted((x0, x1) for x0, x1, _ in (*head, *row))
    merged: list[list[float]] = []
    for x0, x1 in spans:
        if merged and x0 < merged[-1][1] + _X_TOLERANCE:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return [m[0] for m in merged]


def _fit(line: list[Piece], starts: list[float]) -> list[list[str]] | None:
    """The line's pieces by column, or None when a piece runs across a column start
    (a group row's title, after its marker, may run on)."""
    cells: list[list[str]] = [[] for _ in starts]
    for n, (x0, x1, text) in enumerate(line):
        col = max((c for c, s in enumerate(starts) if s <= x0 + _X_TOLERANCE), default=-1)
        if col < 0:
            return None
        nxt = starts[col + 1] if col + 1 < len(starts) else None
        title = n == 1 and len(line) == 2 and col == 1 and bool(cells[0])
        if nxt is not None and x1 > nxt + _X_TOLERANCE and not title:
            return None
        cells[col].append(text.strip())
    return cells


def _join_cell(parts: list[str]) -> str:
    """'Phòng Văn hóa -' + 'Xã hội' -> 'Phòng Văn hóa - Xã hội'; 'thu-' + 'nhập' -> 'thu-nhập'."""
    out = ""
    for part in parts:
        glued = out.endswith("-") and not out.endswith(" -") and len(out) > 1
        out = f"{out}{part}" if glued else f"{out} {part}".strip()
    return " ".join(out.split())


_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?(?:trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?\s*$", re.IGNORECASE)


def is_page_furniture(block: Block) -> bool:
    return block.kind == "line" and bool(_PAGE_NUMBER.match(block.text))
