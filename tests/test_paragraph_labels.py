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
