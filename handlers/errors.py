"""The error handler: log first, apologise to the user, keep running."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, TelegramError
from telegram.ext import ContextTypes

from handlers import texts
from handlers.common import run_blocking, services
from storage import users

log = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    uid = update.update_id if isinstance(update, Update) else None
    log.error("error while handling update %s", uid, exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    if isinstance(context.error, Forbidden):  # the user blocked the bot
        await run_blocking(users.mark_inactive, services(context).engine, update.effective_chat.id)
        return
    try:
        await context.bot.send_message(update.effective_chat.id, texts.APOLOGY)
    except TelegramError:
        log.warning("could not send the apology", exc_info=True)


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_chat is not None:
        await context.bot.send_message(update.effective_chat.id, texts.UNKNOWN_COMMAND)
