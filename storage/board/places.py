"""The board's index: the places with plans, each a card with its slug."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from sqlalchemy import Engine, func, select

from knowledge.text import fold
from storage import models as m
from storage import users
from storage.db import session_factory

PAGE_SIZE = 50  # places per page of the index
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class PlaceCard:
    id: int
    key: str
    label: str  # 'phường Thiệu Dương' (with district when the name is shared)
    now: str | None  # the 2025 unit that holds it
    plans: int

    @property
    def slug(self) -> str:
        return place_slug(self.id, self.key)


def place_slug(place_id: int, key: str) -> str:
    """'12-phuong-dong-tho': the id decides, the words are for people."""
    return f"{place_id}-{_SLUG.sub('-', fold(key)).strip('-')}"[:120]


def parse_place_slug(slug: str) -> int | None:
    head = slug.split("-", 1)[0]
    return int(head) if head.isdigit() and len(head) < 10 else None


class PlaceDirectory:
    """The places with a current plan, read once and again only when plans change
    (a new plan — a superseding one too, it gets a higher id — a deleted plan or a
    new place): the index and its search
    must not read 3,321 places on every request. Safe to share between threads."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._state: tuple[object, ...] | None = None
        self._known: list[users.LocalityInfo] = []
        self._counts: dict[int, int] = {}

    def _refresh(self) -> None:
        with session_factory(self.engine)() as session:
            state = tuple(
                session.execute(
                    select(
                        select(func.max(m.Plan.id)).scalar_subquery(),
                        select(func.count(m.Plan.id)).scalar_subquery(),
                        select(func.max(m.Locality.id)).scalar_subquery(),
                    )
                ).one()
            )
            if state == self._state:
                return
            rows = session.execute(
                select(m.Plan.locality_id, func.count(m.Plan.id))
                .where(m.Plan.is_current.is_(True), m.Plan.locality_id.is_not(None))
                .group_by(m.Plan.locality_id)
            ).all()
        counts = {int(loc_id): n for loc_id, n in rows if loc_id is not None}
        known = [loc for loc in users.list_localities(self.engine) if loc.id in counts]
        self._known = sorted(known, key=lambda loc: (fold(loc.name), loc.label))
        self._counts, self._state = counts, state

    def page(self, query: str = "", page: int = 1) -> tuple[list[PlaceCard], int]:
        """A page of the places and how many there are in all. A query is resolved as
        /diaphuong resolves it (storage.users, built on knowledge.places): old names
        and the 2025 names of the units that hold them."""
        with self._lock:
            self._refresh()
            known, counts = self._known, self._counts
        found = (
            users.find_localities(self.engine, query, limit=PAGE_SIZE, known=known)
            if query.strip()
            else known
        )
        start = (max(page, 1) - 1) * PAGE_SIZE
        shown = found[start : start + PAGE_SIZE]
        return [PlaceCard(loc.id, loc.key, loc.label, loc.now, counts[loc.id]) for loc in shown], len(found)
