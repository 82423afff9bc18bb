"""The whole officer flow on a plan of our own (another commune, a markdown
table): leaders may update what they direct; lower-is-better targets."""

from __future__ import annotations

import pytest

from storage.export import export_plans
from storage.ingest import ingest_paths
from tests.conftest import TEST_DATA
from tests.fakes.harness import BotHarness

ADMIN, FARM, LEADER, CLINIC = 9001, 9002, 9003, 9004


@pytest.fixture
def plans(engine):
    assert all(r.ok for r in ingest_paths(engine, [TEST_DATA / "bot_plan_an_binh.md"]))
    return engine


async def register(h: BotHarness, user: int, text: str) -> str:
    await h.say(user, "/diaphuong an binh")
    await h.say(user, f"/dangky {text}")
    await h.fake.wait_for(lambda: h.fake.find_button(ADMIN, "Duyệt") is not None)
    label = next(lbl for lbl, _, _ in reversed(h.fake.buttons(ADMIN)) if "Duyệt" in lbl)
    n = len(h.fake.texts(user))
    await h.press(ADMIN, "Duyệt")
    await h.fake.wait_for_text(user, n + 1)
    return label


async def test_officers_leaders_and_units_of_another_commune(plans) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        assert "Minh" in await register(h, FARM, "Trần Văn Minh - Công chức nông nghiệp")
        preview = await h.say(FARM, "/capnhat sản lượng lương thực: 1.200 tấn")
        assert "1.200 tấn" in preview[0] and "23,1% chỉ tiêu" in preview[0] and "chưa đạt" in preview[0]
        assert "Đã ghi nhận" in (await h.press(FARM, "Xác nhận"))[0]
        assert "không có quyền" in (await h.say(FARM, "/capnhat tỷ lệ hộ nghèo: 2%"))[0]

        assert "Lan" in await register(h, LEADER, "Nguyễn Thị Lan - Phó Chủ tịch UBND")
        preview = await h.say(LEADER, "/capnhat tỷ lệ hộ nghèo: 2%")  # she directs it
        assert "càng thấp càng tốt" in preview[0] and ": đạt" in preview[0]
        await h.press(LEADER, "Xác nhận")
        assert "không có quyền" in (await h.say(LEADER, "/capnhat thu ngân sách: 1.000"))[0]

        assert "Trạm Y tế" in await register(h, CLINIC, "Lê Văn Tâm - Trưởng Trạm Y tế")
        preview = await h.say(CLINIC, "/capnhat suy dinh dưỡng: 9%")
        assert "chưa đạt" in preview[0]
        await h.press(CLINIC, "Hủy")
        assert h.crashed is None
    progress = export_plans(plans)["plans"][0]["progress"]
    assert sorted((p["reported_by"], p["value_text"]) for p in progress) == [
        (str(FARM), "1.200 tấn"),
        (str(LEADER), "2%"),
    ]
