"""Indicator assignment tables whose cells PDF text extraction flattened into lines.

The layout: a header naming the columns (TT, Chỉ tiêu, Đơn vị tính, one or more
target columns, Lãnh đạo chỉ đạo / Phụ trách / Phối hợp, Ghi chú), an optional
numbering row '1 2 3 …', then group headings ('A …', 'I …') and rows. PDF
extraction turned column gaps into runs of spaces and broke long cells over
several lines, so a row is re-assembled from its numbered line plus every
continuation line up to the next row start, then split into cells by content:

    name  [unit]  [target values…]  [leader]  [responsible parties…]  [note]

Everything is recognised by structure and vocabulary, never by locality. The modules:
`header` (columns), `rows` (assembly), `cells` (a row's text into cells), `indicators`."""

from __future__ import annotations

from knowledge.extract.assignment_table.header import find_header
from knowledge.extract.assignment_table.indicators import row_indicators
from knowledge.extract.assignment_table.rows import assemble_rows
from knowledge.extract.assignment_table.shapes import Line
from knowledge.model import Document, LayoutResult


def extract(doc: Document) -> LayoutResult:
    lines = [Line(b.line_no, b.text) for b in doc.blocks if b.kind == "line"]
    result = LayoutResult()
    i = 0
    while i < len(lines):
        found = find_header(lines, i)
        if found is None:
            break
        header, body_start = found
        rows, i = assemble_rows(lines, body_start, header)
        result.indicators.extend(row_indicators(rows, header, len(result.indicators)))
    return result
