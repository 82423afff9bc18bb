"""Figures inside a prose sentence: '95 triệu đồng/người/năm', 'dưới 0,9%',
'từ 15-20%', '04/08 hộ', 'từ 94% trở lên', and the status words ('Hoàn thành',
'Duy trì', 'Giữ vững', 'Đạt') that stand for a target without a number.

Numbers that belong to the indicator's name ('dưới 5 tuổi', 'mức độ 2',
'năm 2024', 'Quyết định số 109/QĐ-UBND', dates) are not targets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.model import Target

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"

# Comparator words before a figure, longest first; value is the comparator code.
_COMPARATORS: list[tuple[str, str]] = [
    ("không thấp hơn", ">="),
    ("không dưới", ">="),
    ("không vượt quá", "<="),
    ("không quá", "<="),
    ("không vượt", "<="),
    ("tối thiểu", ">="),
    ("ít nhất", ">="),
    ("tối đa", "<="),
    ("xuống dưới", "<"),
    ("còn dưới", "<"),
    ("thấp hơn", "<"),
    ("cao hơn", ">"),
    ("nhiều hơn", ">"),
    ("trên", ">"),
    ("hơn", ">"),
    ("vượt", ">"),
    ("dưới", "<"),
    ("từ", ">="),
    ("≥", ">="),
    ("≤", "<="),
    (">=", ">="),
    ("<=", "<="),
    (">", ">"),
    ("<", "<"),
    ("khoảng", "="),
]
_CMP_MAP = dict(_COMPARATORS)
_CMP_RE = "|".join(re.escape(w) for w, _ in _COMPARATORS)

# Units seen in plans; a '/...' tail ('/người/năm', '/ha') is taken along.
_UNITS = [
    "triệu đồng",
    "tỷ đồng",
    "nghìn đồng",
    "ngàn đồng",
    "đồng",
    "USD",
    "tấn",
    "tạ",
    "kg",
    "ha",
    "m²",
    "m2",
    "m3",
    "km",
    "người",
    "lao động",
    "hộ",
    "doanh nghiệp",
    "DN",
    "cơ sở",
    "trường",
    "lớp",
    "phòng",
    "xã",
    "phường",
    "thôn",
    "xóm",
    "bản",
    "tổ dân phố",
    "khu dân cư",
    "khu phố",
    "phố",
    "công trình",
    "dự án",
    "cửa hàng",
    "sản phẩm",
    "mô hình",
    "con",
    "cây",
    "giường bệnh",
    "giường",
    "bác sĩ",
    "học sinh",
    "trẻ",
    "đơn vị",
    "chỉ tiêu",
    "tiêu chí",
    "lượt",
    "hợp tác xã",
    "HTX",
    "câu lạc bộ",
    "CLB",
    "nhà",
    "căn",
    "điểm",
    "đơn",
    "vụ",
    "km²",
    "thuê bao",
    "máy",
    "chợ",
    "tuyến",
    "gia đình",
    "hội viên",
    "đoàn viên",
    "đảng viên",
    "tổ",
    "chi hội",
]
_UNIT_RE = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))

TARGET_RE = re.compile(
    rf"""
    (?:(?P<cmp>{_CMP_RE})\s*:?\s*)?
    (?P<num>{_NUM})
    (?:\s*(?:-|–|—|đến|tới)\s*(?P<num2>{_NUM}))?
    (?:\s*/\s*(?P<den>{_NUM})(?![\d/]))?
    (?:\s*(?P<unit>%|‰|(?:{_UNIT_RE})(?![\wÀ-ỹ]))(?P<per>\s*/\s*[\wÀ-ỹ]+(?:\s*/\s*[\wÀ-ỹ]+)?)?)?
    (?P<after>\s*(?:trở\s+lên|trở\s+xuống))?
    """,
    re.VERBOSE | re.IGNORECASE,
)

# Words just before a number that make it part of a name, not a target.
_NAME_BEFORE = re.compile(
    r"(?:thứ|mức\s+độ|cấp|loại|số|năm|giai\s+đoạn|khóa|khoá|lần|nhóm|điều|khoản|ngày|tháng|kỳ|quý|"
    r"đợt|tuổi|chương\s+trình|nghị\s+quyết|quyết\s+định|kế\s+hoạch|covid|hạng|tiêu\s+chí|top|khu|lô|tổ|đội|"
    r"xóm|thôn|quốc\s+lộ|tỉnh\s+lộ|đường|QL|TL|ĐT)\s*[-–]?\s*$",
    re.IGNORECASE,
)
# Words just after a number that make it part of a name.
_NAME_AFTER = re.compile(r"^\s*(?:tuổi|tháng|ngày|giờ|lần|năm\b|[-–]\s*NQ|/[A-ZĐa-zđ])", re.IGNORECASE)
# A verb or colon just before a bare number makes it a target ('đạt 95', ': 29').
_TARGET_VERB = re.compile(r"(?:đạt|là|:|còn|bằng|tăng|giảm|có|được|phấn đấu|mới)\s*$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:19|20)\d{2}$")


def parse_number(text: str) -> float | None:
    """'1.900' -> 1900, '7,6' -> 7.6, '46.341.000.000' -> 46341000000, '0.12' -> 0.12."""
    t = text.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", t):
        t = t.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", t):
        t = t.replace(",", "")
    else:
        t = t.replace(",", ".")
    try:
        return float(t)
    except ValueError:
        return None


@dataclass
class Found:
    start: int
    end: int
    target: Target


def find_targets(sentence: str) -> list[Found]:
    """Every figure of the sentence that reads as a target, in order."""
    out: list[Found] = []
    for m in TARGET_RE.finditer(sentence):
        target = _to_target(sentence, m)
        if target is not None:
            out.append(Found(m.start(), m.end(), target))
    return out


def _to_target(sentence: str, m: re.Match[str]) -> Target | None:
    start = m.start("num")
    before, after = sentence[:start], sentence[m.end() :]
    # glued to a word or a code ('COVID-19', 'QĐ-109', '3.2.1', 'A1')
    last, second = before[-1:], before[-2:-1]
    if last.isalnum() or (last and last in "/.-" and second.isalnum()):
        return None
    if m.group("cmp") is None and _NAME_BEFORE.search(before):
        return None
    unit, after_words = m.group("unit"), m.group("after")
    if not unit and _NAME_AFTER.match(sentence[m.end("num2") if m.group("num2") else m.end("num") :]):
        return None
    if not unit and m.group("den") is None and re.match(r"\s*/", sentence[m.end("num") :]):
        return None  # a date or a document number
    glued = after[:1].isalnum() or (after[:1] == "/" and not m.group("per"))
    if glued and not (unit and unit in "%‰"):
        return None
    value = parse_number(m.group("num"))
    if value is None:
        return None
    num2 = parse_number(m.group("num2")) if m.group("num2") else None
    cmp_word = (m.group("cmp") or "").lower()
    if _YEAR.match(m.group("num")) and not unit:
        return None
    if not (unit or cmp_word or after_words or m.group("den") or _TARGET_VERB.search(before)):
        return None
    comparator = _CMP_MAP.get(cmp_word, "=")
    if after_words:
        comparator = ">=" if "lên" in after_words else "<="
    max_value = None
    if num2 is not None and num2 > value:
        comparator, max_value = "range", num2
    elif num2 is not None:
        return None
    full_unit = None
    if unit:
        full_unit = unit + re.sub(r"\s+", "", m.group("per") or "")
    return Target(
        text=m.group(0).strip(),
        value=value,
        comparator=comparator,
        max_value=max_value,
        unit=full_unit,
        denominator=parse_number(m.group("den")) if m.group("den") else None,
    )


# Status words that stand for a target ('Hoàn thành', 'Duy trì', ...), longest first.
STATUS_RE = re.compile(
    r"(?<![\wÀ-ỹ])(hoàn\s+thành\s+xuất\s+sắc|hoàn\s+thành\s+vượt(?:\s+mức)?|hoàn\s+thành|duy\s+trì|giữ\s+vững|"
    r"giữ\s+chuẩn|không\s+còn|không\s+để\s+xảy\s+ra|không\s+có|được\s+công\s+nhận|đạt)(?![\wÀ-ỹ])",
    re.IGNORECASE,
)


def find_status(sentence: str) -> Target | None:
    m = STATUS_RE.search(sentence)
    if m is None:
        return None
    return Target(text=m.group(1), comparator="status")
