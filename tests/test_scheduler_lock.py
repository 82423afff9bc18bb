"""Only one worker plans and sends: the scheduler lease (lock row / advisory lock)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from storage.cycle_models import SchedulerLock
from storage.db import make_engine, transaction
from storage.locks import SchedulerLease


def test_second_worker_is_refused_while_the_first_holds(engine, db_url) -> None:
    other_engine = make_engine(db_url)
    first, second = SchedulerLease(engine), SchedulerLease(other_engine)
    try:
        assert first.acquire() is True
        assert second.acquire() is False
        assert first.acquire() is True  # renewing is fine
        first.release()
        assert second.acquire() is True
        assert first.acquire() is False
    finally:
        second.release()
        first.release()
        other_engine.dispose()


def test_expired_lease_is_taken_over(engine) -> None:
    if engine.dialect.name == "postgresql":
        return  # the server releases advisory locks of dead sessions itself
    first, second = SchedulerLease(engine), SchedulerLease(engine)
    assert first.acquire()
    with transaction(engine) as s:
        s.execute(update(SchedulerLock).values(expires_at=datetime.now(UTC) - timedelta(seconds=1)))
    assert second.acquire() is True
    assert first.acquire() is False
