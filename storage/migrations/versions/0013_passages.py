"""passages: every sentence and table row of a plan, for quoted answers

Revision ID: 0013_passages
Revises: 0014_chat_context
Create Date: 2026-12-06 06:30:00

Plans stored before this revision have no passages until they are ingested again
(the document's text is not kept in the database): their questions are answered
from indicators and tasks as before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_passages"
down_revision = "0014_chat_context"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "passages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("heading", sa.Text(), nullable=False),
        sa.Column("location", sa.String(length=120), nullable=False),
        sa.Column("words", sa.Text(), nullable=False),
        sa.Column("words_acc", sa.Text(), nullable=False),
        sa.Column("context", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_passages_plan_id", "passages", ["plan_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_passages_plan_id", table_name="passages")
    op.drop_table("passages")
