"""What the answer engine returns and what it answers from: an answer, the items it
matched, an item a command named, the place and plans of a question (split from
storage/answers.py so that the modules answering each kind of question share them)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from knowledge import answer_text as say
from knowledge import question as qn
from storage import answer_facts as stated
from storage import models as m
from storage.search import Hit


@dataclass
class Match:
    kind: str
    item_id: int
    plan_id: int
    plan: str
    name: str
    target_text: str | None
    responsible: str | None
    score: float

    def to_json(self) -> dict[str, object]:
        d = asdict(self)
        return {k: d[k] for k in ("kind", "plan", "name", "target_text", "responsible")} | {
            "score": round(self.score, 1)
        }


@dataclass(frozen=True)
class Found:
    """An item a command named: its kind ('indicator' | 'task'), id and score."""

    kind: str
    item_id: int
    plan_id: int
    score: float


@dataclass
class Answer:
    text: str
    intent: str
    matches: list[Match] = field(default_factory=list)
    candidates: list[Match] = field(default_factory=list)  # close or suggested items (buttons)
    needs_locality: bool = False
    locality_candidates: list[str] = field(default_factory=list)
    locality: str | None = None  # the place the answer is about
    plan_id: int | None = None
    choices: list[tuple[str, str]] = field(default_factory=list)  # (button label, question it asks)
    score: float = 0.0  # how well the best item (or quoted passage) matched the question, 0..100+
    coverage: float = 0.0  # the share of the question's words it matched
    quoted: bool = False  # the reply quotes a passage of the plan


@dataclass
class Scope:
    """The place and plans a question is answered from."""

    locality: qn.PlaceRef
    plans: list[m.Plan]
    preferred: m.Plan
    terms: list[qn.Token]  # the words to match items with in this reading of the question
    guessed: bool = False  # no place was named: the place whose item stood out


def match_of(hit: Hit, facts: say.ItemFacts, plans: dict[int, m.Plan]) -> Match:
    """The item a hit found, as an answer lists it (and the bot offers it as a button)."""
    plan = plans.get(hit.doc.plan_id)
    return Match(
        kind=hit.doc.kind,
        item_id=hit.doc.item_id,
        plan_id=hit.doc.plan_id,
        plan=stated.plan_label(plan) if plan else "",
        name=facts.name,
        target_text=say.figure(facts) or None,
        responsible=facts.responsible,
        score=hit.score,
    )
