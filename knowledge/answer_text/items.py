"""The answer about one item (or two or three close ones), leading with what the question asks."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from knowledge.answer_text.facts import ItemFacts, ProgressFacts
from knowledge.answer_text.figures import figure, tidy, vn_numbers
from knowledge.answer_text.fit import (
    AGENCY,
    ANSWER_LIMIT,
    CLOSE_LIMIT,
    LINE_LIMIT,
    LIST_NAME,
    SOLUTION_LIMIT,
    clip,
    clip_focus,
    drop_optional,
    fit,
)
from knowledge.answer_text.sources import (
    SAME_TEXT,
    of_place,
    place_and_period,
    ref_text,
    said_before,
    source_line,
    sources_line,
)
from knowledge.item_kinds import DUTY, MILESTONE, PROGRESS, REPORTING, TASK
from knowledge.text import clean, fold


def _people(item: ItemFacts, leader_first: bool = False) -> list[str]:
    lines = []
    lead = f"Chỉ đạo: {clip(item.leader, LINE_LIMIT)}." if item.leader else ""
    resp = f"Phụ trách: {clip(item.responsible, LINE_LIMIT)}." if item.responsible else ""
    if leader_first:
        lines += [x for x in (lead, resp) if x]
    else:
        lines += [x for x in (resp, lead) if x]
    if item.coordinating:
        lines.append(f"Phối hợp: {clip(item.coordinating, LINE_LIMIT)}.")
    return [_end(x) for x in lines]


def _end(line: str) -> str:
    """One full stop at the end ('… UBND.' not '… UBND..', '99,99 %.;' not at all)."""
    if not line or line.endswith("…"):
        return line
    return line.rstrip(" .;:,") + "."


def deadline_words(item: ItemFacts) -> str:
    if item.deadline_text:
        text = clean(item.deadline_text).rstrip(" .;,")
        if item.due_date and item.due_date.strftime("%d/%m/%Y") not in text:
            text += f" (hạn cuối {item.due_date:%d/%m/%Y})"
        return text
    if item.due_date:
        return f"{item.due_date:%d/%m/%Y}"
    return ""


def progress_words(p: ProgressFacts) -> str:
    bits = [clean(b).strip(" .;,") for b in (p.value_text, p.assessment) if b]
    text = vn_numbers("; ".join(b for b in bits if b) or (p.status or ""))
    when = f" (cập nhật {p.reported_at:%d/%m/%Y})" if p.reported_at and not p.by_document else ""
    origin = " (theo kế hoạch)" if p.by_document else ""
    return f"{clip(text, 2 * LINE_LIMIT)}{when}{origin}"


OTHER_FIGURES = "Con số khác: "


def _conflict_lines(item: ItemFacts) -> list[str]:
    """The plan's other values for the item, in Vietnamese figures and without the one
    already given. A recorded conflict lists every value, so the item's other targets
    are then not repeated."""
    shown = fold(figure(item))
    if item.conflicts:
        values = [vn_numbers(ref_text(clean(v))) for c in item.conflicts for v in c]
    else:
        values = [
            vn_numbers(clean(text)) + (f" ({ref_text(clean(source))})" if ref_text(clean(source)) else "")
            for source, text in item.other_targets
        ]
    values = [re.sub(r"\s*\(\s*\)", "", v) for v in values]
    others = [v for v in dict.fromkeys(values) if v and fold(re.sub(r"\s*\(.*", "", v)) not in (shown, "")]
    others = [v for v in others if not shown.startswith(fold(re.sub(r"\s*\(.*", "", v)) + " ")]
    # not 'Kế hoạch còn ghi:', which heads the matching passage quoted after the answer
    # (knowledge.quote_text.also_written): the same words twice read as a repetition
    return [_end(OTHER_FIGURES + "; ".join(others))] if others else []


def _reporting_when(item: ItemFacts) -> str:
    freq = {"monthly": "hàng tháng", "quarterly": "hàng quý", "yearly": "hàng năm", "adhoc": "đột xuất"}
    bits = []
    if item.day_of_month and item.frequency == "monthly":
        bits.append(f"trước ngày {item.day_of_month} hàng tháng")
    elif item.frequency in freq:
        bits.append(freq[item.frequency])
    if item.due_date:
        bits.append(f"hạn {item.due_date:%d/%m/%Y}")
    return ", ".join(bits)


# ---------------------------------------------------------------- one item


def item_answer(item: ItemFacts, intent: str, role: str | None = None, limit: int = ANSWER_LIMIT) -> str:
    """The answer about one item, leading with what the intent asks, short enough for a
    phone: what may go goes first, then a long name keeps the clauses the question is about."""
    name = clean(item.name)
    lines, optional = _item_lines(item, intent, role, name)
    kept = drop_optional(lines, optional, limit)
    over = len("\n".join(x for x in kept if x)) - limit
    if over > 0 and len(name) > 80:
        prefer = AGENCY if intent == "responsible" else None
        short = clip_focus(name, max(80, len(name) - over), item.focus, prefer)
        lines, _ = _item_lines(item, intent, role, short)
        kept = [x if kept[n] else "" for n, x in enumerate(lines)]
    return tidy(fit(kept, set(), limit))


def milestone_answer(item: ItemFacts, name: str) -> list[str]:
    """A dated sentence of the plan's prose: quoted, with its date; the plan names
    nobody for it."""
    due = f" (hạn cuối {item.due_date:%d/%m/%Y})" if item.due_date else ""
    return [
        f"Kế hoạch{of_place(item.source)} ghi: «{name}».",
        _end(f"Thời hạn: {clean(item.deadline_text)}{due}"),
        source_line(item.source) if item.cite else "",
    ]


def duty_answer(item: ItemFacts, name: str) -> list[str]:
    """A unit's duty: the unit and what it is to do."""
    return [
        f"{name}: {clip(item.solution or '', SOLUTION_LIMIT)}",
        source_line(item.source) if item.cite else "",
    ]


def result_row_answer(item: ItemFacts, name: str) -> list[str]:
    """A result row the plan prints (no indicator took it up): the result."""
    done = progress_words(item.progress) if item.progress else "chưa có kết quả"
    return [_end(f"{name}: {done}"), source_line(item.source) if item.cite else ""]


def _item_lines(item: ItemFacts, intent: str, role: str | None, name: str) -> tuple[list[str], set[int]]:
    """The lines of an answer (`name` as it may be shortened), and which of them may go
    when it is too long."""
    if (own := OWN_WORDING.get(item.kind)) is not None:
        return own(item, name), set()
    fig = figure(item)
    dl = deadline_words(item)
    optional: set[int] = set()
    if intent == "responsible":
        lines = _responsible_lines(item, role, name, fig, dl)
    elif intent == "deadline":
        lines = _deadline_lines(item, name, fig, dl)
    elif intent == "progress":
        lines = _progress_lines(item, name, fig)
    else:
        lines, optional = _what_lines(item, name, fig, dl)
    optional |= {n for n, x in enumerate(lines) if x.startswith("Phối hợp:")}
    if item.period_figure:
        lines.append(f"Mục tiêu cả giai đoạn: {item.period_figure}.")
    conflicts = _conflict_lines(item)
    optional |= set(range(len(lines), len(lines) + len(conflicts)))
    lines += conflicts
    lines.append(source_line(item.source) if item.cite else "")
    return lines, optional


def _responsible_lines(item: ItemFacts, role: str | None, name: str, fig: str, dl: str) -> list[str]:
    """'Ai phụ trách …?': the people first, the figure and the deadline after."""
    who = _people(item, leader_first=role == "leader")
    lines = [f"«{name}»{place_and_period(item.source)}:"]
    if role == "leader" and who and not item.leader:
        lines.append("Kế hoạch không ghi lãnh đạo chỉ đạo mục này.")
    lines += who or ["Kế hoạch không ghi người phụ trách mục này."]
    if fig:
        lines.append(f"Chỉ tiêu: {fig}.")
    if dl:  # 'ai chỉ đạo, làm khi nào?': the deadline costs one line
        lines.append(_end(f"Thời hạn: {dl}"))
    return lines


def _deadline_lines(item: ItemFacts, name: str, fig: str, dl: str) -> list[str]:
    """'Khi nào phải xong …?': the deadline first (or that the plan gives none)."""
    lines = [
        _end(f"«{name}»: thời hạn {dl}")
        if dl
        else f"«{name}»: kế hoạch{of_place(item.source)} không ghi thời hạn riêng."
    ]
    if fig:
        lines.append(f"Chỉ tiêu: {fig}.")
    return lines + _people(item)


def _progress_lines(item: ItemFacts, name: str, fig: str) -> list[str]:
    """'… đạt bao nhiêu rồi?': the latest report first, then what the plan asks."""
    if item.progress:
        lines = [_end(f"Tiến độ «{name}»: {progress_words(item.progress)}")]
    else:
        lines = [f"Chưa có báo cáo tiến độ cho «{name}»."]
    if fig:
        lines.append(f"Chỉ tiêu kế hoạch{of_place(item.source)}: {fig}.")
    return lines + _people(item)


def _what_lines(item: ItemFacts, name: str, fig: str, dl: str) -> tuple[list[str], set[int]]:
    """Any other question: the figure (or a task's solution), deadline, people, progress;
    and which lines may go when the answer is too long."""
    lines: list[str] = []
    optional: set[int] = set()
    if fig:
        lines.append(f"{name}{place_and_period(item.source)}: {fig}.")
    elif item.kind == TASK:
        lines.append(f"Nhiệm vụ «{name}»{place_and_period(item.source)}.")
        if item.solution:
            optional.add(len(lines))
            lines.append(_end(f"Giải pháp: {clip_focus(item.solution, 2 * LINE_LIMIT, item.focus)}"))
    else:
        lines.append(f"«{name}»{place_and_period(item.source)}: kế hoạch không ghi con số cụ thể.")
    if dl:
        lines.append(_end(f"Thời hạn: {dl}"))
    lines += _people(item)
    if item.progress:
        lines.append(_end(f"Tiến độ mới nhất: {progress_words(item.progress)}"))
    return lines, optional


def reporting_answer(item: ItemFacts, name: str) -> list[str]:
    lines = [_end(f"Theo kế hoạch: {name}")]
    when = _reporting_when(item)
    if when:
        lines.append(f"Thời hạn báo cáo: {when}.")
    if item.report_to:
        lines.append(_end(f"Gửi báo cáo cho: {clip(item.report_to, LINE_LIMIT)}"))
    lines.append(source_line(item.source) if item.cite else "")
    return lines


# The kinds worded in their own few lines, whatever the question asks; an indicator or a
# task is worded by what is asked (the figure, who, when, progress: `_item_lines`)
OWN_WORDING: dict[str, Callable[[ItemFacts, str], list[str]]] = {
    REPORTING: reporting_answer,
    DUTY: duty_answer,
    MILESTONE: milestone_answer,
    PROGRESS: result_row_answer,
}


def short_item(item: ItemFacts, name_limit: int = LIST_NAME) -> str:
    """One line of a list: the name and what matters most about it."""
    name = clip_focus(item.name, name_limit, item.focus).rstrip(" .:;,")
    if item.kind == REPORTING:
        when = _reporting_when(item)
        return f"{name}" + (f" ({when})" if when else "")
    due = clean(item.deadline_text) or (f"{item.due_date:%d/%m/%Y}" if item.due_date else "")
    bits = [b for b in (figure(item), clip(due, 40) if item.kind == TASK else "") if b]
    who = clip(item.responsible or "", 50)
    text = name + (": " + "; ".join(bits) if bits else "")
    return text + (f" — {who}" if who else "")


def close_items_answer(items: list[ItemFacts], intent: str, role: str | None = None) -> str:
    """Two items matched about equally: answer both, shortly, citing the plan once; the
    bot offers them as buttons too."""
    head = f"Có {len(items)} mục gần với câu hỏi:"
    cite = sources_line([i.source for i in items])
    share = max(160, (CLOSE_LIMIT - len(head) - len(cite)) // len(items) - 4)
    parts = [head]
    seen: set[str] = set()
    for n, item in enumerate(items, 1):
        # one paragraph read as two rules (monthly, and when asked) or as a rule and a duty: quoted once
        said = {k: said_before(getattr(item, k), seen) for k in ("name", "solution")}
        shown = dataclasses.replace(item, cite=False)
        if said["name"]:
            shown.name = SAME_TEXT
        if said["solution"]:
            shown.solution = SAME_TEXT
        if said["name"] and item.kind == TASK and item.solution and not said["solution"]:
            # one task of the plan's table split by its solutions: the solution tells them apart
            shown.name = f"{clip(item.name, 50)} — giải pháp: {clip(item.solution, 100)}"
        parts.append(f"{n}) " + item_answer(shown, intent, role, limit=share))
    return "\n".join([*parts, cite] if cite else parts)
