"""The question-answering engine: question -> place and plan -> items -> answer.

    engine = AnswerEngine(db_engine)
    answer = engine.ask("Tỷ lệ BHYT năm 2024?", locality="phường Thiệu Dương")
    answer.text, answer.intent, answer.matches, answer.candidates, answer.needs_locality

One instance serves many questions (the Telegram handlers keep one); it
caches the places it knows and the plans it has read, and notices new plans."""

from __future__ import annotations

import functools
import re
import threading
import weakref
from collections.abc import Callable, Collection
from dataclasses import replace
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from knowledge import answer_text as say
from knowledge import item_kinds, smalltalk
from knowledge import question as qn
from knowledge import quote_text as quoting
from knowledge.text import clean
from storage import answer_facts as stated
from storage import answer_lists as lists
from storage import answer_places as placing
from storage import models as m
from storage.answer_types import Answer, Found, Match, Scope, match_of
from storage.db import session_factory
from storage.passages import PassageSearch, settle
from storage.search import (
    Hit,
    IndexCache,
    PlanIndex,
    index_missing,
    plan_title_words,
    prepare_terms,
    score_docs,
)
from storage.sections import contents_answer, plan_time_answer

__all__ = ["CLOSE", "ITEM_KINDS", "MIN_COVERAGE", "MIN_SCORE", "Answer", "AnswerEngine", "Found", "Match"]

MIN_COVERAGE = 0.5  # below: nothing matched, suggest the closest (lower: more wrong answers)
MIN_SCORE = 38.0  # and below this score (0..100) neither
# two items within this many points are both answered (higher: longer, safer answers); a kind
# may set its own (knowledge/item_kinds.py: reporting rules, few and short, show the near ones)
CLOSE = 3.0
CLOSE_WHEN_UNNAMED = 15.0  # 'who' asked and the best item names nobody: the next one this close too
CLOSE_UNCOVERED = 5.0  # a best item matching too little yields to one this close that matches enough
CLOSE_ALTERNATIVE = 15.0  # a command offers the items this close to its best as buttons
YEAR_IN_NAME_BONUS = 6.0  # the asked year written in the item's name ('… nhập ngũ năm 2026')
# No place named: one place's item must stand out this clearly to answer from it
CROSS_PLACE_MAX_PLANS = 400  # beyond: ask the place (a country's plans all share their items)
CROSS_PLACE_COVERAGE = 0.8  # share of the question the standing-out item must hold
CROSS_PLACE_MARGIN = 15.0  # points ahead of the best item of any other place

_PREFERRED_PLAN_BONUS = 4.0  # the place's plan for the period asked, over its older or other plans
_NAMED_KIND_BONUS = 6.0  # the question says 'chỉ tiêu ...' or 'nhiệm vụ ...'
_SINGLE_ITEM_INTENTS = (qn.TARGET, qn.RESPONSIBLE, qn.DEADLINE, qn.PROGRESS, qn.REPORTING)
ITEM_KINDS = item_kinds.TRACKED  # what a command may name


_NOW_NOTE = re.compile(r"\s*\(nay thuộc [^)]*\)")
_Scope = Scope  # (storage/answers_broad.py names it so)


T = TypeVar("T")


def _locked(method: Callable[..., T]) -> Callable[..., T]:
    """One caller at a time: the engine refreshes its caches as plans change, and the bot
    calls it from worker threads (questions and item commands alike)."""

    @functools.wraps(method)
    def run(self: AnswerEngine, *args: Any, **kwargs: Any) -> T:
        with self._lock:
            return method(self, *args, **kwargs)

    return run


class AnswerEngine:
    def __init__(self, engine: Engine, today: date | None = None, passages: bool = True) -> None:
        self._lock = threading.RLock()
        self.use_passages = passages  # off: items only (the benchmark's baseline)
        self.engine = engine
        self.today = today
        self._sessions = session_factory(engine)
        self._cache = IndexCache()
        self._passages = PassageSearch()
        self._gazetteer: qn.Gazetteer | None = None
        self._plans_seen: tuple[int, int] | None = None
        self._place_plans: dict[int, list[int]] = {}

    # ------------------------------------------------------------ public API

    @_locked
    def ask(
        self, question: str, locality: str | None = None, user_parties: list[int] | None = None
    ) -> Answer:
        """Answer one question. `locality` is the asker's chosen place (free text),
        `user_parties` the Party ids the asker is linked to (for 'việc của tôi')."""
        text = clean(question)[:1000]
        with self._sessions() as session:
            self._refresh(session)
            gaz = self._gazetteer or qn.Gazetteer([])
            q = qn.parse_question(text, gaz)
            talk = smalltalk.classify(text)
            if talk is not None:  # before any search: 'cảm ơn' suggests no item
                return _small_talk(talk, q, locality, gaz)
            if q.intent.kind == qn.HELP:
                return Answer(say.HELP, qn.HELP)
            if not gaz.places:
                return Answer(say.NO_PLAN, q.intent.kind)
            if q.intent.kind == qn.MY_ITEMS:
                return lists.my_items(session, user_parties)
            from storage import answers_broad as broad  # (it imports this module)

            if (compared := broad.before_scope(self, q, gaz, locality)) is not None:
                return compared
            scope = self._scope(session, q, locality, gaz)
            if isinstance(scope, Answer):
                return scope
            broad_answer = broad.answer(self, session, q, scope)
            answer = broad_answer or self._dispatch(session, q, scope, user_parties)
            if (
                broad_answer is None and self.use_passages
            ):  # the plan's own sentences: quoted, or beside the item
                answer = settle(
                    self._passages, session, q, scope, answer, q.intent.kind in _SINGLE_ITEM_INTENTS
                )
                answer = self._section_listed(session, q, scope, answer)
            if note := broad.year_note(q, scope, answer.text):
                answer.text = f"{note}\n{answer.text}"
            if scope.locality.now:
                answer.text = say.naming_new_unit(answer.text, scope.locality.name, scope.locality.label)
            if scope.guessed:
                answer.text = say.guessed_place(placing.place_label(scope.locality, gaz), answer.text)
            elif locality and scope.locality.id not in {
                p.id for p in gaz.resolve_text(_NOW_NOTE.sub("", locality))
            }:
                # the question names another place than the asker's own: say which
                answer.text = quoting.about_place(scope.locality.label, answer.text)
            if len(answer.matches) <= 1:  # the notes above come after the reply was fitted
                answer.text = quoting.within_screen(answer.text)
            answer.locality = scope.locality.name
            answer.plan_id = scope.preferred.id
            return answer

    def _section_listed(self, session: Session, q: qn.Question, scope: _Scope, answer: Answer) -> Answer:
        """'kinh phí lấy từ đâu', 'dùng những phương pháp gì': the list under the heading the
        question names (storage/sections.py), the item found offered beside it."""
        if answer.needs_locality or q.intent.kind not in (qn.TARGET, qn.DEADLINE):
            return answer
        if q.intent.kind == qn.DEADLINE:  # 'việc giám sát … tiến hành khi nào': the plan's own time
            listed = plan_time_answer(self._passages, session, q, scope.plans, scope.preferred)
        else:
            listed = contents_answer(self._passages, session, q, scope.plans, scope.preferred)
        if listed is None:
            return answer
        return replace(answer, text=listed, matches=[], candidates=answer.matches[:2], quoted=True)

    @_locked
    def parse(self, text: str) -> qn.Question:
        """A question as `ask` reads it (places known to the engine): follow-ups need it."""
        with self._sessions() as session:
            self._refresh(session)
        return qn.parse_question(clean(text)[:1000], self._gazetteer or qn.Gazetteer([]))

    @_locked
    def localities(self) -> list[str]:
        """Names of the places that have a plan (for a locality picker)."""
        with self._sessions() as session:
            self._refresh(session)
        return sorted({p.name for p in (self._gazetteer.places if self._gazetteer else [])})

    @_locked
    def resolve_locality(self, text: str) -> list[str]:
        """The known places a free text may mean ('/diaphuong Đông Thọ')."""
        with self._sessions() as session:
            self._refresh(session)
        gaz = self._gazetteer or qn.Gazetteer([])
        return [placing.place_label(p, gaz) for p in gaz.resolve_text(text)]

    @_locked
    def find_items(
        self, scope: str | None, text: str, kinds: Collection[str] = ITEM_KINDS, limit: int = 5
    ) -> list[Found]:
        """The items a command names ('/chitieu bhyt', '/capnhat bhyt: 93,5%'), best
        first, found as a free-text question finds them (abbreviations, folding,
        typos, the same thresholds). `scope` is a locality key (the asker's place
        or the one named in the command); None searches every current plan, up to
        CROSS_PLACE_MAX_PLANS of them (beyond, nothing: the place must be chosen)."""
        with self._sessions() as session:
            self._refresh(session)
            stmt = select(m.Plan).where(m.Plan.is_current.is_(True))
            if scope is not None:
                stmt = stmt.join(m.Locality, m.Plan.locality_id == m.Locality.id).where(
                    m.Locality.key == scope
                )
            plans = list(session.scalars(stmt.order_by(m.Plan.id)))
            q = qn.parse_question(clean(text)[:1000])
            if scope is None and len(plans) > CROSS_PLACE_MAX_PLANS:
                # as a question naming no place: a country's plans all share their items
                # (and one index of them all would hold every item in memory)
                return []
            if not plans or not q.terms:
                return []
            place = qn.Gazetteer.ref(0, plans[0].locality_name or "")
            scope_ = _Scope(place, plans, placing.preferred_plan(plans, q.period), q.terms)
            hits = self._rank(session, q, scope_, kinds)
        good = [h for h in hits[:limit] if h.coverage >= MIN_COVERAGE and h.score >= MIN_SCORE]
        # 'bảo hiểm y tế' names one item; 'Số người tham gia BHXH' 40 points behind is no alternative
        return [
            Found(h.doc.kind, h.doc.item_id, h.doc.plan_id, h.score)
            for h in good
            if h.score >= good[0].score - CLOSE_ALTERNATIVE
        ]

    # ------------------------------------------------------------ places and plans

    def _refresh(self, session: Session) -> None:
        """Reload the known places when plans were added since the last question."""
        seen = session.execute(select(func.max(m.Plan.id), func.count(m.Plan.id))).one()
        state = (seen[0] or 0, seen[1] or 0)
        if state == self._plans_seen:
            return
        if index_missing(session):
            session.commit()
        self._cache.clear()
        self._passages.clear()
        rows = session.execute(
            select(m.Plan.id, m.Plan.locality_name, m.Plan.parent, m.Plan.province)
            .where(m.Plan.is_current.is_(True), m.Plan.locality_name.is_not(None))
            .order_by(m.Plan.id)
        ).all()
        known, self._place_plans = placing.group_places(rows)
        known, aliases = placing.new_names(known, self._place_plans)
        self._gazetteer = qn.Gazetteer(known, aliases)
        self._plans_seen = state

    def _scope(
        self, session: Session, q: qn.Question, asker: str | None, gaz: qn.Gazetteer
    ) -> _Scope | Answer:
        # a label names the new unit too ('phường Thiệu Dương (nay thuộc phường Hàm Rồng)'): the place is the first
        asker_places = gaz.resolve_text(_NOW_NOTE.sub("", asker)) if asker else []
        if q.unknown_place and not q.places:
            names = [placing.place_label(p, gaz) for p in (asker_places or gaz.places)]
            return Answer(
                say.unknown_locality(q.unknown_place, names),
                q.intent.kind,
                needs_locality=True,
                locality_candidates=names[:8],
            )
        if q.places:
            cands = q.places
            if len(cands) > 1:
                cands = gaz.narrow(cands, q.folded, {a.id for a in asker_places})
            if q.place_is_weak and asker_places and not {c.id for c in cands} & {a.id for a in asker_places}:
                return self._weigh_readings(session, q, cands, asker_places)
        elif asker_places:
            cands = asker_places
        elif len(gaz.places) == 1:
            cands = gaz.places
        else:
            if not asker and (by_number := self._place_numbered(session, q, gaz)) is not None:
                scope = self._make_scope(session, by_number, q, q.all_terms)
                scope.guessed = True
                return scope
            found, ranked = self._guess_place(session, q, gaz) if not asker else (None, gaz.places)
            if found is not None:
                scope = self._make_scope(session, found, q, q.all_terms)
                scope.guessed = True
                return scope
            names = [placing.place_label(p, gaz) for p in ranked]
            text = say.unknown_locality(asker, names) if asker else say.ask_locality(names)
            return Answer(text, q.intent.kind, needs_locality=True, locality_candidates=names[:8])
        if len(cands) > 1:
            names = [placing.place_label(p, gaz) for p in cands]
            return Answer(
                say.ask_locality(names), q.intent.kind, needs_locality=True, locality_candidates=names
            )
        return self._make_scope(session, cands[0], q, q.terms if q.places else q.all_terms)

    def _place_numbered(self, session: Session, q: qn.Question, gaz: qn.Gazetteer) -> qn.PlaceRef | None:
        """No place named or chosen, but a plan's number ('theo KH 308 …'): the one place that has
        a current plan of that number."""
        number = placing.named_number(q)
        if number is None:
            return None
        place_of = {pid: place for place in gaz.places for pid in self._place_plans[place.id]}
        rows = session.execute(
            select(m.Plan.id, m.Plan.doc_number).where(m.Plan.id.in_(list(place_of)))
        ).all()
        owners = {place_of[r.id].id: place_of[r.id] for r in placing.numbered(rows, number)}
        return next(iter(owners.values())) if len(owners) == 1 else None

    def _guess_place(
        self, session: Session, q: qn.Question, gaz: qn.Gazetteer
    ) -> tuple[qn.PlaceRef | None, list[qn.PlaceRef]]:
        """No place named or chosen: search every place's current plans. One item
        that only one place has ('di dời 35 hộ rạch Ông Tường') answers from that
        place; otherwise the places whose items match best are offered first."""
        plan_ids = [pid for ids in self._place_plans.values() for pid in ids]
        if q.intent.kind not in _SINGLE_ITEM_INTENTS or len(plan_ids) > CROSS_PLACE_MAX_PLANS:
            return None, gaz.places
        place_of = {pid: place for place in gaz.places for pid in self._place_plans[place.id]}
        index = self._cache.index(session, plan_ids)
        priors = item_kinds.priors_for(q.intent.kind)
        hits = score_docs(prepare_terms(q.all_terms, index), index, q.has_diacritics, priors, limit=50)
        best: dict[int, Hit] = {}
        for h in hits:
            best.setdefault(place_of[h.doc.plan_id].id, h)
        ranked = sorted(best.values(), key=lambda h: -h.score)
        order = [place_of[h.doc.plan_id] for h in ranked]
        ranked_places = order + [p for p in gaz.places if p not in order]
        if not ranked or ranked[0].coverage < CROSS_PLACE_COVERAGE or ranked[0].score < MIN_SCORE:
            return None, ranked_places
        runner_up = ranked[1].score if len(ranked) > 1 else 0.0
        if ranked[0].score - runner_up < CROSS_PLACE_MARGIN:
            return None, ranked_places
        return order[0], ranked_places

    def _make_scope(
        self, session: Session, place: qn.PlaceRef, q: qn.Question, terms: list[qn.Token]
    ) -> _Scope:
        plans = list(session.scalars(select(m.Plan).where(m.Plan.id.in_(self._place_plans[place.id]))))
        return _Scope(
            place, plans, placing.named_plan(plans, q) or placing.preferred_plan(plans, q.period), terms
        )

    def _weigh_readings(
        self, session: Session, q: qn.Question, named: list[qn.PlaceRef], asker: list[qn.PlaceRef]
    ) -> _Scope | Answer:
        """A place name without its type may be words of an item ('tham gia bảo
        hiểm' holds 'Gia Bảo'): keep the reading whose best item matches better,
        giving the asker's own place the benefit of the doubt."""
        if len(asker) > 1:
            names = [p.name for p in asker]
            return Answer(
                say.ask_locality(names), q.intent.kind, needs_locality=True, locality_candidates=names
            )
        own = self._make_scope(session, asker[0], q, q.all_terms)
        if len(named) > 1 or q.intent.kind not in _SINGLE_ITEM_INTENTS:
            return own
        other = self._make_scope(session, named[0], q, q.terms)
        margin = 0.0 if q.place is not None and q.place.at_end else 8.0
        if self._best_score(session, other, q) > self._best_score(session, own, q) + margin:
            return other
        return own

    def _best_score(self, session: Session, scope: _Scope, q: qn.Question) -> float:
        index = self._index(session, scope)
        hits = score_docs(prepare_terms(scope.terms, index), index, q.has_diacritics, limit=1)
        return hits[0].score if hits else 0.0

    # ------------------------------------------------------------ intents

    def _dispatch(
        self, session: Session, q: qn.Question, scope: _Scope, user_parties: list[int] | None = None
    ) -> Answer:
        kind = q.intent.kind
        if kind == qn.OVERVIEW:
            return Answer(say.overview_answer(stated.plan_facts(session, scope.preferred)), kind)
        if kind == qn.PARTY_ITEMS:
            return lists.party_items(session, q, scope, self._index(session, scope))
        if kind == qn.TOPIC:
            return lists.topic_items(session, q, scope, self._index(session, scope))
        if kind in (qn.DUE_SOON, qn.OVERDUE):
            return lists.due_items(session, kind, scope, self.today or date.today(), user_parties)
        return self._single(session, q, scope)

    def _index(self, session: Session, scope: _Scope) -> PlanIndex:
        return self._cache.index(session, [p.id for p in scope.plans])

    def _rank(
        self, session: Session, q: qn.Question, scope: _Scope, kinds: Collection[str] | None = None
    ) -> list[Hit]:
        """The items of the scope's plans ranked for the question: the one search
        behind free text and every command that names an item."""
        kind = q.intent.kind
        index = self._index(session, scope)
        qterms = prepare_terms(scope.terms, index)
        priors = item_kinds.priors_for(kind)
        if q.kind_hint and kind != qn.REPORTING:
            priors = priors | {q.kind_hint: priors.get(q.kind_hint, 0.0) + _NAMED_KIND_BONUS}
        bonus = {scope.preferred.id: _PREFERRED_PLAN_BONUS} if len(scope.plans) > 1 else {}
        hits = score_docs(
            qterms,
            index,
            q.has_diacritics,
            priors,
            bonus,
            kinds=kinds,
            plan_words=plan_title_words(scope.plans),
        )
        return _year_named(hits, q.period.year)

    def _single(self, session: Session, q: qn.Question, scope: _Scope) -> Answer:
        kind = q.intent.kind
        hits = _covering_first(self._rank(session, q, scope))
        plans = {p.id: p for p in scope.plans}
        if not hits or hits[0].coverage < MIN_COVERAGE or hits[0].score < MIN_SCORE:
            facts = [lists.hit_facts(session, h, plans) for h in hits[:3]]
            where = scope.locality.name
            return Answer(
                say.no_match([f.name for f in facts], where, tuple(t.fold for t in scope.terms)),
                kind,
                candidates=[match_of(h, f, plans) for h, f in zip(hits[:3], facts, strict=True)],
                score=hits[0].score if hits else 0.0,
                coverage=hits[0].coverage if hits else 0.0,
            )
        top = [hits[0]]
        close = item_kinds.close_margin(hits[0].doc.kind, CLOSE)
        for h in hits[1:3]:
            if h.score >= hits[0].score - close and h.coverage >= MIN_COVERAGE:
                top.append(h)
        facts = [lists.hit_facts(session, h, plans, q.period.year) for h in top]
        for f in facts:  # a long name keeps the clauses the question is about
            f.focus = tuple(t.fold for t in scope.terms)
        if kind == qn.RESPONSIBLE and len(top) == 1 and not _names_role(facts[0], q.intent.role):
            # 'ai chỉ đạo trồng mới mắc ca': the indicator names nobody, the task
            # just behind it does — answer both rather than 'nobody is named'
            for h in hits[1:3]:
                if h.score >= hits[0].score - CLOSE_WHEN_UNNAMED and h.coverage >= MIN_COVERAGE:
                    f = lists.hit_facts(session, h, plans, q.period.year)
                    if _names_role(f, q.intent.role):
                        f.focus = facts[0].focus
                        top.append(h)
                        facts.append(f)
                        break
        matches = [match_of(h, f, plans) for h, f in zip(top, facts, strict=True)]
        if len(top) == 1:
            text = say.item_answer(facts[0], kind, q.intent.role)
        else:
            text = say.close_items_answer(facts, kind, q.intent.role)
        return Answer(
            text,
            kind,
            matches=matches,
            candidates=matches if len(top) > 1 else [],
            score=hits[0].score,
            coverage=hits[0].coverage,
        )


# ---------------------------------------------------------------- helpers


def _answers(hit: Hit) -> bool:
    return hit.coverage >= MIN_COVERAGE and hit.score >= MIN_SCORE


def _covering_first(hits: list[Hit]) -> list[Hit]:
    """A short name that shares a few words with the question can outscore, by a point or
    two, the item that holds most of it ('Phòng chống sốt xuất huyết' before the duty that
    goes on '… điều tra lăng quăng ngay khi nước rút'): when the best matches too little of
    the question to answer, the first close one that matches enough leads."""
    if not hits or _answers(hits[0]):
        return hits
    for i, h in enumerate(hits[1:4], 1):
        if h.score >= hits[0].score - CLOSE_UNCOVERED and _answers(h):
            return [h, *hits[:i], *hits[i + 1 :]]
    return hits


def _year_named(hits: list[Hit], year: int | None) -> list[Hit]:
    """'gọi công dân nhập ngũ năm 2026': a year the item's own name holds is part of
    what is asked, not only the plan's year."""
    if not year or not any(str(year) in h.doc.title_set for h in hits):
        return hits
    for h in hits:
        if str(year) in h.doc.title_set:
            h.score += YEAR_IN_NAME_BONUS
    return sorted(hits, key=lambda h: (-h.score, h.doc.id))


def _small_talk(talk: smalltalk.Talk, q: qn.Question, asker: str | None, gaz: qn.Gazetteer) -> Answer:
    """A greeting, thanks or a question outside the plans: a short reply, no items; a
    procedure is sent to the one-stop desk of the place named, else the asker's (its
    unit since 2025 when it was merged)."""
    found = q.places or (gaz.resolve_text(_NOW_NOTE.sub("", asker)) if asker else [])
    place = (found[0].now or placing.place_label(found[0], gaz)) if len(found) == 1 else None
    return Answer(say.small_talk_answer(talk.kind, place, talk.english), talk.kind)


def _names_role(facts: say.ItemFacts, role: str | None) -> bool:
    """Whether the item names who the question asks for (the leader, else anyone)."""
    if role == "leader":
        return bool(facts.leader)
    return bool(facts.leader or facts.responsible)


_SHARED: weakref.WeakKeyDictionary[Engine, AnswerEngine] = weakref.WeakKeyDictionary()


def shared_engine(engine: Engine) -> AnswerEngine:
    """The one answer engine of a database in this process, so the bot's questions
    and its commands read and cache each plan once."""
    found = _SHARED.get(engine)
    if found is None:
        found = _SHARED[engine] = AnswerEngine(engine)
    return found


def find_items(
    engine: Engine, scope: str | None, text: str, kinds: Collection[str] = ITEM_KINDS, limit: int = 5
) -> list[Found]:
    """`AnswerEngine.find_items` on the database's shared engine."""
    return shared_engine(engine).find_items(scope, text, kinds, limit)
