"""Vietnamese wording of the monthly cycle's messages (kept together, HTML-escaped)."""

from __future__ import annotations

from datetime import date
from html import escape

MAX_ITEMS_LISTED = 15

# The government's own words for a task's state.
STATUS_ON_TIME = "đúng hạn"
STATUS_LATE = "trễ hạn"
STATUS_DONE_ON_TIME = "hoàn thành đúng hạn"
STATUS_DONE_LATE = "hoàn thành trễ hạn"

HOW_TO_REPORT = "Cập nhật bằng lệnh: <code>/capnhat &lt;tên chỉ tiêu hoặc nhiệm vụ&gt;: &lt;giá trị hoặc tình trạng&gt;</code>"


def task_status(due: date, today: date, done_on: date | None) -> str:
    if done_on is not None:
        return STATUS_DONE_ON_TIME if done_on <= due else STATUS_DONE_LATE
    return STATUS_ON_TIME if today <= due else STATUS_LATE


def _fmt(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def _bullets(names: list[str]) -> str:
    shown = [f"• {escape(n)}" for n in names[:MAX_ITEMS_LISTED]]
    if len(names) > MAX_ITEMS_LISTED:
        shown.append(f"• … và {len(names) - MAX_ITEMS_LISTED} mục khác")
    return "\n".join(shown)


def report_reminder(plan_title: str, report_day: date, items: list[str], on_the_day: bool) -> str:
    when = "hôm nay" if on_the_day else f"trước ngày {_fmt(report_day)}"
    return (
        f"📋 <b>Nhắc báo cáo tiến độ tháng {report_day.month}/{report_day.year}</b>\n"
        f"Kế hoạch: {escape(plan_title)}\n"
        f"Đề nghị đồng chí báo cáo {when} các mục chưa có số liệu tháng này:\n"
        f"{_bullets(items)}\n\n{HOW_TO_REPORT}"
    )


def due_nudge(task: str, due: date, days_left: int, deadline_text: str | None) -> str:
    left = "hôm nay" if days_left <= 0 else "ngày mai" if days_left == 1 else f"còn {days_left} ngày"
    source = f" ({escape(deadline_text)})" if deadline_text else ""
    return (
        f"⏰ <b>Sắp đến hạn</b>: {escape(task)}\n"
        f"Hạn hoàn thành: {_fmt(due)}{source} — {left}.\n\n{HOW_TO_REPORT}"
    )


def overdue(tasks: list[tuple[str, date]], today: date) -> str:
    lines = [
        f"• {escape(name)} — hạn {_fmt(due)} ({STATUS_LATE} {(today - due).days} ngày)" for name, due in tasks
    ]
    return (
        "⚠️ <b>Nhiệm vụ quá hạn chưa báo cáo hoàn thành</b>\n"
        + "\n".join(lines[:MAX_ITEMS_LISTED])
        + f"\n\n{HOW_TO_REPORT}"
    )


def escalation(task: str, due: date, today: date, responsible: str | None) -> str:
    who = escape(responsible) if responsible else "đơn vị được giao"
    return (
        f"🔺 <b>Báo cáo lãnh đạo</b>: nhiệm vụ {escape(task)}\n"
        f"Hạn {_fmt(due)}, tình trạng: <b>{STATUS_LATE}</b> ({(today - due).days} ngày).\n"
        f"Đơn vị/cán bộ chủ trì: {who}. Đề nghị đồng chí chỉ đạo, đôn đốc."
    )


def digest(locality: str, month: int, year: int, lines: list[str], total: int, reported: int) -> str:
    body = "\n".join(escape(line) for line in lines[:MAX_ITEMS_LISTED]) or "Chưa có số liệu mới trong tháng."
    return (
        f"📰 <b>Tiến độ kế hoạch {escape(locality)} — tháng {month}/{year}</b>\n"
        f"Đã có số liệu: {reported}/{total} chỉ tiêu, nhiệm vụ.\n{body}\n\n"
        "Hủy nhận bản tin: /huytheodoi"
    )
