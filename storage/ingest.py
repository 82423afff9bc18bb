"""Ingest: read → extract → store, one file per transaction.

A file that cannot be read or holds no plan is refused with one line naming
the reason and changes nothing; a regulation (QUY CHẾ, QUY ĐỊNH) is refused as
one. Re-ingesting the same text (whatever its line endings or encoding) adds
nothing; a changed text of the same document (same issuer, number and year)
supersedes the previous version, and progress records stay attached through
(plan_key, item_key). A different plan of the same place and period stands
beside the others.

What is printed is for a ward clerk: one line per file, in Vietnamese."""

from __future__ import annotations

import logging
import re
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, or_, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from knowledge import model as km
from knowledge import places
from knowledge.doc_kind import document_kind
from knowledge.errors import UnreadableDocument
from knowledge.extract import extract_plan
from knowledge.question import bare_fold
from knowledge.readers import ReadLimits, collect_paths, read_document
from storage import models as m
from storage.db import database_fault, transaction
from storage.keys import text_hash
from storage.passages import has_passages, write_passages
from storage.plan_store import store_plan

log = logging.getLogger(__name__)

# Fewer indicators and tasks than this and the clerk is told to check the layout:
# every official plan read whole so far assigns more (the real corpus: a dozen or more).
FEW_ITEMS = 5

# The readers' reasons (English, for logs and tests) as a clerk reads them.
_READER_REASONS = (
    (r"old \.doc format.*", "định dạng .doc cũ không đọc được (hãy lưu lại thành .docx)"),
    (r"unsupported file type '(.*)'", r"không đọc được loại tệp '\1' (chỉ .txt, .md, .docx, .pdf)"),
    (r"cannot read file: (.*)", r"không mở được tệp (\1)"),
    (r"empty file", "tệp rỗng"),
    (r"no text found", "tệp không có chữ nào"),
    (r"not UTF-8 text.*", "không phải văn bản UTF-8 (hãy lưu lại với mã Unicode UTF-8)"),
    (r"binary file, not text", "tệp nhị phân, không phải văn bản"),
    (r"not a valid \.docx file", "tệp .docx hỏng hoặc không đúng định dạng"),
    (r"not a valid PDF file", "tệp PDF hỏng hoặc không đúng định dạng"),
    (r"empty PDF.*", "tệp PDF không có trang nào"),
    (r"encrypted PDF.*", "tệp PDF có mật khẩu (hãy gỡ mật khẩu rồi nạp lại)"),
    (r"no text layer.*", "PDF chỉ có ảnh chụp, không có lớp chữ (cần bản .docx hoặc PDF có chữ)"),
    (
        r"not a regular file",
        "không phải tệp thông thường (ống FIFO, thiết bị hay liên kết tới chúng không được đọc)",
    ),
    (r"file too large \((.*) MB, limit (.*) MB\)", r"tệp quá lớn (\1 MB, giới hạn \2 MB)"),
    (r"file too large \(over (.*) MB\)", r"tệp quá lớn (trên \1 MB)"),
    (
        r"document too large when unpacked \((.*) MB, limit (.*) MB\)",
        r"tệp .docx giải nén ra quá lớn (\1 MB, giới hạn \2 MB; có thể là tệp độc hại)",
    ),
    (r"PDF too long \((\d+) pages, limit (\d+)\)", r"tệp PDF quá dài (\1 trang, giới hạn \2 trang)"),
)


@dataclass(frozen=True)
class IngestLimits:
    """Bounds on one file (the ingest limits of .env.example): what reading may cost, and the
    seconds reading and extraction may take together (0: no time limit)."""

    read: ReadLimits = field(default_factory=ReadLimits)
    max_seconds: float = 60.0


@dataclass
class IngestResult:
    path: Path
    status: str  # 'added' | 'superseded' | 'unchanged' | 'refused'
    message: str  # one line in Vietnamese, for the clerk
    plan_id: int | None = None

    @property
    def ok(self) -> bool:
        return self.status != "refused"


def ingest_paths(
    engine: Engine,
    paths: list[str | Path],
    place: places.Place | None = None,
    limits: IngestLimits | None = None,
) -> list[IngestResult]:
    return [ingest_file(engine, p, place, limits) for p in collect_paths(paths)]


def ingest_file(
    engine: Engine, path: Path, place: places.Place | None = None, limits: IngestLimits | None = None
) -> IngestResult:
    """Read, extract and store one file in its own transaction; never raises for bad input.
    `place` (ingest --locality) is the plan's place whatever the document says; a plan whose
    place is neither given nor found is refused, never stored under no place. Reading and
    extraction share `limits.max_seconds`; storing is not cut short (a transaction)."""
    limits = limits or IngestLimits()
    deadline = time.monotonic() + limits.max_seconds if limits.max_seconds > 0 else None
    try:
        with _time_limit(deadline):
            doc = read_document(path, limits.read)
    except UnreadableDocument as exc:
        return _refused(path, reader_reason(str(exc)))
    except _TimeUp:
        return _refused(path, _too_slow(limits))
    digest = text_hash(doc)
    with transaction(engine) as session:
        existing = session.scalar(
            select(m.Plan).where(or_(m.Plan.content_hash == doc.content_hash, m.Plan.text_hash == digest))
        )
        if existing is not None:
            if not has_passages(session, existing.id):
                write_passages(session, existing, doc)  # stored before the passage index existed
            return IngestResult(path, "unchanged", _unchanged(path, existing), existing.id)
    try:
        with _time_limit(deadline):
            kind = document_kind(doc)
            extracted = None if kind.kind == "regulation" else extract_plan(doc)
    except _TimeUp:
        return _refused(path, _too_slow(limits))
    except Exception as exc:  # a fault in one extractor must not stop the other files
        log.debug("extraction failed for %s", path, exc_info=True)
        return _refused(path, f"không đọc được nội dung kế hoạch (lỗi {type(exc).__name__}: {exc})")
    if extracted is None:
        return _refused(path, f"đây là {kind.what} ({kind.title}), không phải kế hoạch")
    if not extracted.is_plan and kind.kind != "plan":
        # neither a plan's title nor a target or task: a plan has at least one
        return _refused(
            path, "không phải kế hoạch (không có tiêu đề KẾ HOẠCH, không có chỉ tiêu hay nhiệm vụ)"
        )
    if place is not None:
        extracted.meta = places.apply_place(extracted.meta, place)
    if not extracted.meta.locality:
        return _refused(path, places.NO_PLACE.format(name=path.name))
    try:
        with transaction(engine) as session:
            plan, previous = store_plan(session, doc, extracted, digest)
            summary = _stored(path, plan, previous, extracted)
    except IntegrityError:  # the same bytes were ingested concurrently by another process
        return IngestResult(path, "unchanged", f"{path.name}: không đổi (đã nạp trước đây)")
    except SQLAlchemyError as exc:
        fault = database_fault(exc)
        if fault is not None and fault.kind != "other":
            raise  # the database, not this file, is at fault (locked, read-only, full): stop here
        log.debug("storing %s failed", path, exc_info=True)
        return _refused(path, f"lỗi cơ sở dữ liệu: {str(exc).splitlines()[0][:200]}")
    return IngestResult(path, "superseded" if previous else "added", summary, plan.id)


class _TimeUp(BaseException):
    """The file's time is up. A BaseException: no extractor's `except Exception` eats it."""


@contextmanager
def _time_limit(deadline: float | None) -> Iterator[None]:
    """Interrupt the block at `deadline` (time.monotonic) with `_TimeUp`, by SIGALRM: the
    main thread of a Unix process only (the CLI); elsewhere the block runs unbounded."""
    usable = (
        deadline is not None
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return
    assert deadline is not None

    def time_up(signum: int, frame: object) -> None:
        raise _TimeUp

    previous = signal.signal(signal.SIGALRM, time_up)
    signal.setitimer(signal.ITIMER_REAL, max(deadline - time.monotonic(), 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _too_slow(limits: IngestLimits) -> str:
    return f"đọc tệp quá {limits.max_seconds:g} giây cho phép (tệp quá lớn hoặc quá phức tạp)"


def reader_reason(reason: str) -> str:
    for pattern, vietnamese in _READER_REASONS:
        if re.fullmatch(pattern, reason):
            return re.sub(pattern, vietnamese, reason)
    return reason


def _refused(path: Path, reason: str) -> IngestResult:
    return IngestResult(path, "refused", f"{path.name}: từ chối: {reason}")


def _unchanged(path: Path, plan: m.Plan) -> str:
    return f"{path.name}: không đổi, đã nạp trước đây — {_place_and_period(plan)}"


def _stored(path: Path, plan: m.Plan, previous: m.Plan | None, ex: km.ExtractedPlan) -> str:
    """'kh144.md: đã nạp — tỉnh Bắc Ninh, 2026–2030, số 144/KH-UBND: 43 mục = 31 chỉ tiêu
    + 12 nhiệm vụ; 2 lịch báo cáo'."""
    if previous is None:
        what = "đã nạp"
    else:
        what = f"đã cập nhật bản {plan.version} (thay bản {previous.version}, giữ tiến độ đã báo cáo)"
    where = _place_and_period(plan) + (f", số {plan.doc_number}" if plan.doc_number else "")
    n_ind, n_task = len(ex.indicators), len(ex.tasks)
    counts = [f"{n_ind + n_task} mục = {n_ind} chỉ tiêu + {n_task} nhiệm vụ"] if n_ind + n_task else []
    counts += [
        f"{n} {label}"
        for n, label in ((len(ex.reporting), "lịch báo cáo"), (len(ex.progress), "kết quả thực hiện"))
        if n
    ]
    if n_ind + n_task < FEW_ITEMS:
        counts.append(few_items_hint(n_ind, n_task))
    return f"{path.name}: {what} — {where}: " + "; ".join(counts)


def few_items_hint(indicators: int, tasks: int) -> str:
    """'chỉ đọc được 2 nhiệm vụ — kiểm tra định dạng bảng'."""
    if not indicators and not tasks:
        return "chưa đọc được chỉ tiêu hay nhiệm vụ nào — kiểm tra định dạng bảng"
    read = [f"{n} {label}" for n, label in ((indicators, "chỉ tiêu"), (tasks, "nhiệm vụ")) if n]
    return f"chỉ đọc được {', '.join(read)} — kiểm tra định dạng bảng"


def _place_and_period(plan: m.Plan) -> str:
    """'phường Đông Thọ, thành phố Thanh Hóa, năm 2023' — the place as resolved,
    the period as a plan writes it ('năm 2023', '2026–2030')."""
    parts = [plan.locality_name or "chưa rõ địa bàn"]
    for where in (plan.parent, plan.province):
        if where and bare_fold(where) not in (bare_fold(p) for p in parts):
            parts.append(where)
    parts.append(period_as_written(plan.period_start, plan.period_end))
    return ", ".join(parts)


def period_as_written(start: int | None, end: int | None) -> str:
    if start and end and start != end:
        return f"{start}–{end}"
    if start or end:
        return f"năm {start or end}"
    return "chưa rõ thời kỳ"
