"""QA benchmark at a country's scale.

Builds a fresh SQLite database of N plans (default 3,321, the number of
commune-level units after the 2025 reorganisation): the bundled sample plans
as they are, plus copies under new place names with perturbed figures, all
stored through the real ingest path (`store_plan`). Then it asks generated
questions with known answers (varied phrasings, with and without diacritics,
abbreviations, typos, the place in the question or chosen beforehand) and
reports time per question and accuracy of the engine next to a plain
baseline measured in the same run: rapidfuzz `process.extractOne` over every
item name (with its place's name appended, so the baseline can find the place).

    python -m bench.qa [--plans N] [--questions Q] [--baseline-questions B]"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process
from sqlalchemy import select

from knowledge import model as km
from knowledge.extract import extract_plan
from knowledge.readers import read_document
from knowledge.text import fold
from storage import models as m
from storage.answers import AnswerEngine
from storage.db import open_database, transaction
from storage.ingest import store_plan

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "knowledge" / "samples"
RESULTS = Path(__file__).resolve().parent / "results"
COUNTRY = 3321

_SYLLABLES = [
    "An",
    "Bình",
    "Cẩm",
    "Châu",
    "Đông",
    "Đức",
    "Giang",
    "Hà",
    "Hải",
    "Hòa",
    "Hồng",
    "Hưng",
    "Khánh",
    "Kim",
    "Lạc",
    "Lam",
    "Lâm",
    "Liên",
    "Long",
    "Minh",
    "Mỹ",
    "Nam",
    "Nghĩa",
    "Ngọc",
    "Nhân",
    "Phú",
    "Phúc",
    "Phước",
    "Quang",
    "Quế",
    "Sơn",
    "Tân",
    "Thạch",
    "Thái",
    "Thanh",
    "Thành",
    "Thiện",
    "Thịnh",
    "Thọ",
    "Thuận",
    "Thủy",
    "Tiến",
    "Trung",
    "Trường",
    "Tường",
    "Vân",
    "Việt",
    "Vinh",
    "Vĩnh",
    "Xuân",
    "Yên",
    "Đại",
    "Hợp",
    "Lợi",
    "Lộc",
    "Bảo",
    "Cát",
    "Dương",
    "Điền",
    "Gia",
    "Hiệp",
    "Quảng",
    "Định",
    "Hoằng",
    "Nga",
    "Triệu",
    "Diễn",
    "Kỳ",
    "Cao",
    "Khê",
    "Sầm",
    "Ninh",
    "Tuy",
    "Mai",
]
_DISTRICTS = ["Đông Sơn", "Yên Định", "Hoằng Hóa", "Nghi Lộc", "Đan Phượng", "Vũ Thư", "Gia Lâm", "Tiên Du"]
_PROVINCES = ["Thanh Hóa", "Nghệ An", "Hà Nội", "Hưng Yên", "Bắc Ninh", "Ninh Bình", "Phú Thọ", "Hải Phòng"]
_NUM = re.compile(r"\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass
class Question:
    q: str
    locality: str | None
    expect: str
    field: str  # 'target' | 'responsible'
    style: str


# ---------------------------------------------------------------- synthesis


def _load_samples() -> list[tuple[km.Document, km.ExtractedPlan]]:
    out = []
    for path in sorted(SAMPLES.glob("*")):
        if path.suffix.lower() in (".txt", ".md", ".docx", ".pdf"):
            doc = read_document(path)
            ex = extract_plan(doc)
            if ex.is_plan and ex.meta.locality:
                out.append((doc, ex))
    return out


def _place_names(n: int, taken: set[str], rng: random.Random) -> list[str]:
    """Unique names; two that fold alike ('Vinh Thọ', 'Vĩnh Thọ') are not both
    used, because plan keys are folded (storage.keys) and would collide."""
    names = [f"{a} {b}" for a in _SYLLABLES for b in _SYLLABLES if a != b]
    rng.shuffle(names)
    out, seen = [], set(taken)
    for x in names:
        if fold(x) not in seen:
            seen.add(fold(x))
            out.append(x)
    return out[:n]


def _perturb_number(text: str, rng: random.Random) -> str:
    if _YEAR.match(text):
        return text
    if "," in text:  # decimal comma
        whole, dec = text.split(",", 1)
        value = float(whole.replace(".", "") + "." + dec)
        out = f"{value * rng.choice((0.8, 0.85, 0.9, 1.1, 1.15, 1.2)):.{len(dec)}f}".replace(".", ",")
        return out if out != text else text + "1"
    if "." in text and len(text.rsplit(".", 1)[1]) == 3:  # thousands
        value = int(text.replace(".", ""))
        new = max(1, round(value * rng.choice((0.8, 0.9, 1.1, 1.2))))
        return f"{new:,}".replace(",", ".")
    if "." in text:
        whole, dec = text.split(".", 1)
        value = float(text)
        return f"{value * rng.choice((0.8, 0.9, 1.1, 1.2)):.{len(dec)}f}"
    value = int(text)
    new = value + rng.randint(1, 3) if value < 10 else round(value * rng.choice((0.8, 0.9, 1.1, 1.2)))
    return str(new).zfill(len(text)) if text.startswith("0") else str(new)


def _perturb(text: str | None, rng: random.Random) -> str | None:
    if not text:
        return text
    return _NUM.sub(lambda mt: _perturb_number(mt.group(0), rng), text)


def synthesise(ex: km.ExtractedPlan, bare: str, rng: random.Random) -> km.ExtractedPlan:
    """A copy of a plan under a new place name, every figure perturbed."""
    new = copy.deepcopy(ex)
    old_bare = _bare(ex.meta.locality or "")
    typ = (ex.meta.locality or "xã").split()[0] if ex.meta.locality else "xã"
    new.meta.locality = f"{typ} {bare}"
    new.meta.parent = f"huyện {rng.choice(_DISTRICTS)}"
    new.meta.province = rng.choice(_PROVINCES)
    if new.meta.title and old_bare:
        new.meta.title = new.meta.title.replace(old_bare, bare)
    new.meta.doc_number = f"{rng.randint(1, 300)}/KH-UBND"
    for ind in new.indicators:
        ind.target_text = _perturb(ind.target_text, rng)
        ind.other_targets = []  # the perturbed plan keeps one value per indicator
    new.conflicts = []
    new.progress = []
    return new


def _bare(locality: str) -> str:
    words = locality.split()
    lead = 2 if fold(" ".join(words[:2])) in ("thi tran", "thanh pho", "thi xa") else 1
    return " ".join(words[lead:])


def build(db_url: str, n_plans: int, seed: int) -> tuple[list[km.ExtractedPlan], float]:
    """Store the samples and N-len(samples) synthesised plans; returns the plans and seconds."""
    rng = random.Random(seed)
    samples = _load_samples()
    engine = open_database(db_url)
    plans = [ex for _doc, ex in samples]
    taken = {fold(_bare(ex.meta.locality or "")) for ex in plans}
    t0 = time.perf_counter()
    with transaction(engine) as session:
        for doc, ex in samples:
            store_plan(session, doc, ex)
    names = _place_names(max(0, n_plans - len(samples)), taken, rng)
    chunk = 200
    for start in range(0, len(names), chunk):
        with transaction(engine) as session:
            for i, bare in enumerate(names[start : start + chunk], start):
                doc, ex = samples[i % len(samples)]
                new = synthesise(ex, bare, rng)
                digest = hashlib.sha256(f"{seed}:{i}:{bare}".encode()).hexdigest()
                store_plan(session, km.Document(source=f"synth_{i:05d}.txt", content_hash=digest), new)
                plans.append(new)
    engine.dispose()
    return plans, time.perf_counter() - t0


# ---------------------------------------------------------------- questions


_ABBR = {
    "bảo hiểm y tế": "BHYT",
    "bảo hiểm xã hội": "BHXH",
    "an toàn thực phẩm": "ATTP",
    "an ninh trật tự": "ANTT",
}


def _typo(text: str, rng: random.Random) -> str:
    words = text.split()
    long = [i for i, w in enumerate(words) if len(w) >= 5]
    if not long:
        return text
    i = rng.choice(long)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(words)


def _answerable(plan: km.ExtractedPlan) -> list[km.Indicator]:
    """Indicators with a figure whose name is unique in the plan."""
    counts: dict[str, int] = {}
    for ind in plan.indicators:
        counts[fold(ind.name)] = counts.get(fold(ind.name), 0) + 1
    out = []
    for ind in plan.indicators:
        nums = [x for x in _NUM.findall(ind.target_text or "") if not _YEAR.match(x)]
        if nums and counts[fold(ind.name)] == 1 and len(ind.name.split()) >= 3:
            out.append(ind)
    return out


def questions_for(plan: km.ExtractedPlan, rng: random.Random, k: int) -> list[Question]:
    loc = plan.meta.locality or ""
    bare = _bare(loc)
    year = plan.meta.period_end or plan.meta.period_start
    pool = _answerable(plan)
    out = []
    for ind in rng.sample(pool, min(k, len(pool))):
        expect = next(x for x in _NUM.findall(ind.target_text or "") if not _YEAR.match(x))
        name = ind.name.rstrip(" .:;")
        lower = name[0].lower() + name[1:]
        style = rng.choice(("in_q", "folded", "year", "polite", "typo", "abbr", "who"))
        if style == "who" and ind.responsible:
            out.append(
                Question(f"Ai phụ trách chỉ tiêu {lower}?", loc, ind.responsible, "responsible", style)
            )
            continue
        if style == "abbr" and any(k in lower.lower() for k in _ABBR):
            q = lower
            for long, short in _ABBR.items():
                q = re.sub(long, short, q, flags=re.IGNORECASE)
            out.append(Question(f"{q} năm {year}?", loc, expect, "target", style))
            continue
        if style == "folded":
            out.append(Question(f"{fold(name)} {fold(bare)}", None, expect, "target", style))
        elif style == "year":
            out.append(Question(f"{name} năm {year}?", loc, expect, "target", style))
        elif style == "polite":
            out.append(Question(f"Cho em hỏi {lower} đạt bao nhiêu ạ?", loc, expect, "target", style))
        elif style == "typo":
            out.append(Question(_typo(fold(name), rng), loc, expect, "target", style))
        else:
            out.append(Question(f"{name} của {loc} là bao nhiêu?", None, expect, "target", "in_q"))
    return out


def _contains(haystack: str | None, needle: str) -> bool:
    return f" {fold(needle)} " in f" {fold(haystack)} "


# ---------------------------------------------------------------- measuring


def run_engine(db_url: str, qs: list[Question]) -> dict[str, object]:
    engine = AnswerEngine(open_database(db_url))
    engine.ask("khởi động", None)  # loads the list of places once, as a running bot has
    times, cpu, ok, misses = [], [], 0, []
    for q in qs:
        t, c = time.perf_counter(), time.thread_time()
        ans = engine.ask(q.q, q.locality)
        times.append(time.perf_counter() - t)
        cpu.append(time.thread_time() - c)
        good = _contains(ans.text, q.expect)
        ok += good
        if not good and len(misses) < 20:
            misses.append({"q": q.q, "locality": q.locality, "expect": q.expect, "got": ans.text[:200]})
    out: dict[str, object] = dict(_summary(times, ok, len(qs), cpu))
    out["misses"] = misses
    return out


def run_baseline(db_url: str, qs: list[Question]) -> dict[str, float]:
    """rapidfuzz extractOne over every item name (plus its place) of the database."""
    eng = open_database(db_url)
    t0 = time.perf_counter()
    with transaction(eng) as session:
        rows = session.execute(
            select(
                m.Indicator.name, m.Indicator.target_text, m.Indicator.responsible_text, m.Plan.locality_name
            )
            .join(m.Plan, m.Plan.id == m.Indicator.plan_id)
            .where(m.Plan.is_current.is_(True))
        ).all()
        rows += session.execute(
            select(m.Task.name, m.Task.deadline_text, m.Task.responsible_text, m.Plan.locality_name)
            .join(m.Plan, m.Plan.id == m.Task.plan_id)
            .where(m.Plan.is_current.is_(True))
        ).all()
    choices = [f"{fold(r[0])} {fold(r[3])}" for r in rows]
    load_s = time.perf_counter() - t0
    times, cpu, ok = [], [], 0
    for q in qs:
        t, c = time.perf_counter(), time.thread_time()
        query = fold(f"{q.q} {q.locality or ''}")
        best = process.extractOne(query, choices, scorer=fuzz.WRatio, processor=None)
        times.append(time.perf_counter() - t)
        cpu.append(time.thread_time() - c)
        if best:
            row = rows[best[2]]
            ok += _contains(row[1] if q.field == "target" else row[2], q.expect)
    out = _summary(times, ok, len(qs), cpu)
    out["items"] = len(choices)
    out["load_s"] = round(load_s, 2)
    return out


def run_cli_batch(db_url: str, qs: list[Question]) -> dict[str, float]:
    """`planbot ask --json` on a batch: seconds per question including process start-up."""
    lines = "".join(json.dumps({"q": q.q, "locality": q.locality}, ensure_ascii=False) + "\n" for q in qs)
    exe = Path(sys.executable).parent / "planbot"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "bot.cli"]
    t = time.perf_counter()
    subprocess.run([*cmd, "ask", "--json", "--db", db_url], input="", capture_output=True, check=False)
    startup = time.perf_counter() - t
    t = time.perf_counter()
    proc = subprocess.run(
        [*cmd, "ask", "--json", "--db", db_url], input=lines, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - t
    answers = [json.loads(x) for x in proc.stdout.splitlines() if x.strip()]
    ok = sum(_contains(a.get("answer"), q.expect) for a, q in zip(answers, qs, strict=False))
    return {
        "questions": len(qs),
        "answered": len(answers),
        "total_s": round(elapsed, 2),
        "startup_s": round(startup, 2),
        "ms_per_question": round(1000 * elapsed / max(1, len(qs)), 1),
        "accuracy": round(ok / max(1, len(qs)), 3),
    }


def _p95(values: list[float]) -> float:
    vs = sorted(values) or [0.0]
    return vs[min(len(vs) - 1, int(0.95 * len(vs)))]


def _summary(times: list[float], ok: int, n: int, cpu: list[float]) -> dict[str, float]:
    """Wall-clock figures, and CPU-time ones (the machine may be shared)."""
    return {
        "questions": n,
        "median_ms": round(1000 * statistics.median(times or [0.0]), 2),
        "p95_ms": round(1000 * _p95(times), 2),
        "cpu_median_ms": round(1000 * statistics.median(cpu or [0.0]), 2),
        "cpu_p95_ms": round(1000 * _p95(cpu), 2),
        "accuracy": round(ok / max(1, n), 3),
    }


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> dict[str, object]:
    ap = argparse.ArgumentParser(prog="python -m bench.qa", description=__doc__.splitlines()[0])
    ap.add_argument("--plans", type=int, default=COUNTRY)
    ap.add_argument("--questions", type=int, default=600)
    ap.add_argument("--baseline-questions", type=int, default=150)
    ap.add_argument("--cli-questions", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", metavar="DIR", help="keep the databases in DIR")
    a = ap.parse_args(argv)
    rng = random.Random(a.seed)
    workdir = Path(a.keep or tempfile.mkdtemp(prefix="planbot-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    small_url = f"sqlite:///{workdir / 'small.sqlite3'}"
    big_url = f"sqlite:///{workdir / 'big.sqlite3'}"
    for url in (small_url, big_url):
        path = url.removeprefix("sqlite:///")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)

    samples, _ = build(small_url, 0, a.seed)
    small_qs = [q for plan in samples for q in questions_for(plan, random.Random(a.seed), 12)]
    plans, build_s = build(big_url, a.plans, a.seed)
    synth = plans[len(samples) :] or plans
    per_plan = max(1, a.questions // 60)
    big_qs = list(small_qs)
    while len(big_qs) < len(small_qs) + a.questions:
        big_qs += questions_for(rng.choice(synth), rng, per_plan)
    big_qs = big_qs[: len(small_qs) + a.questions]

    small = run_engine(small_url, small_qs)
    big_same = run_engine(big_url, small_qs)  # the very same questions, now among every plan
    big = run_engine(big_url, big_qs)
    base_qs = rng.sample(big_qs, min(a.baseline_questions, len(big_qs)))
    engine_on_base = run_engine(big_url, base_qs)
    baseline = run_baseline(big_url, base_qs)
    cli = run_cli_batch(big_url, rng.sample(big_qs, min(a.cli_questions, len(big_qs))))
    with transaction(open_database(big_url)) as session:
        n_items = (session.scalar(select(m.Indicator.id).order_by(m.Indicator.id.desc()).limit(1)) or 0) + (
            session.scalar(select(m.Task.id).order_by(m.Task.id.desc()).limit(1)) or 0
        )
    by_style: dict[str, list[int]] = {}
    engine = AnswerEngine(open_database(big_url))
    for q in big_qs:
        by_style.setdefault(q.style, []).append(_contains(engine.ask(q.q, q.locality).text, q.expect))
    result = {
        "plans": len(plans),
        "items": n_items,
        "build_s": round(build_s, 1),
        "small_db": small,
        "big_db_same_questions": big_same,
        "big_db": big,
        "big_db_on_baseline_questions": engine_on_base,
        "baseline_extractOne": baseline,
        "speedup_median": round(baseline["median_ms"] / max(0.01, engine_on_base["median_ms"]), 1),
        "speedup_cpu_median": round(
            baseline["cpu_median_ms"] / max(0.01, engine_on_base["cpu_median_ms"]), 1
        ),
        "cli_batch": cli,
        "accuracy_by_style": {k: round(sum(v) / len(v), 3) for k, v in sorted(by_style.items())},
    }
    _print(result)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "qa.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"written {out.relative_to(ROOT)}")
    return result


def _print(r: dict) -> None:
    print(f"QA benchmark: {r['plans']} plans, ~{r['items']} items, built in {r['build_s']} s")
    print(
        f"{'':38} {'questions':>9} {'median ms':>10} {'p95 ms':>8} {'cpu med':>8} {'cpu p95':>8} {'accuracy':>9}"
    )
    for label, key in (
        ("engine, small database (samples)", "small_db"),
        ("engine, country db, same questions", "big_db_same_questions"),
        ("engine, country database", "big_db"),
        ("engine, baseline's questions", "big_db_on_baseline_questions"),
        ("baseline extractOne, same questions", "baseline_extractOne"),
    ):
        s = r[key]
        print(
            f"{label:38} {s['questions']:>9} {s['median_ms']:>10} {s['p95_ms']:>8} "
            f"{s['cpu_median_ms']:>8} {s['cpu_p95_ms']:>8} {s['accuracy']:>9}"
        )
    c = r["cli_batch"]
    print(
        f"planbot ask --json batch: {c['questions']} questions in {c['total_s']} s = "
        f"{c['ms_per_question']} ms/question incl. start-up ({c['startup_s']} s of it), accuracy {c['accuracy']}"
    )
    print(f"speed-up over the baseline (median): {r['speedup_median']}x wall, {r['speedup_cpu_median']}x CPU")
    print("accuracy by phrasing: " + ", ".join(f"{k} {v}" for k, v in r["accuracy_by_style"].items()))


if __name__ == "__main__":
    main()
