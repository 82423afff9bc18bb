"""The search index: one row per searchable item, its text already normalised.

Written when a plan is stored (`index_plan`, called by ingest) or lazily for a
plan that has none yet. A question is matched only against the current plans
of the place it is about, so the engine loads the rows of one or two plans
(`PlanIndex`, cached per process) instead of every item of the country, then
scores them: IDF-weighted token coverage on both sides, adjacent-pair bonus,
typo tolerance by rapidfuzz against the plan's vocabulary, a penalty when a
word typed with diacritics only matches another accented word ('hộ' vs 'hồ')."""

from __future__ import annotations

import itertools
import math
from collections import Counter, OrderedDict
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA
from sqlalchemy import ForeignKey, Integer, String, Text, delete, exists, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from knowledge import lexicon
from knowledge.question import Token, tokens_of
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


# ---------------------------------------------------------------- reading


@dataclass
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
        df_acc = Counter(itertools.chain.from_iterable(set(d.acc_text.split()) for d in docs))
        n = len(docs) + 1
        idf_of = {t: math.log(1.0 + n / (1 + c)) for t, c in df.items()}
        idf_acc = {t: math.log(1.0 + n / (1 + c)) for t, c in df_acc.items()}
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
        stmt = select(*_DOC_COLUMNS).where(SearchDoc.plan_id.in_(plan_ids))
        # Core rows through the session's connection: no ORM result machinery for the
        # tuples of a place's first question
        rows = session.connection().execute(stmt).all()
        if not rows:  # stored by a path that skipped the hook
            for plan in session.scalars(select(m.Plan).where(m.Plan.id.in_(plan_ids))):
                index_plan(session, plan)  # flushes its rows
            rows = session.connection().execute(stmt).all()
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
    return {p.id: frozenset(t.fold for t in tokens_of(p.title or "")) for p in plans}


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
        )


def matched_weight(
    query: ScoringQuery, doc: Doc, has_diacritics: bool, title_words: frozenset[str] = frozenset()
) -> float:
    """The question's weight the doc holds: a term counts its best match among its variants,
    in the doc's own words, its heading (HEADING_STRENGTH) or the plan's title (`title_words`,
    PLAN_TITLE_STRENGTH). Divided by `query.total`, the hit's coverage."""
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
    doc_got = sum(index.idf(t) for q in query.terms for t in q.variants if t in doc.title_set)
    doc_cov = min(1.0, doc_got / doc.weight)
    padded = doc.padded
    pair_got = sum(w for w, texts in query.pairs if any(t in padded for t in texts))
    pair_bonus = pair_got / query.pair_total if query.pair_total else 0.0
    fuzzy = fuzz.token_set_ratio(query.text, doc.title_text) / 100.0
    score = 100.0 * (
        W_COVERAGE * coverage + W_ITEM_COVERAGE * doc_cov + W_PAIRS * pair_bonus + W_SPELLING * fuzzy
    )
    score += bonus
    if query.text and f" {doc.title_text}".endswith(f" {query.text}"):
        score += EXACT_NAME_BONUS  # the question is the item's own name ('Khu dân cư' under its parent)
    return Hit(doc, score, coverage)


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
    hits: list[Hit] = []
    priors = priors or {}
    plan_bonus = plan_bonus or {}
    plan_words = plan_words or {}
    no_words: frozenset[str] = frozenset()
    for doc in index.docs:
        if kinds is not None and doc.kind not in kinds:
            continue
        got = matched_weight(query, doc, has_diacritics, plan_words.get(doc.plan_id, no_words))
        if got <= 0:
            continue
        bonus = priors.get(doc.kind, 0.0) + plan_bonus.get(doc.plan_id, 0.0)
        hits.append(score_hit(query, doc, index, got, bonus))
    hits.sort(key=lambda h: (-h.score, h.doc.id))
    return hits[:limit]
