"""Indicators written as records of labelled fields, in one paragraph
('- Chỉ tiêu: Tỷ lệ hộ nghèo; Đơn vị: %; Mục tiêu: dưới 2; Phụ trách: Công
chức LĐ-TBXH') or one field a line ('**Chỉ tiêu:** …' then '**Mục tiêu:** …')."""

from __future__ import annotations

import re

from knowledge.extract.lines import Paragraph
from knowledge.extract.prose_items import parse_item, strip_marker
from knowledge.extract.prose_targets import (
    figure_in_unit,
    find_status,
    find_targets,
    parse_number,
    year_values,
)
from knowledge.model import Indicator, OtherTarget, Target
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
    ("bo phan chu tri", "responsible"),
    ("don vi phu trach", "responsible"),
    ("bo phan thuc hien", "responsible"),
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
    # last year's result, never the target nor the name
    ("thuc hien nam", "previous"),
    ("uoc thuc hien nam", "previous"),
    ("uoc thuc hien", "previous"),
    ("uoc dat nam", "previous"),
    ("uoc dat", "previous"),
    ("ket qua nam", "previous"),
    ("uoc nam", "previous"),
    ("kh nam", "target"),
    ("ket qua thuc hien nam", "previous"),
    ("chi tieu giao", "target"),
    ("chi tieu giao nam", "target"),
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
    # the values of the years on the way ('Lộ trình: năm 2026 đạt 58 triệu đồng; năm 2028 …')
    ("lo trinh", "roadmap"),
    ("lo trinh thuc hien", "roadmap"),
    ("lo trinh thuc hien chi tieu", "roadmap"),
    ("giai doan", "roadmap"),  # 'Giai đoạn 2026-2028: 240 ha' (the span is kept in the label)
]
_LABEL_MAP = dict(_LABELS)


def _fields(text: str) -> list[tuple[str, str]]:
    return [(label, value) for _, label, value, _ in _field_spans(text)]


def _field_spans(text: str) -> list[tuple[int, str, str, str]]:
    """[(start, field, value, label as written)] for the known labels in the text, in order.

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
    # inside a roadmap, 'năm 2028: 70' is one more of its years, not a field of its own
    roadmap = next((n for n, hit in enumerate(hits) if hit[2] == "roadmap"), len(hits))
    hits = [hit for n, hit in enumerate(hits) if n <= roadmap or hit[2] not in ("target", "previous")]
    out = []
    for (start, vstart, label), nxt in zip(hits, [*hits[1:], None], strict=False):
        end = nxt[0] if nxt else len(text)
        value = text[vstart:end].strip(" ;|,–—-*").strip()
        out.append((start, label, value, text[start : vstart - 1].strip(" ;|,–—-*")))
    return out


_YEAR_LABEL = re.compile(
    r"^(?:thuc hien|uoc thuc hien|uoc dat|uoc|ket qua|ke hoach|muc tieu|chi tieu giao|kh|th)\s+\d{4}$"
)


def _fold_label(text: str) -> str:
    f = fold(text)
    f = re.sub(r"^(?:\d+|[a-z])\s+", "", f)  # '1. Chỉ tiêu'
    # 'Năm 2025 (ước)' / 'Năm 2026 (kế hoạch)': the qualifier tells the field
    f = re.sub(
        r"^(nam\s+\d{4})\s+(uoc(?:\s+thuc\s+hien|\s+dat)?|thuc\s+hien|ke\s+hoach|kh|muc\s+tieu)$", r"\2 \1", f
    )
    # 'Thực hiện 2025' reads as 'Thực hiện năm 2025'; a lone year keeps the label bare ('Chỉ tiêu 2026')
    f = re.sub(
        r"(?:^|\s+)(nam\s+)?\d{4}(?:\s+\d{4})?$",
        lambda m: " nam" if m.group(1) or _YEAR_LABEL.match(f) else "",
        f,
    ).strip()
    # 'Mục tiêu năm 2025' -> 'muc tieu nam', 'Năm 2025' -> 'nam''
    f = re.sub(r"^(chi tieu)\s+(?:so\s+)?\d{1,2}$", r"\1", f)  # 'Chỉ tiêu 3'
    return f


def parse_records(paras: list[Paragraph]) -> list[Indicator]:
    return parse_records_with_lines(paras)[0]


def parse_records_with_lines(paras: list[Paragraph]) -> tuple[list[Indicator], set[int]]:
    """The records and every source line they took (names, fields)."""
    out: list[Indicator] = []
    taken: dict[int, set[int]] = {}  # id(record) -> lines
    years: dict[int, list[tuple[str, Target]]] = {}  # id(record) -> its values by year
    roadmaps: set[int] = set()  # records with a roadmap field
    current: Indicator | None = None
    namer: Paragraph | None = None  # a heading or numbered line right before field lines
    for p in paras:
        spans = _field_spans(p.text)
        fields = [(label, value) for _, label, value, _ in spans]
        if not fields:
            current = None
            namer = p if _can_name(p) else None
            continue
        if fields[0][0] != "name":
            head = _leading_name(p.text, spans)
            if head:
                current = _new_record(out, p, head)
            elif current is None and namer is not None and _names_record(fields):
                current = _new_record(out, namer, strip_marker(_unmark(namer.text))[1].strip(" :.*#"))
                taken.setdefault(id(current), set()).update(_span(namer))
        namer = None
        for _, label, value, raw in spans:
            if label == "name":
                current = _new_record(out, p, "")
            if current is None:
                continue
            if label == "roadmap":
                roadmaps.add(id(current))
            if label == "roadmap" or (label == "target" and _YEAR_ONLY.match(fold(raw))):
                years.setdefault(id(current), []).extend(year_values(_year_field(raw, value)))
            if label != "roadmap":
                _apply(current, label, value)
            taken.setdefault(id(current), set()).update(_span(p))
    for ind in out:
        if ind.name and id(ind) in years:
            _apply_years(ind, years[id(ind)], id(ind) in roadmaps)
        if ind.name and not ind.target_text:
            _target_from_name(ind)
    kept = [ind for ind in out if ind.name and (ind.target_text or ind.responsible or ind.unit)]
    return kept, {line for ind in kept for line in taken.get(id(ind), set())}


# A field labelled by a year alone ('Năm 2026: 58 triệu đồng').
_YEAR_ONLY = re.compile(r"^nam \d{4}$")


_ROADMAP_WORDS = re.compile(r"^lộ\s+trình(?:\s+thực\s+hiện)?(?:\s+chỉ\s+tiêu)?\s*:?\s*", re.IGNORECASE)


def _year_field(label: str, value: str) -> str:
    """'Lộ trình' + 'năm 2026 đạt 58' -> 'năm 2026 đạt 58'; 'Năm 2026' + '58' -> 'Năm 2026: 58'."""
    rest = _ROADMAP_WORDS.sub("", label).strip()
    return f"{rest}: {value}" if rest else value


def _apply_years(ind: Indicator, years: list[tuple[str, Target]], roadmap: bool) -> None:
    """A record's values by year ('Lộ trình: năm 2026 đạt 58 …; năm 2030 đạt 85 …', 'Năm 2026: 58 …')
    are other targets labelled with their year. The target stays the figure its name states
    ('Chỉ tiêu 1: Thu nhập … đạt 85 triệu đồng'); without one, a target field; else the last year's."""
    stated = parse_item(ind.name)
    if len(stated) == 1 and stated[0].target is not None and stated[0].target.comparator != "status":
        ind.name = stated[0].name
        _set_target(ind, stated[0].target)
    elif not roadmap:
        return  # 'Chỉ tiêu: …; Năm 2025: 3; Năm 2026: 2': the year fields are the record's own columns
    elif not ind.target_text:
        _set_target(ind, years[-1][1])
    ind.other_targets.extend(
        OtherTarget(source=label, text=figure_in_unit(t, ind.unit)) for label, t in years
    )


def _new_record(out: list[Indicator], p: Paragraph, name: str) -> Indicator:
    ind = Indicator(key=f"f{p.line_no}_{len(out)}", name=name, source_ref=f"line {p.line_no}")
    out.append(ind)
    return ind


def _span(p: Paragraph) -> range:
    return range(p.line_no, p.end_line + 1)


# Fields that make a record of the line before them ('### 1. Tỷ lệ hộ nghèo' then '- Đơn vị tính: %').
_RECORD_FIELDS = {"unit", "target", "previous"}


def _names_record(fields: list[tuple[str, str]]) -> bool:
    return fields[0][0] in _RECORD_FIELDS


def _can_name(p: Paragraph) -> bool:
    """A heading or a numbered line, short, without a sentence or a figure: a record's name."""
    no, body = strip_marker(_unmark(p.text))
    body = body.strip(" :*#")
    if (
        not (p.heading or no or p.text.startswith("#") or _NUMBERED_LABEL.match(p.text))
        or not body
        or len(body) > 150
        or body.endswith((".", ";"))
    ):
        return False
    return not find_targets(body) and len(body.split()) >= 2


def _unmark(text: str) -> str:
    """Markdown heading hashes, bold stars and a 'Chỉ tiêu 1.' label off a line."""
    text = re.sub(r"^[#\s]+", "", text).replace("**", "")
    return _NUMBERED_LABEL.sub("", text)


_NUMBERED_LABEL = re.compile(r"^\s*chỉ\s+tiêu\s+(?:số\s+)?\d{1,2}\s*[.:)–-]\s*", re.IGNORECASE)


def _leading_name(text: str, spans: list[tuple[int, str, str, str]]) -> str:
    """'1. Tỷ lệ hộ nghèo Đơn vị tính: % Kế hoạch năm 2025: 2' (lines joined): the words
    before the first field name the record when unit and target fields follow."""
    labels = {label for _, label, _, _ in spans}
    if len(spans) < 2 or "target" not in labels or not labels & {"unit", "previous"}:
        return ""
    head = strip_marker(_unmark(text[: spans[0][0]]))[1]
    head = head.strip(" :;.*#-–")
    if not head or len(head.split()) > 15 or find_targets(head) or head.endswith((".", ";")):
        return ""
    return head


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
