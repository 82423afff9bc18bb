"""Bot-side tables: the update inbox, registration requests and pending
progress confirmations. Shares `Base` with the core schema (migration 0003)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, DateTime, Float, Index, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base


class InboxUpdate(Base):
    """One Telegram update, committed before Telegram is told we have it.

    The poller (or the webhook) writes a batch here and commits before asking
    for the next offset; the worker handles rows in update_id order and sets
    processed_at afterwards, so a crash loses nothing and replays nothing
    already handled."""

    __tablename__ = "bot_inbox"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    payload: Mapped[dict] = mapped_column(JSON)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # Replies already sent while handling it: a replay after a crash skips them,
    # so the user does not get them twice.
    sends_done: Mapped[int] = mapped_column(Integer, default=0)
    # Which process is handling the row (webhook workers share the inbox).
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    processed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    error: Mapped[str | None] = mapped_column(Text)


class RegistrationRequest(Base):
    """A '/dangky' waiting for an admin: the candidate parties are offered as buttons.
    One pending request per user; a repeat is answered 'đang chờ duyệt'."""

    __tablename__ = "bot_registrations"
    __table_args__ = (Index("ix_bot_registrations_status_notified", "status", "notified_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(BigInteger, index=True)
    full_name: Mapped[str] = mapped_column(String(200))
    title_text: Mapped[str] = mapped_column(String(300))
    locality_key: Mapped[str | None] = mapped_column(String(200))
    candidates: Mapped[list] = mapped_column(JSON, default=list)  # party ids, best first
    status: Mapped[str] = mapped_column(String(20), default="pending")  # pending|approved|rejected
    decided_by: Mapped[int | None] = mapped_column(BigInteger)
    party_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # When the admins were told (a card of its own, or a line of a digest); None:
    # not yet — the digest job picks it up (also after a crash before the card).
    notified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ProgressDraft(Base):
    """A parsed '/capnhat' shown to the officer, stored only on 'Xác nhận'.

    `token` goes into the callback data; the draft remembers who may press it."""

    __tablename__ = "bot_progress_drafts"

    token: Mapped[str] = mapped_column(String(24), primary_key=True)
    user_id: Mapped[int] = mapped_column(BigInteger, index=True)
    item_kind: Mapped[str] = mapped_column(String(20))
    item_id: Mapped[int] = mapped_column(Integer)
    value: Mapped[float | None] = mapped_column(Float)
    value_text: Mapped[str] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20), default="pending")  # pending|confirmed|cancelled
    record_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)  # retention
