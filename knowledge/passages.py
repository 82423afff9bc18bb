"""Passages: every sentence and table row of a document, with where it stands.

Extraction turns a plan into indicators and tasks, but residents also ask about facts
that sit only in prose ('thiệt hại ước 4.500 tỷ đồng', 'đợt 1 kéo dài 10 ngày làm việc')
or in a table row no indicator took up. Each passage keeps the heading path of the
section it stands in (from the document's outline: 'II. › 3. Về y tế') and, for a table
row, the table's position ('Biểu 02 · dòng 5'), so a quote can say where it comes from.

Pure functions: the storage layer writes what `passages_of` returns."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.extract import outline
from knowledge.extract.lines import paragraphs
from knowledge.extract.prose_sections import marker_rank
from knowledge.model import Document
from knowledge.quote_text import shorten
from knowledge.text import clean, fold, unify_tones

MAX_PASSAGE = 420  # a longer sentence is cut at its clauses (a quote must fit a phone screen)
MIN_PASSAGE = 25  # a shorter sentence joins its neighbour ('Cụ thể:')
_HEADING_PART = 70  # characters of one heading shown in a path
_MAX_CELL = 160


@dataclass(frozen=True)
class Passage:
    seq: int  # order in the document
    text: str  # as written (cleaned)
    heading: str  # the heading path to show: 'II. › 3. Về y tế'
    context: str  # the full heading texts, for matching
    where: str = ""  # a table row's position: 'Biểu 02 · dòng 5'
    line_no: int = 0


# A sentence ends at '.', '!', '?' or ';' before a capital, a marker or a bullet; not in
# 'TP. Hồ Chí Minh', 'Nghị định số 30/2020/NĐ-CP.' mid-citation, or '1.500'.
_SENTENCE_END = re.compile(
    r"(?<!\bTP)(?<!\bTT)(?<!\bSố)(?<!\bsố)(?<=[.!?;…])[\"”)]?\s+(?=[-+•*–]\s|\(?\d{1,2}[.)]\s|[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ\"“(])"
)
_CLAUSE = re.compile(r"(?<=[;:,])\s+")
_BIEU = re.compile(r"^\W*((?:mẫu\s+)?(?:biểu|phụ\s+lục|bảng)\s+(?:số\s+)?[0-9IVXA-Z]{1,6}[a-z]?)\b", re.I)


def split_sentences(text: str) -> list[str]:
    """The sentences of one paragraph; short ones join the one before, long ones are cut
    at clause boundaries so that none is longer than MAX_PASSAGE."""
    parts = [s.strip() for s in _SENTENCE_END.split(clean(text)) if s and s.strip()]
    merged: list[str] = []
    for s in parts:
        if merged and (len(s) < MIN_PASSAGE or len(merged[-1]) < MIN_PASSAGE):
            merged[-1] = f"{merged[-1]} {s}"
        else:
            merged.append(s)
    out: list[str] = []
    for s in merged:
        out.extend(_cut(s) if len(s) > MAX_PASSAGE else [s])
    return out


def _cut(sentence: str) -> list[str]:
    """A long sentence as pieces of at most MAX_PASSAGE characters, cut after ';', ':' or ','."""
    out: list[str] = []
    current = ""
    for clause in _CLAUSE.split(sentence):
        if current and len(current) + 1 + len(clause) > MAX_PASSAGE:
            out.append(current)
            current = clause
        else:
            current = f"{current} {clause}".strip()
        while len(current) > MAX_PASSAGE:  # one clause alone too long: cut at a space
            at = current.rfind(" ", 0, MAX_PASSAGE)
            at = at if at > MAX_PASSAGE // 2 else MAX_PASSAGE
            out.append(current[:at])
            current = current[at:].strip()
    if current:
        out.append(current)
    return out


_PATH_MARKER = re.compile(r"^\s*((?:[IVXLC]{1,6}|[A-ZĐ]|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])\s*[.)])\s")
_MAX_HEADING = 120  # longer: a lead-in sentence the outline took for a heading, not a title


def _titles_its_section(section: outline.Section) -> bool:
    """A heading, not a lead-in sentence the outline took for one: short, or naming a unit,
    or a long title that ends no sentence ('3. Hội nghị phổ biến, …, vận động người dân,
    hướng dẫn biện pháp xử lý về môi trường và các quy định của pháp luật khác có liên quan')."""
    heading = clean(section.heading).strip("* ")
    if len(heading) <= _MAX_HEADING or section.unit:
        return True
    # a lead-in states something: it ends a sentence, gives a value after a colon, a figure
    return not heading.endswith((".", ":", ";")) and outline.names_only(heading)


def heading_path(section: outline.Section | None) -> tuple[str, str]:
    """(shown, full): 'II. › 3. Về y tế' — the outer headings by their marker alone unless
    they name a unit, the nearest one whole; the document's title and address lines above
    its first numbered heading are left out, and so are lead-in sentences."""
    if section is None:
        return "", ""
    path = [s for s in section.path() if _titles_its_section(s)]
    numbered = [i for i, s in enumerate(path) if _PATH_MARKER.match(clean(s.heading).strip("* "))]
    path = path[numbered[0] :] if numbered else path[-1:]
    shown: list[str] = []
    for i, s in enumerate(path):
        text = clean(s.heading).strip("* ")
        marker = _PATH_MARKER.match(text)
        if i < len(path) - 1 and marker and not s.unit:
            shown.append(marker.group(1))
        else:
            shown.append(shorten(text, _HEADING_PART))
    full = " ".join(clean(s.heading) for s in path)
    return " › ".join(shown), full


def passages_of(doc: Document) -> list[Passage]:
    """Every sentence of the document's prose and every row of its tables, in order."""
    tree = outline.build(doc)
    section_at: dict[int, outline.Section] = {}
    for item in tree.items:
        section_at[item.line_no] = item.section
    for s in _all_sections(tree):
        if s.parent is not None and s.parent.rank > -9:
            section_at.setdefault(s.line_no, s.parent)  # a heading's own line stands under its parent
    heading_lines = {s.line_no for s in _all_sections(tree) if s.rank > -9}
    prose = [(p.line_no, p.text) for p in paragraphs(doc)]
    out: list[Passage] = []
    last_section: outline.Section | None = None
    table_no = 0
    lines_before: list[str] = []
    pi = 0
    lead: tuple[str, float] | None = None  # '*2.4. Bộ Chỉ huy Quân sự tỉnh*' over its items a), b)
    for block in doc.blocks:
        if block.kind == "table":
            table_no += 1
            label = _table_label(lines_before, table_no)
            lines_before = []
            shown, full = heading_path(last_section)
            out.extend(_row_passages(block.rows, label, shown, full, block.line_no, len(out)))
            continue
        if block.text.strip():
            lines_before.append(block.text)
        # the paragraphs that begin on this line
        while pi < len(prose) and prose[pi][0] <= block.line_no:
            line_no, text = prose[pi]
            pi += 1
            section = section_at.get(line_no)
            if section is not None and section is not last_section:
                last_section, lead = section, None
                text = _with_heading_finished(section, text)
            lead = _unit_lead(text, lead)
            shown, full = heading_path(section)
            if lead is not None and fold(lead[0]) not in fold(full):
                shown, full = " › ".join(x for x in (shown, lead[0]) if x), f"{full} {lead[0]}"
            if line_no in heading_lines and len(text) < _HEADING_ONLY:
                continue  # a heading is in the path of the sentences under it, no answer itself
            sentences = split_sentences(text)
            for k, sentence in enumerate(sentences):
                if len(fold(sentence)) >= 3:
                    # a later sentence of a paragraph often leaves its subject to the first
                    # ('Ước thực hiện cả năm là 11.580 tỷ đồng' after 'Thu NSNN năm 2025 …')
                    said = (
                        " ".join(
                            _words(x, _CONTEXT_WORDS) for x in dict.fromkeys((sentences[0], sentences[k - 1]))
                        )
                        if k
                        else ""
                    )
                    out.append(Passage(len(out), sentence, shown, f"{full} {said}".strip(), "", line_no))
    return out


_HEADING_ONLY = 80


def _with_heading_finished(section: outline.Section, text: str) -> str:
    """The first paragraph under a heading an export broke ('1. Giao Sở' / 'Nông nghiệp và Môi
    trường là cơ quan đầu mối, …'): the outline finished the heading with the paragraph's first
    words; the sentence is read whole, 'Giao Sở Nông nghiệp và Môi trường là cơ quan đầu mối'."""
    heading = outline.strip_marker(section.heading).strip(" *:")
    words = text.split()
    for k in range(min(9, len(words) - 1), 0, -1):
        run = " ".join(words[:k]).strip(" ,*:")
        if run and heading.endswith(f" {run}"):
            return f"{heading} {' '.join(words[k:])}".replace("**", "")
    return text


_CONTEXT_WORDS = 24


def _words(text: str, n: int) -> str:
    return " ".join(text.split()[:n])


def _all_sections(tree: outline.Outline) -> list[outline.Section]:
    seen: dict[int, outline.Section] = {id(tree.root): tree.root}
    for item in tree.items:
        s: outline.Section | None = item.section
        while s is not None and id(s) not in seen:
            seen[id(s)] = s
            s = s.parent
    return list(seen.values())


def _unit_lead(text: str, lead: tuple[str, float] | None) -> tuple[str, float] | None:
    """The unit a short numbered line names ('*2.4. Bộ Chỉ huy Quân sự tỉnh*', 'b) Sở Y tế:')
    stands over the deeper items after it, until a line of its rank or higher."""
    bare = text.strip().strip("*_ ")
    rank = marker_rank(bare)
    if lead is not None and rank is not None and rank <= lead[1]:
        lead = None
    if rank is not None and len(bare) <= 90:
        head = re.split(r"\*|:", bare, maxsplit=1)[0].strip()
        short = len(head.split()) <= 12 and not head.endswith((".", ";"))
        unit = (
            outline.unit_name(head) if short and (len(head) >= len(bare) - 2 or bare.endswith(":")) else None
        )
        if unit:
            return shorten(unit, _HEADING_PART), rank
    return lead


def _table_label(lines: list[str], n: int) -> str:
    """'Biểu 02' when a line just before the table names it, else 'bảng 2'."""
    for text in reversed([clean(t) for t in lines if clean(t)][-4:]):
        m = _BIEU.match(text.strip("*# "))
        if m:
            return m.group(1)[:1].upper() + m.group(1)[1:]
    return f"bảng {n}"


def _row_passages(
    rows: list[list[str]], label: str, shown: str, full: str, line_no: int, start: int
) -> list[Passage]:
    """One passage per table row: 'name: header value; header value'. The first row
    that reads as a header labels the others."""
    cleaned = [[_cell(c) for c in r] for r in rows]
    header: list[str] = []
    out: list[Passage] = []
    for i, cells in enumerate(cleaned, 1):
        if not any(cells):
            continue
        if not header and _looks_header(cells):
            header = cells
            continue
        text = _row_text(cells, header)
        if len(fold(text)) >= 3:
            out.append(Passage(start + len(out), text, shown, full, f"{label} · dòng {i}", line_no))
    return out


def _cell(text: str) -> str:
    t = clean(re.sub(r"</?[a-zA-Z][^>]{0,200}>", " ", text or "")).strip("* ")
    return t[:_MAX_CELL]


def _looks_header(cells: list[str]) -> bool:
    filled = [c for c in cells if c]
    if len(filled) < 2:
        return False
    numeric = sum(1 for c in filled if re.fullmatch(r"[\d.,%\s()-]+", c))
    return numeric == 0 and all(len(c) <= 80 for c in filled)


def _row_text(cells: list[str], header: list[str]) -> str:
    parts: list[str] = []
    for j, c in enumerate(cells):
        if not c or c in ("-", "x", "X") or (parts and c == parts[-1]):
            continue
        h = header[j] if j < len(header) else ""
        if re.fullmatch(r"(?:[IVX]{1,5}|\d{1,3}(?:\.\d{1,2})*|[a-z])\.?", c) and j == 0:
            continue  # the row number
        if h and fold(h) != fold(c) and parts and fold(h) not in ("tt", "stt", "noi dung", "ten"):
            parts.append(f"{h}: {c}")
        else:
            parts.append(c)
    return "; ".join(parts)


# ---------------------------------------------------------------- item or passage

ITEM, HEDGE, QUOTE, NOTHING, BOTH = "item", "hedge", "quote", "nothing", "both"
PASSAGE_MIN_COVERAGE = 0.55  # below: the passage shares too little with the question to quote
PASSAGE_MIN_SCORE = 40.0  # nor one scoring under this (0..100, as items score)
SURE_COVERAGE = 0.9  # an item matching this much of the question, and
SURE_SCORE = 55.0  # scoring this, is asserted; below, it is asked about
PASSAGE_LEAD = 0.1  # a passage matching this much more of the question than the item leads
CLOSE_SCORE = 2.0  # a passage this close to the item's score is shown beside it


NAMES_ITEM = 0.8  # share of an item's words a passage must hold to be about the item


def names_item(item: str, passage: str) -> bool:
    """Whether a passage (folded) holds most of an item's name (folded): it is about the item."""
    words = set(item.split())
    return bool(words) and len(words & set(passage.split())) >= NAMES_ITEM * len(words)


def is_quotable(passage: tuple[float, float] | None) -> bool:
    """Whether a passage's (score, coverage) shares enough with the question to be quoted."""
    return passage is not None and passage[1] >= PASSAGE_MIN_COVERAGE and passage[0] >= PASSAGE_MIN_SCORE


PASSAGE_SCORE_LEAD = 5.0  # a passage scoring this much above every item is quoted
LEADING_MIN_COVERAGE = 0.5  # if it holds at least this much of the question


def _leads_clearly(passage: tuple[float, float] | None, item: tuple[float, float] | None) -> bool:
    """A passage that outscores the best item by far, matching at least as much of the
    question, is what the question is about even when it holds only half of its words
    (residents add their own: 'kéo dài mấy ngày' for '10 ngày làm việc')."""
    if passage is None or passage[0] < PASSAGE_MIN_SCORE or passage[1] < LEADING_MIN_COVERAGE:
        return False
    if item is None:
        return True
    # an item holding most of the question answers it, however well a sentence scores
    return item[1] < SURE_COVERAGE and passage[0] >= item[0] + PASSAGE_SCORE_LEAD and passage[1] >= item[1]


def choose(
    item: tuple[float, float] | None,
    passage: tuple[float, float] | None,
    item_holds_fact: bool = True,
    rival: tuple[float, float] | None = None,
) -> str:
    """What to reply with, from the best item's and the best passage's (score, coverage):
    QUOTE the passage when no item matched or it matches clearly more of the question
    (the item is then offered as 'Có phải bạn hỏi'); BOTH when it scores about as well as
    the item (the item answers, the passage follows); the ITEM when it matches the
    question well and no passage comes close; HEDGE (the item asked about) when it
    matches only in part; NOTHING when neither matches. An item that does not hold the
    kind of fact asked (no date for 'khi nào') is followed by a quotable passage. `rival`:
    the best item's (score, coverage) when it matched too little to answer."""
    quotable = is_quotable(passage)
    if _leads_clearly(passage, item or rival):
        return QUOTE
    if item is None:
        return QUOTE if quotable else NOTHING
    score, coverage = item
    if quotable and not item_holds_fact:
        # the item says the plan gives no such fact; the passage may: both, item first
        return BOTH
    if quotable and passage is not None:
        if passage[1] >= coverage + PASSAGE_LEAD and passage[0] >= score:
            return QUOTE
        if passage[0] >= score - CLOSE_SCORE:
            return BOTH
    if score >= SURE_SCORE and coverage >= SURE_COVERAGE:
        return ITEM
    return HEDGE


# How answer_text says that an item lacks what was asked ('kế hoạch tỉnh X không ghi thời hạn
# riêng', '… không ghi người phụ trách', '… không ghi con số cụ thể').
_UNSTATED = re.compile(
    r"[Kk]ế hoạch(?: [^.\n«»]{0,80})? không ghi (?:thời hạn|người phụ trách|lãnh đạo|con số)"
)


def holds_fact(answer: str) -> bool:
    """Whether an item answer states what was asked (rather than that the plan does not)."""
    return _UNSTATED.search(answer) is None


# Words of a question about the document itself ('quyết định … số mấy, ai ký, ban hành ngày nào').
_DOCUMENT_WORDS = frozenset(
    [
        "ke",
        "hoach",
        "quyet",
        "dinh",
        "van",
        "ban",
        "chuong",
        "trinh",
        "so",
        "hieu",
        "ky",
        "ban",
        "hanh",
        "ngay",
        "nao",
        "gi",
        "ve",
        "viec",
        "noi",
        "dung",
        "la",
        "cua",
        "ubnd",
        "uy",
        "ban",
        "nhan",
        "dan",
    ]
)


def beyond_document(question: list[str], document: str) -> list[str]:
    """The folded words a question about the document asks beyond its identity: those that
    neither its title, number and place nor the phrasing of such questions hold
    ('thay thế' in 'quyết định 2853 thay thế quyết định số mấy')."""
    known = set(document.split()) | _DOCUMENT_WORDS
    return [w for w in question if w not in known and not w.isdigit() and len(w) > 1]


# ---------------------------------------------------------------- what kind of answer a passage holds

TYPE_BONUS = 8.0  # points for a passage holding the kind of fact asked (higher: any date beats the topic)
_ASKS_NUMBER = re.compile(r"\b(?:bao nhieu|may|bn|ty le|phan tram|muc|gap)\b|%")
_HAS_NUMBER = re.compile(r"\d")
_HAS_DATE = re.compile(
    r"\b(?:ngay|thang|quy|truoc|tu|den) \d|\b\d{1,2} \d{1,2} 20\d\d\b|\bhang (?:quy|thang)\b|\b\d{1,2} ?h\b"
)
_NAMES_UNIT = re.compile(
    r"\b(?:so|ubnd|uy ban|cong an|bo chi huy|ban quan ly|trung tam|chu tri|giao|phoi hop|thuong truc)\b"
)


# 'Quyết định số 2437/QĐ-TTg ngày 04/11/2025', '… năm 2030': the date of a document cited or a
# horizon, no time limit
_CITED_DATE = re.compile(r"\bso (?:\w+ ){1,5}ngay \d{1,2} (?:thang )?\d{1,2} (?:nam )?\d{4}\b")


# a unit named as plans write units, capitalised ('hồ sơ' folds like 'Sở'; 'phối hợp chặt
# chẽ' names nobody)
_UNIT_NAMED = re.compile(
    r"\b(?:Sở|UBND|Ủy ban nhân dân|Công an|Bộ Chỉ huy|Bộ Tư lệnh|Ban Quản lý|Trung tâm|Văn phòng|Chi cục"
    r"|Ban Chỉ đạo|Hội đồng|Ngân hàng|Bảo hiểm xã hội|Mặt trận)\b"
)


def lacks_figure(question: str, target: str | None) -> bool:
    """'… bao nhiêu giờ' asked of an item whose target is words ('Duy trì'): it lacks the figure."""
    return bool(_ASKS_NUMBER.search(question)) and target is not None and not _HAS_NUMBER.search(target)


def holds_kind(intent: str, question: str, passage: str, folded: str) -> bool:
    """Whether a passage (as written, and folded) plainly holds the kind of fact asked,
    strictly: a time limit for 'khi nào', a unit named for 'ai', a figure for 'bao nhiêu'."""
    if intent == "responsible":
        return _UNIT_NAMED.search(unify_tones(passage)) is not None
    return type_bonus(intent, question, folded, "") > 0


def type_bonus(intent: str, question: str, passage: str, heading: str) -> float:
    """Points for a passage (folded text and heading) that holds what the folded question asks:
    a figure for 'bao nhiêu', a date for 'khi nào', a unit for 'ai', 'cơ quan nào'."""
    if intent == "deadline":
        return TYPE_BONUS if _HAS_DATE.search(_CITED_DATE.sub(" ", passage)) else 0.0
    if intent == "responsible":
        return TYPE_BONUS if _NAMES_UNIT.search(passage) or _NAMES_UNIT.search(heading) else 0.0
    if _ASKS_NUMBER.search(question):
        return TYPE_BONUS if _HAS_NUMBER.search(passage) else 0.0
    return 0.0
