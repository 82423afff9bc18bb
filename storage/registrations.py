"""Telling the admins about registration requests without flooding them.

A request gets a card of its own while few arrive (at most `limit` cards in
`window` seconds); beyond that it waits, untold (`notified_at` NULL), for the
digest job, which lists every such request in one message. A request whose
card was never confirmed (a crash, every admin unreachable) is untold too, so
the digest picks it up later: no request is left unannounced."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, func, select, update

from storage import models as m
from storage.bot_models import RegistrationRequest
from storage.db import session_factory, transaction


def card_allowed(engine: Engine, limit: int, window: float) -> bool:
    """True while fewer than `limit` requests were announced in the last `window` seconds."""
    since = datetime.now(UTC) - timedelta(seconds=window)
    with session_factory(engine)() as session:
        told = session.scalar(
            select(func.count())
            .select_from(RegistrationRequest)
            .where(RegistrationRequest.notified_at >= since)
        )
    return int(told or 0) < limit


def mark_notified(engine: Engine, request_ids: list[int]) -> None:
    if not request_ids:
        return
    with transaction(engine) as session:
        session.execute(
            update(RegistrationRequest)
            .where(RegistrationRequest.id.in_(request_ids), RegistrationRequest.notified_at.is_(None))
            .values(notified_at=datetime.now(UTC))
            .execution_options(synchronize_session=False)
        )


def unmark_notified(engine: Engine, request_ids: list[int]) -> None:
    """The digest could not be delivered: the next run tries again."""
    if not request_ids:
        return
    with transaction(engine) as session:
        session.execute(
            update(RegistrationRequest)
            .where(RegistrationRequest.id.in_(request_ids))
            .values(notified_at=None)
            .execution_options(synchronize_session=False)
        )


@dataclass(frozen=True)
class PendingLine:
    id: int
    user_id: int
    full_name: str
    title: str
    locality_name: str | None


def _lines(session, requests: list[RegistrationRequest]) -> list[PendingLine]:
    keys = {r.locality_key for r in requests if r.locality_key}
    names = (
        dict(session.execute(select(m.Locality.key, m.Locality.name).where(m.Locality.key.in_(keys))).all())
        if keys
        else {}
    )
    return [
        PendingLine(r.id, r.user_id, r.full_name, r.title_text, names.get(r.locality_key, r.locality_key))
        for r in requests
    ]


def claim_untold(
    engine: Engine, older_than: float, exclude: set[int] | frozenset[int] = frozenset(), limit: int = 500
) -> list[PendingLine]:
    """Pending requests nobody was told of, created more than `older_than` seconds
    ago (a card being sent right now is not taken from its handler), marked told in
    the same transaction so that a second worker does not announce them too.
    `exclude`: requests whose card this process is sending now."""
    cutoff = datetime.now(UTC) - timedelta(seconds=older_than)
    with transaction(engine) as session:
        requests = list(
            session.scalars(
                select(RegistrationRequest)
                .where(
                    RegistrationRequest.status == "pending",
                    RegistrationRequest.notified_at.is_(None),
                    RegistrationRequest.created_at <= cutoff,
                    RegistrationRequest.id.not_in(exclude),
                )
                .order_by(RegistrationRequest.id)
                .limit(limit)
                .with_for_update(skip_locked=True)
            )
        )
        now = datetime.now(UTC)
        for r in requests:
            r.notified_at = now
        return _lines(session, requests)


def pending_page(engine: Engine, after_id: int, size: int = 10) -> tuple[list[PendingLine], int]:
    """Pending requests with id > `after_id`, oldest first; and how many more follow."""
    with session_factory(engine)() as session:
        cond = (RegistrationRequest.status == "pending", RegistrationRequest.id > after_id)
        requests = list(
            session.scalars(
                select(RegistrationRequest).where(*cond).order_by(RegistrationRequest.id).limit(size)
            )
        )
        total = session.scalar(select(func.count()).select_from(RegistrationRequest).where(*cond)) or 0
        return _lines(session, requests), max(0, int(total) - len(requests))
