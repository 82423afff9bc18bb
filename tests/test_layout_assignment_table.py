"""Indicator assignment tables flattened by PDF text extraction (knowledge/extract/assignment_table)."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.extract import assignment_table
from knowledge.extract.assignment_table.cells import split_head
from knowledge.model import Block, Document, Indicator
from knowledge.readers import read_document

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "knowledge" / "samples" / "000_d2f0e62540c5dfe6.txt"
LAYOUTS = Path(__file__).resolve().parent / "data" / "layouts"


def _extract(path: Path) -> list[Indicator]:
    return assignment_table.extract(read_document(path)).indicators


def _by_name(indicators: list[Indicator], name: str) -> Indicator:
    found = [i for i in indicators if i.name == name]
    assert len(found) == 1, [i.name for i in indicators]
    return found[0]


def _others(ind: Indicator) -> list[tuple[str, str]]:
    return [(o.source, o.text) for o in ind.other_targets]


# --------------------------------------------------------------------------- the ward sample


@pytest.fixture(scope="module")
def ward() -> list[Indicator]:
    return _extract(SAMPLE)


def test_sample_rows_are_all_found(ward: list[Indicator]) -> None:
    assert len(ward) == 44
    assert [i.no for i in ward if i.no] == [str(n) for n in range(1, 29)]
    assert len({i.key for i in ward}) == 44


def test_unit_split_over_lines_and_two_target_columns(ward: list[Indicator]) -> None:
    row = _by_name(ward, "Thu nhập bình quân đầu người/năm")
    assert (row.no, row.unit, row.target_text, row.target_value, row.comparator) == (
        "2",
        "Triệu đồng",
        "155",
        155,
        "=",
    )
    assert _others(row) == [("QĐ UBND TP 797/QĐ-UBND", "155")]
    assert (row.leader, row.responsible, row.source_ref) == ("Đ/c Tiến PCT UBND", "Đ/c Hằng VP", "line 1171")
    assert row.group == "Chỉ tiêu về kinh tế"


def test_own_resolution_column_is_the_target(ward: list[Indicator]) -> None:
    row = _by_name(ward, "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng")
    assert (row.unit, row.target_text, row.target_value) == ("%", "7.9", 7.9)
    assert _others(row) == [("QĐ UBND TP 797/QĐ-UBND", "7.6")]
    assert row.responsible == "Đ/c Sâm - Trưởng Trạm y tế"
    single = _by_name(ward, "Tổng huy động vốn đầu tư phát triển thời kỳ")
    assert (single.unit, single.target_value, single.other_targets) == ("Tỷ đồng", 500, [])


def test_parties_continue_on_later_lines(ward: list[Indicator]) -> None:
    first = _by_name(ward, "Cơ cấu ngành kinh tế")
    assert (first.leader, first.responsible, first.target_text) == (
        "Đ/c Tiến PCT UBND",
        "Đ/c Hằng VP; Đ/c Trang VP",
        None,
    )
    assert _by_name(ward, "Tổng số doanh nghiệp được thành lập mới").responsible == "Đ/c Hằng VP; Đ/c Tươi KT"
    assert (
        _by_name(ward, "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý").responsible
        == "Đ/c Hợp, Hiền ĐC, Tổ QT"
    )
    assert _by_name(ward, "Mức độ 2").responsible == "Đ/c Việt VH; THCS, MNA, Tiểu học"
    assert _by_name(ward, "Tỷ lệ sản phẩm nông nghiệp an toàn/tổng sản phẩm").leader == "Đ/c Sinh, PCT UBND"


def test_name_broken_over_lines_and_note_column(ward: list[Indicator]) -> None:
    row = _by_name(ward, "Số phố đạt tiêu chí kiểu mẫu theo lời dạy của Chủ tịch Hồ Chí Minh")
    assert (row.no, row.unit, row.target_value) == ("18", "đơn vị", 17)
    assert row.responsible == "Đ/c Hà VP; Tổ Một cửa"
    assert row.note == "Công nhận lại 02 phố"


def test_sub_rows_link_to_their_parent(ward: list[Indicator]) -> None:
    parent = _by_name(ward, "Cơ cấu ngành kinh tế")
    services = _by_name(ward, "Dịch vụ")
    assert (services.parent_key, services.unit, services.target_value, services.no) == (
        parent.key,
        "%",
        43.8,
        "",
    )
    assert services.leader is None and services.responsible is None
    poor = _by_name(ward, "Giảm hộ nghèo theo tiêu chí mới")
    near_poor = _by_name(ward, "Giảm hộ cận nghèo")  # un-numbered, no marker
    assert (poor.target_text, poor.target_value) == ("4/8 hộ", 4)
    assert (near_poor.parent_key, near_poor.target_text) == (poor.key, "15/41 hộ")
    level1 = _by_name(ward, "Mức độ 1")  # the name's own '1' is not a target column
    assert (level1.target_value, level1.responsible) == (1, "Đ/c Việt VH; Trường MN B")
    assert _by_name(ward, "Xưởng gia công cơ khí KCN TBG").unit == "ha"  # from the parent row


def test_status_targets_and_groups(ward: list[Indicator]) -> None:
    health = _by_name(ward, "Phường duy trì tiêu chí quốc gia về y tế")
    assert (health.unit, health.target_text, health.comparator) == (None, "Đạt", "status")
    lead = _by_name(ward, "Xây dựng phường dẫn đầu Thành phố về")
    assert lead.group == "Chỉ tiêu Nghị quyết Đại hội Đảng bộ phường lần thứ XXXI giao"
    assert lead.comparator == "status"
    order = _by_name(ward, "Đảm bảo trật tự đô thị, vệ sinh môi trường")
    assert (order.parent_key, order.leader, order.responsible) == (lead.key, "Đ/c Tiến PCT UBND", "Tổ QT")
    land = _by_name(ward, "Tổng diện tích Giải phóng mặt bằng")
    assert land.group == "Chỉ tiêu UBND TP giao ngoài chỉ tiêu của phường"
    assert _by_name(ward, "Hoàn thành chỉ tiêu tuyển quân được giao").group == "Về an ninh trật tự, PCCC"


# --------------------------------------------------------------------------- other layouts


def test_commune_table_with_one_target_column() -> None:
    rows = _extract(LAYOUTS / "assignment_xa_one_target.txt")
    assert [r.name for r in rows] == [
        "Tổng giá trị sản xuất tăng",
        "Sản lượng lương thực có hạt",
        "Thu nhập bình quân đầu người",
        "Thu ngân sách trên địa bàn",
        "Tỷ lệ hộ nghèo",
        "Hộ nghèo giảm",
        "Hộ cận nghèo giảm",
        "Tỷ lệ người dân tham gia BHYT",
        "Xây dựng xã đạt chuẩn nông thôn mới nâng cao",
        "Hoàn thành chỉ tiêu giao quân",
    ]
    growth, grain, income, budget, poor, poor_sub, _, insured, ntm, army = rows
    assert (growth.comparator, growth.target_value, growth.target_max) == ("range", 15, 20)
    assert growth.leader == "Đ/c Nam - Chủ tịch UBND"
    assert (grain.unit, grain.target_value) == ("Tấn", 2150)
    assert grain.leader == "Phó Chủ tịch phụ trách kinh tế"
    assert grain.responsible == "Đ/c Hùng Địa chính - NN"
    assert (income.unit, income.target_value) == ("Triệu đồng/người", 62.5)
    assert (budget.comparator, budget.target_value, budget.note) == (">=", 4500, "Tăng 10% so với 2023")
    assert (poor.comparator, poor.target_value, poor.responsible) == ("<", 1.5, "Đ/c Hoa LĐTBXH")
    assert (poor_sub.parent_key, poor_sub.unit, poor_sub.target_value) == (poor.key, "Hộ", 12)
    assert (insured.responsible, insured.note) == ("Trạm Y tế xã", None)  # the page number is not a note
    assert (ntm.comparator, ntm.group) == ("status", "VĂN HÓA - XÃ HỘI")  # after the repeated header
    assert (army.group, army.responsible) == ("QUỐC PHÒNG - AN NINH", "BCH Quân sự xã")
    assert all(r.other_targets == [] for r in rows)


def test_unit_parties_coordinating_column_and_own_column_first() -> None:
    rows = _extract(LAYOUTS / "assignment_units_two_targets.txt")
    assert len(rows) == 8
    value = rows[0]
    assert value.name == "Giá trị sản phẩm thu hoạch trên 1 ha đất trồng trọt và nuôi trồng thủy sản"
    assert (value.unit, value.target_value, _others(value)) == ("Triệu đồng", 145, [("KH huyện giao", "140")])
    assert (value.leader, value.responsible, value.coordinating) == (None, "Công chức Nông nghiệp", "Các HTX")
    poor = _by_name(rows, "Tỷ lệ hộ nghèo")
    assert (poor.target_value, poor.coordinating, poor.note) == (2.5, "MTTQ, các đoàn thể", None)
    minority = _by_name(rows, "Hộ nghèo là hộ đồng bào dân tộc thiểu số")
    assert (minority.parent_key, minority.target_value) == (poor.key, 4)
    safe = _by_name(rows, "Tỷ lệ thôn đạt tiêu chuẩn an toàn về an ninh, trật tự")
    assert (safe.comparator, safe.target_value, safe.group) == (">=", 80, "CHỈ TIÊU QUỐC PHÒNG - AN NINH")
    # the running text after the table joins no row, and its numbered items are no rows
    assert (safe.responsible, safe.coordinating, safe.note) == ("Công an xã", "Các thôn", None)
    assert not [r for r in rows if r.name.startswith(("Giao", "Đề nghị"))]
    health = _by_name(rows, "Giữ vững xã đạt chuẩn quốc gia về y tế")
    assert (health.unit, health.comparator, health.coordinating) == ("Xã", "status", None)


def test_single_spaced_columns_with_actuals_and_plan() -> None:
    rows = _extract(LAYOUTS / "assignment_single_spaced.txt")
    assert len(rows) == 7
    total = rows[0]
    assert (total.name, total.unit, total.target_value) == (
        "Tổng thu ngân sách trên địa bàn",
        "Triệu đồng",
        5800,
    )
    assert _others(total) == [("TH năm 2023", "5.200")]
    assert total.responsible == "Văn phòng - Thống kê"
    tax = _by_name(rows, "Thu thuế ngoài quốc doanh")
    assert (tax.parent_key, tax.target_value, tax.responsible) == (total.key, 2100, "Tài chính - Kế toán")
    schools = _by_name(rows, "Duy trì 3 trường đạt chuẩn quốc gia")
    assert (schools.unit, schools.target_value, schools.group) == ("Trường", 3, "Lĩnh vực xã hội")
    water = rows[-1]
    assert (water.name, water.target_value) == ("Tỷ lệ dân cư được dùng nước sạch", 99)


def test_header_cells_above_tt_officers_without_title_and_no_note_column() -> None:
    rows = _extract(LAYOUTS / "assignment_names_no_note.txt")
    assert [(r.no, r.name) for r in rows] == [
        ("1", "Tổng vốn đầu tư phát triển trên địa bàn"),
        ("2", "Thu ngân sách nhà nước"),
        ("3", "Tỷ lệ tham gia bảo hiểm y tế"),
        ("4", "Tỷ lệ gia đình được công nhận gia đình văn hóa"),
    ]
    invest, budget, insured, families = rows
    assert (invest.unit, invest.target_value, invest.leader, invest.responsible) == (
        "Tỷ đồng",
        320,
        "Chủ tịch UBND",
        "Hằng VP",
    )
    assert (budget.target_value, budget.responsible) == (12400, "Tươi KT; Hòe KT")
    assert (insured.comparator, insured.target_value, insured.group) == (">", 95, "CÁC CHỈ TIÊU XÃ HỘI")
    assert (families.responsible, families.note) == ("Việt VH", None)  # the footnote is not a party


# --------------------------------------------------------------------------- not this layout


def test_tab_separated_tables_and_prose_are_left_alone() -> None:
    tab_plan = ROOT / "knowledge" / "samples" / "002_1f79fa8eda5e748f.txt"
    assert _extract(tab_plan) == []
    prose = Document(source="x.txt")
    prose.blocks = [
        Block(kind="line", text="TT Các chỉ tiêu chủ yếu năm 2024 được giao như sau:", line_no=1),
        Block(kind="line", text="1 Thu ngân sách đạt 5 tỷ đồng, do Văn phòng phụ trách.", line_no=2),
    ]
    assert assignment_table.extract(prose).indicators == []


@pytest.mark.parametrize(
    ("head", "name", "unit", "values"),
    [
        ("Mức độ 1\n1", "Mức độ 1", None, ["1"]),  # the name's own number, then the column
        ("Khu phố 3", "Khu phố 3", None, []),
        (
            "Tổng số doanh nghiệp thành lập mới 90 90",
            "Tổng số doanh nghiệp thành lập mới",
            None,
            ["90", "90"],
        ),
        (
            "Thu nhập bình quân\n\nTriệu\n\nđồng\n\n155 155",
            "Thu nhập bình quân",
            "Triệu đồng",
            ["155", "155"],
        ),
        (
            "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng\n% 7.6 7.9",
            "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng",
            "%",
            ["7.6", "7.9"],
        ),
        ("Tỷ lệ sản phẩm an toàn/tổng sản phẩm", "Tỷ lệ sản phẩm an toàn/tổng sản phẩm", None, []),
        ("Giảm hộ nghèo Hộ 4 4/8 hộ", "Giảm hộ nghèo", "Hộ", ["4", "4/8 hộ"]),
    ],
)
def test_name_unit_and_values_of_a_row(head: str, name: str, unit: str | None, values: list[str]) -> None:
    cells = split_head(head)
    assert (cells.name, cells.unit, cells.values) == (name, unit, values)


# --------------------------------------------------------------------------- space-aligned tables


def _doc_of(text: str) -> Document:
    blocks = [Block(kind="line", text=t, line_no=n) for n, t in enumerate(text.splitlines(), 1)]
    return Document(source="t.txt", blocks=blocks)


@pytest.fixture(scope="module")
def aligned() -> list[Indicator]:
    return _extract(LAYOUTS / "assignment_aligned_wraps.txt")


def test_cells_wrapped_over_three_lines_rejoin_their_own_column(aligned: list[Indicator]) -> None:
    industry = aligned[0]
    assert (industry.no, industry.name, industry.unit) == (
        "1",
        "Giá trị sản xuất công nghiệp - tiểu thủ công nghiệp",
        "tỷ đồng",
    )
    assert (industry.leader, industry.responsible, industry.coordinating) == (
        "Đ/c Lò Văn Minh - PCT UBND",
        "Phòng Kinh tế, Hạ tầng và Đô thị",
        "Các tổ dân phố",
    )
    assert aligned[1].coordinating == "Văn phòng HĐND và UBND"


def test_two_level_year_header_gives_the_plan_year_column(aligned: list[Indicator]) -> None:
    industry = aligned[0]
    assert (industry.target_text, industry.target_value) == ("1.400", 1400.0)
    assert _others(industry) == [("Năm 2025 Kế hoạch", "1.250"), ("Năm 2025 Ước TH", "1.270")]
    assert (aligned[1].target_text, aligned[1].comparator) == ("≥ 95", ">=")


def test_rows_after_a_page_footer_and_a_repeated_header_are_kept(aligned: list[Indicator]) -> None:
    assert [i.no for i in aligned] == ["1", "2", "3", "", "4"]
    jobs, women, street = aligned[2:]
    assert (jobs.group, jobs.responsible, jobs.coordinating) == (
        "CHỈ TIÊU XÃ HỘI",
        "Phòng Văn hóa - Xã hội",
        "Hội Liên hiệp Phụ nữ",
    )
    assert (women.parent_key, women.target_value, women.unit) == (jobs.key, 160.0, "người")
    # a row whose name opens with a unit word ('Tổ …') is still a numbered row
    assert (street.name, street.unit, street.target_text) == (
        "Tổ dân phố đạt chuẩn văn minh đô thị",
        None,
        "Duy trì",
    )
    assert street.parent_key is None


def test_aligned_table_with_responsible_before_leader_and_page_number_footer() -> None:
    text = """KẾ HOẠCH năm 2025
TT   Tên chỉ tiêu                ĐVT     Kế hoạch      Công chức tham       Lãnh đạo
                                         năm 2025      mưu                  phụ trách
1    Tỷ lệ hồ sơ giải quyết      %       100           Công chức Văn        Đ/c Nông
     trực tuyến toàn trình                             phòng - Thống kê     Thị Lan -
                                                                            Chủ tịch UBND
2    Số hộ được công nhận gia    hộ      không dưới    Công chức Văn hóa    Đ/c Nông
     đình văn hóa                        1.200 hộ      - Xã hội             Thị Lan -
                                                                            Chủ tịch UBND
                                                            Trang 2
3    Tỷ lệ trẻ em dưới 1 tuổi    %       ≥ 98          Trạm Y tế            Đ/c Hà Minh Đức
     tiêm chủng đầy đủ                                                      - PCT UBND
III. TỔ CHỨC THỰC HIỆN
Các bộ phận chủ động triển khai thực hiện các chỉ tiêu được giao, báo cáo kết quả định kỳ hằng tháng.
Văn phòng tổng hợp, báo cáo Chủ tịch UBND xã kết quả thực hiện trước ngày 25 hằng tháng để theo dõi.
"""
    online, families, vaccination = assignment_table.extract(_doc_of(text)).indicators
    assert (online.name, online.target_value, online.responsible, online.leader) == (
        "Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình",
        100.0,
        "Công chức Văn phòng - Thống kê",
        "Đ/c Nông Thị Lan - Chủ tịch UBND",
    )
    assert (families.target_text, families.target_value, families.responsible) == (
        "không dưới 1.200 hộ",
        1200.0,
        "Công chức Văn hóa - Xã hội",
    )
    assert (vaccination.no, vaccination.name, vaccination.leader) == (
        "3",
        "Tỷ lệ trẻ em dưới 1 tuổi tiêm chủng đầy đủ",
        "Đ/c Hà Minh Đức - PCT UBND",
    )


def test_header_columns_from_a_two_level_space_aligned_header() -> None:
    from knowledge.extract.assignment_columns import header_columns

    header = [
        "TT  Chỉ tiêu        ĐVT   Năm 2024   Năm 2025            Cơ quan",
        "                          Thực hiện  Kế hoạch  Ước TH    theo dõi",
    ]
    row = "1   Thu ngân sách   tỷ    12         13        13,5      Phòng Kinh tế"
    columns = header_columns(header, row)
    assert [(c.label, c.role) for c in columns] == [
        ("TT", "no"),
        ("Chỉ tiêu", "name"),
        ("ĐVT", "unit"),
        ("Năm 2024 Thực hiện", "actual"),
        ("Năm 2025 Kế hoạch", "target"),
        ("Năm 2025 Ước TH", "actual"),
        ("Cơ quan theo dõi", "responsible"),
    ]
    # a row that does not sit under the columns: no positional reading
    assert header_columns(header, "1 Thu ngân sách tỷ 12 13 13,5 Phòng Kinh tế") == ()


def test_aligned_indicator_table_without_parties_and_an_actuals_column() -> None:
    text = """Phụ lục: Chỉ tiêu chủ yếu
 STT   Chỉ tiêu                          Đơn vị       Thực hiện     Kế hoạch
                                         tính         năm 2025      năm 2026
 1     Tổng giá trị sản xuất nông        tỷ đồng      410           445
       nghiệp
 2     Tỷ lệ hộ nghèo                    %            3,1           dưới 2,5

Các ngành chủ động triển khai thực hiện các chỉ tiêu được giao và báo cáo định kỳ theo quy định hiện hành.
Văn phòng tổng hợp báo cáo Chủ tịch UBND xã kết quả thực hiện trước ngày 20 hằng tháng theo quy định.
"""
    farming, poverty = assignment_table.extract(_doc_of(text)).indicators
    assert (farming.name, farming.unit, farming.target_value) == (
        "Tổng giá trị sản xuất nông nghiệp",
        "tỷ đồng",
        445.0,
    )
    assert _others(farming) == [("Thực hiện năm 2025", "410")]
    assert (poverty.target_text, poverty.comparator, poverty.responsible) == ("dưới 2,5", "<", None)
