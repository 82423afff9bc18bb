"""planbot — plans of Vietnamese communes, in a database and on Telegram.

Each sub-command lives in its own `bot/cli_*.py` module with a `register`
function; this file only assembles them. Those modules import the database,
Telegram and the extractors inside the command functions, so a command pays
only for what it uses (`planbot ask` starts without loading Telegram)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from bot import cli_ask, cli_data, cli_doctor, cli_remind, cli_report, cli_run, cli_users


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="planbot", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (cli_data, cli_remind, cli_report, cli_ask, cli_run, cli_users, cli_doctor):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
