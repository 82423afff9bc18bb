"""The held-out set 7's paths and group names; a task's due date is read from its deadline.
The rest is shared with the other sets (../heldout_common.py)."""

from __future__ import annotations

import calendar
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")
GOLD = os.path.join(HERE, "gold")

sys.path.insert(0, os.path.dirname(HERE))
from heldout_common import doc_text, ind, rep  # noqa: E402
from heldout_common import task as _task  # noqa: E402
from heldout_common import write_gold as _write_gold  # noqa: E402

__all__ = ["DOCS", "GOLD", "KT", "MT", "QP", "VH", "doc_text", "ind", "rep", "task", "write_gold"]

KT, VH, MT, QP = (
    "Chỉ tiêu về kinh tế",
    "Chỉ tiêu về văn hóa - xã hội",
    "Chỉ tiêu về môi trường",
    "Chỉ tiêu về quốc phòng - an ninh",
)


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
    """A task whose due date is read from its deadline (recurring when none is)."""
    due = due_of(deadline)
    return _task(no, name, leader, resp, coord, deadline, due, recurring=due is None)


def write_gold(stem, ext, plan, indicators, tasks, progress=None):
    _write_gold(GOLD, stem, ext, plan, indicators, tasks, progress)
