"""The plain facts an answer is worded from: a plan, an item of it, where it is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class SourceFacts:
    title: str | None = None
    doc_number: str | None = None
    locality: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    ref: str = ""  # 'line 231', 'table 2 row 5', 'Biểu số 01 dòng 3'
    no: str = ""  # the item's own number in the plan ('12', '1.3', 'a)')
    section: str | None = None  # the heading it stands under ('Chỉ tiêu về Văn hóa-Xã hội')


@dataclass
class ProgressFacts:
    value_text: str | None = None
    assessment: str | None = None
    status: str | None = None
    reported_at: date | None = None
    by_document: bool = False


@dataclass
class ItemFacts:
    kind: str  # 'indicator' | 'task' | 'reporting' | 'duty' | 'progress' | 'milestone'
    name: str
    group: str | None = None
    target_text: str | None = None
    unit: str | None = None
    comparator: str | None = None
    leader: str | None = None
    responsible: str | None = None
    coordinating: str | None = None
    deadline_text: str | None = None
    due_date: date | None = None
    recurring: bool = False
    solution: str | None = None
    other_targets: list[tuple[str, str]] = field(default_factory=list)  # (source, text) that differ
    conflicts: list[list[str]] = field(default_factory=list)  # the plan's recorded conflicts
    progress: ProgressFacts | None = None
    # reporting rules
    frequency: str | None = None
    day_of_month: int | None = None
    report_to: str | None = None
    source: SourceFacts = field(default_factory=SourceFacts)
    period_figure: str | None = None  # the end-of-period target when a year's value leads
    focus: tuple[str, ...] = ()  # the question's folded words: a long name keeps the part they are in
    cite: bool = True  # end with the source line (several items cite theirs once, together)


@dataclass
class PlanFacts:
    title: str | None
    locality: str | None
    period_start: int | None
    period_end: int | None
    doc_number: str | None
    signer: str | None
    signed_date: date | None
    indicators: int
    tasks: int
    reporting_rules: int
    groups: list[str] = field(default_factory=list)
