"""The search index's rows: one per searchable item of a plan, its text already normalised
(storage/search.py reads and scores them).

Written when a plan is stored (`index_plan`, called by ingest) or lazily for a plan that
has none yet (`index_missing`, or the reader finding none)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ForeignKey, Integer, String, Text, delete, exists, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from knowledge.question import tokens_of
from storage import models as m
from storage.models import Base

INDICATOR, TASK, REPORTING, DUTY, PROGRESS = "indicator", "task", "reporting", "duty", "progress"
MILESTONE = "milestone"


class SearchDoc(Base):
    """One searchable item of a plan with its normalised text (folded and accented)."""

    __tablename__ = "search_docs"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    # indicator | task | reporting | duty | progress | milestone
    kind: Mapped[str] = mapped_column(String(20))
    item_id: Mapped[int] = mapped_column(Integer)  # id in the item's own table
    title: Mapped[str] = mapped_column(Text)  # folded tokens of the item's own words
    title_acc: Mapped[str] = mapped_column(Text)  # the same tokens with diacritics
    context: Mapped[str] = mapped_column(Text, default="")  # folded group / heading / recipient
    parties: Mapped[str] = mapped_column(Text, default="")  # folded leader + responsible + coordinating


# ---------------------------------------------------------------- writing


def _norm(*parts: str | None) -> tuple[str, str]:
    toks = [t for p in parts if p for t in tokens_of(p)]
    return " ".join(t.fold for t in toks), " ".join(t.acc for t in toks)


def _fold(*parts: str | None) -> str:
    return _norm(*parts)[0]


def _docs_for(session: Session, plan: m.Plan) -> Iterable[SearchDoc]:
    """Every searchable item of the plan, kind by kind."""
    yield from _indicator_docs(plan)
    yield from _task_docs(plan)
    yield from _rule_docs(plan)
    yield from _duty_docs(plan)
    for ms in plan.milestones:
        title, acc = _norm(ms.text)
        yield SearchDoc(
            plan_id=plan.id, kind=MILESTONE, item_id=ms.id, title=title, title_acc=acc, context=""
        )
    yield from _loose_progress_docs(session, plan)


def _indicator_docs(plan: m.Plan) -> Iterable[SearchDoc]:
    parents = {i.id: i.name for i in plan.indicators}
    for ind in plan.indicators:
        # a child row ('Dịch vụ') means what its parent says of it ('Tốc độ tăng trưởng GRDP')
        parent = parents.get(ind.parent_id) if ind.parent_id else None
        title, acc = _norm(parent, ind.name)
        yield SearchDoc(
            plan_id=plan.id,
            kind=INDICATOR,
            item_id=ind.id,
            title=title,
            title_acc=acc,
            # the target's own words ('105% dự toán') help a question that quotes them, and
            # the labels of its other figures ('Chỉ tiêu tỉnh giao') one that asks for them
            context=_fold(ind.group, ind.target_text, *_other_labels(ind)),
            parties=_fold(ind.leader_text, ind.responsible_text, ind.coordinating_text),
        )


def _task_docs(plan: m.Plan) -> Iterable[SearchDoc]:
    for task in plan.tasks:
        title, acc = _norm(task.solution, task.name) if task.solution else _norm(task.name)
        yield SearchDoc(
            plan_id=plan.id,
            kind=TASK,
            item_id=task.id,
            title=title,
            title_acc=acc,
            context=_fold(task.group),
            parties=_fold(task.leader_text, task.responsible_text, task.coordinating_text),
        )


def _rule_docs(plan: m.Plan) -> Iterable[SearchDoc]:
    for rule in plan.reporting_rules:
        title, acc = _norm(rule.text)
        yield SearchDoc(
            plan_id=plan.id,
            kind=REPORTING,
            item_id=rule.id,
            title=title,
            title_acc=acc,
            context=_fold(rule.report_to),
        )


def _duty_docs(plan: m.Plan) -> Iterable[SearchDoc]:
    for duty in plan.duties:
        title, acc = _norm(duty.unit, duty.summary)
        yield SearchDoc(
            plan_id=plan.id,
            kind=DUTY,
            item_id=duty.id,
            title=title,
            title_acc=acc,
            parties=_fold(duty.unit),
        )


def _loose_progress_docs(session: Session, plan: m.Plan) -> Iterable[SearchDoc]:
    """The result rows printed in the plan that no indicator took up."""
    loose = session.scalars(
        select(m.ProgressRecord).where(
            m.ProgressRecord.plan_key == plan.plan_key,
            m.ProgressRecord.source == "document",
            m.ProgressRecord.indicator_id.is_(None),
            m.ProgressRecord.task_id.is_(None),
        )
    )
    for rec in loose:
        title, acc = _norm(rec.item_name)
        yield SearchDoc(
            plan_id=plan.id,
            kind=PROGRESS,
            item_id=rec.id,
            title=title,
            title_acc=acc,
            context=_fold(rec.value_text),
        )


def _other_labels(ind: m.Indicator) -> list[str]:
    return [str(o.get("source") or "") for o in (ind.other_targets or []) if isinstance(o, dict)][:6]


def index_plan(session: Session, plan: m.Plan) -> int:
    """(Re)write the search rows of one plan; returns how many were written."""
    session.execute(delete(SearchDoc).where(SearchDoc.plan_id == plan.id))
    docs = list(_docs_for(session, plan))
    session.add_all(docs)
    session.flush()
    return len(docs)


def index_missing(session: Session) -> int:
    """Index every current plan that has no search rows yet (plans stored
    before this index existed, or by a path that skipped the hook)."""
    missing = session.scalars(
        select(m.Plan).where(m.Plan.is_current.is_(True), ~exists().where(SearchDoc.plan_id == m.Plan.id))
    ).all()
    for plan in missing:
        index_plan(session, plan)
    return len(missing)
