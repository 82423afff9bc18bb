"""Figures inside a prose sentence ('95 triệu đồng/người/năm', 'dưới 0,9%',
'từ 15-20%', '04/08 hộ') through the shared parser knowledge.numbers, and the
status words ('Hoàn thành', 'Duy trì', 'Giữ vững', 'Đạt') that stand for a
target without a number."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge import numbers
from knowledge.model import Target


def parse_number(text: str) -> float | None:
    """'1.900' -> 1900, '7,6' -> 7.6 (the shared parser in knowledge.numbers)."""
    return numbers.parse_number(text)


@dataclass
class Found:
    start: int
    end: int
    target: Target


def find_targets(sentence: str) -> list[Found]:
    """Every figure of the sentence that reads as a target, in order."""
    return [
        Found(a, b, t)
        for a, b, t in numbers.find_targets(_WHOLE_YEAR.sub(_blank, sentence))
        if not _ALL_OF.search(sentence[:a])  # 'trên cả 3 tiêu chí' counts what is covered
    ]


# 'lúa cả năm 980 ha': the figure after 'cả năm' / 'hằng năm' is no year number (same length kept).
_WHOLE_YEAR = re.compile(r"\b((?:cả|hằng|hàng|mỗi)\s+)(năm)(?=\s+(?!(?:19|20)\d{2}\b)\d)", re.IGNORECASE)


def _blank(m: re.Match[str]) -> str:
    return m.group(1) + "~" * len(m.group(2))


_ALL_OF = re.compile(r"(?<![\wÀ-ỹ])(?:trên|ở|tại|về|trong)\s+cả\s*$", re.IGNORECASE)


# Status words that stand for a target ('Hoàn thành', 'Duy trì', ...), longest first.
STATUS_RE = re.compile(
    r"(?<![\wÀ-ỹ])(hoàn\s+thành\s+xuất\s+sắc|hoàn\s+thành\s+vượt(?:\s+mức)?|hoàn\s+thành|duy\s+trì|giữ\s+vững|kéo\s+giảm|"
    r"giữ\s+chuẩn|không\s+còn|không\s+để\s+xảy\s+ra|không\s+để\s+phát\s+sinh|không\s+để|không\s+có|được\s+công\s+nhận|đạt)(?![\wÀ-ỹ])",
    re.IGNORECASE,
)


def find_status(sentence: str) -> Target | None:
    m = STATUS_RE.search(sentence)
    if m is None:
        return None
    return Target(text=m.group(1), comparator="status")


# The year or span labelling one value of a roadmap: 'năm 2026 đạt 58 triệu đồng',
# 'đến năm 2028 còn 5,7%', 'giai đoạn 2026-2028: 240 ha', '2027: 480 ha'.
_BY = r"(?:(?:đến|tới|trong|hết|cuối|vào)\s+)*"
_YEAR_LABEL = re.compile(
    rf"^\s*{_BY}(?:giai\s+đoạn\s+(?P<a>(?:19|20)\d{{2}})\s*[-–]\s*(?P<b>(?:19|20)\d{{2}})|"
    rf"(?:năm\s+)?(?P<year>(?:19|20)\d{{2}}))(?!\d)\s*:?\s*",
    re.IGNORECASE,
)
_YEAR_CLAUSE = re.compile(rf"\s*[;\n]\s*|,\s+(?={_BY}(?:năm|giai\s+đoạn)\s+\d{{4}})", re.IGNORECASE)


def year_values(text: str) -> list[tuple[str, Target]]:
    """'năm 2026 đạt 58 triệu đồng; năm 2028 đạt 70 triệu đồng' ->
    [('năm 2026', 58 triệu đồng), ('năm 2028', 70 triệu đồng)]: each value labelled by its year."""
    out: list[tuple[str, Target]] = []
    for clause in _YEAR_CLAUSE.split(text):
        m = _YEAR_LABEL.match(clause)
        if m is None:
            continue
        found = find_targets(clause[m.end() :].strip(" ."))
        if not found:
            continue
        label = f"giai đoạn {m.group('a')}-{m.group('b')}" if m.group("a") else f"năm {m.group('year')}"
        out.append((label, found[0].target))
    return out


def figure_in_unit(t: Target, unit: str | None) -> str:
    """'58 triệu đồng' of an indicator in 'triệu đồng/người/năm' -> '58' (the unit is said
    once, with the indicator); a value in another unit keeps its own."""
    text = t.text or ""
    if t.unit and unit and unit.startswith(t.unit) and text.endswith(t.unit):
        return text[: -len(t.unit)].strip()
    return text
