"""Two processes on one database, as an operator may run them, against the
stand-in Bot API; every message sent is counted.

- `planbot remind --send` while `planbot run` sends: both senders drain the
  same outbox, each row is claimed by one of them, none goes out twice.
- two `planbot run` started together: one polls, the other exits with a clear
  message; 100 updates get 100 replies."""

from __future__ import annotations

import asyncio
import os
import signal
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from storage.cycle_models import OutboxMessage
from storage.db import transaction
from storage.ingest import ingest_paths
from tests.fakes.bot_api import FakeBotApi
from tests.test_bot_process import DONG_THO, PLANBOT, bot_env, start_bot
from tests.test_broadcast_crash import DIGEST_DAY, RESIDENTS
from tests.test_broadcast_crash import _setup as subscribe_residents

POLLER_BUSY_EXIT = 3


def daytime_zone() -> str:
    """A fixed-offset zone where it is about noon now: the bot's sender holds
    messages during quiet hours (21:00-07:00), and the race needs it sending."""
    offset = 12 - datetime.now(UTC).hour  # -11 .. +12
    return f"Etc/GMT{-offset:+d}"  # the Etc/ sign is inverted: Etc/GMT-7 is UTC+7


def _statuses(engine) -> dict[str, int]:
    with transaction(engine) as s:
        rows = s.execute(select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)).all()
        return {str(k): int(v) for k, v in rows}


async def _until_outbox_settled(engine, timeout: float = 90) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while set(_statuses(engine)) & {"pending", "sending"}:
        assert asyncio.get_running_loop().time() < deadline, _statuses(engine)
        await asyncio.sleep(0.5)


async def test_remind_send_during_planbot_run_sends_each_message_once(engine, db_url, tmp_path) -> None:
    subscribe_residents(engine)
    async with FakeBotApi() as fake:
        fake.slow("sendMessage", 0.2)  # requests stay in flight, as on the real network
        env = dict(bot_env(fake, tmp_path), PLANBOT_TIMEZONE=daytime_zone())
        bot = await start_bot(fake, db_url, tmp_path, env=env)
        try:
            remind = await asyncio.create_subprocess_exec(
                PLANBOT, "remind", "--date", DIGEST_DAY.isoformat(), "--send", "--db", db_url,
                env=env, cwd=tmp_path, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
            )  # fmt: skip
            _, err = await asyncio.wait_for(remind.communicate(), 180)
            assert remind.returncode == 0, err.decode()
            assert "more sent meanwhile by another planbot process" in err.decode()  # the operator is told
            await _until_outbox_settled(engine)
            await asyncio.sleep(1.0)  # anything sent late would show now
        finally:
            bot.send_signal(signal.SIGTERM)
            assert await asyncio.wait_for(bot.wait(), 30) == 0
        sends = Counter((int(c.params["chat_id"]), c.params["text"]) for c in fake.sent(method="sendMessage"))
    twice = {k: n for k, n in sends.items() if n > 1}
    print(f"{sum(sends.values())} messages sent, {len(twice)} of them more than once")
    assert twice == {}, f"{len(twice)} messages sent twice without any crash"
    assert _statuses(engine) == {"sent": len(sends)}  # every row sent, and only rows were sent
    with transaction(engine) as s:
        digests = s.scalars(select(OutboxMessage.claimed_by).where(OutboxMessage.planned_for == DIGEST_DAY))
        senders = Counter(owner.split(":")[2] for owner in digests)  # the pid of the process that sent it
    print(f"the {RESIDENTS} digests of remind --send were sent by two processes: {sorted(senders.values())}")
    assert sum(senders.values()) == RESIDENTS
    assert len(senders) == 2, f"the two senders did not overlap: {senders}"


async def _start_run(fake: FakeBotApi, db_url: str, tmp_path: Path, name: str) -> asyncio.subprocess.Process:
    log = open(tmp_path / f"{name}.log", "wb")  # noqa: SIM115 - the process owns it
    return await asyncio.create_subprocess_exec(
        PLANBOT, "run", "--db", db_url, "--poll-timeout", "2",
        env=bot_env(fake, tmp_path), cwd=tmp_path, stdout=log, stderr=log,
    )  # fmt: skip


async def test_two_planbot_run_one_polls_the_other_exits(engine, db_url, tmp_path) -> None:
    ingest_paths(engine, [DONG_THO])
    users = list(range(60001, 60101))
    async with FakeBotApi() as fake:
        procs = {n: await _start_run(fake, db_url, tmp_path, n) for n in ("a", "b")}
        try:
            # both start together; at most one may be left once the other saw the lease
            await fake.wait_for(lambda: any(c.method == "getUpdates" for c in fake.calls), 60)
            await asyncio.sleep(3.0)
            for u in users:
                fake.push_message(u, "/help")
            await fake.wait_for(lambda: all(fake.sent(u) for u in users), 60)
            await asyncio.sleep(3.0)  # a second poller's replies would arrive now
        finally:
            for p in procs.values():
                if p.returncode is None:
                    p.send_signal(signal.SIGTERM)
            codes = {n: await asyncio.wait_for(p.wait(), 30) for n, p in procs.items()}
        per_user = Counter(int(c.params["chat_id"]) for c in fake.sent())
    print(f"{sum(per_user[u] for u in users)} replies for {len(users)} updates; exit codes {codes}")
    assert {u: n for u, n in per_user.items() if n != 1} == {}
    assert sorted(codes.values()) == [0, POLLER_BUSY_EXIT], codes
    loser = next(n for n, c in codes.items() if c == POLLER_BUSY_EXIT)
    message = (tmp_path / f"{loser}.log").read_text()
    assert "đang nhận tin" in message and "already polling this database" in message
    assert "Traceback" not in message
    assert os.environ.get("TELEGRAM_BOT_TOKEN", "\0") not in message
