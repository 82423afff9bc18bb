"""Who owns an outbox row while it is sent, and when another sender may take
it back: only from an expired lease or a process gone from this machine; and
the one poller per database."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections import Counter
from datetime import date, timedelta

from sqlalchemy import select, update
from telegram import Bot

from bot import sender as sender_module
from bot.poll_lease import PollerLease
from bot.sender import OutboxSender
from storage import outbox
from storage.cycle_models import OutboxMessage, SchedulerLock, SendAttempt
from storage.db import make_engine, transaction
from storage.locks import SchedulerLease, owner_is_gone, process_owner_id
from tests.fakes.bot_api import FakeBotApi


def _queue(engine, chats: list[int]) -> list[int]:
    with transaction(engine) as s:
        rows = [
            OutboxMessage(
                dedup_key=f"{chat}|digest|x|2024-05",
                chat_id=chat,
                kind="digest",
                item="x",
                period="2024-05",
                text=f"Bản tin cho {chat}",
                planned_for=date(2024, 5, 31),
            )
            for chat in chats
        ]
        s.add_all(rows)
        s.flush()
        return [r.id for r in rows]


def _row(engine, row_id: int) -> OutboxMessage:
    with transaction(engine) as s:
        row = s.get(OutboxMessage, row_id)
        s.expunge(row)
        return row


def _dead_owner() -> str:
    """The owner id a finished process of this machine would have had."""
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    host, ns, _, tag = process_owner_id().rsplit(":", 3)
    return f"{host}:{ns}:{int(child.stdout)}:{tag}"


def _set_lease(engine, row_id: int, owner: str, expires_in: timedelta) -> None:
    with transaction(engine) as s:
        s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row_id)
            .values(status="sending", claimed_by=owner, lease_until=outbox.now() + expires_in)
        )


def test_a_live_senders_row_is_neither_taken_back_nor_marked_by_another(engine) -> None:
    (row_id,) = _queue(engine, [1])
    mine, neighbour = process_owner_id(), process_owner_id()
    assert outbox.claim(engine, row_id, mine)
    assert outbox.claim(engine, row_id, neighbour) is False
    assert outbox.recover_abandoned(engine) == {"resent": 0, "marked": 0}
    assert outbox.mark_sent(engine, row_id, neighbour, 5) is False
    assert _row(engine, row_id).status == "sending"
    assert outbox.mark_sent(engine, row_id, mine, 6)
    row = _row(engine, row_id)
    assert (row.status, row.claimed_by, row.telegram_message_id, row.attempts) == ("sent", mine, 6, 1)


def test_an_expired_lease_is_taken_back_a_running_one_is_not(engine) -> None:
    expired, running = _queue(engine, [1, 2])
    elsewhere = "another-host:4026531836:4242:abcd1234"  # alive as far as we can tell
    _set_lease(engine, expired, elsewhere, timedelta(seconds=-1))
    _set_lease(engine, running, elsewhere, timedelta(seconds=30))
    assert outbox.recover_abandoned(engine) == {"resent": 1, "marked": 0}
    assert _row(engine, expired).status == "pending" and _row(engine, expired).claimed_by is None
    assert _row(engine, running).status == "sending"
    with transaction(engine) as s:
        detail = s.scalar(select(SendAttempt.detail).where(SendAttempt.outcome == "ambiguous"))
    assert "lease expired" in detail


def test_a_renewed_lease_is_not_taken_back(engine) -> None:
    (row_id,) = _queue(engine, [1])
    owner = "another-host:1:4242:abcd1234"
    _set_lease(engine, row_id, owner, timedelta(seconds=-1))
    assert outbox.renew(engine, owner) == 1  # the owner was only slow
    assert outbox.recover_abandoned(engine) == {"resent": 0, "marked": 0}
    assert _row(engine, row_id).status == "sending"


def test_a_dead_process_of_this_machine_is_not_waited_for(engine) -> None:
    (row_id,) = _queue(engine, [1])
    dead = _dead_owner()
    assert owner_is_gone(dead) and not owner_is_gone(process_owner_id())
    _set_lease(engine, row_id, dead, timedelta(seconds=60))
    assert outbox.recover_abandoned(engine) == {"resent": 1, "marked": 0}
    assert _row(engine, row_id).status == "pending"


def test_marks_of_a_sender_whose_row_was_taken_back_change_nothing(engine) -> None:
    (row_id,) = _queue(engine, [1])
    stalled, other = "another-host:1:1:aaaa0000", process_owner_id()
    _set_lease(engine, row_id, stalled, timedelta(seconds=-1))
    outbox.recover_abandoned(engine)
    assert outbox.claim(engine, row_id, other)
    assert outbox.mark_retry(engine, row_id, stalled, "server_error", "late 500", 1.0) is False
    assert outbox.mark_final(engine, row_id, stalled, "failed", "bad_request", "late 400") is False
    row = _row(engine, row_id)
    assert (row.status, row.claimed_by) == ("sending", other)


async def test_two_senders_draining_one_outbox_send_each_row_once(engine) -> None:
    chats = list(range(7000, 7080))
    _queue(engine, chats)
    async with FakeBotApi() as fake, Bot(token="123:ABC", base_url=fake.base_url) as bot:
        fake.slow("sendMessage", 0.2)
        first, second = OutboxSender(engine, bot, rate=200.0), OutboxSender(engine, bot, rate=200.0)
        one = asyncio.create_task(first.drain())
        await fake.wait_for(lambda: len(fake.calls) >= 6)  # the first has rows in flight
        await asyncio.gather(one, second.drain())
        sent = Counter(int(c.params["chat_id"]) for c in fake.sent(method="sendMessage"))
    assert sorted(sent) == chats and set(sent.values()) == {1}
    assert first.stats.sent > 0 and second.stats.sent > 0
    assert first.stats.sent + second.stats.sent == len(chats)
    assert second.stats.recovered.get("resent", 0) == 0  # nothing of the first sender was taken back


async def test_a_waiting_drain_sends_what_a_dead_sender_left(engine, monkeypatch) -> None:
    monkeypatch.setattr(sender_module, "RECOVERY_INTERVAL_S", 0.2)
    (row_id,) = _queue(engine, [9])
    _set_lease(engine, row_id, "another-host:1:1:bbbb0000", timedelta(seconds=1))
    async with FakeBotApi() as fake, Bot(token="123:ABC", base_url=fake.base_url) as bot:
        stats = await asyncio.wait_for(OutboxSender(engine, bot).drain(), 20)
        assert [int(c.params["chat_id"]) for c in fake.sent(method="sendMessage")] == [9]
    assert stats.sent == 1 and stats.recovered == {"resent": 1, "marked": 0}


def test_poller_lease_refused_while_held_and_taken_from_a_dead_holder(engine, db_url) -> None:
    other = make_engine(db_url)
    first, second = SchedulerLease(engine, "poller"), SchedulerLease(other, "poller")
    try:
        assert first.acquire() and not second.acquire()
        host, _, pid, _ = first.holder.rsplit(":", 3)
        assert second.holder_now() == f"{host} pid {pid}"  # what the refused process prints
        first.release()
        if engine.dialect.name == "sqlite":  # PostgreSQL: the server drops a dead session's lock
            with transaction(engine) as s:
                s.add(
                    SchedulerLock(
                        name="poller", holder=_dead_owner(), expires_at=outbox.now() + timedelta(seconds=60)
                    )
                )
        assert second.acquire()
        assert not first.acquire()
    finally:
        second.release()
        first.release()
        other.dispose()


async def test_a_second_poller_waits_out_a_silent_holder_and_takes_over(engine) -> None:
    if engine.dialect.name == "postgresql":
        return  # an advisory lock is never held by a dead session
    with transaction(engine) as s:  # a holder we cannot see: another machine, or another container
        s.add(SchedulerLock(name="poller", holder="another-host:1:77:cccc0000", expires_at=outbox.now()))
    lease = PollerLease(engine)
    assert await asyncio.wait_for(lease.take(asyncio.Event()), 10)
    assert lease.lease.row_state()[0] == lease.lease.holder
    lease.release()


async def test_a_second_poller_refuses_a_holder_that_renews(engine, db_url) -> None:
    other = make_engine(db_url)
    first, second = PollerLease(engine), PollerLease(other)
    stop = asyncio.Event()
    try:
        assert await first.take(stop)
        renewer = asyncio.create_task(_renew_often(first, stop))
        started = asyncio.get_running_loop().time()
        assert await asyncio.wait_for(second.take(stop), 10) is False
        assert asyncio.get_running_loop().time() - started < 3
        assert "đang nhận tin" in second.refusal() and first.lease.holder.split(":")[2] in second.refusal()
        stop.set()
        await renewer
    finally:
        first.release()
        second.release()
        other.dispose()


async def _renew_often(lease: PollerLease, stop: asyncio.Event) -> None:
    while not stop.is_set():
        await asyncio.sleep(0.3)
        assert lease.lease.acquire()
