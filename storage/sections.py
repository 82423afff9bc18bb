"""A plan's sections for questions about what one holds (knowledge/sections.py): the passages
of a place's plans grouped by heading, and the one the question names."""

from __future__ import annotations

from sqlalchemy.orm import Session

from knowledge import question as qn
from knowledge import quote_text as quoting
from knowledge import sections
from knowledge.text import fold
from storage import models as m
from storage.passages import PassageSearch


def plan_sections(search: PassageSearch, session: Session, plans: list[m.Plan]) -> list[sections.Section]:
    """The sections of these plans, from the passages the search loaded for the same question
    (`PassageSearch` keeps them per set of plans, and forgets them when plans change)."""
    # the private loader is the search's own cache: a second query of the same rows is
    # what this saves (the passages are read for the question's plans in `settle`)
    return search.load(session, tuple(sorted(p.id for p in plans))).sections


def contents_answer(
    search: PassageSearch, session: Session, q: qn.Question, plans: list[m.Plan], preferred: m.Plan
) -> str | None:
    """The section a question about what a list holds names, worded; None when it names none."""
    if not sections.asks_contents(q.folded):
        return None
    words = set(q.folded.split())
    title = {w for p in plans for w in fold(p.title or "").split()}
    found = sections.named_section(plan_sections(search, session, plans), words, title, preferred.id)
    if found is None:
        return None
    plan = next(p for p in plans if p.id == found.plan_id)
    return sections.section_answer(found, quoting.plan_name(plan.doc_number, plan.title), plan.locality_name)


def plan_time_answer(
    search: PassageSearch, session: Session, q: qn.Question, plans: list[m.Plan], preferred: m.Plan
) -> str | None:
    """'việc giám sát … tiến hành khi nào': the preferred plan's 'Thời gian thực hiện' section."""
    title = {w for w in fold(preferred.title or "").split()}
    if not sections.asks_plan_time({t.fold for t in q.terms}, title):
        return None
    # all the place's plans: the set the question's passage search loaded (time_section keeps
    # the preferred plan's own)
    found = sections.time_section(plan_sections(search, session, plans), preferred.id)
    if found is None:
        return None
    return sections.section_answer(
        found, quoting.plan_name(preferred.doc_number, preferred.title), preferred.locality_name
    )
