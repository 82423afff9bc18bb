"""What every handler shares: the services object, the current user, sending
long HTML replies, callback-data helpers and the per-user question limit."""

from __future__ import annotations

import asyncio
import html
import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from storage import users
from storage.users import UserInfo

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_MESSAGE = 4000  # Telegram's limit is 4096; leave room for entities
MAX_CALLBACK = 64  # bytes


class QuestionLimiter:
    """Sliding window per user: at most `limit` questions in `window` seconds.
    A flood gets one polite notice, then silence until the window frees up."""

    def __init__(self, limit: int = 8, window: float = 30.0) -> None:
        self.limit, self.window = limit, window
        self._seen: dict[int, deque[float]] = {}
        self._warned: set[int] = set()

    def check(self, user_id: int, now: float | None = None) -> tuple[bool, bool, int]:
        """(allowed, warn_now, seconds_to_wait)."""
        now = time.monotonic() if now is None else now
        q = self._seen.setdefault(user_id, deque())
        while q and now - q[0] > self.window:
            q.popleft()
        if len(q) < self.limit:
            q.append(now)
            self._warned.discard(user_id)
            return True, False, 0
        wait = int(self.window - (now - q[0])) + 1
        warn = user_id not in self._warned
        self._warned.add(user_id)
        return False, warn, wait


@dataclass
class Services:
    """Created in the application's post_init, closed in post_shutdown."""

    engine: Any  # sqlalchemy Engine (handlers never touch SQLAlchemy themselves)
    admin_ids: frozenset[int]
    answers: Any  # object with .ask(question, locality=None) -> answer
    limiter: QuestionLimiter = field(default_factory=QuestionLimiter)


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.application.bot_data["services"]


async def run_blocking(fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """Run a storage call (or other blocking work) in a worker thread. A lock another
    process holds on the database (SQLite's busy wait, PostgreSQL's lock wait, up to
    PLANBOT_DB_BUSY_TIMEOUT) then holds up this update only, never the event loop:
    the poller, the sender's jobs and the webhook server keep running meanwhile."""
    return await asyncio.to_thread(fn, *args, **kwargs)


async def current_user(update: Update, context: ContextTypes.DEFAULT_TYPE) -> UserInfo | None:
    """The sender as the bot sees them (created on first contact)."""
    sender = update.effective_user
    if sender is None or sender.is_bot:
        return None
    chat = update.effective_chat
    chat_id = chat.id if chat is not None and chat.type == "private" else None
    svc = services(context)
    return await run_blocking(users.ensure_user, svc.engine, sender.id, chat_id, svc.admin_ids)


def esc(text: object) -> str:
    return html.escape(str(text) if text is not None else "", quote=False)


def split_message(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Split at line breaks (each line keeps its own tags closed) under `limit`."""
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:  # a single huge line: hard cut on a space
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            if current:
                chunks.append(current)
                current = ""
            chunks.append(line[:cut])
            line = line[cut:].lstrip()
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            current = line
        else:
            current = candidate
    if current.strip():
        chunks.append(current)
    return chunks or [""]


async def reply(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    text: str,
    buttons: list[list[tuple[str, str]]] | None = None,
) -> None:
    """Send an HTML reply in as many messages as needed; buttons go on the last.
    A button press without its message (too old) is answered in the private chat."""
    chat = update.effective_chat
    chat_id = chat.id if chat is not None else update.effective_user.id if update.effective_user else None
    if chat_id is None:
        return
    parts = split_message(text)
    for n, part in enumerate(parts):
        markup = keyboard(buttons) if buttons and n == len(parts) - 1 else None
        await context.bot.send_message(chat_id, part, reply_markup=markup)


def keyboard(rows: list[list[tuple[str, str]]]) -> InlineKeyboardMarkup:
    for row in rows:
        for _, data in row:
            if len(data.encode()) > MAX_CALLBACK:
                raise ValueError(f"callback data over {MAX_CALLBACK} bytes: {data!r}")
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label[:60], callback_data=data) for label, data in row] for row in rows]
    )


def args_text(context: ContextTypes.DEFAULT_TYPE) -> str:
    return " ".join(context.args or []).strip()


def command_text(update: Update) -> str:
    """Everything after the command, with the user's own spacing and line breaks."""
    msg = update.effective_message
    text = (msg.text or "") if msg else ""
    parts = text.split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


def item_ref(kind: str, item_id: int) -> str:
    return f"{'i' if kind == 'indicator' else 't'}{item_id}"


def parse_item_ref(ref: str) -> tuple[str, int] | None:
    """'i12' -> ('indicator', 12); anything else (forged, garbled) -> None."""
    if len(ref) < 2 or ref[0] not in "it" or not ref[1:].isdigit() or len(ref) > 12:
        return None
    return ("indicator" if ref[0] == "i" else "task"), int(ref[1:])


async def answer_callback(update: Update, text: str | None = None) -> None:
    query = update.callback_query
    if query is not None:
        try:
            await query.answer(text)
        except Exception:  # an old query id: answering is best effort
            log.debug("answerCallbackQuery failed", exc_info=True)
