"""Parties assigned to indicators by their list NUMBER.

A decision or plan may list its indicators ('1. Sản lượng …', '2. …') and then
say who leads and who advises on each by number: 'Đồng chí X, Phó Chủ tịch UBND
xã chỉ đạo các chỉ tiêu số 1, 2 và 5; giao Phòng Kinh tế chủ trì tham mưu.',
'Các chỉ tiêu từ 6 đến 9: Trạm Y tế chủ trì, Công an xã phối hợp'. A clause
whose verb has no number list of its own ('giao Phòng Kinh tế chủ trì tham
mưu.') covers the numbers of the clause before it in the same paragraph. Numbers
may be bracketed ('các chỉ tiêu (1), (2), (5)', '(1)-(4)'), follow a topic
('phụ trách các chỉ tiêu về kinh tế (chỉ tiêu 1, 2, 5)') and wrap onto the next
line. A party named at the head of an item ('Đồng chí X - Phó Chủ tịch: phụ
trách …') speaks for the item's clauses that name nobody else. Only fields still
empty are filled: a table row or a labelled field says more; a 'trong đó' part
takes what its indicator is given, and so does every indicator one numbered
item states ('8. Tỷ lệ hộ nghèo …; tỷ lệ hộ cận nghèo …')."""

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
_NUM = r"(?:\(\s*\d{1,2}\s*\)|\d{1,2}(?!\d|[.,]\d))"  # '5' or '(5)'
_ITEM = rf"(?:chỉ\s+tiêu\s+)?(?:số\s+)?{_NUM}(?:\s*(?:-|–|đến|tới)\s*(?:chỉ\s+tiêu\s+)?(?:số\s+)?{_NUM})?"
_LIST = rf"(?:từ\s+)?{_ITEM}(?:\s*(?:,\s*và|,|và)\s*(?:từ\s+)?{_ITEM})*"
# The list must not be a figure ('chỉ tiêu 95%'): nothing unit-like follows it.
_TARGETS = re.compile(
    rf"\s*(?:từ\s+)?(?:các\s+|những\s+)?chỉ\s+tiêu\s+(?:(?:số|thứ)\s+)?(?P<nums>{_LIST})(?!\s*(?:%|‰|[\wÀ-ỹ]*\s*/))",
    re.IGNORECASE,
)
# 'các chỉ tiêu về kinh tế và môi trường (chỉ tiêu 1, 2, 5)': a topic, then the numbers in brackets.
_TOPIC_TARGETS = re.compile(
    rf"\s*(?:các\s+|những\s+)?chỉ\s+tiêu\s+(?:về|thuộc|trong|của)\s+[^();]{{1,160}}?"
    rf"\(\s*(?:các\s+|những\s+)?(?:chỉ\s+tiêu\s+)?(?:(?:số|thứ)\s+)?(?P<nums>{_LIST})\s*\)",
    re.IGNORECASE,
)
# '(Các) chỉ tiêu số 1 - 4: …' / '… do Phòng X chủ trì': the numbers lead the clause.
_PASSIVE_HEAD = re.compile(
    rf"^\s*(?:[-+•*]\s*|\(?\d{{1,2}}[.)]\s*|[a-zđ]\)\s*)?(?:từ\s+)?(?:các\s+|những\s+)?chỉ\s+tiêu\s+(?:(?:số|thứ)\s+)?(?P<nums>{_LIST})\s*(?::|\s+do\s+|\s+giao\s+(?:cho\s+)?)",
    re.IGNORECASE,
)
# An item headed by its party: '1. Đồng chí X - Phó Chủ tịch UBND xã: phụ trách …'.
_HEAD_PARTY = re.compile(r"^(?P<head>[^:;]{2,200}?)\s*:\s*(?=\S)")
# Words that only say how a party acts, left after a head party's colon.
_ROLE_WORDS = re.compile(
    r"(?:lãnh\s+đạo|chỉ\s+đạo|phụ\s+trách|chủ\s+trì|tham\s+mưu|theo\s+dõi|đôn\s+đốc|phối\s+hợp|"
    r"chung|trực\s+tiếp|đồng\s+thời|và|[,\s])*",
    re.IGNORECASE,
)
# A list going on past the end of its line ('… các chỉ tiêu (6),' / '(7), (8) …').
_OPEN_LIST_END = re.compile(r"(?:,|\bvà|\bchỉ\s+tiêu|\bsố|\btừ|\bđến|[-–])\s*$", re.IGNORECASE)
_LIST_GOES_ON = re.compile(
    r"^\s*\(?\s*\d{1,2}\s*\)?\s*(?:[,;]|và\b|đến\b|tới\b|[-–]\s*\(?\d|\.?\s*$)", re.IGNORECASE
)
# Page furniture a PDF's text leaves between lines ('Trang 2/5', '- 3 -').
_PAGE_MARK = re.compile(r"\s*\btrang\s+\d{1,3}\s*/\s*\d{1,3}\b", re.IGNORECASE)
_PAGE_LINE = re.compile(
    r"^\s*(?:trang\s+\d{1,3}(?:\s*/\s*\d{1,3})?|-\s*\d{1,3}\s*-|\d{1,3})\s*$", re.IGNORECASE
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
    for text in _joined_paragraphs(doc):
        if not re.search(r"chỉ\s+tiêu", text, re.IGNORECASE):
            continue
        head = _head_party(text)
        current: list[int] = []  # the numbers of the clause before, for a verb without a list
        for clause in _clauses(text):
            found, current = _clause_assignments(clause, current, head)
            out.extend(found)
    return out


def _joined_paragraphs(doc: Document) -> list[str]:
    """The paragraphs' texts without page furniture, a number list wrapped onto the next
    line ('… các chỉ tiêu (6),' + '(7), (8), (10).') joined back to its paragraph."""
    out: list[str] = []
    for para in paragraphs(doc):
        if _PAGE_LINE.match(para.text):
            continue
        text = _PAGE_MARK.sub("", para.text).strip()
        if out and _OPEN_LIST_END.search(out[-1]) and _LIST_GOES_ON.match(text):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
    return out


def _head_party(text: str) -> str | None:
    """'1. Đồng chí X - Phó Chủ tịch UBND xã: phụ trách …' -> the party before the colon."""
    m = _HEAD_PARTY.match(text)
    if not m or re.search(r"chỉ\s+tiêu", m.group("head"), re.IGNORECASE) or _ROLE.search(m.group("head")):
        return None
    return _party(m.group("head"))


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
    children: dict[str, list[Indicator]] = {}
    for ind in indicators:
        if ind.parent_key is not None:
            children.setdefault(ind.parent_key, []).append(ind)
    # only what nothing else stated is filled; several parties for one field are joined
    empty = {(id(ind), f) for ind in indicators for f in _FIELDS if not getattr(ind, f)}
    for a in stated:
        for n in a.numbers:
            targets = by_no.get(n, [])
            if not targets or (len(targets) > 1 and not _one_item(targets)):
                continue  # two lists numbered alike: the number does not tell which
            # one item may state several indicators ('8. Tỷ lệ hộ nghèo …; tỷ lệ hộ cận nghèo …')
            parts = [ind for t in targets for ind in (t, *children.get(t.key, []))]  # 'trong đó' parts too
            for ind in parts:
                if (id(ind), a.field) not in empty:
                    continue
                old = getattr(ind, a.field)
                if not old:
                    setattr(ind, a.field, a.party)
                elif a.party not in old.split("; "):
                    setattr(ind, a.field, f"{old}; {a.party}")


def _one_item(indicators: list[Indicator]) -> bool:
    """Indicators numbered alike that one item states (same line), not two lists."""
    refs = {ind.source_ref for ind in indicators}
    return len(refs) == 1 and bool(next(iter(refs)))


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


def _clause_assignments(
    clause: str, current: list[int], head_party: str | None = None
) -> tuple[list[NumberAssignment], list[int]]:
    out: list[NumberAssignment] = []
    pos = 0
    lead = _PASSIVE_HEAD.match(clause)
    if lead:
        current, pos = parse_numbers(lead.group("nums")), lead.end()
    for m in _ROLE.finditer(clause, pos):
        if m.start() < pos:
            continue
        filler = _FILLER.match(clause, m.end())
        assert filler is not None  # the pattern matches the empty string
        after = filler.end()
        listed = _TARGETS.match(clause, after) or _TOPIC_TARGETS.match(clause, after)
        if listed:
            numbers = parse_numbers(listed.group("nums"))
            end = listed.end()
        elif current and _ends_clause(clause[after:]):
            numbers, end = current, after
        else:
            continue  # the verb speaks of something else: the party may still come later
        party = _party_before(clause[pos : m.start()], head_party)
        if party and numbers:
            out.append(NumberAssignment(_field(m.group("verb"), party), party, numbers))
            current = numbers
        pos = end
    return out, current


def _ends_clause(rest: str) -> bool:
    """Nothing after the verb but punctuation, or a comma before the next party (a capital):
    it covers the numbers before."""
    return not re.search(r"[\wÀ-ỹ]", rest) or bool(re.match(r"\s*,\s*[A-ZĐÀ-Ỹ]", rest))


def _party_before(text: str, head: str | None) -> str | None:
    """The party named before a verb. Before a colon when only role words follow it
    ('Đồng chí X: lãnh đạo, phụ trách'); the item's head party when nothing names one."""
    before, colon, after = text.partition(":")
    if colon and _ROLE_WORDS.fullmatch(after):
        text = before
    elif colon:
        text = after
    if head and not _PARTY_TAIL.sub("", _PARTY_LEAD.sub("", " ".join(text.split()))).strip(" ,:-–"):
        return head
    return _party(text)


def _party(text: str) -> str | None:
    t = " ".join(text.split())
    for _ in range(3):
        new = _PARTY_TAIL.sub("", _PARTY_LEAD.sub("", t)).strip(" ,:-–")
        if new == t:
            break
        t = new
    # a long unit name's hyphens and its bracketed abbreviation do not make it a sentence
    core = [w for w in re.sub(r"\s*\([^()]{1,30}\)\s*$", "", t).split() if re.search(r"[\wÀ-ỹ]", w)]
    if not (2 <= len(t) <= 140) or len(" ".join(core)) > 90 or not t[:1].isupper() or len(core) > 16:
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
    """'1, 2, 3 và 10' -> [1, 2, 3, 10]; 'từ 1 đến 4' / '1-4' / '(1)-(4)' -> [1, 2, 3, 4];
    'số 4 và số 11' -> [4, 11]; '5 đến chỉ tiêu 8' -> [5, 6, 7, 8]."""
    out: list[int] = []
    pattern = r"(\d{1,2})\s*\)?(?:\s*(?:-|–|đến|tới)\s*(?:chỉ\s+tiêu\s+)?(?:số\s+)?\(?\s*(\d{1,2}))?"
    for m in re.finditer(pattern, text, re.IGNORECASE):
        lo = int(m.group(1))
        hi = int(m.group(2)) if m.group(2) else lo
        if hi < lo or hi - lo > 40:
            hi = lo
        out.extend(n for n in range(lo, hi + 1) if n not in out)
    return out
