"""The plan's title: the 'KẾ HOẠCH' heading with its continuation lines, an issuing
decision's 'ban hành Kế hoạch …', another kind of document's heading, or a news headline."""

from __future__ import annotations

import re

from knowledge.extract.loose import Dual, Reading
from knowledge.extract.metadata.header import COUNCIL, PARTY_HEAD, PLACE_DATE, header_units
from knowledge.extract.metadata.mentions import TYPE_ALT, typed_mentions, unit_kind
from knowledge.extract.metadata.page import OPENING_LINES, Line, is_upper
from knowledge.extract.metadata.period import YEAR
from knowledge.extract.metadata.signing import NUMBER_LINE, SIGN_AUTHORITY, SIGN_TITLE
from knowledge.text import clean, fold

_PLAN_HEADING = Dual(r"^KẾ\s+HOẠCH\b(.*)$")
_PLAN_WORDS = Dual(r"^Kế\s+hoạch\b(.*)$")
_CARRY_OUT = Dual(r"(?i)^Thực\s+hiện\b")
_ISSUES_PLAN = Dual(r"ban\s+hành\s+(Kế\s+hoạch\b.*)$")
_ABOUT = Dual(r"^Về\b")
_ABOUT_MATTER = Dual(r"(?i)^Về\s+việc")
_TITLE_STOP = Dual(
    r"^(?:\(|Căn\s+cứ|Thực\s+hiện|Trên\s+cơ\s+sở|Theo|Để|Dự\s+báo|Phần|[IVX]+[.\-\s]|\d+[.)]\s|Kính\s+gửi)",
    re.IGNORECASE,
)


_TITLE_END = Dual(r"^(?:CỘNG\s+HÒA|CỘNG\s+HOÀ|Độc\s+lập|PHỤ\s+LỤC|Nơi\s+nhận)", re.IGNORECASE)
_PLACE_AFTER_TYPE = Dual(
    rf"(?<!\w)(?!xã\s+hội\b)({TYPE_ALT})\s+((?:(?!năm\b|giai\b|đến\b|về\b|của\b|trên\b|và\b|thực\b|nhiệm\b)[^\W\d_]+\s*){{1,4}})"
)


def _recase_places(reading: Reading, text: str) -> str:
    """'… xã hội phường hòa bình năm 2026' -> '… xã hội phường Hòa Bình năm 2026'
    (for titles set in capitals; 'xã hội' is not a commune)."""

    def fix(m: re.Match[str]) -> str:
        words = m.group(2).split()
        if unit_kind(reading, m.group(1)) == "xã" and fold(words[0]) == "hoi":
            return m.group(0)
        trail = m.group(0)[len(m.group(0).rstrip()) :]
        return f"{m.group(1)} " + " ".join(w[:1].upper() + w[1:] for w in words) + trail

    return _PLACE_AFTER_TYPE.rx(reading).sub(fix, text)


def _title_case_part(reading: Reading, text: str) -> str:
    return _recase_places(reading, text.lower()) if is_upper(text) else text


def _plan_heading(reading: Reading, line: Line, index: int) -> str | None:
    """The words after 'KẾ HOẠCH' when the line is the plan's heading, else None.

    A 'Kế hoạch …' line in sentence case counts when marked as a heading, or when it
    is short, near the top and not a sentence."""
    m = _PLAN_HEADING.rx(reading).match(line.text)
    if m and is_upper(line.text.split("(")[0]) and len(line.text) <= 160:
        return m.group(1).strip()
    m = _PLAN_WORDS.rx(reading).match(line.text)
    near_top = index < 15 and len(line.text) <= 160 and not line.text.endswith((".", ";", ":", ","))
    if m and ((line.heading and len(line.text) <= 200) or near_top):
        return m.group(1).strip()
    return None


# 'số 109/KH-UBND', 'số: 12': a sentence citing another document by its number.
_CITES_NUMBER = Dual(r"\bsố\s*:?\s*\d|\d+/[A-ZĐ]")


def _names_purpose(reading: Reading, text: str) -> bool:
    """'Thực hiện nhiệm vụ phát triển … năm 2025' under a bare 'KẾ HOẠCH' is the title's second
    line, while 'Thực hiện Kế hoạch số 109/KH-UBND …, UBND xã …' opens the preamble."""
    cites = _CITES_NUMBER.rx(reading).search(text)
    return bool(_CARRY_OUT.rx(reading).match(text)) and not cites and not text.endswith((";", "."))


def plan_title(reading: Reading, lines: list[Line]) -> str | None:
    for i, line in enumerate(lines):
        rest = _plan_heading(reading, line, i)
        if rest is None:
            continue
        parts = [
            ("Ke hoach" if reading.bare else "Kế hoạch")
            + (" " + _title_case_part(reading, rest) if rest else "")
        ]
        # a heading that already says what the plan is takes only lines set in its own style
        complete = len(rest.split()) > 3
        for nxt in lines[i + 1 : i + 6]:
            t = nxt.text
            numbered = re.match(r"^(?:[IVX]+[.\-\s]|\d+[.)]\s|[a-zđA-ZĐ][.)]\s)", t)
            stop = numbered or (
                _TITLE_STOP.rx(reading).match(t)
                and not nxt.heading
                and not (len(parts) == 1 and _names_purpose(reading, t))
            )
            ends = (
                COUNCIL.rx(reading).match(t)
                or SIGN_TITLE.rx(reading).match(t)
                or SIGN_AUTHORITY.match(t)
                or _TITLE_END.rx(reading).match(t)
            )
            sentence = t.endswith(".") and not nxt.heading  # titles carry no full stop
            if stop or ends or sentence or t.endswith(":") or len(t) > 250 or (complete and not is_upper(t)):
                break
            parts.append(_title_case_part(reading, t))
            if sum(len(p) for p in parts) > 300:
                break
        return _joined_title(reading, parts)
    # No heading: 'Về việc ban hành Kế hoạch X' in a decision
    for line in lines[:60]:
        m = _ISSUES_PLAN.rx(reading).search(line.text)
        if m:
            return clean(m.group(1)).rstrip(" .;,")
    return _kind_title(reading, lines) or _headline(reading, lines)


def _joined_title(reading: Reading, parts: list[str]) -> str:
    """The heading and its continuation lines as one title; 'Về việc' goes on the heading's sentence."""
    if len(parts) > 1 and _ABOUT.rx(reading).match(parts[1]):
        parts[1] = "v" + parts[1][1:]
    return clean(" ".join(parts)).rstrip(" .;,")


# Other kinds of document that set targets: 'QUYẾT ĐỊNH' over 'Về việc …', 'CHƯƠNG TRÌNH CÔNG TÁC'.
_KIND_HEADING = Dual(
    r"^(QUYẾT\s+ĐỊNH|NGHỊ\s+QUYẾT|CHƯƠNG\s+TRÌNH(?:\s+[A-ZĐÀ-Ỹ]+){0,2}|ĐỀ\s+ÁN|PHƯƠNG\s+ÁN|CHỈ\s+THỊ)$"
)


def _kind_title(reading: Reading, lines: list[Line]) -> str | None:
    """'QUYẾT ĐỊNH' / 'Về việc giao chỉ tiêu … năm 2025' / 'và phân công …' -> one title."""
    for i, line in enumerate(lines[:OPENING_LINES]):
        m = _KIND_HEADING.rx(reading).match(line.text)
        if not m:
            continue
        parts = [m.group(1)[:1] + m.group(1)[1:].lower()]
        for nxt in lines[i + 1 : i + 5]:
            t = nxt.text
            if (
                (
                    _TITLE_STOP.rx(reading).match(t)
                    and not _ABOUT_MATTER.rx(reading).match(t)
                    and not (len(parts) == 1 and _names_purpose(reading, t))
                )
                or COUNCIL.rx(reading).match(t)
                or SIGN_TITLE.rx(reading).match(t)
                or SIGN_AUTHORITY.match(t)
                or _TITLE_END.rx(reading).match(t)
                or is_upper(t)
                or t.endswith((".", ":", ";"))
                or len(t) > 250
            ):
                break
            parts.append(t)
        if len(parts) > 1:
            return _joined_title(reading, parts)
    return None


# A header this near the top makes the first line a letterhead, not a headline.
_HEADLINE_ZONE = 12
_DATELINE = re.compile(r"\b\d{1,2}[/-]\d{1,2}[/-]\d{4}\b")


def _headline(reading: Reading, lines: list[Line]) -> str | None:
    """A news article's headline ('Phường X triển khai nhiệm vụ năm 2025'): the first line,
    a phrase naming a year or a place, followed by a dateline or the lead paragraph."""
    if len(lines) < 2 or header_units(reading, lines[:_HEADLINE_ZONE]):
        return None
    first, nxt = lines[0].text, lines[1].text
    words = first.split()
    phrase = 4 <= len(words) <= 35 and first[:1].isupper() and not is_upper(first)
    official = any(
        r.rx(reading).match(first)
        for r in (_TITLE_STOP, COUNCIL, PARTY_HEAD, NUMBER_LINE, PLACE_DATE, SIGN_TITLE)
    )
    if not phrase or official or first.endswith((".", ":", ";", ",")) or re.match(r"^[-+•*\d]", first):
        return None
    names_subject = bool(YEAR.rx(reading).search(first) or typed_mentions(reading, first))
    dateline = len(nxt) <= 60 and bool(_DATELINE.search(nxt))
    return first if names_subject and (dateline or len(nxt.split()) >= 25) else None
