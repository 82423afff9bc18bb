"""Engine and session set-up, and schema migrations (Alembic) on start-up."""

from __future__ import annotations

import os
import sqlite3
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import CursorResult, Result, make_url
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:  # Alembic is imported only to migrate: a batch of questions never pays for it
    from alembic.config import Config

DEFAULT_DATABASE_URL = "sqlite:///data/planbot.sqlite3"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def database_url(explicit: str | None = None) -> str:
    """--db wins, then PLANBOT_DATABASE_URL, then the embedded SQLite default."""
    return explicit or os.environ.get("PLANBOT_DATABASE_URL") or DEFAULT_DATABASE_URL


DEFAULT_BUSY_TIMEOUT_S = 10.0


def busy_timeout_s() -> float:
    """How long a statement waits for another process's lock before giving up
    (SQLite busy timeout, PostgreSQL lock_timeout): PLANBOT_DB_BUSY_TIMEOUT seconds."""
    text = os.environ.get("PLANBOT_DB_BUSY_TIMEOUT", "").strip()
    try:
        value = float(text) if text else DEFAULT_BUSY_TIMEOUT_S
    except ValueError:
        return DEFAULT_BUSY_TIMEOUT_S
    return value if 0 < value <= 600 else DEFAULT_BUSY_TIMEOUT_S


def _sqlite_pragmas(busy_ms: int, read_only: bool):
    def on_connect(dbapi_conn, _record) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        if not read_only:  # both write the file: a read-only user must not even try
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute(f"PRAGMA busy_timeout={busy_ms}")
        cur.close()

    return on_connect


# Engines opened read-only because the SQLite file is not writable by this user.
_read_only_engines: weakref.WeakSet[Engine] = weakref.WeakSet()


def is_read_only(engine: Engine) -> bool:
    return engine in _read_only_engines


def _is_wal(path: Path) -> bool:
    """The file header says WAL (bytes 18-19 are 2 once journal_mode=WAL was set)."""
    try:
        with path.open("rb") as f:
            header = f.read(20)
    except OSError:
        return False
    return len(header) == 20 and header[18] == 2 and header[19] == 2


def _read_only_connector(path: Path, timeout: float):
    """Open a file this user may read but not write, without writing anything.

    A WAL database needs its -shm file; when it is absent (no writer is running)
    and cannot be created (the folder is not ours either), nobody can be writing,
    so the file is opened as immutable."""
    uri = path.resolve().as_uri() + "?mode=ro"
    shm = path.with_name(path.name + "-shm")
    if _is_wal(path) and not shm.exists() and not os.access(path.parent, os.W_OK):
        uri += "&immutable=1"

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)

    return connect


def make_engine(url: str | None = None) -> Engine:
    url = database_url(url)
    parsed = make_url(url)
    busy = busy_timeout_s()
    if parsed.get_backend_name() == "sqlite":
        db_path = parsed.database
        read_only = False
        kwargs: dict[str, Any] = {"connect_args": {"timeout": busy}}
        if db_path and db_path != ":memory:" and not parsed.query.get("uri"):
            path = Path(db_path)
            if path.exists():
                read_only = not os.access(path, os.W_OK)
            else:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise DatabaseFault("unreachable", f"{path.parent}: {exc.strerror or exc}") from exc
            if read_only:
                kwargs = {"creator": _read_only_connector(path, busy)}
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas(int(busy * 1000), read_only))
        if read_only:
            _read_only_engines.add(engine)
        return engine
    kwargs = {"pool_pre_ping": True}
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        # Without these a lock held elsewhere or a silent host makes a command wait forever.
        options = f"{parsed.query.get('options', '')} -c lock_timeout={int(busy * 1000)}".strip()
        kwargs["connect_args"] = {"options": options, "connect_timeout": max(1, round(busy))}
        url = parsed.render_as_string(hide_password=False)
    try:
        return create_engine(url, **kwargs)
    except ModuleNotFoundError as exc:
        # PostgreSQL's driver is the [postgres] extra: an SQLite install does not have it
        raise DatabaseFault("no_driver", exc.name or str(exc)) from exc


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (every head)."""
    from alembic import command

    with engine.begin() as conn:
        cfg = alembic_config(engine)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")


def is_writable(engine: Engine) -> bool:
    """False for a database this process may only read: an SQLite file opened
    read-only, a PostgreSQL session (or server) in read-only mode."""
    if is_read_only(engine):
        return False
    if engine.dialect.name != "postgresql":
        return True
    with engine.connect() as conn:
        return conn.exec_driver_sql("SHOW transaction_read_only").scalar() != "on"


def schema_is_current(engine: Engine) -> bool:
    """No migration is pending (a read, cheaper than running Alembic). Compared
    as Alembic's upgrade would: a revision that depends on other branches'
    heads stands for them in alembic_version."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(engine))
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_heads()
    try:
        pending = script.revision_map.iterate_revisions("heads", current, implicit_base=True)
        return not any(True for _ in pending)
    except Exception:  # a revision this code does not know: let the migration say so
        return False


_migrated: set[str] = set()


def open_database(url: str | None = None, *, migrate_schema: bool = True) -> Engine:
    """The engine, with the schema brought to the newest revision. Nothing is
    written when the schema is current: a read-only database serves reads."""
    engine = make_engine(url)
    key = engine.url.render_as_string(hide_password=False)
    if migrate_schema and key not in _migrated:
        if not schema_is_current(engine):
            if is_read_only(engine):
                engine.dispose()
                raise DatabaseFault("outdated_read_only", "the schema needs a migration")
            migrate(engine)
        _migrated.add(key)
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error."""
    with session_factory(engine)() as session, session.begin():
        yield session


def rows_changed(result: Result[Any]) -> int:
    """The rows an UPDATE or DELETE changed. `Session.execute` types its result as a plain
    Result; a DML statement's is always a CursorResult, which has the count."""
    if not isinstance(result, CursorResult):
        raise TypeError(f"not the result of an UPDATE or DELETE: {type(result).__name__}")
    return result.rowcount


class DatabaseFault(Exception):
    """The database cannot serve the command; `kind` says why:
    locked | read_only | outdated_read_only | unreachable | full | corrupt | bad_url | no_driver | other."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind, self.detail = kind, detail


# Driver messages and PostgreSQL SQLSTATEs of each kind (SQLite has no SQLSTATE).
_FAULT_SIGNS: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    ("locked", ("database is locked", "database table is locked", "lock timeout"), ("55P03",)),
    ("read_only", ("readonly database", "read-only", "permission denied"), ("25006", "42501")),
    ("full", ("database or disk is full", "no space left"), ("53100",)),
    ("corrupt", ("file is not a database", "disk image is malformed"), ()),
    (
        "unreachable",
        (
            "unable to open database file",
            "connection",
            "could not connect",
            "timeout expired",
            "resolve host",
        ),
        ("08000", "08001", "08006", "28P01", "28000", "3D000", "57P03"),
    ),
]


def database_fault(exc: BaseException) -> DatabaseFault | None:
    """What kind of database fault `exc` is; None when it is not one."""
    from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

    if isinstance(exc, DatabaseFault):
        return exc
    if isinstance(exc, ArgumentError | NoSuchModuleError):
        return DatabaseFault("bad_url", _first_line(exc))
    # the driver's own error when SQLAlchemy wrapped one
    orig: BaseException = (exc.orig if isinstance(exc, DBAPIError) else None) or exc
    if not isinstance(exc, SQLAlchemyError) and not _is_driver_error(orig):
        return None
    text = str(orig).lower()
    state = str(getattr(orig, "sqlstate", "") or "")
    for kind, words, states in _FAULT_SIGNS:
        if state in states or any(w in text for w in words):
            return DatabaseFault(kind, _first_line(orig))
    return DatabaseFault("other", _first_line(orig))


def _is_driver_error(exc: BaseException) -> bool:
    if isinstance(exc, sqlite3.Error):
        return True
    return type(exc).__module__.split(".")[0] == "psycopg"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]
