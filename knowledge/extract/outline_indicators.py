"""Indicators read from the outline: every item of a targets section ('Mục tiêu cụ thể',
'Chỉ tiêu', a roman part's targets) that states a figure, in either order ('đạt 95%',
'100% các xã …', 'ít nhất 20 mô hình …'), parsed by the same item parser as prose; and,
under any heading, an item that opens with its target ('(2) Ít nhất 85% người hưởng …',
'+ Đầu tư mới trạm 5G: 35 trạm (Trong đó: MobiFone: 09 trạm, Viettel: 26 trạm)')."""

from __future__ import annotations

import re

from knowledge.extract.lines import Paragraph
from knowledge.extract.outline import Outline, build, strip_marker
from knowledge.extract.prose_indicators import indicators_in
from knowledge.model import Document, Indicator, LayoutResult
from knowledge.numbers import parse_number
from knowledge.text import fold

# An item that opens with its target: a share, or a floor ('ít nhất', 'tối thiểu') and a count.
_TARGET_START = re.compile(
    r"^(?:phấn\s+đấu\s+)?(?:(?:có|đạt|đảm\s+bảo)\s+)?"
    r"(?:(?:(?:ít\s+nhất|tối\s+thiểu|trên|dưới|không\s+quá|hơn)\s+)?\d[\d.,]*\s*%"
    r"|(?:ít\s+nhất|tối\s+thiểu)\s+\d)",
    re.IGNORECASE,
)
# 'Lắp đặt mới trạm 3G/4G: 58 trạm': a label, a colon, a figure and its unit.
_LABELLED = re.compile(
    r"^(?P<name>[^:;()]{3,90}?)\s*:\s*(?P<fig>\d{1,3}(?:[.,]\d{3})*(?:[.,]\d+)?)\s+(?P<unit>[^\W\d][^\s,;.()]*)"
)
_BREAKDOWN = re.compile(r"\(\s*trong\s+đó\s*:?\s*(?P<parts>[^()]*)\)", re.IGNORECASE)
_ZERO = ("khong de", "khong con", "khong xay ra", "khong co")


def states_target(text: str) -> bool:
    """The item is a target stated first, not a task, whatever heading it sits under."""
    body = strip_marker(text)
    return bool(_TARGET_START.match(body) or _labelled(body))


def _labelled(body: str) -> re.Match[str] | None:
    m = _LABELLED.match(body)
    # 'Năm 2026: 12 lớp' is a year's value, not a label of its own
    return m if m and not re.search(r"\b(?:19|20)\d{2}\b", m.group("name")) else None


def extract(doc: Document, outline: Outline | None = None) -> LayoutResult:
    out: list[Indicator] = []
    for item in (outline or build(doc)).items:
        role = item.section.effective_role()
        if role != "targets" and not (role == "tasks" and states_target(item.text)):
            continue
        group = next((s.heading for s in reversed(item.section.path()) if s.role == "neutral"), None)
        group = strip_marker(group).rstrip(":") if group else None
        labelled = _labelled(strip_marker(item.text))
        if labelled:
            out.extend(_labelled_indicators(labelled, strip_marker(item.text), group, item.line_no, len(out)))
            continue
        para = Paragraph(text=item.text, line_no=item.line_no, end_line=item.line_no)
        out.extend(indicators_in(para, group, len(out)))
    for ind in out:
        if ind.target_value is None and fold(ind.target_text).startswith(_ZERO):
            ind.target_value, ind.comparator = 0.0, "="  # 'Không để hộ nào thiếu ăn': none at all
    for n, ind in enumerate(out, 1):
        old, ind.key = ind.key, f"Q{n:03d}"
        for child in out:
            if child.parent_key == old:
                child.parent_key = ind.key
    return LayoutResult(indicators=out)


def _labelled_indicators(
    m: re.Match[str], body: str, group: str | None, line: int, base: int
) -> list[Indicator]:
    name = m.group("name").strip()
    parent = _figure(f"q{line}_{base}", name, m.group("fig"), m.group("unit"), group, line)
    out = [parent]
    parts = _BREAKDOWN.search(body)
    for part in re.split(r"[,;]\s*", parts.group("parts")) if parts else []:
        pm = _LABELLED.match(part.strip())
        if pm:
            child = _figure(
                f"q{line}_{base + len(out)}",
                f"{name}: {pm.group('name').strip()}",
                pm.group("fig"),
                pm.group("unit"),
                group,
                line,
            )
            child.parent_key = parent.key
            if _organisation(pm.group("name")):
                child.responsible = pm.group("name").strip()  # 'VNPT: 25 trạm': VNPT builds them
            out.append(child)
    return out


_PLACE_WORDS = ("xa", "phuong", "huyen", "tinh", "thon", "ap", "ban", "to", "khu", "nam", "quy", "thang")


def _organisation(label: str) -> bool:
    """A short proper name ('VNPT', 'MobiFone', 'Viettel') rather than a place or a period."""
    words = label.split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() for w in words) and fold(words[0]) not in _PLACE_WORDS


def _figure(key: str, name: str, figure: str, unit: str, group: str | None, line: int) -> Indicator:
    return Indicator(
        key=key,
        name=name,
        group=group,
        unit=unit.strip(" .;,"),
        target_text=figure,
        target_value=parse_number(figure),
        comparator="=",
        source_ref=f"line {line}",
    )
