"""Readers: turn .txt/.md/.docx/.pdf files into a `Document` of blocks.

Every reader returns blocks in reading order: 'line' blocks (one source line
each, blank lines kept so line numbers stay meaningful) and 'table' blocks
(rows of cleaned cell texts). Bad input raises `UnreadableDocument` with a
one-line reason; no library exception escapes to the caller."""

from __future__ import annotations

import hashlib
import html
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from knowledge.errors import UnreadableDocument
from knowledge.model import Block, Document
from knowledge.text import LEGACY_GLYPHS, nfc

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")


def collect_paths(paths: list[str | Path]) -> list[Path]:
    """Expand folders into the supported, non-hidden files they hold (sorted); keep files as given."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.iterdir() if f.is_file() and _wanted(f)))
        else:
            out.append(p)
    return out


def _wanted(f: Path) -> bool:
    # '~$x.docx' are Word lock files, '.x' hidden files: never documents
    return f.suffix.lower() in SUPPORTED_SUFFIXES and not f.name.startswith((".", "~$"))


@dataclass(frozen=True)
class ReadLimits:
    """What one file may cost to read: bytes on disk, bytes a .docx inflates to, PDF pages.
    Past a limit the file is refused before the costly parse (memory stays bounded)."""

    max_file_bytes: int = 20 * 2**20
    # python-docx holds the whole tree (5–10 times the XML): 40 MB keeps it under 500 MB
    max_docx_inflated_bytes: int = 40 * 2**20
    max_pdf_pages: int = 300


def read_document(path: Path, limits: ReadLimits | None = None) -> Document:
    """Read one file; raises `UnreadableDocument` with a one-line reason."""
    path = Path(path)
    limits = limits or ReadLimits()
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise UnreadableDocument("old .doc format is not supported (save it as .docx)")
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableDocument(f"unsupported file type '{suffix or path.name}'")
    data = _read_regular_file(path, limits.max_file_bytes)
    if not data.strip():
        raise UnreadableDocument("empty file")
    if suffix == ".docx":
        blocks = _read_docx(data, limits.max_docx_inflated_bytes)
    elif suffix == ".pdf":
        blocks = _read_pdf(data, limits.max_pdf_pages)
    else:
        blocks = _READERS[suffix](data)
    if not any(b.text.strip() or b.rows for b in blocks):
        raise UnreadableDocument("no text found")
    return Document(source=path.name, blocks=blocks, content_hash=hashlib.sha256(data).hexdigest())


def _read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`. A FIFO would block the open
    (and a device such as /dev/zero never ends): they are refused from a stat, through
    links, before opening; the size is checked on the open descriptor too, and the read
    stops one byte past the limit, so a file growing meanwhile is still refused."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise UnreadableDocument("not a regular file")
        if st.st_size > max_bytes:
            raise UnreadableDocument(f"file too large ({_mib(st.st_size)} MB, limit {_mib(max_bytes)} MB)")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):  # swapped after the stat
                raise UnreadableDocument("not a regular file")
            data = f.read(max_bytes + 1)
    except OSError as exc:
        raise UnreadableDocument(f"cannot read file: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise UnreadableDocument(f"file too large (over {_mib(max_bytes)} MB)")
    return data


def _mib(n: int) -> str:
    return f"{n / 2**20:.1f}".removesuffix(".0")


def normalise(text: str) -> str:
    """NFC and legacy PDF glyphs fixed; spacing kept (column layouts rely on it)."""
    return nfc(text).translate(LEGACY_GLYPHS)


# --------------------------------------------------------------------------- HTML cells

_SUPERSCRIPT = str.maketrans("0123456789+-=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ")
_SUBSCRIPT = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
_SUP = re.compile(r"(\S?)\s*<sup>\s*([^<]*?)\s*</sup>", re.IGNORECASE)
_SUB = re.compile(r"<sub>\s*([^<]*?)\s*</sub>", re.IGNORECASE)
_BREAK = re.compile(r"<br\s*/?>|</p>\s*<p[^>]*>|</?(?:li|tr|div)\b[^>]*>", re.IGNORECASE)
_KNOWN_TAG = re.compile(
    r"</?(?:p|b|i|u|em|strong|br|sup|sub|span|div|ol|ul|li|font|a|s|strike|mark|small|big|table|tr|td|th)\b[^>]*>",
    re.IGNORECASE,
)
_HAS_MARKUP = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")


def _sup(m: re.Match[str]) -> str:
    before, inner = m.group(1), m.group(2)
    if inner and all(c in "0123456789+-=()n" for c in inner):
        # 'm <sup>2</sup>' -> 'm²': the superscript belongs to the word before it
        return before + inner.translate(_SUPERSCRIPT)
    return f"{before} {inner}" if before else inner


def _sub(m: re.Match[str]) -> str:
    inner = m.group(1)
    return inner.translate(_SUBSCRIPT) if inner.isdigit() else inner


def strip_html(text: str, *, squeeze: bool = True) -> str:
    """Visible text of an HTML fragment; <br> and paragraph breaks become '\\n'."""
    if not _HAS_MARKUP.search(text):
        return _squeeze_lines(text) if squeeze else text
    t = _SUP.sub(_sup, text)
    t = _SUB.sub(_sub, t)
    t = _BREAK.sub("\n", t)
    t = _KNOWN_TAG.sub("", t)
    t = html.unescape(t).replace("\u00a0", " ")
    return _squeeze_lines(t) if squeeze else t


def _squeeze_lines(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def clean_cell(text: str | None) -> str:
    """A table cell as shown to a reader: markup gone, spaces squeezed, line breaks kept."""
    if not text:
        return ""
    return strip_html(normalise(text).replace("\r", ""))


# --------------------------------------------------------------------------- text / markdown

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
_UNDERSCORE_EMPH = re.compile(r"(?<![\w_])__(?=\S)(.+?)(?<=\S)__(?![\w_])")
# '_(Phòng Kinh tế)_', '*Ghi chú*': single-marker emphasis; '___' blanks and snake_case stay
# an italic mark an export left unpaired or spread over lines ('*6.1. *Hàng năm', 'Lưu ý:*'):
# a '*' opening a word or closing one; a bullet '* ' and a footnote '(*)' stay
_STRAY_STAR = re.compile(r"(?:(?<=^)|(?<=\s))\*(?=[^\s*)])|(?<=[^\s(*])\*(?=[\s.,;:)]|$)")
_SINGLE_EMPH = re.compile(r"(?<![\w_*])([_*])(?=[^\s_*])(.+?)(?<=[^\s_*])\1(?![\w_*])")
# '|---|:---:|' and the short '|:-:|-|' forms (one dash is enough when every column has one)
_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_PIPE_SEPARATOR_LONG = re.compile(r":?-{3,}:?|:-+|-+:")


def _read_text(data: bytes) -> list[Block]:
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
        if _HTML_TABLE_OPEN.search(line):
            j = _html_table_end(lines, i)
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
                rows = [[clean_cell(_inline_md(c)) for c in row] for row in cells]
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
    cells = [clean_cell(_inline_md(s)) for s in segments]
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


_HTML_TABLE_OPEN = re.compile(r"<table\b", re.IGNORECASE)
_HTML_TABLE_TAG = re.compile(r"<(/?)table\b", re.IGNORECASE)


def _html_table_end(lines: list[str], start: int) -> int:
    """Index of the line closing the <table> opened on line `start` (nesting counted)."""
    depth = 0
    for k in range(start, len(lines)):
        for m in _HTML_TABLE_TAG.finditer(lines[k]):
            depth += -1 if m.group(1) else 1
        if depth <= 0:
            return k
    return len(lines) - 1


class _TableParser(HTMLParser):
    """Rows of an HTML table on its grid: colspan/rowspan positions stay ''."""

    _KEEP = ("sup", "sub", "br", "p", "li")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.span = (1, 1)
        self.pending: dict[int, int] = {}  # column -> rows still covered by a rowspan
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.depth += 1
        if self.depth > 1:  # a nested table: its text belongs to the outer cell
            if self.cell is not None and tag in ("tr", "br", "p"):
                self.cell.append("<br>")
            return
        if tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            a = dict(attrs)
            self.span = (_int(a.get("colspan")), _int(a.get("rowspan")))
            self.cell = []
        elif self.cell is not None and tag in self._KEEP:
            self.cell.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.depth -= 1
            return
        if self.depth > 1:
            return
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            self._place(clean_cell("".join(self.cell)))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self._fill_pending()
            self.rows.append(self.row)
            self.row = None
        elif self.cell is not None and tag in self._KEEP:
            self.cell.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data.replace("<", "&lt;"))

    def _fill_pending(self) -> None:
        assert self.row is not None
        while self.pending.get(len(self.row), 0) > 0:
            self.pending[len(self.row)] -= 1
            self.row.append("")

    def _place(self, text: str) -> None:
        assert self.row is not None
        self._fill_pending()
        colspan, rowspan = self.span
        for k in range(colspan):
            if rowspan > 1:
                self.pending[len(self.row)] = rowspan - 1
            self.row.append(text if k == 0 else "")


def _int(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 100))
    except ValueError:
        return 1


def html_table_rows(markup: str) -> list[list[str]]:
    """Rows of cell texts of the first HTML table in `markup`."""
    parser = _TableParser()
    parser.feed(markup)
    parser.close()
    return [r for r in parser.rows if any(r)]


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
    text = strip_html(_inline_md(raw), squeeze=False)
    return Block(kind="line", text=text, line_no=line_no, heading=heading and bool(text.strip())), bold_open


def _inline_md(text: str) -> str:
    t = text.replace("**", "")
    t = _UNDERSCORE_EMPH.sub(r"\1", t)
    t = _SINGLE_EMPH.sub(r"\2", t)
    t = _STRAY_STAR.sub("", t)
    return _MD_ESCAPE.sub(r"\1", t)


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
    return [clean_cell(_inline_md(c.replace("\\|", "|"))) for c in cells]


# --------------------------------------------------------------------------- .docx

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _read_docx(data: bytes, max_inflated: int = ReadLimits.max_docx_inflated_bytes) -> list[Block]:
    import io
    import zipfile

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise UnreadableDocument("not a valid .docx file")
    _check_inflated(data, max_inflated)
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        return list(_docx_blocks(document, document.element.body))
    except UnreadableDocument:
        raise
    except Exception:  # python-docx raises many kinds for a damaged package
        raise UnreadableDocument("not a valid .docx file") from None


def _check_inflated(data: bytes, max_inflated: int) -> None:
    """Refuse a package whose parts inflate past `max_inflated` bytes in total (a zip bomb)
    before python-docx inflates and parses them. The sizes are the archive's own; zipfile
    never inflates a member past its stated size (it fails the CRC instead), so a package
    that understates them cannot get more through."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            total = sum(max(i.file_size, 0) for i in z.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise UnreadableDocument("not a valid .docx file") from None
    if total > max_inflated:
        raise UnreadableDocument(
            f"document too large when unpacked ({_mib(total)} MB, limit {_mib(max_inflated)} MB)"
        )


def _docx_blocks(document: Any, body: Any) -> Iterator[Block]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    line_no = 0
    numbering = _Numbering(document)
    for el in _body_elements(body):
        if el.tag == f"{_W}p":
            para = Paragraph(el, document)
            text = _docx_text(el)
            # python-docx resolves a paragraph's style by scanning every style (~10 ms):
            # an empty paragraph is never a heading, so a million of them cost nothing
            heading = bool(text.strip()) and _docx_heading(para)
            label = numbering.label(para) if text.strip() else ""
            if label:
                text = f"{label} {text.lstrip()}"
            for piece in normalise(text).split("\n"):
                line_no += 1
                yield Block(kind="line", text=piece, line_no=line_no, heading=heading and bool(piece.strip()))
        else:
            rows = _docx_rows(Table(el, document))
            if rows:
                yield Block(kind="table", rows=rows, line_no=line_no + 1)
                line_no += len(rows)


_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26]
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    return str(n)


class _Numbering:
    """Word's automatic list numbers ('1.', 'a)', 'II.'), which paragraph text
    does not hold but item detection needs. Bullets become '-'."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (numId, ilvl) -> fmt, text, start
        self.abstract_of: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except Exception:  # no numbering part: nothing is numbered
            return
        abstracts: dict[str, dict[int, tuple[str, str, int]]] = {}
        for absn in root.findall(f"{_W}abstractNum"):
            lvls: dict[int, tuple[str, str, int]] = {}
            for lvl in absn.findall(f"{_W}lvl"):
                fmt, text, start = (lvl.find(f"{_W}{t}") for t in ("numFmt", "lvlText", "start"))
                lvls[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{_W}val", "") if text is not None else "",
                    int(start.get(f"{_W}val", "1")) if start is not None else 1,
                )
            abstracts[absn.get(f"{_W}abstractNumId", "")] = lvls
        for num in root.findall(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is None:
                continue
            num_id, abs_id = num.get(f"{_W}numId", ""), ref.get(f"{_W}val", "")
            self.abstract_of[num_id] = abs_id
            for ilvl, spec in abstracts.get(abs_id, {}).items():
                self.levels[(num_id, ilvl)] = spec

    def label(self, para: Any) -> str:
        num_id, ilvl = _num_pr(para)
        if num_id is None or (num_id, ilvl) not in self.levels:
            return ""
        fmt, text, start = self.levels[(num_id, ilvl)]
        if fmt == "none":
            return ""
        if fmt == "bullet":
            return "-"
        counters = self.counters.setdefault(self.abstract_of.get(num_id, num_id), {})
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a new parent item restarts its children
        label = text
        for level in range(ilvl + 1):
            lfmt, _, lstart = self.levels.get((num_id, level), ("decimal", "", 1))
            label = label.replace(f"%{level + 1}", _format_number(counters.get(level, lstart), lfmt))
        return label.strip()


def _num_pr(para: Any) -> tuple[str | None, int]:
    """numId and level of a paragraph, from the paragraph or its style chain."""
    sources = [para._p.pPr]
    style = para.style
    while style is not None:
        sources.append(style.element.pPr)
        style = style.base_style
    for ppr in sources:
        numpr = ppr.find(f"{_W}numPr") if ppr is not None else None
        if numpr is None:
            continue
        num_id, ilvl = numpr.find(f"{_W}numId"), numpr.find(f"{_W}ilvl")
        if num_id is not None:
            value = num_id.get(f"{_W}val")
            return (None if value == "0" else value), int(
                ilvl.get(f"{_W}val", "0")
            ) if ilvl is not None else 0
    return None, 0


def _body_elements(parent: Any) -> Iterator[Any]:
    """Paragraphs and tables in document order, looking inside content controls."""
    for el in parent.iterchildren():
        if el.tag in (f"{_W}p", f"{_W}tbl"):
            yield el
        elif el.tag == f"{_W}sdt":
            content = el.find(f"{_W}sdtContent")
            if content is not None:
                yield from _body_elements(content)


def _docx_heading(para: Any) -> bool:
    style = (para.style.name if para.style is not None else "") or ""
    if style.lower().startswith(("heading", "title")):
        return True
    runs = [r for r in para.runs if r.text.strip()]
    return bool(runs) and all(_run_bold(r) or (r.bold is None and _style_bold(para.style)) for r in runs)


def _style_bold(style: Any) -> bool:
    while style is not None:
        if style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return False


def _run_bold(run: Any) -> bool:
    if run.bold is not None:
        return bool(run.bold)
    style = run.style
    while style is not None:
        if style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return False


_RUN_TEXT = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _docx_text(p: Any) -> str:
    """A paragraph's visible text, including tracked insertions, hyperlinks and
    text boxes (deleted text is stored as w:delText and stays out)."""
    parts: list[str] = []
    for el in p.iter(*_RUN_TEXT):
        if next(el.iterancestors(_MC_FALLBACK), None) is not None:
            continue  # the old-format copy of a text box already read in mc:Choice
        fixed = _RUN_TEXT[el.tag]
        parts.append(el.text or "" if fixed is None else fixed)
    return "".join(parts)


def _cell_text(tc: Any) -> str:
    """A cell's paragraphs joined by line breaks (nested tables included)."""
    return "\n".join(_docx_text(p) for p in tc.iter(f"{_W}p"))


def _docx_rows(table: Any) -> list[list[str]]:
    """Rows of cell texts on the table grid. A cell merged across columns gives its text
    once (in its first grid column, the columns it covers stay ''); a cell merged down
    over several rows ('Lãnh đạo chỉ đạo' written once for a block of tasks) gives it
    to every row it covers: a continuation cell (`<w:vMerge/>` without 'restart')
    repeats the text of the cell that opened the merge in the same grid column."""

    rows: list[list[str]] = []
    above: dict[int, str] = {}  # grid column -> text of the last cell starting there
    for tr in table._tbl.tr_lst:
        row: list[str] = [""] * int(getattr(tr, "grid_before", 0) or 0)
        for tc in tr.tc_lst:
            span = int(tc.grid_span or 1)
            col = len(row)
            text = above.get(col, "") if tc.vMerge == "continue" else clean_cell(_cell_text(tc))
            above[col] = text
            row.append(text)
            row.extend([""] * (span - 1))
        if any(c for c in row):
            rows.append(row)
    return rows


# --------------------------------------------------------------------------- .pdf


def _read_pdf(data: bytes, max_pages: int = ReadLimits.max_pdf_pages) -> list[Block]:
    import io

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise UnreadableDocument("not a valid PDF file")
    try:
        import pdfplumber

        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if not pdf.pages:
                raise UnreadableDocument("empty PDF (no pages)")
            if len(pdf.pages) > max_pages:
                raise UnreadableDocument(f"PDF too long ({len(pdf.pages)} pages, limit {max_pages})")
            blocks = _pdf_blocks(pdf.pages)
    except UnreadableDocument:
        raise
    except Exception as exc:  # pdfminer raises many kinds for broken/encrypted files
        raise UnreadableDocument(_pdf_reason(exc)) from None
    if not any(b.text.strip() or b.rows for b in blocks):
        raise UnreadableDocument("no text layer (scanned PDF?)")
    return blocks


def _pdf_reason(exc: Exception) -> str:
    # pdfplumber wraps pdfminer's error as an argument: look at both
    inner = [a for a in exc.args if isinstance(a, BaseException)]
    names = " ".join(t.__name__ for e in (exc, *inner) for t in type(e).__mro__) + " " + str(exc)
    if "Password" in names or "Encrypt" in names or "encrypt" in names:
        return "encrypted PDF (password required)"
    return "not a valid PDF file"


# A printed piece of a line between column gaps: (x0, x1, text).
_Piece = tuple[float, float, str]


def _pdf_blocks(pages: list[Any]) -> list[Block]:
    blocks: list[Block] = []
    pieces: dict[int, list[_Piece]] = {}  # id(line block) -> its pieces, for unruled tables
    line_no = 0
    for page in pages:
        items = sorted(_pdf_page_items(page, pieces), key=lambda it: it[0])
        first = True
        for _, block in items:
            if first and block.kind == "table" and _continue_table(blocks, block):
                first = False
                continue
            first = first and _is_page_furniture(block)
            line_no += 1
            block.line_no = line_no
            if block.kind == "table":
                line_no += len(block.rows) - 1
            blocks.append(block)
        page.close()  # its parsed objects: kept, 300 pages of them take gigabytes
    return _unruled_tables(blocks, pieces)


def _pdf_page_items(page: Any, pieces: dict[int, list[_Piece]]) -> list[tuple[float, Block]]:
    """Tables and the text lines outside them, each with its top position."""
    items: list[tuple[float, Block]] = []
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    for table in tables:
        rows = [[_pdf_cell(c) for c in row] for row in table.extract()]
        rows = [r for r in rows if any(r)]
        if rows:
            items.append((table.bbox[1], Block(kind="table", rows=rows)))
    text_page = page.filter(_outside(boxes)) if boxes else page
    for line in text_page.extract_text_lines(return_chars=True):
        text = normalise(_pdf_line_text(line["chars"]) or line["text"])
        if text.strip():
            block = Block(kind="line", text=text, heading=_pdf_bold(line["chars"]))
            pieces[id(block)] = _pdf_pieces(line["chars"])
            items.append((line["top"], block))
    return items


def _pdf_line_text(chars: list[dict[str, Any]]) -> str:
    """A line's text with column gaps kept as runs of spaces ('Thu ngân sách   %   15'),
    as text exports of aligned-but-unruled tables show them."""
    return "   ".join(text for _, _, text in _pdf_pieces(chars))


def _pdf_pieces(chars: list[dict[str, Any]]) -> list[_Piece]:
    """A line's pieces between column gaps (a gap wider than 1.2 em), with their x-extent."""
    out: list[_Piece] = []
    text: list[str] = []
    x0 = x1 = 0.0
    previous: dict[str, Any] | None = None
    spaced = False
    for c in sorted(chars, key=lambda ch: ch["x0"]):
        if not c.get("text", "").strip():
            spaced = True
            continue
        if previous is not None:
            size = float(c.get("size") or (c["bottom"] - c["top"]) or 10)
            gap = c["x0"] - previous["x1"]
            if gap > 1.2 * size:
                out.append((x0, x1, "".join(text)))
                text, x0 = [], c["x0"]
            elif spaced or gap > 0.2 * size:
                text.append(" ")
        else:
            x0 = c["x0"]
        text.append(c["text"])
        x1 = max(x1, c["x1"]) if text[:-1] else c["x1"]
        previous, spaced = c, False
    if text:
        out.append((x0, x1, "".join(text)))
    return out


# ----------------------------------------------------- .pdf tables without rules
#
# A table drawn without lines prints its cells at their columns' x-positions and
# wraps a long cell onto further lines at the same x:
#
#     TT   Chỉ tiêu                         ĐVT   Kế      Đơn vị chủ trì
#                                                 hoạch
#     1    Tỷ lệ hộ nghèo theo chuẩn nghèo  %     2,65    Phòng Văn hóa -
#          đa chiều                                       Xã hội
#
# The header line ('TT' first) and the first numbered row give the columns; every
# following line whose pieces each stay inside one column belongs to the table: a
# line with a piece in the first column opens a row, any other continues the cells
# of the row above. The first line that does not fit (prose across the page) ends it.

_UNRULED_HEAD = re.compile(r"^(?:S\.?TT|TT|Số\s+TT)$", re.IGNORECASE)
_ROW_MARKER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*[.)]?|[IVXLC]{1,6}[.)]?|[a-zđ][.)]|[-+•*–])$")
_X_TOLERANCE = 4.0  # points a cell may start left of its column


def _unruled_tables(blocks: list[Block], pieces: dict[int, list[_Piece]]) -> list[Block]:
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
    blocks: list[Block], i: int, pieces: dict[int, list[_Piece]]
) -> tuple[Block, int] | None:
    """The table whose header line is blocks[i], with the index after its last line."""
    head = pieces.get(id(blocks[i]))
    if not head or len(head) < 4 or not _UNRULED_HEAD.match(head[0][2].strip()):
        return None
    # the first row: the next line starting under 'TT' with a marker and three pieces or more
    first = None
    shown: list[_Piece] = []
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
            shown = row
            break
    else:
        return None
    if first is None:
        return None
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
    rows: list[list[list[str]]] = []
    k = first
    while k < len(blocks):
        block = blocks[k]
        line = pieces.get(id(block))
        if line is None or _is_page_furniture(block):
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
    if len(rows) < 2:
        return None
    table_rows = [[_join_cell(h) for h in header]] + [[_join_cell(c) for c in row] for row in rows]
    return Block(kind="table", rows=table_rows, line_no=blocks[i].line_no), k


def _column_starts(head: list[_Piece], row: list[_Piece]) -> list[float]:
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


def _fit(line: list[_Piece], starts: list[float]) -> list[list[str]] | None:
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


def _is_page_furniture(block: Block) -> bool:
    return block.kind == "line" and bool(_PAGE_NUMBER.match(block.text))


def _continue_table(blocks: list[Block], table: Block) -> bool:
    """A table opening a page continues the previous page's last table when only
    page numbers lie between them and the column count agrees; a repeated header
    row is dropped. Returns True when `table` was merged."""
    k = len(blocks) - 1
    while k >= 0 and _is_page_furniture(blocks[k]):
        k -= 1
    if k < 0 or blocks[k].kind != "table":
        return False
    previous = blocks[k]
    if max(map(len, previous.rows)) != max(map(len, table.rows)):
        return False
    rows = table.rows[1:] if table.rows[0] == previous.rows[0] else table.rows
    del blocks[k + 1 :]  # page numbers between the two parts
    previous.rows.extend(rows)
    return True


def _outside(boxes: list[tuple[float, float, float, float]]) -> Callable[[dict[str, Any]], bool]:
    def keep(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    return keep


_PDF_ITEM = re.compile(r"^(?:[-+•*–]\s|\(?\d{1,3}[.)]\s)")


def _pdf_cell(text: str | None) -> str:
    """Wrapped lines inside a PDF cell join with a space; list items keep their own line."""
    if not text:
        return ""
    parts = [p.strip() for p in normalise(text).split("\n") if p.strip()]
    out: list[str] = []
    for p in parts:
        if out and not _PDF_ITEM.match(p):
            glue = "" if out[-1].endswith("-") and not out[-1].endswith(" -") else " "
            out[-1] = f"{out[-1]}{glue}{p}"
        else:
            out.append(p)
    return "\n".join(" ".join(p.split()) for p in out)


def _pdf_bold(chars: list[dict[str, Any]]) -> bool:
    letters = [c for c in chars if c.get("text", "").strip()]
    return bool(letters) and all("bold" in str(c.get("fontname", "")).lower() for c in letters)


_READERS: dict[str, Callable[[bytes], list[Block]]] = {
    ".txt": _read_text,
    ".md": _read_text,
    ".docx": _read_docx,
    ".pdf": _read_pdf,
}
