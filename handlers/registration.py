"""/dangky <họ tên> - <chức danh/đơn vị> and the admins' 'Duyệt'/'Từ chối' buttons.

One pending request per user: a repeat hears 'đang chờ duyệt' and reaches no
admin. Admins get a card per request while few arrive, one digest when many do."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from telegram import Bot, Update
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes

from handlers import texts
from handlers.common import (
    answer_callback,
    command_text,
    current_user,
    esc,
    keyboard,
    private_only,
    reply,
    run_blocking,
    services,
)
from storage import audit, registrations, users

log = logging.getLogger(__name__)
PREFIX = "rg:"
# rg:a:<request>:<party> approves with that party; rg:r:<request> rejects;
# rg:v:<request> shows a request's card; rg:p:<after id> the next page of pending ones.
_DATA = re.compile(r"rg:(?:a:(\d{1,10}):(\d{1,10})|r:(\d{1,10}))")
_VIEW = re.compile(r"rg:([vp]):(\d{1,10})")
# rg:l:<request>:<page>: a page of every party of the request's place (none matched, or another one)
_LIST = re.compile(r"rg:l:(\d{1,10}):(\d{1,4})")
PARTY_PAGE = 8
PAGE = 10  # requests listed (with a button each) in a digest or a page
_NAME_TITLE = re.compile(r"\s*[-–—:|]\s*|\s*,\s+")


def split_name_title(text: str) -> tuple[str, str] | None:
    parts = _NAME_TITLE.split(text.strip(), maxsplit=1)
    if len(parts) != 2:
        return None
    name, title = parts[0].strip(), parts[1].strip()
    if len(name) < 2 or len(title) < 2 or len(name) > 100 or len(title) > 200:
        return None
    return name, title


@dataclass(frozen=True)
class AdminNotices:
    """How admins hear of requests: a card each while at most `cards` arrive in
    `window` seconds; beyond that one digest a minute (bot/app.py) of the requests
    untold for `grace` seconds (a card being sent is not announced twice)."""

    cards: int = 3
    window: float = 600.0
    grace: float = 30.0


def notices(context: ContextTypes.DEFAULT_TYPE) -> AdminNotices:
    return context.application.bot_data.get("admin_notices") or AdminNotices()


@private_only
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
    # Requests in a handler's hands: the digest job leaves them alone. Cards on
    # their way count against the card limit (chats are handled side by side:
    # twenty requests at once must not all pass the check before one is marked).
    handling: set[int] = context.application.bot_data.setdefault("registrations_in_hand", set())
    carding: set[int] = context.application.bot_data.setdefault("cards_in_flight", set())
    if reg.id in handling:  # another update of the same user is on it
        await reply(update, context, texts.REGISTER_PENDING)
        return
    handling.add(reg.id)
    try:
        # after the commit above; a repeat (or the replay of this update after a crash) finds it pending
        await reply(update, context, texts.REGISTER_SENT if reg.created else texts.REGISTER_PENDING)
        if reg.notified:
            return
        limits = notices(context)
        # The slot is taken before the check, which runs in a worker thread: the
        # other handlers waiting meanwhile count this card as on its way.
        carding.add(reg.id)
        others = len(carding) - 1
        if not await run_blocking(
            registrations.card_allowed, svc.engine, limits.cards - others, limits.window
        ):
            return  # many at once: the digest job announces it
        if await send_card(context.bot, admins, reg):
            await run_blocking(registrations.mark_notified, svc.engine, [reg.id])
    finally:
        handling.discard(reg.id)
        carding.discard(reg.id)


def request_card(reg: users.Registration) -> tuple[str, list[list[tuple[str, str]]]]:
    rows = [
        [(texts.BTN_APPROVE.format(party=c.display), f"{PREFIX}a:{reg.id}:{c.id}")] for c in reg.candidates
    ]
    pick = texts.BTN_PICK_OTHER if reg.candidates else texts.BTN_PICK_LIST
    rows.append([(pick, f"{PREFIX}l:{reg.id}:0")])
    rows.append([(texts.BTN_REJECT, f"{PREFIX}r:{reg.id}")])
    body = texts.ADMIN_NEW_REQUEST.format(
        name=esc(reg.full_name),
        user_id=reg.user_id,
        title=esc(reg.title),
        locality=esc(reg.locality_name or "?"),
        hint=texts.ADMIN_PICK_PARTY if reg.candidates else texts.ADMIN_NO_CANDIDATE,
    )
    return body, rows


async def send_card(bot: Bot, admins: list[int], reg: users.Registration) -> bool:
    """The request with its buttons to every admin; True when at least one got it."""
    body, rows = request_card(reg)
    delivered = False
    for chat_id in admins:
        try:
            await bot.send_message(chat_id, body, reply_markup=keyboard(rows))
            delivered = True
        except TelegramError:
            log.warning("could not notify admin chat %s", chat_id, exc_info=True)
    return delivered


def _pending_lines(lines: list[registrations.PendingLine]) -> str:
    return "\n".join(
        texts.ADMIN_PENDING_LINE.format(
            name=esc(p.full_name), title=esc(p.title), locality=esc(p.locality_name or "?")
        )
        for p in lines
    )


def _page_buttons(lines: list[registrations.PendingLine], more: int) -> list[list[tuple[str, str]]]:
    rows = [[(texts.BTN_VIEW_REQUEST.format(name=p.full_name[:40]), f"{PREFIX}v:{p.id}")] for p in lines]
    if more and lines:
        rows.append([(texts.BTN_MORE_REQUESTS, f"{PREFIX}p:{lines[-1].id}")])
    return rows


async def send_digest(
    bot: Bot,
    engine: object,
    admin_ids: frozenset[int],
    older_than: float,
    sending: set[int] | frozenset[int] = frozenset(),
) -> int:
    """Announce every request nobody was told of: one card when there is one, one
    digest message (a button per request) when there are several. Returns how many.
    `sending`: requests whose own card is on its way (left to their handler)."""
    untold = await run_blocking(registrations.claim_untold, engine, older_than, exclude=set(sending))
    if not untold:
        return 0
    admins = await run_blocking(users.admin_chat_ids, engine, admin_ids)
    ids = [p.id for p in untold]
    if len(untold) == 1:
        reg = await run_blocking(users.pending_registration, engine, untold[0].id)
        delivered = reg is None or await send_card(bot, admins, reg)
    else:
        delivered = await _send_digest_message(bot, admins, untold)
    if not delivered:
        await run_blocking(registrations.unmark_notified, engine, ids)
        return 0
    return len(untold)


async def _send_digest_message(bot: Bot, admins: list[int], untold: list[registrations.PendingLine]) -> bool:
    shown = untold[:PAGE]
    text = texts.ADMIN_DIGEST.format(count=len(untold), lines=_pending_lines(shown))
    more = len(untold) - len(shown)
    if more:
        text += "\n" + texts.ADMIN_PENDING_MORE.format(count=more)
    buttons = _page_buttons(shown, more)
    delivered = False
    for chat_id in admins:
        try:
            await bot.send_message(chat_id, text, reply_markup=keyboard(buttons))
            delivered = True
        except TelegramError:
            log.warning("could not send the registration digest to %s", chat_id, exc_info=True)
    return delivered


async def _admin_view(update: Update, context: ContextTypes.DEFAULT_TYPE, kind: str, ref: int) -> None:
    """'👤 name' shows that request's card; 'Xem thêm' the next page of pending requests."""
    svc = services(context)
    sender = update.effective_user
    viewer = await run_blocking(users.get_user, svc.engine, sender.id, svc.admin_ids) if sender else None
    if sender is None or viewer is None or not viewer.is_admin:
        log.warning("non-admin %s pressed a registration list button", sender.id if sender else "?")
        await answer_callback(update, texts.ADMIN_ONLY)
        return
    if kind == "v":
        reg = await run_blocking(users.pending_registration, svc.engine, ref)
        if reg is None:
            await answer_callback(update, texts.ADMIN_ALREADY)
            return
        await answer_callback(update)
        body, rows = request_card(reg)
        await reply(update, context, body, rows)
        return
    lines, more = await run_blocking(registrations.pending_page, svc.engine, ref, PAGE)
    await answer_callback(update)
    if not lines:
        await reply(update, context, texts.ADMIN_PENDING_NONE)
        return
    text = texts.ADMIN_PENDING_PAGE.format(lines=_pending_lines(lines))
    if more:
        text += "\n" + texts.ADMIN_PENDING_MORE.format(count=more)
    await reply(update, context, text, _page_buttons(lines, more))


async def _party_page(update: Update, context: ContextTypes.DEFAULT_TYPE, request_id: int, page: int) -> None:
    """The card edited to show one page of the place's parties, each an approve button."""
    svc = services(context)
    sender = update.effective_user
    viewer = await run_blocking(users.get_user, svc.engine, sender.id, svc.admin_ids) if sender else None
    if viewer is None or not viewer.is_admin:
        log.warning("non-admin %s pressed a party list button", sender.id if sender else "?")
        await answer_callback(update, texts.ADMIN_ONLY)
        return
    reg = await run_blocking(users.pending_registration, svc.engine, request_id)
    if reg is None:
        await answer_callback(update, texts.ADMIN_ALREADY)
        return
    parties = await run_blocking(users.request_parties, svc.engine, request_id)
    await answer_callback(update)
    body, _ = request_card(reg)
    reject = [(texts.BTN_REJECT, f"{PREFIX}r:{reg.id}")]
    if not parties:
        await _edit_card(update, context, body + "\n" + texts.ADMIN_NO_PARTIES, [reject])
        return
    pages = (len(parties) + PARTY_PAGE - 1) // PARTY_PAGE
    page = min(page, pages - 1)
    shown = parties[page * PARTY_PAGE : (page + 1) * PARTY_PAGE]
    rows = [[(texts.BTN_APPROVE.format(party=p.display), f"{PREFIX}a:{reg.id}:{p.id}")] for p in shown]
    nav = []
    if page > 0:
        nav.append((texts.BTN_PREV, f"{PREFIX}l:{reg.id}:{page - 1}"))
    if page + 1 < pages:
        nav.append((texts.BTN_MORE, f"{PREFIX}l:{reg.id}:{page + 1}"))
    rows += [nav] if nav else []
    rows.append(reject)
    head = texts.ADMIN_PARTY_PAGE.format(name=esc(reg.full_name), page=page + 1, pages=pages)
    await _edit_card(update, context, body.replace(texts.ADMIN_NO_CANDIDATE, "").rstrip() + "\n" + head, rows)


async def _edit_card(
    update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, rows: list[list[tuple[str, str]]]
) -> None:
    query = update.callback_query
    try:
        if query is None or query.message is None:
            raise BadRequest("no message to edit")
        await query.edit_message_text(text, reply_markup=keyboard(rows))
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            await reply(update, context, text, rows)


async def _refresh_menus(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The approved officer's command menu now, not at the next periodic sync (bot/app.py)."""
    jobs = context.job_queue.get_jobs_by_name("menus") if context.job_queue else ()
    for job in jobs[:1]:
        try:
            await job.run(context.application)  # type: ignore[arg-type]  # PTB types run() for an app whose JobQueue it cannot see; the job came from this app's queue
        except Exception:  # the menu is a convenience; the periodic sync tries again
            log.warning("menu refresh after a decision failed", exc_info=True)


@private_only
async def on_decision(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An admin's press on a registration card: view it, page the parties, or decide."""
    query = update.callback_query
    sender = update.effective_user
    data = (query.data or "") if query else ""
    view = _VIEW.fullmatch(data)
    if view is not None and sender is not None:
        await _admin_view(update, context, view.group(1), int(view.group(2)))
        return
    listing = _LIST.fullmatch(data)
    if listing is not None and sender is not None:
        await _party_page(update, context, int(listing.group(1)), int(listing.group(2)))
        return
    match = _DATA.fullmatch(data)
    if match is None or sender is None:
        await _forged_button(update, context, data)
        return
    svc = services(context)
    request_id = int(match.group(1) or match.group(3))
    party_id = int(match.group(2)) if match.group(2) else None
    decision = await run_blocking(
        users.decide_registration, svc.engine, request_id, sender.id, party_id, svc.admin_ids
    )
    if await _not_decided(update, decision, data, sender.id):
        return
    await answer_callback(update)
    await _announce(update, context, decision)


async def _forged_button(update: Update, context: ContextTypes.DEFAULT_TYPE, data: str) -> None:
    sender = update.effective_user
    actor = str(sender.id) if sender else "?"
    log.warning("forged registration button %r from %s", data, actor)
    await run_blocking(
        audit.record,
        services(context).engine,
        actor,
        "registration_button_unknown",
        data=audit.clip(data, 64),
    )
    await answer_callback(update, texts.BUTTON_EXPIRED)


async def _not_decided(update: Update, decision: users.Decision, data: str, admin_id: int) -> bool:
    """Tell the presser why nothing was decided (not an admin, decided already, stale)."""
    if decision.reason == "forbidden":
        log.warning("non-admin %s pressed a registration button", admin_id)
        await answer_callback(update, texts.ADMIN_ONLY)
        return True
    if not decision.ok:
        if decision.reason != "already":
            log.warning("registration button %r refused: %s", data, decision.reason)
        await answer_callback(
            update, texts.ADMIN_ALREADY if decision.reason == "already" else texts.BUTTON_EXPIRED
        )
        return True
    return False


async def _announce(update: Update, context: ContextTypes.DEFAULT_TYPE, decision: users.Decision) -> None:
    """The admin reads the outcome where the card was (its buttons gone); the user is told."""
    query = update.callback_query
    name = str(decision.user_id)
    if decision.reason == "approved":
        admin_text = texts.ADMIN_APPROVED.format(name=esc(name), party=esc(decision.party))
        if decision.removed:
            admin_text += "\n" + texts.ADMIN_LINKS_REMOVED.format(old=esc("; ".join(decision.removed)))
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
    await _refresh_menus(context)
    if decision.user_id is None:  # never for a decision that went through: it names its user
        return
    try:
        await context.bot.send_message(decision.user_id, user_text)
    except TelegramError:
        log.warning("could not tell user %s about the decision", decision.user_id, exc_info=True)
