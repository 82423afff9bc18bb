"""The item-kind registry (knowledge/item_kinds.py): every kind the database can store has
an entry, and each entry carries what differs by kind (its search priors, how close a
second item may come, its label, its storage reader, its wording, its export key)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from knowledge import item_kinds as ik
from knowledge.answer_text import items as wording
from knowledge.question import intent as qi
from storage import answer_facts, passage_index, search, search_docs
from storage import models as m
from storage.answers import AnswerEngine
from storage.db import session_factory
from storage.export import export_plans
from storage.ingest import ingest_paths

SAMPLES = Path(__file__).resolve().parent.parent / "knowledge" / "samples"


def test_every_kind_the_search_index_writes_has_an_entry() -> None:
    # a new `SearchDoc(kind=NEW, ...)` in storage/search_docs.py fails here until NEW has an entry
    written = set(re.findall(r"\bkind=([A-Z_]+)\b", inspect.getsource(search_docs)))
    assert len(written) >= 6
    assert {getattr(search, name) for name in written} == set(ik.SEARCHED)
    assert passage_index.PASSAGE in ik.KINDS


def test_every_kind_stored_in_the_samples_has_an_entry_a_reader_and_an_export_key(engine: Engine) -> None:
    stored = engine
    assert all(r.ok for r in ingest_paths(stored, sorted(SAMPLES.glob("*.txt"))))
    AnswerEngine(stored).ask("Tỷ lệ BHYT?")  # the engine builds the search index on first use
    with session_factory(stored)() as session:
        kinds = set(session.scalars(select(search.SearchDoc.kind).distinct()))
        progress_kinds = set(session.scalars(select(m.ProgressRecord.item_kind).distinct()))
        assert kinds == set(ik.SEARCHED)  # the samples hold every kind the search ranks
        assert progress_kinds <= set(ik.TRACKED)
        for kind in kinds:
            doc = session.scalars(select(search.SearchDoc).where(search.SearchDoc.kind == kind)).first()
            assert doc is not None
            plan = session.get(m.Plan, doc.plan_id)
            assert plan is not None
            facts = answer_facts.item_facts(session, kind, doc.item_id, plan)
            assert facts.kind == kind and facts.name
    # each kind's list in `planbot export` is under the key its entry names
    [plan, *_] = export_plans(stored)["plans"]
    for entry in ik.KINDS.values():
        if entry.export_key is not None:
            assert isinstance(plan[entry.export_key], list), entry.key
    # and every list of items the export holds is a kind's (the plan's conflicts are no items)
    exported = {e.export_key for e in ik.KINDS.values()} - {None}
    assert {k for k, v in plan.items() if isinstance(v, list)} - {"conflicts"} == exported


def test_readers_and_wording_cover_the_searched_kinds() -> None:
    assert set(answer_facts.READERS) == set(ik.SEARCHED)
    assert set(wording.OWN_WORDING) <= set(ik.KINDS)
    # a searched kind is worded in its own lines or, as an item of the plan's table, by what is asked
    assert all(k in wording.OWN_WORDING or ik.KINDS[k].tracked for k in ik.SEARCHED)


def test_priors_by_kind_and_question() -> None:
    assert ik.priors_for(qi.TARGET) == {
        "indicator": 6.0, "task": 0.0, "reporting": -12.0, "duty": -12.0, "milestone": -14.0, "progress": 1.0
    }  # fmt: skip
    assert ik.priors_for(qi.REPORTING)[ik.REPORTING] == 18.0
    assert ik.priors_for(qi.DEADLINE)[ik.TASK] == 6.0
    # a question with no priors of its own (a list, the overview) is weighed as one for a figure
    assert ik.priors_for(qi.TOPIC) == ik.priors_for(qi.TARGET)
    assert ik.PASSAGE not in ik.priors_for(qi.TARGET)  # passages are searched apart


def test_entries() -> None:
    assert ik.TRACKED == ("indicator", "task")
    assert ik.KINDS[ik.INDICATOR].label == "Chỉ tiêu" and ik.KINDS[ik.TASK].word == "nhiệm vụ"
    assert ik.close_margin(ik.REPORTING, 3.0) == 15.0 and ik.close_margin(ik.TASK, 3.0) == 3.0
    # a kind with no margin of its own takes the engine's (bench/refit.py tunes storage.answers.CLOSE)
    assert ik.close_margin(ik.INDICATOR, 7.0) == 7.0
    assert ik.FIGURE in ik.KINDS[ik.INDICATOR].answers and ik.FIGURE not in ik.KINDS[ik.DUTY].answers
    assert ik.REPORT_TO in ik.KINDS[ik.REPORTING].answers
    with pytest.raises(KeyError):
        ik.kind("chapter")
