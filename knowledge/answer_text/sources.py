"""Where an item is written: the plan's short name, the table and row or heading and number,
the source line that ends an answer."""

from __future__ import annotations

import re

from knowledge.answer_text.facts import SourceFacts
from knowledge.answer_text.figures import period_text
from knowledge.text import clean, fold

_DOC_KIND = re.compile(r"/\s*([A-ZĐ][A-Za-zĐđ]*)")
_TABLE_ROW = re.compile(r"^table (\d+),? row (\d+)$")
_TABLE = re.compile(r"^table (\d+)$")
_LINE = re.compile(r"^(prose )?line \d+$")
_GOOD_SECTION = re.compile(r"[^\W\d_]{2,}.*\s.*[^\W\d_]{2,}")  # two words at least ('2030' is none)
# a heading that is really a piece of the title or of the preamble ('UBND tỉnh … ban hành Kế hoạch …')
_NOT_SECTION = re.compile(
    r"\b(?:ban hanh|ke hoach|quyet dinh so|chi thi so|nghi quyet so|ubnd|uy ban nhan dan)\b"
)


def _section(text: str | None) -> str:
    """The heading an item stands under, when it reads as one: short, not in capitals."""
    t = clean(text).strip(" .:;,")
    if not t or len(t) > 60 or t.isupper() or not _GOOD_SECTION.search(t) or _NOT_SECTION.search(fold(t)):
        return ""
    return t


def plan_short(src: SourceFacts) -> str:
    """The plan as its number ('KH 23/KH-UBND', 'QĐ 23/QĐ-UBND'), else a short title."""
    number = clean(src.doc_number)
    if number:
        kind = _DOC_KIND.search(number)
        return f"{kind.group(1)} {number}" if kind else f"số {number}"
    title = clean(src.title)
    if title and len(title) <= 60:
        return title
    return " ".join(b for b in ("Kế hoạch", period_text(src.period_start, src.period_end)) if b)


def _number_in_plan(no: str) -> str:
    no = clean(no).strip("() .")
    return f"STT {no}" if no and len(no) <= 8 else ""


def place_in_plan(src: SourceFacts) -> str:
    """Where the item stands as a reader of the PDF finds it: its table and row or its
    heading and number ('bảng 2 · STT 5', 'Chỉ tiêu về Văn hóa-Xã hội · STT 12'). A line
    of the text file the plan was read from means nothing to them and is not shown."""
    ref = clean(src.ref)
    number = _number_in_plan(src.no)
    section = _section(src.section)
    if m := _TABLE_ROW.match(ref):
        return f"bảng {m.group(1)} · " + (number or f"dòng {m.group(2)}")
    if m := _TABLE.match(ref):
        return " · ".join(b for b in (f"bảng {m.group(1)}", number) if b)
    if not ref or _LINE.match(ref):
        where = section or ("phần lời văn" if ref.startswith("prose") else "")
        return " · ".join(b for b in (where, number) if b)
    return ref_text(ref)  # the plan's own label ('Biểu số 01 dòng 3')


def ref_text(ref: str) -> str:
    """Extractors cite places in English ('table 2 row 5', 'prose line 41'); a text-file
    line number is dropped."""
    t = re.sub(r"\btable (\d+),? row (\d+)", r"bảng \1, dòng \2", ref or "")
    t = re.sub(r"\bprose line \d+", "lời văn", t)
    t = re.sub(r",?\s*\bline \d+", "", t)
    t = re.sub(r"\brow (\d+)", r"dòng \1", t)
    t = re.sub(r"\btable (\d+)", r"bảng \1", t)
    t = re.sub(r"\bprose\b", "lời văn", t)
    t = re.sub(r"\bfootnote\b", "chú thích", t)
    return re.sub(r"\s*\(\s*\)", "", t).strip(" ,")


def source_line(src: SourceFacts) -> str:
    """'Nguồn: KH 23/KH-UBND · bảng 2 · STT 5.'"""
    parts = [b for b in (plan_short(src), place_in_plan(src)) if b]
    return "Nguồn: " + " · ".join(parts) + "." if parts else ""


def place_and_period(src: SourceFacts) -> str:
    """' — xã Hưng Đông, năm 2023': set apart from the name, so 'Tổng thu ngân sách xã'
    does not read 'ngân sách xã xã Hưng Đông'."""
    bits = [b for b in (src.locality, period_text(src.period_start, src.period_end)) if b]
    return " — " + ", ".join(bits) if bits else ""


def of_place(src: SourceFacts) -> str:
    """' xã Hưng Đông, năm 2023' after a word of ours ('Kế hoạch xã Hưng Đông, năm 2023 ghi')."""
    bits = [b for b in (src.locality, period_text(src.period_start, src.period_end)) if b]
    return " " + ", ".join(bits) if bits else ""


SAME_TEXT = "(cùng đoạn văn ở trên)"


def said_before(text: str | None, seen: set[str]) -> bool:
    key = fold(text)[:120]
    if len(key) < 40:  # a short name ('Trạm Y tế') may well come twice
        return False
    if key in seen:
        return True
    seen.add(key)
    return False


def sources_line(sources: list[SourceFacts]) -> str:
    """'Nguồn: KH 157/KH-UBND · STT 3; STT 2.' — each plan once, then where each item stands."""
    by_plan: dict[str, list[str]] = {}
    for src in sources:
        by_plan.setdefault(plan_short(src), []).append(place_in_plan(src))
    cited = [
        " · ".join(b for b in (plan, "; ".join(dict.fromkeys(w for w in where if w))) if b)
        for plan, where in by_plan.items()
    ]
    cited = [c for c in cited if c]
    return "Nguồn: " + "; ".join(cited) + "." if cited else ""
