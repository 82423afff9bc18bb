"""Ingest: read → extract → store, one file per transaction.

A file that cannot be read or holds no plan is refused with one line naming
the reason and changes nothing. Re-ingesting the same bytes adds nothing; a
changed document of the same plan supersedes the previous version, and
progress records stay attached through (plan_key, item_key)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, or_, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from knowledge import model as km
from knowledge.errors import UnreadableDocument
from knowledge.extract import extract_plan
from knowledge.extract.metadata import is_amendment
from knowledge.parties import parse_parties
from knowledge.question import bare_fold
from knowledge.readers import collect_paths, read_document
from knowledge.text import fold
from storage import models as m
from storage.db import database_fault, transaction
from storage.keys import item_key, locality_key, plan_key
from storage.search import index_plan

log = logging.getLogger(__name__)


@dataclass
class IngestResult:
    path: Path
    status: str  # 'added' | 'superseded' | 'unchanged' | 'refused'
    message: str
    plan_id: int | None = None

    @property
    def ok(self) -> bool:
        return self.status != "refused"


def ingest_paths(engine: Engine, paths: list[str | Path]) -> list[IngestResult]:
    return [ingest_file(engine, p) for p in collect_paths(paths)]


def ingest_file(engine: Engine, path: Path) -> IngestResult:
    """Read, extract and store one file in its own transaction; never raises for bad input."""
    try:
        doc = read_document(path)
    except UnreadableDocument as exc:
        return _refused(path, str(exc))
    with transaction(engine) as session:
        existing = session.scalar(select(m.Plan).where(m.Plan.content_hash == doc.content_hash))
        if existing is not None:
            return IngestResult(path, "unchanged", f"{path.name}: unchanged (already ingested)", existing.id)
    try:
        extracted = extract_plan(doc)
    except Exception as exc:  # a fault in one extractor must not stop the other files
        log.debug("extraction failed for %s", path, exc_info=True)
        return _refused(path, f"the plan could not be extracted ({type(exc).__name__}: {exc})")
    if not extracted.is_plan:
        return _refused(path, "no plan found (no indicator and no task)")
    try:
        with transaction(engine) as session:
            plan, previous = store_plan(session, doc, extracted)
    except IntegrityError:  # the same bytes were ingested concurrently by another process
        return IngestResult(path, "unchanged", f"{path.name}: unchanged (already ingested)")
    except SQLAlchemyError as exc:
        fault = database_fault(exc)
        if fault is not None and fault.kind != "other":
            raise  # the database, not this file, is at fault (locked, read-only, full): stop here
        log.debug("storing %s failed", path, exc_info=True)
        return _refused(path, f"database error: {str(exc).splitlines()[0][:200]}")
    status = "superseded" if previous else "added"
    summary = (
        f"{path.name}: {status} {plan.locality_name or '?'} "
        f"{plan.period_start or ''}-{plan.period_end or ''}: "
        f"{len(extracted.indicators)} indicators, {len(extracted.tasks)} tasks, "
        f"{len(extracted.reporting)} reporting rules, {len(extracted.progress)} progress rows"
        + (f" (supersedes version {previous.version})" if previous else "")
    )
    return IngestResult(path, status, summary, plan.id)


def _refused(path: Path, reason: str) -> IngestResult:
    return IngestResult(path, "refused", f"{path.name}: refused: {reason}")


def store_plan(session: Session, doc: km.Document, ex: km.ExtractedPlan) -> tuple[m.Plan, m.Plan | None]:
    meta = ex.meta
    locality = _locality(session, meta)
    amendment = (meta.doc_number or doc.source) if is_amendment(meta.title) else None
    key = plan_key(
        locality.key if locality else None, meta.period_start, meta.period_end, doc.source, amendment
    )
    previous = session.scalar(select(m.Plan).where(m.Plan.plan_key == key, m.Plan.is_current.is_(True)))
    if previous is not None:
        previous.is_current = False
        session.flush()
    plan = m.Plan(
        plan_key=key,
        version=(previous.version + 1) if previous else 1,
        is_current=True,
        source=doc.source,
        content_hash=doc.content_hash,
        locality_id=locality.id if locality else None,
        locality_name=meta.locality,
        locality_type=meta.locality_type,
        parent=meta.parent,
        province=meta.province,
        period_start=meta.period_start,
        period_end=meta.period_end,
        title=meta.title,
        issuer=meta.issuer,
        doc_number=meta.doc_number,
        signed_date=meta.signed_date,
        signer=meta.signer,
        conflicts=[{"what": c.what, "values": list(c.values)} for c in ex.conflicts],
    )
    session.add(plan)
    session.flush()
    party_cache: dict[str, m.Party] = {}
    loc_key = locality.key if locality else key
    indicators = _store_indicators(session, plan, ex.indicators, loc_key, party_cache)
    _store_tasks(session, plan, ex.tasks, loc_key, party_cache)
    for rule in ex.reporting:
        session.add(
            m.ReportingRule(
                plan_id=plan.id,
                text=rule.text,
                frequency=rule.frequency,
                day_of_month=rule.day_of_month,
                deadline_date=rule.deadline_date,
                report_to=rule.report_to,
                source_ref=rule.source_ref,
            )
        )
    for duty in ex.duties:
        session.add(
            m.UnitDuty(plan_id=plan.id, unit=duty.unit, summary=duty.summary, source_ref=duty.source_ref)
        )
    for ms in ex.milestones:
        session.add(
            m.Milestone(
                plan_id=plan.id,
                text=ms.text,
                deadline_text=ms.deadline_text,
                due_date=ms.due,
                source_ref=ms.source_ref,
            )
        )
    _store_document_progress(session, plan, doc, ex.progress, indicators)
    session.flush()
    index_plan(session, plan)  # the question-answering index follows every stored plan
    return plan, previous


def _locality(session: Session, meta: km.PlanMeta) -> m.Locality | None:
    """The place of a plan. Communes of different districts or provinces may
    share a name ('xã Tân Lập'): a stated district or province that differs
    makes another place, keyed with it; an unstated one matches."""
    if not meta.locality:
        return None
    name_key = fold(meta.locality)
    same_name = session.scalars(
        select(m.Locality).where(or_(m.Locality.key == name_key, m.Locality.key.like(f"{name_key} | %")))
    ).all()
    loc = next((c for c in same_name if _same_place(c, meta)), None)
    if loc is None:
        key = locality_key(meta.locality, meta.parent, meta.province, taken={c.key for c in same_name})
        loc = m.Locality(key=key, name=meta.locality, locality_type=meta.locality_type)
        session.add(loc)
    loc.parent = meta.parent or loc.parent
    loc.province = meta.province or loc.province
    session.flush()
    return loc


def _same_place(loc: m.Locality, meta: km.PlanMeta) -> bool:
    for known, stated in ((loc.parent, meta.parent), (loc.province, meta.province)):
        if known and stated and bare_fold(known) != bare_fold(stated):
            return False
    return True


def _unique_keys(names: list[str], extras: list[str | None]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name, extra in zip(names, extras, strict=True):
        k = item_key(name, extra)
        n = seen.get(k, 0)
        seen[k] = n + 1
        out.append(k if n == 0 else f"{k} #{n + 1}")
    return out


def _store_indicators(
    session: Session, plan: m.Plan, items: list[km.Indicator], loc_key: str, cache: dict[str, m.Party]
) -> dict[str, m.Indicator]:
    by_key: dict[str, m.Indicator] = {}
    keys = _unique_keys([i.name for i in items], [i.group for i in items])
    for pos, (ind, ikey) in enumerate(zip(items, keys, strict=True)):
        row = m.Indicator(
            plan_id=plan.id,
            position=pos,
            item_key=ikey,
            no=ind.no,
            group=ind.group,
            name=ind.name,
            unit=ind.unit,
            target_text=ind.target_text,
            target_value=ind.target_value,
            comparator=ind.comparator,
            target_max=ind.target_max,
            other_targets=[{"source": o.source, "text": o.text} for o in ind.other_targets],
            leader_text=ind.leader,
            responsible_text=ind.responsible,
            coordinating_text=ind.coordinating,
            parent_id=by_key[ind.parent_key].id if ind.parent_key in by_key else None,
            source_ref=ind.source_ref,
            note=ind.note,
        )
        session.add(row)
        session.flush()
        by_key[ind.key] = row
        _link_parties(
            session, loc_key, cache, ind.leader, ind.responsible, ind.coordinating, indicator_id=row.id
        )
    return by_key


def _store_tasks(
    session: Session, plan: m.Plan, items: list[km.Task], loc_key: str, cache: dict[str, m.Party]
) -> None:
    keys = _unique_keys([t.name for t in items], [t.solution for t in items])
    for pos, (task, tkey) in enumerate(zip(items, keys, strict=True)):
        row = m.Task(
            plan_id=plan.id,
            position=pos,
            item_key=tkey,
            no=task.no,
            group=task.group,
            name=task.name,
            solution=task.solution,
            leader_text=task.leader,
            responsible_text=task.responsible,
            coordinating_text=task.coordinating,
            deadline_text=task.deadline_text,
            due_date=task.due_date,
            recurring=task.recurring,
            source_ref=task.source_ref,
        )
        row.deadlines = [m.TaskDeadline(due=d.due, label=d.label) for d in task.deadlines]
        session.add(row)
        session.flush()
        _link_parties(
            session, loc_key, cache, task.leader, task.responsible, task.coordinating, task_id=row.id
        )


def _link_parties(
    session: Session,
    loc_key: str,
    cache: dict[str, m.Party],
    leader: str | None,
    responsible: str | None,
    coordinating: str | None,
    **item: int,
) -> None:
    for role, text in (("leader", leader), ("responsible", responsible), ("coordinating", coordinating)):
        for ref in parse_parties(text):
            party = _party(session, loc_key, cache, ref)
            session.add(m.ItemParty(party_id=party.id, role=role, **item))


def _party(session: Session, loc_key: str, cache: dict[str, m.Party], ref) -> m.Party:  # type: ignore[no-untyped-def]
    key = ref.key
    if key in cache:
        return cache[key]
    party = session.scalar(select(m.Party).where(m.Party.locality_key == loc_key, m.Party.key == key))
    if party is None:
        party = m.Party(
            locality_key=loc_key,
            key=key,
            display=ref.display,
            kind=ref.kind,
            person_name=ref.person_name,
            title=ref.title,
            unit=ref.unit,
        )
        session.add(party)
        session.flush()
    cache[key] = party
    return party


def _store_document_progress(
    session: Session,
    plan: m.Plan,
    doc: km.Document,
    entries: list[km.ProgressEntry],
    indicators: dict[str, m.Indicator],
) -> None:
    """Result rows printed in the plan become progress records reported by the document."""
    from storage.matching import best_item_for  # local: avoids a cycle at import time

    now = datetime.now(UTC)
    for idx, entry in enumerate(entries):
        target = best_item_for(entry.item, list(indicators.values()))
        # a result row about a work item ('Đường liên ấp …: hoàn thành 70% khối lượng')
        task = None if target else best_item_for(entry.item, list(plan.tasks))
        item: m.Indicator | m.Task | None = target or task
        session.add(
            m.ProgressRecord(
                plan_key=plan.plan_key,
                item_kind="task" if task else "indicator",
                item_key=item.item_key if item else item_key(entry.item),
                item_name=item.name if item else entry.item,
                indicator_id=target.id if target else None,
                task_id=task.id if task else None,
                value=entry.value,
                value_text=entry.value_text,
                assessment=entry.assessment,
                source="document",
                reported_by=doc.source,
                reported_at=now,
                idempotency_key=f"doc:{doc.content_hash[:40]}:{idx}",
            )
        )
