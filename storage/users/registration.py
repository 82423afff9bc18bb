"""Registration requests (/dangky) and the admin's decision on them."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from knowledge.text import fold
from storage import models as m
from storage.bot_models import RegistrationRequest
from storage.db import session_factory, transaction
from storage.users.core import PartyInfo, UserError, _audit, _effective_role, is_special_sender
from storage.users.links import _state, set_links
from storage.users.localities import locality_by_key
from storage.users.parties import SIGNER_TITLE, _aliases, _signers, candidate_parties


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
