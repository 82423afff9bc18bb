"""/start [payload] and /help."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from handlers import texts
from handlers.common import current_user, reply, services
from handlers.locality import locality_buttons
from storage import users


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Welcome; a deep-link payload ('/start dong-tho') may preselect the locality."""
    user = current_user(update, context)
    svc = services(context)
    payload = " ".join(context.args or []).replace("-", " ").replace("_", " ").strip()
    if user is not None and payload:
        found = users.find_localities(svc.engine, payload, limit=1)
        if found:
            users.set_locality(svc.engine, user.telegram_id, found[0].key)
            user.locality_key, user.locality_name = found[0].key, found[0].name
    text = texts.WELCOME
    if user is not None and user.locality_key:
        await reply(update, context, text + "\n" + texts.WELCOME_LOCALITY.format(name=user.locality_name))
        return
    buttons = locality_buttons(svc.engine)
    if buttons:
        await reply(update, context, text + "\n" + texts.CHOOSE_LOCALITY, buttons)
    else:
        await reply(update, context, text)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await reply(update, context, texts.HELP)
