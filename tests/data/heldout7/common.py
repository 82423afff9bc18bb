"""Helpers shared by the held-out set 7 generators and checker (gold records, text of a document)."""

from __future__ import annotations

import calendar
import html
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")
GOLD = os.path.join(HERE, "gold")

KT, VH, MT, QP = (
    "Chỉ tiêu về kinh tế",
    "Chỉ tiêu về văn hóa - xã hội",
    "Chỉ tiêu về môi trường",
    "Chỉ tiêu về quốc phòng - an ninh",
)


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


def ind(no, group, name, unit, target, resp=None, coord=None, parent=None, leader=None, note=None):
    v, c, mx = parse_target(target)
    return {
        "no": no,
        "group": group,
        "name": name,
        "unit": unit,
        "target_text": target,
        "target_value": v,
        "comparator": c,
        "target_max": mx,
        "other_targets": [],
        "leader": leader,
        "responsible": resp,
        "coordinating": coord,
        "note": note,
        "parent": parent,
    }


RECURRING = ("thuong xuyen", "hang thang", "hang quy", "hang nam")


def fold_simple(s: str) -> str:
    import unicodedata

    t = unicodedata.normalize("NFD", s.lower().replace("đ", "d"))
    return "".join(c for c in t if not unicodedata.combining(c))


def due_of(deadline: str):
    """Last day of the latest period named in a deadline (None for recurring ones)."""
    f = fold_simple(deadline)
    if f.strip() in RECURRING:
        return None
    best = None

    def take(y, m, d):
        nonlocal best
        iso = f"{y:04d}-{m:02d}-{d:02d}"
        if best is None or iso > best:
            best = iso

    for d, m, y in re.findall(r"(\d{1,2})/(\d{1,2})/(\d{4})", f):
        take(int(y), int(m), int(d))
    rest = re.sub(r"\d{1,2}/\d{1,2}/\d{4}", " ", f)
    for q, y in re.findall(r"quy\s+([ivx]+)\s*/\s*(\d{4})", rest):
        m = {"i": 3, "ii": 6, "iii": 9, "iv": 12}[q]
        take(int(y), m, calendar.monthrange(int(y), m)[1])
    for m, y in re.findall(r"(\d{1,2})\s*/\s*(\d{4})", re.sub(r"quy\s+[ivx]+\s*/\s*\d{4}", " ", rest)):
        take(int(y), int(m), calendar.monthrange(int(y), int(m))[1])
    if best is None:
        raise ValueError(deadline)
    return best


def task(no, name, leader, resp, coord, deadline):
    due = due_of(deadline)
    return {
        "no": no,
        "name": name,
        "solution": None,
        "leader": leader,
        "responsible": resp,
        "coordinating": coord,
        "deadline_text": deadline,
        "due_date": due,
        "recurring": due is None,
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


def write_gold(stem, ext, plan, indicators, tasks, progress=None):
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
        "unit_duties": [],
        "progress": progress or [],
        "conflicts": [],
    }
    os.makedirs(GOLD, exist_ok=True)
    with open(os.path.join(GOLD, stem + ".json"), "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write("\n")


def plain_md(text: str) -> str:
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
