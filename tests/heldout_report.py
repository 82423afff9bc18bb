"""Diagnose extraction on the held-out plans: what the shared scorer counts, plus
what it does not list — spurious indicators, wrong responsible parties, task
due dates — per document.

    .venv/bin/python tests/heldout_report.py [--docs DIR] [--gold DIR] [--export FILE]

Uses the scorer's own helpers (../shared/eval) so the figures agree with it."""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "data" / "heldout"
EVAL_DIR = Path(os.environ.get("PLANBOT_EVAL_DIR", Path(__file__).resolve().parents[2] / "shared" / "eval"))
sys.path.insert(0, str(EVAL_DIR))

from _common import fresh_db, greedy_match, ingest_and_export  # noqa: E402
from score_extract import party_ok, score_doc, target_ok, task_key  # noqa: E402

CLI = str(Path(__file__).resolve().parents[1] / ".venv" / "bin" / "planbot")


def load_pairs(docs: Path, gold: Path) -> dict[str, tuple[dict, str]]:
    """Gold files keyed by stem, each with the document of the same stem."""
    pairs = {}
    for path in sorted(gold.glob("*.json")):
        found = [d for d in glob.glob(str(docs / (path.stem + ".*"))) if not d.endswith(".json")]
        if found:
            pairs[path.stem] = (json.loads(path.read_text(encoding="utf-8")), found[0])
    return pairs


def export_plans(
    pairs: dict[str, tuple[dict, str]], export_file: str | None, cli: str = CLI
) -> dict[str, dict]:
    """Plans exported by the CLI from a fresh database, keyed by source stem."""
    if export_file:
        export = json.loads(Path(export_file).read_text(encoding="utf-8"))
    else:
        export = ingest_and_export(cli, [doc for _, doc in pairs.values()], fresh_db())
    plans: dict[str, dict] = {}
    for plan in export.get("plans", []):
        plans.setdefault(Path(str(plan.get("source", ""))).stem, plan)
    return plans


def details(gold: dict, plan: dict) -> list[str]:
    """Lines naming every disagreement the scorer's totals hide."""
    gi, pi = gold.get("indicators", []), plan.get("indicators", []) or []
    match = greedy_match(gi, pi, lambda x: x.get("name"), 80)
    out = [
        f"  spurious: {p.get('name')!r} = {p.get('target_text')!r}"
        for i, p in enumerate(pi)
        if i not in match.values()
    ]
    for g, p in match.items():
        gold_ind, pred = gi[g], pi[p]
        if not target_ok(gold_ind, pred):
            out.append(
                f"  target: {gold_ind['name']!r}: gold {gold_ind.get('target_text')!r} got {pred.get('target_text')!r}"
            )
        if gold_ind.get("responsible") and not party_ok(gold_ind["responsible"], pred.get("responsible")):
            out.append(
                f"  responsible: {gold_ind['name']!r}: gold {gold_ind['responsible']!r} got {pred.get('responsible')!r}"
            )
    gt, pt = gold.get("tasks", []), plan.get("tasks", []) or []
    tmatch = greedy_match(gt, pt, task_key, 75) if gt else {}
    for g, p in tmatch.items():
        if gt[g].get("due_date") != pt[p].get("due_date"):
            out.append(f"  due: {gt[g]['name']!r}: gold {gt[g].get('due_date')} got {pt[p].get('due_date')}")
    out += [f"  missed task: {gt[g]['name']!r}" for g in range(len(gt)) if g not in tmatch]
    for key in ("locality", "parent", "period_start", "doc_number", "signed_date", "signer"):
        if gold["plan"].get(key) != plan.get(key):
            out.append(f"  plan {key}: gold {gold['plan'].get(key)!r} got {plan.get(key)!r}")
    days = {r.get("day_of_month") for r in gold["plan"].get("reporting", []) if r.get("day_of_month")}
    got = {r.get("day_of_month") for r in plan.get("reporting", []) or [] if r.get("day_of_month")}
    if days - got:
        out.append(f"  reporting day: gold {sorted(days)} got {sorted(got)}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", default=str(HERE / "docs"))
    ap.add_argument("--gold", default=str(HERE / "gold"))
    ap.add_argument("--export", help="use this export JSON instead of running the CLI")
    ap.add_argument("--cli", default=CLI, help="command that runs the project's CLI")
    a = ap.parse_args()
    pairs = load_pairs(Path(a.docs), Path(a.gold))
    plans = export_plans(pairs, a.export, a.cli)
    for stem, (gold, _) in pairs.items():
        plan = plans.get(stem)
        if plan is None:
            print(f"{stem}: no plan exported")
            continue
        r = score_doc(gold, plan)
        print(
            f"{stem}: ind {r['match_ind']}/{r['gold_ind']} gold, {r['pred_ind']} predicted; "
            f"target {r['target_ok']}/{r['match_ind']}; resp {r['resp_ok']}/{r['resp_n']}"
        )
        for name in [
            g.get("name")
            for i, g in enumerate(gold["indicators"])
            if i
            not in greedy_match(gold["indicators"], plan.get("indicators") or [], lambda x: x.get("name"), 80)
        ]:
            print(f"  missed: {name!r}")
        for line in details(gold, plan):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
