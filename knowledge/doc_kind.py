"""What kind of document a text is, read from its title: a plan (KẾ HOẠCH, or a
QUYẾT ĐỊNH that issues one) or a regulation (QUY CHẾ, QUY ĐỊNH, or a QUYẾT ĐỊNH
that issues one), which is no plan however many 'chịu trách nhiệm' clauses it
holds.

An official text opens with its kind in capitals on a line of its own
('QUYẾT ĐỊNH', 'KẾ HOẠCH') and its subject below it ('BAN HÀNH QUY CHẾ PHỐI HỢP
…'); text exports split both over lines and wrap them in '**'."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from knowledge.model import Document
from knowledge.text import clean, fold

_KINDS = ("KẾ HOẠCH", "QUYẾT ĐỊNH", "QUY CHẾ", "QUY ĐỊNH", "NGHỊ QUYẾT", "CHƯƠNG TRÌNH")
_REGULATIONS = ("QUY CHẾ", "QUY ĐỊNH")
# The kind line: the word in capitals alone ('QUYẾT ĐỊNH'), or 'KẾ HOẠCH' with its subject
# ('KẾ HOẠCH Phát triển …'); 'QUY ĐỊNH CHUNG' is a chapter of a plan, not its kind
_KIND_LINE = re.compile(rf"^(?:({'|'.join(_KINDS)})|(KẾ HOẠCH)\s+(\S.*))$")
_MARKUP = re.compile(r"[*#_>|]+")
_SUBJECT_STOP = re.compile(r"(?i)^(?:Căn\s+cứ|Theo\s+đề\s+nghị|Điều\s+\d|ỦY\s+BAN|UỶ\s+BAN|HỘI\s+ĐỒNG)")
_SUBJECT_LINES = 6
_TITLE_ZONE = 80  # the title sits within the first lines, after the letterhead
_ISSUES_REGULATION = re.compile(r"\bban hanh\b(?: kem theo)?(?: quyet dinh nay)? (quy che|quy dinh)\b")
_QUOTE_WORDS = 10


@dataclass(frozen=True)
class DocKind:
    kind: str  # 'plan' | 'regulation' | 'other' | 'unknown' (no title line found)
    what: str = ""  # 'quy chế' or 'quy định' for a regulation
    title: str = ""  # 'QUYẾT ĐỊNH ban hành Quy chế tiếp nhận, xử lý, giải quyết …'


def document_kind(doc: Document) -> DocKind:
    lines = list(itertools.islice(_lines(doc), _TITLE_ZONE + _SUBJECT_LINES))
    # a plan printed after the decision that issues it: 'KẾ HOẠCH' on a line of its own
    plan_heading = any(_bare(part) == "KẾ HOẠCH" for part in _texts(doc) if "HOẠCH" in part)
    for i, line in enumerate(lines[:_TITLE_ZONE]):
        m = _KIND_LINE.match(line)
        if not m:
            continue
        kind = m.group(1) or m.group(2)
        subject = m.group(3) or _subject(lines, i + 1)
        if kind == "KẾ HOẠCH" or "ke hoach" in fold(subject) or plan_heading:
            return DocKind("plan", title=f"{kind} {subject}".strip())
        issued = _ISSUES_REGULATION.search(fold(subject))
        if kind in _REGULATIONS or issued:
            what = (
                kind.lower()
                if kind in _REGULATIONS
                else ("quy chế" if issued and "che" in issued[1] else "quy định")
            )
            return DocKind("regulation", what, _quote(kind, subject, doc))
        return DocKind("other", title=f"{kind} {subject}".strip())
    return DocKind("plan" if plan_heading else "unknown")


def _texts(doc: Document) -> Iterator[str]:
    """Every line as read; a frame table's cells (the letterhead set in a table) count as lines."""
    for b in doc.blocks:
        for text in [b.text] if b.kind == "line" else [c for row in b.rows[:3] for c in row]:
            yield from text.split("\n")


def _bare(text: str) -> str:
    return clean(_MARKUP.sub(" ", text)).strip(" :")


def _lines(doc: Document) -> Iterator[str]:
    """The non-empty lines, markup stripped."""
    return (line for line in map(_bare, _texts(doc)) if line)


def _subject(lines: list[str], start: int) -> str:
    parts: list[str] = []
    for line in lines[start : start + _SUBJECT_LINES]:
        if _SUBJECT_STOP.match(line) or (parts and _KIND_LINE.match(line)):
            break
        parts.append(line)
    return " ".join(parts)


def _quote(kind: str, subject: str, doc: Document) -> str:
    """'QUYẾT ĐỊNH ban hành Quy chế tiếp nhận, …': the regulation's name as the body
    spells it ('Ban hành kèm theo Quyết định này Quy chế tiếp nhận, …')."""
    words = subject.split()
    if kind in _REGULATIONS:
        lead = [kind]
    else:
        lead = [kind, "ban hành"]
        words = words[next((k for k, w in enumerate(words[:-1]) if _names_regulation(w, words[k + 1])), 0) :]
    name = _as_written(words[:_QUOTE_WORDS], doc)
    return " ".join([*lead, *name]) + ("…" if len(words) > _QUOTE_WORDS else "")


def _names_regulation(word: str, after: str) -> bool:
    return fold(word) == "quy" and fold(after) in ("che", "dinh")


def _as_written(words: list[str], doc: Document) -> list[str]:
    """The same words as the body spells them (found by their folded form), else
    in lower case: a title in capitals says nothing of where capitals belong."""
    want = fold(" ".join(words))
    body = " ".join(_lines(doc)).split()  # only for a regulation, once
    folded = [fold(w) for w in body]
    for k, first in enumerate(folded):
        if not want.startswith(first) or body[k].isupper() or not first:
            continue
        if " ".join(f for f in folded[k : k + len(words) + 3] if f).startswith(want):
            return body[k : k + len(words)]
    return " ".join(words).lower().split()
