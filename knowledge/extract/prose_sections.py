"""Where a plan states its targets in prose: the sections under headings such as
'2. Các chỉ tiêu chủ yếu (28 chỉ tiêu)', 'Mục tiêu cụ thể', 'Phụ lục I: Các chỉ
tiêu kinh tế - xã hội', down to the next heading of the same or a higher level
('3. Nhiệm vụ và giải pháp'). Headings keep a rank by their numbering style
(A. > I. > 1. > 1.1. > a) > (1) > bullets); unnumbered capitals and the
signature block close everything."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.extract.lines import Paragraph
from knowledge.extract.prose_targets import find_targets
from knowledge.text import fold

_UPPER_LETTER = re.compile(r"^[A-ZĐ]\s*[.)]\s*(?=\S)")
_ROMAN = re.compile(r"^[IVX]{1,6}\s*[.)/–-]\s*(?=\S)|^(?:PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)\s+[IVX\d]+\b")
_ARTICLE = re.compile(r"^(?:Điều|ĐIỀU)\s+\d{1,2}\b")
_DECIMAL = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)]?\s*(?=[^\d\s.,/])")
_LOWER = re.compile(r"^[a-zđ]\s*[.)]\s*(?=\S)")
_PAREN = re.compile(r"^\(\s*\d{1,3}\s*\)")
_BULLET = re.compile(r"^[-–—*•●○◦▪■□❖➢►✓\uf0b7\uf0a7\uf076\uf0d8\uf0fc]\s*")
_PLUS = re.compile(r"^\+\s*")

_TARGET_WORDS = ("chi tieu", "muc tieu cu the", "cac muc tieu chu yeu", "muc tieu chu yeu", "nhung muc tieu")
_OTHER_WORDS = (
    "nhiem vu",
    "giai phap",
    "bien phap",
    "to chuc thuc hien",
    "ket qua",
    "danh gia",
    "tinh hinh",
    "tong quat",
    "muc tieu chung",
    "muc dich",
    "yeu cau",
    "trong tam",
    "du bao",
    "phan cong",
    "noi nhan",
    "de an",
    "kinh phi",
    "che do bao cao",
    "can cu",
)


_LETTERED = re.compile(r"^[a-zđ]\s*[.)]\s*(\w)")  # the first word after 'a)', tested with islower
_SENTENCES = re.compile(r"[^\s.\d]\.\s+[A-ZĐ]")
_MARKER = re.compile(r"^\W*(?:[A-ZĐ]|[IVX]{1,6}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])\s*[.)/–-]\s*")


@dataclass
class Heading:
    rank: float
    kind: str  # 'target' | 'other' | 'neutral'
    text: str


def marker_rank(text: str) -> float | None:
    """Rank of the item marker that opens the text (smaller is higher), None if none."""
    if _ARTICLE.match(text):
        return 0
    if _ROMAN.match(text):
        return 1
    if _UPPER_LETTER.match(text) and not re.match(r"^[A-ZĐ]\.[A-ZĐ]\.", text):
        return 0
    m = _DECIMAL.match(text)
    if m:
        return 1 + len(m.group(1).split("."))
    if _LOWER.match(text):
        return 5
    if _PAREN.match(text):
        return 6
    if _BULLET.match(text):
        return 7
    if _PLUS.match(text):
        return 8
    return None


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def heading_kind(text: str) -> str:
    """'target' for a targets heading, 'other' for evaluation, tasks, purpose, ...;
    'neutral' for a plain group label ('a) Về kinh tế')."""
    t = re.sub(r"\(\s*\d+\s*chỉ\s+tiêu\s*\)", " chỉ tiêu ", text, flags=re.IGNORECASE)
    f = fold(re.sub(r"^\W*(?:[A-ZĐ]|[IVX]{1,6}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])\s*[.)/–-]\s*", "", t))
    if any(w in f for w in ("ket qua", "danh gia", "tinh hinh", "noi nhan")):
        return "other"
    has_target = any(w in f for w in _TARGET_WORDS) or bool(
        re.match(r"^(?:cac\s+)?muc tieu(?:\s+nam\s+\d{4})?$", f)
    )
    has_other = any(w in f for w in _OTHER_WORDS)
    if has_target and has_other:
        # 'Mục tiêu, chỉ tiêu và nhiệm vụ' leads with targets; 'Giải pháp thực hiện các chỉ tiêu' does not
        head = " ".join(f.split()[:4])
        return "target" if any(w in head for w in ("chi tieu", "muc tieu")) else "other"
    if has_target:
        return "target"
    if has_other:
        return "other"
    return "neutral"


def as_heading(p: Paragraph) -> Heading | None:
    """The paragraph as a heading, or None when it is body text or an item."""
    text = p.text.strip()
    if fold(text).startswith("noi nhan"):
        return Heading(-1, "other", text)
    rank = marker_rank(text)
    bare = re.sub(r"\([^()]*\)|\b\d+\s*chỉ\s+tiêu\b", " ", text, flags=re.IGNORECASE)
    has_figure = bool(find_targets(bare))
    if rank is not None and rank >= 6:
        return None
    if p.heading or _is_caps(text):
        if has_figure:  # a bold or capitalised line stating a figure is an item
            return None
        return Heading(rank if rank is not None else -1, heading_kind(text), text)
    if (
        rank is None
        or has_figure
        or len(text) > 160
        or text.endswith((";", "."))
        or _SENTENCES.search(_MARKER.sub("", text))  # 'A. Lĩnh vực': the marker's stop ends no sentence
    ):
        return None
    lettered = _LETTERED.match(text)
    if rank == 5 and lettered is not None and lettered.group(1).islower():
        return None  # 'a) lower-case sentence' is an item, not a heading ('b. Địa điểm' is one)
    return Heading(rank, heading_kind(text), text)


class SectionTracker:
    """Follows the heading stack; tells whether a paragraph sits in a target section."""

    def __init__(self) -> None:
        self.stack: list[Heading] = []

    def push(self, h: Heading) -> None:
        if h.rank == -1 and h.kind == "neutral" and self.in_target() and not self._caps_title(h.text):
            # an unnumbered bold line inside a target section: a group label
            h = Heading(self.stack[-1].rank + 0.5, "neutral", h.text)
        elif h.kind == "neutral" and h.rank >= 0 and not _is_caps(h.text):
            # 'A. Kinh tế' under 'II. CÁC CHỈ TIÊU': a plain group label ranks below the
            # targets heading whatever its numbering style, instead of closing it
            target = self._target_heading()
            if target is not None and h.rank <= target.rank:
                h = Heading(target.rank + 0.5, "neutral", h.text)
        while self.stack and self.stack[-1].rank >= h.rank:
            self.stack.pop()
        self.stack.append(h)

    @staticmethod
    def _caps_title(text: str) -> bool:
        return _is_caps(text)

    def _target_heading(self) -> Heading | None:
        """The targets heading whose section the stack is in, if any."""
        for h in reversed(self.stack):
            if h.kind != "neutral":
                return h if h.kind == "target" else None
        return None

    def in_target(self) -> bool:
        for h in reversed(self.stack):
            if h.kind != "neutral":
                return h.kind == "target"
        return False

    def in_other(self) -> bool:
        for h in reversed(self.stack):
            if h.kind != "neutral":
                return h.kind == "other"
        return False

    def group(self) -> str | None:
        for h in reversed(self.stack):
            if h.kind in ("target", "neutral"):
                return clean_group(h.text)
            break
        return None


def clean_group(text: str) -> str:
    t = re.sub(r"^\s*(?:[IVX]{1,6}|[A-ZĐ]|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])\s*[.)/–-]\s*", "", text)
    t = re.sub(r"^\s*\d{1,2}(?:\.\d{1,2}){0,3}\s+", "", t)
    t = re.sub(r"[:(]?\s*\b\d+\s*chỉ\s+tiêu\b\s*\)?", "", t, flags=re.IGNORECASE)
    t = re.sub(r"\(.*?\)", "", t)
    t = " ".join(t.split()).strip(" :.-")
    if _is_caps(t):
        t = t[:1] + t[1:].lower()
    return t
