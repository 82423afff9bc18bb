"""The passage index: every sentence and table row of a stored plan, searchable.

Written by ingest beside the item index (`write_passages`); a new version of a plan
gets its own rows and the old version's stay with it (only current plans are searched);
rows go with their plan (ON DELETE CASCADE). Searching reuses the item scorer
(storage/search.py) on a prefiltered set: an inverted index of folded words picks the
passages that share a word (or a typo variant of one) with the question, and only
those are scored, so a plan of 2,000 sentences costs what its 50 matching ones cost."""

from __future__ import annotations

import dataclasses
from collections import Counter, OrderedDict
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar, cast

from sqlalchemy import ForeignKey, Integer, String, Text, bindparam, delete, insert, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from knowledge import passages as quotes
from knowledge import question as qn
from knowledge import quote_text as quoting
from knowledge.model import Document
from knowledge.passages import passages_of, type_bonus
from knowledge.text import clean
from storage import models as m
from storage.models import Base
from storage.passage_index import LoadedPassages, Row, load_rows
from storage.plan_vocabulary import vocabularies, write_vocabulary
from storage.search import (
    Doc,
    Hit,
    PlanIndex,
    QueryTerm,
    ScoringQuery,
    matched_weight,
    plan_title_words,
    prepare_terms,
    score_docs,
    score_hit,
)


class PassageRow(Base):
    """One sentence or table row of a plan, with its normalised words."""

    __tablename__ = "passages"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)  # order in the document
    text: Mapped[str] = mapped_column(Text)  # as written
    heading: Mapped[str] = mapped_column(Text, default="")  # 'II. › 3. Về y tế'
    location: Mapped[str] = mapped_column(String(120), default="")  # 'Biểu 02 · dòng 5'
    words: Mapped[str] = mapped_column(Text)  # folded tokens of the text
    words_acc: Mapped[str] = mapped_column(Text)  # the same tokens with diacritics
    context: Mapped[str] = mapped_column(Text, default="")  # folded tokens of the heading path


# ---------------------------------------------------------------- writing


def write_passages(session: Session, plan: m.Plan, doc: Document) -> int:
    """(Re)write the passages of one plan from its document; returns how many."""
    session.execute(delete(PassageRow).where(PassageRow.plan_id == plan.id))
    rows: list[dict[str, Any]] = []
    for p in passages_of(doc):
        toks = qn.tokens_of(p.text)
        if not toks:
            continue
        rows.append(
            {
                "plan_id": plan.id,
                "seq": p.seq,
                "text": p.text,
                "heading": p.heading,
                "location": p.where[:120],
                "words": " ".join(t.fold for t in toks),
                "words_acc": " ".join(t.acc for t in toks),
                "context": qn.folded_text(p.context),
            }
        )
    if rows:
        session.execute(insert(PassageRow), rows)
    write_vocabulary(session, plan.id, [r["words"] for r in rows], [r["context"] for r in rows])
    return len(rows)


def has_passages(session: Session, plan_id: int) -> bool:
    return session.scalar(select(PassageRow.id).where(PassageRow.plan_id == plan_id).limit(1)) is not None


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class Found:
    """The best passage for a question, with what it takes to quote it."""

    plan_id: int
    text: str
    heading: str
    location: str
    score: float
    coverage: float


_ROWS_OF = select(
    PassageRow.id,
    PassageRow.plan_id,
    PassageRow.words,
    PassageRow.words_acc,
    PassageRow.context,
    PassageRow.location,
    PassageRow.heading,
    # the text of a quote is read with the rest: a question then needs no second query
    PassageRow.text,
).order_by(PassageRow.plan_id, PassageRow.seq)
# built once: a statement made for each load costs its cache key, about as much as the
# query itself (docs/benchmarks.md)
_ROWS_OF_PLANS = _ROWS_OF.where(PassageRow.plan_id.in_(bindparam("plans", expanding=True)))


class PassageSearch:
    """Per-process cache of the passage indexes of sets of plans (LRU)."""

    def __init__(self, capacity: int = 32) -> None:
        self.capacity = capacity
        self._loaded: OrderedDict[tuple[int, ...], LoadedPassages] = OrderedDict()

    def clear(self) -> None:
        self._loaded.clear()

    def load(self, session: Session, key: tuple[int, ...]) -> LoadedPassages:
        """The passage index of these plans (sorted ids), from the cache or the database."""
        found = self._loaded.get(key)
        if found is not None:
            self._loaded.move_to_end(key)
            return found
        # Core rows through the session's connection: no ORM result machinery for a few
        # hundred tuples (a place's first question pays it); a Row is a tuple of these columns
        rows = cast(list[Row], session.connection().execute(_ROWS_OF_PLANS, {"plans": list(key)}).all())
        found = load_rows(rows, _stored_counts(session, key, rows))
        # a plan without passages gets them when its file is ingested again (stored before
        # the passage index existed: storage/ingest.py), under the same id, so the plan list
        # the engine watches does not change: such a load is not kept, the next question
        # reads again
        if {r[1] for r in rows} >= set(key):
            self._loaded[key] = found
            while len(self._loaded) > self.capacity:
                self._loaded.popitem(last=False)
        return found

    def best(
        self,
        session: Session,
        plan_ids: list[int],
        terms: list[qn.Token],
        has_diacritics: bool,
        preferred: int | None = None,
        limit: int = 3,
        intent: str = "",
        question: str = "",
        plan_words: dict[int, frozenset[str]] | None = None,
    ) -> list[Found]:
        """The passages of these plans that answer the question's terms best, best first."""
        if not plan_ids or not terms:
            return []
        loaded = self.load(session, tuple(sorted(plan_ids)))
        if not loaded.rows:
            return []
        qterms = prepare_terms(terms, loaded.stats)
        subset = _prefilter(qterms, loaded)
        if not subset:
            return []
        full = loaded.stats
        sub = PlanIndex(subset, full.idf_of, full.vocab, full.unknown_idf, full.idf_acc)
        bonus = {preferred: 2.0} if preferred is not None and len(plan_ids) > 1 else {}
        query = ScoringQuery.of(qterms)  # once for the subset and every pair below
        hits = score_docs(
            query, sub, has_diacritics, plan_bonus=bonus, limit=limit + 12, plan_words=plan_words
        )
        hits = [_with_following(h, loaded, query, has_diacritics, bonus, plan_words) for h in hits]
        for h in hits:  # the passage holding the kind of fact asked ('bao nhiêu': a figure) first
            h.score += type_bonus(intent, question, h.doc.title_text, h.doc.context_text)
        hits.sort(key=lambda h: (-h.score, h.doc.id))
        return _quoted(loaded, hits[:limit])


def _stored_counts(session: Session, key: tuple[int, ...], rows: list[Row]) -> Counter[str] | None:
    """The passages' word counts from the plans' stored vocabularies, when every plan has one
    made from the passages it has now (else None: `load_rows` counts them)."""
    stored = vocabularies(session, key)
    held = Counter(r[1] for r in rows)
    if any(stored.get(pid, (-1, None))[0] != held.get(pid, 0) for pid in key):
        return None
    total: Counter[str] = Counter()
    for _n, counts in stored.values():
        total.update(counts)
    return total


FOLLOWING = 2  # a passage may be read with one of this many next sentences of its section
FOLLOWING_GAIN = 0.05  # when together they match this much more of the question


def _with_following(
    hit: Hit,
    loaded: LoadedPassages,
    query: ScoringQuery,
    has_diacritics: bool,
    bonus: dict[int, float],
    plan_words: dict[int, frozenset[str]] | None,
) -> Hit:
    """A fact often takes two sentences: the subject in one ('Tổng chi ngân sách địa phương
    năm 2025 được giao là …'), the figure asked in the next ('Ước thực hiện năm 2025 là
    27.535 tỷ đồng'). The passage is read with the next sentence of its section that
    makes it match clearly more of the question; the pair is scored as one passage."""
    best = hit
    full = loaded.stats
    title_words = (plan_words or {}).get(hit.doc.plan_id, frozenset())
    for nxt in loaded.following(hit.doc, FOLLOWING):
        pair = _joined(hit.doc, nxt)
        # the coverage decides: most pairs match no more than the passage alone, and are
        # not scored in full (nor weighed)
        got = matched_weight(query, pair, has_diacritics, title_words)
        if got <= 0 or got / query.total < best.coverage + FOLLOWING_GAIN:
            continue
        pair.weight = sum(full.idf(t) for t in pair.title_set) or 1.0
        best = score_hit(query, pair, full, got, bonus.get(pair.plan_id, 0.0))
    return best


def _joined(first: Doc, second: Doc) -> Doc:
    """The two passages read as one (its weight is set when it is scored)."""
    return dataclasses.replace(
        first,
        title_set=first.title_set | second.title_set,
        acc_text=f"{first.acc_text} {second.acc_text}",
        title_text=f"{first.title_text} {second.title_text}",
        accented=first.accented or second.accented,
        joined=second.item_id,
    )


PREFILTER_SHARE = 0.4  # a passage must hold this share of the question's weight to be scored
PREFILTER_MAX = 40  # and be among this many best by that share
# a word in this share of the plan's sentences (and at least this many) tells none apart:
# the prefilter skips it (speed; the full scorer still counts it)
PREFILTER_COMMON_SHARE = 0.2
PREFILTER_COMMON_MIN = 200


def _prefilter(qterms: list[QueryTerm], loaded: LoadedPassages) -> list[Doc]:
    """The passages worth scoring: the postings of the question's words (and their typo
    variants) add up each passage's share of the question's weight, as the scorer
    would count it (a heading word less than the passage's own); only those holding at
    least half of it, and the best PREFILTER_MAX of them, are scored in full."""
    common = max(PREFILTER_COMMON_MIN, int(PREFILTER_COMMON_SHARE * len(loaded.rows)))
    # a word in a fifth of the plan's sentences ('thực hiện') tells none apart: its long
    # posting list is not walked, and it counts neither for nor against a passage here
    telling = [q for q in qterms if sum(loaded.df.get(v, 0) for v in q.variants) <= common]
    total = sum(q.weight for q in telling)
    if total <= 0:
        return []
    got: dict[int, float] = {}
    for q in telling:
        best: dict[int, float] = {}
        for v, strength in q.variants.items():
            for i, own in loaded.posting(v):
                s = strength if own else 0.45 * strength
                if s > best.get(i, 0.0):
                    best[i] = s
        for i, s in best.items():
            got[i] = got.get(i, 0.0) + q.weight * s
    floor = PREFILTER_SHARE * total
    picked = sorted((i for i, w in got.items() if w >= floor), key=lambda i: -got[i])[:PREFILTER_MAX]
    return [loaded.doc(i) for i in sorted(picked)]


def _quoted(loaded: LoadedPassages, hits: list[Hit]) -> list[Found]:
    out = []
    for h in hits:
        r = loaded.row(h.doc.item_id)
        if r is None:
            continue
        _id, plan_id, _w, _a, _c, location, heading, text = r
        if h.doc.joined and (nxt := loaded.row(h.doc.joined)) is not None:
            text = quoting.joined_text(text, nxt[7])
        out.append(Found(plan_id, text, heading, location, h.score, h.coverage))
    return out


# ---------------------------------------------------------------- answering with passages


class Scope(Protocol):
    """What the answer engine knows of a question's place (storage.answers._Scope)."""

    plans: list[m.Plan]
    preferred: m.Plan
    terms: list[qn.Token]


A = TypeVar("A", bound=Any)  # storage.answers.Answer (not imported: it imports this module)


def settle(
    search: PassageSearch, session: Session, q: qn.Question, scope: Scope, answer: A, single: bool
) -> A:
    """The engine's answer weighed against the plan's own sentences: for a question about one
    item (`single`), or a list that found nothing (it may have misread the question), the
    item or a quote as `knowledge.passages.choose` says; for a question about the document,
    the passage holding what it asks beyond the document's identity."""
    if answer.needs_locality:
        return answer
    if single or (q.intent.kind in (qn.PARTY_ITEMS, qn.TOPIC) and not answer.matches):
        return _reconsider(search, session, q, scope, answer)
    if q.intent.kind == qn.OVERVIEW:
        return _overview_passage(search, session, q, scope, answer)
    return answer


def _overview_passage(search: PassageSearch, session: Session, q: qn.Question, scope: Scope, answer: A) -> A:
    """A question about the document that asks more than its identity ('… thay thế quyết
    định số mấy'): the passage holding every such word follows the overview."""
    plan = scope.preferred
    document = qn.folded_text(f"{plan.title} {plan.doc_number} {plan.locality_name}")
    rest = quotes.beyond_document([t.fold for t in scope.terms], document)
    if not rest:
        return answer
    found = search.best(session, [plan.id], scope.terms, q.has_diacritics, limit=5)
    for f in found:
        words = set(qn.folded_text(f.text).split())
        if all(w in words for w in rest):
            answer.text = quoting.also_written(answer.text, f.text, f.heading, f.location, _focus(scope))
            answer.quoted = True
            break
    return answer


def _focus(scope: Scope) -> tuple[str, ...]:
    """The question's words a long quote keeps the clauses of."""
    return tuple(t.fold for t in scope.terms)


def _holding_fact(found: list[Found], q: qn.Question, item_name: str) -> Found | None:
    name = qn.folded_text(item_name)
    for f in found:
        folded = qn.folded_text(f.text)
        if f.coverage < quotes.LEADING_MIN_COVERAGE or quotes.names_item(name, folded):
            continue
        if quotes.holds_kind(q.intent.kind, q.folded, f.text, folded):
            return f
    return None


def _reconsider(search: PassageSearch, session: Session, q: qn.Question, scope: Scope, answer: A) -> A:
    """Weigh the item answer against the plan's own sentences (storage/passages.py):
    quote the passage that matches the question clearly better, ask about an item that
    matches it only in part, and say 'not found' only when nothing matches."""
    found = search.best(
        session,
        [p.id for p in scope.plans],
        scope.terms,
        q.has_diacritics,
        scope.preferred.id,
        intent=q.intent.kind,
        question=q.folded,
        plan_words=plan_title_words(scope.plans),
        limit=6,
    )
    best, choice = _choice(found, q, answer)
    if choice == quotes.QUOTE and best is not None:
        return _quoting(found, best, q, scope, answer)
    if choice == quotes.BOTH and best is not None:
        answer.text = quoting.also_written(answer.text, best.text, best.heading, best.location, _focus(scope))
        answer.quoted = True
        return answer
    if choice == quotes.HEDGE and len(answer.matches) == 1:
        answer.text = quoting.hedged(answer.matches[0].name, answer.text)
        answer.candidates = answer.candidates or answer.matches
    if choice == quotes.HEDGE and best is not None and quotes.is_quotable((best.score, best.coverage)):
        # neither is sure: what the plan writes closest to the question follows (a hedge
        # is never over a passage `_choice` put first: `best` is the closest one)
        answer.text = quoting.also_written(answer.text, best.text, best.heading, best.location, _focus(scope))
        answer.quoted = True
    return answer


def _choice(found: list[Found], q: qn.Question, answer: A) -> tuple[Found | None, str]:
    """The passage that weighs against the item answer, and what the reply gives
    (`knowledge.passages.choose`: the item, a quote, both, a hedge or nothing)."""
    best = found[0] if found else None
    holding = None
    if answer.matches and (
        not quotes.holds_fact(answer.text) or quotes.lacks_figure(q.folded, answer.matches[0].target_text)
    ):
        # the item lacks what was asked ('khi nào': it has no date): the sentence that
        # holds it, if one matches well enough, is the answer, and the item its alternative
        holding = _holding_fact(found, q, answer.matches[0].name)
    item = (answer.score, answer.coverage) if answer.matches else None
    passage = (best.score, best.coverage) if best else None
    rival = (answer.score, answer.coverage) if answer.score else None
    choice = quotes.choose(item, passage, quotes.holds_fact(answer.text), rival)
    if holding is not None:
        best, choice = holding, quotes.QUOTE
    # a passage that names the item itself is about it: the item's own answer leads
    if (
        choice == quotes.QUOTE
        and best is not None
        and answer.matches
        and quotes.holds_fact(answer.text)
        and quotes.names_item(qn.folded_text(answer.matches[0].name), qn.folded_text(best.text))
    ):
        choice = quotes.BOTH
    return best, choice


def _quoting(found: list[Found], best: Found, q: qn.Question, scope: Scope, answer: A) -> A:
    """The reply that quotes the passage (and the next one when it matches nearly as well),
    offering the item behind it when one matched."""
    plan = next(p for p in scope.plans if p.id == best.plan_id)
    close = [  # (the same words at two places of a plan are one quote)
        f
        for f in found[1:2]
        if f.plan_id == best.plan_id
        and f.score >= best.score - quoting.SECOND_QUOTE
        and clean(f.text) != clean(best.text)
    ]
    second = close[0] if close else None
    text = quoting.quote_answer(
        best.text,
        quoting.plan_name(plan.doc_number, plan.title),
        best.heading,
        best.location,
        plan.locality_name,
        short=second is not None,
        focus=_focus(scope),
    )
    if second is not None:
        text = quoting.second_quote(text, second.text, second.heading, second.location, _focus(scope))
    # the item behind the quote is offered when it matched; the closest names of a
    # question nothing matched would only be noise beside a quote
    offered = answer.matches[:2]
    if offered:
        alt = offered[0]
        fact = alt.responsible if q.intent.kind == qn.RESPONSIBLE else alt.target_text
        text += "\n" + quoting.alternative(alt.name, fact if answer.matches else None)
    return dataclasses.replace(
        answer,
        text=text,
        matches=[],
        candidates=offered,
        score=best.score,
        coverage=best.coverage,
        quoted=True,
    )
