"""Per-user budgets for every kind of update, applied before any handler runs.

Each (user, kind) pair has a token bucket: `burst` updates at once, earned back
at `burst` per `per` seconds. An update over budget is dropped without being
handled; the first one gets a polite notice, the next ones silence until the
bucket has filled up again (a steady flood gets one notice, not one per
refilled token).

Time is the update's own timestamp (Telegram's `date`) when it has one, so a
backlog read at once after a restart is judged by when the user sent it, not by
how fast the bot reads it."""

from __future__ import annotations

import logging
import math
import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from handlers import texts

if TYPE_CHECKING:  # bot/config.py reads the budgets without loading Telegram
    from telegram import Bot

log = logging.getLogger(__name__)

QUESTION, COMMAND, CALLBACK, REGISTRATION, OTHER = "question", "command", "callback", "registration", "other"
KINDS = (QUESTION, COMMAND, CALLBACK, REGISTRATION, OTHER)
# Kinds whose first dropped update gets a notice; 'other' (edits, group chatter,
# membership changes) gets no answer anyway.
NOTIFIED = frozenset({QUESTION, COMMAND, CALLBACK, REGISTRATION})
REGISTRATION_COMMANDS = frozenset({"dangky"})


@dataclass(frozen=True)
class Budget:
    burst: int  # updates allowed at once
    per: float  # seconds to earn the whole burst back

    @property
    def rate(self) -> float:
        return self.burst / self.per


DEFAULT_BUDGETS: dict[str, Budget] = {
    QUESTION: Budget(8, 30),  # what the question limit always was
    COMMAND: Budget(12, 60),
    CALLBACK: Budget(20, 60),
    REGISTRATION: Budget(3, 3600),  # a repeat only hears 'đang chờ duyệt' anyway
    OTHER: Budget(30, 60),
}


def parse_budgets(text: str) -> dict[str, Budget]:
    """'question=8/30, command=12/60' -> the defaults with those kinds replaced.
    Raises ValueError with a one-line message for the operator."""
    budgets = dict(DEFAULT_BUDGETS)
    for part in (p.strip() for p in re.split(r"[,;\s]+", text.strip()) if p.strip()):
        m = re.fullmatch(r"(\w+)=(\d{1,6})/(\d{1,7})", part)
        if m is None or m.group(1) not in KINDS or int(m.group(2)) < 1 or int(m.group(3)) < 1:
            raise ValueError(
                f"{part!r}: expected KIND=COUNT/SECONDS with KIND one of {', '.join(KINDS)}, e.g. command=12/60"
            )
        budgets[m.group(1)] = Budget(int(m.group(2)), float(m.group(3)))
    return budgets


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    notify: bool = False  # the first update over budget: tell the user once
    wait: int = 0  # seconds until one more update of this kind is allowed


ALLOWED = Verdict(True)


@dataclass
class _Bucket:
    tokens: float
    at: float
    warned: bool = False


class RateBudgets:
    """Token buckets per (user, kind). Not thread-safe; one event loop uses it."""

    def __init__(self, budgets: dict[str, Budget] | None = None, max_tracked: int = 50_000) -> None:
        self.budgets = dict(DEFAULT_BUDGETS if budgets is None else budgets)
        self.max_tracked = max_tracked
        self._buckets: dict[tuple[int, str], _Bucket] = {}
        self.dropped = 0

    def check(self, user_id: int, kind: str, at: float | None = None) -> Verdict:
        budget = self.budgets.get(kind)
        if budget is None:
            return ALLOWED
        at = time.time() if at is None else at
        key = (user_id, kind)
        bucket = self._buckets.get(key)
        if bucket is None:
            self._prune(at)
            bucket = self._buckets[key] = _Bucket(float(budget.burst), at)
        at = max(at, bucket.at)  # timestamps of different sources may step back a little
        bucket.tokens = min(float(budget.burst), bucket.tokens + (at - bucket.at) * budget.rate)
        bucket.at = at
        if bucket.tokens >= budget.burst:
            bucket.warned = False  # refilled: a later flood gets its notice again
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return ALLOWED
        self.dropped += 1
        wait = max(1, math.ceil((1.0 - bucket.tokens) / budget.rate))
        notify = not bucket.warned
        bucket.warned = True
        return Verdict(False, notify, wait)

    def _prune(self, now: float) -> None:
        """Forget buckets that have filled up again (the same as a fresh one), so
        the memory is bounded by the users active lately, not by all users ever."""
        if len(self._buckets) < self.max_tracked:
            return
        for key, b in list(self._buckets.items()):
            budget = self.budgets.get(key[1])
            if budget is None or b.tokens + (now - b.at) * budget.rate >= budget.burst:
                del self._buckets[key]
        if len(self._buckets) > self.max_tracked * 3 // 4:
            # Still crowded (that many users active at once): forget the longest-known
            # quarter — they start afresh — so that the next new user does not pay
            # for another full scan.
            for key in list(self._buckets)[: len(self._buckets) // 4]:
                del self._buckets[key]


@dataclass(frozen=True)
class Sender:
    """What the gate needs to know of a raw update (before it is parsed)."""

    user_id: int | None
    chat_id: int | None
    kind: str
    at: float | None  # Telegram's timestamp, when the update has one
    private: bool = False


def _command(text: str) -> str | None:
    if not text.startswith("/"):
        return None
    word = text.split(maxsplit=1)[0][1:] if text.strip() else ""
    return word.split("@", 1)[0].lower()


def _user_id(obj: Any) -> int | None:
    sender = obj.get("from") if isinstance(obj, dict) else None
    if isinstance(sender, dict) and isinstance(sender.get("id"), int):
        return int(sender["id"])
    return None


def _chat(msg: Any) -> tuple[int | None, bool]:
    chat = msg.get("chat") if isinstance(msg, dict) else None
    if not isinstance(chat, dict) or not isinstance(chat.get("id"), int):
        return None, False
    cid = int(chat["id"])
    return cid, (chat.get("type") == "private" if "type" in chat else cid > 0)


def _mentions(msg: dict[str, Any]) -> bool:
    entities = msg.get("entities")
    return isinstance(entities, list) and any(
        isinstance(e, dict) and e.get("type") == "mention" for e in entities
    )


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def classify(payload: dict[str, Any]) -> Sender:
    """Who sent the update, in which chat, and which budget it draws on."""
    query = payload.get("callback_query")
    if isinstance(query, dict):
        chat_id, private = _chat(query.get("message"))
        return Sender(_user_id(query), chat_id, CALLBACK, None, private)
    msg = payload.get("message")
    edited = payload.get("edited_message")
    if not isinstance(msg, dict) and isinstance(edited, dict) and isinstance(edited.get("text"), str):
        msg = edited  # an edited question is answered again: it draws on the same budget
    if isinstance(msg, dict):
        chat_id, private = _chat(msg)
        raw = msg.get("text")
        text = raw if isinstance(raw, str) else ""
        command = _command(text)
        if command is not None:
            kind = REGISTRATION if command in REGISTRATION_COMMANDS else COMMAND
        else:
            # group chatter is not answered; a question to '@bot' there is
            kind = QUESTION if private or _mentions(msg) else OTHER
        return Sender(
            _user_id(msg), chat_id, kind, _number(msg.get("edit_date")) or _number(msg.get("date")), private
        )
    for key, value in payload.items():  # edits, membership changes, polls, ...
        if key != "update_id" and isinstance(value, dict):
            chat_id, private = _chat(value)
            at = _number(value.get("edit_date")) or _number(value.get("date"))
            return Sender(_user_id(value), chat_id, OTHER, at, private)
    return Sender(None, None, OTHER, None)


def lane_key(payload: dict[str, Any]) -> str:
    """Updates with the same key are handled in order, one at a time: one per chat
    (a button press belongs to the chat of its message), else per user."""
    sender = classify(payload)
    if sender.chat_id is not None:
        return f"c{sender.chat_id}"
    if sender.user_id is not None:
        return f"u{sender.user_id}"
    return f"x{payload.get('update_id')}"


def wait_text(seconds: int) -> str:
    if seconds < 90:
        return f"{seconds} giây"
    minutes = math.ceil(seconds / 60)
    return f"{minutes} phút" if minutes < 90 else f"{math.ceil(minutes / 60)} giờ"


def notice_text(kind: str, wait: int) -> str:
    return texts.SLOW_DOWN_BY_KIND.get(kind, texts.SLOW_DOWN).format(wait=wait_text(wait))


async def send_notice(bot: Bot, payload: dict[str, Any], sender: Sender, verdict: Verdict) -> None:
    """The one polite notice: a message in the chat, or a short answer on the
    pressed button (the same place the user is looking)."""
    from telegram.error import TelegramError

    text = notice_text(sender.kind, verdict.wait)
    try:
        query = payload.get("callback_query")
        if sender.kind == CALLBACK and isinstance(query, dict) and query.get("id"):
            await bot.answer_callback_query(str(query["id"]), text=text, show_alert=False)
        elif sender.chat_id is not None:
            await bot.send_message(sender.chat_id, text)
    except TelegramError:
        log.warning("could not send the slow-down notice to %s", sender.chat_id, exc_info=True)
