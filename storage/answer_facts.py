"""What the answer engine says of an item, a plan and its progress: the facts
`knowledge.answer_text` words, read from the stored plan (split from storage/answers.py).

`READERS` is the storage side of the item-kind registry (knowledge/item_kinds.py): how the
facts of each kind the search finds are read from its own table."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from rapidfuzz import fuzz
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from knowledge import answer_text as say
from knowledge.item_kinds import DUTY, INDICATOR, MILESTONE, PROGRESS, REPORTING, TASK
from knowledge.text import clean, fold
from storage import models as m

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def signed(plan: m.Plan) -> date:
    return plan.signed_date or date.min


def plan_label(plan: m.Plan) -> str:
    where = ", ".join(
        b for b in (plan.locality_name, say.period_text(plan.period_start, plan.period_end)) if b
    )
    return where or clean(plan.title) or plan.source


def source(plan: m.Plan, ref: str, no: str = "", section: str | None = None) -> say.SourceFacts:
    return say.SourceFacts(
        title=plan.title or plan.source,
        doc_number=plan.doc_number,
        locality=plan.locality_name,
        period_start=plan.period_start,
        period_end=plan.period_end,
        ref=ref,
        no=no or "",
        section=section,
    )


def numbers(text: str | None) -> set[str]:
    return {re.sub(r"[.,]", "", n).lstrip("0") or "0" for n in _NUMBER.findall(text or "")}


def differing_targets(ind: m.Indicator) -> list[tuple[str, str]]:
    """Other values of the same indicator whose figures differ from the main one."""
    main = numbers(ind.target_text)
    out = []
    for other in ind.other_targets or []:
        text = str(other.get("text") or "")
        nums = numbers(text) - set(YEAR_TOKEN.findall(text))  # a year is no figure
        if nums and not nums <= main:
            out.append((str(other.get("source") or ""), text))
    return out[:3]


def plan_conflicts(plan: m.Plan, name: str) -> list[list[str]]:
    out = []
    fname = fold(name)
    for c in plan.conflicts or []:
        what = fold(str(c.get("what") or ""))
        if what and len(fname.split()) >= 2 and fuzz.token_set_ratio(fname, what) >= 85:
            out.append([str(v) for v in c.get("values") or []])
    return out


def latest_progress(session: Session, plan: m.Plan, kind: str, item_key: str) -> m.ProgressRecord | None:
    """The newest progress record of an item; records attach through (plan_key,
    kind, item_key), so they survive a new version of the plan."""
    stmt = (
        select(m.ProgressRecord)
        .where(
            m.ProgressRecord.plan_key == plan.plan_key,
            m.ProgressRecord.item_kind == kind,
            m.ProgressRecord.item_key == item_key,
        )
        .order_by(m.ProgressRecord.reported_at.desc(), m.ProgressRecord.id.desc())
        .limit(1)
    )
    return session.scalars(stmt).first()


def progress_facts(rec: m.ProgressRecord | None) -> say.ProgressFacts | None:
    if rec is None:
        return None
    return say.ProgressFacts(
        value_text=rec.value_text,
        assessment=rec.assessment or rec.note,
        status=rec.status,
        reported_at=rec.reported_at.date(),
        by_document=rec.source == "document",
    )


def indicator_facts(
    session: Session, ind: m.Indicator, plan: m.Plan, year: int | None = None
) -> say.ItemFacts:
    latest = latest_progress(session, plan, INDICATOR, ind.item_key)
    facts = say.ItemFacts(
        kind=INDICATOR,
        name=ind.name,
        group=ind.group,
        target_text=ind.target_text,
        unit=ind.unit,
        comparator=ind.comparator,
        leader=ind.leader_text,
        responsible=ind.responsible_text,
        coordinating=ind.coordinating_text,
        other_targets=differing_targets(ind),
        conflicts=plan_conflicts(plan, ind.name),
        progress=progress_facts(latest),
        source=source(plan, ind.source_ref, ind.no, ind.group),
    )
    year_text = value_of_year(ind, plan, year)
    if year_text is not None:
        # a five-year plan's column for the year asked ('năm 2027'): that value leads,
        # the end-of-period target follows
        facts.period_figure = say.figure(facts)
        facts.target_text, facts.comparator = year_text, None
        facts.other_targets = []
        facts.source.period_start = facts.source.period_end = year
    return facts


YEAR_TOKEN = re.compile(r"\b(?:19|20)\d\d\b")


def value_of_year(ind: m.Indicator, plan: m.Plan, year: int | None) -> str | None:
    """The value a multi-year plan gives the indicator for one year of its period,
    from another target labelled with that year alone ('năm 2027')."""
    start, end = plan.period_start, plan.period_end
    if not year or not start or not end or start == end or not start <= year < end:
        return None
    for other in ind.other_targets or []:
        label, text = str(other.get("source") or ""), str(other.get("text") or "")
        if YEAR_TOKEN.findall(label) == [str(year)] and text:
            return text
    return None


def task_facts(task: m.Task, plan: m.Plan, latest: m.ProgressRecord | None) -> say.ItemFacts:
    return say.ItemFacts(
        kind=TASK,
        name=task.name,  # the task by its own name; its '(1) … (2) …' solution text follows
        group=task.group,
        leader=task.leader_text,
        responsible=task.responsible_text,
        coordinating=task.coordinating_text,
        deadline_text=task.deadline_text,
        due_date=task.due_date,
        recurring=task.recurring,
        solution=task.solution,
        progress=progress_facts(latest),
        source=source(plan, task.source_ref, task.no, task.group),
    )


# ---------------------------------------------------------------- one reader per kind

# (session, the item's id in its own table, its plan, the year asked) -> its facts
Reader = Callable[[Session, int, m.Plan, "int | None"], say.ItemFacts]


def _read_indicator(session: Session, item_id: int, plan: m.Plan, year: int | None) -> say.ItemFacts:
    ind = session.get(m.Indicator, item_id)
    assert ind is not None
    return indicator_facts(session, ind, plan, year)


def _read_task(session: Session, item_id: int, plan: m.Plan, year: int | None) -> say.ItemFacts:
    task = session.get(m.Task, item_id)
    assert task is not None
    return task_facts(task, plan, latest_progress(session, plan, TASK, task.item_key))


def _read_reporting(session: Session, item_id: int, plan: m.Plan, year: int | None) -> say.ItemFacts:
    rule = session.get(m.ReportingRule, item_id)
    assert rule is not None
    return say.ItemFacts(
        kind=REPORTING,
        name=rule.text,
        frequency=rule.frequency,
        day_of_month=rule.day_of_month,
        due_date=rule.deadline_date,
        report_to=rule.report_to,
        source=source(plan, rule.source_ref),
    )


def _read_duty(session: Session, item_id: int, plan: m.Plan, year: int | None) -> say.ItemFacts:
    duty = session.get(m.UnitDuty, item_id)
    assert duty is not None
    return say.ItemFacts(
        kind=DUTY, name=duty.unit, solution=duty.summary, source=source(plan, duty.source_ref)
    )


def _read_milestone(session: Session, item_id: int, plan: m.Plan, year: int | None) -> say.ItemFacts:
    ms = session.get(m.Milestone, item_id)
    assert ms is not None
    return say.ItemFacts(
        kind=MILESTONE,
        name=ms.text,
        deadline_text=ms.deadline_text,
        due_date=ms.due_date,
        source=source(plan, ms.source_ref),
    )


def _read_progress(session: Session, item_id: int, plan: m.Plan, year: int | None) -> say.ItemFacts:
    rec = session.get(m.ProgressRecord, item_id)
    assert rec is not None
    return say.ItemFacts(
        kind=PROGRESS, name=rec.item_name, progress=progress_facts(rec), source=source(plan, "")
    )


# every kind the item search finds (knowledge.item_kinds.SEARCHED); passages are quoted by
# storage/passages.py, not read as items
READERS: dict[str, Reader] = {
    INDICATOR: _read_indicator,
    TASK: _read_task,
    REPORTING: _read_reporting,
    DUTY: _read_duty,
    MILESTONE: _read_milestone,
    PROGRESS: _read_progress,
}


# the table of each kind a clerk acts on (knowledge.item_kinds.TRACKED): commands, progress
TRACKED_TABLES: dict[str, type[m.Indicator | m.Task]] = {INDICATOR: m.Indicator, TASK: m.Task}


def tracked_row(session: Session, kind: str, item_id: int) -> m.Indicator | m.Task | None:
    """The stored row of an item a clerk acts on; None for another kind or an unknown id."""
    table = TRACKED_TABLES.get(kind)
    row = session.get(table, item_id) if table is not None else None
    return row if isinstance(row, m.Indicator | m.Task) else None


def item_facts(
    session: Session, kind: str, item_id: int, plan: m.Plan, year: int | None = None
) -> say.ItemFacts:
    """The facts of one item the search found, read as its kind is read."""
    return READERS[kind](session, item_id, plan, year)


def plan_facts(session: Session, plan: m.Plan) -> say.PlanFacts:
    def count(model: type[m.Indicator | m.Task | m.ReportingRule]) -> int:
        return session.scalar(select(func.count()).select_from(model).where(model.plan_id == plan.id)) or 0

    groups = session.scalars(
        select(m.Indicator.group)
        .where(m.Indicator.plan_id == plan.id, m.Indicator.group.is_not(None))
        .distinct()
    ).all()
    return say.PlanFacts(
        title=plan.title,
        locality=plan.locality_name,
        period_start=plan.period_start,
        period_end=plan.period_end,
        doc_number=plan.doc_number,
        signer=plan.signer,
        signed_date=plan.signed_date,
        indicators=count(m.Indicator),
        tasks=count(m.Task),
        reporting_rules=count(m.ReportingRule),
        groups=[g for g in groups if g],
    )
