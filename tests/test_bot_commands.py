"""End to end: the remaining commands — deep link, lookups, history,
subscriptions, reports, unknown commands, long answers, the command menu."""

from __future__ import annotations

import pytest

from storage import users
from storage.ingest import ingest_paths
from tests.conftest import SAMPLES
from tests.fakes.harness import BotHarness

ADMIN, OFFICER, RESIDENT = 1001, 2002, 3003
PLANS = sorted(SAMPLES.glob("*.txt"))
DONG_THO = next(p for p in PLANS if "Đông Thọ" in p.read_text(encoding="utf-8")[:3000])


@pytest.fixture
def plans(engine):
    assert all(r.ok for r in ingest_paths(engine, [DONG_THO]))
    return engine


async def test_menu_deep_link_and_lookups(plans) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        sent = await h.say(RESIDENT, "/start dong-tho")
        assert "Đông Thọ" in sent[0]
        menu = [c for c in h.fake.calls if c.method == "setMyCommands"]
        # the residents' menu: no /capnhat, no /baocao (officers get theirs per chat)
        default = {c["command"] for c in menu[0].params["commands"]}
        assert menu and {"dangky", "tiendo"} <= default and not {"capnhat", "baocao"} & default
        assert "Cách sử dụng" in (await h.say(RESIDENT, "/help"))[0]
        ind = await h.say(RESIDENT, "/chitieu suy dinh dưỡng")
        assert "suy dinh dưỡng" in ind[0] and "7" in ind[0]
        assert "Chưa có cập nhật" in ind[0]
        assert "Không tìm thấy" in (await h.say(RESIDENT, "/nhiemvu xyzxyz không có"))[0]
        assert "từ khóa" in (await h.say(RESIDENT, "/tiendo"))[0]
        assert "Không có lệnh" in (await h.say(RESIDENT, "/khongco"))[0]
        assert (
            "bản tin" in (await h.say(RESIDENT, "/theodoi"))[0] and "Đông Thọ" in h.fake.texts(RESIDENT)[-1]
        )
        assert users.get_user(plans, RESIDENT, {ADMIN}).subscribed
        await h.say(RESIDENT, "/huytheodoi")
        assert not users.get_user(plans, RESIDENT, {ADMIN}).subscribed
        assert "Chỉ lãnh đạo" in (await h.say(RESIDENT, "/baocao"))[0]


async def test_history_and_report_after_updates(plans) -> None:
    users.add_user(plans, OFFICER, "officer", "Đông Thọ", party="Đ/c Sâm TYT")
    async with BotHarness(plans, {ADMIN}) as h:
        for value in ("90%", "93%"):
            await h.say(OFFICER, f"/capnhat tỷ lệ dân số tham gia bảo hiểm y tế: {value}")
            await h.press(OFFICER, "Xác nhận")
        hist = await h.say(OFFICER, "/lichsu bảo hiểm y tế")
        assert hist[0].index("93%") < hist[0].index("90%")  # newest first
        # the officer by his party in the plan; his Telegram id is for nobody to read
        seen = (await h.say(RESIDENT, "/lichsu bảo hiểm y tế phường Đông Thọ"))[0]
        assert "Đ/c Sâm TYT" in hist[0] and "Đ/c Sâm TYT" in seen and str(OFFICER) not in seen
        shown = await h.say(RESIDENT, "/tiendo bảo hiểm y tế phường Đông Thọ")
        assert "93%" in shown[0]
        await h.say(ADMIN, "/diaphuong Đông Thọ")
        h.fake.push_message(ADMIN, "/baocao")
        await h.fake.wait_for(lambda: h.fake.sent(ADMIN, "sendDocument"))
        doc = h.fake.sent(ADMIN, "sendDocument")[0]
        assert doc.params["document"]["filename"].endswith(".xlsx") and doc.params["document"]["size"] > 0
        assert "Đã có cập nhật tiến độ: 1" in doc.params["caption"]
        await h.fake.wait_for(lambda: h.fake.sent(ADMIN, "sendPhoto"))
        chart = h.fake.sent(ADMIN, "sendPhoto")[0]
        assert chart.params["photo"]["filename"].endswith(".png") and chart.params["photo"]["size"] > 0


async def test_long_answers_are_split_under_the_limit(engine) -> None:
    assert all(r.ok for r in ingest_paths(engine, PLANS))
    async with BotHarness(engine, {ADMIN}) as h:
        h.fake.push_message(RESIDENT, "/help")
        await h.fake.wait_for_text(RESIDENT)
        # every message the bot sent stays under Telegram's 4096 characters
        for ask in ("tỷ lệ", "phát triển kinh tế"):
            await h.say(RESIDENT, ask)
        assert all(len(t) < 4096 for t in h.fake.texts(RESIDENT))
        assert h.crashed is None


BHYT_NAME = "Tỷ lệ dân số tham gia bảo hiểm y tế"


@pytest.mark.parametrize(
    "query",
    [
        "bhyt",  # the abbreviation residents type
        "BHYT phường Đông Thọ",
        "bao hiem y te",  # no diacritics
        "bảo hiêm y tê",  # a wrong tone
        "bao hiemm y te",  # a typo
    ],
)
async def test_commands_search_like_free_text(plans, query: str) -> None:
    """Issue 12: /chitieu, /tiendo and /lichsu use the answer engine's search,
    so an abbreviation, missing diacritics or a typo find the item as a question does."""
    async with BotHarness(plans, {ADMIN}) as h:
        await h.say(RESIDENT, "/start dong-tho")
        for command in ("chitieu", "tiendo"):
            shown = (await h.say(RESIDENT, f"/{command} {query}"))[0]
            assert BHYT_NAME in shown.split("\n")[0], (command, shown)
        empty = (await h.say(RESIDENT, f"/lichsu {query}"))[0]
        assert "Không tìm thấy" not in empty and BHYT_NAME in empty
        # /nhiemvu looks among tasks only: the indicator is not offered as a task
        assert "Chỉ tiêu" not in (await h.say(RESIDENT, f"/nhiemvu {query}"))[0].split("\n")[0]


async def test_officer_updates_by_abbreviation_only_his_items(plans) -> None:
    """'/capnhat bhyt: 93,5%' finds the indicator for the officer who answers for it;
    an item he may not update is refused, never swapped for one he may."""
    users.add_user(plans, OFFICER, "officer", "Đông Thọ", party="Đ/c Sâm TYT")
    async with BotHarness(plans, {ADMIN}) as h:
        preview = (await h.say(OFFICER, "/capnhat bhyt: 93,5%"))[0]
        assert BHYT_NAME in preview and "93,5" in preview and "Xác nhận" in preview
        await h.press(OFFICER, "Xác nhận")
        hist = (await h.say(OFFICER, "/lichsu bhyt"))[0]
        assert "93,5" in hist
        typo = (await h.say(OFFICER, "/capnhat ty le tham gia bao hiemm y te: 94%"))[0]
        assert BHYT_NAME in typo and "Xác nhận" in typo
        assert "không có quyền" in (await h.say(OFFICER, "/capnhat thu nhap binh quan dau nguoi: 160"))[0]
        assert "Không tìm thấy" in (await h.say(OFFICER, "/capnhat xyzxyz không có: 5"))[0]


async def test_nothing_found_without_a_place_says_how_to_choose_one(plans) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        sent = (await h.say(RESIDENT, "/chitieu xyzxyz không có"))[0]
        assert "Không tìm thấy" in sent and "/diaphuong" in sent
        await h.say(RESIDENT, "/diaphuong Đông Thọ")
        assert "/diaphuong" not in (await h.say(RESIDENT, "/chitieu xyzxyz không có"))[0]
        assert "bảo hiểm y tế" in (await h.say(RESIDENT, "/lichsu bhyt"))[0]
