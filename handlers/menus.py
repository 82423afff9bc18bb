"""Command menus per role. Every private chat gets the residents' menu (no
/capnhat, no /baocao: a resident can use neither); officers, leaders and admins
get theirs in their own chat (set_my_commands with BotCommandScopeChat). The
sync runs at start-up and then every few minutes, so a role given from the
command line (`planbot users add`) or by an approval shows in the menu soon."""

from __future__ import annotations

import logging
from typing import Any

from telegram import Bot, BotCommand, BotCommandScopeAllGroupChats, BotCommandScopeChat
from telegram.error import Forbidden, TelegramError

from handlers import texts
from handlers.common import run_blocking
from storage import users

log = logging.getLogger(__name__)
ROLE_EXTRA = {
    "resident": frozenset(),
    "officer": texts.OFFICER_COMMANDS,
    "leader": texts.LEADER_COMMANDS,
    "admin": texts.LEADER_COMMANDS,
}
STAFF_ONLY = texts.LEADER_COMMANDS | texts.OFFICER_COMMANDS


def commands_for(role: str) -> list[BotCommand]:
    extra = ROLE_EXTRA.get(role, frozenset())
    return [BotCommand(c, d) for c, d in texts.COMMANDS if c not in STAFF_ONLY or c in extra]


def group_commands() -> list[BotCommand]:
    """Groups are not offered what answers there only with a pointer to the private chat."""
    return [BotCommand(c, d) for c, d in texts.COMMANDS if c not in texts.PRIVATE_COMMANDS]


async def set_defaults(bot: Bot) -> None:
    await bot.set_my_commands(commands_for("resident"))
    await bot.set_my_commands(group_commands(), scope=BotCommandScopeAllGroupChats())


async def sync(bot: Bot, engine: Any, admin_ids: frozenset[int], shown: dict[int, str]) -> int:
    """Give each staff chat its role's menu, and a former officer the residents'
    menu back; `shown` ({chat: role} already set) is kept by the caller. Returns
    how many chats changed."""
    wanted = await run_blocking(users.menu_roles, engine, admin_ids)
    changed = 0
    for chat, role in wanted.items():
        if shown.get(chat) == role:
            continue
        try:
            await bot.set_my_commands(commands_for(role), scope=BotCommandScopeChat(chat))
        except Forbidden:  # blocked the bot, or never opened a chat with it
            log.info("menu for chat %s not set: the chat is closed to the bot", chat)
        except TelegramError as exc:  # the menu is a convenience: try again at the next sync
            log.warning("menu for chat %s not set: %s", chat, type(exc).__name__)
            continue
        shown[chat] = role
        changed += 1
    for chat in [c for c in shown if c not in wanted]:
        try:
            await bot.delete_my_commands(scope=BotCommandScopeChat(chat))
        except TelegramError as exc:
            log.warning("menu for chat %s not reset: %s", chat, type(exc).__name__)
            continue
        del shown[chat]
        changed += 1
    return changed
