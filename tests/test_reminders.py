"""Planning the monthly cycle: reporting reminders, due nudges, overdue notices,
escalations and digests, on working days only, each planned once."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from knowledge import model as km
from knowledge.calendar import is_working_day, working_day_on_or_before
from knowledge.text import fold
from storage import models as m
from storage.cycle_models import OutboxMessage
from storage.db import transaction
from storage.ingest import store_plan
from storage.reminders import CycleSettings, enqueue, plan_messages

OFFICER, LEADER, RESIDENT = 1001, 1002, 2001


def _plan(report_day: int | None, year: int = 2023) -> km.ExtractedPlan:
    rules = [
        km.ReportingRule(text="báo cáo trước ngày N hàng tháng", frequency="monthly", day_of_month=report_day)
    ]
    return km.ExtractedPlan(
        meta=km.PlanMeta(
            locality="xã Tân Lập", locality_type="xã", period_start=year, period_end=year, title="KH"
        ),
        indicators=[
            km.Indicator(
                key="I1", name="Tỷ lệ hộ nghèo", target_text="dưới 2", responsible="Công chức LĐTBXH"
            ),
        ],
        tasks=[
            km.Task(
                key="T1",
                name="Rà soát hộ nghèo",
                responsible="Công chức LĐTBXH",
                leader="Đ/c Minh PCT UBND",
                deadline_text="Quý 1/2023; Năm 2023",
                deadlines=[km.Deadline(date(year, 3, 31)), km.Deadline(date(year, 12, 31))],
            )
        ],
        reporting=rules if report_day else [],
    )


def _setup(engine, report_day: int | None = 20) -> None:
    with transaction(engine) as s:
        doc = km.Document(source="kh.txt", content_hash="h1")
        store_plan(s, doc, _plan(report_day))
        parties = list(s.scalars(select(m.Party)))
        for uid, role, word in ((OFFICER, "officer", "ldtbxh"), (LEADER, "leader", "minh")):
            party = next(p for p in parties if word in fold(p.display))
            s.add(m.User(telegram_id=uid, role=role, locality_key="xa tan lap"))
            s.flush()
            s.add(m.UserParty(user_id=uid, party_id=party.id, approved_by="cli"))
        s.add(m.User(telegram_id=RESIDENT, role="resident", locality_key="xa tan lap", subscribed=True))


def _plan_on(engine, day: date, settings: CycleSettings | None = None):
    with transaction(engine) as s:
        return plan_messages(s, day, settings)


def _kinds(msgs, chat: int) -> list[str]:
    return sorted(p.kind for p in msgs if p.chat_id == chat)


def test_report_reminder_before_and_on_the_reporting_day(engine) -> None:
    _setup(engine)
    # 2023-03-20 is a Monday; three working days before is Wednesday 15th.
    assert _kinds(_plan_on(engine, date(2023, 3, 15)), OFFICER) == ["report_reminder"]
    on_day = _plan_on(engine, date(2023, 3, 20))
    reminder = next(p for p in on_day if p.kind == "report_reminder" and p.chat_id == OFFICER)
    assert "Tỷ lệ hộ nghèo" in reminder.text and "/capnhat" in reminder.text
    assert _kinds(_plan_on(engine, date(2023, 3, 16)), OFFICER) == []


def test_reporting_day_on_a_weekend_moves_to_the_friday_before(engine) -> None:
    _setup(engine)
    # 2023-05-20 is a Saturday -> Friday 19th.
    assert "report_reminder" in _kinds(_plan_on(engine, date(2023, 5, 19)), OFFICER)
    assert _plan_on(engine, date(2023, 5, 20)) == []


def test_plan_without_reporting_day_uses_the_default(engine) -> None:
    _setup(engine, report_day=None)
    settings = CycleSettings(default_report_day=10)
    # 2023-04-10 is a Monday.
    assert "report_reminder" in _kinds(_plan_on(engine, date(2023, 4, 10), settings), OFFICER)


def test_no_reminder_for_items_already_reported_this_month(engine) -> None:
    _setup(engine)
    with transaction(engine) as s:
        ind = s.scalar(select(m.Indicator))
        task = s.scalar(select(m.Task))
        for kind, row in (("indicator", ind), ("task", task)):
            s.add(
                m.ProgressRecord(
                    plan_key=ind.plan.plan_key,
                    item_kind=kind,
                    item_key=row.item_key,
                    item_name=row.name,
                    value_text="1,5%",
                    source="telegram",
                    reported_by=str(OFFICER),
                    reported_at=datetime(2023, 3, 2, tzinfo=UTC),
                )
            )
    assert "report_reminder" not in _kinds(_plan_on(engine, date(2023, 3, 20)), OFFICER)


def test_quarter_deadline_nudged_seven_days_and_one_day_before(engine) -> None:
    _setup(engine)
    # Quý 1/2023 is due Friday 2023-03-31: nudges on Friday 24th and Thursday 30th.
    assert "due_nudge" in _kinds(_plan_on(engine, date(2023, 3, 24)), OFFICER)
    assert "due_nudge" in _kinds(_plan_on(engine, date(2023, 3, 30)), OFFICER)
    assert "due_nudge" not in _kinds(_plan_on(engine, date(2023, 3, 29)), OFFICER)


def test_every_deadline_of_a_task_is_nudged(engine) -> None:
    _setup(engine)
    # Năm 2023 is due Sunday 31/12 -> 7 days before is Sunday 24/12 -> Friday 22/12.
    assert "due_nudge" in _kinds(_plan_on(engine, date(2023, 12, 22)), OFFICER)


def test_overdue_weekly_and_escalation_to_the_leader(engine) -> None:
    _setup(engine)
    # Monday 2023-04-03: the Q1 deadline has passed.
    monday = _plan_on(engine, date(2023, 4, 3))
    assert "overdue" in _kinds(monday, OFFICER)
    assert "overdue" not in _kinds(_plan_on(engine, date(2023, 4, 4)), OFFICER)
    # Escalation after 7 days, to the directing leader, in the government's words.
    escalations = [p for p in _plan_on(engine, date(2023, 4, 7)) if p.kind == "escalation"]
    assert [p.chat_id for p in escalations] == [LEADER]
    assert "trễ hạn" in escalations[0].text


def test_no_messages_on_weekends_or_tet(engine) -> None:
    _setup(engine)
    assert _plan_on(engine, date(2023, 1, 23)) == []  # Tết Quý Mão
    assert not is_working_day(date(2024, 2, 12))
    assert _plan_on(engine, date(2023, 3, 25)) == []  # Saturday


def test_digest_on_the_last_working_day_to_subscribers(engine) -> None:
    _setup(engine)
    last = working_day_on_or_before(date(2023, 3, 31))
    assert _kinds(_plan_on(engine, last), RESIDENT) == ["digest"]
    assert _kinds(_plan_on(engine, date(2023, 3, 30)), RESIDENT) == []


@pytest.mark.parametrize("day", [date(2023, 3, 20), date(2023, 3, 31)])
def test_planning_twice_queues_nothing_new(engine, day: date) -> None:
    _setup(engine)
    with transaction(engine) as s:
        first = enqueue(s, plan_messages(s, day), day)
    with transaction(engine) as s:
        again = enqueue(s, plan_messages(s, day), day)
        total = s.scalar(select(func.count()).select_from(OutboxMessage))
    assert first > 0 and again == 0 and total == first


def test_a_missed_day_caught_up_later_speaks_of_the_day_it_is_sent(engine) -> None:
    _setup(engine)
    # Friday 24 March was the 7-day nudge for 31 March; the bot was down until Tuesday 28th.
    with transaction(engine) as s:
        late = plan_messages(s, date(2023, 3, 24), sent_on=date(2023, 3, 28))
    nudge = next(p for p in late if p.kind == "due_nudge" and p.chat_id == OFFICER)
    assert "còn 3 ngày" in nudge.text and "31/03/2023" in nudge.text


def test_a_caught_up_reminder_of_a_passed_day_is_left_out(engine) -> None:
    _setup(engine)
    with transaction(engine) as s:
        # 15 March's reminder for the 20 March report, caught up on 21 March: too late.
        assert _kinds(plan_messages(s, date(2023, 3, 15), sent_on=date(2023, 3, 21)), OFFICER) == []
        # Caught up on 17 March it still goes, dated, not 'hôm nay'.
        [reminder] = [
            p
            for p in plan_messages(s, date(2023, 3, 15), sent_on=date(2023, 3, 17))
            if p.kind == "report_reminder" and p.chat_id == OFFICER
        ]
    assert "trước ngày 20/03/2023" in reminder.text


def test_the_newest_plan_is_followed_for_a_month_after_its_period_then_nothing(engine) -> None:
    _setup(engine)  # a 2023 plan; nothing newer
    # January 2024: its final figures are still due, so its officer is reminded.
    assert "report_reminder" in _kinds(_plan_on(engine, date(2024, 1, 19)), OFFICER)
    # More than a month past its period: no reminder, no overdue notice, no digest about it.
    for day in (date(2024, 2, 20), date(2025, 6, 16), date(2025, 6, 20), date(2026, 12, 31)):
        assert _plan_on(engine, day) == [], day
    with transaction(engine) as s:
        newer = _plan(20, year=2024)
        newer.meta.title = "Kế hoạch năm 2024"
        store_plan(s, km.Document(source="kh2024.txt", content_hash="h2"), newer)
    # The 2024 plan of the same place (same officers) is now the one followed, alone.
    [reminder] = [p for p in _plan_on(engine, date(2024, 6, 20)) if p.chat_id == OFFICER]
    assert "Kế hoạch năm 2024" in reminder.text


def test_an_item_the_plan_repeats_is_listed_once_in_a_reminder(engine) -> None:
    plan = _plan(20)
    plan.indicators.append(
        km.Indicator(key="I2", name="Tỷ lệ hộ nghèo", target_text="dưới 2", responsible="Công chức LĐTBXH")
    )
    with transaction(engine) as s:
        store_plan(s, km.Document(source="kh.txt", content_hash="h1"), plan)
        party = next(p for p in s.scalars(select(m.Party)) if "ldtbxh" in fold(p.display))
        s.add(m.User(telegram_id=OFFICER, role="officer", locality_key="xa tan lap"))
        s.flush()
        s.add(m.UserParty(user_id=OFFICER, party_id=party.id, approved_by="cli"))
    [reminder] = [p for p in _plan_on(engine, date(2023, 3, 15)) if p.kind == "report_reminder"]
    assert reminder.text.count("Tỷ lệ hộ nghèo") == 1


def test_a_report_made_after_local_midnight_counts_for_the_local_month(engine) -> None:
    _setup(engine)
    with transaction(engine) as s:
        ind = s.scalar(select(m.Indicator))
        s.add(
            m.ProgressRecord(
                plan_key=ind.plan.plan_key,
                item_kind="indicator",
                item_key=ind.item_key,
                item_name=ind.name,
                value_text="1,5%",
                source="telegram",
                reported_by=str(OFFICER),
                reported_at=datetime(2023, 5, 31, 20, 0, tzinfo=UTC),  # 1 June, 03:00 in Hà Nội
            )
        )
    june = next(p for p in _plan_on(engine, date(2023, 6, 20)) if p.kind == "report_reminder")
    assert "Tỷ lệ hộ nghèo" not in june.text and "Rà soát hộ nghèo" in june.text


@pytest.mark.parametrize(
    ("reported", "nagged"),
    [("Đã hoàn thành", False), ("da xong", False), ("Chưa hoàn thành", True), ("chua xong, dang lam", True)],
)
def test_a_task_reported_not_done_is_still_overdue(engine, reported: str, nagged: bool) -> None:
    """The reminders read 'done' as the web board does (storage.values.reported_done):
    'chưa hoàn thành' holds the words 'hoàn thành' but is no report of completion."""
    _setup(engine)
    with transaction(engine) as s:
        task = s.scalar(select(m.Task))
        s.add(
            m.ProgressRecord(
                plan_key=task.plan.plan_key,
                item_kind="task",
                item_key=task.item_key,
                item_name=task.name,
                value_text=reported,
                source="telegram",
                reported_by=str(OFFICER),
                reported_at=datetime(2023, 3, 30, tzinfo=UTC),
            )
        )
    assert ("overdue" in _kinds(_plan_on(engine, date(2023, 4, 3)), OFFICER)) is nagged


@pytest.mark.parametrize(
    ("status", "text", "done"),
    [
        ("done", None, True),
        (None, "Hoàn thành", True),
        (None, "Đã hoàn thành, không có vướng mắc", True),
        (None, "đã xong", True),
        (None, "Chưa hoàn thành", False),
        (None, "không hoàn thành", False),
        (None, "hoàn thành 80%, chưa xong phần còn lại", False),
        (None, "đang thực hiện", False),
        ("not_done", None, False),
    ],
)
def test_one_reading_of_done(status, text, done) -> None:
    from storage import board
    from storage.values import reported_done

    assert reported_done(status, text) is done
    record = m.ProgressRecord(status=status, value_text=text)
    assert board.is_done(record) is done  # the web board reads it the same way
