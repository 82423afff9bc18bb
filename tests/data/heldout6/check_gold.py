#!/usr/bin/env python3
"""Check that every gold value and every expected answer of questions.json occurs in its document.

.venv/bin/python tests/data/heldout6/check_gold.py
"""

from __future__ import annotations

import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
# the shared scorers sit beside the repository (../shared/eval)
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "..", "shared", "eval"))
from _common import fold  # noqa: E402
from common import doc_text  # noqa: E402

RECURRING_NO_DATE = ("Thường xuyên", "Hằng tháng", "Hằng quý", "Hằng năm")


def main() -> int:
    bad = 0
    texts = {}
    for g in sorted(glob.glob(os.path.join(HERE, "gold", "*.json"))):
        with open(g, encoding="utf-8") as f:
            gold = json.load(f)
        text = doc_text(os.path.join(HERE, "docs", gold["seed"]))
        ft = " " + fold(text) + " "
        plan = gold["plan"]
        texts[plan["locality"]] = texts.get(plan["locality"], "") + ft
        vals = [plan["doc_number"], plan["signer"], plan["locality"].split(" ", 1)[1], plan["province"]]
        vals += [r["text"] for r in plan["reporting"]] + [r["report_to"] for r in plan["reporting"]]
        for i in gold["indicators"]:
            vals += [i["name"], i["target_text"], i["responsible"], i["leader"], i["coordinating"]]
            vals += [o["text"] for o in i["other_targets"]]
        for t in gold["tasks"]:
            vals += [t["name"], t["leader"], t["responsible"], t["coordinating"], t["deadline_text"]]
        for p in gold["progress"]:
            vals += [p["item"], p["result_text"], p["assessment"]]
        names = {i["name"] for i in gold["indicators"]}
        for v in vals:
            if not v:
                continue
            if fold(v) in ft:
                continue
            if v in names and all(f" {w} " in ft for w in fold(v).split()):
                print(f"{gold['seed']}: name normalised (all words occur): {v!r}")
                continue
            print(f"{gold['seed']}: not in document: {v!r}")
            bad += 1
        ids = {i["id"] for i in gold["indicators"]}
        for i in gold["indicators"]:
            assert i["parent_id"] in ids | {None}, i
            assert (i["comparator"] == "range") == (i["target_max"] is not None), i
            assert (i["comparator"] == "status") == (i["target_value"] is None), i
        for t in gold["tasks"]:
            assert (t["due_date"] is None) == (t["deadline_text"] in RECURRING_NO_DATE), t
            assert t["recurring"] == (t["due_date"] is None) or t["recurring"], t
        print(
            f"{gold['seed']}: {len(gold['indicators'])} indicators, {len(gold['tasks'])} tasks, "
            f"{len(gold['progress'])} progress rows"
        )
    with open(os.path.join(HERE, "questions.json"), encoding="utf-8") as f:
        qs = json.load(f)
    print(f"{len(qs)} questions")
    for q in qs:
        assert set(q) <= {"q", "locality", "expect", "any"} and (q.get("expect") or q.get("any")), q
        named = [c for c in texts if fold(c.split(" ", 1)[1]) in fold(q["q"])]
        cands = named or ([q["locality"]] if q.get("locality") in texts else list(texts))

        def has(e, c):
            return re.search(r"(?<= )" + re.escape(fold(e)) + r"(?=[ %])", texts[c]) is not None

        for e in q.get("expect", []):
            if not any(has(e, c) for c in cands):
                print(f"Q {q['q']!r}: expect {e!r} not in {cands}")
                bad += 1
        if q.get("any") and not any(has(e, c) for c in cands for e in q["any"]):
            print(f"Q {q['q']!r}: none of {q['any']!r} in {cands}")
            bad += 1
    print("problems:", bad)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
