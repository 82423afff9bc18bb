"""The passage index: every sentence and table row of a stored plan, searchable.

Written by ingest beside the item index (`write_passages`); a new version of a plan
gets its own rows and the old version's stay with it (only current plans are searched);
rows go with their plan (ON DELETE CASCADE). Searching reuses the item scorer
(storage/search.py) on a prefiltered set: an inverted index of folded words picks the
passages that share a word (or a typo variant of one) with the question, and only
those are scored, so a plan of 2,000 sentences costs what its 50 matching ones cost."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from sqlalchemy import ForeignKey, Integer, String, Text, delete, insert, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from knowledge import question as qn
from knowledge.model import Document
from knowledge.passages import passages_of, type_bonus
from storage import models as m
from storage.models import Base
from storage.search import Doc, Hit, PlanIndex, QueryTerm, prepare_terms, score_docs

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


@dataclass
class _Loaded:
    index: PlanIndex
    postings: dict[str, list[int]]  # folded word -> positions in index.docs


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
                PassageRow.id, PassageRow.plan_id, PassageRow.words, PassageRow.words_acc, PassageRow.context
            ).where(PassageRow.plan_id.in_(key))
        ).all()
        docs = [
            Doc(
                id=pid,
                plan_id=plan_id,
                kind=PASSAGE,
                item_id=pid,
                title_set=frozenset(words.split()),
                acc_text=acc,
                context_set=frozenset(context.split()),
                parties="",
                title_text=words,
                context_text=context,
                accented=acc != words,
            )
            for pid, plan_id, words, acc, context in rows
        ]
        index = PlanIndex.build(docs)
        postings: dict[str, list[int]] = {}
        for i, d in enumerate(docs):
            for t in d.title_set | d.context_set:
                postings.setdefault(t, []).append(i)
        found = self._loaded[key] = _Loaded(index, postings)
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
    ) -> list[Found]:
        """The passages of these plans that answer the question's terms best, best first."""
        if not plan_ids or not terms:
            return []
        loaded = self._load(session, tuple(sorted(plan_ids)))
        if not loaded.index.docs:
            return []
        qterms = prepare_terms(terms, loaded.index)
        subset = _prefilter(qterms, loaded)
        if not subset:
            return []
        full = loaded.index
        sub = PlanIndex(subset, full.idf_of, full.vocab, full.unknown_idf, full.idf_acc)
        bonus = {preferred: 2.0} if preferred is not None and len(plan_ids) > 1 else {}
        hits = score_docs(qterms, sub, has_diacritics, plan_bonus=bonus, limit=limit + 12)
        for h in hits:  # the passage holding the kind of fact asked ('bao nhiêu': a figure) first
            h.score += type_bonus(intent, question, h.doc.title_text, h.doc.context_text)
        hits.sort(key=lambda h: (-h.score, h.doc.id))
        return _quoted(session, hits[:limit])


PREFILTER_SHARE = 0.4  # a passage must hold this share of the question's weight to be scored
PREFILTER_MAX = 40  # and be among this many best by that share
PREFILTER_COMMON_SHARE = 0.2
PREFILTER_COMMON_MIN = 200


def _prefilter(qterms: list[QueryTerm], loaded: _Loaded) -> list[Doc]:
    """The passages worth scoring: the postings of the question's words (and their typo
    variants) add up each passage's share of the question's weight, as the scorer
    would count it (a heading word less than the passage's own); only those holding at
    least half of it, and the best PREFILTER_MAX of them, are scored in full."""
    docs = loaded.index.docs
    common = max(PREFILTER_COMMON_MIN, int(PREFILTER_COMMON_SHARE * len(docs)))
    # a word in a fifth of the plan's sentences ('thực hiện') tells none apart: its long
    # posting list is not walked, and it counts neither for nor against a passage here
    telling = [q for q in qterms if sum(len(loaded.postings.get(v, ())) for v in q.variants) <= common]
    total = sum(q.weight for q in telling)
    if total <= 0:
        return []
    got: dict[int, float] = {}
    for q in telling:
        best: dict[int, float] = {}
        for v, strength in q.variants.items():
            for i in loaded.postings.get(v, ()):
                s = strength if v in docs[i].title_set else 0.45 * strength
                if s > best.get(i, 0.0):
                    best[i] = s
        for i, s in best.items():
            got[i] = got.get(i, 0.0) + q.weight * s
    floor = PREFILTER_SHARE * total
    picked = sorted((i for i, w in got.items() if w >= floor), key=lambda i: -got[i])[:PREFILTER_MAX]
    return [docs[i] for i in sorted(picked)]


def _quoted(session: Session, hits: list[Hit]) -> list[Found]:
    if not hits:
        return []
    ids = [h.doc.item_id for h in hits]
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
        if r is not None:
            out.append(Found(r.plan_id, r.text, r.heading, r.location, h.score, h.coverage))
    return out
