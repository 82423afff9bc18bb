"""The wording of broad answers (storage/answers_broad.py): short, for a phone — the
answer first, a few lines, at most about 600 characters."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge import answer_text as say
from knowledge.text import clean, fold

MAX_CHARS = 600
NAME_CHARS = 60
LIST_SHOWN = 6


@dataclass
class Where:
    locality: str
    period_start: int | None
    period_end: int | None
    doc_number: str | None = None

    def plan(self) -> str:
        """'kế hoạch số 23/QĐ-UBND của phường Đông Thọ, năm 2023'."""
        number = f" số {self.doc_number}" if self.doc_number else ""
        period = period_words(self.period_start, self.period_end)
        return f"kế hoạch{number} của {self.locality}" + (f", {period}" if period else "")


@dataclass
class Goal:
    name: str
    figure: str


@dataclass
class Judged:
    name: str
    value: str | None
    target: str


def period_words(start: int | None, end: int | None) -> str:
    return say.period_text(start, end)


def figure_of(text: str | None, unit: str | None, comparator: str | None) -> str:
    return say.figure(
        say.ItemFacts(kind="indicator", name="", target_text=text, unit=unit, comparator=comparator)
    )


def short(name: str, limit: int = NAME_CHARS) -> str:
    name = clean(name).rstrip(" .;:")
    return name if len(name) <= limit else name[: limit - 1].rsplit(" ", 1)[0] + "…"


_GROUP_PREFIX = re.compile(
    r"^(?:[IVX]{1,4}|[0-9]{1,2}(?:\.[0-9]{1,2})*|[a-zđ])[.)]?\s+|^(?:các\s+)?chỉ\s+tiêu\s+|^về\s+|^chủ\s+yếu\s*",
    re.IGNORECASE,
)


def group_label(group: str | None) -> str:
    """'Các chỉ tiêu về Văn hóa-Xã hội' -> 'Văn hóa-Xã hội'; none -> 'Chỉ tiêu chủ yếu'."""
    label = clean(group or "")
    for _ in range(4):
        label = _GROUP_PREFIX.sub("", label).strip(" :.-")
    label = re.sub(r"\s*(?:giai đoạn\s*)?\d{4}\s*-\s*\d{4}$", "", label).strip()
    if not label:
        return "Chỉ tiêu chủ yếu"
    return label[0].upper() + label[1:]


def group_question(label: str, locality: str | None, year: int | None) -> str:
    """The question a group's button asks ('chỉ tiêu nhóm Kinh tế phường Đông Thọ năm 2023')."""
    return " ".join(b for b in ("chỉ tiêu nhóm", label, locality or "", f"năm {year}" if year else "") if b)


def goals_answer(where: Where, groups: list[tuple[str, list[Goal]]], stated: int | None) -> str:
    total = stated or sum(len(g) for _, g in groups)
    head = f"Mục tiêu chính theo {where.plan()}: {total} chỉ tiêu" + (
        f" trong {len(groups)} nhóm." if len(groups) > 1 else "."
    )
    if not groups:
        return f"{where.plan()[0].upper()}{where.plan()[1:]} không nêu chỉ tiêu nào."
    # a count per group only when they add up to the total said (a plan listing a target in
    # its prose and again in its table would otherwise count it twice)
    counted = sum(len(g) for _, g in groups) == total
    for per_group in (2, 1, 0):
        lines = [head]
        for label, goals in groups:
            # the targets with a figure say more than a heading row ('Cơ cấu ngành kinh tế')
            ranked = sorted(goals, key=lambda g: not g.figure)
            shown = "; ".join(_goal(g) for g in ranked[:per_group])
            count = f" ({len(goals)})" if counted else ""
            lines.append(f"• {label}{count}" + (f": {shown}" if shown else ""))
        lines.append("Bấm một nhóm để xem đủ.")
        text = "\n".join(lines)
        if len(text) <= MAX_CHARS:
            return text
    return text[: MAX_CHARS - 1].rsplit("\n", 1)[0] + "\nBấm một nhóm để xem đủ."


def _goal(g: Goal) -> str:
    return short(g.name, 48) + (f" {g.figure}" if g.figure else "")


def group_answer(where: Where, label: str, goals: list[Goal]) -> str:
    lines = [f"{label} — {len(goals)} chỉ tiêu ({where.plan()}):"]
    for n, g in enumerate(goals, 1):
        line = f"{n}. {short(g.name, 90)}" + (f": {g.figure}" if g.figure else "")
        if sum(len(x) + 1 for x in lines) + len(line) > 900:
            lines.append(f"… và {len(goals) - n + 1} chỉ tiêu khác.")
            break
        lines.append(line)
    return "\n".join(lines)


def no_group(asked: str, labels: list[str]) -> str:
    return f"Không có nhóm chỉ tiêu «{clean(asked)}». Các nhóm: " + "; ".join(labels[:8]) + "."


def count_answer(where: Where, stated: int | None, line: str | None, read: int) -> str:
    plan = where.plan()
    if stated:
        text = f"{plan[0].upper()}{plan[1:]} có {stated} chỉ tiêu chủ yếu"
        return text + (f" (mục «{short(line, 70)}»)." if line else ".")
    return f"{plan[0].upper()}{plan[1:]} có {read} chỉ tiêu (đếm từ các chỉ tiêu đọc được trong văn bản)."


def achieved_line(done: int, total: int) -> str:
    return f"Văn bản ghi đã đạt {done}/{total} chỉ tiêu."


def met_answer(where: Where, want_met: bool, verdicts: dict[str, list[Judged]]) -> str:
    met, not_met, pending = verdicts["met"], verdicts["not_met"], verdicts["pending"]
    if not (met or not_met or pending):
        return (
            f"Chưa có số liệu tiến độ nào của {where.plan()}, nên chưa biết chỉ tiêu nào đã đạt. "
            "Cán bộ phụ trách cập nhật bằng lệnh /capnhat."
        )
    head = f"Theo số liệu tiến độ mới nhất của {where.plan()}: {len(met)} chỉ tiêu đã đạt, {len(not_met)} chưa đạt"
    head += f", {len(pending)} chưa có kết quả." if pending else "."
    shown = met if want_met else not_met
    title = "Đã đạt:" if want_met else "Chưa đạt:"
    if not shown:
        return head + (
            "\nChưa có chỉ tiêu nào được ghi là đã đạt." if want_met else "\nKhông có chỉ tiêu nào chưa đạt."
        )
    lines = [head, title]
    for j in shown[:LIST_SHOWN]:
        got = f" — {short(j.value, 40)}" if j.value else ""
        goal = f" (chỉ tiêu {j.target})" if j.target else ""
        lines.append(f"• {short(j.name, 70)}{got}{goal}")
    if len(shown) > LIST_SHOWN:
        lines.append(f"… và {len(shown) - LIST_SHOWN} chỉ tiêu khác.")
    return "\n".join(lines)


def chairman_answer(
    where: Where, signer: str | None, title: str | None, leaders: list[tuple[str, str]], vice: bool
) -> str:
    kind = where.locality.split(" ")[0] if where.locality else "xã"
    chairs = [name for t, name in leaders if t == "Chủ tịch"]
    vices = [name for t, name in leaders if t == "Phó Chủ tịch"]
    lines = []
    if signer and title == "Phó Chủ tịch":
        lines.append(
            f"{where.plan()[0].upper()}{where.plan()[1:]} do Phó Chủ tịch {signer} ký thay Chủ tịch."
        )
        if chairs:
            lines.append(f"Chủ tịch UBND {kind}: {', '.join(chairs)}.")
    elif signer:
        lines.append(f"Chủ tịch UBND {where.locality}: {signer} — người ký {where.plan()}.")
    elif chairs:
        lines.append(f"Chủ tịch UBND {where.locality}: {', '.join(chairs)} (theo {where.plan()}).")
    else:
        lines.append(f"{where.plan()[0].upper()}{where.plan()[1:]} không ghi tên Chủ tịch.")
    if vices:
        line = f"Phó Chủ tịch: {', '.join(vices[:4])}."
        lines.insert(0 if vice else len(lines), line)
    lines.append("Thông tin theo văn bản kế hoạch, có thể đã thay đổi.")
    return "\n".join(lines)


def comparison_subject(words: str) -> str:
    """The item two places are compared on: the question without its frame."""
    text = re.sub(
        r"\b(?:so sánh|so sanh|so với|so voi|giữa|giua|khác gì|khac gi|khác nhau|khac nhau)\b",
        " ",
        words,
        flags=re.IGNORECASE,
    )
    text = re.sub(
        r"(?:^|\s)(?:và|va|với|voi|của|cua|ở|o|tại|tai|xã|xa|phường|phuong)(?=\s|$)",
        " ",
        text,
        flags=re.IGNORECASE,
    )
    return re.sub(r"\s+", " ", text).strip(" ?.,")


def compared_place(place: str, answer: str, match: object | None) -> str:
    if match is not None:
        figure = getattr(match, "target_text", None) or "không nêu số"
        return f"• {place}: {figure} — {short(getattr(match, 'name', ''), 70)} ({getattr(match, 'plan', '')})"
    first = clean(answer.splitlines()[0] if answer else "")
    return f"• {place}: {short(first, 160)}"


def comparison(subject: str, parts: list[str]) -> str:
    return f"So sánh «{clean(subject)}»:\n" + "\n".join(parts)


def no_plan_for_year(year: int, locality: str, have: list[str], used: str) -> str:
    return (
        f"Chưa có kế hoạch năm {year} của {locality}. Kế hoạch đã có: {', '.join(have)}; "
        f"dưới đây là theo kế hoạch {used}."
    )


def fold_words(text: str) -> set[str]:
    return set(fold(text).split())
