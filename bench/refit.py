"""Refit the search and answer engine's weights on the real-corpus questions (`python -m bench.refit`).

The weights and margins of storage/search.py, storage/answers.py, storage/passages.py and
knowledge/passages.py were first set by hand; each is documented where it is defined with
what it trades. This script tries, one weight at a time (coordinate ascent, a few rounds),
the values of its grid on the questions written about the real plans (tests/data/real/
questions.json), keeps a value only when it answers more of them right, and prints the
accuracy before and after — on the fitting set and, as a check it never fits on, on every
other development set (bench/qa_sets.py). Held-out sets are never read.

It prints the values it would choose; it changes no file. Copy a value into its module when
the check sets agree (a weight that helps the fitting set and costs another is over-fitted)."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from dataclasses import dataclass

from bench import qa_sets

FIT_SET = "real"


@dataclass(frozen=True)
class Weight:
    module: str
    name: str
    grid: tuple[float, ...]

    def get(self) -> float:
        return float(getattr(importlib.import_module(self.module), self.name))

    def set(self, value: float) -> None:
        setattr(importlib.import_module(self.module), self.name, value)


WEIGHTS = (
    Weight("storage.search", "W_COVERAGE", (0.5, 0.56, 0.62, 0.68, 0.74)),
    Weight("storage.search", "W_ITEM_COVERAGE", (0.1, 0.14, 0.18, 0.22, 0.26)),
    Weight("storage.search", "W_PAIRS", (0.05, 0.1, 0.15)),
    Weight("storage.search", "W_SPELLING", (0.05, 0.1, 0.15)),
    Weight("storage.search", "HEADING_STRENGTH", (0.3, 0.45, 0.6)),
    Weight("storage.search", "PLAN_TITLE_STRENGTH", (0.2, 0.35, 0.5)),
    Weight("storage.search", "UNKNOWN_WEIGHT", (0.3, 0.5, 0.7)),
    Weight("storage.answers", "MIN_COVERAGE", (0.4, 0.45, 0.5, 0.55)),
    Weight("storage.answers", "MIN_SCORE", (32.0, 38.0, 44.0)),
    Weight("storage.answers", "CLOSE", (1.5, 3.0, 5.0)),
    Weight("storage.answers", "CLOSE_UNCOVERED", (3.0, 5.0, 8.0)),
    Weight("knowledge.passages", "PASSAGE_MIN_COVERAGE", (0.5, 0.55, 0.6, 0.65)),
    Weight("knowledge.passages", "SURE_COVERAGE", (0.7, 0.8, 0.9)),
    Weight("knowledge.passages", "PASSAGE_LEAD", (0.05, 0.1, 0.15)),
    Weight("knowledge.passages", "PASSAGE_SCORE_LEAD", (5.0, 8.0, 12.0)),
    Weight("knowledge.passages", "LEADING_MIN_COVERAGE", (0.45, 0.5, 0.55)),
    Weight("knowledge.passages", "TYPE_BONUS", (4.0, 8.0, 12.0)),
    Weight("storage.passages", "FOLLOWING_GAIN", (0.03, 0.05, 0.1)),
)


def _accuracy(loaded: list[qa_sets.Loaded], judge: Callable[[dict, str], bool]) -> dict[str, tuple[int, int]]:
    return {x.qa_set.name: (qa_sets.score(x, judge)[0], len(x.items)) for x in loaded}


def _fit(
    fit: qa_sets.Loaded, judge: Callable[[dict, str], bool], weights: tuple[Weight, ...], rounds: int
) -> dict[str, float]:
    best = qa_sets.score(fit, judge)[0]
    for _ in range(rounds):
        changed = False
        for w in weights:
            start = w.get()
            keep = start
            for value in w.grid:
                if value == start:
                    continue
                w.set(value)
                right = qa_sets.score(fit, judge)[0]
                if right > best:  # strictly better: a tie keeps the value set by hand
                    best, keep, changed = right, value, True
            w.set(keep)
            if keep != start:
                print(f"  {w.name}: {start:g} → {keep:g} ({best}/{len(fit.items)})", flush=True)
        if not changed:
            break
    return {w.name: w.get() for w in weights}


def _table(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> None:
    print(f"{'set':20} {'before':>12} {'after':>12}")
    for name, (ok, n) in before.items():
        ok2 = after[name][0]
        mark = "  (fitted)" if name == FIT_SET else ""
        print(f"{name:20} {ok:5}/{n:<4} {ok / n:.3f}  {ok2:5}/{n:<4} {ok2 / n:.3f}{mark}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--only", nargs="*", help="weight names to refit (default: all)")
    ap.add_argument("--rebuild", action="store_true", help="ingest every set's documents again")
    a = ap.parse_args(argv)
    judge = qa_sets.judge_function()
    loaded = qa_sets.load(qa_sets.development_sets(), a.rebuild)
    fit = next(x for x in loaded if x.qa_set.name == FIT_SET)
    weights = tuple(w for w in WEIGHTS if not a.only or w.name in a.only)
    before_values = {w.name: w.get() for w in weights}
    before = _accuracy(loaded, judge)
    print(f"refitting {len(weights)} weights on {FIT_SET!r} ({len(fit.items)} questions)", flush=True)
    chosen = _fit(fit, judge, weights, a.rounds)
    after = _accuracy(loaded, judge)
    _table(before, after)
    print("values (module constant: by hand → refit):")
    for w in weights:
        mark = "" if chosen[w.name] == before_values[w.name] else "   ← changed"
        print(f"  {w.module}.{w.name}: {before_values[w.name]:g} → {chosen[w.name]:g}{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
