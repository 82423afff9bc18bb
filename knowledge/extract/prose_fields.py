"""Indicators written as records of labelled fields, in one paragraph
('- Chỉ tiêu: Tỷ lệ hộ nghèo; Đơn vị: %; Mục tiêu: dưới 2; Phụ trách: Công
chức LĐ-TBXH') or one field a line ('**Chỉ tiêu:** …' then '**Mục tiêu:** …')."""

from __future__ import annotations

import re

from knowledge.extract.lines import Paragraph
from knowledge.extract.prose_items import parse_item
from knowledge.extract.prose_targets import find_status, find_targets, parse_number
from knowledge.model import Indicator, Target
from knowledge.text import fold

# folded label -> field; longest labels first so 'don vi phoi hop' beats 'don vi'
_LABELS: list[tuple[str, str]] = [
    ("ten chi tieu", "name"),
    ("noi dung chi tieu", "name"),
    ("chi tieu", "name"),
    ("don vi tinh", "unit"),
    ("dvt", "unit"),
    ("don vi phoi hop", "coordinating"),
    ("co quan phoi hop", "coordinating"),
    ("phoi hop", "coordinating"),
    ("don vi chu tri", "responsible"),
    ("co quan chu tri", "responsible"),
    ("chu tri", "responsible"),
    ("nguoi phu trach", "responsible"),
    ("bo phan phu trach", "responsible"),
    ("trach nhiem", "responsible"),
    ("nguoi chiu trach nhiem", "responsible"),
    ("can bo phu trach", "responsible"),
    ("cong chuc phu trach", "responsible"),
    ("lanh dao", "leader"),
    ("chi tieu nam", "target"),
    ("ke hoach nam", "target"),
    ("muc tieu nam", "target"),
    ("nam", "target"),
    ("don vi thuc hien", "responsible"),
    ("phu trach", "responsible"),
    ("lanh dao phu trach", "leader"),
    ("lanh dao chi dao", "leader"),
    ("chi dao", "leader"),
    ("don vi", "unit"),
    ("muc tieu", "target"),
    ("chi tieu ke hoach", "target"),
    ("ke hoach", "target"),
    ("gia tri muc tieu", "target"),
    ("muc phan dau", "target"),
    ("phan dau", "target"),
    ("gia tri", "target"),
    ("thoi han", "deadline"),
    ("thoi gian", "deadline"),
    ("ghi chu", "note"),
    ("nhom", "group"),
    ("linh vuc", "group"),
]
_LABEL_MAP = dict(_LABELS)


def _fields(text: str) -> list[tuple[str, str]]:
    """[(field, value)] for the known labels in the text, in order.

    A label is the last one to five words before a ':' that fold to a known
    label; it must open the text, follow a separator (';', '|', ',', a dash) or
    start with a capital letter (fields of lines that were joined)."""
    hits: list[tuple[int, int, str]] = []
    for colon in re.finditer(r":", text):
        head = text[: colon.start()]
        words = list(re.finditer(r"\S+", head))
        for n in range(min(5, len(words)), 0, -1):
            start = words[-n].start()
            label = _LABEL_MAP.get(_fold_label(head[start:]))
            if not label:
                continue
            prev = head[:start].rstrip()
            if (
                not prev
                or prev[-1] in ";|,–—-"
                or (head[start].isupper() and not hits)
                or head[start].isupper()
            ):
                hits.append((start, colon.end(), label))
                break
    out = []
    for (_, vstart, label), nxt in zip(hits, [*hits[1:], None], strict=False):
        end = nxt[0] if nxt else len(text)
        value = text[vstart:end].strip(" ;|,–—-").strip()
        out.append((label, value))
    return out


def _fold_label(text: str) -> str:
    f = fold(text)
    f = re.sub(r"^(?:\d+|[a-z])\s+", "", f)  # '1. Chỉ tiêu'
    f = re.sub(r"(?:^|\s+)(nam\s+)?\d{4}(?:\s+\d{4})?$", lambda m: " nam" if m.group(1) else "", f).strip()
    # 'Mục tiêu năm 2025' -> 'muc tieu nam', 'Năm 2025' -> 'nam''
    f = re.sub(r"^(chi tieu)\s+(?:so\s+)?\d{1,2}$", r"\1", f)  # 'Chỉ tiêu 3'
    return f


def parse_records(paras: list[Paragraph]) -> list[Indicator]:
    out: list[Indicator] = []
    current: Indicator | None = None
    for p in paras:
        fields = _fields(p.text)
        if not fields:
            current = None
            continue
        for label, value in fields:
            if label == "name":
                current = Indicator(key=f"f{p.line_no}_{len(out)}", name="", source_ref=f"line {p.line_no}")
                out.append(current)
            if current is not None:
                _apply(current, label, value)
    for ind in out:
        if ind.name and not ind.target_text:
            _target_from_name(ind)
    return [ind for ind in out if ind.name and (ind.target_text or ind.responsible or ind.unit)]


def _target_from_name(ind: Indicator) -> None:
    """'Chỉ tiêu: Tỷ lệ hộ nghèo dưới 2%' without a target field: the figure is in the name."""
    stated = parse_item(ind.name)
    if len(stated) == 1 and stated[0].target is not None:
        ind.name = stated[0].name
        _set_target(ind, stated[0].target)


def _apply(ind: Indicator, label: str, value: str) -> None:
    if not value:
        return
    if label == "name":
        if not ind.name:
            ind.name = value.strip(" .")
    elif label == "unit":
        ind.unit = value
    elif label == "target":
        _set_target(ind, parse_target_field(value, ind.unit))
    elif label in ("responsible", "coordinating", "leader", "group", "note"):
        setattr(ind, label, value.strip(" ."))


def _set_target(ind: Indicator, t: Target) -> None:
    ind.target_text, ind.target_value, ind.comparator, ind.target_max = (
        t.text,
        t.value,
        t.comparator,
        t.max_value,
    )
    if t.unit and not ind.unit:
        ind.unit = t.unit


def parse_target_field(value: str, unit: str | None) -> Target:
    """A target cell: 'dưới 2', '≥ 95%', '15-20', 'Hoàn thành', '70'."""
    found = find_targets(value)
    if found:
        return found[0].target
    m = re.search(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?", value)
    if m:
        return Target(text=value.strip(" ."), value=parse_number(m.group(0)), comparator="=", unit=unit)
    status = find_status(value)
    if status:
        status.text = value.strip(" .")
        return status
    return Target(text=value.strip(" ."))


# Party fields written inside an item ('…: 90% (Phụ trách: Phòng VH-XH).').
_PARTY = re.compile(
    r"[(;.,–—-]?\s*\b(đơn\s+vị\s+chủ\s+trì|cơ\s+quan\s+chủ\s+trì|chủ\s+trì|người\s+phụ\s+trách|bộ\s+phận\s+phụ\s+trách|"
    r"phụ\s+trách|đơn\s+vị\s+thực\s+hiện|đơn\s+vị\s+phối\s+hợp|cơ\s+quan\s+phối\s+hợp|phối\s+hợp|"
    r"lãnh\s+đạo\s+phụ\s+trách|lãnh\s+đạo\s+chỉ\s+đạo)\s*:\s*([^();]+?)\s*(?:\)|;|$)",
    re.IGNORECASE,
)


def split_parties(text: str) -> tuple[str, dict[str, str]]:
    """The item's text without its party fields, and those fields by name."""
    parties: dict[str, str] = {}
    for m in _PARTY.finditer(text):
        label = _LABEL_MAP.get(fold(m.group(1)))
        if label and label not in parties:
            parties[label] = m.group(2).strip(" .")
    return (_PARTY.sub(" ", text).strip() if parties else text), parties
