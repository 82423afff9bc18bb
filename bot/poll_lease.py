"""One long-polling `planbot run` per database.

The poller's worker takes every inbox row as its own (an earlier holder can
only have died), so two pollers on one database would both answer every
update. The poller therefore holds a lease named 'poller' for as long as it
runs (storage/locks.py: an advisory lock on PostgreSQL, a renewed lock row on
SQLite), and a second `planbot run` exits at once with an operator message."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from sqlalchemy import Engine

from storage.locks import LEASE, SchedulerLease

log = logging.getLogger(__name__)

POLLER_BUSY_EXIT = 3  # the exit status of a `planbot run` refused for this reason
RENEW_EVERY_S = LEASE.total_seconds() / 4


class PollerLease:
    def __init__(self, engine: Engine) -> None:
        self.lease = SchedulerLease(engine, name="poller")
        self.lost = False

    def acquire(self) -> bool:
        return self.lease.acquire()

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
            try:
                held = self.lease.acquire()
            except Exception:  # the database is unavailable: try again, the lease lasts a while
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
