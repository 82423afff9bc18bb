"""Plain data classes that every extractor returns and `storage/` persists.

This is the contract between `knowledge/` and `storage/`: extractors fill
these, nothing below them knows about databases."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# The roles a bot user can hold, least to most privileged.
ROLES = ("resident", "officer", "leader", "admin")


@dataclass
class Target:
    """A parsed figure as the plan writes it ('dưới 7,6%', '15-20%', 'Đạt')."""

    text: str | None = None  # as written, without the unit when the unit is separate
    value: float | None = None  # the number (lower bound of a range)
    comparator: str | None = None  # '=', '>=', '<=', '>', '<', 'range', 'status'
    max_value: float | None = None  # upper bound of a range
    unit: str | None = None  # '%', 'tấn', 'triệu đồng/người/năm', '‰', ...
    denominator: float | None = None  # fractions '4/8 hộ' -> value 4, denominator 8


@dataclass
class OtherTarget:
    """A second value for the same indicator (another column, the prose)."""

    source: str
    text: str


@dataclass
class Indicator:
    key: str  # local id inside the plan, e.g. 'I07'; parents referenced by key
    name: str
    no: str = ""
    group: str | None = None
    unit: str | None = None
    target_text: str | None = None
    target_value: float | None = None
    comparator: str | None = None
    target_max: float | None = None
    other_targets: list[OtherTarget] = field(default_factory=list)
    leader: str | None = None  # raw text of the directing leader(s)
    responsible: str | None = None  # raw text of the responsible officer/unit(s)
    coordinating: str | None = None  # raw text of the coordinating units
    parent_key: str | None = None
    source_ref: str = ""  # 'line 231' or 'table 2 row 5' — cited in answers
    note: str | None = None


@dataclass
class Deadline:
    """One due date a deadline text allows, with the solution it belongs to."""

    due: date
    label: str | None = None  # 'Giải pháp 1', 'tháng 7', ...


@dataclass
class ParsedDeadline:
    text: str
    deadlines: list[Deadline] = field(default_factory=list)
    recurring: bool = False
    frequency: str | None = None  # 'monthly', 'quarterly', 'yearly', None
    day_of_month: int | None = None  # 'trước ngày 20 hàng tháng' -> 20

    @property
    def due_date(self) -> date | None:
        """The latest date the text allows (the export's due_date)."""
        return max((d.due for d in self.deadlines), default=None)


@dataclass
class Task:
    key: str
    name: str
    no: str = ""
    group: str | None = None
    solution: str | None = None
    leader: str | None = None
    responsible: str | None = None
    coordinating: str | None = None
    deadline_text: str | None = None
    deadlines: list[Deadline] = field(default_factory=list)
    recurring: bool = False
    source_ref: str = ""

    @property
    def due_date(self) -> date | None:
        return max((d.due for d in self.deadlines), default=None)


@dataclass
class ReportingRule:
    text: str
    frequency: str | None = None  # 'monthly', 'quarterly', 'yearly', 'adhoc', None
    day_of_month: int | None = None
    deadline_date: date | None = None
    report_to: str | None = None
    source_ref: str = ""


@dataclass
class ProgressEntry:
    """A result row of the plan itself (e.g. 'Biểu số 01': kết quả, đánh giá)."""

    item: str
    no: str = ""
    value_text: str | None = None
    value: float | None = None
    assessment: str | None = None
    source_ref: str = ""


@dataclass
class UnitDuty:
    unit: str
    summary: str
    source_ref: str = ""


@dataclass
class Milestone:
    """A dated commitment written in prose ('…, hoàn thành trước ngày 10/02/2025'):
    searched and answered, but not a task of the plan."""

    text: str
    deadline_text: str
    due: date
    source_ref: str = ""


@dataclass
class Conflict:
    what: str
    values: list[str] = field(default_factory=list)


@dataclass
class LayoutResult:
    """What one layout extractor found; `extract_plan` merges the results."""

    indicators: list[Indicator] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    progress: list[ProgressEntry] = field(default_factory=list)


@dataclass
class PlanMeta:
    locality: str | None = None  # 'phường Đông Thọ' (type + name)
    locality_type: str | None = None  # 'xã', 'phường', 'thị trấn', 'huyện', 'tỉnh', ...
    parent: str | None = None  # 'thành phố Thanh Hóa'
    province: str | None = None  # 'Thanh Hóa'
    period_start: int | None = None
    period_end: int | None = None
    title: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    signed_date: date | None = None
    signer: str | None = None


@dataclass
class ExtractedPlan:
    meta: PlanMeta = field(default_factory=PlanMeta)
    indicators: list[Indicator] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    reporting: list[ReportingRule] = field(default_factory=list)
    progress: list[ProgressEntry] = field(default_factory=list)
    duties: list[UnitDuty] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def is_plan(self) -> bool:
        """A document holds a plan when at least one indicator or task was found."""
        return bool(self.indicators or self.tasks)


@dataclass
class Cell:
    text: str


@dataclass
class Block:
    """One piece of a read document, in reading order.

    kind 'line' holds one line of text (line numbers are 1-based in the source);
    kind 'table' holds rows of cell texts (already stripped of HTML)."""

    kind: str  # 'line' | 'table'
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    line_no: int = 0  # first source line of the block
    heading: bool = False  # a markdown heading or a line set wholly in bold


@dataclass
class Document:
    """What a reader returns: the file's name, its blocks and its full text."""

    source: str  # file base name
    blocks: list[Block] = field(default_factory=list)
    content_hash: str = ""

    @property
    def text(self) -> str:
        parts: list[str] = []
        for b in self.blocks:
            if b.kind == "line":
                parts.append(b.text)
            else:
                parts.extend("\t".join(r) for r in b.rows)
        return "\n".join(parts)
