"""The whole question: tokens, place, intent, period and the terms to match, in one `Question`."""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.question.intent import RESPONSIBLE, Intent, detect_intent, item_kind_hint
from knowledge.question.named_places import Gazetteer, PlaceHit, PlaceRef, unknown_place
from knowledge.question.period import Period, parse_period
from knowledge.question.terms import content_terms, without_role_words
from knowledge.question.tokens import Token, expand_shorthand, tokens_of
from knowledge.text import clean, strip_diacritics


@dataclass
class Question:
    raw: str
    tokens: list[Token]  # the whole normalised question
    terms: list[Token]  # what is left to match items with (place, period, phrasing removed)
    intent: Intent
    period: Period
    places: list[PlaceRef] = field(default_factory=list)  # candidates named in the question
    place: PlaceHit | None = None  # where the question names them
    unknown_place: str | None = None  # 'xã Không Có': a place written out that nobody knows
    all_terms: list[Token] = field(default_factory=list)  # terms if the 'place' is item words after all
    kind_hint: str | None = None  # 'indicator' or 'task' when the question names the kind of item

    @property
    def place_is_weak(self) -> bool:
        """Named without its type and not at the end: it may be words of an item
        ('tham gia bảo hiểm' holds a place called 'Gia Bảo')."""
        return self.place is not None and not self.place.typed

    @property
    def folded(self) -> str:
        return " ".join(t.fold for t in self.tokens)

    @property
    def has_diacritics(self) -> bool:
        """Typed with a Vietnamese keyboard (then accents tell 'hộ' from 'hồ')."""
        text = clean(self.raw)
        return strip_diacritics(text) != text


def parse_question(text: str, gazetteer: Gazetteer | None = None) -> Question:
    text = expand_shorthand(text)
    toks = tokens_of(text)
    folded = " ".join(t.fold for t in toks)
    hit = gazetteer.find(toks) if gazetteer else None
    rest = toks[: hit.start] + toks[hit.end :] if hit else list(toks)
    # the question's own wording decides its intent, not the place's name
    intent = detect_intent(" ".join(t.fold for t in rest), text)
    period = parse_period(folded)
    terms = content_terms(rest)
    all_terms = content_terms(toks) if hit else terms
    if intent.kind == RESPONSIBLE:  # 'ai chủ trì ...': the role words asked the question
        terms, all_terms = without_role_words(terms), without_role_words(all_terms)
    return Question(
        raw=text,
        tokens=toks,
        terms=terms,
        intent=intent,
        period=period,
        places=hit.candidates if hit else [],
        place=hit,
        unknown_place=None if hit else unknown_place(text),
        all_terms=all_terms,
        kind_hint=item_kind_hint(" ".join(t.fold for t in rest)),
    )
