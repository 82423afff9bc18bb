"""The public board: places with plans, each place's current indicators and tasks
with their standing, and one item's history — what `planbot web` shows.

Read-only. Every judgement reuses what the bot already says elsewhere: the
target in the plan's words (knowledge.answer_text.figure), met or not in the
target's own direction (storage.values.achievement: 'dưới 7,6%' is met below),
a task's deadlines and 'done' as the reminders read them. No resident data:
records name the officer by his party in the plan, as /lichsu does."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, selectinload

from knowledge.answer_text import ItemFacts, figure
from knowledge.periods import past_grace
from knowledge.text import fold
from storage import models as m
from storage import users
from storage.db import session_factory
from storage.progress import REPORTING_ROLES
from storage.reminders import task_deadlines
from storage.values import ParsedValue, achievement, fmt_number, reported_done

# Indicator standing
MET, IN_PROGRESS, NOT_MET, NO_DATA = "met", "in_progress", "not_met", "no_data"
# Task standing
DONE, ON_TIME, DUE_SOON, OVERDUE, PERIOD_OVER = "done", "on_time", "due_soon", "overdue", "period_over"
STATUS_LABELS = {
    MET: "đạt",
    IN_PROGRESS: "đang thực hiện",
    NOT_MET: "chưa đạt",
    NO_DATA: "chưa có số liệu",
    DONE: "đã hoàn thành",
    ON_TIME: "đúng hạn",
    DUE_SOON: "sắp đến hạn",
    OVERDUE: "quá hạn",
    PERIOD_OVER: "đã hết kỳ kế hoạch",
}
DUE_SOON_DAYS = 30  # as the answer engine's 'việc sắp đến hạn'
AN_OFFICER = "Cán bộ"  # a record without a party name: never the Telegram id
PAGE_SIZE = 50  # places per page of the index
HISTORY_LIMIT = 200
_SLUG = re.compile(r"[^a-z0-9]+")


# ------------------------------------------------------------------ places


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


# ------------------------------------------------------------------ one place


@dataclass
class Latest:
    text: str  # as reported ('93%', 'Đạt')
    at: datetime
    by: str  # the officer's party, or the document


@dataclass
class IndicatorRow:
    ref: str  # 'i18'
    no: str
    group: str | None
    name: str
    target: str  # in the plan's words: 'dưới 7,6%'
    responsible: str
    status: str
    latest: Latest | None = None
    percent: float | None = None
    mine: bool = False


@dataclass
class TaskRow:
    ref: str  # 't7'
    no: str
    group: str | None
    name: str
    lead: str  # the unit in charge (đơn vị chủ trì)
    deadline_text: str
    due: date | None  # the deadline that matters now: the passed one, else the next
    status: str
    latest: Latest | None = None
    mine: bool = False


@dataclass
class PlanBoard:
    id: int
    title: str
    period: str
    doc_number: str | None
    indicators: list[IndicatorRow] = field(default_factory=list)
    tasks: list[TaskRow] = field(default_factory=list)


@dataclass
class Board:
    place: PlaceCard
    plans: list[PlanBoard]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for plan in self.plans:
            rows: list[IndicatorRow | TaskRow] = [*plan.indicators, *plan.tasks]
            for row in rows:
                out[row.status] = out.get(row.status, 0) + 1
        return out


# what a board shows: the rest (sources, notes, other targets as JSON) stays unread
_INDICATOR_COLUMNS = (
    m.Indicator.item_key,
    m.Indicator.no,
    m.Indicator.group,
    m.Indicator.name,
    m.Indicator.unit,
    m.Indicator.target_text,
    m.Indicator.target_value,
    m.Indicator.comparator,
    m.Indicator.target_max,
    m.Indicator.responsible_text,
    m.Indicator.leader_text,
)
_TASK_COLUMNS = (
    m.Task.item_key,
    m.Task.no,
    m.Task.group,
    m.Task.name,
    m.Task.responsible_text,
    m.Task.leader_text,
    m.Task.deadline_text,
    m.Task.due_date,
    m.Task.recurring,
)


def board(
    engine: Engine, place_id: int, today: date, party_ids: frozenset[int] = frozenset()
) -> Board | None:
    """The place's current plans, newest period first; None for an unknown place.
    `party_ids`: the viewer's parties (an officer in the Mini App) — his items
    are marked and come first."""
    with session_factory(engine)() as session:
        card = _card(session, place_id)
        if card is None:
            return None
        plans = list(
            session.scalars(
                select(m.Plan)
                .where(m.Plan.locality_id == place_id, m.Plan.is_current.is_(True))
                .options(
                    selectinload(m.Plan.indicators).load_only(*_INDICATOR_COLUMNS),
                    selectinload(m.Plan.tasks).load_only(*_TASK_COLUMNS).selectinload(m.Task.deadlines),
                )
                .order_by(m.Plan.period_end.desc(), m.Plan.id.desc())
            )
        )
        latest = _latest_records(session, [p.plan_key for p in plans])
        mine = _my_items(session, plans, party_ids)
        return Board(card, [_plan_board(p, latest, mine, today) for p in plans])


def place_card(engine: Engine, place_id: int) -> PlaceCard | None:
    with session_factory(engine)() as session:
        return _card(session, place_id)


def _card(session: Session, place_id: int) -> PlaceCard | None:
    """In the caller's session: a page is a handful of queries, not a session each."""
    loc = session.get(m.Locality, place_id)
    if loc is None:
        return None
    n = session.scalar(
        select(func.count(m.Plan.id)).where(m.Plan.locality_id == place_id, m.Plan.is_current.is_(True))
    )
    info = users.locality_info(session, loc)
    return PlaceCard(info.id, info.key, info.label, info.now, n) if n else None


_RECORD_COLUMNS = (
    m.ProgressRecord.plan_key,
    m.ProgressRecord.item_kind,
    m.ProgressRecord.item_key,
    m.ProgressRecord.value,
    m.ProgressRecord.value_text,
    m.ProgressRecord.status,
    m.ProgressRecord.assessment,
    m.ProgressRecord.source,
    m.ProgressRecord.reported_by,
    m.ProgressRecord.reported_by_name,
    m.ProgressRecord.reported_at,
)


def _latest_records(session: Session, plan_keys: list[str]) -> dict[tuple[str, str, str], Any]:
    """The newest record of every item of these plans (records outlive plan versions);
    plain rows with the record's attributes: a page reads them, never changes them."""
    if not plan_keys:
        return {}
    rows = session.execute(
        select(*_RECORD_COLUMNS)
        .where(m.ProgressRecord.plan_key.in_(plan_keys))
        .order_by(m.ProgressRecord.reported_at, m.ProgressRecord.id)
    )
    return {(r.plan_key, r.item_kind, r.item_key): r for r in rows}


def _my_items(session: Session, plans: list[m.Plan], party_ids: frozenset[int]) -> set[tuple[str, int]]:
    if not party_ids or not plans:
        return set()
    plan_ids = [p.id for p in plans]
    links = session.execute(
        select(m.ItemParty.indicator_id, m.ItemParty.task_id)
        .outerjoin(m.Indicator, m.Indicator.id == m.ItemParty.indicator_id)
        .outerjoin(m.Task, m.Task.id == m.ItemParty.task_id)
        .where(
            m.ItemParty.party_id.in_(party_ids),
            m.ItemParty.role.in_(REPORTING_ROLES),
            (m.Indicator.plan_id.in_(plan_ids)) | (m.Task.plan_id.in_(plan_ids)),
        )
    ).all()
    return {("indicator", i) for i, _ in links if i} | {("task", t) for _, t in links if t}


def period_label(start: int | None, end: int | None) -> str:
    if start and end and start != end:
        return f"giai đoạn {start}–{end}"
    return f"năm {end or start}" if (end or start) else ""


def _period_over(plan: m.Plan, today: date) -> bool:
    """The bot's rule (knowledge/periods.py): a plan is over a month after its period,
    once its final figures are reported; only then is a shortfall 'chưa đạt' and a
    task 'đã hết kỳ kế hoạch'."""
    return past_grace(plan.period_end, today, plan.period_start)


def _plan_board(
    plan: m.Plan,
    latest: dict[tuple[str, str, str], Any],
    mine: set[tuple[str, int]],
    today: date,
) -> PlanBoard:
    over = _period_over(plan, today)
    inds = [
        indicator_row(ind, latest.get((plan.plan_key, "indicator", ind.item_key)), over, mine)
        for ind in plan.indicators
    ]
    tasks = [
        task_row(t, latest.get((plan.plan_key, "task", t.item_key)), over, today, mine) for t in plan.tasks
    ]
    # the viewer's own items first, in the plan's order otherwise (sorted() is stable)
    return PlanBoard(
        plan.id,
        plan.title or plan.source,
        period_label(plan.period_start, plan.period_end),
        plan.doc_number,
        sorted(inds, key=lambda r: not r.mine),
        sorted(tasks, key=lambda r: not r.mine),
    )


def target_words(ind: m.Indicator) -> str:
    return figure(
        ItemFacts(
            "indicator", ind.name, target_text=ind.target_text, unit=ind.unit, comparator=ind.comparator
        )
    )


def _latest(rec: m.ProgressRecord | None) -> Latest | None:
    if rec is None:
        return None
    return Latest(record_text(rec), rec.reported_at, reporter(rec))


def record_text(rec: m.ProgressRecord) -> str:
    if rec.value_text:
        return rec.value_text
    if rec.value is not None:
        return fmt_number(rec.value)
    return STATUS_LABELS.get(rec.status or "", rec.status or rec.assessment or "")


def reporter(rec: m.ProgressRecord) -> str:
    """The officer's party ('Trạm Y tế'), or the document a figure came from."""
    if rec.source == "document":
        return rec.reported_by or ""
    return rec.reported_by_name or AN_OFFICER


def indicator_status(
    ind: m.Indicator, rec: m.ProgressRecord | None, period_over: bool
) -> tuple[str, float | None]:
    """Judged in the target's direction; a shortfall is 'chưa đạt' only once the
    plan's period is over — before that the work is still going on."""
    if rec is None:
        return NO_DATA, None
    parsed = ParsedValue(text=rec.value_text or "", value=rec.value, status=rec.status)
    ach = achievement(parsed, ind.target_value, ind.comparator, ind.target_max, ind.target_text)
    if ach is not None:
        if ach.met:
            return MET, ach.percent
        return (NOT_MET if period_over else IN_PROGRESS), ach.percent
    if rec.status in ("met", "done"):
        return MET, None
    if rec.status in ("not_met", "not_done"):
        return NOT_MET, None
    return IN_PROGRESS, None


def indicator_row(
    ind: m.Indicator, rec: m.ProgressRecord | None, period_over: bool, mine: set[tuple[str, int]]
) -> IndicatorRow:
    status, pct = indicator_status(ind, rec, period_over)
    return IndicatorRow(
        ref=f"i{ind.id}",
        no=ind.no or "",
        group=ind.group,
        name=ind.name,
        target=target_words(ind),
        responsible=ind.responsible_text or ind.leader_text or "",
        status=status,
        latest=_latest(rec),
        percent=round(pct, 1) if pct is not None else None,
        mine=("indicator", ind.id) in mine,
    )


def _is_done(rec: m.ProgressRecord | None) -> bool:
    return rec is not None and reported_done(rec.status, rec.value_text, rec.assessment)


def task_status(
    task: m.Task, rec: m.ProgressRecord | None, period_over: bool, today: date
) -> tuple[str, date | None]:
    """Done when reported so; past the plan's period 'đã hết kỳ kế hoạch'; else
    by its deadlines as the reminders read them: one passed is 'quá hạn', the
    next within DUE_SOON_DAYS 'sắp đến hạn'."""
    dates = task_deadlines(task)
    passed = [d for d in dates if d < today]
    coming = [d for d in dates if d >= today]
    due = passed[-1] if passed else (coming[0] if coming else None)
    if _is_done(rec):
        return DONE, due
    if period_over:
        return PERIOD_OVER, due
    if passed:
        return OVERDUE, due
    if coming and coming[0] - today <= timedelta(days=DUE_SOON_DAYS):
        return DUE_SOON, due
    return ON_TIME, due


def task_row(
    task: m.Task, rec: m.ProgressRecord | None, period_over: bool, today: date, mine: set[tuple[str, int]]
) -> TaskRow:
    status, due = task_status(task, rec, period_over, today)
    return TaskRow(
        ref=f"t{task.id}",
        no=task.no or "",
        group=task.group,
        name=task.name,
        lead=task.responsible_text or task.leader_text or "",
        deadline_text=task.deadline_text or ("Thường xuyên" if task.recurring else ""),
        due=due,
        status=status,
        latest=_latest(rec),
        mine=("task", task.id) in mine,
    )


# ------------------------------------------------------------------ one item


@dataclass
class Point:
    at: datetime
    text: str
    value: float | None
    by: str
    note: str | None
    source: str


@dataclass
class ItemHistory:
    place: PlaceCard
    plan_title: str
    kind: str  # 'indicator' | 'task'
    ref: str
    name: str
    target: str  # indicator: in the plan's words; task: its deadline
    target_value: float | None
    lower_is_better: bool
    responsible: str
    status: str
    points: list[Point]  # oldest first


def parse_item_ref(ref: str) -> tuple[str, int] | None:
    """'i12' -> ('indicator', 12); anything else -> None."""
    if len(ref) < 2 or len(ref) > 12 or ref[0] not in "it" or not ref[1:].isdigit():
        return None
    return ("indicator" if ref[0] == "i" else "task"), int(ref[1:])


def item_history(engine: Engine, place_id: int, ref: str, today: date) -> ItemHistory | None:
    """One current item of the place with every record of it; None when the
    reference is unknown, of another place or of a superseded plan."""
    parsed = parse_item_ref(ref)
    if parsed is None:
        return None
    kind, item_id = parsed
    with session_factory(engine)() as session:
        row: m.Indicator | m.Task | None = (
            session.get(m.Indicator, item_id) if kind == "indicator" else session.get(m.Task, item_id)
        )
        if row is None or row.plan.locality_id != place_id or not row.plan.is_current:
            return None
        card = _card(session, place_id)
        if card is None:
            return None
        records = _item_records(session, row, kind)
        last = records[-1] if records else None
        over = _period_over(row.plan, today)
        points = [
            Point(r.reported_at, record_text(r), r.value, reporter(r), r.note, r.source) for r in records
        ]
        if isinstance(row, m.Indicator):
            status, _ = indicator_status(row, last, over)
            return ItemHistory(
                card,
                row.plan.title or row.plan.source,
                kind,
                ref,
                row.name,
                target_words(row),
                row.target_value,
                row.comparator in ("<", "<="),
                row.responsible_text or row.leader_text or "",
                status,
                points,
            )
        status, _ = task_status(row, last, over, today)
        return ItemHistory(
            card,
            row.plan.title or row.plan.source,
            kind,
            ref,
            row.name,
            row.deadline_text or "",
            None,
            False,
            row.responsible_text or row.leader_text or "",
            status,
            points,
        )


def _item_records(session: Session, row: m.Indicator | m.Task, kind: str) -> list[m.ProgressRecord]:
    """The item's last HISTORY_LIMIT records, oldest first."""
    return list(
        session.scalars(
            select(m.ProgressRecord)
            .where(
                m.ProgressRecord.plan_key == row.plan.plan_key,
                m.ProgressRecord.item_kind == kind,
                m.ProgressRecord.item_key == row.item_key,
            )
            .order_by(m.ProgressRecord.reported_at.desc(), m.ProgressRecord.id.desc())
            .limit(HISTORY_LIMIT)
        )
    )[::-1]


# ------------------------------------------------------------------ the viewer


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
