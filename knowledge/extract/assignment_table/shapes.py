"""The pieces of an assignment table as it is read: a line of flattened text, the
header's target columns, a row with its lines, and the cells split out of a row."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.extract.assignment_columns import Column
from knowledge.text import clean

JUNK = " '‘’\"“”`"


def gaps_as_breaks(raw: str) -> str:
    pieces = (clean(p).strip(JUNK) for p in re.split(r" {2,}|\t", raw.strip()))
    return "\n".join(p for p in pieces if p)


@dataclass
class Line:
    no: int
    raw: str

    @property
    def text(self) -> str:
        return clean(self.raw).strip(JUNK)

    @property
    def indent(self) -> int:
        return len(self.raw) - len(self.raw.lstrip())

    @property
    def cells(self) -> str:
        """The line with column gaps (2+ spaces) as hard breaks."""
        return gaps_as_breaks(self.raw)


@dataclass
class Header:
    labels: list[str]  # target column labels, left to right
    own: int  # index into labels of the plan's own target column
    has_leader: bool
    has_coordinating: bool
    has_note: bool = True
    columns: tuple[Column, ...] = ()  # character positions, when the table is space-aligned


@dataclass
class Row:
    no: str
    kind: str  # 'row' | 'sub'
    group: str | None
    lines: list[Line] = field(default_factory=list)
    first: str = ""  # text of the first line after its marker


@dataclass
class Cells:
    name: str
    unit: str | None = None
    values: list[str] = field(default_factory=list)
    leader: str | None = None
    responsible: list[str] = field(default_factory=list)
    coordinating: list[str] = field(default_factory=list)
    note: list[str] = field(default_factory=list)

    @property
    def past_name(self) -> bool:
        return bool(self.unit or self.values or self.leader or self.responsible)
