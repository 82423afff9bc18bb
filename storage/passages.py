"""The passage index: every sentence and table row of a stored plan, searchable.

Written by ingest beside the item index (`write_passages`); a new version of a plan
gets its own rows and the old version's stay with it (only current plans are searched);
rows go with their plan (ON DELETE CASCADE). Searching reuses the item scorer
(storage/search.py) on a prefiltered set: an inverted index of folded words picks the
passages that share a word (or a typo variant of one) with the question, and only
those are scored, so a plan of 2,000 sentences costs what its 50 matching ones cost."""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import math
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar, cast

from sqlalchemy import ForeignKey, Integer, String, Text, delete, insert, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from knowledge import passages as quotes
from knowledge import question as qn
from knowledge.model import Document
from knowledge.passages import passages_of, type_bonus
from knowledge.text import clean
from storage import models as m
from storage.models import Base
from storage.search import Doc, Hit, PlanIndex, QueryTerm, plan_title_words, prepare_terms, score_docs

PASSAGE = "passage"


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
    rows = []
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


class _AccentedIdf(dict[str, float]):
    """IDF of the words as written, counted on first use: only the question's words are
    ever looked up (`prepare_terms`), so a place's first question does not split and count
    every word of every passage for the few it asks about. Same figures as
    `PlanIndex.build`: the number of passages whose words hold it."""

    def __init__(self, padded: list[str], n: int) -> None:
        super().__init__()
        self._padded = padded  # ' words as written ' of each passage
        self._n = n
        self._absent: set[str] = set()

    def _count(self, word: str) -> bool:
        if word in self._absent:
            return False
        needle = f" {word} "
        df = sum(1 for text in self._padded if needle in text)
        if not df:
            self._absent.add(word)
            return False
        self[word] = math.log(1.0 + self._n / (1 + df))
        return True

    def __contains__(self, word: object) -> bool:
        return super().__contains__(word) or (isinstance(word, str) and self._count(word))

    def __missing__(self, word: str) -> float:
        if self._count(word):
            return self[word]
        raise KeyError(word)


@dataclass
class _Loaded:
    """The passages of a set of plans, ready to search. A question scores at most
    PREFILTER_MAX of them and walks the postings of its own few words, so loading
    builds only what every question needs (the words' document frequencies and the
    vocabulary); a posting list is found on first use and a passage's `Doc` is made
    when it is first picked."""

    stats: PlanIndex  # IDF and vocabulary of every passage (no docs: see `doc`)
    rows: list[
        tuple[int, int, str, str, str, str, str]
    ]  # id, plan_id, words, words_acc, context, location, heading
    df: Counter[str]  # folded word (own or heading) -> passages holding it
    joined: str  # ' words \n' of every passage, in order
    starts: list[int]  # where each passage begins in `joined`
    contexts: list[str]  # the heading path (folded) of each passage
    context_sets: dict[str, frozenset[str]]
    postings: dict[str, list[tuple[int, bool]]] = field(default_factory=dict)
    docs: dict[int, Doc] = field(default_factory=dict)
    # the rows are in document order: a passage's next ones in its section follow it
    position: dict[int, int] = field(default_factory=dict)  # passage id -> position in rows

    def following(self, doc: Doc, n: int) -> list[Doc]:
        """Up to n sentences after this one in the same plan and section (a table row
        is a record of its own: it is read alone)."""
        at = self.position[doc.id]
        _pid, plan_id, _w, _a, _c, location, heading = self.rows[at]
        if location:
            return []
        out = []
        for i in range(at + 1, min(len(self.rows), at + 1 + n)):
            _pid, nxt_plan, _w, _a, _c, nxt_location, nxt_heading = self.rows[i]
            if nxt_plan != plan_id or nxt_heading != heading or nxt_location:
                break
            out.append(self.doc(i))
        return out

    def posting(self, word: str) -> list[tuple[int, bool]]:
        """(passage, whether its own words hold it: else its heading path does), in order."""
        found = self.postings.get(word)
        if found is not None:
            return found
        own: list[int] = []
        needle, text, starts = f" {word} ", self.joined, self.starts
        at = text.find(needle)
        while at != -1:
            i = bisect.bisect_right(starts, at) - 1
            own.append(i)
            at = text.find(needle, starts[i + 1]) if i + 1 < len(starts) else -1
        out = [(i, True) for i in own]
        headed = {c for c, words in self.context_sets.items() if word in words}
        if headed:
            mine = set(own)
            out += [(i, False) for i, c in enumerate(self.contexts) if c in headed and i not in mine]
            out.sort()
        self.postings[word] = out
        return out

    def doc(self, i: int) -> Doc:
        """The scorer's view of passage i, as `PlanIndex.build` would have made it."""
        found = self.docs.get(i)
        if found is None:
            pid, plan_id, words, acc, context, _location, _heading = self.rows[i]
            title = frozenset(words.split())
            idf_of = self.stats.idf_of
            found = self.docs[i] = Doc(
                id=pid,
                plan_id=plan_id,
                kind=PASSAGE,
                item_id=pid,
                title_set=title,
                acc_text=acc,
                context_set=self.context_sets[context],
                parties="",
                title_text=words,
                context_text=context,
                weight=sum(map(idf_of.__getitem__, title)) or 1.0,
                accented=acc != words,
            )
        return found


def _load_rows(rows: list[tuple[int, int, str, str, str, str, str]]) -> _Loaded:
    """The statistics of `PlanIndex.build` over every passage — a word's document
    frequency counts the passages whose own words or heading path hold it — made with
    set and counter builtins rather than a loop over every word, and without a `Doc` per
    passage. This is the cost of a place's first question, which at a country's scale is
    most questions."""
    words = [r[2] for r in rows]
    contexts = [r[4] for r in rows]
    # the passages of a section share its heading path: one set per distinct path
    context_sets = {c: frozenset(c.split()) for c in set(contexts)}
    held = map(set.union, map(set, map(str.split, words)), map(context_sets.__getitem__, contexts))
    df = Counter(itertools.chain.from_iterable(held))
    n = len(rows) + 1
    idf_of = {t: math.log(1.0 + n / (1 + c)) for t, c in df.items()}
    idf_acc = _AccentedIdf([f" {r[3]} " for r in rows], n)
    stats = PlanIndex([], idf_of, sorted(df), math.log(1.0 + n), idf_acc)
    joined = "".join(f" {w} \n" for w in words)
    starts = [0, *itertools.accumulate(len(w) + 3 for w in words)][:-1] if words else []
    position = {r[0]: i for i, r in enumerate(rows)}
    return _Loaded(stats, rows, df, joined, starts, contexts, context_sets, position=position)


class PassageSearch:
    """Per-process cache of the passage indexes of sets of plans (LRU)."""

    def __init__(self, capacity: int = 32) -> None:
        self.capacity = capacity
        self._loaded: OrderedDict[tuple[int, ...], _Loaded] = OrderedDict()

    def clear(self) -> None:
        self._loaded.clear()

    def _load(self, session: Session, key: tuple[int, ...]) -> _Loaded:
        found = self._loaded.get(key)
        if found is not None:
            self._loaded.move_to_end(key)
            return found
        rows = session.execute(
            select(
                PassageRow.id,
                PassageRow.plan_id,
                PassageRow.words,
                PassageRow.words_acc,
                PassageRow.context,
                PassageRow.location,
                PassageRow.heading,
            )
            .where(PassageRow.plan_id.in_(key))
            .order_by(PassageRow.plan_id, PassageRow.seq)
        )
        # a Row is a tuple of these columns' types
        found = self._loaded[key] = _load_rows(
            cast(list[tuple[int, int, str, str, str, str, str]], rows.all())
        )
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
        loaded = self._load(session, tuple(sorted(plan_ids)))
        if not loaded.rows:
            return []
        qterms = prepare_terms(terms, loaded.stats)
        subset = _prefilter(qterms, loaded)
        if not subset:
            return []
        full = loaded.stats
        sub = PlanIndex(subset, full.idf_of, full.vocab, full.unknown_idf, full.idf_acc)
        bonus = {preferred: 2.0} if preferred is not None and len(plan_ids) > 1 else {}
        hits = score_docs(
            qterms, sub, has_diacritics, plan_bonus=bonus, limit=limit + 12, plan_words=plan_words
        )
        hits = [_with_following(h, loaded, qterms, has_diacritics, bonus, plan_words) for h in hits]
        for h in hits:  # the passage holding the kind of fact asked ('bao nhiêu': a figure) first
            h.score += type_bonus(intent, question, h.doc.title_text, h.doc.context_text)
        hits.sort(key=lambda h: (-h.score, h.doc.id))
        return _quoted(session, hits[:limit])


FOLLOWING = 2  # a passage may be read with one of this many next sentences of its section
FOLLOWING_GAIN = 0.05  # when together they match this much more of the question


def _with_following(
    hit: Hit,
    loaded: _Loaded,
    qterms: list[QueryTerm],
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
    for nxt in loaded.following(hit.doc, FOLLOWING):
        pair = _joined(hit.doc, nxt, full)
        scored = score_docs(
            qterms,
            PlanIndex([pair], full.idf_of, full.vocab, full.unknown_idf, full.idf_acc),
            has_diacritics,
            plan_bonus=bonus,
            limit=1,
            plan_words=plan_words,
        )
        if scored and scored[0].coverage >= best.coverage + FOLLOWING_GAIN:
            best = scored[0]
    return best


def _joined(first: Doc, second: Doc, index: PlanIndex) -> Doc:
    words = first.title_set | second.title_set
    doc = dataclasses.replace(
        first,
        title_set=words,
        acc_text=f"{first.acc_text} {second.acc_text}",
        title_text=f"{first.title_text} {second.title_text}",
        accented=first.accented or second.accented,
        joined=second.item_id,
    )
    doc.weight = sum(index.idf(t) for t in words) or 1.0
    return doc


PREFILTER_SHARE = 0.4  # a passage must hold this share of the question's weight to be scored
PREFILTER_MAX = 40  # and be among this many best by that share
# a word in this share of the plan's sentences (and at least this many) tells none apart:
# the prefilter skips it (speed; the full scorer still counts it)
PREFILTER_COMMON_SHARE = 0.2
PREFILTER_COMMON_MIN = 200


def _prefilter(qterms: list[QueryTerm], loaded: _Loaded) -> list[Doc]:
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


def _quoted(session: Session, hits: list[Hit]) -> list[Found]:
    if not hits:
        return []
    ids = [h.doc.item_id for h in hits] + [h.doc.joined for h in hits if h.doc.joined]
    rows = {
        r.id: r
        for r in session.execute(
            select(
                PassageRow.id, PassageRow.plan_id, PassageRow.text, PassageRow.heading, PassageRow.location
            ).where(PassageRow.id.in_(ids))
        )
    }
    out = []
    for h in hits:
        r = rows.get(h.doc.item_id)
        if r is None:
            continue
        text = r.text
        if h.doc.joined and (nxt := rows.get(h.doc.joined)) is not None:
            text = quotes.joined_text(r.text, nxt.text)
        out.append(Found(r.plan_id, text, r.heading, r.location, h.score, h.coverage))
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
            answer.text = quotes.also_written(answer.text, f.text, f.heading, f.location, _focus(scope))
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
    if choice == quotes.QUOTE and best is not None:
        plan = next(p for p in scope.plans if p.id == best.plan_id)
        close = [  # (the same words at two places of a plan are one quote)
            f
            for f in found[1:2]
            if f.plan_id == best.plan_id
            and f.score >= best.score - quotes.SECOND_QUOTE
            and clean(f.text) != clean(best.text)
        ]
        second = close[0] if close else None
        text = quotes.quote_answer(
            best.text,
            quotes.plan_name(plan.doc_number, plan.title),
            best.heading,
            best.location,
            plan.locality_name,
            short=second is not None,
            focus=_focus(scope),
        )
        if second is not None:
            text = quotes.second_quote(text, second.text, second.heading, second.location, _focus(scope))
        # the item behind the quote is offered when it matched; the closest names of a
        # question nothing matched would only be noise beside a quote
        offered = answer.matches[:2]
        if offered:
            alt = offered[0]
            fact = alt.responsible if q.intent.kind == qn.RESPONSIBLE else alt.target_text
            text += "\n" + quotes.alternative(alt.name, fact if answer.matches else None)
        return dataclasses.replace(
            answer,
            text=text,
            matches=[],
            candidates=offered,
            score=best.score,
            coverage=best.coverage,
            quoted=True,
        )
    if choice == quotes.BOTH and best is not None:
        answer.text = quotes.also_written(answer.text, best.text, best.heading, best.location, _focus(scope))
        answer.quoted = True
        return answer
    if choice == quotes.HEDGE and len(answer.matches) == 1:
        answer.text = quotes.hedged(answer.matches[0].name, answer.text)
        answer.candidates = answer.candidates or answer.matches
    if choice == quotes.HEDGE and best is not None and quotes.is_quotable(passage):
        # neither is sure: what the plan writes closest to the question follows
        answer.text = quotes.also_written(answer.text, best.text, best.heading, best.location, _focus(scope))
        answer.quoted = True
    return answer
