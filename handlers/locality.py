"""/diaphuong [tên]: choose the locality by fuzzy name or by buttons."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ContextTypes

from handlers import texts
from handlers.common import (
    answer_callback,
    board_button,
    command_text,
    current_user,
    esc,
    reply,
    run_blocking,
    services,
)
from storage import users

log = logging.getLogger(__name__)
PREFIX = "loc:"


async def locality_buttons(
    engine: object, options: list[users.LocalityInfo] | None = None
) -> list[list[tuple[str, str]]]:
    options = await run_blocking(users.list_localities, engine) if options is None else options
    return [[(loc.label, f"{PREFIX}{loc.id}")] for loc in options[:20]]


async def choose(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user = await current_user(update, context)
    svc = services(context)
    query = command_text(update)
    if not query:
        buttons = await locality_buttons(svc.engine)
        await reply(update, context, texts.CHOOSE_LOCALITY if buttons else texts.NO_LOCALITY_DATA, buttons)
        return
    found = await run_blocking(users.find_localities, svc.engine, query)
    chosen = found[0] if len(found) == 1 else users.single_exact_locality(found, query)
    if chosen is not None:
        if user is not None:
            await run_blocking(users.set_locality, svc.engine, user.telegram_id, chosen.key)
        await reply(update, context, texts.LOCALITY_SET.format(name=esc(chosen.label_now)), board_button(svc))
    elif found:
        await reply(update, context, texts.LOCALITY_PICK, await locality_buttons(svc.engine, found))
    else:
        buttons = await locality_buttons(svc.engine)
        await reply(update, context, texts.LOCALITY_NOT_FOUND.format(query=esc(query)), buttons)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    data = (query.data or "") if query else ""
    ref = data.removeprefix(PREFIX)
    svc = services(context)
    loc = (
        await run_blocking(users.locality_by_id, svc.engine, int(ref))
        if ref.isdigit() and len(ref) < 10
        else None
    )
    if loc is None:
        log.warning(
            "stale or forged locality button %r from %s",
            data,
            update.effective_user.id if update.effective_user else "?",
        )
        await answer_callback(update, texts.BUTTON_EXPIRED)
        return
    await answer_callback(update)
    user = await current_user(update, context)
    if user is not None:
        await run_blocking(users.set_locality, svc.engine, user.telegram_id, loc.key)
    await reply(update, context, texts.LOCALITY_SET.format(name=esc(loc.label_now)), board_button(svc))
