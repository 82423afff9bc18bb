"""Held-out evaluation: plans of localities and layouts the extractors were not
written against (tests/data/heldout), scored with the shared scorers' own
functions (/work/shared/eval). Bars sit at what the code reaches today so the
suite stays green; the acceptance targets are in the comments — raise the bars
as fixes land. `tests/heldout_report.py` lists every miss."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.cli import main

HELDOUT = Path(__file__).parent / "data" / "heldout"
DOCS = HELDOUT / "docs"
GOLD = HELDOUT / "gold"
SAMPLES = Path(__file__).resolve().parent.parent / "knowledge" / "samples"
EVAL_DIR = Path("/work/shared/eval")

if not (EVAL_DIR / "score_extract.py").exists():
    pytest.skip("shared scorers not available", allow_module_level=True)
sys.path.insert(0, str(EVAL_DIR))
from score_extract import score_doc  # noqa: E402
from score_qa import judge  # noqa: E402


def _docs_with_gold() -> list[tuple[dict, Path]]:
    out = []
    for gold in sorted(GOLD.glob("*.json")):
        docs = [d for d in DOCS.glob(gold.stem + ".*")]
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
def exported(heldout_url: str, capsys: pytest.CaptureFixture[str]) -> Callable[[], dict[str, dict]]:
    def run() -> dict[str, dict]:
        _ingest(heldout_url, [doc for _, doc in _docs_with_gold()], capsys)
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
    pairs = _docs_with_gold()
    assert len(pairs) >= 16
    assert len({doc.suffix for _, doc in pairs}) >= 3  # .md, .txt, .docx
    assert len(json.loads((HELDOUT / "questions.json").read_text(encoding="utf-8"))) >= 60
    assert len(json.loads((HELDOUT / "questions_samples.json").read_text(encoding="utf-8"))) >= 40


def test_heldout_extraction_figures(exported: Callable[[], dict[str, dict]]) -> None:
    plans = exported()
    tot: dict[str, int] = {}
    localities_ok = 0
    for gold, doc in _docs_with_gold():
        plan = plans.get(doc.stem) or {}  # a refused document scores as empty, as in score_extract
        for key, value in score_doc(gold, plan).items():
            if isinstance(value, int):
                tot[key] = tot.get(key, 0) + value
        localities_ok += plan.get("locality") == gold["plan"]["locality"]
    ind_f1 = _f1(tot["match_ind"], tot["gold_ind"], tot["pred_ind"])
    # Acceptance targets: ind-f1 >= 0.85, target-acc >= 0.85 (measured 1.000 / 1.000 on 2026-11-22
    # after heading-named records, clause lead-ins and unmarked lists; was 0.837).
    assert ind_f1 >= 0.98
    assert _ratio(tot["target_ok"], tot["match_ind"]) >= 0.98
    # Target 1.0; 1.0 measured since parties named in prose and '(X chủ trì)' are linked.
    assert _ratio(tot["resp_ok"], tot["resp_n"]) >= 0.95
    assert _f1(tot["match_task"], tot["gold_task"], tot["pred_task"]) >= 0.95
    assert _ratio(tot["due_ok"], tot["due_n"]) >= 0.95
    # Target: all; 14/16 measured (h14 takes 'UBND phường Đỗ Thị Thu Trang', a person, h15 is refused).
    assert localities_ok >= 14


def test_heldout_questions(heldout_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    _ingest(heldout_url, sorted(p for p in DOCS.iterdir() if p.is_file()), capsys)
    items = json.loads((HELDOUT / "questions.json").read_text(encoding="utf-8"))
    # Acceptance target 0.80 (0.983 measured).
    assert _ask_all(heldout_url, items, capsys) >= 0.95


def test_rephrased_questions_on_samples(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'samples.sqlite3'}"
    _ingest(url, sorted(SAMPLES.glob("*.txt")), capsys)
    items = json.loads((HELDOUT / "questions_samples.json").read_text(encoding="utf-8"))
    # Acceptance target 0.90 (0.956 measured).
    assert _ask_all(url, items, capsys) >= 0.93
