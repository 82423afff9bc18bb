"""End to end: forged buttons, floods, 429/500 from the Bot API, handler
errors and special sender ids — the bot refuses, apologises, keeps running."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from storage import models as m
from storage.ingest import ingest_paths
from storage.users import ensure_user
from tests.conftest import SAMPLES
from tests.fakes.harness import BotHarness

ADMIN, OFFICER, RESIDENT, OTHER = 1001, 2002, 3003, 4004
DONG_THO = next(
    p for p in sorted(SAMPLES.glob("*.txt")) if "Đông Thọ" in p.read_text(encoding="utf-8")[:3000]
)
HUNG_DONG = next(
    p for p in sorted(SAMPLES.glob("*.txt")) if "HƯNG ĐÔNG" in p.read_text(encoding="utf-8")[:3000]
)


@pytest.fixture
def plans(engine):
    assert all(r.ok for r in ingest_paths(engine, [DONG_THO, HUNG_DONG]))
    return engine


def telegram_records(engine) -> int:
    with engine.connect() as conn:
        return conn.scalar(
            select(func.count()).select_from(m.ProgressRecord).where(m.ProgressRecord.source == "telegram")
        )


async def approved_officer(h: BotHarness) -> None:
    await h.say(OFFICER, "/diaphuong Đông Thọ")
    await h.say(OFFICER, "/dangky Nguyễn Văn Sâm - Trưởng Trạm y tế")
    await h.fake.wait_for_text(ADMIN)
    n = len(h.fake.texts(OFFICER))
    await h.press(ADMIN, "Duyệt")
    await h.fake.wait_for_text(OFFICER, n + 1)


async def test_forged_and_foreign_buttons_do_nothing(plans) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        await approved_officer(h)
        await h.say(OFFICER, "/capnhat tỷ lệ dân số tham gia bảo hiểm y tế: 93%")
        data, mid = h.fake.find_button(OFFICER, "Xác nhận")
        calls = len(h.fake.calls)
        # Another user presses the officer's button, then forged and garbled data.
        h.fake.push_callback(RESIDENT, data, mid)
        h.fake.push_callback(OFFICER, "pc:AAAAAAAAAAAA")
        h.fake.push_callback(OFFICER, "pc:../../etc")
        h.fake.push_callback(RESIDENT, "rg:a:1:1")  # a resident 'approving'
        h.fake.push_callback(OFFICER, "it:i99999999")
        h.fake.push_callback(OFFICER, "zz:whatever")
        await h.fake.wait_for(
            lambda: sum(1 for c in h.fake.calls[calls:] if c.method == "answerCallbackQuery") >= 6
        )
        assert telegram_records(plans) == 0
        # A crafted pick of another commune's indicator: refused when the value comes.
        with plans.connect() as conn:
            foreign = conn.scalar(
                select(m.Indicator.id)
                .join(m.Plan)
                .join(m.Locality)
                .where(m.Locality.key != "phuong dong tho")
                .limit(1)
            )
        h.fake.push_callback(OFFICER, f"pi:i{foreign}")
        await h.fake.wait_for(lambda: "Nhập giá trị" in h.fake.texts(OFFICER)[-1])
        refused = await h.say(OFFICER, "50%")
        assert "không có quyền" in refused[0]
        assert telegram_records(plans) == 0
        with plans.connect() as conn:
            actions = set(conn.scalars(select(m.AuditEvent.action)))
        assert {"registration_forbidden", "progress_forbidden"} <= actions
        assert h.crashed is None


async def test_guided_update_flow(plans) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        await approved_officer(h)
        await h.say(OFFICER, "/capnhat")
        assert h.fake.find_button(OFFICER, "bảo hiểm y tế") is not None
        await h.press(OFFICER, "bảo hiểm y tế")
        preview = await h.say(OFFICER, "93,5%")
        assert "93,5%" in preview[0]
        await h.press(OFFICER, "Hủy")
        assert telegram_records(plans) == 0


async def test_flood_gets_one_slow_down_and_others_are_served(plans) -> None:
    async with BotHarness(plans, {ADMIN}, question_limit=5) as h:
        for n in range(30):
            h.fake.push_message(RESIDENT, f"bảo hiểm y tế {n}")
        other = await h.say(OTHER, "bảo hiểm y tế phường Đông Thọ", timeout=60)
        assert other
        await h.fake.wait_for(lambda: len(h.fake.texts(RESIDENT)) >= 6, 30)
        received = h.fake.texts(RESIDENT)
        assert len(received) == 6  # five answers and one notice
        assert sum("nhanh" in t for t in received) == 1
        assert h.crashed is None


async def test_429_is_retried_after_the_given_delay(plans) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        h.fake.fail("sendMessage", status=429, retry_after=1, times=1)
        sent = await h.say(RESIDENT, "/help")
        assert "Cách sử dụng" in sent[0]
        statuses = [c.status for c in h.fake.calls if c.method == "sendMessage"]
        assert statuses == [429, 200]


async def test_500_and_poll_failures_are_retried_with_backoff(plans) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        h.fake.fail("sendMessage", status=500, times=2)
        sent = await h.say(RESIDENT, "/help")
        assert "Cách sử dụng" in sent[0]
        assert [c.status for c in h.fake.calls if c.method == "sendMessage"] == [500, 500, 200]
        h.fake.fail("getUpdates", status=500, times=2)
        sent = await h.say(RESIDENT, "/help", timeout=20)
        assert "Cách sử dụng" in sent[0]
        assert h.crashed is None


async def test_handler_error_is_logged_and_the_user_gets_an_apology(plans, caplog) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        h.fake.fail("sendMessage", status=400, times=1)  # the handler's reply fails
        sent = await h.say(RESIDENT, "/help")
        assert "Xin lỗi" in sent[0]
        assert "error while handling update" in caplog.text
        assert "Cách sử dụng" in (await h.say(RESIDENT, "/help"))[0]  # still running


async def test_special_sender_ids_never_get_a_role(plans) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        for special in (1087968824, 777000, 136817688):
            sent = await h.say(special, "/dangky Nguyễn Văn Sâm - Trưởng Trạm y tế")
            assert "không thể" in sent[0]
        assert ensure_user(plans, 777000, 777000, {777000}).role == "resident"
        with plans.connect() as conn:
            assert (
                conn.scalar(select(func.count()).select_from(m.User).where(m.User.telegram_id == 777000)) == 0
            )


async def test_a_replayed_update_skips_the_replies_already_sent(plans) -> None:
    """A crash between the two replies of /dangky (to the user, then to the admin):
    the replay sends only the admin's."""
    from storage import inbox, users
    from storage.bot_models import InboxUpdate
    from storage.db import transaction

    users.set_locality(plans, OFFICER, "phuong dong tho")
    text = "/dangky Nguyễn Văn Sâm - Trưởng Trạm y tế"
    payload = {
        "update_id": 77,
        "message": {
            "message_id": 5,
            "date": 1700000000,
            "chat": {"id": OFFICER, "type": "private"},
            "from": {"id": OFFICER, "is_bot": False, "first_name": "S"},
            "text": text,
            "entities": [{"type": "bot_command", "offset": 0, "length": 7}],
        },
    }
    inbox.store_batch(plans, [payload])
    with transaction(plans) as s:  # what the crashed process had committed
        row = s.get(InboxUpdate, 77)
        row.attempts, row.sends_done, row.claimed_by = 1, 1, "dead-process"
    async with BotHarness(plans, {ADMIN}) as h:
        await h.fake.wait_for_text(ADMIN)
        assert h.fake.find_button(ADMIN, "Duyệt") is not None
        assert h.fake.texts(OFFICER) == []  # its reply had been sent before the crash
    assert inbox.counts(plans)["pending"] == 0
