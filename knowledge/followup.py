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

# Phrases that only ask, point back or fill (folded): a question made of these alone has no
# subject. Phrases, not loose words: 'quan' alone is part of 'giao quân', only 'cơ quan nào' asks.
_ASKING = frozenset(
    p
    for p in [
        "ai",
        "la ai",
        "ai lam",
        "nguoi nao",
        "don vi nao",
        "co quan nao",
        "bo phan nao",
        "can bo nao",
        "ban nganh nao",
        "phu trach",
        "chu tri",
        "chiu trach nhiem",
        "tham muu",
        "phoi hop",
        "chi dao",
        "lanh dao",
        "thuc hien",
        "nguoi",
        "han",
        "han chot",
        "thoi han",
        "han cuoi",
        "khi nao",
        "bao gio",
        "luc nao",
        "ngay nao",
        "thang nao",
        "den bao gio",
        "hoan thanh",
        "xong",
        "tien do",
        "den dau",
        "toi dau",
        "the nao",
        "ra sao",
        "nhu the nao",
        "bao nhieu",
        "dat",
        "dat duoc",
        "ket qua",
        "hien nay",
        "hien tai",
        "den nay",
        "con",
        "thi",
        "sao",
        "the",
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
        "nua",
        "nao",
        "nam",
        "nay",
        "nam nay",
        "o",
        "tai",
        "cua",
        "ben",
        "xa",
        "phuong",
        "thi tran",
        "chi tieu",
        "muc tieu",
        "nhiem vu",
        "cong viec",
        "viec",
        "do",
        "kia",
        "ay",
        "muc",
        "phai",
        "giao cho",
        "duoc giao",
        "lam",
        "cho",
        "ve",
        "duoc",
        "da",
    ]
)
_LONGEST = max(len(p.split()) for p in _ASKING)
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
    """The folded words of `q` that are neither its place, its year nor asking phrases."""
    span = range(q.place.start, q.place.end) if q.place else range(0)
    words = [t.fold for i, t in enumerate(q.tokens) if i not in span and not t.fold.isdigit()]
    out, i = [], 0
    while i < len(words):
        n = next(
            (
                n
                for n in range(_LONGEST, 0, -1)
                if " ".join(words[i : i + n]) in _ASKING and i + n <= len(words)
            ),
            0,
        )
        if n:
            i += n
        else:
            out.append(words[i])
            i += 1
    return out


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
