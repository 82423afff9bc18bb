"""/theodoi and /huytheodoi: the monthly digest."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from handlers import texts
from handlers.common import current_user, reply, run_blocking, services
from storage import users


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user = await current_user(update, context)
    if user is not None:
        await run_blocking(users.set_subscription, services(context).engine, user.telegram_id, True)
    await reply(update, context, texts.SUBSCRIBED)


async def unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user = await current_user(update, context)
    if user is not None:
        await run_blocking(users.set_subscription, services(context).engine, user.telegram_id, False)
    await reply(update, context, texts.UNSUBSCRIBED)
