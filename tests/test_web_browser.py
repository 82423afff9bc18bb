"""The web board in a real headless browser: Debian's chromium driven by
Selenium through Debian's chromedriver (scripts/install-browser.sh installs
both; `make test` runs it). Nothing is downloaded: no browser, no CDN, no font.

What a person sees: the Đông Thọ page with the BHYT target, a value after an
officer's confirmed /capnhat, a lower-is-better item under its ceiling 'đạt',
an overdue task 'quá hạn'; the Mini App with valid and forged launch data;
axe-core (vendored, tests/vendor/axe.min.js) finds no serious violation.
The screenshot in the README is saved here (docs/img/web-board.png)."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import quote

import pytest
from aiohttp import web

from bot.config import WebSettings
from bot.web import web_app
from tests.conftest import ROOT
from tests.fakes.harness import TEST_TOKEN
from tests.test_web import BHYT, IN_2023, OFFICER, launch_data, place_id, plans, report, with_record

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
SCREENSHOT = ROOT / "docs" / "img" / "web-board.png"

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="Debian's chromium and chromium-driver are not installed (scripts/install-browser.sh installs them)",
)
__all__ = ["plans"]  # the fixture, shared with tests/test_web.py


class LiveBoard:
    """The board on a real port, served from a thread of its own (Selenium is synchronous)."""

    def __init__(self, engine: object, settings: WebSettings, today: date) -> None:
        self.app = web_app(engine, settings, today=lambda: today)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.loop = asyncio.new_event_loop()
        self.runner = web.AppRunner(self.app, access_log=None)
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_until_complete(self.runner.setup())
        self.loop.run_until_complete(web.TCPSite(self.runner, "127.0.0.1", self.port).start())
        self.ready.set()
        self.loop.run_forever()

    def __enter__(self) -> LiveBoard:
        self.thread.start()
        assert self.ready.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self.runner.cleanup(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


def chromium(javascript: bool = True):  # type: ignore[no-untyped-def]
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never fetch a browser or driver
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or ""
    for arg in (
        "--headless=new",
        "--no-sandbox",  # the tests may run as root (CI containers)
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=412,915",  # a phone: the board is mobile first
        "--lang=vi",
    ):
        options.add_argument(arg)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER or ""), options=options)
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    driver = chromium()
    try:
        yield driver
    finally:
        driver.quit()


def live(engine: object, today: date = IN_2023, **settings: object) -> LiveBoard:
    return LiveBoard(engine, WebSettings(rate_burst=1000, **settings), today)  # type: ignore[arg-type]


def card(driver, words: str) -> str:  # type: ignore[no-untyped-def]
    """The visible text of the first card whose title holds `words`."""
    from selenium.webdriver.common.by import By

    for element in driver.find_elements(By.CSS_SELECTOR, "li.card"):
        if words in element.find_element(By.TAG_NAME, "h4").text:
            return element.text
    raise AssertionError(f"no card for {words!r}")


def wait_for(driver, condition, timeout: float = 10):  # type: ignore[no-untyped-def]
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def test_dong_tho_page_found_by_search_then_a_confirmed_update_appears(plans, browser) -> None:
    from selenium.webdriver.common.by import By

    with live(plans) as board:
        browser.get(board.url + "/")
        box = browser.find_element(By.ID, "q")
        box.send_keys("Đông Thọ")
        box.submit()  # a plain GET form: no script involved
        wait_for(browser, lambda d: "?" in d.current_url)  # the results page, not the old one going stale
        browser.find_element(By.LINK_TEXT, "phường Đông Thọ").click()
        text = card(browser, "bảo hiểm y tế trên tổng dân số")
        assert "Kế hoạch\n95 %" in text and "chưa có báo cáo" in text and "chưa có số liệu" in text

        report(plans, OFFICER, f"{BHYT}: 93%")
        browser.refresh()
        text = card(browser, "bảo hiểm y tế trên tổng dân số")
        assert "93%" in text and "Đ/c Sâm" in text and "đang thực hiện" in text
        bhyt = browser.find_element(By.PARTIAL_LINK_TEXT, "bảo hiểm y tế trên tổng dân số")
        browser.execute_script("arguments[0].closest('li').scrollIntoView({block: 'center'})", bhyt)
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        browser.save_screenshot(str(SCREENSHOT))

        browser.find_element(By.PARTIAL_LINK_TEXT, "bảo hiểm y tế trên tổng dân số").click()
        assert browser.find_element(By.CSS_SELECTOR, "svg.chart").is_displayed()
        row = browser.find_element(By.CSS_SELECTOR, "tbody tr").text
        assert "93%" in row and "Đ/c Sâm" in row


def test_lower_is_better_item_under_its_ceiling_is_met(plans, browser) -> None:
    pid = place_id(plans, "phuong thieu duong")
    with_record(plans, pid, "suy dinh dưỡng", 6.5, "6,5%")
    with live(plans, today=date(2024, 6, 1)) as board:
        browser.get(f"{board.url}/p/{pid}")
        text = card(browser, "suy dinh dưỡng")
        assert "dưới 7,6 %" in text and "6,5%" in text and "\nđạt" in text


def test_overdue_task_shows_qua_han(plans, browser) -> None:
    with live(plans) as board:
        browser.get(f"{board.url}/p/{place_id(plans, 'xa hung dong')}")
        text = card(browser, "Báo cáo nửa nhiệm kỳ")
        assert "quá hạn" in text and "30/04/2023" in text


def test_mini_app_with_valid_and_forged_launch_data(plans, browser) -> None:
    from selenium.webdriver.common.by import By

    with live(plans, bot_token=TEST_TOKEN, public=False) as board:
        browser.delete_all_cookies()
        browser.get(f"{board.url}/app#tgWebAppData={quote(launch_data(OFFICER, '1:forged'))}")
        status = browser.find_element(By.ID, "signin-status")
        wait_for(browser, lambda d: "Không xác thực được" in status.text)
        assert browser.current_url.startswith(board.url + "/app")
        browser.get(board.url + "/")
        assert "Cần đăng nhập qua Telegram" in browser.find_element(By.TAG_NAME, "h1").text

        browser.get(f"{board.url}/app#tgWebAppData={quote(launch_data(OFFICER))}")
        pid = place_id(plans, "phuong dong tho")
        wait_for(browser, lambda d: f"/p/{pid}-" in d.current_url)
        first = browser.find_elements(By.CSS_SELECTOR, "li.card")[0]
        assert "Việc của tôi" in first.text and "mine" in (first.get_attribute("class") or "")
        assert "Bạn đang phụ trách" in browser.find_element(By.CSS_SELECTOR, "p.notice").text
        browser.delete_all_cookies()


def test_readable_without_javascript(plans) -> None:
    """Search, place and item pages with scripts off: everything is in the HTML."""
    from selenium.webdriver.common.by import By

    driver = chromium(javascript=False)
    try:
        with live(plans) as board:
            driver.get(board.url + "/")
            box = driver.find_element(By.ID, "q")
            box.send_keys("Hàm Rồng")  # the 2025 name of the ward that holds Thiệu Dương
            box.submit()
            wait_for(driver, lambda d: "?" in d.current_url)  # the results page, not the old one going stale
            driver.find_element(By.PARTIAL_LINK_TEXT, "Thiệu Dương").click()
            assert "dưới 7,6 %" in card(driver, "suy dinh dưỡng")
            driver.find_element(By.PARTIAL_LINK_TEXT, "suy dinh dưỡng").click()
            assert "Chưa có báo cáo tiến độ nào" in driver.find_element(By.TAG_NAME, "main").text
            driver.get(board.url + "/app")  # the one page with a script: its <noscript> shows
            assert "đang tắt JavaScript" in driver.find_element(By.TAG_NAME, "main").text
    finally:
        driver.quit()


def test_no_serious_accessibility_violations(plans, browser) -> None:
    report(plans, OFFICER, f"{BHYT}: 93%")
    pid = place_id(plans, "phuong dong tho")
    with live(plans) as board:
        browser.get(f"{board.url}/p/{pid}")
        from selenium.webdriver.common.by import By

        item = browser.find_element(By.PARTIAL_LINK_TEXT, "bảo hiểm y tế trên tổng dân số").get_attribute(
            "href"
        )
        pages = ["/", "/?q=Hàm Rồng", f"/p/{pid}", item, "/app", "/p/999999"]
        axe = AXE.read_text(encoding="utf-8")
        for path in pages:
            browser.get(path if str(path).startswith("http") else board.url + str(path))
            browser.execute_script(axe)
            assert browser.execute_script("return typeof axe.run") == "function"
            found = browser.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document).then(r => done(r.violations.map("
                "v => [v.id, v.impact, v.help, v.nodes.length])));"
            )
            serious = [v for v in found if v[1] in ("serious", "critical")]
            assert not serious, (path, serious)
