"""Task tables: 'TT | Nhiệm vụ | Giải pháp | Chỉ đạo | Chủ trì | Phối hợp | Thời gian'.

Rows come in three kinds:
- group rows: a number and a name only ('I', '1') — headings, not tasks;
- task rows: a number, the task and (usually) its first solution;
- continuation rows: number and task cells empty, a further solution of the
  same task with its own leader / units / deadline (page breaks add these too).
Every row with a solution or an assignment becomes one `Task`; the task's text
is shared by its rows. A task text cut by a page break continues in the task
cell of the next page's first row and is joined back."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from knowledge.deadlines import parse_deadline
from knowledge.extract.table_grid import Grid, Row, is_numbering, spanning_heading
from knowledge.model import Task

_ASSIGNMENT = ("leader", "responsible", "coordinating", "deadline")
_SUBNUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?$")
_ROMAN_OR_LETTER = re.compile(r"^(?:[IVXLC]{1,6}|[A-ZĐ])\.?$")
_UNFINISHED = re.compile(r"[,;:\-–(]$|[^\s.!?…”\")]$")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_NAME_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*|[IVXLC]{1,6})[.)]\s+")


def is_task_table(grid: Grid) -> bool:
    """A column for the work (task/content/solution) plus who does it or by when."""
    has_work = any(r in grid.roles for r in ("task", "solution", "name"))
    has_assignment = any(r in grid.roles for r in ("leader", "responsible", "deadline"))
    indicator_cols = any(r in grid.roles for r in ("unit", "target"))
    return has_work and has_assignment and not indicator_cols


@dataclass
class _Current:
    """The task being filled: its rows share one name (extended across page breaks)."""

    name: str
    no: str
    tasks: list[Task] = field(default_factory=list)


def extract_tasks(
    grid: Grid, key_prefix: str, carried: list[Task] | None = None
) -> tuple[list[Task], list[tuple[str, str]]]:
    """Tasks of a task table and its group headings (no, name).

    `carried`: the last task's rows of the same table before a page break the grid
    stitching did not recognise (a footer with text); rows of bare text opening this
    grid still continue its name."""
    task_col = "task" if "task" in grid.roles else "name"
    has_solution = "solution" in grid.roles
    tasks: list[Task] = []
    groups: list[tuple[str, str]] = []
    group: str | None = None
    current: _Current | None = None
    rows = _unrepeat(grid, [_realign(grid, r) for r in grid.rows], task_col)
    year = _usual_year(grid, rows)
    if carried and "no" in grid.roles:
        rows = _continue_carried(grid, rows, carried)
    for i, row in enumerate(rows):
        heading = spanning_heading(row)
        if heading is not None:
            groups.append(heading)
            group, current = heading[1], None
            continue
        no, name = _numbered_name(grid, row, task_col)
        solution = grid.cell(row, "solution") if has_solution else ""
        assigned = any(grid.cell(row, r) for r in _ASSIGNMENT)
        if name and not solution and not assigned and _is_group(no, name, has_solution, rows[i + 1 :], grid):
            groups.append((no, name))
            group = name
            current = None
            continue
        current, name = _take_name(current, no, name, assigned, numbered="no" in grid.roles)
        if current is None or not (solution or assigned or name):
            continue
        task = _task(grid, row, current, f"{key_prefix}{len(tasks) + 1:03d}", group, year)
        current.tasks.append(task)
        tasks.append(task)
    return tasks, groups


def _numbered_name(grid: Grid, row: Row, task_col: str) -> tuple[str, str]:
    """The row's number and task name; '1. Rà soát …' numbered inside the task cell when the
    table has no number column."""
    no = grid.cell(row, "no").strip()
    name = grid.cell(row, task_col)
    if "no" not in grid.roles:
        m = _NAME_NUMBER.match(name)
        no, name = (m.group(1), name[m.end() :]) if m else ("", name)
    return no, name


def _take_name(
    current: _Current | None, no: str, name: str, assigned: bool, numbered: bool
) -> tuple[_Current | None, str]:
    """The task a row's name goes to, and what is left of the name: in a numbered table a
    row without a number may go on with the name above; any other name opens a task."""
    if name and numbered and not no and current is not None and _continues_name(current.name, name, assigned):
        current.name = f"{current.name} {name}"
        for t in current.tasks:
            t.name = current.name
        return current, ""
    if name:
        return _Current(name=name, no=no if not _is_bullet(no) else ""), name
    return current, name


def _task(grid: Grid, row: Row, current: _Current, key: str, group: str | None, year: int | None) -> Task:
    """The task a row assigns: the current name, the row's solution, parties and deadline."""
    has_solution = "solution" in grid.roles
    solution = grid.cell(row, "solution") if has_solution else ""
    task = Task(
        key=key,
        name=current.name,
        no=current.no if not current.tasks else "",
        group=group,
        solution=solution or (None if not has_solution else ""),
        leader=grid.cell(row, "leader") or None,
        responsible=grid.cell(row, "responsible") or None,
        coordinating=grid.cell(row, "coordinating") or None,
        deadline_text=grid.value(row, "deadline") or None,
        source_ref=row.ref,
    )
    if task.deadline_text:
        parsed = parse_deadline(task.deadline_text, default_year=year)
        task.deadlines, task.recurring = parsed.deadlines, parsed.recurring
    return task


def _unrepeat(grid: Grid, rows: list[Row], task_col: str) -> list[Row]:
    """Number and task cells merged down over a task's rows (a Word table) read in each
    of them: a row repeating the row above's number and task is a continuation row."""
    keys = [c for c in (grid.col("no"), grid.col(task_col)) if c is not None]
    if grid.col(task_col) is None:
        return rows
    out: list[Row] = []
    prev: list[str] | None = None
    for row in rows:
        key = [row.cells[c] for c in keys]
        if prev is not None and key == prev and row.cells[keys[-1]]:
            cells = list(row.cells)
            for c in keys:
                cells[c] = ""
            row = Row(cells, row.ref)
        else:
            prev = key
        out.append(row)
    return out


def _continue_carried(grid: Grid, rows: list[Row], carried: list[Task]) -> list[Row]:
    """Join the bare-text rows (no number, nothing assigned) that open the grid to the
    carried task's name; the rows left over."""
    task_col = "task" if "task" in grid.roles else "name"
    name = carried[-1].name
    while rows:
        row = rows[0]
        text = grid.cell(row, task_col)
        others = [c for i, c in enumerate(row.cells) if i != grid.col(task_col) and c]
        if not text or others or not _continues_name(name, text):
            break
        name = f"{name} {text}"
        rows = rows[1:]
    for t in carried:
        t.name = name
    return rows


def _usual_year(grid: Grid, rows: list[Row]) -> int | None:
    """The year most deadlines of the table name: the year of 'Tháng 5', 'Quý II' without one."""
    years = Counter(int(y) for r in rows for y in _YEAR.findall(grid.value(r, "deadline")))
    return years.most_common(1)[0][0] if years else None


def _is_bullet(no: str) -> bool:
    return no in {"-", "+", "•", "*", "–"}


def _is_group(no: str, name: str, has_solution: bool, following: list[Row], grid: Grid) -> bool:
    """A name-only row is a heading when the table has a solution column (a task
    always has one there), when its number is roman or a letter, when it is set in
    capitals, or when the next row hangs below it ('1' -> '1.1', or an un-numbered row)."""
    if has_solution or _ROMAN_OR_LETTER.match(no) or name.isupper():
        return True
    if not following:
        return False
    nxt = grid.cell(following[0], "no").strip()
    if no and _SUBNUMBER.match(nxt) and nxt.startswith(no.rstrip(".") + "."):
        return True
    return bool(no) and (not nxt or _is_bullet(nxt))


def _continues_name(previous: str, text: str, assigned: bool = False) -> bool:
    """The task cell of a row without number continues the task above when the
    text above stops mid-sentence or this one starts in lower case / a digit; a row
    with its own assignment and a capitalised text is a task of its own."""
    first = text[:1]
    if first.islower() or first.isdigit():
        return True
    return bool(_UNFINISHED.search(previous.rstrip())) and not (assigned and first.isupper())


def _realign(grid: Grid, row: Row) -> Row:
    """Undo a row whose leading empty cells collapsed: the solution text lands in the
    number column and everything after it one column to the left."""
    no_col, sol_col = grid.col("no"), grid.col("solution")
    if no_col != 0 or sol_col is None or sol_col < 1:
        return row
    first = row.cells[0]
    if not first or is_numbering(first) or len(first) < 20 or not any(row.cells[1:]):
        return row
    rest = list(row.cells[1:])
    drop = sol_col
    while drop and rest and not rest[0]:
        rest.pop(0)
        drop -= 1
    while drop and rest and not rest[-1]:
        rest.pop()
        drop -= 1
    if drop:
        return row
    return Row([""] * sol_col + [first, *rest], row.ref)
