"""How a plan's sentence is quoted in a reply (split from knowledge/passages.py): within a
phone's screen, where it stands in the plan, the clauses the question is about kept, a second
quote, the item behind it offered, the place named."""

from __future__ import annotations

import re

from knowledge.answer_text.fit import clip_focus
from knowledge.text import clean, fold


def _shorten(text: str, limit: int) -> str:
    text = text.rstrip(" :.;")
    if len(text) <= limit:
        return text
    at = text.rfind(" ", 0, limit)
    return text[: at if at > limit // 2 else limit].rstrip(" ,;:") + "…"


shorten = _shorten  # public: the sections and passages modules word their lines with it


def _clip_quote(text: str, limit: int, focus: tuple[str, ...]) -> str:
    """A passage within `limit`: its opening and, when it is longer, the clauses holding the
    question's words (`focus`, folded) rather than only its first clauses — the fact asked is
    often at the end of a long sentence ('… báo cáo kết quả thực hiện gửi về Sở Khoa học …')."""
    text = clean(text)
    head = _shorten(text, limit)
    if len(text) <= limit or not focus:
        return head
    asked = {w for w in focus if len(w) > 1}
    if asked & set(fold(text).split()) <= set(fold(head).split()):
        return head  # its opening holds every word asked that it holds at all
    return clip_focus(text, limit, focus).rstrip(" :;")


# ---------------------------------------------------------------- replies

REPLY_LIMIT = 600  # characters a quoted reply may take on a phone screen
_QUOTE_LIMIT = 440  # characters of one quote (its place in the plan and the reply's end take the rest)


def plan_name(doc_number: str | None, title: str | None) -> str:
    """'Kế hoạch số 0129/KH-UBND' (a decision: 'Quyết định số …'), else the title, shortened."""
    if doc_number:
        kind = "Quyết định" if re.search(r"/Q[ĐD]\b", doc_number) else "Kế hoạch"
        return f"{kind} số {doc_number}"
    return _shorten(clean(title) or "Kế hoạch", 80)


def quote_answer(
    text: str,
    plan: str,
    heading: str,
    location: str,
    place: str | None = None,
    short: bool = False,
    focus: tuple[str, ...] = (),
) -> str:
    """The passage as a quote with where it stands:
    'Kế hoạch số 0129/KH-UBND (tỉnh Đắk Lắk), mục IV. › 1. Sở Công Thương, ghi:\n«…»'."""
    where = plan + (f" ({place})" if place and place not in plan else "")
    if heading:
        where += f", mục {heading}"
    if location:
        where += f", {location}"
    room = max(160, min(_QUOTE_LIMIT, REPLY_LIMIT - len(where) - 12) if not short else 260)
    return f"{where}, ghi:\n«{_clip_quote(text, room, focus)}»"


def joined_text(first: str, second: str) -> str:
    """Two sentences of one section quoted together, whole: the quote is cut to a phone's screen
    later, keeping the clauses the question is about (`quote_answer`), wherever they stand."""
    head, end = clean(first), clean(first)[-1:]
    return f"{head if end in '.;:' else head + '.'} {clean(second)}"


SECOND_QUOTE = 3.0  # a second passage this close to the best is quoted too (one of them is likely it)


def second_quote(answer: str, text: str, heading: str, location: str, focus: tuple[str, ...] = ()) -> str:
    """A quote followed by a second, nearly as good passage of the same plan, if it fits."""
    where = ", ".join(x for x in (f"mục {heading}" if heading else "", location) if x)
    head = f"\nCũng trong kế hoạch{f' ({where})' if where else ''}:\n"
    room = REPLY_LIMIT + 100 - len(answer) - len(head)
    if room < 120:
        return answer
    return f"{answer}{head}«{_clip_quote(text, min(room, _QUOTE_LIMIT), focus)}»"


def did_you_mean(names: list[str], limit: int = 90) -> str:
    """'Có phải bạn hỏi: «…»?' — what was found, asked rather than asserted."""
    return "Có phải bạn hỏi: " + "; ".join(f"«{_shorten(clean(n), limit)}»" for n in names) + "?"


def hedged(name: str, answer: str) -> str:
    """An item that matches the question only in part: ask first, then say what the plan holds."""
    return f"{did_you_mean([name])}\nNếu đúng, kế hoạch ghi:\n{answer}"


def about_place(place: str, answer: str) -> str:
    """An answer about another place than the asker's own says which place it is about."""
    if fold(place) in fold(answer.split("\n", 1)[0]):
        return answer
    return f"Về {place}:\n{answer}"


def also_written(answer: str, text: str, heading: str, location: str, focus: tuple[str, ...] = ()) -> str:
    """An item answer followed by the passage that matches as well, within a phone's screen."""
    where = ", ".join(x for x in (f"mục {heading}" if heading else "", location) if x)
    head = f"\nKế hoạch còn ghi{f' ({where})' if where else ''}:\n"
    # 40: what the engine may still add ('(nay thuộc phường Hạc Thành)', the place asked about)
    room = REPLY_LIMIT - len(answer) - len(head) - 40
    if room < 80:  # no room left on the screen: the item's answer stands alone
        return answer
    return f"{answer}{head}«{_clip_quote(text, min(room, _QUOTE_LIMIT), focus)}»"


_MIN_KEPT_QUOTE = 60  # a quote cut shorter says nothing: its block goes instead


def within_screen(reply: str, limit: int = REPLY_LIMIT) -> str:
    """The reply within `limit` once the engine's notes are added before it ('Chưa có kế hoạch
    năm 2023 …', '(nay thuộc …)'): its last quote is cut to what is left, or dropped with its
    'Kế hoạch còn ghi' line when too little would be left of it."""
    excess = len(reply) - limit
    start, end = reply.rfind("«"), reply.rfind("»")
    if excess <= 0 or start < 0 or end < start:
        return reply
    quote = reply[start + 1 : end]
    keep = len(quote) - excess - 1
    if keep >= _MIN_KEPT_QUOTE:
        return f"{reply[: start + 1]}{_shorten(quote, keep)}{reply[end:]}"
    block = reply.rfind("\nKế hoạch còn ghi", 0, start)
    return reply[:block] + reply[end + 1 :] if block >= 0 else reply


def alternative(name: str, fact: str | None) -> str:
    """'Có phải bạn hỏi: «Tỷ lệ xã không ma túy» (80%)?' — the item behind a quote, with its fact."""
    text = did_you_mean([name], limit=70)
    return text[:-1] + f" ({_shorten(fact, 80)})?" if fact else text
