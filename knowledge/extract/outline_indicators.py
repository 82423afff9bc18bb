"""Indicators read from the outline: every item of a targets section ('Mục tiêu cụ thể',
'Chỉ tiêu', a roman part's targets) that states a figure, in either order ('đạt 95%',
'100% các xã …', 'ít nhất 20 mô hình …'), parsed by the same item parser as prose."""

from __future__ import annotations

from knowledge.extract.lines import Paragraph
from knowledge.extract.outline import Outline, build, strip_marker
from knowledge.extract.prose_indicators import indicators_in
from knowledge.model import Document, Indicator, LayoutResult


def extract(doc: Document, outline: Outline | None = None) -> LayoutResult:
    out: list[Indicator] = []
    for item in (outline or build(doc)).items:
        if item.section.effective_role() != "targets":
            continue
        group = next((s.heading for s in reversed(item.section.path()) if s.role == "neutral"), None)
        para = Paragraph(text=item.text, line_no=item.line_no, end_line=item.line_no)
        out.extend(indicators_in(para, strip_marker(group).rstrip(":") if group else None, len(out)))
    for n, ind in enumerate(out, 1):
        old, ind.key = ind.key, f"Q{n:03d}"
        for child in out:
            if child.parent_key == old:
                child.parent_key = ind.key
    return LayoutResult(indicators=out)
