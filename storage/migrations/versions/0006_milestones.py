"""milestones: dated commitments of a plan's prose

Revision ID: 0006_milestones
Revises: 0005_search_spelling
Create Date: 2026-12-05 20:00:00

Plans stored before this revision have none until they are ingested again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_milestones"
down_revision = "0005_search_spelling"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "milestones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("deadline_text", sa.Text(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("source_ref", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("milestones", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_milestones_plan_id"), ["plan_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("milestones", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_milestones_plan_id"))
    op.drop_table("milestones")
