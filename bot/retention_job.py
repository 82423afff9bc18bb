"""Inside `planbot run`: the retention purge (storage/retention.py) shortly after
start-up and then every few hours, in a worker thread."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, cast

from telegram.ext import Application, ContextTypes

from storage.retention import purge_expired

log = logging.getLogger(__name__)

INTERVAL_S = 6 * 3600
FIRST_S = 5.0  # soon after start: a bot restarted daily still purges


def install(app: Application, engine: Any, days: int) -> None:
    jq = app.job_queue
    if jq is None:
        raise RuntimeError("python-telegram-bot was installed without the job-queue extra")
    jq.run_repeating(
        _purge,
        interval=INTERVAL_S,
        first=FIRST_S,
        name="retention",
        data=(engine, days),
        job_kwargs={"coalesce": True, "misfire_grace_time": 3600},
    )


async def _purge(context: ContextTypes.DEFAULT_TYPE) -> None:
    engine, days = cast(tuple[Any, int], context.job.data if context.job else None)
    try:
        purged = await asyncio.to_thread(purge_expired, engine, days)
    except Exception:  # a busy or unreachable database: the next run tries again
        log.warning("retention: purge failed; retrying in %d h", INTERVAL_S // 3600, exc_info=True)
        return
    if purged.total:
        log.info(
            "retention: deleted %d inbox update(s), %d draft(s), %d send attempt(s) older than %d days",
            purged.inbox,
            purged.drafts,
            purged.attempts,
            days,
        )
