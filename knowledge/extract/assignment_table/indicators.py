"""Indicators from the assembled rows: name, unit, the own column's target, the other
columns' values, the parties, and the sub-rows under their row."""

from __future__ import annotations

import re

from knowledge.extract.assignment_columns import cells_by_column, join_wrapped
from knowledge.extract.assignment_table.cells import SUB_MARK, row_text, split_cells
from knowledge.extract.assignment_table.shapes import Cells, Header, Row
from knowledge.model import Indicator, OtherTarget
from knowledge.numbers import parse_target
from knowledge.text import clean

_STATUS = {"đạt", "hoàn thành", "đạt chuẩn", "không", "x"}


def row_indicators(items: list[Row | str], header: Header, offset: int) -> list[Indicator]:
    out: list[Indicator] = []
    parent: Indicator | None = None
    children: dict[str, list[Indicator]] = {}
    for item in items:
        if isinstance(item, str):
            parent = None
            continue
        columns: list[str] = []
        if header.columns:
            cells, columns = _positional_cells(item, header)
        else:
            cells = split_cells(row_text(item), header.has_coordinating, header.has_note)
        if not cells.name:
            continue
        ind = Indicator(
            key=f"{offset + len(out) + 1:03d}",  # plan.py prefixes the layout's letter
            name=cells.name,
            no=item.no,
            group=item.group or None,
            unit=None if cells.unit and cells.unit.lower() in _STATUS else cells.unit,
            leader=cells.leader,
            responsible="; ".join(cells.responsible) or None,
            coordinating="; ".join(cells.coordinating) or None,
            note=" ".join(cells.note) or None,
            source_ref=f"line {item.lines[0].no}",
        )
        if header.columns:
            _set_column_targets(ind, columns, header)
        else:
            _set_targets(ind, cells.values, header)
        if item.kind == "sub" and parent is not None:
            ind.parent_key = parent.key
            children.setdefault(parent.key, []).append(ind)
            if ind.unit is None and parent.unit and parent.unit != "%" and parent.target_text is None:
                ind.unit = parent.unit
        else:
            parent = ind
        out.append(ind)
    out = [i for i in out if _has_content(i) or children.get(i.key)]
    for ind in out:
        kids = children.get(ind.key, [])
        if ind.unit is None and ind.target_text is None and not any(k.target_text for k in kids):
            ind.comparator = "status"  # a qualitative indicator: no figure anywhere
    return out


def _positional_cells(item: Row, header: Header) -> tuple[Cells, list[str]]:
    """The row's cells read by column position, and the texts of its value columns in order."""
    texts = cells_by_column([ln.raw for ln in item.lines], header.columns)
    by_role: dict[str, list[str]] = {}
    values: list[str] = []
    for col, text in zip(header.columns, texts, strict=True):
        if col.role in ("target", "actual"):
            values.append(text)
        elif text:
            by_role.setdefault(col.role, []).append(text)
    name = SUB_MARK.sub(r"\g<rest>", join_wrapped(by_role.get("name", [])))
    name = re.sub(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+", "", name).strip(" :;")
    cells = Cells(
        name=name,
        unit=" ".join(by_role.get("unit", [])) or None,
        leader="; ".join(by_role.get("leader", [])) or None,
        responsible=by_role.get("responsible", []),
        coordinating=by_role.get("coordinating", []),
        note=by_role.get("note", []),
    )
    return cells, values


def _set_column_targets(ind: Indicator, values: list[str], header: Header) -> None:
    """The own column's cell is the target; the other filled value columns are other targets."""
    own = values[header.own] if header.own < len(values) else ""
    if own:
        target = parse_target(own, unit_hint=ind.unit)
        ind.target_text, ind.target_value = own, target.value
        ind.comparator, ind.target_max = target.comparator, target.max_value
    ind.other_targets = [
        OtherTarget(source=_source(header.labels[k]), text=v)
        for k, v in enumerate(values)
        if v and k != header.own
    ]


def _has_content(ind: Indicator) -> bool:
    """A row with a cell besides its name (a bare name may be running text after the table)."""
    return bool(ind.unit or ind.target_text or ind.leader or ind.responsible or ind.parent_key)


def _set_targets(ind: Indicator, values: list[str], header: Header) -> None:
    """The own column's value is the target; the other columns become other_targets."""
    if not values:
        return
    labels = header.labels or ["Kế hoạch"]
    if len(values) > len(labels) and values[0].lower() in _STATUS:
        values = values[-len(labels) :]  # the unit cell printed the status too
    if len(values) == 1 or len(labels) == 1:
        own_value, others = values[-1], [(f"cột {k + 1}", v) for k, v in enumerate(values[:-1])]
    else:
        aligned = labels[-len(values) :] if len(values) <= len(labels) else labels
        offset = len(labels) - len(aligned)
        own_pos = header.own - offset
        if not 0 <= own_pos < len(values):
            own_pos = len(values) - 1
        own_value = values[own_pos]
        others = [(_source(aligned[k]), v) for k, v in enumerate(values[: len(aligned)]) if k != own_pos]
    target = parse_target(own_value)
    ind.target_text = own_value
    ind.target_value = target.value
    ind.comparator = target.comparator
    ind.target_max = target.max_value
    ind.other_targets = [OtherTarget(source=s, text=v) for s, v in others]


def _source(label: str) -> str:
    return clean(re.sub(r"\(\s*(?:số\s+)?|\)", "", label))
