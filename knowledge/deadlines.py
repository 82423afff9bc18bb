"""Deadline texts ('Quý I/2023', 'Trước tháng 5/2023', 'Hằng năm') and reporting rules.

Conventions (each is tested):

* a month, quarter or year names its *last* day: 'Tháng 5/2023' -> 2023-05-31,
  'Quý I/2023' -> 2023-03-31, 'Năm 2023' -> 2023-12-31, '6 tháng đầu năm 2023' -> 2023-06-30;
* 'trước' + a period means before that period starts: 'Trước tháng 5/2023' -> 2023-04-30,
  'trước quý 3/2023' -> 2023-06-30, 'trước năm 2025' -> 2024-12-31;
* 'trước' + a day keeps the day: 'trước ngày 05/12/2024' -> 2024-12-05 (the administrative
  reading: the report must be in by that day);
* a span of years ('Năm 2023-2025', '2026 - 2027') is one period: one deadline, the end of its
  last year;
* 'Cả năm' (the whole year) is recurring ('continuous') and ends with the plan's year:
  'Cả năm' with plan year 2026 -> 2026-12-31, 'Cả năm 2025' -> 2025-12-31; a bare
  'trong năm' gives no date ('Thường xuyên trong năm' is recurring, undated);
* open-ended texts ('Năm 2023 và những năm tiếp theo') are recurring yearly with no date,
  because no last date exists;
* dates of referenced documents ('KH 150/KH-UBND ngày 17/5/2022') are not deadlines.

All matching runs on an accent-free copy of the text ('quy 1/2023' == 'Quý 1/2023')."""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date

from knowledge.model import Deadline, ParsedDeadline, ReportingRule
from knowledge.numbers import fold_same_length

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾", "0123456789()")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _prepare(text: str) -> tuple[str, str]:
    """(display text, folded twin of the same length): NFC, superscripts made plain,
    markdown emphasis ('**') blanked."""
    t = unicodedata.normalize("NFC", text).translate(_SUPERSCRIPTS).replace("**", "  ")
    return t, fold_same_length(t)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


# --- patterns (folded text) ------------------------------------------------------

_YEAR = r"((?:19|20)[0-9]{2})"
_SEP_YEAR = rf"(?:\s*[/.-]\s*(?:nam\s+)?|\s+nam\s+|\s+){_YEAR}"
_BEFORE = r"(?:(truoc)\s+)?"
_DOC_DATE_RE = re.compile(  # a referenced document and its date: not a deadline
    r"[0-9]+\s?/\s?(?!nam\b)[a-z]+[a-z0-9]*(?:\s?-\s?[a-z0-9]+)*(?:[^;:\n]{0,40}?\bngay\s+[0-9]{1,2}\s*[/.-]\s*"
    r"[0-9]{1,2}\s*[/.-]\s*[0-9]{4})?"
)
_FULL_DATE_RE = re.compile(r"(?<![0-9])([0-9]{1,2})\s*[/.-]\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{4})(?![0-9])")
_DAY_MONTH_RE = re.compile(
    rf"ngay\s+([0-9]{{1,2}})\s*[/.-]\s*([0-9]{{1,2}})(?![0-9]|\s*[/.-]\s*[0-9])(?:\s+nam\s+{_YEAR})?"
)
_MONTHS_RE = re.compile(
    rf"{_BEFORE}(?:cuoi\s+|dau\s+|giua\s+|het\s+|trong\s+)?thang\s+([0-9]{{1,2}})"
    rf"(?:\s*(?:-|–|den)\s*(?:thang\s+)?([0-9]{{1,2}}))?(?![0-9])(?:{_SEP_YEAR})?(?![0-9])"
)
_QUARTER_RE = re.compile(
    rf"{_BEFORE}(?:cuoi\s+|het\s+|trong\s+)?quy\s+([0-9]|iv|iii|ii|i)(?![0-9a-z])(?:{_SEP_YEAR})?(?![0-9])"
)
_HALF_RE = re.compile(rf"(?:([0-9]{{1,2}})\s+thang|nua)\s+(dau|cuoi)\s+nam(?:\s+{_YEAR})?")
_YEAR_SPAN_RE = re.compile(rf"(?<![0-9]){_YEAR}\s*(?:-|–|—|den)\s*(?:nam\s+)?{_YEAR}(?![0-9])")
_YEAR_RE = re.compile(rf"{_BEFORE}(?:nam\s+)?(?<![0-9]){_YEAR}(?![0-9])")
_DAY_MONTHLY_RE = re.compile(r"ngay\s+([0-9]{1,2})\s+(?:hang|moi|cua moi)\s+thang")
_OPEN_ENDED_RE = re.compile(r"(?:cac|nhung)\s+nam\s+(?:tiep\s+theo|sau)|tro\s+di")
_FREQUENCIES = [  # first match wins: the most frequent period
    (re.compile(r"(?:hang|moi|tung)\s+tuan"), "weekly"),
    (re.compile(r"(?:hang|moi|tung)\s+thang|dinh\s+ky\s+thang"), "monthly"),
    (re.compile(r"(?:hang|moi|tung)\s+quy|dinh\s+ky\s+quy"), "quarterly"),
    (re.compile(r"(?:hang|moi|tung)\s+nam|dinh\s+ky\s+nam"), "yearly"),
]
_WHOLE_YEAR = r"(?<![a-z])ca\s+nam(?![a-z])"
_WHOLE_YEAR_RE = re.compile(rf"{_WHOLE_YEAR}(?:\s+nay(?![a-z]))?(?!\s*(?:nam\s+)?[0-9])")
_CONTINUOUS_RE = re.compile(rf"thuong\s+xuyen|lien\s+tuc|{_WHOLE_YEAR}")
_LABEL_SPLIT_RE = re.compile(r"[;\n]")
_LABEL_RE = re.compile(r"^\s*([^:]{1,40}?)\s*:\s*(.+)$", re.S)


# --- periods found in one piece of text ------------------------------------------


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        chars[i] = " "


def _find_dates(folded: str, default_year: int | None) -> list[tuple[int, date]]:
    """(position, due date) for every period named in `folded`; consumed text is blanked
    so a year inside 'tháng 5/2023' is not read again as 'năm 2023'."""
    chars = list(_without_references(folded))
    found: list[tuple[int, date]] = []
    for reader in (
        _read_full_dates,
        _read_day_months,
        _read_halves,
        _read_quarters,
        _read_months,
        _read_spans,
        _read_years,
        _read_whole_years,
    ):
        work = "".join(chars)
        for pos, end, due in reader(work, default_year):
            found.append((pos, due))
            _blank(chars, pos, end)
    return sorted(found)


def _without_references(folded: str) -> str:
    """Blank referenced documents and their dates ('150/kh-ubnd ngay 17/5/2022')."""
    chars = list(folded)
    for m in _DOC_DATE_RE.finditer(folded):
        _blank(chars, *m.span())
    return "".join(chars)


def _read_full_dates(work: str, _default: int | None) -> list[tuple[int, int, date]]:
    out = []
    for m in _FULL_DATE_RE.finditer(work):
        day, month, year = (int(g) for g in m.groups())
        try:
            out.append((m.start(), m.end(), date(year, month, day)))
        except ValueError:
            continue
    return out


def _read_day_months(work: str, default: int | None) -> list[tuple[int, int, date]]:
    """'ngày 15/12' takes the year written elsewhere in the text, else `default`."""
    out = []
    for m in _DAY_MONTH_RE.finditer(work):
        year = _year_for(m.group(3), [], work, default)
        if year is None:
            continue
        try:
            out.append((m.start(), m.end(), date(year, int(m.group(2)), int(m.group(1)))))
        except ValueError:
            continue
    return out


def _read_halves(work: str, default: int | None) -> list[tuple[int, int, date]]:
    out = []
    for m in _HALF_RE.finditer(work):
        year = int(m.group(3)) if m.group(3) else default
        months = int(m.group(1)) if m.group(1) else 6
        if year is None or not 1 <= months <= 12:
            continue
        last = months if m.group(2) == "dau" else 12
        out.append((m.start(), m.end(), _month_end(year, last)))
    return out


def _read_quarters(work: str, default: int | None) -> list[tuple[int, int, date]]:
    hits = []
    for m in _QUARTER_RE.finditer(work):
        q = int(m.group(2)) if m.group(2).isdigit() else _ROMAN[m.group(2)]
        if 1 <= q <= 4:
            hits.append((m, 3 * q, m.group(3)))
    return _with_years(hits, work, default)


# 'tháng 4, 5/2026', 'tháng 4 và 5/2026', 'các tháng 4, 5, 6/2026': months sharing one year.
_MONTH_LIST_RE = re.compile(
    rf"{_BEFORE}(?:cuoi\s+|dau\s+|giua\s+|het\s+|trong\s+)?(?:cac\s+)?thang\s+"
    rf"([0-9]{{1,2}}(?:\s*(?:,|va)\s*[0-9]{{1,2}})+)(?![0-9])"
    rf"(?:\s*[/.-]\s*(?:nam\s+)?|\s+nam\s+){_YEAR}(?![0-9])"
)


def _read_month_lists(work: str) -> tuple[list[tuple[int, int, date]], str]:
    """One date per month of a list sharing its year, and the text with the lists blanked."""
    out = []
    chars = list(work)
    for m in _MONTH_LIST_RE.finditer(work):
        numbers = list(re.finditer(r"[0-9]{1,2}", m.group(2)))
        if not all(1 <= int(n.group(0)) <= 12 for n in numbers):
            continue
        year = int(m.group(3))
        base = m.start(2)
        for i, n in enumerate(numbers):
            start = m.start() if i == 0 else base + n.start()
            end = m.end() if i == len(numbers) - 1 else base + n.end()
            due = _month_end(year, int(n.group(0)))
            out.append((start, end, _before_period(due, 1) if m.group(1) else due))
        _blank(chars, *m.span())
    return out, "".join(chars)


def _read_months(work: str, default: int | None) -> list[tuple[int, int, date]]:
    listed, work = _read_month_lists(work)
    hits = []
    for m in _MONTHS_RE.finditer(work):
        month = int(m.group(3) or m.group(2))
        if 1 <= month <= 12:
            hits.append((m, month, m.group(4)))
    return sorted(listed + _with_years(hits, work, default))


def _with_years(
    hits: list[tuple[re.Match[str], int, str | None]], work: str, default: int | None
) -> list[tuple[int, int, date]]:
    """Give each month/quarter a year: its own, else the next one written
    ('tháng 7 và tháng 10/2023'), else a year elsewhere in the text, else `default`."""
    out = []
    for i, (m, month, year_text) in enumerate(hits):
        year = _year_for(year_text, [h[2] for h in hits[i + 1 :]], work, default)
        if year is None:
            continue
        due = _month_end(year, month)
        if m.group(1):  # 'trước tháng 5' -> before May starts
            due = _before_period(due, 3 if m.re is _QUARTER_RE else 1)
        out.append((m.start(), m.end(), due))
    return out


def _year_for(own: str | None, later: list[str | None], work: str, default: int | None) -> int | None:
    if own:
        return int(own)
    for y in later:
        if y:
            return int(y)
    m = _YEAR_RE.search(work)
    return int(m.group(2)) if m else default


def _before_period(end: date, months: int) -> date:
    """Last day before a period of `months` months ending at `end` begins."""
    first_month = end.month - months + 1
    if first_month == 1:
        return date(end.year - 1, 12, 31)
    return _month_end(end.year, first_month - 1)


def _read_spans(work: str, _default: int | None) -> list[tuple[int, int, date]]:
    out = []
    for m in _YEAR_SPAN_RE.finditer(work):
        first, last = int(m.group(1)), int(m.group(2))
        if last >= first:
            out.append((m.start(), m.end(), date(last, 12, 31)))
    return out


def _read_years(work: str, _default: int | None) -> list[tuple[int, int, date]]:
    out = []
    for m in _YEAR_RE.finditer(work):
        year = int(m.group(2))
        due = date(year - 1, 12, 31) if m.group(1) else date(year, 12, 31)
        out.append((m.start(), m.end(), due))
    return out


def _read_whole_years(work: str, default: int | None) -> list[tuple[int, int, date]]:
    """'Cả năm' without a year: the whole of the plan's year (`default`)."""
    if default is None:
        return []
    return [(m.start(), m.end(), date(default, 12, 31)) for m in _WHOLE_YEAR_RE.finditer(work)]


# --- recurrence ------------------------------------------------------------------


def _frequency(folded: str) -> str | None:
    for rx, name in _FREQUENCIES:
        if rx.search(folded):
            return name
    return None


def _recurrence(folded: str) -> tuple[bool, str | None, int | None]:
    """(recurring, frequency, day_of_month). 'Thường xuyên' is recurring with frequency
    'continuous'; open-ended year lists are 'yearly'."""
    day_m = _DAY_MONTHLY_RE.search(folded)
    if day_m and 1 <= int(day_m.group(1)) <= 31:
        return True, "monthly", int(day_m.group(1))
    freq = _frequency(folded)
    if freq is None and _OPEN_ENDED_RE.search(folded):
        freq = "yearly"
    if freq is None and _CONTINUOUS_RE.search(folded):
        freq = "continuous"
    return freq is not None, freq, None


# --- public ----------------------------------------------------------------------


def parse_deadline(text: str | None, default_year: int | None = None) -> ParsedDeadline:
    """A deadline cell -> ParsedDeadline (the text is kept as written).

    'Giải pháp 1: Quý 1/2023; Giải pháp (2), (3): Năm 2023' gives one Deadline per
    labelled part. Several dates in one part ('Cuối tháng 7 và tháng 10/2023') are each
    labelled with the words that name them. A month or quarter without a year takes the
    year written elsewhere in the text, else `default_year`, else gives no date."""
    raw = (text or "").strip()
    result = ParsedDeadline(text=raw)
    if not raw:
        return result
    shown, folded = _prepare(raw)
    result.recurring, result.frequency, result.day_of_month = _recurrence(folded)
    if _OPEN_ENDED_RE.search(folded):
        return result  # no last date exists
    for label, start, end in _parts(shown, folded):
        result.deadlines.extend(_deadlines_in(shown, folded, start, end, label, default_year))
    return result


def _parts(shown: str, folded: str) -> list[tuple[str | None, int, int]]:
    """Split 'Label: period; Label: period' into (label, start, end) over the text;
    a text without such labels is one part."""
    parts: list[tuple[str | None, int, int]] = []
    pos = 0
    for piece in _LABEL_SPLIT_RE.split(folded):
        start, end = pos, pos + len(piece)
        pos = end + 1
        m = _LABEL_RE.match(piece)
        if m and not _find_dates(m.group(1), None) and _find_dates(m.group(2), None):
            label = " ".join(shown[start + m.start(1) : start + m.end(1)].split())
            parts.append((label, start + m.start(2), end))
        else:
            parts.append((None, start, end))
    if all(label is None for label, _, _ in parts):
        return [(None, 0, len(folded))]
    return parts


def _deadlines_in(
    shown: str, folded: str, start: int, end: int, label: str | None, default_year: int | None
) -> list[Deadline]:
    dates = _find_dates(folded[start:end], default_year)
    if label is not None or len(dates) <= 1:
        return [Deadline(due=d, label=label) for _, d in dates]
    # Several dates: label each with its own words ('tháng 7', 'tháng 10/2023').
    out = []
    for i, (pos, due) in enumerate(dates):
        stop = dates[i + 1][0] if i + 1 < len(dates) else end - start
        words = shown[start + pos : start + stop]
        out.append(Deadline(due=due, label=_trim_label(words)))
    return out


_LABEL_TAIL_RE = re.compile(r"[\s,;:.\-–]*(?:và|hoặc|va|hoac|đến|den)?[\s,;:.\-–]*$", re.I)


def _trim_label(words: str) -> str:
    return " ".join(_LABEL_TAIL_RE.sub("", words).split())


# --- reporting rules -------------------------------------------------------------

_REPORT_RE = re.compile(r"bao\s+cao")
_CLAUSE_SPLIT_RE = re.compile(r";|\.(?:\s|$)|\n")
_ADHOC_RE = re.compile(r"dot\s+xuat")
_PERIODIC_RE = re.compile(r"dinh\s+ky")
_DAY_BEFORE_RE = re.compile(r"(?:truoc|cham\s+nhat|vao)\s+ngay\s+([0-9]{1,2})(?![0-9]|\s*[/.-]\s*[0-9])")
_AGENCY = (
    r"thuong\s+truc|ban\s+thuong\s+vu|thuong\s+vu|ubnd|ubmttq|uy\s+ban|hdnd|hoi\s+dong|chu\s+tich"
    r"|pho\s+chu\s+tich|dang\s+uy|bi\s+thu|van\s+phong|phong(?!\s*,?\s*chong)|ban(?!\s+(?:dau|hanh))"
    r"|co\s+quan|cap\s+tren|cap\s+co|so\s+[a-z]+\s+[a-z]+\s+(?:tinh|thanh\s+pho)"
    r"|mttq|mat\s+tran|huyen\s+uy|thanh\s+uy|tinh\s+uy|quan\s+uy|thi\s+uy|dong\s+chi|d/c|lanh\s+dao"
    r"|truong(?!\s+hop)|ttr?|cong\s+an|trung\s+tam|to\s+cong\s+tac|bo\s+phan|ban\s+chi\s+dao"
)
_AGENCY_RE = re.compile(rf"(?:{_AGENCY})(?![a-z])")
_RECIPIENT_LEAD_RE = re.compile(r"\s*(?:len|ve|cho|gui|toi|den)?\s*")
_TO_RE = re.compile(r"\s(?:cho|ve|len|gui|toi|den)\s+")
_RECIPIENT_STOP_RE = re.compile(
    r"[;.(:\n]|\s(?:truoc|trong|theo|de|qua|dinh\s+ky|(?:hang|moi)\s+(?:tuan|thang|quy|nam)|khi|hoac|vao"
    r"|cham\s+nhat|tai|ket\s+qua|tinh\s+hinh|tien\s+do|dong\s+thoi)(?![a-z])"
    r"|\sva\s+(?!ubnd|uy\s+ban|hdnd|thuong\s+truc|dang\s+uy|chu\s+tich|mttq)"
)


def parse_reporting_rule(sentence: str | None) -> ReportingRule | None:
    """The reporting duty in a sentence that mentions 'báo cáo', or None.

    Only clauses (split at ';', '.', line ends) that contain 'báo cáo' are read, so a
    'hằng năm' elsewhere in a long sentence does not leak in. A rule needs a timing
    (a frequency, a day of the month, a date) or 'định kỳ' with a recipient."""
    raw = (sentence or "").strip()
    if not raw:
        return None
    shown, folded = _prepare(raw)
    clauses = [
        (m_start, m_end) for m_start, m_end in _clauses(folded) if _REPORT_RE.search(folded[m_start:m_end])
    ]
    if not clauses:
        return None
    rule = ReportingRule(text=" ".join(raw.split()))
    for start, end in clauses:
        _read_clause(shown, folded[start:end], start, rule)
    if _ADHOC_RE.search(" ".join(folded[s:e] for s, e in clauses)) and rule.frequency is None:
        rule.frequency = "adhoc"
    timed = rule.frequency or rule.day_of_month or rule.deadline_date
    periodic = any(_PERIODIC_RE.search(folded[s:e]) for s, e in clauses)
    if not timed and not (periodic and rule.report_to):
        return None
    return rule


def _clauses(folded: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _CLAUSE_SPLIT_RE.finditer(folded):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(folded)))
    return [(s, e) for s, e in spans if e > s]


def _read_clause(shown: str, clause: str, offset: int, rule: ReportingRule) -> None:
    if rule.frequency is None:
        rule.frequency = _frequency(clause)
    if rule.day_of_month is None:
        day = _DAY_MONTHLY_RE.search(clause) or _DAY_BEFORE_RE.search(clause)
        if day and 1 <= int(day.group(1)) <= 31 and rule.frequency in ("monthly", None):
            rule.day_of_month = int(day.group(1))
            rule.frequency = rule.frequency or "monthly"
    if rule.deadline_date is None:
        full = _read_full_dates(_without_references(clause), None)
        rule.deadline_date = full[0][2] if full else None
    if rule.report_to is None:
        rule.report_to = _recipient(shown, clause, offset)


def _recipient(shown: str, clause: str, offset: int) -> str | None:
    """The agency reports go to: right after 'báo cáo' ('báo cáo Thường trực UBND phường'),
    else after 'cho'/'về'/'lên'/'gửi' ('báo cáo kết quả cho UBND xã')."""
    for rep in _REPORT_RE.finditer(clause):
        lead = _RECIPIENT_LEAD_RE.match(clause, rep.end())
        assert lead is not None  # the pattern matches the empty string
        starts = [lead.end()] + [m.end() for m in _TO_RE.finditer(clause, rep.end())]
        for s in starts:
            if _AGENCY_RE.match(clause, s):
                return _recipient_text(shown, clause, offset, s)
    return None


def _recipient_text(shown: str, clause: str, offset: int, start: int) -> str | None:
    """From `start` to the next clause stop; a comma ends it unless another agency
    follows ('Thường trực Đảng ủy, UBND phường')."""
    pos = start
    while True:
        stop = _RECIPIENT_STOP_RE.search(clause, pos)
        end = stop.start() if stop else len(clause)
        comma = clause.find(",", pos, end)
        if comma == -1:
            break
        after = comma + 1 + len(clause[comma + 1 :]) - len(clause[comma + 1 :].lstrip())
        if not _AGENCY_RE.match(clause, after):
            end = comma
            break
        pos = after
    text = " ".join(shown[offset + start : offset + end].split()).strip(" ,-–")
    return text or None
