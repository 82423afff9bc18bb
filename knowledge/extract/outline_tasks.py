"""Tasks read from the outline of an official document, whatever its numbering style.

An item under a tasks section (see `outline.section_role`) is a task; the unit heading
above it is the party in charge unless the item names its own ('Giao Sở X chủ trì, phối
hợp với Sở Y …', 'Sở X chủ trì; Sở Y phối hợp'); a 'Chủ trì, phối hợp với Y …' item under
a unit names its coordinating units. Field lines under a task ('- Cơ quan chủ trì: …',
'- Thời gian thực hiện: …', '- Sản phẩm: …') fill that task rather than becoming tasks."""

from __future__ import annotations

import re

from knowledge.deadlines import parse_deadline
from knowledge.extract.outline import Item, Outline, Section, build, strip_marker, unit_name
from knowledge.extract.outline_indicators import states_target
from knowledge.model import Document, LayoutResult, Task
from knowledge.text import fold

_MIN_WORDS = 4

# '- Cơ quan chủ trì: Sở Nội vụ', '- Thời gian thực hiện: Quý II/2026'
_FIELD = re.compile(
    r"^(?P<label>(?:cơ\s+quan|đơn\s+vị)\s+(?:chủ\s+trì|thực\s+hiện|phối\s+hợp)(?:\s+thực\s+hiện)?"
    r"|chủ\s+trì(?:\s+thực\s+hiện)?|phối\s+hợp(?:\s+thực\s+hiện)?"
    r"|thời\s+(?:gian|hạn)(?:\s+(?:thực\s+hiện|hoàn\s+thành|triển\s+khai))?|tiến\s+độ(?:\s+thực\s+hiện)?"
    r"|sản\s+phẩm(?:\s+đầu\s+ra)?|kết\s+quả\s+(?:đầu\s+ra|dự\s+kiến)|nội\s+dung(?:\s+thực\s+hiện)?"
    r"|kinh\s+phí(?:\s+thực\s+hiện)?)\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_FIELD_ROLE = (  # first match wins: 'Thời gian thực hiện' is a time, not who does it
    ("thoi", "deadline"),
    ("tien do", "deadline"),
    ("phoi hop", "coordinating"),
    ("chu tri", "responsible"),
    ("thuc hien", "responsible"),
    ("noi dung", "solution"),
)

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
    for item in outline.items:
        section = item.section
        if section.effective_role() != "tasks":
            continue
        field = _FIELD.match(strip_marker(item.text))
        if field:
            label_section = bool(_FIELD_HEADING.match(strip_marker(section.heading)))
            # 'b) Cơ quan thực hiện:' then '- Đơn vị chủ trì: …': fields of the task just read
            # (or of one just read in a subsection of this one: 'a) Nhiệm vụ: …' then 'c) Thời gian: …')
            near = label_section or (last_section is not None and section in last_section.path())
            target = last if last is not None and near else owner.get(id(section))
            if target is None and section.role == "neutral" and section.unit is None and not label_section:
                target = _task_from(section.heading, section, section.line_no)
                if target is not None:
                    owner[id(section)] = target
                    tasks.append(target)
            if target is not None:
                _fill(target, field.group("label"), field.group("value"))
            continue
        if states_target(item.text):
            continue  # '(2) Ít nhất 85% …': a target, read by outline_indicators
        task = _task_from(item.text, section, item.line_no, item)
        if task is not None:
            tasks.append(task)
            last, last_section = task, section
    for i, t in enumerate(tasks, 1):
        t.key = f"O{i:03d}"
        _set_deadlines(t)
    return LayoutResult(tasks=tasks)


def _task_from(text: str, section: Section, line_no: int, item: Item | None = None) -> Task | None:
    body = _TASK_LABEL.sub("", strip_marker(text))
    if _NOT_TASK.match(body) or len(body.split()) < _MIN_WORDS:
        return None
    name, responsible = _own_unit(body)
    responsible = responsible or _lead_party(name) or section.effective_unit()
    coordinating = _coordinating(name)
    group = next((s.heading for s in reversed(section.path()) if s.role == "neutral" and not s.unit), None)
    task = Task(
        key="",
        name=name,
        no=_number(text),
        group=strip_marker(group).rstrip(":") if group else None,
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


_FIELD_HEADING = re.compile(
    r"^(?:cơ\s+quan|đơn\s+vị)\s+(?:thực\s+hiện|chủ\s+trì|phối\s+hợp)|^thời\s+gian|^tiến\s+độ|^sản\s+phẩm|^kinh\s+phí",
    re.IGNORECASE,
)
_TASK_LABEL = re.compile(r"^(?:nhiệm\s+vụ|nội\s+dung)(?:\s+\d{1,2})?\s*:\s*", re.IGNORECASE)


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


def _fill(task: Task, label: str, value: str) -> None:
    value = value.strip()
    if not value:
        return
    f = fold(label)
    role = next((r for w, r in _FIELD_ROLE if w in f), None)
    if role == "responsible":
        task.responsible = _tidy_party(value)
    elif role == "coordinating":
        task.coordinating = _tidy_party(value)
    elif role == "deadline":
        task.deadline_text = value.rstrip(" .;")
    elif role == "solution":
        task.solution = value


def _set_deadlines(task: Task) -> None:
    if task.deadline_text:
        parsed = parse_deadline(task.deadline_text)
        task.deadlines, task.recurring = parsed.deadlines, parsed.recurring
