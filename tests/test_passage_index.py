"""The passage index's loading (storage/passage_index.py `load_rows`) gives the statistics and
postings `PlanIndex.build` gives over every passage, so speeding up a place's first
question changes no answer; and the QA benchmark's country database (bench/qa.py) holds
the passages of every synthesised plan, with questions only a passage answers."""

from __future__ import annotations

import itertools
import math
import random
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from bench import qa
from storage import models as m
from storage.answers import AnswerEngine
from storage.db import open_database, transaction
from storage.ingest import ingest_file
from storage.passage_index import PASSAGE, load_rows
from storage.passages import PassageRow, PassageSearch
from storage.search import Doc, PlanIndex

SAMPLES = Path(__file__).resolve().parent.parent / "knowledge" / "samples"


def _reference(
    rows: list[tuple[int, int, str, str, str, str, str, str]],
) -> tuple[PlanIndex, dict[str, list[int]]]:
    """What loading did before: a Doc per passage, `PlanIndex.build`, postings over every word."""
    docs = [
        Doc(
            id=pid,
            plan_id=plan_id,
            kind=PASSAGE,
            item_id=pid,
            title_set=frozenset(words.split()),
            acc_text=acc,
            context_set=frozenset(context.split()),
            parties="",
            title_text=words,
            context_text=context,
            accented=acc != words,
        )
        for pid, plan_id, words, acc, context, _location, _heading, _text in rows
    ]
    index = PlanIndex.build(docs)
    postings: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        for t in d.title_set | d.context_set:
            postings.setdefault(t, []).append(i)
    return index, postings


def test_loading_gives_the_statistics_and_postings_of_a_full_index(engine: Engine) -> None:
    for path in sorted(SAMPLES.glob("*.txt"))[:3]:
        ingest_file(engine, path)
    with transaction(engine) as session:
        rows = [
            (r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7])
            for r in session.execute(
                select(
                    PassageRow.id,
                    PassageRow.plan_id,
                    PassageRow.words,
                    PassageRow.words_acc,
                    PassageRow.context,
                    PassageRow.location,
                    PassageRow.heading,
                    PassageRow.text,
                ).order_by(PassageRow.plan_id, PassageRow.seq)
            )
        ]
    assert len(rows) > 300
    ref, ref_postings = _reference(rows)
    got = load_rows(rows)
    assert got.stats.idf_of == ref.idf_of
    assert got.stats.vocab == ref.vocab
    assert got.stats.unknown_idf == ref.unknown_idf
    # the IDF of the words as written, counted on use (by both), is each word's share of
    # the passages whose words hold it
    df_acc = Counter(itertools.chain.from_iterable(set(r[3].split()) for r in rows))
    for word in [*df_acc, "không_có", "hồ", "hộ"]:
        assert (word in got.stats.idf_acc) == (word in df_acc) == (word in ref.idf_acc), word
        if word in df_acc:
            expected = math.log(1.0 + (len(rows) + 1) / (1 + df_acc[word]))
            assert got.stats.idf_acc[word] == ref.idf_acc[word] == expected, word
    titles = {i: frozenset(r[2].split()) for i, r in enumerate(rows)}
    for word, positions in ref_postings.items():
        assert got.posting(word) == [(i, word in titles[i]) for i in positions], word
    assert got.posting("khong_co_tu_nay") == []
    for i in (0, len(rows) // 2, len(rows) - 1):
        ref_doc, doc = ref.docs[i], got.doc(i)
        assert (doc.id, doc.title_set, doc.context_set, doc.acc_text, doc.accented) == (
            ref_doc.id,
            ref_doc.title_set,
            ref_doc.context_set,
            ref_doc.acc_text,
            ref_doc.accented,
        )
        assert math.isclose(doc.weight, ref_doc.weight)


def test_a_passage_search_finds_a_word_in_the_last_passage_and_in_a_heading(engine: Engine) -> None:
    for path in sorted(SAMPLES.glob("*.txt"))[:1]:
        ingest_file(engine, path)
    with transaction(engine) as session:
        last = session.scalars(select(PassageRow).order_by(PassageRow.id.desc()).limit(1)).one()
        rows = [
            (r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7])
            for r in session.execute(
                select(
                    PassageRow.id,
                    PassageRow.plan_id,
                    PassageRow.words,
                    PassageRow.words_acc,
                    PassageRow.context,
                    PassageRow.location,
                    PassageRow.heading,
                    PassageRow.text,
                ).order_by(PassageRow.plan_id, PassageRow.seq)
            )
        ]
        loaded = PassageSearch().load(session, (last.plan_id,))
    # the scan for a word must not run past the end of the text nor stop at the first passage
    last_word = last.words.split()[-1]
    assert (len(rows) - 1, True) in loaded.posting(last_word)
    heading_only = next((w for i, r in enumerate(rows) for w in r[4].split() if w not in r[2].split()), None)
    assert heading_only is not None
    assert any(not own for _i, own in loaded.posting(heading_only))


@pytest.mark.slow
def test_the_country_benchmark_database_holds_passages_for_every_plan(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'big.sqlite3'}"
    plans, _ = qa.build(url, 9, seed=7)
    cov = qa.passage_coverage(url)
    assert cov["current_plans"] == 9 and cov["plans_with_passages"] == 9
    # the synthesised plans quote their own place and figures, not the sample's
    engine = open_database(url)
    with transaction(engine) as session:
        synth = session.scalars(select(m.Plan).where(m.Plan.source.like("synth_%"))).first()
        assert synth is not None
        texts = " ".join(session.scalars(select(PassageRow.text).where(PassageRow.plan_id == synth.id)))
        assert qa._bare(synth.locality_name or "") in texts
    rng = random.Random(1)
    questions = qa.passage_questions(url, 6, rng)
    assert len(questions) == 6 and all(q.kind == "passage" for q in questions)
    with_passages, items_only = AnswerEngine(engine), AnswerEngine(engine, passages=False)
    right = sum(qa.judge(q, with_passages.ask(q.q, q.locality)) for q in questions)
    # no item states the figure: without the passages the engine (nearly) never gives it
    assert sum(qa.judge(q, items_only.ask(q.q, q.locality)) for q in questions) <= 1 < right
    none = qa.not_found_questions(plans[5:], 4, rng)
    assert all(qa.judge(q, with_passages.ask(q.q, q.locality)) for q in none)
    engine.dispose()
