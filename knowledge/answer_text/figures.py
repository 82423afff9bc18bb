"""Figures as a Vietnamese reader writes them: targets with unit and comparator, decimal
commas, periods."""

from __future__ import annotations

import re

from knowledge.answer_text.facts import ItemFacts
from knowledge.lexicon import lower_is_better
from knowledge.text import clean, fold

_COMPARATOR_WORDS = {"<": "dưới", "<=": "không quá", ">": "trên", ">=": "từ", "range": "từ"}
_HAS_COMPARATOR = re.compile(
    r"\b(duoi|tren|tu|toi thieu|toi da|khong qua|it nhat|tro len|tro xuong|vuot|khong thap hon"
    r"|giam xuong|xuong con|giam con)\b|[<>≥≤]"
)
LOWER_BETTER_NOTE = "càng thấp càng tốt"
# '7.9' of a table is seven point nine: a dot before one or two digits (not three: '1.900')
# is a decimal point the plan's typist wrote the English way
_ENGLISH_DECIMAL = re.compile(r"(?<![\d.,])(\d+)\.(\d{1,2})(?![\d]|[.,]\d)")
_TRAILING = " .,;:"


def vn_numbers(text: str) -> str:
    """Decimal comma, thousands dot: '7.9' -> '7,9'; '1.900' and '7,6' are left alone."""
    return _ENGLISH_DECIMAL.sub(r"\1,\2", text)


def target_words(text: str | None, unit: str | None, comparator: str | None, name: str | None = None) -> str:
    """A target as the plan writes it, with its unit and comparator ('dưới 7,6 %'), and,
    for a bare figure of what is kept low (malnutrition, poverty …), that it is a ceiling.
    The one wording of answers, confirmation cards, reports and charts."""
    text = vn_numbers(clean(text).strip(_TRAILING))
    if not text:
        return ""
    unit = clean(unit).strip(_TRAILING)
    # a unit follows a bare figure only: 'Đạt' or '3 trường' in a '%' column stay as written
    if unit and text[-1].isdigit() and fold(unit) not in fold(text):
        text = f"{text} {unit}"
    written = _HAS_COMPARATOR.search(f"{fold(text)} {text}")
    if comparator in _COMPARATOR_WORDS and not written and any(c.isdigit() for c in text):
        word = _COMPARATOR_WORDS[comparator]
        text = f"{word} {text} trở lên" if comparator == ">=" else f"{word} {text}"
    elif (
        comparator not in ("<", "<=", "status")
        and not written
        and any(c.isdigit() for c in text)
        and lower_is_better(name, comparator, text)
    ):
        text = f"{text} ({LOWER_BETTER_NOTE})"
    return tidy(text)


def figure(item: ItemFacts) -> str:
    """The target as the plan writes it, with its unit and comparator ('dưới 7,6 %')."""
    return target_words(item.target_text, item.unit, item.comparator, item.name)


def period_text(start: int | None, end: int | None) -> str:
    if start and end and start != end:
        return f"giai đoạn {start}-{end}"
    if end or start:
        return f"năm {end or start}"
    return ""


# a figure (not the digit of a name: 'H2S', 'CO2') right before a unit; not before letters
# that run on into digits ('19h00') nor before one capital ('5G', '4G': names, not units)
_FIGURE_THEN_UNIT = re.compile(r"(?<![^\W\d_])(\d+(?:[.,]\d+)*)(?=[%‰]|(?![A-ZĐ]\b)[^\W\d_]+(?!\d))")


def tidy(text: str) -> str:
    """A space between a figure and its unit ('95,1 %', '13 m²'), so a figure
    always reads as a word of its own."""
    return _FIGURE_THEN_UNIT.sub(r"\1 ", text)
