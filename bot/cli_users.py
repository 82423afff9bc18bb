"""`planbot users add|import`: roles for offices that start from a roster."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from knowledge.model import ROLES


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("users", help="grant roles: users add, users import ROSTER.csv")
    users_sub = p.add_subparsers(dest="users_command", required=True, metavar="ACTION")

    a = users_sub.add_parser("add", help="add or change one user")
    a.add_argument("--telegram-id", type=int, required=True)
    a.add_argument("--role", choices=ROLES, required=True)
    a.add_argument("--locality", required=True, help="the commune/ward (fuzzy, accents optional)")
    a.add_argument("--party", help="the responsible unit or person in the plan (officer, leader)")
    a.add_argument("--subscribe", action="store_true", help="send the monthly digest")
    a.add_argument("--db", metavar="URL")
    a.set_defaults(func=cmd_add)

    i = users_sub.add_parser("import", help="import a roster CSV (telegram_id,role,locality,party,subscribe)")
    i.add_argument("roster", type=Path)
    i.add_argument("--db", metavar="URL")
    i.set_defaults(func=cmd_import)


def cmd_add(args: argparse.Namespace) -> int:
    from storage.db import open_database
    from storage.users import UserError, add_user

    engine = open_database(args.db)
    try:
        print(add_user(engine, args.telegram_id, args.role, args.locality, args.party, args.subscribe))
    except UserError as exc:
        print(f"planbot users add: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from storage.db import open_database
    from storage.users import UserError, import_roster

    engine = open_database(args.db)
    try:
        done = import_roster(engine, args.roster)
    except UserError as exc:
        print(f"{args.roster}: nothing imported:", file=sys.stderr)
        for line in str(exc).splitlines():
            print(f"  {line}", file=sys.stderr)
        return 1
    for line in done:
        print(line)
    print(f"{len(done)} user(s) imported")
    return 0
