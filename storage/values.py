"""Progress values typed by officers: '93%', '93,5', '1.200 tấn', 'Đạt',
'đang thực hiện' — and how far a value is from its target.

Adapter over knowledge.numbers (the ingestion's number parser) with the same
Vietnamese conventions: '.' groups thousands ('1.200'), ',' is the decimal
mark ('93,5'). Kept small and pure so handlers and storage agree."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.lexicon import lower_is_better
from knowledge.model import Target
from knowledge.numbers import (
    meets_target,
    parse_progress_value,
    percent_of_target,
    progress_status,
)
from knowledge.text import clean, fold


@dataclass(frozen=True)
class ParsedValue:
    text: str  # as typed, cleaned ('93%')
    value: float | None = None
    unit: str | None = None
    status: str | None = None  # a key of STATUS_LABELS


_NEGATIVE = re.compile(r"^\s*[-−–]\s*\d")


def parse_value(text: str, unit: str | None = None) -> ParsedValue | None:
    """None when the text is neither a figure nor a known status (the ingestion's
    parser decides), is negative, or is a share above 100% for an item in %."""
    t = clean(text).strip(" .")
    if not t or len(t) > 120 or _NEGATIVE.match(t):
        return None
    target = parse_progress_value(t)
    if target is None:
        return None
    if target.comparator == "status":
        return ParsedValue(text=t, status=progress_status(t))
    if target.value is None:
        return None
    found_unit = target.unit or unit
    if (found_unit or "").strip() == "%" and (unit or "%").strip() == "%" and target.value > 100:
        return None
    return ParsedValue(text=t, value=target.value, unit=found_unit)


def fmt_number(x: float) -> str:
    """Vietnamese display: 1.200; 93,5."""
    if abs(x - round(x)) < 1e-9:
        return f"{round(x):,}".replace(",", ".")
    s = f"{x:,.2f}".rstrip("0").rstrip(".")
    return s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


@dataclass(frozen=True)
class Achievement:
    """How a value stands against its target (the handlers word it)."""

    met: bool
    percent: float | None = None  # 100 = exactly the target
    lower_is_better: bool = False


def achievement(
    parsed: ParsedValue,
    target: float | None,
    comparator: str | None,
    target_max: float | None = None,
    target_text: str | None = None,
    name: str | None = None,
) -> Achievement | None:
    """The direction follows the comparator ('dưới 7,6%': a lower value is better), else
    what the item measures (`name`: a bare 7,9 % of malnutrition is a ceiling), as in
    the reports (knowledge.lexicon.lower_is_better). A status target ('Đạt') is met by a
    status update that says so."""
    if parsed.status is not None:
        if target_text and progress_status(target_text) in ("met", "done"):
            return Achievement(met=parsed.status in ("met", "done"))
        return None
    if parsed.value is None or target is None or comparator == "status":
        return None
    goal = Target(value=target, comparator=comparator or "=", max_value=target_max)
    lower = lower_is_better(name, comparator, target_text)
    pct = percent_of_target(parsed.value, goal, lower)
    met = meets_target(parsed.value, goal, lower)
    if met is None:
        return None
    return Achievement(met=met, percent=pct, lower_is_better=lower)


# 'hoàn thành', 'đã xong' — unless negated ('chưa hoàn thành', 'không xong')
_DONE_PHRASE = re.compile(r"(?<!\w)(?:(chua|khong|chang)\s+(?:duoc\s+)?)?(?:da\s+)?(?:hoan thanh|xong)(?!\w)")


def reported_done(status: str | None, value_text: str | None, assessment: str | None = None) -> bool:
    """Whether a progress record reports its task done: the one reading of the web board
    and the reminders. Its status says so, or its words do and none of them negates it
    ('Đã hoàn thành' is done; 'chưa hoàn thành', 'hoàn thành 80%, chưa xong' are not)."""
    if status == "done":
        return True
    words = fold(" ".join(filter(None, (status, value_text, assessment))))
    said = list(_DONE_PHRASE.finditer(words))
    return bool(said) and not any(m.group(1) for m in said)
