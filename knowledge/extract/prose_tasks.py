"""Tasks written as titled items with labelled fields, outside any table.

    Nhiệm vụ 1: Hoàn thành GPMB tuyến đường liên xã
    - Lãnh đạo chỉ đạo: Đ/c …, Phó Chủ tịch UBND xã
    - Đơn vị chủ trì: Phòng Kinh tế
    - Thời gian hoàn thành: Quý III/2025

or, in a work programme grouped by period,

    A. THÁNG 8/2025
    1. Tổ chức hội nghị đối thoại với hộ kinh doanh.
       Chỉ đạo: đ/c …, Phó Chủ tịch UBND phường. Chủ trì: Phòng Kinh tế. Phối hợp: …

A title is a numbered, lettered, bulleted or 'Nhiệm vụ N' line; its fields follow
on their own lines or run on after it, each opened by a known label and a colon.
An item is a task only when it carries a field naming who is in charge or by when
(a leader alone, or a list of indicators with 'Phụ trách', is not a work item),
and never when it carries indicator fields ('Đơn vị tính', 'Chỉ tiêu năm 2026').
A heading that names only a period ('QUÝ IV/2025', 'Trong năm 2026', 'NHIỆM VỤ
THƯỜNG XUYÊN') gives its deadline to the items below it that state none; a heading that
names a leader ('Đồng chí … - Phó Chủ tịch UBND xã: phụ trách …') gives that leader to the items
below it, until the next heading as high or higher.

A record's fields are read from all its lines re-joined, so a value or a label wrapped over a
PDF line ('Phối' / 'hợp: Hội' / 'Nông dân xã; Thời hạn: …') is read whole. The fields themselves are read by knowledge.extract.task_fields."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from knowledge.deadlines import parse_deadline
from knowledge.extract.task_fields import TRIM, split_assignment, split_fields
from knowledge.model import Document, LayoutResult, Task
from knowledge.numbers import fold_same_length
from knowledge.text import clean, fold

_BULLET = r"[-+•*–●○▪◦➢►]"
_TITLES: list[tuple[str, re.Pattern[str]]] = [
    ("nv", re.compile(r"^(?:nhiệm vụ|công việc|nv)\s*(?:số\s*)?(\d{1,3})\s*[:.)\-–]\s*(.+)$", re.I)),
    ("arabic", re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})[.)]\s*(\S.*)$")),
    ("arabic", re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})\s+(\S.*)$")),
    ("paren", re.compile(r"^\((\d{1,2})\)\s*(\S.*)$")),
    ("roman", re.compile(r"^([IVXLC]{1,6})[.)]\s+(\S.*)$")),
    ("upper", re.compile(r"^([A-ZĐ])[.)]\s+(\S.*)$")),
    ("lower", re.compile(r"^([a-zđ])[.)]\s+(\S.*)$")),
    ("bullet", re.compile(rf"^({_BULLET})\s*(\S.*)$")),
]
_LEADING_BULLET = re.compile(rf"^{_BULLET}\s*")
_MARKDOWN = re.compile(r"\*\*|__|^#+\s*")
_MD_HEADING = re.compile(r"^\s*(#{1,6})\s")

# Words a heading that names only a period may use ('D. NHIỆM VỤ THƯỜNG XUYÊN, HẰNG NĂM').
_PERIOD_TEXT = (
    "thang quy nam trong nhiem vu cong viec thuong xuyen hang moi dinh ky cac thuc hien hoan thanh "
    "trien khai dau cuoi giua nua truoc den het va tu lien tuc han thoi gian tien do nhung tiep theo "
    "sau i ii iii iv"
)
_PERIOD_WORDS = frozenset(_PERIOD_TEXT.split(" "))
_PERIOD_LEAD = re.compile(
    r"^(?:các\s+)?(?:nhiệm vụ|công việc)(?:\s+(?:thực hiện|triển khai|hoàn thành))?\s*(?:trong\s+)?", re.I
)
_ROMAN_WORD = re.compile(r"^[IVX]+\b")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_UNFINISHED = re.compile(r"(?:[,;:\-–(]|\svà|\scủa|\svới)$")  # a title cut mid-phrase


@dataclass
class _Period:
    text: str  # 'Quý IV/2025', as the heading writes it (capitals eased)
    style: str  # numbering style of the heading, '' when unnumbered
    year: int | None


@dataclass
class _Item:
    no: str
    title: str
    style: str
    line_no: int
    period: _Period | None
    lead: str | None = None  # the leader named by the heading the item sits under
    lines: list[str] = field(default_factory=list)  # the record as written, title line first
    fields: dict[str, str] = field(default_factory=dict)
    last: str | None = None  # the role filled last (a wrapped value continues it)
    indicator: bool = False  # carries indicator fields: an indicator record
    firm: bool = False  # carries a field only work items have ('Chủ trì', 'Thời gian')


def extract(doc: Document) -> LayoutResult:
    items = _items(doc)
    year = _usual_year(items)
    tasks = [t for t in (_task(it, year) for it in items) if t is not None]
    for i, t in enumerate(tasks, 1):
        t.key = f"T{i:03d}"
    return LayoutResult(tasks=tasks)


# --- periods and titles ---------------------------------------------------------------------


def _title(text: str) -> tuple[str, str, str] | None:
    """(number, rest, numbering style) of a titled line; a line opened by 'Nhiệm vụ:' (after a
    bullet or not) is a task title of its own, the label dropped."""
    lead = _TASK_LEAD.match(_LEADING_BULLET.sub("", text))
    if lead:
        return "", lead.group(1).strip(), "nv"
    for style, rx in _TITLES:
        m = rx.match(text)
        if m:
            no = "" if style == "bullet" else m.group(1)
            depth = no.count(".") if style == "arabic" else 0
            return no, m.group(2).strip(), f"{style}{depth}" if style == "arabic" else style
    return None


_TASK_LEAD = re.compile(r"^(?:nhiệm vụ|công việc)\s*:\s*(\S.*)$", re.I)


def period_heading(text: str) -> _Period | None:
    """A heading that names only a period: 'A. THÁNG 8/2025', 'Trong năm 2026', 'I. QUÝ III/2025'."""
    titled = _title(text)
    style, body = ("", text) if titled is None or titled[2] == "bullet" else (titled[2], titled[1])
    body = body.strip(TRIM)
    words = fold(body).split()
    if not words or len(words) > 10 or any(not (w.isdigit() or w in _PERIOD_WORDS) for w in words):
        return None
    parsed = parse_deadline(body)
    if not parsed.deadlines and not parsed.recurring:
        return None
    years = [int(y) for y in _YEAR.findall(body)]
    return _Period(
        text=_ease_capitals(_PERIOD_LEAD.sub("", body) or body), style=style, year=max(years, default=None)
    )


def _ease_capitals(text: str) -> str:
    """'QUÝ IV/2025' -> 'Quý IV/2025': words in capitals lowered, roman numerals kept."""
    if any(c.islower() for c in text):
        return text[:1].upper() + text[1:]
    words = [w if _ROMAN_WORD.match(w) or any(c.isdigit() for c in w) else w.lower() for w in text.split()]
    out = " ".join(words)
    return out[:1].upper() + out[1:]


def _is_caps_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


# A heading that gives the leader of the records below it: 'Đồng chí Cà Văn A - Phó Chủ tịch UBND
# xã: phụ trách lĩnh vực kinh tế', 'Đ/c B, PCT UBND: chỉ đạo …' — a person with a leadership title,
# then what the person is in charge of.
_LEAD_HEADING = re.compile(r"^(?P<who>.{4,120}?)\s*[:,;\-–]?\s+(?:truc tiep\s+)?(?:phu trach|chi dao)\b")
_LEAD_TITLE = re.compile(r"\b(?:(?:pho\s+)?(?:chu tich|bi thu)|pct|ct)\b")
_PERSON_WORD = re.compile(r"^(?:dong chi|d/c|ong|ba)\s+\S")
_NAME_THEN_TITLE = re.compile(r"^(?:[A-ZĐÀ-Ỹ][^\s,\-–]*\s+){1,4}[A-ZĐÀ-Ỹ][^\s,\-–]*\s*[-–,]\s*\S")
# How high a numbering style stands among headings: a heading ends at one as high or higher.
_RANKS = {"upper": 0, "roman": 1, "arabic0": 2, "arabic1": 3, "arabic2": 4, "arabic3": 5, "nv": 6, "paren": 7}


def lead_heading(text: str) -> str | None:
    """The leader a heading names ('Đồng chí Cà Văn A - Phó Chủ tịch UBND xã'), else None."""
    titled = _title(text)
    body = titled[1] if titled is not None and titled[2] != "bullet" else text
    m = _LEAD_HEADING.match(fold_same_length(body))
    if m is None:
        return None
    who = body[: m.end("who")].strip(TRIM)
    folded = fold_same_length(who)
    if not _LEAD_TITLE.search(folded) or not (_PERSON_WORD.match(folded) or _NAME_THEN_TITLE.match(who)):
        return None
    return who


@dataclass
class _Lead:
    name: str
    md_level: int  # the markdown heading level, 0 when not a markdown heading
    bold: bool  # a line set in bold (not a markdown heading)
    rank: int  # the numbering style's rank; 99 for an unnumbered heading


# --- reading the lines ----------------------------------------------------------------------


class _Reader:
    """Walks the text lines once, collecting titled items and the period they sit under."""

    def __init__(self) -> None:
        self.items: list[_Item] = []
        self.current: _Item | None = None
        self.period: _Period | None = None
        self.blank = False  # a blank line since the last text line
        self.open_end = ""  # the list stop the last text line ended on (',', ';'): it goes on
        self.last_end = ""  # the last character of the last text line
        self.lead: _Lead | None = None  # the heading above that names the leader

    def close(self) -> None:
        it = self.current
        ends_periods = it is not None and self.period is not None and it.style == self.period.style
        if ends_periods and it is not None and it.style and not _is_task_item(it):
            self.period = None  # 'E. TỔ CHỨC THỰC HIỆN' after 'D. …' ends the periods
        self.current = None

    def heading(self, text: str, md_level: int, bold: bool) -> None:
        """Start or end the scope of a heading that names the leader of the records below."""
        titled = _title(text)
        style = titled[2] if titled is not None else ""
        if text[:1].islower() or not (md_level or bold or style in _RANKS or _is_caps_heading(text)):
            return  # not a heading, or the wrapped end of one
        rank = _RANKS.get(style, 99)
        lead = self.lead
        if lead is not None:
            if lead.md_level:
                ends = 0 < md_level <= lead.md_level
            elif lead.bold:  # a bold heading ends at a bold heading as high or higher
                ends = bold and rank <= lead.rank
            else:
                ends = rank <= lead.rank
            if ends or _is_caps_heading(text):
                self.lead = None
        name = lead_heading(text) if (md_level or bold or style in _RANKS) else None
        if name is not None:
            self.lead = _Lead(name, md_level, bold and not md_level, rank)

    def line(self, text: str, line_no: int) -> None:
        body = _LEADING_BULLET.sub("", text)
        head, fields = split_fields(body)
        it = self.current
        if fields and not head:
            if it is not None:
                self._extend(it, body)
            return
        if it is not None and it.last and not it.fields[it.last]:
            self._extend(it, text)  # 'Thời gian:' with its value on the next line
            return
        period = period_heading(text)
        if period is not None:
            self.close()
            self.period = period
            return
        titled = _title(text)
        if titled is not None:
            self._open(titled, line_no)
            return
        if it is not None and self._continues(it, text, head, bool(fields)):
            return
        self.close()
        if _is_caps_heading(text):
            self.period = None

    def _open(self, titled: tuple[str, str, str], line_no: int) -> None:
        self.close()
        no, rest, style = titled
        lead = self.lead.name if self.lead else None
        it = _Item(no=no, title="", style=style, line_no=line_no, period=self.period, lead=lead)
        self._extend(it, rest)
        self.items.append(it)
        self.current = it

    def _extend(self, it: _Item, text: str) -> None:
        """Add a line to the record and read its title and fields again from all its lines,
        so that a value or a label wrapped over a line break is read whole."""
        it.lines.append(text)
        head, fields = split_fields("\n".join(it.lines))
        it.title, it.fields, it.last, it.indicator, it.firm = head, {}, None, False, False
        for role, value, firm in fields:
            it.indicator = it.indicator or role == "indicator"
            it.firm = it.firm or firm
            if it.fields.get(role):
                it.fields[role] = f"{it.fields[role]}; {value}" if value else it.fields[role]
            else:
                it.fields[role] = value
            it.last = role
        if it.style == "nv":
            it.title, clauses = split_assignment(it.title)
            for role, value in clauses:
                if not it.fields.get(role):
                    it.fields[role] = value
                it.firm = it.firm or role in ("responsible", "deadline")

    def _continues(self, it: _Item, text: str, head: str, has_fields: bool) -> bool:
        """A wrapped line: of the title while no field came yet, else of the record's fields —
        a line in lower case or after a list stop, or one that finishes a value cut mid-phrase
        and goes on with more fields ('Phối hợp: Hội' / 'Nông dân xã; Thời hạn: …')."""
        goes_on = text[:1].islower() or bool(self.open_end)
        if not it.fields:
            if self.blank and not (goes_on or _UNFINISHED.search(it.title)):
                return False
            self._extend(it, text)
            return True
        if it.last is None or self.blank:
            return False
        after_head = text[text.find(head) + len(head) :].lstrip() if head else ""
        cut = has_fields and self.last_end not in ".!?" and after_head[:1] in (",", ";")
        if not (goes_on or cut):
            return False
        self._extend(it, text)
        return True


def _items(doc: Document) -> list[_Item]:
    reader = _Reader()
    for block in doc.blocks:
        if block.kind != "line":
            reader.close()
            continue
        text = clean(_MARKDOWN.sub("", block.text))
        if not text:
            reader.blank = True
            continue
        md = _MD_HEADING.match(block.text)
        reader.heading(text, len(md.group(1)) if md else 0, block.heading)
        reader.line(text, block.line_no)
        reader.blank = False
        reader.open_end = text[-1] if text[-1] in ",;" else ""
        reader.last_end = text[-1]
    reader.close()
    return reader.items


# --- tasks ----------------------------------------------------------------------------------


def _is_task_item(it: _Item) -> bool:
    """A unit in charge ('Chủ trì') or a time limit — or, under a title that says 'Nhiệm vụ N',
    any assignment — a title of two words or more, and no indicator fields."""
    if it.indicator or len(it.title.split()) < 2 or fold(it.title).startswith("chi tieu"):
        return False
    if it.style == "nv":
        return any(it.fields.get(r) for r in ("leader", "responsible", "coordinating", "deadline"))
    return it.firm


def _usual_year(items: list[_Item]) -> int | None:
    years = Counter(int(y) for it in items for y in _YEAR.findall(it.fields.get("deadline", "")))
    return years.most_common(1)[0][0] if years else None


def _task(it: _Item, usual_year: int | None) -> Task | None:
    if not _is_task_item(it):
        return None
    own = it.fields.get("deadline") or None
    deadline_text = own or (it.period.text if it.period else None)
    task = Task(
        key="",
        name=it.title.strip(TRIM),
        no=it.no,
        group=it.period.text if it.period else None,
        leader=it.fields.get("leader") or it.lead,
        responsible=it.fields.get("responsible") or None,
        coordinating=it.fields.get("coordinating") or None,
        deadline_text=deadline_text,
        source_ref=f"line {it.line_no}",
    )
    if deadline_text:
        year = it.period.year if it.period and it.period.year else usual_year
        parsed = parse_deadline(deadline_text, default_year=year)
        task.deadlines, task.recurring = parsed.deadlines, parsed.recurring
    return task
