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
import dataclasses
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
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import func, select

from bench import synth_docs
from knowledge import model as km
from knowledge.extract import extract_plan
from knowledge.readers import read_document
from knowledge.text import fold
from storage import models as m
from storage.answers import Answer, AnswerEngine
from storage.db import open_database, transaction
from storage.ingest import store_plan
from storage.passages import PassageRow

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
    field: str  # 'target' | 'responsible' | 'passage' (a figure quoted) | 'none' (nothing to find)
    style: str
    kind: str = "item"  # 'item' (an indicator answers) | 'passage' (only a sentence does) | 'not_found'


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


def synthesise(
    doc: km.Document, ex: km.ExtractedPlan, bare: str, rng: random.Random
) -> tuple[km.Document, km.ExtractedPlan]:
    """A copy of a plan and of its document under a new place name, every free-standing
    figure perturbed with one mapping for the whole document (bench/synth_docs.py), so an
    indicator and the sentence that states it say the same figure, and the passages
    written from the document (storage/passages.py) quote the copy, not the sample."""
    new = copy.deepcopy(ex)
    old_bare = _bare(ex.meta.locality or "")
    typ = (ex.meta.locality or "xã").split()[0] if ex.meta.locality else "xã"
    mapping = synth_docs.number_mapping(doc.text, rng)

    def rewrite(text: str | None) -> str | None:
        if not text:
            return text
        text = synth_docs.replace_name(text, old_bare, bare) if old_bare else text
        return synth_docs.apply_numbers(text, mapping)

    new.meta.locality = f"{typ} {bare}"
    new.meta.parent = f"huyện {rng.choice(_DISTRICTS)}"
    new.meta.province = rng.choice(_PROVINCES)
    new.meta.title = rewrite(new.meta.title)
    new.meta.doc_number = f"{rng.randint(1, 300)}/KH-UBND"
    for ind in new.indicators:
        ind.name = rewrite(ind.name) or ind.name
        ind.target_text = rewrite(ind.target_text)
        ind.other_targets = []  # the perturbed plan keeps one value per indicator
    for task in new.tasks:
        task.name = rewrite(task.name) or task.name
        task.deadline_text = rewrite(task.deadline_text)
    new.conflicts = []
    new.progress = []
    blocks = [
        dataclasses.replace(
            b, text=rewrite(b.text) or "", rows=[[rewrite(c) or "" for c in row] for row in b.rows]
        )
        for b in doc.blocks
    ]
    return km.Document(source=doc.source, blocks=blocks), new


def _bare(locality: str) -> str:
    words = locality.split()
    lead = 2 if fold(" ".join(words[:2])) in ("thi tran", "thanh pho", "thi xa") else 1
    return " ".join(words[lead:])


def build(db_url: str, n_plans: int, seed: int, store: bool = True) -> tuple[list[km.ExtractedPlan], float]:
    """Store the samples and N-len(samples) synthesised plans with their documents (so each
    gets its passages); returns the plans and seconds. `store=False` only synthesises
    (the same plans, from the same seed) for a database built by an earlier run."""
    rng = random.Random(seed)
    samples = _load_samples()
    engine = open_database(db_url) if store else None
    plans = [ex for _doc, ex in samples]
    taken = {fold(_bare(ex.meta.locality or "")) for ex in plans}
    t0 = time.perf_counter()
    if engine is not None:
        with transaction(engine) as session:
            for doc, ex in samples:
                store_plan(session, doc, ex)
    names = _place_names(max(0, n_plans - len(samples)), taken, rng)
    chunk = 200
    for start in range(0, len(names), chunk):
        batch = []
        for i, bare in enumerate(names[start : start + chunk], start):
            doc, ex = samples[i % len(samples)]
            new_doc, new = synthesise(doc, ex, bare, rng)
            digest = hashlib.sha256(f"{seed}:{i}:{bare}".encode()).hexdigest()
            new_doc.source, new_doc.content_hash = f"synth_{i:05d}.txt", digest
            batch.append((new_doc, new))
            plans.append(new)
        if engine is not None:
            with transaction(engine) as session:
                for new_doc, new in batch:
                    store_plan(session, new_doc, new)
    if engine is not None:
        engine.dispose()
    return plans, time.perf_counter() - t0


def passage_coverage(db_url: str) -> dict[str, int]:
    """Current plans, how many of them have passages, and the passages' row count."""
    eng = open_database(db_url)
    with transaction(eng) as session:
        current = select(m.Plan.id).where(m.Plan.is_current.is_(True))
        plans = session.scalar(select(func.count()).select_from(current.subquery())) or 0
        with_passages = (
            session.scalar(
                select(func.count(func.distinct(PassageRow.plan_id))).where(PassageRow.plan_id.in_(current))
            )
            or 0
        )
        rows = session.scalar(select(func.count()).select_from(PassageRow)) or 0
    eng.dispose()
    return {"current_plans": plans, "plans_with_passages": with_passages, "passages": rows}


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


# Words that carry no subject: a resident's question keeps the others.
_FILLER = frozenset(
    [
        "của",
        "và",
        "các",
        "những",
        "được",
        "trong",
        "cho",
        "với",
        "là",
        "có",
        "theo",
        "tại",
        "đã",
        "đến",
        "từ",
        "về",
        "trên",
        "để",
        "nhằm",
        "một",
        "này",
        "đó",
        "khi",
        "thì",
        "mà",
        "như",
        "cùng",
        "bằng",
        "vào",
        "ra",
        "lên",
        "sẽ",
        "đang",
        "phải",
        "nên",
        "cần",
        "đạt",
        "còn",
    ]
)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_FIGURE = re.compile(r"(?<![\w/.,-])\d+(?:[.,]\d+)*(?![\w/])")
_PASSAGE_FORMS = (
    ("bare", "{kw} bao nhiêu?"),
    ("in_q", "{kw} ở {loc} là bao nhiêu"),
    ("folded", "{kw_folded} bao nhieu"),
    ("polite", "Cho em hỏi {kw} là bao nhiêu ạ?"),
    ("how_many", "kế hoạch nói {kw} mấy?"),
)
# Things residents ask that no plan of a commune speaks of: the engine must say it found
# nothing (or ask) rather than answer with an item; these scan every passage of the place.
NOT_FOUND_TOPICS = (
    "lịch tiêm phòng dại cho chó mèo",
    "giá vé xe buýt ra sân bay",
    "mức phạt vượt đèn đỏ xe máy",
    "đăng ký kết hôn với người nước ngoài cần giấy tờ gì",
    "quán phở nào ngon nhất",
    "lịch cắt điện tuần sau",
    "sửa đèn đường hỏng ở ngõ 5 gọi ai",
    "giá vàng hôm nay",
    "kết quả xổ số miền bắc",
    "thủ tục làm hộ chiếu online",
    "bao giờ có wifi miễn phí ở chợ",
    "học bơi cho trẻ em ở hồ bơi nào",
)


def _keywords(text: str, at: int, rng: random.Random) -> str:
    """A resident's version of a sentence: the 4 to 6 subject words just before its figure
    (at `at`; Vietnamese names the subject first: 'tỷ lệ hộ nghèo giảm còn 2,5%'), without
    filler words, with those after it when too few stand before."""
    words = [(mt.start(), mt.group(0).lower()) for mt in _WORD.finditer(text)]
    content = [(pos, w) for pos, w in words if len(w) > 1 and w not in _FILLER]
    k = rng.randint(4, 6)
    picked = [w for pos, w in content if pos < at][-k:]
    if len(picked) < 3:
        picked += [w for pos, w in content if pos > at][: k - len(picked)]
    return " ".join(picked)


def passage_questions(db_url: str, n: int, rng: random.Random) -> list[Question]:
    """n questions that only a sentence of a plan answers: a passage of a random current plan
    stating a figure that no indicator or task of that plan states (and no other passage of
    it either), asked with the sentence's subject words; right when the answer gives it."""
    eng = open_database(db_url)
    out: list[Question] = []
    with transaction(eng) as session:
        plans = list(
            session.execute(
                select(m.Plan.id, m.Plan.locality_name).where(m.Plan.is_current.is_(True)).order_by(m.Plan.id)
            ).all()
        )
        rng.shuffle(plans)
        for plan_id, loc in plans:
            if len(out) >= n:
                break
            q = _one_passage_question(session, plan_id, loc or "", rng)
            if q is not None:
                out.append(q)
    eng.dispose()
    return out


def _item_texts(session: Any, plan_id: int) -> str:
    """Every text the engine answers from besides the passages: indicators, tasks, reporting
    rules, duties, milestones and the progress rows printed in the plan."""
    plan_key = session.scalar(select(m.Plan.plan_key).where(m.Plan.id == plan_id))
    queries = (
        select(m.Indicator.name, m.Indicator.target_text, m.Indicator.note).where(
            m.Indicator.plan_id == plan_id
        ),
        select(m.Task.name, m.Task.solution, m.Task.deadline_text).where(m.Task.plan_id == plan_id),
        select(m.ReportingRule.text, m.ReportingRule.report_to).where(m.ReportingRule.plan_id == plan_id),
        select(m.UnitDuty.unit, m.UnitDuty.summary).where(m.UnitDuty.plan_id == plan_id),
        select(m.Milestone.text, m.Milestone.deadline_text).where(m.Milestone.plan_id == plan_id),
        select(m.ProgressRecord.item_name, m.ProgressRecord.value_text, m.ProgressRecord.note).where(
            m.ProgressRecord.plan_key == plan_key
        ),
    )
    return " ".join(t or "" for query in queries for row in session.execute(query) for t in row)


def _one_passage_question(session: Any, plan_id: int, loc: str, rng: random.Random) -> Question | None:
    in_items = set(_FIGURE.findall(_item_texts(session, plan_id)))
    texts = list(session.scalars(select(PassageRow.text).where(PassageRow.plan_id == plan_id)))
    seen: dict[str, int] = {}
    for t in texts:
        for f in set(_FIGURE.findall(t)):
            seen[f] = seen.get(f, 0) + 1
    cands = []
    for t in texts:
        if not 40 <= len(t) <= 300 or fold(_bare(loc)) in fold(t):
            continue
        for mt in _FIGURE.finditer(t):
            f = mt.group(0)
            if _YEAR.match(f) or len(re.sub(r"\D", "", f)) < 2 or f in in_items or seen.get(f) != 1:
                continue
            if mt.start() < 6 or t[mt.end() : mt.end() + 1] in (")", "/", "-"):  # '3.2. Về…', '(12)', '68-NQ'
                continue
            kw = _keywords(t, mt.start(), rng)
            if len(kw.split()) >= 3:
                cands.append((t, f, kw))
    if not cands:
        return None
    _text, figure, kw = rng.choice(cands)
    style, form = rng.choice(_PASSAGE_FORMS)
    q = form.format(kw=kw, kw_folded=fold(kw), loc=loc)
    return Question(q, None if style == "in_q" else loc, figure, "passage", style, kind="passage")


def not_found_questions(plans: list[km.ExtractedPlan], n: int, rng: random.Random) -> list[Question]:
    out = []
    for i in range(n):
        loc = rng.choice(plans).meta.locality or ""
        topic = NOT_FOUND_TOPICS[i % len(NOT_FOUND_TOPICS)]
        if rng.random() < 0.5:
            out.append(Question(f"{topic}?", loc, "", "none", "chosen", kind="not_found"))
        else:
            out.append(Question(f"{topic} ở {loc}", None, "", "none", "in_q", kind="not_found"))
    return out


def is_right(q: Question, text: str | None, matches: int, quoted: bool) -> bool:
    """An item or passage question: the answer states the expected figure or party. A question
    nothing answers: no item asserted and no passage quoted (saying 'not found' or asking
    'Có phải bạn hỏi…?' is right; a confident wrong answer is not)."""
    if q.kind == "not_found":
        return (not matches or "có phải bạn hỏi" in (text or "").lower()) and not quoted
    return _contains(text, q.expect)


def judge(q: Question, ans: Answer) -> bool:
    return is_right(q, ans.text, len(ans.matches), ans.quoted)


# ---------------------------------------------------------------- measuring


def run_engine(db_url: str, qs: list[Question], passages: bool = True) -> dict[str, Any]:
    engine = AnswerEngine(open_database(db_url), passages=passages)
    engine.ask("khởi động", None)  # loads the list of places once, as a running bot has
    times, cpu, ok = [], [], 0
    misses: list[dict[str, Any]] = []
    verdicts: list[bool] = []
    kinds: dict[str, tuple[list[float], list[float], list[bool]]] = {}
    for q in qs:
        t, c = time.perf_counter(), time.thread_time()
        ans = engine.ask(q.q, q.locality)
        times.append(time.perf_counter() - t)
        cpu.append(time.thread_time() - c)
        good = judge(q, ans)
        ok += good
        verdicts.append(good)
        k = kinds.setdefault(q.kind, ([], [], []))
        k[0].append(times[-1])
        k[1].append(cpu[-1])
        k[2].append(good)
        if not good and len(misses) < 30:
            misses.append(
                {"kind": q.kind, "q": q.q, "locality": q.locality, "expect": q.expect, "got": ans.text[:200]}
            )
    out: dict[str, Any] = dict(_summary(times, ok, len(qs), cpu))
    out["by_kind"] = {k: _summary(t, sum(g), len(g), c) for k, (t, c, g) in sorted(kinds.items())}
    out["misses"] = misses
    out["verdicts"] = verdicts
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


def run_cli_batch(db_url: str, qs: list[Question]) -> dict[str, Any]:
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
    verdicts = [
        is_right(q, a.get("answer"), len(a.get("matches") or []), bool(a.get("quoted")))
        for a, q in zip(answers, qs, strict=False)
    ]
    kinds: dict[str, list[bool]] = {}
    for q, v in zip(qs, verdicts, strict=False):
        kinds.setdefault(q.kind, []).append(v)
    return {
        "questions": len(qs),
        "answered": len(answers),
        "by_kind": {k: len(v) for k, v in sorted(kinds.items())},
        "total_s": round(elapsed, 2),
        "startup_s": round(startup, 2),
        "ms_per_question": round(1000 * elapsed / max(1, len(qs)), 1),
        "accuracy": round(sum(verdicts) / max(1, len(qs)), 3),
        "accuracy_by_kind": {k: round(sum(v) / len(v), 3) for k, v in sorted(kinds.items())},
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
    ap.add_argument("--passage-questions", type=int, default=200)
    ap.add_argument("--not-found-questions", type=int, default=60)
    ap.add_argument("--baseline-questions", type=int, default=150)
    ap.add_argument("--cli-questions", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", metavar="DIR", help="keep the databases in DIR")
    ap.add_argument(
        "--reuse",
        action="store_true",
        help="with --keep: ask again on DIR's country database when it holds --plans plans (same seed)",
    )
    a, _unknown = ap.parse_known_args(argv)  # `python -m bench` passes every module the same options
    rng = random.Random(a.seed)
    workdir = Path(a.keep or tempfile.mkdtemp(prefix="planbot-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    small_url = f"sqlite:///{workdir / 'small.sqlite3'}"
    big_url = f"sqlite:///{workdir / 'big.sqlite3'}"
    reuse = a.reuse and a.keep and _holds_plans(big_url, a.plans)
    for url in (small_url,) if reuse else (small_url, big_url):
        path = url.removeprefix("sqlite:///")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)

    samples, _ = build(small_url, 0, a.seed)
    small_qs = [q for plan in samples for q in questions_for(plan, random.Random(a.seed), 12)]
    plans, build_s = build(big_url, a.plans, a.seed, store=not reuse)
    coverage = passage_coverage(big_url)
    print(f"country database: {coverage} ({'reused' if reuse else f'built in {build_s:.0f} s'})", flush=True)
    synth = plans[len(samples) :] or plans
    per_plan = max(1, a.questions // 60)
    big_qs = list(small_qs)
    while len(big_qs) < len(small_qs) + a.questions:
        big_qs += questions_for(rng.choice(synth), rng, per_plan)
    big_qs = big_qs[: len(small_qs) + a.questions]
    mixed = (
        big_qs
        + passage_questions(big_url, a.passage_questions, rng)
        + not_found_questions(synth, a.not_found_questions, rng)
    )

    small = run_engine(small_url, small_qs)
    big_same = run_engine(big_url, small_qs)  # the very same questions, now among every plan
    big = run_engine(big_url, mixed)
    items_only = run_engine(big_url, mixed, passages=False)  # the same engine without the passage index
    base_qs = rng.sample(big_qs, min(a.baseline_questions, len(big_qs)))
    engine_on_base = run_engine(big_url, base_qs)
    baseline = run_baseline(big_url, base_qs)
    cli = run_cli_batch(big_url, rng.sample(mixed, min(a.cli_questions, len(mixed))))
    with transaction(open_database(big_url)) as session:
        n_items = (session.scalar(select(m.Indicator.id).order_by(m.Indicator.id.desc()).limit(1)) or 0) + (
            session.scalar(select(m.Task.id).order_by(m.Task.id.desc()).limit(1)) or 0
        )
    by_style: dict[str, list[bool]] = {}
    for q, good in zip(mixed, big.pop("verdicts"), strict=True):
        by_style.setdefault(f"{q.kind}/{q.style}", []).append(good)
    for r in (small, big_same, items_only, engine_on_base):
        r.pop("verdicts")
    result = {
        "plans": len(plans),
        "items": n_items,
        "build_s": round(build_s, 1) if not reuse else None,
        "passage_index": coverage,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "small_db": small,
        "big_db_same_questions": big_same,
        "big_db": big,
        "big_db_items_only": items_only,
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


def _holds_plans(url: str, n: int) -> bool:
    """A database of an earlier run with n current plans, each with its passages."""
    if not os.path.exists(url.removeprefix("sqlite:///")):
        return False
    try:
        cov = passage_coverage(url)
    except Exception:  # not a database of this schema: built afresh
        return False
    return cov["current_plans"] == n and cov["plans_with_passages"] == n


_ROW = "{:44} {:>9} {:>10} {:>8} {:>8} {:>8} {:>9}"


def _print(r: dict[str, Any]) -> None:
    built = f"built in {r['build_s']} s" if r["build_s"] is not None else "reused"
    print(f"QA benchmark: {r['plans']} plans, ~{r['items']} items, {built}; passages {r['passage_index']}")
    print(_ROW.format("", "questions", "median ms", "p95 ms", "cpu med", "cpu p95", "accuracy"))

    def row(label: str, s: dict[str, Any]) -> None:
        print(
            _ROW.format(
                label,
                s["questions"],
                s["median_ms"],
                s["p95_ms"],
                s["cpu_median_ms"],
                s["cpu_p95_ms"],
                s["accuracy"],
            )
        )

    for label, key in (
        ("engine, small database (samples)", "small_db"),
        ("engine, country db, same questions", "big_db_same_questions"),
        ("engine, country database, every kind", "big_db"),
        ("items only (no passages), every kind", "big_db_items_only"),
        ("engine, baseline's questions", "big_db_on_baseline_questions"),
        ("baseline extractOne, same questions", "baseline_extractOne"),
    ):
        row(label, r[key])
    for key, label in (("big_db", "engine"), ("big_db_items_only", "items only")):
        for kind, s in r[key]["by_kind"].items():
            row(f"  {label}: {kind} questions", s)
    c = r["cli_batch"]
    print(
        f"planbot ask --json batch: {c['questions']} questions {c['by_kind']} in {c['total_s']} s = "
        f"{c['ms_per_question']} ms/question incl. start-up ({c['startup_s']} s of it), "
        f"accuracy {c['accuracy']} {c['accuracy_by_kind']}"
    )
    print(f"speed-up over the baseline (median): {r['speedup_median']}x wall, {r['speedup_cpu_median']}x CPU")
    print("accuracy by phrasing: " + ", ".join(f"{k} {v}" for k, v in r["accuracy_by_style"].items()))
    print(f"load average at the end: {r['load_average']}")


if __name__ == "__main__":
    main()
