"""A row's text split into its cells by content, and what a line opens.

    name  [unit]  [target values…]  [leader]  [responsible parties…]  [note]

Values and the unit are peeled off the end of the name; the parties begin at the first
'Đ/c', a leader's title or a party word after the values. A line opens a numbered row
('3 Tỷ lệ …') or a group heading ('II Văn hóa - xã hội')."""

from __future__ import annotations

import re

from knowledge.extract.assignment_columns import cells_by_column
from knowledge.extract.assignment_table.shapes import JUNK, Cells, Header, Row, gaps_as_breaks
from knowledge.text import clean

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
UNIT_AT_END = re.compile(
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
ROW_NO = re.compile(r"^(?P<no>\d{1,3})[.)]?(?:\s+(?P<rest>.*))?$")
SUB_NO = re.compile(r"^(?P<no>\d{1,2}(?:\.\d{1,2}){1,2})\.?\s+(?P<rest>\S.*)$")
SUB_MARK = re.compile(r"^(?:[-+–•*]|[a-zđ]\)|Trong đó\s*:)\s*(?P<rest>\S.*)$")
GROUP = re.compile(r"^(?P<mark>[IVXLC]{1,6}|[A-HJ-KM-UWYZĐ])[.)]?(?:\s+(?P<rest>\S.*))?$")
COUNT_NOTE = re.compile(r"\s*\(\s*\d+\s*chỉ tiêu\s*\)\s*$", re.IGNORECASE)


def group_of(text: str) -> str | None:
    """The mark of a group heading ('A', 'I', 'II'), or None."""
    m = GROUP.match(text)
    if not m:
        return None
    rest = m.group("rest") or ""
    if rest and (not rest[0].isupper() or rest.startswith("Đ/c") or _VALUE_AT_END.search(rest.split()[0])):
        return None
    if rest and re.search(r"\d", COUNT_NOTE.sub("", rest)) and has_cells(rest):
        return None
    return m.group("mark")


def row_start(text: str, last_no: int) -> str | None:
    """The row number when `text` opens a numbered row."""
    m = ROW_NO.match(text)
    if not m:
        return None
    n, rest = int(m.group("no")), (m.group("rest") or "").strip(JUNK)
    if not rest:
        return m.group("no") if n == last_no + 1 else None
    if not rest[0].isalpha() or rest.lower().startswith("đ/c") or is_party(rest):
        return None
    if n == 1 or last_no < n <= last_no + 3:
        return m.group("no")
    return None


def has_cells(text: str) -> bool:
    """A line that carries value cells of its own (a unit, values or a party after the name)."""
    cells = split_cells(text)
    return bool(cells.name) and cells.past_name


def column_cells(raw_lines: list[str], header: Header) -> dict[str, str]:
    """Role -> text of a row's lines laid out in the header's columns (same roles joined by '; ')."""
    out: dict[str, str] = {}
    for col, text in zip(header.columns, cells_by_column(raw_lines, header.columns), strict=True):
        if text and col.role:
            out[col.role] = f"{out[col.role]}; {text}" if col.role in out else text
    return out


def is_party(text: str) -> bool:
    t = text.lstrip("-–+ ").strip(JUNK)
    return bool(_PARTY_WORDS.match(t) or _ABBREV.match(t) or _is_name_and_unit(t))


def _is_name_and_unit(text: str) -> bool:
    """'Hằng VP', 'Hợp, Hiền ĐC': capitalised given names, then a unit's abbreviation."""
    words = text.replace(",", " ").split()
    if not 2 <= len(words) <= 4:
        return False
    *names, unit = words
    return all(w[0].isupper() and not w.isupper() for w in names) and unit.isupper() and unit.isalpha()


def row_text(row: Row) -> str:
    """The row's text: column gaps become '\\n', line ends '\\n\\n' (both hard breaks)."""
    parts = [gaps_as_breaks(row.first)] + [ln.cells for ln in row.lines[1:]]
    return "\n\n".join(p for p in parts if p)


def split_cells(text: str, coordinating: bool = False, notes: bool = True) -> Cells:
    """name [unit] [values] [leader] [parties/notes] from a row's text."""
    text = text.strip(JUNK + "\n")
    tail_at = _tail_start(text)
    head, tail = text[:tail_at].strip(" \n"), text[tail_at:].strip(" \n")
    cells = split_head(head)
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
        if pos > 0 and is_party(piece) and split_head(text[:pos].strip()).values:
            return pos
        pos += len(piece) + 1
    # columns joined by single spaces: a party word right after a value ('… 5.800 Văn phòng')
    for m in re.finditer(r"(?<=[ \n])\S", text[:cut]):
        head = text[: m.start()].rstrip(" \n")
        if is_party(text[m.start() :]) and _VALUE_AT_END.search(head) and split_head(head).values:
            return m.start()
    return cut


def split_head(head: str) -> Cells:
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
    m = UNIT_AT_END.search(rest.replace("\n", " "))
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
    return Cells(name=name, unit=clean(unit) if unit else None, values=[v for v, _ in values])


def _split_tail(tail: str, cells: Cells, coordinating: bool = False, notes: bool = True) -> None:
    """Leader, responsible (and coordinating) parties and notes from the part after the values.

    Line breaks ('\\n\\n') and column gaps ('\\n') both end a piece; with a coordinating
    column, a party after a gap on the same line as the first party opens that column."""
    items: list[tuple[str, int]] = []  # (text, line index)
    for line_idx, line in enumerate(tail.split("\n\n")):
        for piece in re.split(r"\n|(?=(?<![\w/])-?\s*Đ/c)", line):
            piece = piece.strip(" ").strip(JUNK).strip()
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
        item = item.lstrip("-–+ ").strip(JUNK).rstrip(" ,;")
        if not item:
            continue
        if notes and (not is_party(item) or cells.note):
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
