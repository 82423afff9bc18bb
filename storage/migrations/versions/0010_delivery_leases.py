"""outbox rows owned while sent: claimed_by and lease_until

Revision ID: 0010_delivery_leases
Revises: 0007_search_labels, 0004_cycle
Create Date: 2026-12-06 03:30:00

A row in 'sending' belongs to the sender named in claimed_by until
lease_until; only an expired lease (or a sender process known to be gone)
lets another sender take it back. Rows left in 'sending' by an older version
have no owner and are recovered as before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_delivery_leases"
# 0004_cycle (another branch) creates the outbox table this alters: merged here,
# so it runs first and `planbot doctor` sees the version table at the heads.
down_revision = ("0009_user_audit", "0004_cycle")
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claimed_by", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("lease_until")
        batch_op.drop_column("claimed_by")
