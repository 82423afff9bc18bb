"""Understanding a question: normalised tokens, intent, place and period.

Pure functions: the caller passes the places it knows (a `Gazetteer`); nothing
here touches a database. Every token is kept twice, accented and folded, so a
question typed without diacritics still matches, and one typed with them can
tell 'hộ' from 'hồ'.

By concern: tokens (words, abbreviations, shorthand), named_places (the places a question
names), period (its years), intent (what it asks), terms (the words left to match items
with), assembly (the whole `Question`). Callers keep `from knowledge import question as
qn`: every name is re-exported here."""

from __future__ import annotations

from knowledge.question.assembly import (
    Question,
    parse_question,
)
from knowledge.question.intent import (
    DEADLINE,
    DUE_SOON,
    HELP,
    MY_ITEMS,
    OVERDUE,
    OVERVIEW,
    PARTY_ITEMS,
    PROGRESS,
    REPORTING,
    RESPONSIBLE,
    TARGET,
    TOPIC,
    Intent,
    detect_intent,
    item_kind_hint,
)
from knowledge.question.named_places import (
    LOCALITY_TYPES,
    Gazetteer,
    PlaceHit,
    PlaceRef,
    bare_fold,
    split_locality_name,
    unknown_place,
)
from knowledge.question.period import (
    Period,
    parse_period,
)
from knowledge.question.terms import (
    content_terms,
    without_role_words,
)
from knowledge.question.tokens import (
    Token,
    expand_abbreviations,
    expand_shorthand,
    folded_text,
    tokens_of,
    unify_spelling,
)

__all__ = [
    "DEADLINE",
    "DUE_SOON",
    "HELP",
    "LOCALITY_TYPES",
    "MY_ITEMS",
    "OVERDUE",
    "OVERVIEW",
    "PARTY_ITEMS",
    "PROGRESS",
    "REPORTING",
    "RESPONSIBLE",
    "TARGET",
    "TOPIC",
    "Gazetteer",
    "Intent",
    "Period",
    "PlaceHit",
    "PlaceRef",
    "Question",
    "Token",
    "bare_fold",
    "content_terms",
    "detect_intent",
    "expand_abbreviations",
    "expand_shorthand",
    "folded_text",
    "item_kind_hint",
    "parse_period",
    "parse_question",
    "split_locality_name",
    "tokens_of",
    "unify_spelling",
    "unknown_place",
    "without_role_words",
]
