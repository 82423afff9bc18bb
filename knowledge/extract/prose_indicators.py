"""Layout (b): indicators written in prose — numbered or bulleted items under a
targets heading, lists flattened into one paragraph ('(1) …; (2) …'),
news-style sentences ('Năm 2024, xã phấn đấu thu nhập … đạt 70 triệu đồng,
tỷ lệ hộ nghèo giảm còn dưới 2%') and records with labelled fields
('Chỉ tiêu: … ; Đơn vị: … ; Mục tiêu: … ; Phụ trách: …').

Only what prose says is returned, with source_ref 'line N' and the group
heading; merging with a table of the same document happens in plan.py."""

from __future__ import annotations

import itertools
import re

from knowledge.extract.lines import Paragraph, is_dateline, is_news_opening, paragraphs
from knowledge.extract.prose_fields import parse_records_with_lines, split_parties
from knowledge.extract.prose_items import Stated, parse_item, strip_marker
from knowledge.extract.prose_parties import assign, assignments, party_after_item
from knowledge.extract.prose_sections import Heading, SectionTracker, as_heading, marker_rank
from knowledge.extract.prose_targets import figure_in_unit, find_targets, year_values
from knowledge.model import Document, Indicator, LayoutResult, OtherTarget
from knowledge.text import fold

# A paragraph outside any targets section still counts when it looks forward.
_FORWARD = re.compile(
    r"\b(?:phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch\s+năm|đến\s+năm\s+\d{4})", re.IGNORECASE
)
# Legal basis and references are never indicators.
_NOT_ITEM = re.compile(
    r"^(?:căn\s+cứ|thực\s+hiện\s+(?:quyết|nghị|kế|công|chỉ|thông)|"
    # 'Theo Quyết định số …' is a reference; 'Theo Nghị quyết, năm 2025 …' a lead-in
    r"theo\s+(?:quyết|nghị|kế|công)(?!\S*\s+\S+?(?:\s+này)?\s*,)|"
    r"kèm\s+theo|\(kèm)",
    re.IGNORECASE,
)
# '- Nhiệm vụ: Hoàn thành cứng hóa 4,2 km đường …': a task, whatever figure its name holds.
_TASK_ITEM = re.compile(r"^(?:nhiệm\s+vụ|công\s+việc)\s*(?:số\s*)?(?:\d{1,3}\s*)?:", re.IGNORECASE)


def _not_item(text: str) -> bool:
    return bool(_NOT_ITEM.match(text) or _TASK_ITEM.match(strip_marker(text)[1]))


# '1. Mục tiêu chung: …', 'Yêu cầu: …': a heading with its text on the same line, no targets.
_GENERAL = re.compile(
    r"^(?:mục\s+tiêu\s+(?:chung|tổng\s+quát)|mục\s+đích|yêu\s+cầu|quan\s+điểm|định\s+hướng)\s*:",
    re.IGNORECASE,
)
# Inline markers of a list flattened into one paragraph.
_INLINE = re.compile(
    r"(?:(?<=^)|(?<=[\s;:.,]))(\(\d{1,2}\)|\d{1,2}\)|[a-zđ]\))\s+"
    r"|(?<=[;:.]\s)(\d{1,2})\.\s+(?=[^\d\s])"  # '…: 1. A 5%. 2. B 7%'
)


def extract(doc: Document) -> LayoutResult:
    paras = _after_dateline(paragraphs(doc))
    result = LayoutResult()
    records, taken_lines = parse_records_with_lines(paras)
    result.indicators.extend(records)
    # rows of a table laid out with spaces (PDF text) belong to the table extractors
    column_rows = {b.line_no for b in doc.blocks if b.kind == "line" and _is_column_row(b.text)}
    paras = [p for p in paras if not column_rows.intersection(range(p.line_no, p.end_line + 1))]
    found = _from_sections(paras, taken_lines, records)
    if not found:
        found = _from_forward_sentences(paras, taken_lines)
    result.indicators.extend(found)
    assign(result.indicators, [a for p in paras for a in assignments(p.text)])
    result.indicators.sort(key=lambda ind: _lines_of(ind) or [0])  # reading order
    for n, ind in enumerate(result.indicators, 1):
        old = ind.key
        ind.key = f"P{n:03d}"
        for child in result.indicators:
            if child.parent_key == old:
                child.parent_key = ind.key
    return result


def _after_dateline(paras: list[Paragraph]) -> list[Paragraph]:
    """A news article: its headline and the date line under it state no indicator of their own."""
    for n, p in enumerate(paras[:4]):
        if is_dateline(p.text):
            return paras[n + 1 :]
        if n and is_news_opening(p.text):
            return paras[n:]  # no date line: the headline is what comes before the opening
    return paras


def _is_column_row(text: str) -> bool:
    """'3 Tỷ lệ hộ nghèo   %   2,5   3   Công chức LĐTBXH': cells apart by runs of spaces or tabs."""
    return len(re.findall(r"\S(?: {3,}|\t)(?=\S)", text.strip())) >= 2


def _line(ind: Indicator) -> int:
    return (_lines_of(ind) or [0])[0]


def _lines_of(ind: Indicator) -> list[int]:
    m = re.match(r"line (\d+)", ind.source_ref)
    return [int(m.group(1))] if m else []


def _from_sections(paras: list[Paragraph], taken: set[int], records: list[Indicator]) -> list[Indicator]:
    tracker = SectionTracker()
    out: list[Indicator] = []
    item_rank: float | None = None  # numbering of the last item in this section
    lead_open = False  # after 'Phấn đấu đạt các chỉ tiêu sau:' outside a targets section
    last: Indicator | None = None  # the indicator of the item just read, for its roadmap lines
    section_leader: str | None = None  # 'Lãnh đạo phụ trách: Đ/c …' under a field heading
    for p in paras:
        heading = as_heading(p)
        rank = marker_rank(p.text)
        if last is not None and _attach_roadmap(p, last):
            continue
        last = None
        if heading is not None and not _sibling_item(p, heading, rank, item_rank, tracker):
            tracker.push(heading)
            item_rank, lead_open, section_leader = None, False, None
            continue
        if tracker.in_target() and (m := _SECTION_LEADER.match(strip_marker(p.text)[1].strip("_* "))):
            section_leader = m.group("who").strip(" .;_*")
            continue
        if p.line_no in taken or _not_item(p.text) or _GENERAL.match(strip_marker(p.text)[1]):
            continue
        if tracker.in_target():
            if rank is not None:
                item_rank = rank
            # a bare status line ('Giữ vững xã đạt chuẩn y tế') counts when it is an item or short
            found = _indicators_of(p, rank is not None, tracker.group(), len(out))
            for ind in found:
                ind.leader = ind.leader or section_leader
            _attach_breakdown(p, found, [*records, *out])
            out.extend(found)
            tops = [ind for ind in found if ind.parent_key is None]
            last = tops[0] if len(tops) == 1 and tops[0].target_text else None
        elif _is_lead(p.text):
            lead_open = True
        elif lead_open:
            # items follow the lead; so do plain sentences while they keep stating figures
            found = _indicators_of(p, rank is not None, tracker.group(), len(out), plain_status=False)
            lead_open = bool(found) or rank is not None
            out.extend(found)
    return out


def _indicators_of(
    p: Paragraph, is_item: bool, group: str | None, base: int, plain_status: bool = True
) -> list[Indicator]:
    """The indicators one paragraph states (several for a flattened list)."""
    out: list[Indicator] = []
    label = _FIELD_LABEL.match(strip_marker(p.text)[1])
    if label:
        # 'Về kinh tế: tốc độ tăng …; …': the paragraph states the indicators of that field
        group = label.group("label")[:1].upper() + label.group("label")[1:]
    for no, body in _split_flattened(p.text):
        body, parties = split_parties(body)
        body, party = party_after_item(body)
        if party:
            parties.setdefault("responsible", party)
        allow_status = is_item or bool(no) or (plain_status and len(body) <= 120)
        found = _to_indicators(
            parse_item(body, allow_status=allow_status), no, group, p.line_no, base + len(out)
        )
        for ind in found:
            for field, value in parties.items():
                setattr(ind, field, value)
        out.extend(found)
    return out


# A field opening a paragraph of targets: 'Về văn hóa - xã hội:', 'Lĩnh vực môi trường:'.
_FIELD_LABEL = re.compile(
    r"^(?P<label>(?:về|lĩnh\s+vực|trong\s+lĩnh\s+vực)\s+[^:;,.\d]{2,50}?)\s*:\s+\S", re.IGNORECASE
)

# 'Lãnh đạo phụ trách: Đ/c Phan Thanh Bình - PCT UBND phường' on its own line under a
# field heading: the leader of that field's indicators
_SECTION_LEADER = re.compile(
    r"^(?:lãnh\s+đạo|đồng\s+chí|đ/c)\s+(?:phụ\s+trách|chỉ\s+đạo)(?:\s+chung)?\s*:\s*(?P<who>\S.{2,120})$",
    re.IGNORECASE,
)
_BREAKDOWN_LINE = re.compile(r"^trong\s+(?:đó|do)\s*:?\s*", re.IGNORECASE)  # typed without accents too


def _attach_breakdown(p: Paragraph, found: list[Indicator], before: list[Indicator]) -> None:
    """'- Trong đó: lúa ruộng: 2.400 tấn' on a line of its own after an item: parts of
    the item's indicator, which take its parties unless they name their own."""
    body = strip_marker(p.text)[1]
    # the item last read before the line, a record of fields ('- Chỉ tiêu: …') or a plain item
    parents = [ind for ind in before if ind.parent_key is None and _line(ind) < p.line_no]
    if not found or not parents or not _BREAKDOWN_LINE.match(body):
        return
    parent = max(reversed(parents), key=_line)  # the last of a line's items
    tops = [ind for ind in found if ind.parent_key is None]
    for ind in tops:
        ind.parent_key = parent.key
    for ind in found:
        for field in ("leader", "responsible", "coordinating"):
            if not getattr(ind, field):
                setattr(ind, field, getattr(parent, field))


# A line of an item's values by year: 'Lộ trình: năm 2026 đạt 58 triệu đồng; năm 2028 …',
# 'Năm 2026: 58 triệu đồng', 'Giai đoạn 2026-2028: đạt 240 ha'.
_ROADMAP = re.compile(
    r"^(?P<road>lộ\s+trình(?:\s+thực\s+hiện)?(?:\s+chỉ\s+tiêu)?\s*:)|"
    r"^(?:năm\s+\d{4}|giai\s+đoạn\s+\d{4}\s*[-–]\s*\d{4})\s*:\s*(?:đạt|còn|giảm\s+còn|là)?\s*(?=\S)",
    re.IGNORECASE,
)


def _attach_roadmap(p: Paragraph, last: Indicator) -> bool:
    """A roadmap line under an item gives that indicator's values by year, as other
    targets labelled with their year; a year line must hold a figure and no name."""
    body = strip_marker(p.text)[1]
    m = _ROADMAP.match(body)
    if m is None:
        return False
    if not m.group("road"):
        found = find_targets(body[m.end() :])
        if not found or found[0].start > 0:
            return False
    years = year_values(body[m.end() :] if m.group("road") else body)
    if not years:
        return False
    last.other_targets.extend(
        OtherTarget(source=label, text=figure_in_unit(t, last.unit)) for label, t in years
    )
    return True


_LEAD = re.compile(r"(?:chỉ\s+tiêu|mục\s+tiêu|phấn\s+đấu)[^.;]*:\s*$", re.IGNORECASE)
_NOT_LEAD = re.compile(r"kết\s+quả|đạt\s+được|đã\s+đạt|nhiệm\s+vụ|giải\s+pháp|biện\s+pháp", re.IGNORECASE)


def _is_lead(text: str) -> bool:
    return len(text) <= 250 and bool(_LEAD.search(text)) and not _NOT_LEAD.search(text)


def _sibling_item(
    p: Paragraph, heading: Heading, rank: float | None, item_rank: float | None, tracker: SectionTracker
) -> bool:
    """'5. Giữ vững xã đạt chuẩn y tế' after items '1.'-'4.' is one more item, not a heading."""
    return (
        rank is not None
        and rank == item_rank
        and heading.kind == "neutral"
        and not p.heading
        and tracker.in_target()
    )


def _from_forward_sentences(paras: list[Paragraph], taken: set[int]) -> list[Indicator]:
    """A plan without a targets heading: sentences that look forward and hold figures."""
    tracker = SectionTracker()
    out: list[Indicator] = []
    for p in paras:
        heading = as_heading(p)
        if heading is not None:
            tracker.push(heading)
            continue
        if tracker.in_other() or p.line_no in taken or _not_item(p.text) or not _FORWARD.search(p.text):
            continue
        for no, body in _split_flattened(p.text):
            stated = [s for s in parse_item(body, allow_status=False) if s.target is not None or s.children]
            out.extend(_to_indicators(stated, no, tracker.group(), p.line_no, len(out)))
    return out


def _split_flattened(text: str) -> list[tuple[str, str]]:
    """'(1) A 5%; (2) B 7%' -> [('(1)', 'A 5%'), ('(2)', 'B 7%')]; else one item."""
    no, body = strip_marker(text)
    marks = list(_INLINE.finditer(body))
    numbers = [re.sub(r"\D", "", _mark(m)) or _mark(m).strip("()") for m in marks]
    if len(marks) < 2 or not _increasing(numbers):
        return [(no, body)]
    parts: list[tuple[str, str]] = []
    head = body[: marks[0].start()].strip()
    if head and not head.endswith(":"):
        parts.append((no, head))
    for m, nxt in zip(marks, [*marks[1:], None], strict=False):
        end = nxt.start() if nxt else len(body)
        no_ = m.group(2) or m.group(1).rstrip(")").lstrip("(").join("()")
        parts.append((no_, body[m.end() : end].strip(" ;,")))
    return parts


def _mark(m: re.Match[str]) -> str:
    return m.group(1) or m.group(2)


# Vietnamese list letters: a) b) c) d) đ) e) g) h) i) k) l) … (no f, j, w, z)
_LIST_LETTERS = "abcdđeghiklmnopqrstuvxy"


def _increasing(numbers: list[str]) -> bool:
    """'1, 2, 3' or 'a, b, c, d, đ, e': consecutive markers (anything else is not a list)."""
    if not all(n.isdigit() or (len(n) == 1 and n in _LIST_LETTERS) for n in numbers):
        return False
    values = [int(n) if n.isdigit() else _LIST_LETTERS.index(n) for n in numbers]
    return all(b == a + 1 for a, b in itertools.pairwise(values))


# 'vượt mức 50% các chỉ tiêu được giao' speaks of the plan's targets as a whole
_META = re.compile(r"\b(?:các|tất\s+cả)\s+(?:mục\s+tiêu|chỉ\s+tiêu)\b", re.IGNORECASE)


def _counts_targets(s: Stated) -> bool:
    """'Phường đề ra 12 chỉ tiêu chủ yếu' counts the plan's targets; it is not one."""
    unit = fold(s.target.unit or "") if s.target else ""
    return unit in ("chi tieu", "muc tieu", "nhiem vu", "giai phap", "chuong trinh")


def _to_indicators(stated: list[Stated], no: str, group: str | None, line: int, base: int) -> list[Indicator]:
    out: list[Indicator] = []
    for s in stated:
        if _META.search(s.name) or _counts_targets(s):
            continue
        parent = _indicator(s, no, group, line, base + len(out))
        out.append(parent)
        for child in s.children:
            ind = _indicator(child, "", group, line, base + len(out))
            ind.parent_key = parent.key
            out.append(ind)
    return out


def _indicator(s: Stated, no: str, group: str | None, line: int, index: int) -> Indicator:
    t = s.target
    ind = Indicator(key=f"p{line}_{index}", name=s.name, no=no, group=group, source_ref=f"line {line}")
    if t is not None:
        ind.unit = t.unit
        ind.target_text = t.text
        ind.target_value = t.value
        ind.comparator = t.comparator
        ind.target_max = t.max_value
    ind.other_targets = [OtherTarget(source=f"line {line}", text=x) for x in s.extra]
    return ind


def indicators_in(p: Paragraph, group: str | None, base: int) -> list[Indicator]:
    """The indicators one item of a targets section states (for readers of other outlines)."""
    body = strip_marker(p.text)[1]
    if _not_item(p.text) or _GENERAL.match(body):
        return []
    return _indicators_of(p, marker_rank(p.text) is not None, group, base)
