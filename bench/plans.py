"""Plans written as JSON (the gold annotation layout) -> ExtractedPlan -> database.

Used by the QA benchmark to synthesise many plans quickly, and by tests to
store small hand-written plans without going through text extraction."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from knowledge import model as km
from storage import models as m
from storage.ingest import store_plan


def _date(v: Any) -> date | None:
    return date.fromisoformat(v) if isinstance(v, str) and v else None


def plan_from_json(d: dict[str, Any]) -> km.ExtractedPlan:
    meta = d.get("plan", {})
    ex = km.ExtractedPlan(
        meta=km.PlanMeta(
            locality=meta.get("locality"),
            locality_type=meta.get("locality_type"),
            parent=meta.get("parent"),
            province=meta.get("province"),
            period_start=meta.get("period_start"),
            period_end=meta.get("period_end"),
            title=meta.get("title"),
            issuer=meta.get("issuer"),
            doc_number=meta.get("doc_number"),
            signed_date=_date(meta.get("signed_date")),
            signer=meta.get("signer"),
        )
    )
    for n, i in enumerate(d.get("indicators", [])):
        ex.indicators.append(
            km.Indicator(
                key=i.get("id") or f"I{n}",
                name=i["name"],
                no=i.get("no") or "",
                group=i.get("group"),
                unit=i.get("unit"),
                target_text=i.get("target_text"),
                target_value=i.get("target_value"),
                comparator=i.get("comparator"),
                target_max=i.get("target_max"),
                other_targets=[
                    km.OtherTarget(o.get("source", ""), o["text"]) for o in i.get("other_targets", [])
                ],
                leader=i.get("leader"),
                responsible=i.get("responsible"),
                coordinating=i.get("coordinating"),
                parent_key=i.get("parent_id"),
                source_ref=i.get("source_ref") or f"dòng {n + 1}",
                note=i.get("note"),
            )
        )
    for n, t in enumerate(d.get("tasks", [])):
        due = _date(t.get("due_date"))
        ex.tasks.append(
            km.Task(
                key=t.get("id") or f"T{n}",
                name=t["name"],
                no=t.get("no") or "",
                group=t.get("group"),
                solution=t.get("solution"),
                leader=t.get("leader"),
                responsible=t.get("responsible"),
                coordinating=t.get("coordinating"),
                deadline_text=t.get("deadline_text"),
                deadlines=[km.Deadline(due)] if due else [],
                recurring=bool(t.get("recurring")),
                source_ref=t.get("source_ref") or "",
            )
        )
    for r in d.get("plan", {}).get("reporting", []) or d.get("reporting", []):
        ex.reporting.append(
            km.ReportingRule(
                text=r["text"],
                frequency=r.get("frequency"),
                day_of_month=r.get("day_of_month"),
                deadline_date=_date(r.get("deadline_date")),
                report_to=r.get("report_to"),
                source_ref=r.get("source_ref") or "",
            )
        )
    for p in d.get("progress", []):
        ex.progress.append(
            km.ProgressEntry(
                item=p["item"],
                no=p.get("no") or "",
                value_text=p.get("result_text") or p.get("value_text"),
                assessment=p.get("assessment"),
            )
        )
    for u in d.get("unit_duties", []):
        ex.duties.append(km.UnitDuty(unit=u["unit"], summary=u["summary"]))
    for c in d.get("conflicts", []):
        ex.conflicts.append(km.Conflict(what=c["what"], values=list(c.get("values", []))))
    return ex


def store_json_plan(session: Session, d: dict[str, Any], source: str) -> m.Plan:
    """Store one JSON plan as if a document named `source` had been ingested."""
    blob = json.dumps(d, ensure_ascii=False, sort_keys=True).encode()
    doc = km.Document(source=source, content_hash=hashlib.sha256(blob).hexdigest())
    plan, _previous = store_plan(session, doc, plan_from_json(d))
    return plan
