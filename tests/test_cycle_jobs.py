"""The cycle inside `planbot run`: catch-up after downtime, and with two
workers on one database only one plans and sends."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine
from sqlalchemy import func, select
from telegram.ext import ApplicationBuilder, Defaults

from bot.cycle_jobs import CycleJobs, missed_days, plan_day
from knowledge import model as km
from storage import models as m
from storage.cycle_models import OutboxMessage, PlanningRun
from storage.db import make_engine, transaction
from storage.ingest import store_plan
from storage.reminders import CycleSettings
from tests.fakes.bot_api import FakeBotApi

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def _setup(engine, residents: int = 5) -> None:
    plan = km.ExtractedPlan(
        meta=km.PlanMeta(
            locality="xã Tân Lập", locality_type="xã", period_start=2024, period_end=2024, title="KH"
        ),
        indicators=[km.Indicator(key="a", name="Tỷ lệ hộ nghèo", target_text="2", target_value=2)],
    )
    with transaction(engine) as s:
        store_plan(s, km.Document(source="kh.txt", content_hash="h"), plan)
        for uid in range(residents):
            s.add(m.User(telegram_id=500 + uid, role="resident", locality_key="xa tan lap", subscribed=True))


def test_missed_working_days_are_caught_up_once(engine) -> None:
    _setup(engine)
    now = datetime(2024, 6, 3, 9, 0, tzinfo=TZ)  # Monday after the digest day (Friday 31 May)
    days = missed_days(engine, now)
    assert date(2024, 5, 31) in days and date(2024, 6, 1) not in days  # Saturday skipped
    for day in days:
        plan_day(engine, day, CycleSettings())
    assert missed_days(engine, now) == []
    with transaction(engine) as s:
        assert s.scalar(select(func.count()).select_from(OutboxMessage)) == 5  # the digest, once each
        assert s.scalar(select(func.count()).select_from(PlanningRun)) == len(days)


def test_before_planning_time_today_is_not_missed(engine) -> None:
    assert date(2024, 6, 3) not in missed_days(engine, datetime(2024, 6, 3, 7, 0, tzinfo=TZ))
    assert date(2024, 6, 3) in missed_days(engine, datetime(2024, 6, 3, 8, 30, tzinfo=TZ))


async def test_two_workers_send_each_message_once(engine, db_url) -> None:
    _setup(engine, residents=12)
    plan_day(engine, date(2024, 5, 31), CycleSettings())
    with time_machine.travel(datetime(2024, 5, 31, 10, 0, tzinfo=TZ), tick=True):
        async with FakeBotApi() as fake:
            apps, jobs, engines = [], [], []
            for _ in range(2):
                eng = make_engine(db_url)
                app = (
                    ApplicationBuilder()
                    .token("1:T")
                    .base_url(fake.base_url)
                    .defaults(Defaults(tzinfo=TZ))
                    .build()
                )
                cj = CycleJobs(eng, TZ)
                cj.install(app)
                await app.initialize()
                await app.start()
                apps.append(app)
                jobs.append(cj)
                engines.append(eng)
            await fake.wait_for(lambda: len(fake.sent(method="sendMessage")) >= 12, timeout=30)
            await asyncio.sleep(1.0)
            leaders = [cj.lease.acquire() for cj in jobs]
            for app, cj, eng in zip(apps, jobs, engines, strict=True):
                await app.stop()
                await app.shutdown()
                cj.close()
                eng.dispose()
            chats = [int(c.params["chat_id"]) for c in fake.sent(method="sendMessage")]
    assert sorted(chats) == list(range(500, 512))
    assert sorted(leaders) == [False, True]  # exactly one worker held the scheduler lease
