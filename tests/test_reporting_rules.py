"""Reporting rules: sentence finding, one rule per frequency, day, deadline, recipient."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from knowledge.extract import reporting
from knowledge.model import Block, Document
from knowledge.readers import read_document

SAMPLES = Path(__file__).resolve().parent.parent / "knowledge" / "samples"


def _doc(*lines: str) -> Document:
    return Document(
        source="t.md", blocks=[Block(kind="line", text=t, line_no=i) for i, t in enumerate(lines, 1)]
    )


def test_monthly_with_day_and_adhoc_from_one_sentence() -> None:
    doc = _doc(
        "IV. TỔ CHỨC THỰC HIỆN",
        "2. Các bộ phận báo cáo kết quả cho UBND thị trấn trước ngày 25 hằng tháng hoặc đột xuất khi có yêu cầu./.",
    )
    rules = reporting.extract(doc)
    assert [(r.frequency, r.day_of_month) for r in rules] == [("monthly", 25), ("adhoc", None)]
    assert all(r.report_to == "UBND thị trấn" for r in rules)
    assert rules[0].text.startswith("Các bộ phận báo cáo")  # item number stripped
    assert rules[0].source_ref == "line 2"


def test_yearly_deadline_inherits_recipient_of_previous_clause() -> None:
    doc = _doc(
        "III. Tổ chức thực hiện",
        "Giao Văn phòng theo dõi; báo cáo Thường trực UBND xã trước ngày 15 hàng tháng; "
        "báo cáo kết quả cả năm trước ngày 10/12/2025./.",
    )
    rules = reporting.extract(doc)
    assert [r.frequency for r in rules] == ["monthly", "yearly"]
    assert rules[0].text.startswith("Giao Văn phòng theo dõi; báo cáo")
    assert rules[1].deadline_date == date(2025, 12, 10)
    assert rules[1].report_to == "Thường trực UBND xã"


def test_month_quarter_year_list_and_periodic_without_frequency() -> None:
    doc = _doc(
        "C. TỔ CHỨC THỰC HIỆN",
        "1. Các đơn vị xây dựng kế hoạch thực hiện trong từng tháng, quý, năm báo cáo Đảng ủy xã.",
        "2. Văn phòng định kỳ báo cáo UBND huyện.",
    )
    rules = reporting.extract(doc)
    assert [r.frequency for r in rules] == ["monthly", "quarterly", "yearly", None]
    assert rules[0].report_to == "Đảng ủy xã"
    assert rules[3].report_to == "UBND huyện"


def test_outside_the_implementation_part_a_frequency_is_required() -> None:
    doc = _doc(
        "II. NHIỆM VỤ",
        "- Thực hiện nghiêm chế độ thông tin báo cáo hàng tháng.",
        "- Hoàn thành báo cáo sơ kết nửa nhiệm kỳ trong tháng 5/2025.",
        "- Các tổ dân phố hàng quý báo cáo kết quả với UBND phường.",
    )
    rules = reporting.extract(doc)
    assert [(r.frequency, r.report_to) for r in rules] == [("quarterly", "UBND phường")]


def test_no_reporting_day_gives_day_none() -> None:
    rules = reporting.extract(_doc("V. TỔ CHỨC THỰC HIỆN", "Hàng tháng báo cáo Chủ tịch UBND xã."))
    assert [(r.frequency, r.day_of_month) for r in rules] == [("monthly", None)]


def test_sample_rules() -> None:
    rules = reporting.extract(read_document(SAMPLES / "002_1f79fa8eda5e748f.txt"))
    assert [(r.frequency, r.day_of_month) for r in rules] == [
        ("monthly", None),
        ("monthly", 20),
        ("adhoc", None),
    ]
    assert rules[1].report_to == "UBND xã (qua Đ/c Nguyễn Thị Thanh Nhân - Văn phòng – thống kê)"
    rules4 = reporting.extract(read_document(SAMPLES / "004_680e36f5c05cb2c2.txt"))
    assert [(r.frequency, r.day_of_month, r.deadline_date) for r in rules4] == [
        ("monthly", 10, None),
        ("yearly", None, date(2024, 12, 5)),
    ]


def test_recipient_after_gui_comes_from_the_shared_parser() -> None:
    rules = reporting.extract(
        _doc("IV. TỔ CHỨC THỰC HIỆN", "Các tổ dân phố hằng quý lập báo cáo gửi UBND phường.")
    )
    assert [(r.frequency, r.report_to) for r in rules] == [("quarterly", "UBND phường")]


def test_plain_text_table_rows_joined_into_the_paragraph_are_cut_off() -> None:
    doc = _doc(
        "1 Tỷ lệ hộ nghèo   %   2   Đ/c Hà - PCT   Công chức LĐTBXH",
        "2 Tỷ lệ tham gia BHYT   %   95   Đ/c Hà - PCT   Trạm Y tế",
        "Các bộ phận báo cáo kết quả về UBND xã trước ngày 25 hàng tháng.",
    )
    rules = reporting.extract(doc)
    assert [(r.text, r.source_ref) for r in rules] == [
        ("Các bộ phận báo cáo kết quả về UBND xã trước ngày 25 hàng tháng", "line 3")
    ]


def test_quarterly_day_of_the_last_month_and_a_yearly_date_after_a_monthly_rule() -> None:
    doc = _doc(
        "Điều 4. Chế độ thông tin",
        "Các tổ chuyên môn báo cáo kết quả thực hiện về Văn phòng UBND phường trước ngày 20 hằng tháng; báo cáo",
        "tổng kết năm trước ngày 10/12/2026.",
        "V. TỔ CHỨC THỰC HIỆN",
        "1. Định kỳ mỗi quý, vào ngày 12 tháng cuối quý, các bộ phận báo cáo UBND phường.",
    )
    rules = reporting.extract(doc)
    got = [(r.frequency, r.day_of_month, r.deadline_date, r.report_to) for r in rules]
    assert got == [
        ("monthly", 20, None, "Văn phòng UBND phường"),
        (None, None, date(2026, 12, 10), "Văn phòng UBND phường"),
        ("quarterly", 12, None, "UBND phường"),
    ]
    assert rules[0].text.startswith("Các tổ chuyên môn")  # the heading line is not part of the rule
    assert rules[0].source_ref == "line 2"


def test_half_year_report_is_not_yearly_and_the_next_step_is_not_the_recipient() -> None:
    doc = _doc(
        "IV. TỔ CHỨC THỰC HIỆN",
        "Các bộ phận báo cáo về Văn phòng UBND xã trước ngày 25 hằng tháng; báo cáo 6 tháng cuối năm trước "
        "ngày 05/12/2025 để tổng hợp, báo cáo Thường trực Đảng ủy.",
    )
    rules = reporting.extract(doc)
    assert [(r.frequency, r.deadline_date, r.report_to) for r in rules] == [
        ("monthly", None, "Văn phòng UBND xã"),
        (None, date(2025, 12, 5), "Văn phòng UBND xã"),
    ]


def test_a_report_sent_to_a_unit_that_gathers_it_goes_to_that_unit() -> None:
    doc = _doc(
        "V. TỔ CHỨC THỰC HIỆN",
        "1. Các sở, ngành, UBND các xã: định kỳ hằng tháng (trước ngày 16 hằng tháng) báo cáo tình hình "
        "thực hiện Kế hoạch, gửi Sở Công Thương tổng hợp báo cáo Tỉnh ủy, HĐND, UBND tỉnh.",
    )
    rules = reporting.extract(doc)
    assert [(r.frequency, r.day_of_month, r.report_to) for r in rules] == [("monthly", 16, "Sở Công Thương")]
