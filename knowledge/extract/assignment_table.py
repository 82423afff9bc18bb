"""Indicator assignment tables whose cells PDF text extraction flattened into lines.

The layout: a header naming the columns (TT, Chỉ tiêu, Đơn vị tính, one or more
target columns, Lãnh đạo chỉ đạo / Phụ trách / Phối hợp, Ghi chú), an optional
numbering row '1 2 3 …', then group headings ('A …', 'I …') and rows. PDF
extraction turned column gaps into runs of spaces and broke long cells over
several lines, so a row is re-assembled from its numbered line plus every
continuation line up to the next row start, then split into cells by content:

    name  [unit]  [target values…]  [leader]  [responsible parties…]  [note]

Everything is recognised by structure and vocabulary, never by locality."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.extract.assignment_columns import Column, cells_by_column, header_columns, join_wrapped
from knowledge.extract.table_grid import level_score
from knowledge.model import Document, Indicator, LayoutResult, OtherTarget
from knowledge.numbers import parse_target
from knowledge.text import clean, fold

# --------------------------------------------------------------------------- vocabulary

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

# Units as plans print them, longest first so 'triệu đồng/người' wins over 'triệu đồng'.
_UNITS = sorted(
    [
        "triệu đồng/người/năm",
        "triệu đồng/người",
        "triệu đồng",
        "tỷ đồng",
        "nghìn đồng",
        "ngàn đồng",
        "đồng",
        "%",
        "‰",
        "%o",
        "hộ",
        "người",
        "lượt người",
        "lượt",
        "lao động",
        "dn",
        "doanh nghiệp",
        "đơn vị",
        "ha",
        "tấn",
        "tạ",
        "tạ/ha",
        "kg",
        "m2",
        "m²",
        "m3",
        "km",
        "cơ sở",
        "trường",
        "xã",
        "phường",
        "xã/phường",
        "xã, phường",
        "tiêu chí",
        "sản phẩm",
        "htx",
        "hợp tác xã",
        "công trình",
        "dự án",
        "cửa hàng",
        "phố",
        "thôn",
        "tổ dân phố",
        "tdp",
        "khu dân cư",
        "khu",
        "mô hình",
        "chỉ tiêu",
        "giường",
        "bác sĩ",
        "con",
        "cây",
        "lần",
        "cuộc",
        "câu lạc bộ",
        "clb",
        "gia đình",
        "nhà",
        "căn",
        "km2",
        "mức độ",
        "điểm",
        "thủ tục",
        "hồ sơ",
        "vụ",
        "việc",
        "đối tượng",
        "trẻ",
        "học sinh",
        "tuổi",
        "năm",
    ],
    key=len,
    reverse=True,
)
_SYMBOL_UNITS = {"%", "‰", "%o", "ha", "kg", "m2", "m²", "m3", "km", "km2", "dn", "htx", "tdp", "clb"}
_UNIT_AT_END = re.compile(
    r"(?:^|(?<=[ \n]))(?P<unit>" + "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in _UNITS) + r")$",
    re.IGNORECASE,
)

# One cell value at the end of a string: numbers, percentages, ranges, fractions, statuses.
_NUM = r"\d+(?:[.,]\d+)*"
_VALUE = (
    r"(?:(?:≥|≤|>=|<=|>|<|trên|dưới|tối thiểu|tối đa|ít nhất|không quá|từ)\s*)?"
    rf"(?:{_NUM}\s*/\s*{_NUM}(?:\s+[a-zđà-ỹ]+)?"  # '4/8 hộ'
    rf"|{_NUM}\s*[-–]\s*{_NUM}\s*%?"  # '15-20%'
    rf"|{_NUM}\s*%?)"  # '43,8' '5%'
    r"|Đạt|Hoàn thành|Đạt chuẩn|Không|x|X"
)
_VALUE_AT_END = re.compile(rf"(?:^|(?<=[ \n]))(?P<value>{_VALUE})$")
_BARE_INT = re.compile(r"^\d+$")
_STATUS = {"đạt", "hoàn thành", "đạt chuẩn", "không", "x"}

# Directing leaders: 'Đ/c Tiến PCT UBND', 'Đ/c Sinh, PCT UBND', 'Đ/c Trung CT UB', 'Phó Chủ tịch UBND'.
_TITLE = r"(?:Phó\s+Chủ\s+tịch|Chủ\s+tịch|PCT|CT|Phó\s+Bí\s+thư|Bí\s+thư)"
_LEADER = re.compile(
    rf"^(?:Đ/c\s*(?:[^\W\d_]+,?\s+){{1,3}}?[,–-]?\s*)?{_TITLE}\b(?:\s+(?:UBND|UB|HĐND|ĐU|phường|xã|thị\s+trấn))*",
)
_PARTY_START = re.compile(r"(?:^|(?<=[ \n]))-?\s*Đ/c", re.IGNORECASE)
_TITLE_AT_BOUNDARY = re.compile(rf"(?:^|(?<=\n)){_TITLE}\b")
# Words that open a party (a unit or an officer) in a responsible/coordinating cell.
_PARTY_WORDS = re.compile(
    r"^(?:Đ/c|(?:Tổ|Trường|Trạm|Ban|Bộ phận|Phòng|Công an|Công chức|Cán bộ|CB|CC|CBCC|Hội|Đoàn|Chi hội|"
    r"MTTQ|Mặt trận|UBND|HĐND|Văn phòng|VP|Đảng ủy|Quân sự|BCH|Ban chỉ huy|Y tế|TYT|THCS|THPT|"
    r"Tiểu học|Mầm non|MN|HTX|Hợp tác xã|Các|Thôn|Xóm|Khu phố|Tổ dân phố|TDP|Đội|Kế toán|Địa chính|"
    r"Tư pháp|Văn hóa|Văn hoá|Chính sách|Tài chính|Thống kê|Nông nghiệp|Trung tâm|Chi cục|Thuế|Bưu điện|Ngân hàng|Chủ tịch|"
    r"Phó Chủ tịch|PCT|CT)(?![\w]))",
)
_BARE_OFFICER = re.compile(r"^-?\s*Đ/c\s*[^\W\d_]+$")  # 'Đ/c Hùng': the unit is on the next line
_LOWER_PARTY = re.compile(r"^(?:các|cán bộ|công chức)\b")
_ABBREV = re.compile(r"^[A-ZĐ]{2,}(?:[\s,/-]|$)")

# Row and heading starts.
_ROW_NO = re.compile(r"^(?P<no>\d{1,3})[.)]?(?:\s+(?P<rest>.*))?$")
_SUB_NO = re.compile(r"^(?P<no>\d{1,2}(?:\.\d{1,2}){1,2})\.?\s+(?P<rest>\S.*)$")
_SUB_MARK = re.compile(r"^(?:[-+–•*]|[a-zđ]\)|Trong đó\s*:)\s*(?P<rest>\S.*)$")
_GROUP = re.compile(r"^(?P<mark>[IVXLC]{1,6}|[A-HJ-KM-UWYZĐ])[.)]?(?:\s+(?P<rest>\S.*))?$")
_IN_WHICH = re.compile(r"^(?:Trong đó|Cụ thể|Bao gồm)\s*:?$", re.IGNORECASE)
_COUNT_NOTE = re.compile(r"\s*\(\s*\d+\s*chỉ tiêu\s*\)\s*$", re.IGNORECASE)
_NUMBERING = re.compile(r"^\(?1\)?(?:\s+\(?\d{1,2}\)?){2,}$")
_END = re.compile(
    r"^(?:Nơi nhận|TM\.|KT\.|T/M|CHỦ TỊCH|PHÓ CHỦ TỊCH|Người lập|Phụ lục|PHỤ LỤC|Biểu"
    r"|\*?\s*(?:Ghi chú|Lưu ý|Chú thích|Ghi nhận)\s*:)"  # a footnote under the table
)
_PAGE_MARK = re.compile(r"^(?:Trang\s+\d{1,3}(?:\s*/\s*\d{1,3})?|[-–—]\s*\d{1,3}\s*[-–—])$", re.IGNORECASE)
_PROSE_LEN = 60  # cells are narrow: longer lines without cells are running text
_MAX_ROW_LINES = 16
_JUNK = " '‘’\"“”`"


# --------------------------------------------------------------------------- data


def _gaps_as_breaks(raw: str) -> str:
    pieces = (clean(p).strip(_JUNK) for p in re.split(r" {2,}|\t", raw.strip()))
    return "\n".join(p for p in pieces if p)


_MARKER_RAW = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2}){1,2}\.?|\d{1,3}[.)]?|[-+–•*]|[a-zđ]\)|Trong đó\s*:)\s*", re.IGNORECASE
)


@dataclass
class _Line:
    no: int
    raw: str

    @property
    def text(self) -> str:
        return clean(self.raw).strip(_JUNK)

    @property
    def indent(self) -> int:
        return len(self.raw) - len(self.raw.lstrip())

    @property
    def cells(self) -> str:
        """The line with column gaps (2+ spaces) as hard breaks."""
        return _gaps_as_breaks(self.raw)


@dataclass
class _Header:
    labels: list[str]  # target column labels, left to right
    own: int  # index into labels of the plan's own target column
    has_leader: bool
    has_coordinating: bool
    has_note: bool = True
    columns: tuple[Column, ...] = ()  # character positions, when the table is space-aligned


@dataclass
class _Row:
    no: str
    kind: str  # 'row' | 'sub'
    group: str | None
    lines: list[_Line] = field(default_factory=list)
    first: str = ""  # text of the first line after its marker


@dataclass
class _Cells:
    name: str
    unit: str | None = None
    values: list[str] = field(default_factory=list)
    leader: str | None = None
    responsible: list[str] = field(default_factory=list)
    coordinating: list[str] = field(default_factory=list)
    note: list[str] = field(default_factory=list)

    @property
    def past_name(self) -> bool:
        return bool(self.unit or self.values or self.leader or self.responsible)


# --------------------------------------------------------------------------- entry point


def extract(doc: Document) -> LayoutResult:
    lines = [_Line(b.line_no, b.text) for b in doc.blocks if b.kind == "line"]
    result = LayoutResult()
    i = 0
    while i < len(lines):
        found = _find_header(lines, i)
        if found is None:
            break
        header, body_start = found
        rows, i = _assemble(lines, body_start, header)
        result.indicators.extend(_indicators(rows, header, len(result.indicators)))
    return result


# --------------------------------------------------------------------------- header


def _find_header(lines: list[_Line], start: int, last_no: int = 0) -> tuple[_Header, int] | None:
    """The next header at or after `start`: its target columns and where the body starts.

    `last_no`: the last row number before a header repeated on a new page."""
    for i in range(start, len(lines)):
        if not re.match(r"^(?:S\.?TT|TT|Số\s+TT)\b", lines[i].text) or "\t" in lines[i].raw:
            continue
        region: list[str] = []
        body = None
        for j in range(i, min(i + 40, len(lines))):
            t = lines[j].text
            if j > i and (_NUMBERING.match(t) or _group_of(t) or _row_start(t, last_no)):
                body = j + 1 if _NUMBERING.match(t) else j
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
        header = _Header(
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


def _with_columns(header: _Header, lines: list[_Line], top: int, body: int, last_no: int) -> _Header:
    """The header with its column positions when the table is laid out with spaces."""
    raw = [ln.raw for ln in lines[top:body] if ln.text and not _NUMBERING.match(ln.text)]
    first = next((ln.raw for ln in lines[body : body + 6] if _row_start(ln.text, last_no)), None)
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


def _cells_before(lines: list[_Line], anchor: int) -> list[str]:
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


# --------------------------------------------------------------------------- row assembly


def _group_of(text: str) -> str | None:
    """The mark of a group heading ('A', 'I', 'II'), or None."""
    m = _GROUP.match(text)
    if not m:
        return None
    rest = m.group("rest") or ""
    if rest and (not rest[0].isupper() or rest.startswith("Đ/c") or _VALUE_AT_END.search(rest.split()[0])):
        return None
    if rest and re.search(r"\d", _COUNT_NOTE.sub("", rest)) and _has_cells(rest):
        return None
    return m.group("mark")


def _row_start(text: str, last_no: int) -> str | None:
    """The row number when `text` opens a numbered row."""
    m = _ROW_NO.match(text)
    if not m:
        return None
    n, rest = int(m.group("no")), (m.group("rest") or "").strip(_JUNK)
    if not rest:
        return m.group("no") if n == last_no + 1 else None
    if not rest[0].isalpha() or rest.lower().startswith("đ/c") or _is_party(rest):
        return None
    if n == 1 or last_no < n <= last_no + 3:
        return m.group("no")
    return None


def _has_cells(text: str) -> bool:
    """A line that carries value cells of its own (a unit, values or a party after the name)."""
    cells = _split_cells(text)
    return bool(cells.name) and cells.past_name


def _lone_number_opens_row(lines: list[_Line], nxt: int, t: str, last_no: int) -> bool:
    """A row number alone on its line: the next line must open the row's name."""
    if int(t) != last_no + 1:
        return False
    following = next((ln.text for ln in lines[nxt : nxt + 6] if ln.text), "")
    return bool(following) and following[0].isupper() and not re.match(r"(?:S\.?TT|TT)\b", following)


def _row_has_parties(row: _Row) -> bool:
    cells = _split_cells(_row_text(row))
    return bool(cells.leader or cells.responsible)


def _assemble(lines: list[_Line], start: int, header: _Header) -> tuple[list[_Row | str], int]:
    """Rows and group headings (as strings) from `start` to the table's end."""
    out: list[_Row | str] = []
    group: str | None = None
    heading: list[str] | None = None  # a group heading still collecting its words
    row: _Row | None = None
    last_no = 0
    prose_run, prose_from = 0, 0  # consecutive long lines without cells: the text after the table
    i = start
    while i < len(lines):
        line = lines[i]
        t = line.text
        i += 1
        if not t or _NUMBERING.match(t) or _PAGE_MARK.match(t):
            continue  # 'Trang 2', '- 2 -': a page footer or header between rows
        if _END.match(t) or (len(t) > 140 and not _has_cells(t)):
            break
        prose = len(t) > _PROSE_LEN and not _has_cells(t)
        prose_run, prose_from = (prose_run + 1, prose_from if prose_run else line.no) if prose else (0, 0)
        if prose_run >= 2 or (row is not None and len(row.lines) >= _MAX_ROW_LINES):
            if row is not None and prose_run >= 2:  # the first prose line is no part of the row
                row.lines = [ln for ln in row.lines if ln.no < prose_from] or row.lines[:1]
            break
        if re.match(r"^(?:S\.?TT|TT)\b", t):
            again = _find_header(lines, i - 1, last_no)
            if again and _same_table(again[0], header):
                i = again[1]  # the header repeated on a new page: the same table goes on
                continue
            if again:
                i -= 1  # another table
                break
        lone_number = re.fullmatch(r"\d{1,3}", t) and not _lone_number_opens_row(lines, i, t, last_no)
        if lone_number and row is not None and _row_has_parties(row):
            continue  # a page number: values never follow the parties
        if _IN_WHICH.match(t):
            continue  # 'Trong đó:' only announces the sub-rows
        continues_heading = heading is not None and (not heading or t[0].islower())
        if heading is not None and continues_heading and not _ROW_NO.match(t) and not _group_of(t):
            heading.append(t)
            group = _heading_text(heading)
            out[-1] = group
            continue
        heading = None
        if _group_of(t) and (group_match := _GROUP.match(t)):
            rest = group_match.group("rest") or ""
            heading = [rest] if rest else []
            group = _heading_text(heading)
            out.append(group)
            row = None
            continue
        no = _positional_row_no(line, header, last_no) if header.columns else _row_start(t, last_no)
        if no is not None and (
            not re.fullmatch(r"\d{1,3}", t) or _lone_number_opens_row(lines, i, t, last_no)
        ):
            last_no = int(no)
            row = _Row(no=no, kind="row", group=group, lines=[line], first=_after_marker(line.raw))
            out.append(row)
            continue
        sub = _sub_start(t, line, row, header)
        if sub is not None:
            first = line.raw if sub == t else _after_marker(line.raw)
            row = _Row(no="", kind="sub", group=group, lines=[line], first=first)
            out.append(row)
            continue
        if row is not None:
            row.lines.append(line)
    return out, i


def _positional_row_no(line: _Line, header: _Header, last_no: int) -> str | None:
    """The row number printed alone in the number column, with a name beside it
    (whatever the name's first word: 'Tổ dân phố …' is a row, not a party)."""
    cells = cells_by_column([line.raw], header.columns)
    roles = [c.role for c in header.columns]
    no = cells[roles.index("no")].rstrip(".)") if "no" in roles else ""
    name = cells[roles.index("name")]
    if not (no.isdigit() and name) or not (int(no) == 1 or last_no < int(no) <= last_no + 3):
        return _row_start(line.text, last_no)
    return no


def _same_table(a: _Header, b: _Header) -> bool:
    """The same header printed again (column offsets may shift a little on a new page)."""
    same_columns = [c.label for c in a.columns] == [c.label for c in b.columns]
    return same_columns and (a.labels, a.own, a.has_leader, a.has_coordinating) == (
        b.labels,
        b.own,
        b.has_leader,
        b.has_coordinating,
    )


def _sub_start(t: str, line: _Line, row: _Row | None, header: _Header) -> str | None:
    """The text after the marker when `t` opens a sub-row (or an unnumbered row)."""
    m = _SUB_NO.match(t) or _SUB_MARK.match(t)
    if header.columns:
        return _positional_sub_start(line, row, header) if m or row is not None else None
    if m:
        rest = m.group("rest").strip(_JUNK)
        return None if _is_party(rest) or not rest[0].isalpha() else rest
    if row is None or not t[0].isupper() or _is_party(t) or _UNIT_AT_END.fullmatch(t):
        return None
    # unnumbered rows sit indented under the TT column, or carry cells of their own
    if _split_cells(_row_text(row)).past_name and (line.indent >= 2 or _has_cells(t)):
        return t
    return None


def _positional_sub_start(line: _Line, row: _Row | None, header: _Header) -> str | None:
    """In a space-aligned table a line opens a sub-row when its name cell starts with a
    marker ('- Lúa', 'a) Ngô', '1.1 …') or with a capital while it fills a unit or value
    cell of its own; any other line is the wrap of the row above."""
    cells = _column_cells([line.raw], header)
    name = cells.get("name", "")
    if not name:
        return None
    m = _SUB_NO.match(name) or _SUB_MARK.match(name)
    if m:
        rest = m.group("rest").strip(_JUNK)
        return rest if rest[:1].isalpha() else None
    filled = any(cells.get(r) for r in ("unit", "target", "actual"))
    return name if row is not None and name[0].isupper() and filled else None


def _column_cells(raw_lines: list[str], header: _Header) -> dict[str, str]:
    """Role -> text of a row's lines laid out in the header's columns (same roles joined by '; ')."""
    out: dict[str, str] = {}
    for col, text in zip(header.columns, cells_by_column(raw_lines, header.columns), strict=True):
        if text and col.role:
            out[col.role] = f"{out[col.role]}; {text}" if col.role in out else text
    return out


def _after_marker(raw: str) -> str:
    marker = _MARKER_RAW.match(raw)
    return raw[marker.end() :] if marker else raw


def _heading_text(parts: list[str]) -> str:
    return _COUNT_NOTE.sub("", " ".join(parts)).strip(" :.-")


def _is_party(text: str) -> bool:
    t = text.lstrip("-–+ ").strip(_JUNK)
    return bool(_PARTY_WORDS.match(t) or _ABBREV.match(t) or _is_name_and_unit(t))


def _is_name_and_unit(text: str) -> bool:
    """'Hằng VP', 'Hợp, Hiền ĐC': capitalised given names, then a unit's abbreviation."""
    words = text.replace(",", " ").split()
    if not 2 <= len(words) <= 4:
        return False
    *names, unit = words
    return all(w[0].isupper() and not w.isupper() for w in names) and unit.isupper() and unit.isalpha()


# --------------------------------------------------------------------------- cell splitting


def _row_text(row: _Row) -> str:
    """The row's text: column gaps become '\\n', line ends '\\n\\n' (both hard breaks)."""
    parts = [_gaps_as_breaks(row.first)] + [ln.cells for ln in row.lines[1:]]
    return "\n\n".join(p for p in parts if p)


def _split_cells(text: str, coordinating: bool = False, notes: bool = True) -> _Cells:
    """name [unit] [values] [leader] [parties/notes] from a row's text."""
    text = text.strip(_JUNK + "\n")
    tail_at = _tail_start(text)
    head, tail = text[:tail_at].strip(" \n"), text[tail_at:].strip(" \n")
    cells = _split_head(head)
    if tail:
        _split_tail(tail, cells, coordinating, notes)
    return cells


def _tail_start(text: str) -> int:
    """Where the parties begin: the first 'Đ/c', or a title/party word at a hard break after values."""
    cut = len(text)
    m = _PARTY_START.search(text)
    if m:
        cut = m.start()
    for m in _TITLE_AT_BOUNDARY.finditer(text[:cut]):
        if m.start() > 0:
            return m.start()
    # a unit-only party ('Phòng Văn hóa') after the values, at a hard break
    pos = 0
    for piece in text[:cut].split("\n"):
        if pos > 0 and _is_party(piece) and _split_head(text[:pos].strip()).values:
            return pos
        pos += len(piece) + 1
    # columns joined by single spaces: a party word right after a value ('… 5.800 Văn phòng')
    for m in re.finditer(r"(?<=[ \n])\S", text[:cut]):
        head = text[: m.start()].rstrip(" \n")
        if _is_party(text[m.start() :]) and _VALUE_AT_END.search(head) and _split_head(head).values:
            return m.start()
    return cut


def _split_head(head: str) -> _Cells:
    """name, unit and values: values and the unit are peeled off the end."""
    rest = head
    values: list[tuple[str, str]] = []  # (value, separator before it)
    while True:
        m = _VALUE_AT_END.search(rest)
        if not m or m.start() == 0:
            break
        sep = rest[m.start() - 1]
        values.insert(0, (m.group("value"), sep))
        rest = rest[: m.start()].rstrip(" \n")
    unit = None
    # hard breaks read as spaces too, so a unit broken over lines ('Triệu' / 'đồng') is whole
    m = _UNIT_AT_END.search(rest.replace("\n", " "))
    if m and m.start() > 0:
        word = m.group("unit")
        hard = rest[m.start() - 1] == "\n"
        if word.lower() in _SYMBOL_UNITS or word[0].isupper() or (hard and values):
            unit = word
            rest = rest[: m.start()].rstrip(" \n")
    # 'Mức độ 1     1': a number glued to the name, before a column gap, ends the name
    glued = unit is None and values and _BARE_INT.match(values[0][0]) and values[0][1] == " "
    if glued and (len(values) == 1 or values[1][1] == "\n"):
        rest = f"{rest} {values.pop(0)[0]}"
    name = _join_lines(rest)
    return _Cells(name=name, unit=clean(unit) if unit else None, values=[v for v, _ in values])


def _split_tail(tail: str, cells: _Cells, coordinating: bool = False, notes: bool = True) -> None:
    """Leader, responsible (and coordinating) parties and notes from the part after the values.

    Line breaks ('\\n\\n') and column gaps ('\\n') both end a piece; with a coordinating
    column, a party after a gap on the same line as the first party opens that column."""
    items: list[tuple[str, int]] = []  # (text, line index)
    for line_idx, line in enumerate(tail.split("\n\n")):
        for piece in re.split(r"\n|(?=(?<![\w/])-?\s*Đ/c)", line):
            piece = piece.strip(" ").strip(_JUNK).strip()
            if not piece:
                continue
            if items and (
                items[-1][0].endswith(("-", ","))
                or piece[0].islower()
                or (_BARE_OFFICER.match(items[-1][0]) and not piece.lower().startswith(("đ/c", "-")))
            ):
                items[-1] = (f"{items[-1][0]} {piece}", items[-1][1])  # broken over lines
            else:
                items.append((piece, line_idx))
    if items:
        first, line_idx = items[0]
        m = _LEADER.match(first.lstrip("- "))
        if m:
            rest = first.lstrip("- ")[m.end() :].strip(" ,;")
            # 'Phó Chủ tịch phụ trách kinh tế': the lower-case words still name the leader
            extra = "" if _LOWER_PARTY.match(rest) else _lower_words(rest)
            cells.leader = clean(f"{m.group(0)} {extra}").rstrip(" ,")
            rest = rest[len(extra) :].strip(" ,;")
            items = ([(rest, line_idx)] if rest else []) + items[1:]
    first_line = items[0][1] if items else 0
    for item, line_idx in items:
        item = item.lstrip("-–+ ").strip(_JUNK).rstrip(" ,;")
        if not item:
            continue
        if notes and (not _is_party(item) or cells.note):
            cells.note.append(item)
        elif coordinating and cells.responsible and (line_idx == first_line or cells.coordinating):
            cells.coordinating.append(item)
        else:
            cells.responsible.append(item)


def _lower_words(text: str) -> str:
    """The leading run of lower-case words of `text`."""
    words: list[str] = []
    for word in text.split(" "):
        if not word or not word[0].islower():
            break
        words.append(word)
    return " ".join(words)


def _join_lines(text: str) -> str:
    out = ""
    for piece in text.split("\n"):
        piece = piece.strip()
        if not piece:
            continue
        out = out[:-1] + piece if out.endswith("-") and not out.endswith(" -") else f"{out} {piece}".strip()
    return clean(out).lstrip("-–+•* ").rstrip(" :;").strip()


# --------------------------------------------------------------------------- indicators


def _indicators(items: list[_Row | str], header: _Header, offset: int) -> list[Indicator]:
    out: list[Indicator] = []
    parent: Indicator | None = None
    children: dict[str, list[Indicator]] = {}
    for item in items:
        if isinstance(item, str):
            parent = None
            continue
        columns: list[str] = []
        if header.columns:
            cells, columns = _positional_cells(item, header)
        else:
            cells = _split_cells(_row_text(item), header.has_coordinating, header.has_note)
        if not cells.name:
            continue
        ind = Indicator(
            key=f"{offset + len(out) + 1:03d}",  # plan.py prefixes the layout's letter
            name=cells.name,
            no=item.no,
            group=item.group or None,
            unit=None if cells.unit and cells.unit.lower() in _STATUS else cells.unit,
            leader=cells.leader,
            responsible="; ".join(cells.responsible) or None,
            coordinating="; ".join(cells.coordinating) or None,
            note=" ".join(cells.note) or None,
            source_ref=f"line {item.lines[0].no}",
        )
        if header.columns:
            _set_column_targets(ind, columns, header)
        else:
            _set_targets(ind, cells.values, header)
        if item.kind == "sub" and parent is not None:
            ind.parent_key = parent.key
            children.setdefault(parent.key, []).append(ind)
            if ind.unit is None and parent.unit and parent.unit != "%" and parent.target_text is None:
                ind.unit = parent.unit
        else:
            parent = ind
        out.append(ind)
    out = [i for i in out if _has_content(i) or children.get(i.key)]
    for ind in out:
        kids = children.get(ind.key, [])
        if ind.unit is None and ind.target_text is None and not any(k.target_text for k in kids):
            ind.comparator = "status"  # a qualitative indicator: no figure anywhere
    return out


def _positional_cells(item: _Row, header: _Header) -> tuple[_Cells, list[str]]:
    """The row's cells read by column position, and the texts of its value columns in order."""
    texts = cells_by_column([ln.raw for ln in item.lines], header.columns)
    by_role: dict[str, list[str]] = {}
    values: list[str] = []
    for col, text in zip(header.columns, texts, strict=True):
        if col.role in ("target", "actual"):
            values.append(text)
        elif text:
            by_role.setdefault(col.role, []).append(text)
    name = _SUB_MARK.sub(r"\g<rest>", join_wrapped(by_role.get("name", [])))
    name = re.sub(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+", "", name).strip(" :;")
    cells = _Cells(
        name=name,
        unit=" ".join(by_role.get("unit", [])) or None,
        leader="; ".join(by_role.get("leader", [])) or None,
        responsible=by_role.get("responsible", []),
        coordinating=by_role.get("coordinating", []),
        note=by_role.get("note", []),
    )
    return cells, values


def _set_column_targets(ind: Indicator, values: list[str], header: _Header) -> None:
    """The own column's cell is the target; the other filled value columns are other targets."""
    own = values[header.own] if header.own < len(values) else ""
    if own:
        target = parse_target(own, unit_hint=ind.unit)
        ind.target_text, ind.target_value = own, target.value
        ind.comparator, ind.target_max = target.comparator, target.max_value
    ind.other_targets = [
        OtherTarget(source=_source(header.labels[k]), text=v)
        for k, v in enumerate(values)
        if v and k != header.own
    ]


def _has_content(ind: Indicator) -> bool:
    """A row with a cell besides its name (a bare name may be running text after the table)."""
    return bool(ind.unit or ind.target_text or ind.leader or ind.responsible or ind.parent_key)


def _set_targets(ind: Indicator, values: list[str], header: _Header) -> None:
    """The own column's value is the target; the other columns become other_targets."""
    if not values:
        return
    labels = header.labels or ["Kế hoạch"]
    if len(values) > len(labels) and values[0].lower() in _STATUS:
        values = values[-len(labels) :]  # the unit cell printed the status too
    if len(values) == 1 or len(labels) == 1:
        own_value, others = values[-1], [(f"cột {k + 1}", v) for k, v in enumerate(values[:-1])]
    else:
        aligned = labels[-len(values) :] if len(values) <= len(labels) else labels
        offset = len(labels) - len(aligned)
        own_pos = header.own - offset
        if not 0 <= own_pos < len(values):
            own_pos = len(values) - 1
        own_value = values[own_pos]
        others = [(_source(aligned[k]), v) for k, v in enumerate(values[: len(aligned)]) if k != own_pos]
    target = parse_target(own_value)
    ind.target_text = own_value
    ind.target_value = target.value
    ind.comparator = target.comparator
    ind.target_max = target.max_value
    ind.other_targets = [OtherTarget(source=s, text=v) for s, v in others]


def _source(label: str) -> str:
    return clean(re.sub(r"\(\s*(?:số\s+)?|\)", "", label))
