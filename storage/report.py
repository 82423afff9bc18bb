"""The progress report of a locality, laid out like the plans' own result
tables: XLSX and CSV spreadsheets and a PNG chart of progress against targets."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from rapidfuzz import fuzz, process
from sqlalchemy import Engine, select

from knowledge.answer_text import target_words
from knowledge.calendar import last_day_of_month
from knowledge.lexicon import lower_is_better
from knowledge.model import Target
from knowledge.numbers import meets_target, percent_of_target
from knowledge.text import fold
from storage import models as m
from storage.db import session_factory
from storage.users import officer_names
from storage.values import fmt_number

HEADERS = [
    "STT",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Kế hoạch",
    "Thực hiện (mới nhất)",
    "% so với kế hoạch",
    "Đánh giá",
    "Đơn vị/cán bộ phụ trách",
    "Cập nhật lúc",
    "Người cập nhật",
]
MET, NOT_MET, NO_DATA = "Đạt", "Chưa đạt", "Chưa có số liệu"
DEFAULT_TZ = ZoneInfo("Asia/Ho_Chi_Minh")  # PLANBOT_TIMEZONE's default
AN_OFFICER = "Cán bộ"  # an officer's record without a party name: his Telegram id is not shown


class ReportError(Exception):
    """A report cannot be built (unknown locality, no plan); the message says why."""


@dataclass
class ReportRow:
    no: str
    name: str
    unit: str
    target: str
    latest: str
    percent: float | None
    assessment: str
    responsible: str
    updated_at: str
    updated_by: str


@dataclass
class Report:
    locality: str
    plan_title: str
    period: str
    rows: list[ReportRow]


def find_locality(engine: Engine, text: str, key: str | None = None) -> m.Locality:
    """By `key` when the caller knows it (the bot user's place), else by fuzzy
    name; same-named places are told apart by their district or province."""
    with session_factory(engine)() as s:
        localities = list(s.scalars(select(m.Locality)))
    if not localities:
        raise ReportError("Chưa có kế hoạch nào trong cơ sở dữ liệu.")
    by_key = next((loc for loc in localities if key and loc.key == key), None)
    if by_key is not None:
        return by_key
    shared = Counter(fold(loc.name) for loc in localities)
    choices = {
        loc.id: fold(
            f"{loc.name} {loc.parent or loc.province or ''}" if shared[fold(loc.name)] > 1 else loc.name
        )
        for loc in localities
    }
    best = process.extractOne(fold(text), choices, scorer=fuzz.WRatio, processor=None, score_cutoff=75)
    if best is None:
        raise ReportError(f"Không tìm thấy địa phương '{text}'.")
    return next(loc for loc in localities if loc.id == best[2])


def build_report(
    engine: Engine,
    locality_text: str,
    period: str | None = None,
    locality_key: str | None = None,
    tz: tzinfo | None = None,
) -> Report:
    """Rows for every indicator of the locality's current plan(s); progress up to
    the end of `period` (a local month). Times are shown in `tz`, the bot's one
    time zone (PLANBOT_TIMEZONE), as in every message."""
    zone = tz or DEFAULT_TZ
    cutoff = _period_end(period, zone)
    locality = find_locality(engine, locality_text, locality_key)
    with session_factory(engine)() as s:
        plans = list(
            s.scalars(
                select(m.Plan)
                .where(m.Plan.locality_id == locality.id, m.Plan.is_current.is_(True))
                .order_by(m.Plan.period_end.desc(), m.Plan.id.desc())
            )
        )
        if not plans:
            raise ReportError(f"{locality.name} chưa có kế hoạch.")
        plan = plans[0]
        latest = _latest_progress(s, plan.plan_key, cutoff)
        names = officer_names(s, [r.reported_by_user_id for r in latest.values() if not r.reported_by_name])
        rows = [_row(ind, latest.get(ind.item_key), zone, names) for ind in plan.indicators]
        return Report(locality.name, plan.title or plan.source, period or "", rows)


PERIOD = re.compile(r"(\d{4})-(\d{1,2})|(\d{1,2})[/.-](\d{4})")


def parse_period(text: str, today: date | None = None) -> str:
    """'2023-05' or '05/2023' -> '2023-05'. A month that has not begun yet, or
    text that is no month, is refused with a message saying how to write one."""
    found = PERIOD.fullmatch(text.strip())
    if found is None:
        raise ReportError(f"Kỳ báo cáo «{text}» không đúng dạng tháng. Ví dụ: 2024-05 hoặc 05/2024.")
    year, month = (int(found[1]), int(found[2])) if found[1] else (int(found[4]), int(found[3]))
    if not 1 <= month <= 12 or year < 2000:
        raise ReportError(f"Kỳ báo cáo «{text}» không phải một tháng có thật. Ví dụ: 2024-05.")
    now = today or date.today()
    if (year, month) > (now.year, now.month):
        raise ReportError(f"Tháng {month:02d}/{year} chưa bắt đầu: chưa có số liệu để báo cáo.")
    return f"{year:04d}-{month:02d}"


def _period_end(period: str | None, tz: tzinfo) -> datetime | None:
    """The first moment after the local month `period`."""
    if not period:
        return None
    year, month = (int(x) for x in parse_period(period).split("-"))
    end = datetime.combine(last_day_of_month(year, month) + timedelta(days=1), datetime.min.time(), tz)
    return end.astimezone(UTC)  # records are kept in UTC (SQLite compares the text of the time)


def _latest_progress(s, plan_key: str, cutoff: datetime | None) -> dict[str, m.ProgressRecord]:
    q = select(m.ProgressRecord).where(
        m.ProgressRecord.plan_key == plan_key, m.ProgressRecord.item_kind == "indicator"
    )
    if cutoff is not None:
        q = q.where(m.ProgressRecord.reported_at < cutoff)
    latest: dict[str, m.ProgressRecord] = {}
    for rec in s.scalars(q.order_by(m.ProgressRecord.reported_at, m.ProgressRecord.id)):
        latest[rec.item_key] = rec
    return latest


def _local(at: datetime, tz: tzinfo) -> datetime:
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(tz)  # SQLite gives UTC back naive


def _row(
    ind: m.Indicator, rec: m.ProgressRecord | None, tz: tzinfo = UTC, names: dict[int, str] | None = None
) -> ReportRow:
    target = Target(
        text=ind.target_text, value=ind.target_value, comparator=ind.comparator, max_value=ind.target_max
    )
    percent = None
    assessment = NO_DATA
    # one direction for card, answer, sheet and chart: 7,5 against a malnutrition ceiling of 7,9 is met
    lower = lower_is_better(ind.name, ind.comparator, ind.target_text)
    if rec is not None:
        if rec.value is not None and target.value is not None:
            percent = percent_of_target(rec.value, target, lower)
            met = meets_target(rec.value, target, lower)
            assessment = MET if met else NOT_MET
        else:
            words = fold(" ".join(filter(None, (rec.status, rec.assessment, rec.value_text))))
            met_word = rec.status in ("done", "met") or ("dat" in words.split() and "chua dat" not in words)
            assessment = MET if met_word or ("hoan thanh" in words and "chua" not in words) else NOT_MET
    return ReportRow(
        no=ind.no or "",
        name=ind.name,
        unit=ind.unit or "",
        target=_target_label(ind),
        latest=(rec.value_text or rec.status or "") if rec else "",
        percent=round(percent, 1) if percent is not None else None,
        assessment=assessment,
        responsible=ind.responsible_text or "",
        updated_at=_local(rec.reported_at, tz).strftime("%d/%m/%Y %H:%M") if rec else "",
        updated_by=_updated_by(rec, names) if rec else "",
    )


def _updated_by(rec: m.ProgressRecord, names: dict[int, str] | None = None) -> str:
    """The officer's party ('Trạm Y tế'), or the document a figure came from;
    for a record kept without a name, the officer as he is known now."""
    if rec.source == "document":
        return rec.reported_by or ""
    known = (names or {}).get(rec.reported_by_user_id or 0)
    return rec.reported_by_name or known or AN_OFFICER


def _target_label(ind: m.Indicator) -> str:
    """The plan's wording ('dưới 7,6'; '7,9 (càng thấp càng tốt)'); the unit has its own column."""
    return target_words(ind.target_text, None, ind.comparator, ind.name)


def _cells(row: ReportRow) -> list[object]:
    return [
        row.no,
        row.name,
        row.unit,
        row.target,
        row.latest,
        row.percent if row.percent is not None else "",
        row.assessment,
        row.responsible,
        row.updated_at,
        row.updated_by,
    ]


def write_csv(report: Report, out: Path) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(HEADERS)
    for row in report.rows:
        cells = _cells(row)
        if row.percent is not None:  # text for a reader: '107,9' as Vietnamese write it
            cells[HEADERS.index("% so với kế hoạch")] = fmt_number(row.percent)
        writer.writerow(cells)
    out.write_text(buf.getvalue(), encoding="utf-8-sig")  # BOM: Excel opens Vietnamese correctly


def write_xlsx(report: Report, out: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.worksheets[0]  # a new workbook's one (active) sheet
    ws.title = "Biểu kết quả"
    ws.append([f"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU — {report.locality.upper()}"])
    ws.append([report.plan_title + (f" — kỳ {report.period}" if report.period else "")])
    ws.append([])
    ws.append(HEADERS)
    for cell in ws[4]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for row in report.rows:
        ws.append(_cells(row))
    for col, width in zip("ABCDEFGHIJ", (6, 50, 12, 16, 18, 10, 16, 30, 16, 14), strict=True):
        ws.column_dimensions[col].width = width
    ws["A1"].font = Font(bold=True, size=13)
    wb.save(out)


def write_png(report: Report, out: Path) -> None:
    """Horizontal bars: % of target per indicator with figures (100% line = target).

    A Figure of its own, not pyplot: the bot renders in worker threads (off the event
    loop), and pyplot's current-figure state is shared by every thread."""
    from matplotlib.figure import Figure

    rows = [r for r in report.rows if r.percent is not None] or report.rows[:1]
    labels = [(r.name[:55] + "…") if len(r.name) > 56 else r.name for r in rows]
    values = [min(r.percent or 0.0, 200.0) for r in rows]
    height = max(3.0, 0.45 * len(rows) + 1.5)
    fig = Figure(figsize=(11, height), dpi=100)
    ax = fig.subplots()
    colors = ["#2e7d32" if r.assessment == MET else "#c62828" for r in rows]
    ax.barh(range(len(rows)), values, color=colors)
    ax.axvline(100, color="#333", linestyle="--", linewidth=1)
    ax.set_yticks(range(len(rows)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("% so với kế hoạch (đường đứt nét: đạt chỉ tiêu)")
    upto = f" (đến hết tháng {report.period[5:]}/{report.period[:4]})" if report.period else ""
    ax.set_title(f"Tiến độ thực hiện chỉ tiêu — {report.locality}{upto}", fontsize=11)
    if not any(r.percent is not None for r in report.rows):
        ax.text(0.5, 0.5, "Chưa có số liệu", transform=ax.transAxes, ha="center")
    fig.tight_layout()
    fig.savefig(out, format="png")


WRITERS = {"csv": write_csv, "xlsx": write_xlsx, "png": write_png}


def write_report(report: Report, fmt: str, out: Path) -> None:
    WRITERS[fmt](report, out)


def today_period(tz: tzinfo | None = None) -> str:
    d = datetime.now(tz or DEFAULT_TZ).date()
    return f"{d.year:04d}-{d.month:02d}"
