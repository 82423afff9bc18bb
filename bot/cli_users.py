"""`planbot users add|import|revoke|list`: roles for offices that start from a
roster. A command states a user's whole role and links: links it does not name
are removed at once (`--keep-links` when adding is meant)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from knowledge.model import ROLES


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("users", help="roles and links: users add, import, revoke, list")
    users_sub = p.add_subparsers(dest="users_command", required=True, metavar="ACTION")

    a = users_sub.add_parser("add", help="set one user's role, locality and links")
    a.add_argument("--telegram-id", type=int, required=True)
    a.add_argument("--role", choices=ROLES, required=True)
    a.add_argument("--locality", required=True, help="the commune/ward (fuzzy, accents optional)")
    a.add_argument(
        "--party",
        action="append",
        help="the responsible unit or person in the plan (officer, leader): any spelling that names one "
        "('Đ/c Sâm', 'TYT', the signer's name for a leader); list them with `users parties`; repeat for several",
    )
    a.add_argument(
        "--keep-links", action="store_true", help="add the parties to his links instead of replacing them"
    )
    a.add_argument("--subscribe", action="store_true", help="send the monthly digest")
    a.add_argument("--db", metavar="URL")
    a.set_defaults(func=cmd_add)

    i = users_sub.add_parser("import", help="import a roster CSV (telegram_id,role,locality,party,subscribe)")
    i.add_argument("roster", type=Path)
    i.add_argument("--keep-links", action="store_true", help="add the rows' parties to existing links")
    i.add_argument(
        "--revoke-missing",
        action="store_true",
        help="officers, leaders and admins not in the roster become residents",
    )
    i.add_argument("--db", metavar="URL")
    i.set_defaults(func=cmd_import)

    r = users_sub.add_parser("revoke", help="back to resident: the role and every link go at once")
    r.add_argument("--telegram-id", type=int, required=True, action="append")
    r.add_argument("--db", metavar="URL")
    r.set_defaults(func=cmd_revoke)

    ps = users_sub.add_parser("parties", help="the units and officers of a plan a user may be linked to")
    ps.add_argument("--locality", required=True, help="the commune/ward (fuzzy, accents optional)")
    ps.add_argument("--db", metavar="URL")
    ps.set_defaults(func=cmd_parties)

    ls = users_sub.add_parser("list", help="users holding a role or a link")
    ls.add_argument("--db", metavar="URL")
    ls.set_defaults(func=cmd_list)


def cmd_add(args: argparse.Namespace) -> int:
    from storage.db import open_database
    from storage.users import UserError, add_user

    engine = open_database(args.db)
    try:
        print(
            add_user(
                engine,
                args.telegram_id,
                args.role,
                args.locality,
                args.party,
                args.subscribe,
                keep_links=args.keep_links,
            )
        )
    except UserError as exc:
        print(f"planbot users add: lỗi: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from storage.db import open_database
    from storage.users import UserError, import_roster

    engine = open_database(args.db)
    try:
        result = import_roster(
            engine, args.roster, keep_links=args.keep_links, revoke_missing=args.revoke_missing
        )
    except UserError as exc:
        print(f"{args.roster}: không nhập gì (sửa các lỗi dưới đây rồi chạy lại):", file=sys.stderr)
        for line in str(exc).splitlines():
            print(f"  {line}", file=sys.stderr)
        return 1
    for line in result.lines + result.revoked:
        print(line)
    print(
        f"{len(result.lines)} user(s) imported"
        + (f", {len(result.revoked)} revoked" if result.revoked else "")
    )
    if result.kept:
        ids = ", ".join(str(t) for t in result.kept[:20]) + (" …" if len(result.kept) > 20 else "")
        print(
            f"{len(result.kept)} user(s) holding a role are not in this roster and keep it: {ids} "
            "(--revoke-missing makes them residents)",
            file=sys.stderr,
        )
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    from storage.db import open_database
    from storage.users import UserError, revoke_user

    engine = open_database(args.db)
    status = 0
    for telegram_id in args.telegram_id:
        try:
            print(revoke_user(engine, telegram_id))
        except UserError as exc:
            print(f"planbot users revoke: lỗi: {exc}", file=sys.stderr)
            status = 1
    return status


KIND_NAMES = {"person": "cán bộ", "unit": "đơn vị", "title": "chức danh"}


def cmd_parties(args: argparse.Namespace) -> int:
    from storage.db import open_database
    from storage.users import UserError, list_parties

    engine = open_database(args.db)
    try:
        place, listed = list_parties(engine, args.locality)
    except UserError as exc:
        print(f"planbot users parties: {exc}", file=sys.stderr)
        return 1
    print(f"Đơn vị/cán bộ trong kế hoạch của {place} ({len(listed)}):")
    for p in listed:
        if p.signer:
            what = "người ký kế hoạch — chỉ dùng cho lãnh đạo"
        else:
            parts = [
                f"chỉ đạo {p.leads} mục" if p.leads else "",
                f"thực hiện {p.reports} mục" if p.reports else "",
            ]
            what = ", ".join(x for x in parts if x) or "chỉ phối hợp"
        print(f"  {p.display}\t{KIND_NAMES.get(p.kind, p.kind)}\t{what}")
    print(
        "Dùng cho --party: tên như trên, hoặc phần tên chỉ khớp một mục "
        "(ví dụ chỉ tên người, hoặc chữ viết tắt như TYT).",
        file=sys.stderr,
    )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from storage.db import open_database
    from storage.users import list_roles

    engine = open_database(args.db)
    entries = list_roles(engine)
    for e in entries:
        links = "; ".join(e.links) or "-"
        digest = " digest" if e.subscribed else ""
        print(f"{e.telegram_id}\t{e.role}\t{e.locality or '-'}\t{links}{digest}")
    print(f"{len(entries)} user(s) with a role or a link", file=sys.stderr)
    return 0
