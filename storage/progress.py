"""Progress updates from officers: the items a command names, permission, drafts, records.

Flow: `prepare_update` parses '/capnhat <item>: <value> [note]', checks the
permission and stores a draft; 'Xác nhận' calls `confirm_draft`, which
re-checks the permission and appends one ProgressRecord (idempotent: a second
press stores nothing). Records are never updated or deleted."""

from __future__ import annotations

import logging
import re
import secrets
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from knowledge import answer_text as say
from storage import answers, audit
from storage import models as m
from storage.answer_facts import tracked_row
from storage.bot_models import ProgressDraft
from storage.db import session_factory, transaction
from storage.ownership import REPORTING_ROLES
from storage.users import ADMIN_NAME, UserInfo, officer_names
from storage.values import Achievement, ParsedValue, achievement, parse_value

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Item:
    kind: str  # 'indicator' | 'task'
    id: int
    name: str
    plan_key: str
    item_key: str
    locality_key: str | None
    locality_name: str | None
    unit: str | None = None
    target_text: str | None = None
    target_value: float | None = None
    comparator: str | None = None
    target_max: float | None = None
    deadline_text: str | None = None
    responsible: str | None = None
    leader: str | None = None
    group: str | None = None  # the plan's heading over the item ('Chỉ tiêu kinh tế')
    period_end: int | None = None  # the plan's last year (None: not named)
    plan_short: str = ""  # the plan as its number ('QĐ 23/QĐ-UBND'): tells same-named items apart


@dataclass(frozen=True)
class Progress:
    value: float | None
    value_text: str | None
    status: str | None
    note: str | None
    source: str
    reported_by: str
    reported_at: datetime | None
    assessment: str | None = None
    reporter: str | None = None  # the officer's party ('Trạm Y tế'); never a Telegram id


def _item(kind: str, row: m.Indicator | m.Task, plan: m.Plan) -> Item:
    loc_key = plan.locality.key if plan.locality else None
    common: dict[str, Any] = {
        "kind": kind,
        "id": row.id,
        "name": row.name,
        "plan_key": plan.plan_key,
        "item_key": row.item_key,
        "locality_key": loc_key,
        "locality_name": plan.locality_name,
        "responsible": row.responsible_text,
        "leader": row.leader_text,
        "group": row.group,
        "period_end": plan.period_end or plan.period_start,
        "plan_short": _plan_short(plan),
    }
    if isinstance(row, m.Indicator):
        return Item(
            **common,
            unit=row.unit,
            target_text=row.target_text,
            target_value=row.target_value,
            comparator=row.comparator,
            target_max=row.target_max,
        )
    return Item(**common, deadline_text=row.deadline_text)


def _plan_short(plan: m.Plan) -> str:
    return say.plan_short(
        say.SourceFacts(
            title=plan.title,
            doc_number=plan.doc_number,
            period_start=plan.period_start,
            period_end=plan.period_end,
        )
    )


def current_items(session: Session, locality_key: str | None = None) -> list[Item]:
    """Indicators and tasks of the current plans (of one locality when given)."""
    q = select(m.Plan).where(m.Plan.is_current.is_(True))
    if locality_key:
        q = q.join(m.Locality, m.Plan.locality_id == m.Locality.id).where(m.Locality.key == locality_key)
    items: list[Item] = []
    for plan in session.scalars(q.order_by(m.Plan.id)):
        items += [_item("indicator", i, plan) for i in plan.indicators]
        items += [_item("task", t, plan) for t in plan.tasks]
    return items


def items_named(
    engine: Engine, text: str, locality_key: str | None = None, limit: int = 5, kind: str | None = None
) -> list[Item]:
    """The items a command names ('/chitieu bhyt'), best first, found by the answer
    engine's search: the abbreviations, folding and typo tolerance of free text."""
    return [item for item, _ in _named(engine, text, locality_key, limit, kind)]


def _named(
    engine: Engine, text: str, locality_key: str | None, limit: int = 5, kind: str | None = None
) -> list[tuple[Item, float]]:
    kinds = (kind,) if kind else answers.ITEM_KINDS
    found = answers.find_items(engine, locality_key, text, kinds, limit)
    if not found:
        return []
    with session_factory(engine)() as session:
        items = [(_get_item(session, f.kind, f.item_id), f.score) for f in found]
    return [(item, score) for item, score in items if item is not None]


def get_item(engine: Engine, kind: str, item_id: int) -> Item | None:
    with session_factory(engine)() as session:
        return _get_item(session, kind, item_id)


def _get_item(session: Session, kind: str, item_id: int) -> Item | None:
    row = tracked_row(session, kind, item_id)
    return _item(kind, row, row.plan) if row is not None else None


def reporting_party_ids(session: Session, item: Item) -> set[int]:
    col = m.ItemParty.indicator_id if item.kind == "indicator" else m.ItemParty.task_id
    return set(
        session.scalars(
            select(m.ItemParty.party_id).where(col == item.id, m.ItemParty.role.in_(REPORTING_ROLES))
        )
    )


def reporter_name(session: Session, user: UserInfo, item: Item) -> str | None:
    """The name a record shows for its officer: the party (unit or person of the
    plan) through which he may report the item, as an admin approved it; None for
    an admin reporting outside his links. Kept on the record, so a later move of
    the officer does not rewrite history; never his Telegram id, which residents
    must not see."""
    mine = reporting_party_ids(session, item) & set(user.party_ids)
    if not mine:  # an admin, or a leader outside his links: as he is known (his registered name)
        named = officer_names(session, [user.telegram_id]).get(user.telegram_id)
        return named or (ADMIN_NAME if user.role == "admin" else None)
    return session.scalar(select(m.Party.display).where(m.Party.id.in_(mine)).order_by(m.Party.id).limit(1))


def may_update(session: Session, user: UserInfo, item: Item) -> bool:
    """Admins any item; officers and leaders only items their parties answer for or direct."""
    if user.role == "admin":
        return True
    if user.role not in ("officer", "leader"):
        return False
    return bool(reporting_party_ids(session, item) & set(user.party_ids))


def my_items(engine: Engine, user: UserInfo, limit: int = 20) -> list[Item]:
    """Items the user may report on (guided flow); admins: their locality's items."""
    with session_factory(engine)() as session:
        items = current_items(session, user.locality_key)
        return [i for i in items if may_update(session, user, i)][:limit]


def latest_progress(engine: Engine, item: Item) -> Progress | None:
    rows = history(engine, item, limit=1)
    return rows[0] if rows else None


def history(engine: Engine, item: Item, limit: int = 10) -> list[Progress]:
    with session_factory(engine)() as session:
        rows = session.scalars(
            select(m.ProgressRecord)
            .where(
                m.ProgressRecord.plan_key == item.plan_key,
                m.ProgressRecord.item_kind == item.kind,
                m.ProgressRecord.item_key == item.item_key,
            )
            .order_by(m.ProgressRecord.reported_at.desc(), m.ProgressRecord.id.desc())
            .limit(limit)
        ).all()
        # records kept before names were: the officer as he is known now
        names = officer_names(session, [r.reported_by_user_id for r in rows if not r.reported_by_name])
        return [
            Progress(
                r.value,
                r.value_text,
                r.status,
                r.note,
                r.source,
                r.reported_by,
                r.reported_at,
                r.assessment,
                r.reported_by_name or names.get(r.reported_by_user_id or 0),
            )
            for r in rows
        ]


# --- the /capnhat flow ------------------------------------------------------


@dataclass(frozen=True)
class Prepared:
    """Outcome of a '/capnhat': either a draft to confirm or a refusal reason."""

    # 'draft' | 'format' | 'not_found' | 'forbidden' | 'bad_value' | 'not_officer' | 'note_too_long'
    outcome: str
    item: Item | None = None
    token: str | None = None
    value: ParsedValue | None = None
    previous: Progress | None = None
    achievement: Achievement | None = None
    candidates: tuple[Item, ...] = ()
    raw_value: str | None = None
    note: str | None = None  # shown on the confirmation card: what is confirmed is what is stored


# A note is for a line of context ("số liệu đến 15/5"), not a report: a cap keeps
# the card readable and a pasted document out of the progress history.
MAX_NOTE = 500
_SPLIT = re.compile(r"\s*[:=]\s*")


def split_update(text: str) -> tuple[str, str, str | None] | None:
    """'tỷ lệ ...: 93% ghi chú' -> ('tỷ lệ ...', '93%', None); notes after ' - ' or ';'."""
    parts = _SPLIT.split(text.strip(), maxsplit=1)
    if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
        return None
    item_text, rest = parts[0].strip(), parts[1].strip()
    note = None
    m_note = re.search(r"\s*(?:;|\s[-–]\s|\(ghi chú:?)\s*", rest)
    if m_note:
        rest, note = rest[: m_note.start()].strip(), rest[m_note.end() :].strip(" )") or None
    return item_text, rest, note


def prepare_update(engine: Engine, user: UserInfo, text: str) -> Prepared:
    if not user.can_report:
        return Prepared("not_officer")
    parts = split_update(text)
    if parts is None:
        return Prepared("format")
    item_text, value_text, note = parts
    if note is not None and len(note) > MAX_NOTE:
        return Prepared("note_too_long", raw_value=value_text, note=note)
    found = _named(engine, item_text, user.locality_key, limit=8)
    if not found and user.is_admin and user.locality_key:  # an admin may update any place's items
        found = _named(engine, item_text, None, limit=8)
    if not found:
        return Prepared("not_found", raw_value=value_text)
    item, candidates = _his_item(engine, user, found)
    return prepare_for_item(engine, user, item, value_text, note, candidates=candidates)


def _his_item(
    engine: Engine, user: UserInfo, found: list[tuple[Item, float]]
) -> tuple[Item, tuple[Item, ...]]:
    """Of the items the search found, the best one the user may update, and his
    others. One he may not update that clearly fits better stays the answer (and
    is refused): an officer who names another unit's item must not get a card
    for one of his own that merely shares a word with it."""
    with session_factory(engine)() as session:
        mine = [(item, score) for item, score in found if may_update(session, user, item)]
    best, best_score = found[0]
    if not mine or mine[0][1] < best_score - answers.CLOSE:
        return best, ()
    return mine[0][0], tuple(item for item, _ in mine[1:])


def prepare_for_item(
    engine: Engine,
    user: UserInfo,
    item: Item,
    value_text: str,
    note: str | None = None,
    candidates: tuple[Item, ...] = (),
) -> Prepared:
    if note is not None and len(note) > MAX_NOTE:
        return Prepared("note_too_long", item=item, raw_value=value_text, note=note)
    with session_factory(engine)() as session:
        allowed = may_update(session, user, item)
    if not allowed:
        _audit_refusal(engine, user, item, "progress_forbidden")
        return Prepared("forbidden", item=item)
    parsed = parse_value(value_text, unit=item.unit)
    if parsed is None:
        return Prepared("bad_value", item=item, raw_value=value_text)
    token = secrets.token_urlsafe(9)  # 12 characters
    with transaction(engine) as session:
        session.add(
            ProgressDraft(
                token=token,
                user_id=user.telegram_id,
                item_kind=item.kind,
                item_id=item.id,
                value=parsed.value,
                value_text=parsed.text,
                status=parsed.status,
                note=note,
                state="pending",
                created_at=datetime.now(UTC),
            )
        )
    return Prepared(
        "draft",
        item=item,
        token=token,
        value=parsed,
        previous=latest_progress(engine, item),
        achievement=achievement(
            parsed, item.target_value, item.comparator, item.target_max, item.target_text, item.name
        ),
        candidates=candidates,
        note=note,
    )


def _audit_refusal(engine: Engine, user: UserInfo, item: Item, action: str) -> None:
    log.warning("refused: user %s on %s %s (%s)", user.telegram_id, item.kind, item.id, action)
    audit.record(engine, str(user.telegram_id), action, **_item_details(item))


def _item_details(item: Item | None) -> dict[str, object]:
    if item is None:
        return {}
    return {"item_kind": item.kind, "item_id": item.id, "item": audit.clip(item.name)}


def _foreign_press(
    session: Session, user: UserInfo, token: str, draft: ProgressDraft | None, press: str
) -> None:
    """Someone else's card, or a token no card ever carried: refused, and recorded."""
    action = "progress_button_unknown" if draft is None else "progress_button_not_yours"
    owner = {"owner": draft.user_id} if draft is not None else {}
    log.warning("%s: %s pressed %r (%s)", action, user.telegram_id, token[:24], press)
    audit.add(session, str(user.telegram_id), action, press=press, token=audit.clip(token, 24), **owner)


@dataclass(frozen=True)
class Confirmation:
    outcome: str  # 'stored' | 'already' | 'cancelled' | 'unknown' | 'not_yours' | 'forbidden'
    item: Item | None = None
    value_text: str | None = None
    record_id: int | None = None


DRAFT_TOKEN = re.compile(r"[A-Za-z0-9_-]{8,24}")


def confirm_draft(engine: Engine, token: str, user: UserInfo) -> Confirmation:
    """Store the draft's record once. The permission is checked again: roles may
    have changed since the draft was shown."""
    try:
        with transaction(engine) as session:
            draft = session.get(ProgressDraft, token) if DRAFT_TOKEN.fullmatch(token) else None
            if draft is None or draft.user_id != user.telegram_id:
                _foreign_press(session, user, token, draft, "confirm")
                return Confirmation("unknown" if draft is None else "not_yours")
            item = _get_item(session, draft.item_kind, draft.item_id)
            if draft.state == "confirmed":
                return Confirmation("already", item, draft.value_text, draft.record_id)
            if draft.state != "pending" or item is None:
                return Confirmation("cancelled", item)
            if not may_update(session, user, item):  # his role or links changed since the card
                audit.add(
                    session, str(user.telegram_id), "progress_forbidden", at="confirm", **_item_details(item)
                )
                return Confirmation("forbidden", item)
            record = m.ProgressRecord(
                plan_key=item.plan_key,
                item_kind=item.kind,
                item_key=item.item_key,
                item_name=item.name,
                indicator_id=item.id if item.kind == "indicator" else None,
                task_id=item.id if item.kind == "task" else None,
                value=draft.value,
                value_text=draft.value_text,
                status=draft.status,
                note=draft.note,
                source="telegram",
                reported_by=str(user.telegram_id),
                reported_by_user_id=user.telegram_id,
                reported_by_name=reporter_name(session, user, item),
                reported_at=datetime.now(UTC),
                idempotency_key=f"tg:{token}",
            )
            session.add(record)
            session.flush()
            draft.state, draft.record_id = "confirmed", record.id
            audit.add(
                session,
                str(user.telegram_id),
                "progress_recorded",
                record=record.id,
                item_kind=item.kind,
                item_id=item.id,
            )
            return Confirmation("stored", item, draft.value_text, record.id)
    except IntegrityError:  # a concurrent press stored it first
        return Confirmation("already")


def cancel_draft(engine: Engine, token: str, user: UserInfo) -> Confirmation:
    with transaction(engine) as session:
        draft = session.get(ProgressDraft, token) if DRAFT_TOKEN.fullmatch(token) else None
        if draft is None or draft.user_id != user.telegram_id:
            _foreign_press(session, user, token, draft, "cancel")
            return Confirmation("unknown" if draft is None else "not_yours")
        if draft.state == "confirmed":
            return Confirmation("already", value_text=draft.value_text)
        draft.state = "cancelled"
        return Confirmation("cancelled")


def progress_records_count(engine: Engine, collection: Collection[str] = ("telegram",)) -> int:
    with session_factory(engine)() as session:
        return len(
            session.scalars(select(m.ProgressRecord.id).where(m.ProgressRecord.source.in_(collection))).all()
        )


@dataclass(frozen=True)
class Summary:
    items: int
    updated: int


def locality_summary(engine: Engine, locality_key: str | None) -> Summary:
    """How many current items exist and how many have any progress record."""
    with session_factory(engine)() as session:
        items = current_items(session, locality_key)
        keys = set(
            session.execute(
                select(m.ProgressRecord.plan_key, m.ProgressRecord.item_kind, m.ProgressRecord.item_key)
            ).all()
        )
    updated = sum(1 for i in items if (i.plan_key, i.kind, i.item_key) in keys)
    return Summary(len(items), updated)
