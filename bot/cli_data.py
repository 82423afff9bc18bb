"""Data commands: ingest, export, stats."""

from __future__ import annotations

import argparse
import json
import sys


def add_db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", help="SQLAlchemy URL (default: $PLANBOT_DATABASE_URL or ./data)")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="read plan documents (files or folders) into the database")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument(
        "--json", action="store_true", help="one JSON object per file (file, status, plan_id, message)"
    )
    p.add_argument(
        "--locality",
        metavar="PLACE",
        help='the place of every file of this call, e.g. "xã Sơn Lang, tỉnh Gia Lai" (checked against '
        "the national list of administrative units)",
    )
    add_db_option(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("export", help="print the current plans as JSON")
    p.add_argument("--format", choices=["json"], default="json")
    add_db_option(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("stats", help="counts per plan")
    add_db_option(p)
    p.set_defaults(func=cmd_stats)


def cmd_ingest(args: argparse.Namespace) -> int:
    """One line per file in Vietnamese, for the clerk (refusals on stderr); with
    --json one object per file on stdout, for scripts. Exit 1 when any file was refused."""
    from bot.config import ConfigError, load_ingest_limits
    from knowledge.places import PlaceNotFound, parse_place
    from storage.db import open_database
    from storage.ingest import ingest_paths

    try:
        place = parse_place(args.locality) if args.locality is not None else None
    except PlaceNotFound as exc:  # before any file is read: nothing is stored under a wrong place
        print(f"--locality: {exc}", file=sys.stderr)
        return 2
    try:
        limits = load_ingest_limits()
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    engine = open_database(args.db)
    results = ingest_paths(engine, args.paths, place, limits)
    if not results:
        print("không thấy tệp nào đọc được (.txt, .md, .docx, .pdf)", file=sys.stderr)
        return 1
    for r in results:
        if args.json:
            row = {"file": str(r.path), "status": r.status, "plan_id": r.plan_id, "message": r.message}
            print(json.dumps(row, ensure_ascii=False), flush=True)
        else:
            print(r.message, file=sys.stdout if r.ok else sys.stderr, flush=True)
    return 0 if all(r.ok for r in results) else 1


def cmd_export(args: argparse.Namespace) -> int:
    from storage.db import open_database
    from storage.export import export_plans

    engine = open_database(args.db)
    json.dump(export_plans(engine), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from storage.db import open_database
    from storage.export import plan_stats

    engine = open_database(args.db)
    rows = plan_stats(engine)
    if not rows:
        print("no plan in the database")
        return 0
    for r in rows:
        flag = "" if r["current"] else " (superseded)"
        print(
            f"{r['source']} v{r['version']}{flag}: {r['locality'] or '?'} {r['period']}: "
            f"{r['indicators']} indicators, {r['tasks']} tasks, {r['reporting_rules']} reporting rules, "
            f"{r['unit_duties']} unit duties, {r['progress']} progress records"
        )
    return 0
