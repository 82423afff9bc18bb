"""The JSON export of current plans (`planbot export --format json`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, selectinload

from storage import models as m
from storage.db import session_factory


def _iso(d) -> str | None:
    return d.isoformat() if d else None


def export_plans(engine: Engine) -> dict[str, Any]:
    with session_factory(engine)() as session:
        plans = session.scalars(
            select(m.Plan)
            .where(m.Plan.is_current.is_(True))
            .order_by(m.Plan.source, m.Plan.id)
            .options(
                selectinload(m.Plan.indicators),
                selectinload(m.Plan.tasks).selectinload(m.Task.deadlines),
                selectinload(m.Plan.reporting_rules),
                selectinload(m.Plan.duties),
                selectinload(m.Plan.milestones),
            )
        ).all()
        return {"plans": [plan_to_dict(session, p) for p in plans]}


def plan_to_dict(session: Session, plan: m.Plan) -> dict[str, Any]:
    ids = {i.id: f"I{n + 1:03d}" for n, i in enumerate(plan.indicators)}
    return {
        "source": plan.source,
        "version": plan.version,
        "locality": plan.locality_name,
        "locality_type": plan.locality_type,
        "parent": plan.parent,
        "province": plan.province,
        "period_start": plan.period_start,
        "period_end": plan.period_end,
        "title": plan.title,
        "issuer": plan.issuer,
        "doc_number": plan.doc_number,
        "signed_date": _iso(plan.signed_date),
        "signer": plan.signer,
        "reporting": [_reporting_dict(r) for r in plan.reporting_rules],
        "indicators": [_indicator_dict(i, ids) for i in plan.indicators],
        "tasks": [_task_dict(n, t) for n, t in enumerate(plan.tasks)],
        "unit_duties": [{"unit": d.unit, "summary": d.summary} for d in plan.duties],
        "milestones": [
            {"text": ms.text, "deadline_text": ms.deadline_text, "due_date": _iso(ms.due_date)}
            for ms in plan.milestones
        ],
        "progress": [
            _progress_dict(r)
            for r in session.scalars(
                select(m.ProgressRecord)
                .where(m.ProgressRecord.plan_key == plan.plan_key)
                .order_by(m.ProgressRecord.reported_at, m.ProgressRecord.id)
            )
        ],
        "conflicts": plan.conflicts or [],
    }


def _reporting_dict(r: m.ReportingRule) -> dict[str, Any]:
    return {
        "text": r.text,
        "frequency": r.frequency,
        "day_of_month": r.day_of_month,
        "deadline_date": _iso(r.deadline_date),
        "report_to": r.report_to,
    }


def _indicator_dict(i: m.Indicator, ids: dict[int, str]) -> dict[str, Any]:
    """`ids`: the export's own ids (I001, …) by database id, so a child names its parent."""
    return {
        "id": ids[i.id],
        "no": i.no,
        "group": i.group,
        "name": i.name,
        "unit": i.unit,
        "target_text": i.target_text,
        "target_value": i.target_value,
        "comparator": i.comparator,
        "target_max": i.target_max,
        "other_targets": i.other_targets or [],
        "leader": i.leader_text,
        "responsible": i.responsible_text,
        "coordinating": i.coordinating_text,
        "parent_id": ids.get(i.parent_id) if i.parent_id else None,
        "source_ref": i.source_ref,
    }


def _task_dict(n: int, t: m.Task) -> dict[str, Any]:
    return {
        "id": f"T{n + 1:03d}",
        "no": t.no,
        "group": t.group,
        "name": t.name,
        "solution": t.solution,
        "leader": t.leader_text,
        "responsible": t.responsible_text,
        "coordinating": t.coordinating_text,
        "deadline_text": t.deadline_text,
        "due_date": _iso(t.due_date),
        "deadlines": [{"due": _iso(d.due), "label": d.label} for d in t.deadlines],
        "recurring": t.recurring,
        "source_ref": t.source_ref,
    }


def _progress_dict(r: m.ProgressRecord) -> dict[str, Any]:
    return {
        "item": r.item_name,
        "item_kind": r.item_kind,
        "value": r.value,
        "value_text": r.value_text,
        "assessment": r.assessment,
        "status": r.status,
        "note": r.note,
        "source": r.source,
        "reported_by": r.reported_by,
        "reported_by_name": r.reported_by_name,
        "reported_at": r.reported_at.isoformat(),
    }


def plan_stats(engine: Engine) -> list[dict[str, Any]]:
    from sqlalchemy import func

    with session_factory(engine)() as session:
        rows = []
        for plan in session.scalars(select(m.Plan).order_by(m.Plan.source, m.Plan.version)):

            def count(model, col, plan=plan) -> int:
                return session.scalar(select(func.count()).select_from(model).where(col == plan.id)) or 0

            rows.append(
                {
                    "source": plan.source,
                    "version": plan.version,
                    "current": plan.is_current,
                    "locality": plan.locality_name,
                    "period": f"{plan.period_start or '?'}-{plan.period_end or '?'}",
                    "indicators": count(m.Indicator, m.Indicator.plan_id),
                    "tasks": count(m.Task, m.Task.plan_id),
                    "reporting_rules": count(m.ReportingRule, m.ReportingRule.plan_id),
                    "unit_duties": count(m.UnitDuty, m.UnitDuty.plan_id),
                    "progress": session.scalar(
                        select(func.count())
                        .select_from(m.ProgressRecord)
                        .where(m.ProgressRecord.plan_key == plan.plan_key)
                    )
                    or 0,
                }
            )
        return rows
