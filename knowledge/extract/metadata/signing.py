"""The document's number ('Số: 23/QĐ-UBND'), its signing date and the signer of the
signature block ('TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / <name>')."""

from __future__ import annotations

import re
from datetime import date

from knowledge.extract.loose import Dual, Reading
from knowledge.extract.metadata.header import find_datelines
from knowledge.extract.metadata.page import Line, is_upper
from knowledge.model import Conflict
from knowledge.text import clean

_DATE_WORDS = Dual(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
NUMBER_LINE = Dual(r"^Số\s*:\s*([\w./-]*/[\wĐđ.-]+)", re.IGNORECASE)
_ANNEX_NUMBER = Dual(
    r"kèm\s+theo\s+(Quyết\s+định|Kế\s+hoạch)\s+số\s*:?\s*([\w.-]*\s*/\s*[A-ZĐ][\wĐ-]*)",
    re.IGNORECASE,
)
SIGN_TITLE = Dual(r"^(?:TM\.|KT\.|TL\.|Q\.|TUQ\.)?\s*(?:PHÓ\s+)?CHỦ\s+TỊCH\b", re.IGNORECASE)
SIGN_AUTHORITY = re.compile(r"^(?:TM|KT|TL|TUQ)\.\s", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[A-ZĐÀ-Ỹ][a-zà-ỹđA-ZĐÀ-Ỹ'’]*$")  # "K' Điểu", 'Y Khâm Niê'

_NOT_NAME = Dual(
    r"ỦY|UỶ|BAN|NHÂN DÂN|CHỦ TỊCH|CỘNG HÒA|CỘNG HOÀ|ĐỘC LẬP|PHỤ LỤC|BIỂU|KẾ HOẠCH|QUYẾT|"
    r"PHƯỜNG|XÃ|THỊ|HUYỆN|QUẬN|TỈNH|THÀNH|NƠI NHẬN|ĐÃ KÝ|HÀNH ĐỘNG",
)


def doc_numbers(reading: Reading, lines: list[Line]) -> list[tuple[str, int]]:
    """Document numbers with digits (blank 'Số: /KH-UBND' is skipped), in order."""
    out: list[tuple[str, int]] = []
    for line in lines:
        m = NUMBER_LINE.rx(reading).match(line.text)
        number = m.group(1) if m else None
        if number is None:
            am = _ANNEX_NUMBER.rx(reading).search(line.text)
            number = am.group(2) if am else None
        if number:
            number = re.sub(r"\s+", "", number).rstrip(".,")
            if re.match(r"^\d", number):
                out.append((number, line.line_no))
    return out


def _valid_date(d: str | None, mth: str | None, y: str | None) -> date | None:
    if not (d and mth and y):
        return None
    try:
        return date(int(y), int(mth), int(d))
    except ValueError:
        return None


def signed_date(reading: Reading, lines: list[Line]) -> date | None:
    for _i, _text, m in find_datelines(reading, lines)[:1]:
        return _valid_date(m.group(2), m.group(3), m.group(4))
    # 'Ban hành kèm theo Quyết định số 23/QĐ-UBND ngày 06 tháng 02 năm 2023'
    for i, line in enumerate(lines):
        if _ANNEX_NUMBER.rx(reading).search(line.text):
            window = " ".join(x.text for x in lines[i : i + 2])
            words = _DATE_WORDS.rx(reading).search(window)
            return _valid_date(*words.groups()) if words else None
    return None


_PARTIAL_DATE = Dual(
    r"ngày\s*(\d{1,2})?\s*(?:…|\.{2,})?\s*(?:tháng|/)\s*(\d{1,2})?\s*(?:…|\.{2,})?\s*(?:năm|/)\s*(\d{4})",
    re.IGNORECASE,
)


def _issue_dates(reading: Reading, lines: list[Line]) -> list[tuple[tuple[str, str, str], str, int]]:
    """(day, month, year) as written — blanks kept empty — from the place-and-date line and
    the 'Kèm theo Kế hoạch/Quyết định số … ngày …' lines, with the text and line number."""
    out: list[tuple[tuple[str, str, str], str, int]] = []
    datelines = {i: text for i, text, _m in find_datelines(reading, lines)}
    for i, line in enumerate(lines):
        if i in datelines:
            window = datelines[i]
        elif _ANNEX_NUMBER.rx(reading).search(line.text):
            window = " ".join(x.text for x in lines[i : i + 2])
        else:
            continue
        m = _PARTIAL_DATE.rx(reading).search(window)
        if m:
            parts = (m.group(1) or "", m.group(2) or "", m.group(3))
            out.append((parts, clean(m.group(0)), line.line_no))
    return out


def date_conflict(reading: Reading, lines: list[Line]) -> Conflict | None:
    """The header and an annex heading giving different issue months or years."""
    dates = _issue_dates(reading, lines)
    seen: dict[tuple[int, int | None, int | None], str] = {}
    for (day, month, year), text, line_no in dates:
        key = (int(year), int(month) if month else None, int(day) if day else None)
        if all(not _compatible(key, k) for k in seen):
            seen[key] = f"{text} (line {line_no})"
    return Conflict(what="Ngày ban hành kế hoạch", values=list(seen.values())) if len(seen) > 1 else None


def _compatible(a: tuple[int, int | None, int | None], b: tuple[int, int | None, int | None]) -> bool:
    """Equal where both are filled in (a blank day or month agrees with anything)."""
    return all(x is None or y is None or x == y for x, y in zip(a, b, strict=True))


def _person_name(reading: Reading, text: str) -> str | None:
    t = re.sub(r"\s+\d{1,3}$", "", text).strip(" .")  # a page number glued by PDF extraction
    words = t.split()
    if not 2 <= len(words) <= 5 or not all(_NAME_WORD.match(w) for w in words):
        return None
    if _NOT_NAME.rx(reading).search(t.upper()) and is_upper(t):
        return None
    if is_upper(t):
        t = " ".join(w[:1] + w[1:].lower() for w in words)
    return t


# A line of the 'Nơi nhận:' column: '- TT Đảng ủy xã (b/c);', '- Lưu: VT.'
_RECIPIENT = Dual(r"^(?:[-+•–]\s*\S|Lưu\s*:|Nơi\s+nhận)", re.IGNORECASE)


_FILED_THEN_NAME = Dual(r"^[-+•–]?\s*Lưu\s*:\s*[\w/,&\s-]{1,30}?[.;]\s+(?P<rest>\S.*)$", re.IGNORECASE)

# 'Đã ký', '[Đã ký và đóng dấu]', '_(Ký tên)_': a note where the signature stands.
_SIGNED_NOTE = Dual(r"^[\W_]*(?:đã\s+ký|ký\s+tên|ký\b)[^()\[\]]{0,40}[\W_]*$", re.IGNORECASE)


def find_signer(reading: Reading, lines: list[Line]) -> str | None:
    for i, line in enumerate(lines):
        if not (SIGN_TITLE.rx(reading).match(line.text) or SIGN_AUTHORITY.match(line.text)):
            continue
        if not is_upper(line.text):
            continue
        for nxt in lines[i + 1 : i + 12]:
            if (
                SIGN_TITLE.rx(reading).match(nxt.text)
                or re.match(r"^\(.*\)$", nxt.text)
                or _SIGNED_NOTE.rx(reading).match(nxt.text)
                or _RECIPIENT.rx(reading).match(nxt.text)
            ):
                # '- Lưu: VT. Vũ Thị Thanh Hương': text extraction put the name on the last
                # recipients' line
                tail = _FILED_THEN_NAME.rx(reading).match(nxt.text)
                name = _person_name(reading, tail.group("rest")) if tail else None
                if name:
                    return name
                continue  # the recipients' column runs beside the signature block
            name = _person_name(reading, nxt.text)
            if name:
                return name
            if not is_upper(nxt.text):
                break
    # columns merged with single spaces ('Nơi nhận: TM. ỦY BAN NHÂN DÂN'): the name may
    # close the last recipients' line
    for line in reversed(lines[-20:]):
        tail = _FILED_THEN_NAME.rx(reading).match(line.text)
        name = _person_name(reading, tail.group("rest")) if tail else None
        if name:
            return name
    return None
