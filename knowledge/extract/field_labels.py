"""The labels of a task record's fields, in one place: 'Nhiệm vụ: …', 'Đơn vị chủ trì: …',
'Cơ quan phối hợp: …', 'Thời gian thực hiện: …', 'Sản phẩm: …', 'Kinh phí: …'.

A plan often writes a task as a block of such labelled items under one heading; the
outline readers (`outline`, `field_blocks`, `outline_tasks`) ask this module whether a
line or a heading is one of those labels, and which field it fills."""

from __future__ import annotations

import re
from typing import NamedTuple

from knowledge.text import fold

# Folded label -> field. A label is the whole text before the ':' of its line, so
# 'Nội dung tuyên truyền: …' or 'Chủ trì, phối hợp với …' is no label.
_ROLES: dict[str, tuple[str, ...]] = {
    # the task itself
    "task": ("nhiem vu", "nhiem vu cu the", "hoat dong", "cong viec", "noi dung cong viec"),
    # what a titled task consists of (the heading above names the task)
    "content": ("noi dung", "noi dung thuc hien", "noi dung trien khai", "noi dung chu yeu"),
    "responsible": (
        "co quan chu tri",
        "don vi chu tri",
        "co quan thuc hien",
        "don vi thuc hien",
        "co quan chu tri thuc hien",
        "don vi chu tri thuc hien",
        "co quan don vi chu tri",
        "co quan don vi thuc hien",
        "bo phan chu tri",
        "bo phan thuc hien",
        "chu tri",
        "chu tri thuc hien",
        "trach nhiem thuc hien",
        "co quan tham muu",
        "don vi tham muu",
    ),
    "coordinating": (
        "co quan phoi hop",
        "don vi phoi hop",
        "co quan phoi hop thuc hien",
        "don vi phoi hop thuc hien",
        "co quan don vi phoi hop",
        "bo phan phoi hop",
        "phoi hop",
        "phoi hop thuc hien",
    ),
    "deadline": (
        "thoi gian",
        "thoi gian thuc hien",
        "thoi gian hoan thanh",
        "thoi gian trien khai",
        "thoi han",
        "thoi han hoan thanh",
        "thoi han thuc hien",
        "tien do",
        "tien do thuc hien",
        "tien do hoan thanh",
    ),
    "output": ("san pham", "san pham dau ra", "ket qua", "ket qua dau ra", "ket qua du kien"),
    "funds": ("kinh phi", "kinh phi thuc hien", "nguon kinh phi", "du kien kinh phi"),
}
_ROLE_OF: dict[str, str] = {label: role for role, labels in _ROLES.items() for label in labels}
TASK_ROLES = ("task", "content")
PARTY_ROLES = ("responsible", "coordinating")

# 'Nhiệm vụ 3: …' numbers the task it labels
_NUMBERED_TASK = re.compile(r"^nhiem vu \d{1,2}$")
_MARKER = re.compile(
    r"^\s*(?:[IVXLC]{1,6}|[A-ZĐ]|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ]|\(\s*\d{1,3}\s*\))\s*[.)/:–-]?\s+"
    r"|^\s*[-+*•●○◦▪■□❖➢►✓–—]\s*"
)
_MAX_LABEL_CHARS = 48


class Label(NamedTuple):
    role: str  # 'task', 'content', 'responsible', 'coordinating', 'deadline', 'output', 'funds'
    value: str  # what follows the ':' ('' for a label alone on its line)


def field_label(text: str) -> Label | None:
    """'b) Đơn vị chủ trì: Sở Y tế.' -> Label('responsible', 'Sở Y tế.'); '**c) Thời gian
    thực hiện:** Quý II/2026' -> Label('deadline', 'Quý II/2026'); a lead-in that is a label
    alone ('b) Cơ quan thực hiện:') -> a label with no value. The ':' is required: 'II. NỘI
    DUNG' or '4.1. Kinh phí thực hiện' is a section of the plan, not a field."""
    body = _MARKER.sub("", text.replace("*", ""), count=1).strip()
    head, colon, value = body.partition(":")
    if not colon or len(head) > _MAX_LABEL_CHARS:
        return None
    role = label_role(head)
    if role is None:
        return None
    return Label(role, value.strip())


def label_role(label: str) -> str | None:
    """The field a label names ('Đơn vị phối hợp' -> 'coordinating'), or None."""
    f = fold(label)
    if _NUMBERED_TASK.match(f):
        return "task"
    return _ROLE_OF.get(f)
