"""Web board benchmark at a country's scale: server time per page and page weight.

Builds (or reuses, --keep) the QA benchmark's database of N plans (default 3,321,
bench/qa.py `build`: the samples plus synthesised plans through `store_plan`), adds
confirmed-style progress records to a share of the items, then requests every kind
of page of `planbot web` through aiohttp's test server (real HTTP over loopback, in
process) and reports milliseconds per page (median, p95, max; the time the server
takes from the request to the last byte) and the bytes of each page's HTML (the one
stylesheet, 3 KB, is cached after the first page). Targets: ≤ 50 ms, ≤ 150 KB.

Baseline, measured in the same run on the same places: `storage.report.build_report`,
the rows the bot's /baocao builds for a place (its queries alone, nothing rendered).

    python -m bench.web [--plans N] [--pages P] [--keep DIR]"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import func, select

from bench.qa import COUNTRY, RESULTS, ROOT, build
from bot.config import WebSettings
from bot.web import web_app
from storage import board
from storage import models as m
from storage.db import open_database, transaction
from storage.report import build_report

TODAY = date(2023, 6, 15)  # inside the samples' plan years: every status occurs


def add_progress(engine: object, share: float, seed: int) -> int:
    """Records on `share` of the indicators, 1-4 each over the past months."""
    rng = random.Random(seed)
    n = 0
    with transaction(engine) as session:  # type: ignore[arg-type]
        rows = session.execute(
            select(
                m.Indicator.id,
                m.Indicator.item_key,
                m.Indicator.name,
                m.Indicator.target_value,
                m.Plan.plan_key,
            )
            .join(m.Plan, m.Plan.id == m.Indicator.plan_id)
            .where(m.Plan.is_current.is_(True))
        ).all()
        for ind_id, item_key, name, target, plan_key in rows:
            if rng.random() >= share:
                continue
            for k in range(rng.randint(1, 4)):
                value = round((target or 50) * rng.uniform(0.7, 1.1), 1)
                session.add(
                    m.ProgressRecord(
                        plan_key=plan_key,
                        item_kind="indicator",
                        item_key=item_key,
                        item_name=name,
                        indicator_id=ind_id,
                        value=value,
                        value_text=f"{value}".replace(".", ","),
                        source="telegram",
                        reported_by="0",
                        reported_by_name="Cán bộ phụ trách",
                        reported_at=datetime(2023, 1, 10, tzinfo=UTC) + timedelta(days=30 * k),
                    )
                )
                n += 1
    return n


def _stats(times: list[float], sizes: list[int]) -> dict[str, float]:
    times = sorted(times)
    return {
        "pages": len(times),
        "median_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1),
        "max_ms": round(times[-1], 1),
        "median_kb": round(statistics.median(sizes) / 1024, 1) if sizes else 0,
        "max_kb": round(max(sizes) / 1024, 1) if sizes else 0,
    }


async def measure(url: str, paths: dict[str, list[str]]) -> dict[str, dict[str, float]]:
    engine = open_database(url)
    settings = WebSettings(rate_burst=10**6, rate_per=1)
    client = TestClient(TestServer(web_app(engine, settings, today=lambda: TODAY)))
    await client.start_server()
    out = {}
    try:
        await client.get("/")  # warm-up: the first request loads the place list's caches
        for kind, urls in paths.items():
            times, sizes, cpu = [], [], []
            for path in urls:
                t0, c0 = time.perf_counter(), time.process_time()
                resp = await client.get(path)
                body = await resp.read()
                times.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
                assert resp.status == 200, (path, resp.status)
                sizes.append(len(body))
            out[kind] = _stats(times, sizes) | {"cpu_median_ms": round(statistics.median(cpu), 1)}
    finally:
        await client.close()
        engine.dispose()
    return out


def baseline(url: str, place_keys: list[str]) -> dict[str, float]:
    engine = open_database(url)
    times, cpu = [], []
    for key in place_keys:
        t0, c0 = time.perf_counter(), time.process_time()
        build_report(engine, "", locality_key=key)
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    engine.dispose()
    return _stats(times, []) | {"cpu_median_ms": round(statistics.median(cpu), 1)}


def main(argv: list[str] | None = None) -> dict[str, object]:
    ap = argparse.ArgumentParser(prog="python -m bench.web", description=__doc__.splitlines()[0])
    ap.add_argument("--plans", type=int, default=COUNTRY)
    ap.add_argument("--pages", type=int, default=200, help="places (and items) requested per kind of page")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", metavar="DIR", help="keep (and reuse) the database in DIR")
    a = ap.parse_args(argv)
    workdir = Path(a.keep or tempfile.mkdtemp(prefix="planbot-bench-web-"))
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / f"web-{a.plans}.sqlite3"
    url = f"sqlite:///{db}"
    build_s = records = 0.0
    if not db.exists():
        _, build_s = build(url, a.plans, a.seed)
        records = add_progress(open_database(url), 0.3, a.seed)
    engine = open_database(url)
    with engine.connect() as conn:
        n_plans = conn.scalar(select(func.count(m.Plan.id)).where(m.Plan.is_current.is_(True)))
        n_records = conn.scalar(select(func.count(m.ProgressRecord.id)))
        places = conn.execute(
            select(m.Locality.id, m.Locality.key).where(
                m.Locality.id.in_(select(m.Plan.locality_id).where(m.Plan.is_current.is_(True)))
            )
        ).all()
    rng = random.Random(a.seed)
    chosen = rng.sample(places, min(a.pages, len(places)))
    items = []
    for pid, _key in chosen[: a.pages]:
        b = board.board(engine, pid, TODAY)
        rows = [r.ref for p in (b.plans if b else []) for r in [*p.indicators, *p.tasks]]
        if rows:
            items.append(f"/p/{pid}/{rng.choice(rows)}")
    engine.dispose()
    names = ["Đông Thọ", "dong tho", "Hàm Rồng", "Lạc Hồng", "xa an binh", "Phú"]
    paths = {
        "/ (places, page 1)": ["/"] * 20,
        "/?q= (search)": [f"/?q={n}" for n in names] * 4,
        "/p/<place>": [f"/p/{pid}" for pid, _ in chosen],
        "/p/<place>/<item>": items,
        "/api/p/<place> (JSON)": [f"/api/p/{pid}" for pid, _ in chosen[:50]],
        "/p/<place>/du-lieu.csv": [f"/p/{pid}/du-lieu.csv" for pid, _ in chosen[:50]],
    }
    pages = asyncio.run(measure(url, paths))
    base = baseline(url, [key for _, key in chosen])
    result = {
        "plans": n_plans,
        "progress_records": n_records,
        "build_s": round(build_s, 1),
        "records_added": records,
        "pages": pages,
        "baseline_build_report": base,
    }
    _print(result)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "web.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"written {out.relative_to(ROOT)}")
    return result


def _print(r: dict) -> None:  # type: ignore[type-arg]
    print(f"Web board: {r['plans']} current plans, {r['progress_records']} progress records")
    head = ("pages", "median ms", "p95 ms", "max ms", "cpu med", "median KB", "max KB")
    print(f"{'':28} " + " ".join(f"{h:>9}" for h in head))
    for kind, s in [*r["pages"].items(), ("baseline: /baocao rows", r["baseline_build_report"])]:
        cells = ("pages", "median_ms", "p95_ms", "max_ms", "cpu_median_ms", "median_kb", "max_kb")
        print(f"{kind:28} " + " ".join(f"{s.get(c, ''):>9}" for c in cells))


if __name__ == "__main__":
    main()
