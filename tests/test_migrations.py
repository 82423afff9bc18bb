"""The Alembic migrations build exactly the schema the models describe."""

from datetime import UTC, date, datetime
from pathlib import Path

from alembic import command
from sqlalchemy import inspect, select, text

from storage import models as m
from storage.answers import AnswerEngine
from storage.cycle_models import OutboxMessage
from storage.db import alembic_config, make_engine, migrate, session_factory
from storage.ingest import ingest_paths


def test_migrations_create_every_table(engine) -> None:
    import storage.all_models  # noqa: F401
    from storage.models import Base

    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_models_and_migrations_agree(engine) -> None:
    with engine.begin() as conn:
        cfg = alembic_config(engine)
        cfg.attributes["connection"] = conn
        command.check(cfg)  # raises when autogenerate would produce a new migration


# ------------------------------------------------------------------ 0008: plan identity

OLD_KEY = "tinh bac ninh:2026-2030"  # before 0008 a plan was known by its place and period


def _to_0007_with_old_keys(engine, tmp_path: Path) -> dict[str, int]:
    """A database as 0007 left it: KH 144 (and its corrected text) 'superseded' KH 141
    because the three shared the key of their place and period."""
    from tests.test_plan_identity import KH141, KH144, _add_progress, _write

    _write(tmp_path / "a", "kh141.txt", KH141)
    _write(tmp_path / "b", "kh144.txt", KH144.format(share="30", deadline="Quý IV/2027"))
    _write(tmp_path / "c", "kh144-sua.txt", KH144.format(share="35", deadline="Quý II/2027"))
    ingest_paths(engine, [tmp_path / "a"])
    _add_progress(engine, "boi duong nghiep vu", "đã mở 2 lớp")
    ingest_paths(engine, [tmp_path / "b"])
    _add_progress(engine, "nen tang du lieu so", "đã xong khảo sát")
    ingest_paths(engine, [tmp_path / "c"])
    with engine.begin() as conn:
        cfg = alembic_config(engine)
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007_search_labels")
    with engine.begin() as conn:
        ids = [r[0] for r in conn.execute(text("SELECT id FROM plans ORDER BY id"))]
        for n, pid in enumerate(ids, 1):
            conn.execute(
                text("UPDATE plans SET plan_key = :k, version = :v, is_current = :c WHERE id = :id"),
                {"k": OLD_KEY, "v": n, "c": pid == ids[-1], "id": pid},
            )
        conn.execute(text("UPDATE progress_records SET plan_key = :k"), {"k": OLD_KEY})
        task_key = conn.execute(
            text("SELECT item_key FROM tasks WHERE plan_id = :p AND name LIKE :n"),
            {"p": ids[-1], "n": "Xây dựng nền tảng%"},
        ).scalar_one()
        # a record whose version's item is gone: it follows the item under the old key
        conn.execute(
            text(
                "INSERT INTO progress_records (plan_key, item_kind, item_key, item_name, value_text,"
                " source, reported_by, reported_at) VALUES (:k, 'task', :i, 'Xây dựng nền tảng',"
                " 'đã chọn nhà thầu', 'cli', 'cli', :at)"
            ),
            {"k": OLD_KEY, "i": task_key, "at": datetime(2026, 3, 1, tzinfo=UTC)},
        )
        conn.execute(
            text(
                "INSERT INTO outbox (dedup_key, chat_id, kind, item, period, text, status, attempts,"
                " planned_for) VALUES (:d, 602, 'due_nudge', 'x', '2027-06-23', 'x', 'sent', 1, :day)"
            ),
            {"d": f"602|due_nudge|{OLD_KEY}:{task_key}|2027-06-23", "day": date(2027, 6, 23)},
        )
    return {"kh141": ids[0], "kh144": ids[1], "kh144_fixed": ids[2]}


def test_0008_rekeys_an_existing_database_with_progress_kept(db_url: str, tmp_path: Path) -> None:
    engine = make_engine(db_url)
    migrate(engine)
    ids = _to_0007_with_old_keys(engine, tmp_path)
    migrate(engine)  # 0007 -> 0008
    with session_factory(engine)() as s:
        plans = {p.id: p for p in s.scalars(select(m.Plan))}
        kh141, kh144, fixed = plans[ids["kh141"]], plans[ids["kh144"]], plans[ids["kh144_fixed"]]
        assert (kh141.is_current, kh144.is_current, fixed.is_current) == (True, False, True)
        assert (kh141.version, kh144.version, fixed.version) == (1, 1, 2)
        assert kh144.plan_key == fixed.plan_key != kh141.plan_key
        progress = {r.value_text: r.plan_key for r in s.scalars(select(m.ProgressRecord))}
        assert progress == {
            "đã mở 2 lớp": kh141.plan_key,
            "đã xong khảo sát": fixed.plan_key,
            "đã chọn nhà thầu": fixed.plan_key,
        }
        [dedup] = s.scalars(select(OutboxMessage.dedup_key)).all()
        assert dedup.startswith(f"602|due_nudge|{fixed.plan_key}:")
    qa = AnswerEngine(engine)
    assert "Quý IV/2026" in qa.ask("bồi dưỡng nghiệp vụ soạn thảo văn bản khi nào xong", "tỉnh Bắc Ninh").text
    assert "đã mở 2 lớp" in qa.ask("tiến độ bồi dưỡng nghiệp vụ soạn thảo văn bản", "tỉnh Bắc Ninh").text
    # the keys the migration wrote are those ingest computes: a further corrected text supersedes
    from tests.test_plan_identity import KH144, _write

    _write(tmp_path / "d", "kh144-sua2.txt", KH144.format(share="36", deadline="Quý II/2027"))
    [again] = ingest_paths(engine, [tmp_path / "d"])
    assert again.status == "superseded" and "bản 3" in again.message
    engine.dispose()
