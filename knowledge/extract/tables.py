"""Table layouts: task tables, indicator tables and result tables.

Each table is recognised by its header (see `table_grid`), never by the file it
comes from: result tables (a 'Kết quả' column, or last year's plan figures beside
the actual ones) give progress rows, tables with a
unit/target column give indicators, tables with a task/solution column and who
does it or by when give tasks. Anything else (signature blocks, recipient
lists) is ignored."""

from __future__ import annotations

from knowledge.extract.table_grid import grids
from knowledge.extract.table_indicators import extract_indicators, is_indicator_table
from knowledge.extract.table_results import (
    extract_progress,
    is_past_plan_table,
    is_result_table,
    planned_year,
)
from knowledge.extract.table_tasks import extract_tasks, is_task_table
from knowledge.model import Document, LayoutResult, Task


def extract(doc: Document) -> LayoutResult:
    result = LayoutResult()
    previous: tuple[list[str], list[Task]] | None = None  # the last task table's header and tasks
    found = grids(doc)
    # the plan's year as its tables plan for it: the latest year a target column names
    plan_year = max((y for y in map(planned_year, found) if y is not None), default=None)
    for grid in found:
        if is_result_table(grid) or is_past_plan_table(grid, plan_year):
            result.progress.extend(extract_progress(grid))
            previous = None
        elif is_indicator_table(grid):
            result.indicators.extend(extract_indicators(grid, f"tab{grid.index}-I"))
            previous = None
        elif is_task_table(grid):
            carried = _last_task_rows(previous[1]) if previous and previous[0] == grid.raw_header else None
            tasks, _groups = extract_tasks(grid, f"tab{grid.index}-T", carried)
            result.tasks.extend(tasks)
            previous = (grid.raw_header, tasks)
    return result


def _last_task_rows(tasks: list[Task]) -> list[Task]:
    """The rows of the last task (its solution rows share its name)."""
    if not tasks:
        return []
    return [t for t in tasks if t.name == tasks[-1].name]
