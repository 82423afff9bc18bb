"""Dated commitments written in prose: 'Chỉ đạo gieo cấy vụ Xuân đúng khung
thời vụ, hoàn thành trước ngày 10/02/2025', 'GPMB tuyến đường liên thôn … trong
Quý II/2026'.

No table row or record assigns them, so they are not tasks of the plan (nor of
its export); but a resident asks 'khi nào xong' about them all the same, so
they are kept and searched after the structured items. A sentence counts when
a completion or time word carries a concrete date — a day, a month, a quarter or
a half-year with its year, or a year right after 'hoàn thành'. Reporting
sentences belong to the reporting rules and are left out."""

from __future__ import annotations

import re

from knowledge.deadlines import parse_deadline
from knowledge.extract.lines import paragraphs
from knowledge.model import Document, Milestone, Task
from knowledge.text import clean, fold

_WHEN = (
    r"(?:ngày\s+)?\d{1,2}[/.-]\d{1,2}[/.-]\d{4}"
    r"|tháng\s+\d{1,2}(?:\s*/\s*|\s+năm\s+)\d{4}"
    r"|quý\s+(?:[IV]{1,3}|[1-4])(?:\s*/\s*|\s+năm\s+)\d{4}"
    r"|6\s+tháng\s+(?:đầu|cuối)\s+năm\s+\d{4}"
)
_DONE = r"(?:hoàn\s+thành|xong|hoàn\s+thiện|đưa\s+vào\s+sử\s+dụng|khởi\s+công|bàn\s+giao|dứt\s+điểm)"
_DATED = re.compile(
    rf"(?:{_DONE}(?:\s+(?:trước|trong|vào|chậm\s+nhất))?"
    r"|trước|trong|vào|chậm\s+nhất(?:\s+(?:là|vào|trước))?)"
    rf"\s+(?P<when>{_WHEN})"
    # a bare year only right after the word for finishing: 'chỉ tiêu năm 2025' names a year, no deadline
    rf"|{_DONE}\s+(?:trong\s+|trước\s+)?(?P<year>năm\s+\d{{4}})",
    re.IGNORECASE,
)
_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=\S)")
_CLAUSES = re.compile(r"(?<=;)\s+(?=\S)")
_LEAD = re.compile(r"^(?:[-+*–—•]\s*|\(?\d{1,3}(?:\.\d{1,3}){0,3}[.)]\s*|[a-zđ][.)]\s+)")
_NOT_A_COMMITMENT = re.compile(
    r"^(?:căn\s+cứ|theo|thực\s+hiện\s+(?:nghị|quyết|chỉ|kế|công))\b", re.IGNORECASE
)
_MAX_WORDS = 60
_MIN_WORDS = 3  # words naming what is to be done (besides the time word before the date)
_WORD = re.compile(r"[^\W\d_]{2,}")


def extract(doc: Document) -> list[Milestone]:
    out: list[Milestone] = []
    for para in paragraphs(doc):
        if para.heading:
            continue
        for sentence in _SENTENCES.split(para.text):
            for unit in _units(sentence):
                found = _milestone(unit, para.line_no)
                if found is not None:
                    out.append(found)
    return out


def _units(sentence: str) -> list[str]:
    """A sentence is kept whole, so the parties written after its date ('…; đồng chí
    X chỉ đạo, Phòng Y phối hợp') stay with it — unless it is long or dates several
    clauses, then each clause stands alone."""
    clauses = _CLAUSES.split(sentence)
    dated = sum(1 for c in clauses if _DATED.search(c))
    if len(sentence.split()) > _MAX_WORDS or dated > 1:
        return clauses
    return [sentence]


def _milestone(sentence: str, line_no: int) -> Milestone | None:
    text = _LEAD.sub("", clean(sentence)).strip(" ;")
    if not text or len(text.split()) > _MAX_WORDS or _NOT_A_COMMITMENT.match(text):
        return None
    m = _DATED.search(text)
    if m is None:
        return None
    start = text.rfind(";", 0, m.start()) + 1  # the clause that holds the date
    end = text.find(";", m.end())
    if "bao cao" in fold(text[start : end if end >= 0 else None]):
        return None  # reporting rules say when to report; they are read elsewhere
    before = text[start : m.start("when") if m.group("when") else m.start("year")]
    if text[start : m.start()].rstrip().endswith(":") or len(_WORD.findall(before)) < _MIN_WORDS + 1:
        return None  # a field of a record ('Thời hạn: Quý II/2026') or no subject to name
    when = m.group("when") or m.group("year")
    parsed = parse_deadline(when)
    if not parsed.deadlines:
        return None
    return Milestone(
        text=text.rstrip(".;"),
        deadline_text=clean(m.group(0)),
        due=max(d.due for d in parsed.deadlines),
        source_ref=f"line {line_no}",
    )


def without_tasks(milestones: list[Milestone], tasks: list[Task]) -> list[Milestone]:
    """Drop the sentences a task already holds (a task record read from prose)."""
    names = [fold(t.name) for t in tasks if t.name]
    out = []
    for ms in milestones:
        key = fold(ms.text)
        if not any(n and (n in key or key in n) for n in names):
            out.append(ms)
    return out
