"""The 2025 map: residents name the units in force since 1 July 2025 (phường Hạc Thành, Hàm
Rồng, Vinh Hưng, Bắc Giang); the sample plans are of the older communes those units hold.
A new name finds the older plans, in `planbot ask`, `/diaphuong` and a deep link; the answer
names the new unit once; the old names keep working."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.cli import main
from knowledge import question as qn
from knowledge.places import Place
from knowledge.places_2025 import successors
from storage.answer_places import new_names
from storage.answers import AnswerEngine
from storage.ingest import ingest_paths
from tests.conftest import SAMPLES
from tests.fakes.harness import BotHarness

RESIDENT = 3003


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from storage.db import open_database

    url = f"sqlite:///{tmp_path_factory.mktemp('map') / 'plans.db'}"
    eng = open_database(url)
    assert all(r.ok for r in ingest_paths(eng, sorted(SAMPLES.glob("*.txt"))))
    eng.dispose()
    return url


@pytest.fixture(scope="module")
def qa(sample_db: str) -> AnswerEngine:
    from storage.db import open_database

    return AnswerEngine(open_database(sample_db))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (Place("phường", "Đông Thọ", "thành phố Thanh Hóa", "Thanh Hóa"), "phường Hạc Thành"),
        (Place("phường", "Thiệu Dương", "thành phố Thanh Hóa", "Thanh Hóa"), "phường Hàm Rồng"),
        # a ward since 2019 that its 2023 plan still calls a commune
        (Place("xã", "Hưng Đông", "thành phố Vinh", "Nghệ An"), "phường Vinh Hưng"),
        (Place("phường", "Thọ Xương", "thành phố Bắc Giang", "Bắc Giang"), "phường Bắc Giang"),
    ],
)
def test_older_commune_and_its_new_unit(old: Place, new: str) -> None:
    assert successors(old)[0].label == new


def test_divided_commune_main_part_first_and_units_in_force_have_none() -> None:
    # Đông Thọ was divided: most of it into Hạc Thành, a part into Hàm Rồng
    assert [p.label for p in successors(Place("phường", "Đông Thọ", "thành phố Thanh Hóa", "Thanh Hóa"))] == [
        "phường Hạc Thành",
        "phường Hàm Rồng",
    ]
    assert successors(Place("phường", "Hạc Thành", None, "Thanh Hóa")) == []
    assert successors(Place("phường", "Thạch Khôi", "thành phố Hải Phòng", "Hải Phòng")) == []
    assert successors(Place("huyện", "Thọ Xuân", "tỉnh Thanh Hóa", "Thanh Hóa")) == []


@pytest.mark.parametrize(
    ("question", "plan_of", "note"),
    [
        ("tỷ lệ BHYT phường Hạc Thành", "phường Đông Thọ", "phường Đông Thọ (nay thuộc phường Hạc Thành)"),
        ("ty le bhyt ham rong", "phường Thiệu Dương", "phường Thiệu Dương (nay thuộc phường Hàm Rồng)"),
        ("tỷ lệ BHYT Vinh Hưng", "xã Hưng Đông", "xã Hưng Đông (nay thuộc phường Vinh Hưng)"),
        ("tỷ lệ BHYT phường Bắc Giang", "phường Thọ Xương", "phường Thọ Xương (nay thuộc phường Bắc Giang)"),
        # the old names keep working, and name the new unit
        ("tỷ lệ BHYT phường Đông Thọ", "phường Đông Thọ", "phường Đông Thọ (nay thuộc phường Hạc Thành)"),
        ("tỷ lệ BHYT Thiệu Dương", "phường Thiệu Dương", "phường Thiệu Dương (nay thuộc phường Hàm Rồng)"),
        ("tỷ lệ BHYT Hưng Đông", "xã Hưng Đông", "xã Hưng Đông (nay thuộc phường Vinh Hưng)"),
    ],
)
def test_question_naming_either_name_answers_from_the_older_plan(
    qa: AnswerEngine, question: str, plan_of: str, note: str
) -> None:
    ans = qa.ask(question)
    assert ans.locality == plan_of and ans.matches, ans.text
    assert "bảo hiểm y tế" in ans.text.lower() or "bhyt" in ans.text.lower()
    assert ans.text.count("nay thuộc") == 1 and note in ans.text


def test_a_unit_in_force_is_not_renamed(qa: AnswerEngine) -> None:
    ans = qa.ask("tỷ lệ BHYT phường Thạch Khôi")
    assert ans.locality == "phường Thạch Khôi" and "nay thuộc" not in ans.text


def test_the_askers_place_chosen_by_its_new_name(qa: AnswerEngine) -> None:
    assert qa.resolve_locality("Hàm Rồng") == ["phường Thiệu Dương"]
    ans = qa.ask("tỷ lệ BHYT", locality="phường Thiệu Dương (nay thuộc phường Hàm Rồng)")
    assert ans.locality == "phường Thiệu Dương"


def test_a_new_unit_holding_several_places_holds_all_their_plans() -> None:
    known = [
        qn.Gazetteer.ref(1, "phường Đông Thọ", "thành phố Thanh Hóa", "Thanh Hóa"),
        qn.Gazetteer.ref(2, "phường Điện Biên", "thành phố Thanh Hóa", "Thanh Hóa"),
        qn.Gazetteer.ref(3, "phường Thiệu Dương", "thành phố Thanh Hóa", "Thanh Hóa"),
    ]
    plans = {1: [10], 2: [20, 21], 3: [30]}
    places, aliases = new_names(known, plans)
    assert [p.now for p in places] == ["phường Hạc Thành", "phường Hạc Thành", "phường Hàm Rồng"]
    gaz = qn.Gazetteer(places, aliases)
    hac_thanh = gaz.resolve_text("phường Hạc Thành")
    assert len(hac_thanh) == 1 and sorted(plans[hac_thanh[0].id]) == [10, 20, 21]
    assert [p.id for p in gaz.resolve_text("Hàm Rồng")] == [3]  # Đông Thọ's sliver does not count
    assert len(gaz.places) == 3  # the pickers list the places that have plans, as before


def test_planbot_ask_new_name(sample_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "tỷ lệ BHYT phường Hạc Thành", "--db", sample_db]) == 0
    out = capsys.readouterr().out
    assert "phường Đông Thọ (nay thuộc phường Hạc Thành)" in out and "95" in out


async def test_diaphuong_and_deep_link_by_new_name(engine: Engine) -> None:
    assert all(r.ok for r in ingest_paths(engine, sorted(SAMPLES.glob("*.txt"))))
    async with BotHarness(engine, set()) as h:
        sent = await h.say(RESIDENT, "/diaphuong Hàm Rồng")
        assert "phường Thiệu Dương (nay thuộc phường Hàm Rồng)" in sent[0]
        answer = await h.say(RESIDENT, "tỷ lệ BHYT")
        assert "Thiệu Dương" in answer[0] and "95,1" in answer[0]
        sent = await h.say(RESIDENT, "/diaphuong vinh hung")
        assert "xã Hưng Đông (nay thuộc phường Vinh Hưng)" in sent[0]
        sent = await h.say(RESIDENT + 1, "/start hac-thanh")
        assert "phường Đông Thọ (nay thuộc phường Hạc Thành)" in sent[0]
        answer = await h.say(RESIDENT + 1, "tỷ lệ BHYT")
        assert "Đông Thọ" in answer[0] and "95" in answer[0]
        assert "Thọ Xương" in (await h.say(RESIDENT, "/diaphuong Thọ Xương"))[0]  # old names still
