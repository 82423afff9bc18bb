#!/usr/bin/env python3
"""Check that every gold value and every expected answer of questions.json occurs in its document.

    .venv/bin/python tests/data/heldout4/check_gold.py
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# the shared scorers sit beside the repository (../shared/eval)
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "..", "shared", "eval"))
from _common import fold  # noqa: E402


def doc_text(path):
    if path.endswith(".docx"):
        import docx
        d = docx.Document(path)
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for r in t.rows:
                seen = []
                for c in r.cells:
                    if c._tc not in seen:
                        seen.append(c._tc)
                        parts.append(c.text)
        return "\n".join(parts)
    if path.endswith(".pdf"):
        import pdfplumber
        parts = []
        with pdfplumber.open(path) as pdf:
            for pg in pdf.pages:
                parts.append(pg.extract_text() or "")
                for tb in pg.extract_tables():
                    for row in tb:
                        parts.extend(c or "" for c in row)
        return "\n".join(parts)
    return open(path, encoding="utf-8").read().replace("**", "").replace("_", " ")


def main():
    bad = 0
    texts = {}
    for g in sorted(glob.glob(os.path.join(HERE, "gold", "*.json"))):
        gold = json.load(open(g, encoding="utf-8"))
        doc = os.path.join(HERE, "docs", gold["seed"])
        text = doc_text(doc)
        ft = " " + fold(text) + " "
        texts[gold["plan"]["locality"]] = ft
        vals = [gold["plan"]["doc_number"], gold["plan"]["signer"], gold["plan"]["locality"].split(" ", 1)[1],
                gold["plan"]["province"]]
        for r in gold["plan"]["reporting"]:
            vals.append(r["text"])
        for i in gold["indicators"]:
            vals += [i["name"], i["target_text"], i["responsible"], i["leader"]]
            vals += [o["text"] for o in i["other_targets"]]
        for t in gold["tasks"]:
            vals += [t["name"], t["leader"], t["responsible"], t["coordinating"], t["deadline_text"]]
        names = {i["name"] for i in gold["indicators"]}
        for v in vals:
            if v in names and fold(v) not in ft and all(f" {w} " in ft for w in fold(v).split()):
                print(f"{gold['seed']}: name normalised (all words occur): {v!r}")
                continue
            if v and fold(v) not in ft:
                print(f"{gold['seed']}: not in document: {v!r}")
                bad += 1
        ids = {i["id"] for i in gold["indicators"]}
        for i in gold["indicators"]:
            assert i["parent_id"] in ids | {None}, i
            if i["comparator"] == "range":
                assert i["target_max"] is not None
        for t in gold["tasks"]:
            assert (t["due_date"] is None) == (t["deadline_text"] in ("Thường xuyên", "Hằng tháng", "Hằng quý")), t
        print(f"{gold['seed']}: {len(gold['indicators'])} indicators, {len(gold['tasks'])} tasks")
    qpath = os.path.join(HERE, "questions.json")
    if os.path.exists(qpath):
        qs = json.load(open(qpath, encoding="utf-8"))
        print(f"{len(qs)} questions")
        for q in qs:
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
