"""One long-polling `planbot run` per database.

The poller's worker takes every inbox row as its own (an earlier holder can
only have died), so two pollers on one database would both answer every
update. The poller therefore holds a lease named 'poller' for as long as it
runs (storage/locks.py), and a second `planbot run` exits with an operator
message and status 3:

- PostgreSQL: an advisory lock, which the server drops with a dead process's
  session: refused at once.
- SQLite: a lock row renewed every RENEW_EVERY_S. A holder that is a process of
  this machine no longer running is taken over at once; otherwise the newcomer
  watches the row: renewed means alive (refused within RENEW_EVERY_S), expired
  or released means dead (taken over within TTL)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import timedelta

from sqlalchemy import Engine

from storage.db import database_fault
from storage.locks import SchedulerLease

log = logging.getLogger(__name__)

POLLER_BUSY_EXIT = 3  # the exit status of a `planbot run` refused for this reason
TTL = timedelta(seconds=30)
RENEW_EVERY_S = 5.0
WATCH_EVERY_S = 0.5


class PollerLease:
    def __init__(self, engine: Engine) -> None:
        self.lease = SchedulerLease(engine, name="poller", ttl=TTL)
        self.lost = False

    async def take(self, stop: asyncio.Event) -> bool:
        """True once the lease is ours; False when its holder shows it is alive
        (or we are stopped while finding out)."""
        if self.lease.acquire():
            return True
        if self.lease.is_postgres:
            return False  # the server holds a lock only for a live session
        seen = self.lease.row_state()
        log.warning(
            "another planbot run (%s) held this database's poller lease; waiting up to %.0f s "
            "to see whether it is still running",
            self.lease.holder_now(),
            TTL.total_seconds(),
        )
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), WATCH_EVERY_S)
            if self.lease.acquire():  # expired or released: its holder is gone
                log.info("the poller lease was free again: polling from this process")
                return True
            if self.lease.row_state() != seen:  # renewed (or taken by a third): alive
                return False
        return False

    def refusal(self) -> str:
        """One line for the operator, Vietnamese then English."""
        holder = self.lease.holder_now() or "?"
        return (
            f"planbot run: một tiến trình planbot run khác ({holder}) đang nhận tin từ cơ sở dữ liệu này; "
            "hãy dừng tiến trình đó trước. / "
            f"Another planbot run ({holder}) is already polling this database; stop it first."
        )

    async def keep(self, stop: asyncio.Event) -> None:
        """Renew until `stop`; if another process took the lease over (this one
        stalled past its expiry), stop polling rather than answer twice."""
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), RENEW_EVERY_S)
            if stop.is_set():
                return
            try:  # in a worker thread: a locked database must not stall the event loop
                held = await asyncio.to_thread(self.lease.acquire)
            except Exception as exc:  # the database is unavailable: try again, the lease lasts a while
                fault = database_fault(exc)
                if fault is not None:  # one line per retry, not a traceback
                    log.warning(
                        "could not renew the poller lease: database %s (%s); retrying",
                        fault.kind,
                        fault.detail,
                    )
                else:
                    log.warning("could not renew the poller lease; retrying", exc_info=True)
                continue
            if not held:
                log.error("another planbot run took over polling this database; stopping")
                self.lost = True
                stop.set()

    def release(self) -> None:
        try:
            self.lease.release()
        except Exception:  # it expires on its own
            log.warning("could not release the poller lease", exc_info=True)
