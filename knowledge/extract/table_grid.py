"""Tables as grids with named columns: the common ground of every table layout.

A plan's table reaches us as one or more `Block(kind='table')`: a page break in
the source splits it and usually repeats the header row. `grids` stitches those
pieces back together, finds the header (one or two rows), names each column by
the keywords of its header (diacritics folded) and keeps, for every data row, a
reference the bot can cite ('table 2 row 5')."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.model import Document
from knowledge.text import clean, fold

# Column roles, tried in order: the first role whose pattern matches the folded
# header wins, so 'don vi phoi hop thuc hien' is coordinating, not responsible.
_ROLE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("no", re.compile(r"^(?:s?tt|so tt|so thu tu|thu tu|stt|so)$")),
    ("coordinating", re.compile(r"phoi hop")),
    ("leader", re.compile(r"chi dao|lanh dao")),
    (
        "responsible",
        re.compile(
            r"chu tri|tham muu|phu trach|theo doi"
            r"|(?:don vi|co quan|nguoi|bo phan|can bo|cong chuc) (?:thuc hien|theo doi)"
        ),
    ),
    ("deadline", re.compile(r"thoi gian|thoi han|tien do|han hoan thanh|^han\b")),
    ("unit", re.compile(r"^(?:dvt|d ?v tinh|d vi tinh|don vi tinh|don vi)$|don vi tinh|\bdvt\b")),
    ("assessment", re.compile(r"danh gia|xep loai")),
    # 'KH 2026 so với ƯTH 2025 (%)', 'So sánh': a ratio of two columns, not a target
    ("ratio", re.compile(r"\bso voi\b|\bso sanh\b")),
    ("note", re.compile(r"ket qua du kien|ket qua dau ra|san pham")),
    ("result", re.compile(r"ket qua")),
    ("solution", re.compile(r"giai phap|bien phap|cach thuc")),
    ("actual", re.compile(r"uoc (?:thuc hien|dat|th)|^thuc hien|^u?th\b|luy ke")),
    (
        "target",
        re.compile(
            r"ke hoach|^kh\b|muc tieu|chi tieu giao|^chi tieu nam|^nam \d{4}|den nam|binh quan|giai doan|nam \d{4}"
            r"|^(?:19|20)\d\d$"  # a bare year over a column of a multi-year plan
        ),
    ),
    ("task", re.compile(r"nhiem vu|cong viec")),
    ("name", re.compile(r"chi tieu|noi dung|danh muc|ten\b|linh vuc|hang muc")),
    ("note", re.compile(r"ghi chu")),
]

_NUMBERING = re.compile(
    r"^(?:\d{1,3}(?:\.\d{1,3}){0,3}\.?|[IVXLC]{1,6}\.?|[a-zđ][.)]?|\(\d{1,3}\)|[-+•*–]|\*)$"
)
_LEADING_NUMBER = re.compile(r"^([IVXLC]{1,6}|[A-ZĐ]|\d{1,2}(?:\.\d{1,2})*)[.)]\s+")
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:trang\s*)?[-–—\s]*\d{1,3}(?:\s*/\s*\d{1,3})?[-–—\s]*$", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][^>]{0,200}>")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;.:!?)])")


@dataclass
class Row:
    cells: list[str]
    ref: str  # 'table 2 row 5': the table block's ordinal and the row in it


@dataclass
class Grid:
    """One logical table: header labels, column roles and its data rows."""

    header: list[str]  # top header row (merged cells repeat the label on their left)
    sub: list[str]  # second header row, '' where there is none
    roles: list[str]  # role of each column ('' when unknown)
    rows: list[Row] = field(default_factory=list)
    context: list[str] = field(default_factory=list)  # non-blank lines just before the table
    raw_header: list[str] = field(default_factory=list)  # the header row as printed
    index: int = 0  # 1-based ordinal of the table in the document

    def col(self, role: str) -> int | None:
        """The first column with this role."""
        return self.roles.index(role) if role in self.roles else None

    def cols(self, role: str) -> list[int]:
        return [i for i, r in enumerate(self.roles) if r == role]

    def cell(self, row: Row, role: str) -> str:
        i = self.col(role)
        return row.cells[i] if i is not None and i < len(row.cells) else ""

    def value(self, row: Row, role: str) -> str:
        """The row's figure for a role several columns may hold (old and adjusted deadlines):
        the first filled one, adjusted columns first; a bare '-' / 'x' is no value."""
        for i in sorted(self.cols(role), key=lambda c: not is_amended_label(self.full_label(c))):
            text = row.cells[i] if i < len(row.cells) else ""
            if not is_blank_mark(text):
                return text
        return ""

    def label(self, i: int) -> str:
        """The most specific label of column i (its sub-header when it has one)."""
        return self.sub[i] or self.header[i]

    def full_label(self, i: int) -> str:
        """Column i's header with its sub-header: 'Năm 2026 Kế hoạch'."""
        top, sub = self.header[i], self.sub[i]
        return f"{top} {sub}".strip() if sub and fold(sub) not in fold(top) else top or sub


def role_of(label: str) -> str:
    key = fold(label)
    if not key:
        return ""
    for role, pattern in _ROLE_PATTERNS:
        if pattern.search(key):
            return role
    return ""


# Whose figure a target column holds: the plan's own locality or body (its resolution, what
# it strives for) or a superior level's assignment ('Chỉ tiêu tỉnh giao', 'QĐ UBND TP').
_OWN_LEVEL = re.compile(r"\b(?:nq|nghi quyet|hdnd|dang uy|phan dau|xa(?! hoi)|phuong|thi tran)\b")
_UPPER_LEVEL = re.compile(r"\b(?:tp|thanh pho|huyen|tinh|quan|thi xa|cap tren)\b")


def level_score(label: str) -> int:
    """+2 for a column of the plan's own level ('Chỉ tiêu xã phấn đấu', 'NQ HĐND phường'),
    -2 for a superior level's ('Chỉ tiêu tỉnh giao', 'QĐ UBND TP'), 0 otherwise: the own
    level's figure is the plan's target, the superior's assignment another target."""
    key = fold(label)
    score = -2 if _UPPER_LEVEL.search(key) else 0
    if _OWN_LEVEL.search(key.replace("thi xa", " ")):
        score += 2
    return score


# an amended plan's column: 'Kế hoạch sau điều chỉnh', 'Thời hạn điều chỉnh', 'Chỉ tiêu bổ sung',
# 'Mục tiêu mới' — it wins over the column of the original plan beside it
_AMENDED = re.compile(r"\b(?:điều chỉnh|bổ sung|mới)\b")


def is_amended_label(label: str) -> bool:
    return bool(_AMENDED.search(clean(label).lower()))


def is_blank_mark(text: str) -> bool:
    """An empty cell, or one holding only a dash or a cross: nothing planned there."""
    return text.strip() in ("", "-", "–", "—", "x", "X", "--")


def years_in(label: str) -> list[int]:
    """The years a column label names ('Kế hoạch 2021-2025' -> [2021, 2025])."""
    return [int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", label)]


def is_numbering(text: str) -> bool:
    return bool(_NUMBERING.match(text.strip()))


def spanning_heading(row: Row) -> tuple[str, str] | None:
    """A row whose only text sits in its first cell (a cell merged across the
    table): a section heading such as 'I. CÁC CHỈ TIÊU KINH TẾ' -> ('I', name)."""
    first = row.cells[0] if row.cells else ""
    if len(row.cells) < 3 or any(row.cells[1:]) or len(first) < 3 or is_numbering(first):
        return None
    m = _LEADING_NUMBER.match(first)
    return (m.group(1), first[m.end() :].strip()) if m else ("", first)


# --- reading table blocks ---------------------------------------------------------------------


def _clean_cell(text: str) -> str:
    """One line of display text; stray tags dropped, no space before punctuation."""
    return _SPACE_BEFORE_PUNCT.sub(r"\1", clean(_TAG.sub(" ", text or "")))


@dataclass
class _Piece:
    rows: list[Row]
    gap: list[str]  # line texts between the previous piece and this one
    context: list[str]


def _pieces(doc: Document) -> list[_Piece]:
    """Table blocks in order, with the text lines that separate them."""
    out: list[_Piece] = []
    lines_since: list[str] = []
    n_table = 0
    for b in doc.blocks:
        if b.kind != "table":
            lines_since.append(b.text)
            continue
        n_table += 1
        rows = [Row([_clean_cell(c) for c in r], f"table {n_table} row {i}") for i, r in enumerate(b.rows, 1)]
        out.append(_Piece(rows, lines_since, _context(lines_since)))
        lines_since = []
    return [p for p in out if p.rows]


def _context(lines: list[str]) -> list[str]:
    return [clean(t) for t in lines if clean(t)][-4:]


def _is_gap_small(gap: list[str]) -> bool:
    """Only blank lines or page numbers between two pieces: one table split by a page break."""
    texts = [clean(t) for t in gap if clean(t)]
    return all(_PAGE_NUMBER.match(t) for t in texts) and len(texts) <= 2


# --- headers ------------------------------------------------------------------------------------


def _header_score(cells: list[str]) -> int:
    """How many cells read like column titles (short, with a known keyword)."""
    return sum(1 for c in cells if c and len(c) <= 80 and role_of(c))


def _find_header(rows: list[Row]) -> int | None:
    """The first of the top rows with two column titles and no paragraph-long cell."""
    for i, row in enumerate(rows[:4]):
        if _header_score(row.cells) >= 2 and all(len(c) <= 100 for c in row.cells):
            return i
    return None


def _same_header(a: list[str], b: list[str]) -> bool:
    return [fold(c) for c in a] == [fold(c) for c in b]


def _is_subheader(cells: list[str], roles: list[str], top: list[str]) -> bool:
    """A second header row: nothing under the number/name columns, short labels
    under the columns the first row spans (empty top cells) or target columns."""
    filled = [i for i, c in enumerate(cells) if c]
    if not filled:
        return False
    for role in ("no", "name", "task"):
        if role in roles and cells[roles.index(role)]:
            return False
    if any(len(cells[i]) > 60 for i in filled):
        return False
    return any(not top[i] or roles[i] in ("target", "actual") or role_of(cells[i]) for i in filled)


def _is_column_numbers(cells: list[str]) -> bool:
    """A row that only numbers the columns: '(1) (2) (3)' or '1 2 3'."""
    filled = [c for c in cells if c]
    return len(filled) >= 3 and all(re.fullmatch(r"\(?\d{1,2}\)?|[A-Z]", c) for c in filled)


def _make_grid(rows: list[Row], h: int, context: list[str]) -> tuple[Grid, int]:
    """Build the grid from header row h; returns it and the index of the first data row."""
    width = max(len(r.cells) for r in rows)
    top = _pad(rows[h].cells, width)
    roles = [role_of(c) for c in top]
    # a merged header cell spans to the right: its empty neighbours share the label
    spanned = list(top)
    for i in range(1, width):
        if not spanned[i] and spanned[i - 1]:
            spanned[i] = spanned[i - 1]
    sub = [""] * width
    start = h + 1
    if start < len(rows):
        candidate = _below_header(_pad(rows[start].cells, width), top)
        if _is_subheader(candidate, roles, top):
            sub = candidate
            start += 1
    final_roles = []
    for i in range(width):
        r_sub = role_of(sub[i]) if sub[i] else ""
        r_top = role_of(spanned[i])
        if r_top in ("target", "actual") and r_sub not in ("target", "actual", "unit", "no"):
            final_roles.append(r_top)  # 'Kế hoạch 2026-2030' over 'Bình quân năm'
        else:
            final_roles.append(r_sub or r_top)
    _settle_roles(final_roles, spanned, sub)
    if start < len(rows) and _is_column_numbers(rows[start].cells):
        start += 1
    grid = Grid(header=spanned, sub=sub, roles=final_roles, context=context, raw_header=top)
    return grid, start


def _settle_roles(roles: list[str], top: list[str], sub: list[str]) -> None:
    """Resolve headers whose words fit two roles, given the other columns."""
    names = [i for i, r in enumerate(roles) if r == "name"]
    for i in names[1:]:  # 'Nội dung | Chỉ tiêu': the second column holds the figure
        if "chi tieu" in fold(sub[i] or top[i]):
            roles[i] = "target"
    if "target" not in roles and any(r in roles for r in ("deadline", "leader")):
        for i, r in enumerate(roles):  # a bare 'Đơn vị' beside deadlines is the unit in charge
            if r == "unit" and fold(sub[i] or top[i]) == "don vi":
                roles[i] = "responsible"
    if not any(r in roles for r in ("task", "name")) and "solution" in roles:
        roles[roles.index("solution")] = "task"  # one column 'Nhiệm vụ, giải pháp'
    if not any(r in roles for r in ("task", "name")) and "target" in roles:
        # 'TT | Sản phẩm | Kế hoạch 2026 …': the first column past the number names the rows
        first = next((i for i, r in enumerate(roles) if r != "no"), None)
        if first is not None and roles[first] in ("", "note"):
            roles[first] = "name"


def _is_sub_again(cells: list[str], grid: Grid) -> bool:
    """The grid's second header row printed again (after a page break)."""
    width = len(grid.header)
    return _same_header(_below_header(_pad(cells, width), grid.raw_header or grid.header), grid.sub)


def _below_header(cells: list[str], top: list[str]) -> list[str]:
    """A second header row without the labels repeated from the row above: a header cell
    merged down over both rows ('TT', 'Nội dung') reads in each of them."""
    return ["" if c and fold(c) == fold(t) else c for c, t in zip(cells, top, strict=True)]


def _pad(cells: list[str], width: int) -> list[str]:
    return list(cells[:width]) + [""] * (width - len(cells))


def grids(doc: Document) -> list[Grid]:
    """Every table of the document with a recognisable header, pieces stitched."""
    out: list[Grid] = []
    last: Grid | None = None
    for piece in _pieces(doc):
        h = _find_header(piece.rows)
        width = max(len(r.cells) for r in piece.rows)
        continues = last is not None and len(last.header) == width and _is_gap_small(piece.gap)
        if continues and last is not None and h is not None:
            # a header row of its own: the same table again after a page break, or a new one
            continues = _same_header(_pad(piece.rows[h].cells, width), last.raw_header)
        if continues and last is not None:
            body = piece.rows
            if h is not None:
                body = piece.rows[h + 1 :]
                if body and any(last.sub) and _is_sub_again(body[0].cells, last):
                    body = body[1:]
            last.rows.extend(_data_rows(body, last))
            continue
        if h is None:
            last = None
            continue
        grid, start = _make_grid(piece.rows, h, piece.context)
        grid.index = len(out) + 1
        grid.rows = _data_rows(piece.rows[start:], grid)
        out.append(grid)
        last = grid
    return out


def _data_rows(rows: list[Row], grid: Grid) -> list[Row]:
    """Rows padded to the grid's width; repeated header rows (page breaks) dropped."""
    width = len(grid.header)
    raw = grid.raw_header or grid.header
    out = []
    for r in rows:
        cells = _pad(r.cells, width)
        if not any(cells) or _same_header(cells, raw) or (any(grid.sub) and _is_sub_again(cells, grid)):
            continue
        if _is_column_numbers(cells):
            continue
        out.append(Row(cells, r.ref))
    return out


__all__ = [
    "Grid",
    "Row",
    "grids",
    "is_amended_label",
    "is_blank_mark",
    "is_numbering",
    "level_score",
    "role_of",
    "spanning_heading",
    "years_in",
]
