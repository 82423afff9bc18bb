"""Working days of Vietnamese state agencies: weekends, public holidays (Tết
included, from a data table that is easy to extend) and quiet hours.

A reminder that falls on a day off moves to the working day before."""

from __future__ import annotations

import calendar as _cal
import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from importlib import resources

QUIET_START = time(21, 0)
QUIET_END = time(7, 0)


@dataclass(frozen=True)
class Holidays:
    days: dict[date, str]

    def name(self, day: date) -> str | None:
        return self.days.get(day)


@lru_cache(maxsize=1)
def default_holidays() -> Holidays:
    raw = json.loads(resources.files("knowledge").joinpath("data/holidays_vn.json").read_text("utf-8"))
    return holidays_from_table(raw)


def holidays_from_table(raw: dict, years: range = range(2020, 2041)) -> Holidays:
    days: dict[date, str] = {}
    for year in years:
        for h in raw.get("fixed", []):
            days[date(year, h["month"], h["day"])] = h["name"]
    for name, spans in raw.get("dates", {}).items():
        for start_s, end_s in spans:
            day, end = date.fromisoformat(start_s), date.fromisoformat(end_s)
            while day <= end:
                days[day] = name
                day += timedelta(days=1)
    return Holidays(days)


def is_working_day(day: date, holidays: Holidays | None = None) -> bool:
    holidays = holidays or default_holidays()
    return day.weekday() < 5 and holidays.name(day) is None


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
