"""Helpers shared by the held-out sets' generators and checkers (sets 5, 6 and 7): gold records
by the conventions of the earlier sets, and the text of a generated document.

Each set's `common.py` adds its own paths (DOCS, GOLD) and anything only it needs."""

from __future__ import annotations

import html
import json
import os
import re

STATUS_WORDS = ("Đạt", "Hoàn thành", "Giữ vững", "Duy trì", "Chưa")


def num(s: str) -> float:
    v = float(s.replace(".", "").replace(",", "."))
    return int(v) if v == int(v) else v


def parse_target(text: str | None):
    """(value, comparator, max) of a target, by the gold conventions of the earlier sets
    (first bound of a range, numerator of a fraction); works on text without diacritics too."""
    if text is None:
        return None, None, None
    t = text.strip()
    m = re.search(r"(\d[\d.,]*)\s*-\s*(\d[\d.,]*)", t)
    if m:
        return num(m.group(1)), "range", num(m.group(2))
    m = re.search(r"(\d[\d.,]*)\s*/\s*\d+", t)
    if m:
        return num(m.group(1)), "=", None
    m = re.search(r"\d[\d.,]*", t)
    if not m:
        return None, "status", None
    v = num(m.group(0).rstrip(".,"))
    low = t.lower()
    if "≥" in t or "trở lên" in low or "tro len" in low:
        return v, ">=", None
    if low.startswith(("trên", "tren")):
        return v, ">", None
    if "dưới" in low or "duoi" in low:
        return v, "<", None
    return v, "=", None


def ind(
    no,
    group,
    name,
    unit,
    target,
    resp=None,
    coord=None,
    parent=None,
    other=None,
    note=None,
    leader=None,
    comp=None,
):
    v, c, mx = parse_target(target)
    return {
        "no": no,
        "group": group,
        "name": name,
        "unit": unit,
        "target_text": target,
        "target_value": v,
        "comparator": comp or c,
        "target_max": mx,
        "other_targets": other or [],
        "leader": leader,
        "responsible": resp,
        "coordinating": coord,
        "note": note,
        "parent": parent,
    }


def task(no, name, leader, resp, coord, deadline, due, recurring=False):
    return {
        "no": no,
        "name": name,
        "solution": None,
        "leader": leader,
        "responsible": resp,
        "coordinating": coord,
        "deadline_text": deadline,
        "due_date": due,
        "recurring": recurring,
    }


def rep(text, frequency, day=None, deadline=None, to=None):
    return {
        "text": text,
        "frequency": frequency,
        "day_of_month": day,
        "deadline_date": deadline,
        "report_to": to,
    }


def part_name(name):
    """A 'Trong đó: thóc' row is named by its own words ('Thóc')."""
    m = re.match(r"^\W*trong\s+(đó|do)\s*[:,]?\s*", name, re.IGNORECASE)
    if not m:
        return name
    rest = name[m.end() :]
    return rest[:1].upper() + rest[1:]


def write_gold(gold_dir, stem, ext, plan, indicators, tasks, progress=None, duties=None):
    prefix = stem[:3]
    for k, i in enumerate(indicators, 1):
        i["_id"] = f"{prefix}-I{k:02d}"
    out_ind = []
    for i in indicators:
        parent_id = indicators[i["parent"] - 1]["_id"] if i["parent"] else None
        out_ind.append(
            {
                "id": i["_id"],
                "no": i["no"],
                "group": i["group"],
                "name": part_name(i["name"]),
                "unit": i["unit"],
                "target_text": i["target_text"],
                "target_value": i["target_value"],
                "comparator": i["comparator"],
                "target_max": i["target_max"],
                "other_targets": i["other_targets"],
                "leader": i["leader"],
                "responsible": i["responsible"],
                "coordinating": i["coordinating"],
                "note": i["note"],
                "parent_id": parent_id,
            }
        )
    out_task = [{"id": f"{prefix}-T{k:02d}", **t} for k, t in enumerate(tasks, 1)]
    gold = {
        "seed": f"{stem}.{ext}",
        "plan": plan,
        "indicators": out_ind,
        "tasks": out_task,
        "unit_duties": duties or [],
        "progress": progress or [],
        "conflicts": [],
    }
    os.makedirs(gold_dir, exist_ok=True)
    with open(os.path.join(gold_dir, stem + ".json"), "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write("\n")


def plain_md(text: str) -> str:
    """What a reader sees of the HTML-ish Markdown: line breaks and entities resolved, emphasis dropped."""
    text = re.sub(r"<br\s*/?>", " ", text)
    text = html.unescape(text).replace("\xa0", " ")
    return text.replace("**", "").replace("_", " ")


def doc_text(path: str) -> str:
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

        with pdfplumber.open(path) as pdf:
            return "\n".join(p.extract_text() or "" for p in pdf.pages)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return plain_md(text) if path.endswith(".md") else text
