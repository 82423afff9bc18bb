"""`planbot users add|import|revoke|list`: a user's whole role and links as the clerk
states them, one user or a roster CSV (all rows or nothing), in Vietnamese."""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import Session

from knowledge.model import ROLES
from knowledge.text import fold
from storage import models as m
from storage.db import session_factory, transaction
from storage.users.core import ROLE_NAMES, SPECIAL_SENDER_IDS, UserError, _audit, role_name
from storage.users.links import LinkChange, _link_labels, _linked_parties, _state, set_links
from storage.users.parties import _aliases, _resolve_locality, _resolve_party

# --- command line: users add / import / revoke / list -------------------------


@dataclass(frozen=True)
class RosterRow:
    line: int
    telegram_id: int
    role: str
    locality: str
    party: str | None
    subscribe: bool


@dataclass(frozen=True)
class Assignment:
    """Everything one user is: a role, a locality, the digest, and all his links
    (one roster row per link; `users add` may repeat --party)."""

    telegram_id: int
    role: str
    locality: str
    subscribe: bool
    parties: tuple[tuple[int, str], ...]  # (line, party text)
    line: int


_TRUE = {"1", "true", "yes", "y", "x", "co", "có"}
_FALSE = {"", "0", "false", "no", "n", "khong", "không"}


def parse_roster_row(line: int, raw: dict[str, str | None]) -> RosterRow:
    def get(name: str) -> str:
        return (raw.get(name) or "").strip()

    tid = get("telegram_id")
    if not re.fullmatch(r"\d{1,15}", tid):
        raise UserError(f"dòng {line}: telegram_id phải là một số dương, không phải {tid!r}")
    if int(tid) in SPECIAL_SENDER_IDS:
        raise UserError(f"dòng {line}: {tid} là mã dịch vụ của Telegram, không giao vai trò được")
    role = get("role").lower()
    if role not in ROLES:
        raise UserError(f"dòng {line}: vai trò phải là một trong {', '.join(ROLES)}, không phải {role!r}")
    locality = get("locality")
    if not locality:
        raise UserError(f"dòng {line}: chưa ghi xã/phường")
    sub = get("subscribe").lower()
    if sub not in _TRUE | _FALSE:
        raise UserError(f"dòng {line}: cột subscribe phải là có/không (yes/no), không phải {sub!r}")
    party = get("party") or None
    if role in ("officer", "leader") and not party:
        raise UserError(
            f"dòng {line}: {ROLE_NAMES[role]} cần được liên kết với một đơn vị/cán bộ phụ trách trong kế hoạch "
            "(--party; xem danh sách bằng: planbot users parties --locality <xã/phường>)"
        )
    if role == "resident" and party:
        raise UserError(
            f"dòng {line}: người dân không liên kết với đơn vị nào (bỏ trống party, hoặc giao vai trò)"
        )
    return RosterRow(line, int(tid), role, locality, party, sub in _TRUE)


def merge_rows(rows: list[RosterRow]) -> tuple[list[Assignment], list[str]]:
    """One Assignment per user; a user on several rows must have the same role,
    locality and digest on each (the rows differ only by party)."""
    first: dict[int, RosterRow] = {}
    parties: dict[int, list[tuple[int, str]]] = {}
    errors: list[str] = []
    for row in rows:
        seen = first.setdefault(row.telegram_id, row)
        if seen is not row and (
            seen.role != row.role
            or fold(seen.locality) != fold(row.locality)
            or seen.subscribe != row.subscribe
        ):
            errors.append(
                f"dòng {row.line}: người dùng {row.telegram_id} đã có ở dòng {seen.line} với vai trò, "
                "xã/phường hoặc subscribe khác (mỗi người một vai trò: chỉ lặp lại cột party)"
            )
            continue
        if row.party:
            parties.setdefault(row.telegram_id, []).append((row.line, row.party))
    out = [
        Assignment(r.telegram_id, r.role, r.locality, r.subscribe, tuple(parties.get(tid, [])), r.line)
        for tid, r in first.items()
    ]
    return out, errors


def _resolve(session: Session, a: Assignment) -> tuple[m.Locality, list[m.Party]]:
    """Check everything before anything is written."""
    loc = _resolve_locality(session, a.locality)
    if loc is None:
        raise UserError(
            f"dòng {a.line}: không có xã/phường «{a.locality}» (hãy nạp kế hoạch của nơi đó trước)"
        )
    parties: dict[int, m.Party] = {}
    for line, text in a.parties:
        party = _resolve_party(session, loc, text, line, a.role)
        for p in (party, *_aliases(session, party)):
            parties.setdefault(p.id, p)
    return loc, list(parties.values())


def _apply(session: Session, a: Assignment, actor: str, keep_links: bool = False) -> str:
    """Set the user to exactly `a` (his old links go, unless `keep_links` for a
    non-resident); one audit row when anything changed."""
    loc, parties = _resolve(session, a)
    user = session.get(m.User, a.telegram_id)
    if user is None:
        user = m.User(telegram_id=a.telegram_id, role="resident", chat_id=a.telegram_id, subscribed=False)
        session.add(user)
        session.flush()
    before = _state(session, user)
    if a.subscribe and not user.subscribed:
        user.subscribed_at = datetime.now(UTC)
    user.role, user.locality_key, user.subscribed = a.role, loc.key, a.subscribe
    session.flush()
    keep = keep_links and a.role != "resident"  # a resident holds no link, ever
    change = set_links(session, user, parties, actor, keep=keep)
    after = _state(session, user)
    if after != before:
        _audit(
            session,
            actor,
            "user_set",
            user=a.telegram_id,
            before=before,
            after=after,
            links_added=list(change.added),
            links_removed=list(change.removed),
            keep_links=keep,
        )
    return _describe(session, user, loc, before, after, change)


def _describe(
    session: Session,
    user: m.User,
    loc: m.Locality,
    before: dict[str, object],
    after: dict[str, object],
    change: LinkChange,
) -> str:
    """'2003: cán bộ của xã An Bình, liên kết với Trạm Y tế (xã An Bình); bỏ liên kết Trạm Y tế (xã Phú Lộc)'
    (a clerk reads it: Vietnamese, the role by its Vietnamese name)."""
    text = f"{user.telegram_id}: {role_name(user.role)} của {loc.name}"
    if before["role"] != user.role:
        text += f" (trước là {role_name(str(before['role']))})"
    links = _link_labels(session, user.telegram_id)
    text += f", liên kết với {', '.join(links)}" if links else ", không liên kết đơn vị nào"
    if change.removed:
        text += f"; bỏ liên kết {', '.join(change.removed)}"
    if before["subscribed"] != bool(user.subscribed):
        text += "; bật bản tin tháng" if user.subscribed else "; tắt bản tin tháng"
    if before == after:
        text += " (không đổi)"
    return text


def add_user(
    engine: Engine,
    telegram_id: int,
    role: str,
    locality: str,
    party: str | Sequence[str] | None = None,
    subscribe: bool = False,
    actor: str = "cli",
    keep_links: bool = False,
) -> str:
    """`party`: one party or several; they become the user's only links unless
    `keep_links`."""
    texts = [party] if isinstance(party, str) else list(party or [])
    try:
        rows = [
            parse_roster_row(
                0,
                {
                    "telegram_id": str(telegram_id),
                    "role": role,
                    "locality": locality,
                    "party": p,
                    "subscribe": "yes" if subscribe else "no",
                },
            )
            for p in ([*texts] if texts else [None])
        ]
        [assignment], _ = merge_rows(rows)
        with transaction(engine) as session:
            return _apply(session, assignment, actor, keep_links)
    except UserError as exc:
        raise UserError(str(exc).removeprefix("dòng 0: ")) from None


ROSTER_COLUMNS = ("telegram_id", "role", "locality", "party", "subscribe")


@dataclass(frozen=True)
class ImportResult:
    lines: list[str]
    revoked: list[str]  # users holding a role who are not in the roster
    kept: list[int]  # the same, left as they are (no --revoke-missing)


def _read_roster(path: Path) -> list[Assignment]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError(f"{path}: không có tệp này") from None
    except UnicodeDecodeError:
        raise UserError(f"{path}: tệp không ở dạng chữ UTF-8 (hãy lưu lại dưới dạng CSV UTF-8)") from None
    except OSError as exc:  # the system's own words are English: say what happened, keep the code
        raise UserError(f"{path}: không đọc được tệp (lỗi hệ thống {exc.errno})") from None
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in ("telegram_id", "role", "locality") if c not in (reader.fieldnames or [])]
    if missing:
        raise UserError(f"{path}: dòng 1: thiếu cột {', '.join(missing)}")
    rows: list[RosterRow] = []
    errors: list[str] = []
    for n, raw in enumerate(reader, start=2):
        try:
            rows.append(parse_roster_row(n, raw))
        except UserError as exc:
            errors.append(str(exc))
    assignments, merge_errors = merge_rows(rows)
    errors += merge_errors
    if errors:
        raise UserError("\n".join(sorted(errors, key=_line_no)))
    return assignments


def _line_no(error: str) -> int:
    found = re.match(r"dòng (\d+)", error)
    return int(found.group(1)) if found else 0


def import_roster(
    engine: Engine, path: Path, actor: str = "cli", keep_links: bool = False, revoke_missing: bool = False
) -> ImportResult:
    """All rows or nothing: every bad row is reported (by line number) and then
    nothing is imported. Each user in the file gets exactly his rows' role and
    links; with `revoke_missing`, officers, leaders and admins not in the file
    become residents and lose their links."""
    assignments = _read_roster(path)
    errors: list[str] = []
    with transaction(engine) as session:
        done = []
        for a in assignments:
            try:  # _apply checks everything before it writes anything
                done.append(_apply(session, a, actor, keep_links))
            except UserError as exc:
                errors.append(str(exc))
        if errors:
            raise UserError("\n".join(errors))  # rolls the whole file back
        listed = {a.telegram_id for a in assignments}
        others = [
            u
            for u in session.scalars(
                select(m.User).where(m.User.role != "resident").order_by(m.User.telegram_id)
            )
            if u.telegram_id not in listed
        ]
        if not revoke_missing:
            return ImportResult(done, [], [u.telegram_id for u in others])
        revoked = [_revoke(session, u, actor, reason="not in roster") for u in others]
    return ImportResult(done, revoked, [])


def _revoke(session: Session, user: m.User, actor: str, reason: str) -> str:
    before = _state(session, user)
    user.role = "resident"
    change = set_links(session, user, [], actor)
    _audit(
        session,
        actor,
        "user_revoked",
        user=user.telegram_id,
        before=before,
        after=_state(session, user),
        links_removed=list(change.removed),
        reason=reason,
    )
    removed = f"; bỏ liên kết {', '.join(change.removed)}" if change.removed else ""
    return f"{user.telegram_id}: {role_name('resident')} (trước là {role_name(str(before['role']))}){removed}"


def revoke_user(engine: Engine, telegram_id: int, actor: str = "cli") -> str:
    """Back to resident at once: the role and every link go; locality and digest stay."""
    with transaction(engine) as session:
        user = session.get(m.User, telegram_id)
        if user is None:
            raise UserError(f"không có người dùng {telegram_id}")
        if user.role == "resident" and not _linked_parties(session, telegram_id):
            return f"{telegram_id}: {role_name('resident')} (không đổi)"
        return _revoke(session, user, actor, reason="revoked")


@dataclass(frozen=True)
class RosterEntry:
    telegram_id: int
    role: str
    locality: str | None
    links: list[str]
    subscribed: bool


def list_roles(engine: Engine) -> list[RosterEntry]:
    """Every user who holds a role or a link (a resident with a link would be a fault)."""
    with session_factory(engine)() as session:
        linked = select(m.UserParty.user_id)
        q = select(m.User).where(or_(m.User.role != "resident", m.User.telegram_id.in_(linked)))
        out = []
        for u in session.scalars(q.order_by(m.User.telegram_id)):
            loc = session.scalar(select(m.Locality.name).where(m.Locality.key == u.locality_key))
            links = _link_labels(session, u.telegram_id)
            out.append(RosterEntry(u.telegram_id, u.role, loc or u.locality_key, links, bool(u.subscribed)))
        return out
