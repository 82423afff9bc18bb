"""The lines of a plan as its metadata is read from them.

Text lines, and the cells of the small tables that set a header or signature block
side by side, cleaned and cut where a two-column header put two texts on one line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.extract.loose import Dual, Reading
from knowledge.model import Document
from knowledge.text import LEGACY_GLYPHS, clean, nfc


@dataclass
class Line:
    text: str
    line_no: int
    heading: bool = False  # markdown heading, wholly bold line, or a reader's heading block


# Header and signature blocks laid out as tables are small; indicator tables are not.
_MAX_FRAME_ROWS = 3
_MAX_FRAME_COLUMNS = 3


# A signature block set as a table runs longer: the recipients' list beside the signer.
_MAX_SIGNATURE_ROWS = 8
_SIGNATURE_CELL = Dual(r"^(?:Nơi\s+nhận|(?:TM|KT|TL|TUQ)\.\s)", re.IGNORECASE)


def _is_frame(reading: Reading, rows: list[list[str]]) -> bool:
    """A header or signature block laid out as a table (not a table of the plan's content)."""
    if not rows or any(len(r) > _MAX_FRAME_COLUMNS for r in rows):
        return False
    if len(rows) <= _MAX_FRAME_ROWS:
        return True
    signed = any(_SIGNATURE_CELL.rx(reading).match(c.strip()) for r in rows[:2] for c in r)
    return len(rows) <= _MAX_SIGNATURE_ROWS and signed


def page_lines(reading: Reading, doc: Document) -> list[Line]:
    """Non-empty text lines, cleaned, without markdown emphasis and heading marks.

    The cells of small tables are read too: .docx and markdown plans often set the
    issuing header ('ỦY BAN NHÂN DÂN / XÃ …' beside 'CỘNG HÒA …') and the signature in one."""
    out: list[Line] = []
    for block in doc.blocks:
        if block.kind == "line":
            texts, heading = [block.text], block.heading
        elif _is_frame(reading, block.rows):
            texts, heading = [cell for row in block.rows for cell in row], False
        else:
            continue
        for part in (p for t in texts for p in t.splitlines()):
            raw = nfc(part).translate(LEGACY_GLYPHS).strip()
            marked = raw.startswith("#") or (raw.startswith("**") and raw.endswith("**"))
            for piece in _pieces(reading, raw):
                text = clean(re.sub(r"</?b>|\*+|^#+\s*|_{2,}", "", piece)).strip()
                if text:
                    out.append(Line(text, block.line_no, heading=heading or marked))
    return out


# The national motto, set beside the issuer in the two-column header.
MOTTO = Dual(
    r"(CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|"
    r"Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc)",
    re.IGNORECASE,
)
# 'Số: 12/KH-UBND   Vĩnh Tuy, ngày …' once the column gap is lost (PDF text, ' — ').
_NUMBER_THEN_PLACE = Dual(r"^(\**Số\s*:\s*\S*/\S+?)\s*[—–-]?\s+(\S[^,;:]{1,50},\s*ngày\b.*)$", re.IGNORECASE)


# A blank left for the day or month ('ngày    tháng 4 năm 2026') is not a column gap.
_DATE_WORD_BEFORE = Dual(r"(?i)(?:ngày|tháng|năm|số\s*:|/|…|\.\.)$")
_DATE_WORD_AFTER = Dual(r"(?i)^(?:tháng|năm|/|…|\.)")


def _columns(reading: Reading, raw: str) -> list[str]:
    out, start = [], 0
    for gap in re.finditer(r"\t|\s{3,}", raw):
        left, right = raw[start : gap.start()], raw[gap.end() :]
        if _DATE_WORD_BEFORE.rx(reading).search(left.rstrip()) or _DATE_WORD_AFTER.rx(reading).match(right):
            continue
        out.append(left)
        start = gap.end()
    return [*out, raw[start:]]


def _pieces(reading: Reading, raw: str) -> list[str]:
    """A line cut where the two-column header put two texts side by side: at a wide gap
    or tab, around the national motto, and between the number and the place-and-date."""
    out: list[str] = []
    for column in _columns(reading, raw):
        for piece in MOTTO.rx(reading).split(column):
            m = _NUMBER_THEN_PLACE.rx(reading).match(piece.strip())
            out.extend(m.groups() if m else [piece])
    return [p.strip() for p in out if p.strip(" *")]


def is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


# Labelled fields sit at the top of the document, before its sections.
LABEL_ZONE = 30


def joined_text(lines: list[Line]) -> str:
    return "\n".join(line.text for line in lines)


# Opening sentences read for the plan's year.
OPENING_LINES = 40
