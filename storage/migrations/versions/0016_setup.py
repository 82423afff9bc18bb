"""users.subscribed_at: when a resident subscribed to the monthly digest

Revision ID: 0016_setup
Revises: 0013_passages
Create Date: 2026-12-06 06:10:00

A digest goes out from the month after subscribing: without the moment of
subscribing, a resident who subscribes on the 30th would at once get a digest
of a month he never asked about. Rows subscribed before this column existed
keep NULL and get every digest, as before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_setup"
down_revision = "0013_passages"
branch_labels = None
depends_on = None


# Plain ALTER TABLE, not batch mode: SQLite's batch mode copies `users` to a new
# table and drops the old one, and the drop would cascade to user_parties.


def upgrade() -> None:
    op.add_column("users", sa.Column("subscribed_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column("users", "subscribed_at")  # SQLite 3.35+ drops a plain column in place
