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
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta
from typing import Any, TypeVar

from rapidfuzz import fuzz
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from knowledge import answer_text as say
from knowledge import lexicon, smalltalk
from knowledge import passages as quotes
from knowledge import question as qn
from knowledge.periods import past_grace
from knowledge.text import clean
from storage import answer_facts as stated
from storage import answer_places as placing
from storage import models as m
from storage.amendments import overridden_items
from storage.db import session_factory
from storage.ownership import own_first
from storage.passages import PassageSearch, settle
from storage.search import (
    DUTY,
    INDICATOR,
    MILESTONE,
    PROGRESS,
    REPORTING,
    TASK,
    Hit,
    IndexCache,
    PlanIndex,
    index_missing,
    plan_title_words,
    prepare_terms,
    score_docs,
)
from storage.sections import contents_answer

MIN_COVERAGE = 0.5  # below: nothing matched, suggest the closest (lower: more wrong answers)
MIN_SCORE = 38.0  # and below this score (0..100) neither
CLOSE = 3.0  # two items within this many points are both answered (higher: longer, safer answers)
CLOSE_REPORTING = 15.0  # reporting rules are few and short: show the near ones together
CLOSE_WHEN_UNNAMED = 15.0  # 'who' asked and the best item names nobody: the next one this close too
CLOSE_UNCOVERED = 5.0  # a best item matching too little yields to one this close that matches enough
CLOSE_ALTERNATIVE = 15.0  # a command offers the items this close to its best as buttons
YEAR_IN_NAME_BONUS = 6.0  # the asked year written in the item's name ('… nhập ngũ năm 2026')
DUE_SOON_DAYS = 30
# No place named: one place's item must stand out this clearly to answer from it
CROSS_PLACE_MAX_PLANS = 400  # beyond: ask the place (a country's plans all share their items)
CROSS_PLACE_COVERAGE = 0.8  # share of the question the standing-out item must hold
CROSS_PLACE_MARGIN = 15.0  # points ahead of the best item of any other place

# Points added to an item's score by its kind, per kind of question: 'bao nhiêu' is most often
# an indicator, 'khi nào' a task, 'gửi báo cáo' a reporting rule. They decide between items that
# match about equally; larger ones would override what the question's words say.
_PRIORS: dict[str, dict[str, float]] = {
    qn.TARGET: {INDICATOR: 6, TASK: 0, PROGRESS: 1, REPORTING: -12, DUTY: -12, MILESTONE: -14},
    qn.RESPONSIBLE: {INDICATOR: 4, TASK: 4, PROGRESS: -8, REPORTING: -10, DUTY: 0, MILESTONE: -14},
    qn.DEADLINE: {INDICATOR: 0, TASK: 6, PROGRESS: -6, REPORTING: 3, DUTY: -8, MILESTONE: -2},
    qn.PROGRESS: {INDICATOR: 4, TASK: 2, PROGRESS: 5, REPORTING: -12, DUTY: -12, MILESTONE: -14},
    qn.REPORTING: {INDICATOR: -10, TASK: 0, PROGRESS: -12, REPORTING: 18, DUTY: 2, MILESTONE: -14},
}
_PREFERRED_PLAN_BONUS = 4.0  # the place's plan for the period asked, over its older or other plans
_NAMED_KIND_BONUS = 6.0  # the question says 'chỉ tiêu ...' or 'nhiệm vụ ...'
_SINGLE_ITEM_INTENTS = (qn.TARGET, qn.RESPONSIBLE, qn.DEADLINE, qn.PROGRESS, qn.REPORTING)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# how a list question is put ('… phải làm gì', '… có nhiệm vụ gì'): no part of what it is about
_LIST_WORDS = frozenset(
    [
        "phai",
        "can",
        "se",
        "co",
        "lam",
        "gi",
        "j",
        "nhung",
        "viec",
        "nhiem",
        "vu",
        "trach",
        "chi",
        "tieu",
        "nao",
    ]
)
ITEM_KINDS = (INDICATOR, TASK)  # what a command may name


@dataclass
class Match:
    kind: str
    item_id: int
    plan_id: int
    plan: str
    name: str
    target_text: str | None
    responsible: str | None
    score: float

    def to_json(self) -> dict[str, object]:
        d = asdict(self)
        return {k: d[k] for k in ("kind", "plan", "name", "target_text", "responsible")} | {
            "score": round(self.score, 1)
        }


@dataclass(frozen=True)
class Found:
    """An item a command named: its kind ('indicator' | 'task'), id and score."""

    kind: str
    item_id: int
    plan_id: int
    score: float


@dataclass
class Answer:
    text: str
    intent: str
    matches: list[Match] = field(default_factory=list)
    candidates: list[Match] = field(default_factory=list)  # close or suggested items (buttons)
    needs_locality: bool = False
    locality_candidates: list[str] = field(default_factory=list)
    locality: str | None = None  # the place the answer is about
    plan_id: int | None = None
    choices: list[tuple[str, str]] = field(default_factory=list)  # (button label, question it asks)
    score: float = 0.0  # how well the best item (or quoted passage) matched the question, 0..100+
    coverage: float = 0.0  # the share of the question's words it matched
    quoted: bool = False  # the reply quotes a passage of the plan


@dataclass
class _Scope:
    """The place and plans a question is answered from."""

    locality: qn.PlaceRef
    plans: list[m.Plan]
    preferred: m.Plan
    terms: list[qn.Token]  # the words to match items with in this reading of the question
    guessed: bool = False  # no place was named: the place whose item stood out


_NOW_NOTE = re.compile(r"\s*\(nay thuộc [^)]*\)")


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
                return self._my_items(session, user_parties)
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
                answer.text = quotes.about_place(scope.locality.label, answer.text)
            answer.locality = scope.locality.name
            answer.plan_id = scope.preferred.id
            return answer

    def _section_listed(self, session: Session, q: qn.Question, scope: _Scope, answer: Answer) -> Answer:
        """'kinh phí lấy từ đâu', 'dùng những phương pháp gì': the list under the heading the
        question names (storage/sections.py), the item found offered beside it."""
        if q.intent.kind != qn.TARGET or answer.needs_locality:
            return answer
        listed = contents_answer(session, q, scope.plans, scope.preferred)
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
        priors = _PRIORS.get(q.intent.kind, _PRIORS[qn.TARGET])
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
            return self._party_items(session, q, scope)
        if kind == qn.TOPIC:
            return self._topic_items(session, q, scope)
        if kind in (qn.DUE_SOON, qn.OVERDUE):
            return self._due_items(session, kind, scope, user_parties)
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
        priors = _PRIORS.get(kind, _PRIORS[qn.TARGET])
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
            facts = [self._facts(session, h, plans) for h in hits[:3]]
            where = scope.locality.name
            return Answer(
                say.no_match([f.name for f in facts], where, tuple(t.fold for t in scope.terms)),
                kind,
                candidates=[self._match(h, f, plans) for h, f in zip(hits[:3], facts, strict=True)],
                score=hits[0].score if hits else 0.0,
                coverage=hits[0].coverage if hits else 0.0,
            )
        top = [hits[0]]
        close = CLOSE_REPORTING if hits[0].doc.kind == REPORTING else CLOSE
        for h in hits[1:3]:
            if h.score >= hits[0].score - close and h.coverage >= MIN_COVERAGE:
                top.append(h)
        facts = [self._facts(session, h, plans, q.period.year) for h in top]
        for f in facts:  # a long name keeps the clauses the question is about
            f.focus = tuple(t.fold for t in scope.terms)
        if kind == qn.RESPONSIBLE and len(top) == 1 and not _names_role(facts[0], q.intent.role):
            # 'ai chỉ đạo trồng mới mắc ca': the indicator names nobody, the task
            # just behind it does — answer both rather than 'nobody is named'
            for h in hits[1:3]:
                if h.score >= hits[0].score - CLOSE_WHEN_UNNAMED and h.coverage >= MIN_COVERAGE:
                    f = self._facts(session, h, plans, q.period.year)
                    if _names_role(f, q.intent.role):
                        f.focus = facts[0].focus
                        top.append(h)
                        facts.append(f)
                        break
        matches = [self._match(h, f, plans) for h, f in zip(top, facts, strict=True)]
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

    def _party_items(self, session: Session, q: qn.Question, scope: _Scope) -> Answer:
        party = q.intent.party or ""
        want = qn.folded_text(party).split()
        index = self._index(session, scope)
        listed, hidden = _listed_plans(session, scope)
        hits = []
        for doc in index.docs:
            if doc.kind not in (INDICATOR, TASK) or not doc.parties or doc.plan_id not in listed:
                continue
            if (doc.kind, doc.item_id) in hidden:
                continue
            if _party_matches(want, doc.parties):
                hits.append(Hit(doc, 100.0, 1.0))
        hits = self._about_rest(q, scope, index, hits, set(want))
        plans = {p.id: p for p in scope.plans}
        facts = [self._facts(session, h, plans) for h in hits]
        for f in facts:  # a long item keeps the clauses the rest of the question is about
            f.focus = tuple(t.fold for t in scope.terms if t.fold not in want and t.fold not in _LIST_WORDS)
        text = say.list_answer(say.party_items_heading(party), facts, say.party_items_empty(party))
        return Answer(
            text, q.intent.kind, matches=[self._match(h, f, plans) for h, f in zip(hits, facts, strict=True)]
        )

    def _about_rest(
        self, q: qn.Question, scope: _Scope, index: PlanIndex, hits: list[Hit], named: set[str]
    ) -> list[Hit]:
        """A list asked with more words than whom it is about ('Sở Nội vụ phải làm gì trong
        công tác bảo vệ bí mật nhà nước') shows first the items those words match, the
        named plan's before another's (a phone shows only the first few)."""
        rest = [t for t in scope.terms if t.fold not in named and t.fold not in _LIST_WORDS]
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

    def _topic_items(self, session: Session, q: qn.Question, scope: _Scope) -> Answer:
        topic = q.intent.topic or ""
        phrases = _topic_phrases(topic)
        index = self._index(session, scope)
        listed, hidden = _listed_plans(session, scope)
        hits = []
        for doc in index.docs:
            if (
                doc.kind not in (INDICATOR, TASK)
                or doc.plan_id not in listed
                or (doc.kind, doc.item_id) in hidden
            ):
                continue
            hay = f" {doc.title_text} {doc.context_text} "
            if any(f" {p} " in hay for p in phrases):
                hits.append(Hit(doc, 100.0, 1.0))
        hits.sort(key=lambda h: (h.doc.kind != INDICATOR, h.doc.id))
        plans = {p.id: p for p in scope.plans}
        facts = [self._facts(session, h, plans) for h in hits]
        text = say.list_answer(say.topic_heading(topic), facts, say.topic_empty(topic))
        return Answer(
            text, q.intent.kind, matches=[self._match(h, f, plans) for h, f in zip(hits, facts, strict=True)]
        )

    def _due_items(
        self, session: Session, kind: str, scope: _Scope, user_parties: list[int] | None = None
    ) -> Answer:
        today = self.today or date.today()
        # a plan more than a month past its period has no overdue tasks, only ended ones
        live = [p.id for p in scope.plans if not past_grace(p.period_end, today, p.period_start)]
        stmt = (
            select(m.Task, func.min(m.TaskDeadline.due))
            .join(m.TaskDeadline, m.TaskDeadline.task_id == m.Task.id)
            .where(m.Task.plan_id.in_(live))
            .group_by(m.Task.id)
        )
        if kind == qn.DUE_SOON:
            stmt = stmt.where(
                m.TaskDeadline.due >= today, m.TaskDeadline.due <= today + timedelta(DUE_SOON_DAYS)
            )
        else:
            stmt = stmt.where(m.TaskDeadline.due < today)
        rows = session.execute(stmt.order_by(func.min(m.TaskDeadline.due))).all()
        rows = own_first(session, rows, user_parties)
        plans = {p.id: p for p in scope.plans}
        facts, matches = [], []
        for task, _due in rows:
            latest = stated.latest_progress(session, plans[task.plan_id], "task", task.item_key)
            if kind == qn.OVERDUE and latest is not None and latest.status == "done":
                continue
            f = stated.task_facts(task, plans[task.plan_id], latest)
            facts.append(f)
            matches.append(
                Match(
                    TASK,
                    task.id,
                    task.plan_id,
                    stated.plan_label(plans[task.plan_id]),
                    task.name,
                    None,
                    task.responsible_text,
                    100.0,
                )
            )
        if kind == qn.DUE_SOON:
            text = say.list_answer(say.DUE_SOON_HEADING, facts, say.DUE_SOON_EMPTY.format(days=DUE_SOON_DAYS))
        else:
            text = say.list_answer(say.OVERDUE_HEADING, facts, say.OVERDUE_EMPTY)
        return Answer(text, kind, matches=matches)

    def _my_items(self, session: Session, user_parties: list[int] | None) -> Answer:
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
                    f = stated.indicator_facts(session, ind, ind.plan)
                    facts.append(f)
                    matches.append(
                        Match(
                            INDICATOR,
                            ind.id,
                            ind.plan_id,
                            stated.plan_label(ind.plan),
                            ind.name,
                            ind.target_text,
                            ind.responsible_text,
                            100.0,
                        )
                    )
            if link.task_id and ("t", link.task_id) not in seen:
                seen.add(("t", link.task_id))
                task = session.get(m.Task, link.task_id)
                if task and task.plan.is_current:
                    latest = stated.latest_progress(session, task.plan, "task", task.item_key)
                    facts.append(stated.task_facts(task, task.plan, latest))
                    matches.append(
                        Match(
                            TASK,
                            task.id,
                            task.plan_id,
                            stated.plan_label(task.plan),
                            task.name,
                            None,
                            task.responsible_text,
                            100.0,
                        )
                    )
        return Answer(
            say.list_answer(say.MY_ITEMS_HEADING, facts, say.MY_ITEMS_EMPTY), qn.MY_ITEMS, matches=matches
        )

    # ------------------------------------------------------------ facts

    def _facts(
        self, session: Session, hit: Hit, plans: dict[int, m.Plan], year: int | None = None
    ) -> say.ItemFacts:
        plan = plans.get(hit.doc.plan_id) or session.get(m.Plan, hit.doc.plan_id)
        assert plan is not None
        kind, item_id = hit.doc.kind, hit.doc.item_id
        if kind == INDICATOR:
            ind = session.get(m.Indicator, item_id)
            assert ind is not None
            return stated.indicator_facts(session, ind, plan, year)
        if kind == TASK:
            task = session.get(m.Task, item_id)
            assert task is not None
            return stated.task_facts(task, plan, stated.latest_progress(session, plan, "task", task.item_key))
        if kind == REPORTING:
            rule = session.get(m.ReportingRule, item_id)
            assert rule is not None
            return say.ItemFacts(
                kind=REPORTING,
                name=rule.text,
                frequency=rule.frequency,
                day_of_month=rule.day_of_month,
                due_date=rule.deadline_date,
                report_to=rule.report_to,
                source=stated.source(plan, rule.source_ref),
            )
        if kind == DUTY:
            duty = session.get(m.UnitDuty, item_id)
            assert duty is not None
            return say.ItemFacts(
                kind=DUTY, name=duty.unit, solution=duty.summary, source=stated.source(plan, duty.source_ref)
            )
        if kind == MILESTONE:
            ms = session.get(m.Milestone, item_id)
            assert ms is not None
            return say.ItemFacts(
                kind=MILESTONE,
                name=ms.text,
                deadline_text=ms.deadline_text,
                due_date=ms.due_date,
                source=stated.source(plan, ms.source_ref),
            )
        rec = session.get(m.ProgressRecord, item_id)
        assert rec is not None
        return say.ItemFacts(
            kind=PROGRESS,
            name=rec.item_name,
            progress=stated.progress_facts(rec),
            source=stated.source(plan, ""),
        )

    @staticmethod
    def _match(hit: Hit, facts: say.ItemFacts, plans: dict[int, m.Plan]) -> Match:
        plan = plans.get(hit.doc.plan_id)
        return Match(
            kind=hit.doc.kind,
            item_id=hit.doc.item_id,
            plan_id=hit.doc.plan_id,
            plan=stated.plan_label(plan) if plan else "",
            name=facts.name,
            target_text=say.figure(facts) or None,
            responsible=facts.responsible,
            score=hit.score,
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


def _listed_plans(session: Session, scope: _Scope) -> tuple[set[int], set[tuple[str, int]]]:
    """The plans a list ('việc của Sở Tư pháp', 'nhiệm vụ về y tế') draws from: the
    preferred plan and every other current plan of the place for the same period
    (KH 141 beside KH 144 of one province); an item an amendment restates is listed
    once, from the amendment."""
    period = (scope.preferred.period_start, scope.preferred.period_end)
    ids = {p.id for p in scope.plans if (p.period_start, p.period_end) == period}
    indicators, tasks = overridden_items(session, ids)
    return ids, {(INDICATOR, i) for i in indicators} | {(TASK, t) for t in tasks}


def _party_matches(want: list[str], parties: str) -> bool:
    """'công chức tư pháp' is among 'Công chức Tư pháp - Hộ tịch; Văn phòng'."""
    if not want:
        return False
    have = parties.split()
    hs = set(have)
    core = [w for w in want if w not in ("cong", "chuc", "can", "bo", "dong", "chi", "dc", "d", "c")] or want
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
