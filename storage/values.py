"""Progress values typed by officers: '93%', '93,5', '1.200 tấn', 'Đạt',
'đang thực hiện' — and how far a value is from its target.

Adapter over knowledge.numbers (the ingestion's number parser) with the same
Vietnamese conventions: '.' groups thousands ('1.200'), ',' is the decimal
mark ('93,5'). Kept small and pure so handlers and storage agree."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.text import clean, fold


@dataclass(frozen=True)
class ParsedValue:
    text: str  # as typed, cleaned ('93%')
    value: float | None = None
    unit: str | None = None
    status: str | None = None  # 'done' | 'in_progress' | 'not_done' | 'not_started'


# Folded status phrases, longest first so 'chua dat' wins over 'dat'.
_STATUSES: tuple[tuple[str, str], ...] = (
    ("chua hoan thanh", "not_done"),
    ("khong hoan thanh", "not_done"),
    ("chua dat", "not_done"),
    ("khong dat", "not_done"),
    ("chua thuc hien", "not_started"),
    ("chua trien khai", "not_started"),
    ("dang tiep tuc thuc hien", "in_progress"),
    ("dang thuc hien", "in_progress"),
    ("dang trien khai", "in_progress"),
    ("dang tien hanh", "in_progress"),
    ("tiep tuc thuc hien", "in_progress"),
    ("da hoan thanh", "done"),
    ("hoan thanh", "done"),
    ("vuot", "done"),
    ("da dat", "done"),
    ("dat", "done"),
)

STATUS_LABELS = {
    "done": "Đạt/Hoàn thành",
    "in_progress": "Đang thực hiện",
    "not_done": "Chưa đạt",
    "not_started": "Chưa thực hiện",
}

_NUMBER = re.compile(
    r"^(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?:\s*/\s*(?P<den>\d+(?:[.,]\d+)?))?\s*(?P<unit>.*)$"
)
_UNIT = re.compile(r"^(%|‰|[^\W\d_][\w/ .]{0,40})$")


def to_float(num: str) -> float:
    """'1.200' -> 1200, '93,5' -> 93.5, '93.5' -> 93.5 (a '.' before exactly three
    digits groups thousands, as Vietnamese documents write them)."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", num):
        num = num.replace(".", "")
    return float(num.replace(",", "."))


def parse_value(text: str, unit: str | None = None) -> ParsedValue | None:
    """None when the text is neither a number (with an optional unit) nor a
    known status. A share in % above 100 is refused for items measured in %."""
    t = clean(text).strip(" .")
    if not t or len(t) > 120:
        return None
    folded = fold(t)
    for phrase, status in _STATUSES:
        if folded == phrase or folded.startswith(phrase + " "):
            return ParsedValue(text=t, status=status)
    mt = _NUMBER.match(t.replace("≈", "").strip())
    if not mt:
        return None
    value = to_float(mt.group("num"))
    found_unit = mt.group("unit").strip() or None
    if found_unit and not _UNIT.match(found_unit):
        return None
    if found_unit == "%" and value > 100 and (unit or "%").strip() == "%":
        return None
    if found_unit is None and unit and unit.strip() == "%" and value > 100:
        return None
    return ParsedValue(text=t, value=value, unit=found_unit or unit)


def fmt_number(x: float) -> str:
    """Vietnamese display: 1.200; 93,5."""
    if abs(x - round(x)) < 1e-9:
        return f"{round(x):,}".replace(",", ".")
    s = f"{x:,.2f}".rstrip("0").rstrip(".")
    return s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def achievement(
    parsed: ParsedValue,
    target: float | None,
    comparator: str | None,
    target_max: float | None = None,
    target_text: str | None = None,
) -> str | None:
    """'97,9% chỉ tiêu (chưa đạt)' — the direction follows the comparator:
    for 'dưới 7,6%' a lower value is better."""
    if parsed.status is not None:
        if target_text and fold(target_text) in ("dat", "hoan thanh"):
            return "đạt chỉ tiêu" if parsed.status == "done" else "chưa đạt chỉ tiêu"
        return None
    if parsed.value is None or target is None:
        return None
    value = parsed.value
    if comparator == "range" and target_max is not None:
        ok = target <= value <= target_max
        return f"trong khoảng chỉ tiêu {fmt_number(target)}–{fmt_number(target_max)}: {'đạt' if ok else 'chưa đạt'}"
    if comparator in ("<=", "<"):
        ok = value <= target if comparator == "<=" else value < target
        if value <= 0:
            return "đạt chỉ tiêu (càng thấp càng tốt)"
        pct = target / value * 100
        return f"{fmt_number(round(pct, 1))}% chỉ tiêu (càng thấp càng tốt; {'đạt' if ok else 'chưa đạt'})"
    if target == 0:
        return None
    pct = value / target * 100
    ok = value >= target if comparator != ">" else value > target
    return f"{fmt_number(round(pct, 1))}% chỉ tiêu ({'đạt' if ok else 'chưa đạt'})"
