"""Runs every layout extractor over a document and merges what they found."""

from __future__ import annotations

from knowledge.extract import assignment_table, duties, metadata, prose_indicators, reporting, tables
from knowledge.model import Document, ExtractedPlan


def extract_plan(doc: Document) -> ExtractedPlan:
    plan = ExtractedPlan(meta=metadata.extract_meta(doc))
    for layout in (assignment_table, tables, prose_indicators):
        found = layout.extract(doc)
        plan.indicators.extend(found.indicators)
        plan.tasks.extend(found.tasks)
        plan.progress.extend(found.progress)
    plan.reporting = reporting.extract(doc)
    plan.duties = duties.extract(doc)
    return plan
