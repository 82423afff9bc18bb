"""Small talk and questions outside the plans get a short reply and never an item
suggestion (issue 13, item 3): 'cảm ơn' used to get 'Có phải bạn muốn hỏi: «Thịt gia
súc, gia cầm»?' with a button."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.smalltalk import CIVIL, ENGLISH, GOODBYE, GREETING, PROCEDURE, THANKS, WEATHER, classify
from storage.answers import AnswerEngine
from storage.ingest import ingest_paths
from tests.fakes.harness import BotHarness
from tests.test_bot_flow import ADMIN, DONG_THO, RESIDENT

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("text", "kind", "english"),
    [
        ("cảm ơn", THANKS, False),
        ("cam on ban nhieu nhe", THANKS, False),
        ("Cảm ơn bot!", THANKS, False),
        ("ok", THANKS, False),
        ("Thanks", THANKS, True),
        ("xin chào", GREETING, False),
        ("chao ban", GREETING, False),
        ("hello", GREETING, True),
        ("tạm biệt", GOODBYE, False),
        ("thời tiết hôm nay thế nào", WEATHER, False),
        ("thoi tiet hom nay the nao", WEATHER, False),
        ("mai trời có mưa không", WEATHER, False),
        ("thủ tục đăng ký khai sinh cần giấy tờ gì", CIVIL, False),
        ("dang ky ket hon o dau", CIVIL, False),
        ("làm căn cước ở đâu", PROCEDURE, False),
        ("thu tuc cap so do can nhung giay to gi", PROCEDURE, False),
        ("Hello, what is this bot?", ENGLISH, True),
        ("What is the poverty rate in Dong Tho?", ENGLISH, True),
    ],
)
def test_what_is_no_plan_question(text: str, kind: str, english: bool) -> None:
    talk = classify(text)
    assert talk is not None and (talk.kind, talk.english) == (kind, english)


@pytest.mark.parametrize(
    "text",
    [
        "chào bạn, tỷ lệ hộ nghèo là bao nhiêu?",
        "ty le ho ngheo la bao nhieu",
        "các nhiệm vụ của công chức tư pháp hộ tịch",
        "ai phụ trách hộ tịch",
        "tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến",
        "cải cách thủ tục hành chính",
        "phòng chống bão lụt do ai chủ trì",
        "thu thuế phí lệ phí bao nhiêu",
        "/help",
        "an ninh to dan pho",
    ],
)
def test_plan_questions_are_not_small_talk(text: str) -> None:
    assert classify(text) is None


def test_no_question_of_the_question_sets_is_taken_for_small_talk() -> None:
    """Every question the bot is scored on (947 in 2026-12) still reaches the search."""
    caught = []
    for path in sorted(DATA.glob("**/*.json")):
        items = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(items, list):
            caught += [it["q"] for it in items if isinstance(it, dict) and "q" in it and classify(it["q"])]
    assert caught == []


@pytest.fixture
def dong_tho(engine):  # type: ignore[no-untyped-def]
    assert all(r.ok for r in ingest_paths(engine, [DONG_THO]))
    return engine


def test_engine_replies_without_items(dong_tho) -> None:  # type: ignore[no-untyped-def]
    qa = AnswerEngine(dong_tho)
    for text in ("cảm ơn", "cam on", "thời tiết hôm nay thế nào", "Hello, what is this bot?"):
        ans = qa.ask(text, "phường Đông Thọ")
        assert not ans.candidates and not ans.matches and not ans.needs_locality
        assert "Có phải bạn muốn hỏi" not in ans.text and "Không tìm thấy" not in ans.text
        assert len(ans.text) <= 400
    # no place chosen: it does not ask which place for a 'thank you'
    assert not qa.ask("cảm ơn").needs_locality
    english = qa.ask("Hello, what is this bot?").text.splitlines()
    assert sum(line.startswith("English:") for line in english) == 1
    assert "tiếng Việt" in english[0]


def test_a_procedure_is_sent_to_the_one_stop_desk_of_the_place(dong_tho) -> None:  # type: ignore[no-untyped-def]
    qa = AnswerEngine(dong_tho)
    # Đông Thọ is part of phường Hạc Thành since 1 July 2025: its desk is the new ward's
    text = qa.ask("thủ tục đăng ký khai sinh cần giấy tờ gì", "phường Đông Thọ").text
    assert "Bộ phận một cửa của UBND phường Hạc Thành" in text
    assert "Bộ phận một cửa" in qa.ask("lam can cuoc o dau phuong dong tho").text
    unplaced = qa.ask("thủ tục đăng ký kết hôn")
    assert "nơi bạn cư trú" in unplaced.text and "/diaphuong" in unplaced.text


async def test_small_talk_over_telegram(dong_tho) -> None:  # type: ignore[no-untyped-def]
    async with BotHarness(dong_tho, {ADMIN}) as h:
        await h.say(RESIDENT, "/diaphuong Đông Thọ")
        for text, expected in (
            ("cảm ơn", "Không có gì"),
            ("cam on", "Không có gì"),
            ("Xin chào", "Xin chào"),
            ("thời tiết hôm nay thế nào", "thời tiết"),
            ("thoi tiet hom nay the nao", "thời tiết"),
            ("thu tuc dang ky khai sinh", "Bộ phận một cửa của UBND phường Hạc Thành"),
            ("Hello, what is this bot?", "English:"),
        ):
            buttons = len(h.fake.buttons(RESIDENT))
            reply = (await h.say(RESIDENT, text))[0]
            assert expected in reply, (text, reply)
            assert "Có phải bạn muốn hỏi" not in reply
            assert len(h.fake.buttons(RESIDENT)) == buttons  # no item offered as a button
        assert h.crashed is None
