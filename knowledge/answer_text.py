"""The bot's answers in short, natural Vietnamese, built from plain facts.

Every user-facing sentence of the question-answering engine lives here, so
wording can be reviewed (and translated) in one place. Nothing here knows
where the facts came from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from knowledge.lexicon import lower_is_better
from knowledge.text import clean, fold


@dataclass
class SourceFacts:
    title: str | None = None
    doc_number: str | None = None
    locality: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    ref: str = ""  # 'line 231', 'table 2 row 5', 'Biểu số 01 dòng 3'


@dataclass
class ProgressFacts:
    value_text: str | None = None
    assessment: str | None = None
    status: str | None = None
    reported_at: date | None = None
    by_document: bool = False


@dataclass
class ItemFacts:
    kind: str  # 'indicator' | 'task' | 'reporting' | 'duty' | 'progress' | 'milestone'
    name: str
    group: str | None = None
    target_text: str | None = None
    unit: str | None = None
    comparator: str | None = None
    leader: str | None = None
    responsible: str | None = None
    coordinating: str | None = None
    deadline_text: str | None = None
    due_date: date | None = None
    recurring: bool = False
    solution: str | None = None
    other_targets: list[tuple[str, str]] = field(default_factory=list)  # (source, text) that differ
    conflicts: list[list[str]] = field(default_factory=list)  # the plan's recorded conflicts
    progress: ProgressFacts | None = None
    # reporting rules
    frequency: str | None = None
    day_of_month: int | None = None
    report_to: str | None = None
    source: SourceFacts = field(default_factory=SourceFacts)
    period_figure: str | None = None  # the end-of-period target when a year's value leads


@dataclass
class PlanFacts:
    title: str | None
    locality: str | None
    period_start: int | None
    period_end: int | None
    doc_number: str | None
    signer: str | None
    signed_date: date | None
    indicators: int
    tasks: int
    reporting_rules: int
    groups: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- pieces

_COMPARATOR_WORDS = {"<": "dưới", "<=": "không quá", ">": "trên", ">=": "từ", "range": "từ"}
_HAS_COMPARATOR = re.compile(
    r"\b(duoi|tren|tu|toi thieu|toi da|khong qua|it nhat|tro len|tro xuong|vuot|khong thap hon"
    r"|giam xuong|xuong con|giam con)\b|[<>≥≤]"
)
LOWER_BETTER_NOTE = "càng thấp càng tốt"
# '7.9' of a table is seven point nine: a dot before one or two digits (not three: '1.900')
# is a decimal point the plan's typist wrote the English way
_ENGLISH_DECIMAL = re.compile(r"(?<![\d.,])(\d+)\.(\d{1,2})(?![\d]|[.,]\d)")
_TRAILING = " .,;:"


def vn_numbers(text: str) -> str:
    """Decimal comma, thousands dot: '7.9' -> '7,9'; '1.900' and '7,6' are left alone."""
    return _ENGLISH_DECIMAL.sub(r"\1,\2", text)


def target_words(text: str | None, unit: str | None, comparator: str | None, name: str | None = None) -> str:
    """A target as the plan writes it, with its unit and comparator ('dưới 7,6 %'), and,
    for a bare figure of what is kept low (malnutrition, poverty …), that it is a ceiling.
    The one wording of answers, confirmation cards, reports and charts."""
    text = vn_numbers(clean(text).strip(_TRAILING))
    if not text:
        return ""
    unit = clean(unit).strip(_TRAILING)
    # a unit follows a bare figure only: 'Đạt' or '3 trường' in a '%' column stay as written
    if unit and text[-1].isdigit() and fold(unit) not in fold(text):
        text = f"{text} {unit}"
    written = _HAS_COMPARATOR.search(f"{fold(text)} {text}")
    if comparator in _COMPARATOR_WORDS and not written and any(c.isdigit() for c in text):
        word = _COMPARATOR_WORDS[comparator]
        text = f"{word} {text} trở lên" if comparator == ">=" else f"{word} {text}"
    elif (
        comparator not in ("<", "<=", "status")
        and not written
        and any(c.isdigit() for c in text)
        and lower_is_better(name, comparator, text)
    ):
        text = f"{text} ({LOWER_BETTER_NOTE})"
    return tidy(text)


def figure(item: ItemFacts) -> str:
    """The target as the plan writes it, with its unit and comparator ('dưới 7,6 %')."""
    return target_words(item.target_text, item.unit, item.comparator, item.name)


def period_text(start: int | None, end: int | None) -> str:
    if start and end and start != end:
        return f"giai đoạn {start}-{end}"
    if end or start:
        return f"năm {end or start}"
    return ""


def _ref_text(ref: str) -> str:
    """Extractors cite places in English ('table 2 row 5', 'prose line 41')."""
    t = re.sub(r"\btable (\d+),? row (\d+)", r"bảng \1, dòng \2", ref or "")
    t = re.sub(r"\bprose line (\d+)", r"lời văn, dòng \1", t)
    t = re.sub(r"\bline (\d+)", r"dòng \1", t)
    t = re.sub(r"\brow (\d+)", r"dòng \1", t)
    t = re.sub(r"\btable (\d+)", r"bảng \1", t)
    t = re.sub(r"\bprose\b", "lời văn", t)
    return re.sub(r"\bfootnote\b", "chú thích", t)


def source_line(src: SourceFacts) -> str:
    parts = []
    if src.title:
        parts.append(clean(src.title))
    if src.doc_number:
        parts.append(f"số {src.doc_number}")
    if src.ref:
        parts.append(_ref_text(src.ref))
    return "Nguồn: " + ", ".join(parts) + "." if parts else ""


def _where(src: SourceFacts) -> str:
    bits = [b for b in (src.locality, period_text(src.period_start, src.period_end)) if b]
    return " " + ", ".join(bits) if bits else ""


def _people(item: ItemFacts, leader_first: bool = False) -> list[str]:
    lines = []
    lead = f"Chỉ đạo: {clean(item.leader)}." if item.leader else ""
    resp = f"Phụ trách: {clean(item.responsible)}." if item.responsible else ""
    if leader_first:
        lines += [x for x in (lead, resp) if x]
    else:
        lines += [x for x in (resp, lead) if x]
    if item.coordinating:
        lines.append(f"Phối hợp: {clean(item.coordinating)}.")
    return lines


def deadline_words(item: ItemFacts) -> str:
    if item.deadline_text:
        text = clean(item.deadline_text)
        if item.due_date and item.due_date.strftime("%d/%m/%Y") not in text:
            text += f" (hạn cuối {item.due_date:%d/%m/%Y})"
        return text
    if item.due_date:
        return f"{item.due_date:%d/%m/%Y}"
    return ""


def progress_words(p: ProgressFacts) -> str:
    bits = [clean(p.value_text) if p.value_text else "", clean(p.assessment) if p.assessment else ""]
    text = "; ".join(b for b in bits if b) or (p.status or "")
    when = f" (cập nhật {p.reported_at:%d/%m/%Y})" if p.reported_at and not p.by_document else ""
    origin = " (theo kế hoạch)" if p.by_document else ""
    return f"{text}{when}{origin}"


def _conflict_lines(item: ItemFacts) -> list[str]:
    """The plan's other values for the item. A recorded conflict already lists
    every value, so the item's other targets are then not repeated."""
    if item.conflicts:
        return [
            "Lưu ý: kế hoạch ghi không thống nhất: " + "; ".join(_ref_text(clean(v)) for v in values) + "."
            for values in item.conflicts
        ]
    return [
        f"Lưu ý: kế hoạch còn ghi: {clean(text)}" + (f" ({_ref_text(clean(source))})." if source else ".")
        for source, text in item.other_targets
    ]


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


_DIGIT_THEN_UNIT = re.compile(r"(?<=\d)(?=[%‰]|[^\W\d_])")


def tidy(text: str) -> str:
    """A space between a figure and its unit ('95,1 %', '13 m²'), so a figure
    always reads as a word of its own."""
    return _DIGIT_THEN_UNIT.sub(" ", text)


# ---------------------------------------------------------------- one item


def item_answer(item: ItemFacts, intent: str, role: str | None = None) -> str:
    """The answer about one item, leading with what the intent asks."""
    return tidy(_item_answer(item, intent, role))


def milestone_answer(item: ItemFacts) -> str:
    """A dated sentence of the plan's prose: quoted, with its date; the plan names
    nobody for it."""
    due = f" (hạn cuối {item.due_date:%d/%m/%Y})" if item.due_date else ""
    lines = [
        f"Kế hoạch{_where(item.source)} ghi: «{clean(item.name)}».",
        f"Thời hạn: {clean(item.deadline_text)}{due}.",
        source_line(item.source),
    ]
    return "\n".join(x for x in lines if x)


def _item_answer(item: ItemFacts, intent: str, role: str | None) -> str:
    if item.kind == "reporting":
        return reporting_answer(item)
    if item.kind == "duty":
        return "\n".join(
            x for x in (f"{clean(item.name)}: {clean(item.solution)}", source_line(item.source)) if x
        )
    if item.kind == "milestone":
        return milestone_answer(item)
    if item.kind == "progress":
        lines = [
            f"{clean(item.name)}: {progress_words(item.progress) if item.progress else 'chưa có kết quả'}."
        ]
        lines.append(source_line(item.source))
        return "\n".join(x for x in lines if x)

    name = clean(item.name)
    fig = figure(item)
    dl = deadline_words(item)
    lines: list[str] = []
    if intent == "responsible":
        who = _people(item, leader_first=role == "leader")
        lines.append(f"«{name}»{_where(item.source)}:")
        if role == "leader" and who and not item.leader:
            lines.append("Kế hoạch không ghi lãnh đạo chỉ đạo mục này.")
        lines += who or ["Kế hoạch không ghi người phụ trách mục này."]
        if fig:
            lines.append(f"Chỉ tiêu: {fig}.")
        if dl:  # 'ai chỉ đạo, làm khi nào?': the deadline costs one line
            lines.append(f"Thời hạn: {dl}.")
    elif intent == "deadline":
        lines.append(
            f"«{name}»: thời hạn {dl}."
            if dl
            else f"«{name}»: kế hoạch không ghi thời hạn riêng{_where(item.source)}."
        )
        if fig:
            lines.append(f"Chỉ tiêu: {fig}.")
        lines += _people(item)
    elif intent == "progress":
        if item.progress:
            lines.append(f"Tiến độ «{name}»: {progress_words(item.progress)}.")
        else:
            lines.append(f"Chưa có báo cáo tiến độ cho «{name}».")
        if fig:
            lines.append(f"Chỉ tiêu kế hoạch{_where(item.source)}: {fig}.")
        lines += _people(item)
    else:
        if fig:
            lines.append(f"{name}{_where(item.source)}: {fig}.")
        elif item.kind == "task":
            lines.append(f"Nhiệm vụ «{name}»{_where(item.source)}.")
            if item.solution:
                lines.append(f"Giải pháp: {clean(item.solution)}")
        else:
            lines.append(f"«{name}»{_where(item.source)}: kế hoạch không ghi con số cụ thể.")
        if dl:
            lines.append(f"Thời hạn: {dl}.")
        lines += _people(item)
        if item.progress:
            lines.append(f"Tiến độ mới nhất: {progress_words(item.progress)}.")
    if item.period_figure:
        lines.append(f"Mục tiêu cả giai đoạn: {item.period_figure}.")
    lines += _conflict_lines(item)
    lines.append(source_line(item.source))
    return "\n".join(x for x in lines if x)


def reporting_answer(item: ItemFacts) -> str:
    lines = [f"Theo kế hoạch: {clean(item.name)}."]
    when = _reporting_when(item)
    if when:
        lines.append(f"Thời hạn báo cáo: {when}.")
    if item.report_to:
        lines.append(f"Gửi báo cáo cho: {clean(item.report_to)}.")
    lines.append(source_line(item.source))
    return "\n".join(x for x in lines if x)


SHORT_NAME = 160


def short_item(item: ItemFacts) -> str:
    """One line of a list: the name and what matters most about it."""
    name = clean(item.name).rstrip(" .:;,")
    if len(name) > SHORT_NAME:
        name = name[:SHORT_NAME].rsplit(" ", 1)[0] + "…"
    if item.kind == "reporting":
        when = _reporting_when(item)
        return f"{name}" + (f" ({when})" if when else "")
    bits = [b for b in (figure(item), deadline_words(item) if item.kind == "task" else "") if b]
    who = clean(item.responsible)
    text = name + (": " + "; ".join(bits) if bits else "")
    return text + (f" — {who}" if who else "")


def close_items_answer(items: list[ItemFacts], intent: str, role: str | None = None) -> str:
    """Two items matched about equally: answer both, the bot offers buttons."""
    parts = [f"Có {len(items)} mục gần với câu hỏi:"]
    for n, item in enumerate(items, 1):
        parts.append(f"{n}) " + item_answer(item, intent, role))
    return "\n".join(parts)


# ---------------------------------------------------------------- lists and the rest

LIST_LIMIT = 15


def list_answer(heading: str, items: list[ItemFacts], empty: str) -> str:
    return tidy(_list_answer(heading, items, empty))


def _list_answer(heading: str, items: list[ItemFacts], empty: str) -> str:
    if not items:
        return empty
    lines = [f"{heading} ({len(items)} mục):"]
    lines += [f"- {short_item(i)}" for i in items[:LIST_LIMIT]]
    if len(items) > LIST_LIMIT:
        lines.append(f"… và {len(items) - LIST_LIMIT} mục khác.")
    # items of two plans of one period (KH 141 beside KH 144) cite both
    sources = list(dict.fromkeys((i.source.title, i.source.doc_number) for i in items if i.source.title))
    if sources:
        cited = [clean(title) + (f", số {number}" if number else "") for title, number in sources]
        lines.append(f"Nguồn: {'; '.join(cited)}.")
    return "\n".join(lines)


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


def overview_answer(plan: PlanFacts) -> str:
    head = clean(plan.title) or "Kế hoạch"
    where = ", ".join(b for b in (plan.locality, period_text(plan.period_start, plan.period_end)) if b)
    lines = [f"{head}" + (f" ({where})" if where else "") + ":"]
    lines.append(
        f"{plan.indicators} chỉ tiêu, {plan.tasks} nhiệm vụ, {plan.reporting_rules} quy định về báo cáo."
    )
    if plan.groups:
        lines.append("Các nhóm: " + "; ".join(clean(g) for g in plan.groups[:8]) + ".")
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
    return "\n".join(lines)


def no_match(suggestions: list[str], where: str = "") -> str:
    head = (
        "Không tìm thấy chỉ tiêu hay nhiệm vụ nào khớp với câu hỏi"
        + (f" trong kế hoạch {where}" if where else "")
        + "."
    )
    if suggestions:
        return head + "\nCó phải bạn muốn hỏi: " + "; ".join(f"«{clean(s)}»" for s in suggestions) + "?"
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


# ---------------------------------------------------------------- small talk and out of scope

GREETING_REPLY = (
    "Xin chào! Tôi trả lời câu hỏi về chỉ tiêu, nhiệm vụ trong kế hoạch của xã/phường. "
    "Bạn hỏi thử: «Tỷ lệ hộ nghèo năm nay là bao nhiêu?» (gõ /help để xem thêm)."
)
THANKS_REPLY = "Không có gì ạ! Bạn cần hỏi thêm về kế hoạch của xã/phường thì cứ nhắn nhé."
GOODBYE_REPLY = "Tạm biệt bạn! Khi cần, cứ nhắn câu hỏi về kế hoạch của xã/phường."
CAN_ANSWER = (
    "Tôi chỉ trả lời về kế hoạch của xã/phường: chỉ tiêu, nhiệm vụ, ai phụ trách, thời hạn, "
    "tiến độ và lịch báo cáo. Ví dụ: «Ai phụ trách chỉ tiêu BHYT?»"
)
WEATHER_REPLY = "Tôi không có thông tin thời tiết. " + CAN_ANSWER
ENGLISH_REPLY = CAN_ANSWER + " Bạn hãy hỏi bằng tiếng Việt (có dấu hoặc không dấu)."
ENGLISH_LINE = (
    "English: I answer questions in Vietnamese about the targets and tasks of a commune's plans, "
    "e.g. «Tỷ lệ hộ nghèo năm nay là bao nhiêu?»."
)
_ENGLISH_SMALL_TALK = {
    "greeting": "English: hello! Ask me in Vietnamese about a commune's plans.",
    "thanks": "English: you are welcome.",
    "goodbye": "English: goodbye!",
}


def one_stop_shop(place: str | None) -> str:
    """Where procedures are done: the one-stop desk of the asker's place."""
    if place:
        return f"Bộ phận một cửa của UBND {place}"
    return "Bộ phận một cửa của UBND xã/phường nơi bạn cư trú"


def procedure_answer(place: str | None, civil: bool = False) -> str:
    what = "hộ tịch (khai sinh, kết hôn, khai tử …)" if civil else "thủ tục hành chính"
    head = (
        f"Tôi không hướng dẫn {what}. Bạn hãy liên hệ {one_stop_shop(place)}"
        " hoặc tra cứu trên Cổng dịch vụ công quốc gia (dichvucong.gov.vn)."
    )
    where = "" if place else " Chọn địa phương bằng /diaphuong <tên> để tôi chỉ đúng nơi."
    return head + where + "\n" + CAN_ANSWER


def small_talk_answer(kind: str, place: str | None = None, english: bool = False) -> str:
    """The reply to a message that is no question about the plans (knowledge.smalltalk)."""
    text = {
        "greeting": GREETING_REPLY,
        "thanks": THANKS_REPLY,
        "goodbye": GOODBYE_REPLY,
        "weather": WEATHER_REPLY,
        "civil_registration": procedure_answer(place, civil=True),
        "procedure": procedure_answer(place),
    }.get(kind, ENGLISH_REPLY)
    if english:
        text += "\n" + _ENGLISH_SMALL_TALK.get(kind, ENGLISH_LINE)
    return text
