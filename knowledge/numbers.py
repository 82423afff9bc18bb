"""Vietnamese figures: numbers, targets ('dưới 7,6%', '15-20%', 'Đạt') and progress values.

Vietnamese writes '1.900' for 1900 and '7,6' for 7.6; tables produced by
other tools also carry '7.9' (a decimal dot). The rules (`parse_number`):

* a single comma is a decimal comma ('7,6', '135,0', even '1,200' -> 1.2);
* dots followed by groups of exactly three digits are thousands
  ('1.900', '46.341.000.000'), except after a lone leading zero ('0.400');
* a single dot followed by one, two or four+ digits is a decimal ('0.9', '99.25');
* with both separators the right-most one is the decimal mark ('1.234,5', '1,234.5').

Matching is done on an accent-free, lower-cased copy of the text that keeps
every character position, so 'duoi 7,6%' parses like 'dưới 7,6%' and spans
returned by `find_targets` index the (NFC) input."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# re-exported: callers read a target and judge a value against it through this one module
from knowledge.achievement import meets_target as meets_target
from knowledge.achievement import percent_of_target as percent_of_target
from knowledge.model import Target
from knowledge.text import strip_diacritics

# --- accent-free view of a text with the same length -------------------------------


def fold_same_length(text: str) -> str:
    """Lower case without diacritics, one output character per input character."""
    return "".join(map(_fold_char, text))


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    f = strip_diacritics(ch).lower()
    return f if len(f) == 1 else ch


def _prepare(text: str) -> tuple[str, str]:
    """(NFC text, its folded twin); positions agree between the two."""
    t = unicodedata.normalize("NFC", text)
    return t, fold_same_length(t)


# --- numbers ---------------------------------------------------------------------

_NUM = r"(?<![0-9.,])[0-9]+(?:[.,][0-9]+)*"
_NUM_RE = re.compile(_NUM)
_GROUP3 = re.compile(r"[0-9]{3}")


def _to_float(token: str) -> float | None:
    """Read one number token ('46.341.000.000', '7,6', '0.9'); None when malformed."""
    dots, commas = token.count("."), token.count(",")
    if dots and commas:
        dec = "." if token.rfind(".") > token.rfind(",") else ","
        thousands = "," if dec == "." else "."
        whole, _, frac = token.rpartition(dec)
        if whole.count(dec) or not _thousands_ok(whole.split(thousands)):
            return None
        return float(whole.replace(thousands, "") + "." + frac)
    if commas:
        parts = token.split(",")
        if len(parts) == 2:
            return float(parts[0] + "." + parts[1])
        return float("".join(parts)) if _thousands_ok(parts) else None
    if dots:
        parts = token.split(".")
        if len(parts) == 2 and not _thousands_ok(parts):
            return float(parts[0] + "." + parts[1])
        return float("".join(parts)) if _thousands_ok(parts) else None
    return float(token)


def _thousands_ok(parts: list[str]) -> bool:
    """'46', '341', '000' is a thousands grouping; '0', '400' or '12', '5' is not."""
    head, rest = parts[0], parts[1:]
    if not rest or not 1 <= len(head) <= 3 or head == "0":
        return False
    return all(_GROUP3.fullmatch(p) for p in rest)


def parse_number(text: str | None) -> float | None:
    """The first number in `text`, Vietnamese separators understood; None if there is none
    or it is malformed ('2.4.1' is a heading number, not a figure). A minus sign directly
    in front ('-2,5') makes it negative."""
    if not text:
        return None
    m = _NUM_RE.search(text)
    if not m:
        return None
    value = _to_float(m.group(0))
    if value is not None and text[: m.start()].strip() in ("-", "−"):
        value = -value
    return value


def format_number(value: float, decimals: int = 2) -> str:
    """Vietnamese display form: 1900 -> '1.900', 7.6 -> '7,6' (trailing zeros dropped)."""
    text = f"{abs(value):,.{decimals}f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return ("-" if value < 0 and text.strip("0.,") else "") + text


# --- units -----------------------------------------------------------------------

# Base units as written; matched accent-free, then checked against the original so that
# 'tự' is not 'từ' and 'phó' is not 'phố' (accent-free input is accepted as is).
_BASE_UNITS = [
    "tỷ đồng", "triệu đồng", "nghìn đồng", "ngàn đồng", "triệu USD", "USD", "tỷđ", "trđ", "đồng", "tỷ",
    "triệu",
    "m2", "m²", "m3", "m³", "km2", "km²", "km", "ha", "tấn", "tạ", "kg",
    "hộ gia đình", "hộ", "người", "lao động", "doanh nghiệp", "DN", "tổ dân phố", "khu dân cư",
    "phố", "xóm", "thôn", "bản", "trường học", "trường", "lớp", "phòng học", "phòng", "cơ sở",
    "cửa hàng", "đơn vị", "gia đình", "hợp tác xã", "HTX", "công trình", "dự án", "mô hình",
    "sản phẩm", "học sinh", "cháu", "trẻ", "giường bệnh", "giường", "bác sĩ", "lượt", "hồ sơ",
    "câu lạc bộ", "CLB", "chi hội", "nhà", "căn", "chiếc", "con", "cây", "tiêu chí", "chỉ tiêu",
    "thủ tục", "điểm", "tổ", "xã", "phường", "công dân", "thanh niên", "cán bộ", "công chức",
    "đảng viên", "hội viên", "đoàn viên", "thành viên", "làng", "ấp", "khóm", "buôn", "khu phố",
    "vùng", "trung tâm", "trạm", "chợ", "nhà máy", "khu công nghiệp", "cụm công nghiệp", "sáng kiến",
]  # fmt: skip
_SYMBOL_UNITS = ("%", "‰")
_UNIT_FORMS: dict[str, set[str]] = {}
for _u in _BASE_UNITS:
    _UNIT_FORMS.setdefault(strip_diacritics(_u).lower(), {strip_diacritics(_u).lower()}).add(_u.lower())
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(_UNIT_FORMS, key=len, reverse=True))
# A unit on the same line (spaces only, never a tab: that is the next table cell), then
# '/người/năm'-style per-suffixes ('triệu đồng/người/năm', 'm²/người').
_UNIT_RE = re.compile(
    rf"[ ]*(?:(?P<sym>%|‰)|(?P<word>(?P<base>{_UNIT_ALT})(?![0-9a-z])(?:[ ]*/[ ]*[a-z0-9²]+(?![0-9a-z])){{0,2}}))"
)
# Phrases that start like a unit but are not one ('tỷ lệ', 'tổ chức').
_FALSE_UNIT_RE = re.compile(
    r"[ ]*(?:ty\s+(?:le|trong)|to\s+chuc|con\s+lai|nha\s+nuoc|ban\s+hanh|phong\s+chong|truong\s+hop"
    r"|don\s+vi\s+tinh|diem\s+den|tre\s+em\s+duoi)(?![a-z])"
)
# Words after a number that make it an age, a duration or an ordinal, not a target.
_NOT_UNIT_RE = re.compile(r"\s*(?:tuoi|nam|thang|ngay|gio|phut|lan|tuan|quy)(?![0-9a-z])")


def _unit_at(text: str, folded: str, pos: int) -> re.Match[str] | None:
    m = _UNIT_RE.match(folded, pos)
    if not m or m.group("sym"):
        return m
    if _FALSE_UNIT_RE.match(folded, pos):
        return None
    written = text[m.start("base") : m.end("base")].lower()
    return m if written in _UNIT_FORMS[m.group("base")] else None


# --- comparators -----------------------------------------------------------------

_STATUS_WORDS = (
    r"dat chuan|dat|hoan thanh|duy tri|giu vung|khong con|hang nam|hang quy|hang thang"
    r"|chua dat|khong dat|vuot|dang thuc hien|dang trien khai|chua thuc hien|chua trien khai"
    r"|chua hoan thanh|da thuc hien|da hoan thanh|thuc hien"
)
_STATUS_RE = re.compile(rf"^\s*(?:{_STATUS_WORDS})(?![0-9a-z])")

# Comparator words directly before the number ('dưới : 0,9%' keeps its colon), as written;
# matched accent-free and checked against the original like units ('trật tự 95%' has none).
_PREFIX_CMP = [
    (
        ">=",
        [
            "không thấp hơn",
            "không dưới",
            "ít nhất",
            "tối thiểu",
            "từ",
            "đạt và vượt",
            "đạt hoặc vượt",
            ">=",
            "≥",
            "=>",
        ],
    ),
    (
        "<=",
        [
            "tối đa",
            "không quá",
            "không vượt quá",
            "không vượt",
            "không cao hơn",
            "không hơn",
            "<=",
            "≤",
            "=<",
        ],
    ),
    ("<", ["dưới", "thấp hơn", "nhỏ hơn", "<"]),
    (">", ["trên", "cao hơn", "lớn hơn", "hơn", "vượt", ">"]),
]
_PREFIX_OPS: dict[str, tuple[str, set[str]]] = {}
for _op, _words in _PREFIX_CMP:
    for _w in _words:
        _PREFIX_OPS.setdefault(strip_diacritics(_w).lower(), (_op, {strip_diacritics(_w).lower()}))[1].add(_w)
_PREFIX_RE = re.compile(
    r"(?P<cmp>"
    + "|".join(re.escape(w) for w in sorted(_PREFIX_OPS, key=len, reverse=True))
    + r")(?:\s+muc)?\s*:?\s*$"
)
_SUFFIX_RE = re.compile(r"[ ]*(?P<cmp>tro len|tro xuong)(?![0-9a-z])")
_PER_PERIOD = re.compile(r"[ ]*/[ ]*(?:nam|thang|quy)(?![0-9a-z])")
_RANGE_SEP = re.compile(r"[ ]*(?:-|–|—|den|toi)[ ]*")
_FRACTION_SEP = re.compile(r"[ ]*/[ ]*")


# --- one figure ------------------------------------------------------------------


@dataclass
class _Figure:
    start: int  # incl. comparator words
    end: int  # incl. unit and 'trở lên'
    target: Target
    has_unit: bool
    has_cue: bool


def _read_figure(text: str, folded: str, m: re.Match[str]) -> _Figure | None:
    """Read the figure whose first number is `m`: range, fraction, unit, comparator."""
    value = _to_float(m.group(0))
    if value is None:
        return None
    target = Target(value=value, comparator="=")
    end = m.end()
    end = _read_second_number(folded, end, target)
    unit_m = _unit_at(text, folded, end)
    if unit_m and not _NOT_UNIT_RE.match(folded, end):
        target.unit = text[unit_m.start() : unit_m.end()].strip()
        end = unit_m.end()
    if target.unit in _SYMBOL_UNITS and (per := _PER_PERIOD.match(folded, end)):
        end = per.end()  # '14%/năm'
    start, has_cue = _read_prefix(text, folded, m.start(), target)
    suffix = _SUFFIX_RE.match(folded, end)
    if suffix:
        target.comparator = ">=" if suffix.group("cmp") == "tro len" else "<="
        end, has_cue = suffix.end(), True
    target.text = text[start:end].strip()
    return _Figure(start, end, target, unit_m is not None, has_cue)


def _read_second_number(folded: str, pos: int, target: Target) -> int:
    """'15-20' (range) or '4/8' (fraction) after the first number; returns the new end."""
    sep = _RANGE_SEP.match(folded, pos)
    if sep and (m2 := _NUM_RE.match(folded, sep.end())):
        hi = _to_float(m2.group(0))
        pct_between = folded[pos : sep.start()].strip() == "%"
        if hi is not None and hi > (target.value or 0) and not pct_between:
            target.comparator, target.max_value = "range", hi
            return m2.end()
    if sep is None and folded[pos : pos + 1] == "%":  # '15%-20%'
        sep2 = _RANGE_SEP.match(folded, pos + 1)
        m2 = _NUM_RE.match(folded, sep2.end()) if sep2 else None
        hi = _to_float(m2.group(0)) if m2 else None
        if m2 and hi is not None and hi > (target.value or 0):
            target.comparator, target.max_value = "range", hi
            return m2.end()
    frac = _FRACTION_SEP.match(folded, pos)
    if frac and frac.group(0).strip() == "/" and (m2 := _NUM_RE.match(folded, frac.end())):
        den = _to_float(m2.group(0))
        if den:
            target.denominator = den
            return m2.end()
    return pos


def _read_prefix(text: str, folded: str, num_start: int, target: Target) -> tuple[int, bool]:
    """Comparator words right before the number; returns (span start, found)."""
    window_start = max(0, num_start - 30)
    m = _PREFIX_RE.search(folded[window_start:num_start])
    if not m or not _word_start(folded, window_start + m.start()):
        return num_start, False
    key = m.group("cmp")
    op, forms = _PREFIX_OPS[key]
    written = text[window_start + m.start("cmp") : window_start + m.end("cmp")].lower()
    if written not in forms:
        return num_start, False
    if target.comparator != "range":  # 'từ 15-20%': the range wins
        target.comparator = op
    return window_start + m.start(), True


def _word_start(folded: str, pos: int) -> bool:
    return pos == 0 or not folded[pos - 1].isalnum() or not folded[pos].isalnum()


# --- masks: dates, document numbers, years, ordinals -----------------------------

# Run on the folded text.
_MASK_FOLDED = [
    re.compile(r"(?<![0-9])[0-9]{1,2}\s*[/.-]\s*[0-9]{1,2}\s*[/.-]\s*[0-9]{4}(?![0-9])"),  # 05/12/2024
    re.compile(r"(?<![0-9/])[0-9]{1,2}\s*/\s*(?:19|20)[0-9]{2}(?![0-9])"),  # 5/2023
    re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}\s*[-–—]\s*(?:19|20)[0-9]{2}(?![0-9])"),  # 2021-2025
    # Ordinals and references: 'năm 2023', 'mức độ 3', 'Quý 1', 'thứ 2', 'số 797'.
    re.compile(
        r"(?<![0-9a-z])(?:nam|giai doan|nhiem ky|muc do|cap do|lan thu|thu|so|khoa|dot|ky|loai|hang"
        r"|quy|thang|ngay|tuan|lan|cap|chuong|dieu|khoan|phu luc|bieu|bieu so|mau|tieu chi so)"
        r"\s+(?:thu\s+)?[0-9]+(?![0-9]|[.,][0-9])"
    ),
]
# Run on the original text: document numbers keep their capitals ('797/QĐ-UBND', '12-NQ/TU');
# '100/ cơ sở giáo dục' is not one.
_MASK_ORIGINAL = [
    re.compile(r"[0-9]+\s?/\s?[A-ZĐ][A-ZĐa-z0-9]*(?:\s?-\s?[A-ZĐa-z0-9]+)*"),
    re.compile(r"[0-9]+-[A-ZĐ]{2,}"),
]
_YEAR_RE = re.compile(r"(?<![0-9.,])(?:19|20)[0-9]{2}(?![0-9.,])")


def _masked(text: str, folded: str) -> str:
    """The folded text with digits that are not figures (dates, document numbers,
    ordinals) blanked out; positions are kept."""
    chars = list(folded)
    spans = [m.span() for rx in _MASK_FOLDED for m in rx.finditer(folded)]
    spans += [m.span() for rx in _MASK_ORIGINAL for m in rx.finditer(text)]
    for s, e in spans:
        for i in range(s, e):
            if chars[i].isdigit():
                chars[i] = " "
    return "".join(chars)


# --- public: targets -------------------------------------------------------------


def parse_target(text: str | None, unit_hint: str | None = None) -> Target:
    """A target cell or phrase -> Target. `text` keeps the cell as written (trimmed).

    Unit: '%'/'‰' written in the cell win; otherwise the column's `unit_hint` wins
    (a cell '100 tổ dân phố' under a '%' column is 100 %); otherwise the unit written.
    A cell without a figure is a qualitative target (comparator 'status'), except a
    bare period such as '2026 - 2027', which is no target at all."""
    raw = (text or "").strip()
    if not raw:
        return Target(unit=unit_hint or None)
    nfc, folded = _prepare(raw)
    if _STATUS_RE.match(folded) and not _NUM_RE.search(_masked(nfc, folded)):
        return Target(text=nfc, comparator="status", unit=unit_hint or None)
    fig = _first_figure(nfc, folded)
    if fig is None:
        if _YEAR_RE.search(folded):
            return Target(text=nfc, unit=unit_hint or None)
        return Target(text=nfc, comparator="status", unit=unit_hint or None)
    target = fig.target
    target.text = nfc
    target.unit = _choose_unit(target.unit, unit_hint)
    return target


def _first_figure(text: str, folded: str) -> _Figure | None:
    masked = _masked(text, folded)
    for m in _NUM_RE.finditer(masked):
        fig = _read_figure(text, folded, m)
        if fig is not None:
            return fig
    return None


def _choose_unit(written: str | None, hint: str | None) -> str | None:
    if written in _SYMBOL_UNITS:
        return written
    return (hint or "").strip() or written


def find_targets(sentence: str) -> list[tuple[int, int, Target]]:
    """Every figure-with-unit in a sentence, as (start, end, Target) over the NFC text.

    A figure counts when a unit follows it ('94%', '1.900 tấn', '19/20 phố') or when
    it stands after a target cue and ends the clause ('đạt trên 90', 'Tỷ lệ: 88;').
    Years, dates, document numbers and ordinals ('mức độ 3') are skipped."""
    text, folded = _prepare(sentence or "")
    masked = _masked(text, folded)
    found: list[tuple[int, int, Target]] = []
    pos = 0
    for m in _NUM_RE.finditer(masked):
        if m.start() < pos:
            continue
        fig = _read_figure(text, folded, m)
        if fig is None or not _counts(fig, folded, m) or _is_row_number(text, m, fig):
            continue
        found.append((fig.start, fig.end, fig.target))
        pos = fig.end
    return found


_LINE_HEAD_RE = re.compile(r"^[\s\-+•*(]*$")
_CAPITAL_UNIT_RE = re.compile(r"[ \t]+[A-ZĐÀ-Ỹ][a-zà-ỹđ]")


def _is_row_number(text: str, m: re.Match[str], fig: _Figure) -> bool:
    """'21 Tỷ lệ chất thải...', '5 Trường đạt chuẩn...': a row or item number that starts the
    line before a capitalised title, not a count."""
    return (
        fig.target.unit not in _SYMBOL_UNITS
        and bool(_LINE_HEAD_RE.match(text[: m.start()]))
        and bool(_CAPITAL_UNIT_RE.match(text, m.end()))
    )


_CLAUSE_END = re.compile(r"[ ]*(?:[;,.)\t\n]|$)")  # a tab ends a table cell
_CUE_BEFORE = re.compile(r"(?:dat|la|:)\s*$")


_PER_ONE_RE = re.compile(r"(?:tren|moi)\s*$")


def _counts(fig: _Figure, folded: str, m: re.Match[str]) -> bool:
    t = fig.target
    if fig.has_unit:
        # 'giá trị trên 1 ha', 'mỗi 1 người': "per one unit", not a figure
        per_one = t.value == 1 and t.unit not in _SYMBOL_UNITS and t.comparator in (">", "=")
        return not (per_one and _PER_ONE_RE.search(folded[max(0, m.start() - 6) : m.start()]))
    if t.max_value is None and _YEAR_RE.fullmatch(m.group(0)):
        return False  # a bare year ('ISO 9001:2015')
    if _is_share(t, folded, fig.end):
        return True  # '7/11 làng': a share of a whole, whatever is counted
    if not _CLAUSE_END.match(folded, fig.end):
        return False
    return fig.has_cue or bool(_CUE_BEFORE.search(folded[max(0, m.start() - 8) : m.start()]))


# After a share the counted noun follows; a date ('dịp 30/4 và 1/5') is followed by other words.
_SHARE_NOUN = re.compile(
    r"[ ]+(?!(?:va|hoac|nam|thang|ngay|den|toi|tai|cua|nay|vua|qua|la)(?![0-9a-z]))[a-z]"
)


def _is_share(t: Target, folded: str, end: int) -> bool:
    return (
        t.denominator is not None
        and t.value is not None
        and 0 < t.value <= t.denominator
        and bool(_SHARE_NOUN.match(folded, end))
    )


# --- public: officers' progress updates ------------------------------------------

_PROGRESS_STATUS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"^\s*{p}(?![0-9a-z])"), key)
    for p, key in [
        (r"chua hoan thanh|khong hoan thanh", "not_done"),
        (r"da hoan thanh|hoan thanh|xong", "done"),
        (r"chua dat|khong dat", "not_met"),
        (r"vuot|dat chuan|dat", "met"),
        (r"dang thuc hien|dang trien khai|dang lam|dang tien hanh", "in_progress"),
        (r"chua thuc hien|chua trien khai|chua lam|chua bat dau", "not_started"),
        (r"da thuc hien|da trien khai", "in_progress"),
        (r"duy tri|giu vung", "met"),
    ]
]


def progress_status(text: str | None) -> str | None:
    """Canonical key of a status update: 'done', 'not_done', 'met', 'not_met',
    'in_progress', 'not_started'; None when the text is not a status."""
    folded = fold_same_length(unicodedata.normalize("NFC", text or ""))
    for rx, key in _PROGRESS_STATUS:
        if rx.match(folded):
            return key
    return None


def parse_progress_value(text: str | None) -> Target | None:
    """An officer's update ('93%', '93,5', '1.200 tấn', 'Đạt', 'đang thực hiện') -> Target.

    A status gives comparator 'status' and no value; a figure gives comparator '='
    (or the comparator written). None when nothing parses."""
    raw = (text or "").strip()
    if not raw:
        return None
    nfc, folded = _prepare(raw)
    if progress_status(nfc) is not None and not _NUM_RE.search(folded):
        return Target(text=nfc, comparator="status")
    fig = _first_figure(nfc, folded)
    if fig is None:
        return None
    fig.target.text = nfc
    return fig.target
