"""Runs every layout extractor over a document and merges what they found.

Each extractor's keys get a prefix ('A', 'T', 'P') so they stay unique in the
plan; table indicators win over prose ones for the same indicator, with the
prose value kept as another target and any disagreement listed as a conflict."""

from __future__ import annotations

from knowledge.extract import (
    assignment_table,
    duties,
    merge,
    metadata,
    milestones,
    number_assignments,
    outline,
    outline_indicators,
    outline_tasks,
    prose_indicators,
    prose_tasks,
    reporting,
    tables,
)
from knowledge.model import Document, ExtractedPlan, LayoutResult, PlanMeta
from knowledge.text import fold

# (prefix, extractor); table layouts first: their rows carry the responsible units.
TABLE_LAYOUTS = (("A", assignment_table), ("T", tables))
PROSE_LAYOUT = ("P", prose_indicators)


def extract_plan(doc: Document) -> ExtractedPlan:
    meta, conflicts = metadata.extract_meta_and_conflicts(doc)
    plan = ExtractedPlan(meta=meta, conflicts=conflicts)
    table_results = [merge.prefix_keys(layout.extract(doc), prefix) for prefix, layout in TABLE_LAYOUTS]
    prose = merge.prefix_keys(PROSE_LAYOUT[1].extract(doc), PROSE_LAYOUT[0])
    prose.tasks.extend(merge.prefix_keys(prose_tasks.extract(doc), "N").tasks)  # titled items with fields
    if not _socio_economic(meta):
        # a thematic plan's sections, read by where each item stands, hold more than the
        # layouts written for socio-economic plans found: the outline reads it better
        tree = outline.build(doc)
        outlined = outline_tasks.extract(doc, tree).tasks
        if len(outlined) > 2 * len(prose.tasks):  # task records with their fields stay the reading
            prose.tasks = outlined
        targets = outline_indicators.extract(doc, tree).indicators
        if len(targets) > len(prose.indicators):
            prose.indicators = targets
    merged_results(plan, table_results, prose)
    number_assignments.apply(doc, plan.indicators)  # 'chỉ đạo các chỉ tiêu số 1, 2 và 5'
    plan.reporting = reporting.extract(doc)
    plan.duties = duties.extract(doc)
    plan.milestones = milestones.without_tasks(milestones.extract(doc), plan.tasks)
    return plan


def _socio_economic(meta: PlanMeta) -> bool:
    """A commune's socio-economic development plan ('Kế hoạch phát triển kinh tế - xã hội
    năm 2026' of a xã or phường): its 'nhiệm vụ, giải pháp' are broad directions, and its
    tasks are the ones it assigns in task tables and records; in a thematic plan, or a
    province's, every item under the task headings is a task."""
    return "kinh te xa hoi" in fold(meta.title) and meta.locality_type in _COMMUNE_LEVEL


_COMMUNE_LEVEL = ("xã", "phường", "thị trấn", "đặc khu")


def merged_results(plan: ExtractedPlan, table_results: list[LayoutResult], prose: LayoutResult) -> None:
    """Fill `plan` with the merged indicators, tasks and progress rows of all layouts."""
    results = [*table_results, prose]
    indicators, found_conflicts = merge.merge_indicators(
        [r.indicators for r in table_results], prose.indicators
    )
    plan.indicators = indicators
    plan.conflicts.extend(found_conflicts)
    plan.tasks = merge.dedupe_tasks([t for r in results for t in r.tasks])
    plan.progress = merge.dedupe_progress([p for r in results for p in r.progress])
