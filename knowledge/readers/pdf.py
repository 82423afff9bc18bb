"""The .pdf reader: ruled tables and the text lines outside them in page order, a table
running on over a page break joined, column gaps kept as runs of spaces."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from knowledge.errors import UnreadableDocument
from knowledge.model import Block
from knowledge.readers.cells import normalise
from knowledge.readers.limits import ReadLimits
from knowledge.readers.pdf_tables import Piece, is_page_furniture, unruled_tables


def read_pdf(data: bytes, max_pages: int = ReadLimits.max_pdf_pages) -> list[Block]:
    import io

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise UnreadableDocument("not a valid PDF file")
    try:
        import pdfplumber

        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if not pdf.pages:
                raise UnreadableDocument("empty PDF (no pages)")
            if len(pdf.pages) > max_pages:
                raise UnreadableDocument(f"PDF too long ({len(pdf.pages)} pages, limit {max_pages})")
            blocks = _pdf_blocks(pdf.pages)
    except UnreadableDocument:
        raise
    except Exception as exc:  # pdfminer raises many kinds for broken/encrypted files
        raise UnreadableDocument(_pdf_reason(exc)) from None
    if not any(b.text.strip() or b.rows for b in blocks):
        raise UnreadableDocument("no text layer (scanned PDF?)")
    return blocks


def _pdf_reason(exc: Exception) -> str:
    # pdfplumber wraps pdfminer's error as an argument: look at both
    inner = [a for a in exc.args if isinstance(a, BaseException)]
    names = " ".join(t.__name__ for e in (exc, *inner) for t in type(e).__mro__) + " " + str(exc)
    if "Password" in names or "Encrypt" in names or "encrypt" in names:
        return "encrypted PDF (password required)"
    return "not a valid PDF file"


def _pdf_blocks(pages: list[Any]) -> list[Block]:
    blocks: list[Block] = []
    pieces: dict[int, list[Piece]] = {}  # id(line block) -> its pieces, for unruled tables
    line_no = 0
    for page in pages:
        cut: set[int] = set()  # id() of the tables whose first row the page break cut
        items = sorted(_pdf_page_items(page, pieces, cut), key=lambda it: it[0])
        if blocks and items and _overhang(blocks[-1], items[0][1], pieces):
            blocks.pop()
        first = True
        for _, block in items:
            if first and block.kind == "table" and _continue_table(blocks, block, id(block) in cut):
                first = False
                continue
            first = first and is_page_furniture(block)
            line_no += 1
            block.line_no = line_no
            if block.kind == "table":
                line_no += len(block.rows) - 1
            blocks.append(block)
        page.close()  # its parsed objects: kept, 300 pages of them take gigabytes
    return unruled_tables(blocks, pieces)


def _overhang(last: Block, first: Block, pieces: dict[int, list[Piece]]) -> bool:
    """The previous page's last line is the top of this page's first line, drawn over
    the page break and cut there (a browser prints the tall capitals' accents, 'Ố Ồ', at
    the page's foot): each of its pieces stands at the same place within the first line."""
    if last.kind != "line" or first.kind != "line" or len(last.text.replace(" ", "")) > _SCRAP_CHARS:
        return False
    below = pieces.get(id(first), [])
    return all(
        any(
            x0 - _RULE_GAP <= a and b <= x1 + _RULE_GAP and all(c in t for c in text if c != " ")
            for x0, x1, t in below
        )
        for a, b, text in pieces.get(id(last), [])
    ) and bool(pieces.get(id(last)))


def _pdf_page_items(page: Any, pieces: dict[int, list[Piece]], cut: set[int]) -> list[tuple[float, Block]]:
    """Tables and the text lines outside them, each with its top position; the tables
    whose column rules start open (a row the page break cut) go into `cut`."""
    items: list[tuple[float, Block]] = []
    open_tops, open_bottoms = _open_rule_ends(page.edges)
    closing = open_tops + open_bottoms
    tables = page.find_tables({"explicit_horizontal_lines": closing} if closing else None)
    boxes = [t.bbox for t in tables]
    for table in tables:
        rows = [[_pdf_cell(c) for c in row] for row in table.extract()]
        rows = [r for r in rows if any(r)]
        if rows:
            block = Block(kind="table", rows=rows)
            if any(abs(y - table.bbox[1]) <= _RULE_GAP for y in open_tops):
                cut.add(id(block))
            items.append((table.bbox[1], block))
    text_page = page.filter(_outside(boxes)) if boxes else page
    for line in text_page.extract_text_lines(return_chars=True):
        text = normalise(_pdf_line_text(line["chars"]) or line["text"])
        if text.strip():
            block = Block(kind="line", text=text, heading=_pdf_bold(line["chars"]))
            pieces[id(block)] = _pdf_pieces(line["chars"])
            items.append((line["top"], block))
    return items


_RULE_GAP = 2.0  # points: rule ends this close are one end, a rule this close closes them


def _open_rule_ends(edges: list[dict[str, Any]]) -> tuple[list[float], list[float]]:
    """The heights where a ruled table's column rules stop with no rule across them: a row
    cut by a page break (a browser or word processor draws no rule at the cut, above or
    below it). Rules across the columns are put there, so the cut row's cells are cells
    and not loose lines around the table. Ends shared by two rules at least, side by side:
    (the open tops, the open bottoms)."""
    vertical = [e for e in edges if e["orientation"] == "v" and e["bottom"] - e["top"] > _RULE_GAP]
    across = [e for e in edges if e["orientation"] == "h" and e["x1"] - e["x0"] > _RULE_GAP]
    out: tuple[list[float], list[float]] = ([], [])
    for side, key in enumerate(("top", "bottom")):
        ends: dict[int, list[float]] = {}
        for e in vertical:
            ends.setdefault(round(e[key] / _RULE_GAP), []).append((e["x0"] + e["x1"]) / 2)
        for bucket, xs in ends.items():
            y = bucket * _RULE_GAP
            left, right = min(xs), max(xs)
            if right - left <= _RULE_GAP:
                continue
            spans = sorted((h["x0"], h["x1"]) for h in across if abs(h["top"] - y) <= _RULE_GAP)
            if not _covers(spans, left, right):
                out[side].append(y)
    return out


def _covers(spans: list[tuple[float, float]], left: float, right: float) -> bool:
    """The sorted segments, end to end (a rule is often drawn cell by cell), run from left to right."""
    reach = left + _RULE_GAP
    for x0, x1 in spans:
        if x0 > reach:
            break
        reach = max(reach, x1 + _RULE_GAP)
    return reach >= right


def _pdf_line_text(chars: list[dict[str, Any]]) -> str:
    """A line's text with column gaps kept as runs of spaces ('Thu ngân sách   %   15'),
    as text exports of aligned-but-unruled tables show them."""
    return "   ".join(text for _, _, text in _pdf_pieces(chars))


# A gap wider than this (in em) between two letters is a space. Many PDFs print no space
# characters: a space of Times (0.25 em) less the kerning before a capital ('Nghệ An')
# leaves 0.19 em; the letters of a word touch (a few hundredths of an em at most).
_SPACE_EM = 0.15


def _pdf_pieces(chars: list[dict[str, Any]]) -> list[Piece]:
    """A line's pieces between column gaps (a gap wider than 1.2 em), with their x-extent."""
    out: list[Piece] = []
    text: list[str] = []
    x0 = x1 = 0.0
    previous: dict[str, Any] | None = None
    spaced = False
    for c in sorted(chars, key=lambda ch: ch["x0"]):
        if not c.get("text", "").strip():
            spaced = True
            continue
        if previous is not None:
            size = float(c.get("size") or (c["bottom"] - c["top"]) or 10)
            gap = c["x0"] - previous["x1"]
            if gap > 1.2 * size:
                out.append((x0, x1, "".join(text)))
                text, x0 = [], c["x0"]
            elif spaced or gap > _SPACE_EM * size:
                text.append(" ")
        else:
            x0 = c["x0"]
        text.append(c["text"])
        x1 = max(x1, c["x1"]) if text[:-1] else c["x1"]
        previous, spaced = c, False
    if text:
        out.append((x0, x1, "".join(text)))
    return out


def _continue_table(blocks: list[Block], table: Block, cut: bool = False) -> bool:
    """A table opening a page continues the previous page's last table when only
    page numbers lie between them and the column count agrees; a repeated header
    row is dropped. When the page break cut a row (`cut`: the table's rules start open)
    its two halves make one row again, and a scrap of the cut row's first line that a
    browser leaves at the page's foot (the accent of a capital reaching over the cut)
    lies between them too. Returns True when `table` was merged."""
    k = len(blocks) - 1
    while k >= 0 and (is_page_furniture(blocks[k]) or (cut and _scrap(blocks[k]))):
        k -= 1
    if k < 0 or blocks[k].kind != "table":
        return False
    previous = blocks[k]
    if max(map(len, previous.rows)) != max(map(len, table.rows)):
        return False
    rows = table.rows[1:] if table.rows[0] == previous.rows[0] else table.rows
    del blocks[k + 1 :]  # page numbers between the two parts
    if cut and rows and len(rows[0]) == len(previous.rows[-1]):
        previous.rows[-1] = [_glue(a, b) for a, b in zip(previous.rows[-1], rows[0], strict=True)]
        rows = rows[1:]
    previous.rows.extend(rows)
    return True


_SCRAP_CHARS = 3


def _scrap(block: Block) -> bool:
    return block.kind == "line" and len(block.text.replace(" ", "")) <= _SCRAP_CHARS


def _glue(a: str, b: str) -> str:
    if not a or not b:
        return a or b
    return f"{a}{'' if a.endswith('-') and not a.endswith(' -') else ' '}{b}"


def _outside(boxes: list[tuple[float, float, float, float]]) -> Callable[[dict[str, Any]], bool]:
    def keep(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    return keep


_PDF_ITEM = re.compile(r"^(?:[-+•*–]\s|\(?\d{1,3}[.)]\s)")


def _pdf_cell(text: str | None) -> str:
    """Wrapped lines inside a PDF cell join with a space; list items keep their own line."""
    if not text:
        return ""
    parts = [p.strip() for p in normalise(text).split("\n") if p.strip()]
    out: list[str] = []
    for p in parts:
        if out and not _PDF_ITEM.match(p):
            glue = "" if out[-1].endswith("-") and not out[-1].endswith(" -") else " "
            out[-1] = f"{out[-1]}{glue}{p}"
        else:
            out.append(p)
    return "\n".join(" ".join(p.split()) for p in out)


def _pdf_bold(chars: list[dict[str, Any]]) -> bool:
    letters = [c for c in chars if c.get("text", "").strip()]
    return bool(letters) and all("bold" in str(c.get("fontname", "")).lower() for c in letters)
