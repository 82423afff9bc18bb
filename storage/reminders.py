"""Planning the monthly cycle from the database: reporting reminders, due-date
nudges, weekly overdue notices, escalations and residents' digests.

Nothing here is written per plan: every date comes from the plans' reporting
rules and task deadlines, moved to the working day before when it falls on a
weekend or public holiday. Planning only computes messages; `enqueue` inserts
them into the outbox under a unique key, so planning twice adds nothing."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from knowledge import reminder_text as txt
from knowledge.calendar import (
    clamp_day,
    is_working_day,
    last_day_of_month,
    working_day_on_or_before,
    working_days_before,
)
from knowledge.periods import past_grace
from knowledge.text import fold
from storage import models as m
from storage.amendments import overridden_items
from storage.cycle_models import OutboxMessage
from storage.values import reported_done

OFFICER_ROLES = ("officer", "leader", "admin")
DEDUP_KEY_MAX = 400  # the width of outbox.dedup_key
OVERDUE_NOTICE_SPAN = timedelta(days=365)


@dataclass(frozen=True)
class CycleSettings:
    default_report_day: int = 20  # where a plan names no reporting day
    remind_working_days_before: int = 3
    nudge_days: tuple[int, ...] = (7, 1)
    escalation_delay_days: int = 7
    digest_day: int | None = None  # None: the last day of the month
    timezone: str = "Asia/Ho_Chi_Minh"  # PLANBOT_TIMEZONE: the local month a subscriber joined in


@dataclass
class PlannedMessage:
    chat_id: int
    kind: str
    item: str
    period: str
    text: str
    key_item: str = ""  # stable identity of the item in the dedup key

    @property
    def dedup_key(self) -> str:
        key = f"{self.chat_id}|{self.kind}|{self.key_item or fold(self.item)[:200]}|{self.period}"
        if len(key) <= DEDUP_KEY_MAX:
            return key
        # a long plan key and item key: their hash, so the key fits its column
        digest = hashlib.sha256(self.key_item.encode()).hexdigest()
        return f"{self.chat_id}|{self.kind}|#{digest}|{self.period}"

    def as_json(self) -> dict[str, object]:
        return {"chat_id": self.chat_id, "kind": self.kind, "item": self.item, "text": self.text}


@dataclass
class _Link:
    user: m.User
    role: str  # the party's role on the item


@dataclass
class _TaskView:
    task: m.Task
    plan: m.Plan
    responsible: list[m.User] = field(default_factory=list)
    leaders: list[m.User] = field(default_factory=list)


def plan_active(plan: m.Plan, on: date) -> bool:
    """A plan is followed from the year before its period (plans are issued in
    December) to the end of its last year."""
    start = (plan.period_start or on.year) - 1
    end = plan.period_end or plan.period_start or on.year
    return start <= on.year <= end


def plans_in_force(session: Session, on: date) -> set[int]:
    """Ids of the current plans followed on `on`: those whose period covers it,
    and for a place whose plans have all ended, its newest one for a month more —
    officers report its final figures. Later nothing is planned for it: a
    reminder or digest about a plan that ended years ago only confuses."""
    by_place: dict[object, list[m.Plan]] = defaultdict(list)
    for plan in session.scalars(select(m.Plan).where(m.Plan.is_current.is_(True))):
        if (plan.period_start or on.year) - 1 <= on.year:
            by_place[plan.locality_id or f"plan:{plan.id}"].append(plan)
    ids: set[int] = set()
    for plans in by_place.values():
        active = [p.id for p in plans if plan_active(p, on)]
        newest = max(plans, key=lambda p: (p.period_end or p.period_start or 0, p.period_start or 0, p.id))
        if active:
            ids |= set(active)
        elif not past_grace(newest.period_end, on, newest.period_start):
            ids.add(newest.id)
    return ids


def plan_messages(
    session: Session, on: date, settings: CycleSettings | None = None, sent_on: date | None = None
) -> list[PlannedMessage]:
    """Every message the cycle would plan on local date `on` (no weekend/holiday output).

    `sent_on`: when a missed day is caught up later, the texts speak of the day
    they are sent ('còn 3 ngày', 'hôm nay'), and reminders of a reporting day or
    deadline that has passed by then are left out (the overdue notice covers them)."""
    settings = settings or CycleSettings()
    if not is_working_day(on):
        return []
    sent_on = max(sent_on or on, on)
    links = _officer_links(session, on)
    out: list[PlannedMessage] = []
    out += _report_reminders(session, on, settings, links, sent_on)
    tasks = _tasks_with_people(links)
    done = _done_dates(session, [t.task for t in tasks.values()])
    out += _due_nudges(on, settings, tasks.values(), done, sent_on)
    out += _overdue_notices(on, tasks.values(), done, sent_on)
    out += _escalations(on, settings, tasks.values(), done, sent_on)
    out += _digests(session, on, settings)
    return out


def enqueue(session: Session, planned: list[PlannedMessage], on: date) -> int:
    """Insert planned messages; rows whose dedup_key exists are skipped. Returns the count inserted."""
    if not planned:
        return 0
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    inserted = 0
    for p in planned:
        stmt = (
            insert(OutboxMessage)
            .values(
                dedup_key=p.dedup_key,
                chat_id=p.chat_id,
                kind=p.kind,
                item=p.item,
                period=p.period,
                text=p.text,
                status="pending",
                attempts=0,
                planned_for=on,
            )
            .on_conflict_do_nothing(index_elements=["dedup_key"])
            .returning(OutboxMessage.id)
        )
        # RETURNING is portable; rowcount is -1 for this statement on psycopg
        inserted += session.execute(stmt).first() is not None
    return inserted


# -- who is linked to what ---------------------------------------------------------


def _officer_links(session: Session, on: date) -> list[tuple[m.ItemParty, m.User, m.Plan]]:
    rows = session.execute(
        select(m.ItemParty, m.User, m.Plan)
        .join(m.UserParty, m.UserParty.party_id == m.ItemParty.party_id)
        .join(m.User, m.User.telegram_id == m.UserParty.user_id)
        .outerjoin(m.Indicator, m.Indicator.id == m.ItemParty.indicator_id)
        .outerjoin(m.Task, m.Task.id == m.ItemParty.task_id)
        .join(m.Plan, (m.Plan.id == m.Indicator.plan_id) | (m.Plan.id == m.Task.plan_id))
        .where(
            m.User.active.is_(True),
            m.User.role.in_(OFFICER_ROLES),
            m.Plan.is_current.is_(True),
            m.ItemParty.role.in_(("responsible", "leader")),
        )
    ).all()
    in_force = plans_in_force(session, on)
    indicators, tasks = overridden_items(session, in_force)  # restated by an amendment
    return [
        (ip, user, plan)
        for ip, user, plan in rows
        if plan.id in in_force and ip.indicator_id not in indicators and ip.task_id not in tasks
    ]


def _chat(user: m.User) -> int:
    return user.chat_id or user.telegram_id


# -- reporting reminders -------------------------------------------------------------


def report_day(plan: m.Plan, on: date, settings: CycleSettings) -> date:
    """The plan's reporting day in the month of `on`, moved to a working day."""
    day = next(
        (r.day_of_month for r in plan.reporting_rules if r.frequency == "monthly" and r.day_of_month),
        settings.default_report_day,
    )
    return working_day_on_or_before(clamp_day(on.year, on.month, day))


def _report_reminders(
    session: Session,
    on: date,
    settings: CycleSettings,
    links: list[tuple[m.ItemParty, m.User, m.Plan]],
    sent_on: date,
) -> list[PlannedMessage]:
    by_user_plan: dict[tuple[int, int], tuple[m.User, m.Plan, list[tuple[str, str, str]]]] = {}
    for ip, user, plan in links:
        kind, item = ("indicator", ip.indicator_id) if ip.indicator_id else ("task", ip.task_id)
        row = session.get(m.Indicator, item) if kind == "indicator" else session.get(m.Task, item)
        if row is None:
            continue
        entry = by_user_plan.setdefault((user.telegram_id, plan.id), (user, plan, []))
        if (kind, row.item_key, row.name) not in entry[2]:
            entry[2].append((kind, row.item_key, row.name))
    month = f"{on.year:04d}-{on.month:02d}"
    reported = _reported_this_month(session, on, ZoneInfo(settings.timezone))
    out = []
    for user, plan, items in by_user_plan.values():
        due = report_day(plan, on, settings)
        before = working_days_before(due, settings.remind_working_days_before)
        if on not in (before, due) or due < sent_on:
            continue
        missing = _unique([name for kind, key, name in items if (plan.plan_key, kind, key) not in reported])
        if not missing:
            continue
        stage = "due" if on == due else "before"
        out.append(
            PlannedMessage(
                chat_id=_chat(user),
                kind="report_reminder",
                item=plan.title or plan.locality_name or plan.source,
                period=f"{month}-{stage}",
                text=txt.report_reminder(plan.title or plan.source, due, missing, on_the_day=sent_on == due),
                key_item=plan.plan_key,
            )
        )
    return out


def _unique(names: list[str]) -> list[str]:
    """Each name once: a plan repeats some items word for word (under two
    headings, or as an indicator and a task), and a reminder listing one twice
    reads like a mistake."""
    seen: set[str] = set()
    out = []
    for name in names:
        if fold(name) not in seen:
            seen.add(fold(name))
            out.append(name)
    return out


def _reported_this_month(session: Session, on: date, tz: ZoneInfo) -> set[tuple[str, str, str]]:
    """Items reported in the local month of `on` (bounds in UTC, as records are kept)."""
    start = datetime.combine(on.replace(day=1), time.min, tz).astimezone(UTC)
    end = datetime.combine(last_day_of_month(on.year, on.month) + timedelta(days=1), time.min, tz)
    rows = session.execute(
        select(m.ProgressRecord.plan_key, m.ProgressRecord.item_kind, m.ProgressRecord.item_key).where(
            m.ProgressRecord.source != "document",
            m.ProgressRecord.reported_at >= start,
            m.ProgressRecord.reported_at < end.astimezone(UTC),
        )
    ).all()
    return {(plan_key, kind, key) for plan_key, kind, key in rows}


# -- tasks: nudges, overdue, escalation ---------------------------------------------------


def _tasks_with_people(links: list[tuple[m.ItemParty, m.User, m.Plan]]) -> dict[int, _TaskView]:
    views: dict[int, _TaskView] = {}
    for ip, user, plan in links:
        if not ip.task_id:
            continue
        task = next((t for t in plan.tasks if t.id == ip.task_id), None)
        if task is None:
            continue
        view = views.setdefault(task.id, _TaskView(task=task, plan=plan))
        bucket = view.responsible if ip.role == "responsible" else view.leaders
        if user not in bucket:
            bucket.append(user)
    return views


def _done_dates(session: Session, tasks: list[m.Task]) -> dict[int, date]:
    """The date each task was reported done, if it was."""
    if not tasks:
        return {}
    keys = {(t.plan.plan_key, t.item_key): t.id for t in tasks}
    rows = session.execute(
        select(m.ProgressRecord)
        .where(m.ProgressRecord.item_kind == "task")
        .where(m.ProgressRecord.item_key.in_([k for _, k in keys]))
        .order_by(m.ProgressRecord.reported_at)
    ).scalars()
    done: dict[int, date] = {}
    for rec in rows:
        task_id = keys.get((rec.plan_key, rec.item_key))
        if task_id is None or task_id in done:
            continue
        if reported_done(rec.status, rec.value_text, rec.assessment):
            done[task_id] = rec.reported_at.date()
    return done


def task_deadlines(task: m.Task) -> list[date]:
    dates = sorted({d.due for d in task.deadlines})
    if not dates and task.due_date:
        dates = [task.due_date]
    return dates


def _due_nudges(
    on: date, settings: CycleSettings, tasks, done: dict[int, date], sent_on: date
) -> list[PlannedMessage]:
    out = []
    for view in tasks:
        if view.task.id in done:
            continue
        for due in task_deadlines(view.task):
            seen: set[date] = set()
            for days in sorted(settings.nudge_days, reverse=True):
                nudge_on = working_day_on_or_before(due - timedelta(days=days))
                if nudge_on in seen:
                    continue
                seen.add(nudge_on)
                if nudge_on != on or due < sent_on:
                    continue
                for user in view.responsible or view.leaders:
                    out.append(
                        PlannedMessage(
                            chat_id=_chat(user),
                            kind="due_nudge",
                            item=view.task.name,
                            period=f"{due.isoformat()}-d{days}",
                            text=txt.due_nudge(
                                view.task.name, due, (due - sent_on).days, view.task.deadline_text
                            ),
                            key_item=f"{view.plan.plan_key}:{view.task.item_key}",
                        )
                    )
    return out


def _first_working_day_of_week(on: date) -> date:
    monday = on - timedelta(days=on.weekday())
    day = monday
    while not is_working_day(day) and day < monday + timedelta(days=5):
        day += timedelta(days=1)
    return day


def _overdue_notices(on: date, tasks, done: dict[int, date], sent_on: date) -> list[PlannedMessage]:
    if on != _first_working_day_of_week(on):
        return []
    per_user: dict[int, tuple[m.User, list[tuple[str, date]]]] = {}
    for view in tasks:
        if view.task.id in done:
            continue
        # A year after a deadline the weekly notice stops (the leader was told
        # by the escalation long before): no nagging about old plans forever.
        past = [d for d in task_deadlines(view.task) if on - OVERDUE_NOTICE_SPAN <= d < on]
        if not past:
            continue
        for user in view.responsible or view.leaders:
            listed = per_user.setdefault(user.telegram_id, (user, []))[1]
            if all(fold(name) != fold(view.task.name) for name, _ in listed):  # a task the plan repeats
                listed.append((view.task.name, max(past)))
    iso = on.isocalendar()
    return [
        PlannedMessage(
            chat_id=_chat(user),
            kind="overdue",
            item=", ".join(name for name, _ in items[:3]),
            period=f"{iso.year}-W{iso.week:02d}",
            text=txt.overdue(items, sent_on),
            key_item="weekly",
        )
        for user, items in per_user.values()
    ]


def _escalations(
    on: date, settings: CycleSettings, tasks, done: dict[int, date], sent_on: date
) -> list[PlannedMessage]:
    out = []
    for view in tasks:
        if view.task.id in done or not view.leaders:
            continue
        for due in task_deadlines(view.task):
            if on < due + timedelta(days=settings.escalation_delay_days) or on - due > OVERDUE_NOTICE_SPAN:
                continue
            for user in view.leaders:
                out.append(
                    PlannedMessage(
                        chat_id=_chat(user),
                        kind="escalation",
                        item=view.task.name,
                        period=due.isoformat(),
                        text=txt.escalation(view.task.name, due, sent_on, view.task.responsible_text),
                        key_item=f"{view.plan.plan_key}:{view.task.item_key}",
                    )
                )
    return out


# -- residents' digest --------------------------------------------------------------------


def digest_day(on: date, settings: CycleSettings) -> date:
    last = last_day_of_month(on.year, on.month)
    day = clamp_day(on.year, on.month, settings.digest_day) if settings.digest_day else last
    return working_day_on_or_before(day)


def _digests(session: Session, on: date, settings: CycleSettings) -> list[PlannedMessage]:
    if on != digest_day(on, settings):
        return []
    subscribers: dict[str, list[m.User]] = defaultdict(list)
    month_start = datetime.combine(on.replace(day=1), time.min, ZoneInfo(settings.timezone))
    for user in session.scalars(
        select(m.User).where(
            m.User.subscribed.is_(True), m.User.active.is_(True), m.User.locality_key.is_not(None)
        )
    ):
        if _subscribed_after(user.subscribed_at, month_start):
            continue  # his first digest is next month's: this one covers a month he did not ask for
        if user.locality_key is not None:  # always: the query asks for one
            subscribers[user.locality_key].append(user)
    out = []
    for loc_key, users in subscribers.items():
        text = _digest_text(session, loc_key, on)
        if text is None:
            continue
        for user in users:
            out.append(
                PlannedMessage(
                    chat_id=_chat(user),
                    kind="digest",
                    item=loc_key,
                    period=f"{on.year:04d}-{on.month:02d}",
                    text=text,
                    key_item=loc_key,
                )
            )
    return out


def _subscribed_after(at: datetime | None, moment: datetime) -> bool:
    if at is None:  # subscribed before the date was kept
        return False
    return (at if at.tzinfo else at.replace(tzinfo=UTC)) >= moment  # SQLite gives it back naive (UTC)


def _digest_text(session: Session, loc_key: str, on: date) -> str | None:
    locality = session.scalar(select(m.Locality).where(m.Locality.key == loc_key))
    in_force = plans_in_force(session, on)
    plans = [
        p
        for p in session.scalars(
            select(m.Plan).where(
                m.Plan.is_current.is_(True), m.Plan.locality_id == (locality.id if locality else -1)
            )
        )
        if p.id in in_force
    ]
    if not plans:
        return None
    plan_keys = [p.plan_key for p in plans]
    total = sum(len(p.indicators) + len(p.tasks) for p in plans)
    records = session.scalars(
        select(m.ProgressRecord)
        .where(m.ProgressRecord.plan_key.in_(plan_keys))
        .order_by(m.ProgressRecord.reported_at.desc(), m.ProgressRecord.id.desc())
    ).all()
    latest: dict[tuple[str, str], m.ProgressRecord] = {}
    for rec in records:
        latest.setdefault((rec.item_kind, rec.item_key), rec)
    lines = [
        f"• {rec.item_name}: {rec.value_text or rec.status or ''}".rstrip(": ")
        for rec in latest.values()
        if rec.source != "document"
    ]
    name = locality.name if locality else loc_key
    return txt.digest(name, on.month, on.year, lines, total, len(lines))
