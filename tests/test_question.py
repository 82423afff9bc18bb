"""Question understanding: normalisation, abbreviations, intent, place and period."""

from __future__ import annotations

import pytest

from knowledge import question as qn
from knowledge.question import Gazetteer, detect_intent, expand_abbreviations, parse_period, tokens_of
from knowledge.text import fold


def _gaz() -> Gazetteer:
    return Gazetteer(
        [
            Gazetteer.ref(1, "phường Đông Thọ", "thành phố Thanh Hóa", "Thanh Hóa"),
            Gazetteer.ref(2, "phường Thiệu Dương", "thành phố Thanh Hóa", "Thanh Hóa"),
            Gazetteer.ref(3, "xã Tân Lập", "huyện Đan Phượng", "Hà Nội"),
            Gazetteer.ref(4, "xã Tân Lập", "huyện Vũ Thư", "Thái Bình"),
            Gazetteer.ref(5, "thị trấn Hồ", "huyện Thuận Thành", "Bắc Ninh"),
            Gazetteer.ref(6, "xã Đồng Thổ", "huyện Xuân Lộc", "Đồng Nai"),
        ]
    )


def test_tokens_are_nfc_with_legacy_glyphs_fixed_and_numbers_joined() -> None:
    decomposed = "Ty\u0309 lê\u0323 ngƣời 1.900 tấn"
    toks = tokens_of(decomposed)
    assert [t.acc for t in toks] == ["tỷ", "lệ", "người", "1900", "tấn"]
    assert [t.fold for t in toks] == ["ty", "le", "nguoi", "1900", "tan"]


def test_old_and_new_tone_placement_compare_equal() -> None:
    assert [t.acc for t in tokens_of("văn hoá")] == [t.acc for t in tokens_of("văn hóa")]


@pytest.mark.parametrize(
    ("text", "expanded"),
    [
        ("Tỷ lệ BHYT", "tỷ lệ bảo hiểm y tế"),
        ("ty le bhyt", "ty le bảo hiểm y tế"),
        ("KT-XH năm 2024", "kinh tế xã hội năm 2024"),
        ("công tác GPMB", "công tác giải phóng mặt bằng"),
        ("phường đạt ATTP nâng cao", "phường đạt an toàn thực phẩm nâng cao"),
        ("HĐND và UBND", "hội đồng nhân dân và ủy ban nhân dân"),
        ("Đ/c Mỹ CAP", "đ/c mỹ công an phường"),
    ],
)
def test_abbreviations_expand(text: str, expanded: str) -> None:
    assert expand_abbreviations(text).lower() == expanded


def test_lower_case_syllables_are_not_taken_for_abbreviations() -> None:
    # 'cấp' typed without diacritics is 'cap', which is also the abbreviation CAP
    assert expand_abbreviations("cap giay chung nhan") == "cap giay chung nhan"
    assert expand_abbreviations("Tân Lập TP") == "Tân Lập thành phố"
    assert expand_abbreviations("an toàn") == "an toàn"


def test_abbreviation_and_long_form_fold_the_same() -> None:
    assert qn.folded_text("tỷ lệ tham gia BHYT") == qn.folded_text("ty le tham gia bảo hiểm y tế")


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Tỷ lệ hộ nghèo năm 2024 là bao nhiêu?", qn.TARGET),
        ("ty le ho ngheo", qn.TARGET),
        ("Ai phụ trách chỉ tiêu BHYT?", qn.RESPONSIBLE),
        ("don vi nao chu tri phong chong dich", qn.RESPONSIBLE),
        ("Cơ quan nào chịu trách nhiệm về thu gom rác?", qn.RESPONSIBLE),
        ("Khi nào phải xong GPMB?", qn.DEADLINE),
        ("han chot nop ho so", qn.DEADLINE),
        ("Tiến độ giải quyết việc làm đến nay?", qn.PROGRESS),
        ("giai quyet viec lam da dat duoc bao nhieu", qn.PROGRESS),
        ("các nhiệm vụ của công chức Tư pháp", qn.PARTY_ITEMS),
        ("cong chuc dia chinh phu trach nhung viec gi", qn.PARTY_ITEMS),
        ("việc của tôi", qn.MY_ITEMS),
        ("nhiem vu cua em", qn.MY_ITEMS),
        ("các chỉ tiêu về y tế", qn.TOPIC),
        ("nhung chi tieu linh vuc giao duc", qn.TOPIC),
        ("việc nào sắp đến hạn?", qn.DUE_SOON),
        ("nhiem vu qua han", qn.OVERDUE),
        ("Hàng tháng báo cáo trước ngày nào?", qn.REPORTING),
        ("gửi báo cáo cho ai", qn.REPORTING),
        ("Kế hoạch năm 2024 có bao nhiêu chỉ tiêu?", qn.OVERVIEW),
        ("báo cáo định kỳ gửi về đâu", qn.REPORTING),
        ("kết quả thực hiện nộp cho ai", qn.REPORTING),
        ("thời gian thực hiện dự án đường liên xã", qn.DEADLINE),
        ("nhiệm vụ cấp giấy chứng nhận đến bao giờ", qn.DEADLINE),
        ("đường liên xã hoàn thành chưa", qn.PROGRESS),
        ("Đ/c Sâm phụ trách những chỉ tiêu nào?", qn.PARTY_ITEMS),
        ("trạm y tế phụ trách gì", qn.PARTY_ITEMS),
        ("/help", qn.HELP),
        ("huong dan", qn.HELP),
        ("", qn.HELP),
    ],
)
def test_intent(question: str, intent: str) -> None:
    assert detect_intent(fold(question), question).kind == intent


def test_leader_role_and_extracted_party_and_topic() -> None:
    assert detect_intent(fold("Ai chỉ đạo chỉ tiêu tuyển quân?")).role == "leader"
    q = "các nhiệm vụ của công chức Tư pháp"
    assert detect_intent(fold(q), q).party == "công chức Tư pháp"  # as the asker wrote it
    q = "các chỉ tiêu về y tế năm 2025"
    assert detect_intent(fold(q), q).topic == "y tế"


@pytest.mark.parametrize(
    ("text", "year", "start", "end"),
    [
        ("ty le ho ngheo nam 2024", 2024, 2024, 2024),
        ("den nam 2030 co bao nhieu doanh nghiep", 2030, None, 2030),
        ("giai doan 2026 2030", 2030, 2026, 2030),
        ("tang truong 2026-2030", 2030, 2026, 2030),
        ("ty le ho ngheo", None, None, None),
    ],
)
def test_period(text: str, year: int | None, start: int | None, end: int | None) -> None:
    p = parse_period(fold(text))
    assert (p.year, p.start, p.end) == (year, start, end)


def test_place_with_and_without_type_and_diacritics() -> None:
    gaz = _gaz()
    q = qn.parse_question("Thu nhập bình quân của phường Đông Thọ năm 2023?", gaz)
    assert [p.id for p in q.places] == [1]
    assert "dong" not in [t.fold for t in q.terms] and "phuong" not in [t.fold for t in q.terms]
    assert [p.id for p in qn.parse_question("chi tieu thu nhap thieu duong", gaz).places] == [2]
    assert [t.fold for t in qn.parse_question("chi tieu thu nhap thieu duong", gaz).terms] == [
        "chi",
        "tieu",
        "thu",
        "nhap",
    ]


def test_accents_tell_apart_places_that_fold_alike() -> None:
    gaz = _gaz()
    assert [p.id for p in qn.parse_question("tỷ lệ hộ nghèo Đông Thọ", gaz).places] == [1]
    assert [p.id for p in qn.parse_question("tỷ lệ hộ nghèo Đồng Thổ", gaz).places] == [6]
    assert {p.id for p in qn.parse_question("ty le ho ngheo dong tho", gaz).places} == {1, 6}


def test_a_word_that_is_also_a_place_type_stays_a_word() -> None:
    # 'quan' (tuyển quân) folds like 'quận'; no 'quận Thiệu Dương' is known, so it stays in the query
    q = qn.parse_question("ai chi dao tuyen quan thieu duong", _gaz())
    assert [p.id for p in q.places] == [2]
    assert "quan" in [t.fold for t in q.terms]


def test_one_syllable_place_needs_its_type() -> None:
    gaz = _gaz()
    assert qn.parse_question("số hồ chứa nước", gaz).places == []
    assert [p.id for p in qn.parse_question("số hồ chứa nước thị trấn Hồ", gaz).places] == [5]


def test_same_named_places_are_narrowed_by_district_or_asker() -> None:
    gaz = _gaz()
    assert {p.id for p in gaz.resolve_text("xã Tân Lập")} == {3, 4}
    assert [p.id for p in gaz.resolve_text("Tân Lập, Vũ Thư")] == [4]
    cands = gaz.resolve_text("Tân Lập")
    assert [p.id for p in gaz.narrow(cands, "tan lap", {3})] == [3]


def test_diacritics_are_those_the_asker_typed() -> None:
    assert not qn.parse_question("ty le bhyt").has_diacritics
    assert qn.parse_question("tỷ lệ hộ nghèo").has_diacritics


def test_question_phrasing_is_removed_but_words_typed_with_other_accents_stay() -> None:
    terms = [t.fold for t in qn.parse_question("Cho em hỏi tỷ lệ hộ nghèo là bao nhiêu ạ?").terms]
    assert terms == ["ty", "le", "ho", "ngheo"]
    # 'cơ' (cơ cấu) is not the question word 'có'
    assert [t.fold for t in qn.parse_question("cơ cấu kinh tế có gì").terms][:3] == ["co", "cau", "kinh"]


def test_how_often_and_where_to_are_question_phrasing() -> None:
    """'bao lâu một lần', 'đâu' and 'nhỉ' ask; the plan answers 'định kỳ 06 tháng … gửi về Sở X'.
    Typed without accents, 'dau' may be 'đầu' ('vốn đầu tư') and stays."""
    asked = qn.parse_question("Báo cáo kết quả định kỳ bao lâu một lần, gửi về đâu nhỉ?").terms
    assert [t.fold for t in asked] == ["bao", "cao", "ket", "qua", "dinh", "ky", "gui", "ve"]
    assert "dau" in [t.fold for t in qn.parse_question("von dau tu lay o dau").terms]


def test_the_light_verb_of_a_question_is_weighed_down() -> None:
    """'làm từ tháng mấy': 'làm' is rare in a plan, and its weight alone outweighed the
    subject's; as a frame word it counts for little ('việc làm' still holds it)."""
    from knowledge import lexicon

    assert "lam" in lexicon.folded_frame_tokens()
    assert "lam" in [t.fold for t in qn.parse_question("Quan trắc làm từ tháng mấy?").terms]


def test_a_provinces_short_name_finds_it() -> None:
    """'tp hcm', 'TPHCM', 'HCM': the short names people write for Hồ Chí Minh City."""
    from knowledge.places import PROVINCE_SHORT_NAMES
    from knowledge.question import Gazetteer

    city = Gazetteer.ref(7, "thành phố Hồ Chí Minh", None, "Hồ Chí Minh")
    gaz = Gazetteer([city], [Gazetteer.alias(city, s) for s in PROVINCE_SHORT_NAMES["Hồ Chí Minh"]])
    for text in ("ke hoach thien tai tp hcm", "kế hoạch của TPHCM", "HCM có kế hoạch gì"):
        assert [p.id for p in gaz.resolve_text(text)] == [7], text
    assert gaz.resolve_text("kế hoạch của phường Minh") == []


def test_the_next_words_decide_an_abbreviation() -> None:
    """'CT' is 'chủ tịch', but before a programme's name 'chương trình': the abbreviation table's
    `before` context (knowledge/abbreviations.py), written out before 'CT-MTQG' is joined."""
    programme = "chuong trinh muc tieu quoc gia giam ngheo"
    for text in (
        "CT MTQG giảm nghèo",
        "CT-MTQG giảm nghèo",
        "ct mtqg giam ngheo",
        "CT mục tiêu quốc gia giảm nghèo",
    ):
        assert qn.folded_text(text) == programme, text
    assert qn.folded_text("CT UBND xã") == "chu tich uy ban nhan dan xa"
    assert qn.folded_text("CT, MTQG") == "chu tich muc tieu quoc gia"  # another phrase after the comma
    assert qn.folded_text("PCT MTQG") == "pho chu tich muc tieu quoc gia"
