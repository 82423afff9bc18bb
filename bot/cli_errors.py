"""One Vietnamese line for a database fault, for every command (the clerk or
operator reading it needs what to do, not a SQLAlchemy traceback)."""

from __future__ import annotations

MESSAGES = {
    "locked": (
        "cơ sở dữ liệu đang bị một tiến trình khác khóa (đã chờ {wait:g} giây); hãy thử lại sau ít phút."
    ),
    "read_only": (
        "cơ sở dữ liệu {url} chỉ cho phép đọc, mà lệnh này cần ghi; "
        "hãy chạy lệnh bằng tài khoản có quyền ghi tệp/cơ sở dữ liệu."
    ),
    "outdated_read_only": (
        "cơ sở dữ liệu {url} chỉ cho phép đọc và cần nâng cấp cấu trúc; "
        "hãy chạy một lệnh planbot bằng tài khoản có quyền ghi trước (ví dụ: planbot stats)."
    ),
    "unreachable": "không mở hoặc không kết nối được cơ sở dữ liệu {url} ({detail}).",
    "full": "ổ đĩa hoặc cơ sở dữ liệu {url} đã đầy; hãy giải phóng dung lượng rồi thử lại.",
    "corrupt": "{url} không phải là cơ sở dữ liệu SQLite hợp lệ hoặc đã bị hỏng ({detail}).",
    "bad_url": "địa chỉ cơ sở dữ liệu không hợp lệ: {detail} (ví dụ đúng: sqlite:///data/planbot.sqlite3).",
    "no_driver": (
        "máy này chưa cài trình điều khiển cơ sở dữ liệu cho {url} (thiếu {detail}); "
        "với PostgreSQL hãy cài: pip install 'planbot[postgres]'."
    ),
    "other": "lỗi cơ sở dữ liệu {url}: {detail}",
}


def database_message(exc: BaseException, url: str | None) -> str | None:
    """The line for `exc` when it is a database fault; None for anything else.
    (Imports SQLAlchemy: call it only once something went wrong.)"""
    from storage.db import busy_timeout_s, database_fault, database_url

    fault = database_fault(exc)
    if fault is None:
        return None
    return MESSAGES[fault.kind].format(
        url=_shown_url(database_url(url)), detail=fault.detail, wait=busy_timeout_s()
    )


def _shown_url(url: str) -> str:
    """The URL without its password (a database password is a secret too)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(địa chỉ không đọc được)"
