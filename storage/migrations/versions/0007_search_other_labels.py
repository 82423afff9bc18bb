"""search index rebuilt: an indicator's other figures' labels ('Chỉ tiêu tỉnh giao') searchable

Revision ID: 0007_search_labels
Revises: 0006_milestones
Create Date: 2026-12-05 21:10:00

The rows are dropped and rewritten lazily (`storage.search.index_missing`).
"""

from __future__ import annotations

from alembic import op

revision = "0007_search_labels"
down_revision = "0006_milestones"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM search_docs")


def downgrade() -> None:
    op.execute("DELETE FROM search_docs")
