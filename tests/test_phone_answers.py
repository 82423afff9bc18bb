"""Answers for a phone (issue 13, item 4): the answer first and short, the source as the
plan's number and where the item stands in it, Vietnamese numbers, a task by its own
name, and none of the glitches found on the sample plans — one test each."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from knowledge.answer_text import (
    ANSWER_LIMIT,
    ItemFacts,
    SourceFacts,
    clip_focus,
    item_answer,
    place_in_plan,
    plan_short,
    source_line,
    vn_numbers,
)
from storage.answers import AnswerEngine
from storage.db import open_database
from storage.ingest import ingest_paths
from tests.conftest import SAMPLES
from tests.fakes.harness import BotHarness
from tests.test_bot_flow import ADMIN, DONG_THO, RESIDENT

DATA = Path(__file__).parent / "data"
DONG, HUNG_DONG, THO_XUONG = "phường Đông Thọ", "xã Hưng Đông", "phường Thọ Xương"


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AnswerEngine]:
    """The five bundled sample plans, read once (answering changes nothing)."""
    eng = open_database(f"sqlite:///{tmp_path_factory.mktemp('phone') / 'samples.sqlite3'}")
    assert all(r.ok for r in ingest_paths(eng, sorted(SAMPLES.glob("*.txt"))))
    yield AnswerEngine(eng)
    eng.dispose()


# ---------------------------------------------------------------- the glitches, one test each


def test_a_status_target_gets_no_percent_sign(samples: AnswerEngine) -> None:
    """'Phường đạt tiêu chí an toàn thực phẩm nâng cao | % | Đạt' read 'Đạt%'."""
    text = samples.ask("phường đạt tiêu chí an toàn thực phẩm nâng cao", DONG).text
    assert ": Đạt." in text and "Đạt%" not in text and "Đạt %" not in text
    listed = samples.ask("các nhiệm vụ của đ/c Sâm", DONG).text
    assert "nâng cao: Đạt" in listed and "Đạt%" not in listed


def test_a_counted_target_keeps_its_own_unit(samples: AnswerEngine) -> None:
    """'Duy trì trường đạt chuẩn quốc gia | % | 3 trường' read '3 trường%'."""
    for question in ("duy trì trường đạt chuẩn quốc gia", "duy tri truong dat chuan quoc gia"):
        text = samples.ask(question, DONG).text
        assert ": 3 trường." in text and "trường%" not in text and "trường %" not in text


def test_a_name_ending_in_the_place_type_is_not_doubled(samples: AnswerEngine) -> None:
    """'Tổng thu ngân sách xã' + ' xã Hưng Đông' read 'ngân sách xã xã Hưng Đông'."""
    text = samples.ask("tổng thu ngân sách xã Hưng Đông").text
    assert "Tổng thu ngân sách xã — xã Hưng Đông" in text
    assert "xã xã" not in text


def test_a_party_is_named_as_the_asker_wrote_it(samples: AnswerEngine) -> None:
    """'các nhiệm vụ của đ/c Sâm' was headed 'của đ c sâm'."""
    text = samples.ask("các nhiệm vụ của Đ/c Sâm", DONG).text
    assert "của Đ/c Sâm (" in text and "đ c sâm" not in text.lower()
    assert "của d/c Sam (" in samples.ask("cac nhiem vu cua d/c Sam", DONG).text


@pytest.mark.parametrize(
    ("question", "heading"),
    [
        ("các nhiệm vụ của Đ/c Sâm TYT?", "của Đ/c Sâm TYT (7 mục)"),  # was 'của đ c sâm trạm y tế'
        ("cac nhiem vu cua dc sam tyt", "của đ/c sam tyt (7 mục)"),  # was «được sam tyt»: nothing found
        ("cac nhiem vu cua d/c sam tyt", "của d/c sam tyt (7 mục)"),  # lower-case 'tyt' is TYT
    ],
)
def test_a_party_with_an_abbreviation_is_found_and_named_as_written(
    samples: AnswerEngine, question: str, heading: str
) -> None:
    text = samples.ask(question, DONG).text
    assert heading in text, text


def test_the_place_word_is_no_part_of_a_party(samples: AnswerEngine) -> None:
    """'việc của công chức tư pháp ở xã Hưng Đông' was headed '… tư pháp ở (6 mục)'."""
    for question in (
        "việc của công chức tư pháp ở xã hưng đông",
        "viec cua cong chuc tu phap o xa hung dong",
    ):
        text = samples.ask(question).text
        assert "ở (" not in text and " o (" not in text
        assert "tư pháp (" in text or "tu phap (" in text


def test_a_figure_is_followed_by_one_mark(samples: AnswerEngine) -> None:
    """A result cell ending 'đạt 99,99%.' before its assessment read '99,99 %.;'."""
    text = samples.ask("tiến độ bảo hiểm y tế", THO_XUONG).text
    assert "99,99 %;" in text and "%.;" not in text and ".." not in text


def test_figures_in_vietnamese(samples: AnswerEngine) -> None:
    """A table's '7.9' beside '95,1' read '7.9 %': a dot before one or two digits is a decimal point."""
    text = samples.ask("tỷ lệ trẻ em suy dinh dưỡng", DONG).text
    assert "7,9 %" in text and "7.9" not in text and "7,6" in text
    assert (
        vn_numbers("7.9 % và 1.900 tấn, 12,5 %, ngày 06.02.2023")
        == "7,9 % và 1.900 tấn, 12,5 %, ngày 06.02.2023"
    )


def test_the_source_is_the_plan_number_and_the_items_place_in_it(samples: AnswerEngine) -> None:
    """'Nguồn: <the whole title>, số 23/QĐ-UBND, dòng 1222' (a line of a text file)."""
    for question in ("ty le bhyt", "tỷ lệ dân số tham gia bảo hiểm y tế"):
        text = samples.ask(question, DONG).text
        assert "\nNguồn: QĐ 23/QĐ-UBND · Chỉ tiêu về Văn hóa-Xã hội · STT 13." in text
        assert "dòng 1222" not in text and "Kế hoạch hành động về việc" not in text


def test_a_task_is_named_by_its_own_name(samples: AnswerEngine) -> None:
    """Tasks were quoted by their '(1) … (2) …' solution text."""
    text = samples.ask("ai phụ trách phòng chống tham nhũng", HUNG_DONG).text
    assert "«Thực hiện có hiệu quả Kế hoạch phòng, chống tham nhũng" in text and "«(1)" not in text
    overdue = samples.ask("việc quá hạn", HUNG_DONG).text
    assert "\n- (" not in overdue


def test_a_paragraph_is_quoted_once(samples: AnswerEngine) -> None:
    """One sentence read as two reporting rules (monthly, and when asked) was quoted twice."""
    for question in ("báo cáo tiến độ hàng tháng hạn ngày mấy", "bao cao tien do hang thang han ngay may"):
        text = samples.ask(question, HUNG_DONG).text
        assert text.count("tpv.hdo.nhanntt") == 1 and "(cùng đoạn văn ở trên)" in text
        assert "trước ngày 20 hàng tháng" in text and "đột xuất" in text


def test_one_task_split_by_its_solutions_is_told_apart(samples: AnswerEngine) -> None:
    text = samples.ask("ai phụ trách phòng chống tham nhũng", HUNG_DONG).text
    assert "— giải pháp: (2) Đẩy mạnh" in text


def test_answers_fit_a_phone(samples: AnswerEngine) -> None:
    """Every sample question: one item within ~600 characters, anything within 900."""
    items = json.loads((DATA / "qa_samples_questions.json").read_text(encoding="utf-8"))
    items += json.loads((DATA / "heldout" / "questions_samples.json").read_text(encoding="utf-8"))
    for it in items:
        ans = samples.ask(it["q"], it.get("locality"))
        assert len(ans.text) <= 900, (it["q"], ans.text)
        if len(ans.matches) <= 1:
            assert len(ans.text) <= ANSWER_LIMIT, (it["q"], ans.text)


# ---------------------------------------------------------------- the pieces


def test_a_long_task_keeps_the_clause_asked_about() -> None:
    name = (
        "Phối hợp triển khai số hóa theo hướng dẫn của Bộ, ngành chuyên môn đối với các cơ sở dữ liệu "
        "quốc gia, chuyên ngành, chuẩn hóa, đồng bộ dữ liệu về Trung tâm dữ liệu quốc gia theo lộ trình. "
        + "Tăng cường kiểm tra, giám sát việc thực hiện các nhiệm vụ được giao. " * 6
        + "Trong đó, ưu tiên triển khai hoàn thiện 11 cơ sở dữ liệu quốc gia và chuyên ngành trọng yếu."
    )
    short = clip_focus(name, 300, ("uu", "tien", "hoan", "thien", "co", "so", "du", "lieu", "trong", "yeu"))
    assert len(short) <= 300 and "11 cơ sở dữ liệu" in short and short.startswith("Phối hợp")
    text = item_answer(
        ItemFacts(kind="task", name=name, responsible="Sở Khoa học và Công nghệ", focus=("uu", "tien", "11")),
        "target",
    )
    assert len(text) <= ANSWER_LIMIT and "11 cơ sở dữ liệu" in text and "Sở Khoa học và Công nghệ" in text


@pytest.mark.parametrize(
    ("src", "cited"),
    [
        (SourceFacts(doc_number="23/KH-UBND", ref="line 1216", no="3", section="Giáo dục"), "KH 23/KH-UBND"),
        (SourceFacts(doc_number="23/QĐ-UBND"), "QĐ 23/QĐ-UBND"),
        (
            SourceFacts(title="Kế hoạch Phát triển kinh tế - xã hội năm 2023"),
            "Kế hoạch Phát triển kinh tế - xã hội năm 2023",
        ),
        (
            SourceFacts(title="Kế hoạch " + "rất dài " * 20, period_start=2023, period_end=2023),
            "Kế hoạch năm 2023",
        ),
    ],
)
def test_the_plan_by_its_number(src: SourceFacts, cited: str) -> None:
    assert plan_short(src) == cited


@pytest.mark.parametrize(
    ("src", "where"),
    [
        (SourceFacts(ref="table 2 row 5"), "bảng 2 · dòng 5"),
        (SourceFacts(ref="table 2 row 5", no="4.3"), "bảng 2 · STT 4.3"),
        (
            SourceFacts(ref="line 1216", no="12", section="Chỉ tiêu về Văn hóa-Xã hội"),
            "Chỉ tiêu về Văn hóa-Xã hội · STT 12",
        ),
        (SourceFacts(ref="line 1216"), ""),  # a text file's line tells a reader nothing
        (SourceFacts(ref="prose line 233"), "phần lời văn"),
        (
            SourceFacts(ref="line 5", section="MƯA LŨ TRÊN ĐỊA BÀN TỈNH ĐẮK LẮK"),
            "",
        ),  # a title piece, no heading
        (SourceFacts(ref="Biểu số 01 dòng 3"), "Biểu số 01 dòng 3"),
    ],
)
def test_where_the_item_stands(src: SourceFacts, where: str) -> None:
    assert place_in_plan(src) == where
    assert "dòng 1216" not in source_line(src)


# ---------------------------------------------------------------- over Telegram


async def test_phone_answers_over_telegram(engine) -> None:  # type: ignore[no-untyped-def]
    assert all(r.ok for r in ingest_paths(engine, [DONG_THO]))
    async with BotHarness(engine, {ADMIN}) as h:
        await h.say(RESIDENT, "/diaphuong Đông Thọ")
        for question in (
            "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng?",
            "ty le tre em duoi 5 tuoi bi suy dinh duong",
        ):
            reply = (await h.say(RESIDENT, question))[0]
            assert reply.startswith(
                "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng — phường Đông Thọ"
            )  # the answer first
            assert "7,9 % (càng thấp càng tốt)" in reply and "7.9" not in reply
            assert "Nguồn: QĐ 23/QĐ-UBND · Chỉ tiêu về Văn hóa-Xã hội · STT 12." in reply
            assert len(reply) <= ANSWER_LIMIT
        listed = (await h.say(RESIDENT, "cac nhiem vu cua d/c Sam"))[0]
        assert "d/c Sam" in listed and "Đạt%" not in listed and len(listed) <= ANSWER_LIMIT
        assert h.crashed is None


def test_a_reply_the_engines_notes_lengthened_is_fitted_again() -> None:
    """'Chưa có kế hoạch năm 2023 … dưới đây là theo kế hoạch năm 2024.' comes before a reply
    already fitted: its last quote is cut to the room left, or dropped when too little is."""
    from knowledge.quote_text import REPLY_LIMIT, within_screen

    item = "Chưa có kế hoạch năm 2023 của phường X. " + "Tổng số lao động có việc làm mới. " * 12
    quoted = f"{item}\nKế hoạch còn ghi (mục II. › 1.):\n«{'giải quyết việc làm mới cho 200 lao động; ' * 5}»"
    fitted = within_screen(quoted)
    assert len(quoted) > REPLY_LIMIT >= len(fitted)
    assert fitted.startswith(item) and fitted.endswith("…»")
    crowded = f"{'x' * 590}\nKế hoạch còn ghi (mục II.):\n«{'y ' * 40}»"
    assert within_screen(crowded) == "x" * 590
    assert within_screen("ngắn «trích»") == "ngắn «trích»"
