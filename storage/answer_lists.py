"""The answers that list items (split from storage/answers.py): the items of a party
('Sở Tư pháp phải làm gì'), of a topic ('nhiệm vụ về y tế'), those due soon or overdue,
and the asker's own ('việc của tôi'). The engine chooses the list; these read and word it."""

from __future__ import annotations

from datetime import date, timedelta

from rapidfuzz import fuzz
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from knowledge import answer_text as say
from knowledge import item_kinds as kinds
from knowledge import lexicon
from knowledge import question as qn
from knowledge.periods import past_grace
from storage import answer_facts as stated
from storage import models as m
from storage.amendments import overridden_items
from storage.answer_types import Answer, Match, Scope, match_of
from storage.ownership import own_first
from storage.search import Doc, Hit, PlanIndex, plan_title_words, prepare_terms, score_docs

DUE_SOON_DAYS = 30
# the parts of a party's name that do not tell one party from another ('công chức', 'cán bộ')
_PARTY_FILLER = ("cong", "chuc", "can", "bo", "dong", "chi", "dc", "d", "c")


def hit_facts(session: Session, hit: Hit, plans: dict[int, m.Plan], year: int | None = None) -> say.ItemFacts:
    """The facts of the item a hit found (its plan read when it is not among `plans`)."""
    plan = plans.get(hit.doc.plan_id) or session.get(m.Plan, hit.doc.plan_id)
    assert plan is not None
    return stated.item_facts(session, hit.doc.kind, hit.doc.item_id, plan, year)


def _answer(
    session: Session,
    q: qn.Question,
    scope: Scope,
    hits: list[Hit],
    wording: tuple[str, str],
    focus: tuple[str, ...] | None = None,
) -> Answer:
    """The listed hits as one answer under `wording` (heading, what an empty list says);
    a long item keeps the clauses `focus` names."""
    plans = {p.id: p for p in scope.plans}
    facts = [hit_facts(session, h, plans) for h in hits]
    if focus is not None:
        for f in facts:
            f.focus = focus
    heading, empty = wording
    return Answer(
        say.list_answer(heading, facts, empty),
        q.intent.kind,
        matches=[match_of(h, f, plans) for h, f in zip(hits, facts, strict=True)],
    )


def _listable(session: Session, scope: Scope, index: PlanIndex) -> list[Doc]:
    """The items a list ('việc của Sở Tư pháp', 'nhiệm vụ về y tế') draws from: those a
    clerk acts on, of the preferred plan and every other current plan of the place for
    the same period (KH 141 beside KH 144 of one province); an item an amendment
    restates is listed once, from the amendment."""
    period = (scope.preferred.period_start, scope.preferred.period_end)
    ids = {p.id for p in scope.plans if (p.period_start, p.period_end) == period}
    indicators, tasks = overridden_items(session, ids)
    hidden = {(kinds.INDICATOR, i) for i in indicators} | {(kinds.TASK, t) for t in tasks}
    return [
        doc
        for doc in index.docs
        if doc.kind in kinds.TRACKED and doc.plan_id in ids and (doc.kind, doc.item_id) not in hidden
    ]


def party_items(session: Session, q: qn.Question, scope: Scope, index: PlanIndex) -> Answer:
    """'Sở Tư pháp phải làm gì': the items that name the party."""
    party = q.intent.party or ""
    want = qn.folded_text(party).split()
    hits = [
        Hit(doc, 100.0, 1.0)
        for doc in _listable(session, scope, index)
        if doc.parties and _party_matches(want, doc.parties)
    ]
    hits = about_rest(q, scope, index, hits, set(want))
    # a long item keeps the clauses the rest of the question is about
    listing = lexicon.folded_list_words()
    focus = tuple(t.fold for t in scope.terms if t.fold not in want and t.fold not in listing)
    wording = (say.party_items_heading(party), say.party_items_empty(party))
    return _answer(session, q, scope, hits, wording, focus)


def about_rest(q: qn.Question, scope: Scope, index: PlanIndex, hits: list[Hit], named: set[str]) -> list[Hit]:
    """A list asked with more words than whom it is about ('Sở Nội vụ phải làm gì trong
    công tác bảo vệ bí mật nhà nước') shows first the items those words match, the
    named plan's before another's (a phone shows only the first few)."""
    rest = [t for t in scope.terms if t.fold not in named and t.fold not in lexicon.folded_list_words()]
    if not rest or len(hits) < 2:
        return hits
    sub = PlanIndex([h.doc for h in hits], index.idf_of, index.vocab, index.unknown_idf, index.idf_acc)
    scored = score_docs(
        prepare_terms(rest, index),
        sub,
        q.has_diacritics,
        limit=len(hits),
        plan_words=plan_title_words(scope.plans),
    )
    # how much of the rest an item holds (its plan's title counting) orders the list
    scored.sort(key=lambda h: (-round(h.coverage, 2), -h.score))
    order = {h.doc.id: i for i, h in enumerate(scored)}
    return sorted(hits, key=lambda h: order.get(h.doc.id, len(order)))


def topic_items(session: Session, q: qn.Question, scope: Scope, index: PlanIndex) -> Answer:
    """'nhiệm vụ về y tế': the items whose name or group holds the topic (or its words),
    in the registry's order of kinds (indicators first), then the plan's."""
    topic = q.intent.topic or ""
    phrases = _topic_phrases(topic)
    hits = [
        Hit(doc, 100.0, 1.0)
        for doc in _listable(session, scope, index)
        if any(f" {p} " in f" {doc.title_text} {doc.context_text} " for p in phrases)
    ]
    hits.sort(key=lambda h: (kinds.TRACKED.index(h.doc.kind), h.doc.id))
    return _answer(session, q, scope, hits, (say.topic_heading(topic), say.topic_empty(topic)))


def due_items(
    session: Session, kind: str, scope: Scope, today: date, user_parties: list[int] | None = None
) -> Answer:
    """The tasks due within DUE_SOON_DAYS ('sắp đến hạn'), or overdue and not reported
    done; the asker's own first."""
    # a plan more than a month past its period has no overdue tasks, only ended ones
    live = [p.id for p in scope.plans if not past_grace(p.period_end, today, p.period_start)]
    stmt = (
        select(m.Task, func.min(m.TaskDeadline.due))
        .join(m.TaskDeadline, m.TaskDeadline.task_id == m.Task.id)
        .where(m.Task.plan_id.in_(live))
        .group_by(m.Task.id)
    )
    if kind == qn.DUE_SOON:
        stmt = stmt.where(m.TaskDeadline.due >= today, m.TaskDeadline.due <= today + timedelta(DUE_SOON_DAYS))
    else:
        stmt = stmt.where(m.TaskDeadline.due < today)
    rows = session.execute(stmt.order_by(func.min(m.TaskDeadline.due))).all()
    rows = own_first(session, rows, user_parties)
    plans = {p.id: p for p in scope.plans}
    facts, matches = [], []
    for task, _due in rows:
        latest = stated.latest_progress(session, plans[task.plan_id], kinds.TASK, task.item_key)
        if kind == qn.OVERDUE and latest is not None and latest.status == "done":
            continue
        facts.append(stated.task_facts(task, plans[task.plan_id], latest))
        matches.append(_task_match(task, plans[task.plan_id]))
    if kind == qn.DUE_SOON:
        text = say.list_answer(say.DUE_SOON_HEADING, facts, say.DUE_SOON_EMPTY.format(days=DUE_SOON_DAYS))
    else:
        text = say.list_answer(say.OVERDUE_HEADING, facts, say.OVERDUE_EMPTY)
    return Answer(text, kind, matches=matches)


def my_items(session: Session, user_parties: list[int] | None) -> Answer:
    """'việc của tôi': the current items that name a party the asker is linked to."""
    if not user_parties:
        return Answer(say.NOT_LINKED, qn.MY_ITEMS)
    links = session.scalars(select(m.ItemParty).where(m.ItemParty.party_id.in_(user_parties))).all()
    facts, matches = [], []
    seen: set[tuple[str, int]] = set()
    for link in links:
        if link.indicator_id and ("i", link.indicator_id) not in seen:
            seen.add(("i", link.indicator_id))
            ind = session.get(m.Indicator, link.indicator_id)
            if ind and ind.plan.is_current:
                facts.append(stated.indicator_facts(session, ind, ind.plan))
                matches.append(_indicator_match(ind))
        if link.task_id and ("t", link.task_id) not in seen:
            seen.add(("t", link.task_id))
            task = session.get(m.Task, link.task_id)
            if task and task.plan.is_current:
                latest = stated.latest_progress(session, task.plan, kinds.TASK, task.item_key)
                facts.append(stated.task_facts(task, task.plan, latest))
                matches.append(_task_match(task, task.plan))
    return Answer(
        say.list_answer(say.MY_ITEMS_HEADING, facts, say.MY_ITEMS_EMPTY), qn.MY_ITEMS, matches=matches
    )


def _task_match(task: m.Task, plan: m.Plan) -> Match:
    label = stated.plan_label(plan)
    return Match(kinds.TASK, task.id, task.plan_id, label, task.name, None, task.responsible_text, 100.0)


def _indicator_match(ind: m.Indicator) -> Match:
    label = stated.plan_label(ind.plan)
    return Match(
        kinds.INDICATOR, ind.id, ind.plan_id, label, ind.name, ind.target_text, ind.responsible_text, 100.0
    )


def _party_matches(want: list[str], parties: str) -> bool:
    """'công chức tư pháp' is among 'Công chức Tư pháp - Hộ tịch; Văn phòng'."""
    if not want:
        return False
    have = parties.split()
    hs = set(have)
    core = [w for w in want if w not in _PARTY_FILLER] or want
    if all(w in hs for w in core):
        return True
    return fuzz.partial_ratio(" ".join(want), parties) >= 90


def _topic_phrases(topic: str) -> list[str]:
    f = qn.folded_text(topic)
    phrases = {f} if f else set()
    for key, words in lexicon.folded_topics().items():
        if key == f or (len(f) >= 3 and (f in key.split() or key in f)):
            phrases |= {qn.folded_text(w) for w in words}
    return sorted(p for p in phrases if p)
