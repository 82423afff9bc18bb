"""Result tables ('Biểu số 01': TT | Nhiệm vụ | Kết quả [| Đánh giá]) as progress rows.

They report what was achieved against an earlier plan: neither indicators nor
tasks of this plan. So is a table of last year's plan figures beside what was
done ('Chỉ tiêu | ĐVT | Kế hoạch 2025 | Thực hiện 2025 | Đánh giá' in a plan for
2026): every target column names a year before the plan's, and a column holds
the actual figures."""

from __future__ import annotations

import re

from knowledge.extract.table_grid import Grid, Row, years_in
from knowledge.model import ProgressEntry
from knowledge.numbers import parse_number

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
# the figure a result states: 'đạt 58,5%', 'ước đạt 135 triệu đồng/ha', 'đạt tỷ lệ 95%'
_REACHED = re.compile(rf"\bđạt\s+(?:tỷ lệ\s+|khoảng\s+)?({_NUM})", re.IGNORECASE)
_FIGURE = re.compile(rf"(?<![\d/])({_NUM})(?![\d/])")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")


def is_result_table(grid: Grid) -> bool:
    """A result column, and neither targets (a plan table may show last year's
    results) nor deadlines (a task table may name the expected result)."""
    has_item = any(r in grid.roles for r in ("task", "name"))
    planned = any(r in grid.roles for r in ("target", "deadline"))
    return "result" in grid.roles and has_item and not planned


def is_past_plan_table(grid: Grid, plan_year: int | None) -> bool:
    """Figures planned for years before `plan_year` beside the actual ones: results."""
    has_item = any(r in grid.roles for r in ("task", "name"))
    targets = grid.cols("target")
    if not (has_item and targets and "actual" in grid.roles) or plan_year is None:
        return False
    if any(r in grid.roles for r in ("deadline", "leader", "responsible", "coordinating")):
        return False  # someone answers for it: a plan table
    years = [years_in(grid.full_label(c)) for c in targets]
    return all(years) and max(max(y) for y in years) < plan_year


def planned_year(grid: Grid) -> int | None:
    """The latest year a target column of the table names."""
    years = [y for c in grid.cols("target") for y in years_in(grid.full_label(c))]
    return max(years, default=None)


def extract_progress(grid: Grid) -> list[ProgressEntry]:
    item_role = "task" if "task" in grid.roles else "name"
    out: list[ProgressEntry] = []
    for row in grid.rows:
        item = grid.cell(row, item_role)
        if not item:
            continue
        result = grid.cell(row, "result") or _actual(grid, row)
        out.append(
            ProgressEntry(
                item=item,
                no=grid.cell(row, "no"),
                value_text=result,
                value=_figure(result),
                assessment=grid.cell(row, "assessment") or None,
                source_ref=row.ref,
            )
        )
    return out


def _actual(grid: Grid, row: Row) -> str | None:
    """The last filled actual column's cell ('Thực hiện 2025' after 'Ước TH 6 tháng')."""
    filled = [row.cells[c] for c in grid.cols("actual") if row.cells[c]]
    return filled[-1] if filled else None


def _figure(text: str | None) -> float | None:
    """The figure a result states: the one after 'đạt', or the only one of a short result."""
    if not text:
        return None
    m = _REACHED.search(text)
    if m is not None:
        return _number(m.group(1))
    figures = [f for f in _FIGURE.findall(text) if not _YEAR.match(f)]
    if len(figures) == 1 and len(text) <= 80:
        return _number(figures[0])
    return None


def _number(raw: str) -> float | None:
    return parse_number(raw)
