"""Broadcast throughput: N recipients through the outbox sender against the
stand-in Bot API server, next to an unpaced sequential loop (the raw speed of
the server, i.e. what the sender deliberately stays under).

    python -m bench.broadcast --recipients 10000 [--db URL]

Prints messages/s, its ratio to Telegram's 30/s limit, lost and duplicated
messages (both must be 0 without a crash)."""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from telegram import Bot

from bot.sender import OutboxSender
from storage.cycle_models import OutboxMessage
from storage.db import open_database
from tests.fakes.bot_api import FakeBotApi

TELEGRAM_LIMIT = 30.0


def _queue(engine, n: int) -> None:  # type: ignore[no-untyped-def]
    rows = [
        {
            "dedup_key": f"{100000 + i}|digest|bench|2024-05",
            "chat_id": 100000 + i,
            "kind": "digest",
            "item": "bench",
            "period": "2024-05",
            "text": f"Bản tin tiến độ tháng 5 — người nhận {i}",
            "status": "pending",
            "attempts": 0,
            "planned_for": date(2024, 5, 31),
        }
        for i in range(n)
    ]
    with engine.begin() as conn:
        for start in range(0, n, 1000):
            conn.execute(insert(OutboxMessage), rows[start : start + 1000])


async def _sender_run(engine, n: int) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    async with FakeBotApi() as fake:
        async with Bot(token="1:BENCH", base_url=fake.base_url) as bot:
            stats = await OutboxSender(engine, bot).drain()
        counts = Counter(int(c.params["chat_id"]) for c in fake.sent(method="sendMessage"))
    return {
        "sent": stats.sent,
        "seconds": round(stats.elapsed_s, 2),
        "msg_per_s": round(stats.rate, 2),
        "ratio_to_limit": round(stats.rate / TELEGRAM_LIMIT, 3),
        "lost": n - len(counts),
        "duplicates": sum(c - 1 for c in counts.values()),
    }


async def _baseline_run(n: int) -> dict[str, Any]:
    """Unpaced sequential sends, no outbox: the stand-in server's raw speed."""
    async with FakeBotApi() as fake, Bot(token="1:BENCH", base_url=fake.base_url) as bot:
        started = time.perf_counter()
        for i in range(n):
            await bot.send_message(chat_id=100000 + i, text=f"baseline {i}")
        elapsed = time.perf_counter() - started
    return {"sent": n, "seconds": round(elapsed, 2), "msg_per_s": round(n / elapsed, 2)}


def run(recipients: int, db_url: str | None = None) -> dict[str, Any]:
    tmp = tempfile.mkdtemp(prefix="planbot-bench-")
    url = db_url or f"sqlite:///{Path(tmp) / 'broadcast.sqlite3'}"
    engine = open_database(url)
    _queue(engine, recipients)
    result = {
        "recipients": recipients,
        "database": engine.dialect.name,
        "sender": asyncio.run(_sender_run(engine, recipients)),
        "baseline_unpaced": asyncio.run(_baseline_run(min(recipients, 2000))),
    }
    engine.dispose()
    return result


def print_table(r: dict[str, Any]) -> None:
    s, b = r["sender"], r["baseline_unpaced"]
    print(f"broadcast ({r['database']}, {r['recipients']} recipients)")
    print(f"  outbox sender   : {s['msg_per_s']:8.2f} msg/s = {s['ratio_to_limit']:.2f} × the 30/s limit; "
          f"lost {s['lost']}, duplicates {s['duplicates']}, {s['seconds']} s")  # fmt: skip
    print(
        f"  unpaced baseline: {b['msg_per_s']:8.2f} msg/s ({b['sent']} sequential sends, no limits, no outbox)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--recipients", type=int, default=10000)
    ap.add_argument("--db", help="SQLAlchemy URL of an empty database (default: a fresh SQLite file)")
    args = ap.parse_args()
    result = run(args.recipients, args.db)
    print_table(result)
    out = Path("bench/results")
    out.mkdir(parents=True, exist_ok=True)
    (out / f"broadcast-{result['database']}.json").write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
