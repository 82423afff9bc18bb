"""`planbot users add|import|revoke|list`: roles for offices that start from a
roster. A command states a user's whole role and links: links it does not name
are removed at once (`--keep-links` when adding is meant)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from knowledge.model import ROLES

DB_HELP = "địa chỉ cơ sở dữ liệu SQLAlchemy (mặc định: $PLANBOT_DATABASE_URL hoặc ./data)"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("users", help="vai trò và liên kết: users add, import, revoke, parties, list")
    # (a sub-parser is of the main parser's class: bot/cli_parser.VietnameseParser)
    users_sub = p.add_subparsers(dest="users_command", required=True, metavar="VIỆC")

    _add_parser(users_sub)
    _import_parser(users_sub)

    r = users_sub.add_parser("revoke", help="trở về người dân: bỏ vai trò và mọi liên kết ngay")
    r.add_argument(
        "--telegram-id",
        type=int,
        required=True,
        action="append",
        metavar="MÃ",
        help="mã Telegram (lặp lại cho nhiều người)",
    )
    r.add_argument("--db", metavar="URL", help=DB_HELP)
    r.set_defaults(func=cmd_revoke)

    ps = users_sub.add_parser("parties", help="các đơn vị, cán bộ trong kế hoạch có thể liên kết")
    ps.add_argument(
        "--locality",
        required=True,
        metavar="XÃ_PHƯỜNG",
        help="xã/phường (gõ gần đúng, có dấu hay không đều được)",
    )
    ps.add_argument("--db", metavar="URL", help=DB_HELP)
    ps.set_defaults(func=cmd_parties)

    ls = users_sub.add_parser("list", help="những người dùng có vai trò hoặc liên kết")
    ls.add_argument("--db", metavar="URL", help=DB_HELP)
    ls.set_defaults(func=cmd_list)


def _add_parser(users_sub: argparse._SubParsersAction) -> None:
    a = users_sub.add_parser("add", help="đặt vai trò, xã/phường và liên kết của một người dùng")
    a.add_argument("--telegram-id", type=int, required=True, metavar="MÃ", help="mã Telegram của người dùng")
    a.add_argument(
        "--role",
        choices=ROLES,
        required=True,
        help="vai trò: resident (người dân), officer (cán bộ), leader (lãnh đạo), admin (quản trị viên)",
    )
    a.add_argument(
        "--locality",
        required=True,
        metavar="XÃ_PHƯỜNG",
        help="xã/phường (gõ gần đúng, có dấu hay không đều được)",
    )
    a.add_argument(
        "--party",
        action="append",
        metavar="ĐƠN_VỊ",
        help="đơn vị hoặc cán bộ phụ trách trong kế hoạch (cho cán bộ, lãnh đạo): cách viết nào chỉ đúng một "
        "mục cũng được ('Đ/c Sâm', 'TYT', tên người ký kế hoạch cho lãnh đạo); xem danh sách bằng "
        "`users parties`; lặp lại để liên kết nhiều mục",
    )
    a.add_argument(
        "--keep-links", action="store_true", help="thêm vào các liên kết đang có thay vì thay thế chúng"
    )
    a.add_argument("--subscribe", action="store_true", help="gửi bản tin hằng tháng")
    a.add_argument("--db", metavar="URL", help=DB_HELP)
    a.set_defaults(func=cmd_add)


def _import_parser(users_sub: argparse._SubParsersAction) -> None:
    i = users_sub.add_parser("import", help="nhập danh sách CSV (telegram_id,role,locality,party,subscribe)")
    i.add_argument(
        "roster",
        type=Path,
        metavar="TỆP_CSV",
        help="tệp CSV, mỗi dòng một người (có thể nhiều dòng cho nhiều liên kết)",
    )
    i.add_argument(
        "--keep-links", action="store_true", help="thêm các liên kết của danh sách vào liên kết đang có"
    )
    i.add_argument(
        "--revoke-missing",
        action="store_true",
        help="cán bộ, lãnh đạo, quản trị viên không có trong danh sách trở về người dân",
    )
    i.add_argument("--db", metavar="URL", help=DB_HELP)
    i.set_defaults(func=cmd_import)


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
        f"Đã nhập {len(result.lines)} người dùng"
        + (f", {len(result.revoked)} người trở về người dân" if result.revoked else "")
        + "."
    )
    if result.kept:
        ids = ", ".join(str(t) for t in result.kept[:20]) + (" …" if len(result.kept) > 20 else "")
        print(
            f"{len(result.kept)} người đang có vai trò nhưng không có trong danh sách này, vẫn giữ vai trò: "
            f"{ids} (thêm --revoke-missing để đưa họ về người dân)",
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
        print(f"planbot users parties: lỗi: {exc}", file=sys.stderr)
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
    from storage.users import list_roles, role_name

    engine = open_database(args.db)
    entries = list_roles(engine)
    for e in entries:
        links = "; ".join(e.links) or "-"
        digest = "\tnhận bản tin" if e.subscribed else ""
        print(f"{e.telegram_id}\t{role_name(e.role)}\t{e.locality or '-'}\t{links}{digest}")
    print(f"{len(entries)} người dùng có vai trò hoặc liên kết", file=sys.stderr)
    return 0
