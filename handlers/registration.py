"""/dangky <họ tên> - <chức danh/đơn vị> and the admins' 'Duyệt'/'Từ chối' buttons."""

from __future__ import annotations

import logging
import re

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from handlers import texts
from handlers.common import (
    answer_callback,
    command_text,
    current_user,
    esc,
    keyboard,
    reply,
    run_blocking,
    services,
)
from storage import users

log = logging.getLogger(__name__)
PREFIX = "rg:"
# rg:a:<request>:<party> approves with that party; rg:r:<request> rejects.
_DATA = re.compile(r"rg:(?:a:(\d{1,10}):(\d{1,10})|r:(\d{1,10}))")
_NAME_TITLE = re.compile(r"\s*[-–—:|]\s*|\s*,\s+")


def split_name_title(text: str) -> tuple[str, str] | None:
    parts = _NAME_TITLE.split(text.strip(), maxsplit=1)
    if len(parts) != 2:
        return None
    name, title = parts[0].strip(), parts[1].strip()
    if len(name) < 2 or len(title) < 2 or len(name) > 100 or len(title) > 200:
        return None
    return name, title


async def register(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user = await current_user(update, context)
    svc = services(context)
    sender = update.effective_user
    if user is None or sender is None or users.is_special_sender(sender.id):
        await reply(update, context, texts.REGISTER_FORBIDDEN)
        return
    parsed = split_name_title(command_text(update))
    if parsed is None:
        await reply(update, context, texts.REGISTER_USAGE)
        return
    if not user.locality_key:
        await reply(update, context, texts.REGISTER_NEED_LOCALITY)
        return
    admins = await run_blocking(users.admin_chat_ids, svc.engine, svc.admin_ids)
    if not admins:
        await reply(update, context, texts.REGISTER_NO_ADMIN)
        return
    name, title = parsed
    reg = await run_blocking(
        users.request_registration, svc.engine, user.telegram_id, name, title, user.locality_key
    )
    await reply(update, context, texts.REGISTER_SENT)  # after the commit above
    rows = [
        [(texts.BTN_APPROVE.format(party=c.display), f"{PREFIX}a:{reg.id}:{c.id}")] for c in reg.candidates
    ]
    rows.append([(texts.BTN_REJECT, f"{PREFIX}r:{reg.id}")])
    body = texts.ADMIN_NEW_REQUEST.format(
        name=esc(name),
        user_id=reg.user_id,
        title=esc(title),
        locality=esc(reg.locality_name or "?"),
        hint=texts.ADMIN_PICK_PARTY if reg.candidates else texts.ADMIN_NO_CANDIDATE,
    )
    for chat_id in admins:
        try:
            await context.bot.send_message(chat_id, body, reply_markup=keyboard(rows))
        except TelegramError:
            log.warning("could not notify admin chat %s", chat_id, exc_info=True)


async def on_decision(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    sender = update.effective_user
    data = (query.data or "") if query else ""
    match = _DATA.fullmatch(data)
    if match is None or sender is None:
        log.warning("forged registration button %r from %s", data, sender.id if sender else "?")
        await answer_callback(update, texts.BUTTON_EXPIRED)
        return
    svc = services(context)
    request_id = int(match.group(1) or match.group(3))
    party_id = int(match.group(2)) if match.group(2) else None
    decision = await run_blocking(
        users.decide_registration, svc.engine, request_id, sender.id, party_id, svc.admin_ids
    )
    if decision.reason == "forbidden":
        log.warning("non-admin %s pressed a registration button", sender.id)
        await answer_callback(update, texts.ADMIN_ONLY)
        return
    if not decision.ok:
        if decision.reason != "already":
            log.warning("registration button %r refused: %s", data, decision.reason)
        await answer_callback(
            update, texts.ADMIN_ALREADY if decision.reason == "already" else texts.BUTTON_EXPIRED
        )
        return
    await answer_callback(update)
    name = str(decision.user_id)
    if decision.reason == "approved":
        admin_text = texts.ADMIN_APPROVED.format(name=esc(name), party=esc(decision.party))
        user_text = texts.USER_APPROVED.format(party=esc(decision.party))
    else:
        admin_text = texts.ADMIN_REJECTED.format(name=esc(name))
        user_text = texts.USER_REJECTED
    if query is not None and query.message is not None:
        try:
            await query.edit_message_reply_markup(None)
        except TelegramError:
            log.debug("could not remove the buttons", exc_info=True)
    await reply(update, context, admin_text)
    try:
        await context.bot.send_message(decision.user_id, user_text)
    except TelegramError:
        log.warning("could not tell user %s about the decision", decision.user_id, exc_info=True)
