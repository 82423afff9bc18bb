"""What every handler shares: the services object, the current user, sending
long HTML replies and callback-data helpers. (Per-user limits: handlers/budget.py,
applied by the inbox worker before any handler runs.)"""

from __future__ import annotations

import functools
import html
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from handlers import texts
from storage import audit, users
from storage.users import UserInfo

log = logging.getLogger(__name__)

MAX_MESSAGE = 4000  # Telegram's limit is 4096; leave room for entities
MAX_CALLBACK = 64  # bytes


@dataclass
class Services:
    """Created in the application's post_init, closed in post_shutdown."""

    engine: Any  # sqlalchemy Engine (handlers never touch SQLAlchemy themselves)
    admin_ids: frozenset[int]
    answers: Any  # object with .ask(question, locality=None) -> answer


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.application.bot_data["services"]


def current_user(update: Update, context: ContextTypes.DEFAULT_TYPE) -> UserInfo | None:
    """The sender as the bot sees them (created on first contact)."""
    sender = update.effective_user
    if sender is None or sender.is_bot:
        return None
    chat = update.effective_chat
    chat_id = chat.id if chat is not None and chat.type == "private" else None
    svc = services(context)
    return users.ensure_user(svc.engine, sender.id, chat_id, svc.admin_ids)


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


Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]


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
    audit.record(
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
