"""officers by name on progress records; residents hold no links

Revision ID: 0009_user_audit
Revises: 0007_search_labels
Create Date: 2026-12-06 10:00:00

`progress_records.reported_by_name`: the party through which the officer
reported (what /lichsu and reports show instead of his Telegram id). Records
made before this revision get it from the officer's links at upgrade time.

Residents' links are deleted (one `links_dropped` audit row per user): they
were hidden while he was a resident and came back when he was promoted again.
The downgrade drops the column; deleted links are not restored.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0009_user_audit"
down_revision = "0008_plan_identity"
branch_labels = None
depends_on = None

_BACKFILL = """
UPDATE progress_records SET reported_by_name = (
    SELECT p.display FROM parties p
    JOIN user_parties up ON up.party_id = p.id
    JOIN item_parties ip ON ip.party_id = p.id
    WHERE up.user_id = progress_records.reported_by_user_id
      AND ip.role IN ('responsible', 'leader')
      AND ((progress_records.indicator_id IS NOT NULL AND ip.indicator_id = progress_records.indicator_id)
        OR (progress_records.task_id IS NOT NULL AND ip.task_id = progress_records.task_id))
    ORDER BY p.id LIMIT 1
)
WHERE source = 'telegram' AND reported_by_user_id IS NOT NULL AND reported_by_name IS NULL
"""

_audit = sa.table(
    "audit_events",
    sa.column("actor", sa.String),
    sa.column("action", sa.String),
    sa.column("details", sa.JSON),
    sa.column("at", sa.DateTime(timezone=True)),
)


def upgrade() -> None:
    with op.batch_alter_table("progress_records", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reported_by_name", sa.String(length=300), nullable=True))
    conn = op.get_bind()
    conn.execute(sa.text(_BACKFILL))  # before the links below go: they named the reporter
    hidden = conn.execute(
        sa.text(
            "SELECT up.user_id, up.party_id FROM user_parties up JOIN users u ON u.telegram_id = up.user_id "
            "WHERE u.role = 'resident' ORDER BY up.user_id, up.party_id"
        )
    ).all()
    by_user: dict[int, list[int]] = {}
    for user_id, party_id in hidden:
        by_user.setdefault(user_id, []).append(party_id)
    for user_id, parties in by_user.items():
        conn.execute(sa.text("DELETE FROM user_parties WHERE user_id = :u"), {"u": user_id})
        conn.execute(
            _audit.insert().values(
                actor="migration",
                action="links_dropped",
                details={"user": user_id, "parties": parties, "reason": "a resident holds no link"},
                at=datetime.now(UTC),
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("progress_records", schema=None) as batch_op:
        batch_op.drop_column("reported_by_name")
