"""/start [payload] and /help."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from handlers import texts
from handlers.common import board_button, current_user, esc, reply, run_blocking, services
from handlers.locality import locality_buttons
from storage import users


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Welcome; a deep-link payload ('/start dong-tho') may preselect the locality."""
    user = await current_user(update, context)
    svc = services(context)
    payload = " ".join(context.args or []).replace("-", " ").replace("_", " ").strip()
    options = None  # every place, unless the payload named several
    if user is not None and payload:
        found = await run_blocking(users.find_localities, svc.engine, payload)
        chosen = found[0] if len(found) == 1 else users.single_exact_locality(found, payload)
        if chosen is None and found and not users.is_exact_locality(found[0], payload):
            chosen = found[0]  # the closest fuzzy match
        if chosen is not None:
            await run_blocking(users.set_locality, svc.engine, user.telegram_id, chosen.key)
            user.locality_key, user.locality_name = chosen.key, chosen.label_now
        else:
            options = found or None
    text = texts.WELCOME
    if user is not None and user.locality_key:
        name = esc(user.locality_name or "")
        await reply(
            update, context, text + "\n" + texts.WELCOME_LOCALITY.format(name=name), board_button(svc)
        )
        return
    buttons = await locality_buttons(svc.engine, options)
    if buttons:
        await reply(update, context, text + "\n" + texts.CHOOSE_LOCALITY, buttons)
    else:
        await reply(update, context, text)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await reply(update, context, texts.HELP)
