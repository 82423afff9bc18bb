"""Layout (b): indicators written in prose (bullets, numbered items, flattened
lists, news-style sentences, labelled-field records)."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest

from knowledge.extract import prose_indicators
from knowledge.extract.lines import paragraphs
from knowledge.extract.prose_items import parse_item
from knowledge.extract.prose_sections import heading_kind
from knowledge.extract.prose_targets import find_targets
from knowledge.model import Block, Document, Indicator
from knowledge.readers import read_document
from knowledge.text import fold

ROOT = Path(__file__).resolve().parent
LAYOUTS = ROOT / "data" / "layouts"
GOLD = LAYOUTS / "prose_gold"
SAMPLES = ROOT.parent / "knowledge" / "samples"


def _similar(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    return fa in fb or fb in fa or difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.8


def _target_ok(gold: dict, pred: Indicator) -> bool:
    if gold.get("target_value") is not None:
        return pred.target_value is not None and abs(pred.target_value - gold["target_value"]) < 1e-6
    return fold(gold["target_text"]) in fold(pred.target_text)


def _doc_of(text: str) -> Document:
    blocks = [Block(kind="line", text=line, line_no=n) for n, line in enumerate(text.splitlines(), 1)]
    return Document(source="inline.txt", blocks=blocks)


def _gold_cases() -> list[Path]:
    return sorted(GOLD.glob("*.json"))


@pytest.mark.parametrize("gold_path", _gold_cases(), ids=lambda p: p.stem)
def test_own_layouts_match_their_gold_exactly(gold_path: Path) -> None:
    doc_path = next(p for p in LAYOUTS.glob(gold_path.stem + ".*") if p.suffix != ".json")
    found = prose_indicators.extract(read_document(doc_path)).indicators
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["indicators"]
    unused = list(found)
    for g in gold:
        match = next((p for p in unused if _similar(g["name"], p.name)), None)
        assert match is not None, f"missed {g['name']!r} in {[p.name for p in found]}"
        unused.remove(match)
        assert _target_ok(g, match), f"{g['name']!r}: got {match.target_text!r}"
        assert match.comparator == g["comparator"], g["name"]
        if g.get("responsible"):
            assert match.responsible == g["responsible"]
        assert match.source_ref.startswith("line ")
    # nothing from the evaluation, task or organisation sections
    assert unused == [], [p.name for p in unused]


def test_sample_with_numbered_items_under_group_headings() -> None:
    found = prose_indicators.extract(read_document(SAMPLES / "001_27f7fec24761f517.txt")).indicators
    by_name = {fold(i.name): i for i in found}
    income = by_name[fold("Thu nhập bình quân đầu người")]
    assert (income.target_value, income.unit, income.no) == (95, "triệu đồng/người/năm", "(1)")
    assert income.group == "Về kinh tế"
    growth = by_name[fold("Tốc độ tăng dân số bình quân hằng năm")]
    assert (growth.target_value, growth.comparator) == (0.9, "<")
    assert len(found) >= 27


def test_item_with_two_targets_gives_two_indicators() -> None:
    stated = parse_item(
        "Tỷ lệ gia đình đạt danh hiệu gia đình văn hóa: từ 94% trở lên; "
        "tỷ lệ tổ dân phố đạt danh hiệu văn hóa: từ 88% trở lên."
    )
    assert [(s.name, s.target.value, s.target.comparator) for s in stated if s.target] == [
        ("Tỷ lệ gia đình đạt danh hiệu gia đình văn hóa", 94, ">="),
        ("Tỷ lệ tổ dân phố đạt danh hiệu văn hóa", 88, ">="),
    ]


def test_composite_item_has_a_parent_and_children() -> None:
    stated = parse_item(
        "Cơ cấu kinh tế chuyển dịch theo hướng: Xây dựng: 42,43%; dịch vụ: 27,14%; nông nghiệp: 6,53%."
    )
    assert len(stated) == 1 and stated[0].target is None
    assert [(c.name, c.target.value) for c in stated[0].children] == [
        ("Xây dựng", 42.43),
        ("Dịch vụ", 27.14),
        ("Nông nghiệp", 6.53),
    ]


def test_status_items_and_task_sentences() -> None:
    stated = parse_item(
        "Giữ vững danh hiệu trường đạt chuẩn Quốc gia. Chỉ đạo các trường chuẩn bị tốt các tiêu chí để thẩm định lại."
    )
    assert [(s.name, s.target.text, s.target.comparator) for s in stated] == [
        ("Giữ vững danh hiệu trường đạt chuẩn Quốc gia", "Giữ vững", "status")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tỷ lệ trẻ em dưới 5 tuổi được tiêm chủng",
        "Thực hiện Quyết định số 109/QĐ-UBND ngày 05/01/2024 của UBND thành phố",
        "Trường đạt chuẩn quốc gia mức độ 2 trong năm 2024",
        "Phòng chống dịch COVID-19 giai đoạn 2026 - 2030",
    ],
)
def test_numbers_that_belong_to_names_are_not_targets(sentence: str) -> None:
    assert find_targets(sentence) == []


def test_figure_comparators_and_ranges() -> None:
    cases = {
        "đạt từ 15-20%": (15, "range", 20),
        "dưới : 0,9%": (0.9, "<", None),
        "không thấp hơn 60% tổng chi": (60, ">=", None),
        "đạt 1.900 tấn": (1900, "=", None),
        "giảm 04/08 hộ nghèo": (4, "=", None),
        "đạt 11% trở lên": (11, ">=", None),
    }
    for text, expected in cases.items():
        t = find_targets(text)[-1].target
        assert (t.value, t.comparator, t.max_value) == expected, text


def test_target_section_ends_at_the_next_heading_of_its_level() -> None:
    doc = _doc_of(
        "2. Các chỉ tiêu chủ yếu\n- Tỷ lệ hộ nghèo dưới 1%;\n3. Nhiệm vụ và giải pháp\n"
        "- Phấn đấu tỷ lệ tham gia bảo hiểm y tế đạt 95%;\n"
    )
    names = [i.name for i in prose_indicators.extract(doc).indicators]
    assert names == ["Tỷ lệ hộ nghèo"]


def test_legal_basis_under_a_targets_heading_is_ignored() -> None:
    doc = _doc_of(
        "II. CÁC CHỈ TIÊU CHỦ YẾU\nCăn cứ Nghị quyết số 15/NQ-HĐND, tỷ lệ chi thường xuyên 40%;\n"
        "1. Tỷ lệ lao động qua đào tạo: 70%.\n"
    )
    assert [i.name for i in prose_indicators.extract(doc).indicators] == ["Tỷ lệ lao động qua đào tạo"]


def test_paragraphs_split_numbered_heading_without_space_and_join_figure_after_colon() -> None:
    doc = _doc_of(
        "2.Các chỉ tiêu chủ yếu\nThực hiện Quyết định của UBND thành phố.\n"
        "- Thu ngân sách địa phương:\n6.645 triệu đồng; chi ngân sách: 6.645 triệu đồng.\n"
    )
    texts = [p.text for p in paragraphs(doc)]
    assert texts[0] == "2.Các chỉ tiêu chủ yếu"
    assert texts[-1] == "- Thu ngân sách địa phương: 6.645 triệu đồng; chi ngân sách: 6.645 triệu đồng."


def test_party_fields_inside_an_item_go_to_its_indicators() -> None:
    doc = _doc_of(
        "2. Chỉ tiêu chủ yếu\n"
        "a) Tỷ lệ hộ nghèo dưới 2% (Phụ trách: Công chức LĐ-TBXH; Phối hợp: MTTQ xã).\n"
        "b) Chỉ tiêu 2: Tỷ lệ lao động qua đào tạo đạt 70%.\n"
    )
    found = prose_indicators.extract(doc).indicators
    assert [(i.name, i.target_value, i.responsible, i.coordinating) for i in found] == [
        ("Tỷ lệ hộ nghèo", 2, "Công chức LĐ-TBXH", "MTTQ xã"),
        ("Tỷ lệ lao động qua đào tạo", 70, None, None),
    ]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("2. Các chỉ tiêu chủ yếu (28 chỉ tiêu)", "target"),
        ("II. MỤC TIÊU, CHỈ TIÊU VÀ NHIỆM VỤ NĂM 2025", "target"),
        ("2.3. Giải pháp thực hiện các chỉ tiêu", "other"),
        ("Biểu số 02: Kết quả thực hiện các chỉ tiêu năm 2023", "other"),
        ("1. Mục tiêu tổng quát", "other"),
        ("b) Về văn hóa - xã hội", "neutral"),
    ],
)
def test_heading_kinds(heading: str, kind: str) -> None:
    assert heading_kind(heading) == kind


def test_plan_wide_figures_are_not_indicators() -> None:
    doc = _doc_of(
        "II. CHỈ TIÊU NĂM 2024\nPhấn đấu hoàn thành vượt mức 50% các chỉ tiêu được giao.\n- Tỷ lệ hộ nghèo: 1%.\n"
    )
    assert [i.name for i in prose_indicators.extract(doc).indicators] == ["Tỷ lệ hộ nghèo"]


def test_task_sentence_with_a_figure_is_not_an_indicator_but_a_labelled_one_is() -> None:
    assert parse_item("Tăng cường công tác tuyên truyền, vận động nhân dân, phấn đấu đạt 95%.") == []
    stated = parse_item("Huy động nội lực trong nhân dân: 2 tỷ đồng")
    assert [(s.name, s.target.value) for s in stated] == [("Huy động nội lực trong nhân dân", 2)]


def test_list_flattened_with_dotted_numbers() -> None:
    doc = _doc_of(
        "2. Mục tiêu cụ thể\nCác chỉ tiêu chủ yếu: 1. Thu nhập bình quân đầu người đạt 70 triệu đồng. "
        "2. Tỷ lệ hộ nghèo dưới 2%. 3. Tỷ lệ tham gia bảo hiểm y tế đạt 95%.\n"
    )
    found = prose_indicators.extract(doc).indicators
    assert [(i.no, i.name, i.target_value) for i in found] == [
        ("1", "Thu nhập bình quân đầu người", 70),
        ("2", "Tỷ lệ hộ nghèo", 2),
        ("3", "Tỷ lệ tham gia bảo hiểm y tế", 95),
    ]


def test_results_already_reached_are_not_targets() -> None:
    doc = _doc_of(
        "2. Các chỉ tiêu chủ yếu\nNăm 2024 tổng giá trị sản xuất ước đạt 950 tỷ đồng.\n"
        "- Tổng giá trị sản xuất năm 2025 đạt 1.050 tỷ đồng, tăng 10,5% so với cùng kỳ.\n"
    )
    found = prose_indicators.extract(doc).indicators
    assert [(i.name, i.target_value) for i in found] == [("Tổng giá trị sản xuất năm 2025", 1050)]


def test_rows_of_a_space_laid_table_are_left_to_the_table_extractors() -> None:
    doc = _doc_of(
        "BIỂU CHỈ TIÊU NĂM 2025\n3 Tỷ lệ hộ nghèo   %   2,5   3   Công chức LĐTBXH\n"
        "- Tỷ lệ lao động qua đào tạo đạt 70%.\n"
    )
    assert [i.name for i in prose_indicators.extract(doc).indicators] == ["Tỷ lệ lao động qua đào tạo"]


def test_names_keep_words_that_only_look_like_verbs() -> None:
    assert [s.name for s in parse_item("Tổng giá trị sản xuất gia tăng: 971 tỷ đồng")] == [
        "Tổng giá trị sản xuất gia tăng"
    ]
    assert [s.name for s in parse_item("Giảm tỷ lệ sinh con thứ 3 trở lên xuống dưới 14%")] == [
        "Giảm tỷ lệ sinh con thứ 3 trở lên"
    ]


def test_record_without_a_target_field_reads_the_figure_from_its_name() -> None:
    doc = _doc_of(
        "- Chỉ tiêu: Tỷ lệ hộ nghèo dưới 2%; Phụ trách: Công chức LĐ-TBXH\n"
        "- Chỉ tiêu: Giữ vững xã đạt chuẩn nông thôn mới; Phụ trách: Công chức Nông nghiệp\n"
    )
    found = prose_indicators.extract(doc).indicators
    assert [(i.name, i.target_text, i.comparator, i.responsible) for i in found] == [
        ("Tỷ lệ hộ nghèo", "dưới 2%", "<", "Công chức LĐ-TBXH"),
        ("Giữ vững xã đạt chuẩn nông thôn mới", "Giữ vững", "status", "Công chức Nông nghiệp"),
    ]


def test_item_marker_alone_on_its_line_joins_its_text() -> None:
    doc = _doc_of(
        "2. Các chỉ tiêu chủ yếu\n\n1.\n\nThu nhập bình quân đầu người đạt 70 triệu đồng.\n\n(2)\nTỷ lệ hộ nghèo dưới 2%.\n"
    )
    found = prose_indicators.extract(doc).indicators
    assert [(i.no, i.name, i.target_value) for i in found] == [
        ("1", "Thu nhập bình quân đầu người", 70),
        ("(2)", "Tỷ lệ hộ nghèo", 2),
    ]


def test_heading_with_a_count_of_targets_opens_the_section() -> None:
    doc = _doc_of(
        "I. CÁC CHỈ TIÊU CHỦ YẾU: 15 CHỈ TIÊU\nTỔNG GIÁ TRỊ SẢN XUẤT ĐẠT 500 TỶ ĐỒNG\n- Tỷ lệ hộ nghèo dưới 2%.\n"
    )
    found = prose_indicators.extract(doc).indicators
    assert [(i.target_value, i.group) for i in found] == [
        (500, "Các chỉ tiêu chủ yếu"),
        (2, "Các chỉ tiêu chủ yếu"),
    ]


def test_counts_after_a_colon_become_children_named_by_what_they_count() -> None:
    stated = parse_item("Số khu dân cư, đơn vị đạt tiêu chí kiểu mẫu: 02 khu dân cư và 01 trường THCS")
    assert stated[0].name == "Số khu dân cư, đơn vị đạt tiêu chí kiểu mẫu" and stated[0].target is None
    assert [(c.name, c.target.value) for c in stated[0].children] == [("Khu dân cư", 2), ("Trường THCS", 1)]
    stated = parse_item("Tổng đàn gia súc: 5.000 con trâu bò, 20.000 con gia cầm")
    assert [(c.name, c.target.value) for c in stated[0].children] == [("Trâu bò", 5000), ("Gia cầm", 20000)]


def test_lettered_flattened_list_with_vietnamese_letters() -> None:
    """'a) … đ) … e)': the Vietnamese alphabet has đ after d and no f."""
    from knowledge.extract.prose_indicators import _increasing

    assert _increasing(["a", "b", "c", "d", "đ", "e", "g"])
    assert not _increasing(["a", "c"])
    assert not _increasing(["a)", "b)"])


def test_heading_names_the_record_of_the_field_lines_under_it(tmp_path: Path) -> None:
    """'#### 2. Name' then '- **Đơn vị tính:** …' lines: last year's result is neither name nor target."""
    path = tmp_path / "plan.md"
    path.write_text(
        "## 2. Chỉ tiêu giao\n#### 2.1. Số hộ sử dụng nước sạch\n- **Đơn vị tính:** hộ\n"
        "- **Thực hiện năm 2025:** 1.120\n- **Kế hoạch năm 2026:** 1.300\n- **Cơ quan chủ trì:** Công chức Xây dựng\n"
        "#### 2.2. Tỷ lệ chất thải rắn được thu gom\n- **Ước thực hiện năm 2025:** 80\n"
        "- **Mục tiêu:** trên 85%\n",
        encoding="utf-8",
    )
    found = prose_indicators.extract(read_document(path)).indicators
    assert [(i.name, i.target_value, i.comparator, i.responsible) for i in found] == [
        ("Số hộ sử dụng nước sạch", 1300, "=", "Công chức Xây dựng"),
        ("Tỷ lệ chất thải rắn được thu gom", 85, ">", None),
    ]


def test_unmarked_items_after_a_list_lead_are_indicators() -> None:
    doc = _doc_of(
        "II. MỤC TIÊU, CHỈ TIÊU\n"
        "Các mục tiêu chính năm 2026 bao gồm: tổng vốn đầu tư toàn xã hội 310 tỷ đồng; "
        "tỷ lệ hộ dùng nước sạch 98%; bê tông hóa 4 km đường nội đồng.\n"
    )
    found = prose_indicators.extract(doc).indicators
    assert [(i.name, i.target_value, i.parent_key) for i in found] == [
        ("Tổng vốn đầu tư toàn xã hội", 310, None),
        ("Tỷ lệ hộ dùng nước sạch", 98, None),
        ("Bê tông hóa đường nội đồng", 4, None),
    ]


def test_a_new_measure_after_a_comma_or_and_is_cut_off() -> None:
    stated = parse_item("trồng mới 12 ha rừng sản xuất, nâng độ che phủ rừng lên 47%")
    assert [(s.name, s.target.value) for s in stated] == [
        ("Trồng mới rừng sản xuất", 12),
        ("Độ che phủ rừng", 47),
    ]
    stated = parse_item("có 85% trẻ em đến trường đúng độ tuổi và 100% trường có nhà vệ sinh đạt chuẩn")
    assert [(s.name, s.target.value) for s in stated] == [
        ("Trẻ em đến trường đúng độ tuổi", 85),
        ("Trường có nhà vệ sinh đạt chuẩn", 100),
    ]


def test_lead_ins_and_the_striving_subject_are_not_part_of_names() -> None:
    stated = parse_item(
        "Bên cạnh đó, năm 2026 thị trấn Đông Sơn phấn đấu tổng thu ngân sách đạt 9,2 tỷ đồng."
    )
    assert [(s.name, s.target.value) for s in stated] == [("Tổng thu ngân sách", 9.2)]
    stated = parse_item("Về an ninh trật tự, xã hoàn thành 100% chỉ tiêu tuyển quân.")
    assert [s.name for s in stated] == ["Hoàn thành chỉ tiêu tuyển quân"]
    # the locality that is itself measured keeps its name
    assert [s.name for s in parse_item("Xã đạt chuẩn an toàn thực phẩm: Giữ vững")] == [
        "Xã đạt chuẩn an toàn thực phẩm"
    ]


def test_a_reference_stays_out_but_a_lead_in_opens_a_sentence_of_targets() -> None:
    doc = _doc_of(
        "Theo Kế hoạch số 20/KH-UBND của UBND huyện, tỷ lệ che phủ rừng phấn đấu đạt 40%.\n\n"
        "Theo Nghị quyết, năm 2026 xã phấn đấu tỷ lệ hộ nghèo giảm còn 1,5%.\n"
    )
    assert [(i.name, i.target_value) for i in prose_indicators.extract(doc).indicators] == [
        ("Tỷ lệ hộ nghèo", 1.5)
    ]


def test_a_count_of_the_plans_targets_is_not_an_indicator() -> None:
    doc = _doc_of(
        "Năm 2026, thị trấn đề ra 16 chỉ tiêu chủ yếu; phấn đấu tỷ lệ lao động có việc làm đạt 96%.\n"
    )
    assert [i.name for i in prose_indicators.extract(doc).indicators] == ["Tỷ lệ lao động có việc làm"]


def test_parties_named_after_an_item_or_in_a_sentence_of_their_own() -> None:
    doc = _doc_of(
        "2. Chỉ tiêu chủ yếu\n"
        "- Tổng thu ngân sách xã: 8.400 triệu đồng (Công chức Tài chính chủ trì).\n"
        "- Tỷ lệ trẻ em được tiêm chủng đầy đủ đạt 97%.\n"
        "- Diện tích ngô vụ Đông đạt 120 ha.\n"
        "- Tỷ lệ thôn đạt chuẩn văn hóa 90%.\n\n"
        "Phân công: Trạm Y tế xã chịu trách nhiệm chỉ tiêu tiêm chủng; giao Công chức Nông nghiệp "
        "theo dõi các chỉ tiêu sản xuất nông nghiệp.\n"
    )
    found = {i.name: i.responsible for i in prose_indicators.extract(doc).indicators}
    assert found == {
        "Tổng thu ngân sách xã": "Công chức Tài chính",
        "Tỷ lệ trẻ em được tiêm chủng đầy đủ": "Trạm Y tế xã",
        "Diện tích ngô vụ Đông": "Công chức Nông nghiệp",  # a crop: the agriculture field
        "Tỷ lệ thôn đạt chuẩn văn hóa": None,
    }


def test_a_figure_then_a_full_stop_ends_the_sentence() -> None:
    stated = parse_item(
        "có thêm 02 trường đạt chuẩn mức độ 2. Về môi trường, xã trồng mới 5 ha rừng phòng hộ."
    )
    assert [(s.name, s.target.value) for s in stated] == [
        ("Trường đạt chuẩn mức độ 2", 2),
        ("Trồng mới rừng phòng hộ", 5),
    ]


def test_the_level_a_reduction_leads_to_is_the_target() -> None:
    stated = parse_item("Tỷ lệ trẻ suy dinh dưỡng: giảm 1,2%, xuống còn dưới 8%")
    assert [(s.name, s.target.text, s.target.comparator, s.extra) for s in stated] == [
        ("Tỷ lệ trẻ suy dinh dưỡng", "dưới 8%", "<", ["1,2%"])
    ]


def test_a_figure_relative_to_the_budget_or_quota() -> None:
    stated = parse_item("Thu ngân sách xã: không dưới dự toán được giao (6.300 triệu đồng)")
    assert [(s.name, s.target.value, s.target.comparator) for s in stated] == [
        ("Thu ngân sách xã", 6300, ">=")
    ]
    # a share of the assigned quota keeps the short name; a share of the budget is no indicator of its own
    assert [s.name for s in parse_item("Tuyển quân: đạt 100% chỉ tiêu tỉnh giao")] == ["Tuyển quân"]
    stated = parse_item("Tổng chi ngân sách 9 tỷ đồng, phấn đấu vượt 5% dự toán huyện giao")
    assert [(s.name, s.target.value, s.extra) for s in stated] == [
        ("Tổng chi ngân sách", 9, ["phấn đấu vượt 5% dự toán huyện giao"])
    ]


def test_a_count_of_what_is_covered_is_no_target() -> None:
    stated = parse_item("Kéo giảm số vụ cháy nổ trên cả 2 địa bàn trọng điểm")
    assert [(s.target.text, s.target.comparator) for s in stated] == [("Kéo giảm", "status")]


def test_a_general_goal_with_its_text_on_the_heading_line_is_no_item() -> None:
    doc = _doc_of(
        "II. MỤC TIÊU VÀ CHỈ TIÊU\n1. Mục tiêu chung: Phát triển du lịch sinh thái; giữ vững an ninh chính trị.\n"
        "2. Chỉ tiêu cụ thể:\n- Diện tích nuôi tôm cả năm 340 ha.\n- Giữ vững xã đạt chuẩn an toàn giao thông.\n"
    )
    found = prose_indicators.extract(doc).indicators
    assert [(i.name, i.target_text) for i in found] == [
        ("Diện tích nuôi tôm cả năm", "340 ha"),
        ("Giữ vững xã đạt chuẩn an toàn giao thông", "Giữ vững"),
    ]


def test_time_and_field_lead_ins_and_the_owning_locality_leave_the_name() -> None:
    stated = parse_item(
        "Mục tiêu đến cuối năm 2026, thu nhập bình quân đầu người của xã đạt 72 triệu đồng. "
        "Đối với lĩnh vực y tế, xã phấn đấu tỷ lệ người dân tham gia bảo hiểm y tế đạt trên 94%"
    )
    assert [s.name for s in stated] == [
        "Thu nhập bình quân đầu người",
        "Tỷ lệ người dân tham gia bảo hiểm y tế",
    ]
    assert [s.name for s in parse_item("lao động có chứng chỉ 35%")] == ["Lao động có chứng chỉ"]


def test_a_party_given_this_target_takes_the_one_stated_just_before() -> None:
    doc = _doc_of(
        "Năm 2026, phường phấn đấu tỷ lệ hộ gia đình văn hóa đạt 93%; tỷ lệ chất thải rắn được thu gom đạt 98%, "
        "Tổ dân phố được giao chủ trì thực hiện chỉ tiêu này.\n"
    )
    found = {i.name: i.responsible for i in prose_indicators.extract(doc).indicators}
    assert found == {
        "Tỷ lệ hộ gia đình văn hóa": None,
        "Tỷ lệ chất thải rắn được thu gom": "Tổ dân phố",
    }


def test_last_years_value_and_the_plans_value_after_a_name() -> None:
    stated = parse_item("Số hộ dùng điện an toàn: năm 2025 thực hiện 1.240 hộ; năm 2026 phấn đấu 1.300 hộ.")
    assert [(s.name, s.target.value, s.extra) for s in stated] == [
        ("Số hộ dùng điện an toàn", 1300, ["Số hộ dùng điện an toàn: năm 2025 thực hiện 1.240 hộ"])
    ]
    stated = parse_item("Sản lượng cá: ước thực hiện năm 2025 đạt 410 tấn, kế hoạch năm 2026 đạt 450 tấn")
    assert [(s.name, s.target.value) for s in stated] == [("Sản lượng cá", 450)]
    stated = parse_item("Độ che phủ rừng duy trì ổn định ở mức 43%")
    assert [s.name for s in stated] == ["Độ che phủ rừng"]


def test_a_news_headline_without_a_date_line_ends_at_the_opening() -> None:
    doc = _doc_of(
        "Phường Đông Lâm phấn đấu tỷ lệ hộ nghèo còn 0,8%\n\n"
        "(Báo Thanh Hóa) - Chiều 6/1, UBND phường Đông Lâm tổ chức hội nghị triển khai nhiệm vụ năm 2026.\n\n"
        "Năm 2026, phường phấn đấu tỷ lệ hộ nghèo còn 0,8%; tỷ lệ tham gia bảo hiểm y tế đạt 96%.\n"
    )
    found = prose_indicators.extract(doc).indicators
    assert [(i.name, i.target_value, i.source_ref) for i in found] == [
        ("Tỷ lệ hộ nghèo", 0.8, "line 5"),
        ("Tỷ lệ tham gia bảo hiểm y tế", 96, "line 5"),
    ]


def test_parties_assigned_by_indicator_number_ranges_and_passive_lists() -> None:
    from knowledge.extract import number_assignments

    doc = read_document(LAYOUTS / "numbers_assigned_phuong_tan_hung.txt")
    indicators = prose_indicators.extract(doc).indicators
    number_assignments.apply(doc, indicators)
    by_no = {ind.no: ind for ind in indicators}
    assert len(by_no) == 6
    for no in ("(1)", "(2)", "(3)"):  # 'Các chỉ tiêu từ 1 đến 3: X chủ trì tham mưu, Đ/c Y … phụ trách'
        assert by_no[no].responsible == "Bộ phận Tài chính - Kế toán"
        assert by_no[no].leader == "Đ/c Hồ Văn Nam, Phó Chủ tịch UBND phường"
    assert by_no["(4)"].responsible == by_no["(5)"].responsible == "Công chức Văn hóa - Xã hội"
    assert by_no["(4)"].coordinating == "Trạm Y tế phường"
    assert by_no["(5)"].coordinating is None
    assert by_no["(6)"].responsible == "Công chức Địa chính - Xây dựng"
    assert {by_no[n].leader for n in ("(4)", "(5)", "(6)")} == {
        "Đồng chí Lê Thị Mai, Phó Chủ tịch UBND phường"
    }


def test_a_verb_without_a_list_covers_the_numbers_of_the_clause_before() -> None:
    from knowledge.extract.number_assignments import extract, parse_numbers

    doc = _doc_of(
        "2. Chủ tịch UBND xã trực tiếp chỉ đạo chỉ tiêu số 4 và số 11; Văn phòng UBND xã theo dõi, tổng hợp.\n"
        "3. Giao Công an xã chủ trì, phối hợp với các đoàn thể tuyên truyền về an ninh trật tự.\n"
        "4. Phòng Kinh tế chủ trì thực hiện chỉ tiêu 95% hộ dân dùng nước sạch."
    )
    found = [(a.field, a.party, a.numbers) for a in extract(doc)]
    # 'theo dõi, tổng hợp' has a word after its comma: no longer a bare verb closing the clause
    assert ("leader", "Chủ tịch UBND xã", [4, 11]) in found
    assert all(a[1] != "Công an xã" for a in found)  # no number anywhere in that item
    assert all(a[1] != "Phòng Kinh tế" for a in found)  # '95%' is a figure, not an indicator number
    assert parse_numbers("1, 2, 3 và 10") == [1, 2, 3, 10]
    assert parse_numbers("từ 5 đến 8 và chỉ tiêu số 12") == [5, 6, 7, 8, 12]
    assert parse_numbers("1-3, 2") == [1, 2, 3]


def test_an_assignment_by_number_leaves_a_party_already_stated_and_skips_ambiguous_numbers() -> None:
    from knowledge.extract.number_assignments import apply

    doc = _doc_of(
        "Đồng chí Trần Văn Bình, Chủ tịch UBND xã chỉ đạo các chỉ tiêu số 1, 2; Công chức Tư pháp chủ trì."
    )
    inds = [
        Indicator(key="a", name="Tỷ lệ hộ nghèo", no="1", leader="Phó Chủ tịch Nguyễn Văn C"),
        Indicator(key="b", name="Tỷ lệ hòa giải thành", no="2"),
        Indicator(key="c", name="Thu ngân sách", no="2"),
    ]
    apply(doc, inds)
    assert inds[0].leader == "Phó Chủ tịch Nguyễn Văn C"
    assert inds[0].responsible == "Công chức Tư pháp"
    assert inds[1].responsible is None and inds[2].leader is None


@pytest.mark.parametrize(
    ("item", "name", "value", "comparator"),
    [
        ("- Số buôn đạt danh hiệu buôn văn hóa: 9/12 buôn.", "Số buôn đạt danh hiệu buôn văn hóa", 9, "="),
        ("3. Số khóm đạt chuẩn văn minh đô thị: 5/7 khóm", "Số khóm đạt chuẩn văn minh đô thị", 5, "="),
        ("Tuyển quân: hoàn thành 100% kế hoạch cấp trên giao.", "Tuyển quân", 100, "="),
        ("Công tác tuyển quân: đạt 100% chỉ tiêu trên giao", "Công tác tuyển quân", 100, "="),
        (
            "Tổng thu ngân sách: đạt hoặc vượt dự toán huyện giao (15.200 triệu đồng).",
            "Tổng thu ngân sách",
            15200,
            ">=",
        ),
        ("Thu ngân sách trên địa bàn đạt và vượt 9.500 triệu đồng", "Thu ngân sách trên địa bàn", 9500, ">="),
    ],
)
def test_a_name_then_its_value_after_a_colon(item: str, name: str, value: float, comparator: str) -> None:
    from knowledge.extract.prose_items import strip_marker

    stated = parse_item(strip_marker(item)[1])
    assert [s.name for s in stated] == [name]
    assert stated[0].target is not None
    assert stated[0].target.value == value and stated[0].target.comparator == comparator


def test_a_share_counts_but_a_day_and_month_do_not() -> None:
    assert [f.target.text for f in find_targets("có 4/6 ấp đạt chuẩn")] == ["4/6 ấp"]
    assert find_targets("chào mừng 30/4 và 1/5 năm 2026") == []


def test_markdown_list_with_lettered_groups_bracketed_units_and_a_trong_do_line(tmp_path: Path) -> None:
    f = tmp_path / "kh.md"
    f.write_text(
        "### 2. Chỉ tiêu phát triển năm 2027\n\n"
        "**A. Nông nghiệp**\n\n"
        "1. Sản lượng cà phê nhân: **4.800 tấn** _(Trạm Khuyến nông xã)_\n"
        "    - Trong đó: cà phê chất lượng cao: **1.200 tấn**\n"
        "2. Diện tích tái canh: **85 ha** *(Phòng Nông nghiệp)*\n\n"
        "**B. Xã hội**\n\n"
        "3. Tỷ lệ hộ nghèo (theo chuẩn mới): **dưới 4,5%** _(Đ/c Hoàng Thu - Công chức LĐTBXH)_\n"
        "4. Số thôn đạt chuẩn văn hóa: **7/9 thôn** _(Ban Văn hóa xã)_\n"
        "5. Tỷ lệ học sinh đi học đúng độ tuổi: **99%** (theo kế hoạch ngành)\n\n"
        "### 3. Nhiệm vụ trọng tâm\n\n"
        "1. Trồng 20 ha cà phê mới (Phòng Nông nghiệp)\n",
        encoding="utf-8",
    )
    inds = prose_indicators.extract(read_document(f)).indicators
    got = {i.name: i for i in inds}
    assert len(inds) == 6, [i.name for i in inds]
    coffee = got["Sản lượng cà phê nhân"]
    assert (coffee.target_value, coffee.responsible, coffee.group) == (
        4800,
        "Trạm Khuyến nông xã",
        "Nông nghiệp",
    )
    part = got["Cà phê chất lượng cao"]  # named by its own words, as the sample gold names parts
    assert (part.target_value, part.parent_key, part.no) == (1200, coffee.key, "")
    assert part.responsible == "Trạm Khuyến nông xã"  # the part takes its indicator's party
    assert got["Diện tích tái canh"].responsible == "Phòng Nông nghiệp"
    poor = next(i for i in inds if i.name.startswith("Tỷ lệ hộ nghèo"))
    assert (poor.target_value, poor.comparator) == (4.5, "<")
    assert poor.responsible == "Đ/c Hoàng Thu - Công chức LĐTBXH" and poor.group == "Xã hội"
    assert got["Số thôn đạt chuẩn văn hóa"].responsible == "Ban Văn hóa xã"
    assert got["Tỷ lệ học sinh đi học đúng độ tuổi"].responsible is None  # an aside, not a unit


def test_a_lettered_group_under_a_targets_heading_does_not_close_it() -> None:
    doc = _doc_of(
        "II. CHỈ TIÊU CHỦ YẾU\n"
        "A. Lĩnh vực kinh tế\n"
        "1. Tổng giá trị sản xuất: 640 tỷ đồng.\n"
        "B. Lĩnh vực xã hội\n"
        "2. Tỷ lệ trẻ em suy dinh dưỡng: dưới 9%.\n"
        "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
        "1. Phấn đấu trồng mới 30 ha rừng.\n"
    )
    inds = prose_indicators.extract(doc).indicators
    assert [(i.no, i.group) for i in inds] == [("1", "Lĩnh vực kinh tế"), ("2", "Lĩnh vực xã hội")]


def test_units_given_whole_fields_reach_the_indicators_of_those_groups() -> None:
    doc = _doc_of(
        "II. CHỈ TIÊU CHỦ YẾU NĂM 2027\n\n"
        "Lĩnh vực kinh tế: giá trị sản xuất nông nghiệp tăng 5,5%; sản lượng lương thực đạt 9.800 tấn.\n\n"
        "Lĩnh vực xã hội: tỷ lệ hộ nghèo còn dưới 2%; tỷ lệ người dân tham gia bảo hiểm y tế đạt 95%; "
        "tỷ suất sinh giảm 0,2‰; 8/9 thôn đạt chuẩn văn hóa.\n\n"
        "Lĩnh vực quốc phòng - an ninh: hoàn thành 100% chỉ tiêu tuyển quân.\n\n"
        "III. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Công chức Kế toán - Tài chính: tham mưu, theo dõi thực hiện các chỉ tiêu về kinh tế.\n\n"
        "2. Công chức Văn hóa - Xã hội chủ trì các chỉ tiêu về xã hội (trừ chỉ tiêu về y tế, dân số).\n\n"
        "3. Trạm Y tế: chủ trì thực hiện các chỉ tiêu bảo hiểm y tế và dân số.\n\n"
        "4. Ban Chỉ huy Quân sự chịu trách nhiệm chỉ tiêu tuyển quân.\n"
    )
    found = {(i.group, i.name): i.responsible for i in prose_indicators.extract(doc).indicators}
    assert found == {
        ("Lĩnh vực kinh tế", "Giá trị sản xuất nông nghiệp"): "Công chức Kế toán - Tài chính",
        ("Lĩnh vực kinh tế", "Sản lượng lương thực"): "Công chức Kế toán - Tài chính",
        ("Lĩnh vực xã hội", "Tỷ lệ hộ nghèo"): "Công chức Văn hóa - Xã hội",
        ("Lĩnh vực xã hội", "Tỷ lệ người dân tham gia bảo hiểm y tế"): "Trạm Y tế",
        ("Lĩnh vực xã hội", "Tỷ suất sinh"): "Trạm Y tế",  # 'dân số' is the field of births
        ("Lĩnh vực xã hội", "Thôn đạt chuẩn văn hóa"): "Công chức Văn hóa - Xã hội",
        # the figure closes the verb, the name goes on after it
        ("Lĩnh vực quốc phòng - an ninh", "Hoàn thành chỉ tiêu tuyển quân"): "Ban Chỉ huy Quân sự",
    }


def test_a_field_left_out_of_a_unit_and_given_to_nobody_stays_empty() -> None:
    doc = _doc_of(
        "2. Các chỉ tiêu chủ yếu\n\n"
        "Về văn hóa - xã hội: tỷ lệ hộ dân có nhà ở kiên cố đạt 90%; 100% trẻ em dưới 1 tuổi được "
        "tiêm chủng đầy đủ.\n\n"
        "Giao Phòng Văn hóa - Xã hội theo dõi các chỉ tiêu về văn hóa - xã hội (trừ các chỉ tiêu về y tế).\n"
    )
    found = {i.name: i.responsible for i in prose_indicators.extract(doc).indicators}
    assert found["Tỷ lệ hộ dân có nhà ở kiên cố"] == "Phòng Văn hóa - Xã hội"
    assert [r for n, r in found.items() if "tiêm chủng" in n] == [None]


def test_a_trong_do_breakdown_ends_with_its_clause() -> None:
    stated = parse_item(
        "Về nông nghiệp: diện tích gieo trồng 3.100 ha, trong đó ngô 900 ha, đậu tương 150 ha; "
        "sản lượng chè búp tươi đạt 7.800 tấn."
    )
    total, tea = stated
    assert [c.name for c in total.children] == ["Ngô", "Đậu tương"]
    assert (tea.name, tea.children) == ("Sản lượng chè búp tươi", [])


def test_roadmap_lines_of_a_record_are_its_values_by_year() -> None:
    """Each value is said in the indicator's unit, so only its figure is kept ('58', not '58 triệu đồng')."""
    text = (
        "II. CÁC CHỈ TIÊU ĐẾN NĂM 2030\n"
        "Chỉ tiêu 1: Tổng sản lượng lương thực có hạt đạt 9.500 tấn.\n"
        "  - Đơn vị chủ trì: Phòng Kinh tế.\n"
        "  - Lộ trình: năm 2026 đạt 8.100 tấn; đến năm 2028 đạt 8.800 tấn.\n"
        "Chỉ tiêu 2: Tỷ lệ hộ nghèo đa chiều\n"
        "  - Đơn vị chủ trì: Phòng Văn hóa - Xã hội.\n"
        "  - Lộ trình thực hiện: 2026: 3,2%; 2028: 2,4%; 2030: 1,5%\n"
        "Chỉ tiêu 3: Số hợp tác xã hoạt động hiệu quả đạt 12 hợp tác xã.\n"
        "  - Đơn vị chủ trì: Phòng Kinh tế.\n"
        "  - Năm 2026: 8 hợp tác xã\n"
        "  - Giai đoạn 2027-2028: 10 hợp tác xã\n"
    )
    found = prose_indicators.extract(_doc_of(text)).indicators
    got = {i.name: (i.target_text, [(o.source, o.text) for o in i.other_targets]) for i in found}
    assert got == {
        "Tổng sản lượng lương thực có hạt": (
            "9.500 tấn",
            [("năm 2026", "8.100"), ("năm 2028", "8.800")],
        ),
        "Tỷ lệ hộ nghèo đa chiều": (
            "1,5%",
            [("năm 2026", "3,2"), ("năm 2028", "2,4"), ("năm 2030", "1,5")],
        ),
        "Số hợp tác xã hoạt động hiệu quả": (
            "12 hợp tác xã",
            [("năm 2026", "8"), ("giai đoạn 2027-2028", "10")],
        ),
    }


def test_roadmap_lines_under_a_numbered_item() -> None:
    text = (
        "II. CÁC CHỈ TIÊU CHỦ YẾU\n"
        "1. Tỷ lệ trường đạt chuẩn quốc gia đạt 90%.\n"
        "   + Lộ trình: năm 2026 đạt 70%, năm 2028 đạt 80%.\n"
        "2. Tỷ lệ hộ nghèo giảm còn dưới 1,5%.\n"
        "   + Năm 2026: còn 3,2%\n"
        "3. Số km đường giao thông được nhựa hóa đạt 25 km.\n"
    )
    found = prose_indicators.extract(_doc_of(text)).indicators
    got = {i.name: [(o.source, o.text) for o in i.other_targets] for i in found}
    assert got == {
        "Tỷ lệ trường đạt chuẩn quốc gia": [("năm 2026", "70"), ("năm 2028", "80")],
        "Tỷ lệ hộ nghèo": [("năm 2026", "3,2")],
        "Số km đường giao thông được nhựa hóa": [],
    }


def test_item_typed_without_diacritics() -> None:
    """Verbs and 'trong do' are read on their bare forms in an unaccented item."""
    found = parse_item("San luong ca nuoi dat 420 tan, trong do: ca ro phi dat 150 tan.")
    assert [s.name for s in found] == ["San luong ca nuoi"]
    assert [c.name for c in found[0].children] == ["Ca ro phi"]
    (poor,) = parse_item("Ty le ho can ngheo giam con duoi 3%.")
    assert poor.name == "Ty le ho can ngheo"
    assert poor.target is not None and poor.target.text == "duoi 3%"


def test_dash_separated_name_figure_and_unit() -> None:
    """'name — figure — unit': the last part is the party in charge."""
    from knowledge.extract.prose_parties import party_after_item

    body, party = party_after_item("Số trường đạt chuẩn quốc gia – 4 trường – Công chức Văn hóa - Xã hội")
    assert party == "Công chức Văn hóa - Xã hội"
    (item,) = parse_item(body)
    assert item.name == "Số trường đạt chuẩn quốc gia"
    assert party_after_item("Tỷ lệ hộ dùng nước sạch - 99% - Trạm Y tế xã")[1] == "Trạm Y tế xã"
    # a range between two figures is no party
    assert party_after_item("Năng suất lúa 60 - 62 tạ/ha")[1] is None


def test_a_leader_line_under_a_field_heading_leads_its_indicators(tmp_path: Path) -> None:
    f = tmp_path / "kh.md"
    f.write_text(
        "## II. CÁC CHỈ TIÊU CHỦ YẾU\n\n### 1. Kinh tế\n\n"
        "_Lãnh đạo phụ trách: Đ/c Lò Văn Minh - PCT UBND xã_\n\n"
        "- Sản lượng lúa cả năm: 6.300 tấn\n\n### 2. Xã hội\n\n"
        "- Tỷ lệ hộ nghèo: dưới 4%\n",
        encoding="utf-8",
    )
    got = {i.name: i for i in prose_indicators.extract(read_document(f)).indicators}
    assert got["Sản lượng lúa cả năm"].leader == "Đ/c Lò Văn Minh - PCT UBND xã"
    assert got["Tỷ lệ hộ nghèo"].leader is None  # the next field names nobody
