"""Leader election for the one worker that plans and sends reminders.

PostgreSQL: a session-level advisory lock held on a dedicated connection for
as long as the worker lives (released by the server if the process dies).
SQLite (one machine): a lock row with an expiry that the holder renews; a
worker that died stops renewing and another takes over after the lease."""

from __future__ import annotations

import os
import socket
import uuid
import zlib
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine, delete, select, text, update
from sqlalchemy.exc import IntegrityError

from storage.cycle_models import SchedulerLock
from storage.db import transaction

LEASE = timedelta(seconds=60)


def _holder_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class SchedulerLease:
    """`acquire()` is non-blocking: True when this worker is (still) the leader."""

    def __init__(self, engine: Engine, name: str = "scheduler") -> None:
        self.engine = engine
        self.name = name
        self.holder = _holder_id()
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

    def _acquire_pg(self) -> bool:
        if self._pg_conn is not None:
            return True  # held for the life of the connection
        conn = self.engine.connect()
        got = bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": self._key}).scalar())
        conn.commit()
        if got:
            self._pg_conn = conn
        else:
            conn.close()
        return got

    def _acquire_row(self) -> bool:
        now = datetime.now(UTC)
        expires = now + LEASE
        with transaction(self.engine) as s:
            renewed = s.execute(
                update(SchedulerLock)
                .where(SchedulerLock.name == self.name)
                .where((SchedulerLock.holder == self.holder) | (SchedulerLock.expires_at < now))
                .values(holder=self.holder, expires_at=expires)
            ).rowcount
            if renewed:
                return True
            if s.scalar(select(SchedulerLock.name).where(SchedulerLock.name == self.name)) is not None:
                return False
        try:
            with transaction(self.engine) as s:
                s.add(SchedulerLock(name=self.name, holder=self.holder, expires_at=expires))
            return True
        except IntegrityError:  # another worker inserted it first
            return False
