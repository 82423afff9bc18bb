"""indexes for the retention purge: drafts by creation time, send attempts by time

Revision ID: 0011_retention
Revises: 0012_rate_budgets
Create Date: 2026-12-06 04:00:00

The running bot deletes drafts and send attempts older than
PLANBOT_RETENTION_DAYS (storage/retention.py); without these indexes each
purge would scan both tables whole. (bot_inbox is purged by processed_at,
indexed since 0003.)
"""

from __future__ import annotations

from alembic import op

revision = "0011_retention"
# After 0012, whose ancestry covers the bot (0003) and cycle (0004) tables it indexes.
down_revision = "0012_rate_budgets"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_bot_progress_drafts_created_at", "bot_progress_drafts", ["created_at"])
    op.create_index("ix_send_attempts_at", "send_attempts", ["at"])


def downgrade() -> None:
    op.drop_index("ix_send_attempts_at", table_name="send_attempts")
    op.drop_index("ix_bot_progress_drafts_created_at", table_name="bot_progress_drafts")
