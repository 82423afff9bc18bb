"""Tables exported one cell per line ('|', cell, '|', cell, …): rows rebuilt from the
lone pipes, their header rows laid over the columns they span."""

from __future__ import annotations

import re

from knowledge.readers.cells import clean_cell, inline_md

# The number or letter that opens a table row ('1', 'II', '2.3', 'a').
_ROW_NUMBER = re.compile(r"^(?:[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,3}){0,3}|[a-zđ])\.?$")


def _pipe_segments(lines: list[str], i: int) -> tuple[list[str], int]:
    """The texts between the lone '|' lines from `lines[i]` on, and the index after the
    last '|': a '|' followed by a blank line or the end of the file closes the run."""
    segments: list[str] = []
    current: list[str] = []
    j = i + 1
    while j < len(lines):
        if lines[j].strip() == "|":
            segments.append(" ".join(current))
            current = []
            j += 1
            if j >= len(lines) or not lines[j].strip():
                return segments, j
            continue
        current.append(lines[j].strip())
        j += 1
    if current:
        segments.append(" ".join(current))
    return segments, j


def cell_per_line_table(lines: list[str], i: int) -> tuple[list[list[str]], int]:
    """A table exported one cell per line ('|', cell, '|', cell, …, '|', '|', next row):
    every cell opens with a lone '|' and every row closes with one, so an empty text
    between two pipes is either an empty cell or a row's end. When the rows are numbered
    (an empty text then '1', 'II', '2.3' again and again), a row ends there and the header
    rows are what comes before the first; otherwise the header row (the texts before the
    first empty one) gives the width and a row ends when it is full. Runs of at most two
    columns (the letterhead, the signature and 'Nơi nhận' blocks) give no rows: they stay
    lines. Returns the rows and the index of the line after the run."""
    segments, end = _pipe_segments(lines, i)
    cells = [clean_cell(inline_md(s)) for s in segments]
    width = next((k for k, c in enumerate(cells) if not c), len(cells))
    if width < 3 or len(cells) < 2 * width:
        return [], end
    rows = _even_rows(cells)
    if rows is None:
        starts = [k + 1 for k in range(len(cells) - 1) if not cells[k] and _ROW_NUMBER.match(cells[k + 1])]
        rows = _numbered_rows(cells, starts) if len(starts) >= 3 else _full_rows(cells, width)
    width = max(len(r) for r in rows)
    return [r + [""] * (width - len(r)) for r in rows], end


def _even_rows(cells: list[str]) -> list[list[str]] | None:
    """Rows of one width W when, past the header rows, the texts fall into runs of W cells
    and the row's closing pipe (an empty text) — empty cells and all, as these exports
    print every cell of every row. Header rows may be shorter (cells merged across: 'GIAI
    ĐOẠN 2026 - 2030' over 'Năm 2026 … Năm 2030'): they are laid out under the full width.
    The first header split and the narrowest width that hold for every row win; None when
    no width does (rows that drop their empty cells: numbered rows are read instead)."""
    row_ends = [k + 1 for k, c in enumerate(cells) if not c]
    for start in [0, *row_ends[:3]]:
        head = _split_at_empty(cells[:start])
        if any(not row for row in head):
            break  # an empty header cell: the header ends before this split
        for header in _header_layouts(head, cells):
            width = len(header[0]) if header else next((k for k, c in enumerate(cells) if not c), 0)
            body = _runs(cells[start:], width)
            if width >= 3 and body is not None:
                return header + body
    return None


def _split_at_empty(cells: list[str]) -> list[list[str]]:
    rows: list[list[str]] = [[]]
    for c in cells:
        if c:
            rows[-1].append(c)
        else:
            rows.append([])
    return rows[:-1] if rows and not rows[-1] else rows


def _runs(body: list[str], width: int) -> list[list[str]] | None:
    """`body` as rows of `width` cells each closed by an empty text, or None."""
    rows = [body[k : k + width + 1] for k in range(0, len(body), width + 1)]
    if len(rows) < 2 or len(rows[-1]) < width:
        return None
    if any(len(r) > width and r[width] for r in rows):
        return None
    if any(not any(r[:width]) for r in rows):
        return None  # a row of nothing but empty cells: the width is wrong
    return [r[:width] for r in rows]


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# a header cell over several columns: a period ('Giai đoạn 2026 - 2030') over its years, or
# one year ('Năm 2025') or measure over its plan and actual figures
_PERIOD_LABEL = re.compile(r"(?i)giai đoạn|\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b|\bdự kiến\b")
_SPANNING_LABEL = re.compile(r"(?i)\b(?:19|20)\d\d\b|năm|kế hoạch|thực hiện|chỉ tiêu|kết quả")


def _merged_cell(top: list[str], below: list[str]) -> int:
    """Which cell of the top header row spans the row below: the period when the row
    below names years, else the first year or measure (a year over 'Kế hoạch | Ước thực
    hiện'); the last cell when nothing says."""
    names_years = sum(bool(_YEAR.search(c)) for c in below) >= 2
    label = _PERIOD_LABEL if names_years else _SPANNING_LABEL
    found = [i for i, c in enumerate(top) if i > 0 and label.search(c)]
    if not found:
        return len(top) - 1
    return found[-1] if names_years else found[0]


def _header_layouts(head: list[list[str]], cells: list[str]) -> list[list[list[str]]]:
    """The ways the header rows can sit over the table's columns, each at its width: as
    printed (padded on the right); with one merged top cell over the whole row below
    ('GIAI ĐOẠN 2026 - 2030' over 'Năm 2026 … Năm 2030'); with the top row's last cells
    each over an equal share of it ('Kế hoạch 2026' over 'Lượng | Giá trị', year after
    year). The data rows decide which one holds."""
    if not head:
        return [[]]
    widest = max(len(r) for r in head)
    layouts = [[r + [""] * (widest - len(r)) for r in head]]
    if len(head) != 2:
        return layouts
    top, below = head
    i = _merged_cell(top, below)
    layouts.append(
        [
            top[: i + 1] + [""] * (len(below) - 1) + top[i + 1 :],
            [""] * i + below + [""] * (len(top) - i - 1),
        ]
    )
    for fixed in range(1, len(top) - 1):
        spanning = len(top) - fixed
        if len(below) % spanning or len(below) == spanning:
            continue
        share = len(below) // spanning
        top_row = top[:fixed] + [c for t in top[fixed:] for c in [t] + [""] * (share - 1)]
        layouts.append([top_row, [""] * fixed + below])
    runs = _year_runs(below)
    if len(runs) >= 2 and len(runs) < len(top):
        # 'Năm 2025' over 'Dự toán | Đánh giá', then 'Dự kiến 03 năm' over 'Năm 2026 … 2028':
        # each of the last top cells spans one run of year / non-year labels below
        fixed = len(top) - len(runs)
        top_row = top[:fixed] + [
            c for t, n in zip(top[fixed:], runs, strict=True) for c in [t] + [""] * (n - 1)
        ]
        layouts.append([top_row, [""] * fixed + below])
    return layouts


def _year_runs(cells: list[str]) -> list[int]:
    """The lengths of the runs of cells that name a year and of cells that do not."""
    runs: list[list[int]] = []
    for c in cells:
        kind = int(bool(_YEAR.search(c)))
        if runs and runs[-1][0] == kind:
            runs[-1][1] += 1
        else:
            runs.append([kind, 1])
    return [n for _, n in runs]


def _numbered_rows(cells: list[str], starts: list[int]) -> list[list[str]]:
    """Rows that each open with their number; the header rows before the first one are
    split at their empty texts (row ends: a header cell is never empty in these exports)."""
    rows: list[list[str]] = []
    row: list[str] = []
    for c in cells[: starts[0]]:
        if c:
            row.append(c)
        elif row:
            rows.append(row)
            row = []
    for a, b in zip(starts, [*starts[1:], len(cells)], strict=True):
        body = cells[a:b]
        while body and not body[-1]:
            body.pop()  # the row's closing pipe
        rows.append(body)
    return rows


def _full_rows(cells: list[str], width: int) -> list[list[str]]:
    rows: list[list[str]] = [cells[:width]]
    row: list[str] = []
    for cell in cells[width + 1 :]:  # past the header's closing pipe
        if len(row) >= width:
            if any(row):
                rows.append(row)
            row = []
            if not cell:
                continue
        row.append(cell)
    if any(row):
        rows.append(row)
    return rows
