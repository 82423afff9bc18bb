"""Task records written as a block of labelled items under one heading.

    **4.2. Nguồn nhân lực**
    a) Nhiệm vụ: Lựa chọn kiến trúc sư trưởng …
    b) Cơ quan thực hiện:
    - Đơn vị chủ trì: Sở Khoa học và Công nghệ.
    - Đơn vị phối hợp: Các Sở, ban, ngành.
    c) Thời gian thực hiện: Hoàn thành trong năm 2025.

Sibling nodes of one section (items, or lead-in headings with items below them) whose labels
are field names (`field_labels`) are one record: its task is the text after the task label
('Nhiệm vụ: …'), or each item under that label when it leads a list ('a) Nhiệm vụ:' then
'- …'), or the heading itself when the block only says what the task consists of ('Nội
dung thực hiện: …'); every task of the record takes the record's lead unit, coordinating
units and time, wherever the block writes them (inline, or nested under 'Cơ quan thực
hiện:'). The labels may be lettered, numbered, bulleted, bold or plain 'Label: value' lines:
the outline has already turned every numbering style into the same nodes."""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.extract.field_labels import PARTY_ROLES, TASK_ROLES, Label, field_label
from knowledge.extract.outline import Item, Outline, Section, strip_marker

_TRIM = " .;,:-–"


@dataclass
class RecordTask:
    text: str
    line_no: int
    solution: str | None = None  # what a titled task consists of ('Nội dung thực hiện: …')


@dataclass
class Record:
    owner: Section  # the section whose items and lead-ins make up the block
    line_no: int
    tasks: list[RecordTask] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)  # role -> value
    items: set[int] = field(default_factory=set)  # id() of every item the record reads


@dataclass
class _Member:
    label: Label
    line_no: int
    item: Item | None = None
    section: Section | None = None


def records(outline: Outline) -> list[Record]:
    """Every task record of the outline's task parts, in document order."""
    found: list[Record] = []
    for section in _sections(outline.root):
        if not any(s.role == "tasks" for s in section.path()):
            continue  # a record under the purpose or the targets of the plan assigns nothing
        for block in _blocks(section):
            record = _record(section, block)
            if record is not None:
                found.append(record)
    return sorted(found, key=lambda r: r.line_no)


def _sections(root: Section) -> list[Section]:
    out: list[Section] = []
    todo = [root]
    while todo:
        s = todo.pop()
        out.append(s)
        todo.extend(reversed(s.children))
    return out


def _blocks(section: Section) -> list[list[_Member]]:
    """The runs of labelled siblings of the section; a field met twice begins the next
    record ('- Nhiệm vụ: A', '- Chủ trì: X', '- Nhiệm vụ: B', '- Chủ trì: Y')."""
    nodes: list[tuple[int, Item | Section]] = [(i.line_no, i) for i in section.items]
    nodes += [(c.line_no, c) for c in section.children]
    blocks: list[list[_Member]] = [[]]
    for line_no, node in sorted(nodes, key=lambda n: n[0]):
        if isinstance(node, Item):
            label = field_label(node.text)
            member = _Member(label, line_no, item=node) if label else None
        else:
            label = field_label(node.heading)
            member = _Member(label, line_no, section=node) if label else None
        if member is None:
            continue
        roles = {m.label.role for m in blocks[-1]}
        if member.label.role in roles or (member.label.role in TASK_ROLES and roles & set(TASK_ROLES)):
            blocks.append([])
        blocks[-1].append(member)
    return [b for b in blocks if _is_record(b)]


def _is_record(block: list[_Member]) -> bool:
    """A task label and at least one field that assigns it: 'Nội dung: …' alone, or a list
    whose items happen to be labelled alike, is no record."""
    roles = {m.label.role for m in block}
    return bool(roles & set(TASK_ROLES)) and len(roles) >= 2


def _record(owner: Section, block: list[_Member]) -> Record | None:
    record = Record(owner, block[0].line_no)
    for member in block:
        if member.item is not None:
            record.items.add(id(member.item))
        if member.label.role in TASK_ROLES:
            _read_tasks(record, member)
        else:
            _read_field(record, member)
    return record if record.tasks else None


def _read_tasks(record: Record, member: _Member) -> None:
    listed = [i for i in _subtree_items(member.section) if field_label(i.text) is None]
    if listed:  # 'a) Nhiệm vụ:' then '- …', '- …': each item is a task of the record
        for item in listed:
            record.items.add(id(item))
            record.tasks.append(RecordTask(item.text, item.line_no))
        _read_nested_fields(record, member.section)
        return
    value = member.label.value.strip(_TRIM)
    if not value:
        return
    if member.label.role == "content" and _titled(record.owner):
        record.tasks.append(RecordTask(record.owner.heading, member.line_no, solution=value))
    else:
        record.tasks.append(RecordTask(value, member.line_no))


def _titled(section: Section) -> bool:
    """A numbered heading that names the task ('1. Phổ biến, giáo dục Luật Việc làm'), not a
    part of the plan ('II. NỘI DUNG') nor a unit."""
    return section.rank >= 0 and section.role == "neutral" and section.unit is None


def _read_field(record: Record, member: _Member) -> None:
    role, value = member.label.role, member.label.value.strip(_TRIM)
    if value:
        record.fields.setdefault(role, value)
    if member.section is None:
        return
    nested = _read_nested_fields(record, member.section)
    if role in PARTY_ROLES and not value and not nested:
        # 'b) Cơ quan thực hiện:' then '- Sở Y tế', '- Công an xã': the units themselves
        units = [strip_marker(i.text).strip(_TRIM) for i in _subtree_items(member.section)]
        if units:
            record.fields.setdefault(role, ", ".join(u for u in units if u))
    for item in _subtree_items(member.section):
        record.items.add(id(item))


def _read_nested_fields(record: Record, section: Section | None) -> bool:
    """'- Đơn vị chủ trì: …', '- Đơn vị phối hợp: …' under a lead-in label: the record's."""
    found = False
    for item in _subtree_items(section):
        label = field_label(item.text)
        if label is None or label.role in TASK_ROLES:
            continue
        record.items.add(id(item))
        value = label.value.strip(_TRIM)
        if value:
            record.fields.setdefault(label.role, value)
            found = True
    return found


def _subtree_items(section: Section | None) -> list[Item]:
    if section is None:
        return []
    items = list(section.items)
    for child in section.children:
        items.extend(_subtree_items(child))
    return sorted(items, key=lambda i: i.line_no)
