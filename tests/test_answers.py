"""The answer engine on small hand-written plans of places not in the samples."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bench.plans import store_json_plan
from knowledge.text import fold
from storage import models as m
from storage import users
from storage.answers import AnswerEngine
from storage.db import open_database, transaction

DATA = Path(__file__).parent / "data"
PLANS = ["qa_plan_tan_lap_2025.json", "qa_plan_hong_ha_2024.json", "qa_plan_hong_ha_2025.json"]
QUESTIONS = json.loads((DATA / "qa_questions.json").read_text(encoding="utf-8"))


def _contains(haystack: str, needle: str) -> bool:
    """Folded containment on word boundaries (as the acceptance scorer judges)."""
    return f" {fold(needle)} " in f" {fold(haystack)} "


def _store(engine: Engine, *names: str) -> None:
    with transaction(engine) as session:
        for name in names:
            store_json_plan(session, json.loads((DATA / name).read_text(encoding="utf-8")), name)


def _store_dict(engine: Engine, plan: dict, name: str) -> None:
    with transaction(engine) as session:
        store_json_plan(session, plan, name)


@pytest.fixture
def qa(engine: Engine) -> AnswerEngine:
    _store(engine, *PLANS)
    return AnswerEngine(engine, today=date(2025, 6, 1))


@pytest.fixture(scope="module")
def shared_qa(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AnswerEngine]:
    """One read-only database for the whole question set (answering changes nothing)."""
    eng = open_database(f"sqlite:///{tmp_path_factory.mktemp('qa') / 'qa.sqlite3'}")
    _store(eng, *PLANS)
    yield AnswerEngine(eng, today=date(2025, 6, 1))
    eng.dispose()


@pytest.mark.parametrize("item", QUESTIONS, ids=[q["q"][:50] for q in QUESTIONS])
def test_question_set(shared_qa: AnswerEngine, item: dict) -> None:
    ans = shared_qa.ask(item["q"], item.get("locality"))
    for fact in item["expect"]:
        assert _contains(ans.text, fact), (fact, ans.text)
    if item.get("intent"):
        assert ans.intent == item["intent"]


def test_answer_cites_plan_number_and_row(qa: AnswerEngine) -> None:
    ans = qa.ask("tỷ lệ hộ nghèo", "xã Tân Lập")
    # the plan by its number and the item by its table and number, as a reader of the PDF finds it
    assert ans.text.endswith("Nguồn: KH 45/KH-UBND · bảng 1 · STT 5.")
    assert "dưới 1,2 %" in ans.text
    assert ans.matches[0].kind == "indicator" and ans.matches[0].name == "Tỷ lệ hộ nghèo"


def test_conflicting_values_are_both_given(qa: AnswerEngine) -> None:
    ans = qa.ask("thu nhập bình quân đầu người", "xã Tân Lập")
    assert _contains(ans.text, "72") and _contains(ans.text, "70")
    assert "Con số khác: 70 triệu đồng (phần mục tiêu)" in ans.text


@pytest.mark.slow
def test_other_figures_and_a_quoted_passage_have_different_heads(engine: Engine, samples_dir: Path) -> None:
    """The BHYT indicator of phường Đông Thọ has another figure (the city's decision) and a
    passage that matches too: the answer printed 'Kế hoạch còn ghi:' before each."""
    from storage.ingest import ingest_paths

    assert all(r.ok for r in ingest_paths(engine, [samples_dir]))
    text = AnswerEngine(engine).ask("ty le bhyt bao nhieu", "phường Đông Thọ").text
    assert "Con số khác: 92 (QĐ UBND TP 797/QĐ-UBND)." in text
    assert text.count("còn ghi") <= 1, text


def test_without_any_place_it_asks_back_with_candidates(qa: AnswerEngine) -> None:
    ans = qa.ask("tỷ lệ hộ nghèo là bao nhiêu?")
    assert ans.needs_locality
    assert set(ans.locality_candidates) == {"xã Tân Lập", "phường Hồng Hà"}
    assert "địa phương nào" in ans.text


def test_unknown_chosen_place_is_said_plainly(qa: AnswerEngine) -> None:
    ans = qa.ask("tỷ lệ hộ nghèo", "xã Không Có")
    assert ans.needs_locality and "Không Có" in ans.text


def test_unknown_place_in_the_question_is_not_answered_from_another(qa: AnswerEngine) -> None:
    ans = qa.ask("Tỷ lệ hộ nghèo của xã Hòa Bình là bao nhiêu?", "xã Tân Lập")
    assert ans.needs_locality and "xã Hòa Bình" in ans.text and ans.matches == []
    # a lower-case 'phường' inside an item name is no place
    assert not qa.ask("Duy trì phường đạt chuẩn văn minh đô thị", "phường Hồng Hà").needs_locality


def test_same_named_places_are_asked_back_or_narrowed(engine: Engine) -> None:
    _store(engine, "qa_plan_tan_lap_2025.json", "qa_plan_tan_lap_thai_binh.json")
    qa = AnswerEngine(engine)
    ans = qa.ask("thu nhập bình quân đầu người xã Tân Lập")
    assert ans.needs_locality
    assert any("Vũ Thư" in c for c in ans.locality_candidates)
    assert any("Đan Phượng" in c for c in ans.locality_candidates)
    assert _contains(qa.ask("thu nhập bình quân đầu người xã Tân Lập huyện Vũ Thư").text, "65")
    chosen = qa.resolve_locality("Tân Lập, Đan Phượng")
    assert len(chosen) == 1
    assert _contains(qa.ask("thu nhập bình quân đầu người", chosen[0]).text, "72")


def test_nothing_matched_suggests_the_closest(qa: AnswerEngine) -> None:
    ans = qa.ask("giá vàng hôm nay bao nhiêu", "xã Tân Lập")
    assert ans.matches == []
    assert "Không tìm thấy" in ans.text


def _near_twins_plan() -> dict:
    return {
        "plan": {
            "locality": "xã Yên Hòa",
            "period_start": 2025,
            "period_end": 2025,
            "title": "Kế hoạch 2025",
        },
        "indicators": [
            {"name": "Số hộ được hỗ trợ xây nhà đại đoàn kết", "target_text": "12", "unit": "hộ"},
            {"name": "Số hồ được nạo vét", "target_text": "4", "unit": "hồ"},
            {"name": "Số trường đạt chuẩn quốc gia mức độ 1", "target_text": "2", "unit": "trường"},
            {"name": "Số trường đạt chuẩn quốc gia mức độ 2", "target_text": "1", "unit": "trường"},
            {"name": "Tỷ lệ hộ nghèo", "target_text": "dưới 2%", "unit": "%"},
        ],
    }


def test_two_close_items_are_both_returned_for_buttons(engine: Engine) -> None:
    _store_dict(engine, _near_twins_plan(), "twins")
    ans = AnswerEngine(engine).ask("số trường đạt chuẩn quốc gia")
    assert len(ans.candidates) == 2
    assert {c.name for c in ans.candidates} == {
        "Số trường đạt chuẩn quốc gia mức độ 1",
        "Số trường đạt chuẩn quốc gia mức độ 2",
    }


def test_diacritics_tell_ho_from_ho(engine: Engine) -> None:
    _store_dict(engine, _near_twins_plan(), "twins")
    qa = AnswerEngine(engine)
    assert qa.ask("số hồ được nạo vét?").matches[0].name == "Số hồ được nạo vét"
    assert qa.ask("số hộ được hỗ trợ").matches[0].name.startswith("Số hộ")
    assert qa.ask("so ho duoc nao vet").matches[0].name == "Số hồ được nạo vét"


def test_due_soon_and_overdue_follow_today_and_progress(engine: Engine, qa: AnswerEngine) -> None:
    soon = qa.ask("việc nào sắp đến hạn?", "xã Tân Lập")
    assert soon.intent == "due_soon"
    assert {mt.name for mt in soon.matches} == {
        "Tuyên truyền phổ biến giáo dục pháp luật cho nhân dân",
        "Hoàn thành giải phóng mặt bằng dự án đường liên xã Tân Lập - Hồng Hà",
    }
    late = qa.ask("nhiệm vụ quá hạn", "xã Tân Lập")
    assert len(late.matches) == 2
    with transaction(engine) as session:
        task = session.scalars(select(m.Task).where(m.Task.name.like("Kiểm tra an toàn thực phẩm%"))).one()
        plan = session.get(m.Plan, task.plan_id)
        assert plan is not None
        session.add(
            m.ProgressRecord(
                plan_key=plan.plan_key,
                item_kind="task",
                item_key=task.item_key,
                item_name=task.name,
                task_id=task.id,
                status="done",
                value_text="Đã kiểm tra 12 bếp ăn",
                source="telegram",
                reported_by="1001",
                reported_at=datetime(2025, 2, 3, tzinfo=UTC),
            )
        )
    late = qa.ask("nhiệm vụ quá hạn", "xã Tân Lập")
    assert [mt.name for mt in late.matches] == ["Tổ chức Đại hội Thể dục thể thao xã lần thứ X"]


def test_latest_reported_progress_is_part_of_the_answer(engine: Engine, qa: AnswerEngine) -> None:
    with transaction(engine) as session:
        ind = session.scalars(select(m.Indicator).where(m.Indicator.name == "Tỷ lệ hộ nghèo")).first()
        assert ind is not None
        plan = session.get(m.Plan, ind.plan_id)
        assert plan is not None
        for day, text in ((3, "1,5 %"), (20, "1,3 %")):
            session.add(
                m.ProgressRecord(
                    plan_key=plan.plan_key,
                    item_kind="indicator",
                    item_key=ind.item_key,
                    item_name=ind.name,
                    indicator_id=ind.id,
                    value_text=text,
                    source="telegram",
                    reported_by="1001",
                    reported_at=datetime(2025, 5, day, tzinfo=UTC),
                )
            )
    ans = qa.ask("tiến độ giảm tỷ lệ hộ nghèo đến nay", "xã Tân Lập")
    assert ans.intent == "progress"
    assert "1,3 %" in ans.text and "20/05/2025" in ans.text and "1,5 %" not in ans.text


def test_my_items_come_from_the_linked_parties(engine: Engine, qa: AnswerEngine) -> None:
    with transaction(engine) as session:
        party_ids = list(session.scalars(select(m.Party.id).where(m.Party.key.like("%tu phap%"))))
    assert party_ids
    ans = qa.ask("việc của tôi", "xã Tân Lập", user_parties=party_ids)
    assert ans.intent == "my_items"
    assert len(ans.matches) == 2 and "pháp luật" in ans.text


def test_a_plan_stored_later_is_found_without_restarting(engine: Engine, qa: AnswerEngine) -> None:
    assert qa.ask("số hồ được nạo vét", "xã Yên Hòa").needs_locality
    _store_dict(engine, _near_twins_plan(), "twins")
    assert _contains(qa.ask("số hồ được nạo vét", "xã Yên Hòa").text, "4")


def test_empty_database_says_so(engine: Engine) -> None:
    ans = AnswerEngine(engine).ask("tỷ lệ hộ nghèo")
    assert "Chưa có kế hoạch" in ans.text


def test_overview_counts_the_plan_of_the_named_year(qa: AnswerEngine) -> None:
    ans = qa.ask("kế hoạch năm 2024 có bao nhiêu chỉ tiêu", "phường Hồng Hà")
    assert "5 chỉ tiêu" in ans.text and "12/KH-UBND" in ans.text
    assert "6 chỉ tiêu" in qa.ask("kế hoạch có bao nhiêu chỉ tiêu", "phường Hồng Hà").text


def test_topic_and_party_lists_do_not_mix_unrelated_items(qa: AnswerEngine) -> None:
    health = qa.ask("các chỉ tiêu về y tế", "xã Tân Lập")
    names = {mt.name for mt in health.matches}
    assert "Tỷ lệ dân số tham gia bảo hiểm y tế" in names
    assert "Sản lượng lương thực có hạt" not in names
    justice = qa.ask("các nhiệm vụ của công chức Tư pháp", "xã Tân Lập")
    assert {mt.name for mt in justice.matches} == {
        "Rà soát, chứng thực và giải quyết các thủ tục hộ tịch trên môi trường điện tử",
        "Tuyên truyền phổ biến giáo dục pháp luật cho nhân dân",
    }


def test_a_place_name_inside_the_item_words_does_not_steal_the_question(engine: Engine) -> None:
    # 'tham gia bảo hiểm' holds 'Gia Bảo', the name of another place
    _store(engine, "qa_plan_tan_lap_2025.json")
    gia_bao = {
        "plan": {"locality": "phường Gia Bảo", "period_start": 2025, "period_end": 2025, "title": "Kế hoạch"},
        "indicators": [{"name": "Tỷ lệ dân số tham gia bảo hiểm y tế", "target_text": "88,8", "unit": "%"}],
    }
    _store_dict(engine, gia_bao, "gia_bao")
    qa = AnswerEngine(engine)
    assert _contains(qa.ask("tỷ lệ dân số tham gia bảo hiểm y tế", "xã Tân Lập").text, "93,5")
    assert _contains(qa.ask("ty le dan so tham gia bao hiem y te", "xã Tân Lập").text, "93,5")
    assert _contains(qa.ask("tỷ lệ tham gia bảo hiểm y tế phường Gia Bảo", "xã Tân Lập").text, "88,8")
    assert _contains(qa.ask("tỷ lệ tham gia bảo hiểm y tế Gia Bảo").text, "88,8")


@pytest.mark.slow
def test_questions_on_the_bundled_sample_plans(engine: Engine, samples_dir: Path) -> None:
    """End to end: the real samples through extraction, then questions in other
    phrasings than the acceptance set (accents or none, abbreviations, place in
    the question or chosen). Judged as a whole: extraction is work in progress."""
    from storage.ingest import ingest_paths

    assert all(r.ok for r in ingest_paths(engine, [samples_dir]))
    items = json.loads((DATA / "qa_samples_questions.json").read_text(encoding="utf-8"))
    qa = AnswerEngine(engine)
    missed = [
        it["q"]
        for it in items
        if not all(_contains(qa.ask(it["q"], it["locality"]).text, e) for e in it["expect"])
    ]
    assert len(missed) <= len(items) // 10, missed


@pytest.mark.parametrize(
    ("target", "unit", "comparator", "shown"),
    [
        ("7,6", "%", "<", "dưới 7,6 %"),
        ("dưới 7,6%", "%", "<", "dưới 7,6 %"),
        ("95", "%", ">=", "từ 95 % trở lên"),
        ("≥ 15", "%", ">=", "≥ 15 %"),
        ("1.900", "tấn", "=", "1.900 tấn"),
        ("4/8 hộ", "Hộ", "=", "4/8 hộ"),
        ("Đạt", None, "status", "Đạt"),
        ("từ 15-20%", "%", "range", "từ 15-20 %"),
    ],
)
def test_figure_keeps_the_plan_wording_with_unit_and_comparator(
    target: str, unit: str | None, comparator: str, shown: str
) -> None:
    from knowledge.answer_text import ItemFacts, figure, tidy

    assert (
        tidy(
            figure(
                ItemFacts(kind="indicator", name="x", target_text=target, unit=unit, comparator=comparator)
            )
        )
        == shown
    )


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("đạt 95,1%", "đạt 95,1 %"),
        ("1.500ha rừng", "1.500 ha rừng"),
        # a time, a network's name and a formula are words, not a figure and its unit
        ("báo cáo trước 19h00’ hằng ngày", "báo cáo trước 19h00’ hằng ngày"),
        ("nâng cấp mạng 4G lên 5G", "nâng cấp mạng 4G lên 5G"),
        ("N-NO3-, H2S, CO2", "N-NO3-, H2S, CO2"),
    ],
)
def test_list_text_spaces_figures_from_units_only(written: str, shown: str) -> None:
    from knowledge.answer_text import tidy

    assert tidy(written) == shown


def test_source_line_is_in_vietnamese() -> None:
    from knowledge.answer_text import SourceFacts, source_line

    line = source_line(SourceFacts(title="Kế hoạch 2025", doc_number="45/KH-UBND", ref="table 2 row 5"))
    assert line == "Nguồn: KH 45/KH-UBND · bảng 2 · dòng 5."


def test_commands_find_what_questions_find(shared_qa: AnswerEngine) -> None:
    """Issue 12: one search path. Every question of the set answered by one item,
    typed after an item command in the asker's place, finds that same item first."""
    engine = shared_qa.engine
    compared = 0
    for item in QUESTIONS:
        ans = shared_qa.ask(item["q"], item.get("locality"))
        if len(ans.matches) != 1 or ans.matches[0].kind not in ("indicator", "task"):
            continue
        with Session(engine) as session:
            plan = session.get(m.Plan, ans.matches[0].plan_id)
            assert plan is not None and plan.locality is not None
            key = plan.locality.key
        named, rest = users.locality_in_text(engine, item["q"])  # as the command handlers do
        found = shared_qa.find_items(key, rest if named else item["q"])
        assert found, item["q"]
        assert (found[0].kind, found[0].item_id) == (ans.matches[0].kind, ans.matches[0].item_id), item["q"]
        compared += 1
    assert compared >= 50


def test_find_items_keeps_the_kinds_and_the_place_asked(shared_qa: AnswerEngine) -> None:
    with Session(shared_qa.engine) as session:
        keys = sorted({loc.key for loc in session.scalars(select(m.Locality))})
    assert len(keys) >= 2
    everywhere = shared_qa.find_items(None, "tỷ lệ hộ nghèo", limit=10)
    assert everywhere and all(f.kind in ("indicator", "task") for f in everywhere)
    for key in keys:
        with Session(shared_qa.engine) as session:
            own = {
                p.id
                for p in session.scalars(select(m.Plan))
                if p.locality is not None and p.locality.key == key
            }
        assert all(f.plan_id in own for f in shared_qa.find_items(key, "tỷ lệ hộ nghèo", limit=10))
    tasks = shared_qa.find_items(None, "tỷ lệ hộ nghèo", kinds=("task",), limit=10)
    assert all(f.kind == "task" for f in tasks)
    assert shared_qa.find_items(None, "xyzxyz qwqw") == []
    assert shared_qa.find_items("khong co dau", "tỷ lệ hộ nghèo") == []


def test_find_items_without_a_place_stops_at_the_cross_place_limit(
    shared_qa: AnswerEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a question naming no place: past the limit the place must be chosen."""
    import storage.answers as answers_module

    assert shared_qa.find_items(None, "tỷ lệ hộ nghèo")
    monkeypatch.setattr(answers_module, "CROSS_PLACE_MAX_PLANS", 1)
    assert shared_qa.find_items(None, "tỷ lệ hộ nghèo") == []
    with Session(shared_qa.engine) as session:
        key = next(loc.key for loc in session.scalars(select(m.Locality)))
    assert shared_qa.find_items(key, "tỷ lệ hộ nghèo")


def test_overview_keeps_a_groups_count_when_its_name_is_cut() -> None:
    """'có mấy mục tiêu về xã hội số' is answered by the count after the group's name."""
    from knowledge.answer_text import PlanFacts
    from knowledge.answer_text.lists import overview_answer

    plan = PlanFacts(
        "Kế hoạch phát triển kinh tế số",
        "tỉnh Đồng Nai",
        2026,
        2030,
        "179/KH-UBND",
        None,
        None,
        27,
        40,
        2,
        groups=[
            "Phát triển kinh tế số đến năm 2030 (16 mục tiêu)",
            "Phát triển xã hội số đến năm 2030 với các mục tiêu cụ thể như sau (14 mục tiêu)",
        ],
    )
    text = overview_answer(plan)
    assert "(16 mục tiêu)" in text and "(14 mục tiêu)" in text
    assert "Phát triển xã hội số" in text
