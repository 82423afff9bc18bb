"""The bot's answers in short, natural Vietnamese, built from plain facts.

Every user-facing sentence of the question-answering engine lives here, so
wording can be reviewed (and translated) in one place. Nothing here knows
where the facts came from."""

from __future__ import annotations

import dataclasses
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
    no: str = ""  # the item's own number in the plan ('12', '1.3', 'a)')
    section: str | None = None  # the heading it stands under ('Chỉ tiêu về Văn hóa-Xã hội')


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
    focus: tuple[str, ...] = ()  # the question's folded words: a long name keeps the part they are in
    cite: bool = True  # end with the source line (several items cite theirs once, together)


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


# ---------------------------------------------------------------- lengths (a phone's screen)

ANSWER_LIMIT = 600  # one answer; a reader on a phone sees it without scrolling far
CLOSE_LIMIT = 780  # two or three items answered together (each also offered as a button)
SOLUTION_LIMIT = 440  # a duty's summary
LINE_LIMIT = 180  # any other line ('Phụ trách: …', 'Giải pháp: …')
LIST_NAME = 90  # an item's name in a list


def clip(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word, '…' marking the cut."""
    text = clean(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-–(")
    return cut + "…"


# who-questions: a clause naming an agency ('… hoặc Sở Công Thương …') is what is asked
AGENCY = re.compile(
    r"\b(?:Sở|Ủy ban|UBND|Công an|Ban|Phòng|Trung tâm|Bộ|Văn phòng|Hội|Đoàn|Trạm|Công chức)\s+[A-ZĐÂ-Ỹ]"
)


def clip_focus(
    text: str, limit: int, focus: tuple[str, ...] = (), prefer: re.Pattern[str] | None = None
) -> str:
    """A long text cut to `limit` keeping its opening and the clauses that hold the
    question's words ('… Trong đó, ưu tiên hoàn thiện 11 cơ sở dữ liệu …'), in order,
    '…' marking what was left out."""
    text = clean(text)
    words = {w for w in focus if len(w) > 1}
    if len(text) <= limit or not words:
        return clip(text, limit)
    pieces = [q for p in _CLAUSE.split(text) if p for q in (_COMMA.split(p) if len(p) > limit // 2 else [p])]
    score = [len(words & set(fold(p).split())) + bool(prefer and prefer.search(p)) for p in pieces]
    keep = {0: clip(pieces[0], limit // 3)}
    used = len(keep[0])
    for n in sorted(range(1, len(pieces)), key=lambda n: (-score[n], n)):
        if score[n] == 0:
            break
        room = limit - used - 4
        if len(pieces[n]) > room:
            if room >= 40 and len(keep) == 1:  # the best clause, as much of it as fits
                keep[n] = clip(pieces[n], room)
                used += len(keep[n]) + 3
            continue
        keep[n] = pieces[n]
        used += len(pieces[n]) + 3
    if len(keep) == 1:
        return clip(text, limit)
    out, last = "", -1
    for n in sorted(keep):
        piece = keep[n]
        gap = n != last + 1
        out += (" … " if gap and out else " " if out else "") + piece
        last = n
    return out + (" …" if last < len(pieces) - 1 else "")


_CLAUSE = re.compile(r"(?<=[.;:])\s+|\s+(?=\(\d+\)\s)")
_COMMA = re.compile(r"(?<=,)\s+")


def _drop_optional(lines: list[str], optional: set[int], limit: int) -> list[str]:
    """Lines left out (as '') from the last optional one back until the text fits."""
    out = list(lines)
    for n in sorted(optional, reverse=True):
        if len("\n".join(x for x in out if x)) <= limit:
            break
        out[n] = ""
    return out


def fit(lines: list[str], optional: set[int] | None = None, limit: int = ANSWER_LIMIT) -> str:
    """The lines joined, within `limit`: the optional ones (by index) are left out last
    first until it fits, then every line but the first and the last is clipped, then
    the first."""
    keep = [x for x in _drop_optional(lines, optional or set(), limit) if x]
    text = "\n".join(keep)
    if len(text) > limit and len(keep) > 2:
        room = max(60, (limit - len(keep[0]) - len(keep[-1])) // (len(keep) - 2))
        keep = [keep[0]] + [clip(x, room) for x in keep[1:-1]] + [keep[-1]]
        text = "\n".join(keep)
    if len(text) > limit:  # a long first line is cut last
        keep[0] = clip(keep[0], max(60, len(keep[0]) - (len(text) - limit)))
        text = "\n".join(keep)
    return text


# ---------------------------------------------------------------- where it is written

_DOC_KIND = re.compile(r"/\s*([A-ZĐ][A-Za-zĐđ]*)")
_TABLE_ROW = re.compile(r"^table (\d+),? row (\d+)$")
_TABLE = re.compile(r"^table (\d+)$")
_LINE = re.compile(r"^(prose )?line \d+$")
_GOOD_SECTION = re.compile(r"[^\W\d_]{2,}.*\s.*[^\W\d_]{2,}")  # two words at least ('2030' is none)
# a heading that is really a piece of the title or of the preamble ('UBND tỉnh … ban hành Kế hoạch …')
_NOT_SECTION = re.compile(
    r"\b(?:ban hanh|ke hoach|quyet dinh so|chi thi so|nghi quyet so|ubnd|uy ban nhan dan)\b"
)


def _section(text: str | None) -> str:
    """The heading an item stands under, when it reads as one: short, not in capitals."""
    t = clean(text).strip(" .:;,")
    if not t or len(t) > 60 or t.isupper() or not _GOOD_SECTION.search(t) or _NOT_SECTION.search(fold(t)):
        return ""
    return t


def plan_short(src: SourceFacts) -> str:
    """The plan as its number ('KH 23/KH-UBND', 'QĐ 23/QĐ-UBND'), else a short title."""
    number = clean(src.doc_number)
    if number:
        kind = _DOC_KIND.search(number)
        return f"{kind.group(1)} {number}" if kind else f"số {number}"
    title = clean(src.title)
    if title and len(title) <= 60:
        return title
    return " ".join(b for b in ("Kế hoạch", period_text(src.period_start, src.period_end)) if b)


def _number_in_plan(no: str) -> str:
    no = clean(no).strip("() .")
    return f"STT {no}" if no and len(no) <= 8 else ""


def place_in_plan(src: SourceFacts) -> str:
    """Where the item stands as a reader of the PDF finds it: its table and row or its
    heading and number ('bảng 2 · STT 5', 'Chỉ tiêu về Văn hóa-Xã hội · STT 12'). A line
    of the text file the plan was read from means nothing to them and is not shown."""
    ref = clean(src.ref)
    number = _number_in_plan(src.no)
    section = _section(src.section)
    if m := _TABLE_ROW.match(ref):
        return f"bảng {m.group(1)} · " + (number or f"dòng {m.group(2)}")
    if m := _TABLE.match(ref):
        return " · ".join(b for b in (f"bảng {m.group(1)}", number) if b)
    if not ref or _LINE.match(ref):
        where = section or ("phần lời văn" if ref.startswith("prose") else "")
        return " · ".join(b for b in (where, number) if b)
    return _ref_text(ref)  # the plan's own label ('Biểu số 01 dòng 3')


def _ref_text(ref: str) -> str:
    """Extractors cite places in English ('table 2 row 5', 'prose line 41'); a text-file
    line number is dropped."""
    t = re.sub(r"\btable (\d+),? row (\d+)", r"bảng \1, dòng \2", ref or "")
    t = re.sub(r"\bprose line \d+", "lời văn", t)
    t = re.sub(r",?\s*\bline \d+", "", t)
    t = re.sub(r"\brow (\d+)", r"dòng \1", t)
    t = re.sub(r"\btable (\d+)", r"bảng \1", t)
    t = re.sub(r"\bprose\b", "lời văn", t)
    t = re.sub(r"\bfootnote\b", "chú thích", t)
    return re.sub(r"\s*\(\s*\)", "", t).strip(" ,")


def source_line(src: SourceFacts) -> str:
    """'Nguồn: KH 23/KH-UBND · bảng 2 · STT 5.'"""
    parts = [b for b in (plan_short(src), place_in_plan(src)) if b]
    return "Nguồn: " + " · ".join(parts) + "." if parts else ""


def _where(src: SourceFacts) -> str:
    """' — xã Hưng Đông, năm 2023': set apart from the name, so 'Tổng thu ngân sách xã'
    does not read 'ngân sách xã xã Hưng Đông'."""
    bits = [b for b in (src.locality, period_text(src.period_start, src.period_end)) if b]
    return " — " + ", ".join(bits) if bits else ""


def _of_place(src: SourceFacts) -> str:
    """' xã Hưng Đông, năm 2023' after a word of ours ('Kế hoạch xã Hưng Đông, năm 2023 ghi')."""
    bits = [b for b in (src.locality, period_text(src.period_start, src.period_end)) if b]
    return " " + ", ".join(bits) if bits else ""


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


def _conflict_lines(item: ItemFacts) -> list[str]:
    """The plan's other values for the item, in Vietnamese figures and without the one
    already given. A recorded conflict lists every value, so the item's other targets
    are then not repeated."""
    shown = fold(figure(item))
    if item.conflicts:
        values = [vn_numbers(_ref_text(clean(v))) for c in item.conflicts for v in c]
    else:
        values = [
            vn_numbers(clean(text)) + (f" ({_ref_text(clean(source))})" if _ref_text(clean(source)) else "")
            for source, text in item.other_targets
        ]
    values = [re.sub(r"\s*\(\s*\)", "", v) for v in values]
    others = [v for v in dict.fromkeys(values) if v and fold(re.sub(r"\s*\(.*", "", v)) not in (shown, "")]
    others = [v for v in others if not shown.startswith(fold(re.sub(r"\s*\(.*", "", v)) + " ")]
    return [_end("Kế hoạch còn ghi: " + "; ".join(others))] if others else []


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


def item_answer(item: ItemFacts, intent: str, role: str | None = None, limit: int = ANSWER_LIMIT) -> str:
    """The answer about one item, leading with what the intent asks, short enough for a
    phone: what may go goes first, then a long name keeps the clauses the question is about."""
    name = clean(item.name)
    lines, optional = _item_lines(item, intent, role, name)
    kept = _drop_optional(lines, optional, limit)
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
        f"Kế hoạch{_of_place(item.source)} ghi: «{name}».",
        _end(f"Thời hạn: {clean(item.deadline_text)}{due}"),
        source_line(item.source) if item.cite else "",
    ]


def _item_lines(item: ItemFacts, intent: str, role: str | None, name: str) -> tuple[list[str], set[int]]:
    """The lines of an answer (`name` as it may be shortened), and which of them may go
    when it is too long."""
    if item.kind == "reporting":
        return reporting_answer(item, name), set()
    if item.kind == "duty":
        return [
            f"{name}: {clip(item.solution or '', SOLUTION_LIMIT)}",
            source_line(item.source) if item.cite else "",
        ], set()
    if item.kind == "milestone":
        return milestone_answer(item, name), set()
    if item.kind == "progress":
        done = progress_words(item.progress) if item.progress else "chưa có kết quả"
        return [_end(f"{name}: {done}"), source_line(item.source) if item.cite else ""], set()

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
    lines = [f"«{name}»{_where(item.source)}:"]
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
        else f"«{name}»: kế hoạch{_of_place(item.source)} không ghi thời hạn riêng."
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
        lines.append(f"Chỉ tiêu kế hoạch{_of_place(item.source)}: {fig}.")
    return lines + _people(item)


def _what_lines(item: ItemFacts, name: str, fig: str, dl: str) -> tuple[list[str], set[int]]:
    """Any other question: the figure (or a task's solution), deadline, people, progress;
    and which lines may go when the answer is too long."""
    lines: list[str] = []
    optional: set[int] = set()
    if fig:
        lines.append(f"{name}{_where(item.source)}: {fig}.")
    elif item.kind == "task":
        lines.append(f"Nhiệm vụ «{name}»{_where(item.source)}.")
        if item.solution:
            optional.add(len(lines))
            lines.append(_end(f"Giải pháp: {clip_focus(item.solution, 2 * LINE_LIMIT, item.focus)}"))
    else:
        lines.append(f"«{name}»{_where(item.source)}: kế hoạch không ghi con số cụ thể.")
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


def short_item(item: ItemFacts, name_limit: int = LIST_NAME) -> str:
    """One line of a list: the name and what matters most about it."""
    name = clip(item.name, name_limit).rstrip(" .:;,")
    if item.kind == "reporting":
        when = _reporting_when(item)
        return f"{name}" + (f" ({when})" if when else "")
    due = clean(item.deadline_text) or (f"{item.due_date:%d/%m/%Y}" if item.due_date else "")
    bits = [b for b in (figure(item), clip(due, 40) if item.kind == "task" else "") if b]
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
        said = {k: _said_before(getattr(item, k), seen) for k in ("name", "solution")}
        shown = dataclasses.replace(item, cite=False)
        if said["name"]:
            shown.name = SAME_TEXT
        if said["solution"]:
            shown.solution = SAME_TEXT
        if said["name"] and item.kind == "task" and item.solution and not said["solution"]:
            # one task of the plan's table split by its solutions: the solution tells them apart
            shown.name = f"{clip(item.name, 50)} — giải pháp: {clip(item.solution, 100)}"
        parts.append(f"{n}) " + item_answer(shown, intent, role, limit=share))
    return "\n".join([*parts, cite] if cite else parts)


SAME_TEXT = "(cùng đoạn văn ở trên)"


def _said_before(text: str | None, seen: set[str]) -> bool:
    key = fold(text)[:120]
    if len(key) < 40:  # a short name ('Trạm Y tế') may well come twice
        return False
    if key in seen:
        return True
    seen.add(key)
    return False


def sources_line(sources: list[SourceFacts]) -> str:
    """'Nguồn: KH 157/KH-UBND · STT 3; STT 2.' — each plan once, then where each item stands."""
    by_plan: dict[str, list[str]] = {}
    for src in sources:
        by_plan.setdefault(plan_short(src), []).append(place_in_plan(src))
    cited = [
        " · ".join(b for b in (plan, "; ".join(dict.fromkeys(w for w in where if w))) if b)
        for plan, where in by_plan.items()
    ]
    cited = [c for c in cited if c]
    return "Nguồn: " + "; ".join(cited) + "." if cited else ""


# ---------------------------------------------------------------- lists and the rest

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


def overview_answer(plan: PlanFacts) -> str:
    head = clip(plan.title or "", 160) or "Kế hoạch"
    where = ", ".join(b for b in (plan.locality, period_text(plan.period_start, plan.period_end)) if b)
    lines = [f"{head}" + (f" ({where})" if where else "") + ":"]
    lines.append(
        f"{plan.indicators} chỉ tiêu, {plan.tasks} nhiệm vụ, {plan.reporting_rules} quy định về báo cáo."
    )
    if plan.groups:
        lines.append("Các nhóm: " + "; ".join(clip(g, 60) for g in plan.groups[:6]) + ".")
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
