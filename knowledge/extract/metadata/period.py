"""The years a plan covers: a labelled field, its title, a goal or launch sentence of the
opening, or a heading naming a year; never a legal-basis citation."""

from __future__ import annotations

import re

from knowledge.extract.loose import Dual, Reading
from knowledge.extract.metadata.page import LABEL_ZONE, OPENING_LINES, Line, is_upper

YEAR = Dual(r"\bnăm\s+(\d{4})\b", re.IGNORECASE)
_TABLE_HEAD = Dual(r"^(?:Biểu|Phụ\s+lục|Bảng)\b")


_RANGE = r"(\d{4})\s*[-–—]\s*(\d{4})"
# 'Năm kế hoạch: 2025' / 'Giai đoạn: 2026 - 2030' / front matter 'year: 2025'
_PERIOD_LABEL = Dual(
    r"^(?:Năm\s+kế\s+hoạch|Kỳ\s+kế\s+hoạch|Năm|Giai\s+đoạn|Thời\s+kỳ|year|period)\s*:\s*(\d{4})(?:\s*[-–—]\s*(\d{4}))?\s*$",
    re.IGNORECASE,
)
# 'Năm 2025, xã Quảng Lợi phấn đấu …' — a year set as the goal's time, not a past result
_GOAL_YEAR = Dual(
    r"(?:^|[.;]\s+)(?:Năm\s+(\d{4})|Giai\s+đoạn\s+(\d{4})\s*[-–—]\s*(\d{4}))\s*,[^.;]*?"
    r"\b(?:phấn\s+đấu|đề\s+ra|đặt\s+(?:ra\s+)?mục\s+tiêu|dự\s+kiến)",
    re.IGNORECASE,
)
# 'triển khai Kế hoạch phát triển kinh tế - xã hội năm 2025' / '… nhiệm vụ … năm 2025'
_LAUNCH_YEAR = Dual(
    r"\b(?:triển\s+khai|xây\s+dựng|ban\s+hành)\s+(?:thực\s+hiện\s+)?(?:các\s+)?(?:[Kk]ế\s+hoạch|nhiệm\s+vụ|chỉ\s+tiêu)"
    r"[^.;]{0,100}?\bnăm\s+(\d{4})",
)
# 'giai đoạn 2026 - 2030', '5 năm 2021-2025', '03 năm 2026 - 2028': the span a plan covers.
_SPAN = Dual(rf"(?:giai\s+đoạn|thời\s+kỳ|\b0?\d{{1,2}}\s+năm)\s*{_RANGE}", re.I)
# '6 tháng cuối năm 2025 và năm 2026'
_TWO_YEARS = Dual(r"\bnăm\s+(\d{4})\s+và\s+(?:năm\s+)?(\d{4})\b", re.I)
_CITATION = Dual(r"(?i)^(?:Căn\s+cứ|Theo|Thực\s+hiện\s+[^,;]*\bsố\b)")


def _labelled_period(reading: Reading, lines: list[Line]) -> tuple[int, int] | None:
    for line in lines[:LABEL_ZONE]:
        m = _PERIOD_LABEL.rx(reading).match(line.text)
        if m:
            return int(m.group(1)), int(m.group(2) or m.group(1))
    return None


def _goal_period(reading: Reading, opening: list[str]) -> tuple[int, int] | None:
    """'Năm 2025, xã … phấn đấu' / 'Giai đoạn 2026 - 2030, phường … đề ra': the latest goal."""
    spans = [
        (int(m.group(2)), int(m.group(3))) if m.group(2) else (int(m.group(1)), int(m.group(1)))
        for text in opening
        for m in _GOAL_YEAR.rx(reading).finditer(text)
    ]
    return max(spans, key=lambda span: span[1]) if spans else None


def plan_period(reading: Reading, title: str | None, lines: list[Line]) -> tuple[int | None, int | None]:
    """From a label, the title, a goal sentence of the opening, a 'giai đoạn' range there,
    a 'triển khai Kế hoạch … năm X' sentence, then a heading naming a year; never from
    legal-basis citations ('Căn cứ Luật … năm 2015')."""
    labelled = _labelled_period(reading, lines)
    if labelled:
        return labelled
    if title:
        m = _SPAN.rx(reading).search(title)
        if m:
            return int(m.group(1)), int(m.group(2))
        both = _TWO_YEARS.rx(reading).search(title)
        if both:  # '6 tháng cuối năm 2025 và năm 2026'
            return int(both.group(1)), int(both.group(2))
        years = YEAR.rx(reading).findall(title)
        if years:
            return int(years[-1]), int(years[-1])
    opening = [x.text for x in lines[:OPENING_LINES] if not _CITATION.rx(reading).match(x.text)]
    goal = _goal_period(reading, opening)
    if goal:
        return goal
    for text in opening:
        m = _SPAN.rx(reading).search(text)
        if m:
            return int(m.group(1)), int(m.group(2))
    launched = [int(y) for text in opening for y in _LAUNCH_YEAR.rx(reading).findall(text)]
    if launched:
        return max(launched), max(launched)
    # no plan heading: the first heading-like line naming a year ('BIỂU CHỈ TIÊU … NĂM 2025')
    for line in lines[:OPENING_LINES]:
        years = YEAR.rx(reading).findall(line.text)
        if years and (line.heading or is_upper(line.text) or _TABLE_HEAD.rx(reading).match(line.text)):
            return int(years[-1]), int(years[-1])
    return None, None
