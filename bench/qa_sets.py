"""Question accuracy on every development set, in one process (`python -m bench.qa_sets`).

`score_qa.py` runs the CLI on one set at a time; this asks the same questions through
`AnswerEngine` directly, with the scorer's own judge (../shared/eval), so every set's
figure comes in seconds and a change to the search or the answer engine can be weighed
against all of them at once (`bench/refit.py` uses it to refit the engine's weights).

Sets: the real corpus (tests/data/real: plans nobody here wrote, questions written
before running them), the invented held-out sets (tests/data/heldout*), the rephrasings
of the samples. Each set's documents are ingested once into a cached SQLite file
(`--rebuild` after a change to reading or indexing documents)."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine

from bot.cli import main as cli
from storage.answers import AnswerEngine

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
CACHE = Path(os.environ.get("PLANBOT_QA_CACHE", "/tmp/planbot-qa-sets"))


@dataclass(frozen=True)
class QaSet:
    name: str
    docs: tuple[Path, ...]
    questions: tuple[Path, ...]


def _files(folder: Path) -> tuple[Path, ...]:
    return tuple(sorted(p for p in folder.iterdir() if p.is_file() and p.suffix not in (".py", ".json")))


def development_sets() -> list[QaSet]:
    """Every question set in the repository with the documents it asks about."""
    real = DATA / "real"
    sets = [
        QaSet(
            "real",
            _files(real / "plans"),
            tuple(p for p in (real / "questions.json",) if p.exists()),
        )
    ]
    for n in (2, 3, 4):  # second and third sets, written blind (a check, never used to choose a rule)
        blind = real / f"questions_blind{n}.json"
        if blind.exists():
            sets.append(QaSet(f"real-blind{n}", _files(real / "plans"), (blind,)))
    for folder in sorted(DATA.glob("heldout*")):
        questions = tuple(
            p for p in (folder / "questions.json", folder / "questions_more.json") if p.exists()
        )
        if questions and (folder / "docs").is_dir():
            sets.append(QaSet(folder.name, _files(folder / "docs"), questions))
    samples = tuple(sorted((ROOT / "knowledge" / "samples").glob("*.txt")))
    sets.append(QaSet("samples-rephrased", samples, (DATA / "heldout" / "questions_samples.json",)))
    return sets


def judge_function() -> Callable[[dict, str], bool]:
    """score_qa's own judge, from the shared scorers beside the repository (as in CI)."""
    for folder in (
        Path(os.environ.get("PLANBOT_EVAL_DIR", ROOT.parent / "shared" / "eval")),
        Path("/work/shared/eval"),
    ):
        if (folder / "score_qa.py").exists():
            sys.path.insert(0, str(folder))
            from score_qa import judge  # type: ignore[import-not-found]  # lives beside the repository

            return judge  # type: ignore[no-any-return]  # the scorer is untyped
    raise SystemExit("the shared scorers (../shared/eval) are not available")


def database(qa_set: QaSet, rebuild: bool = False) -> str:
    """The set's documents ingested once (cached in CACHE)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{qa_set.name}.sqlite3"
    url = f"sqlite:///{path}"
    if rebuild or not path.exists():
        path.unlink(missing_ok=True)
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            cli(["ingest", *map(str, qa_set.docs), "--db", url])
    return url


def questions(qa_set: QaSet) -> list[dict]:
    items: list[dict] = []
    for f in qa_set.questions:
        items += json.loads(f.read_text(encoding="utf-8"))
    return items


@dataclass
class Loaded:
    qa_set: QaSet
    engine: AnswerEngine
    items: list[dict]


def load(sets: Iterable[QaSet], rebuild: bool = False) -> list[Loaded]:
    return [
        Loaded(s, AnswerEngine(create_engine(database(s, rebuild))), questions(s))
        for s in sets
        if s.questions
    ]


def score(loaded: Loaded, judge: Callable[[dict, str], bool]) -> tuple[int, list[int]]:
    """(right answers, indexes of the missed questions)."""
    missed = []
    for i, it in enumerate(loaded.items):
        ans = loaded.engine.ask(it["q"], it.get("locality"))
        if not judge(it, ans.text):
            missed.append(i)
    return len(loaded.items) - len(missed), missed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rebuild", action="store_true", help="ingest every set's documents again")
    ap.add_argument("--only", nargs="*", help="set names (default: all)")
    ap.add_argument("--misses", action="store_true", help="print each missed question")
    a = ap.parse_args(argv)
    judge = judge_function()
    sets = [s for s in development_sets() if not a.only or s.name in a.only]
    total = right = 0
    for loaded in load(sets, a.rebuild):
        ok, missed = score(loaded, judge)
        n = len(loaded.items)
        total, right = total + n, right + ok
        print(f"{loaded.qa_set.name:20} {ok:4}/{n:<4} {ok / n:.3f}", flush=True)
        if a.misses:
            for i in missed:
                print(f"    miss #{i}: {loaded.items[i]['q']}")
    print(f"{'all':20} {right:4}/{total:<4} {right / max(total, 1):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
