"""Leases: the one worker that plans and sends reminders, the one process that
polls Telegram, and the owner of an outbox row while it is being sent.

PostgreSQL: a session-level advisory lock held on a dedicated connection for
as long as the worker lives (released by the server if the process dies).
SQLite (one machine): a lock row with an expiry that the holder renews; a
worker that died stops renewing and another takes over after the lease, or at
once when the holder is a process of this machine that no longer exists."""

from __future__ import annotations

import contextlib
import os
import socket
import uuid
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Connection, Engine, delete, select, text, update
from sqlalchemy.exc import IntegrityError

from storage.cycle_models import SchedulerLock
from storage.db import rows_changed, transaction

LEASE = timedelta(seconds=60)


def _this_kernel() -> str:
    """This boot of this machine plus our process-id namespace (a container has
    its own): a pid names the same process only within both. Host names can be
    alike on cloned machines; boot ids cannot. '-' where unknown (not Linux)."""
    try:
        boot = Path("/proc/sys/kernel/random/boot_id").read_text().strip().replace("-", "")[:12]
        return f"{boot}.{os.stat('/proc/self/ns/pid').st_ino}"
    except OSError:
        return "-"


def process_owner_id() -> str:
    """'host:boot.pid-namespace:pid:random', unique per call, at most 120 characters."""
    return f"{socket.gethostname()[:60]}:{_this_kernel()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def owner_is_gone(owner: str | None) -> bool:
    """True only when `owner` (a process_owner_id) is certainly dead: a process
    of this machine, boot and pid namespace whose pid no longer exists. Anything
    else — another machine, another container, a pid now reused, an unknown
    format — counts as alive, and its lease has to expire instead."""
    parts = (owner or "").rsplit(":", 3)
    if len(parts) != 4 or not parts[2].isdigit():
        return False
    host, kernel, pid, _ = parts
    if host != socket.gethostname()[:60] or kernel == "-" or kernel != _this_kernel():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError, ValueError):  # alive under another user, or nonsense
        return False
    return False


def describe_owner(owner: str | None) -> str:
    """'host pid N' for an operator's message."""
    parts = (owner or "").rsplit(":", 3)
    return f"{parts[0]} pid {parts[2]}" if len(parts) == 4 else (owner or "?")


class SchedulerLease:
    """`acquire()` is non-blocking: True when this worker is (still) the leader."""

    def __init__(self, engine: Engine, name: str = "scheduler", ttl: timedelta = LEASE) -> None:
        """`ttl`: how long the lock row (SQLite) holds without renewal."""
        self.engine = engine
        self.name = name
        self.ttl = ttl
        self.holder = process_owner_id()
        self._pg_conn: Connection | None = None
        self._key = zlib.crc32(f"planbot:{name}".encode())

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    def acquire(self) -> bool:
        return self._acquire_pg() if self.is_postgres else self._acquire_row()

    def release(self) -> None:
        if self.is_postgres:
            if self._pg_conn is not None:
                self._pg_conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": self._key})
                self._pg_conn.commit()
                self._pg_conn.close()
                self._pg_conn = None
            return
        with transaction(self.engine) as s:
            s.execute(
                delete(SchedulerLock).where(
                    SchedulerLock.name == self.name, SchedulerLock.holder == self.holder
                )
            )

    def holder_now(self) -> str | None:
        """Who holds the lease now ('host pid N'; None: nobody), for an operator's message."""
        if self.is_postgres:
            with self.engine.connect() as conn:
                return conn.execute(
                    text(
                        "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                        " WHERE l.locktype = 'advisory' AND l.granted AND l.objid::bigint = :k"
                    ),
                    {"k": self._key},
                ).scalar()
        with transaction(self.engine) as s:
            holder = s.scalar(select(SchedulerLock.holder).where(SchedulerLock.name == self.name))
        return None if holder is None else describe_owner(holder)

    def row_state(self) -> tuple[str, datetime] | None:
        """The lock row's holder and expiry (SQLite): a live holder changes it
        when it renews, which is how a newcomer tells it from a dead one."""
        with transaction(self.engine) as s:
            row = s.execute(
                select(SchedulerLock.holder, SchedulerLock.expires_at).where(SchedulerLock.name == self.name)
            ).first()
        return None if row is None else (str(row[0]), row[1])

    def _acquire_pg(self) -> bool:
        if self._pg_conn is not None:
            try:  # held for the life of the connection: is it still alive?
                self._pg_conn.execute(text("SELECT 1"))
                self._pg_conn.commit()
                return True
            except Exception:  # the server went away, and the lock with it
                with contextlib.suppress(Exception):
                    self._pg_conn.close()
                self._pg_conn = None
        conn = self.engine.connect()
        got = bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": self._key}).scalar())
        if got:  # named in pg_stat_activity, so a refused process can say who holds it
            conn.execute(
                text("SELECT set_config('application_name', :n, false)"),
                {"n": describe_owner(self.holder)[:63]},
            )
        conn.commit()
        if got:
            self._pg_conn = conn
        else:
            conn.close()
        return got

    def _acquire_row(self) -> bool:
        now = datetime.now(UTC)
        expires = now + self.ttl
        with transaction(self.engine) as s:
            renewed = rows_changed(
                s.execute(
                    update(SchedulerLock)
                    .where(SchedulerLock.name == self.name)
                    .where((SchedulerLock.holder == self.holder) | (SchedulerLock.expires_at < now))
                    .values(holder=self.holder, expires_at=expires)
                )
            )
            if renewed:
                return True
            holder = s.scalar(select(SchedulerLock.holder).where(SchedulerLock.name == self.name))
            if holder is not None:
                # a holder that died on this machine need not be waited for; the
                # compare-and-set on its name makes one taker win
                return owner_is_gone(holder) and bool(
                    rows_changed(
                        s.execute(
                            update(SchedulerLock)
                            .where(SchedulerLock.name == self.name, SchedulerLock.holder == holder)
                            .values(holder=self.holder, expires_at=expires)
                        )
                    )
                )
        try:
            with transaction(self.engine) as s:
                s.add(SchedulerLock(name=self.name, holder=self.holder, expires_at=expires))
            return True
        except IntegrityError:  # another worker inserted it first
            return False
