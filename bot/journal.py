"""Replies of an update being handled, journalled so that a replay after a
crash does not send them again.

After each visible send (sendMessage, sendDocument, ...) succeeds, the worker
commits the reply's sequence number on the inbox row; a replay of that update
skips every reply an earlier attempt completed. A reply whose request was in
flight at the crash is sent again (at least once: a reply is never lost; the
update's own effects are idempotent)."""

from __future__ import annotations

import logging
import time
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from storage import inbox

log = logging.getLogger(__name__)

JOURNALED = frozenset(
    {"sendMessage", "sendDocument", "sendPhoto", "editMessageText", "editMessageReplyMarkup"}
)


@dataclass
class SendJournal:
    engine: Any
    update_id: int
    already: int  # replies completed by earlier attempts
    seq: int = 0

    def should_skip(self) -> bool:
        """Count the next reply; True when an earlier attempt already sent it."""
        self.seq += 1
        if self.seq <= self.already:
            log.warning(
                "update %s: reply %d was sent before the restart; not again", self.update_id, self.seq
            )
            return True
        return False

    def sent(self) -> None:
        inbox.note_send(self.engine, self.update_id, self.seq)  # in a worker thread (retry.py)


current_journal: ContextVar[SendJournal | None] = ContextVar("current_journal", default=None)


def stand_in_result(endpoint: str, data: dict[str, Any]) -> dict[str, Any] | bool:
    """What the Bot API would have answered, for a reply that is not sent again."""
    if endpoint.startswith("edit"):
        return True
    chat_id = data.get("chat_id")
    try:
        cid = int(chat_id) if chat_id is not None else 0
    except (TypeError, ValueError):
        cid = 0
    return {
        "message_id": 0,
        "date": int(time.time()),
        "chat": {"id": cid, "type": "private" if cid > 0 else "group"},
        "text": str(data.get("text") or ""),
    }
