"""No output of any command shows the bot token: every `planbot` command runs
as a real process against a Bot API that answers 500, 401, or a proxy's HTML
error page quoting the request path (/bot<token>/getMe); stdout, stderr and
every row the database kept are searched for the token.

Before the redaction, `doctor` printed "The token `123456:…` was rejected",
`remind --send` printed it in a traceback, and the echoed page reached the
logs and the outbox's last_error."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import MetaData, select

from storage.cycle_models import OutboxMessage
from storage.db import transaction
from storage.ingest import ingest_paths
from tests.conftest import SAMPLES
from tests.fakes.bot_api import FakeBotApi
from tests.fakes.harness import TEST_TOKEN

PLANBOT = str(Path(sys.executable).with_name("planbot"))
SECRET = TEST_TOKEN.split(":", 1)[1]
# How the Bot API fails: Telegram's JSON with 500 or 401, or a proxy's page.
MODES = {
    "500": {"status": 500},
    "401": {"status": 401},
    "echo": {"status": 502, "echo_path": True},
}
FOREVER = 10**6


def cli_env(fake: FakeBotApi | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "PLANBOT_"))}
    env.update(
        TELEGRAM_BOT_TOKEN=TEST_TOKEN,
        TELEGRAM_API_BASE_URL=fake.url if fake else "http://127.0.0.1:9",
        PLANBOT_ADMIN_IDS="1001",
        PYTHONUNBUFFERED="1",
    )
    return env


async def planbot(
    *args: str, env: dict[str, str], cwd: Path, stdin: bytes = b"", until=None, timeout: float = 90
) -> tuple[int, str]:
    """Run a command; with `until`, stop it (SIGTERM) once until() is true.
    Returns the exit status and everything it wrote (stdout and stderr)."""
    proc = await asyncio.create_subprocess_exec(
        PLANBOT,
        *args,
        env=env,
        cwd=cwd,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    talk = asyncio.create_task(proc.communicate(stdin))
    if until is not None:
        deadline = asyncio.get_running_loop().time() + timeout
        while not until() and not talk.done() and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.1)
        if not talk.done():
            proc.send_signal(signal.SIGTERM)
    out, err = await asyncio.wait_for(talk, timeout)
    return proc.returncode or 0, out.decode() + err.decode()


def stored_text(engine) -> str:
    """Every value of every row of every table, as text (what 'logs' the database keeps)."""
    meta = MetaData()
    meta.reflect(engine)
    parts = []
    with engine.connect() as conn:
        for table in meta.sorted_tables:
            if table.name in ("search_docs", "search_terms") or table.name.startswith("search"):
                continue  # the plans' search index: large, and never fed by the Bot API
            parts.extend(repr(tuple(row)) for row in conn.execute(select(table)))
    return "\n".join(parts)


def assert_no_token(text: str) -> None:
    assert SECRET not in text, text[-3000:]
    assert TEST_TOKEN.replace(":", "%3A") not in text


def queue_one_message(engine) -> None:
    with transaction(engine) as s:
        s.add(
            OutboxMessage(
                dedup_key="42|digest|x|2024-05",
                chat_id=42,
                kind="digest",
                item="x",
                period="2024-05",
                text="Bản tin tháng 5",
                status="pending",
                attempts=0,
                planned_for=date(2024, 5, 20),
            )
        )


@pytest.mark.parametrize("mode", sorted(MODES))
async def test_no_token_when_every_bot_api_call_fails(engine, db_url, tmp_path, mode) -> None:
    """getMe fails too: doctor, remind --send and run give up, saying why, token-free."""
    queue_one_message(engine)
    async with FakeBotApi() as fake:
        fake.fail("*", times=FOREVER, **MODES[mode])
        env = cli_env(fake)
        rc, doctor = await planbot("doctor", "--db", db_url, env=env, cwd=tmp_path)
        assert rc == 1 and "FAIL  bot api" in doctor
        rc, remind = await planbot(
            "remind", "--date", "2024-05-20", "--send", "--db", db_url, env=env, cwd=tmp_path
        )
        assert rc != 0 and "cannot send" in remind
        rc, run = await planbot("run", "--db", db_url, "--poll-timeout", "1", env=env, cwd=tmp_path)
        assert rc != 0
        assert any(c.method == "getMe" for c in fake.calls)
    for text in (doctor, remind, run):
        assert "Traceback" not in text, text
        assert_no_token(text)
    if mode == "401":
        assert "rejected TELEGRAM_BOT_TOKEN" in doctor + remind + run
    assert_no_token(stored_text(engine))


@pytest.mark.parametrize("mode", sorted(MODES))
async def test_no_token_when_sending_fails(engine, db_url, tmp_path, mode) -> None:
    """getMe works, the sends fail: the sender's errors, the handler's traceback
    in the log and the outbox's last_error all stay token-free."""
    queue_one_message(engine)
    async with FakeBotApi() as fake:
        env = cli_env(fake)
        fake.fail("sendMessage", times=2, **MODES[mode])
        rc, remind = await planbot(
            "remind", "--date", "2024-05-20", "--send", "--db", db_url, env=env, cwd=tmp_path
        )
        sends_before = len([c for c in fake.calls if c.method == "sendMessage"])
        assert sends_before >= (1 if mode == "401" else 3)  # 401 is final; the others retried
        # The reply to /start fails (also after the retries of a 5xx), its apology too;
        # then sending works again and /help is answered.
        fake.fail("sendMessage", times=2 if mode == "401" else 6, **MODES[mode])
        fake.push_message(5005, "/start")
        fake.push_message(5005, "/help")
        rc, run = await planbot(
            "run", "--db", db_url, "--poll-timeout", "1", env=env, cwd=tmp_path, until=lambda: fake.sent(5005)
        )
        assert fake.sent(5005) and rc == 0, run  # stopped by SIGTERM, cleanly
    assert "sendMessage" in run or "error" in run.lower(), run  # the failures were logged
    for text in (remind, run):
        assert_no_token(text)
    assert_no_token(stored_text(engine))


async def test_no_token_from_the_other_commands(engine, db_url, tmp_path) -> None:
    """Commands that never call the Bot API still run with the token in their
    environment: none shows it, in success or in error."""
    assert all(r.ok for r in ingest_paths(engine, [next(iter(sorted(SAMPLES.glob("*.txt"))))]))
    (tmp_path / "roster.csv").write_text("telegram_id,role,locality,party,subscribe\nabc,officer,?,?,x\n")
    env = cli_env(None)
    commands = [
        ("ingest", str(SAMPLES), "--db", db_url),
        ("ingest", str(tmp_path / "missing.txt"), "--db", db_url),
        ("stats", "--db", db_url),
        ("export", "--db", db_url),
        ("ask", "tỷ lệ hộ nghèo", "--db", db_url),
        ("chat", "--db", db_url),
        ("users", "add", "--telegram-id", "7", "--role", "officer", "--locality", "Không Có", "--db", db_url),
        ("users", "import", str(tmp_path / "roster.csv"), "--db", db_url),
        (
            "report",
            "--locality",
            "Không Có",
            "--format",
            "csv",
            "--out",
            str(tmp_path / "r.csv"),
            "--db",
            db_url,
        ),
        ("remind", "--date", "2024-05-20", "--dry-run", "--db", db_url),
        ("doctor", "--db", db_url),  # the Bot API address refuses connections
    ]
    for args in commands:
        _, text = await planbot(*args, env=env, cwd=tmp_path, stdin="tỷ lệ hộ nghèo\n".encode())
        assert "Traceback" not in text, (args, text)
        assert_no_token(text)


def test_the_redaction_itself() -> None:
    """The pieces the commands rely on: a token split across writes, a very long
    line, a percent-encoded URL, an unknown token's shape, an exception's text."""
    import io
    import logging

    from bot.redact import RedactingFilter, RedactingStream, redact, register_secret

    register_secret(TEST_TOKEN)
    out = io.StringIO()
    stream = RedactingStream(out)
    half = len(TEST_TOKEN) // 2
    stream.write("url /bot" + TEST_TOKEN[:half])
    stream.write(TEST_TOKEN[half:] + "/getMe\n")
    stream.write("x" * 100_000 + TEST_TOKEN + "y" * 100_000)
    stream.flush()
    assert SECRET not in out.getvalue() and "/bot123456:***/getMe\n" in out.getvalue()
    assert len(out.getvalue()) > 200_000
    assert redact(f"/bot{TEST_TOKEN.replace(':', '%3A')}/getMe") == "/bot123456%3A***/getMe"
    other = "987654321:AAE" + "q" * 32
    assert redact(f"token={other}") == "token=987654321:***"
    assert redact("Hẹn 12:30, mã 2024:abc") == "Hẹn 12:30, mã 2024:abc"  # short: not a token
    try:
        raise RuntimeError(f"The token `{TEST_TOKEN}` was rejected")
    except RuntimeError:
        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "failed %s", (TEST_TOKEN,), sys.exc_info()
        )
    assert RedactingFilter().filter(record)
    assert SECRET not in logging.Formatter().format(record)
