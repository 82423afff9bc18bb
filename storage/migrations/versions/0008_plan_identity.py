"""plan identity: a plan is known by its place, issuer, number and year; text hash

Revision ID: 0008_plan_identity
Revises: 0007_search_labels
Create Date: 2026-12-06 10:00:00

Until now a plan was known by its place and period, so a different plan of the
same place and period (Bắc Ninh's KH 144 after its KH 141) superseded the first
and hid it. Every stored version is re-keyed with `storage.keys.plan_key` from
its own columns (the key ingest computes from now on); in each new key the
newest version is current and the versions are numbered again, so a plan hidden
by another comes back.

Progress records follow the version they were made against (indicator_id,
task_id), a document's result rows the document they came from (their
idempotency key holds its hash); any other record the version that was current
under the old key and has its item. Outbox dedup keys that name an old key are
rewritten, so a reminder already sent is not sent again. The search index is
rebuilt lazily, as in 0007.

The keys come from `storage.keys.plan_key` itself, not a frozen copy: they must be
the keys ingest computes, or the next corrected text of a plan would not
supersede it. A later change to how plans are keyed needs a migration of its own.

`plans.text_hash` (the hash of the text, line endings and encoding aside) is
added empty: plans stored before have none until ingested again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from alembic import op

from storage.keys import plan_key

revision = "0008_plan_identity"
down_revision = "0007_search_labels"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ALTER TABLE on every backend (batch mode would copy 'plans' on SQLite, see downgrade)
    op.add_column("plans", sa.Column("text_hash", sa.String(length=64), nullable=True))
    op.create_index(op.f("ix_plans_text_hash"), "plans", ["text_hash"], unique=False)
    rekey(op.get_bind())
    op.execute("DELETE FROM search_docs")


def downgrade() -> None:
    # The old keys cannot be rebuilt (they merged plans); the new ones work as keys all the same.
    # No batch mode: on SQLite it copies 'plans' and drops it, and the drop cascades to every
    # item of every plan. ALTER TABLE … DROP COLUMN (SQLite 3.35+) keeps them.
    op.drop_index(op.f("ix_plans_text_hash"), table_name="plans")
    op.drop_column("plans", "text_hash")
    op.execute("DELETE FROM search_docs")


def _year_date(value: object) -> date | None:
    """SQLite hands a DATE back as text through a plain query."""
    if value is None:
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def rekey(conn: sa.Connection) -> None:
    plans = conn.execute(
        sa.text(
            "SELECT p.id, p.plan_key, p.is_current, p.issuer, p.doc_number, p.signed_date, p.title,"
            " p.source, p.content_hash, l.key AS loc_key"
            " FROM plans p LEFT JOIN localities l ON l.id = p.locality_id ORDER BY p.id"
        )
    ).all()
    if not plans:
        return
    new_key = {
        row.id: plan_key(
            row.loc_key, row.issuer, row.doc_number, _year_date(row.signed_date), row.title, row.source
        )
        for row in plans
    }
    _renumber(conn, plans, new_key)
    current_of_old = {row.plan_key: row.id for row in plans if row.is_current}
    _rekey_progress(conn, plans, new_key, current_of_old)
    _rekey_outbox(conn, {old: new_key[pid] for old, pid in current_of_old.items()})


def _renumber(conn: sa.Connection, plans: Sequence[sa.Row[Any]], new_key: dict[int, str]) -> None:
    versions: dict[str, list[int]] = defaultdict(list)
    for row in plans:
        versions[new_key[row.id]].append(row.id)
    for key, ids in versions.items():
        for n, pid in enumerate(ids, 1):
            conn.execute(
                sa.text("UPDATE plans SET plan_key = :k, version = :v, is_current = :c WHERE id = :id"),
                {"k": key, "v": n, "c": pid == ids[-1], "id": pid},
            )


def _rekey_progress(
    conn: sa.Connection,
    plans: Sequence[sa.Row[Any]],
    new_key: dict[int, str],
    current_of_old: dict[str, int],
) -> None:
    item_plan = {
        (kind, item_id): plan_id
        for kind, table in (("indicator", "indicators"), ("task", "tasks"))
        for item_id, plan_id in conn.execute(sa.text(f"SELECT id, plan_id FROM {table}")).all()
    }
    by_hash = {row.content_hash[:40]: row.id for row in plans}
    items_of = defaultdict(set)
    for kind, table in (("indicator", "indicators"), ("task", "tasks")):
        for plan_id, key in conn.execute(sa.text(f"SELECT plan_id, item_key FROM {table}")).all():
            items_of[plan_id].add((kind, key))
    old_groups: dict[str, list[int]] = defaultdict(list)
    for row in plans:
        old_groups[row.plan_key].append(row.id)
    records = conn.execute(
        sa.text(
            "SELECT id, plan_key, item_kind, item_key, indicator_id, task_id, idempotency_key"
            " FROM progress_records"
        )
    ).all()
    for rec in records:
        plan_id = item_plan.get(("indicator", rec.indicator_id)) or item_plan.get(("task", rec.task_id))
        if plan_id is None and (rec.idempotency_key or "").startswith("doc:"):
            plan_id = by_hash.get(rec.idempotency_key.split(":")[1])
        if plan_id is None:
            plan_id = _holder(rec, old_groups.get(rec.plan_key, []), items_of, current_of_old)
        if plan_id is not None and new_key[plan_id] != rec.plan_key:
            conn.execute(
                sa.text("UPDATE progress_records SET plan_key = :k WHERE id = :id"),
                {"k": new_key[plan_id], "id": rec.id},
            )


def _holder(rec, group: list[int], items_of: dict, current_of_old: dict[str, int]) -> int | None:
    """The version a record without an item id was about: the current one under the
    old key when it has the item, else the newest that has it, else the current one."""
    current = current_of_old.get(rec.plan_key)
    having = [pid for pid in group if (rec.item_kind, rec.item_key) in items_of[pid]]
    if current in having:
        return current
    return having[-1] if having else current


def _rekey_outbox(conn: sa.Connection, moved: dict[str, str]) -> None:
    """'chat|kind|KEY|period' and 'chat|kind|KEY:item|period': an old plan key in a dedup
    key becomes the new key of the plan that was current under it (the only one
    reminders were planned for)."""
    moved = {old: new for old, new in moved.items() if old != new}
    if not moved:
        return
    olds = sorted(moved, key=len, reverse=True)
    taken = {k for (k,) in conn.execute(sa.text("SELECT dedup_key FROM outbox")).all()}
    for oid, dedup in conn.execute(sa.text("SELECT id, dedup_key FROM outbox")).all():
        parts = dedup.split("|")
        if len(parts) < 4:
            continue
        item = "|".join(parts[2:-1])
        old = next((o for o in olds if item == o or item.startswith(o + ":")), None)
        if old is None:
            continue
        rewritten = "|".join([*parts[:2], moved[old] + item[len(old) :], parts[-1]])
        if rewritten in taken:
            continue
        conn.execute(sa.text("UPDATE outbox SET dedup_key = :k WHERE id = :id"), {"k": rewritten, "id": oid})
        taken.add(rewritten)
