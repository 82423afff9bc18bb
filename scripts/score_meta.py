"""Field-by-field score of plan metadata (extract_meta) against gold 'plan' blocks.

    .venv/bin/python scripts/score_meta.py [--verbose]

Scores the five samples (knowledge/samples + /work/shared/gold) and the held-out
plans (tests/data/heldout/docs + gold). Values are compared exactly (NFC, trimmed);
titles also get a folded score since capitals and punctuation vary."""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from pathlib import Path

from knowledge.extract.metadata import extract_meta
from knowledge.readers import read_document
from knowledge.text import fold

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "samples": (ROOT / "knowledge" / "samples", ROOT.parent / "shared" / "gold"),
    "heldout": (ROOT / "tests" / "data" / "heldout" / "docs", ROOT / "tests" / "data" / "heldout" / "gold"),
}
FIELDS = (
    "locality",
    "locality_type",
    "parent",
    "province",
    "period_start",
    "period_end",
    "title",
    "issuer",
    "doc_number",
    "signed_date",
    "signer",
)


def _norm(value: object) -> str | None:
    if value is None:
        return None
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", str(value))).strip() or None


def score(name: str, verbose: bool) -> tuple[int, int, int]:
    docs, gold_dir = SETS[name]
    ok = total = title_folded = 0
    for gold_path in sorted(gold_dir.glob("*.json")):
        doc_path = next(p for p in docs.glob(gold_path.stem + ".*") if p.suffix != ".json")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))["plan"]
        meta = extract_meta(read_document(doc_path))
        misses = []
        for f in FIELDS:
            g, p = _norm(gold.get(f)), _norm(getattr(meta, f))
            total += 1
            if g == p:
                ok += 1
            else:
                misses.append(f"{f}: gold={g!r} got={p!r}")
            if f == "title" and fold(g or "") == fold(p or ""):
                title_folded += 1
        if verbose:
            print(f"  {gold_path.stem}: {len(FIELDS) - len(misses)}/{len(FIELDS)}")
            for m in misses:
                print("      " + m)
    return ok, total, title_folded


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    for name in SETS:
        ok, total, tf = score(name, args.verbose)
        print(f"{name}: {ok}/{total} fields exact; titles equal when folded: {tf}")


if __name__ == "__main__":
    main()
