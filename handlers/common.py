"""What every handler shares: the services object, the current user, sending
long HTML replies and callback-data helpers. (Per-user limits: handlers/budget.py,
applied by the inbox worker before any handler runs.)"""

from __future__ import annotations

import asyncio
import functools
import html
import logging
import re
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update, WebAppInfo
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from handlers import texts
from storage import audit, users
from storage.users import UserInfo

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_MESSAGE = 4000  # Telegram's limit is 4096; leave room for entities
MAX_CALLBACK = 64  # bytes


@dataclass
class Services:
    """Created in the application's post_init, closed in post_shutdown."""

    engine: Any  # sqlalchemy Engine (handlers never touch SQLAlchemy themselves)
    admin_ids: frozenset[int]
    answers: Any  # object with .ask(question, locality=None) -> answer
    web_url: str | None = None  # the web board (PLANBOT_WEB_URL); None: no Mini App button


def board_button(svc: Services) -> list[list[tuple[str, str]]] | None:
    """'Xem bảng theo dõi': opens the web board in Telegram as a Mini App, which
    signs the user in and shows his place (an officer's own items first)."""
    return [[(texts.OPEN_BOARD, f"{svc.web_url}/app")]] if svc.web_url else None


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.application.bot_data["services"]


DEFAULT_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def local_tz(context: ContextTypes.DEFAULT_TYPE) -> tzinfo:
    """The bot's one time zone (PLANBOT_TIMEZONE, held by PTB's Defaults): every
    time a user reads — in a message, a spreadsheet or a chart — is in it."""
    defaults = context.application.bot.defaults
    return (defaults.tzinfo if defaults is not None else None) or DEFAULT_TZ


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


# What must never be cut: a tag (<a href="…">) or an entity (&amp;, &#39;).
_ATOM = re.compile(r"<[^<>]*>|&(?:#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ANY_TAG = re.compile(r"<[^<>]*>")
_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][\w-]*)[^<>]*?(/?)\s*>")


def _open_tags(text: str) -> tuple[list[bool], list[tuple[str, ...]]]:
    """For every position 0..len(text): may the text be cut there (not inside a
    tag or an entity), and the opening tags still open there."""
    cuttable = [True] * (len(text) + 1)
    stacks: list[tuple[str, ...]] = []
    stack: tuple[str, ...] = ()
    pos = 0
    for m in _ATOM.finditer(text):
        stacks.extend([stack] * (m.start() + 1 - pos))
        for i in range(m.start() + 1, m.end()):
            cuttable[i] = False
        stacks.extend([stack] * (m.end() - m.start() - 1))
        tag = _TAG.fullmatch(m.group())
        if tag is not None and tag.group(1):  # a closing tag: close up to its opening one
            names = [_tag_name(t).lower() for t in stack]
            name = tag.group(2).lower()
            if name in names:
                stack = stack[: len(names) - 1 - names[::-1].index(name)]
        elif tag is not None and not tag.group(3):
            stack = (*stack, m.group())
        pos = m.end()
    stacks.extend([stack] * (len(text) + 1 - pos))
    return cuttable, stacks


def _tag_name(opening: str) -> str:
    """'b' of '<b>', 'a' of '<a href="…">' (the stack holds only tags the pattern matched)."""
    tag = _TAG.fullmatch(opening)
    return tag.group(2) if tag else ""


def _closers(stack: tuple[str, ...]) -> str:
    return "".join(f"</{_tag_name(t)}>" for t in reversed(stack))


def split_message(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Split HTML into parts of at most `limit` characters, at a line break when
    one fits, else at a space, else anywhere — but never inside a tag or an
    entity. A tag open at a cut is closed at the end of the part and opened again
    at the start of the next, so each part is valid on its own (Telegram refuses
    the whole message otherwise)."""
    cuttable, stacks = _open_tags(text)
    parts: list[str] = []
    start, n = 0, len(text)
    while start < n:
        prefix = "".join(stacks[start])
        room = limit - len(prefix)
        if n - start + len(_closers(stacks[n])) <= room:
            end, resume = n, n
        else:
            end, resume = _cut(text, start, room, cuttable, stacks)
        part = prefix + text[start:end] + _closers(stacks[end])
        if _ANY_TAG.sub("", part).strip():  # not a part of tags and spaces only
            parts.append(part)
        start = resume
    return parts or [""]


def _cut(
    text: str, start: int, room: int, cuttable: list[bool], stacks: list[tuple[str, ...]]
) -> tuple[int, int]:
    """(end of this part, start of the next) for a part that cannot take the rest."""

    def fits(end: int) -> bool:
        return cuttable[end] and end - start + len(_closers(stacks[end])) <= room

    furthest = min(len(text), start + room)
    while furthest > start and not fits(furthest):
        furthest -= 1
    if furthest == start:  # one tag longer than a message: let it through whole
        furthest = next(i for i in range(start + 1, len(text) + 1) if cuttable[i])
        return furthest, furthest
    for sep, lowest in (("\n", start + 1), (" ", start + (furthest - start) // 2)):
        at = text.rfind(sep, lowest, furthest)
        while at > start and not fits(at):
            at = text.rfind(sep, lowest, at)
        if at > start:
            return at, at + 1
    return furthest, furthest


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
    """Buttons from (label, data); data that is an https:// address opens that page
    as a Telegram Mini App (the web board), anything else is callback data."""
    for row in rows:
        for _, data in row:
            if not data.startswith("https://") and len(data.encode()) > MAX_CALLBACK:
                raise ValueError(f"callback data over {MAX_CALLBACK} bytes: {data!r}")
    return InlineKeyboardMarkup([[_button(label, data) for label, data in row] for row in rows])


def _button(label: str, data: str) -> InlineKeyboardButton:
    if data.startswith("https://"):
        return InlineKeyboardButton(label[:60], web_app=WebAppInfo(data))
    return InlineKeyboardButton(label[:60], callback_data=data)


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


# a coroutine function, as PTB's handlers declare their callbacks
Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


def private_only(callback: Handler) -> Handler:
    """For what changes or reveals officers' data (/capnhat, /baocao, /dangky and
    their buttons): in a group every member would see the card, the report or the
    registration, so a group gets a short pointer to the private chat instead."""

    @functools.wraps(callback)
    async def guarded(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat = update.effective_chat
        if chat is None or chat.type == ChatType.PRIVATE:
            await callback(update, context)
        elif update.callback_query is not None:
            await _button_in_group(update, context, chat.id)
        else:
            await _command_in_group(update, context)

    return guarded


async def _command_in_group(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    msg = update.effective_message
    word = ((msg.text or "").split(maxsplit=1) or ["/"])[0] if msg else "/"
    command = word.split("@", 1)[0].lstrip("/")
    log.info("/%s in a group chat: pointed to the private chat", command)
    await reply(update, context, texts.PRIVATE_ONLY.format(command=esc(command), link=_bot_link(context)))


async def _button_in_group(update: Update, context: ContextTypes.DEFAULT_TYPE, chat_id: int) -> None:
    query = update.callback_query
    sender = update.effective_user
    data = (query.data or "") if query else ""
    log.warning("button %r pressed in group %s", data, chat_id)
    await run_blocking(
        audit.record,
        services(context).engine,
        str(sender.id) if sender else "?",
        "button_in_group",
        chat=chat_id,
        data=audit.clip(data, 64),
    )
    await answer_callback(update, texts.PRIVATE_ONLY_BUTTON)


def _bot_link(context: ContextTypes.DEFAULT_TYPE) -> str:
    try:
        username = context.bot.username
    except RuntimeError:  # not initialised: only in unit tests of a handler
        username = None
    return f"https://t.me/{username}" if username else texts.PRIVATE_CHAT_FALLBACK
