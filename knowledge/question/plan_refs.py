"""A plan's number as a question writes it ('KH 308', 'QĐ 2853', 'kế hoạch số 0124/KH-UBND',
'157/KH-UBND'), read from the question's folded tokens: which plan it names
(storage/answer_places.py) and, for the words left to match items with, which tokens only say
which plan (or which of its tables: 'phụ lục 01') rather than what is asked of it (terms.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_PLAN_LABELS = (("kh",), ("qd",), ("ke", "hoach"), ("quyet", "dinh"))
# where in the plan, not what: 'theo phụ lục 01', 'mẫu biểu 01' (a table's items hold its words)
_TABLE_LABELS = (("phu", "luc"), ("mau", "bieu"), ("bieu",))
_YEARISH = re.compile(r"^(?:19|20)\d\d$")
# the kinds of document a number's tail names ('/KH-UBND' is one token 'khubnd')
_TAIL_KINDS = ("kh", "qd")
_NOT_TAILS = ("khi", "kho")  # words, not a number's tail ('kế hoạch 12 khi nào')
# a number written with its tail ('157/KH-UBND', 'số 12/QĐ', '5/CTr-UBND'): on the raw text, for
# a token alone cannot tell '5/KH' from '5 khu'
_WITH_TAIL = re.compile(r"\b0*(\d{1,5})\s*/\s*(?:KH|QĐ|QD|CTr|KH-UBND)", re.IGNORECASE)
MAX_DIGITS = 5  # a plan's number; longer is some other figure


@dataclass(frozen=True)
class Reference:
    """A plan (or one of its tables) named by number, from a question's token."""

    length: int  # tokens it takes from its start: label, 'số', the number and its tail
    number: str  # as written ('0124')
    table: bool  # 'phụ lục 01', 'mẫu biểu 02': a table of the plan, not a plan

    @property
    def plan_number(self) -> str:
        """The number without its leading zeros ('0124/KH-UBND' is plan 124)."""
        return self.number.lstrip("0") or "0"


def reference_at(folds: Sequence[str], i: int = 0) -> Reference | None:
    """The plan or table named by number from folds[i] ('kh 982', 'ke hoach so 0124 khubnd',
    'phu luc 01'); None when none is (a year after 'kế hoạch' is a period, not a number)."""
    for label in (*_PLAN_LABELS, *_TABLE_LABELS):
        n = i + len(label)
        if tuple(folds[i:n]) != label:
            continue
        if folds[n : n + 1] == ["so"]:
            n += 1
        if n < len(folds) and folds[n].isdigit() and not _YEARISH.match(folds[n]):
            number = folds[n]
            n += 1
            if n < len(folds) and _is_tail(folds[n]):
                n += 1  # the number's tail ('/KH-UBND')
            return Reference(n - i, number, label in _TABLE_LABELS)
    return None


def _is_tail(word: str) -> bool:
    return word.startswith(_TAIL_KINDS) and word not in _NOT_TAILS


def named_number(raw: str, folds: Sequence[str]) -> str | None:
    """The number of the plan a question names (`raw` as typed, `folds` its folded tokens),
    without leading zeros: one written with its tail ('157/KH-UBND') first, else one after a
    label ('KH 308', 'kế hoạch số 0124'); None when it names none."""
    found = _WITH_TAIL.search(raw)
    if found:
        return found.group(1)
    for i in range(len(folds)):
        ref = reference_at(folds, i)
        if ref is not None and not ref.table and len(ref.plan_number) <= MAX_DIGITS:
            return ref.plan_number
    return None
