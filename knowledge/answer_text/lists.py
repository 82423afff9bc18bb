"""Lists of items, the plan's overview, and what is said when nothing matches or the place
is unknown."""

from __future__ import annotations

import re

from knowledge.answer_text.facts import ItemFacts, PlanFacts
from knowledge.answer_text.figures import period_text, tidy
from knowledge.answer_text.fit import ANSWER_LIMIT, LIST_NAME, clip, clip_focus, fit
from knowledge.answer_text.items import short_item
from knowledge.answer_text.sources import plan_short
from knowledge.text import clean

LIST_LIMIT = 15


def list_answer(heading: str, items: list[ItemFacts], empty: str) -> str:
    return tidy(_list_answer(heading, items, empty))


def _list_answer(heading: str, items: list[ItemFacts], empty: str) -> str:
    if not items:
        return empty
    # items of two plans of one period (KH 141 beside KH 144) cite both
    sources = list(dict.fromkeys(plan_short(i.source) for i in items))
    tail = f"Nguồn: {'; '.join(s for s in sources if s)}." if any(sources) else ""
    lines = [f"{heading.rstrip()} ({len(items)} mục):"]
    used = len(lines[0]) + len(tail) + 30
    shown = 0
    # a short list shares the screen among its items: one or two are shown nearly whole
    name_limit = max(LIST_NAME, (ANSWER_LIMIT - used) // max(1, min(len(items), LIST_LIMIT)) - 70)
    for item in items[:LIST_LIMIT]:
        line = f"- {short_item(item, name_limit)}"
        if shown and used + len(line) + 1 > ANSWER_LIMIT:
            break
        lines.append(line)
        used += len(line) + 1
        shown += 1
    if len(items) > shown:
        lines.append(f"… và {len(items) - shown} mục khác.")
    return "\n".join([*lines, tail] if tail else lines)


def party_items_heading(party: str) -> str:
    return f"Các chỉ tiêu, nhiệm vụ của {party}"


def party_items_empty(party: str) -> str:
    return f"Không thấy chỉ tiêu hay nhiệm vụ nào giao cho «{party}» trong kế hoạch."


def topic_heading(topic: str) -> str:
    return f"Các chỉ tiêu, nhiệm vụ về {topic}"


def topic_empty(topic: str) -> str:
    return f"Không thấy chỉ tiêu hay nhiệm vụ nào về «{topic}» trong kế hoạch."


MY_ITEMS_HEADING = "Việc của bạn"
MY_ITEMS_EMPTY = "Chưa có chỉ tiêu hay nhiệm vụ nào giao cho bạn trong kế hoạch hiện hành."
NOT_LINKED = (
    "Bạn chưa được liên kết với chức danh hoặc đơn vị nào, nên chưa biết việc của bạn. "
    "Hãy đăng ký (/dangky) hoặc hỏi theo tên đơn vị, ví dụ: «các nhiệm vụ của công chức Tư pháp»."
)
DUE_SOON_HEADING = "Việc sắp đến hạn"
DUE_SOON_EMPTY = "Không có nhiệm vụ nào đến hạn trong {days} ngày tới."
OVERDUE_HEADING = "Việc đã quá hạn mà chưa báo cáo hoàn thành"
OVERDUE_EMPTY = "Không có nhiệm vụ nào quá hạn."


_GROUP_LABEL = 60
_TRAILING_COUNT = re.compile(r"\s*(\([^()]{1,24}\))$")  # '… (14 mục tiêu)'


def _group_label(group: str) -> str:
    """A group's name within a line's share; the count the plan puts after it ('(14 mục
    tiêu)') is kept whole: a question 'có mấy mục tiêu về …' is answered by it."""
    count = _TRAILING_COUNT.search(group)
    if count is None or len(group) <= _GROUP_LABEL:
        return clip(group, _GROUP_LABEL)
    return f"{clip(group[: count.start()], _GROUP_LABEL - len(count.group(1)))} {count.group(1)}"


def overview_answer(plan: PlanFacts) -> str:
    head = clip(plan.title or "", 160) or "Kế hoạch"
    where = ", ".join(b for b in (plan.locality, period_text(plan.period_start, plan.period_end)) if b)
    lines = [f"{head}" + (f" ({where})" if where else "") + ":"]
    lines.append(
        f"{plan.indicators} chỉ tiêu, {plan.tasks} nhiệm vụ, {plan.reporting_rules} quy định về báo cáo."
    )
    if plan.groups:
        lines.append("Các nhóm: " + "; ".join(_group_label(g) for g in plan.groups[:6]) + ".")
    meta = []
    if plan.doc_number:
        meta.append(f"Số {plan.doc_number}")
    if plan.signed_date:
        meta.append(f"ký ngày {plan.signed_date:%d/%m/%Y}")
    if plan.signer:
        meta.append(f"người ký: {plan.signer}")
    if meta:
        text = ", ".join(meta)
        lines.append(text[0].upper() + text[1:] + ".")
    return fit(lines, {2})


def no_match(suggestions: list[str], where: str = "", focus: tuple[str, ...] = ()) -> str:
    head = (
        "Không tìm thấy chỉ tiêu hay nhiệm vụ nào khớp với câu hỏi"
        + (f" trong kế hoạch {where}" if where else "")
        + "."
    )
    if suggestions:
        return (
            head
            + "\nCó phải bạn muốn hỏi: "
            + "; ".join(f"«{clip_focus(s, 120, focus)}»" for s in suggestions)
            + "?"
        )
    return head + " Bạn thử hỏi bằng tên chỉ tiêu, ví dụ: «tỷ lệ hộ nghèo năm nay là bao nhiêu?»"


def guessed_place(place: str, answer: str) -> str:
    return f"Câu hỏi chưa nêu địa phương; nội dung này khớp rõ nhất với kế hoạch của {place}.\n{answer}"


def naming_new_unit(answer: str, name: str, label: str) -> str:
    """Say once that the place is now part of a 2025 unit: its first mention becomes
    'phường Đông Thọ (nay thuộc phường Hạc Thành)', else the answer opens with it."""
    if label in answer or label == name:
        return answer
    at = answer.find(name)
    if at < 0:
        return f"{label}:\n{answer}"
    return answer[:at] + label + answer[at + len(name) :]


def ask_locality(candidates: list[str]) -> str:
    if candidates:
        shown = "; ".join(candidates[:8])
        return f"Bạn hỏi về địa phương nào? Có kế hoạch của: {shown}. Hãy ghi tên xã/phường trong câu hỏi hoặc chọn bằng /diaphuong <tên>."
    return "Bạn hỏi về địa phương nào? Hãy ghi tên xã/phường trong câu hỏi hoặc chọn bằng /diaphuong <tên>."


def unknown_locality(text: str, candidates: list[str]) -> str:
    head = f"Chưa có kế hoạch nào của «{clean(text)}» trong cơ sở dữ liệu."
    return head + (" Có kế hoạch của: " + "; ".join(candidates[:8]) + "." if candidates else "")


NO_PLAN = "Chưa có kế hoạch nào trong cơ sở dữ liệu. Hãy nạp kế hoạch bằng lệnh «planbot ingest»."

HELP = (
    "Tôi trả lời câu hỏi về kế hoạch phát triển kinh tế - xã hội của xã/phường. Ví dụ:\n"
    "- Tỷ lệ hộ nghèo năm 2024 là bao nhiêu?\n"
    "- Ai phụ trách chỉ tiêu BHYT?\n"
    "- Nhiệm vụ tuyển quân phải xong khi nào?\n"
    "- Tiến độ giải quyết việc làm mới đến nay?\n"
    "- Các nhiệm vụ của công chức Tư pháp; việc của tôi\n"
    "- Các chỉ tiêu về y tế; việc sắp đến hạn; việc quá hạn\n"
    "- Hàng tháng báo cáo trước ngày nào, gửi cho ai?\n"
    "- Kế hoạch năm 2024 có bao nhiêu chỉ tiêu?\n"
    "Có thể gõ không dấu, viết tắt (BHYT, GPMB, ANTT…). Chọn địa phương: /diaphuong <tên>."
)
