"""A digest to 300 subscribed residents, with 429s and 500s injected, killed in
the middle and run again: every resident reached, at most the in-flight cap of
them twice, and a third run sends nothing more."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from knowledge import model as km
from storage import models as m
from storage.db import transaction
from storage.ingest import store_plan
from tests.fakes.bot_api import FakeBotApi

RESIDENTS = 300
DIGEST_DAY = date(2024, 5, 31)  # a Friday, the last working day of May 2024
PLANBOT = str(Path(sys.executable).parent / "planbot")


def _setup(engine) -> None:
    plan = km.ExtractedPlan(
        meta=km.PlanMeta(
            locality="xã Tân Lập", locality_type="xã", period_start=2024, period_end=2024, title="KH"
        ),
        indicators=[
            km.Indicator(key="a", name="Tỷ lệ hộ nghèo", target_text="dưới 2", target_value=2, comparator="<")
        ],
    )
    with transaction(engine) as s:
        store_plan(s, km.Document(source="kh.txt", content_hash="h"), plan)
    subscribe_residents(engine, "xa tan lap")


def subscribe_residents(engine, locality_key: str) -> list[int]:
    """RESIDENTS residents subscribed to the place's digest; their chat ids."""
    chats = [900000 + uid for uid in range(1, RESIDENTS + 1)]
    with transaction(engine) as s:
        for chat in chats:
            s.add(m.User(telegram_id=chat, role="resident", locality_key=locality_key, subscribed=True))
    return chats


async def _run(db_url: str, fake: FakeBotApi, kill_after: float | None = None) -> int:
    env = dict(os.environ, TELEGRAM_BOT_TOKEN="123456:TEST-TOKEN", TELEGRAM_API_BASE_URL=fake.url)
    proc = await asyncio.create_subprocess_exec(
        PLANBOT, "remind", "--date", DIGEST_DAY.isoformat(), "--send", "--db", db_url,
        env=env, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    if kill_after is None:
        return await asyncio.wait_for(proc.wait(), timeout=120)
    # kill once some messages went out, in the middle of the broadcast
    await fake.wait_for(lambda: len(fake.sent(method="sendMessage")) >= 40, timeout=60)
    await asyncio.sleep(kill_after)
    proc.send_signal(signal.SIGKILL)
    return await proc.wait()


async def test_digest_survives_a_kill_without_loss(engine, db_url) -> None:
    _setup(engine)
    async with FakeBotApi() as fake:
        fake.fail("sendMessage", status=429, retry_after=1, times=2)
        fake.fail("sendMessage", status=500, times=5)
        assert await _run(db_url, fake, kill_after=0.5) == -signal.SIGKILL
        partial = len(fake.sent(method="sendMessage"))
        assert 0 < partial < RESIDENTS
        fake.fail("sendMessage", status=500, times=3)
        assert await _run(db_url, fake) == 0
        counts = Counter(int(c.params["chat_id"]) for c in fake.sent(method="sendMessage"))
        assert len(counts) == RESIDENTS  # every resident reached
        assert sum(1 for n in counts.values() if n > 1) <= 4  # at most the in-flight cap twice
        before = len(fake.sent(method="sendMessage"))
        assert await _run(db_url, fake) == 0
        assert len(fake.sent(method="sendMessage")) == before  # nothing more
