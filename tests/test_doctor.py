"""`planbot doctor` names what is wrong, one line each."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from tests.fakes.bot_api import FakeBotApi

PLANBOT = str(Path(sys.executable).parent / "planbot")


async def _doctor(db_url: str, **env: str) -> tuple[int, list[str]]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "PLANBOT_"))}
    full_env.update(env)
    proc = await asyncio.create_subprocess_exec(
        PLANBOT, "doctor", "--db", db_url, env=full_env, cwd="/", stdout=asyncio.subprocess.PIPE
    )
    out, _ = await proc.communicate()
    return proc.returncode or 0, out.decode().splitlines()


async def test_all_checks_pass_against_a_working_setup(engine, db_url) -> None:
    async with FakeBotApi() as fake:
        rc, lines = await _doctor(db_url, TELEGRAM_BOT_TOKEN="123:abcdefgh", TELEGRAM_API_BASE_URL=fake.url)
    assert rc == 0, lines
    assert [line.split()[0] for line in lines] == ["ok", "ok", "ok", "ok"]


async def test_missing_token_and_unmigrated_database_are_named(tmp_path) -> None:
    rc, lines = await _doctor(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    assert rc == 1
    failed = {line.split(":")[0].removeprefix("FAIL  ") for line in lines if line.startswith("FAIL")}
    assert failed == {"migrations", "token", "bot api"}
    assert any("TELEGRAM_BOT_TOKEN" in line for line in lines)
