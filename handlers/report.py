"""/baocao: admins and leaders get the locality's progress report (the XLSX of
the monthly cycle, built by storage.report) with a short summary."""

from __future__ import annotations

import logging
import tempfile
from datetime import datetime
from pathlib import Path

from telegram import Update
from telegram.ext import ContextTypes

from handlers import texts
from handlers.common import (
    command_text,
    current_user,
    esc,
    local_tz,
    private_only,
    reply,
    run_blocking,
    services,
)
from storage import progress
from storage.report import ReportError, build_report, parse_period, write_report

log = logging.getLogger(__name__)


@private_only
async def report(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user = await current_user(update, context)
    chat = update.effective_chat
    if user is None or chat is None or user.role not in ("admin", "leader"):
        await reply(update, context, texts.REPORT_FORBIDDEN)
        return
    svc = services(context)
    tz = local_tz(context)
    asked = command_text(update)
    try:  # '/baocao 2023-05': the report as it stood at the end of that month
        period = parse_period(asked, datetime.now(tz).date()) if asked else None
    except ReportError as exc:
        await reply(update, context, esc(exc) + "\n" + texts.REPORT_PERIOD_USAGE)
        return
    summary = await run_blocking(progress.locality_summary, svc.engine, user.locality_key)
    caption = texts.REPORT_SUMMARY.format(
        locality=esc(user.locality_name or texts.ALL_LOCALITIES), items=summary.items, updated=summary.updated
    )
    if not user.locality_name:
        await reply(update, context, caption + "\n" + texts.REPORT_NEED_LOCALITY)
        return
    try:
        built = await run_blocking(
            build_report, svc.engine, user.locality_name, period, locality_key=user.locality_key, tz=tz
        )
    except ReportError as exc:
        await reply(update, context, caption + "\n" + esc(exc))
        return
    if period:
        year, month = period.split("-")
        caption += "\n" + texts.REPORT_PERIOD.format(month=month, year=year)
    with tempfile.TemporaryDirectory() as tmp:
        sheet, chart = Path(tmp) / "bao-cao-tien-do.xlsx", Path(tmp) / "bieu-do-tien-do.png"
        await run_blocking(write_report, built, "xlsx", sheet)
        await run_blocking(write_report, built, "png", chart)
        with sheet.open("rb") as fh:
            await context.bot.send_document(chat.id, fh, filename=sheet.name, caption=caption)
        with chart.open("rb") as fh:
            await context.bot.send_photo(chat.id, fh, caption=texts.REPORT_CHART_CAPTION)
