"""Core tables: localities, plans and what they hold, parties and progress.

Bot-side tables (users, inbox, outbox, ...) live in their own modules under
`storage/` and share `Base`. Every model here must have a matching Alembic
migration (a test runs `alembic check`)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Locality(Base):
    """A commune-level unit (or district, province) that issues plans."""

    __tablename__ = "localities"
    __table_args__ = (UniqueConstraint("key", name="uq_localities_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200))  # folded 'phuong dong tho'
    name: Mapped[str] = mapped_column(String(200))  # 'phường Đông Thọ'
    locality_type: Mapped[str | None] = mapped_column(String(40))
    parent: Mapped[str | None] = mapped_column(String(200))
    province: Mapped[str | None] = mapped_column(String(200))


class Plan(Base):
    """One version of one plan document. A changed document of the same plan
    (same plan_key: place, issuer, number and year, see `storage.keys.plan_key`)
    supersedes the old version: is_current moves to the new one."""

    __tablename__ = "plans"
    __table_args__ = (
        UniqueConstraint("content_hash", name="uq_plans_content_hash"),
        Index("ix_plans_plan_key_current", "plan_key", "is_current"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_key: Mapped[str] = mapped_column(String(300))
    version: Mapped[int] = mapped_column(Integer, default=1)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    source: Mapped[str] = mapped_column(String(300))  # file base name
    content_hash: Mapped[str] = mapped_column(String(64))  # of the file's bytes
    # of its text, line endings and encoding aside (None for plans stored before 0008)
    text_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    locality_id: Mapped[int | None] = mapped_column(ForeignKey("localities.id"), index=True)
    locality_name: Mapped[str | None] = mapped_column(String(200))
    locality_type: Mapped[str | None] = mapped_column(String(40))
    parent: Mapped[str | None] = mapped_column(String(200))
    province: Mapped[str | None] = mapped_column(String(200))
    period_start: Mapped[int | None] = mapped_column(Integer)
    period_end: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(Text)
    issuer: Mapped[str | None] = mapped_column(String(300))
    doc_number: Mapped[str | None] = mapped_column(String(100))
    signed_date: Mapped[date | None] = mapped_column(Date)
    signer: Mapped[str | None] = mapped_column(String(200))
    conflicts: Mapped[list] = mapped_column(JSON, default=list)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    locality: Mapped[Locality | None] = relationship()
    indicators: Mapped[list[Indicator]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="Indicator.position"
    )
    tasks: Mapped[list[Task]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="Task.position"
    )
    reporting_rules: Mapped[list[ReportingRule]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="ReportingRule.id"
    )
    duties: Mapped[list[UnitDuty]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="UnitDuty.id"
    )
    milestones: Mapped[list[Milestone]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="Milestone.id"
    )


class Indicator(Base):
    __tablename__ = "indicators"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    item_key: Mapped[str] = mapped_column(String(300), index=True)  # stable across versions
    no: Mapped[str] = mapped_column(String(40), default="")
    group: Mapped[str | None] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(String(100))
    target_text: Mapped[str | None] = mapped_column(Text)
    target_value: Mapped[float | None] = mapped_column(Float)
    comparator: Mapped[str | None] = mapped_column(String(10))
    target_max: Mapped[float | None] = mapped_column(Float)
    other_targets: Mapped[list] = mapped_column(JSON, default=list)
    leader_text: Mapped[str | None] = mapped_column(Text)
    responsible_text: Mapped[str | None] = mapped_column(Text)
    coordinating_text: Mapped[str | None] = mapped_column(Text)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("indicators.id", ondelete="SET NULL"))
    source_ref: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str | None] = mapped_column(Text)

    plan: Mapped[Plan] = relationship(back_populates="indicators")


class Task(Base):
    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    item_key: Mapped[str] = mapped_column(String(300), index=True)
    no: Mapped[str] = mapped_column(String(40), default="")
    group: Mapped[str | None] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    solution: Mapped[str | None] = mapped_column(Text)
    leader_text: Mapped[str | None] = mapped_column(Text)
    responsible_text: Mapped[str | None] = mapped_column(Text)
    coordinating_text: Mapped[str | None] = mapped_column(Text)
    deadline_text: Mapped[str | None] = mapped_column(Text)
    due_date: Mapped[date | None] = mapped_column(Date)  # the latest deadline
    recurring: Mapped[bool] = mapped_column(Boolean, default=False)
    source_ref: Mapped[str] = mapped_column(String(200), default="")

    plan: Mapped[Plan] = relationship(back_populates="tasks")
    deadlines: Mapped[list[TaskDeadline]] = relationship(
        back_populates="task", cascade="all, delete-orphan", order_by="TaskDeadline.due"
    )


class TaskDeadline(Base):
    """Every due date of a task ('Giải pháp 1: Quý 1/2023; Giải pháp 2: Năm 2023')."""

    __tablename__ = "task_deadlines"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    due: Mapped[date] = mapped_column(Date, index=True)
    label: Mapped[str | None] = mapped_column(String(200))

    task: Mapped[Task] = relationship(back_populates="deadlines")


class Party(Base):
    """A responsible party of a locality: a person ('Đ/c Hằng', unit VP), a
    title ('PCT UBND') or a unit ('Trạm Y tế'). Kept per locality, so users
    linked to a party stay linked when a plan is superseded."""

    __tablename__ = "parties"
    __table_args__ = (UniqueConstraint("locality_key", "key", name="uq_parties_locality_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    locality_key: Mapped[str] = mapped_column(String(200))
    key: Mapped[str] = mapped_column(String(300))  # folded canonical form
    display: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20))  # 'person' | 'unit' | 'title'
    person_name: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(200))
    unit: Mapped[str | None] = mapped_column(String(200))


class ItemParty(Base):
    """Links an indicator or a task to a party with a role."""

    __tablename__ = "item_parties"
    __table_args__ = (Index("ix_item_parties_party", "party_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(20))  # 'leader' | 'responsible' | 'coordinating'
    indicator_id: Mapped[int | None] = mapped_column(
        ForeignKey("indicators.id", ondelete="CASCADE"), index=True
    )
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)

    party: Mapped[Party] = relationship()


class ReportingRule(Base):
    __tablename__ = "reporting_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    frequency: Mapped[str | None] = mapped_column(String(20))
    day_of_month: Mapped[int | None] = mapped_column(Integer)
    deadline_date: Mapped[date | None] = mapped_column(Date)
    report_to: Mapped[str | None] = mapped_column(Text)
    source_ref: Mapped[str] = mapped_column(String(200), default="")

    plan: Mapped[Plan] = relationship(back_populates="reporting_rules")


class UnitDuty(Base):
    __tablename__ = "unit_duties"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    unit: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    source_ref: Mapped[str] = mapped_column(String(200), default="")

    plan: Mapped[Plan] = relationship(back_populates="duties")


class Milestone(Base):
    """A dated commitment of the plan's prose (searched, not a task)."""

    __tablename__ = "milestones"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    deadline_text: Mapped[str] = mapped_column(Text)
    due_date: Mapped[date] = mapped_column(Date)
    source_ref: Mapped[str] = mapped_column(String(200), default="")

    plan: Mapped[Plan] = relationship(back_populates="milestones")


class ProgressRecord(Base):
    """Append-only history of progress on an item. Never updated or deleted.

    Records attach to an item through (plan_key, item_kind, item_key), which
    survives a plan being superseded by a new version; indicator_id/task_id
    point at the version the record was made against."""

    __tablename__ = "progress_records"
    __table_args__ = (
        Index("ix_progress_item", "plan_key", "item_kind", "item_key", "reported_at"),
        UniqueConstraint("idempotency_key", name="uq_progress_idempotency"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_key: Mapped[str] = mapped_column(String(300))
    item_kind: Mapped[str] = mapped_column(String(20))  # 'indicator' | 'task'
    item_key: Mapped[str] = mapped_column(String(300))
    item_name: Mapped[str] = mapped_column(Text)
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicators.id", ondelete="SET NULL"))
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="SET NULL"))
    value: Mapped[float | None] = mapped_column(Float)
    value_text: Mapped[str | None] = mapped_column(Text)
    assessment: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String(40))  # 'done', 'in_progress', ...
    note: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(20))  # 'document' | 'telegram' | 'cli'
    reported_by: Mapped[str] = mapped_column(String(64))  # Telegram user id, or the document name
    reported_by_user_id: Mapped[int | None] = mapped_column(BigInteger)
    # The officer as residents may see him: his party in the plan ('Trạm Y tế'), at the time of the record.
    reported_by_name: Mapped[str | None] = mapped_column(String(300))
    reported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    idempotency_key: Mapped[str | None] = mapped_column(String(120))


class User(Base):
    """A Telegram user known to the bot. Role 'resident' unless approved or granted."""

    __tablename__ = "users"

    telegram_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    role: Mapped[str] = mapped_column(String(20), default="resident")  # resident|officer|leader|admin
    full_name: Mapped[str | None] = mapped_column(String(200))
    title_text: Mapped[str | None] = mapped_column(String(300))  # as given in /dangky
    locality_key: Mapped[str | None] = mapped_column(String(200), index=True)
    chat_id: Mapped[int | None] = mapped_column(BigInteger)  # private chat id (== user id in practice)
    subscribed: Mapped[bool] = mapped_column(Boolean, default=False)
    # when the digest was last switched on: digests start from the month after it (NULL: before 0016)
    subscribed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    active: Mapped[bool] = mapped_column(Boolean, default=True)  # False once the user blocked the bot
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    parties: Mapped[list[UserParty]] = relationship(back_populates="user", cascade="all, delete-orphan")


class UserParty(Base):
    """An officer or leader linked to a responsible party (approved by an admin)."""

    __tablename__ = "user_parties"
    __table_args__ = (UniqueConstraint("user_id", "party_id", name="uq_user_parties"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.telegram_id", ondelete="CASCADE"), index=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id", ondelete="CASCADE"), index=True)
    approved_by: Mapped[str] = mapped_column(String(64))  # admin's Telegram id, or 'cli'
    approved_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    user: Mapped[User] = relationship(back_populates="parties")
    party: Mapped[Party] = relationship()


class AuditEvent(Base):
    """Who changed what, when: every change made through the bot or the CLI."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(), index=True)
    actor: Mapped[str] = mapped_column(String(64))  # Telegram user id, 'cli', 'scheduler'
    action: Mapped[str] = mapped_column(String(60))
    details: Mapped[dict] = mapped_column(JSON, default=dict)
