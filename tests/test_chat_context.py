"""Conversation context per chat (issue 13, item 1): a follow-up ('ai phụ trách?', 'hạn khi
nào?', 'còn Thiệu Dương thì sao?', 'năm 2024 thì sao?') continues the last subject; the
context is in the database (a restart keeps it), expires after a quiet spell, and is per
chat. On the stand-in Bot API and in `planbot chat`, with and without diacritics."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine

from bot.cli import main
from handlers.budget import DEFAULT_BUDGETS, QUESTION, Budget
from knowledge import followup as fu
from knowledge import question as qn
from storage import chat_context
from storage.answers import AnswerEngine
from storage.db import open_database
from storage.ingest import ingest_paths
from tests.conftest import SAMPLES
from tests.fakes.harness import BotHarness

RESIDENT = 5105
OTHER = 5106
PATIENT = DEFAULT_BUDGETS | {QUESTION: Budget(50, 30)}


def _gaz() -> qn.Gazetteer:
    return qn.Gazetteer(
        [
            qn.Gazetteer.ref(1, "phường Đông Thọ", "thành phố Thanh Hóa"),
            qn.Gazetteer.ref(2, "phường Thiệu Dương", "thành phố Thanh Hóa"),
        ]
    )


LAST = fu.Context(
    intent=qn.TARGET,
    subject="tỷ lệ lao động qua đào tạo",
    item_kind="indicator",
    item_id=7,
    item_name="Tỷ lệ lao động được qua đào tạo trên tổng số dân",
    locality="phường Đông Thọ",
)


# ---------------------------------------------------------------- parsing (pure)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("ai phụ trách?", "ai phụ trách Tỷ lệ lao động được qua đào tạo trên tổng số dân phường Đông Thọ"),
        ("ai phu trach", "ai phu trach Tỷ lệ lao động được qua đào tạo trên tổng số dân phường Đông Thọ"),
        (
            "cơ quan nào chủ trì?",
            "cơ quan nào chủ trì Tỷ lệ lao động được qua đào tạo trên tổng số dân phường Đông Thọ",
        ),
        (
            "tiến độ đến đâu rồi",
            "tiến độ đến đâu rồi Tỷ lệ lao động được qua đào tạo trên tổng số dân phường Đông Thọ",
        ),
        ("hạn khi nào?", "hạn khi nào Tỷ lệ lao động được qua đào tạo trên tổng số dân phường Đông Thọ"),
        # another place: the asker's own words, which found the item there
        ("còn Thiệu Dương thì sao?", "tỷ lệ lao động qua đào tạo phường Thiệu Dương"),
        ("con thieu duong thi sao", "tỷ lệ lao động qua đào tạo phường Thiệu Dương"),
        ("năm 2024 thì sao?", "Tỷ lệ lao động được qua đào tạo trên tổng số dân phường Đông Thọ năm 2024"),
    ],
)
def test_followups_are_asked_again_about_the_last_subject(text: str, asked: str) -> None:
    q = qn.parse_question(text, _gaz())
    assert fu.is_followup(q, LAST)
    assert fu.followup_question(q, LAST) == asked


@pytest.mark.parametrize(
    "text",
    [
        "tỷ lệ hộ nghèo",
        "ai phụ trách bhyt",
        "việc quá hạn",
        "xin chào",
        "thu nhập bình quân còn bao nhiêu",
        "Ai chịu trách nhiệm chỉ tiêu giao quân?",  # 'quân' is no asking word for being in 'cơ quan'
        "co quan nao tham muu chi tieu giao quan",
    ],
)
def test_a_question_with_its_own_subject_stands_alone(text: str) -> None:
    assert not fu.is_followup(qn.parse_question(text, _gaz()), LAST)


def test_a_new_subject_after_còn_keeps_the_last_place() -> None:
    for text in ("còn hộ nghèo thì sao?", "con ho ngheo thi sao"):
        q = qn.parse_question(text, _gaz())
        assert not fu.is_followup(q, LAST) and fu.carried_over(q, LAST) == "phường Đông Thọ"
    assert fu.carried_over(qn.parse_question("hộ nghèo", _gaz()), LAST) == ""
    assert fu.carried_over(qn.parse_question("còn hộ nghèo Thiệu Dương thì sao", _gaz()), LAST) == ""


def test_no_context_no_followup() -> None:
    assert not fu.is_followup(qn.parse_question("ai phụ trách?", _gaz()), None)


# ---------------------------------------------------------------- the store


@pytest.fixture
def sample_engine(engine: Engine) -> Engine:
    assert all(r.ok for r in ingest_paths(engine, sorted(SAMPLES.glob("*.txt"))))
    return engine


def test_context_expires_after_a_quiet_spell(sample_engine: Engine) -> None:
    qa = AnswerEngine(sample_engine)
    t0 = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
    chat_context.ask_in_chat(qa, "cli:x", "ty le bhyt bn", "phường Đông Thọ", now=t0)
    soon = t0 + chat_context.CONTEXT_TTL - timedelta(minutes=1)
    assert (
        "Đ/c Sâm" in chat_context.ask_in_chat(qa, "cli:x", "ai phụ trách?", "phường Đông Thọ", now=soon).text
    )
    # the follow-up renewed the context; after a longer silence 'ai phụ trách?' stands alone
    later = soon + chat_context.CONTEXT_TTL + timedelta(minutes=1)
    assert chat_context.load(sample_engine, "cli:x", later) is None
    alone = chat_context.ask_in_chat(qa, "cli:x", "ai phụ trách?", "phường Đông Thọ", now=later)
    assert "bảo hiểm y tế" not in alone.text.lower()


# ---------------------------------------------------------------- on Telegram


async def test_followups_on_telegram(sample_engine: Engine) -> None:
    async with BotHarness(sample_engine, set(), budgets=PATIENT) as h:
        await h.say(RESIDENT, "/diaphuong Đông Thọ")
        [first] = await h.say(RESIDENT, "ty le bhyt bn")
        assert "95" in first
        [who] = await h.say(RESIDENT, "ai phụ trách?")
        assert "Đ/c Sâm" in who and "bảo hiểm y tế" in who
        assert who.count("Phụ trách") == 1 and len(who) <= 900
        buttons = [
            label
            for label, _, mid in h.fake.buttons(RESIDENT)
            if mid == h.fake.last_message(RESIDENT)["message_id"]
        ]
        assert len(buttons) == len(set(buttons))  # never the same button twice
        [when] = await h.say(RESIDENT, "han khi nao")
        assert "bảo hiểm y tế" in when and "thời hạn" in when
        [trained] = await h.say(RESIDENT, "tỉ lệ lao động qua đào tạo đông thọ")
        assert "90" in trained
        [there] = await h.say(RESIDENT, "còn Thiệu Dương thì sao?")
        assert "Thiệu Dương" in there and "lao động qua đào tạo" in there and "88" in there
        # a new subject with 'còn … thì sao': the place of the last question, not the chosen one
        [poor] = await h.say(RESIDENT, "còn hộ nghèo thì sao?")
        assert "hộ nghèo" in poor.lower() and "Thiệu Dương" in poor
        [back] = await h.say(RESIDENT, "con dong tho thi sao")
        assert "Đông Thọ" in back and "hộ nghèo" in back.lower()
        [year] = await h.say(RESIDENT, "năm 2024 thì sao?")
        assert "Chưa có kế hoạch năm 2024 của phường Đông Thọ" in year and "nghèo" in year
        # another chat has its own context: its 'ai phụ trách?' does not continue this one
        await h.say(OTHER, "/diaphuong Thiệu Dương")
        [alone] = await h.say(OTHER, "ai phụ trách?")
        assert "lao động qua đào tạo" not in alone


async def test_context_survives_a_restart(db_url: str) -> None:
    engine = open_database(db_url)
    assert all(r.ok for r in ingest_paths(engine, sorted(SAMPLES.glob("*.txt"))))
    async with BotHarness(engine, set(), budgets=PATIENT) as h:
        await h.say(RESIDENT, "/diaphuong Đông Thọ")
        await h.say(RESIDENT, "tỉ lệ lao động qua đào tạo")
    engine.dispose()
    # a new process: a new database engine, a new answer engine, nothing in memory
    engine = open_database(db_url)
    try:
        # (Telegram's update ids go on after a restart: the inbox has seen the first ones)
        async with BotHarness(engine, set(), budgets=PATIENT, first_update_id=1000) as h:
            [there] = await h.say(RESIDENT, "còn Thiệu Dương thì sao?")
            assert "lao động qua đào tạo" in there and "88" in there
    finally:
        engine.dispose()


# ---------------------------------------------------------------- planbot chat


def test_planbot_chat_followups(
    sample_engine: Engine, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = "ty le bhyt bn\nai phu trach\ncòn Thiệu Dương thì sao?\nthoát\n"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("sys.stdin", io.StringIO(lines))
        mp.setattr("getpass.getuser", lambda: "tester")
        assert main(["chat", "--db", db_url, "--locality", "phường Đông Thọ"]) == 0
    out = capsys.readouterr().out
    answers = re.split(r"^> ", out, flags=re.MULTILINE)[1:]
    assert "Đ/c Sâm" in answers[1] and "bảo hiểm y tế" in answers[1]
    assert "Thiệu Dương" in answers[2] and "95,1" in answers[2]
    # the next run of `planbot chat` continues where this one stopped
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("sys.stdin", io.StringIO("hạn khi nào?\n"))
        mp.setattr("getpass.getuser", lambda: "tester")
        assert main(["chat", "--db", db_url]) == 0
    again = capsys.readouterr().out
    assert "BHYT" in again or "bảo hiểm y tế" in again


def test_a_database_that_cannot_keep_the_context_still_answers(
    sample_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    def refuse(*args: object, **kwargs: object) -> None:
        raise OperationalError("UPDATE chat_contexts", {}, Exception("attempt to write a readonly database"))

    monkeypatch.setattr(chat_context, "save", refuse)
    qa = AnswerEngine(sample_engine)
    ans = chat_context.ask_in_chat(qa, "cli:ro", "ty le bhyt bn", "phường Đông Thọ")
    assert "95" in ans.text and chat_context.load(sample_engine, "cli:ro") is None


def test_expired_contexts_are_purged_with_the_retention(sample_engine: Engine) -> None:
    from storage.retention import purge_expired

    t0 = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
    chat_context.save(sample_engine, "tg:1", LAST, now=t0)
    chat_context.save(sample_engine, "tg:2", LAST, now=t0 + timedelta(hours=2))
    purge_expired(sample_engine, now=t0 + timedelta(hours=2, minutes=1))
    later = t0 + timedelta(hours=2, minutes=1)
    assert chat_context.load(sample_engine, "tg:2", later) is not None
    # the expired one is gone from the table, not only ignored
    assert chat_context.load(sample_engine, "tg:1", t0) is None
