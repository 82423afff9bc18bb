"""Parties assigned by indicator NUMBER in prose: bracketed numbers, ranges, lists
wrapped over lines and page footers, topics before the numbers, a party at the
head of an item, long unit names with hyphens and an abbreviation."""

from __future__ import annotations

from knowledge.extract.number_assignments import apply, extract, parse_numbers
from knowledge.model import Block, Document, Indicator


def _doc_of(text: str) -> Document:
    blocks = [Block(kind="line", text=line, line_no=n) for n, line in enumerate(text.splitlines(), 1)]
    return Document(source="inline.txt", blocks=blocks)


def _found(text: str) -> set[tuple[str, str, tuple[int, ...]]]:
    return {(a.field, a.party, tuple(a.numbers)) for a in extract(_doc_of(text))}


def test_bracketed_numbers_and_bracketed_ranges() -> None:
    assert parse_numbers("(1), (2), (5)") == [1, 2, 5]
    assert parse_numbers("(1)-(4) và (9)") == [1, 2, 3, 4, 9]
    found = _found(
        "1. Ban Kinh tế - Tài chính chủ trì, tham mưu các chỉ tiêu (1)-(3) và (7).\n"
        "2. Bộ phận Một cửa chủ trì chỉ tiêu (12)."
    )
    assert ("responsible", "Ban Kinh tế - Tài chính", (1, 2, 3, 7)) in found
    assert ("responsible", "Bộ phận Một cửa", (12,)) in found


def test_a_range_from_one_indicator_to_another() -> None:
    found = _found("Công chức Tư pháp - Hộ tịch theo dõi từ chỉ tiêu 5 đến chỉ tiêu 8.")
    assert found == {("responsible", "Công chức Tư pháp - Hộ tịch", (5, 6, 7, 8))}


def test_a_number_list_wrapped_onto_the_next_lines_and_past_a_page_footer() -> None:
    found = _found(
        "a) Phòng Nông nghiệp và Môi trường chủ trì thực hiện các chỉ tiêu (2),\n"
        "(4), (6),\n"
        "Trang 3/7\n"
        "(9); Hội Nông dân phối hợp chỉ tiêu (4).\n"
        "(10) Tỷ lệ che phủ rừng: 40%."
    )
    assert ("responsible", "Phòng Nông nghiệp và Môi trường", (2, 4, 6, 9)) in found
    assert ("coordinating", "Hội Nông dân", (4,)) in found
    assert all(10 not in a[2] for a in found)  # the next indicator item is no part of the list


def test_a_list_item_that_starts_an_indicator_is_not_joined() -> None:
    found = _found("Văn phòng UBND chủ trì chỉ tiêu 3,\n(4) Tỷ lệ hộ gia đình văn hóa: 92%.")
    assert found == {("responsible", "Văn phòng UBND", (3,))}


def test_a_party_heading_its_item_and_numbers_in_brackets_after_a_topic() -> None:
    found = _found(
        "3. Ông Đinh Công Sơn - Phó Chủ tịch UBND phường: theo dõi chung; trực tiếp phụ trách "
        "các chỉ tiêu thuộc lĩnh vực đô thị, môi trường (chỉ tiêu số 7, 8 và 11).\n"
        "4. Bà Mai Thu Hà, Chủ tịch UBND phường: chỉ đạo các chỉ tiêu về thu ngân sách (2, 3)."
    )
    assert ("leader", "Ông Đinh Công Sơn - Phó Chủ tịch UBND phường", (7, 8, 11)) in found
    assert ("leader", "Bà Mai Thu Hà, Chủ tịch UBND phường", (2, 3)) in found
    assert len(found) == 2


def test_a_figure_in_brackets_after_a_topic_is_no_number_list() -> None:
    assert not _found("Phòng Kinh tế chủ trì các chỉ tiêu về thu nhập (55 triệu đồng).")
    assert not _found("Phòng Kinh tế chủ trì các chỉ tiêu về nước sạch (98%).")


def test_a_long_unit_name_with_hyphens_commas_and_an_abbreviation() -> None:
    party = "Đ/c Hà Minh Tâm, Công chức Văn phòng - Thống kê - Tư pháp và Hộ tịch (CC VP-TK-TP&HT)"
    found = _found(f"+ {party}: chủ trì tham mưu các chỉ tiêu 2, 9, 10.")
    assert found == {("responsible", party, (2, 9, 10))}


def test_a_sentence_before_the_verb_is_still_no_party() -> None:
    assert not _found(
        "Trên cơ sở kết quả năm trước và tình hình thực tế của địa phương trong những tháng đầu năm "
        "các đơn vị chủ trì chỉ tiêu 1, 2."
    )


def test_a_trong_do_part_takes_what_its_indicator_is_given() -> None:
    doc = _doc_of("Tổ Kinh tế chủ trì chỉ tiêu (3); Đồng chí Phó Chủ tịch Lò Văn Sáng chỉ đạo chỉ tiêu (3).")
    inds = [
        Indicator(key="a", name="Thu ngân sách", no="(3)"),
        Indicator(key="b", name="thu tiền sử dụng đất", parent_key="a"),
        Indicator(key="c", name="thu thuế", parent_key="a", responsible="Chi cục Thuế"),
    ]
    apply(doc, inds)
    assert inds[0].responsible == inds[1].responsible == "Tổ Kinh tế"
    assert inds[0].leader == inds[1].leader == "Đồng chí Phó Chủ tịch Lò Văn Sáng"
    assert inds[2].responsible == "Chi cục Thuế"  # stated for the part itself: kept


def test_every_indicator_one_numbered_item_states_takes_its_parties() -> None:
    doc = _doc_of("Bộ phận Lao động chủ trì các chỉ tiêu 4 và 6.")
    inds = [
        Indicator(key="a", name="Tỷ lệ lao động có việc làm", no="4", source_ref="line 12"),
        Indicator(key="b", name="Số lao động đi làm việc ở nước ngoài", no="4", source_ref="line 12"),
        Indicator(key="c", name="Tỷ lệ hộ có nhà kiên cố", no="6", source_ref="line 20"),
        Indicator(key="d", name="Tỷ lệ trường đạt chuẩn", no="6", source_ref="table 1 row 6"),
    ]
    apply(doc, inds)
    assert inds[0].responsible == inds[1].responsible == "Bộ phận Lao động"
    # two lists numbered alike: number 6 does not tell which indicator is meant
    assert inds[2].responsible is None and inds[3].responsible is None
