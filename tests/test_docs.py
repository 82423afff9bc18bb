"""The README and .env.example say what the code does."""

from __future__ import annotations

import re
from pathlib import Path

from bot.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent


def _subcommands() -> set[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return set(action.choices)  # type: ignore[arg-type]


def test_every_command_in_the_readme_exists() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    mentioned = set(re.findall(r"^planbot (\w+)", readme, flags=re.M))
    assert mentioned, "the README shows no planbot command"
    assert mentioned <= _subcommands()


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert {c for c in _subcommands() if f"planbot {c}" not in readme} == set()


def test_env_example_documents_every_variable_the_code_reads() -> None:
    example = (ROOT / ".env.example").read_text("utf-8")
    documented = set(re.findall(r"^([A-Z_]+)=", example, flags=re.M))
    used: set[str] = set()
    for package in ("bot", "storage", "handlers", "knowledge"):
        for path in (ROOT / package).rglob("*.py"):
            used |= set(re.findall(r"\b((?:TELEGRAM|PLANBOT)_[A-Z_]+)\b", path.read_text("utf-8")))
    assert used <= documented


def test_makefile_has_the_two_readme_commands() -> None:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert re.search(r"^demo:", makefile, flags=re.M) and re.search(r"^test:", makefile, flags=re.M)
    assert "make test" in (ROOT / ".ci" / "run").read_text("utf-8")
