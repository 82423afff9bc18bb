"""Prose duties per unit: heading and inline forms, clause splits, merging."""

from __future__ import annotations

from pathlib import Path

from knowledge.extract import duties
from knowledge.readers import read_document
from knowledge.text import fold

DATA = Path(__file__).resolve().parent / "data"
SAMPLES = Path(__file__).resolve().parent.parent / "knowledge" / "samples"


def _by_unit() -> dict[str, str]:
    return {d.unit: d.summary for d in duties.extract(read_document(DATA / "meta_duties.md"))}


def test_heading_form_takes_the_paragraphs_below() -> None:
    found = _by_unit()
    summary = found["Công chức Tài chính - Kế toán"]
    assert summary.startswith("Tham mưu bố trí kinh phí thực hiện Kế hoạch.")
    assert "Đội thuế" in summary
    # capitalised words inside a unit's name are not its duty verb
    assert found["Tổ Kiểm tra trật tự đô thị"].startswith("Tăng cường kiểm tra")


def test_one_item_assigning_two_units_clause_by_clause() -> None:
    found = _by_unit()
    assert found["Các đồng chí Phó Chủ tịch UBND thị trấn"].startswith("Chỉ đạo thực hiện lĩnh vực phụ trách")
    assert found["Trưởng các tổ dân phố, Trường học"].startswith("Phân công nhiệm vụ")


def test_units_listed_across_semicolons_stay_one_unit() -> None:
    found = _by_unit()
    unit = "Thủ trưởng các phòng chuyên môn, Ban Quản lý dự án Đầu tư xây dựng thị trấn"
    assert found[unit].startswith("Căn cứ nhiệm vụ được giao")


def test_lead_in_words_stripped_and_request_marked() -> None:
    found = _by_unit()
    assert found["Ủy ban MTTQ và các đoàn thể"].startswith("(Đề nghị) Tuyên truyền")


def test_same_unit_in_two_places_is_merged_and_non_units_ignored() -> None:
    result = duties.extract(read_document(DATA / "meta_duties.md"))
    units = [d.unit for d in result]
    assert units.count("Phòng Kinh tế") == 1
    summary = next(d.summary for d in result if d.unit == "Phòng Kinh tế")
    assert "rà soát quỹ đất công" in summary and "tổng hợp kết quả" in summary
    assert not any(fold(u).startswith(("phat trien", "thuc hien", "tang cuong")) for u in units)
    assert len(result) == 7


def test_sample_duties() -> None:
    result = duties.extract(read_document(SAMPLES / "000_d2f0e62540c5dfe6.txt"))
    units = [d.unit for d in result]
    assert units[:3] == [
        "Bộ phận Tài chính - Kế toán, Đội thuế",
        "Bộ phận Văn hóa - Xã hội",
        "Bộ phận Địa chính - Xây dựng - Môi trường",
    ]
    assert "Ủy ban MTTQ, các đoàn thể, hội đặc thù" in units
    assert len(result) == 13
    assert result[0].source_ref == "line 776"
