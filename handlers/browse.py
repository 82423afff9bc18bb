"""/chitieu, /nhiemvu, /tiendo without a keyword: the plan's groups as buttons,
then a group's items page by page. Every press edits the one list message
('Xem thêm ▶', '◀ Trước', '↩ Các nhóm'), so the chat does not fill up with lists.

Button data: 'br:<what>:<locality id>:<group>:<page>', what = i (indicators),
t (tasks), a (both, with progress); group = 'g' (the group list), 'm' (the
asker's own items) or the group's index.

A free-text answer that lists items ('việc quá hạn', 'việc của tôi') and ends '… và N
mục khác.' pages the same way: 'br:l:<slot>:<page>', the list kept in chat memory
under its slot (page 1 is the answer as written, the next ones its remaining items)."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from handlers import texts
from handlers.common import (
    answer_callback,
    current_user,
    esc,
    item_ref,
    keyboard,
    local_tz,
    reply,
    run_blocking,
    services,
)
from handlers.locality import locality_buttons
from knowledge.answer_text import target_words
from knowledge.periods import past_grace
from storage import browse, users
from storage.progress import Item, Progress
from storage.users import LocalityInfo, UserInfo

log = logging.getLogger(__name__)
PREFIX = "br:"
KINDS = {"i": ("indicator",), "t": ("task",), "a": ("indicator", "task")}
GROUPS_PER_PAGE = 8
NAME_CHARS = 90  # a list line stays two lines on a phone
Buttons = list[list[tuple[str, str]]]
LIST = "l"  # what: the rest of a free-text answer's list
LISTS_KEPT = 5  # per chat: an older list's buttons expire
LIST_PAGE_SIZE = 6  # with LIST_NAME_CHARS: a page under 900 characters, an answer's length
LIST_NAME_CHARS = 70
_MORE = re.compile(r"… và (\d+) mục khác\.")


def _data(what: str, loc: LocalityInfo, group: str | int, page: int) -> str:
    return f"{PREFIX}{what}:{loc.id}:{'m' if group == browse.MINE else group}:{page}"


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def plan_ended(item: Item, today: date) -> bool:
    """More than a month past the plan's period: its tasks are no longer 'quá hạn'."""
    return past_grace(item.period_end, today)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE, what: str) -> None:
    """The bare command: the group list of the user's place (or a place picker first)."""
    svc = services(context)
    user = await current_user(update, context)
    loc = (
        await run_blocking(users.locality_by_key, svc.engine, user.locality_key)
        if user and user.locality_key
        else None
    )
    if loc is None:
        await reply(update, context, texts.BROWSE_NEED_LOCALITY, await locality_buttons(svc.engine))
        return
    text, buttons = await _groups_view(context, what, loc, user, 0)
    await reply(update, context, text, buttons or None)


async def _groups_view(
    context: ContextTypes.DEFAULT_TYPE, what: str, loc: LocalityInfo, user: UserInfo | None, page: int
) -> tuple[str, Buttons]:
    parties = user.party_ids if user else []
    found = await run_blocking(browse.groups, services(context).engine, loc.key, KINDS[what], parties)
    name = esc(loc.label_now)
    if not found:
        kind_word = {"i": texts.WHAT_INDICATORS, "t": texts.WHAT_TASKS}.get(what, texts.WHAT_ITEMS)
        return texts.BROWSE_EMPTY.format(place=name, what=kind_word), []
    pages = (len(found) + GROUPS_PER_PAGE - 1) // GROUPS_PER_PAGE
    page = min(max(page, 0), pages - 1)
    rows: Buttons = []
    for g in found[page * GROUPS_PER_PAGE : (page + 1) * GROUPS_PER_PAGE]:
        label = texts.BROWSE_MINE if g.index == browse.MINE else g.name
        rows.append([(f"{_short(label, 50)} ({g.count})", _data(what, loc, g.index, 0))])
    nav = []
    if page > 0:
        nav.append((texts.BTN_PREV, _data(what, loc, "g", page - 1)))
    if page + 1 < pages:
        nav.append((texts.BTN_MORE, _data(what, loc, "g", page + 1)))
    text = texts.BROWSE_GROUPS.format(
        what=texts.BROWSE_WHAT[what], place=name, command=texts.BROWSE_COMMAND[what]
    )
    return text, rows + ([nav] if nav else [])


def target_with_unit(item: Item) -> str:
    """'95' + '%' -> '95 %'; '7.9' of malnutrition -> '7,9 % (càng thấp càng tốt)': the
    answers' own wording (knowledge.answer_text.target_words)."""
    return target_words(item.target_text, item.unit, item.comparator, item.name)


def _line(
    n: int,
    item: Item,
    own: bool,
    latest: Progress | None,
    with_progress: bool,
    today: date,
    name_chars: int = NAME_CHARS,
) -> str:
    mark = texts.BROWSE_OWN_MARK + " " if own else ""
    head = f"{n}. {mark}{esc(_short(item.name, name_chars))}"
    if with_progress:
        value = (latest.value_text or latest.status or "") if latest else ""
        return f"{head} — <b>{esc(value)}</b>" if value else f"{head} — <i>{texts.BROWSE_NO_PROGRESS}</i>"
    if item.kind == "task" and plan_ended(item, today):
        return f"{head} — <i>{texts.PLAN_ENDED}</i>"
    if item.kind == "task" and item.deadline_text:
        return f"{head} — {esc(_short(item.deadline_text, 40))}"
    if item.target_text:
        return f"{head} — {esc(_short(target_with_unit(item), 40))}"
    return head


async def _page_view(
    context: ContextTypes.DEFAULT_TYPE,
    what: str,
    loc: LocalityInfo,
    user: UserInfo | None,
    group: int,
    page: int,
) -> tuple[str, Buttons] | None:
    parties = user.party_ids if user else []
    found = await run_blocking(
        browse.group_page, services(context).engine, loc.key, KINDS[what], group, page, parties, what == "a"
    )
    if found is None:
        return None
    title = texts.BROWSE_MINE if group == browse.MINE else found.group.name
    lines = [
        texts.BROWSE_PAGE.format(
            group=esc(_short(title, 120)),
            place=esc(loc.label_now),
            page=found.page + 1,
            pages=found.pages,
            count=found.group.count,
        )
    ]
    first = found.page * browse.PAGE_SIZE + 1
    numbers: list[tuple[str, str]] = []
    today = datetime.now(local_tz(context)).date()
    for n, item in enumerate(found.items, start=first):
        key = (item.kind, item.id)
        lines.append(_line(n, item, key in found.own, found.latest.get(key), what == "a", today))
        numbers.append((str(n), "it:" + item_ref(item.kind, item.id)))
    lines.append(f"<i>{texts.BROWSE_TAP}</i>")
    rows: Buttons = [numbers[i : i + 4] for i in range(0, len(numbers), 4)]
    nav = []
    if found.page > 0:
        nav.append((texts.BTN_PREV, _data(what, loc, group, found.page - 1)))
    if found.page + 1 < found.pages:
        nav.append((texts.BTN_MORE, _data(what, loc, group, found.page + 1)))
    rows.append([*nav, (texts.BTN_GROUPS, _data(what, loc, "g", 0))])
    return "\n".join(lines), rows


def _parse(data: str) -> tuple[str, int, str, int] | None:
    parts = data.removeprefix(PREFIX).split(":")
    if len(parts) != 4:
        return None
    what, loc, group, page = parts
    if what not in KINDS or not loc.isdigit() or not page.isdigit() or len(loc) > 9 or len(page) > 4:
        return None
    if group not in ("g", "m") and not (group.isdigit() and len(group) < 5):
        return None
    return what, int(loc), group, int(page)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    data = (query.data or "") if query else ""
    if data.startswith(f"{PREFIX}{LIST}:"):
        await _on_list_button(update, context, data)
        return
    parsed = _parse(data)
    svc = services(context)
    loc = await run_blocking(users.locality_by_id, svc.engine, parsed[1]) if parsed else None
    if parsed is None or loc is None:
        log.warning("stale or forged browse button %r", data)
        await answer_callback(update, texts.BUTTON_EXPIRED)
        return
    what, _, group, page = parsed
    user = await current_user(update, context)
    if group == "g":
        view: tuple[str, Buttons] | None = await _groups_view(context, what, loc, user, page)
    else:
        index = browse.MINE if group == "m" else int(group)
        view = await _page_view(context, what, loc, user, index, page)
    if view is None:
        await answer_callback(update, texts.BROWSE_GONE)
        return
    await answer_callback(update)
    await edit(update, context, *view)


async def edit(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, buttons: Buttons) -> None:
    """Replace the list message in place; a message Telegram no longer lets us
    edit (too old, deleted) gets a new one instead."""
    query = update.callback_query
    try:
        if query is None or query.message is None:
            raise BadRequest("message to edit not found")
        await query.edit_message_text(text, reply_markup=keyboard(buttons) if buttons else None)
    except BadRequest as exc:
        if "not modified" in str(exc).lower():  # the same page pressed twice
            return
        await reply(update, context, text, buttons or None)


# ---------------------------------------------------------------- a free-text answer's list


@dataclass(frozen=True)
class _Listed:
    text: str  # the answer as the engine wrote it: page 1
    refs: tuple[tuple[str, int], ...]  # every item of the list, in the answer's order
    shown: int  # how many of them the answer itself lists


def list_buttons(context: ContextTypes.DEFAULT_TYPE, text: str, matches: Sequence[Any]) -> Buttons:
    """'Xem thêm ▶' under an answer that ends '… và N mục khác.', when its matches are the
    list's items (kind, item_id) in order; nothing for any other answer."""
    found = _MORE.search(text)
    refs = tuple(
        (str(mt.kind), int(mt.item_id))
        for mt in matches
        if getattr(mt, "kind", None) in ("indicator", "task")
        and isinstance(getattr(mt, "item_id", None), int)
    )
    shown = len(refs) - int(found.group(1)) if found else 0
    if found is None or context.chat_data is None or not 0 < shown < len(refs):
        return []  # not the list the answer counted
    slot = int(context.chat_data.get("list_slot", 0)) + 1
    context.chat_data["list_slot"] = slot
    lists: dict[int, _Listed] = context.chat_data.setdefault("lists", {})
    lists[slot] = _Listed(text, refs, shown)
    for old in sorted(lists)[:-LISTS_KEPT]:
        del lists[old]
    return [[(texts.BTN_MORE, f"{PREFIX}{LIST}:{slot}:1")]]


async def _list_view(
    context: ContextTypes.DEFAULT_TYPE, listed: _Listed, slot: int, page: int, user: UserInfo | None
) -> tuple[str, Buttons] | None:
    rest = len(listed.refs) - listed.shown
    pages = 1 + (rest + LIST_PAGE_SIZE - 1) // LIST_PAGE_SIZE
    page = min(max(page, 0), pages - 1)
    more = (texts.BTN_MORE, f"{PREFIX}{LIST}:{slot}:{page + 1}")
    if page == 0:
        return esc(listed.text), [[more]]
    start = listed.shown + (page - 1) * LIST_PAGE_SIZE
    items, own = await run_blocking(
        browse.listed_items,
        services(context).engine,
        listed.refs[start : start + LIST_PAGE_SIZE],
        user.party_ids if user else [],
    )
    if not items:
        return None
    heading = listed.text.split("\n", 1)[0].rstrip(" :")
    lines = [texts.LIST_PAGE.format(heading=esc(_short(heading, 120)), page=page + 1, pages=pages)]
    today = datetime.now(local_tz(context)).date()
    numbers: list[tuple[str, str]] = []
    for n, item in enumerate(items, start=start + 1):
        lines.append(_line(n, item, (item.kind, item.id) in own, None, False, today, LIST_NAME_CHARS))
        numbers.append((str(n), "it:" + item_ref(item.kind, item.id)))
    lines.append(f"<i>{texts.BROWSE_TAP}</i>")
    rows: Buttons = [numbers[i : i + 4] for i in range(0, len(numbers), 4)]
    nav = [(texts.BTN_PREV, f"{PREFIX}{LIST}:{slot}:{page - 1}")]
    rows.append(nav + ([more] if page + 1 < pages else []))
    return "\n".join(lines), rows


async def _on_list_button(update: Update, context: ContextTypes.DEFAULT_TYPE, data: str) -> None:
    parts = data.removeprefix(f"{PREFIX}{LIST}:").split(":")
    ok = len(parts) == 2 and all(p.isdigit() and len(p) < 9 for p in parts)
    slot, page = (int(parts[0]), int(parts[1])) if ok else (0, 0)
    listed = (context.chat_data or {}).get("lists", {}).get(slot)
    if listed is None:  # a list of before a restart, or one of many since
        log.info("stale or forged list button %r", data)
        await answer_callback(update, texts.BUTTON_EXPIRED)
        return
    view = await _list_view(context, listed, slot, page, await current_user(update, context))
    if view is None:
        await answer_callback(update, texts.BROWSE_GONE)
        return
    await answer_callback(update)
    await edit(update, context, *view)
