"""`planbot web`: the read-only board of every place's plan, on the web and as a
Telegram Mini App (aiohttp, no JavaScript needed to read it).

    /                      places with a plan (search by old or 2025 name)
    /p/<place>             the place's current plans: indicators and tasks with their standing
    /p/<place>/<item>      one item's history (SVG chart + table)
    .../du-lieu.csv        the same as CSV;  /api/...  the same as JSON
    /app                   the Mini App entry: Telegram's signed launch data -> session

Safe by default: GET (and HEAD) only, no resident data, a strict Content
Security Policy (no inline script), no referrer, a per-client rate limit, and
PLANBOT_WEB_PUBLIC=false to admit only people signed in through Telegram."""

from __future__ import annotations

import asyncio
import json
import logging
import math
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from aiohttp import web

from bot import web_auth
from bot import web_pages as pages
from bot.config import WebSettings
from storage import board as b
from storage.db import database_fault

log = logging.getLogger(__name__)

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'self' https://web.telegram.org"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
INIT_DATA_HEADER = "X-Telegram-Init-Data"
STATIC_DIR = Path(__file__).resolve().parent / "web_static"
STATIC_FILES = {"style.css": "text/css", "app.js": "text/javascript"}
# What anyone may open with PLANBOT_WEB_PUBLIC=false: the sign-in itself
OPEN_PATHS = ("/app", "/api/session", "/static/", "/healthz")
MAX_QUERY = 100


@dataclass
class RateLimiter:
    """A token bucket per client address; full buckets are forgotten when many pile up."""

    burst: int
    per: float
    clock: Callable[[], float] = time.monotonic
    buckets: dict[str, tuple[float, float]] = field(default_factory=dict)
    max_clients: int = 20000

    def allow(self, client: str) -> tuple[bool, int]:
        now = self.clock()
        rate = self.burst / self.per
        tokens, last = self.buckets.get(client, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) * rate)
        if tokens < 1:
            self.buckets[client] = (tokens, now)
            return False, max(1, math.ceil((1 - tokens) / rate))
        self.buckets[client] = (tokens - 1, now)
        if len(self.buckets) > self.max_clients:
            self._forget_idle(now, rate)
        return True, 0

    def _forget_idle(self, now: float, rate: float) -> None:
        full = [k for k, (t, last) in self.buckets.items() if t + (now - last) * rate >= self.burst]
        for k in full:
            del self.buckets[k]


Today = Callable[[], date]
ENGINE = web.AppKey("engine", object)
SETTINGS = web.AppKey("settings", WebSettings)
TZ = web.AppKey("tz", ZoneInfo)
TODAY: web.AppKey[Today] = web.AppKey("today")
VIEWER = web.RequestKey("viewer", object)
PLACES = web.AppKey("places", b.PlaceDirectory)


def web_app(engine: Any, settings: WebSettings, today: Today | None = None) -> web.Application:
    """The board's aiohttp application over an open database engine. `today`:
    the date tasks and periods are judged on (tests pin it); default: today in
    the configured time zone."""
    tz = ZoneInfo(settings.timezone)
    day: Today = today or (lambda: datetime.now(tz).date())
    limiter = RateLimiter(settings.rate_burst, settings.rate_per)
    app = web.Application(
        middlewares=[_errors, _headers, _rate_limit(limiter, settings), _access(settings)],
        client_max_size=1024,
    )
    app[ENGINE], app[SETTINGS], app[TZ], app[TODAY] = engine, settings, tz, day
    app[PLACES] = b.PlaceDirectory(engine)
    r = app.router
    r.add_get("/", index)
    r.add_get("/healthz", healthz)
    r.add_get("/app", mini_app)
    r.add_get("/static/{name}", static)
    r.add_get("/api/session", session)
    r.add_get("/api/places", api_places)
    r.add_get("/api/p/{place}", api_place)
    r.add_get("/api/p/{place}/{item}", api_item)
    r.add_get("/p/{place}/du-lieu.csv", place_csv)
    r.add_get("/p/{place}", place)
    r.add_get("/p/{place}/{item}/du-lieu.csv", item_csv)
    r.add_get("/p/{place}/{item}", item)
    return app


# ------------------------------------------------------------------ middlewares

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

_ERRORS = {
    400: ("Yêu cầu không hợp lệ", "Địa chỉ hoặc tham số không đúng dạng."),
    401: (
        "Cần đăng nhập qua Telegram",
        "Bảng theo dõi này chỉ mở được từ bot Telegram: bấm nút “Xem bảng theo dõi” trong bot.",
    ),
    404: (
        "Không tìm thấy",
        "Không có trang này, hoặc địa phương, mục này không còn trong kế hoạch hiện hành.",
    ),
    405: ("Chỉ để xem", "Trang này chỉ để xem. Cán bộ báo cáo tiến độ qua bot Telegram (/capnhat)."),
    429: ("Quá nhiều yêu cầu", "Bạn mở trang quá nhanh. Vui lòng đợi một lát rồi thử lại."),
    500: ("Lỗi máy chủ", "Máy chủ đang gặp sự cố. Vui lòng thử lại sau."),
    503: ("Tạm thời không phục vụ", "Cơ sở dữ liệu đang bận hoặc tạm dừng. Vui lòng thử lại sau."),
}


def _error(request: web.Request, status: int, headers: Mapping[str, str] | None = None) -> web.Response:
    title, message = _ERRORS.get(status, _ERRORS[500])
    if request.path.startswith("/api/"):
        return web.json_response({"error": message}, status=status, headers=headers, dumps=_dumps)
    return web.Response(
        text=pages.error_page(title, message), status=status, content_type="text/html", headers=headers
    )


@web.middleware
async def _errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Vietnamese error pages; never a traceback. Anything but GET/HEAD is refused."""
    if request.method not in ("GET", "HEAD"):
        resp = _error(request, 405, {"Allow": "GET, HEAD"})
        resp.headers.update(SECURITY_HEADERS)
        return resp
    try:
        return await handler(request)
    except web.HTTPException as exc:
        if exc.status in _ERRORS or exc.status == 405:
            resp = _error(request, exc.status, {k: v for k, v in exc.headers.items() if k == "Retry-After"})
        else:
            raise
    except Exception as exc:
        if database_fault(exc) is not None:  # locked, unreachable, ...: try again later
            log.warning("web: the database could not serve %s: %s", request.path, database_fault(exc))
            resp = _error(request, 503, {"Retry-After": "30"})
        else:
            log.exception("web: %s failed", request.path)
            resp = _error(request, 500)
    resp.headers.update(SECURITY_HEADERS)
    return resp


@web.middleware
async def _headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    resp = await handler(request)
    resp.headers.update(SECURITY_HEADERS)
    if "Cache-Control" not in resp.headers:
        # a signed-in page is the viewer's own; the public ones may be cached a minute
        signed = request.get(VIEWER) is not None
        resp.headers["Cache-Control"] = "private, no-store" if signed else "public, max-age=60"
    return resp


def client_of(request: web.Request, settings: WebSettings) -> str:
    if settings.trust_proxy:
        forwarded = request.headers.get("X-Forwarded-For", "").split(",")[0].strip()
        if forwarded:
            return forwarded[:64]
    return request.remote or "?"


def _rate_limit(limiter: RateLimiter, settings: WebSettings) -> Any:
    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not request.path.startswith("/static/"):
            ok, wait = limiter.allow(client_of(request, settings))
            if not ok:
                raise web.HTTPTooManyRequests(headers={"Retry-After": str(wait)})
        return await handler(request)

    return middleware


def _access(settings: WebSettings) -> Any:
    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        viewer_id = web_auth.read_session(request.cookies.get(web_auth.COOKIE), settings.bot_token or "")
        request[VIEWER] = viewer_id
        if viewer_id is None and not settings.public and not request.path.startswith(OPEN_PATHS):
            raise web.HTTPUnauthorized()
        return await handler(request)

    return middleware


# ------------------------------------------------------------------ helpers


def _dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, default=_json_default)


def _json_default(o: object) -> object:
    if isinstance(o, datetime | date):
        return o.isoformat()
    raise TypeError(type(o).__name__)


async def _db(request: web.Request, fn: Callable[..., Any], *args: Any) -> Any:
    """Storage calls run off the event loop: a slow query holds up one page only."""
    return await asyncio.to_thread(fn, request.app[ENGINE], *args)


def _html(text: str) -> web.Response:
    return web.Response(text=text, content_type="text/html", charset="utf-8")


def _csv_response(text: str, name: str) -> web.Response:
    return web.Response(
        text=text,
        content_type="text/csv",
        charset="utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _place_id(request: web.Request) -> int:
    place_id = b.parse_place_slug(request.match_info["place"])
    if place_id is None:
        raise web.HTTPNotFound()
    return place_id


async def _viewer(request: web.Request) -> b.Viewer | None:
    viewer_id = request.get(VIEWER)
    return None if viewer_id is None else await _db(request, b.viewer, viewer_id)


async def _board(request: web.Request) -> tuple[b.Board, b.Viewer | None]:
    viewer = await _viewer(request)
    parties = viewer.party_ids if viewer is not None else frozenset()
    found = await _db(request, b.board, _place_id(request), request.app[TODAY](), parties)
    if found is None:
        raise web.HTTPNotFound()
    return found, viewer


async def _history(request: web.Request) -> b.ItemHistory:
    found = await _db(
        request, b.item_history, _place_id(request), request.match_info["item"], request.app[TODAY]()
    )
    if found is None:
        raise web.HTTPNotFound()
    return found


def _query(request: web.Request) -> tuple[str, int]:
    q = request.query.get("q", "").strip()[:MAX_QUERY]
    page_text = request.query.get("trang", "1")
    page = int(page_text) if page_text.isdigit() and len(page_text) < 6 else 1
    return q, max(page, 1)


# ------------------------------------------------------------------ pages


async def healthz(request: web.Request) -> web.Response:
    return web.Response(text="ok", headers={"Cache-Control": "no-store"})


async def index(request: web.Request) -> web.Response:
    q, page = _query(request)
    cards, total = await asyncio.to_thread(request.app[PLACES].page, q, page)
    return _html(pages.index_page(cards, total, q, page))


async def place(request: web.Request) -> web.Response:
    found, viewer = await _board(request)
    return _html(pages.place_page(found, request.app[TZ], viewer.telegram_id if viewer else None))


async def item(request: web.Request) -> web.Response:
    return _html(pages.item_page(await _history(request), request.app[TZ]))


async def place_csv(request: web.Request) -> web.Response:
    found, _ = await _board(request)
    return _csv_response(pages.place_csv(found, request.app[TZ]), f"{found.place.slug}.csv")


async def item_csv(request: web.Request) -> web.Response:
    h = await _history(request)
    return _csv_response(pages.item_csv(h, request.app[TZ]), f"{h.place.slug}-{h.ref}.csv")


async def mini_app(request: web.Request) -> web.Response:
    return _html(pages.app_page())


async def static(request: web.Request) -> web.Response:
    name = request.match_info["name"]
    if name not in STATIC_FILES:
        raise web.HTTPNotFound()
    return web.Response(
        text=pages.static_text(name),
        content_type=STATIC_FILES[name],
        charset="utf-8",
        headers={"Cache-Control": "public, max-age=3600"},
    )


# ------------------------------------------------------------------ the Mini App sign-in


async def session(request: web.Request) -> web.Response:
    """Telegram's launch data in a header (a GET: the board changes nothing) ->
    a session cookie, and the viewer's place to open."""
    settings: WebSettings = request.app[SETTINGS]
    if not settings.bot_token:
        return web.json_response(
            {"error": "Máy chủ chưa được cấu hình đăng nhập qua Telegram (TELEGRAM_BOT_TOKEN)."},
            status=503,
            dumps=_dumps,
        )
    user = web_auth.validate_init_data(request.headers.get(INIT_DATA_HEADER, ""), settings.bot_token)
    if user is None:
        log.warning("web: refused Telegram launch data from %s", client_of(request, settings))
        return web.json_response(
            {"error": "Không xác thực được dữ liệu đăng nhập từ Telegram. Hãy mở lại từ nút trong bot."},
            status=401,
            dumps=_dumps,
            headers={"Cache-Control": "no-store"},
        )
    viewer = await _db(request, b.viewer, user.id)
    target = "/"
    if viewer.place_id is not None:
        card = await _db(request, b.place_card, viewer.place_id)
        target = f"/p/{card.slug}" if card else "/"
    resp = web.json_response({"next": target}, headers={"Cache-Control": "no-store"}, dumps=_dumps)
    # Telegram's web client shows a Mini App in a cross-site frame: there only a
    # Secure, SameSite=None cookie is sent back; over plain http
    # (a local test) such a cookie would be refused, so Lax there.
    https = request.secure or (settings.trust_proxy and request.headers.get("X-Forwarded-Proto") == "https")
    resp.set_cookie(
        web_auth.COOKIE,
        web_auth.make_session(user.id, settings.bot_token),
        max_age=web_auth.SESSION_SECONDS,
        httponly=True,
        secure=https,
        samesite="None" if https else "Lax",
        path="/",
    )
    return resp


# ------------------------------------------------------------------ JSON


def _json(obj: object) -> web.Response:
    return web.json_response(obj, dumps=_dumps)


async def api_places(request: web.Request) -> web.Response:
    q, page = _query(request)
    cards, total = await asyncio.to_thread(request.app[PLACES].page, q, page)
    return _json(
        {
            "total": total,
            "page": page,
            "page_size": b.PAGE_SIZE,
            "places": [
                {"id": c.id, "name": c.label, "now": c.now, "plans": c.plans, "url": f"/p/{c.slug}"}
                for c in cards
            ],
        }
    )


def _latest_json(latest: b.Latest | None) -> dict[str, object] | None:
    return None if latest is None else {"value": latest.text, "at": latest.at, "by": latest.by}


async def api_place(request: web.Request) -> web.Response:
    found, _ = await _board(request)
    return _json(
        {
            "place": {"id": found.place.id, "name": found.place.label, "now": found.place.now},
            "plans": [
                {
                    "id": p.id,
                    "title": p.title,
                    "period": p.period,
                    "doc_number": p.doc_number,
                    "indicators": [
                        {
                            "ref": r.ref,
                            "no": r.no,
                            "name": r.name,
                            "target": r.target,
                            "responsible": r.responsible,
                            "status": r.status,
                            "status_text": b.STATUS_LABELS[r.status],
                            "percent": r.percent,
                            "latest": _latest_json(r.latest),
                        }
                        for r in p.indicators
                    ],
                    "tasks": [
                        {
                            "ref": t.ref,
                            "no": t.no,
                            "name": t.name,
                            "lead": t.lead,
                            "deadline": t.deadline_text,
                            "due": t.due,
                            "status": t.status,
                            "status_text": b.STATUS_LABELS[t.status],
                            "latest": _latest_json(t.latest),
                        }
                        for t in p.tasks
                    ],
                }
                for p in found.plans
            ],
        }
    )


async def api_item(request: web.Request) -> web.Response:
    h = await _history(request)
    return _json(
        {
            "place": {"id": h.place.id, "name": h.place.label},
            "plan": h.plan_title,
            "kind": h.kind,
            "ref": h.ref,
            "name": h.name,
            "target": h.target,
            "responsible": h.responsible,
            "status": h.status,
            "status_text": b.STATUS_LABELS[h.status],
            "history": [
                {"at": p.at, "value": p.text, "number": p.value, "by": p.by, "note": p.note} for p in h.points
            ],
        }
    )


# ------------------------------------------------------------------ serving


async def serve(engine: Any, settings: WebSettings, host: str, port: int, stop: asyncio.Event) -> None:
    runner = web.AppRunner(web_app(engine, settings), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    log.info("web board on http://%s:%d/", host, port)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()
