"""search index rebuilt: 'i'/'y' spellings unified ('tỉ lệ' = 'tỷ lệ')

Revision ID: 0005_search_spelling
Revises: 0002_search
Create Date: 2026-12-05 19:50:00

The rows hold normalised tokens; the normalisation changed, so they are
dropped and rewritten lazily (`storage.search.index_missing` runs when the
answer engine first sees the plans).
"""

from __future__ import annotations

from alembic import op

revision = "0005_search_spelling"
down_revision = "0002_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM search_docs")


def downgrade() -> None:
    op.execute("DELETE FROM search_docs")
