"""Question answering from the terminal: `planbot ask` and `planbot chat`."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import TYPE_CHECKING, TextIO

from knowledge.text import fold

if TYPE_CHECKING:  # the engine is imported when a command runs, not when the CLI is assembled
    from storage.answers import Answer, AnswerEngine

DATABASE_FAULT = 3  # as bot.cli.DATABASE_FAULT (not imported: bot.cli imports this module)
QUIT_WORDS = {"thoat", "exit", "quit", "/thoat", "/quit", "q"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ask", help="answer a question about the plans (or JSON lines from stdin with --json)")
    p.add_argument("question", nargs="?", metavar="CÂU_HỎI")
    p.add_argument("--locality", metavar="TEXT", help="the asker's chosen place, e.g. 'phường Đông Thọ'")
    p.add_argument(
        "--json", action="store_true", help='JSON output; without a question read {"q", "locality"} lines'
    )
    p.add_argument("--db", metavar="URL", help="SQLAlchemy URL (default: $PLANBOT_DATABASE_URL or ./data)")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("chat", help="interactive question answering in the terminal")
    p.add_argument("--locality", metavar="TEXT", help="the asker's chosen place")
    p.add_argument("--db", metavar="URL", help="SQLAlchemy URL (default: $PLANBOT_DATABASE_URL or ./data)")
    p.set_defaults(func=cmd_chat)


def answer_json(q: str, ans: Answer) -> dict[str, object]:
    return {
        "q": q,
        "answer": ans.text,
        "intent": ans.intent,
        "matches": [mt.to_json() for mt in ans.matches],
        "candidates": [mt.to_json() for mt in ans.candidates],
        "needs_locality": ans.needs_locality,
        "locality_candidates": ans.locality_candidates,
        "locality": ans.locality,
        "choices": [{"label": label, "q": q} for label, q in getattr(ans, "choices", [])],
        "score": round(ans.score, 1),  # how well the answer matched the question
        "quoted": ans.quoted,  # the answer quotes a passage of the plan
    }


def _engine(url: str | None, command: str) -> AnswerEngine | None:
    """The answer engine on the database, or None after one line on stderr.
    Opening writes nothing when the schema is current, so a database this user
    may only read still answers."""
    from bot.cli_errors import database_message
    from storage.answers import AnswerEngine
    from storage.db import open_database

    try:
        return AnswerEngine(open_database(url))
    except Exception as exc:
        message = database_message(exc, url)
        if message is None:
            raise
        print(f"planbot {command}: {message}", file=sys.stderr)
        return None


def cmd_ask(args: argparse.Namespace) -> int:
    engine = _engine(args.db, "ask")
    if engine is None:
        return DATABASE_FAULT
    if args.question is not None:
        ans = engine.ask(args.question, args.locality)
        if args.json:
            print(json.dumps(answer_json(args.question, ans), ensure_ascii=False))
        else:
            print(ans.text)
        return 0
    if not args.json:
        print(
            'planbot ask: give a question, or --json to read {"q": ..., "locality": ...} lines',
            file=sys.stderr,
        )
        return 2
    return _batch(engine, sys.stdin, sys.stdout, args.locality)


def _batch(engine: AnswerEngine, inp: TextIO, out: TextIO, default_locality: str | None) -> int:
    """One JSON line in, one JSON line out; a bad line gets an error line, never a traceback."""
    for n, line in enumerate(inp, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            q = str(item.get("q") or "") if isinstance(item, dict) else ""
            loc = item.get("locality") if isinstance(item, dict) else None
        except json.JSONDecodeError as exc:
            out.write(
                json.dumps(
                    {
                        "q": None,
                        "answer": "",
                        "intent": "error",
                        "matches": [],
                        "error": f"line {n}: {exc.msg}",
                    }
                )
                + "\n"
            )
            continue
        ans = engine.ask(q, loc if isinstance(loc, str) and loc else default_locality)
        out.write(json.dumps(answer_json(q, ans), ensure_ascii=False) + "\n")
        out.flush()
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    engine = _engine(args.db, "chat")
    if engine is None:
        return DATABASE_FAULT
    from storage.chat_context import ask_in_chat

    locality: str | None = args.locality
    # the terminal user's follow-ups continue his last subject, across runs (as a Telegram chat's)
    key = f"cli:{getpass.getuser()}"[:64]
    print(
        "planbot — hỏi về kế hoạch phát triển KT-XH. Gõ /help để xem ví dụ, /diaphuong <tên> để chọn địa phương, «thoát» để thoát."
    )
    if locality:
        print(f"Địa phương: {locality}")
    while True:
        try:
            line = input("> ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if not line:
            continue
        if fold(line) in QUIT_WORDS:
            return 0
        if fold(line).startswith("diaphuong") or line.startswith("/diaphuong"):
            locality = _choose_locality(engine, line.split(maxsplit=1)[1] if " " in line else "", locality)
            continue
        ans = ask_in_chat(engine, key, line, locality)
        print(ans.text)
        if ans.choices:
            print("(Xem thêm: " + " | ".join(f"«{q}»" for _, q in ans.choices) + ")")
        elif ans.candidates and len(ans.candidates) > 1:
            print("(Gợi ý: " + " | ".join(c.name for c in ans.candidates) + ")")


def _choose_locality(engine: AnswerEngine, text: str, current: str | None) -> str | None:
    if not text.strip():
        names = engine.localities()
        print("Các địa phương có kế hoạch: " + ("; ".join(names) if names else "(chưa có)"))
        return current
    found = engine.resolve_locality(text)
    if len(found) == 1:
        print(f"Đã chọn: {found[0]}")
        return found[0]
    if found:
        print("Có nhiều nơi trùng tên: " + "; ".join(found) + ". Hãy ghi rõ hơn.")
    else:
        print(f"Không thấy địa phương «{text}». Gõ /diaphuong để xem danh sách.")
    return current
