"""Who opened the Mini App: his place and the parties he answers for."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, select

from storage import models as m
from storage.db import session_factory


@dataclass(frozen=True)
class Viewer:
    """Who opened the Mini App: his place and the parties he answers for."""

    telegram_id: int
    place_id: int | None
    party_ids: frozenset[int]


def viewer(engine: Engine, telegram_id: int) -> Viewer:
    """Read only: a Mini App visit creates no user (the bot does, on /start)."""
    with session_factory(engine)() as session:
        user = session.get(m.User, telegram_id)
        if user is None:
            return Viewer(telegram_id, None, frozenset())
        place_id = (
            session.scalar(select(m.Locality.id).where(m.Locality.key == user.locality_key))
            if user.locality_key
            else None
        )
        parties = (
            frozenset(session.scalars(select(m.UserParty.party_id).where(m.UserParty.user_id == telegram_id)))
            if user.role in ("officer", "leader", "admin")
            else frozenset()
        )
        return Viewer(telegram_id, place_id, parties)
