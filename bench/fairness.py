"""One sender cannot stall the bot: how long a second user waits for /help while
a first floods the bot, with the real Application, inbox poller and worker
against the stand-in Bot API, next to a baseline measured in the same run.

    python -m bench.fairness [--flood 1000] [--chat-flood 100] [--db URL] [--no-baseline]

Scenarios, each on a fresh database holding one sample plan:
  idle       the second user alone: the floor.
  flood      the first user sends --flood `/tiendo bảo hiểm y tế` at once, then
             the second user sends /help (target: answered within 2 s).
  chat limit the stand-in answers 429 (retry_after 1 s) to a second message to
             one chat within a second, as Telegram's per-chat limit does; the
             first user sends --chat-flood /help, then the second user /help.
Baseline: the same bot with the worker as it was before budgets and chat lanes
— one update at a time in inbox order, nothing dropped (its poller still reads
while the worker handles, which only flatters it)."""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bot.app import build_application
from bot.config import Config
from bot.poller import InboxPoller, InboxWorker
from storage import inbox
from storage.db import open_database
from storage.ingest import ingest_paths
from tests.fakes.bot_api import FakeBotApi

SAMPLES = Path(__file__).resolve().parent.parent / "knowledge" / "samples"
TOKEN = "123456:BENCH-token_abcdefghijklmnopqrstuvwxyz"
FLOODER, OTHER = 5005, 6006
TARGET_S = 2.0


class SerialWorker(InboxWorker):
    """The baseline: every row handled one at a time in update_id order, no budgets."""

    def __init__(self, app: Any, engine: Any) -> None:
        super().__init__(app, engine)
        self.budgets = None

    async def dispatch(self, rescan: bool = False) -> None:
        while not self._stopping:
            rows = inbox.pending(self.engine, limit=100)
            if not rows:
                return
            for row in rows:
                await self.handle(row)

    def backlog(self, more: bool) -> None:
        """It never waited for the poller."""


@dataclass
class Outcome:
    help_wait_s: float  # the second user's /help, from sending to the answer
    flood_messages: int  # messages the flooder received (answers and notices)
    settled_s: float  # from the first flood message to every update handled
    updates: int


def _plan_database(db_url: str | None, workdir: Path, name: str) -> Any:
    url = db_url or f"sqlite:///{workdir / (name + '.sqlite3')}"
    engine = open_database(url)
    if db_url:  # a server database is reused: start each scenario from an empty inbox
        with engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM bot_inbox")
    dong_tho = next(p for p in sorted(SAMPLES.glob("*.txt")) if "Đông Thọ" in p.read_text("utf-8")[:3000])
    ingest_paths(engine, [dong_tho])
    return engine


async def _scenario(engine: Any, flood: list[str], baseline: bool, chat_interval: float) -> Outcome:
    async with FakeBotApi(chat_interval=chat_interval, first_update_id=_next_id(engine)) as fake:
        config = Config(token=TOKEN, api_base_url=fake.url, database_url=None, admin_ids=frozenset())
        app = build_application(config, engine=engine, monthly_cycle=False)
        await app.initialize()
        await app.post_init(app)  # type: ignore[misc]
        await app.start()
        worker = SerialWorker(app, engine) if baseline else InboxWorker(app, engine)
        stop = asyncio.Event()
        poller = asyncio.create_task(InboxPoller(app, engine, poll_timeout=1, worker=worker).run(stop))
        try:
            await fake.wait_for(lambda: any(c.method == "getUpdates" for c in fake.calls), 30)
            started = time.monotonic()
            for text in flood:
                fake.push_message(FLOODER, text)
            asked = time.monotonic()
            fake.push_message(OTHER, "/help")
            await fake.wait_for_text(OTHER, 1, 3600)
            waited = time.monotonic() - asked
            last = fake.last_update_id
            while inbox.counts(engine)["pending"] or (inbox.next_offset(engine) or 0) <= last:
                await asyncio.sleep(0.1)
            settled = time.monotonic() - started
            await asyncio.sleep(0.3)  # a reply still on its way
            return Outcome(round(waited, 3), len(fake.texts(FLOODER)), round(settled, 2), len(flood) + 1)
        finally:
            stop.set()
            await asyncio.wait_for(poller, 30)
            await app.stop()
            await app.shutdown()
            await app.post_shutdown(app)  # type: ignore[misc]


def _next_id(engine: Any) -> int:
    return inbox.next_offset(engine) or 1


def run(flood: int, chat_flood: int, db_url: str | None = None, baseline: bool = True) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix="planbot-bench-fairness-"))
    result: dict[str, Any] = {"flood_size": flood, "chat_flood_size": chat_flood, "target_s": TARGET_S}
    runs = [("idle", [], False, 0.0)]
    runs.append(("flood", ["/tiendo bảo hiểm y tế"] * flood, False, 0.0))
    if baseline:
        runs.append(("flood_baseline", ["/tiendo bảo hiểm y tế"] * flood, True, 0.0))
    if chat_flood:
        runs.append(("chat_limit", ["/help"] * chat_flood, False, 1.0))
        if baseline:
            runs.append(("chat_limit_baseline", ["/help"] * chat_flood, True, 1.0))
    for name, texts, serial, interval in runs:
        engine = _plan_database(db_url, workdir, name)
        result["database"] = engine.dialect.name
        print(f"  running {name} ...", flush=True)
        result[name] = asdict(asyncio.run(_scenario(engine, texts, serial, interval)))
        engine.dispose()
    return result


def print_table(r: dict[str, Any]) -> None:
    print(f"fairness ({r['database']}): the second user's /help while the first floods the bot")

    def line(label: str, key: str) -> None:
        o = r.get(key)
        if o is None:
            return
        print(
            f"  {label:<40}: /help answered in {o['help_wait_s']:7.2f} s; the flooder got "
            f"{o['flood_messages']:5d} messages; all {o['updates']} updates settled in {o['settled_s']:.1f} s"
        )

    line("idle bot", "idle")
    line(f"{r['flood_size']} × /tiendo, this code", "flood")
    line(f"{r['flood_size']} × /tiendo, baseline (serial)", "flood_baseline")
    line(f"{r['chat_flood_size']} × /help at 1 msg/s/chat, this code", "chat_limit")
    line(f"{r['chat_flood_size']} × /help at 1 msg/s/chat, baseline", "chat_limit_baseline")
    verdict = "met" if r["flood_help_wait_ok"] else "NOT met"
    print(f"  target: /help within {r['target_s']:.0f} s during a flood of {r['flood_size']}: {verdict}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--flood", type=int, default=1000, help="messages the first user sends at once")
    ap.add_argument("--chat-flood", type=int, default=100, help="the same under a per-chat limit (0: skip)")
    ap.add_argument("--db", help="SQLAlchemy URL (default: a fresh SQLite file per scenario)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the (slow) serial baseline")
    args = ap.parse_args(argv)
    result = run(args.flood, args.chat_flood, args.db, baseline=not args.no_baseline)
    result["flood_help_wait_ok"] = result["flood"]["help_wait_s"] <= TARGET_S
    print_table(result)
    out = Path("bench/results")
    out.mkdir(parents=True, exist_ok=True)
    (out / f"fairness-{result['database']}.json").write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
