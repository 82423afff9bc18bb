"""Answer latency and accuracy with the passage index, next to the engine without it.

Ingests the real plans (tests/data/real/plans) into a fresh SQLite database through the
real ingest path (which writes the passages), then asks the real corpus questions
(tests/data/real/questions.json) twice in one process: with passages (the fallback
quote and the item-or-passage choice) and without (items only: the baseline). Reports
per-question median and p95 in CPU milliseconds (process time), the build cost of the passage index, and
accuracy as score_qa.py judges it (folded containment of the expected facts).

    python -m bench.passages [--rounds N]"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import tempfile
import time
import unicodedata
from pathlib import Path

from sqlalchemy import func, select

from storage.answers import AnswerEngine
from storage.db import open_database, transaction
from storage.ingest import ingest_file
from storage.passages import PassageRow

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "tests" / "data" / "real" / "plans"
QUESTIONS = ROOT / "tests" / "data" / "real" / "questions.json"


def _fold(text: str | None) -> str:
    """As ../shared/eval/_common.fold: the judge the real corpus score uses."""
    t = unicodedata.normalize("NFC", text or "").replace("ƣ", "ư").lower().replace("đ", "d")
    t = "".join(c for c in unicodedata.normalize("NFD", t) if not unicodedata.combining(c))
    t = re.sub(r"(?<=\d)[.,](?=\d)", "", t)
    t = re.sub(r"\s*([%‰])", r" \1", t)
    return " ".join(re.sub(r"[^0-9a-z%]+", " ", t).split())


def _holds(answer: str, fact: str) -> bool:
    return f" {_fold(fact)} " in f" {_fold(answer)} "


def judge(item: dict, answer: str) -> bool:  # type: ignore[type-arg]
    expect = item.get("expect") or []
    expect = [expect] if isinstance(expect, str) else expect
    anyof = item.get("any") or []
    return all(_holds(answer, e) for e in expect) and (not anyof or any(_holds(answer, a) for a in anyof))


def _run(engine: AnswerEngine, items: list[dict], rounds: int) -> tuple[list[float], int]:  # type: ignore[type-arg]
    times: list[float] = []
    right = 0
    for r in range(rounds):
        for it in items:
            t0 = time.process_time()  # CPU time: the machine is shared, wall time says more about others
            ans = engine.ask(it["q"], it.get("locality"))
            times.append((time.process_time() - t0) * 1000)
            right += judge(it, ans.text) if r == 0 else 0
    return times, right


def _p95(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=20)[18] if len(xs) >= 20 else max(xs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3, help="times each question is asked (cache warm after 1)")
    a = ap.parse_args(argv)
    items = json.loads(QUESTIONS.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="planbot-bench-passages-") as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        t0 = time.perf_counter()
        for path in sorted(PLANS.glob("*.md")):
            ingest_file(db, path)
        ingest_s = time.perf_counter() - t0
        with transaction(db) as session:
            n_passages = session.scalar(select(func.count()).select_from(PassageRow)) or 0
        print(
            f"ingest of {len(list(PLANS.glob('*.md')))} real plans: {ingest_s:.1f} s, {n_passages} passages"
        )
        rows = []
        for label, on in (("items only (baseline)", False), ("with passages", True)):
            engine = AnswerEngine(db, passages=on)
            first, right = _run(engine, items, 1)  # cold: each place's indexes built on its first question
            warm, _ = _run(engine, items, max(1, a.rounds - 1))
            rows.append((label, first, warm, right))
        print("| engine | questions | cold median | cold p95 | warm median | warm p95 | accuracy |")
        print("|---|---|---|---|---|---|---|")
        for label, first, warm, right in rows:
            print(
                f"| {label} | {len(items)} | {statistics.median(first):.1f} | {_p95(first):.1f} | "
                f"{statistics.median(warm):.1f} | {_p95(warm):.1f} | {right}/{len(items)} ({right / len(items):.3f}) |"
            )
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
