"""Working days of state agencies, 2026–2035: the law's holidays from the `holidays` package
(lunar Tết by the Vietnamese calendar), compensatory days, and the announced swaps."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from knowledge.calendar import (
    Holidays,
    Swap,
    default_holidays,
    is_working_day,
    swaps_from_table,
    working_day_on_or_before,
)

YEARS = range(2026, 2036)

# mùng 1 Tết by the Vietnamese calendar (UTC+7) — in 2030 a day before China's (3 Feb)
TET = {
    2026: date(2026, 2, 17),
    2027: date(2027, 2, 6),
    2028: date(2028, 1, 26),
    2029: date(2029, 2, 13),
    2030: date(2030, 2, 2),
    2031: date(2031, 1, 23),
    2032: date(2032, 2, 11),
    2033: date(2033, 1, 31),
    2034: date(2034, 2, 19),
    2035: date(2035, 2, 8),
}


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


@pytest.mark.parametrize("year", YEARS)
def test_tet_gives_five_weekdays_off_around_new_year(year: int) -> None:
    tet = TET[year]
    assert not is_working_day(tet)
    assert not is_working_day(tet - timedelta(days=1))  # giao thừa
    # Labour Code art. 112: five days of Tết; the ones on a weekend are made up on weekdays
    weekdays_off = [
        d
        for d in _days(tet - timedelta(days=4), tet + timedelta(days=8))
        if d.weekday() < 5 and not is_working_day(d)
    ]
    assert len(weekdays_off) == 5, (year, weekdays_off)


@pytest.mark.parametrize("year", YEARS)
def test_fixed_holidays_are_off_or_made_up_on_the_next_weekday(year: int) -> None:
    fixed = [(1, 1), (4, 30), (5, 1), (9, 2), (11, 24)]  # 24/11: Ngày Văn hóa Việt Nam, from 2026
    for month, day in fixed:
        holiday = date(year, month, day)
        assert default_holidays().name(holiday), holiday
        if holiday.weekday() >= 5:
            made_up = [d for d in _days(holiday, holiday + timedelta(days=5)) if d.weekday() < 5]
            assert any(not is_working_day(d) for d in made_up), holiday


@pytest.mark.parametrize("year", YEARS)
def test_national_day_is_two_days(year: int) -> None:
    named = [
        d for d in _days(date(year, 9, 1), date(year, 9, 3)) if default_holidays().name(d) == "Quốc khánh"
    ]
    assert len(named) == 2 and date(year, 9, 2) in named, named


@pytest.mark.parametrize("year", YEARS)
def test_hung_kings_day_falls_in_spring(year: int) -> None:
    hung = [
        d
        for d in _days(date(year, 3, 20), date(year, 5, 5))
        if default_holidays().name(d) == "Ngày Giỗ Tổ Hùng Vương"
    ]
    assert len(hung) == 1
    # 10/3 âm lịch: 60–90 days after mùng 1 Tết (two or three lunar months)
    assert 60 <= (hung[0] - TET[year]).days <= 90


def test_announced_swap_gives_the_weekday_off_and_works_the_saturday() -> None:
    # 2026: Monday 31/8 off before Quốc khánh, Saturday 22/8 worked in return
    assert not is_working_day(date(2026, 8, 31))
    assert is_working_day(date(2026, 8, 22))
    assert working_day_on_or_before(date(2026, 8, 23)) == date(2026, 8, 22)
    assert working_day_on_or_before(date(2026, 9, 2)) == date(2026, 8, 28)


def test_a_swap_added_to_the_data_moves_working_days_without_code() -> None:
    raw = {"swaps": [{"day_off": "2031-01-02", "work_on": "2031-01-11", "source": "thử"}]}
    days = Holidays(swaps_from_table(raw))
    assert not is_working_day(date(2031, 1, 2), days)
    assert is_working_day(date(2031, 1, 11), days)
    assert is_working_day(date(2031, 1, 2))  # the default calendar is untouched


@pytest.mark.parametrize(
    "entry",
    [
        {"day_off": "2026-08-22", "work_on": None},  # a Saturday is already off
        {"day_off": "2026-08-31", "work_on": "2026-08-24"},  # a Monday is already worked
    ],
)
def test_a_swap_that_cannot_be_is_refused(entry: dict) -> None:
    with pytest.raises(ValueError, match="swap"):
        swaps_from_table({"swaps": [entry]})


def test_every_year_has_tet_no_table_runs_out() -> None:
    for year in range(2026, 2101):
        window = _days(date(year, 1, 18), date(year, 2, 28))
        assert sum(1 for d in window if d.weekday() < 5 and not is_working_day(d)) >= 5, year


def test_ordinary_weekdays_and_weekends() -> None:
    assert is_working_day(date(2027, 3, 10))  # a Wednesday
    assert not is_working_day(date(2027, 3, 13))  # a Saturday
    assert Swap(date(2026, 8, 31), date(2026, 8, 22), "") in swaps_from_table(
        {"swaps": [{"day_off": "2026-08-31", "work_on": "2026-08-22", "source": ""}]}
    )
