"""/chitieu, /nhiemvu, /tiendo, /lichsu and the item buttons ('it:i12')."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, tzinfo

from telegram import Update
from telegram.ext import ContextTypes

from handlers import browse, texts
from handlers.browse import plan_ended, target_with_unit
from handlers.common import (
    DEFAULT_TZ,
    answer_callback,
    command_text,
    current_user,
    esc,
    item_ref,
    local_tz,
    parse_item_ref,
    reply,
    run_blocking,
    services,
)
from handlers.labels import distinct_rows, item_choice
from storage import progress, users
from storage.progress import Item, Progress

log = logging.getLogger(__name__)
PREFIX = "it:"


def format_progress(p: Progress | None, tz: tzinfo = DEFAULT_TZ) -> str:
    if p is None:
        return texts.PROGRESS_NONE
    value = p.value_text or (texts.STATUS_LABELS.get(p.status or "", p.status or "") if p.status else "")
    when = _local(p.reported_at, tz).strftime("%d/%m/%Y") if p.reported_at else "?"
    who = texts.PROGRESS_BY_DOC if p.source == "document" else reporter(p) + " " + texts.PROGRESS_UPDATED
    line = texts.PROGRESS_LATEST.format(value=esc(value), when=when, who=who)
    if p.assessment:
        line += f"\n{esc(p.assessment)}"
    if p.note:
        line += f"\n{esc(p.note)}"
    return line


def reporter(p: Progress) -> str:
    """Who made a record, for anyone to read: the officer's party, never his Telegram id."""
    return esc(p.reporter) if p.reporter else texts.AN_OFFICER


def _local(at: datetime, tz: tzinfo) -> datetime:
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(tz)  # SQLite gives UTC back naive


def format_item(
    item: Item, latest: Progress | None, with_progress: bool = True, tz: tzinfo = DEFAULT_TZ
) -> str:
    lines = [f"<b>{esc(texts.ITEM_KIND[item.kind])}:</b> {esc(item.name)}"]
    if item.target_text:
        lines.append(texts.TARGET.format(target=esc(target_with_unit(item))))
    if item.deadline_text:
        lines.append(texts.DEADLINE.format(deadline=esc(item.deadline_text)))
    # a month past its plan's period a task is over, not 'quá hạn'
    if item.kind == "task" and plan_ended(item, datetime.now(tz).date()):
        lines.append(texts.PLAN_ENDED_LINE.format(year=item.period_end))
    if item.leader:
        lines.append(texts.LEADER.format(who=esc(item.leader)))
    if item.responsible:
        lines.append(texts.RESPONSIBLE.format(who=esc(item.responsible)))
    if with_progress:
        lines.append(format_progress(latest, tz))
    if item.locality_name:
        lines.append(f"<i>{esc(item.locality_name)}</i>")
    return "\n".join(lines)


async def resolve_scope(
    update: Update, context: ContextTypes.DEFAULT_TYPE, query: str
) -> tuple[str | None, str, str]:
    """(locality key, locality name, query without the locality): a locality named
    in the query wins over the user's chosen one. Without one the query is kept
    as typed, so its diacritics still tell 'hộ' from 'hồ' to the search."""
    svc = services(context)
    loc, rest = await run_blocking(users.locality_in_text, svc.engine, query)
    if loc is not None:
        return loc.key, loc.name, rest
    user = await current_user(update, context)
    key = user.locality_key if user else None
    name = (user.locality_name if user else None) or texts.ALL_LOCALITIES
    return key, name, query


async def _list(update: Update, context: ContextTypes.DEFAULT_TYPE, kind: str | None, command: str) -> None:
    svc = services(context)
    query = command_text(update)
    if not query:  # no keyword: browse the plan's groups
        what = next(code for code, name in texts.BROWSE_COMMAND.items() if name == command)
        await browse.start(update, context, what)
        return
    key, _, rest = await resolve_scope(update, context, query)
    items = await run_blocking(progress.items_named, svc.engine, rest, key, limit=5, kind=kind)
    what = {"indicator": texts.WHAT_INDICATORS, "task": texts.WHAT_TASKS}.get(kind or "", texts.WHAT_ITEMS)
    if not items:
        await reply(update, context, _not_found(texts.NO_MATCH.format(what=what, query=esc(query)), key))
        return
    await show_items(update, context, items)


def _not_found(text: str, locality_key: str | None) -> str:
    """Nothing found with no place chosen or named: say how to choose one."""
    return text if locality_key else f"{text}\n{texts.CHOOSE_LOCALITY_HINT}"


async def show_items(update: Update, context: ContextTypes.DEFAULT_TYPE, items: list[Item]) -> None:
    """The best item in full (with its latest progress); the others as buttons."""
    svc = services(context)
    best, others = items[0], items[1:]
    latest = await run_blocking(progress.latest_progress, svc.engine, best)
    text = format_item(best, latest, tz=local_tz(context))
    buttons = distinct_rows([item_choice(o, PREFIX + item_ref(o.kind, o.id)) for o in others[:4]])
    if buttons:
        text += "\n\n" + texts.MORE_CANDIDATES
    await reply(update, context, text, buttons or None)


async def indicators(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _list(update, context, "indicator", "chitieu")


async def tasks(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _list(update, context, "task", "nhiemvu")


async def progress_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _list(update, context, None, "tiendo")


async def history(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    query = command_text(update)
    if not query:
        await reply(update, context, texts.NEED_KEYWORD.format(command="lichsu"))
        return
    key, _, rest = await resolve_scope(update, context, query)
    items = await run_blocking(progress.items_named, svc.engine, rest, key, limit=1)
    if not items:
        text = texts.NO_MATCH.format(what=texts.WHAT_ITEMS, query=esc(query))
        await reply(update, context, _not_found(text, key))
        return
    item = items[0]
    rows = await run_blocking(progress.history, svc.engine, item, limit=20)
    if not rows:
        await reply(update, context, texts.HISTORY_EMPTY.format(name=esc(item.name)))
        return
    lines = [texts.HISTORY_HEADER.format(name=esc(item.name))]
    tz = local_tz(context)
    for p in rows:
        when = _local(p.reported_at, tz).strftime("%d/%m/%Y %H:%M") if p.reported_at else "?"
        who = texts.PROGRESS_BY_DOC if p.source == "document" else reporter(p)
        value = p.value_text or p.status or ""
        lines.append(f"• {when}: <b>{esc(value)}</b> ({who})" + (f" — {esc(p.note)}" if p.note else ""))
    await reply(update, context, "\n".join(lines))


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    data = (query.data or "") if query else ""
    ref = parse_item_ref(data.removeprefix(PREFIX))
    svc = services(context)
    item = await run_blocking(progress.get_item, svc.engine, *ref) if ref else None
    if item is None:
        log.warning("stale or forged item button %r", data)
        await answer_callback(update, texts.BUTTON_EXPIRED)
        return
    await answer_callback(update)
    latest = await run_blocking(progress.latest_progress, svc.engine, item)
    await reply(update, context, format_item(item, latest, tz=local_tz(context)))
