"""Every command on a locked, a read-only and an unreachable database, as real
processes: a command that must write stops with one Vietnamese line and exit
status 3, never a traceback; a command that only reads still works on a
read-only database, and writes nothing to it.

Before: raw SQLAlchemy tracebacks from ingest, stats, users add and remind
--send, and even `ask` failed on a read-only file (the WAL pragma and the
migration ran on every open)."""

from __future__ import annotations

import asyncio
import hashlib
import os
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from storage import models as m
from storage.db import transaction
from storage.ingest import ingest_paths
from storage.users import add_user
from tests.conftest import SAMPLES
from tests.fakes.bot_api import FakeBotApi
from tests.fakes.harness import TEST_TOKEN

PLANBOT = str(Path(sys.executable).with_name("planbot"))
DONG_THO = next(
    p for p in sorted(SAMPLES.glob("*.txt")) if "Đông Thọ" in p.read_text(encoding="utf-8")[:3000]
)
LOCKED, READ_ONLY, UNREACHABLE = "bị một tiến trình khác khóa", "chỉ cho phép đọc", "không kết nối được"


def commands(db: str, tmp: Path) -> dict[str, tuple[list[str], bool]]:
    """name -> (arguments, whether the command writes)."""
    roster = tmp / "roster.csv"
    # a user not yet there: importing an unchanged roster writes nothing (and so meets no lock)
    roster.write_text("telegram_id,role,locality,party,subscribe\n2004,resident,Đông Thọ,,yes\n", "utf-8")
    return {
        "ingest": (["ingest", str(SAMPLES), "--db", db], True),
        "users add": (
            [
                "users",
                "add",
                "--telegram-id",
                "2003",
                "--role",
                "resident",
                "--locality",
                "Đông Thọ",
                "--db",
                db,
            ],
            True,
        ),
        "users import": (["users", "import", str(roster), "--db", db], True),
        "remind": (["remind", "--date", "2023-05-31", "--db", db], True),
        "remind --send": (["remind", "--date", "2023-05-31", "--send", "--db", db], True),
        "stats": (["stats", "--db", db], False),
        "export": (["export", "--db", db], False),
        "ask": (["ask", "tỷ lệ tham gia bảo hiểm y tế phường Đông Thọ", "--db", db], False),
        "chat": (["chat", "--db", db], False),
        "report": (
            [
                "report",
                "--locality",
                "Đông Thọ",
                "--format",
                "csv",
                "--out",
                str(tmp / "out" / "r.csv"),
                "--db",
                db,
            ],
            False,
        ),
        "remind --dry-run": (["remind", "--date", "2023-05-31", "--dry-run", "--db", db], False),
    }


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "PLANBOT_"))}
    env.update(
        TELEGRAM_BOT_TOKEN=TEST_TOKEN, TELEGRAM_API_BASE_URL="http://127.0.0.1:9", PLANBOT_DB_BUSY_TIMEOUT="1"
    )
    env.update(extra)
    return env


async def planbot(
    args: list[str], env: dict[str, str], cwd: Path, prefix: list[str] = ()
) -> tuple[int, str, str]:
    proc = await asyncio.create_subprocess_exec(
        *prefix,
        PLANBOT,
        *args,
        env=env,
        cwd=cwd,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(b"bao hiem y te\n"), 90)
    return proc.returncode or 0, out.decode(), err.decode()


def assert_one_line(name: str, rc: int, out: str, err: str, words: str) -> None:
    assert "Traceback" not in out + err, (name, err)
    lines = err.strip().splitlines()
    assert rc == 3 and len(lines) == 1, (name, rc, err)
    assert lines[0].startswith("planbot ") and words in lines[0], (name, err)


@pytest.fixture
def populated(engine, db_url) -> str:
    assert all(r.ok for r in ingest_paths(engine, [DONG_THO]))
    add_user(engine, 2002, "resident", "Đông Thọ", subscribe=True)  # the month's digest is planned for him
    with transaction(engine) as s:  # subscribed before that month, while the 2023 plan ran
        s.get(m.User, 2002).subscribed_at = datetime(2023, 1, 1, tzinfo=UTC)
    engine.dispose()  # the last connection checkpoints: no -wal or -shm left behind
    return db_url


def _on_postgres(url: str) -> bool:
    return url.startswith("postgresql")


async def test_unreachable_database_one_line_from_every_command(tmp_path) -> None:
    """A PostgreSQL server that is not there, and an SQLite path that cannot exist."""
    (tmp_path / "a-file").write_text("x")
    cases = [("postgresql+psycopg://planbot@127.0.0.1:1/planbot", None)]
    cases.append((f"sqlite:///{tmp_path}/a-file/db.sqlite3", {"ingest", "stats", "ask"}))
    for db, only in cases:
        for name, (args, _) in commands(db, tmp_path).items():
            if only is None or name in only:
                rc, out, err = await planbot(args, cli_env(), tmp_path)
                assert_one_line(name, rc, out, err, UNREACHABLE)
        rc, out, err = await planbot(["doctor", "--db", db], cli_env(), tmp_path)
        assert rc == 1 and "Traceback" not in out + err
        assert any(line.startswith("FAIL  database:") and UNREACHABLE in line for line in out.splitlines())
    async with FakeBotApi() as fake:  # `run` reaches the Bot API, then fails to open the database
        rc, out, err = await planbot(
            ["run", "--db", "postgresql+psycopg://planbot@127.0.0.1:1/planbot"],
            cli_env(TELEGRAM_API_BASE_URL=fake.url),
            tmp_path,
        )
    assert_one_line("run", rc, out, err, UNREACHABLE)


async def test_postgres_without_its_driver_names_the_extra_to_install(tmp_path) -> None:
    """psycopg is the [postgres] extra: a machine installed for SQLite has no driver."""
    blocker = tmp_path / "no-driver" / "psycopg"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text(
        'raise ModuleNotFoundError("No module named psycopg", name="psycopg")\n'
    )
    path = os.pathsep.join(p for p in (str(blocker.parent), os.environ.get("PYTHONPATH", "")) if p)
    db = "postgresql+psycopg://planbot@127.0.0.1:1/planbot"
    for args in (["stats", "--db", db], ["ask", "bảo hiểm y tế", "--db", db]):
        rc, out, err = await planbot(args, cli_env(PYTHONPATH=path), tmp_path)
        assert_one_line(args[0], rc, out, err, "pip install 'planbot[postgres]'")


@pytest.fixture
def lock(populated) -> Iterator[str]:
    """Another process's write lock: SQLite's (writers wait, WAL readers do not);
    on PostgreSQL an exclusive lock on every table (everybody waits)."""
    if _on_postgres(populated):
        eng = create_engine(populated)
        conn = eng.connect()
        tables = conn.scalars(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).all()
        conn.execute(text(f"LOCK TABLE {', '.join(tables)} IN ACCESS EXCLUSIVE MODE"))
        yield populated
        conn.rollback()
        conn.close()
        eng.dispose()
        return
    holder = sqlite3.connect(make_url(populated).database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    yield populated
    holder.rollback()
    holder.close()


async def test_locked_database_one_line_for_writers(lock, tmp_path) -> None:
    for name, (args, writes) in commands(lock, tmp_path).items():
        rc, out, err = await planbot(args, cli_env(), tmp_path)
        if writes or _on_postgres(lock):
            assert_one_line(name, rc, out, err, LOCKED)
        else:  # SQLite in WAL mode: reading goes on while another process writes
            assert rc == 0 and "Traceback" not in err, (name, err)


def _read_only_prefix() -> list[str]:
    """Root ignores file modes: drop the capabilities that let it (setpriv)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot make a file read-only for this test")
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search"]


@pytest.fixture
def read_only(populated, tmp_path) -> Iterator[tuple[str, list[str]]]:
    """SQLite: the file and its folder without write permission (and no -shm:
    no writer is running). PostgreSQL: a session in read-only mode."""
    if _on_postgres(populated):
        url = make_url(populated).update_query_dict({"options": "-c default_transaction_read_only=on"})
        yield url.render_as_string(hide_password=False), []
        return
    path = Path(make_url(populated).database)
    assert not path.with_name(path.name + "-shm").exists()
    path.chmod(0o444)
    path.parent.chmod(0o555)
    try:
        yield populated, _read_only_prefix()
    finally:
        path.parent.chmod(0o755)
        path.chmod(0o644)


def _fingerprint(url: str) -> tuple[str, list[str]] | None:
    if _on_postgres(url):
        return None
    path = Path(make_url(url).database)
    return hashlib.sha256(path.read_bytes()).hexdigest(), sorted(p.name for p in path.parent.iterdir())


async def test_read_only_database_serves_reads_and_refuses_writes(read_only, tmp_path) -> None:
    db, prefix = read_only
    work = tmp_path / "work"  # the commands' own folder (report output) stays writable
    work.mkdir()
    before = _fingerprint(db)
    outputs = {}
    for name, (args, writes) in commands(db, work).items():
        rc, out, err = await planbot(args, cli_env(), work, prefix)
        if writes:
            assert_one_line(name, rc, out, err, READ_ONLY)
        else:
            assert rc == 0 and "Traceback" not in err, (name, err)
            outputs[name] = out
    async with FakeBotApi() as fake:  # the bot stores every update: it refuses to start
        rc, out, err = await planbot(
            ["run", "--db", db], cli_env(TELEGRAM_API_BASE_URL=fake.url), work, prefix
        )
    assert_one_line("run", rc, out, err, READ_ONLY)
    assert "95" in outputs["ask"]  # the answer from the plan, read from the read-only file
    assert "Đông Thọ" in outputs["stats"]
    assert _fingerprint(db) == before  # not a byte written, no -wal/-shm created
