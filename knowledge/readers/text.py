"""The .txt and .md reader: lines, markdown headings and bold lines, and the tables such
files carry (tab-separated rows as Excel copies them, pipe tables, HTML tables, one
cell per line); a portal page's menu and counters are blanked."""

from __future__ import annotations

import re
from collections.abc import Iterator

from knowledge.errors import UnreadableDocument
from knowledge.model import Block
from knowledge.readers.cell_lines import cell_per_line_table
from knowledge.readers.cells import clean_cell, inline_md, normalise, strip_html
from knowledge.readers.html_tables import HTML_TABLE_OPEN, html_table_end, html_table_rows

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
# '|---|:---:|' and the short '|:-:|-|' forms (one dash is enough when every column has one)
_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_PIPE_SEPARATOR_LONG = re.compile(r":?-{3,}:?|:-+|-+:")


def read_text(data: bytes) -> list[Block]:
    try:
        # Notepad's 'Unicode' saves UTF-16 with a byte-order mark
        text = data.decode("utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(f"not UTF-8 text (undecodable byte at offset {exc.start})") from None
    if "\x00" in text:
        raise UnreadableDocument("binary file, not text")
    lines = normalise(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the final newline does not open a line
    return list(_text_blocks(lines))


def _text_blocks(lines: list[str]) -> Iterator[Block]:
    i = 0
    bold_open = False
    while i < len(lines):
        line = lines[i]
        if HTML_TABLE_OPEN.search(line):
            j = html_table_end(lines, i)
            rows = html_table_rows("\n".join(lines[i : j + 1]))
            if rows:
                yield Block(kind="table", rows=rows, line_no=i + 1)
                i = j + 1
                continue
        if "\t" in line:
            j, cells = i, []
            while j < len(lines) and ("\t" in lines[j] or (j > i and lines[j].startswith('"'))):
                row, after = _tab_row(lines, j)
                if len(row) < 2:
                    break  # a line opening with a quote, not a row of the table
                cells.append(row)
                j = after
            if _marker_rows(lines[i:j]):  # '1.<TAB>Mục đích': numbered lines, not a table
                for k in range(i, j):
                    block, bold_open = _line_block(lines[k].replace("\t", " ", 1), k + 1, bold_open)
                    yield block
            else:
                rows = [[clean_cell(inline_md(c)) for c in row] for row in cells]
                yield Block(kind="table", rows=rows, line_no=i + 1)
            i = j
            continue
        if line.strip() == "|" and i + 1 < len(lines) and lines[i + 1].strip():
            rows, j = cell_per_line_table(lines, i)
            if rows:
                yield Block(kind="table", rows=rows, line_no=i + 1)
            else:  # the letterhead or signature block: its lines as they are, read once
                for k in range(i, j):
                    block, bold_open = _line_block(lines[k], k + 1, bold_open)
                    yield block
            i = j
            continue
        if "|" in line and i + 1 < len(lines) and _is_pipe_separator(line, lines[i + 1]):
            j = i + 2
            while j < len(lines) and "|" in lines[j] and lines[j].strip():
                j += 1
            rows = [_pipe_cells(r) for r in [lines[i], *lines[i + 2 : j]]]
            yield Block(kind="table", rows=rows, line_no=i + 1)
            i = j
            continue
        if _WEB_FURNITURE.match(line) or _site_menu(line):
            yield Block(kind="line", text="", line_no=i + 1)  # a portal's menu or counter, not the text
            i += 1
            continue
        block, bold_open = _line_block(line, i + 1, bold_open)
        # emphasis never runs past a paragraph: a '**' left open by a mangled export
        # ('** Lưu ý …:*') must not turn every later paragraph into a heading
        bold_open = bold_open and bool(line.strip())
        yield block
        i += 1


_QUOTED_CELL_MAX_LINES = 20
# A portal page's furniture around the text: visitor counters, copyright lines.
_WEB_FURNITURE = re.compile(
    r"^\W*(?:lượt\s+truy\s+cập|số\s+lượt\s+(?:truy\s+cập|xem)|lượt\s+xem|đang\s+(?:online|truy\s+cập|trực\s+tuyến)"
    r"|tổng\s+(?:số\s+)?lượt\s+truy\s+cập|bản\s+quyền\s+(?:thuộc|©)|copyright|©)",
    re.IGNORECASE,
)
_MENU_WORDS = ("trang chủ", "liên hệ", "giới thiệu", "tin tức", "sơ đồ", "đăng nhập", "tìm kiếm")


def _site_menu(line: str) -> bool:
    """'Trang chủ | Giới thiệu | Tin tức | Liên hệ': a site's menu bar."""
    parts = [p.strip().lower() for p in re.split(r"\s[|»>/]\s|\s{3,}", line) if p.strip()]
    return (
        len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts) and any(p in _MENU_WORDS for p in parts)
    )


def _tab_row(lines: list[str], i: int) -> tuple[list[str], int]:
    """The cells of the tab-separated row starting at `lines[i]` and the index of the
    line after it. Excel copies a cell holding a line break as '"..."' with inner
    quotes doubled; such a cell, when its quotes close at a cell's end within a few
    lines, is one cell across those lines. Any other quote is text as written."""
    cells: list[str] = []
    k, start = i, 0
    while True:
        text = lines[k]
        quoted = _quoted_cell(lines, k, start) if text.startswith('"', start) else None
        if quoted is not None:
            value, k, end = quoted
            cells.append(value)
            if end >= len(lines[k]):
                return cells, k + 1
            start = end + 1  # past the tab
            continue
        tab = text.find("\t", start)
        if tab == -1:
            cells.append(text[start:])
            return cells, k + 1
        cells.append(text[start:tab])
        start = tab + 1


def _quoted_cell(lines: list[str], k: int, start: int) -> tuple[str, int, int] | None:
    """(text, line, end) of an Excel-quoted cell opening at `lines[k][start]` and
    spanning several lines, `end` just past its closing quote; None when the quotes do
    not close at a cell's end (a tab or the line's end) or close on the opening line."""
    parts: list[str] = []
    line, pos = k, start + 1
    while True:
        text = lines[line]
        q = text.find('"', pos)
        if q == -1:
            parts.append(text[pos:] + "\n")
            line, pos = line + 1, 0
            if line >= len(lines) or line - k >= _QUOTED_CELL_MAX_LINES or not lines[line].strip():
                return None
            continue
        if text.startswith('""', q):  # a quote inside the cell
            parts.append(text[pos:q] + '"')
            pos = q + 2
            continue
        if line == k or (q + 1 < len(text) and text[q + 1] != "\t"):
            return None
        parts.append(text[pos:q])
        return "".join(parts), line, q + 1


_MARKER = re.compile(r"^\s*(?:[-+•*–]|\(?\d{1,3}(?:\.\d{1,3}){0,3}[.)]?|[a-zđ][.)]|[IVXLC]{1,6}[.)]?)\s*$")


def _marker_rows(rows: list[str]) -> bool:
    """Every line is an item marker, one tab, then text."""
    return all(r.count("\t") == 1 and _MARKER.match(r.split("\t", 1)[0]) for r in rows)


def _line_block(line: str, line_no: int, bold_open: bool) -> tuple[Block, bool]:
    """One text line; `bold_open` carries a '**' that spans several lines."""
    raw = line.rstrip()
    heading = False
    m = _MD_HEADING.match(raw)
    if m:
        raw, heading = m.group(2), True
    stripped = raw.strip()
    starts_bold = stripped.startswith("**")
    closes = stripped.count("**") % 2 == 1
    wholly_bold = (
        bold_open
        or (starts_bold and stripped.endswith("**") and len(stripped) > 4 and "**" not in stripped[2:-2])
        or (starts_bold and closes)
    )
    if stripped and wholly_bold and not (bold_open and closes and not stripped.endswith("**")):
        heading = True
    if closes:
        bold_open = not bold_open
    text = strip_html(inline_md(raw), squeeze=False)
    return Block(kind="line", text=text, line_no=line_no, heading=heading and bool(text.strip())), bold_open


def _is_pipe_separator(header: str, line: str) -> bool:
    """`line` is the delimiter row under the pipe-table header `header`: cells of
    dashes with optional alignment colons. A cell of three dashes or with a colon
    marks it; short cells of dashes alone ('|-|-|') must match the header's columns,
    so a list item '| - |' under a line with a pipe stays text."""
    if "|" not in line or not _PIPE_SEPARATOR.match(line):
        return False
    cells = _split_pipes(line)
    if any(_PIPE_SEPARATOR_LONG.fullmatch(c.strip()) for c in cells):
        return True
    return len(cells) == len(_split_pipes(header)) >= 2


def _split_pipes(line: str) -> list[str]:
    s = line.strip()
    s = s[1:] if s.startswith("|") else s
    s = s[:-1] if s.endswith("|") and not s.endswith("\\|") else s
    return re.split(r"(?<!\\)\|", s)


def _pipe_cells(line: str) -> list[str]:
    cells = _split_pipes(line)
    return [clean_cell(inline_md(c.replace("\\|", "|"))) for c in cells]
