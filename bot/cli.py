"""planbot — plans of Vietnamese communes, in a database and on Telegram.

Each sub-command lives in its own `bot/cli_*.py` module with a `register`
function; this file only assembles them. Those modules import the database,
Telegram and the extractors inside the command functions, so a command pays
only for what it uses (`planbot ask` starts without loading Telegram)."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import traceback
from collections.abc import Sequence

from bot import cli_ask, cli_data, cli_doctor, cli_remind, cli_report, cli_run, cli_users, cli_web, redact
from bot.cli_parser import VietnameseParser

# Exit status of a command stopped by a database fault (locked, read-only, unreachable, full).
DATABASE_FAULT = 3


def build_parser() -> argparse.ArgumentParser:
    parser = VietnameseParser(prog="planbot", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (cli_data, cli_remind, cli_report, cli_ask, cli_run, cli_web, cli_users, cli_doctor):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Every command runs with its output and logs redacted (bot/redact.py), and a
    database fault ends it with one Vietnamese line and exit status 3, never a traceback."""
    stdout, stderr = sys.stdout, sys.stderr
    redact.register_secret(redact.token_from_environment())
    redact.install_streams()
    try:
        logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        redact.install_log_filter()
        redact.quiet_http_logs()
        args = build_parser().parse_args(argv)
        return _run(args)
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(BrokenPipeError):  # the reader went away: nothing to say
                stream.flush()
        sys.stdout, sys.stderr = stdout, stderr


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # 'planbot export | head': the reader has what it wanted; Python would otherwise
        # print a traceback when it flushes the closed pipe at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        return 141
    except Exception as exc:
        from bot.cli_errors import database_message

        message = database_message(exc, getattr(args, "db", None))
        if message is None:  # a bug: the traceback is wanted, redacted like everything else
            traceback.print_exc()
            return 1
        print(f"planbot {args.command}: {message}", file=sys.stderr)
        return DATABASE_FAULT


if __name__ == "__main__":
    sys.exit(main())
