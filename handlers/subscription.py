"""/theodoi and /huytheodoi: the monthly digest of the user's place. Without a
place the digest would have nothing to be about, so /theodoi asks for it first
('sub:<locality id>' buttons subscribe to the place pressed)."""

from __future__ import annotations

import logging
from datetime import datetime

from telegram import Update
from telegram.ext import ContextTypes

from handlers import texts
from handlers.common import answer_callback, current_user, esc, local_tz, reply, run_blocking, services
from storage import users

log = logging.getLogger(__name__)
PREFIX = "sub:"


def first_digest_month(context: ContextTypes.DEFAULT_TYPE) -> str:
    """Digests start from the month after subscribing (storage/reminders.py)."""
    today = datetime.now(local_tz(context)).date()
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return f"{month:02d}/{year}"


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    user = await current_user(update, context)
    if user is None:
        return
    if not user.locality_key:
        places = await run_blocking(users.list_localities, svc.engine)
        buttons = [[(loc.label, f"{PREFIX}{loc.id}")] for loc in places[:20]]
        await reply(
            update, context, texts.SUBSCRIBE_NEED_LOCALITY if buttons else texts.NO_LOCALITY_DATA, buttons
        )
        return
    place = esc(user.locality_name or "")
    if user.subscribed:
        await reply(update, context, texts.ALREADY_SUBSCRIBED.format(place=place))
        return
    await run_blocking(users.set_subscription, svc.engine, user.telegram_id, True)
    await reply(update, context, texts.SUBSCRIBED.format(place=place, month=first_digest_month(context)))


async def on_place(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A place chosen for the digest: it becomes the user's place, and he is subscribed."""
    query = update.callback_query
    ref = ((query.data or "") if query else "").removeprefix(PREFIX)
    svc = services(context)
    loc = (
        await run_blocking(users.locality_by_id, svc.engine, int(ref))
        if ref.isdigit() and len(ref) < 10
        else None
    )
    user = await current_user(update, context)
    if loc is None or user is None:
        log.warning("stale or forged subscription button %r", ref)
        await answer_callback(update, texts.BUTTON_EXPIRED)
        return
    await answer_callback(update)
    await run_blocking(users.set_locality, svc.engine, user.telegram_id, loc.key)
    await run_blocking(users.set_subscription, svc.engine, user.telegram_id, True)
    await reply(
        update, context, texts.SUBSCRIBED.format(place=esc(loc.label_now), month=first_digest_month(context))
    )


async def unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user = await current_user(update, context)
    if user is not None:
        await run_blocking(users.set_subscription, services(context).engine, user.telegram_id, False)
    await reply(update, context, texts.UNSUBSCRIBED)
