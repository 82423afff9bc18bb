"""National-scale benchmark through the real command line: `planbot ingest` on 3,321 synthesised
plan documents, then batches of questions through `planbot ask --json`, start-up included.

1. bench.synth_docs writes N documents (default 3,321, one per commune-level unit) whose
   answers are known from the hand-checked gold annotations of the samples.
2. `planbot ingest FOLDER --db URL` runs in a child process: total and per-plan time (each
   summary line is time-stamped as it arrives), peak memory of the child (wait4 ru_maxrss);
   any refused file or a non-zero exit is an error.
3. `planbot ask --json` answers batches of questions (JSON lines on stdin) in fresh child
   processes: milliseconds per question INCLUDING process start-up, and accuracy.
4. A plain baseline in the same run and the same way (a child process per batch): load every
   item name of the database and answer with rapidfuzz `process.extractOne`.

    python -m bench.ingest [--plans N] [--db URL] [--batch 200] [--batches 3]
    scripts/pg-test-server.sh sh -c '.venv/bin/python -m bench.ingest --db "$PLANBOT_TEST_DATABASE_URL"'

Results: a short table on stdout and bench/results/ingest-<backend>.json."""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from bench import synth_docs

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
COUNTRY = synth_docs.COUNTRY


# ---------------------------------------------------------------- child processes


def _planbot() -> list[str]:
    exe = Path(sys.executable).parent / "planbot"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "bot.cli"]


class _HighWater(threading.Thread):
    """Peak resident memory (VmHWM) of a child, read from /proc while it runs."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kb = pid, 0
        self.stop = threading.Event()

    def run(self) -> None:
        path = Path(f"/proc/{self.pid}/status")
        while True:
            try:
                for line in path.read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        self.peak_kb = max(self.peak_kb, int(line.split()[1]))
            except (OSError, ValueError, IndexError):
                pass
            if self.stop.wait(0.05):
                return


def _run_child(cmd: list[str], stdin_text: str | None, on_line=None) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Run a child; time-stamp stdout lines as they come; peak RSS from wait4 (this child only)."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    with tempfile.TemporaryFile("w+", encoding="utf-8") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE if stdin_text is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=ROOT,
        )
        if stdin_text is not None:
            stdin = proc.stdin
            assert stdin is not None

            def feed() -> None:  # a thread, so a large batch never deadlocks against the answers
                stdin.write(stdin_text)
                stdin.close()

            threading.Thread(target=feed, daemon=True).start()
        lines: list[str] = []
        hwm = _HighWater(proc.pid)
        hwm.start()
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line.rstrip("\n"))
            if on_line:
                on_line(line, time.perf_counter() - t0)
        hwm.stop.set()
        hwm.join()
        _pid, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read()
    return {
        "rc": proc.returncode,
        "seconds": elapsed,
        "stdout": lines,
        "stderr": stderr,
        # VmHWM of the child's own program; wait4's ru_maxrss also counts this (forked) process
        "peak_mb": round((hwm.peak_kb or usage.ru_maxrss) / 1024, 1),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
    }


# ---------------------------------------------------------------- database


def _backend(url: str) -> str:
    return "postgresql" if url.startswith("postgres") else "sqlite"


def fresh_database(url: str) -> None:
    """An empty database: the SQLite file removed, or PostgreSQL's public schema recreated."""
    if _backend(url) == "sqlite":
        path = url.split(":///", 1)[1]
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(path + suffix).unlink(missing_ok=True)
        return
    from sqlalchemy import text

    from storage.db import make_engine

    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def count_rows(url: str) -> dict[str, int]:
    from sqlalchemy import func, select

    from storage import models as m
    from storage.db import make_engine
    from storage.passages import PassageRow

    engine = make_engine(url)
    with engine.connect() as conn:
        out = {
            name: int(conn.scalar(select(func.count()).select_from(table)) or 0)
            for name, table in (
                ("plans", m.Plan),
                ("indicators", m.Indicator),
                ("tasks", m.Task),
                ("parties", m.Party),
                ("passages", PassageRow),
            )
        }
    engine.dispose()
    return out


def _server_version(url: str) -> str:
    from sqlalchemy import text

    from storage.db import make_engine

    engine = make_engine(url)
    with engine.connect() as conn:
        sql = "select sqlite_version()" if _backend(url) == "sqlite" else "show server_version"
        version = str(conn.scalar(text(sql)))
    engine.dispose()
    return version


# ---------------------------------------------------------------- ingestion


class _Progress(threading.Thread):
    """Counts stored plans every few seconds while ingestion runs (each file is one
    transaction), so the rate at the start and at the end of the run can be compared."""

    def __init__(self, url: str, every: float = 3.0) -> None:
        super().__init__(daemon=True)
        self.url, self.every = url, every
        self.samples: list[tuple[float, int]] = []
        self.stop = threading.Event()

    def run(self) -> None:
        from sqlalchemy import func, select

        from storage import models as m
        from storage.db import make_engine

        engine = make_engine(self.url)
        t0 = time.perf_counter()
        while not self.stop.wait(self.every):
            try:
                with engine.connect() as conn:
                    n = int(conn.scalar(select(func.count()).select_from(m.Plan)) or 0)
                self.samples.append((time.perf_counter() - t0, n))
            except Exception:  # tables not created yet, or busy: try again later
                continue
        engine.dispose()


def _rate_ms(samples: list[tuple[float, int]], lo: float, hi: float, total: int) -> float | None:
    """ms per plan while the count went from lo*total to hi*total plans."""
    pts = [(t, n) for t, n in samples if lo * total <= n <= hi * total]
    if len(pts) < 2 or pts[-1][1] == pts[0][1]:
        return None
    return _ms((pts[-1][0] - pts[0][0]) / (pts[-1][1] - pts[0][1]))


def _ingest_shards(url: str, folder: Path, docs: list[synth_docs.SynthDoc], jobs: int) -> dict[str, Any]:
    """`jobs` concurrent `planbot ingest` processes on disjoint shares of the documents, into one
    database (the schema created first, so the processes never race to migrate it)."""
    _run_child([*_planbot(), "stats", "--db", url], None)
    shards = [[str(folder / d.file) for d in docs[i::jobs]] for i in range(jobs)]
    results: list[dict[str, Any]] = [{} for _ in shards]

    def one(i: int) -> None:
        results[i] = _run_child([*_planbot(), "ingest", "--json", *shards[i], "--db", url], None)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=one, args=(i,)) for i in range(jobs)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return {
        "rc": max(r["rc"] for r in results),
        "seconds": time.perf_counter() - t0,
        "stdout": [x for r in results for x in r["stdout"]],
        "stderr": "".join(r["stderr"] for r in results),
        "peak_mb": max(r["peak_mb"] for r in results),
        "cpu_s": round(sum(r["cpu_s"] for r in results), 3),
    }


def run_ingest(url: str, folder: Path, docs: list[synth_docs.SynthDoc], jobs: int = 1) -> dict[str, Any]:
    progress = _Progress(url)
    progress.start()
    if jobs > 1:
        res = _ingest_shards(url, folder, docs, jobs)
    else:
        res = _run_child([*_planbot(), "ingest", "--json", str(folder), "--db", url], None)
    progress.stop.set()
    progress.join()
    rows = [json.loads(x) for x in res["stdout"] if x.startswith("{")]
    refused = [r["message"] for r in rows if r["status"] == "refused"]
    added = sum(1 for r in rows if r["status"] == "added")
    n = len(docs)
    ok = res["rc"] == 0 and not refused and added == n
    errors = refused[:20] + ([f"exit code {res['rc']}"] if res["rc"] else [])
    if not ok and not errors:
        errors = [f"{added} of {n} documents added"]
        errors += [x for x in res["stderr"].splitlines() if x.strip()][-5:]
    return {
        "ok": ok,
        "documents": n,
        "added": added,
        "refused": len(refused),
        "errors": errors,
        "total_s": round(res["seconds"], 1),
        "ms_per_plan": round(1000 * res["seconds"] / max(1, n), 1),
        "ms_per_plan_first_10pct": _rate_ms(progress.samples, 0.0, 0.1, n),
        "ms_per_plan_last_10pct": _rate_ms(progress.samples, 0.9, 1.0, n),
        "progress": [(round(t, 1), c) for t, c in progress.samples][:: max(1, len(progress.samples) // 60)],
        "cpu_ms_per_plan": round(1000 * res["cpu_s"] / max(1, n), 1),
        "processes": jobs,
        "peak_mb": res["peak_mb"],
        "cpu_s": res["cpu_s"],
    }


def _ms(seconds: float) -> float:
    return round(1000 * seconds, 1)


def _pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]


# ---------------------------------------------------------------- questions


def make_questions(docs: list[synth_docs.SynthDoc], n: int, rng: random.Random) -> list[Any]:
    """n questions with known answers, phrased as bench.qa phrases them (place in the question
    or chosen beforehand, without diacritics, typos, abbreviations, 'who is responsible')."""
    from bench.plans import plan_from_json
    from bench.qa import questions_for

    out: list[Any] = []
    pool = [d for d in docs if d.indicators]
    while len(out) < n and pool:
        d = rng.choice(pool)
        plan = plan_from_json(
            {
                "plan": {"locality": d.locality, "period_start": d.period_start, "period_end": d.period_end},
                "indicators": d.indicators,
            }
        )
        out += questions_for(plan, rng, 1)
    return out[:n]


def mixed_questions(url: str, docs: list[synth_docs.SynthDoc], n: int, rng: random.Random) -> list[Any]:
    """A batch as bench.qa mixes it: three in four about an indicator, one in six that only a
    sentence of the plan answers (a figure no indicator or task states, asked with the
    sentence's subject words), the rest about what no plan speaks of ('not found', which
    walks the most passages); in shuffled order."""
    from bench.plans import plan_from_json
    from bench.qa import not_found_questions, passage_questions

    n_passage, n_none = n // 6, n // 12
    qs = make_questions(docs, n - n_passage - n_none, rng)
    qs += passage_questions(url, n_passage, rng)
    places = [plan_from_json({"plan": {"locality": d.locality}, "indicators": []}) for d in docs]
    qs += not_found_questions(places, n_none, rng)
    rng.shuffle(qs)
    return qs


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def _values(text: str) -> set[float]:
    """Every figure in a text as a number; '1.200' and '1,2' read both ways when ambiguous."""
    out: set[float] = set()
    for tok in _FIGURE.findall(text):
        for cand in (tok.replace(".", "").replace(",", "."), tok.replace(",", "")):
            try:
                out.add(round(float(cand), 6))
            except ValueError:
                continue
    return out


def _correct(reply: dict[str, Any], q: Any) -> bool:
    """A figure is right when the answer states the same number (however printed: '03' = '3',
    '0,40' = '0,4'); a responsible party when the answer names it; a question no plan answers
    when no item is asserted and nothing quoted (bench.qa.is_right)."""
    from bench.qa import _contains, is_right

    answer = reply.get("answer")
    if q.kind == "not_found":
        return is_right(q, answer, len(reply.get("matches") or []), bool(reply.get("quoted")))
    if _contains(answer, q.expect):
        return True
    if q.field != "target" or not answer:
        return False
    stated = re.split(r"Nguồn:", answer)[0]  # not the source's line and document numbers
    return bool(_values(q.expect) & _values(stated))


def run_batch(cmd: list[str], qs: list[Any]) -> dict[str, Any]:
    lines = "".join(json.dumps({"q": q.q, "locality": q.locality}, ensure_ascii=False) + "\n" for q in qs)
    res = _run_child(cmd, lines)
    answers = []
    for x in res["stdout"]:
        try:
            answers.append(json.loads(x))
        except json.JSONDecodeError:
            answers.append({})
    verdicts = [_correct(a, q) for a, q in zip(answers, qs, strict=False)]
    ok = sum(verdicts)
    wrong = [
        {"q": q.q, "locality": q.locality, "expect": q.expect, "answer": (a.get("answer") or "")[:200]}
        for a, q, v in zip(answers, qs, verdicts, strict=False)
        if not v
    ]
    kinds: dict[str, list[bool]] = {}
    for q, v in zip(qs, verdicts, strict=False):
        kinds.setdefault(q.kind, []).append(v)
    return {
        "questions": len(qs),
        "answered": len(answers),
        "accuracy_by_kind": {k: round(sum(v) / len(v), 3) for k, v in sorted(kinds.items())},
        "rc": res["rc"],
        "total_s": round(res["seconds"], 2),
        "ms_per_question": round(1000 * res["seconds"] / max(1, len(qs)), 1),
        "accuracy": round(ok / max(1, len(qs)), 3),
        "peak_mb": res["peak_mb"],
        "cpu_ms_per_question": round(1000 * res["cpu_s"] / max(1, len(qs)), 1),
        "correct": ok,
        "wrong_examples": wrong[:8],
        "error": res["stderr"].strip().splitlines()[-1] if res["rc"] and res["stderr"].strip() else None,
    }


def _startup(url: str) -> float:
    """Seconds for `planbot ask --json` on an empty stdin: start-up and opening the database."""
    return _run_child([*_planbot(), "ask", "--json", "--db", url], "")["seconds"]


def baseline_worker(url: str) -> int:
    """The plain baseline, run as its own process: every item name (with its place) loaded,
    each question answered with the best rapidfuzz match; answers as JSON lines."""
    from rapidfuzz import fuzz, process
    from sqlalchemy import select

    from knowledge.text import fold
    from storage import models as m
    from storage.db import make_engine

    engine = make_engine(url)
    with engine.connect() as conn:
        rows = list(
            conn.execute(
                select(
                    m.Indicator.name,
                    m.Indicator.target_text,
                    m.Indicator.responsible_text,
                    m.Plan.locality_name,
                )
                .join(m.Plan, m.Plan.id == m.Indicator.plan_id)
                .where(m.Plan.is_current.is_(True))
            )
        )
        rows += list(
            conn.execute(
                select(m.Task.name, m.Task.deadline_text, m.Task.responsible_text, m.Plan.locality_name)
                .join(m.Plan, m.Plan.id == m.Task.plan_id)
                .where(m.Plan.is_current.is_(True))
            )
        )
    choices = [f"{fold(r[0])} {fold(r[3])}" for r in rows]
    for line in sys.stdin:
        if not line.strip():
            continue
        item = json.loads(line)
        query = fold(f"{item.get('q') or ''} {item.get('locality') or ''}")
        best = process.extractOne(query, choices, scorer=fuzz.WRatio, processor=None)
        text = ""
        if best:
            r = rows[best[2]]
            text = f"{r[0]} ({r[3]}): {r[1] or ''}. Phụ trách: {r[2] or ''}"
        sys.stdout.write(json.dumps({"q": item.get("q"), "answer": text}, ensure_ascii=False) + "\n")
    return 0


# ---------------------------------------------------------------- run


def _machine() -> dict[str, Any]:
    def sh(cmd: str) -> str:
        try:
            return subprocess.run(cmd, shell=True, capture_output=True, text=True, check=False).stdout.strip()
        except OSError:
            return ""

    return {
        "nproc": os.cpu_count(),
        "cpu": sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip(),
        "memory": sh("free -h | awk '/Mem:/ {print $2}'"),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def run(
    plans: int = COUNTRY,
    db: str | None = None,
    batch: int = 200,
    batches: int = 3,
    seed: int = 11,
    workdir: Path | None = None,
    baseline: bool = True,
    ask_only: bool = False,
    jobs: int = 1,
) -> dict[str, Any]:
    workdir = workdir or Path(tempfile.mkdtemp(prefix="planbot-bench-ingest-"))
    docs_dir = workdir / "docs"
    url = db or f"sqlite:///{workdir / 'national.sqlite3'}"
    backend = _backend(url)
    load_start = os.getloadavg()

    t = time.perf_counter()
    # --ask-only: the documents and the database of an earlier run, questions only
    docs = synth_docs.load_manifest(docs_dir) if ask_only else synth_docs.synthesise(docs_dir, plans, seed)
    synth_s = time.perf_counter() - t
    layouts: dict[str, int] = {}
    for d in docs:
        for lay in d.layout:
            layouts[lay] = layouts.get(lay, 0) + 1

    ingest: dict[str, Any] = {"ok": None, "skipped": "ask only"}
    if not ask_only:
        fresh_database(url)
        print(f"[{backend}] ingesting {len(docs)} documents from {docs_dir} ...", flush=True)
        ingest = run_ingest(url, docs_dir, docs, jobs)
    load_after_ingest = os.getloadavg()
    rows = count_rows(url)

    rng = random.Random(seed)
    startup_s = [_startup(url) for _ in range(3)]
    ask_cmd = [*_planbot(), "ask", "--json", "--db", url]
    base_cmd = [sys.executable, "-m", "bench.ingest", "--baseline-worker", "--db", url]
    engine_runs, base_runs = [], []
    for _ in range(batches):
        qs = mixed_questions(url, docs, batch, rng)
        engine_runs.append(run_batch(ask_cmd, qs))
        if baseline:
            base_runs.append(run_batch(base_cmd, qs))
    result = {
        "benchmark": "national ingest + ask --json batches",
        "backend": backend,
        "server_version": _server_version(url),
        "plans": len(docs),
        "layouts": layouts,
        "synthesis_s": round(synth_s, 1),
        "rows": rows,
        "ingest": ingest,
        "ask_startup_ms": [_ms(x) for x in startup_s],
        "ask_batches": engine_runs,
        "ask_ms_per_question": _mean(engine_runs, "ms_per_question"),
        "ask_cpu_ms_per_question": _mean(engine_runs, "cpu_ms_per_question"),
        "ask_accuracy": _pooled_accuracy(engine_runs),
        "baseline_batches": base_runs,
        "baseline_ms_per_question": _mean(base_runs, "ms_per_question") if base_runs else None,
        "baseline_cpu_ms_per_question": _mean(base_runs, "cpu_ms_per_question") if base_runs else None,
        "baseline_accuracy": _pooled_accuracy(base_runs) if base_runs else None,
        "acceptance": {
            "ingest_without_error": ingest["ok"],
            "ask_le_50ms_per_question": all(r["ms_per_question"] <= 50 and r["rc"] == 0 for r in engine_runs),
        },
        "machine": _machine(),
        "load_average": {
            "start": [round(x, 2) for x in load_start],
            "after_ingest": [round(x, 2) for x in load_after_ingest],
            "end": [round(x, 2) for x in os.getloadavg()],
        },
        "workdir": str(workdir),
    }
    return result


def _mean(runs: list[dict[str, Any]], key: str) -> float:
    return round(statistics.mean(r[key] for r in runs), 1) if runs else 0.0


def _pooled_accuracy(runs: list[dict[str, Any]]) -> float:
    n = sum(r["questions"] for r in runs)
    return round(sum(r["correct"] for r in runs) / max(1, n), 3)


def print_table(r: dict[str, Any]) -> None:
    i = r["ingest"]
    print(f"National benchmark on {r['backend']} {r['server_version']}: {r['plans']} plans, rows {r['rows']}")
    if i.get("skipped"):
        print(f"  ingest: skipped ({i['skipped']})")
    else:
        print(
            f"  ingest: {'OK' if i['ok'] else 'FAILED ' + '; '.join(i['errors'][:3])} — {i['total_s']} s total, "
            f"{i['ms_per_plan']} ms/plan (first 10% {i['ms_per_plan_first_10pct']}, last 10% "
            f"{i['ms_per_plan_last_10pct']}), CPU {i['cpu_ms_per_plan']} ms/plan, {i['processes']} process(es), "
            f"peak {i['peak_mb']} MB"
        )
    print(f"  ask start-up on an empty batch (ms): {r['ask_startup_ms']}")
    print(f"  {'':36} {'questions':>9} {'ms/question':>12} {'CPU ms/q':>9} {'accuracy':>9} {'peak MB':>8}")
    for label, runs in (
        ("planbot ask --json (incl. start-up)", r["ask_batches"]),
        ("baseline extractOne (incl. start-up)", r["baseline_batches"]),
    ):
        for b in runs:
            print(
                f"  {label:36} {b['questions']:>9} {b['ms_per_question']:>12} {b.get('cpu_ms_per_question', '')!s:>9} "
                f"{b['accuracy']:>9} {b['peak_mb']:>8}"
            )
    for b in r["ask_batches"]:
        print(f"  planbot ask --json accuracy by kind of question: {b.get('accuracy_by_kind')}")
    print(f"  acceptance: {r['acceptance']}; load average {r['load_average']}")


def main(argv: list[str] | None = None) -> dict[str, Any] | int:
    ap = argparse.ArgumentParser(prog="python -m bench.ingest", description=__doc__.splitlines()[0])
    ap.add_argument("--plans", type=int, default=COUNTRY)
    ap.add_argument(
        "--db", metavar="URL", help="database URL (default: a fresh SQLite file); it is EMPTIED first"
    )
    ap.add_argument("--batch", type=int, default=200, help="questions per `planbot ask --json` batch")
    ap.add_argument("--batches", type=int, default=3)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--workdir", type=Path, help="where the documents (and the SQLite file) go")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="concurrent `planbot ingest` processes (default 1: the whole folder)",
    )
    ap.add_argument("--ask-only", action="store_true", help="reuse --workdir's documents and database")
    ap.add_argument("--baseline-worker", action="store_true", help=argparse.SUPPRESS)
    a, _unknown = ap.parse_known_args(argv)  # `python -m bench` passes every module the same options
    if a.baseline_worker:
        return baseline_worker(a.db)
    result = run(a.plans, a.db, a.batch, a.batches, a.seed, a.workdir, not a.no_baseline, a.ask_only, a.jobs)
    print_table(result)
    RESULTS.mkdir(exist_ok=True)
    suffix = "-ask" if a.ask_only else ""
    out = RESULTS / f"ingest-{result['backend']}{suffix}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"written {out.relative_to(ROOT)}")
    return result


if __name__ == "__main__":
    rv = main()
    sys.exit(rv if isinstance(rv, int) else 0)
