"""When a plan's period is over: one rule for what is still 'overdue', what the
monthly cycle still reminds of, what a resident is told about a task and what the
web board shows (a shortfall 'chưa đạt', a task 'đã hết kỳ kế hoạch').

A plan runs to 31 December of its last year. For a month after that officers
still report its final figures; later its tasks are 'đã hết kỳ kế hoạch' — never
'quá hạn' — and the cycle sends nothing about it."""

from __future__ import annotations

from datetime import date, timedelta

GRACE = timedelta(days=31)  # the month after a period in which final figures are reported


def period_end_date(period_end: int | None, period_start: int | None = None) -> date | None:
    """The last day of a plan's period (None: the plan names no year)."""
    year = period_end or period_start
    return date(year, 12, 31) if year else None


def past_grace(period_end: int | None, on: date, period_start: int | None = None) -> bool:
    """More than a month past the period: nothing is planned or counted overdue for it."""
    end = period_end_date(period_end, period_start)
    return end is not None and on > end + GRACE
