"""Storing an extracted plan: the next version of its plan row, its indicators, tasks,
reporting rules, duties and milestones with their parties, the progress the document
reports, then the search index and the passages. Called by storage.ingest, one file per
transaction."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from knowledge import model as km
from knowledge.broad import stated_facts
from knowledge.parties import parse_parties
from knowledge.question import bare_fold
from knowledge.text import fold
from storage import models as m
from storage.broad_models import PlanStated
from storage.keys import item_key, locality_key, plan_key, text_hash
from storage.passages import write_passages
from storage.search import index_plan


def store_plan(
    session: Session, doc: km.Document, ex: km.ExtractedPlan, digest: str | None = None
) -> tuple[m.Plan, m.Plan | None]:
    meta = ex.meta
    locality = _locality(session, meta)
    key = plan_key(
        locality.key if locality else None,
        meta.issuer,
        meta.doc_number,
        meta.signed_date,
        meta.title,
        doc.source,
    )
    previous = session.scalar(select(m.Plan).where(m.Plan.plan_key == key, m.Plan.is_current.is_(True)))
    if previous is not None:
        previous.is_current = False
        session.flush()
    plan = _new_plan(doc, ex, key, previous, locality, digest)
    session.add(plan)
    session.flush()
    if stated := stated_facts([b.text for b in doc.blocks if b.kind == "line"]):
        session.add(PlanStated(plan_id=plan.id, data=stated))
    party_cache: dict[str, m.Party] = {}
    loc_key = locality.key if locality else key
    indicators = _store_indicators(session, plan, ex.indicators, loc_key, party_cache)
    _store_tasks(session, plan, ex.tasks, loc_key, party_cache)
    _store_rules_duties_milestones(session, plan, ex)
    _store_document_progress(session, plan, doc, ex.progress, indicators)
    session.flush()
    index_plan(session, plan)  # the question-answering index follows every stored plan
    write_passages(session, plan, doc)  # and every sentence and table row, for quotes
    return plan, previous


def _new_plan(
    doc: km.Document,
    ex: km.ExtractedPlan,
    key: str,
    previous: m.Plan | None,
    locality: m.Locality | None,
    digest: str | None,
) -> m.Plan:
    """The plan's own row: the next version of `key`, with the document's metadata."""
    meta = ex.meta
    return m.Plan(
        plan_key=key,
        version=(previous.version + 1) if previous else 1,
        is_current=True,
        source=doc.source,
        content_hash=doc.content_hash,
        text_hash=digest or (text_hash(doc) if doc.blocks else None),
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


def _store_rules_duties_milestones(session: Session, plan: m.Plan, ex: km.ExtractedPlan) -> None:
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


def _party(session: Session, loc_key: str, cache: dict[str, m.Party], ref) -> m.Party:
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
