"""The monthly cycle runs inside the bot: `planbot run` plans the day's
reminders and sends them through the same Bot API as the replies."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.config import ConfigError, load_config, load_cycle_settings
from knowledge import model as km
from storage import models as m
from storage.db import transaction
from storage.ingest import store_plan
from tests.fakes.harness import BotHarness

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def _plan_with_subscribers(engine, residents: list[int]) -> None:
    plan = km.ExtractedPlan(
        meta=km.PlanMeta(
            locality="phường Hòa Bình", locality_type="phường", period_start=2024, period_end=2024, title="KH"
        ),
        indicators=[km.Indicator(key="a", name="Tỷ lệ hộ nghèo", target_text="dưới 2%", target_value=2)],
    )
    with transaction(engine) as s:
        store_plan(s, km.Document(source="kh.txt", content_hash="h"), plan)
        for uid in residents:
            s.add(m.User(telegram_id=uid, role="resident", locality_key="phuong hoa binh", subscribed=True))


async def test_the_running_bot_sends_the_digest_of_the_day(engine) -> None:
    _plan_with_subscribers(engine, [701, 702, 703])
    # Friday 31 May 2024, the month's last working day, after the planning time.
    with time_machine.travel(datetime(2024, 5, 31, 10, 0, tzinfo=TZ), tick=True):
        async with BotHarness(engine, monthly_cycle=True) as h:
            for chat in (701, 702, 703):
                await h.fake.wait_for_text(chat, 1, timeout=30)
            digest = h.fake.texts(701)[0]
            replies = await h.say(704, "/help")  # the bot still answers while it sends
    assert "Hòa Bình" in digest and "5/2024" in digest and "/huytheodoi" in digest
    assert replies


async def test_without_the_cycle_nothing_is_pushed(engine) -> None:
    _plan_with_subscribers(engine, [711])
    with time_machine.travel(datetime(2024, 5, 31, 10, 0, tzinfo=TZ), tick=True):
        async with BotHarness(engine) as h:
            await h.say(712, "/help")
            assert h.fake.texts(711) == []


def test_cycle_settings_come_from_the_environment() -> None:
    env = {"PLANBOT_REPORT_DAY": "10", "PLANBOT_NUDGE_DAYS": "1, 3", "PLANBOT_DIGEST_DAY": "28"}
    settings = load_cycle_settings(env=env)
    assert (settings.default_report_day, settings.nudge_days, settings.digest_day) == (10, (3, 1), 28)
    assert load_config(env={"TELEGRAM_BOT_TOKEN": "1:abcdef", **env}).cycle == settings


@pytest.mark.parametrize(
    "name, value",
    [("PLANBOT_REPORT_DAY", "32"), ("PLANBOT_ESCALATION_DAYS", "bảy"), ("PLANBOT_NUDGE_DAYS", "7,-1")],
)
def test_a_bad_cycle_setting_is_one_clear_line(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=name):
        load_cycle_settings(env={name: value})
