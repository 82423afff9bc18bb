"""The search index: one row per searchable item, its text already normalised.

Written when a plan is stored (storage/search_docs.py) or lazily for a
plan that has none yet. A question is matched only against the current plans
of the place it is about, so the engine loads the rows of one or two plans
(`PlanIndex`, cached per process) instead of every item of the country, then
scores them: IDF-weighted token coverage on both sides, adjacent-pair bonus,
typo tolerance by rapidfuzz against the plan's vocabulary, a penalty when a
word typed with diacritics only matches another accented word ('hộ' vs 'hồ')."""

from __future__ import annotations

import functools
import itertools
import math
import operator
from collections import Counter, OrderedDict
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA
from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from knowledge import lexicon
from knowledge.question import Token, tokens_of
from storage import models as m
from storage.search_docs import (
    DUTY,
    INDICATOR,
    MILESTONE,
    PROGRESS,
    REPORTING,
    TASK,
    SearchDoc,
    index_missing,
    index_plan,
)

# the rows are written by storage/search_docs.py; its names the answer engine and ingest
# take from here stay here
__all__ = [
    "DUTY",
    "INDICATOR",
    "MILESTONE",
    "PROGRESS",
    "REPORTING",
    "TASK",
    "AccentedIdf",
    "Doc",
    "Hit",
    "IndexCache",
    "PlanIndex",
    "QueryTerm",
    "ScoringQuery",
    "SearchDoc",
    "index_missing",
    "index_plan",
    "matched_weight",
    "plan_title_words",
    "prepare_terms",
    "score_docs",
    "score_hit",
]

# ---------------------------------------------------------------- reading


@dataclass(slots=True)
class Doc:
    id: int
    plan_id: int
    kind: str
    item_id: int
    title_set: frozenset[str]
    acc_text: str
    context_set: frozenset[str]
    parties: str
    title_text: str
    context_text: str
    weight: float = 0.0  # sum of the IDF of its title words (set when indexed)
    accented: bool = True  # written with diacritics (some plans are typed without)
    joined: int = 0  # a passage read with the next sentence of its section: that one's id

    @property
    def padded(self) -> str:
        return f" {self.title_text} "

    def writes(self, accented_word: str) -> bool:
        """Whether the item's own words hold this word with these diacritics."""
        return f" {accented_word} " in f" {self.acc_text} "


class AccentedIdf(dict[str, float]):
    """IDF of the words as written, counted on first use: only the question's words are
    ever looked up (`prepare_terms`), so a place's first question does not split and count
    every word of every item or passage for the few it asks about: the number of those whose
    words hold it (their words are separated by single spaces)."""

    def __init__(self, padded: list[str], n: int) -> None:
        super().__init__()
        self._padded = padded  # ' words as written ' of each item or passage
        self._n = n
        self._absent: set[str] = set()

    def _count(self, word: str) -> bool:
        if word in self._absent:
            return False
        needle = f" {word} "
        df = sum(map(operator.contains, self._padded, itertools.repeat(needle)))
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
class PlanIndex:
    """The docs of a set of plans with their local statistics (IDF over these docs)."""

    docs: list[Doc]
    idf_of: dict[str, float]
    vocab: list[str]
    unknown_idf: float
    # IDF of the words as written: folding makes 'quân', 'quản' and 'quan' one
    # common word, while 'quân' alone is rare and telling
    idf_acc: dict[str, float]

    @classmethod
    def build(cls, docs: list[Doc]) -> PlanIndex:
        # a word's document frequency counts the docs whose title or context holds it;
        # counted by set and counter builtins: a loop over every word of every doc was
        # the largest cost of a place's first question (docs/benchmarks.md)
        df = Counter(itertools.chain.from_iterable(d.title_set | d.context_set for d in docs))
        n = len(docs) + 1
        idf_of = {t: math.log(1.0 + n / (1 + c)) for t, c in df.items()}
        idf_acc = AccentedIdf([f" {d.acc_text} " for d in docs], n)
        for d in docs:
            d.weight = sum(map(idf_of.__getitem__, d.title_set)) or 1.0
        return cls(docs, idf_of, sorted(df), math.log(1.0 + n), idf_acc)

    @property
    def size(self) -> int:
        return len(self.docs)

    def idf(self, term: str) -> float:
        return self.idf_of.get(term, self.unknown_idf)


_DOC_COLUMNS = (
    SearchDoc.id,
    SearchDoc.plan_id,
    SearchDoc.kind,
    SearchDoc.item_id,
    SearchDoc.title,
    SearchDoc.title_acc,
    SearchDoc.context,
    SearchDoc.parties,
)

# built once: a statement made for each load costs its cache key, about as much as the query
_DOCS_OF_PLANS = select(*_DOC_COLUMNS).where(SearchDoc.plan_id.in_(bindparam("plans", expanding=True)))


def _make_doc(row: tuple) -> Doc:
    doc_id, plan_id, kind, item_id, title_text, acc_text, context, parties = row
    return Doc(
        id=doc_id,
        plan_id=plan_id,
        kind=kind,
        item_id=item_id,
        title_set=frozenset(title_text.split()),
        acc_text=acc_text,
        context_set=frozenset(context.split()),
        parties=parties,
        title_text=title_text,
        context_text=context,
        accented=acc_text != title_text,  # once per row, not per question word
    )


class IndexCache:
    """Per-process cache of loaded plans (LRU), so a batch of questions about
    the same places reads and prepares each plan once."""

    def __init__(self, capacity: int = 64) -> None:
        self.capacity = capacity
        self._indexes: OrderedDict[tuple[int, ...], PlanIndex] = OrderedDict()

    def _load(self, session: Session, plan_ids: list[int]) -> list[Doc]:
        # Core rows through the session's connection: no ORM result machinery for the
        # tuples of a place's first question
        rows = session.connection().execute(_DOCS_OF_PLANS, {"plans": plan_ids}).all()
        if not rows:  # stored by a path that skipped the hook
            for plan in session.scalars(select(m.Plan).where(m.Plan.id.in_(plan_ids))):
                index_plan(session, plan)  # flushes its rows
            rows = session.connection().execute(_DOCS_OF_PLANS, {"plans": plan_ids}).all()
        return [_make_doc(tuple(r)) for r in rows]

    def index(self, session: Session, plan_ids: list[int]) -> PlanIndex:
        key = tuple(sorted(plan_ids))
        found = self._indexes.get(key)
        if found is None:
            found = PlanIndex.build(self._load(session, list(key)))
            self._indexes[key] = found
            while len(self._indexes) > self.capacity:
                self._indexes.popitem(last=False)
        else:
            self._indexes.move_to_end(key)
        return found

    def clear(self) -> None:
        self._indexes.clear()


# ---------------------------------------------------------------- scoring


@dataclass
class Hit:
    doc: Doc
    score: float  # 0..100 (plus priors)
    coverage: float  # share of the question's weight the item matched


# The score of an item for a question, 0..100 before priors (docs/benchmarks.md; refit with
# `python -m bench.refit`, which prints the real-corpus accuracy of each choice):
# - W_COVERAGE: the share of the question's weight the item holds — what was asked is there;
W_COVERAGE = 0.62
# - W_ITEM_COVERAGE: the share of the item's own words the question holds — a short item wholly
#   named beats a long one that mentions the words in passing (too high: short names win anything);
W_ITEM_COVERAGE = 0.18
# - W_PAIRS: question words side by side in the item too ('nước sạch', not 'nước … sạch');
W_PAIRS = 0.1
# - W_SPELLING: rapidfuzz's token-set ratio, a tie-breaker for spelling and word order.
W_SPELLING = 0.1
# A question word no item of the place uses counts this share of a rare word against every item
# (so 'giá vàng hôm nay' does not match 'giá trị sản xuất' on 'giá' alone); higher: more 'not found'.
UNKNOWN_WEIGHT = 0.5
# A word typed with diacritics that the item holds only with others ('hộ' asked, 'hồ' written)
# counts this share; lower: stricter with residents who type tones carelessly.
ACCENT_MISMATCH = 0.5
HEADING_STRENGTH = 0.45  # a word of the item's group or heading, not of its own words
# a word of the plan's title: the outermost heading of every item of the plan, so a
# question naming the plan ('… trong kế hoạch xuất khẩu …') counts those words for each
# of its items alike, and for no item of another plan
PLAN_TITLE_STRENGTH = 0.35
EXACT_NAME_BONUS = 6.0  # the question ends with the item's whole name (a child row named alone)


@dataclass
class QueryTerm:
    token: Token
    weight: float
    variants: dict[str, float]  # vocabulary term -> match strength (1 exact, <1 typo)


def prepare_terms(terms: list[Token], index: PlanIndex) -> list[QueryTerm]:
    """Weights (local IDF, frame words down) and typo variants for each term."""
    frames = lexicon.frame_tokens()
    folded_frames = lexicon.folded_frame_tokens()
    out: list[QueryTerm] = []
    vocab = index.vocab
    for tok in terms:
        f = tok.fold
        variants: dict[str, float] = {}
        if f.isdigit():
            # counts are written zero-padded in official text ('Đợt 01', '03 ngày làm việc')
            for n in dict.fromkeys((f, f.lstrip("0") or "0", f.zfill(2))):  # in this order: no set
                if n in index.idf_of:
                    variants[n] = 1.0
        elif f in index.idf_of:
            variants[f] = 1.0
        elif len(f) >= (5 if tok.accented else 4) and not f.isdigit():
            # typo tolerance: nearest vocabulary words within one or two edits
            for cand, _score, _ in process.extract(
                f, vocab, scorer=OSA.distance, score_cutoff=1 if len(f) < 7 else 2, limit=3
            ):
                variants[cand] = 0.8
        if variants and tok.accented and tok.acc in index.idf_acc:
            weight = index.idf_acc[tok.acc]
        elif variants:
            weight = index.idf(
                max(variants, key=lambda v: (variants[v], index.idf(v)))
            )  # the closest, then rarest form
        else:
            # a word no item of the place uses still counts against every item,
            # so 'giá vàng hôm nay' does not match 'giá trị sản xuất' on 'giá' alone
            weight = UNKNOWN_WEIGHT * index.unknown_idf
        if (tok.acc in frames) if tok.accented else (f in folded_frames):
            weight *= 0.3
        out.append(QueryTerm(tok, weight, variants))
    return out


def plan_title_words(plans: Iterable[m.Plan]) -> dict[int, frozenset[str]]:
    """The folded words of each plan's title, for `score_docs`' `plan_words`."""
    return {p.id: _title_words(p.title or "") for p in plans}


@functools.lru_cache(maxsize=1024)
def _title_words(title: str) -> frozenset[str]:
    """Each question about a place splits its plans' titles again (twice: items and
    passages): remembered by title."""
    return frozenset(t.fold for t in tokens_of(title))


@dataclass(frozen=True)
class ScoringQuery:
    """What `score_docs` derives from the question's terms once, whatever the docs: a
    caller that scores several small sets for one question (a passage read with the
    next sentence) makes it once."""

    terms: list[QueryTerm]
    weighed: list[QueryTerm]  # the terms that count (weight > 0)
    total: float
    # adjacent question words found side by side, weighed by the rarer of the
    # two, so 'nước sạch' counts for more than 'chủ trì'
    pairs: list[tuple[float, list[str]]]
    pair_total: float
    text: str  # the folded words that count, for rapidfuzz and the exact-name bonus
    variants: list[str]  # of every term, in order (an item's share of its own words)
    words: frozenset[str]  # the variants of the terms that count
    folds: frozenset[str]  # the folded words of the terms that count

    @classmethod
    def of(cls, qterms: list[QueryTerm]) -> ScoringQuery:
        pairs = [
            (min(qa.weight, qb.weight), [f" {a} {b} " for a in qa.variants for b in qb.variants])
            for qa, qb in itertools.pairwise(qterms)
            if qa.weight and qb.weight and qa.variants and qb.variants
        ]
        return cls(
            terms=qterms,
            weighed=[q for q in qterms if q.weight],
            total=sum(q.weight for q in qterms),
            pairs=pairs,
            pair_total=sum(w for w, _ in pairs),
            text=" ".join(q.token.fold for q in qterms if q.weight),
            variants=[t for q in qterms for t in q.variants],
            words=frozenset(t for q in qterms if q.weight for t in q.variants),
            folds=frozenset(q.token.fold for q in qterms if q.weight),
        )


def matched_weight(
    query: ScoringQuery, doc: Doc, has_diacritics: bool, title_words: frozenset[str] = frozenset()
) -> float:
    """The question's weight the doc holds: a term counts its best match among its variants,
    in the doc's own words, its heading (HEADING_STRENGTH) or the plan's title (`title_words`,
    PLAN_TITLE_STRENGTH). Divided by `query.total`, the hit's coverage."""
    words = query.words
    if (
        doc.title_set.isdisjoint(words)
        and doc.context_set.isdisjoint(words)
        and title_words.isdisjoint(words)
        and title_words.isdisjoint(query.folds)
    ):
        return 0.0  # (most docs: no word of the question at all, told by set builtins)
    got = 0.0
    for q in query.weighed:
        best = 0.0
        for v, strength in q.variants.items():
            if v in doc.title_set:
                s = strength
                if has_diacritics and q.token.accented and doc.accented and not doc.writes(q.token.acc):
                    s *= ACCENT_MISMATCH  # 'hộ' asked, only 'hồ' written
                best = max(best, s)
            elif v in doc.context_set:
                best = max(best, HEADING_STRENGTH * strength)
            elif v in title_words:
                best = max(best, PLAN_TITLE_STRENGTH * strength)
        if not best and q.token.fold in title_words:  # a word no item uses: only the title has it
            best = PLAN_TITLE_STRENGTH
        got += q.weight * best
    return got


def score_hit(query: ScoringQuery, doc: Doc, index: PlanIndex, got: float, bonus: float) -> Hit:
    """The hit of a doc holding `got` of the question's weight (`matched_weight`), its
    score raised by `bonus` (the kind's prior and the plan's bonus)."""
    coverage = got / query.total
    held = filter(doc.title_set.__contains__, query.variants)
    doc_got = sum(map(index.idf_of.get, held, itertools.repeat(index.unknown_idf)))
    doc_cov = min(1.0, doc_got / doc.weight)
    padded = doc.padded
    pair_got = sum([w for w, texts in query.pairs if any(map(padded.__contains__, texts))])
    pair_bonus = pair_got / query.pair_total if query.pair_total else 0.0
    fuzzy = fuzz.token_set_ratio(query.text, doc.title_text) / 100.0
    score = 100.0 * (
        W_COVERAGE * coverage + W_ITEM_COVERAGE * doc_cov + W_PAIRS * pair_bonus + W_SPELLING * fuzzy
    )
    score += bonus
    if _exact_name(query, doc):
        score += EXACT_NAME_BONUS  # the question is the item's own name ('Khu dân cư' under its parent)
    return Hit(doc, score, coverage)


def _exact_name(query: ScoringQuery, doc: Doc) -> bool:
    return bool(query.text) and f" {doc.title_text}".endswith(f" {query.text}")


def score_docs(
    qterms: list[QueryTerm] | ScoringQuery,
    index: PlanIndex,
    has_diacritics: bool,
    priors: dict[str, float] | None = None,
    plan_bonus: dict[int, float] | None = None,
    limit: int = 8,
    kinds: Collection[str] | None = None,
    plan_words: dict[int, frozenset[str]] | None = None,
) -> list[Hit]:
    """Rank the plan's docs for the question's terms, best first; `kinds` keeps
    only those kinds of item (a command that names one: '/chitieu'); `plan_words`
    holds the folded words of each plan's title (PLAN_TITLE_STRENGTH)."""
    query = qterms if isinstance(qterms, ScoringQuery) else ScoringQuery.of(qterms)
    if query.total <= 0:
        return []
    priors = priors or {}
    plan_bonus = plan_bonus or {}
    plan_words = plan_words or {}
    no_words: frozenset[str] = frozenset()
    hits: list[Hit] = []
    for doc in index.docs:
        if kinds is not None and doc.kind not in kinds:
            continue
        got = matched_weight(query, doc, has_diacritics, plan_words.get(doc.plan_id, no_words))
        if got > 0:
            bonus = priors.get(doc.kind, 0.0) + plan_bonus.get(doc.plan_id, 0.0)
            hits.append(score_hit(query, doc, index, got, bonus))
    hits.sort(key=lambda h: (-h.score, h.doc.id))
    return hits[:limit]
