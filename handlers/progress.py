"""/capnhat: officers report progress. Shows what was understood, with
'Xác nhận' and 'Hủy'; only 'Xác nhận' stores (once). A guided flow lists the
officer's items as buttons and takes the value as the next message."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from handlers import texts
from handlers.common import (
    answer_callback,
    command_text,
    current_user,
    esc,
    item_ref,
    parse_item_ref,
    private_only,
    reply,
    run_blocking,
    services,
)
from handlers.labels import distinct_rows, item_choice
from handlers.lookup import target_with_unit
from storage import audit, progress
from storage.progress import Prepared
from storage.users import UserInfo
from storage.values import Achievement, fmt_number

log = logging.getLogger(__name__)
CONFIRM, CANCEL, PICK = "pc:", "px:", "pi:"
AWAITING = "capnhat_item"  # user_data key: the item picked in the guided flow


@private_only
async def update_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user = await current_user(update, context)
    text = command_text(update)
    if user is None or not user.can_report:
        await _refused(context, update, "progress_not_officer", text=audit.clip(text))
        await reply(update, context, texts.UPDATE_NOT_OFFICER)
        return
    if not text:
        await _offer_items(update, context, user)
        return
    prepared = await run_blocking(progress.prepare_update, services(context).engine, user, text)
    await _show(update, context, prepared, text)


async def _offer_items(update: Update, context: ContextTypes.DEFAULT_TYPE, user: UserInfo) -> None:
    items = await run_blocking(progress.my_items, services(context).engine, user, limit=12)
    if not items:
        await reply(update, context, texts.UPDATE_NO_ITEMS + "\n\n" + texts.UPDATE_USAGE)
        return
    rows = distinct_rows([item_choice(i, PICK + item_ref(i.kind, i.id)) for i in items])
    await reply(update, context, texts.UPDATE_PICK_ITEM, rows)


async def _refused(
    context: ContextTypes.DEFAULT_TYPE, update: Update, action: str, **details: object
) -> None:
    """An audit row for a refused attempt (the log line alone is gone with the journal)."""
    sender = update.effective_user
    actor = str(sender.id) if sender else "?"
    log.warning("refused %s from %s", action, actor)
    await run_blocking(audit.record, services(context).engine, actor, action, **details)


@private_only
async def on_pick(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    data = (query.data or "") if query else ""
    ref = parse_item_ref(data.removeprefix(PICK))
    user = await current_user(update, context)
    if user is not None and not user.can_report:
        await _refused(context, update, "progress_not_officer", data=audit.clip(data, 64))
        await answer_callback(update, texts.UPDATE_NOT_OFFICER_SHORT)
        return
    item = await run_blocking(progress.get_item, services(context).engine, *ref) if ref else None
    if item is None or user is None:
        await _refused(context, update, "progress_button_unknown", data=audit.clip(data, 64))
        await answer_callback(update, texts.BUTTON_EXPIRED)
        return
    await answer_callback(update)
    if context.user_data is not None:
        context.user_data[AWAITING] = (item.kind, item.id)
    await reply(update, context, texts.UPDATE_TYPE_VALUE.format(name=esc(item.name)))


async def on_value(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Group -1: the message after a picked item is its value, not a question."""
    pending = (context.user_data or {}).get(AWAITING)
    msg = update.effective_message
    if not pending or msg is None or not msg.text:
        return
    if context.user_data is not None:  # it is: `pending` came from it
        context.user_data.pop(AWAITING, None)
    user = await current_user(update, context)
    svc = services(context)
    item = await run_blocking(progress.get_item, svc.engine, *pending)
    if user is None or item is None:
        raise ApplicationHandlerStop
    value, _, note = msg.text.partition(";")
    prepared = await run_blocking(
        progress.prepare_for_item, svc.engine, user, item, value.strip(), note.strip() or None
    )
    await _show(update, context, prepared, msg.text)
    raise ApplicationHandlerStop


async def _show(update: Update, context: ContextTypes.DEFAULT_TYPE, p: Prepared, raw: str) -> None:
    name = esc(p.item.name) if p.item else ""
    if p.outcome == "not_officer":
        await reply(update, context, texts.UPDATE_NOT_OFFICER)
    elif p.outcome == "format":
        await reply(update, context, texts.UPDATE_USAGE)
    elif p.outcome == "not_found":
        query = raw.split(":", 1)[0].strip()
        await reply(update, context, texts.UPDATE_NOT_FOUND.format(query=esc(query)))
    elif p.outcome == "forbidden":
        await reply(update, context, texts.UPDATE_FORBIDDEN.format(name=name))
    elif p.outcome == "note_too_long":
        await reply(
            update,
            context,
            texts.UPDATE_NOTE_TOO_LONG.format(length=len(p.note or ""), limit=progress.MAX_NOTE),
        )
    elif p.outcome == "bad_value":
        await reply(update, context, texts.UPDATE_BAD_VALUE.format(value=esc(p.raw_value), name=name))
    else:
        await reply(
            update,
            context,
            _preview(p),
            [[(texts.BTN_CONFIRM, CONFIRM + (p.token or "")), (texts.BTN_CANCEL, CANCEL + (p.token or ""))]],
        )


def achievement_words(a: Achievement) -> str:
    """'97,9% chỉ tiêu: chưa đạt'; '107,9% chỉ tiêu (càng thấp càng tốt): đạt'; 'đạt'."""
    verdict = texts.ACHIEVEMENT_MET if a.met else texts.ACHIEVEMENT_NOT_MET
    if a.percent is None:
        return verdict
    head = texts.ACHIEVEMENT_PERCENT.format(percent=fmt_number(round(a.percent, 1)))
    return head + (texts.ACHIEVEMENT_LOWER_BETTER if a.lower_is_better else "") + ": " + verdict


def _preview(p: Prepared) -> str:
    assert p.item is not None and p.value is not None
    item = p.item
    target = ""
    if item.target_text:
        target = texts.TARGET.format(target=esc(target_with_unit(item))) + "\n"
    previous = texts.UPDATE_NO_PREVIOUS
    if p.previous is not None:
        previous = esc(p.previous.value_text or p.previous.status or "?")
    value = p.value.text
    if p.value.value is not None and p.value.unit and p.value.unit not in value:
        value = f"{fmt_number(p.value.value)} {p.value.unit}"
    return texts.UPDATE_PREVIEW.format(
        kind=texts.ITEM_KIND[item.kind],
        name=esc(item.name),
        target=target,
        previous=previous,
        value=esc(value),
        achievement=texts.UPDATE_ACHIEVEMENT.format(text=esc(achievement_words(p.achievement)))
        if p.achievement
        else "",
        note=texts.UPDATE_NOTE.format(note=esc(p.note)) if p.note else "",
    )


@private_only
async def on_confirm(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _decide(update, context, confirm=True)


@private_only
async def on_cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _decide(update, context, confirm=False)


async def _decide(update: Update, context: ContextTypes.DEFAULT_TYPE, confirm: bool) -> None:
    query = update.callback_query
    data = (query.data or "") if query else ""
    token = data[3:]
    user = await current_user(update, context)
    if user is None:
        await answer_callback(update, texts.BUTTON_EXPIRED)
        return
    svc = services(context)
    result = (
        await run_blocking(progress.confirm_draft, svc.engine, token, user)
        if confirm
        else await run_blocking(progress.cancel_draft, svc.engine, token, user)
    )
    if result.outcome in ("unknown", "not_yours"):
        log.warning(
            "forged or foreign progress button %r from %s: %s", data, user.telegram_id, result.outcome
        )
        await answer_callback(
            update, texts.UPDATE_NOT_YOURS if result.outcome == "not_yours" else texts.BUTTON_EXPIRED
        )
        return
    await answer_callback(update)
    if result.outcome == "stored":
        text = texts.UPDATE_STORED.format(
            name=esc(result.item.name if result.item else ""), value=esc(result.value_text)
        )
    elif result.outcome == "already":
        text = texts.UPDATE_ALREADY
    elif result.outcome == "forbidden":
        text = texts.UPDATE_FORBIDDEN_NOW
    else:
        text = texts.UPDATE_CANCELLED
    if query is not None and query.message is not None and result.outcome in ("stored", "cancelled"):
        try:
            await query.edit_message_reply_markup(None)
        except TelegramError:
            log.debug("could not remove the buttons", exc_info=True)
    await reply(update, context, text)
