"""End to end: the real Application against the stand-in Bot API server."""

from __future__ import annotations

import re

import pytest

from storage.export import export_plans
from storage.ingest import ingest_paths
from tests.conftest import SAMPLES
from tests.fakes.harness import BotHarness

ADMIN, OFFICER, RESIDENT = 1001, 2002, 3003
DONG_THO = next(
    p for p in sorted(SAMPLES.glob("*.txt")) if "Đông Thọ" in p.read_text(encoding="utf-8")[:3000]
)


@pytest.fixture
def plans(engine):
    results = ingest_paths(engine, [DONG_THO])
    assert all(r.ok for r in results)
    return engine


async def register_officer(h: BotHarness) -> None:
    await h.say(OFFICER, "/diaphuong Đông Thọ")
    sent = await h.say(OFFICER, "/dangky Nguyễn Văn Sâm - Trưởng Trạm y tế")
    assert "quản trị" in sent[0]
    await h.fake.wait_for_text(ADMIN)
    assert h.fake.find_button(ADMIN, "Duyệt") is not None
    before = len(h.fake.texts(OFFICER))
    await h.press(ADMIN, "Duyệt")
    await h.fake.wait_for_text(OFFICER, before + 1)
    assert "được duyệt" in h.fake.texts(OFFICER)[-1]


async def test_start_and_questions_with_and_without_diacritics(plans) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        sent = await h.say(RESIDENT, "/start")
        assert "Xin chào" in sent[0]
        assert h.fake.find_button(RESIDENT, "Đông Thọ") is not None
        await h.press(RESIDENT, "Đông Thọ")
        with_marks = await h.say(RESIDENT, "Tỷ lệ dân số tham gia bảo hiểm y tế là bao nhiêu?")
        without = await h.say(RESIDENT, "ty le dan so tham gia bao hiem y te la bao nhieu")
        assert "95" in with_marks[0]
        assert "95" in without[0]
        assert h.crashed is None


async def test_registration_update_and_progress_shown(plans, db_url, capsys) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        refused = await h.say(RESIDENT, "/capnhat tỷ lệ dân số tham gia bảo hiểm y tế: 93%")
        assert "chưa có quyền" in refused[0]
        await register_officer(h)
        preview = await h.say(OFFICER, "/capnhat tỷ lệ dân số tham gia bảo hiểm y tế: 93%")
        assert "93%" in preview[0] and "Xác nhận" in preview[0]
        assert "càng thấp" not in preview[0]
        data, message_id = h.fake.find_button(OFFICER, "Xác nhận")
        before = len(h.fake.texts(OFFICER))
        h.fake.push_callback(OFFICER, data, message_id)  # a double press ...
        h.fake.push_callback(OFFICER, data, message_id)
        answers = (await h.fake.wait_for_text(OFFICER, before + 2))[before:]
        assert "Đã ghi nhận" in answers[0]
        assert "trước đó" in answers[-1]  # ... stores once
        shown = await h.say(RESIDENT, "tiến độ bảo hiểm y tế phường Đông Thọ")
        assert re.search(r"93\s?%", "\n".join(shown))
        not_his = await h.say(OFFICER, "/capnhat Thu nhập bình quân đầu người: 160")
        assert "không có quyền" in not_his[0]
        bad = await h.say(OFFICER, "/capnhat tỷ lệ dân số tham gia bảo hiểm y tế: abc")
        assert "không hợp lệ" in bad[0]
        assert h.crashed is None
    progress = [
        p for plan in export_plans(plans)["plans"] for p in plan["progress"] if p["source"] == "telegram"
    ]
    assert len(progress) == 1
    assert progress[0]["reported_by"] == str(OFFICER)
    assert progress[0]["value_text"] == "93%"
