"""The kinds of item a plan holds, each in one place with what differs by kind.

An item is what the answer engine can find and answer from: an indicator of the plan's
table, a task, a reporting rule, a unit's duty, a dated sentence (milestone), a result row
no indicator took up (progress), a sentence of the plan's prose (passage). What each kind
brings is an `ItemKind` entry of `KINDS`: its Vietnamese label, what a question can get
from it, the points it gets per kind of question, how close a second one must be to be
answered beside it, whether a clerk acts on it (commands, progress, lists), the key it is
exported under. Storage reads the facts of each kind (storage/answer_facts.py `READERS`),
answer_text words them. docs/item_kinds.md says what a new kind must provide.

    >>> KINDS[INDICATOR].label
    'Chỉ tiêu'
    >>> priors_for("deadline")[TASK]
    6.0"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from knowledge.question import intent as qi

INDICATOR, TASK, REPORTING, DUTY = "indicator", "task", "reporting", "duty"
MILESTONE, PROGRESS, PASSAGE = "milestone", "progress", "passage"

# What a question can get from an item (`ItemKind.answers`)
FIGURE = "figure"  # a target figure ('95%')
DEADLINE = "deadline"  # when it is due
PARTIES = "parties"  # who leads, is responsible, coordinates
SOLUTION = "solution"  # how it is to be done
REPORT_TO = "report_to"  # whom a report goes to
RESULT = "result"  # a result reported or printed in the plan
WORDING = "wording"  # the plan's own sentence, quoted

# The kinds of question the priors are given for; any other is weighed as TARGET
PRIOR_INTENTS = (qi.TARGET, qi.RESPONSIBLE, qi.DEADLINE, qi.PROGRESS, qi.REPORTING)


@dataclass(frozen=True)
class ItemKind:
    """One kind of item and what differs by it."""

    key: str  # as stored (SearchDoc.kind, ProgressRecord.item_kind, Match.kind)
    label: str  # how a reply or a button names one ('Chỉ tiêu')
    answers: frozenset[str]  # what a question can get from it (FIGURE, DEADLINE, ...)
    # points added to its search score per kind of question (PRIOR_INTENTS): 'bao nhiêu'
    # is most often an indicator, 'khi nào' a task, 'gửi báo cáo' a reporting rule; they
    # decide between items that match about equally (larger ones would override what the
    # question's words say). Empty: the kind is not searched as items are (passages).
    priors: Mapping[str, float] = field(default_factory=dict)
    # a second item this close (points) to the best is answered beside it; None: the answer
    # engine's own margin (storage/answers.CLOSE, which bench/refit.py tunes)
    close: float | None = None
    tracked: bool = False  # a clerk names it in commands, records progress on it, lists show it
    export_key: str | None = None  # its list in `planbot export` (None: not exported on its own)

    @property
    def word(self) -> str:
        """The label inside a sentence or a button ('chỉ tiêu')."""
        return self.label[0].lower() + self.label[1:]

    def prior(self, intent: str) -> float:
        return self.priors.get(intent if intent in PRIOR_INTENTS else qi.TARGET, 0.0)


def _priors(
    target: float, responsible: float, deadline: float, progress: float, reporting: float
) -> dict[str, float]:
    values = (target, responsible, deadline, progress, reporting)
    return dict(zip(PRIOR_INTENTS, map(float, values), strict=True))


_ENTRIES = (
    ItemKind(
        INDICATOR,
        "Chỉ tiêu",
        frozenset({FIGURE, DEADLINE, PARTIES, RESULT}),
        _priors(6, 4, 0, 4, -10),
        tracked=True,
        export_key="indicators",
    ),
    ItemKind(
        TASK,
        "Nhiệm vụ",
        frozenset({FIGURE, DEADLINE, PARTIES, SOLUTION, RESULT}),
        _priors(0, 4, 6, 2, 0),
        tracked=True,
        export_key="tasks",
    ),
    # reporting rules are few and short: the near ones are shown together
    ItemKind(
        REPORTING,
        "Chế độ báo cáo",
        frozenset({DEADLINE, REPORT_TO}),
        _priors(-12, -10, 3, -12, 18),
        close=15.0,
        export_key="reporting",
    ),
    ItemKind(
        DUTY,
        "Nhiệm vụ của đơn vị",
        frozenset({PARTIES, SOLUTION}),
        _priors(-12, 0, -8, -12, 2),
        export_key="unit_duties",
    ),
    ItemKind(
        MILESTONE,
        "Mốc thời gian",
        frozenset({DEADLINE, WORDING}),
        _priors(-14, -14, -2, -14, -14),
        export_key="milestones",
    ),
    ItemKind(
        PROGRESS, "Kết quả thực hiện", frozenset({RESULT}), _priors(1, -8, -6, 5, -12), export_key="progress"
    ),
    ItemKind(PASSAGE, "Đoạn văn bản", frozenset({WORDING})),
)

KINDS: Mapping[str, ItemKind] = MappingProxyType({k.key: k for k in _ENTRIES})
# what a command may name, progress be recorded on, a list show: the plan's table rows
TRACKED = tuple(k.key for k in _ENTRIES if k.tracked)
SEARCHED = tuple(k.key for k in _ENTRIES if k.priors)  # the kinds the item search ranks


def kind(key: str) -> ItemKind:
    """The entry of a stored kind; an unknown one is a programming error."""
    return KINDS[key]


def priors_for(intent: str) -> dict[str, float]:
    """The points each searched kind gets for a kind of question."""
    return {key: KINDS[key].prior(intent) for key in SEARCHED}


def close_margin(key: str, default: float) -> float:
    """How close a second item must come to the best of this kind to be answered too
    (`default`: the engine's margin, for a kind with none of its own)."""
    found = KINDS.get(key)
    return found.close if found is not None and found.close is not None else default
