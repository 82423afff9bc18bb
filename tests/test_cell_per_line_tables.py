"""Tables exported one cell per line ('|', cell, '|', …, '|', '|'): header rows with
merged cells, sub-rows under a row that names what they measure, and several measures
given for each year. Invented documents in the layout of real appendices."""

from __future__ import annotations

from pathlib import Path

from knowledge.extract import tables
from knowledge.readers import read_document


def _cells(*rows: list[str]) -> str:
    """One cell per line: every cell opens with '|' (an empty cell is the pipe alone), every
    row closes with one more."""
    lines: list[str] = []
    for row in rows:
        for cell in row:
            lines += ["|", cell] if cell else ["|"]
        lines.append("|")
    return "\n".join(lines) + "\n"


def _doc(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "phuluc.md"
    path.write_text(
        "**PHỤ LỤC 01**\n\nĐỊNH HƯỚNG VÙNG NGUYÊN LIỆU\n\n" + body + "\nGhi chú: số liệu dự kiến.\n"
    )
    return path


YEARS = ["Năm 2026", "Năm 2027", "Năm 2028"]
AREA_TABLE = _cells(
    ["**TT**", "**Chỉ tiêu**", "**ĐVT**", "**ƯTH Năm 2025**", "**GIAI ĐOẠN 2026 - 2028**"],
    [f"**{y}**" for y in YEARS],
    ["**I**", "**CÂY CÔNG NGHIỆP**", "", "", "", "", ""],
    ["**1**", "**Cà phê**", "", "", "", "", ""],
    ["-", "Diện tích", "Ha", "26.120", "27.000", "27.500", "28.000"],
    ["-", "Sản lượng cà phê nhân", "Tấn", "37.724", "39.800", "40.602", "45.225"],
    ["**2**", "**Chè**", "", "", "", "", ""],
    ["-", "Diện tích", "Ha", "6.132", "6.500", "6.700", "7.100"],
    ["-", "Sản lượng", "Tấn", "56.182", "64.213", "66.456", "67.405"],
)


def test_merged_header_cell_opens_over_the_years_below_it(tmp_path: Path) -> None:
    doc = read_document(_doc(tmp_path, AREA_TABLE))
    (table,) = [b for b in doc.blocks if b.kind == "table"]
    top, years, group = table.rows[:3]
    assert top == ["TT", "Chỉ tiêu", "ĐVT", "ƯTH Năm 2025", "GIAI ĐOẠN 2026 - 2028", "", ""]
    assert years == ["", "", "", "", *YEARS]
    assert group == ["I", "CÂY CÔNG NGHIỆP", "", "", "", "", ""]
    assert table.rows[4] == ["-", "Diện tích", "Ha", "26.120", "27.000", "27.500", "28.000"]


def test_sub_rows_named_with_the_row_they_measure_and_last_year_is_the_target(tmp_path: Path) -> None:
    found = tables.extract(read_document(_doc(tmp_path, AREA_TABLE))).indicators
    by_name = {i.name: i for i in found}
    assert set(by_name) == {
        "Cà phê - Diện tích",
        "Cà phê - Sản lượng cà phê nhân",
        "Chè - Diện tích",
        "Chè - Sản lượng",
    }
    area = by_name["Cà phê - Diện tích"]
    assert (area.unit, area.target_text, area.target_value) == ("Ha", "28.000", 28000.0)
    # the estimate of the year before is no target; the earlier years are
    assert sorted(o.text for o in area.other_targets) == ["27.000", "27.500"]


def test_several_measures_a_year_give_one_indicator_per_measure(tmp_path: Path) -> None:
    body = _cells(
        ["**TT**", "**Sản phẩm**", "**Kế hoạch 2026**", "**Kế hoạch 2027**"],
        ["Lượng (Tấn)", "Giá trị xuất khẩu (Nghìn USD)", "Lượng (Tấn)", "Giá trị xuất khẩu (Nghìn USD)"],
        ["1", "Xoài", "13.500", "7.000", "14.800", "7.800"],
        ["2", "Nhãn", "6.400", "24.700", "7.100", "26.100"],
    )
    found = tables.extract(read_document(_doc(tmp_path, body))).indicators
    by_name = {i.name: i for i in found}
    assert set(by_name) == {
        "Xoài - Lượng",
        "Xoài - Giá trị xuất khẩu",
        "Nhãn - Lượng",
        "Nhãn - Giá trị xuất khẩu",
    }
    value = by_name["Nhãn - Giá trị xuất khẩu"]
    assert (value.unit, value.target_text) == ("Nghìn USD", "26.100")
    assert by_name["Xoài - Lượng"].unit == "Tấn"


def test_parts_named_once_keep_their_parent_row(tmp_path: Path) -> None:
    body = _cells(
        ["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch 2026"],
        ["1", "Cơ cấu kinh tế", "", ""],
        ["-", "Nông nghiệp", "%", "30"],
        ["-", "Dịch vụ", "%", "45"],
        ["2", "Tỷ lệ hộ nghèo", "%", "1,5"],
    )
    found = tables.extract(read_document(_doc(tmp_path, body))).indicators
    names = [i.name for i in found]
    assert names == ["Cơ cấu kinh tế", "Nông nghiệp", "Dịch vụ", "Tỷ lệ hộ nghèo"]
    assert found[1].parent_key == found[0].key


def test_two_merged_header_cells_each_over_their_run_of_labels(tmp_path: Path) -> None:
    """'Năm hiện hành 2025' over 'Kế hoạch | Ước thực hiện', then 'Dự kiến 03 năm' over
    'Năm 2026 … Năm 2028': the current year is context, the plan's last year the target."""
    body = _cells(
        ["STT", "Nội dung", "Đơn vị tính", "Năm hiện hành 2025", "Dự kiến 03 năm kế hoạch"],
        ["Kế hoạch", "Ước thực hiện", "Năm 2026", "Năm 2027", "Năm 2028"],
        ["1", "Số giường bệnh", "Giường", "4.157", "6.960", "7.060", "7.100", "7.200"],
        ["2", "Tỷ lệ hộ nghèo", "%", "0,8", "0,8", "0,6", "0,5", "0,4"],
    )
    doc = read_document(_doc(tmp_path, body))
    (table,) = [b for b in doc.blocks if b.kind == "table"]
    assert table.rows[0] == [
        "STT",
        "Nội dung",
        "Đơn vị tính",
        "Năm hiện hành 2025",
        "",
        "Dự kiến 03 năm kế hoạch",
        "",
        "",
    ]
    assert table.rows[1] == ["", "", "", "Kế hoạch", "Ước thực hiện", "Năm 2026", "Năm 2027", "Năm 2028"]
    found = {i.name: i for i in tables.extract(doc).indicators}
    assert found["Số giường bệnh"].target_text == "7.200"
    assert found["Tỷ lệ hộ nghèo"].target_text == "0,4"
