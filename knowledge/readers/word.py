"""The .docx reader: paragraphs with Word's automatic numbering written out, headings by
style or bold runs, tables on their grid with merged cells resolved; a package that
would inflate past the limit is refused before it is parsed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from knowledge.errors import UnreadableDocument
from knowledge.model import Block
from knowledge.readers.cells import clean_cell, normalise
from knowledge.readers.limits import ReadLimits, mib

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(data: bytes, max_inflated: int = ReadLimits.max_docx_inflated_bytes) -> list[Block]:
    import io
    import zipfile

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise UnreadableDocument("not a valid .docx file")
    _check_inflated(data, max_inflated)
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        return list(_docx_blocks(document, document.element.body))
    except UnreadableDocument:
        raise
    except Exception:  # python-docx raises many kinds for a damaged package
        raise UnreadableDocument("not a valid .docx file") from None


def _check_inflated(data: bytes, max_inflated: int) -> None:
    """Refuse a package whose parts inflate past `max_inflated` bytes in total (a zip bomb)
    before python-docx inflates and parses them. The sizes are the archive's own; zipfile
    never inflates a member past its stated size (it fails the CRC instead), so a package
    that understates them cannot get more through."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            total = sum(max(i.file_size, 0) for i in z.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise UnreadableDocument("not a valid .docx file") from None
    if total > max_inflated:
        raise UnreadableDocument(
            f"document too large when unpacked ({mib(total)} MB, limit {mib(max_inflated)} MB)"
        )


def _docx_blocks(document: Any, body: Any) -> Iterator[Block]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    line_no = 0
    numbering = _Numbering(document)
    for el in _body_elements(body):
        if el.tag == f"{_W}p":
            para = Paragraph(el, document)
            text = _docx_text(el)
            # python-docx resolves a paragraph's style by scanning every style (~10 ms):
            # an empty paragraph is never a heading, so a million of them cost nothing
            heading = bool(text.strip()) and _docx_heading(para)
            label = numbering.label(para) if text.strip() else ""
            if label:
                text = f"{label} {text.lstrip()}"
            for piece in normalise(text).split("\n"):
                line_no += 1
                yield Block(kind="line", text=piece, line_no=line_no, heading=heading and bool(piece.strip()))
        else:
            rows = _docx_rows(Table(el, document))
            if rows:
                yield Block(kind="table", rows=rows, line_no=line_no + 1)
                line_no += len(rows)


_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26]
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    return str(n)


class _Numbering:
    """Word's automatic list numbers ('1.', 'a)', 'II.'), which paragraph text
    does not hold but item detection needs. Bullets become '-'."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (numId, ilvl) -> fmt, text, start
        self.abstract_of: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except Exception:  # no numbering part: nothing is numbered
            return
        abstracts: dict[str, dict[int, tuple[str, str, int]]] = {}
        for absn in root.findall(f"{_W}abstractNum"):
            lvls: dict[int, tuple[str, str, int]] = {}
            for lvl in absn.findall(f"{_W}lvl"):
                fmt, text, start = (lvl.find(f"{_W}{t}") for t in ("numFmt", "lvlText", "start"))
                lvls[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{_W}val", "") if text is not None else "",
                    int(start.get(f"{_W}val", "1")) if start is not None else 1,
                )
            abstracts[absn.get(f"{_W}abstractNumId", "")] = lvls
        for num in root.findall(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is None:
                continue
            num_id, abs_id = num.get(f"{_W}numId", ""), ref.get(f"{_W}val", "")
            self.abstract_of[num_id] = abs_id
            for ilvl, spec in abstracts.get(abs_id, {}).items():
                self.levels[(num_id, ilvl)] = spec

    def label(self, para: Any) -> str:
        num_id, ilvl = _num_pr(para)
        if num_id is None or (num_id, ilvl) not in self.levels:
            return ""
        fmt, text, start = self.levels[(num_id, ilvl)]
        if fmt == "none":
            return ""
        if fmt == "bullet":
            return "-"
        counters = self.counters.setdefault(self.abstract_of.get(num_id, num_id), {})
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a new parent item restarts its children
        label = text
        for level in range(ilvl + 1):
            lfmt, _, lstart = self.levels.get((num_id, level), ("decimal", "", 1))
            label = label.replace(f"%{level + 1}", _format_number(counters.get(level, lstart), lfmt))
        return label.strip()


def _num_pr(para: Any) -> tuple[str | None, int]:
    """numId and level of a paragraph, from the paragraph or its style chain."""
    sources = [para._p.pPr]
    style = para.style
    while style is not None:
        sources.append(style.element.pPr)
        style = style.base_style
    for ppr in sources:
        numpr = ppr.find(f"{_W}numPr") if ppr is not None else None
        if numpr is None:
            continue
        num_id, ilvl = numpr.find(f"{_W}numId"), numpr.find(f"{_W}ilvl")
        if num_id is not None:
            value = num_id.get(f"{_W}val")
            return (None if value == "0" else value), int(
                ilvl.get(f"{_W}val", "0")
            ) if ilvl is not None else 0
    return None, 0


def _body_elements(parent: Any) -> Iterator[Any]:
    """Paragraphs and tables in document order, looking inside content controls."""
    for el in parent.iterchildren():
        if el.tag in (f"{_W}p", f"{_W}tbl"):
            yield el
        elif el.tag == f"{_W}sdt":
            content = el.find(f"{_W}sdtContent")
            if content is not None:
                yield from _body_elements(content)


def _docx_heading(para: Any) -> bool:
    style = (para.style.name if para.style is not None else "") or ""
    if style.lower().startswith(("heading", "title")):
        return True
    runs = [r for r in para.runs if r.text.strip()]
    return bool(runs) and all(_run_bold(r) or (r.bold is None and _style_bold(para.style)) for r in runs)


def _style_bold(style: Any) -> bool:
    while style is not None:
        if style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return False


def _run_bold(run: Any) -> bool:
    if run.bold is not None:
        return bool(run.bold)
    style = run.style
    while style is not None:
        if style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return False


_RUN_TEXT = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _docx_text(p: Any) -> str:
    """A paragraph's visible text, including tracked insertions, hyperlinks and
    text boxes (deleted text is stored as w:delText and stays out)."""
    parts: list[str] = []
    for el in p.iter(*_RUN_TEXT):
        if next(el.iterancestors(_MC_FALLBACK), None) is not None:
            continue  # the old-format copy of a text box already read in mc:Choice
        fixed = _RUN_TEXT[el.tag]
        parts.append(el.text or "" if fixed is None else fixed)
    return "".join(parts)


def _cell_text(tc: Any) -> str:
    """A cell's paragraphs joined by line breaks (nested tables included)."""
    return "\n".join(_docx_text(p) for p in tc.iter(f"{_W}p"))


def _docx_rows(table: Any) -> list[list[str]]:
    """Rows of cell texts on the table grid. A cell merged across columns gives its text
    once (in its first grid column, the columns it covers stay ''); a cell merged down
    over several rows ('Lãnh đạo chỉ đạo' written once for a block of tasks) gives it
    to every row it covers: a continuation cell (`<w:vMerge/>` without 'restart')
    repeats the text of the cell that opened the merge in the same grid column."""

    rows: list[list[str]] = []
    above: dict[int, str] = {}  # grid column -> text of the last cell starting there
    for tr in table._tbl.tr_lst:
        row: list[str] = [""] * int(getattr(tr, "grid_before", 0) or 0)
        for tc in tr.tc_lst:
            span = int(tc.grid_span or 1)
            col = len(row)
            text = above.get(col, "") if tc.vMerge == "continue" else clean_cell(_cell_text(tc))
            above[col] = text
            row.append(text)
            row.extend([""] * (span - 1))
        if any(c for c in row):
            rows.append(row)
    return rows
