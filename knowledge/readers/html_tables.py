"""HTML tables pasted into a text or markdown file ('<table>…</table>'), read on their grid."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from knowledge.readers.cells import clean_cell

HTML_TABLE_OPEN = re.compile(r"<table\b", re.IGNORECASE)
_HTML_TABLE_TAG = re.compile(r"<(/?)table\b", re.IGNORECASE)


def html_table_end(lines: list[str], start: int) -> int:
    """Index of the line closing the <table> opened on line `start` (nesting counted)."""
    depth = 0
    for k in range(start, len(lines)):
        for m in _HTML_TABLE_TAG.finditer(lines[k]):
            depth += -1 if m.group(1) else 1
        if depth <= 0:
            return k
    return len(lines) - 1


class _TableParser(HTMLParser):
    """Rows of an HTML table on its grid: colspan/rowspan positions stay ''."""

    _KEEP = ("sup", "sub", "br", "p", "li")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.span = (1, 1)
        self.pending: dict[int, int] = {}  # column -> rows still covered by a rowspan
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.depth += 1
        if self.depth > 1:  # a nested table: its text belongs to the outer cell
            if self.cell is not None and tag in ("tr", "br", "p"):
                self.cell.append("<br>")
            return
        if tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            a = dict(attrs)
            self.span = (_int(a.get("colspan")), _int(a.get("rowspan")))
            self.cell = []
        elif self.cell is not None and tag in self._KEEP:
            self.cell.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.depth -= 1
            return
        if self.depth > 1:
            return
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            self._place(clean_cell("".join(self.cell)))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self._fill_pending()
            self.rows.append(self.row)
            self.row = None
        elif self.cell is not None and tag in self._KEEP:
            self.cell.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data.replace("<", "&lt;"))

    def _fill_pending(self) -> None:
        assert self.row is not None
        while self.pending.get(len(self.row), 0) > 0:
            self.pending[len(self.row)] -= 1
            self.row.append("")

    def _place(self, text: str) -> None:
        assert self.row is not None
        self._fill_pending()
        colspan, rowspan = self.span
        for k in range(colspan):
            if rowspan > 1:
                self.pending[len(self.row)] = rowspan - 1
            self.row.append(text if k == 0 else "")


def _int(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 100))
    except ValueError:
        return 1


def html_table_rows(markup: str) -> list[list[str]]:
    """Rows of cell texts of the first HTML table in `markup`."""
    parser = _TableParser()
    parser.feed(markup)
    parser.close()
    return [r for r in parser.rows if any(r)]
