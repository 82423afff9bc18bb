"""Plan metadata: locality, period, title, number, signing date, signer.

Everything is found by the shape of a Vietnamese administrative document: the
issuing header ('ỦY BAN NHÂN DÂN / PHƯỜNG ĐÔNG THỌ'), the place-and-date line
('P. Thạch Khôi, ngày … tháng 4 năm 2026'), the 'KẾ HOẠCH' heading with its
continuation lines, the 'Số: 23/QĐ-UBND' line and the signature block
('TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / <name>').

One module per field: `page` (the lines read), `mentions` (places the text names),
`header` (issuing header, place-and-date line), `locality`, `title`, `period` and
`signing` (number, date, signer). Every matcher takes the document's `Reading`."""

from __future__ import annotations

import re

from knowledge.extract.loose import Reading
from knowledge.extract.metadata.locality import parent_and_province, plan_place, spelling_conflict
from knowledge.extract.metadata.mentions import typed_mentions
from knowledge.extract.metadata.page import joined_text, page_lines
from knowledge.extract.metadata.period import plan_period
from knowledge.extract.metadata.signing import date_conflict, doc_numbers, find_signer, signed_date
from knowledge.extract.metadata.title import plan_title
from knowledge.model import Conflict, Document, PlanMeta
from knowledge.text import fold


def extract_meta_and_conflicts(doc: Document) -> tuple[PlanMeta, list[Conflict]]:
    text = "\n".join(b.text for b in doc.blocks if b.kind == "line")
    return _meta_and_conflicts(Reading.of_document(text), doc)


def _meta_and_conflicts(reading: Reading, doc: Document) -> tuple[PlanMeta, list[Conflict]]:
    lines = page_lines(reading, doc)
    mentions = typed_mentions(reading, joined_text(lines))
    title = plan_title(reading, lines)
    place = plan_place(reading, lines, mentions, title)
    kind, name = place.kind, place.name
    locality = f"{kind} {name}" if kind and name else name
    parent, province = parent_and_province(place, mentions, joined_text(lines))
    start, end = plan_period(reading, title, lines)
    numbers = doc_numbers(reading, lines)
    meta = PlanMeta(
        locality=locality,
        locality_type=kind,
        parent=parent,
        province=province,
        period_start=start,
        period_end=end,
        title=title,
        issuer=f"UBND {locality}" if locality else None,
        doc_number=numbers[0][0] if numbers else None,
        signed_date=signed_date(reading, lines),
        signer=find_signer(reading, lines),
    )
    conflicts: list[Conflict] = []
    distinct = list(dict.fromkeys(n for n, _ in numbers))
    if len(distinct) > 1:
        first_line = {n: ln for n, ln in reversed(numbers)}
        values = [f"{n} (line {first_line[n]})" for n in distinct]
        conflicts.append(Conflict(what="Số văn bản ban hành kế hoạch", values=values))
    issued = date_conflict(reading, lines)
    if issued:
        conflicts.append(issued)
    spelling = spelling_conflict(kind, name, mentions)
    if spelling:
        conflicts.append(spelling)
    return meta, conflicts


def extract_meta(doc: Document) -> PlanMeta:
    return extract_meta_and_conflicts(doc)[0]


_CHANGE_WORDS = r"(?:dieu chinh|bo sung|sua doi)(?:,? (?:va )?(?:dieu chinh|bo sung|sua doi))*"
# the change governs the title ('Kế hoạch điều chỉnh, bổ sung …', 'Quyết định về việc điều
# chỉnh chỉ tiêu …'), not a phrase inside it ('… điều chỉnh cơ cấu cây trồng')
_AMENDS = re.compile(
    rf"^(?:ke hoach|quyet dinh|chuong trinh)?\s*(?:ve viec\s+)?{_CHANGE_WORDS}\b"
    rf"|\b{_CHANGE_WORDS} (?:ke hoach|chi tieu|quyet dinh|mot so (?:chi tieu|noi dung|nhiem vu))\b"
)


def is_amendment(title: str | None) -> bool:
    """'Kế hoạch điều chỉnh, bổ sung Kế hoạch …', 'Quyết định về việc điều chỉnh chỉ
    tiêu …': a document that changes a plan in force rather than replacing it."""
    return bool(title) and bool(_AMENDS.search(fold(title)))
