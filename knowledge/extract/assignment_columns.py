"""Column positions of a space-aligned table (PDF text laid out with runs of spaces).

When PDF extraction keeps the page layout, every cell starts at the character
offset of its column, and a cell too long for its column wraps onto the next
lines at that same offset:

     TT   Chỉ tiêu                    ĐVT    Chỉ tiêu     Lãnh đạo           Cơ quan
                                             năm 2025     phụ trách          tham mưu
     1    Thu ngân sách nhà nước      triệu  18.600       Đ/c Đinh Thị Hoa   Phòng Kinh tế
          trên địa bàn                đồng                - Chủ tịch UBND

The header lines give the columns (a label under another one either continues it,
'Lãnh đạo' / 'phụ trách', or is a sub-column of a label spanning several, 'Năm 2025'
over 'Kế hoạch' and 'Ước TH'); each piece of a row's lines then belongs to the column
it starts in, so wrapped fragments rejoin their own cell instead of the name."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.extract.table_grid import role_of
from knowledge.text import clean

# A cell: text whose words are one space apart; two spaces or more separate cells.
_SEGMENT = re.compile(r"\S+(?: \S+)*")
_TOLERANCE = 2  # a cell may start this many characters left of its column's header
_MIN_COLUMNS = 4


@dataclass(frozen=True)
class Column:
    start: int
    label: str
    role: str


@dataclass(frozen=True)
class Segment:
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def segments(raw: str) -> list[Segment]:
    """The cells of one printed line, with their character offsets."""
    return [Segment(m.start(), m.group(0)) for m in _SEGMENT.finditer(raw.expandtabs(8))]


def header_columns(header_lines: list[str], first_row: str | None) -> tuple[Column, ...]:
    """The columns of a space-aligned header, or () when the header is not laid out so.

    `first_row` (the first numbered row's first line) confirms the layout: its cells
    must start under distinct columns, and it corrects columns whose header is centred."""
    lines = [ln for ln in header_lines if ln.strip()]
    if not lines or "\t" in lines[0] or first_row is None:
        return ()
    top = segments(lines[0])
    if len(top) < _MIN_COLUMNS:
        return ()
    starts = [s.start for s in top]
    parts: list[list[str]] = [[s.text] for s in top]
    parents: list[str] = ["" for _ in top]
    for raw in lines[1:]:
        for seg in segments(raw):
            k = _column_at(starts, seg.start)
            if abs(starts[k] - seg.start) <= _TOLERANCE or k < 0:
                parts[max(k, 0)].append(seg.text)
                continue
            # a sub-column under a label spanning several columns ('Năm 2025' > 'Ước TH')
            starts.insert(k + 1, seg.start)
            parts.insert(k + 1, [seg.text])
            parents.insert(k + 1, parents[k] or parts[k][0])
    labels = [clean(" ".join([p, *words])) for p, words in zip(parents, parts, strict=True)]
    lower = [clean(" ".join(words if p else words[1:])) for p, words in zip(parents, parts, strict=True)]
    aligned = _aligned_with_row(starts, first_row)
    if aligned is None:
        return ()
    return tuple(
        Column(s, label, _role(label, sub)) for s, label, sub in zip(aligned, labels, lower, strict=True)
    )


def _role(label: str, lower: str) -> str:
    """The role of a column: its lower line's words decide between planned and actual
    figures ('Năm 2024' / 'Thực hiện'); otherwise the whole label ('Lãnh đạo' / 'phụ trách')."""
    sub = role_of(lower)
    return sub if sub in ("target", "actual") else role_of(label)


def _aligned_with_row(starts: list[int], first_row: str) -> list[int] | None:
    """Column starts confirmed by the first row; None when the row does not fit them."""
    cells = segments(first_row)
    hit = [_column_at(starts, c.start) for c in cells]
    if len(set(hit)) < 3 or len(set(hit)) != len(hit):
        return None
    out = list(starts)
    for c, k in zip(cells, hit, strict=True):
        out[k] = min(out[k], c.start)  # a centred header starts right of its cells
    return out


def _column_at(starts: list[int], pos: int) -> int:
    """Index of the column a piece starting at `pos` belongs to (-1 left of the first)."""
    k = -1
    for i, s in enumerate(starts):
        if s <= pos + _TOLERANCE:
            k = i
    return k


def cells_by_column(raw_lines: list[str], columns: tuple[Column, ...]) -> list[str]:
    """One text per column from a row's printed lines; wrapped pieces joined in order."""
    starts = [c.start for c in columns]
    pieces: list[list[str]] = [[] for _ in columns]
    for raw in raw_lines:
        for seg in segments(raw):
            for k, text in _place(seg, starts):
                pieces[k].append(text)
    return [join_wrapped(p) for p in pieces]


def _place(seg: Segment, starts: list[int]) -> list[tuple[int, str]]:
    """The segment's column, or several when one space only separated two cells."""
    k = max(_column_at(starts, seg.start), 0)
    nxt = starts[k + 1] if k + 1 < len(starts) else None
    if nxt is None or seg.end <= nxt + _TOLERANCE:
        return [(k, seg.text)]
    cut = seg.text.rfind(" ", 0, nxt - seg.start + 1)
    if cut <= 0:
        return [(k, seg.text)]
    rest = Segment(seg.start + cut + 1, seg.text[cut + 1 :])
    return [(k, seg.text[:cut]), *_place(rest, starts)]


def join_wrapped(pieces: list[str]) -> str:
    """'Phòng Văn hóa -' + 'Xã hội' -> 'Phòng Văn hóa - Xã hội'; 'thu-' + 'nhập' -> 'thu-nhập'."""
    out = ""
    for piece in (p.strip() for p in pieces):
        if not piece:
            continue
        glued = out.endswith("-") and not out.endswith(" -") and len(out) > 1
        out = f"{out}{piece}" if glued else f"{out} {piece}".strip()
    return clean(out)


__all__ = ["Column", "cells_by_column", "header_columns", "join_wrapped", "segments"]
