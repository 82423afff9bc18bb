"""/baocao: admins and leaders get a short status (the full monthly report is
built by the monthly cycle)."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from handlers import texts
from handlers.common import current_user, esc, reply, services
from storage import progress


async def report(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user = current_user(update, context)
    if user is None or user.role not in ("admin", "leader"):
        await reply(update, context, texts.REPORT_FORBIDDEN)
        return
    summary = progress.locality_summary(services(context).engine, user.locality_key)
    await reply(
        update,
        context,
        texts.REPORT_SUMMARY.format(
            locality=esc(user.locality_name or "tất cả"), items=summary.items, updated=summary.updated
        ),
    )
