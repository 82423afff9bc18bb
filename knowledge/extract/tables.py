"""Table layouts: task tables, indicator tables and result tables.

Each table is recognised by its header (see `table_grid`), never by the file it
comes from: result tables (a 'Kết quả' column, or last year's plan figures beside
the actual ones) give progress rows, tables with a
unit/target column give indicators, tables with a task/solution column and who
does it or by when give tasks. Anything else (signature blocks, recipient
lists) is ignored."""

from __future__ import annotations

from knowledge.extract.lines import Paragraph
from knowledge.extract.prose_indicators import indicators_in
from knowledge.extract.table_grid import Grid, grids
from knowledge.extract.table_indicators import extract_indicators, is_indicator_table
from knowledge.extract.table_results import (
    extract_progress,
    is_past_plan_table,
    is_result_table,
    planned_year,
)
from knowledge.extract.table_tasks import extract_tasks, is_task_table
from knowledge.model import Document, Indicator, LayoutResult, Task
from knowledge.text import fold


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
        elif is_stated_target_table(grid):
            result.indicators.extend(stated_targets(grid))
            previous = None
        elif is_task_table(grid) and not _measures_only(grid):
            carried = _last_task_rows(previous[1]) if previous and previous[0] == grid.raw_header else None
            tasks, _groups = extract_tasks(grid, f"tab{grid.index}-T", carried)
            result.tasks.extend(tasks)
            previous = (grid.raw_header, tasks)
    return result


def _name_col(grid: Grid) -> int | None:
    """The column naming each row: the item's name, else the task."""
    return grid.col("name") if "name" in grid.roles else grid.col("task")


def _measures_only(grid: Grid) -> bool:
    """'TT | Chỉ tiêu | Tần suất | Số điểm | Thành tiền': what is measured, not work assigned
    to anyone (no leader or unit column)."""
    col = _name_col(grid)
    named = col is not None and fold(grid.header[col]).startswith("chi tieu")
    return named and not any(r in grid.roles for r in ("leader", "responsible"))


def is_stated_target_table(grid: Grid) -> bool:
    """'TT | Chỉ tiêu | Chủ trì': the rows state their targets in words ('Kinh tế số chiếm
    45% GRDP tỉnh') and give the unit in charge; no unit or target column."""
    col = _name_col(grid)
    if col is None or "responsible" not in grid.roles or any(r in grid.roles for r in ("unit", "target")):
        return False
    return fold(grid.header[col]).startswith(("chi tieu", "muc tieu", "ten chi tieu", "noi dung chi tieu"))


def stated_targets(grid: Grid) -> list[Indicator]:
    col = _name_col(grid)
    assert col is not None
    out: list[Indicator] = []
    for row in grid.rows:
        text = row.cells[col] if col < len(row.cells) else ""
        if not text.strip():
            continue
        found = indicators_in(Paragraph(text=text, line_no=0, end_line=0), None, len(out))
        for ind in found:
            ind.responsible = ind.responsible or grid.cell(row, "responsible") or None
            ind.coordinating = ind.coordinating or grid.cell(row, "coordinating") or None
            ind.source_ref = f"table {grid.index}"
        out.extend(found)
    for n, ind in enumerate(out, 1):
        old, ind.key = ind.key, f"tab{grid.index}-S{n:03d}"
        for child in out:
            if child.parent_key == old:
                child.parent_key = ind.key
    return out


def _last_task_rows(tasks: list[Task]) -> list[Task]:
    """The rows of the last task (its solution rows share its name)."""
    if not tasks:
        return []
    return [t for t in tasks if t.name == tasks[-1].name]
