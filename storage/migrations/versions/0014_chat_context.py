"""conversation context per chat; what a plan states about itself

Revision ID: 0014_chat_context
Revises: 0011_retention
Create Date: 2026-12-06 06:40:00

chat_contexts keeps the subject of a chat's last question (item, place, year) so a
follow-up ('ai phụ trách?', 'còn Thiệu Dương thì sao?') continues it, across restarts.
plan_stated holds what a plan says about its own targets ('28 chỉ tiêu'); plans stored
before this revision have none until they are ingested again (the answers then count
the extracted targets).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_chat_context"
down_revision = "0011_retention"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chat_contexts",
        sa.Column("chat_key", sa.String(length=64), nullable=False),
        sa.Column("intent", sa.String(length=40), nullable=True),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("item_kind", sa.String(length=20), nullable=True),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("item_name", sa.Text(), nullable=True),
        sa.Column("locality", sa.String(length=200), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("chat_key"),
    )
    op.create_index("ix_chat_contexts_updated_at", "chat_contexts", ["updated_at"])
    op.create_table(
        "plan_stated",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("plan_id"),
    )


def downgrade() -> None:
    op.drop_table("plan_stated")
    op.drop_index("ix_chat_contexts_updated_at", table_name="chat_contexts")
    op.drop_table("chat_contexts")
