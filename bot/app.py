"""The one wiring file: builds the Application, creates services in post_init,
closes them in post_shutdown, and registers every handler group in one place."""

from __future__ import annotations

import asyncio
import logging
from typing import Any
from zoneinfo import ZoneInfo

from telegram import MenuButtonWebApp, Update, WebAppInfo
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    MessageHandler,
    filters,
)

from bot import retention_job
from bot.config import Config
from bot.cycle_jobs import CycleJobs
from bot.journal import current_journal
from bot.redact import quiet_http_logs
from bot.retry import RetryingRateLimiter
from handlers import (
    ask,
    browse,
    chat,
    errors,
    locality,
    lookup,
    menus,
    progress,
    registration,
    report,
    start,
    subscription,
    texts,
)
from handlers.budget import DEFAULT_BUDGETS, QUESTION, Budget, RateBudgets
from handlers.common import Services
from handlers.registration import AdminNotices
from storage.db import DatabaseFault, is_writable, open_database

log = logging.getLogger(__name__)


def load_answer_engine(engine: Any) -> Any:
    """The Q&A engine (storage/answers.py) the item commands share, so each plan is
    read and cached once; None makes the bot say it cannot answer."""
    try:
        from storage.answers import shared_engine
    except ImportError:
        log.info("storage.answers not available")
        return None
    try:
        return shared_engine(engine)
    except Exception:
        log.exception("the answers engine could not start")
        return None


def rate_budgets(config: Config, question_limit: int | None = None) -> RateBudgets:
    """The configured budgets (PLANBOT_BUDGETS); `question_limit` (tests) replaces
    the question burst."""
    budgets = dict(config.budgets or DEFAULT_BUDGETS)
    if question_limit is not None:
        budgets[QUESTION] = Budget(question_limit, budgets[QUESTION].per)
    return RateBudgets(budgets)


def build_application(
    config: Config,
    engine: Any | None = None,
    question_limit: int | None = None,
    monthly_cycle: bool = True,
    budgets: RateBudgets | None = None,
    admin_notices: AdminNotices | None = None,
    digest_every: float = 60.0,
    menu_every: float = 300.0,
) -> Application:
    """`engine`: an already open database (tests); otherwise opened in post_init.
    `monthly_cycle`: plan and send reminders from this process (the scheduler
    lease still lets only one worker do it). `budgets`: per-user limits applied
    by the inbox worker before any handler; `admin_notices` and `digest_every`:
    how registration requests reach the admins (a card each, or a digest)."""
    quiet_http_logs()
    notices = admin_notices or AdminNotices()

    async def post_init(app: Application) -> None:
        await _start_services(app, config, engine, monthly_cycle, digest_every, menu_every)

    async def post_shutdown(app: Application) -> None:
        cycle = app.bot_data.pop("cycle", None)
        if cycle is not None:
            cycle.close()  # hand the scheduler lease to another worker now
        svc = app.bot_data.pop("services", None)
        if svc is not None and engine is None:
            svc.engine.dispose()

    app = (
        ApplicationBuilder()
        .token(config.token)
        .base_url(config.bot_base_url)
        .base_file_url(config.file_base_url)
        .updater(None)  # our own poller commits updates before acknowledging them
        .defaults(Defaults(parse_mode=ParseMode.HTML, tzinfo=ZoneInfo(config.timezone)))
        .rate_limiter(RetryingRateLimiter())
        # Updates never go through PTB's own queue: the inbox worker (bot/poller.py)
        # calls process_update from one lane per chat, in order within the chat.
        .concurrent_updates(False)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    app.bot_data["budgets"] = budgets if budgets is not None else rate_budgets(config, question_limit)
    app.bot_data["admin_notices"] = notices
    register_handlers(app)
    return app


async def _start_services(
    app: Application,
    config: Config,
    engine: Any | None,
    monthly_cycle: bool,
    digest_every: float,
    menu_every: float,
) -> None:
    """post_init: open the database, then install the services and the repeating jobs."""
    # in a worker thread like every database call: migrating or a busy database may take seconds
    db = engine if engine is not None else await asyncio.to_thread(open_database, config.database_url)
    if not await asyncio.to_thread(is_writable, db):  # every update is stored before it is handled
        raise DatabaseFault("read_only", "the bot stores every update it receives")
    app.bot_data["services"] = Services(
        engine=db,
        admin_ids=config.admin_ids,
        answers=load_answer_engine(db),
        web_url=config.web_url,
    )
    retention_job.install(app, db, config.retention_days)
    if app.job_queue is not None:
        app.job_queue.run_repeating(
            _registration_digest, interval=digest_every, first=min(digest_every, 5.0), name="digest"
        )
    if monthly_cycle:
        cycle = CycleJobs(db, ZoneInfo(config.timezone), config.cycle)
        cycle.install(app)
        app.bot_data["cycle"] = cycle
    try:
        await menus.set_defaults(app.bot)
    except TelegramError as exc:  # the menu is a convenience; the bot works without it
        log.warning("setMyCommands failed: %s", type(exc).__name__)
    if config.web_url:
        await _board_menu_button(app, config.web_url)
    if app.job_queue is not None:
        app.job_queue.run_repeating(_sync_menus, interval=menu_every, first=1.0, name="menus")


async def _board_menu_button(app: Application, web_url: str) -> None:
    """The chat's menu button opens the web board as a Mini App (bot/web.py)."""
    button = MenuButtonWebApp(texts.MENU_BOARD, WebAppInfo(f"{web_url}/app"))
    try:
        await app.bot.set_chat_menu_button(menu_button=button)
    except TelegramError as exc:  # a convenience, as the command list
        log.warning("setChatMenuButton failed: %s", type(exc).__name__)


async def _sync_menus(context: Any) -> None:
    """Each staff chat's command menu for its role (handlers/menus.py)."""
    svc = context.application.bot_data.get("services")
    if svc is None:
        return
    token = current_journal.set(None)
    try:
        shown = context.application.bot_data.setdefault("menus_shown", {})
        changed = await menus.sync(context.bot, svc.engine, svc.admin_ids, shown)
        if changed:
            log.info("menus: %d chat(s) given their role's commands", changed)
    except Exception:  # the database may be away for a while: the next run tries again
        log.exception("the menu sync failed")
    finally:
        current_journal.reset(token)


async def _registration_digest(context: Any) -> None:
    """Requests nobody was told of yet (many arrived at once, or a card was lost):
    one digest to the admins. Runs outside any update, so its sends are not
    counted as some update's replies."""
    svc = context.application.bot_data.get("services")
    if svc is None:
        return
    token = current_journal.set(None)
    try:
        notices: AdminNotices = context.application.bot_data["admin_notices"]
        sending = context.application.bot_data.get("registrations_in_hand") or set()
        told = await registration.send_digest(context.bot, svc.engine, svc.admin_ids, notices.grace, sending)
        if told:
            log.info("registration digest: %d request(s) announced", told)
    except Exception:  # the database may be away for a while: the next run tries again
        log.exception("the registration digest failed")
    finally:
        current_journal.reset(token)


def register_handlers(app: Application) -> None:
    """Handler groups run in ascending order; within a group the first match wins."""
    # New messages for commands and values: an edited command is not run twice.
    new = filters.UpdateType.MESSAGE
    private_text = new & filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE
    # An edited question is answered again: the asker corrected it and waits for the answer.
    edited_question = (
        filters.UpdateType.EDITED_MESSAGE & filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE
    )
    mention = new & filters.TEXT & ~filters.COMMAND & filters.ChatType.GROUPS & filters.Entity("mention")

    # Group -1: the value typed after picking an item in the guided /capnhat flow.
    # It stops further handling, so the value is not also taken as a question.
    app.add_handler(MessageHandler(private_text, progress.on_value), group=-1)

    # Group 0: commands, buttons (by callback-data prefix) and questions.
    commands = _commands()
    for name, callback in commands.items():
        app.add_handler(CommandHandler(name, callback, filters=new))
    for prefix, callback in _buttons().items():
        app.add_handler(CallbackQueryHandler(callback, pattern=f"^{prefix}"))
    app.add_handler(MessageHandler(private_text, ask.question))
    app.add_handler(MessageHandler(edited_question, ask.question))
    app.add_handler(MessageHandler(mention, chat.mention))
    app.add_handler(MessageHandler(_not_text(), chat.not_text))

    # Group 1: anything left — unknown commands get a hint, unknown buttons an answer.
    known = filters.Regex(rf"^/({'|'.join(commands)})(@\w+)?(\s|$)")
    app.add_handler(
        MessageHandler(new & filters.COMMAND & ~known & filters.ChatType.PRIVATE, errors.unknown_command),
        group=1,
    )
    app.add_handler(CallbackQueryHandler(_stale_button), group=1)

    app.add_error_handler(errors.on_error)


def _not_text() -> filters.BaseFilter:
    """A private message (new or edited) the bot cannot read: media, a file, a place, a contact."""
    return (
        (filters.UpdateType.MESSAGE | filters.UpdateType.EDITED_MESSAGE)
        & filters.ChatType.PRIVATE
        & ~filters.TEXT
        & (
            filters.PHOTO
            | filters.VOICE
            | filters.AUDIO
            | filters.VIDEO
            | filters.VIDEO_NOTE
            | filters.Sticker.ALL
            | filters.ANIMATION
            | filters.Document.ALL
            | filters.LOCATION
            | filters.CONTACT
        )
    )


def _commands() -> dict[str, Any]:
    """Each command's name and handler; the names also tell known commands from unknown ones."""
    return {
        "start": start.start,
        "help": start.help_command,
        "diaphuong": locality.choose,
        "chitieu": lookup.indicators,
        "nhiemvu": lookup.tasks,
        "tiendo": lookup.progress_command,
        "lichsu": lookup.history,
        "dangky": registration.register,
        "capnhat": progress.update_command,
        "theodoi": subscription.subscribe,
        "huytheodoi": subscription.unsubscribe,
        "baocao": report.report,
    }


def _buttons() -> dict[str, Any]:
    """Each button's callback-data prefix and handler."""
    return {
        locality.PREFIX: locality.on_button,
        lookup.PREFIX: lookup.on_button,
        browse.PREFIX: browse.on_button,
        subscription.PREFIX: subscription.on_place,
        ask.ASK_PREFIX: ask.on_candidate,
        registration.PREFIX: registration.on_decision,
        progress.CONFIRM: progress.on_confirm,
        progress.CANCEL: progress.on_cancel,
        progress.PICK: progress.on_pick,
    }


async def _stale_button(update: Update, context: Any) -> None:
    if update.callback_query is not None and not _handled_prefix(update.callback_query.data or ""):
        log.warning("unknown button data %r", update.callback_query.data)
        await update.callback_query.answer(texts.BUTTON_EXPIRED)


def _handled_prefix(data: str) -> bool:
    return data.startswith(tuple(_buttons()))
