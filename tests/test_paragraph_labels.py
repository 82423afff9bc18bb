"""A short label on its own line ('*- Thủy sản*', then a blank line) names the items
below it: it is a paragraph of its own, never the start of the next item's name."""

from __future__ import annotations

from pathlib import Path

from knowledge.extract.lines import paragraphs
from knowledge.extract.prose_items import parse_item
from knowledge.readers import read_document

TEXT = """**2. Mục tiêu cụ thể**

*- Thủy sản*

Hình thành ít nhất 02 vùng
nuôi thủy sản thông minh đạt tiêu chuẩn quốc tế.

*- Du lịch và dịch vụ*

100% điểm đến du lịch trọng
điểm ứng dụng công nghệ số.

- Hỗ trợ doanh nghiệp
chuyển đổi số theo lộ trình.
"""


def test_label_line_is_a_paragraph_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "kh.md"
    path.write_text(TEXT)
    texts = [p.text for p in paragraphs(read_document(path))]
    assert texts == [
        "2. Mục tiêu cụ thể",
        "- Thủy sản",
        "Hình thành ít nhất 02 vùng nuôi thủy sản thông minh đạt tiêu chuẩn quốc tế.",
        "- Du lịch và dịch vụ",
        "100% điểm đến du lịch trọng điểm ứng dụng công nghệ số.",
        "- Hỗ trợ doanh nghiệp chuyển đổi số theo lộ trình.",
    ]


def test_a_count_of_places_or_centres_is_the_target() -> None:
    (zones,) = parse_item("Hình thành ít nhất 02 vùng nuôi thủy sản thông minh đạt tiêu chuẩn quốc tế.")
    assert zones.target is not None
    assert (zones.target.text, zones.target.unit, zones.target.value) == ("ít nhất 02 vùng", "vùng", 2.0)
    assert zones.name == "Hình thành vùng nuôi thủy sản thông minh đạt tiêu chuẩn quốc tế"


def test_emphasis_left_open_ends_with_its_paragraph(tmp_path: Path) -> None:
    """'** Lưu ý …:*' (bold opened, italic closed by a mangled export): the paragraphs after
    the blank line are body text, not headings."""
    path = tmp_path / "kh.md"
    path.write_text(
        "**V. TỔ CHỨC THỰC HIỆN**\n\n** Lưu ý khi bình xét thi\nđua:*\n\n"
        "- Đối với các xã, phường: xét theo điểm.\n\n**1. Sở Y tế**\n\n"
        "a) Chủ trì, phối hợp với các sở triển khai kế hoạch;\n"
    )
    heading = {p.text: p.heading for p in paragraphs(read_document(path))}
    assert heading["V. TỔ CHỨC THỰC HIỆN"] and heading["1. Sở Y tế"]
    assert not heading["- Đối với các xã, phường: xét theo điểm."]
    assert not heading["a) Chủ trì, phối hợp với các sở triển khai kế hoạch;"]


def test_dash_of_a_compound_word_at_a_line_start_is_no_new_item(tmp_path: Path) -> None:
    path = tmp_path / "kh.md"
    path.write_text(
        "b) Chỉ đạo phòng chuyên môn phối hợp tổ chức chính trị\n"
        "- xã hội tại địa phương tuyên truyền, vận động;\n"
        "- Cử chuyên viên hỗ trợ người dân.\n"
    )
    texts = [p.text for p in paragraphs(read_document(path))]
    assert texts == [
        "b) Chỉ đạo phòng chuyên môn phối hợp tổ chức chính trị - xã hội tại địa phương tuyên truyền, vận động;",
        "- Cử chuyên viên hỗ trợ người dân.",
    ]


def test_a_line_of_formulas_in_capitals_goes_on_its_enumeration(tmp_path: Path) -> None:
    """'N-NO3-, P-PO43-, H2S, TSS,' is all capitals but no heading: a comma ends it (and the
    line before it); as a heading it would have held every section after it."""
    path = tmp_path / "kh.md"
    path.write_text(
        "- Mẫu nước trong ao nuôi: Nhiệt độ\n"
        "nước, DO, pH, EC, N-NH4+, N-NO2-,\n"
        "N-NO3-, P-PO43-, H2S, TSS,\n"
        "COD; tần suất quan trắc: 02 đợt/tháng.\n\n"
        "**3. Hội nghị phổ biến, tuyên truyền**\n\n"
        "- Đối với các xã: xét theo điểm.\n"
    )
    paras = paragraphs(read_document(path))
    assert paras[0].text == (
        "- Mẫu nước trong ao nuôi: Nhiệt độ nước, DO, pH, EC, N-NH4+, N-NO2-, N-NO3-, P-PO43-, H2S, TSS, "
        "COD; tần suất quan trắc: 02 đợt/tháng."
    )
    assert [p.text for p in paras if p.heading] == ["3. Hội nghị phổ biến, tuyên truyền"]


def test_unpaired_italic_marks_leave_the_text(tmp_path: Path) -> None:
    path = tmp_path / "kh.md"
    path.write_text("*6.1. *Hàng năm, giảm số người nghiện;\n\n* Gạch đầu dòng giữ nguyên (*).\n")
    texts = [p.text for p in paragraphs(read_document(path))]
    assert texts == ["6.1. Hàng năm, giảm số người nghiện;", "* Gạch đầu dòng giữ nguyên (*)."]
