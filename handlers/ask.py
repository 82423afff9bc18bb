"""Any other text is a question: the answers engine replies (the one search the
item commands use too); close candidates come back as buttons. Questions are limited per user before they get here
(handlers/budget.py)."""

from __future__ import annotations

import inspect
import logging
from typing import Any

from telegram import Update
from telegram.ext import ContextTypes

from handlers import browse, texts
from handlers.common import answer_callback, current_user, esc, item_ref, reply, run_blocking, services
from handlers.labels import Choice, distinct_rows, item_choice
from handlers.locality import locality_buttons
from handlers.lookup import PREFIX as ITEM_PREFIX
from storage import progress
from storage.chat_context import ask_in_chat
from storage.progress import Item
from storage.users import UserInfo

log = logging.getLogger(__name__)
ASK_PREFIX = "aq:"


async def question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    msg = update.effective_message
    sender = update.effective_user
    if msg is None or not msg.text or sender is None:
        return
    await answer_text(update, context, msg.text)


async def answer_text(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> None:
    """The answers engine's reply; its own 'not found' when it matched nothing."""
    svc = services(context)
    answer: Any = None  # the engine's reply, read by duck typing (text, matches, candidates)
    if svc.answers is not None:
        user = await current_user(update, context)
        try:
            answer = await _ask_engine(svc.answers, text, user, _context_key(update))
        except Exception:  # a fault in the engine must not leave the user without an answer
            log.exception("the answers engine failed")
            answer = None
        if answer is not None and getattr(answer, "needs_locality", False):
            buttons = await locality_buttons(svc.engine)
            await reply(update, context, esc(answer.text), buttons or None)
            return
        found = answer is not None and (
            getattr(answer, "matches", None) or getattr(answer, "candidates", None)
        )
        if answer is not None and getattr(answer, "choices", None) and answer.text:
            await reply(update, context, esc(answer.text), _choice_buttons(context, answer.choices))
            return
        if found and answer.text:
            buttons = (await _candidate_buttons(context, answer) or []) + browse.list_buttons(
                context, answer.text, getattr(answer, "matches", None) or []
            )
            await reply(update, context, esc(answer.text), buttons or None)
            return
    await reply(update, context, esc(answer.text) if answer is not None and answer.text else texts.NO_ANSWER)


def _context_key(update: Update) -> str | None:
    """A private chat keeps its conversation context (storage/chat_context.py); in a group
    one member's follow-up must not continue another's question."""
    chat = update.effective_chat
    return f"tg:{chat.id}" if chat is not None and chat.type == "private" else None


def _ask_in_thread(engine: Any, text: str, locality: str | None, parties: Any, key: str | None = None) -> Any:
    # (the engine takes its own lock: questions and item commands share its caches)
    if key is not None and hasattr(engine, "parse") and hasattr(engine, "engine"):
        return ask_in_chat(engine, key, text, locality=locality, parties=parties)
    try:
        return engine.ask(text, locality=locality, user_parties=parties)
    except TypeError:  # an engine without user_parties
        return engine.ask(text, locality=locality)


async def _ask_engine(engine: Any, text: str, user: UserInfo | None, key: str | None = None) -> Any:
    locality = user.locality_name if user else None
    parties = user.party_ids if user else None
    result = await run_blocking(_ask_in_thread, engine, text, locality, parties, key)
    return await result if inspect.isawaitable(result) else result


def _choice_buttons(
    context: ContextTypes.DEFAULT_TYPE, choices: list[tuple[str, str]]
) -> list[list[tuple[str, str]]]:
    """One button per choice (a group of the plan's targets); the question each asks is
    kept in chat memory and referenced by number, as candidates are."""
    stored = [question for _, question in choices[:8]]
    if context.chat_data is not None:
        context.chat_data["candidates"] = stored
    return distinct_rows([Choice(label, f"{ASK_PREFIX}{n}") for n, (label, _) in enumerate(choices[:8])])


def _load_items(engine: Any, refs: list[tuple[str, int]]) -> list[Item | None]:
    return [progress.get_item(engine, kind, item_id) for kind, item_id in refs]


async def _candidate_buttons(
    context: ContextTypes.DEFAULT_TYPE, answer: Any
) -> list[list[tuple[str, str]]] | None:
    """Candidates naming an item become item buttons, told apart when several share a
    name (handlers/labels.py); free-text candidates are kept in chat memory and
    referenced by number (a restart expires them)."""
    cands = list(getattr(answer, "candidates", None) or [])[:4]
    refs: list[tuple[str, int]] = []
    for cand in cands:
        kind = getattr(cand, "kind", None)
        item_id = getattr(cand, "item_id", None) or getattr(cand, "id", None)
        if kind in ("indicator", "task") and isinstance(item_id, int):
            refs.append((kind, item_id))
    items = {(i.kind, i.id): i for i in await run_blocking(_load_items, services(context).engine, refs) if i}
    choices: list[Choice] = []
    stored: list[str] = []
    for cand in cands:
        kind = getattr(cand, "kind", None)
        item_id = getattr(cand, "item_id", None) or getattr(cand, "id", None)
        label = str(
            getattr(cand, "name", None) or getattr(cand, "label", None) or getattr(cand, "text", None) or cand
        )
        item = items.get((str(kind), item_id)) if isinstance(item_id, int) else None
        if item is not None:
            choices.append(item_choice(item, ITEM_PREFIX + item_ref(item.kind, item.id)))
        else:
            stored.append(str(getattr(cand, "question", None) or label))
            choices.append(Choice(label, f"{ASK_PREFIX}{len(stored) - 1}"))
    if context.chat_data is not None:
        context.chat_data["candidates"] = stored
    return distinct_rows(choices) or None


async def on_candidate(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    data = (query.data or "") if query else ""
    ref = data.removeprefix(ASK_PREFIX)
    stored = (context.chat_data or {}).get("candidates") or []
    if not ref.isdigit() or int(ref) >= len(stored):
        log.info("stale or forged candidate button %r", data)
        await answer_callback(update, texts.BUTTON_EXPIRED)
        return
    await answer_callback(update)
    await answer_text(update, context, stored[int(ref)])
