"""A plan's passage vocabulary: each folded word with the number of its passages holding
it (storage/passage_index.py `passage_counts`), written by ingest with the passages.

Counting them is most of the cost of loading a plan's passages, which a place's first
question pays and, at a country's scale, most questions are a place's first. Read back,
the counts are the same figures (`load_rows` checks the passage count they were made
from); a plan stored before this table existed has none and is counted at load."""

from __future__ import annotations

import json
from collections import Counter

from sqlalchemy import ForeignKey, Integer, Text, bindparam, delete, insert, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from storage.models import Base
from storage.passage_index import passage_counts


class PassageVocabulary(Base):
    """The passage vocabulary of one plan version."""

    __tablename__ = "passage_vocabulary"

    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True)
    passages: Mapped[int] = mapped_column(Integer)  # how many passages were counted
    counts: Mapped[str] = mapped_column(Text)  # JSON: {folded word: passages holding it}


def write_vocabulary(session: Session, plan_id: int, words: list[str], contexts: list[str]) -> None:
    """(Re)write the vocabulary of a plan whose passages are these (folded words and
    heading path of each)."""
    session.execute(delete(PassageVocabulary).where(PassageVocabulary.plan_id == plan_id))
    counts = json.dumps(passage_counts(words, contexts), ensure_ascii=False, separators=(",", ":"))
    session.execute(
        insert(PassageVocabulary), [{"plan_id": plan_id, "passages": len(words), "counts": counts}]
    )


# built once: the cache key of a statement made for each load costs as much as the query
_OF_PLANS = select(PassageVocabulary.plan_id, PassageVocabulary.passages, PassageVocabulary.counts).where(
    PassageVocabulary.plan_id.in_(bindparam("plans", expanding=True))
)


def vocabularies(session: Session, plan_ids: tuple[int, ...]) -> dict[int, tuple[int, Counter[str]]]:
    """The stored vocabularies of these plans: plan id -> (passages counted, counts)."""
    rows = session.connection().execute(_OF_PLANS, {"plans": list(plan_ids)})
    return {plan_id: (n, Counter(json.loads(counts))) for plan_id, n, counts in rows}
