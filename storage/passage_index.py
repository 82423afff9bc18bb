"""The passages of a set of plans in memory, ready to search (storage/passages.py).

Loading is the cost of a place's first question, which at a country's scale is most
questions: it builds only what every question needs (the words' document frequencies and
the vocabulary); a word's posting list is found on first use and a passage's `Doc` is made
when it is first picked."""

from __future__ import annotations

import bisect
import functools
import itertools
import math
from collections import Counter
from dataclasses import dataclass, field

from knowledge.sections import Section
from storage.search import AccentedIdf, Doc, PlanIndex

PASSAGE = "passage"
# id, plan_id, words, words_acc, context, location, heading, text (storage.passages.PassageRow)
Row = tuple[int, int, str, str, str, str, str, str]


@dataclass
class LoadedPassages:
    """The passages of a set of plans, ready to search. A question scores at most
    PREFILTER_MAX of them and walks the postings of its own few words, so loading
    builds only what every question needs (the words' document frequencies and the
    vocabulary); a posting list is found on first use and a passage's `Doc` is made
    when it is first picked."""

    stats: PlanIndex  # IDF and vocabulary of every passage (no docs: see `doc`)
    rows: list[Row]
    df: Counter[str]  # folded word (own or heading) -> passages holding it
    joined: str  # ' words \n' of every passage, in order
    starts: list[int]  # where each passage begins in `joined`
    contexts: list[str]  # the heading path (folded) of each passage
    context_sets: dict[str, frozenset[str]]  # a heading path's words (filled on use)
    postings: dict[str, list[tuple[int, bool]]] = field(default_factory=dict)
    docs: dict[int, Doc] = field(default_factory=dict)
    # the rows are in document order: a passage's next ones in its section follow it
    position: dict[int, int] = field(default_factory=dict)  # passage id -> position in rows

    @functools.cached_property
    def passages_under(self) -> dict[str, list[int]]:
        """The passages under each heading path, in order."""
        out: dict[str, list[int]] = {}
        for i, c in enumerate(self.contexts):
            out.setdefault(c, []).append(i)
        return out

    @functools.cached_property
    def by_context(self) -> list[tuple[str, str]]:
        """Each distinct heading path, with its text padded for a word's search."""
        return [(c, f" {c} ") for c in self.passages_under]

    @functools.cached_property
    def sections(self) -> list[Section]:
        """Runs of consecutive passages under one heading (storage/sections.py), table rows left
        out (a table is not a list of what a section holds, and its rows are answered one by one)."""
        out = []
        prose = (r for r in self.rows if not r[5] and r[6])  # no location, a heading
        for (plan_id, heading), run in itertools.groupby(prose, key=lambda r: (r[1], r[6])):
            run_ = list(run)
            context = self.context_sets[run_[0][4]]
            out.append(Section(plan_id, heading, context, tuple(r[7] for r in run_)))
        return out

    def following(self, doc: Doc, n: int) -> list[Doc]:
        """Up to n sentences after this one in the same plan and section (a table row
        is a record of its own: it is read alone)."""
        at = self.position[doc.id]
        _pid, plan_id, _w, _a, _c, location, heading, _t = self.rows[at]
        if location:
            return []
        out = []
        for i in range(at + 1, min(len(self.rows), at + 1 + n)):
            _pid, nxt_plan, _w, _a, _c, nxt_location, nxt_heading, _t = self.rows[i]
            if nxt_plan != plan_id or nxt_heading != heading or nxt_location:
                break
            out.append(self.doc(i))
        return out

    def row(self, passage_id: int) -> Row | None:
        """The stored row of a passage of these plans (its text is what a quote gives)."""
        at = self.position.get(passage_id)
        return None if at is None else self.rows[at]

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
        # the heading paths holding the word, found in their text (a path's words are
        # separated by single spaces) rather than by splitting every path of the plans
        headed = [c for c, padded in self.by_context if needle in padded]
        if headed:
            mine = set(own)
            out += [(i, False) for c in headed for i in self.passages_under[c] if i not in mine]
            out.sort()
        self.postings[word] = out
        return out

    def doc(self, i: int) -> Doc:
        """The scorer's view of passage i, as `PlanIndex.build` would have made it."""
        found = self.docs.get(i)
        if found is None:
            pid, plan_id, words, acc, context, _location, _heading, _text = self.rows[i]
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


def passage_counts(words: list[str], contexts: list[str]) -> Counter[str]:
    """Each folded word's document frequency over passages: the passages whose own words
    (`words`, one string a passage) or heading path (`contexts`) hold it. Counted with set
    and counter builtins rather than a loop over every word; written at ingest
    (storage/plan_vocabulary.py) so that loading reads it instead."""
    # the passages of a section share its heading path: one set per distinct path
    context_sets = {c: frozenset(c.split()) for c in set(contexts)}
    held = map(set.union, map(set, map(str.split, words)), map(context_sets.__getitem__, contexts))
    return Counter(itertools.chain.from_iterable(held))


def load_rows(rows: list[Row], df: Counter[str] | None = None) -> LoadedPassages:
    """The statistics of `PlanIndex.build` over every passage, without a `Doc` per passage;
    `df` is their `passage_counts` when the plans' vocabularies give it. This is the cost of
    a place's first question, which at a country's scale is most questions."""
    words = [r[2] for r in rows]
    contexts = [r[4] for r in rows]
    if df is None:
        df = passage_counts(words, contexts)
    n = len(rows) + 1
    idf_of = {t: math.log(1.0 + n / (1 + c)) for t, c in df.items()}
    idf_acc = AccentedIdf([f" {r[3]} " for r in rows], n)
    stats = PlanIndex([], idf_of, sorted(df), math.log(1.0 + n), idf_acc)
    joined = "".join(f" {w} \n" for w in words)
    starts = [0, *itertools.accumulate(len(w) + 3 for w in words)][:-1] if words else []
    position = {r[0]: i for i, r in enumerate(rows)}
    return LoadedPassages(stats, rows, df, joined, starts, contexts, _ContextSets(), position=position)


class _ContextSets(dict[str, frozenset[str]]):
    """The words of a heading path, split when a picked passage first needs them."""

    def __missing__(self, context: str) -> frozenset[str]:
        words = self[context] = frozenset(context.split())
        return words
