"""Stable keys: the identity of a plan and of an item across document versions."""

from __future__ import annotations

import hashlib
import re
from datetime import date

from knowledge import model as km
from knowledge.question import bare_fold
from knowledge.text import fold

PLAN_KEY_MAX = 300  # the width of plans.plan_key and progress_records.plan_key
# A long title is cut and a hash of the whole added: reminders put the plan key and
# an item key in a dedup key of 400 characters
_TITLE_IN_KEY = 80
# Issuers are written out or abbreviated ('ỦY BAN NHÂN DÂN TỈNH …', 'UBND tỉnh …')
_ISSUER_WORDS = (
    (re.compile(r"\buy ban nhan dan\b"), "ubnd"),
    (re.compile(r"\bhoi dong nhan dan\b"), "hdnd"),
    (re.compile(r"\bthanh pho\b"), "tp"),
)


def plan_key(
    locality_key: str | None,
    issuer: str | None,
    doc_number: str | None,
    signed_date: date | None,
    title: str | None,
    source: str,
) -> str:
    """A plan is known by its issuer, its number and the year it was signed
    (numbers start again at 1 every year, so the year tells a 'số 15' of 2025
    from one of 2026); a document without a number by its title instead, and
    one with neither by its file name. The place comes first: issuers of
    same-named communes ('UBND xã Tân Lập') differ only by it.

    Two different plans of one place and period (KH 141 and KH 144 of one
    province) thus never share a key, an amendment has its own number, and a
    corrected text of the same document keeps its key and supersedes it."""
    place = locality_key or ""
    year = str(signed_date.year) if signed_date else ""
    if doc_number and doc_number_key(doc_number):
        what = f"so {doc_number_key(doc_number)}"
    elif title and fold(title):
        what = f"ve {_shortened(fold(title))}"
    else:
        what, year = f"tep {_shortened(fold(source))}", ""
    return f"{place}|{issuer_key(issuer)}|{what}|{year}"[:PLAN_KEY_MAX]


def _shortened(text: str) -> str:
    if len(text) <= _TITLE_IN_KEY:
        return text
    return f"{text[:_TITLE_IN_KEY]} #{hashlib.sha256(text.encode()).hexdigest()[:10]}"


def issuer_key(issuer: str | None) -> str:
    """'ỦY BAN NHÂN DÂN TỈNH BẮC NINH' and 'UBND tỉnh Bắc Ninh' -> 'ubnd tinh bac ninh'."""
    key = fold(issuer)
    for pattern, short in _ISSUER_WORDS:
        key = pattern.sub(short, key)
    return key


def doc_number_key(number: str) -> str:
    """'0124/KH-UBND', '124 /KH-UBND' -> '124 kh ubnd' (a leading zero is padding)."""
    key = fold(number)
    return re.sub(r"^0+(?=\d)", "", key)


def text_hash(doc: km.Document) -> str:
    """A hash of the document's text, not of its bytes: the same text saved again
    with Windows line endings, as UTF-16 or with spaces at the ends of lines is the
    same document (the readers already decode and split lines either way)."""
    # the readers hand over NFC text: squeezing the spaces of each line is all that is left
    text = "\n".join(" ".join(line.split()) for line in doc.text.split("\n")).strip("\n")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def locality_key(name: str, parent: str | None, province: str | None, taken: set[str]) -> str:
    """The folded name; a same-named place of another district or province adds
    it ('xa tan lap | dan phuong'), and a counter when nothing tells them apart."""
    key = fold(name)
    if key not in taken:
        return key
    for where in (parent, province):
        if where and f"{key} | {bare_fold(where)}" not in taken:
            return f"{key} | {bare_fold(where)}"
    n = 2
    while f"{key} | {n}" in taken:
        n += 1
    return f"{key} | {n}"


def item_key(name: str, extra: str | None = None) -> str:
    key = fold(name)[:200]
    if extra:
        key += " | " + fold(extra)[:90]
    return key
