"""The real development corpus (tests/data/real, official documents nobody here wrote):
every plan accepted under its own place, every regulation refused with a message saying
what it is, no traceback, and the extraction scores against the gold written blind (read
from the documents alone, before the extractor ran on them) held at what the code reaches.

Scored with the shared scorer's own `score_doc`. Measured 2026-12-06 over the first 13
plans with gold: ind-f1 0.862, target 0.982, resp 1.000, task-f1 0.898, due 0.909 (before
the outline reader: ind-f1 0.515, task-f1 0.071, 8 of 20 plans refused, 7 without a place).
Four more plans got their gold later, blind to the rules made on the first 13: over all 17,
ind-f1 0.655, target 0.915, resp 1.000, task-f1 0.903, due 0.745 — their targets in yearly
appendix tables and repeated statements are what the reader missed most. With one-cell-
per-line tables read at their full width (merged header cells, measured sub-rows, a measure
per year): ind-f1 0.884, target 0.994, resp 1.000, task-f1 0.903, due 0.764. The last three
plans got their gold after those rules, blind to them (a 3-year budget plan of 156 table
rows, a digital-economy plan of 291 tasks, an aquaculture monitoring plan): over all 20,
ind-f1 0.899, target 0.880, resp 1.000, task-f1 0.908, due 0.832 — the budget plan's target
column was what it missed most. With two merged header cells each over their run of labels,
the current year's column as context, unit headings broken over two lines and an item's own
horizon as its deadline: ind-f1 0.900, target 0.986, resp 1.000, task-f1 0.909, due 0.916.
With tasks written as blocks of labelled items read as records ('a) Nhiệm vụ: …', 'b) Cơ quan
thực hiện: …', 'c) Thời gian thực hiện: …') and a document number on its own line no longer
taken for a heading: task-f1 0.919, due 0.936 (the rest unchanged)."""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import pytest

from bot.cli import main
from knowledge.text import fold
from tests.test_heldout_eval import _f1, _ratio, judge, score_doc

REAL = Path(__file__).parent / "data" / "real"
BARS = {"ind_f1": 0.88, "target": 0.96, "resp": 0.95, "task_f1": 0.89, "due": 0.89}


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, dict[str, dict]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('real') / 'real.sqlite3'}"
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        main(["ingest", str(REAL / "plans"), str(REAL / "not_plans"), "--db", url])
    exported = io.StringIO()
    with contextlib.redirect_stdout(exported):
        assert main(["export", "--format", "json", "--db", url]) == 0
    plans = {Path(p["source"]).stem: p for p in json.loads(exported.getvalue())["plans"]}
    return out.getvalue(), err.getvalue(), plans


def test_every_plan_is_accepted_under_a_known_place(ingested: tuple[str, str, dict[str, dict]]) -> None:
    _, _, plans = ingested
    stems = {p.stem for p in (REAL / "plans").glob("*.md")}
    assert set(plans) == stems
    for stem, plan in plans.items():
        assert plan["locality"] and plan["locality"] != "?", stem
    for gold_file in (REAL / "gold").glob("*.json"):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        assert plans[gold_file.stem]["locality"] == gold["plan"]["locality"], gold_file.stem


def test_regulations_are_refused_saying_what_they_are(ingested: tuple[str, str, dict[str, dict]]) -> None:
    _, err, plans = ingested
    for doc in (REAL / "not_plans").glob("*.md"):
        assert doc.stem not in plans
        [line] = [ln for ln in err.splitlines() if ln.startswith(doc.name)]
        assert "không phải kế hoạch" in line and ("quy chế" in line or "quy định" in line), line


def test_no_traceback(ingested: tuple[str, str, dict[str, dict]]) -> None:
    out, err, _ = ingested
    assert "Traceback" not in out + err


def test_scores_against_the_blind_gold(ingested: tuple[str, str, dict[str, dict]]) -> None:
    _, _, plans = ingested
    tot: dict[str, int] = {}
    golds = sorted((REAL / "gold").glob("*.json"))
    assert len(golds) >= 12
    for gold_file in golds:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        for key, value in score_doc(gold, plans.get(gold_file.stem) or {}).items():
            if isinstance(value, int):
                tot[key] = tot.get(key, 0) + value
    assert _f1(tot["match_ind"], tot["gold_ind"], tot["pred_ind"]) >= BARS["ind_f1"]
    assert _ratio(tot["target_ok"], tot["match_ind"]) >= BARS["target"]
    assert _ratio(tot["resp_ok"], tot["resp_n"]) >= BARS["resp"]
    assert _f1(tot["match_task"], tot["gold_task"], tot["pred_task"]) >= BARS["task_f1"]
    assert _ratio(tot["due_ok"], tot["due_n"]) >= BARS["due"]


def test_plans_with_five_lead_clauses_give_five_tasks(ingested: tuple[str, str, dict[str, dict]]) -> None:
    _, _, plans = ingested
    for doc in (REAL / "plans").glob("*.md"):
        if doc.read_text(encoding="utf-8").lower().count("chủ trì") >= 5:
            assert len(plans[doc.stem]["tasks"]) >= 5, doc.stem


def test_tasks_written_as_labelled_records_take_the_records_fields(
    ingested: tuple[str, str, dict[str, dict]],
) -> None:
    """Plans that write their tasks as blocks of labelled items ('a) Nhiệm vụ: …', 'b) Cơ quan
    thực hiện:' / '- Đơn vị chủ trì: …', 'c) Thời gian thực hiện: …'): every task whose time
    the gold took from such a block is found with the lead unit and due date the gold gives."""
    from score_extract import greedy_match, party_ok, task_key  # on the path test_heldout_eval set

    _, _, plans = ingested
    checked = 0
    for doc in sorted((REAL / "plans").glob("*.md")):
        text = " ".join(doc.read_text(encoding="utf-8").replace("*", "").split())
        gold_file = REAL / "gold" / f"{doc.stem}.json"
        if len(_UNIT_FIELD.findall(text)) < 3 or not gold_file.exists():
            continue
        times = {fold(t) for t in _TIME_FIELD.findall(text)}
        gold = json.loads(gold_file.read_text(encoding="utf-8"))["tasks"]
        gold = [t for t in gold if t["responsible"] and fold(t["deadline_text"]) in times]
        found = plans[doc.stem]["tasks"]
        matched = greedy_match(gold, found, task_key, 75)
        assert len(matched) == len(gold), doc.stem
        for g, p in matched.items():
            assert party_ok(gold[g]["responsible"], found[p]["responsible"]), (doc.stem, gold[g]["name"][:60])
            assert found[p]["due_date"] == gold[g]["due_date"], (doc.stem, gold[g]["name"][:60])
            checked += 1
    assert checked >= 15


_UNIT_FIELD = re.compile(r"(?:Cơ quan|Đơn vị) (?:chủ trì|thực hiện):")
_TIME_FIELD = re.compile(r"Thời gian thực hiện: ([^.;]+)")


def test_questions_written_blind_about_the_real_plans(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """140 questions in residents' phrasing, written from the documents before the bot
    answered any (tests/data/real/questions.json). Measured 2026-12-06: 73/140 at first
    run; 97/140 once a place's several plans are told apart by number and title words
    and 'kế hoạch … về việc gì' asks about the document; 113/140 once every sentence and
    table row is a passage that answers can quote; 130/140 once a plan's title counts for
    its items, a fact told over two sentences is read whole, an item lacking the fact asked
    gives way to the sentence holding it, and two weights were refit (bench/refit.py;
    acceptance target 0.90). A second set (questions_blind2.json, 120 questions written
    later by someone who never ran the engine, used only as a check): 88/120 → 102/120.
    Third session: 135/140, 107/120, and a third blind set (questions_blind3.json, 120, written
    without running anything) 91/120 at its first run → 110/120 — questions about what a
    section holds, a plan's own time, where a report goes, a plan's number and its annexes
    as references, quotes kept around the question's words, tasks written as labelled
    records (blind2 and blind3 misses guided these rules; each has a test on an invented
    document). Fourth session: a fourth blind set (questions_blind4.json, 120, written without
    running anything; three figures' expected forms corrected to the plan's own '08 điểm')
    95/120 at its first run; the bar holds it against regressions."""
    url = f"sqlite:///{tmp_path_factory.mktemp('qa') / 'qa.sqlite3'}"
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        main(["ingest", *sorted(str(p) for p in (REAL / "plans").iterdir()), "--db", url])
    items = json.loads((REAL / "questions.json").read_text(encoding="utf-8"))
    assert len(items) >= 100
    assert _ask_all_plain(url, items) >= 0.93
    blind = json.loads((REAL / "questions_blind2.json").read_text(encoding="utf-8"))
    assert len(blind) >= 100
    assert _ask_all_plain(url, blind) >= 0.87
    third = json.loads((REAL / "questions_blind3.json").read_text(encoding="utf-8"))
    assert len(third) >= 100
    assert _ask_all_plain(url, third) >= 0.89
    fourth = json.loads((REAL / "questions_blind4.json").read_text(encoding="utf-8"))
    assert len(fourth) >= 100
    assert _ask_all_plain(url, fourth) >= 0.77


def _ask_all_plain(url: str, items: list[dict]) -> float:

    lines = "".join(
        json.dumps({"q": it["q"], "locality": it.get("locality")}, ensure_ascii=False) + "\n" for it in items
    )
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("sys.stdin", io.StringIO(lines))
        with contextlib.redirect_stdout(out):
            assert main(["ask", "--json", "--db", url]) == 0
    answers = [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]
    assert len(answers) == len(items)
    return sum(judge(it, a.get("answer", "")) for it, a in zip(items, answers, strict=True)) / len(items)
