"""Parties assigned to indicators by their list NUMBER.

A decision or plan may list its indicators ('1. Sản lượng …', '2. …') and then
say who leads and who advises on each by number: 'Đồng chí X, Phó Chủ tịch UBND
xã chỉ đạo các chỉ tiêu số 1, 2 và 5; giao Phòng Kinh tế chủ trì tham mưu.',
'Các chỉ tiêu từ 6 đến 9: Trạm Y tế chủ trì, Công an xã phối hợp'. A clause
whose verb has no number list of its own ('giao Phòng Kinh tế chủ trì tham
mưu.') covers the numbers of the clause before it in the same paragraph. Only
fields still empty are filled: a table row or a labelled field says more."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.extract.lines import paragraphs
from knowledge.model import Document, Indicator

_ROLE = re.compile(
    r"(?<![\wÀ-ỹ])(?P<verb>chỉ\s+đạo|phụ\s+trách|chủ\s+trì|tham\s+mưu|theo\s+dõi|phối\s+hợp|"
    r"chịu\s+trách\s+nhiệm)(?![\wÀ-ỹ])",
    re.IGNORECASE,
)
# Words between the verb and the list ('chủ trì tham mưu thực hiện các chỉ tiêu số …').
_FILLER = re.compile(
    r"(?:\s*,?\s*(?:thực\s+hiện|tham\s+mưu|theo\s+dõi|triển\s+khai|đôn\s+đốc|tổ\s+chức|đối\s+với|về|việc|"
    r"chính|chung|trực\s+tiếp))*",
    re.IGNORECASE,
)
_NUM = r"\d{1,2}(?!\d|[.,]\d)"
_ITEM = rf"(?:chỉ\s+tiêu\s+)?(?:số\s+)?{_NUM}(?:\s*(?:-|–|đến|tới)\s*(?:số\s+)?{_NUM})?"
_LIST = rf"(?:từ\s+)?{_ITEM}(?:\s*(?:,\s*và|,|và)\s*(?:từ\s+)?{_ITEM})*"
# The list must not be a figure ('chỉ tiêu 95%'): nothing unit-like follows it.
_TARGETS = re.compile(
    rf"\s*(?:các\s+|những\s+)?chỉ\s+tiêu\s+(?:(?:số|thứ)\s+)?(?P<nums>{_LIST})(?!\s*(?:%|‰|[\wÀ-ỹ]*\s*/))",
    re.IGNORECASE,
)
# '(Các) chỉ tiêu số 1 - 4: …' / '… do Phòng X chủ trì': the numbers lead the clause.
_PASSIVE_HEAD = re.compile(
    rf"^\s*(?:[-+•*]\s*|\(?\d{{1,2}}[.)]\s*|[a-zđ]\)\s*)?(?:các\s+|những\s+)?chỉ\s+tiêu\s+(?:(?:số|thứ)\s+)?(?P<nums>{_LIST})\s*(?::|\s+do\s+|\s+giao\s+(?:cho\s+)?)",
    re.IGNORECASE,
)
_PARTY_LEAD = re.compile(
    r"^(?:[-+•*]\s*|\(?\d{1,2}[.)]\s*|[a-zđ]\)\s*|(?:điều\s+\d+\.\s*))?"
    r"(?:(?:giao(?:\s+cho)?|đồng\s+thời|và|còn|do|,)\s+)*",
    re.IGNORECASE,
)
_PARTY_TAIL = re.compile(r"\s*(?:,|\btrực\s+tiếp|\bđược\s+giao|\blà|\bsẽ|\bcùng)\s*$", re.IGNORECASE)
# A person leads ('Đồng chí …', 'Đ/c …', 'Chủ tịch UBND xã'); a unit advises.
_PERSON = re.compile(r"^(?:đồng\s+chí|đ/c|ông|bà|(?:phó\s+)?chủ\s+tịch|bí\s+thư)\b", re.IGNORECASE)


_FIELDS = ("leader", "responsible", "coordinating")


@dataclass
class NumberAssignment:
    field: str  # 'leader' | 'responsible' | 'coordinating'
    party: str
    numbers: list[int]


def extract(doc: Document) -> list[NumberAssignment]:
    """Every assignment by indicator number the document's paragraphs state."""
    out: list[NumberAssignment] = []
    for para in paragraphs(doc):
        if not re.search(r"chỉ\s+tiêu", para.text, re.IGNORECASE):
            continue
        current: list[int] = []  # the numbers of the clause before, for a verb without a list
        for clause in _clauses(para.text):
            found, current = _clause_assignments(clause, current)
            out.extend(found)
    return out


def apply(doc: Document, indicators: list[Indicator]) -> None:
    """Fill leader / responsible / coordinating of the indicators the document assigns by number."""
    stated = extract(doc)
    if not stated:
        return
    by_no: dict[int, list[Indicator]] = {}
    for ind in indicators:
        no = _number_of(ind)
        if no is not None and ind.parent_key is None:
            by_no.setdefault(no, []).append(ind)
    # only what nothing else stated is filled; several parties for one field are joined
    empty = {(id(ind), f) for ind in indicators for f in _FIELDS if not getattr(ind, f)}
    for a in stated:
        for n in a.numbers:
            targets = by_no.get(n, [])
            if len(targets) != 1:
                continue  # two lists numbered alike: the number does not tell which
            ind = targets[0]
            if (id(ind), a.field) not in empty:
                continue
            old = getattr(ind, a.field)
            if not old:
                setattr(ind, a.field, a.party)
            elif a.party not in old.split("; "):
                setattr(ind, a.field, f"{old}; {a.party}")


def _number_of(ind: Indicator) -> int | None:
    """'5', '(5)', '5.' -> 5; '1.2', 'a' and empty -> None."""
    m = re.fullmatch(r"\(?\s*(\d{1,2})\s*[).]?", (ind.no or "").strip())
    return int(m.group(1)) if m else None


def _clauses(text: str) -> list[str]:
    """';'-clauses and sentences ('. ' before a capital)."""
    out: list[str] = []
    for part in re.split(r"\s*;\s*", text):
        out.extend(re.split(r"(?<=[^\d\s])\.\s+(?=[A-ZĐÀ-Ỹ])", part))
    return [c.strip(" .") for c in out if c.strip(" .")]


def _clause_assignments(clause: str, current: list[int]) -> tuple[list[NumberAssignment], list[int]]:
    out: list[NumberAssignment] = []
    pos = 0
    head = _PASSIVE_HEAD.match(clause)
    if head:
        current, pos = parse_numbers(head.group("nums")), head.end()
    for m in _ROLE.finditer(clause, pos):
        if m.start() < pos:
            continue
        after = _FILLER.match(clause, m.end()).end()
        listed = _TARGETS.match(clause, after)
        if listed:
            numbers = parse_numbers(listed.group("nums"))
            end = listed.end()
        elif current and _ends_clause(clause[after:]):
            numbers, end = current, after
        else:
            continue  # the verb speaks of something else: the party may still come later
        party = _party(clause[pos : m.start()])
        if party and numbers:
            out.append(NumberAssignment(_field(m.group("verb"), party), party, numbers))
            current = numbers
        pos = end
    return out, current


def _ends_clause(rest: str) -> bool:
    """Nothing after the verb but punctuation, or a comma before the next party (a capital):
    it covers the numbers before."""
    return not re.search(r"[\wÀ-ỹ]", rest) or bool(re.match(r"\s*,\s*[A-ZĐÀ-Ỹ]", rest))


def _party(text: str) -> str | None:
    t = " ".join(text.split())
    for _ in range(3):
        new = _PARTY_TAIL.sub("", _PARTY_LEAD.sub("", t)).strip(" ,:-–")
        if new == t:
            break
        t = new
    if not (2 <= len(t) <= 90) or not t[:1].isupper() or len(t.split()) > 14:
        return None
    return t


def _field(verb: str, party: str) -> str:
    v = " ".join(verb.lower().split())
    if v == "chỉ đạo" or (v == "phụ trách" and _PERSON.match(party)):
        return "leader"
    if v == "phối hợp":
        return "coordinating"
    return "responsible"


def parse_numbers(text: str) -> list[int]:
    """'1, 2, 3 và 10' -> [1, 2, 3, 10]; 'từ 1 đến 4' / '1-4' -> [1, 2, 3, 4]; 'số 4 và số 11' -> [4, 11]."""
    out: list[int] = []
    for m in re.finditer(r"(\d{1,2})(?:\s*(?:-|–|đến|tới)\s*(?:số\s+)?(\d{1,2}))?", text):
        lo = int(m.group(1))
        hi = int(m.group(2)) if m.group(2) else lo
        if hi < lo or hi - lo > 40:
            hi = lo
        out.extend(n for n in range(lo, hi + 1) if n not in out)
    return out
