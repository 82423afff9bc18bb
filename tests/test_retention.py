"""Retention: the running bot deletes handled inbox updates, drafts and send
attempts older than PLANBOT_RETENTION_DAYS (default 90), and keeps the rest.
Before, all three were kept forever."""

from __future__ import annotations

import asyncio
import itertools
import signal
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select

from storage import inbox
from storage.bot_models import InboxUpdate, ProgressDraft
from storage.cycle_models import OutboxMessage, SendAttempt
from storage.db import transaction
from storage.retention import purge_expired
from tests.fakes.bot_api import FakeBotApi
from tests.test_bot_process import bot_env, start_bot

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
OLD_IDS, RECENT_ID = (900001, 900002, 900003), 900004


def seed(engine, now: datetime, old_days: int, recent_days: int) -> None:
    """Three old handled updates and a recent one (the newest), an unhandled old
    one, and an old and a recent draft and send attempt."""
    old, recent = now - timedelta(days=old_days), now - timedelta(days=recent_days)
    with transaction(engine) as s:
        for uid in OLD_IDS:
            s.add(InboxUpdate(update_id=uid, payload={"message": {"text": "số điện thoại 0912"}},
                              attempts=1, sends_done=1, received_at=old, processed_at=old))  # fmt: skip
        s.add(InboxUpdate(update_id=RECENT_ID, payload={"x": 1}, attempts=1, sends_done=1,
                          received_at=recent, processed_at=recent))  # fmt: skip
        s.add(InboxUpdate(update_id=899999, payload={"x": 2}, attempts=0, sends_done=0, received_at=old))
        for token, at in (("oldDraft0001", old), ("newDraft0001", recent)):
            s.add(ProgressDraft(token=token, user_id=7, item_kind="indicator", item_id=1, value=93.0,
                                value_text="93%", state="pending", created_at=at))  # fmt: skip
        msg = OutboxMessage(dedup_key="7|digest|x|2025-01", chat_id=7, kind="digest", item="x",
                            period="2025-01", text="t", status="sent", attempts=1, planned_for=date(2025, 1, 31))  # fmt: skip
        s.add(msg)
        s.flush()
        s.add_all([SendAttempt(outbox_id=msg.id, at=old, outcome="ok"),
                   SendAttempt(outbox_id=msg.id, at=recent, outcome="ok")])  # fmt: skip


def remaining(engine) -> dict[str, object]:
    with engine.connect() as conn:
        return {
            "inbox": sorted(conn.scalars(select(InboxUpdate.update_id))),
            "drafts": sorted(conn.scalars(select(ProgressDraft.token))),
            "attempts": conn.scalar(select(func.count()).select_from(SendAttempt)),
            "outbox": conn.scalar(select(func.count()).select_from(OutboxMessage)),
        }


def test_purge_keeps_what_is_recent_unhandled_or_needed(engine) -> None:
    seed(engine, NOW, old_days=100, recent_days=10)
    offset = inbox.next_offset(engine)
    purged = purge_expired(engine, 90, now=NOW)
    assert (purged.inbox, purged.drafts, purged.attempts) == (3, 1, 1)
    assert remaining(engine) == {
        "inbox": [899999, RECENT_ID],  # the unhandled one waits for its handler
        "drafts": ["newDraft0001"],
        "attempts": 1,
        "outbox": 1,  # its dedup key keeps the digest from being planned twice
    }
    assert inbox.next_offset(engine) == offset
    assert purge_expired(engine, 90, now=NOW).total == 0  # idempotent


def test_the_newest_update_stays_as_the_offset_without_its_content(engine) -> None:
    seed(engine, NOW, old_days=100, recent_days=95)  # even the newest is old
    offset = inbox.next_offset(engine)
    purge_expired(engine, 90, now=NOW)
    with engine.connect() as conn:
        rows = dict(conn.execute(select(InboxUpdate.update_id, InboxUpdate.payload)).all())
    assert rows == {899999: {"x": 2}, RECENT_ID: {}}
    assert inbox.next_offset(engine) == offset


async def test_the_running_bot_purges_and_keeps_answering(engine, db_url, tmp_path, monkeypatch) -> None:
    """`planbot run` with PLANBOT_RETENTION_DAYS=30: the old rows go within
    seconds of the start; the recent ones stay; updates after it are handled."""
    seed(engine, datetime.now(UTC), old_days=40, recent_days=10)
    async with FakeBotApi() as fake:
        fake._update_ids = itertools.count(RECENT_ID + 1)  # Telegram's ids go on from the stored offset
        env = bot_env(fake, tmp_path)
        env["PLANBOT_RETENTION_DAYS"] = "30"
        monkeypatch.setattr("tests.test_bot_process.bot_env", lambda *_: env)
        proc = await start_bot(fake, db_url, tmp_path)
        try:
            for _ in range(300):
                if remaining(engine)["drafts"] == ["newDraft0001"]:
                    break
                await asyncio.sleep(0.1)
            fake.push_message(5005, "/help")
            await fake.wait_for_text(5005, timeout=20)
        finally:
            proc.send_signal(signal.SIGTERM)
            assert await asyncio.wait_for(proc.wait(), 20) == 0
    left = remaining(engine)
    assert left["drafts"] == ["newDraft0001"] and left["attempts"] == 1
    assert left["inbox"] == [899999, RECENT_ID, RECENT_ID + 1]
    log = (tmp_path / "bot.log").read_text()
    assert "retention: deleted 3 inbox update(s), 1 draft(s), 1 send attempt(s) older than 30 days" in log
