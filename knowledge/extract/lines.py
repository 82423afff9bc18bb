"""Re-join lines that PDF extraction (or hard wrapping) broke, into paragraphs.

PDF text arrives one visual line at a time, often with a blank line between
every two; a paragraph continues until a line ends a sentence and the next
one starts a new item (bullet, number, heading). Markdown exports already hold
one paragraph per line and pass through unchanged."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.model import Document
from knowledge.text import clean

# A line that opens a new item: bullets, '(1)', '1.', '1.2.', 'a)', 'I.', 'Điều 1'.
ITEM_START = re.compile(
    r"""^(?:
        [-+*–—]\s                                   # bullets
      | [•●○◦▪■□❖➢►✓\uf0b7\uf0a7\uf076\uf0d8\uf0fc]\s?   # bullet glyphs (Word symbol fonts too)
      | \(\s*\d{1,3}\s*\)\.?                        # (1) (1).
      | \d{1,3}(?:\.\d{1,3}){0,3}[.)](?:\s|$|(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈÍÓÚÝ]))  # 1. 1.2. 1) 2.Các
      | \d{1,2}(?:\.\d{1,2}){1,3}\s                 # 1.2 (no trailing dot; not 6.645)
      | [a-zđ][.)]\s                                # a. b)
      | [IVXLC]{1,6}[.)]?\s                         # I. II)
      | (?:Điều|Phần|Chương|Mục|PHẦN|CHƯƠNG|MỤC)\s+[\dIVX]+
      | (?:Chỉ\s+tiêu|CHỈ\s+TIÊU)\s+(?:số\s+)?\d{1,2}\s*[.:)]   # Chỉ tiêu 2. / Chỉ tiêu 2:
    )""",
    re.VERBOSE,
)
# (the word after the dash is tested with str.islower: a class like [à-ỹ] also holds
# capitals — Đ, Ă, Ơ, Ư and every accented capital lie inside that range)
_COMPOUND_DASH = re.compile(r"^[-–]\s+(\w)")
_SENTENCE_END = re.compile(r"[.;:!?…]\)?[\"”]?$|\./\.$")


@dataclass
class Paragraph:
    text: str
    line_no: int  # first source line
    end_line: int
    heading: bool = False


# A document's number ('214/NQ-CP', '12/2025/NĐ-CP'): capitals that make no heading.
_DOC_NUMBER = re.compile(r"\b\d{1,5}(?:/\d{2,4})?/[A-ZĐ][\w.Đ-]*")


def _mid_list(current: _Open | None, text: str) -> bool:
    """'N-NH4+, N-NO2-,' / 'N-NO3-, P-PO43-, H2S, TSS,': a line of capitals (formulas,
    abbreviations) that a comma ends or follows goes on an enumeration; a heading neither
    ends with a comma nor breaks into a list of terms."""
    return text.rstrip().endswith(",") or (current is not None and current.tail.rstrip().endswith(","))


def _is_heading_like(text: str) -> bool:
    letters = [c for c in _DOC_NUMBER.sub(" ", text) if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def paragraphs(doc: Document) -> list[Paragraph]:
    """Paragraphs of the document's text lines, in order (tables are skipped); built once
    per document (the readers of every layout ask for them) and shared: read-only."""
    cached = doc.__dict__.get(_CACHE)
    if cached is not None and cached[0] is doc.blocks and cached[1] == len(doc.blocks):
        return list(cached[2])
    found = _build_paragraphs(doc)
    doc.__dict__[_CACHE] = (doc.blocks, len(doc.blocks), tuple(found))
    return list(found)


_CACHE = "_paragraphs_cache"


def _build_paragraphs(doc: Document) -> list[Paragraph]:
    """Paragraphs of the document's text lines, in order (tables are skipped).

    Linear in the number of lines: whether the open paragraph goes on is decided from
    what `_Open` keeps of it (its last characters, letter counts, the text itself only
    while it is short), never by rescanning it; its text is joined once, at the end."""
    out: list[_Open] = []
    current: _Open | None = None
    after_blank = False
    for block in doc.blocks:
        if block.kind != "line":
            current = None
            continue
        text = clean(block.text)
        if not text:
            after_blank = current is not None
            continue
        label_ends = (
            after_blank
            and current is not None
            and current.is_label()
            and (text[:1].isupper() or text[:1].isdigit())
        )
        after_blank = False
        starts_item = (
            (bool(ITEM_START.match(text)) and not (current is not None and current.breaks_compound(text)))
            or block.heading
            or (_is_heading_like(text) and not _mid_list(current, text))
            or is_dateline(text)
            or is_news_opening(text)
        )
        if (
            current is not None
            and not current.heading
            and not starts_item
            and not current.dateline
            and not label_ends
            and current.continues(text)
        ):
            current.add(text, block.line_no)
            continue
        current = _Open(text, block.line_no, block.heading)
        out.append(current)
    return [p.paragraph() for p in out]


# The longest text `_BARE_MARKER` or `_DATELINE` can match in practice; past it the
# open paragraph's text is never built to test them (a dateline of 200 characters
# is not a dateline).
_SHORT = 200
_TAIL = 16  # more than the longest `_SENTENCE_END` match


class _Open:
    """A paragraph being built: its parts and what `_continues` needs of its text."""

    def __init__(self, text: str, line_no: int, heading: bool) -> None:
        self.parts = [text]
        self.length = len(text)
        self.line_no = self.end_line = line_no
        self.heading = heading
        self.tail = text[-_TAIL:]
        self.letters, self.upper = _letter_counts(text)
        self.dateline = is_dateline(text)

    def text(self) -> str:
        if len(self.parts) > 1:
            self.parts = ["".join(self.parts)]
        return self.parts[0]

    def short_text(self, limit: int) -> str | None:
        """The text when it is shorter than `limit` (cheap to build), else None."""
        return self.text() if self.length < limit else None

    def breaks_compound(self, nxt: str) -> bool:
        """'… tổ chức chính trị' / '- xã hội tại địa phương …': a line break before the dash
        of 'chính trị - xã hội', not a new item (a lower-case word after the dash, and the
        line before it ends mid-sentence)."""
        dash = _COMPOUND_DASH.match(nxt)
        return (
            dash is not None
            and dash.group(1).islower()
            and not _SENTENCE_END.search(self.tail)
            and not self.heading
        )

    def is_label(self) -> bool:
        """'- Thủy sản' alone on its line(s): a short item without figure or full stop,
        naming the items below it (a blank line and a capital letter follow)."""
        short = self.short_text(60)
        return (
            short is not None
            and bool(ITEM_START.match(short))
            and len(short.split()) <= 8
            and not any(c.isdigit() for c in short)
            and not _SENTENCE_END.search(short)
        )

    def heading_like(self) -> bool:
        return self.letters >= 4 and self.upper == self.letters

    def continues(self, nxt: str) -> bool:
        """`_continues(self.text(), nxt)`, without reading the whole text."""
        short = self.short_text(_SHORT)
        if short is not None and _BARE_MARKER.match(short):
            return True
        if self.heading_like() and not _is_heading_like(nxt):
            return False
        short = self.short_text(90)
        if short is not None and _SECTION_HEADING.match(short) and nxt[:1].isupper() and not _runs_on(short):
            return False
        if not _SENTENCE_END.search(self.tail):
            return True
        return nxt[:1].islower() or (self.tail.endswith(":") and nxt[:1].isdigit())

    def add(self, text: str, line_no: int) -> None:
        sep = "" if self.tail.endswith("-") and not self.tail.endswith(" -") else " "
        self.parts += [sep, text] if sep else [text]
        self.length += len(sep) + len(text)
        self.tail = (self.tail + sep + text)[-_TAIL:]
        letters, upper = _letter_counts(text)
        self.letters += letters
        self.upper += upper
        self.end_line = line_no
        short = self.short_text(_SHORT)
        self.dateline = short is not None and is_dateline(short)

    def paragraph(self) -> Paragraph:
        return Paragraph(text=self.text(), line_no=self.line_no, end_line=self.end_line, heading=self.heading)


def _letter_counts(text: str) -> tuple[int, int]:
    """(letters, upper-case letters): `_is_heading_like` of a joined text from its parts."""
    letters = [c for c in _DOC_NUMBER.sub(" ", text) if c.isalpha()]
    return len(letters), sum(1 for c in letters if c.isupper())


# The date line under a news headline ('15/01/2025 09:12', 'Thứ Ba, 14/01/2025, 16:45 (GMT+7)',
# 'Cập nhật: 09/01/2025 15:20'): a paragraph of its own.
_DATELINE = re.compile(
    r"^(?:(?:cập\s+nhật|ngày\s+đăng|đăng\s+ngày|đăng\s+lúc|ngày|thứ\s+\w+|chủ\s+nhật)\s*[:,]?\s*)?"
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\s*[,|-]?\s*(?:\d{1,2}[:h]\d{2}(?:\s*(?:sa|ch|am|pm))?)?"
    r"\s*(?:\(?\s*GMT\s*[+-]\s*\d{1,2}\s*\)?)?$",
    re.IGNORECASE,
)


def is_dateline(text: str) -> bool:
    return bool(_DATELINE.match(text.strip()))


# The opening of a news article: '(ĐN) - Sáng 14-1, …', 'Kinhtedothi - Ngày 15/1, …'.
_NEWS_OPENING = re.compile(
    r"^(?:\([^()]{1,60}\)|[A-ZĐ][\wÀ-ỹ.&]{1,30})\s*[-–—]\s*"
    r"(?:Ngày|Sáng|Chiều|Tối|Trưa|Đêm|Hôm|Vừa\s+qua|Mới\s+đây|Trong\s+(?:ngày|tuần|hai\s+ngày))\b"
)


def is_news_opening(text: str) -> bool:
    return bool(_NEWS_OPENING.match(text.strip()))


_SECTION_HEADING = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVX]{1,5}\.|[A-ZĐ]\.|[a-zđ]\))(?:\s|(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈÍÓÚÝ]))"
)


# 'a) Nhiệm vụ: Tham mưu UBND' / 'Thành phố phối hợp …': a labelled item whose value the line
# break cut (the capital starts a name, not a sentence); a heading carries no value after a ':'.
_LABEL_VALUE = re.compile(r"^[^:]{2,48}:\s*\S")


def _runs_on(text: str) -> bool:
    return bool(_LABEL_VALUE.match(text)) and not _SENTENCE_END.search(text)


_BARE_MARKER = re.compile(r"^(?:\(?\d{1,3}(?:\.\d{1,3}){0,3}[.):]?|[a-zđ][.)]|[IVX]{1,5}[.)]|[-+•*])$")


def _continues(previous: str, nxt: str) -> bool:
    if _BARE_MARKER.match(previous):
        return True  # '1.' alone on its line, the item's text on the next
    if _is_heading_like(previous) and not _is_heading_like(nxt):
        return False
    # '3.1.2. Công nghiệp' alone on its line, then a capitalised sentence: a heading
    if (
        len(previous) < 90
        and _SECTION_HEADING.match(previous)
        and nxt[:1].isupper()
        and not _runs_on(previous)
    ):
        return False
    if not _SENTENCE_END.search(previous):
        return True
    # a sentence ended; a lower-case start still means the same sentence went on,
    # and so does a figure after a colon ('Thu ngân sách địa phương:' / '6.645 triệu đồng')
    return nxt[:1].islower() or (previous.endswith(":") and nxt[:1].isdigit())


def _join(a: str, b: str) -> str:
    if a.endswith("-") and not a.endswith(" -"):
        return a + b
    return a + " " + b
