"""Tables of the conversation context and of what a plan states about itself (migration 0014)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base


class ChatContext(Base):
    """The last subject of one chat ('tg:<chat id>', 'cli:<user>'); migration 0014."""

    __tablename__ = "chat_contexts"

    chat_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    intent: Mapped[str | None] = mapped_column(String(40))
    subject: Mapped[str | None] = mapped_column(Text)
    item_kind: Mapped[str | None] = mapped_column(String(20))
    item_id: Mapped[int | None] = mapped_column(Integer)
    item_name: Mapped[str | None] = mapped_column(Text)
    locality: Mapped[str | None] = mapped_column(String(200))
    year: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)  # (retention)


class PlanStated(Base):
    """What a plan says about itself (knowledge.broad.stated_facts): '28 chỉ tiêu', '15/20
    chỉ tiêu', signed as chairman. A table beside plans, not a column of it: SQLite can
    only drop a column by rebuilding the table, which would cascade to every item."""

    __tablename__ = "plan_stated"

    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True)
    data: Mapped[dict] = mapped_column(JSON)
