"""One redaction for everything a planbot process prints or logs.

The bot token is a password: whoever holds it can read every message sent to
the bot and speak as it. It can surface in many places we do not write
ourselves — python-telegram-bot's InvalidToken text ("The token `…` was
rejected"), a request URL (/bot<token>/getMe) in an httpx error, a proxy's
error page that echoes the path and that PTB logs in full, a traceback. So
instead of guarding each message, every output channel goes through `redact`:

- `install(...)` at the CLI entry wraps sys.stdout and sys.stderr (tracebacks
  and log handlers write there too) and adds a logging filter to the root
  handlers (for records that reach another stream or a file);
- `load_config` registers the token it read, so whatever token the process
  uses is known before anything can print it.

Kept free of Telegram and SQLAlchemy imports: `planbot ask` loads it too."""

from __future__ import annotations

import io
import logging
import os
import re
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TextIO

MASK = "***"
# A BotFather token anywhere, also inside a URL whose ':' was percent-encoded:
# the bot id stays readable (it is public), the secret part is masked.
TOKEN_PATTERN = re.compile(r"(?<![A-Za-z0-9])(\d{3,20})(:|%3[Aa])[A-Za-z0-9_-]{30,}")
# Shorter secrets are masked only when known (a test token like '123:abcdefgh').
_MIN_SECRET = 6

_lock = threading.Lock()
_secrets: set[str] = set()


def register_secret(token: str | None) -> None:
    """Mask this token from now on: its secret part, so that the public bot id
    stays readable ('123456:***'); the whole of a token without one."""
    if not token:
        return
    token = token.strip()
    secret = token.split(":", 1)[1] if ":" in token else token
    value = secret if len(secret) >= _MIN_SECRET else token
    if len(value) >= _MIN_SECRET:  # shorter: masking it would garble ordinary output
        with _lock:
            _secrets.add(value)


def redact(text: str) -> str:
    if not text:
        return text
    for secret in sorted(_secrets, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, MASK)
    return TOKEN_PATTERN.sub(lambda m: f"{m.group(1)}{m.group(2)}{MASK}", text)


def token_from_environment(env: Mapping[str, str] | None = None, env_file: Path | None = None) -> str | None:
    """TELEGRAM_BOT_TOKEN as `load_config` would read it (environment over ./.env),
    without validating it: a malformed token is still a secret."""
    values = os.environ if env is None else env
    token = values.get("TELEGRAM_BOT_TOKEN", "").strip()
    if token:
        return token
    path = env_file if env_file is not None else Path.cwd() / ".env"
    try:
        if path.is_file():
            from dotenv import dotenv_values

            return (dotenv_values(path).get("TELEGRAM_BOT_TOKEN") or "").strip() or None
    except (OSError, ValueError):
        return None
    return None


class RedactingStream(io.TextIOBase):
    """Wraps a text stream; text is redacted a whole line at a time before it is
    written, so a token split across two write() calls is still caught. A very
    long line is written in pieces, keeping a tail longer than any token back.
    flush() writes the rest."""

    LONG_LINE = 65536
    KEEP = 256  # > the longest token (20 + 1 + 100 characters, or 123 with '%3A')

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream
        self._parts: list[str] = []
        self._size = 0
        self._lock = threading.Lock()  # worker threads log while the main thread prints

    def write(self, text: str) -> int:
        with self._lock:
            self._parts.append(text)
            self._size += len(text)
            if "\n" in text or self._size > self.LONG_LINE:
                pending = redact("".join(self._parts))
                if "\n" in text:
                    head, _, tail = pending.rpartition("\n")
                    head += "\n"
                else:
                    head, tail = pending[: -self.KEEP], pending[-self.KEEP :]
                self.stream.write(head)
                self._parts, self._size = ([tail] if tail else []), len(tail)
        return len(text)

    def flush(self) -> None:
        with self._lock:
            if self._parts:
                self.stream.write(redact("".join(self._parts)))
                self._parts, self._size = [], 0
        self.stream.flush()

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]  # read-only on purpose: the wrapped stream's
        return self.stream.encoding

    @property
    def errors(self) -> str | None:  # type: ignore[override]  # read-only on purpose, as encoding
        return self.stream.errors

    def __getattr__(self, name: str) -> Any:  # buffer, line_buffering, ... of the real stream
        return getattr(self.stream, name)


class RedactingFilter(logging.Filter):
    """Masks the token in a record's message, arguments and exception text."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: leave it to the handler's error path
            return True
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def quiet_http_logs() -> None:
    """httpx logs every request URL at INFO, and the URL contains the token.
    PTB logs a non-JSON answer (a proxy's error page) with a traceback before
    raising an error that carries the same page: the error is enough."""
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.getLogger("telegram.request").setLevel(logging.CRITICAL)


def install_log_filter(logger: logging.Logger | None = None) -> None:
    """Add the filter to every handler of the logger (root by default); idempotent."""
    for handler in (logger or logging.getLogger()).handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())


def install_streams() -> None:
    """Route sys.stdout and sys.stderr through the redaction (idempotent)."""
    import sys

    if not isinstance(sys.stdout, RedactingStream):
        sys.stdout = RedactingStream(sys.stdout)
    if not isinstance(sys.stderr, RedactingStream):
        sys.stderr = RedactingStream(sys.stderr)
