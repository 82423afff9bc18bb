"""Follow-up questions: 'ai phụ trách?', 'hạn khi nào?', 'còn Thiệu Dương thì sao?',
'năm 2024 thì sao?' continue the subject of the chat's last question.

    ctx = Context(intent="target", subject="tỷ lệ bảo hiểm y tế", item_name="Tỷ lệ …", locality="phường Đông Thọ")
    followup_question(parse_question("còn Thiệu Dương thì sao?", gaz), ctx)
    -> 'Tỷ lệ … phường Thiệu Dương'

Pure: the caller keeps the context (storage/chat_context.py). A question is a follow-up
when nothing of its own subject is left once the place, the year and the words that only
ask (who, when, how far, 'còn … thì sao') are taken out; it is then asked again with the
last subject, in the place and year it names or else those of the last question."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge import question as qn
from knowledge.text import clean

# Words that only ask, point back or fill (folded): a question made of these alone has no subject.
_ASKING = frozenset(
    [
        *[
            "con",
            "thi",
            "sao",
            "the",
            "nao",
            "vay",
            "a",
            "oi",
            "nhi",
            "nhe",
            "ha",
            "roi",
            "chua",
            "khong",
            "co",
            "la",
            "gi",
            "ai",
        ],
        *[
            "phu",
            "trach",
            "chu",
            "tri",
            "chiu",
            "nhiem",
            "tham",
            "muu",
            "phoi",
            "hop",
            "chi",
            "dao",
            "lanh",
            "don",
            "vi",
            "co",
            "quan",
            "nguoi",
        ],
        *[
            "han",
            "khi",
            "bao",
            "gio",
            "thoi",
            "hoan",
            "thanh",
            "tien",
            "do",
            "den",
            "dau",
            "nhieu",
            "nam",
            "nay",
            "o",
            "tai",
            "cua",
            "ben",
        ],
        *[
            "xa",
            "phuong",
            "tran",
            "ngay",
            "thang",
            "cuoi",
            "dat",
            "duoc",
            "lam",
            "thuc",
            "hien",
            "kia",
            "ay",
            "muc",
            "tieu",
            "chi",
        ],
        *["hien", "ket", "qua", "phai", "may", "sao", "ne", "vay", "nua", "thuoc", "giao", "cho"],
    ]
)
# Spoken frame around a follow-up, dropped before the question is asked again.
_FILLER = re.compile(
    r"^\s*(?:thế còn|the con|còn|con|vậy còn|vay con)\b|\b(?:thì sao|thi sao|thì thế nào|thi the nao|thế nào|the nao|ra sao|nữa|nua)\s*\??\s*$",
    re.IGNORECASE,
)
_FOLLOW_INTENTS = (qn.TARGET, qn.RESPONSIBLE, qn.DEADLINE, qn.PROGRESS)
# How the last question asked, when a follow-up only changes the place or the year.
_ASKED_AS = {
    qn.RESPONSIBLE: "ai phụ trách",
    qn.DEADLINE: "hạn khi nào",
    qn.PROGRESS: "tiến độ",
    qn.TARGET: "",
}


@dataclass
class Context:
    """The subject of a chat's last answered question."""

    intent: str | None = None
    subject: str | None = None  # the asker's own words for it ('tỷ lệ lao động qua đào tạo')
    item_kind: str | None = None
    item_id: int | None = None
    item_name: str | None = None  # the item the answer was about
    locality: str | None = None  # the place the answer was about
    year: int | None = None  # the year the question named


def own_words(q: qn.Question) -> list[str]:
    """The folded words of `q` that are neither its place, its year nor asking words."""
    span = range(q.place.start, q.place.end) if q.place else range(0)
    return [
        t.fold
        for i, t in enumerate(q.tokens)
        if i not in span and not t.fold.isdigit() and t.fold not in _ASKING
    ]


def is_followup(q: qn.Question, ctx: Context | None) -> bool:
    if ctx is None or not (ctx.subject or ctx.item_name):
        return False
    if q.intent.kind not in _FOLLOW_INTENTS or q.unknown_place:
        return False
    return not own_words(q) and bool(q.tokens)


def followup_question(q: qn.Question, ctx: Context) -> str:
    """`q` asked again about the last subject: its own asking words (or the last
    question's), the subject, then the place and the year it names or the last ones."""
    named_place = q.places[0].name if len(q.places) == 1 else None
    place = named_place or ctx.locality or ""
    same_place = not named_place or named_place == ctx.locality
    subject = (ctx.item_name if same_place else None) or ctx.subject or ctx.item_name or ""
    asked = _asking_text(q) if q.intent.kind != qn.TARGET else _ASKED_AS.get(ctx.intent or "", "")
    year = q.period.year or ctx.year
    parts = [asked, clean(subject), place, f"năm {year}" if year else ""]
    return " ".join(p for p in parts if p).strip()


def _asking_text(q: qn.Question) -> str:
    """The question's own words without its place, year and spoken frame ('ai phụ trách')."""
    span = range(q.place.start, q.place.end) if q.place else range(0)
    words = [t.acc for i, t in enumerate(q.tokens) if i not in span and not t.fold.isdigit()]
    text = " ".join(words)
    for _ in range(3):
        text = _FILLER.sub("", text).strip()
        text = re.sub(r"(?:^|\s)(?:năm|nam)\s*$", "", text).strip()
    return text


_CONTINUES = re.compile(r"^(?:the con|vay con|con)\b|\b(?:thi sao|thi the nao|the nao|ra sao)$")


def carried_over(q: qn.Question, ctx: Context | None) -> str:
    """'còn hộ nghèo thì sao?' after a question about Thiệu Dương: a new subject in the last
    place and year ('phường Thiệu Dương năm 2024' to add), when the question names neither."""
    if ctx is None or q.places or q.unknown_place or not _CONTINUES.search(q.folded):
        return ""
    if q.intent.kind not in _FOLLOW_INTENTS:
        return ""
    parts = [ctx.locality or "", f"năm {ctx.year}" if ctx.year and not q.period.year else ""]
    return " ".join(p for p in parts if p)


_EDGE = frozenset(["còn", "con", "thì", "thi", "sao", "thế", "the", "nào", "nao", "vậy", "vay", "nữa", "nua"])


def subject_words(words: list[str]) -> str:
    """The words of a subject without the spoken frame around it ('còn hộ nghèo thì sao')."""
    start, end = 0, len(words)
    while start < end and words[start] in _EDGE:
        start += 1
    while end > start and words[end - 1] in _EDGE:
        end -= 1
    return " ".join(words[start:end])
