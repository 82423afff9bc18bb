"""Tables of the monthly cycle: the outbox, its send attempts, planning runs and
the scheduler lock. The durable state of reminders lives here, never in
APScheduler's job store."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, DateTime, ForeignKey, Index, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base


class OutboxMessage(Base):
    """One message to one chat. dedup_key = recipient|kind|item|period: planning
    the same message twice inserts nothing new."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status_not_before", "status", "not_before"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dedup_key: Mapped[str] = mapped_column(String(400), unique=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, index=True)
    kind: Mapped[str] = mapped_column(String(30))  # report_reminder|due_nudge|overdue|escalation|digest
    item: Mapped[str] = mapped_column(Text)  # what the message is about (item name, locality)
    period: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    # pending -> sending -> sent; failed (gave up), blocked (403), ambiguous (crash mid-send)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # The sender that owns the row while it is 'sending' (kept after 'sent': who
    # sent it), and until when; another sender takes it back only after that.
    claimed_by: Mapped[str | None] = mapped_column(String(120))
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    not_before: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    planned_for: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)
    telegram_message_id: Mapped[int | None] = mapped_column(BigInteger)


class SendAttempt(Base):
    """Every call made to send an outbox message, whatever came of it."""

    __tablename__ = "send_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    outbox_id: Mapped[int] = mapped_column(ForeignKey("outbox.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), index=True
    )  # retention
    outcome: Mapped[str] = mapped_column(
        String(30)
    )  # ok|retry_after|server_error|network|forbidden|bad_request
    detail: Mapped[str | None] = mapped_column(Text)


class PlanningRun(Base):
    """One row per local date the daily planning ran: start-up catches up on missed days."""

    __tablename__ = "planning_runs"

    run_date: Mapped[date] = mapped_column(Date, primary_key=True)
    finished_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    planned: Mapped[int] = mapped_column(Integer, default=0)


class SchedulerLock(Base):
    """Lock row (SQLite) naming the one worker that plans and sends; PostgreSQL
    uses an advisory lock instead."""

    __tablename__ = "scheduler_locks"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    holder: Mapped[str] = mapped_column(String(120))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
