"""The web board (`planbot web`) through its HTTP interface: what each page
shows, judged in each target's direction; the Mini App sign-in; the safety
rules (GET only, headers, rate limit, private mode); the bot's buttons.
The same pages in a real browser: tests/test_web_browser.py."""

from __future__ import annotations

import csv
import io
import json
import re
import time
from datetime import date

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.config import ConfigError, WebSettings, load_web_settings
from bot.web import web_app
from bot.web_auth import COOKIE, make_session, sign_init_data, validate_init_data
from storage import board, progress, users
from storage.ingest import ingest_paths
from tests.conftest import SAMPLES
from tests.fakes.harness import TEST_TOKEN, BotHarness

OFFICER, OTHER_OFFICER, ADMIN, RESIDENT = 2002, 2003, 1001, 3003
DONG_THO, THIEU_DUONG, HUNG_DONG = (
    next(p for p in sorted(SAMPLES.glob("*.txt")) if name in p.read_text(encoding="utf-8")[:3000])
    for name in ("Đông Thọ", "Thiệu Dương", "Hưng Đông")
)
BHYT = "tỷ lệ dân số tham gia bảo hiểm y tế"
IN_2023 = date(2023, 6, 15)  # inside the 2023 plans' year: tasks due by April are overdue


@pytest.fixture
def plans(engine):  # type: ignore[no-untyped-def]
    assert all(r.ok for r in ingest_paths(engine, [DONG_THO, THIEU_DUONG, HUNG_DONG]))
    users.add_user(engine, OFFICER, "officer", "Đông Thọ", party="Đ/c Sâm TYT")
    return engine


def place_id(engine, key: str) -> int:  # type: ignore[no-untyped-def]
    loc = users.locality_by_key(engine, key)
    assert loc is not None
    return loc.id


def report(engine, telegram_id: int, text: str) -> None:  # type: ignore[no-untyped-def]
    """/capnhat and 'Xác nhận', through the storage calls the handlers make."""
    officer = users.get_user(engine, telegram_id, {ADMIN})
    draft = progress.prepare_update(engine, officer, text)
    assert draft.outcome == "draft", draft.outcome
    assert progress.confirm_draft(engine, draft.token or "", officer).outcome == "stored"


async def client(engine, today: date = IN_2023, **settings) -> TestClient:  # type: ignore[no-untyped-def]
    c = TestClient(TestServer(web_app(engine, WebSettings(**settings), today=lambda: today)))
    await c.start_server()
    return c


# ------------------------------------------------------------------ judgement


def test_lower_is_better_target_is_met_under_its_ceiling(plans) -> None:
    """'dưới 7,6%' (Thiệu Dương's undernourished children): 6,5% is met, 8% is not —
    'đang thực hiện' within the plan's year, 'chưa đạt' once it is over."""
    pid = place_id(plans, "phuong thieu duong")

    def status(today: date) -> str:
        b = board.board(plans, pid, today)
        assert b is not None
        row = next(r for p in b.plans for r in p.indicators if "suy dinh dưỡng" in r.name)
        assert row.target == "dưới 7,6 %"
        return row.status

    assert status(date(2024, 6, 1)) == board.NO_DATA
    with_record(plans, pid, "suy dinh dưỡng", 8.0, "8%")
    assert (status(date(2024, 6, 1)), status(date(2025, 2, 1))) == (board.IN_PROGRESS, board.NOT_MET)
    # the month after the period, when final figures are still reported (the bot's rule, past_grace)
    assert status(date(2025, 1, 15)) == board.IN_PROGRESS
    with_record(plans, pid, "suy dinh dưỡng", 6.5, "6,5%")
    assert status(date(2024, 6, 1)) == board.MET


def with_record(engine, pid: int, name: str, value: float, text: str) -> None:  # type: ignore[no-untyped-def]
    """A confirmed record, as an admin's /capnhat stores it (admins may update any item)."""
    b = board.board(engine, pid, IN_2023)
    assert b is not None
    row = next(r for p in b.plans for r in p.indicators if name in r.name)
    item = progress.get_item(engine, "indicator", int(row.ref[1:]))
    assert item is not None
    admin = users.get_user(engine, ADMIN, {ADMIN})
    draft = progress.prepare_for_item(engine, admin, item, text)
    assert progress.confirm_draft(engine, draft.token or "", admin).outcome == "stored"


def test_task_standing_by_its_deadlines(plans) -> None:
    pid = place_id(plans, "xa hung dong")

    def row_for(today: date, text: str) -> board.TaskRow:
        b = board.board(plans, pid, today)
        assert b is not None
        return next(t for p in b.plans for t in p.tasks if text in t.name)

    half_term = "Báo cáo nửa nhiệm kỳ"  # 'Trước tháng 5/2023'
    assert row_for(date(2023, 3, 1), half_term).status == board.ON_TIME
    assert row_for(date(2023, 4, 10), half_term).status == board.DUE_SOON
    overdue = row_for(IN_2023, half_term)
    assert (overdue.status, overdue.due) == (board.OVERDUE, date(2023, 4, 30))
    assert row_for(date(2024, 2, 1), half_term).status == board.PERIOD_OVER
    # within the month's grace the bot still counts it overdue ('việc quá hạn'): the board agrees
    assert row_for(date(2024, 1, 15), half_term).status == board.OVERDUE


# ------------------------------------------------------------------ pages


async def test_place_page_index_search_and_item_history(plans) -> None:
    report(plans, OFFICER, f"{BHYT}: 93%")
    c = await client(plans)
    try:
        home = await (await c.get("/")).text()
        assert "phường Đông Thọ" in home and "xã Hưng Đông" in home
        # an old name and the name of the 2025 unit that holds it find the same place
        for query in ("Thiệu Dương", "thieu duong", "Hàm Rồng"):
            found = await (await c.get("/", params={"q": query})).text()
            assert "/p/" in found and "phường Thiệu Dương" in found, query
        assert "Không tìm thấy" in await (await c.get("/", params={"q": "xyzxyz"})).text()

        pid = place_id(plans, "phuong dong tho")
        page = await c.get(f"/p/{pid}-phuong-dong-tho")
        html = await page.text()
        assert page.status == 200
        bhyt = html[html.index("bảo hiểm y tế trên tổng dân số") :][:900]
        assert "<dd>95 %</dd>" in bhyt and "<strong>93%</strong>" in bhyt and "Đ/c Sâm" in bhyt
        assert "đang thực hiện" in bhyt  # 93 of 95, the year not over
        assert str(OFFICER) not in html  # the officer by his party, never his Telegram id

        ref = re.search(rf'href="/p/{pid}-phuong-dong-tho/(i\d+)">[^<]*bảo hiểm y tế trên tổng', html)[1]  # type: ignore[index]
        item = await (await c.get(f"/p/{pid}-phuong-dong-tho/{ref}")).text()
        assert "<svg" in item and "Kế hoạch: 95 %" in item and "93%" in item and "Đ/c Sâm" in item
        data = await (await c.get(f"/api/p/{pid}/{ref}")).json()
        assert data["target"] == "95 %" and data["history"][0]["value"] == "93%"
        assert data["history"][0]["by"].startswith("Đ/c Sâm")
        rows = list(
            csv.reader(io.StringIO((await (await c.get(f"/p/{pid}/du-lieu.csv")).text()).lstrip("\ufeff")))
        )
        bhyt_row = next(r for r in rows if "bảo hiểm y tế trên tổng dân số" in r[3])
        assert bhyt_row[4] == "95 %" and bhyt_row[6] == "93%" and bhyt_row[9] == "đang thực hiện"
        api = await (await c.get(f"/api/p/{pid}")).json()
        assert api["place"]["name"] == "phường Đông Thọ" and len(api["plans"][0]["indicators"]) == 49

        # an item of another place, a superseded or unknown one, a garbled slug: 404
        for path in (f"/p/{pid + 1}/{ref}", f"/p/{pid}/i999999", "/p/abc", f"/p/{pid}/x1", "/p/999999"):
            assert (await c.get(path)).status == 404, path
    finally:
        await c.close()


async def test_headers_get_only_and_rate_limit(plans) -> None:
    c = await client(plans, rate_burst=5, rate_per=60)
    try:
        r = await c.get("/")
        assert "script-src 'self'" in r.headers["Content-Security-Policy"]
        assert "unsafe-inline" not in r.headers["Content-Security-Policy"]
        assert r.headers["Referrer-Policy"] == "no-referrer"
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert "<script>" not in await r.text()
        for method in ("POST", "PUT", "DELETE", "PATCH"):
            refused = await c.request(method, "/p/1")
            assert refused.status == 405 and "Chỉ để xem" in await refused.text()
        statuses = [(await c.get("/")).status for _ in range(6)]
        assert statuses[-1] == 429 and statuses.count(200) == 4  # 5 in all, the first above
        limited = await c.get("/api/places")
        assert limited.status == 429 and int(limited.headers["Retry-After"]) >= 1
        assert "nhanh" in (await limited.json())["error"]
        assert (await c.get("/static/style.css")).status == 200  # the page's own files are not counted
    finally:
        await c.close()


# ------------------------------------------------------------------ Mini App sign-in


def launch_data(user_id: int, token: str = TEST_TOKEN, age: float = 0) -> str:
    user = json.dumps({"id": user_id, "first_name": "Sâm"}, ensure_ascii=False, separators=(",", ":"))
    return sign_init_data({"auth_date": str(int(time.time() - age)), "query_id": "AAH", "user": user}, token)


def test_init_data_validation() -> None:
    good = launch_data(OFFICER)
    assert validate_init_data(good, TEST_TOKEN).id == OFFICER  # type: ignore[union-attr]
    assert validate_init_data(good, "999:other-token") is None  # signed for another bot
    assert validate_init_data(good.replace(str(OFFICER), str(OFFICER + 1)), TEST_TOKEN) is None
    assert validate_init_data(launch_data(OFFICER, age=3 * 86400), TEST_TOKEN) is None  # stale
    assert validate_init_data(good + "&hash=00", TEST_TOKEN) is None  # a repeated key
    assert validate_init_data("garbage", TEST_TOKEN) is None
    assert validate_init_data("", TEST_TOKEN) is None


async def test_mini_app_signs_in_and_puts_an_officers_items_first(plans) -> None:
    c = await client(plans, bot_token=TEST_TOKEN)
    try:
        forged = await c.get(
            "/api/session", headers={"X-Telegram-Init-Data": launch_data(OFFICER, "1:forged")}
        )
        assert forged.status == 401 and "Không xác thực được" in (await forged.json())["error"]
        assert COOKIE not in forged.cookies
        ok = await c.get("/api/session", headers={"X-Telegram-Init-Data": launch_data(OFFICER)})
        assert ok.status == 200 and COOKIE in ok.cookies
        target = (await ok.json())["next"]
        assert target.startswith(f"/p/{place_id(plans, 'phuong dong tho')}-")
        assert "SameSite=Lax" in ok.headers["Set-Cookie"] and "HttpOnly" in ok.headers["Set-Cookie"]
        page = await c.get(target)  # the cookie jar sends the session
        html = await page.text()
        assert page.headers["Cache-Control"] == "private, no-store"
        cards = re.findall(r'<li class="card ([a-z_ ]+)">(.*?)</li>', html)
        mine = [body for cls, body in cards if "mine" in cls.split()]
        assert cards[: len(mine)] == [(cls, body) for cls, body in cards if "mine" in cls.split()]  # first
        assert all("Việc của tôi" in body for body in mine)
        assert any("bảo hiểm y tế trên tổng" in body for body in mine) and len(mine) < len(cards)
    finally:
        await c.close()


async def test_private_board_needs_the_telegram_sign_in(plans) -> None:
    c = await client(plans, public=False, bot_token=TEST_TOKEN)
    try:
        for path in ("/", "/p/1", "/api/places", "/p/1/du-lieu.csv"):
            r = await c.get(path)
            assert r.status == 401, path
        assert "Xem bảng theo dõi" in await (await c.get("/")).text()
        assert (await c.get("/app")).status == 200 and (await c.get("/static/app.js")).status == 200
        c.session.cookie_jar.update_cookies({COOKIE: make_session(RESIDENT, "1:forged")})
        assert (await c.get("/")).status == 401
        c.session.cookie_jar.update_cookies(
            {COOKIE: make_session(RESIDENT, TEST_TOKEN, now=time.time() - 86400)}
        )
        assert (await c.get("/")).status == 401  # expired
        c.session.cookie_jar.update_cookies({COOKIE: make_session(RESIDENT, TEST_TOKEN)})
        assert (await c.get("/")).status == 200
    finally:
        await c.close()


async def test_session_cookie_over_https_behind_a_trusted_proxy(plans) -> None:
    """Telegram's web client frames the Mini App: only a Secure, SameSite=None cookie comes back."""
    c = await client(plans, bot_token=TEST_TOKEN, trust_proxy=True)
    try:
        headers = {"X-Telegram-Init-Data": launch_data(OFFICER), "X-Forwarded-Proto": "https"}
        cookie = (await c.get("/api/session", headers=headers)).headers["Set-Cookie"]
        assert all(word in cookie for word in ("Secure", "SameSite=None", "HttpOnly"))
    finally:
        await c.close()


def test_web_settings() -> None:
    assert load_web_settings(env={}) == WebSettings()
    s = load_web_settings(
        env={"PLANBOT_WEB_PUBLIC": "false", "TELEGRAM_BOT_TOKEN": TEST_TOKEN, "PLANBOT_WEB_RATE": "10/5"}
    )
    assert (s.public, s.rate_burst, s.rate_per) == (False, 10, 5.0) and TEST_TOKEN not in repr(s)
    for bad in (
        {"PLANBOT_WEB_PUBLIC": "false"},  # no token: nobody could sign in
        {"PLANBOT_WEB_PUBLIC": "maybe"},
        {"PLANBOT_WEB_RATE": "many"},
        {"PLANBOT_WEB_RATE": "0/60"},
    ):
        with pytest.raises(ConfigError):
            load_web_settings(env=bad)


# ------------------------------------------------------------------ the bot's buttons


async def test_bot_menu_and_board_button_open_the_mini_app(plans) -> None:
    async with BotHarness(plans, {ADMIN}, web_url="https://kehoach.example.vn") as h:
        menu = [c for c in h.fake.calls if c.method == "setChatMenuButton"]
        assert menu and menu[0].params["menu_button"]["web_app"]["url"] == "https://kehoach.example.vn/app"
        await h.say(RESIDENT, "/start dong-tho")
        markup = h.fake.last_message(RESIDENT)["reply_markup"]  # type: ignore[index]
        button = markup["inline_keyboard"][0][0]
        assert button["text"] == "Xem bảng theo dõi"
        assert button["web_app"]["url"] == "https://kehoach.example.vn/app"


def test_planbot_web_refuses_bad_settings(monkeypatch, capsys, db_url) -> None:  # type: ignore[no-untyped-def]
    from bot.cli import main as planbot

    assert planbot(["web", "--db", db_url, "--listen", "nowhere"]) == 2
    assert "--listen must be HOST:PORT" in capsys.readouterr().err
    monkeypatch.setenv("PLANBOT_WEB_PUBLIC", "false")
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    assert planbot(["web", "--db", db_url]) == 2
    assert "PLANBOT_WEB_PUBLIC=false needs TELEGRAM_BOT_TOKEN" in capsys.readouterr().err
