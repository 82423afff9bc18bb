"""One place's board: its current plans' indicators and tasks, each with its standing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, selectinload

from knowledge.answer_text import ItemFacts, figure
from knowledge.periods import past_grace
from storage import models as m
from storage import users
from storage.board.places import PlaceCard
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
        card = load_card(session, place_id)
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
        return load_card(session, place_id)


def load_card(session: Session, place_id: int) -> PlaceCard | None:
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


def period_over(plan: m.Plan, today: date) -> bool:
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
    over = period_over(plan, today)
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


def is_done(rec: m.ProgressRecord | None) -> bool:
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
    if is_done(rec):
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
