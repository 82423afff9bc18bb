"""Configuration from the environment and `.env` (see .env.example)."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dotenv import dotenv_values

from bot.redact import register_secret
from handlers.budget import Budget, parse_budgets
from knowledge.readers import ReadLimits
from storage.ingest import IngestLimits
from storage.reminders import CycleSettings
from storage.retention import DEFAULT_RETENTION_DAYS

PUBLIC_API = "https://api.telegram.org"
DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
# '<bot id>:<secret>' as BotFather issues it.
TOKEN_RE = re.compile(r"\d{1,20}:[A-Za-z0-9_-]{5,100}")


class ConfigError(ValueError):
    """One line telling the operator what to fix."""


@dataclass(frozen=True)
class Config:
    token: str
    api_base_url: str  # e.g. https://api.telegram.org or a local stand-in
    database_url: str | None
    admin_ids: frozenset[int]
    timezone: str = DEFAULT_TIMEZONE
    webhook_secret: str | None = None
    cycle: CycleSettings = field(default_factory=CycleSettings)
    retention_days: int = DEFAULT_RETENTION_DAYS
    budgets: dict[str, Budget] | None = None  # per-user limits (PLANBOT_BUDGETS); None: the defaults
    web_url: str | None = None  # the web board (PLANBOT_WEB_URL): the Mini App button opens it

    @property
    def bot_base_url(self) -> str:
        """What ApplicationBuilder.base_url expects (the token is appended)."""
        return _with_suffix(self.api_base_url, "/bot")

    @property
    def file_base_url(self) -> str:
        base = self.api_base_url.rstrip("/")
        base = base.removesuffix("/bot")
        return base + "/file/bot"

    def __repr__(self) -> str:  # never show the token
        return f"Config(api_base_url={self.api_base_url!r}, admins={sorted(self.admin_ids)})"


@dataclass(frozen=True)
class WebSettings:
    """`planbot web` (see bot/web.py and .env.example)."""

    public: bool = True
    bot_token: str | None = field(default=None, repr=False)  # checks the Mini App sign-in; none: no sign-in
    timezone: str = "Asia/Ho_Chi_Minh"
    rate_burst: int = 60  # requests a client may make at once ...
    rate_per: float = 60.0  # ... earned back over this many seconds
    trust_proxy: bool = False  # the client is X-Forwarded-For's first address (behind a proxy)


def _with_suffix(url: str, suffix: str) -> str:
    url = url.rstrip("/")
    if "{token}" in url or url.endswith(suffix):
        return url
    return url + suffix


def _env(overrides: Mapping[str, str] | None, env_file: Path | None) -> dict[str, str]:
    """Process environment wins over `.env`."""
    merged: dict[str, str] = {}
    path = env_file if env_file is not None else Path.cwd() / ".env"
    if path.is_file():
        merged.update({k: v for k, v in dotenv_values(path).items() if v is not None})
    merged.update(os.environ if overrides is None else overrides)
    return merged


def parse_admin_ids(text: str) -> frozenset[int]:
    ids = set()
    for part in re.split(r"[,\s;]+", text.strip()):
        if not part:
            continue
        if not re.fullmatch(r"\d{1,20}", part):
            raise ConfigError(
                f"PLANBOT_ADMIN_IDS: {part!r} is not a Telegram user id (comma-separated numbers)"
            )
        ids.add(int(part))
    return frozenset(ids)


def load_config(
    database_url: str | None = None,
    env: Mapping[str, str] | None = None,
    env_file: Path | None = None,
) -> Config:
    values = _env(env, env_file)
    token = values.get("TELEGRAM_BOT_TOKEN", "").strip()
    register_secret(token)  # from now on no output of this process shows it, even malformed
    if not token:
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN is not set: put the token from @BotFather in the environment or .env"
        )
    if not TOKEN_RE.fullmatch(token):
        raise ConfigError("TELEGRAM_BOT_TOKEN is malformed: expected '<digits>:<letters, digits, _ or ->'")
    base = values.get("TELEGRAM_API_BASE_URL", "").strip() or PUBLIC_API
    if not re.match(r"https?://", base):
        raise ConfigError(f"TELEGRAM_API_BASE_URL must start with http:// or https://, got {base!r}")
    tz = values.get("PLANBOT_TIMEZONE", "").strip() or DEFAULT_TIMEZONE
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"PLANBOT_TIMEZONE: unknown time zone {tz!r}") from None
    return Config(
        token=token,
        api_base_url=base,
        database_url=database_url or values.get("PLANBOT_DATABASE_URL") or None,
        admin_ids=parse_admin_ids(values.get("PLANBOT_ADMIN_IDS", "")),
        timezone=tz,
        webhook_secret=values.get("PLANBOT_WEBHOOK_SECRET") or None,
        cycle=cycle_settings_from(values),
        retention_days=_int_setting(values, "PLANBOT_RETENTION_DAYS", DEFAULT_RETENTION_DAYS, 1, 3650),
        budgets=_budgets(values),
        web_url=web_url_from(values),
    )


def _budgets(values: Mapping[str, str]) -> dict[str, Budget] | None:
    text = values.get("PLANBOT_BUDGETS", "").strip()
    if not text:
        return None
    try:
        return parse_budgets(text)
    except ValueError as exc:
        raise ConfigError(f"PLANBOT_BUDGETS: {exc}") from None


def load_web_settings(env: Mapping[str, str] | None = None, env_file: Path | None = None) -> WebSettings:
    """`planbot web`'s settings: public or Telegram sign-in only, the rate limit.
    The token is optional while the board is public (no Mini App sign-in without it)."""
    values = _env(env, env_file)
    public_text = values.get("PLANBOT_WEB_PUBLIC", "").strip().lower() or "true"
    if public_text not in ("true", "false", "1", "0", "yes", "no"):
        raise ConfigError(f"PLANBOT_WEB_PUBLIC: expected true or false, got {public_text!r}")
    public = public_text in ("true", "1", "yes")
    token = values.get("TELEGRAM_BOT_TOKEN", "").strip() or None
    register_secret(token or "")
    if token is not None and not TOKEN_RE.fullmatch(token):
        raise ConfigError("TELEGRAM_BOT_TOKEN is malformed: expected '<digits>:<letters, digits, _ or ->'")
    if not public and token is None:
        raise ConfigError("PLANBOT_WEB_PUBLIC=false needs TELEGRAM_BOT_TOKEN: the sign-in is checked with it")
    tz = values.get("PLANBOT_TIMEZONE", "").strip() or DEFAULT_TIMEZONE
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"PLANBOT_TIMEZONE: unknown time zone {tz!r}") from None
    rate = values.get("PLANBOT_WEB_RATE", "").strip() or "60/60"
    m_rate = re.fullmatch(r"(\d{1,5})/(\d{1,5})", rate)
    if m_rate is None or int(m_rate.group(1)) < 1 or int(m_rate.group(2)) < 1:
        raise ConfigError(f"PLANBOT_WEB_RATE: expected REQUESTS/SECONDS such as 60/60, got {rate!r}")
    trust = values.get("PLANBOT_WEB_TRUST_PROXY", "").strip().lower() in ("true", "1", "yes")
    return WebSettings(
        public=public,
        bot_token=token,
        timezone=tz,
        rate_burst=int(m_rate.group(1)),
        rate_per=float(m_rate.group(2)),
        trust_proxy=trust,
    )


def web_url_from(values: Mapping[str, str]) -> str | None:
    """PLANBOT_WEB_URL: where the board is served (https, as Telegram requires of a Mini App)."""
    url = values.get("PLANBOT_WEB_URL", "").strip().rstrip("/")
    if not url:
        return None
    if not url.startswith("https://"):
        raise ConfigError(
            f"PLANBOT_WEB_URL must start with https:// (Telegram opens only those), got {url!r}"
        )
    return url


def load_cycle_settings(env: Mapping[str, str] | None = None, env_file: Path | None = None) -> CycleSettings:
    """The monthly cycle's settings alone: `planbot remind` needs no token."""
    return cycle_settings_from(_env(env, env_file))


def cycle_settings_from(values: Mapping[str, str]) -> CycleSettings:
    defaults = CycleSettings()
    digest = _optional_int(values, "PLANBOT_DIGEST_DAY", 1, 31)  # None: the month's last day
    return CycleSettings(
        default_report_day=_int_setting(values, "PLANBOT_REPORT_DAY", defaults.default_report_day, 1, 31),
        remind_working_days_before=_int_setting(
            values, "PLANBOT_REMIND_DAYS_BEFORE", defaults.remind_working_days_before, 0, 15
        ),
        nudge_days=_int_list_setting(values, "PLANBOT_NUDGE_DAYS", defaults.nudge_days),
        escalation_delay_days=_int_setting(
            values, "PLANBOT_ESCALATION_DAYS", defaults.escalation_delay_days, 1, 365
        ),
        digest_day=digest,
        timezone=(values.get("PLANBOT_TIMEZONE", "").strip() or DEFAULT_TIMEZONE),
    )


def _int_setting(values: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    value = _optional_int(values, name, low, high)
    return default if value is None else value


def _optional_int(values: Mapping[str, str], name: str, low: int, high: int) -> int | None:
    text = values.get(name, "").strip()
    if not text:
        return None
    if not re.fullmatch(r"\d{1,4}", text) or not low <= int(text) <= high:
        raise ConfigError(f"{name}: expected a whole number from {low} to {high}, got {text!r}")
    return int(text)


def _int_list_setting(values: Mapping[str, str], name: str, default: tuple[int, ...]) -> tuple[int, ...]:
    text = values.get(name, "").strip()
    if not text:
        return default
    parts = [p for p in re.split(r"[,\s;]+", text) if p]
    if not all(re.fullmatch(r"\d{1,3}", p) and 0 <= int(p) <= 365 for p in parts):
        raise ConfigError(f"{name}: expected days before the deadline, e.g. '7,1', got {text!r}")
    return tuple(sorted({int(p) for p in parts}, reverse=True))


def load_ingest_limits(env: Mapping[str, str] | None = None, env_file: Path | None = None) -> IngestLimits:
    """The bounds on one ingested file (`planbot ingest` needs no token)."""
    return ingest_limits_from(_env(env, env_file))


def ingest_limits_from(values: Mapping[str, str]) -> IngestLimits:
    read = ReadLimits()
    mib = 2**20
    return IngestLimits(
        read=ReadLimits(
            max_file_bytes=_bounded(values, "PLANBOT_INGEST_MAX_FILE_MB", read.max_file_bytes // mib, 1, 1000)
            * mib,
            max_docx_inflated_bytes=_bounded(
                values, "PLANBOT_INGEST_MAX_UNPACKED_MB", read.max_docx_inflated_bytes // mib, 1, 10000
            )
            * mib,
            max_pdf_pages=_bounded(values, "PLANBOT_INGEST_MAX_PDF_PAGES", read.max_pdf_pages, 1, 100000),
        ),
        max_seconds=_bounded(values, "PLANBOT_INGEST_MAX_SECONDS", int(IngestLimits().max_seconds), 0, 86400),
    )


def _bounded(values: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    text = values.get(name, "").strip()
    if not text:
        return default
    if not re.fullmatch(r"\d{1,6}", text) or not low <= int(text) <= high:
        raise ConfigError(f"{name}: expected a whole number from {low} to {high}, got {text!r}")
    return int(text)
