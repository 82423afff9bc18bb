"""End to end: what used to fail quietly — /theodoi without a place, digests
before subscribing, times in UTC, officers unnamed, /baocao's period ignored,
photos, edits and group mentions unanswered, one command menu for everyone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from storage import models as m
from storage import users
from storage.db import transaction
from storage.ingest import ingest_paths
from storage.reminders import plan_messages
from storage.report import ReportError, build_report, parse_period
from tests.conftest import SAMPLES
from tests.fakes.bot_api import BOT_USERNAME
from tests.fakes.harness import BotHarness

ADMIN, OFFICER, RESIDENT, OLD = 1001, 2002, 3003, 3004
PLANS = sorted(SAMPLES.glob("*.txt"))
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def _plan(word: str):
    return next(p for p in PLANS if word in p.read_text(encoding="utf-8")[:3000])


@pytest.fixture
def plans(engine):
    assert all(r.ok for r in ingest_paths(engine, [_plan("Đông Thọ"), _plan("Thạch Khôi")]))
    return engine


def _digests(engine, day: date) -> dict[int, str]:
    with transaction(engine) as s:
        return {p.chat_id: p.text for p in plan_messages(s, day) if p.kind == "digest"}


@pytest.mark.parametrize("place", ["Thạch Khôi", "thach khoi"])
async def test_theodoi_asks_for_the_place_and_digests_start_next_month(plans, place) -> None:
    users.add_user(plans, OLD, "resident", "Thạch Khôi", subscribe=True)
    with transaction(plans) as s:  # subscribed before the date was kept
        s.get(m.User, OLD).subscribed_at = None
    async with BotHarness(plans, {ADMIN}) as h:
        asked = (await h.say(RESIDENT, "/theodoi"))[0]
        assert "xã/phường nào" in asked
        assert not users.get_user(plans, RESIDENT, {ADMIN}).subscribed  # nothing confirmed yet
        done = (await h.press(RESIDENT, "Thạch Khôi"))[0]
        month = datetime.now(HCM).date().replace(day=28) + timedelta(days=7)
        assert "Thạch Khôi" in done and f"cuối tháng {month.month:02d}/{month.year}" in done
        me = users.get_user(plans, RESIDENT, {ADMIN})
        assert me.subscribed and me.locality_key
        # typed without diacritics: the place is his now, a second /theodoi says so
        await h.say(RESIDENT, f"/diaphuong {place}")
        assert "đã đăng ký" in (await h.say(RESIDENT, "/theodoi"))[0]
    now = datetime.now(HCM).date()
    this_month = _digests(plans, _last_working_day(now.year, now.month))
    assert OLD in this_month and RESIDENT not in this_month  # no digest of a month he did not ask for
    assert RESIDENT in _digests(plans, _last_working_day(month.year, month.month))


async def test_no_digest_about_a_plan_that_ended_years_ago(plans) -> None:
    users.add_user(plans, OLD, "resident", "Đông Thọ", subscribe=True)
    with transaction(plans) as s:
        s.get(m.User, OLD).subscribed_at = datetime(2020, 1, 1, tzinfo=UTC)
    assert _digests(plans, date(2023, 12, 29))  # its own year: yes
    assert OLD not in _digests(plans, _last_working_day(2026, 11))


def _last_working_day(year: int, month: int) -> date:
    from knowledge.calendar import last_day_of_month, working_day_on_or_before

    return working_day_on_or_before(last_day_of_month(year, month))


async def test_times_are_local_and_officers_named_in_history_and_reports(plans) -> None:
    users.add_user(plans, OFFICER, "officer", "Đông Thọ", party="Đ/c Sâm TYT")
    with transaction(plans) as s:  # a record kept before names were: shown by the officer's party
        ind = next(i for i in s.scalars(select(m.Indicator)) if "bảo hiểm y tế" in i.name.lower())
        s.add(
            m.ProgressRecord(
                plan_key=ind.plan.plan_key,
                item_kind="indicator",
                item_key=ind.item_key,
                item_name=ind.name,
                value_text="88%",
                value=88.0,
                source="telegram",
                reported_by=str(OFFICER),
                reported_by_user_id=OFFICER,
                reported_at=datetime(2023, 5, 31, 20, 30, tzinfo=UTC),  # 1 June, 03:30 in Hà Nội
            )
        )
    async with BotHarness(plans, {ADMIN}) as h:
        await h.say(ADMIN, "/diaphuong Đông Thọ")
        await h.say(ADMIN, "/capnhat tỷ lệ dân số tham gia bảo hiểm y tế: 95%")
        await h.press(ADMIN, "Xác nhận")
        hist = (await h.say(RESIDENT, "/lichsu bao hiem y te phuong dong tho"))[0]
        assert "01/06/2023 03:30" in hist and "Đ/c Sâm TYT" in hist and str(OFFICER) not in hist
        assert "Quản trị viên" in hist and str(ADMIN) not in hist
        now = datetime.now(HCM)
        assert any(f"{t:%d/%m/%Y %H:%M}" in hist for t in (now, now - timedelta(minutes=1)))
    may = build_report(plans, "Đông Thọ", "2023-05")
    june = build_report(plans, "Đông Thọ", "2023-06")
    assert all(r.latest != "88%" for r in may.rows)  # local 1 June: not in May's report
    row = next(r for r in june.rows if r.latest == "88%")
    assert row.updated_at == "01/06/2023 03:30" and row.updated_by == "Đ/c Sâm TYT"


@pytest.mark.parametrize(
    ("typed", "reply"),
    [
        ("2023-13", "không phải một tháng"),
        ("thang nam", "không đúng dạng"),
        ("2099-01", "chưa bắt đầu"),
    ],
)
async def test_baocao_period_is_honoured_or_refused(plans, typed, reply) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        await h.say(ADMIN, "/diaphuong dong tho")
        refused = (await h.say(ADMIN, f"/baocao {typed}"))[0]
        assert reply in refused and "/baocao 2024-05" in refused
        assert not h.fake.sent(ADMIN, "sendDocument")
        h.fake.push_message(ADMIN, "/baocao 05/2023")
        await h.fake.wait_for(lambda: h.fake.sent(ADMIN, "sendDocument"))
        assert "tháng 05/2023" in h.fake.sent(ADMIN, "sendDocument")[0].params["caption"]
    assert parse_period("5/2023", date(2026, 1, 1)) == "2023-05"
    with pytest.raises(ReportError):
        parse_period("2026-02", date(2026, 1, 31))


@pytest.mark.parametrize("kind", ["photo", "voice", "sticker"])
async def test_a_photo_voice_or_sticker_is_answered(plans, kind) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        before = len(h.fake.texts(RESIDENT))
        h.fake.push_media(RESIDENT, kind)
        await h.fake.wait_for_text(RESIDENT, before + 1)
        assert "Tôi chỉ đọc được tin nhắn chữ" in h.fake.texts(RESIDENT)[-1]


async def test_an_edited_question_is_answered_again_and_a_group_mention_too(plans) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        await h.say(RESIDENT, "/diaphuong Đông Thọ")
        first = (await h.say(RESIDENT, "ty le bhyt"))[0]
        asked = max(k[1] for k in h.fake.sent_messages if k[0] == RESIDENT)
        h.fake.push_edit(RESIDENT, asked, "tỷ lệ hộ nghèo")
        await h.fake.wait_for_text(RESIDENT, len(h.fake.texts(RESIDENT)) + 1)
        again = h.fake.texts(RESIDENT)[-1]
        assert again != first and "nghèo" in again.lower()
        group = -100123
        h.fake.push_message(RESIDENT, "hôm nay họp lúc mấy giờ", chat_id=group)  # not to the bot
        h.fake.push_message(RESIDENT, f"@{BOT_USERNAME} ty le ho ngheo phuong dong tho", chat_id=group)
        await h.fake.wait_for_text(group)
        answered = h.fake.texts(group)
        assert len(answered) == 1 and "nghèo" in answered[0].lower()


async def test_command_menus_per_role(plans) -> None:
    users.add_user(plans, OFFICER, "officer", "Đông Thọ", party="Đ/c Sâm TYT")
    async with BotHarness(plans, {ADMIN}) as h:
        await h.say(RESIDENT, "/start dong-tho")

        def menus() -> dict[object, set[str]]:
            out = {}
            for c in h.fake.calls:
                if c.method == "setMyCommands":
                    scope = c.params.get("scope") or {}
                    key = scope.get("chat_id", scope.get("type", "default"))
                    out[int(key) if str(key).lstrip("-").isdigit() else key] = {
                        x["command"] for x in c.params["commands"]
                    }
            return out

        await h.fake.wait_for(lambda: ADMIN in menus() and OFFICER in menus())
        shown = menus()
        assert not {"capnhat", "baocao"} & shown["default"] and {"chitieu", "dangky"} <= shown["default"]
        assert "capnhat" in shown[OFFICER] and "baocao" not in shown[OFFICER]
        assert {"capnhat", "baocao"} <= shown[ADMIN]
        assert RESIDENT not in shown
