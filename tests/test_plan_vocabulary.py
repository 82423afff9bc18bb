"""A plan's passage vocabulary (storage/plan_vocabulary.py): written at ingest, given by the
migration to plans stored before it, read back by the passage loader instead of counting
every word, and ignored when it no longer matches the plan's passages. And a plan whose
passages are written after a question found none is searched at the next question."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from alembic import command
from sqlalchemy import Engine, delete, select, update

from storage import models as m
from storage.answers import AnswerEngine
from storage.db import alembic_config, migrate, transaction
from storage.ingest import ingest_file
from storage.passage_index import load_rows, passage_counts
from storage.passages import _ROWS_OF_PLANS, PassageRow, PassageSearch
from storage.plan_vocabulary import PassageVocabulary, vocabularies
from tests.test_passages import _write

SAMPLES = Path(__file__).resolve().parent.parent / "knowledge" / "samples"


def _rows(session, plan_ids: tuple[int, ...]) -> list:
    return [tuple(r) for r in session.execute(_ROWS_OF_PLANS, {"plans": list(plan_ids)})]


def _plan_ids(engine: Engine) -> list[int]:
    with transaction(engine) as session:
        return sorted(set(session.scalars(select(PassageRow.plan_id))))


def _counted_now(engine: Engine) -> dict[int, Counter[str]]:
    with transaction(engine) as session:
        out = {}
        for pid in _plan_ids(engine):
            rows = _rows(session, (pid,))
            out[pid] = passage_counts([r[2] for r in rows], [r[4] for r in rows])
        return out


def _stored(engine: Engine) -> dict[int, tuple[int, Counter[str]]]:
    with transaction(engine) as session:
        return vocabularies(session, tuple(_plan_ids(engine)))


def test_ingest_writes_the_counts_the_loader_would_make(engine: Engine) -> None:
    for path in sorted(SAMPLES.glob("*.txt"))[:2]:
        ingest_file(engine, path)
    counted, stored = _counted_now(engine), _stored(engine)
    assert len(counted) == 2 and set(stored) == set(counted)
    for pid, counts in counted.items():
        assert stored[pid][1] == counts
        assert stored[pid][0] == sum(1 for _ in _rows_of(engine, pid))
    key = tuple(counted)
    with transaction(engine) as session:  # two plans: the sum of their counts, the same statistics
        loaded, recounted = PassageSearch().load(session, key), load_rows(_rows(session, key))
    assert loaded.df == recounted.df
    assert loaded.stats.idf_of == recounted.stats.idf_of
    assert loaded.stats.vocab == recounted.stats.vocab
    with transaction(engine) as session:  # the plan takes its vocabulary along
        session.execute(delete(m.Plan).where(m.Plan.id == key[0]))
    with transaction(engine) as session:
        assert set(session.scalars(select(PassageVocabulary.plan_id))) == {key[1]}


def _rows_of(engine: Engine, pid: int) -> list:
    with transaction(engine) as session:
        return _rows(session, (pid,))


def test_the_loader_reads_the_stored_counts_and_recounts_when_passages_changed(engine: Engine) -> None:
    ingest_file(engine, sorted(SAMPLES.glob("*.txt"))[0])
    (pid,) = _plan_ids(engine)
    with transaction(engine) as session:  # a count only the stored vocabulary says
        session.execute(
            update(PassageVocabulary)
            .where(PassageVocabulary.plan_id == pid)
            .values(counts=json.dumps({"tu_chi_o_day": 3}))
        )
    with transaction(engine) as session:
        assert PassageSearch().load(session, (pid,)).df == Counter({"tu_chi_o_day": 3})
    with transaction(engine) as session:  # the passages are no longer those it was made from
        first = session.scalars(select(PassageRow.id).where(PassageRow.plan_id == pid).limit(1)).one()
        session.execute(delete(PassageRow).where(PassageRow.id == first))
    with transaction(engine) as session:
        rows = _rows(session, (pid,))
        loaded = PassageSearch().load(session, (pid,))
    assert loaded.df == passage_counts([r[2] for r in rows], [r[4] for r in rows])


def test_the_migration_counts_the_passages_of_plans_stored_before_it(engine: Engine) -> None:
    for path in sorted(SAMPLES.glob("*.txt"))[:2]:
        ingest_file(engine, path)
    with engine.begin() as conn:
        cfg = alembic_config(engine)
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0016_setup")
    migrate(engine)
    counted, stored = _counted_now(engine), _stored(engine)
    assert len(stored) == 2
    assert {pid: counts for pid, (_n, counts) in stored.items()} == counted
    assert stored[min(stored)][0] == len(_rows_of(engine, min(stored)))


def test_passages_written_after_a_question_found_none_are_searched(engine: Engine, tmp_path: Path) -> None:
    path = _write(tmp_path)
    ingest_file(engine, path)
    with transaction(engine) as session:  # as a plan stored before the passage index existed
        session.execute(delete(PassageRow))
        session.execute(delete(PassageVocabulary))
    asker = AnswerEngine(engine)  # a running bot: it keeps what it loaded between questions
    question = "trạm y tế mở mấy phòng khám ngoài giờ?"
    assert not asker.ask(question, locality="xã An Bình").quoted
    assert ingest_file(engine, path).status == "unchanged"  # fills in the passages, same plan id
    again = asker.ask(question, locality="xã An Bình")
    assert again.quoted and "«Trạm Y tế mở thêm 02 phòng khám ngoài giờ" in again.text
