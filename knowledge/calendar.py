"""Working days of Vietnamese state agencies: weekends, public holidays and quiet hours.

The law's public holidays — Tết Nguyên đán and Giỗ Tổ Hùng Vương by the Vietnamese
lunar calendar, compensatory days (nghỉ bù), the second National Day holiday — come
from the maintained `holidays` package, so no year runs out. The swaps the government
announces each year (a weekday off, a Saturday worked in return) are data:
`knowledge/data/holidays_vn_swaps.json`.

A reminder that falls on a day off moves to the working day before."""

from __future__ import annotations

import calendar as _cal
import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

QUIET_START = time(21, 0)
QUIET_END = time(7, 0)
SWAP_DAY_OFF = "Ngày nghỉ hoán đổi"


@dataclass(frozen=True)
class Swap:
    """An announced swap: `day_off` (a weekday) is given off, `work_on` (a weekend day, or None) worked."""

    day_off: date
    work_on: date | None
    source: str


class Holidays:
    """Days off: the law's holidays for any year plus the announced swaps."""

    def __init__(self, swaps: Iterable[Swap] = ()) -> None:
        # imported on first use (half a second): commands that never ask about a day do not pay
        import holidays

        swaps = list(swaps)
        self._law = holidays.country_holidays("VN", language="vi")
        self._swapped_off = {s.day_off: s for s in swaps}
        self._worked = {s.work_on for s in swaps if s.work_on is not None}
        # the package fills a year on first lookup, mutating itself: reminders are planned off the
        # event loop, possibly in two threads at once
        self._lock = threading.Lock()

    def name(self, day: date) -> str | None:
        """The holiday's Vietnamese name, None on an ordinary day (a weekend is not a holiday)."""
        if day in self._swapped_off:
            return SWAP_DAY_OFF
        with self._lock:
            return self._law.get(day)

    def is_day_off(self, day: date) -> bool:
        if day in self._worked:
            return False
        return day.weekday() >= 5 or self.name(day) is not None


@lru_cache(maxsize=1)
def default_holidays() -> Holidays:
    raw = json.loads(resources.files("knowledge").joinpath("data/holidays_vn_swaps.json").read_text("utf-8"))
    return Holidays(swaps_from_table(raw))


def swaps_from_table(raw: dict[str, Any]) -> list[Swap]:
    """The swaps of the data file, checked: a day off on a weekday, a day worked on a weekend."""
    swaps = []
    for entry in raw.get("swaps", []):
        day_off = date.fromisoformat(entry["day_off"])
        work_on = date.fromisoformat(entry["work_on"]) if entry.get("work_on") else None
        if day_off.weekday() >= 5:
            raise ValueError(f"swap {entry}: the day off {day_off} is already a weekend day")
        if work_on is not None and work_on.weekday() < 5:
            raise ValueError(f"swap {entry}: the day worked in return {work_on} is not a weekend day")
        swaps.append(Swap(day_off, work_on, str(entry.get("source", ""))))
    return swaps


def is_working_day(day: date, holidays: Holidays | None = None) -> bool:
    holidays = holidays or default_holidays()
    return not holidays.is_day_off(day)


def working_day_on_or_before(day: date, holidays: Holidays | None = None) -> date:
    """The day itself when it is a working day, else the closest working day before it."""
    while not is_working_day(day, holidays):
        day -= timedelta(days=1)
    return day


def working_days_before(day: date, n: int, holidays: Holidays | None = None) -> date:
    """The working day `n` working days before `day` (n=0: on or before `day`)."""
    current = working_day_on_or_before(day, holidays)
    for _ in range(n):
        current = working_day_on_or_before(current - timedelta(days=1), holidays)
    return current


def is_quiet(moment: datetime) -> bool:
    """21:00–07:00 local time: no messages."""
    t = moment.timetz().replace(tzinfo=None)
    return t >= QUIET_START or t < QUIET_END


def last_day_of_month(year: int, month: int) -> date:
    return date(year, month, _cal.monthrange(year, month)[1])


def clamp_day(year: int, month: int, day: int) -> date:
    """'ngày 31 hàng tháng' in February is the last day of February."""
    return date(year, month, min(day, _cal.monthrange(year, month)[1]))
