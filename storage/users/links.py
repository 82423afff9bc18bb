"""A user's links to the plan's parties: stated, never accumulated (a moved officer keeps
nothing of his old post)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage import models as m

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
