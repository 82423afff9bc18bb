"""Ways residents word a question: 'tỉ lệ' for 'tỷ lệ', 'cơ quan nào chủ trì
chỉ tiêu …', no place at all. Two small plans of places of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.question import parse_question, tokens_of
from storage.answers import AnswerEngine
from storage.ingest import ingest_paths

PLAN_A = """ỦY BAN NHÂN DÂN XÃ SƠN KỲ
Số: 12/KH-UBND

KẾ HOẠCH
Phát triển kinh tế - xã hội năm 2026 của xã Sơn Kỳ

I. CHỈ TIÊU
1. Tỷ lệ hộ nghèo giảm còn 1,8%.
2. Tỷ lệ hộ dân sử dụng nước sạch: 88%.
3. Thu ngân sách nhà nước trên địa bàn: 9.300 triệu đồng.
4. Tuyển quân: đạt 100% chỉ tiêu trên giao.
5. Diện tích gieo trồng cây hằng năm đạt 2.100 ha, trong đó: lúa 1.500 ha, ngô 420 ha.

6. Diện tích trồng mới cây dược liệu đạt 40 ha.

II. NHIỆM VỤ
Nhiệm vụ 1: Trồng mới 40 ha cây dược liệu theo chuỗi liên kết
- Lãnh đạo chỉ đạo: Đồng chí Hà Văn Lợi, Phó Chủ tịch UBND xã
- Đơn vị chủ trì: Phòng Kinh tế
- Thời gian hoàn thành: Quý III/2026

III. PHÂN CÔNG
1. Đồng chí Lê Văn Tâm, Phó Chủ tịch UBND xã chỉ đạo các chỉ tiêu số 1, 2 và 3; Phòng Kinh tế chủ trì tham mưu.
2. Chủ tịch UBND xã chỉ đạo chỉ tiêu số 4; Ban Chỉ huy quân sự xã chủ trì tham mưu.

IV. CHẾ ĐỘ BÁO CÁO
Các cơ quan chủ trì tham mưu báo cáo kết quả thực hiện chỉ tiêu về Văn phòng HĐND và UBND xã trước ngày 22 hằng tháng.
"""

PLAN_B = """ỦY BAN NHÂN DÂN PHƯỜNG BẮC HÀ
Số: 30/KH-UBND

KẾ HOẠCH
Phát triển kinh tế - xã hội năm 2026 của phường Bắc Hà

I. CHỈ TIÊU
1. Tỷ lệ hộ nghèo giảm còn 0,9%.
2. Tỷ lệ hộ dân sử dụng nước sạch: 99%.
3. Hoàn thành nạo vét kênh Bến Đá dài 3,5 km.
"""


@pytest.fixture
def answers(engine, tmp_path: Path) -> AnswerEngine:
    (tmp_path / "son_ky.txt").write_text(PLAN_A, encoding="utf-8")
    (tmp_path / "bac_ha.txt").write_text(PLAN_B, encoding="utf-8")
    assert all(r.ok for r in ingest_paths(engine, [tmp_path]))
    return AnswerEngine(engine)


def test_i_and_y_spellings_are_one_word() -> None:
    assert [t.fold for t in tokens_of("Tỉ lệ kĩ thuật, quí I")] == [
        t.fold for t in tokens_of("Tỷ lệ kỹ thuật, quý I")
    ]
    assert tokens_of("kim chi")[0].fold == "kim"  # only whole syllables change


def test_ti_le_finds_ty_le(answers: AnswerEngine) -> None:
    answer = answers.ask("Tỉ lệ hộ nghèo xã Sơn Kỳ năm nay?")
    assert "1,8 %" in answer.text  # figures read apart from their unit


def test_who_leads_an_indicator_not_the_reporting_rule(answers: AnswerEngine) -> None:
    answer = answers.ask("co quan nao chu tri chi tieu nuoc sach", locality="xã Sơn Kỳ")
    assert answer.matches[0].name == "Tỷ lệ hộ dân sử dụng nước sạch"
    assert "Phòng Kinh tế" in answer.text
    answer = answers.ask("co quan nao tham muu chi tieu tuyen quan", locality="xã Sơn Kỳ")
    assert answer.matches[0].name == "Tuyển quân"
    assert "Ban Chỉ huy quân sự" in answer.text


def test_role_words_do_not_count_as_item_words() -> None:
    q = parse_question("đơn vị nào chủ trì chỉ tiêu nước sạch")
    assert [t.fold for t in q.terms] == ["chi", "tieu", "nuoc", "sach"]
    assert q.kind_hint == "indicator"
    assert parse_question("nhiệm vụ nạo vét kênh khi nào xong").kind_hint == "task"


def test_a_breakdown_belongs_to_its_total(answers: AnswerEngine) -> None:
    answer = answers.ask("dien tich ngo bao nhieu ha", locality="xã Sơn Kỳ")
    assert "420 ha" in answer.text


def test_no_place_named_but_only_one_place_has_it(answers: AnswerEngine) -> None:
    answer = answers.ask("nạo vét kênh Bến Đá dài bao nhiêu")
    assert not answer.needs_locality
    assert answer.locality == "phường Bắc Hà"
    assert "3,5 km" in answer.text and "phường Bắc Hà" in answer.text.splitlines()[0]


def test_no_place_named_and_every_place_has_it(answers: AnswerEngine) -> None:
    answer = answers.ask("tỷ lệ hộ nghèo là bao nhiêu")
    assert answer.needs_locality
    assert set(answer.locality_candidates) == {"xã Sơn Kỳ", "phường Bắc Hà"}


def test_who_directs_when_the_best_item_names_nobody(answers: AnswerEngine) -> None:
    answer = answers.ask("ai chỉ đạo trồng mới cây dược liệu", locality="xã Sơn Kỳ")
    assert "Hà Văn Lợi" in answer.text
    assert {m.kind for m in answer.matches} == {"indicator", "task"}


FIVE_YEARS = """ỦY BAN NHÂN DÂN XÃ PHÚ NHAM
Số: 77/KH-UBND

KẾ HOẠCH
Phát triển kinh tế - xã hội giai đoạn 2026 - 2030 của xã Phú Nham

| STT | Chỉ tiêu | ĐVT | Năm 2026 | Năm 2027 | Năm 2028 | Năm 2029 | Đến năm 2030 |
|---|---|---|---|---|---|---|---|
| 1 | Tỷ lệ hộ sử dụng nước sạch | % | 81 | 84 | 87 | 90 | 93 |
| 2 | Số thôn đạt chuẩn nông thôn mới kiểu mẫu | thôn | 1 | 2 | 3 | 4 | 5 |
"""


@pytest.fixture
def five_years(engine, tmp_path: Path) -> AnswerEngine:
    (tmp_path / "phu_nham.md").write_text(FIVE_YEARS, encoding="utf-8")
    assert all(r.ok for r in ingest_paths(engine, [tmp_path]))
    return AnswerEngine(engine)


def test_a_year_of_a_five_year_plan_gets_that_years_value(five_years: AnswerEngine) -> None:
    answer = five_years.ask("tỷ lệ hộ dùng nước sạch năm 2028 bao nhiêu")
    assert "năm 2028: 87" in answer.text and "Mục tiêu cả giai đoạn: 93" in answer.text
    assert "93" in five_years.ask("tỷ lệ hộ dùng nước sạch đến năm 2030").text.splitlines()[0]
    assert "93" in five_years.ask("tỷ lệ hộ dùng nước sạch").text.splitlines()[0]


def test_the_document_number_is_an_overview_question(five_years: AnswerEngine) -> None:
    answer = five_years.ask("kế hoạch của xã Phú Nham số mấy?")
    assert answer.intent == "overview" and "77/KH-UBND" in answer.text


def test_an_abbreviation_after_xa_is_not_a_place() -> None:
    assert parse_question("hồ sơ xã NTM nâng cao khi nào xong").unknown_place is None
    assert parse_question("tỷ lệ hộ nghèo xã Hòa Bình").unknown_place == "xã Hòa Bình"


def test_the_askers_own_place_is_phrasing() -> None:
    q = parse_question("tỷ lệ hộ nghèo của xã mình giảm còn bao nhiêu")
    assert "minh" not in [t.fold for t in q.terms]


def test_who_answers_also_give_the_deadline(answers: AnswerEngine) -> None:
    answer = answers.ask("trồng mới 40 ha cây dược liệu ai chỉ đạo, khi nào xong", locality="xã Sơn Kỳ")
    assert "Hà Văn Lợi" in answer.text and "Quý III/2026" in answer.text


def _year_plan(year: int, number: int) -> str:
    return f"""ỦY BAN NHÂN DÂN XÃ ĐẠI ĐỒNG
Số: {number}/KH-UBND

KẾ HOẠCH
Phát triển kinh tế - xã hội năm {year} của xã Đại Đồng

I. CHỈ TIÊU
1. Tỷ lệ hộ nghèo giảm còn {5 - (year - 2025)}%.

II. NHIỆM VỤ
Nhiệm vụ 1: Gọi công dân nhập ngũ năm {year + 1}
- Đơn vị chủ trì: Ban Chỉ huy quân sự xã
- Thời gian hoàn thành: Tháng 02/{year + 1}
"""


def test_a_year_in_the_items_name_is_part_of_the_question(engine, tmp_path: Path) -> None:
    (tmp_path / "dd2025.txt").write_text(_year_plan(2025, 31), encoding="utf-8")
    (tmp_path / "dd2026.txt").write_text(_year_plan(2026, 32), encoding="utf-8")
    assert all(r.ok for r in ingest_paths(engine, [tmp_path]))
    qa = AnswerEngine(engine)
    answer = qa.ask("gọi công dân nhập ngũ năm 2026 xong khi nào", locality="xã Đại Đồng")
    assert answer.matches[0].name == "Gọi công dân nhập ngũ năm 2026"
    assert "4 %" in qa.ask("tỷ lệ hộ nghèo năm 2026", locality="xã Đại Đồng").text


def test_a_result_row_about_a_task_is_that_tasks_progress(engine) -> None:
    from knowledge import model as km
    from storage.db import transaction
    from storage.ingest import store_plan

    plan = km.ExtractedPlan(
        meta=km.PlanMeta(locality="xã Kim Sơn", locality_type="xã", period_start=2026, period_end=2026),
        tasks=[km.Task(key="T1", name="Hoàn thành cầu treo bản Phiêng", responsible="Phòng Kinh tế")],
        progress=[km.ProgressEntry(item="Cầu treo bản Phiêng", value_text="Đạt 60% khối lượng", value=60)],
    )
    with transaction(engine) as s:
        store_plan(s, km.Document(source="ks.txt", content_hash="ks"), plan)
    answer = AnswerEngine(engine).ask("cầu treo bản Phiêng làm tới đâu rồi", locality="xã Kim Sơn")
    assert answer.intent == "progress"
    assert answer.matches[0].kind == "task" and "60 %" in answer.text


BARE = """UY BAN NHAN DAN XA VAN SON
So: 41/KH-UBND
Van Son, ngay 10 thang 01 nam 2026

KE HOACH
Phat trien kinh te - xa hoi nam 2026

I. CAC CHI TIEU CHU YEU
1. Ty le ho ngheo giam con duoi 6,2%.
2. Ty le dan so tham gia bao hiem y te dat 97,5%.
3. Tong san luong luong thuc co hat dat 5.400 tan.

II. TO CHUC THUC HIEN
Dinh ky truoc ngay 18 hang thang, cac bo phan bao cao ket qua thuc hien ve UBND xa de tong hop.
"""


def test_a_plan_typed_without_diacritics_answers_accented_questions(engine, tmp_path: Path) -> None:
    (tmp_path / "van_son.txt").write_text(BARE, encoding="utf-8")
    assert all(r.ok for r in ingest_paths(engine, [tmp_path]))
    qa = AnswerEngine(engine)
    assert "6,2" in qa.ask("Tỷ lệ hộ nghèo xã Vân Sơn năm nay còn bao nhiêu?").text
    assert "97,5" in qa.ask("bảo hiểm y tế được bao nhiêu", locality="xã Vân Sơn").text
    assert "18" in qa.ask("báo cáo hàng tháng trước ngày nào", locality="Vân Sơn").text


def test_phone_shorthand_and_document_questions() -> None:
    from knowledge.question import expand_shorthand

    assert expand_shorthand("thu ngân sách bn, ai ký j") == "thu ngân sách bao nhiêu, ai ký gì"
    assert expand_shorthand("Quý I/2026 khu B") == "Quý I/2026 khu B"
    assert parse_question("so ke hoach la j").intent.kind == "overview"
    assert parse_question("ông nào ký kế hoạch").intent.kind == "overview"
