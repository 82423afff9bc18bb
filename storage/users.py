"""Users, roles and registrations: who may do what in the bot.

Roles: resident (default, read only), officer (approved, linked to parties),
leader (linked to a directing party), admin (configured or granted).
Every change is written to the audit log in the same transaction."""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz
from sqlalchemy import Engine, func, or_, select
from sqlalchemy.orm import Session

from knowledge import places
from knowledge.abbreviations import expand_text
from knowledge.model import ROLES
from knowledge.parties import PartyRef, match_party, parse_parties
from knowledge.text import fold
from storage import audit
from storage import models as m
from storage.bot_models import RegistrationRequest
from storage.db import session_factory, transaction

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


def list_localities(engine: Engine) -> list[LocalityInfo]:
    with session_factory(engine)() as session:
        rows = session.scalars(select(m.Locality).order_by(m.Locality.name)).all()
        shared = Counter(_name_key(r.key) for r in rows)
        return [_locality_info(r, shared[_name_key(r.key)] > 1) for r in rows]


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
    return places.now_label(places.Place(kind, bare, parent, province)) if kind else None


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


# --- parties and registration -----------------------------------------------

_HONORIFIC = re.compile(r"^(d c|dong chi|ong|ba)\s+")


def _split_party(display: str) -> tuple[list[str], list[str]]:
    """'Đ/c Sâm - Trưởng Trạm y tế' -> (['sam'], ['truong','tram','y','te']).
    Without the honorific it is a unit or a title: no person part."""
    folded = fold(display)
    if not _HONORIFIC.match(folded):
        return [], folded.split()
    rest = _HONORIFIC.sub("", folded)
    if " - " in display or "–" in display:
        name_part = re.split(r"\s[-–]\s?|\s?[-–]\s", display, maxsplit=1)
        name_tokens = _HONORIFIC.sub("", fold(name_part[0])).split()
        title_tokens = fold(name_part[1]).split() if len(name_part) > 1 else []
        return name_tokens, title_tokens
    tokens = rest.split()
    return tokens[:1], tokens[1:]


def _title_forms(tokens: list[str]) -> set[str]:
    """Words of a title plus the initials of every run of words ('tram y te' -> 'tyt')."""
    forms = set(tokens)
    for i in range(len(tokens)):
        for j in range(i + 2, len(tokens) + 1):
            forms.add("".join(t[0] for t in tokens[i:j]))
    return forms


def _title_score(title_tokens: list[str], party_tokens: list[str]) -> float:
    if not title_tokens or not party_tokens:
        return 0.0
    forms = _title_forms(title_tokens)
    hit = sum(1 for t in party_tokens if t in forms)
    return hit / len(party_tokens)


def party_match_score(full_name: str, title: str, display: str) -> float:
    """How well a party ('Đ/c Sâm TYT') fits a registrant ('Nguyễn Văn Sâm', 'Trưởng Trạm y tế')."""
    name_tokens = fold(full_name).split()
    p_name, p_title = _split_party(display)
    score = 0.0
    if p_name and name_tokens:
        if p_name[-1] != name_tokens[-1]:
            return 0.0  # another person
        score += 60 + 5 * sum(1 for t in p_name[:-1] if t in name_tokens)
    score += 40 * _title_score(fold(title).split(), p_title)
    return score


def candidate_parties(
    engine: Engine, locality_key: str | None, full_name: str, title: str
) -> list[PartyInfo]:
    """Parties of the locality that fit '<name> - <title>', best first (at most 5)."""
    if not locality_key:
        return []
    with session_factory(engine)() as session:
        parties = session.scalars(select(m.Party).where(m.Party.locality_key == locality_key)).all()
        refs = {PartyRef(p.display, p.kind, p.person_name, p.title, p.unit): p for p in parties}
        ranked = [
            (refs[ref], score) for ref, score in match_party(f"{full_name} - {title}", list(refs), limit=5)
        ]
        if ranked:  # far weaker matches only distract the admin
            ranked = [(p, sc) for p, sc in ranked if sc >= ranked[0][1] - 30]
        if not ranked:  # fall back to the plain name/title overlap
            scored = [(p, party_match_score(full_name, title, p.display)) for p in parties]
            ranked = sorted(((p, s) for p, s in scored if s >= 30), key=lambda ps: -ps[1])[:5]
    return [PartyInfo(p.id, p.display) for p, _ in ranked]


@dataclass(frozen=True)
class Registration:
    id: int
    user_id: int
    full_name: str
    title: str
    locality_name: str | None
    candidates: list[PartyInfo]
    created: bool = True  # False: the user already had a request pending (this is it)
    notified: bool = False  # the admins were told of it already


def request_registration(
    engine: Engine, telegram_id: int, full_name: str, title: str, locality_key: str | None
) -> Registration:
    """A new pending request — or, when the user has one pending already, that one
    (one pending request per user: repeats must not reach the admins again)."""
    if is_special_sender(telegram_id):
        raise UserError("mã dịch vụ của Telegram không đăng ký được")
    existing = pending_registration_of(engine, telegram_id)
    if existing is not None:
        return existing
    candidates = candidate_parties(engine, locality_key, full_name, title)
    loc = locality_by_key(engine, locality_key) if locality_key else None
    with transaction(engine) as session:
        user = session.get(m.User, telegram_id)
        if user is None:
            user = m.User(telegram_id=telegram_id, role="resident", chat_id=telegram_id)
            session.add(user)
        user.full_name = full_name
        user.title_text = title
        req = RegistrationRequest(
            user_id=telegram_id,
            full_name=full_name,
            title_text=title,
            locality_key=locality_key,
            candidates=[c.id for c in candidates],
            status="pending",
            created_at=datetime.now(UTC),
        )
        session.add(req)
        session.flush()
        _audit(session, str(telegram_id), "registration_requested", request_id=req.id, title=title)
        return Registration(req.id, telegram_id, full_name, title, loc.name if loc else None, candidates)


def request_parties(engine: Engine, request_id: int) -> list[PartyInfo]:
    """Every party of a pending request's place, for an admin to pick from when no
    candidate matched: persons first, then units and titles, each by name; the
    plan's signer too (made a party now, so a button can name it)."""
    with transaction(engine) as session:
        req = session.get(RegistrationRequest, request_id)
        if req is None or req.status != "pending" or not req.locality_key:
            return []
        parties = list(session.scalars(select(m.Party).where(m.Party.locality_key == req.locality_key)))
        for signer in _signers(session, req.locality_key, parties):
            session.add(signer)
            parties.append(signer)
        session.flush()
        parties.sort(key=lambda p: (p.kind != "person", fold(p.display)))
        return [PartyInfo(p.id, p.display) for p in parties]


def pending_registration_of(engine: Engine, telegram_id: int) -> Registration | None:
    with session_factory(engine)() as session:
        req = session.scalar(
            select(RegistrationRequest)
            .where(RegistrationRequest.user_id == telegram_id, RegistrationRequest.status == "pending")
            .order_by(RegistrationRequest.id)
            .limit(1)
        )
        return _registration(session, req, created=False) if req is not None else None


def pending_registration(engine: Engine, request_id: int) -> Registration | None:
    """The request while it waits for a decision (None once decided or unknown)."""
    with session_factory(engine)() as session:
        req = session.get(RegistrationRequest, request_id)
        if req is None or req.status != "pending":
            return None
        return _registration(session, req, created=False)


def _registration(session: Session, req: RegistrationRequest, created: bool) -> Registration:
    loc = (
        session.scalar(select(m.Locality).where(m.Locality.key == req.locality_key))
        if req.locality_key
        else None
    )
    ids = [int(i) for i in req.candidates or []]
    parties = {p.id: p for p in session.scalars(select(m.Party).where(m.Party.id.in_(ids)))} if ids else {}
    candidates = [PartyInfo(i, parties[i].display) for i in ids if i in parties]
    return Registration(
        req.id,
        req.user_id,
        req.full_name,
        req.title_text,
        loc.name if loc else None,
        candidates,
        created=created,
        notified=req.notified_at is not None,
    )


@dataclass(frozen=True)
class Decision:
    ok: bool
    reason: str  # 'approved' | 'rejected' | 'already' | 'unknown' | 'forbidden' | 'bad_party'
    user_id: int | None = None
    party: str | None = None
    role: str | None = None
    removed: tuple[str, ...] = ()  # links the approval replaced


def _aliases(session: Session, party: m.Party) -> list[m.Party]:
    """Other spellings of the same person in the same locality ('Đ/c Sâm TYT' and
    'Đ/c Sâm - Trưởng Trạm y tế'): same name, titles that match each other."""
    name, title = _split_party(party.display)
    if not name:
        return []
    out = []
    for other in session.scalars(
        select(m.Party).where(m.Party.locality_key == party.locality_key, m.Party.id != party.id)
    ):
        o_name, o_title = _split_party(other.display)
        if o_name != name:
            continue
        if (
            not title
            or not o_title
            or _title_score(title, o_title) >= 0.99
            or _title_score(o_title, title) >= 0.99
        ):
            out.append(other)
    return out


def _role_for(session: Session, party_ids: list[int]) -> str:
    """Leader when the linked parties mostly direct (role 'leader' on items), or
    when one is the plan's signer."""
    titles = session.scalars(select(m.Party.title).where(m.Party.id.in_(party_ids))).all()
    if SIGNER_TITLE in titles:
        return "leader"
    rows = session.execute(
        select(m.ItemParty.role, func.count())
        .where(m.ItemParty.party_id.in_(party_ids))
        .group_by(m.ItemParty.role)
    ).all()
    by_role = dict(rows)
    lead = by_role.get("leader", 0)
    other = by_role.get("responsible", 0) + by_role.get("coordinating", 0)
    return "leader" if lead > other else "officer"


def decide_registration(
    engine: Engine, request_id: int, admin_id: int, party_id: int | None, admin_ids: Collection[int]
) -> Decision:
    """Approve (link to `party_id`) or reject (`party_id` None). Re-checks that the
    presser is an admin and that the party was one of the offered candidates."""
    with transaction(engine) as session:
        admin = session.get(m.User, admin_id)
        if _effective_role(admin_id, admin.role if admin else None, admin_ids) != "admin":
            _audit(session, str(admin_id), "registration_forbidden", request_id=request_id)
            return Decision(False, "forbidden")
        req = session.get(RegistrationRequest, request_id)
        if req is None:
            _audit(session, str(admin_id), "registration_unknown", request_id=request_id)
            return Decision(False, "unknown")
        if req.status != "pending":
            return Decision(False, "already", req.user_id)
        now = datetime.now(UTC)
        if party_id is None:
            req.status, req.decided_by, req.decided_at = "rejected", admin_id, now
            _audit(session, str(admin_id), "registration_rejected", request_id=req.id, user=req.user_id)
            return Decision(True, "rejected", req.user_id)
        party = session.get(m.Party, party_id)
        # one of the offered candidates, or any party of the request's place
        # (picked from the full list when none matched)
        if party is None or (
            party_id not in (req.candidates or []) and party.locality_key != req.locality_key
        ):
            _audit(session, str(admin_id), "registration_bad_party", request_id=req.id, party=party_id)
            return Decision(False, "bad_party", req.user_id)
        linked = [party, *_aliases(session, party)]
        user = session.get(m.User, req.user_id)
        if user is None:
            user = m.User(telegram_id=req.user_id, role="resident", chat_id=req.user_id, subscribed=False)
            session.add(user)
        before = _state(session, user)
        # The approved party is now his post: links elsewhere go (a moved officer
        # keeps nothing of his old commune); the role follows the new links.
        change = set_links(session, user, linked, str(admin_id))
        if user.role != "admin":
            user.role = _role_for(session, [p.id for p in linked])
        user.locality_key = party.locality_key
        req.status, req.decided_by, req.decided_at, req.party_id = "approved", admin_id, now, party_id
        _audit(
            session,
            str(admin_id),
            "registration_approved",
            request_id=req.id,
            user=req.user_id,
            parties=[p.id for p in linked],
            role=user.role,
            before=before,
            after=_state(session, user),
            links_removed=list(change.removed),
        )
        return Decision(True, "approved", req.user_id, party.display, user.role, change.removed)


# --- links: set, never accumulated ------------------------------------------


@dataclass(frozen=True)
class LinkChange:
    """Labels ('Trạm Y tế (xã Phú Lộc)') of the links a change added and removed."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()


def _party_label(session: Session, party: m.Party) -> str:
    loc = session.scalar(select(m.Locality.name).where(m.Locality.key == party.locality_key))
    return f"{party.display} ({loc or party.locality_key})"


def _link_labels(session: Session, telegram_id: int) -> list[str]:
    """Every link of the user as 'Trạm Y tế (xã An Bình)', in one query."""
    rows = session.execute(
        select(m.Party.display, m.Locality.name, m.Party.locality_key)
        .join(m.UserParty, m.UserParty.party_id == m.Party.id)
        .outerjoin(m.Locality, m.Locality.key == m.Party.locality_key)
        .where(m.UserParty.user_id == telegram_id)
        .order_by(m.Party.id)
    ).all()
    return [f"{display} ({name or key})" for display, name, key in rows]


def _linked_parties(session: Session, telegram_id: int) -> list[m.Party]:
    return list(
        session.scalars(
            select(m.Party)
            .join(m.UserParty, m.UserParty.party_id == m.Party.id)
            .where(m.UserParty.user_id == telegram_id)
            .order_by(m.Party.id)
        )
    )


def set_links(
    session: Session, user: m.User, parties: list[m.Party], by: str, keep: bool = False
) -> LinkChange:
    """Make `parties` the user's links: every other link is deleted now (a moved
    or demoted officer keeps nothing of his old post), unless `keep` (adding)."""
    current = {
        up.party_id: up
        for up in session.scalars(select(m.UserParty).where(m.UserParty.user_id == user.telegram_id))
    }
    wanted = {p.id: p for p in parties}
    removed = [] if keep else [pid for pid in current if pid not in wanted]
    removed_labels = tuple(_party_label(session, current[pid].party) for pid in sorted(removed))
    for pid in removed:
        session.delete(current[pid])
    added = [p for pid, p in wanted.items() if pid not in current]
    for p in added:
        session.add(m.UserParty(user_id=user.telegram_id, party_id=p.id, approved_by=by))
    session.flush()
    return LinkChange(tuple(_party_label(session, p) for p in added), removed_labels)


def _state(session: Session, user: m.User) -> dict[str, object]:
    """What an audit row records before and after a change of a user."""
    return {
        "role": user.role,
        "locality": user.locality_key,
        "subscribed": bool(user.subscribed),
        "parties": sorted(
            session.scalars(select(m.UserParty.party_id).where(m.UserParty.user_id == user.telegram_id))
        ),
    }


# --- command line: users add / import / revoke / list -------------------------


@dataclass(frozen=True)
class RosterRow:
    line: int
    telegram_id: int
    role: str
    locality: str
    party: str | None
    subscribe: bool


@dataclass(frozen=True)
class Assignment:
    """Everything one user is: a role, a locality, the digest, and all his links
    (one roster row per link; `users add` may repeat --party)."""

    telegram_id: int
    role: str
    locality: str
    subscribe: bool
    parties: tuple[tuple[int, str], ...]  # (line, party text)
    line: int


_TRUE = {"1", "true", "yes", "y", "x", "co", "có"}
_FALSE = {"", "0", "false", "no", "n", "khong", "không"}


def parse_roster_row(line: int, raw: dict[str, str | None]) -> RosterRow:
    def get(name: str) -> str:
        return (raw.get(name) or "").strip()

    tid = get("telegram_id")
    if not re.fullmatch(r"\d{1,15}", tid):
        raise UserError(f"dòng {line}: telegram_id phải là một số dương, không phải {tid!r}")
    if int(tid) in SPECIAL_SENDER_IDS:
        raise UserError(f"dòng {line}: {tid} là mã dịch vụ của Telegram, không giao vai trò được")
    role = get("role").lower()
    if role not in ROLES:
        raise UserError(f"dòng {line}: vai trò phải là một trong {', '.join(ROLES)}, không phải {role!r}")
    locality = get("locality")
    if not locality:
        raise UserError(f"dòng {line}: chưa ghi xã/phường")
    sub = get("subscribe").lower()
    if sub not in _TRUE | _FALSE:
        raise UserError(f"dòng {line}: cột subscribe phải là có/không (yes/no), không phải {sub!r}")
    party = get("party") or None
    if role in ("officer", "leader") and not party:
        raise UserError(
            f"dòng {line}: {ROLE_NAMES[role]} cần được liên kết với một đơn vị/cán bộ phụ trách trong kế hoạch "
            "(--party; xem danh sách bằng: planbot users parties --locality <xã/phường>)"
        )
    if role == "resident" and party:
        raise UserError(
            f"dòng {line}: người dân không liên kết với đơn vị nào (bỏ trống party, hoặc giao vai trò)"
        )
    return RosterRow(line, int(tid), role, locality, party, sub in _TRUE)


def merge_rows(rows: list[RosterRow]) -> tuple[list[Assignment], list[str]]:
    """One Assignment per user; a user on several rows must have the same role,
    locality and digest on each (the rows differ only by party)."""
    first: dict[int, RosterRow] = {}
    parties: dict[int, list[tuple[int, str]]] = {}
    errors: list[str] = []
    for row in rows:
        seen = first.setdefault(row.telegram_id, row)
        if seen is not row and (
            seen.role != row.role
            or fold(seen.locality) != fold(row.locality)
            or seen.subscribe != row.subscribe
        ):
            errors.append(
                f"dòng {row.line}: người dùng {row.telegram_id} đã có ở dòng {seen.line} với vai trò, "
                "xã/phường hoặc subscribe khác (mỗi người một vai trò: chỉ lặp lại cột party)"
            )
            continue
        if row.party:
            parties.setdefault(row.telegram_id, []).append((row.line, row.party))
    out = [
        Assignment(r.telegram_id, r.role, r.locality, r.subscribe, tuple(parties.get(tid, [])), r.line)
        for tid, r in first.items()
    ]
    return out, errors


def _resolve_locality(session: Session, text: str) -> m.Locality | None:
    query = _bare(fold(text))
    best: tuple[float, m.Locality] | None = None
    rows = session.scalars(select(m.Locality)).all()
    shared = Counter(_name_key(r.key) for r in rows)
    for loc in rows:
        info = _locality_info(loc, shared[_name_key(loc.key)] > 1)
        bare = _bare(info.folded)
        if query in (bare, info.folded) or (query.startswith(bare + " ") and info.mentions_where(query)):
            score = 200.0 + info.mentions_where(query)
        else:
            score = fuzz.ratio(query, bare)
        if score >= 85 and (best is None or score > best[0]):
            best = (score, loc)
    return best[1] if best else None


_HONORIFIC_WORDS = frozenset({"d", "c", "dc", "dong", "chi", "ong", "ba"})
SIGNER_TITLE = "người ký kế hoạch"


def _forms(*texts: str | None) -> set[str]:
    """Folded words a clerk may type for a party: as written, abbreviations
    expanded ('TYT' -> 'tram y te') and the initials of runs of words."""
    forms: set[str] = set()
    for text in texts:
        if not text:
            continue
        for variant in (fold(text), fold(expand_text(text))):
            words = variant.split()
            forms |= set(words) | _title_forms(words)
    return forms - _HONORIFIC_WORDS


def _written(*texts: str | None) -> set[str]:
    return {w for t in texts if t for w in fold(t).split()} - _HONORIFIC_WORDS


def _query_words(text: str) -> list[str]:
    words = fold(expand_text(text)).split()
    return [w for w in words if w not in _HONORIFIC_WORDS] or fold(text).split()


def _signers(
    session: Session, locality_key: str, parties: list[m.Party], aliases: dict[int, str] | None = None
) -> list[m.Party]:
    """The signers of the place's current plans as parties a leader may be linked
    to: an existing person party when it is the signer ('Đ/c Trung CT UBND' for
    'Đỗ Văn Trung'), else a new one (added to the session only when chosen)."""
    names = session.scalars(
        select(m.Plan.signer)
        .join(m.Locality, m.Plan.locality_id == m.Locality.id)
        .where(m.Locality.key == locality_key, m.Plan.is_current.is_(True), m.Plan.signer.is_not(None))
    ).all()
    out: list[m.Party] = []
    for name in dict.fromkeys(n.strip() for n in names if n and n.strip()):
        given = fold(name).split()[-1]
        same = [
            p
            for p in parties
            if p.kind == "person"
            and fold(p.person_name or "").split()[-1:] == [given]
            and " chu tich" in f" {fold(expand_text(p.display))}"
            and " pho chu tich" not in f" {fold(expand_text(p.display))}"
        ]
        if len(same) == 1:  # the signer is that party already: his full name finds it too
            if aliases is not None:
                aliases[same[0].id] = name
            continue
        key = f"dc {fold(name)} {fold(SIGNER_TITLE)}"
        existing = next((p for p in parties if p.key == key), None)
        out.append(
            existing
            or m.Party(
                locality_key=locality_key,
                key=key,
                display=f"{name} ({SIGNER_TITLE})",
                kind="person",
                person_name=name,
                title=SIGNER_TITLE,
            )
        )
    return [p for p in out if p not in parties]  # the ones not stored yet


def _deputy(party: m.Party) -> bool:
    return " pho " in f" {fold(expand_text(party.display))} "


def match_parties(session: Session, locality_key: str, text: str) -> list[m.Party]:
    """The parties of the place that `text` may mean, best first; one when it is
    unambiguous. Any spelling that names one party does: the display as written
    or folded, abbreviations ('TYT', 'CT UBND'), the person alone ('Đ/c Sâm',
    'Sâm'), the unit alone ('Trạm y tế'), the signer of the plan by his name."""
    parties = list(session.scalars(select(m.Party).where(m.Party.locality_key == locality_key)))
    aliases: dict[int, str] = {}
    candidates = parties + _signers(session, locality_key, parties, aliases)
    exact = {fold(text)} | {ref.key for ref in parse_parties(text)}
    found = [p for p in candidates if p.key in exact or fold(p.display) in exact]
    if len(found) == 1:
        return found
    words = _query_words(text)
    covering = [
        p
        for p in (found or candidates)
        if set(words) <= _forms(p.display, p.person_name, p.title, p.unit, aliases.get(p.id))
        # one word names a party as written ('Sâm', 'TYT'), not a word inside an
        # expanded abbreviation ('Hoa' is someone's name, not 'VH' = Văn hóa)
        and (len(words) > 1 or words[0] in _written(p.display, p.person_name, aliases.get(p.id)))
    ]
    if len(covering) > 1 and "pho" not in words:  # 'chủ tịch' is not 'phó chủ tịch'
        covering = [p for p in covering if not _deputy(p)] or covering
    if len(covering) > 1:  # a unit named whole beats the persons of that unit
        whole = [p for p in covering if p.kind != "person" and _query_words(p.display) == words]
        covering = whole if len(whole) == 1 else covering
    if len(covering) > 1 and all(p.kind != "person" for p in covering):  # 'Văn phòng': the closest unit
        sizes = sorted((len(_query_words(p.display)), n) for n, p in enumerate(covering))
        if sizes[0][0] < sizes[1][0]:
            covering = [covering[sizes[0][1]]]
    if covering:
        return covering
    scored = sorted(
        (
            (
                max(
                    fuzz.token_sort_ratio(fold(text), p.key),
                    fuzz.token_sort_ratio(fold(text), fold(p.display)),
                ),
                p,
            )
            for p in candidates
        ),
        key=lambda sp: -sp[0],
    )
    if scored and scored[0][0] >= 85 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return [scored[0][1]]
    return []


@dataclass(frozen=True)
class PartyListing:
    id: int | None  # None: the plan's signer, not yet a party
    display: str
    kind: str  # 'person' | 'unit' | 'title'
    leads: int  # items it directs ('chỉ đạo')
    reports: int  # items it carries out ('thực hiện')
    signer: bool = False


def list_parties(engine: Engine, locality_text: str) -> tuple[str, list[PartyListing]]:
    """The parties a user of the place may be linked to (`users parties`), with
    how many items each directs and carries out; the plan's signer too."""
    with session_factory(engine)() as session:
        loc = _resolve_locality(session, locality_text)
        if loc is None:
            known = ", ".join(sorted(r.name for r in session.scalars(select(m.Locality))))
            raise UserError(
                f"không có xã/phường «{locality_text}». Các nơi đã có kế hoạch: {known or 'chưa có'}"
            )
        parties = list(session.scalars(select(m.Party).where(m.Party.locality_key == loc.key)))
        counts: Counter[tuple[int, str]] = Counter(
            (pid, role)
            for pid, role in session.execute(
                select(m.ItemParty.party_id, m.ItemParty.role).where(
                    m.ItemParty.party_id.in_([p.id for p in parties])
                )
            )
        )
        out = [
            PartyListing(
                p.id,
                p.display,
                p.kind,
                counts[(p.id, "leader")],
                counts[(p.id, "responsible")],
                (p.title or "") == SIGNER_TITLE,
            )
            for p in parties
        ]
        out += [
            PartyListing(None, p.display, p.kind, 0, 0, True) for p in _signers(session, loc.key, parties)
        ]
        out.sort(key=lambda x: (x.kind != "person", fold(x.display)))
        return loc.name, out


def _closest(session: Session, locality_key: str, text: str, limit: int = 5) -> list[str]:
    parties = list(session.scalars(select(m.Party).where(m.Party.locality_key == locality_key)))
    parties += _signers(session, locality_key, parties)
    ranked = sorted(parties, key=lambda p: -fuzz.partial_ratio(fold(text), fold(expand_text(p.display))))
    return [p.display for p in ranked[:limit]]


def _resolve_party(session: Session, loc: m.Locality, text: str, line: int, role: str) -> m.Party:
    """The one party `text` names, or a UserError saying, in Vietnamese, what it
    could mean (ambiguous) or what is there (nothing matched)."""
    found = match_parties(session, loc.key, text)
    where = f"dòng {line}: " if line else ""
    if not found:
        near = "; ".join(_closest(session, loc.key, text))
        raise UserError(
            f"{where}không tìm thấy đơn vị/cán bộ «{text}» trong kế hoạch của {loc.name}."
            + (f" Gần giống: {near}." if near else "")
            + f' Xem cả danh sách: planbot users parties --locality "{loc.name}"'
        )
    if len(found) > 1:
        names = "; ".join(p.display for p in found[:8]) + (" …" if len(found) > 8 else "")
        raise UserError(f"{where}«{text}» có thể là nhiều đơn vị/cán bộ: {names}. Hãy ghi rõ hơn.")
    party = found[0]
    if party.id is None:  # the plan's signer, linked for the first time
        if role not in ("leader", "admin"):
            raise UserError(
                f"{where}người ký kế hoạch ({party.person_name}) chỉ liên kết được với vai trò lãnh đạo"
            )
        session.add(party)
        session.flush()
    return party


def _resolve(session: Session, a: Assignment) -> tuple[m.Locality, list[m.Party]]:
    """Check everything before anything is written."""
    loc = _resolve_locality(session, a.locality)
    if loc is None:
        raise UserError(
            f"dòng {a.line}: không có xã/phường «{a.locality}» (hãy nạp kế hoạch của nơi đó trước)"
        )
    parties: dict[int, m.Party] = {}
    for line, text in a.parties:
        party = _resolve_party(session, loc, text, line, a.role)
        for p in (party, *_aliases(session, party)):
            parties.setdefault(p.id, p)
    return loc, list(parties.values())


def _apply(session: Session, a: Assignment, actor: str, keep_links: bool = False) -> str:
    """Set the user to exactly `a` (his old links go, unless `keep_links` for a
    non-resident); one audit row when anything changed."""
    loc, parties = _resolve(session, a)
    user = session.get(m.User, a.telegram_id)
    if user is None:
        user = m.User(telegram_id=a.telegram_id, role="resident", chat_id=a.telegram_id, subscribed=False)
        session.add(user)
        session.flush()
    before = _state(session, user)
    if a.subscribe and not user.subscribed:
        user.subscribed_at = datetime.now(UTC)
    user.role, user.locality_key, user.subscribed = a.role, loc.key, a.subscribe
    session.flush()
    keep = keep_links and a.role != "resident"  # a resident holds no link, ever
    change = set_links(session, user, parties, actor, keep=keep)
    after = _state(session, user)
    if after != before:
        _audit(
            session,
            actor,
            "user_set",
            user=a.telegram_id,
            before=before,
            after=after,
            links_added=list(change.added),
            links_removed=list(change.removed),
            keep_links=keep,
        )
    return _describe(session, user, loc, before, after, change)


def _describe(
    session: Session,
    user: m.User,
    loc: m.Locality,
    before: dict[str, object],
    after: dict[str, object],
    change: LinkChange,
) -> str:
    """'2003: cán bộ của xã An Bình, liên kết với Trạm Y tế (xã An Bình); bỏ liên kết Trạm Y tế (xã Phú Lộc)'
    (a clerk reads it: Vietnamese, the role by its Vietnamese name)."""
    text = f"{user.telegram_id}: {role_name(user.role)} của {loc.name}"
    if before["role"] != user.role:
        text += f" (trước là {role_name(str(before['role']))})"
    links = _link_labels(session, user.telegram_id)
    text += f", liên kết với {', '.join(links)}" if links else ", không liên kết đơn vị nào"
    if change.removed:
        text += f"; bỏ liên kết {', '.join(change.removed)}"
    if before["subscribed"] != bool(user.subscribed):
        text += "; bật bản tin tháng" if user.subscribed else "; tắt bản tin tháng"
    if before == after:
        text += " (không đổi)"
    return text


def add_user(
    engine: Engine,
    telegram_id: int,
    role: str,
    locality: str,
    party: str | Sequence[str] | None = None,
    subscribe: bool = False,
    actor: str = "cli",
    keep_links: bool = False,
) -> str:
    """`party`: one party or several; they become the user's only links unless
    `keep_links`."""
    texts = [party] if isinstance(party, str) else list(party or [])
    try:
        rows = [
            parse_roster_row(
                0,
                {
                    "telegram_id": str(telegram_id),
                    "role": role,
                    "locality": locality,
                    "party": p,
                    "subscribe": "yes" if subscribe else "no",
                },
            )
            for p in ([*texts] if texts else [None])
        ]
        [assignment], _ = merge_rows(rows)
        with transaction(engine) as session:
            return _apply(session, assignment, actor, keep_links)
    except UserError as exc:
        raise UserError(str(exc).removeprefix("dòng 0: ")) from None


ROSTER_COLUMNS = ("telegram_id", "role", "locality", "party", "subscribe")


@dataclass(frozen=True)
class ImportResult:
    lines: list[str]
    revoked: list[str]  # users holding a role who are not in the roster
    kept: list[int]  # the same, left as they are (no --revoke-missing)


def _read_roster(path: Path) -> list[Assignment]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError(f"{path}: không có tệp này") from None
    except UnicodeDecodeError:
        raise UserError(f"{path}: tệp không ở dạng chữ UTF-8 (hãy lưu lại dưới dạng CSV UTF-8)") from None
    except OSError as exc:  # the system's own words are English: say what happened, keep the code
        raise UserError(f"{path}: không đọc được tệp (lỗi hệ thống {exc.errno})") from None
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in ("telegram_id", "role", "locality") if c not in (reader.fieldnames or [])]
    if missing:
        raise UserError(f"{path}: dòng 1: thiếu cột {', '.join(missing)}")
    rows: list[RosterRow] = []
    errors: list[str] = []
    for n, raw in enumerate(reader, start=2):
        try:
            rows.append(parse_roster_row(n, raw))
        except UserError as exc:
            errors.append(str(exc))
    assignments, merge_errors = merge_rows(rows)
    errors += merge_errors
    if errors:
        raise UserError("\n".join(sorted(errors, key=_line_no)))
    return assignments


def _line_no(error: str) -> int:
    found = re.match(r"dòng (\d+)", error)
    return int(found.group(1)) if found else 0


def import_roster(
    engine: Engine, path: Path, actor: str = "cli", keep_links: bool = False, revoke_missing: bool = False
) -> ImportResult:
    """All rows or nothing: every bad row is reported (by line number) and then
    nothing is imported. Each user in the file gets exactly his rows' role and
    links; with `revoke_missing`, officers, leaders and admins not in the file
    become residents and lose their links."""
    assignments = _read_roster(path)
    errors: list[str] = []
    with transaction(engine) as session:
        done = []
        for a in assignments:
            try:  # _apply checks everything before it writes anything
                done.append(_apply(session, a, actor, keep_links))
            except UserError as exc:
                errors.append(str(exc))
        if errors:
            raise UserError("\n".join(errors))  # rolls the whole file back
        listed = {a.telegram_id for a in assignments}
        others = [
            u
            for u in session.scalars(
                select(m.User).where(m.User.role != "resident").order_by(m.User.telegram_id)
            )
            if u.telegram_id not in listed
        ]
        if not revoke_missing:
            return ImportResult(done, [], [u.telegram_id for u in others])
        revoked = [_revoke(session, u, actor, reason="not in roster") for u in others]
    return ImportResult(done, revoked, [])


def _revoke(session: Session, user: m.User, actor: str, reason: str) -> str:
    before = _state(session, user)
    user.role = "resident"
    change = set_links(session, user, [], actor)
    _audit(
        session,
        actor,
        "user_revoked",
        user=user.telegram_id,
        before=before,
        after=_state(session, user),
        links_removed=list(change.removed),
        reason=reason,
    )
    removed = f"; bỏ liên kết {', '.join(change.removed)}" if change.removed else ""
    return f"{user.telegram_id}: {role_name('resident')} (trước là {role_name(str(before['role']))}){removed}"


def revoke_user(engine: Engine, telegram_id: int, actor: str = "cli") -> str:
    """Back to resident at once: the role and every link go; locality and digest stay."""
    with transaction(engine) as session:
        user = session.get(m.User, telegram_id)
        if user is None:
            raise UserError(f"không có người dùng {telegram_id}")
        if user.role == "resident" and not _linked_parties(session, telegram_id):
            return f"{telegram_id}: {role_name('resident')} (không đổi)"
        return _revoke(session, user, actor, reason="revoked")


@dataclass(frozen=True)
class RosterEntry:
    telegram_id: int
    role: str
    locality: str | None
    links: list[str]
    subscribed: bool


def list_roles(engine: Engine) -> list[RosterEntry]:
    """Every user who holds a role or a link (a resident with a link would be a fault)."""
    with session_factory(engine)() as session:
        linked = select(m.UserParty.user_id)
        q = select(m.User).where(or_(m.User.role != "resident", m.User.telegram_id.in_(linked)))
        out = []
        for u in session.scalars(q.order_by(m.User.telegram_id)):
            loc = session.scalar(select(m.Locality.name).where(m.Locality.key == u.locality_key))
            links = _link_labels(session, u.telegram_id)
            out.append(RosterEntry(u.telegram_id, u.role, loc or u.locality_key, links, bool(u.subscribed)))
        return out


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
