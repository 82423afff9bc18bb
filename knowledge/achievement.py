"""How far a value achieves a target, in the target's own direction ('dưới 7,6%' is met
below it). Re-exported by knowledge.numbers, where targets are read."""

from __future__ import annotations

from knowledge.model import Target

_LOWER_BETTER_OPS = ("<", "<=")


def percent_of_target(value: float, target: Target, lower_is_better: bool = False) -> float | None:
    """How far `value` achieves `target`, in percent (100 = exactly achieved).

    Higher-is-better ('=', '>=', '>', 'range'; 'range' is measured against its lower bound):
        value / target * 100.
    Lower-is-better ('<', '<=' targets, or `lower_is_better` for '=' targets such as a
    poverty rate): 100 * (2 - value / target), floored at 0 — 100 at the target, 200 at
    zero, 0 at twice the target, so being below the ceiling counts as more than achieved.
    A zero target gives 100 when met and 0 otherwise. None for status targets or when
    the target has no value."""
    if target.value is None or target.comparator == "status":
        return None
    goal = target.value
    if goal == 0:
        met = meets_target(value, target, lower_is_better)
        return 100.0 if met or value == 0 else 0.0
    if _lower_is_better(target, lower_is_better):
        return max(0.0, 100.0 * (2.0 - value / goal))
    return 100.0 * value / goal


def meets_target(value: float, target: Target, lower_is_better: bool = False) -> bool | None:
    """Whether `value` meets `target` in the target's own direction.

    '<' and '>' are strict; '=' means "at least" (or "at most" when lower_is_better);
    a range is met from its lower bound on (exceeding the upper bound is over-achievement).
    None for status targets or a target without a value."""
    if target.value is None or target.comparator == "status":
        return None
    goal, op = target.value, target.comparator or "="
    if op == "<":
        return value < goal
    if op == ">":
        return value > goal
    if op == "<=" or (op == "=" and lower_is_better):
        return value <= goal
    return value >= goal


def _lower_is_better(target: Target, flag: bool) -> bool:
    return target.comparator in _LOWER_BETTER_OPS or (flag and target.comparator in ("=", None))
