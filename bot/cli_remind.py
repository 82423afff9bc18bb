"""`planbot remind`: what the monthly cycle plans on a date, and sending it now."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from bot.cli_data import add_db_option


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("remind", help="plan (and optionally send) the reminders of a date")
    p.add_argument("--date", required=True, type=date.fromisoformat, metavar="YYYY-MM-DD")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--dry-run", action="store_true", help="only print what would be planned")
    mode.add_argument("--send", action="store_true", help="plan and send now through the Bot API")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    add_db_option(p)
    p.set_defaults(func=cmd_remind)


def cmd_remind(args: argparse.Namespace) -> int:
    from bot.config import ConfigError, load_cycle_settings
    from storage.db import open_database, transaction
    from storage.reminders import enqueue, plan_messages

    try:
        settings = load_cycle_settings()
    except ConfigError as exc:
        print(f"planbot remind: {exc}", file=sys.stderr)
        return 2
    engine = open_database(args.db)
    with transaction(engine) as session:
        planned = plan_messages(session, args.date, settings)
        if not args.dry_run:
            inserted = enqueue(session, planned, args.date)
    if args.json:
        json.dump([p.as_json() for p in planned], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for p in planned:
            print(f"{p.kind:16} chat {p.chat_id}: {p.item[:80]}")
        print(f"{len(planned)} message(s) planned for {args.date.isoformat()}", file=sys.stderr)
    if args.dry_run:
        return 0
    print(f"{inserted} new message(s) queued", file=sys.stderr)
    if args.send:
        from bot.sender import send_pending_now  # the outbox sender

        return send_pending_now(engine)
    return 0
