"""The monthly cycle inside `planbot run`: a daily planning job (08:00 local),
the outbox sender every few seconds, and a catch-up on start-up.

Only the worker holding the scheduler lease plans and sends (see
docs/delivery.md); the others answer updates only. Database work runs in a
worker thread: a lock held elsewhere must not stall the event loop."""

from __future__ import annotations

import asyncio
import logging
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, select
from telegram.ext import Application, ContextTypes

from bot.sender import OutboxSender
from knowledge.calendar import is_quiet, is_working_day
from storage.cycle_models import PlanningRun
from storage.db import transaction
from storage.locks import SchedulerLease
from storage.reminders import CycleSettings, enqueue, plan_messages

log = logging.getLogger(__name__)

PLANNING_TIME = time(8, 0)
SEND_INTERVAL_S = 10.0
CATCH_UP_DAYS = 7


def plan_day(engine: Engine, day: date, settings: CycleSettings, sent_on: date | None = None) -> int:
    """Plan one local date and record the run; planning twice adds nothing.
    `sent_on`: today, when `day` is a missed day caught up late."""
    with transaction(engine) as s:
        inserted = enqueue(s, plan_messages(s, day, settings, sent_on), day)
        run = s.get(PlanningRun, day)
        if run is None:
            s.add(PlanningRun(run_date=day, planned=inserted))
        else:
            run.planned += inserted
    return inserted


def missed_days(engine: Engine, now: datetime) -> list[date]:
    """Working days of the last week whose planning run did not happen (today
    counts once it is past the planning time)."""
    today = now.date()
    last = today if now.time() >= PLANNING_TIME else today - timedelta(days=1)
    days = [last - timedelta(days=n) for n in range(CATCH_UP_DAYS)]
    with transaction(engine) as s:
        done = set(s.scalars(select(PlanningRun.run_date).where(PlanningRun.run_date >= min(days))))
    return sorted(d for d in days if d not in done and is_working_day(d))


class CycleJobs:
    def __init__(self, engine: Engine, tz: ZoneInfo, settings: CycleSettings | None = None) -> None:
        self.engine = engine
        self.tz = tz
        self.settings = settings or CycleSettings()
        self.lease = SchedulerLease(engine)

    def install(self, application: Application) -> None:
        jq = application.job_queue
        if jq is None:
            raise RuntimeError("python-telegram-bot was installed without the job-queue extra")
        grace = {"misfire_grace_time": 3600, "coalesce": True}
        jq.run_once(self._catch_up, when=1, name="cycle:catch-up")
        jq.run_daily(
            self._plan_today,
            time=PLANNING_TIME.replace(tzinfo=self.tz),
            name="cycle:plan-daily",
            job_kwargs=grace,
        )
        jq.run_repeating(
            self._send, interval=SEND_INTERVAL_S, first=3, name="cycle:send", job_kwargs={"coalesce": True}
        )

    def close(self) -> None:
        self.lease.release()

    async def _catch_up(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not await asyncio.to_thread(self.lease.acquire):
            log.info("cycle: another worker holds the scheduler lease")
            return
        now = datetime.now(self.tz)
        for day in await asyncio.to_thread(missed_days, self.engine, now):
            n = await asyncio.to_thread(plan_day, self.engine, day, self.settings, sent_on=now.date())
            log.info("cycle: caught up planning for %s (%d new messages)", day, n)

    async def _plan_today(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        if await asyncio.to_thread(self.lease.acquire):
            day = datetime.now(self.tz).date()
            n = await asyncio.to_thread(plan_day, self.engine, day, self.settings)
            log.info("cycle: planned %d new messages for %s", n, day)

    async def _send(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        if is_quiet(datetime.now(self.tz)) or not await asyncio.to_thread(self.lease.acquire):
            return
        stats = await OutboxSender(self.engine, context.bot).drain(wait_for_deferred=False)
        if stats.sent or stats.retried or stats.blocked or stats.failed or stats.ambiguous:
            log.info(
                "cycle: sent %d, retried %d, blocked %d, failed %d, left ambiguous after a timeout %d",
                stats.sent,
                stats.retried,
                stats.blocked,
                stats.failed,
                stats.ambiguous,
            )
