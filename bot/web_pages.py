"""HTML of the web board: server-rendered, Vietnamese, mobile first, readable
without JavaScript (the one script is the Mini App sign-in). Charts are inline
SVG drawn here; colours always come with their words (đạt, quá hạn, ...)."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from functools import lru_cache
from html import escape
from importlib import resources
from string import Template
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from storage import board as b

_INDICATOR_ORDER = (b.MET, b.IN_PROGRESS, b.NOT_MET, b.NO_DATA)
_TASK_ORDER = (b.DONE, b.ON_TIME, b.DUE_SOON, b.OVERDUE, b.PERIOD_OVER)


def e(text: object) -> str:
    return escape("" if text is None else str(text), quote=True)


@lru_cache(maxsize=4)
def static_text(name: str) -> str:
    return resources.files("bot").joinpath("web_static", name).read_text(encoding="utf-8")


def page(title: str, body: str, head: str = "") -> str:
    return Template(static_text("layout.html")).substitute(title=e(title), body=body, head=head)


def local(at: datetime, tz: ZoneInfo) -> str:
    """'05/12/2026 14:30' in the commune's time zone (records are stored in UTC)."""
    if at.tzinfo is None:  # SQLite hands back naive datetimes: they are UTC
        from datetime import UTC

        at = at.replace(tzinfo=UTC)
    return at.astimezone(tz).strftime("%d/%m/%Y %H:%M")


def badge(status: str) -> str:
    return f'<span class="badge {status}">{e(b.STATUS_LABELS[status])}</span>'


# ------------------------------------------------------------------ index


def index_page(cards: list[b.PlaceCard], total: int, query: str, page_no: int) -> str:
    found = (
        f"<p>{total} địa phương khớp với “{e(query)}”.</p>"
        if query
        else f"<p>{total} địa phương có kế hoạch.</p>"
    )
    if not cards:
        found = (
            f'<p class="notice">Không tìm thấy địa phương “{e(query)}”. Thử tên cũ hoặc tên mới (từ 1/7/2025), '
            "có dấu hoặc không dấu.</p>"
            if query
            else '<p class="notice">Chưa có kế hoạch nào trong cơ sở dữ liệu.</p>'
        )
    items = "".join(
        f'<li><a href="/p/{e(c.slug)}">{e(c.label)}</a>'
        + (f' <span class="muted">(nay thuộc {e(c.now)})</span>' if c.now else "")
        + f'<br><span class="muted">{c.plans} kế hoạch</span></li>'
        for c in cards
    )
    pager = _pager(total, query, page_no)
    api = "/api/places" + (f"?{urlencode({'q': query})}" if query else "")
    body = (
        "<h1>Kế hoạch phát triển kinh tế - xã hội của các xã, phường</h1>"
        '<form class="search" method="get" action="/" role="search">'
        '<label for="q">Tìm xã, phường (tên cũ hoặc tên mới)</label>'
        f'<input id="q" name="q" type="search" value="{e(query)}" maxlength="100" '
        'placeholder="Ví dụ: Đông Thọ, Hàm Rồng" autocomplete="off">'
        '<button type="submit">Tìm</button></form>'
        f'{found}<ul class="places">{items}</ul>{pager}'
        f'<p class="data-links">Dữ liệu mở: <a href="{e(api)}">JSON</a></p>'
    )
    return page("Bảng theo dõi kế hoạch", body)


def _pager(total: int, query: str, page_no: int) -> str:
    pages = max(1, -(-total // b.PAGE_SIZE))
    if pages == 1:
        return ""

    def link(n: int, text: str, rel: str) -> str:
        params = {"q": query, "trang": n} if query else {"trang": n}
        return f'<a rel="{rel}" href="/?{e(urlencode(params))}">{text}</a>'

    parts = []
    if page_no > 1:
        parts.append(link(page_no - 1, "← Trang trước", "prev"))
    parts.append(f"<span>Trang {page_no}/{pages}</span>")
    if page_no < pages:
        parts.append(link(page_no + 1, "Trang sau →", "next"))
    return f'<nav class="pager" aria-label="Phân trang">{"".join(parts)}</nav>'


# ------------------------------------------------------------------ a place


def place_page(board: b.Board, tz: ZoneInfo, signed_in_as: int | None = None) -> str:
    place = board.place
    mine = sum(sum(r.mine for r in p.indicators) + sum(r.mine for r in p.tasks) for p in board.plans)
    intro = ""
    if signed_in_as is not None:
        intro = (
            f'<p class="notice">Bạn đang phụ trách {mine} mục của kế hoạch này: các mục đó được xếp lên đầu, '
            "có nhãn “Việc của tôi”.</p>"
            if mine
            else '<p class="notice">Đã đăng nhập qua Telegram. Bạn chưa được giao mục nào ở đây.</p>'
        )
    counts = board.counts()
    legend = "".join(
        f"<li>{badge(s)} {counts[s]}</li>" for s in (*_INDICATOR_ORDER, *_TASK_ORDER) if counts.get(s)
    )
    plans = "".join(_plan_section(place, plan, tz) for plan in board.plans)
    body = (
        f"<h1>{e(place.label)}</h1>"
        + (f'<p class="muted">Nay thuộc {e(place.now)} (từ 1/7/2025).</p>' if place.now else "")
        + intro
        + f'<ul class="legend" aria-label="Tổng hợp theo trạng thái">{legend}</ul>'
        + plans
        + f'<p class="data-links">Dữ liệu mở: <a href="/api/p/{e(place.slug)}">JSON</a> · '
        f'<a href="/p/{e(place.slug)}/du-lieu.csv">CSV</a></p>'
    )
    return page(f"{place.label} — kế hoạch và tiến độ", body)


def _plan_section(place: b.PlaceCard, plan: b.PlanBoard, tz: ZoneInfo) -> str:
    meta = " · ".join(filter(None, [plan.period, f"số {plan.doc_number}" if plan.doc_number else ""]))
    inds = "".join(_indicator_card(place, r, tz) for r in plan.indicators)
    tasks = "".join(_task_card(place, r, tz) for r in plan.tasks)
    out = f'<section aria-labelledby="kh{plan.id}"><h2 id="kh{plan.id}">{e(plan.title)}</h2>'
    out += f'<p class="muted">{e(meta)}</p>' if meta else ""
    if inds:
        out += f'<h3>Chỉ tiêu ({len(plan.indicators)})</h3><ul class="cards">{inds}</ul>'
    if tasks:
        out += f'<h3>Nhiệm vụ ({len(plan.tasks)})</h3><ul class="cards">{tasks}</ul>'
    return out + "</section>"


def _latest_dd(latest: b.Latest | None, tz: ZoneInfo) -> str:
    if latest is None:
        return "<dt>Thực hiện</dt><dd>chưa có báo cáo</dd>"
    return (
        f"<dt>Thực hiện</dt><dd><strong>{e(latest.text)}</strong> "
        f'<span class="muted">({e(local(latest.at, tz))}, {e(latest.by)})</span></dd>'
    )


def _title(place: b.PlaceCard, row: b.IndicatorRow | b.TaskRow) -> str:
    no = f"{e(row.no)}. " if row.no else ""
    tag = ' <span class="mine-tag">Việc của tôi</span>' if row.mine else ""
    return f'<h4><a href="/p/{e(place.slug)}/{e(row.ref)}">{no}{e(row.name)}</a>{tag}</h4>'


def _indicator_card(place: b.PlaceCard, r: b.IndicatorRow, tz: ZoneInfo) -> str:
    pct = f" ({str(r.percent).replace('.', ',')}% kế hoạch)" if r.percent is not None else ""
    return (
        f'<li class="card {r.status}{" mine" if r.mine else ""}">{_title(place, r)}<dl>'
        f"<dt>Kế hoạch</dt><dd>{e(r.target) or 'không ghi số'}</dd>"
        f"{_latest_dd(r.latest, tz)}"
        f"<dt>Đánh giá</dt><dd>{badge(r.status)}{e(pct)}</dd>"
        + (f"<dt>Phụ trách</dt><dd>{e(r.responsible)}</dd>" if r.responsible else "")
        + "</dl></li>"
    )


def _task_card(place: b.PlaceCard, r: b.TaskRow, tz: ZoneInfo) -> str:
    due = r.due.strftime("%d/%m/%Y") if r.due else ""
    deadline = " — ".join(x for x in (r.deadline_text, due) if x) or "không ghi hạn"
    return (
        f'<li class="card {r.status}{" mine" if r.mine else ""}">{_title(place, r)}<dl>'
        f"<dt>Chủ trì</dt><dd>{e(r.lead) or 'chưa ghi'}</dd>"
        f"<dt>Thời hạn</dt><dd>{e(deadline)}</dd>"
        f"<dt>Trạng thái</dt><dd>{badge(r.status)}</dd>"
        f"{_latest_dd(r.latest, tz) if r.latest else ''}"
        "</dl></li>"
    )


# ------------------------------------------------------------------ one item


def item_page(h: b.ItemHistory, tz: ZoneInfo) -> str:
    target_label = "Kế hoạch" if h.kind == "indicator" else "Thời hạn"
    rows = "".join(
        f"<tr><td>{e(local(p.at, tz))}</td><td>{e(p.text)}</td><td>{e(p.by)}</td><td>{e(p.note or '')}</td></tr>"
        for p in reversed(h.points)
    )
    table = (
        '<table><caption class="muted">Ai báo cáo gì, khi nào (giờ Việt Nam), mới nhất trước</caption>'
        '<thead><tr><th scope="col">Thời điểm</th><th scope="col">Giá trị</th>'
        f'<th scope="col">Người báo cáo</th><th scope="col">Ghi chú</th></tr></thead><tbody>{rows}</tbody></table>'
        if rows
        else "<p>Chưa có báo cáo tiến độ nào.</p>"
    )
    base = f"/p/{h.place.slug}"
    body = (
        f'<p><a href="{e(base)}">← {e(h.place.label)}</a></p>'
        f'<h1>{e(h.name)}</h1><p class="muted">{e(h.plan_title)}</p>'
        f'<dl class="card {h.status}"><dt>{target_label}</dt><dd>{e(h.target) or "không ghi"}</dd>'
        f"<dt>Phụ trách</dt><dd>{e(h.responsible) or 'chưa ghi'}</dd>"
        f"<dt>Trạng thái</dt><dd>{badge(h.status)}</dd></dl>"
        f"<h2>Diễn biến</h2>{chart_svg(h, tz)}<h2>Lịch sử báo cáo</h2>{table}"
        f'<p class="data-links">Dữ liệu mở: <a href="/api{e(base)}/{e(h.ref)}">JSON</a> · '
        f'<a href="{e(base)}/{e(h.ref)}/du-lieu.csv">CSV</a></p>'
    )
    return page(f"{h.name} — {h.place.label}", body)


W, H, PAD_L, PAD_R, PAD_T, PAD_B = 640, 260, 56, 16, 16, 40


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".").replace(".", ",")


def chart_svg(h: b.ItemHistory, tz: ZoneInfo) -> str:
    """The reported figures over time against the target line; a description
    in words for screen readers. No figure: a sentence instead of a chart."""
    pts = [p for p in h.points if p.value is not None]
    if not pts:
        return "<p>Chưa có số liệu dạng số để vẽ biểu đồ.</p>"
    values = [p.value for p in pts if p.value is not None]
    top = max([*values, h.target_value or 0]) * 1.1 or 1.0
    t0, t1 = pts[0].at.timestamp(), pts[-1].at.timestamp()
    span = (t1 - t0) or 1.0

    def x(p: b.Point) -> float:
        return PAD_L + (W - PAD_L - PAD_R) * ((p.at.timestamp() - t0) / span if len(pts) > 1 else 0.5)

    def y(v: float) -> float:
        return PAD_T + (H - PAD_T - PAD_B) * (1 - v / top)

    parts = [
        f'<line x1="{PAD_L}" y1="{H - PAD_B}" x2="{W - PAD_R}" y2="{H - PAD_B}" stroke="#555"/>',
        f'<line x1="{PAD_L}" y1="{PAD_T}" x2="{PAD_L}" y2="{H - PAD_B}" stroke="#555"/>',
        f'<text x="{PAD_L - 6}" y="{H - PAD_B}" text-anchor="end" font-size="12" fill="#333">0</text>',
        f'<text x="{PAD_L - 6}" y="{PAD_T + 10}" text-anchor="end" font-size="12" fill="#333">{_num(top)}</text>',
    ]
    if h.target_value is not None:
        ty = y(h.target_value)
        parts.append(
            f'<line x1="{PAD_L}" y1="{ty:.1f}" x2="{W - PAD_R}" y2="{ty:.1f}" stroke="#b35900" '
            'stroke-dasharray="6 4" stroke-width="2"/>'
            f'<text x="{W - PAD_R}" y="{ty - 6:.1f}" text-anchor="end" font-size="12" fill="#7a3d00">'
            f"Kế hoạch: {e(h.target)}</text>"
        )
    line = " ".join(f"{x(p):.1f},{y(p.value or 0):.1f}" for p in pts)
    parts.append(f'<polyline points="{line}" fill="none" stroke="#0b4f9c" stroke-width="2"/>')
    for p in pts:
        parts.append(
            f'<circle cx="{x(p):.1f}" cy="{y(p.value or 0):.1f}" r="4" fill="#0b4f9c">'
            f"<title>{e(local(p.at, tz))}: {e(p.text)}</title></circle>"
        )
    first, last = pts[0], pts[-1]
    parts.append(
        f'<text x="{PAD_L}" y="{H - 12}" font-size="12" fill="#333">{e(local(first.at, tz)[:10])}</text>'
    )
    if len(pts) > 1:
        parts.append(
            f'<text x="{W - PAD_R}" y="{H - 12}" text-anchor="end" font-size="12" fill="#333">'
            f"{e(local(last.at, tz)[:10])}</text>"
        )
    desc = f"{len(pts)} lần báo cáo; mới nhất {last.text} lúc {local(last.at, tz)}" + (
        f"; kế hoạch {h.target}" if h.target_value is not None else ""
    )
    return (
        f'<svg class="chart" viewBox="0 0 {W} {H}" role="img" aria-labelledby="chart-title chart-desc" '
        f'xmlns="http://www.w3.org/2000/svg"><title id="chart-title">Biểu đồ tiến độ: {e(h.name)}</title>'
        f'<desc id="chart-desc">{e(desc)}</desc>{"".join(parts)}</svg>'
    )


# ------------------------------------------------------------------ the Mini App and errors


def app_page() -> str:
    body = (
        "<h1>Bảng theo dõi kế hoạch</h1>"
        '<p id="signin-status" role="status" aria-live="polite" '
        'data-missing="Trang này dành cho nút “Xem bảng theo dõi” trong bot Telegram. '
        'Bạn vẫn có thể xem bảng công khai ở trang chủ." '
        'data-checking="Đang xác thực với Telegram…" '
        'data-offline="Không kết nối được máy chủ. Vui lòng thử lại.">'
        "Đang mở bảng theo dõi từ Telegram…</p>"
        "<noscript><p>Trình duyệt đang tắt JavaScript nên không đăng nhập qua Telegram được. "
        'Bảng công khai vẫn xem được ở <a href="/">trang chủ</a>.</p></noscript>'
        '<p><a href="/">Xem danh sách xã, phường</a></p>'
    )
    return page("Bảng theo dõi — Telegram", body, head='<script src="/static/app.js" defer></script>\n')


def error_page(title: str, message: str) -> str:
    return page(title, f'<h1>{e(title)}</h1><p>{e(message)}</p><p><a href="/">Về trang chủ</a></p>')


# ------------------------------------------------------------------ CSV


def _csv(rows: list[list[object]]) -> str:
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return "\ufeff" + buf.getvalue()  # BOM: Excel opens Vietnamese correctly


def place_csv(board: b.Board, tz: ZoneInfo) -> str:
    head = ["Kế hoạch", "Loại", "STT", "Tên", "Kế hoạch / thời hạn", "Chủ trì / phụ trách"]
    rows: list[list[object]] = [[*head, "Thực hiện mới nhất", "Cập nhật lúc", "Người cập nhật", "Trạng thái"]]
    for plan in board.plans:
        for r in plan.indicators:
            rows.append(
                [
                    plan.title,
                    "chỉ tiêu",
                    r.no,
                    r.name,
                    r.target,
                    r.responsible,
                    *_latest_cells(r.latest, tz),
                    b.STATUS_LABELS[r.status],
                ]
            )
        for t in plan.tasks:
            due = " — ".join(x for x in (t.deadline_text, t.due.strftime("%d/%m/%Y") if t.due else "") if x)
            rows.append(
                [
                    plan.title,
                    "nhiệm vụ",
                    t.no,
                    t.name,
                    due,
                    t.lead,
                    *_latest_cells(t.latest, tz),
                    b.STATUS_LABELS[t.status],
                ]
            )
    return _csv(rows)


def _latest_cells(latest: b.Latest | None, tz: ZoneInfo) -> list[object]:
    return [latest.text, local(latest.at, tz), latest.by] if latest else ["", "", ""]


def item_csv(h: b.ItemHistory, tz: ZoneInfo) -> str:
    rows: list[list[object]] = [["Thời điểm", "Giá trị", "Số", "Người báo cáo", "Ghi chú"]]
    rows += [
        [local(p.at, tz), p.text, "" if p.value is None else p.value, p.by, p.note or ""] for p in h.points
    ]
    return _csv(rows)
