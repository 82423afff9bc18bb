"""passage_vocabulary: each plan's folded words with the number of its passages holding them

Revision ID: 0017_plan_vocabulary
Revises: 0016_setup
Create Date: 2026-12-06 13:00:00

Loading a plan's passages counted every word of every passage, the largest cost of a
place's first question (docs/benchmarks.md); ingest now writes the counts beside the
passages (storage/plan_vocabulary.py). The plans stored before this revision get theirs
here, counted as `storage.passage_index.passage_counts` counts (a copy: a migration does
not follow later changes of the code); a plan the loader finds without one is counted at
load, as before.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter

import sqlalchemy as sa
from alembic import op

revision = "0017_plan_vocabulary"
down_revision = "0016_setup"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "passage_vocabulary",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("passages", sa.Integer(), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("plan_id"),
    )
    _count_stored_passages(op.get_bind())


def _count_stored_passages(conn: sa.Connection) -> None:
    plans = conn.execute(sa.text("SELECT DISTINCT plan_id FROM passages ORDER BY plan_id")).scalars().all()
    insert = sa.text("INSERT INTO passage_vocabulary (plan_id, passages, counts) VALUES (:p, :n, :c)")
    for plan_id in plans:
        rows = conn.execute(
            sa.text("SELECT words, context FROM passages WHERE plan_id = :p"), {"p": plan_id}
        ).all()
        sets = {c: frozenset(c.split()) for c in {r[1] for r in rows}}
        counts = Counter(itertools.chain.from_iterable(set(w.split()) | sets[c] for w, c in rows))
        conn.execute(
            insert,
            {
                "p": plan_id,
                "n": len(rows),
                "c": json.dumps(counts, ensure_ascii=False, separators=(",", ":")),
            },
        )


def downgrade() -> None:
    op.drop_table("passage_vocabulary")
