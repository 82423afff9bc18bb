"""End to end: browsing without a keyword (groups, then pages edited in place),
an officer's own items first, and an ended plan's tasks 'đã hết kỳ kế hoạch'
rather than overdue."""

from __future__ import annotations

import re
from datetime import date

import pytest

from storage import users
from storage.ingest import ingest_paths
from tests.conftest import SAMPLES
from tests.fakes.harness import BotHarness

ADMIN, OFFICER, RESIDENT = 1001, 2002, 3003
PLANS = sorted(SAMPLES.glob("*.txt"))


def _plan(word: str):
    return next(p for p in PLANS if word in p.read_text(encoding="utf-8")[:3000])


@pytest.fixture
def plans(engine):
    assert all(r.ok for r in ingest_paths(engine, [_plan("Đông Thọ"), _plan("Hưng Đông")]))
    return engine


def _sends(h: BotHarness, chat: int) -> int:
    return len(h.fake.sent(chat, "sendMessage"))


def _edits(h: BotHarness, chat: int) -> list[str]:
    return [str(c.params["text"]) for c in h.fake.calls if c.method == "editMessageText" and c.status == 200]


async def _press_and_wait_edit(h: BotHarness, user: int, label: str) -> str:
    data, message_id = h.fake.find_button(user, label) or ("", 0)
    assert data, f"no button {label!r}"
    before = len(_edits(h, user))
    h.fake.push_callback(user, data, message_id)
    await h.fake.wait_for(lambda: len(_edits(h, user)) > before)
    return _edits(h, user)[-1]


@pytest.mark.parametrize("place", ["Đông Thọ", "dong tho"])
async def test_bare_chitieu_shows_groups_then_pages_edited_in_place(plans, place) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        # no place chosen yet: the place first
        first = await h.say(RESIDENT, "/chitieu")
        assert "chọn xã/phường" in first[0]
        await h.press(RESIDENT, "Đông Thọ")
        groups = (await h.say(RESIDENT, "/chitieu"))[0]
        assert "Chỉ tiêu" in groups and "Đông Thọ" in groups
        labels = [label for label, _, _ in h.fake.buttons(RESIDENT)]
        assert "Chỉ tiêu về Văn hóa-Xã hội (21)" in labels
        sent = _sends(h, RESIDENT)
        page1 = await _press_and_wait_edit(h, RESIDENT, "Văn hóa-Xã hội (21)")
        assert "Trang 1/3" in page1 and "\n1. " in page1 and "\n8. " in page1 and "\n9. " not in page1
        page2 = await _press_and_wait_edit(h, RESIDENT, "Xem thêm")
        assert "Trang 2/3" in page2 and "\n9. " in page2
        back = await _press_and_wait_edit(h, RESIDENT, "Trước")
        assert back == page1
        assert _sends(h, RESIDENT) == sent  # every page edited the one list message
        # a number opens the item in full
        detail = (await h.press(RESIDENT, "3"))[0]
        assert "Chỉ tiêu:" in detail and "Mục tiêu" in detail
        # the same through a place typed without diacritics
        await h.say(RESIDENT, f"/diaphuong {place}")
        again = await _press_and_wait_edit(h, RESIDENT, "Các nhóm")
        assert "Chọn một nhóm" in again
        assert h.crashed is None


async def test_bare_tiendo_lists_progress_and_an_officer_sees_his_own_first(plans) -> None:
    users.add_user(plans, OFFICER, "officer", "Đông Thọ", party="Đ/c Sâm TYT")
    async with BotHarness(plans, {ADMIN}) as h:
        await h.say(OFFICER, "/capnhat tỷ lệ dân số tham gia bảo hiểm y tế: 93%")
        await h.press(OFFICER, "Xác nhận")
        await h.say(OFFICER, "/tiendo")
        labels = [label for label, _, _ in h.fake.buttons(OFFICER)]
        mine = [lb for lb in labels if "Việc của tôi" in lb]
        assert mine and labels.index(mine[-1]) < labels.index("Chỉ tiêu về kinh tế (8)")
        page = await _press_and_wait_edit(h, OFFICER, "Việc của tôi")
        assert "⭐" in page and "bảo hiểm y tế" in page and "93%" in page
        # a group he has items in lists them first, starred
        await _press_and_wait_edit(h, OFFICER, "Các nhóm")
        group = await _press_and_wait_edit(h, OFFICER, "Văn hóa-Xã hội")
        lines = [ln for ln in group.splitlines() if ln[:1].isdigit()]
        stars = [n for n, ln in enumerate(lines) if "⭐" in ln]
        assert stars and stars == list(range(len(stars)))
        # a resident sees the same group in the plan's order, without stars
        await h.say(RESIDENT, "/diaphuong Đông Thọ")
        await h.say(RESIDENT, "/tiendo")
        assert not [lb for lb, _, _ in h.fake.buttons(RESIDENT) if "Việc của tôi" in lb]
        assert "chưa cập nhật" in await _press_and_wait_edit(h, RESIDENT, "Chỉ tiêu về kinh tế")


@pytest.mark.parametrize("ask", ["việc quá hạn", "viec qua han"])
async def test_an_ended_plans_tasks_are_over_not_overdue(plans, ask) -> None:
    users.add_user(
        plans, OFFICER, "officer", "Hưng Đông", party="đơn vị đã được giao nhiệm vụ trong CT hành động"
    )
    async with BotHarness(plans, {ADMIN}) as h:
        await h.say(RESIDENT, "/diaphuong Hưng Đông")
        await h.say(RESIDENT, "/nhiemvu")
        page = await _press_and_wait_edit(h, RESIDENT, "Tiếp tục thực hiện có hiệu quả")
        assert "đã hết kỳ kế hoạch" in page
        detail = (await h.press(RESIDENT, "1"))[0]
        assert "đã hết kỳ kế hoạch" in detail and "quá hạn" not in detail
        # 2026: the 2023 plan's tasks are not overdue
        assert "Không có nhiệm vụ nào quá hạn" in (await h.say(OFFICER, ask))[0]
        # in its own year, the officer's overdue tasks come first
        h.app.bot_data["services"].answers.today = date(2023, 11, 1)
        listed = (await h.say(OFFICER, ask))[0]
        lines = [ln for ln in listed.splitlines() if ln.startswith("- ")]
        assert len(lines) == 3 and "đã được giao nhiệm vụ trong CT" in lines[0]


@pytest.mark.parametrize("ask", ["các nhiệm vụ của UBND xã", "cac nhiem vu cua ubnd xa"])
async def test_a_listed_answer_pages_its_remaining_items_in_the_one_message(plans, ask) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        await h.say(RESIDENT, "/diaphuong Hưng Đông")
        answer = (await h.say(RESIDENT, ask))[0]
        more = re.search(r"… và (\d+) mục khác\.", answer)
        assert more, answer
        total = int(re.search(r"\((\d+) mục\)", answer).group(1))  # type: ignore[union-attr]  # asserted below
        shown = total - int(more.group(1))
        sent = _sends(h, RESIDENT)
        page2 = await _press_and_wait_edit(h, RESIDENT, "Xem thêm")
        pages = (total - shown + 5) // 6 + 1
        assert f"Trang 2/{pages}" in page2 and f"\n{shown + 1}. " in page2 and f"\n{shown + 7}. " not in page2
        seen = [ln for ln in page2.splitlines() if ln[:1].isdigit()]
        while len(seen) < total - shown:
            page = await _press_and_wait_edit(h, RESIDENT, "Xem thêm")
            seen += [ln for ln in page.splitlines() if ln[:1].isdigit()]
        assert [int(ln.split(".")[0]) for ln in seen] == list(range(shown + 1, total + 1))
        assert "Xem thêm" not in [label for label, _, _ in h.fake.buttons(RESIDENT)]  # the last page
        assert max(len(t) for t in _edits(h, RESIDENT)) <= 900  # a page reads on a phone too
        # back to the answer as it was first written
        while (back := await _press_and_wait_edit(h, RESIDENT, "Trước")) != answer:
            assert "Trang" in back
        assert _sends(h, RESIDENT) == sent  # every page edited the one message
        # a number on a page opens that item
        await _press_and_wait_edit(h, RESIDENT, "Xem thêm")
        detail = (await h.press(RESIDENT, str(shown + 1)))[0]
        assert "Nhiệm vụ" in detail or "Chỉ tiêu" in detail
        assert h.crashed is None


async def test_a_list_button_of_a_forgotten_list_says_it_expired(plans) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        await h.say(RESIDENT, "/diaphuong Hưng Đông")
        await h.say(RESIDENT, "các nhiệm vụ của UBND xã")
        data, message_id = h.fake.find_button(RESIDENT, "Xem thêm") or ("", 0)
        h.app.chat_data[RESIDENT].clear()  # as after a restart
        h.fake.push_callback(RESIDENT, data, message_id)
        h.fake.push_callback(RESIDENT, "br:l:x:1", message_id)  # forged
        await h.fake.wait_for(
            lambda: len([c for c in h.fake.calls if c.method == "answerCallbackQuery"]) >= 2
        )
        answers = [str(c.params.get("text")) for c in h.fake.calls if c.method == "answerCallbackQuery"]
        assert answers[-2:] == ["Nút này đã hết hạn."] * 2
        assert not _edits(h, RESIDENT) and h.crashed is None
