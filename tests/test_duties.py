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
    # the bullet '- Các đồng chí … phụ trách các lĩnh vực: chỉ đạo …' under item 6 is a unit of its own
    assert "Các đồng chí Phó Chủ tịch UBND thị trấn phụ trách các lĩnh vực" in units
    assert len(result) == 8


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


def test_colon_bullets_letter_items_and_responsibility_headings() -> None:
    from knowledge.model import Block, Document

    lines = [
        "III. TỔ CHỨC THỰC HIỆN",
        "a) Trách nhiệm của Văn phòng - Thống kê",
        "Tổng hợp tình hình thực hiện Kế hoạch.",
        "- Công an xã: Đảm bảo an ninh trật tự trên địa bàn.",
        "b) Giao cho Ban Chỉ huy quân sự xã chủ trì công tác tuyển quân.",
    ]
    doc = Document(
        source="t.md", blocks=[Block(kind="line", text=t, line_no=i) for i, t in enumerate(lines, 1)]
    )
    found = {d.unit: d.summary for d in duties.extract(doc)}
    assert found == {
        "Văn phòng - Thống kê": "Tổng hợp tình hình thực hiện Kế hoạch.",
        "Công an xã": "Đảm bảo an ninh trật tự trên địa bàn.",
        "Ban Chỉ huy quân sự xã": "Chủ trì công tác tuyển quân.",
    }


def test_unnumbered_assignment_paragraph_in_the_implementation_part() -> None:
    from knowledge.model import Block, Document

    lines = [
        "III. TỔ CHỨC THỰC HIỆN",
        "Giao công chức Tài chính - Kế toán theo dõi, tổng hợp kết quả.",
        "Trên đây là Kế hoạch.",
    ]
    doc = Document(
        source="t.md", blocks=[Block(kind="line", text=t, line_no=i) for i, t in enumerate(lines, 1)]
    )
    assert [(d.unit, d.summary) for d in duties.extract(doc)] == [
        ("Công chức Tài chính - Kế toán", "Theo dõi, tổng hợp kết quả.")
    ]


def test_leaders_given_whole_fields_are_duties_leaders_given_numbered_indicators_are_not() -> None:
    from knowledge.model import Block, Document

    lines = [
        "Điều 3. Phân công các đồng chí lãnh đạo UBND xã theo dõi, chỉ đạo theo lĩnh vực:",
        "",
        "a) Đồng chí Lò Văn Sơn - Phó Chủ tịch UBND xã: phụ trách lĩnh vực nông nghiệp, giao thông, thủy lợi.",
        "",
        "b) Đồng chí Hà Thị Mai - Phó Chủ tịch UBND xã: phụ trách các chỉ tiêu số 6, 7 và 8.",
    ]
    doc = Document(
        source="t.txt", blocks=[Block(kind="line", text=t, line_no=i) for i, t in enumerate(lines, 1) if t]
    )
    assert [(d.unit, d.summary) for d in duties.extract(doc)] == [
        (
            "Đồng chí Lò Văn Sơn - Phó Chủ tịch UBND xã",
            "Phụ trách lĩnh vực nông nghiệp, giao thông, thủy lợi.",
        )
    ]
