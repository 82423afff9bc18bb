"""A database another process keeps locked delays the updates that must write,
but never the event loop: the poller, the jobs and every other coroutine keep
running while a handler waits for the lock (its storage calls run in worker
threads). Before, the loop stood still for the whole wait (up to 10 s)."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import threading
import time
from collections.abc import Iterator

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from storage import inbox
from storage.ingest import ingest_paths
from tests.conftest import SAMPLES
from tests.fakes.harness import BotHarness

RESIDENT = 3003
DONG_THO = next(
    p for p in sorted(SAMPLES.glob("*.txt")) if "Đông Thọ" in p.read_text(encoding="utf-8")[:3000]
)
HOLD_S = 2.0


def _hold_sqlite(url: str, seconds: float, taken: threading.Event) -> None:
    conn = sqlite3.connect(make_url(url).database, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")  # the write lock; WAL readers go on
    taken.set()
    time.sleep(seconds)
    conn.rollback()
    conn.close()


def _hold_postgres(url: str, seconds: float, taken: threading.Event) -> None:
    eng = create_engine(url)
    try:
        with eng.connect() as conn:
            conn.execute(text("LOCK TABLE bot_inbox, users IN ACCESS EXCLUSIVE MODE"))
            taken.set()
            time.sleep(seconds)
            conn.rollback()
    finally:
        eng.dispose()


@contextlib.contextmanager
def write_lock_held(url: str, seconds: float) -> Iterator[None]:
    """Another connection holds the write lock (SQLite) or locks the tables an
    update writes (PostgreSQL) for `seconds`; entered once the lock is taken."""
    taken = threading.Event()
    hold = _hold_postgres if url.startswith("postgresql") else _hold_sqlite
    thread = threading.Thread(target=hold, args=(url, seconds, taken), daemon=True)
    thread.start()
    assert taken.wait(10)
    try:
        yield
    finally:
        thread.join(seconds + 10)


async def test_a_locked_database_does_not_stall_the_event_loop(engine, db_url) -> None:
    assert all(r.ok for r in ingest_paths(engine, [DONG_THO]))
    async with BotHarness(engine) as h:
        await h.say(RESIDENT, "/start")
        loop = asyncio.get_running_loop()
        gaps: list[float] = []
        stop = asyncio.Event()

        async def ticker() -> None:
            last = loop.time()
            while not stop.is_set():
                await asyncio.sleep(0.01)
                now = loop.time()
                gaps.append(now - last)
                last = now

        # Idle first: /start's bookkeeping (marking it processed) is over.
        await h.fake.wait_for(lambda: inbox.counts(engine)["pending"] == 0)
        await asyncio.sleep(0.3)
        tick = asyncio.create_task(ticker())
        await asyncio.sleep(0.05)  # the ticker runs before the lock is taken
        started = time.monotonic()
        with write_lock_held(db_url, HOLD_S):
            replies = await h.say(RESIDENT, "/diaphuong Đông Thọ", timeout=HOLD_S + 20)
            waited = time.monotonic() - started
        stop.set()
        await tick
    assert "Đông Thọ" in replies[0]
    assert waited >= HOLD_S * 0.9  # the update did wait for the lock ...
    assert sum(gaps) >= waited * 0.9  # (the ticker ran all along)
    print(f"longest event-loop gap while the database was locked for {HOLD_S} s: {max(gaps) * 1000:.0f} ms")
    assert max(gaps) < 0.5  # ... the event loop did not
