"""The outline of an official document: its sections by heading, and the items under them.

Every official plan has the same skeleton (Nghị định 30/2020/NĐ-CP): a header block, a
title, numbered sections ('I.', '1.', '1.1.', 'a)', '-', '+'), a closing block ('Nơi
nhận', the signature). Whatever the layout, the role of a paragraph comes from where it
stands: under 'NHIỆM VỤ', 'GIẢI PHÁP', 'NỘI DUNG', 'TỔ CHỨC THỰC HIỆN', 'PHÂN CÔNG' an item
is a task; a unit heading ('1. Công an tỉnh', 'c) UBND các xã, phường:') is the party in
charge of the items below it; the closing block is never read. This module builds that
tree from the paragraphs; `outline_tasks` reads tasks from it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.extract.duties import UNIT_VERBS
from knowledge.extract.field_labels import field_label
from knowledge.extract.lines import Paragraph, paragraphs
from knowledge.extract.prose_sections import as_heading, marker_rank
from knowledge.model import Document
from knowledge.text import fold

# Section roles by the words that open (or fill) a heading, marker removed and folded.
_OTHER_OPENINGS = (
    "muc dich",
    "yeu cau",
    "can cu",
    "co so",
    "ket qua",
    "danh gia",
    "tinh hinh",
    "thuc trang",
    "kinh phi",
    "nguon von",
    "nguon kinh phi",
    "quan diem",
    "doi tuong",
    "pham vi",
    "du bao",
    "boi canh",
    "su can thiet",
    "thoi gian",
    "thanh phan",
    "tieu chi",
    "tieu chuan",
    "hinh thuc",
    "khen thuong",
    "che do bao cao",
    "luu y",
    "nguyen tac",
)
_MAX_SECTION_WORDS = 16
_TARGET_OPENINGS = ("muc tieu", "chi tieu", "cac chi tieu", "cac muc tieu")
_TASK_WORDS = (
    "nhiem vu",
    "giai phap",
    "noi dung",
    "to chuc thuc hien",
    "phan cong",
    "trach nhiem",
    "hoat dong",
    "bien phap",
    "phuong an trien khai",
    "cac buoc",
    "trien khai thuc hien",
)

# Folded openings of a unit's name: '1. Sở Tài chính', 'Công an tỉnh:', 'c) UBND các xã, phường'.
_UNIT_OPENINGS = (
    "so",
    "cong an",
    "bo chi huy",
    "bo doi",
    "ubnd",
    "uy ban",
    "van phong",
    "ban",
    "dai phat thanh",
    "bao",
    "trung tam",
    "phong",
    "hoi",
    "doan",
    "tinh doan",
    "thanh doan",
    "lien doan",
    "lien hiep",
    "mat tran",
    "toa an",
    "vien",
    "kho bac",
    "ngan hang",
    "cuc",
    "chi cuc",
    "bao hiem xa hoi",
    "thue",
    "hai quan",
    "truong",
    "dang uy",
    "co quan",
    "don vi",
    "thanh tra",
    "hoi dong",
    "canh sat",
    "cong ty",
    "tong cong ty",
    "hiep hoi",
    "thu truong",
    "giam doc",
    "chu tich",
    "nguoi dung dau",
    "to cong tac",
    "ban chi dao",
    "bo",
    "lanh dao",
    "cac so",
    "cac co quan",
    "cac don vi",
    "cac dia phuong",
    "cac ban",
    "cac to chuc",
    "cac hoi",
    "cac doanh nghiep",
    "cac thanh vien",
    "cac xa",
    "cac truong",
    "doanh nghiep",
    "cac nha mang",
)
# Words after which an opening above is not a unit ('Phòng, chống …', 'Bảo đảm …', 'Bộ máy').
_NOT_UNIT_AFTER = ("chong", "dam", "ve", "tri", "may", "hanh", "tro", "tang", "ho")
_UNIT_LEAD = re.compile(r"^(?:giao|đề\s+nghị|đối\s+với|trách\s+nhiệm\s+của)\s+", re.IGNORECASE)
_MARKER = re.compile(
    r"^\s*(?:[IVXLC]{1,6}|[A-ZĐ]|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ]|\(\s*\d{1,3}\s*\))\s*[.)/:–-]?\s+"
    r"|^\s*[-+*•●○◦▪■□❖➢►✓–—]\s*"
)
_PLAN_TITLE = re.compile(r"^\W*KẾ\s+HOẠCH\W*$")
_ROMAN_HEADING = re.compile(r"^\s*[IVX]{1,5}\s*[.)]\s")
_CLOSING = re.compile(
    r"^\W*(?:nơi\s+nhận|tm\.?\s|kt\.?\s|t/m\s|chủ\s+tịch$|phó\s+chủ\s+tịch$)", re.IGNORECASE
)
_APPENDIX = re.compile(r"^\W*(?:phụ\s+lục|PHỤ\s+LỤC)\b")
_END_OF_BODY = re.compile(
    r"^(?:trên\s+đây\s+là|trong\s+quá\s+trình\s+(?:tổ\s+chức\s+)?(?:triển\s+khai\s+)?thực\s+hiện)",
    re.IGNORECASE,
)


def strip_marker(text: str) -> str:
    return _MARKER.sub("", text, count=1).strip()


def section_role(heading: str) -> str:
    """'tasks', 'targets', 'other' (purpose, basis, funding, …) or 'neutral' (a plain label)."""
    f = fold(strip_marker(heading))
    if f.startswith(_OTHER_OPENINGS):
        return "other"
    if len(f.split()) > _MAX_SECTION_WORDS:
        return "neutral"  # a title ('HĐND xã … thông qua Nghị quyết về nhiệm vụ …'), not a section
    if f.startswith(_TARGET_OPENINGS):
        return "targets"
    if any(w in f for w in _TASK_WORDS):
        return "tasks"
    return "neutral"


def unit_name(text: str) -> str | None:
    """The unit a heading or a 'Unit: …' lead names, or None."""
    if field_label(text) is not None:
        return None  # 'b) Cơ quan thực hiện:', 'Đơn vị chủ trì: …': a field of a task, not a unit
    t = _UNIT_LEAD.sub("", strip_marker(text)).strip(" :.;")
    f = fold(t)
    words = f.split()
    if not words or len(words) > 24:
        return None
    for opening in _UNIT_OPENINGS:
        n = len(opening.split())
        if words[:n] == opening.split():
            after = words[n] if len(words) > n else ""
            if after in _NOT_UNIT_AFTER or not after:
                return None
            return t
    return None


@dataclass
class Section:
    heading: str
    rank: float
    role: str
    unit: str | None
    line_no: int
    parent: Section | None = None
    items: list[Item] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    def effective_role(self) -> str:
        s: Section | None = self
        while s is not None:
            if s.role != "neutral":
                return s.role
            s = s.parent
        return "neutral"

    def effective_unit(self) -> str | None:
        s: Section | None = self
        while s is not None:
            if s.unit:
                return s.unit
            s = s.parent
        return None

    def path(self) -> list[Section]:
        out: list[Section] = []
        s: Section | None = self
        while s is not None and s.rank > -9:
            out.append(s)
            s = s.parent
        return out[::-1]


@dataclass
class Item:
    text: str
    line_no: int
    rank: float | None
    section: Section


@dataclass
class Outline:
    root: Section
    items: list[Item]


def build(doc: Document) -> Outline:
    """The document's sections and items, from its title down to its closing block; an
    appendix ('PHỤ LỤC') opens the body again."""
    root = Section("", -10, "neutral", None, 0)
    stack: list[Section] = [root]
    items: list[Item] = []
    closed = False
    paras = _joined_headings(paragraphs(doc))
    for k, p in enumerate(paras):
        text = p.text.strip()
        if _APPENDIX.match(text) and (p.heading or text.isupper() or len(text) < 40):
            closed = False
            stack = [root]
            continue
        if closed and not _PLAN_TITLE.match(text):
            continue
        closed = False  # 'KẾ HOẠCH' after a decision's signature: the plan it issues begins
        if _CLOSING.match(text) or _END_OF_BODY.match(text):
            closed = bool(_CLOSING.match(text))
            if closed:
                continue
            stack = [root]  # 'Trên đây là …': what follows is no longer under a section
            continue
        heading = _heading_of(p, paras[k + 1] if k + 1 < len(paras) else None)
        if heading is not None and marker_rank(text) is None and len(stack) > 1:
            if text[:1].islower() and stack[-1].line_no == paras[k - 1].line_no:
                _continue_heading(stack[-1], text)  # a heading's second line
                continue
            if not (text.isupper() and len(text) < 80):
                heading = (stack[-1].rank + 0.5, heading[1])  # an unnumbered label inside the section
        if heading is not None and marker_rank(text) is None:
            text = _with_unit_finished(stack[-1], paras[k - 1], p, text)
        if heading is not None:
            rank, role = heading
            while len(stack) > 1 and stack[-1].rank >= rank:
                stack.pop()
            section = Section(text, rank, role, None, p.line_no, parent=stack[-1])
            stack[-1].children.append(section)
            _settle_role(section)
            stack.append(section)
            continue
        item_rank = marker_rank(text)
        if item_rank is None and _ends_unit_heading(stack[-1], paras[k - 1], p):
            _continue_heading(stack[-1], text)  # '2.4. Bộ' / 'Chỉ huy Quân sự tỉnh': one unit's name
            continue
        if item_rank is None:
            text = _with_unit_finished(stack[-1], paras[k - 1], p, text)
        while len(stack) > 1 and item_rank is not None and stack[-1].rank >= item_rank:
            stack.pop()  # '6. …' after the section '5. …', '- …' after the lead-in item '- Sở X:'

        item = Item(text, p.line_no, item_rank, stack[-1])
        stack[-1].items.append(item)
        items.append(item)
    return Outline(root, items)


def _with_unit_finished(section: Section, prev: Paragraph, p: Paragraph, text: str) -> str:
    """'3. Bộ Tư lệnh' / 'Thành phố chủ trì, …', '1. Giao Sở' / 'Nông nghiệp và Môi trường là …,
    các nhiệm vụ sau:': the heading takes the end of the unit's name, the paragraph keeps the rest."""
    run = _unit_runs_on(section, prev, p)
    if not run:
        return text
    _continue_heading(section, run)
    rest = " ".join(text.split()[len(run.split()) :]).strip(" ,*")
    return rest[:1].upper() + rest[1:]


def _ends_unit_heading(section: Section, prev: Paragraph, p: Paragraph) -> bool:
    """The line right after a heading completes the unit it began to name ('*2.4. Bộ' then
    'Chỉ huy Quân sự tỉnh*': an italic heading an export broke over two lines)."""
    text = p.text.strip()
    return (
        section.rank > -9
        and section.unit is None
        and section.line_no == prev.line_no
        and prev.end_line + 1 == p.line_no
        and len(text.split()) <= 8
        and not text.endswith((".", ";", ":"))
        and unit_name(f"{section.heading} {text}") is not None
    )


# what a unit does, written right after its name: where the name ends (the duty reader's verbs,
# by their first two words; 'là cơ quan', 'là đơn vị' too)
_TASK_VERBS = frozenset(" ".join(fold(verb).split()[:2]) for verb in (*UNIT_VERBS, "là cơ quan", "là đơn vị"))


def _unit_runs_on(section: Section, prev: Paragraph, p: Paragraph) -> str:
    """The capitalised words that begin the paragraph right under a unit's heading and finish
    its name: an export broke '3. Bộ Tư lệnh Thành phố chủ trì, …' after 'Bộ Tư lệnh', and
    '*2.6. Sở' / 'Văn hóa, Thể thao và Du lịch* Chủ trì, …' after 'Sở'. Empty when the
    paragraph starts with what the unit does ('Chủ trì, …') or with another unit."""
    if not (section.rank > -9 and section.line_no == prev.line_no and prev.end_line + 1 == p.line_no):
        return ""
    if unit_name(section.heading) is None and not fold(strip_marker(section.heading)).endswith(
        tuple(f" {o}" for o in _UNIT_OPENINGS) + tuple(_UNIT_OPENINGS)
    ):
        return ""
    words = p.text.strip().split()
    if not words or not words[0][:1].isupper():
        return ""
    at = next(
        (
            i
            for i in range(min(len(words) - 1, 9))
            if fold(" ".join(words[i : i + 2])).strip(" ,;:.*") in _TASK_VERBS
        ),
        0,
    )
    run = words[:at]
    # the name may end with its colon ('**3. Sở Văn hóa, Thể thao và' / 'Du lịch: **Phối hợp …')
    if not run or any(w.endswith((".", ";", ":")) for w in run[:-1]) or run[-1].endswith((".", ";")):
        return ""
    name = " ".join(run).strip(" ,*:")
    if unit_name(name) is not None:  # 'UBND các xã …': another unit, not the rest of this one
        return ""
    return name if unit_name(f"{section.heading} {name}") is not None else ""


def _joined_headings(paras: list[Paragraph]) -> list[Paragraph]:
    """'**III. PHÁT' / 'TRIỂN NỀN MÓNG …**' and '**1.**' / '**Giai đoạn 2025 - 2030**': bold
    lines that follow each other without a marker of their own are one heading."""
    out: list[Paragraph] = []
    for p in paras:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.heading
            and p.heading
            and prev.end_line + 1 == p.line_no
            and marker_rank(p.text.strip()) is None
        ):
            out[-1] = Paragraph(f"{prev.text} {p.text}", prev.line_no, p.end_line, heading=True)
            continue
        out.append(p)
    return out


def _continue_heading(section: Section, text: str) -> None:
    section.heading = f"{section.heading} {text}"
    if section.role in ("neutral", "tasks"):
        section.role = section_role(section.heading)
        _settle_role(section)


def _settle_role(section: Section) -> None:
    """A roman-numbered part of the plan itself (not under an evaluation or a purpose) is one
    of its task sections; a neutral heading may name the unit in charge below it."""
    outer = section.parent.effective_role() if section.parent is not None else "neutral"
    if section.role == "neutral" and _ROMAN_HEADING.match(section.heading) and outer == "neutral":
        section.role = "tasks"
    # a unit heads its own numbered part ('1. Sở Y tế'); a capitalised line before the body
    # (the title's last line 'HỘI KHÔNG DÙNG TIỀN MẶT …') names nobody
    own_part = section.rank >= 0
    section.unit = unit_name(section.heading) if section.role == "neutral" and own_part else None


def _heading_of(p: Paragraph, nxt: Paragraph | None) -> tuple[float, str] | None:
    """(rank, role) when the paragraph heads a section; a lead-in item ending with ':'
    followed by deeper items ('a) Sở Tài chính:' then '- …') heads one too."""
    h = as_heading(p)
    if h is not None and not (marker_rank(h.text) is None and len(h.text.split()) > _MAX_SECTION_WORDS + 8):
        return h.rank, section_role(h.text)  # (a long bold paragraph without a number is body text)
    text = p.text.strip()
    if nxt is None:
        return None
    own, below = marker_rank(text), marker_rank(nxt.text.strip())
    if text.endswith(":") and len(text) < 300 and below is not None and (own is None or below > own):
        return (own if own is not None else 6.5), section_role(text)
    if own is not None and below is not None and below > own and _titled(text):
        return own, section_role(text)  # '1.1.2. Vùng nuôi tôm hùm lồng, bè.' over 'a. …'
    return None


def names_only(heading: str) -> bool:
    """A heading's words after its number name a subject and state nothing: no figure, no
    value after a colon, no second sentence (a lead-in sentence taken for a heading does)."""
    body = strip_marker(heading).rstrip(".").strip()
    return bool(body) and not any(c in body for c in ".:;") and not any(c.isdigit() for c in body)


def _titled(text: str) -> bool:
    """A numbered name closed by a full stop ('1.1.2. Vùng nuôi tôm hùm lồng, bè.'), not a
    sentence: short and naming only."""
    return text.endswith(".") and len(text.split()) <= _MAX_SECTION_WORDS + 1 and names_only(text)
