"""registration notices: when the admins were told of a request (one card each, or a digest)

Revision ID: 0012_rate_budgets
Revises: 0007_search_labels, 0003_bot
Create Date: 2026-12-07 09:00:00

Requests stored before this revision were each announced by a message when they
arrived: they are marked as told.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_rate_budgets"
# Also after 0003_bot, which made the table it changes (the bot tables are a branch of their own).
down_revision = ("0010_delivery_leases", "0003_bot")
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("bot_registrations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("notified_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index("ix_bot_registrations_status_notified", ["status", "notified_at"], unique=False)
    op.execute("UPDATE bot_registrations SET notified_at = created_at")


def downgrade() -> None:
    with op.batch_alter_table("bot_registrations", schema=None) as batch_op:
        batch_op.drop_index("ix_bot_registrations_status_notified")
        batch_op.drop_column("notified_at")
