"""The audit log: one row per change, refusal or foreign button press, so an
operator can answer 'who changed what, when' and 'who tried what'."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from storage import models as m
from storage.db import session_factory, transaction

MAX_TEXT = 200  # what a user typed is kept only this long: the log is not a message archive


def clip(text: str | None, limit: int = MAX_TEXT) -> str | None:
    return text if text is None or len(text) <= limit else text[: limit - 1] + "…"


def add(session: Session, actor: str, action: str, **details: object) -> None:
    """An audit row in the caller's transaction (it commits or rolls back with the change)."""
    session.add(m.AuditEvent(actor=actor, action=action, details=details, at=datetime.now(UTC)))


def record(engine: Engine, actor: str, action: str, **details: object) -> None:
    """An audit row on its own, for refusals: nothing else is written with it."""
    with transaction(engine) as session:
        add(session, actor, action, **details)


def events(engine: Engine, action: str | None = None, actor: str | None = None) -> list[m.AuditEvent]:
    """Rows oldest first (tests, `planbot users list`)."""
    q = select(m.AuditEvent).order_by(m.AuditEvent.id)
    if action is not None:
        q = q.where(m.AuditEvent.action == action)
    if actor is not None:
        q = q.where(m.AuditEvent.actor == actor)
    with session_factory(engine)() as session:
        return list(session.scalars(q))
