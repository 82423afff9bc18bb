#!/usr/bin/env python3
"""Check that every gold value and every expected answer of questions.json occurs in its document.

.venv/bin/python tests/data/heldout7/check_gold.py
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

RECURRING_NO_DATE = ("thuong xuyen", "hang thang", "hang quy", "hang nam")


def in_order(words, tokens, gap=14):
    """The words of a value occur in order, each within `gap` tokens of the previous one
    (a PDF table cell wrapped onto several lines, with other columns' text in between)."""
    for start in (i for i, t in enumerate(tokens) if t == words[0]):
        pos, ok = start, True
        for w in words[1:]:
            nxt = next((j for j in range(pos + 1, min(len(tokens), pos + 1 + gap)) if tokens[j] == w), None)
            if nxt is None:
                ok = False
                break
            pos = nxt
        if ok:
            return True
    return False


def main() -> int:
    bad = 0
    texts = {}
    counts = {}
    for g in sorted(glob.glob(os.path.join(HERE, "gold", "*.json"))):
        with open(g, encoding="utf-8") as f:
            gold = json.load(f)
        text = doc_text(os.path.join(HERE, "docs", gold["seed"]))
        ft = " " + fold(text) + " "
        plan = gold["plan"]
        texts[plan["locality"]] = texts.get(plan["locality"], "") + ft
        # an overview count is a derived fact: all indicators, or those without a parent
        top = sum(1 for i in gold["indicators"] if not i["parent_id"])
        counts[plan["locality"]] = {str(len(gold["indicators"])), str(top)}
        vals = [plan["doc_number"], plan["signer"], plan["locality"].split(" ", 1)[1], plan["province"]]
        vals += [r["text"] for r in plan["reporting"]] + [r["report_to"] for r in plan["reporting"]]
        for i in gold["indicators"]:
            vals += [i["name"], i["target_text"], i["responsible"], i["leader"], i["coordinating"]]
            vals += [o["text"] for o in i["other_targets"]]
        for t in gold["tasks"]:
            vals += [t["name"], t["leader"], t["responsible"], t["coordinating"], t["deadline_text"]]
        for p in gold["progress"]:  # result table rows
            vals += [p["item"], p["result_text"], p["assessment"]]
        names = {i["name"] for i in gold["indicators"]}
        seed_pdf = gold["seed"].endswith(".pdf")
        for v in vals:
            if not v:
                continue
            if fold(v) in ft:
                continue
            if seed_pdf and in_order(fold(v).split(), ft.split()):
                print(f"{gold['seed']}: wrapped cell (words in order across lines): {v!r}")
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
            assert (t["due_date"] is None) == (fold(t["deadline_text"]) in RECURRING_NO_DATE), t
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

        is_count = "bao nhiêu chỉ tiêu" in q["q"] or "mấy chỉ tiêu" in q["q"]

        def has(e, c, is_count=is_count):
            if is_count:
                return e in counts[c]
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
