"""A /capnhat note is shown on the confirmation card (what the officer confirms
is what is stored) and capped at 500 characters with a clear refusal. Before,
a note of any length was stored and the card never showed it."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from storage import models as m
from storage.bot_models import ProgressDraft
from storage.ingest import ingest_paths
from storage.progress import MAX_NOTE
from tests.conftest import SAMPLES
from tests.fakes.harness import BotHarness

ADMIN, OFFICER = 1001, 2002
DONG_THO = next(
    p for p in sorted(SAMPLES.glob("*.txt")) if "Đông Thọ" in p.read_text(encoding="utf-8")[:3000]
)
ITEM = "tỷ lệ dân số tham gia bảo hiểm y tế"


@pytest.fixture
def plans(engine):
    assert all(r.ok for r in ingest_paths(engine, [DONG_THO]))
    return engine


async def approved_officer(h: BotHarness) -> None:
    await h.say(OFFICER, "/diaphuong Đông Thọ")
    await h.say(OFFICER, "/dangky Nguyễn Văn Sâm - Trưởng Trạm y tế")
    await h.fake.wait_for_text(ADMIN)
    n = len(h.fake.texts(OFFICER))
    await h.press(ADMIN, "Duyệt")
    await h.fake.wait_for_text(OFFICER, n + 1)


def count(engine, model) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(model))


async def test_the_note_is_on_the_card_and_stored(plans) -> None:
    note = "số liệu đến 15/5 <theo BHXH> & UBND phường"
    async with BotHarness(plans, {ADMIN}) as h:
        await approved_officer(h)
        card = (await h.say(OFFICER, f"/capnhat {ITEM}: 93% ; {note}"))[0]
        assert "Ghi chú: số liệu đến 15/5 &lt;theo BHXH&gt; &amp; UBND phường" in card
        n = len(h.fake.texts(OFFICER))
        await h.press(OFFICER, "Xác nhận")
        await h.fake.wait_for_text(OFFICER, n + 1)
    with plans.connect() as conn:
        stored = conn.scalars(
            select(m.ProgressRecord.note).where(m.ProgressRecord.source == "telegram")
        ).all()
    assert stored == [note]


async def test_a_note_over_the_cap_is_refused_and_nothing_is_kept(plans) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        await approved_officer(h)
        drafts = count(plans, ProgressDraft)
        long_note = "ghi chú " * 70  # 560 characters
        refused = (await h.say(OFFICER, f"/capnhat {ITEM}: 93% ; {long_note}"))[0]
        assert f"vượt giới hạn {MAX_NOTE} ký tự" in refused and "Không có gì được ghi nhận" in refused
        assert h.fake.find_button(OFFICER, "Xác nhận") is None
        # The guided flow too: pick the item, then 'value; note'.
        await h.say(OFFICER, "/capnhat")
        await h.press(OFFICER, "bảo hiểm y tế")
        refused = (await h.say(OFFICER, f"93%; {long_note}"))[0]
        assert f"vượt giới hạn {MAX_NOTE} ký tự" in refused
        # Exactly at the cap is fine.
        card = (await h.say(OFFICER, f"/capnhat {ITEM}: 93% ; {'x' * MAX_NOTE}"))[0]
        assert "Ghi chú: " + "x" * MAX_NOTE in card
    assert count(plans, ProgressDraft) == drafts + 1  # only the last one
