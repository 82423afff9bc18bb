"""Lengths for a phone's screen: clipping a text, keeping the clauses a question is about,
fitting an answer's lines within a limit."""

from __future__ import annotations

import re

from knowledge.text import clean, fold

ANSWER_LIMIT = 600  # one answer; a reader on a phone sees it without scrolling far
CLOSE_LIMIT = 780  # two or three items answered together (each also offered as a button)
SOLUTION_LIMIT = 440  # a duty's summary
LINE_LIMIT = 180  # any other line ('Phụ trách: …', 'Giải pháp: …')
LIST_NAME = 90  # an item's name in a list


def clip(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word, '…' marking the cut."""
    text = clean(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-–(")
    return cut + "…"


# who-questions: a clause naming an agency ('… hoặc Sở Công Thương …') is what is asked
AGENCY = re.compile(
    r"\b(?:Sở|Ủy ban|UBND|Công an|Ban|Phòng|Trung tâm|Bộ|Văn phòng|Hội|Đoàn|Trạm|Công chức)\s+[A-ZĐÂ-Ỹ]"
)


def clip_focus(
    text: str, limit: int, focus: tuple[str, ...] = (), prefer: re.Pattern[str] | None = None
) -> str:
    """A long text cut to `limit` keeping its opening and the clauses that hold the
    question's words ('… Trong đó, ưu tiên hoàn thiện 11 cơ sở dữ liệu …'), in order,
    '…' marking what was left out."""
    text = clean(text)
    words = {w for w in focus if len(w) > 1}
    if len(text) <= limit or not words:
        return clip(text, limit)
    pieces = [q for p in _CLAUSE.split(text) if p for q in (_COMMA.split(p) if len(p) > limit // 2 else [p])]
    score = [len(words & set(fold(p).split())) + bool(prefer and prefer.search(p)) for p in pieces]
    keep = {0: clip(pieces[0], limit // 3)}
    used = len(keep[0])
    for n in sorted(range(1, len(pieces)), key=lambda n: (-score[n], n)):
        if score[n] == 0:
            break
        room = limit - used - 4
        if len(pieces[n]) > room:
            if room >= 40 and len(keep) == 1:  # the best clause, as much of it as fits
                keep[n] = clip(pieces[n], room)
                used += len(keep[n]) + 3
            continue
        keep[n] = pieces[n]
        used += len(pieces[n]) + 3
    if len(keep) == 1:
        return clip(text, limit)
    out, last = "", -1
    for n in sorted(keep):
        piece = keep[n]
        gap = n != last + 1
        out += (" … " if gap and out else " " if out else "") + piece
        last = n
    return out + (" …" if last < len(pieces) - 1 else "")


_CLAUSE = re.compile(r"(?<=[.;:])\s+|\s+(?=\(\d+\)\s)")
_COMMA = re.compile(r"(?<=,)\s+")


def drop_optional(lines: list[str], optional: set[int], limit: int) -> list[str]:
    """Lines left out (as '') from the last optional one back until the text fits."""
    out = list(lines)
    for n in sorted(optional, reverse=True):
        if len("\n".join(x for x in out if x)) <= limit:
            break
        out[n] = ""
    return out


def fit(lines: list[str], optional: set[int] | None = None, limit: int = ANSWER_LIMIT) -> str:
    """The lines joined, within `limit`: the optional ones (by index) are left out last
    first until it fits, then every line but the first and the last is clipped, then
    the first."""
    keep = [x for x in drop_optional(lines, optional or set(), limit) if x]
    text = "\n".join(keep)
    if len(text) > limit and len(keep) > 2:
        room = max(60, (limit - len(keep[0]) - len(keep[-1])) // (len(keep) - 2))
        keep = [keep[0]] + [clip(x, room) for x in keep[1:-1]] + [keep[-1]]
        text = "\n".join(keep)
    if len(text) > limit:  # a long first line is cut last
        keep[0] = clip(keep[0], max(60, len(keep[0]) - (len(text) - limit)))
        text = "\n".join(keep)
    return text
