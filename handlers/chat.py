"""What is not a plain new text message in a private chat: a photo, voice note
or sticker (the bot reads text only, and says so), an edited question (answered
again, as the asker expects) and a question to '@bot' in a group."""

from __future__ import annotations

import logging

from telegram import MessageEntity, Update
from telegram.ext import ContextTypes

from handlers import ask, texts
from handlers.common import esc, reply

log = logging.getLogger(__name__)


async def not_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await reply(update, context, texts.ONLY_TEXT)


def _bot_username(context: ContextTypes.DEFAULT_TYPE) -> str:
    try:
        return (context.bot.username or "").lower()
    except RuntimeError:  # not initialised: only in unit tests of a handler
        return ""


def mentioned_question(text: str, mentions: list[str], username: str) -> str | None:
    """The text without the bot's '@name' when the message mentions the bot; None otherwise."""
    found = next((at for at in mentions if username and at.lower() == "@" + username), None)
    if found is None:
        return None
    return " ".join(text.replace(found, " ").split())


async def mention(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """'@planbot tỷ lệ hộ nghèo' in a group: answered there like a private question."""
    msg = update.effective_message
    if msg is None or not msg.text:
        return
    username = _bot_username(context)
    mentions = list(msg.parse_entities([MessageEntity.MENTION]).values())  # PTB counts UTF-16 offsets
    question = mentioned_question(msg.text, mentions, username)
    if question is None:
        return  # talk among the members, not to the bot
    if not question:
        await reply(update, context, texts.MENTION_EMPTY.format(bot=esc(username)))
        return
    await ask.answer_text(update, context, question)
