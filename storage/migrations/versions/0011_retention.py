"""indexes for the retention purge: drafts by creation time, send attempts by time

Revision ID: 0011_retention
Revises: 0007_search_labels
Create Date: 2026-12-06 04:00:00

The running bot deletes drafts and send attempts older than
PLANBOT_RETENTION_DAYS (storage/retention.py); without these indexes each
purge would scan both tables whole. (bot_inbox is purged by processed_at,
indexed since 0003.)
"""

from __future__ import annotations

from alembic import op

revision = "0011_retention"
down_revision = "0007_search_labels"
branch_labels = None
# The tables come from the bot and cycle branches.
depends_on = ("0003_bot", "0004_cycle")


def upgrade() -> None:
    op.create_index("ix_bot_progress_drafts_created_at", "bot_progress_drafts", ["created_at"])
    op.create_index("ix_send_attempts_at", "send_attempts", ["at"])


def downgrade() -> None:
    op.drop_index("ix_send_attempts_at", table_name="send_attempts")
    op.drop_index("ix_bot_progress_drafts_created_at", table_name="bot_progress_drafts")
