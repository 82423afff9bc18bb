"""Who a user is: his role, place and links as the bot reads them (UserInfo), the
roles' Vietnamese names, and the lookups the handlers and the cycle make."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy import Engine, func, or_, select
from sqlalchemy.orm import Session

from knowledge import places, places_2025
from knowledge.model import ROLES
from knowledge.text import fold
from storage import audit
from storage import models as m
from storage.db import session_factory, transaction
from storage.users.links import _linked_parties

# Telegram's stand-in senders in groups (anonymous admin, service, channel):
# they are not people and must never hold a role.
SPECIAL_SENDER_IDS = frozenset({1087968824, 777000, 136817688})


ROLE_NAMES = {"resident": "người dân", "officer": "cán bộ", "leader": "lãnh đạo", "admin": "quản trị viên"}


def role_name(role: str) -> str:
    """'officer' -> 'cán bộ': what a clerk or a user reads."""
    return ROLE_NAMES.get(role, role)


class UserError(ValueError):
    """A request that cannot be carried out; the message is for the operator."""


@dataclass(frozen=True)
class LocalityInfo:
    key: str  # unique; not always the folded name (same-named communes of two districts)
    name: str
    id: int = 0
    where: str | None = None  # district or province, to tell same-named places apart
    now: str | None = None  # the unit in force from 1 July 2025 that holds it: 'phường Hàm Rồng'

    @property
    def folded(self) -> str:
        return fold(self.name)

    @property
    def label(self) -> str:
        return f"{self.name} ({self.where})" if self.where else self.name

    @property
    def label_now(self) -> str:
        """The label naming the 2025 unit too: 'phường Thiệu Dương (nay thuộc phường Hàm Rồng)'."""
        return f"{self.label} (nay thuộc {self.now})" if self.now else self.label

    @property
    def now_bare(self) -> str:
        """'ham rong': the new unit's folded name, found like the place's own."""
        return _bare(fold(self.now)) if self.now else ""

    def mentions_where(self, folded_text: str) -> bool:
        return bool(self.where) and f" {_bare(fold(self.where or ''))} " in f" {folded_text} "


@dataclass(frozen=True)
class PartyInfo:
    id: int
    display: str


@dataclass
class UserInfo:
    telegram_id: int
    role: str = "resident"
    locality_key: str | None = None
    locality_name: str | None = None
    subscribed: bool = False
    party_ids: list[int] = field(default_factory=list)

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def can_report(self) -> bool:
        return self.role in ("officer", "leader", "admin")


def is_special_sender(telegram_id: int) -> bool:
    return telegram_id in SPECIAL_SENDER_IDS


_audit = audit.add


def _effective_role(telegram_id: int, stored: str | None, admin_ids: Collection[int]) -> str:
    if is_special_sender(telegram_id):
        return "resident"
    if telegram_id in admin_ids:
        return "admin"
    return stored if stored in ROLES else "resident"


def ensure_user(
    engine: Engine, telegram_id: int, chat_id: int | None, admin_ids: Collection[int]
) -> UserInfo:
    """The user as the bot sees them now; creates the row on first contact.
    Special sender ids are answered as anonymous residents and never stored."""
    if is_special_sender(telegram_id):
        return UserInfo(telegram_id=telegram_id)
    with transaction(engine) as session:
        user = session.get(m.User, telegram_id)
        if user is None:
            user = m.User(telegram_id=telegram_id, role="resident", chat_id=chat_id)
            session.add(user)
            session.flush()
        elif chat_id is not None and user.chat_id != chat_id:
            user.chat_id = chat_id
        return _info(session, user, admin_ids)


def get_user(engine: Engine, telegram_id: int, admin_ids: Collection[int]) -> UserInfo:
    if is_special_sender(telegram_id):
        return UserInfo(telegram_id=telegram_id)
    with session_factory(engine)() as session:
        user = session.get(m.User, telegram_id)
        if user is None:
            return UserInfo(telegram_id=telegram_id, role=_effective_role(telegram_id, None, admin_ids))
        return _info(session, user, admin_ids)


def _info(session: Session, user: m.User, admin_ids: Collection[int]) -> UserInfo:
    loc = (
        session.scalar(select(m.Locality).where(m.Locality.key == user.locality_key))
        if user.locality_key
        else None
    )
    party_ids = list(
        session.scalars(select(m.UserParty.party_id).where(m.UserParty.user_id == user.telegram_id))
    )
    return UserInfo(
        telegram_id=user.telegram_id,
        role=_effective_role(user.telegram_id, user.role, admin_ids),
        locality_key=user.locality_key,
        locality_name=_locality_info(loc, session=session).label if loc else user.locality_key,
        subscribed=user.subscribed,
        party_ids=party_ids,
    )


ADMIN_NAME = "Quản trị viên"


def officer_names(session: Session, telegram_ids: Iterable[int | None]) -> dict[int, str]:
    """How each user is named to others: his parties in the plan ('Đ/c Sâm TYT'),
    else the name he registered with, else his role — never his Telegram id."""
    ids = {i for i in telegram_ids if i}
    if not ids:
        return {}
    out: dict[int, str] = {}
    for user in session.scalars(select(m.User).where(m.User.telegram_id.in_(ids))):
        parties = [p.display for p in _linked_parties(session, user.telegram_id)]
        named = ", ".join(parties[:2]) or user.full_name or (ADMIN_NAME if user.role == "admin" else None)
        if named:
            out[user.telegram_id] = named
    return out


def menu_roles(engine: Engine, admin_ids: Collection[int]) -> dict[int, str]:
    """{private chat id: role} of everyone whose command menu differs from a
    resident's: active officers, leaders and admins (configured ones too)."""
    out = {i: "admin" for i in admin_ids if not is_special_sender(i)}
    with session_factory(engine)() as session:
        rows = session.execute(
            select(m.User.telegram_id, m.User.chat_id, m.User.role).where(
                m.User.active.is_(True), m.User.role.in_(("officer", "leader", "admin"))
            )
        ).all()
    for telegram_id, chat_id, role in rows:
        if not is_special_sender(telegram_id):
            out[chat_id or telegram_id] = _effective_role(telegram_id, role, admin_ids)
    return out


def admin_chat_ids(engine: Engine, admin_ids: Collection[int]) -> list[int]:
    """Configured admins plus users granted the admin role."""
    with session_factory(engine)() as session:
        granted = session.scalars(select(m.User).where(m.User.role == "admin", m.User.active.is_(True))).all()
        ids = {a for a in admin_ids if not is_special_sender(a)}
        ids |= {u.chat_id or u.telegram_id for u in granted}
    return sorted(ids)


# --- localities -------------------------------------------------------------

_LOCALITY_TYPES = ("thi tran", "phuong", "xa", "quan", "huyen", "thanh pho", "thi xa", "tinh", "tp", "p")


def _bare(key: str) -> str:
    """'phuong dong tho' -> 'dong tho' (the type word is optional in questions)."""
    for t in _LOCALITY_TYPES:
        if key.startswith(t + " "):
            return key[len(t) + 1 :]
    return key


def _name_key(key: str) -> str:
    """'xa tan lap | yen lap' -> 'xa tan lap' (see storage/keys.py: locality_key)."""
    return key.split(" | ", 1)[0]


def _locality_info(
    loc: m.Locality, name_is_shared: bool | None = None, session: Session | None = None
) -> LocalityInfo:
    """`where` (district or province) only when another place has the same name."""
    if name_is_shared is None and session is not None:
        base = _name_key(loc.key)
        same = select(func.count()).where(or_(m.Locality.key == base, m.Locality.key.like(f"{base} | %")))
        name_is_shared = (session.scalar(same) or 0) > 1
    where = (loc.parent or loc.province) if name_is_shared else None
    return LocalityInfo(loc.key, loc.name, loc.id, where, _now_label(loc.name, loc.parent, loc.province))


@lru_cache(maxsize=4096)
def _now_label(name: str, parent: str | None, province: str | None) -> str | None:
    """The 2025 unit of an older commune, from the one place resolver (knowledge/places)."""
    kind, bare = places.split_kind(name)
    return places_2025.now_label(places.Place(kind, bare, parent, province)) if kind else None
