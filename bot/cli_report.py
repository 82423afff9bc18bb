"""`planbot report`: the progress report of a locality as XLSX, CSV or PNG."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from bot.cli_data import add_db_option


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="progress report of a locality (xlsx, csv or png)")
    p.add_argument("--locality", required=True, metavar="TEXT")
    p.add_argument("--format", required=True, choices=["xlsx", "csv", "png"])
    p.add_argument("--out", required=True, type=Path, metavar="FILE")
    p.add_argument("--period", metavar="YYYY-MM", help="progress up to the end of this month")
    add_db_option(p)
    p.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from bot.config import DEFAULT_TIMEZONE
    from storage.db import open_database
    from storage.report import ReportError, build_report, write_report

    engine = open_database(args.db)
    name = os.environ.get("PLANBOT_TIMEZONE", "").strip() or DEFAULT_TIMEZONE
    try:
        tz = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        print(f"PLANBOT_TIMEZONE: unknown time zone {name!r}", file=sys.stderr)
        return 2
    try:
        report = build_report(engine, args.locality, args.period, tz=tz)
    except ReportError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_report(report, args.format, args.out)
    print(f"{args.out}: {len(report.rows)} indicators of {report.locality}")
    return 0
