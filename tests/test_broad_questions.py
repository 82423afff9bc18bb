"""Broad and counting questions (issue 12, item 5): the plan's main targets by group, its own
count of targets, the targets met or not (judged in their direction), its chairman, two
places compared, and a year no plan covers said out loud. On the sample plans, through the
engine, `planbot ask` and the stand-in Bot API, with and without diacritics."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from handlers.budget import DEFAULT_BUDGETS, QUESTION, Budget
from knowledge import broad
from knowledge import question as qn
from storage.answers import AnswerEngine
from storage.ingest import ingest_paths
from tests.conftest import SAMPLES
from tests.fakes.harness import BotHarness

RESIDENT = 4104
# a resident trying every kind of question in a row: more than the default burst
PATIENT = DEFAULT_BUDGETS | {QUESTION: Budget(50, 30)}
DONG_THO = "phường Đông Thọ"
THIEU_DUONG = "phường Thiệu Dương"
THO_XUONG = "phường Thọ Xương"


def _broad(text: str) -> broad.Broad | None:
    q = qn.parse_question(text)
    return broad.detect_broad(q.folded, [t.fold for t in q.terms])


# ---------------------------------------------------------------- parsing (pure)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("xã mình năm nay phấn đấu gì?", broad.GOALS),
        ("xa minh nam nay phan dau gi", broad.GOALS),
        ("mục tiêu năm nay", broad.GOALS),
        ("muc tieu nam nay la gi", broad.GOALS),
        ("những chỉ tiêu chủ yếu của phường", broad.GOALS),
        ("bao nhiêu chỉ tiêu", broad.COUNT),
        ("bn chi tieu", broad.COUNT),
        ("Kế hoạch năm 2026 của xã có bao nhiêu chỉ tiêu?", broad.COUNT),
        ("KT-XH phường mình năm nay có mấy chỉ tiêu", broad.COUNT),
        ("chỉ tiêu nào chưa đạt?", broad.NOT_MET),
        ("chi tieu nao chua dat", broad.NOT_MET),
        ("những chỉ tiêu đã đạt", broad.MET),
        ("chi tieu nao da dat roi", broad.MET),
        ("Ai là chủ tịch phường", broad.CHAIRMAN),
        ("ai la chu tich xa", broad.CHAIRMAN),
        ("chủ tịch ubnd phường tên là gì", broad.CHAIRMAN),
    ],
)
def test_broad_question_kinds(text: str, kind: str) -> None:
    found = _broad(text)
    assert found is not None and found.kind == kind, text


@pytest.mark.parametrize(
    "text",
    [
        "tỷ lệ BHYT năm nay bao nhiêu",  # one item
        "giao bao nhiêu chỉ tiêu nhập ngũ",  # the count of recruits, an item's target
        "chỉ tiêu tuyển quân đã đạt chưa",  # one item's progress
        "mục tiêu tỷ lệ hộ nghèo năm nay",  # one item's target
        "Đối thoại giữa Chủ tịch UBND xã với nhân dân tổ chức trước ngày nào?",  # a task
        "chủ tịch chỉ đạo những việc gì",  # items of a person
        "ai phụ trách bhyt",
    ],
)
def test_item_questions_are_not_broad(text: str) -> None:
    assert _broad(text) is None, text


def test_a_plan_states_its_count_and_signature() -> None:
    dong_tho = broad.stated_facts(
        (SAMPLES / "000_d2f0e62540c5dfe6.txt").read_text(encoding="utf-8").splitlines()
    )
    assert dong_tho["indicators"] == 28 and dong_tho["signer_title"] == "Chủ tịch"
    lines = [
        "2. Chỉ tiêu chủ yếu: (23 chỉ tiêu)",
        "Năm 2024 đạt và vượt 15/20 chỉ tiêu",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    ]
    stated = broad.stated_facts(lines)
    assert stated == {
        "indicators": 23,
        "indicators_line": "2. Chỉ tiêu chủ yếu: (23 chỉ tiêu)",
        "achieved": [15, 20],
        "signer_title": "Phó Chủ tịch",
    }
    assert broad.stated_facts(["Tổng số doanh nghiệp: 90 DN"]) == {}


@pytest.mark.parametrize(
    ("name", "target", "comparator", "value", "value_text", "assessment", "verdict"),
    [
        # a ceiling: 7,5 % against 'dưới 7,9 %' is met, 8,1 % is not
        ("Tỷ lệ trẻ em suy dinh dưỡng", 7.9, "<", 7.5, "7,5%", None, "met"),
        ("Tỷ lệ trẻ em suy dinh dưỡng", 7.9, "<", 8.1, "8,1%", None, "not_met"),
        # a bare figure for what is better lower (poverty): judged the same way round
        ("Tỷ lệ hộ nghèo", 1.5, "=", 1.2, "1,2%", None, "met"),
        ("Tỷ lệ hộ nghèo", 1.5, "=", 2.0, "2%", None, "not_met"),
        ("Tỷ lệ tham gia BHYT", 95.0, "=", 93.5, "93,5%", None, "not_met"),
        ("Tỷ lệ tham gia BHYT", 95.0, ">=", 96.0, "96%", None, "met"),
        # the plan's own words first; a share of the plan from 100 on
        ("Giải quyết việc làm", 200.0, "=", 58.5, "đạt 58,5% KH giao", None, "not_met"),
        ("Tỷ lệ phát triển dân số", 0.95, "<", None, "0,04%", "Đạt chỉ tiêu KH", "met"),
        ("Tỷ lệ hộ nghèo", None, None, None, None, "Chưa có kết quả", "pending"),
        ("Lao động", 200.0, "=", None, None, "Đang tiếp tục thực hiện", "not_met"),
    ],
)
def test_progress_is_judged_in_the_targets_direction(
    name: str,
    target: float | None,
    comparator: str | None,
    value: float | None,
    value_text: str | None,
    assessment: str | None,
    verdict: str,
) -> None:
    assert (
        broad.progress_verdict(name, target, comparator, None, value, value_text, assessment, None) == verdict
    )


# ---------------------------------------------------------------- the engine on the samples


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from storage.db import open_database

    url = f"sqlite:///{tmp_path_factory.mktemp('broad') / 'plans.db'}"
    eng = open_database(url)
    assert all(r.ok for r in ingest_paths(eng, sorted(SAMPLES.glob("*.txt"))))
    eng.dispose()
    return url


@pytest.fixture(scope="module")
def qa(sample_db: str) -> AnswerEngine:
    from storage.db import open_database

    return AnswerEngine(open_database(sample_db))


@pytest.mark.parametrize(
    "text", ["xã mình năm nay phấn đấu gì?", "xa minh nam nay phan dau gi", "mục tiêu năm nay"]
)
def test_goals_by_group_short_with_a_button_per_group(qa: AnswerEngine, text: str) -> None:
    ans = qa.ask(text, locality=THIEU_DUONG)
    assert len(ans.text) <= 600, ans.text
    assert "23 chỉ tiêu" in ans.text and "Thu nhập bình quân đầu người 95" in ans.text
    labels = [label for label, _ in ans.choices]
    assert labels == ["Kinh tế (12)", "Văn hóa xã hội (13)", "Môi trường (2)", "Quốc phòng - An ninh (2)"]
    # a group's button asks for the whole group, in the same place and year
    group = qa.ask(ans.choices[2][1])
    assert "Môi trường — 2 chỉ tiêu" in group.text and "nước sạch" in group.text and "98" in group.text


@pytest.mark.parametrize(
    ("text", "locality", "expect"),
    [
        ("bao nhiêu chỉ tiêu", DONG_THO, "28 chỉ tiêu chủ yếu"),
        ("bn chi tieu", THIEU_DUONG, "23 chỉ tiêu chủ yếu"),
        # a plan that states no count: the targets read from it, said so
        ("bn chi tieu", "xã Hưng Đông", "đếm từ các chỉ tiêu đọc được"),
    ],
)
def test_count_is_the_plans_own(qa: AnswerEngine, text: str, locality: str, expect: str) -> None:
    ans = qa.ask(text, locality=locality)
    assert expect in ans.text, ans.text


def test_targets_not_met_and_met_from_the_result_table(qa: AnswerEngine) -> None:
    ans = qa.ask("chỉ tiêu nào chưa đạt?", locality=THO_XUONG)
    assert "Chưa đạt:" in ans.text and "lao động được giải quyết việc làm mới" in ans.text
    assert "bảo hiểm y tế" in ans.text and "dân số tự nhiên" not in ans.text
    met = qa.ask("chi tieu nao da dat", locality=THO_XUONG)
    # 'dưới 0,95 %' and a rate of 0,04 %: lower is better, met
    assert "Đã đạt:" in met.text and "dân số tự nhiên" in met.text
    assert "lao động được giải quyết" not in met.text.split("Đã đạt:")[1]
    assert len(ans.text) <= 900 and len(met.text) <= 900


def test_no_progress_yet_says_so(qa: AnswerEngine) -> None:
    ans = qa.ask("chỉ tiêu nào chưa đạt", locality=DONG_THO)
    assert "Chưa có số liệu tiến độ" in ans.text and "/capnhat" in ans.text


@pytest.mark.parametrize(
    ("text", "locality", "name"),
    [
        ("Ai là chủ tịch phường", DONG_THO, "Đỗ Văn Trung"),
        ("ai la chu tich phuong dong tho", None, "Đỗ Văn Trung"),
        ("ai là chủ tịch xã Hưng Đông", None, "Trần Anh Tấn"),
    ],
)
def test_chairman_is_the_signer(qa: AnswerEngine, text: str, locality: str | None, name: str) -> None:
    ans = qa.ask(text, locality=locality)
    assert "Chủ tịch UBND" in ans.text and name in ans.text, ans.text


def test_vice_chairmen_from_the_plans_leaders(qa: AnswerEngine) -> None:
    ans = qa.ask("ai là phó chủ tịch phường Đông Thọ")
    assert ans.text.startswith("Phó Chủ tịch:") and "Đ/c Sinh" in ans.text and "Đ/c Tiến" in ans.text


@pytest.mark.parametrize(
    "text", ["so sánh BHYT Đông Thọ và Thiệu Dương", "so sanh ty le bhyt dong tho va thieu duong"]
)
def test_two_places_compared(qa: AnswerEngine, text: str) -> None:
    ans = qa.ask(text)
    assert "phường Đông Thọ: 95 %" in ans.text and "phường Thiệu Dương: 95,1 %" in ans.text, ans.text
    assert {mt.plan_id for mt in ans.matches} and len(ans.matches) == 2


def test_a_year_without_a_plan_is_said(qa: AnswerEngine) -> None:
    ans = qa.ask("Kế hoạch năm 2024 tỷ lệ BHYT phường Đông Thọ")
    assert ans.text.startswith("Chưa có kế hoạch năm 2024 của phường Đông Thọ")
    assert "theo kế hoạch năm 2023" in ans.text and "95" in ans.text
    # the year a plan covers: no note, that plan
    ans = qa.ask("ke hoach nam 2024 ty le bhyt thieu duong")
    assert "Chưa có kế hoạch" not in ans.text and "95,1" in ans.text
    # a horizon ('đến 2030') is no plan year
    assert "Chưa có kế hoạch" not in qa.ask("thu nhập bình quân Thạch Khôi đến năm 2030").text


# ---------------------------------------------------------------- on Telegram


async def test_broad_questions_on_telegram(engine: Engine) -> None:
    assert all(r.ok for r in ingest_paths(engine, sorted(SAMPLES.glob("*.txt"))))
    async with BotHarness(engine, set(), budgets=PATIENT) as h:
        await h.say(RESIDENT, "/diaphuong Thiệu Dương")
        [goals] = await h.say(RESIDENT, "xa minh nam nay phan dau gi")
        assert "23 chỉ tiêu" in goals and len(goals) <= 600
        assert [b[0] for b in h.fake.buttons(RESIDENT)][-4:] == [
            "Kinh tế (12)",
            "Văn hóa xã hội (13)",
            "Môi trường (2)",
            "Quốc phòng - An ninh (2)",
        ]
        [group] = await h.press(RESIDENT, "Môi trường")
        assert "Môi trường — 2 chỉ tiêu" in group and "nước sạch" in group
        [count] = await h.say(RESIDENT, "bn chi tieu")
        assert "23 chỉ tiêu chủ yếu" in count
        [count] = await h.say(RESIDENT, "Phường có bao nhiêu chỉ tiêu?")
        assert "23 chỉ tiêu chủ yếu" in count
        [chair] = await h.say(RESIDENT, "Ai là chủ tịch phường")
        assert "Lê Văn Mão" in chair
        [chair] = await h.say(RESIDENT, "ai la chu tich phuong")
        assert "Lê Văn Mão" in chair
        [both] = await h.say(RESIDENT, "so sánh BHYT Đông Thọ và Thiệu Dương")
        assert "95,1 %" in both and "phường Đông Thọ: 95 %" in both
        [year] = await h.say(RESIDENT, "Kế hoạch năm 2023 tỷ lệ BHYT")
        assert "Chưa có kế hoạch năm 2023 của phường Thiệu Dương" in year
        await h.say(RESIDENT, "/diaphuong Thọ Xương")
        [unmet] = await h.say(RESIDENT, "chỉ tiêu nào chưa đạt?")
        assert "Chưa đạt:" in unmet and "việc làm mới" in unmet
        [met] = await h.say(RESIDENT, "chi tieu nao da dat")
        assert "Đã đạt:" in met and "dân số tự nhiên" in met


def test_compared_with_the_askers_own_place(qa: AnswerEngine) -> None:
    ans = qa.ask("so sánh tỷ lệ BHYT với Thiệu Dương", locality=DONG_THO)
    assert "phường Đông Thọ: 95 %" in ans.text and "phường Thiệu Dương: 95,1 %" in ans.text, ans.text
    # without 'so sánh' a second place is not invented
    assert "So sánh" not in qa.ask("tỷ lệ BHYT Thiệu Dương", locality=DONG_THO).text


async def test_officers_updates_judged_in_the_targets_direction(engine: Engine) -> None:
    """7,5 % malnutrition against the plan's bare 7,9 % is met (fewer is better); 93,5 % BHYT
    against 95 % is not."""
    from storage import users

    assert all(r.ok for r in ingest_paths(engine, [SAMPLES / "000_d2f0e62540c5dfe6.txt"]))
    officer = 4205
    users.add_user(engine, officer, "officer", "Đông Thọ", party="Đ/c Sâm TYT")
    async with BotHarness(engine, set(), budgets=PATIENT) as h:
        for update in ("suy dinh dưỡng: 7,5%", "tỷ lệ dân số tham gia bảo hiểm y tế: 93,5%"):
            await h.say(officer, f"/capnhat {update}")
            await h.press(officer, "Xác nhận")
        await h.say(RESIDENT, "/diaphuong Đông Thọ")
        [met] = await h.say(RESIDENT, "chỉ tiêu nào đã đạt?")
        assert "1 chỉ tiêu đã đạt, 1 chưa đạt" in met
        assert "suy dinh dưỡng" in met.split("Đã đạt:")[1] and "bảo hiểm y tế" not in met.split("Đã đạt:")[1]
        [unmet] = await h.say(RESIDENT, "chi tieu nao chua dat")
        assert "bảo hiểm y tế" in unmet.split("Chưa đạt:")[1] and "suy dinh dưỡng" not in unmet


def test_a_stated_achievement_is_quoted(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A plan that says 'đạt và vượt 15/20 chỉ tiêu' of the year before: the count answer
    and the met answer quote it."""
    from storage.db import open_database

    text = (SAMPLES / "004_680e36f5c05cb2c2.txt").read_text(encoding="utf-8")
    marker = "**KẾ HOẠCH**"
    assert marker in text
    doc = tmp_path_factory.mktemp("stated") / "tho_xuong.txt"
    doc.write_text(
        text.replace(marker, marker + "\n\nNăm 2023 phường đạt và vượt 15/20 chỉ tiêu chủ yếu.\n", 1),
        encoding="utf-8",
    )
    eng = open_database(f"sqlite:///{doc.parent / 'p.db'}")
    assert all(r.ok for r in ingest_paths(eng, [doc]))
    qa = AnswerEngine(eng)
    assert "đã đạt 15/20 chỉ tiêu" in qa.ask("bn chi tieu", locality=THO_XUONG).text
    assert "đã đạt 15/20 chỉ tiêu" in qa.ask("chỉ tiêu nào đã đạt", locality=THO_XUONG).text
    eng.dispose()


def test_a_year_picks_that_years_plan(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A place with plans for 2024 and 2025: the year asked picks the plan, for items, counts
    and follow-ups alike; a year with no plan is said."""
    from storage import chat_context
    from storage.db import open_database

    text = (SAMPLES / "004_680e36f5c05cb2c2.txt").read_text(encoding="utf-8")
    folder = tmp_path_factory.mktemp("years")
    (folder / "2025.txt").write_text(
        text.replace("2024", "2025").replace("2023", "2024").replace("toàn dân: 99,7%", "toàn dân: 99,8%"),
        encoding="utf-8",
    )
    eng = open_database(f"sqlite:///{folder / 'p.db'}")
    assert all(r.ok for r in ingest_paths(eng, [SAMPLES / "004_680e36f5c05cb2c2.txt", folder / "2025.txt"]))
    qa = AnswerEngine(eng)
    assert "năm 2024: 99,7" in qa.ask("Kế hoạch năm 2024 tỷ lệ BHYT phường Thọ Xương").text
    assert "năm 2025: 99,8" in qa.ask("ke hoach nam 2025 ty le bhyt tho xuong").text
    assert (
        "năm 2024 có 20 chỉ tiêu" in qa.ask("kế hoạch năm 2024 phường Thọ Xương có bao nhiêu chỉ tiêu").text
    )
    later = qa.ask("tỷ lệ BHYT Thọ Xương năm 2026").text
    assert later.startswith("Chưa có kế hoạch năm 2026") and "năm 2024, năm 2025" in later
    chat_context.ask_in_chat(qa, "tg:9", "tỷ lệ BHYT Thọ Xương năm 2024")
    assert "năm 2025: 99,8" in chat_context.ask_in_chat(qa, "tg:9", "năm 2025 thì sao?").text
    assert "năm 2024: 99,7" in chat_context.ask_in_chat(qa, "tg:9", "con nam 2024 thi sao").text
    eng.dispose()
