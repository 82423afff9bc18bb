"""search index

Revision ID: 0002_search
Revises: 0001
Create Date: 2026-11-22 03:25:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_search"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_docs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("title_acc", sa.Text(), nullable=False),
        sa.Column("context", sa.Text(), nullable=False),
        sa.Column("parties", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("search_docs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_search_docs_plan_id"), ["plan_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("search_docs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_search_docs_plan_id"))
    op.drop_table("search_docs")
