"""The places that have plans: finding one from what a user typed (with or without
diacritics and type word), choosing it, and the digest subscription that hangs on it."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime

from rapidfuzz import fuzz
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from knowledge.text import fold
from storage import models as m
from storage.db import session_factory, transaction
from storage.users.core import (
    _LOCALITY_TYPES,
    LocalityInfo,
    _audit,
    _bare,
    _locality_info,
    _name_key,
    is_special_sender,
)


def list_localities(engine: Engine) -> list[LocalityInfo]:
    with session_factory(engine)() as session:
        rows = session.scalars(select(m.Locality).order_by(m.Locality.name)).all()
        shared = Counter(_name_key(r.key) for r in rows)
        return [_locality_info(r, shared[_name_key(r.key)] > 1) for r in rows]


def find_localities(
    engine: Engine, text: str, limit: int = 5, known: list[LocalityInfo] | None = None
) -> list[LocalityInfo]:
    """Localities whose name matches `text` (accents optional, type word optional), best
    first. `known`: the list_localities() a caller keeps (the web board), else read now."""
    query = _bare(fold(text))
    if not query:
        return []
    scored: list[tuple[float, LocalityInfo]] = []
    for loc in list_localities(engine) if known is None else known:
        bare = _bare(loc.folded)
        if query in (bare, loc.folded) or (query.startswith(bare + " ") and loc.mentions_where(query)):
            score = 200.0 + loc.mentions_where(query)
        elif loc.now and query == loc.now_bare:  # the name of 2025: every older commune it holds
            score = 200.0
        else:
            score = max(fuzz.ratio(query, bare), fuzz.partial_ratio(query, bare) - 5)
        if score >= 80:
            scored.append((score, loc))
    scored.sort(key=lambda s: -s[0])
    if scored and scored[0][0] > 200:  # 'Tân Lập, Đan Phượng': the district decides
        scored = [s for s in scored if s[0] > 200]
    return [loc for _, loc in scored[:limit]]


def locality_info(session: Session, loc: m.Locality) -> LocalityInfo:
    """`loc` as a picker shows it (with its district when the name is shared, and its 2025 unit)."""
    return _locality_info(loc, session=session)


def locality_by_key(engine: Engine, key: str) -> LocalityInfo | None:
    with session_factory(engine)() as session:
        loc = session.scalar(select(m.Locality).where(m.Locality.key == key))
        return _locality_info(loc, session=session) if loc else None


def locality_by_id(engine: Engine, locality_id: int) -> LocalityInfo | None:
    with session_factory(engine)() as session:
        loc = session.get(m.Locality, locality_id)
        return _locality_info(loc, session=session) if loc else None


def is_exact_locality(loc: LocalityInfo, text: str) -> bool:
    query = _bare(fold(text))
    named_now = bool(loc.now) and query == loc.now_bare
    return query in (_bare(loc.folded), loc.folded) or loc.mentions_where(query) or named_now


def single_exact_locality(found: list[LocalityInfo], text: str) -> LocalityInfo | None:
    """The one place `text` names exactly; None when two places share the name."""
    exact = [loc for loc in found if is_exact_locality(loc, text)]
    return exact[0] if len(exact) == 1 else None


def set_locality(engine: Engine, telegram_id: int, locality_key: str) -> None:
    if is_special_sender(telegram_id):
        return
    with transaction(engine) as session:
        user = session.get(m.User, telegram_id)
        if user is None:
            user = m.User(telegram_id=telegram_id, role="resident", chat_id=telegram_id)
            session.add(user)
        user.locality_key = locality_key


def set_subscription(engine: Engine, telegram_id: int, subscribed: bool) -> None:
    if is_special_sender(telegram_id):
        return
    with transaction(engine) as session:
        user = session.get(m.User, telegram_id)
        if user is None:
            user = m.User(telegram_id=telegram_id, role="resident", chat_id=telegram_id)
            session.add(user)
        if subscribed and not user.subscribed:  # a repeated /theodoi keeps the first date
            user.subscribed_at = datetime.now(UTC)
        user.subscribed = subscribed
        _audit(session, str(telegram_id), "subscribe" if subscribed else "unsubscribe")


def mark_inactive(engine: Engine, chat_id: int) -> None:
    """The user blocked the bot: stop writing to them."""
    with transaction(engine) as session:
        for user in session.scalars(select(m.User).where(m.User.chat_id == chat_id)):
            user.active = False


def locality_in_text(engine: Engine, text: str) -> tuple[LocalityInfo | None, str]:
    """A locality named inside a question ('... phường Đông Thọ') and the
    question without it. The longest name mentioned wins."""
    folded = fold(text)
    best: tuple[int, LocalityInfo, str] | None = None
    for loc in list_localities(engine):
        for form in (loc.folded, _bare(loc.folded)):
            mentioned = form and re.search(rf"(?:^|\s){re.escape(form)}(?:\s|$)", folded)
            if mentioned and (best is None or len(form) > best[0]):
                best = (len(form), loc, form)
    if best is None:
        return None, folded
    rest = re.sub(rf"(?:^|\s){re.escape(best[2])}(?:\s|$)", " ", folded)
    for t in _LOCALITY_TYPES:  # a dangling 'phuong'/'xa' left behind
        rest = re.sub(rf"\s{t}$", "", rest)
    return best[1], " ".join(rest.split())
