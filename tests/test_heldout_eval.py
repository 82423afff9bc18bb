"""Held-out evaluation: plans of localities and layouts the extractors were not
written against (tests/data/heldout, and heldout2 written later by someone who
had not read the extractors), scored with the shared scorers' own functions
(../shared/eval). Bars sit at what the code reaches today so the suite stays
green; the acceptance targets are in the comments — raise the bars as fixes
land. `tests/heldout_report.py` lists every miss."""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.cli import main

DATA = Path(__file__).parent / "data"
HELDOUT = DATA / "heldout"
ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "knowledge" / "samples"
# The scorers live next to the repository (../shared), as in CI.
EVAL_DIR = next(
    (
        d
        for d in (
            Path(os.environ.get("PLANBOT_EVAL_DIR", ROOT.parent / "shared" / "eval")),
            Path("/work/shared/eval"),
        )
        if (d / "score_extract.py").exists()
    ),
    Path("/nonexistent"),
)

if not (EVAL_DIR / "score_extract.py").exists():
    pytest.skip("shared scorers not available", allow_module_level=True)
sys.path.insert(0, str(EVAL_DIR))
from score_extract import score_doc  # noqa: E402
from score_qa import judge  # noqa: E402


@dataclass(frozen=True)
class Bars:
    """What the code reaches today on one held-out set (acceptance: ind-f1 and
    target-acc >= 0.85, questions >= 0.80)."""

    ind_f1: float
    target: float
    resp: float
    task_f1: float
    due: float
    localities: int
    questions: float


BARS = {
    # 16 plans. Measured 1.000 / 1.000 / 1.0 / 1.0 / 1.0, localities 14/16, questions 0.983.
    "heldout": Bars(0.98, 0.98, 0.95, 0.95, 0.95, 14, 0.95),
    # 8 plans. At creation: 0.918 / 0.750 / 0.135 / 0.712 / 1.000, questions 0.639;
    # measured 2026-12-05: 1.000 on every figure, localities 8/8, questions 61/61.
    "heldout2": Bars(0.97, 0.97, 0.95, 0.97, 0.97, 8, 0.95),
    # 6 plans written blind (tests/data/heldout3/README.md). At creation:
    # 1.000 / 1.000 / 0.688 / 0.985 / 0.929, questions 0.917; after the fixes of
    # 2026-12-05: 1.000 on every figure, questions 60/60.
    "heldout3": Bars(0.97, 0.97, 0.95, 0.97, 0.97, 6, 0.95),
    # 6 plans written blind, 3 .docx and 2 .pdf (tests/data/heldout4/README.md). At creation:
    # 0.907 / 1.000 / 0.966 / 1.000 / 0.897, questions 52/60; after the fixes of
    # 2026-12-05: 1.000 on every figure, questions 60/60.
    "heldout4": Bars(0.97, 0.97, 0.95, 0.97, 0.97, 6, 0.95),
    # 6 plans written blind: a five-year plan, a decision with an appendix, an HTML-ish
    # markdown export, flowing prose, a .docx with a result table, a two-column TSV
    # (tests/data/heldout5/README.md). At creation: 0.861 / 0.833 / 0.792 / 0.847 / 1.000
    # with one document refused, questions 40/60; after the fixes of 2026-12-05:
    # 0.996 / 1.000 / 1.000 / 1.000 / 1.000, questions 59/60.
    "heldout5": Bars(0.97, 0.97, 0.95, 0.97, 0.97, 6, 0.93),
    # 7 documents of 5 places written blind: two years of one place, a plan and its
    # amendment, Word auto-numbering and merged cells, grouped task rows, 'Lộ trình'
    # (tests/data/heldout6/README.md). At creation: 0.810 / 0.900 / 1.000 / 0.923 / 0.841,
    # questions 42/60; after the fixes of 2026-12-05: 1.000 on every figure, questions 57/60.
    "heldout6": Bars(0.97, 0.97, 0.95, 0.97, 0.97, 7, 0.9),
    # 5 plans written blind: a PDF table without ruling lines, field sections holding
    # 'Chỉ tiêu:'/'Nhiệm vụ:' bullets, units in names with 'Ghi chú', '—' lines, a plan
    # typed without diacritics (tests/data/heldout7/README.md). At creation:
    # 0.921 / 1.000 / 0.660 / 0.753 / 1.000, questions 49/70; after the fixes of
    # 2026-12-05: 1.000 on every figure, questions 68/70.
    "heldout7": Bars(0.97, 0.97, 0.95, 0.97, 0.97, 4, 0.93),
}


def _docs_with_gold(name: str = "heldout") -> list[tuple[dict, Path]]:
    out = []
    for gold in sorted((DATA / name / "gold").glob("*.json")):
        docs = [d for d in (DATA / name / "docs").glob(gold.stem + ".*")]
        assert len(docs) == 1, f"{gold.name} pairs with {docs}"
        out.append((json.loads(gold.read_text(encoding="utf-8")), docs[0]))
    return out


def _ingest(url: str, paths: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    main(["ingest", *map(str, paths), "--db", url])
    capsys.readouterr()


def _ask_all(url: str, items: list[dict], capsys: pytest.CaptureFixture[str]) -> float:
    """Share of questions whose answer holds the expected facts (score_qa's judge)."""
    lines = "".join(
        json.dumps({"q": it["q"], "locality": it.get("locality")}, ensure_ascii=False) + "\n" for it in items
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("sys.stdin", io.StringIO(lines))
        assert main(["ask", "--json", "--db", url]) == 0
    answers = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert len(answers) == len(items)
    return sum(judge(it, ans.get("answer", "")) for it, ans in zip(items, answers, strict=True)) / len(items)


@pytest.fixture
def heldout_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'heldout.sqlite3'}"


@pytest.fixture
def exported(heldout_url: str, capsys: pytest.CaptureFixture[str]) -> Callable[[str], dict[str, dict]]:
    def run(name: str) -> dict[str, dict]:
        _ingest(heldout_url, [doc for _, doc in _docs_with_gold(name)], capsys)
        assert main(["export", "--format", "json", "--db", heldout_url]) == 0
        plans = json.loads(capsys.readouterr().out)["plans"]
        return {Path(p["source"]).stem: p for p in plans}

    return run


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def _f1(match: int, gold: int, pred: int) -> float:
    rec, prec = _ratio(match, gold), _ratio(match, pred)
    return 2 * rec * prec / (rec + prec) if rec + prec else 0.0


def test_heldout_set_is_complete() -> None:
    pairs = _docs_with_gold("heldout")
    assert len(pairs) >= 16
    assert len({doc.suffix for _, doc in pairs}) >= 3  # .md, .txt, .docx
    assert len(json.loads((HELDOUT / "questions.json").read_text(encoding="utf-8"))) >= 60
    assert len(json.loads((HELDOUT / "questions_samples.json").read_text(encoding="utf-8"))) >= 40


@pytest.mark.parametrize("name", sorted(BARS))
def test_heldout_extraction_figures(name: str, exported: Callable[[str], dict[str, dict]]) -> None:
    plans, bars = exported(name), BARS[name]
    tot: dict[str, int] = {}
    localities_ok = 0
    for gold, doc in _docs_with_gold(name):
        plan = plans.get(doc.stem) or {}  # a refused document scores as empty, as in score_extract
        for key, value in score_doc(gold, plan).items():
            if isinstance(value, int):
                tot[key] = tot.get(key, 0) + value
        localities_ok += plan.get("locality") == gold["plan"]["locality"]
    assert _f1(tot["match_ind"], tot["gold_ind"], tot["pred_ind"]) >= bars.ind_f1
    assert _ratio(tot["target_ok"], tot["match_ind"]) >= bars.target
    assert _ratio(tot["resp_ok"], tot["resp_n"]) >= bars.resp
    assert _f1(tot["match_task"], tot["gold_task"], tot["pred_task"]) >= bars.task_f1
    assert _ratio(tot["due_ok"], tot["due_n"]) >= bars.due
    assert localities_ok >= bars.localities


@pytest.mark.parametrize("name", sorted(BARS))
def test_heldout_questions(name: str, heldout_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    _ingest(
        heldout_url,
        sorted(p for p in (DATA / name / "docs").iterdir() if p.is_file() and p.suffix != ".py"),
        capsys,
    )
    items = json.loads((DATA / name / "questions.json").read_text(encoding="utf-8"))
    more = DATA / name / "questions_more.json"  # phrasings written later, blind as well
    if more.exists():
        items += json.loads(more.read_text(encoding="utf-8"))
    assert _ask_all(heldout_url, items, capsys) >= BARS[name].questions


def test_rephrased_questions_on_samples(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'samples.sqlite3'}"
    _ingest(url, sorted(SAMPLES.glob("*.txt")), capsys)
    items = json.loads((HELDOUT / "questions_samples.json").read_text(encoding="utf-8"))
    # Acceptance target 0.90 (0.956 measured).
    assert _ask_all(url, items, capsys) >= 0.93
