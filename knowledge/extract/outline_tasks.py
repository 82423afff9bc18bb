"""Tasks read from the outline of an official document, whatever its numbering style.

An item under a tasks section (see `outline.section_role`) is a task; the unit heading
above it is the party in charge unless the item names its own ('Giao Sở X chủ trì, phối
hợp với Sở Y …', 'Sở X chủ trì; Sở Y phối hợp'); a 'Chủ trì, phối hợp với Y …' item under
a unit names its coordinating units. Field lines under a task ('- Cơ quan chủ trì: …',
'- Thời gian thực hiện: …', '- Sản phẩm: …') fill that task rather than becoming tasks, and a
block of labelled items ('a) Nhiệm vụ: …', 'b) Cơ quan thực hiện: …', 'c) Thời gian thực
hiện: …') is one record whose tasks all take its fields (`field_blocks`)."""

from __future__ import annotations

import re

from knowledge.deadlines import parse_deadline
from knowledge.extract import field_blocks
from knowledge.extract.field_labels import Label, field_label
from knowledge.extract.outline import Item, Outline, Section, build, strip_marker, unit_name
from knowledge.extract.outline_indicators import states_target
from knowledge.model import Document, LayoutResult, Task
from knowledge.text import fold

_MIN_WORDS = 4


_UPPER = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈÍÓÚÝẤẦẨẪẬẮẰẲẴẶẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰ"
# 'Giao Sở Tài chính chủ trì', 'Sở Tài chính chủ trì, phối hợp …', 'Công an tỉnh có trách nhiệm …'
_LEAD_PARTY = re.compile(
    rf"^(?:(?:giao|đề\s+nghị|yêu\s+cầu)\s+)?(?P<party>[{_UPPER}][^.;:()]{{2,140}}?)\s*,?\s+"
    r"(?:(?:là\s+cơ\s+quan\s+)?chủ\s+trì|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|chủ\s+động)\b",
    re.IGNORECASE,
)
_GIAO = re.compile(
    rf"\b(?:giao|đề\s+nghị)\s+(?P<party>[{_UPPER}][^.;:()]{{2,140}}?)\s*,?\s+(?:chủ\s+trì|là\s+cơ\s+quan\s+chủ\s+trì)\b",
)
_COORD = re.compile(
    r"\bphối\s+hợp(?:\s+chặt\s+chẽ)?(?:\s+với)?\s+(?P<party>(?:các\s+|với\s+)?[^.;:()]{3,200}?)"
    r"(?=,?\s+(?:để\s+)?(?:tham\s+mưu|tổ\s+chức|triển\s+khai|thực\s+hiện|"
    r"xây\s+dựng|rà\s+soát|nghiên\s+cứu|theo\s+dõi|hướng\s+dẫn|kiểm\s+tra|đề\s+xuất|trình|báo\s+cáo|"
    r"tuyên\s+truyền|đôn\s+đốc|giám\s+sát|tiếp\s+tục|tăng\s+cường|bảo\s+đảm|đảm\s+bảo|quản\s+lý|"
    r"cung\s+cấp|chỉ\s+đạo|vận\s+động|phát\s+triển|kịp\s+thời|thường\s+xuyên|bố\s+trí|hỗ\s+trợ|"
    r"ban\s+hành|cập\s+nhật|lập|phổ\s+biến|đánh\s+giá|thẩm\s+định|tổng\s+hợp|giải\s+quyết|xử\s+lý|"
    r"thu\s+thập|sửa\s+đổi|bổ\s+sung|hoàn\s+thiện|nâng\s+cao|đẩy\s+mạnh|khảo\s+sát|đầu\s+tư)\b|\s*[;.]|$)",
    re.IGNORECASE,
)
_DEADLINE = re.compile(
    r"(?:thời\s+(?:gian|hạn)(?:\s+(?:thực\s+hiện|hoàn\s+thành))?\s*:\s*(?P<labelled>[^;.]+))"
    r"|(?P<done>(?:hoàn\s+thành|xong|thực\s+hiện)\s+(?:trước|trong|chậm\s+nhất(?:\s+(?:là|vào|trước))?)\s+"
    r"(?:ngày\s+\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|tháng\s+\d{1,2}[/]\d{4}|"
    r"quý\s+(?:[IV]{1,3}|[1-4])\s*[/]\s*\d{4}|năm\s+\d{4}))"
    r"|(?P<often>\b(?:thường\s+xuyên|hằng\s+năm|hàng\s+năm|định\s+kỳ)\b)"
    # 'Đến năm 2030, 100% …', '… đến năm 2030 đạt 1.700 ha': the horizon the item sets itself
    r"|(?P<until>\b(?:đến|tới|trong|vào|trước)\s+(?:hết\s+|cuối\s+)?"
    r"(?:năm\s+(?:19|20)\d\d|tháng\s+\d{1,2}\s*/\s*(?:19|20)\d\d|quý\s+(?:[IV]{1,3}|[1-4])\s*/\s*(?:19|20)\d\d)\b)",
    re.IGNORECASE,
)
_NOT_TASK = re.compile(r"^(?:trên\s+đây|ghi\s+chú|lưu\s+ý)\b", re.IGNORECASE)


def extract(doc: Document, outline: Outline | None = None) -> LayoutResult:
    outline = outline or build(doc)
    tasks: list[Task] = []
    owner: dict[int, Task] = {}  # id(section) -> the task its heading became
    last: Task | None = None
    last_section: Section | None = None
    pending = field_blocks.records(outline)
    in_record = {i for r in pending for i in r.items}
    for item in outline.items:
        while pending and pending[0].line_no <= item.line_no:
            tasks.extend(_record_tasks(pending.pop(0)))
        section = item.section
        if id(item) in in_record or section.effective_role() != "tasks":
            continue
        label = field_label(item.text)
        if label is not None and label.role != "task":
            target = _field_target(section, last, last_section, owner)
            if target is None and _owns_fields(section):
                target = _task_from(section.heading, section, section.line_no)
                if target is not None:  # grouped by the heading above its own
                    target.group = _group(section.parent) if section.parent is not None else None
                    owner[id(section)] = target
                    tasks.append(target)
            if target is not None:
                _fill(target, label)
            continue
        if states_target(item.text):
            continue  # '(2) Ít nhất 85% …': a target, read by outline_indicators
        task = _task_from(item.text, section, item.line_no, item)
        if task is not None:
            tasks.append(task)
            last, last_section = task, section
    for record in pending:
        tasks.extend(_record_tasks(record))
    for i, t in enumerate(tasks, 1):
        t.key = f"O{i:03d}"
        _set_deadlines(t)
    return LayoutResult(tasks=tasks)


def _field_target(
    section: Section, last: Task | None, last_section: Section | None, owner: dict[int, Task]
) -> Task | None:
    """The task a field line outside a record fills: the one just read when the line stands
    under a label ('Cơ quan thực hiện:' then '- Đơn vị chủ trì: …') or in the same section
    (or one around it), else the task the section's heading became."""
    label_section = field_label(section.heading) is not None
    near = label_section or (last_section is not None and section in last_section.path())
    return last if last is not None and near else owner.get(id(section))


def _owns_fields(section: Section) -> bool:
    """'1. Tổ chức tập huấn …' with '- Cơ quan chủ trì: …' below: the heading is the task."""
    return section.role == "neutral" and section.unit is None and field_label(section.heading) is None


_FIELD_ORDER = ("responsible", "coordinating", "deadline", "content")


def _record_tasks(record: field_blocks.Record) -> list[Task]:
    """The tasks of a block of labelled items, each with the block's lead unit,
    coordinating units and time."""
    owner = record.owner
    out: list[Task] = []
    for rt in record.tasks:
        task = _task_from(rt.text, owner, rt.line_no)
        if task is None:
            continue
        task.no = _number(owner.heading) or task.no
        if rt.solution is not None:  # the heading names the task; the group is the one above it
            task.solution = rt.solution
            task.name = task.name.rstrip(" :")
            task.group = _group(owner.parent) if owner.parent is not None else None
        elif owner.rank >= 0 and owner.unit is None:
            task.group = _heading_name(owner.heading)
        for role in _FIELD_ORDER:  # the block's own coordinating units win over a sentence's
            if role in record.fields:
                _fill(task, Label(role, record.fields[role]))
        out.append(task)
    return out


def _task_from(text: str, section: Section, line_no: int, item: Item | None = None) -> Task | None:
    label = field_label(text)
    body = label.value if label is not None and label.role == "task" else strip_marker(text)
    if _NOT_TASK.match(body) or len(body.split()) < _MIN_WORDS:
        return None
    name, responsible = _own_unit(body)
    responsible = responsible or _lead_party(name) or section.effective_unit()
    coordinating = _coordinating(name)
    task = Task(
        key="",
        name=name,
        no=_number(text),
        group=_group(section),
        responsible=_tidy_party(responsible),
        coordinating=_tidy_party(coordinating),
        source_ref=f"line {line_no}",
    )
    m = _DEADLINE.search(name)
    if m:
        task.deadline_text = (
            m.group("labelled") or m.group("done") or m.group("often") or m.group("until")
        ).strip()
    else:  # under 'Giai đoạn 2026 - 2030' or 'Năm 2026': the period the heading names
        task.deadline_text = next((p for s in reversed(section.path()) if (p := _period(s.heading))), None)
    return task


_PERIOD = re.compile(
    r"^(?:giai\s+đoạn|năm|quý|tháng|từ\s+nay\s+đến(?:\s+năm)?|đến\s+năm|trong\s+năm)\s+[\dIV][\d\s/IV–-]*$",
    re.IGNORECASE,
)


def _period(heading: str) -> str | None:
    """'1. Giai đoạn 2025 - 2030', 'Năm 2026', 'Quý II/2026' as a heading: the time of its items."""
    body = strip_marker(heading).strip(" :.")
    if _PERIOD.match(body) and parse_deadline(body).deadlines:
        return body
    return None


def _group(section: Section) -> str | None:
    """The heading that groups a section's tasks: the innermost plain heading ('1.2. Triển
    khai, phát triển dữ liệu'), never a unit nor a field label ('a) Nhiệm vụ:'); with none
    under the part of the plan the tasks stand in, that part ('III. TỔ CHỨC THỰC HIỆN'), not
    a line of the title above it."""
    path = [s for s in section.path() if not s.unit and field_label(s.heading) is None]
    part = max((k for k, s in enumerate(path) if s.role != "neutral" and 0 <= s.rank <= 1), default=-1)
    below = path[part + 1 :] if part >= 0 else path
    plain = [s for s in below if s.role == "neutral"]
    if plain:
        return _heading_name(plain[-1].heading)
    if part >= 0:
        return _heading_name(path[-1].heading)
    return None


def _heading_name(heading: str) -> str:
    """'III. TỔ CHỨC THỰC HIỆN' -> 'Tổ chức thực hiện'; '1.1. Xây dựng …:' -> 'Xây dựng …'."""
    name = strip_marker(heading).strip(" :.")
    if name.isupper():
        name = name[:1] + name[1:].lower()
    return name


def _own_unit(body: str) -> tuple[str, str | None]:
    """'Sở Tài chính: chủ trì …' -> ('chủ trì …', 'Sở Tài chính')."""
    head, sep, rest = body.partition(":")
    if sep and rest.strip() and len(head.split()) <= 16:
        unit = unit_name(head)
        if unit:
            return rest.strip(), unit
    return body, None


def _lead_party(text: str) -> str | None:
    m = _GIAO.search(text) or _LEAD_PARTY.match(text)
    if not m:
        return None
    party = m.group("party").strip()
    return party if unit_name(party) else None


def _coordinating(text: str) -> str | None:
    m = _COORD.search(text)
    if not m:
        return None
    party = re.sub(r"^(?:với\s+)", "", m.group("party").strip(), flags=re.IGNORECASE)
    if len(party.split()) < 2 or not (unit_name(party) or fold(party).startswith("cac ")):
        return None  # 'phối hợp tiến hành kiểm định …': a joint action, no party named
    return party


def _tidy_party(text: str | None) -> str | None:
    if not text:
        return None
    t = " ".join(text.split()).strip(" ,;:.-")
    return t or None


def _number(text: str) -> str:
    m = re.match(r"^\s*(\(?[\dIVXa-zđ]{1,6}(?:\.\d{1,3})*[.)]?)\s", text)
    return m.group(1) if m else ""


def _fill(task: Task, label: Label) -> None:
    role, value = label.role, label.value.strip()
    if not value:
        return
    if role == "responsible":
        task.responsible, others = _party_sentence(value)
        task.coordinating = others or task.coordinating
    elif role == "coordinating":
        task.coordinating = _tidy_party(value)
    elif role == "deadline":
        task.deadline_text = value.rstrip(" .;")
    elif role == "content":
        task.solution = value


def _party_sentence(value: str) -> tuple[str | None, str | None]:
    """A unit field written as a sentence ('Sở Nội vụ chủ trì tham mưu …; Sở Tư pháp và các
    sở, ngành chủ động tổ chức …'): the unit that leads, and the units of the next clause
    that act with it. A plain list of units is returned whole."""
    head, _, rest = value.partition(";")
    lead = _lead_party(head)
    if lead is None:
        return _tidy_party(value), None
    return _tidy_party(lead), _tidy_party(_lead_party(rest.strip())) if rest else None


def _set_deadlines(task: Task) -> None:
    if task.deadline_text:
        parsed = parse_deadline(task.deadline_text)
        task.deadlines, task.recurring = parsed.deadlines, parsed.recurring
