"""A plan's sections for questions about what one holds (knowledge/sections.py): the passages
of a place's plans grouped by heading, and the one the question names."""

from __future__ import annotations

from itertools import groupby

from sqlalchemy import select
from sqlalchemy.orm import Session

from knowledge import question as qn
from knowledge import quote_text as quoting
from knowledge import sections
from knowledge.text import fold
from storage import models as m
from storage.passages import PassageRow


def plan_sections(session: Session, plan_ids: list[int]) -> list[sections.Section]:
    """Runs of consecutive passages under one heading, table rows left out (a table is not a list
    of what a section holds, and its rows are answered one by one)."""
    rows = session.execute(
        select(PassageRow.plan_id, PassageRow.heading, PassageRow.context, PassageRow.text)
        .where(PassageRow.plan_id.in_(plan_ids), PassageRow.location == "", PassageRow.heading != "")
        .order_by(PassageRow.plan_id, PassageRow.seq)
    ).all()
    out = []
    for (plan_id, heading), run in groupby(rows, key=lambda r: (r.plan_id, r.heading)):
        run_ = list(run)
        out.append(
            sections.Section(
                plan_id, heading, frozenset(run_[0].context.split()), tuple(r.text for r in run_)
            )
        )
    return out


def contents_answer(session: Session, q: qn.Question, plans: list[m.Plan], preferred: m.Plan) -> str | None:
    """The section a question about what a list holds names, worded; None when it names none."""
    if not sections.asks_contents(q.folded):
        return None
    words = set(q.folded.split())
    title = {w for p in plans for w in fold(p.title or "").split()}
    found = sections.named_section(plan_sections(session, [p.id for p in plans]), words, title, preferred.id)
    if found is None:
        return None
    plan = next(p for p in plans if p.id == found.plan_id)
    return sections.section_answer(found, quoting.plan_name(plan.doc_number, plan.title), plan.locality_name)


def plan_time_answer(session: Session, q: qn.Question, plans: list[m.Plan], preferred: m.Plan) -> str | None:
    """'việc giám sát … tiến hành khi nào': the preferred plan's 'Thời gian thực hiện' section."""
    title = {w for w in fold(preferred.title or "").split()}
    if not sections.asks_plan_time({t.fold for t in q.terms}, title):
        return None
    found = sections.time_section(plan_sections(session, [preferred.id]), preferred.id)
    if found is None:
        return None
    return sections.section_answer(
        found, quoting.plan_name(preferred.doc_number, preferred.title), preferred.locality_name
    )
