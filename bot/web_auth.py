"""Telegram Mini App sign-in for the web board.

Telegram hands a Mini App its launch data (`initData`, a query string) signed
with the bot's token: secret_key = HMAC_SHA256(key="WebAppData", msg=bot_token),
hash = hex(HMAC_SHA256(key=secret_key, msg=data_check_string)), where the
data-check-string is every received field but `hash`, sorted by key, as
'key=value' lines joined by '\\n' (core.telegram.org/bots/webapps, "Validating
data received via the Mini App"). A valid one becomes a short session cookie
signed with a key of our own derived from the same token, so the pages that
follow need no script."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from urllib.parse import parse_qsl

MAX_INIT_DATA = 4096  # Telegram's is a few hundred bytes; anything far longer is not from it
INIT_DATA_MAX_AGE = 24 * 3600  # seconds: an older launch must be opened again from Telegram
SESSION_SECONDS = 12 * 3600
COOKIE = "planbot_session"


@dataclass(frozen=True)
class TelegramUser:
    id: int
    first_name: str = ""


def init_data_secret(bot_token: str) -> bytes:
    return hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()


def sign_init_data(fields: dict[str, str], bot_token: str) -> str:
    """What Telegram does (tests and the operator's checks build launch data with it)."""
    from urllib.parse import urlencode

    check = "\n".join(f"{k}={v}" for k, v in sorted(fields.items()))
    digest = hmac.new(init_data_secret(bot_token), check.encode(), hashlib.sha256).hexdigest()
    return urlencode({**fields, "hash": digest})


def validate_init_data(init_data: str, bot_token: str, now: float | None = None) -> TelegramUser | None:
    """The user the launch data vouches for; None when it is forged, altered,
    stale, malformed or names no user."""
    if not init_data or len(init_data) > MAX_INIT_DATA or not bot_token:
        return None
    try:
        pairs = parse_qsl(init_data, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        return None
    fields = dict(pairs)
    if len(fields) != len(pairs):  # a repeated key: not what Telegram sends
        return None
    received = fields.pop("hash", "")
    check = "\n".join(f"{k}={v}" for k, v in sorted(fields.items()))
    expected = hmac.new(init_data_secret(bot_token), check.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, received):
        return None
    try:
        auth_date = int(fields.get("auth_date", ""))
        user = json.loads(fields.get("user", ""))
        user_id = int(user["id"])
    except (ValueError, KeyError, TypeError):
        return None
    age = (time.time() if now is None else now) - auth_date
    if not -300 <= age <= INIT_DATA_MAX_AGE:
        return None
    return TelegramUser(user_id, str(user.get("first_name", ""))[:100])


def _session_key(bot_token: str) -> bytes:
    # not the initData key: a session cookie must never pass for launch data, or back
    return hmac.new(b"planbot-web-session", bot_token.encode(), hashlib.sha256).digest()


def make_session(telegram_id: int, bot_token: str, now: float | None = None) -> str:
    expires = int((time.time() if now is None else now) + SESSION_SECONDS)
    body = f"{telegram_id}.{expires}"
    sig = hmac.new(_session_key(bot_token), body.encode(), hashlib.sha256).hexdigest()
    return f"{body}.{sig}"


def read_session(cookie: str | None, bot_token: str, now: float | None = None) -> int | None:
    """The Telegram id of a valid, unexpired session cookie; None otherwise."""
    if not cookie or len(cookie) > 200 or not bot_token:
        return None
    parts = cookie.split(".")
    if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit():
        return None
    body = f"{parts[0]}.{parts[1]}"
    expected = hmac.new(_session_key(bot_token), body.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, parts[2]):
        return None
    if int(parts[1]) < (time.time() if now is None else now):
        return None
    return int(parts[0])
