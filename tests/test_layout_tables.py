"""Table layouts: task tables, indicator tables (one- and two-level headers) and
result tables, on the sample plans and on documents of other layouts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from knowledge.extract import tables
from knowledge.extract.table_grid import role_of
from knowledge.model import Block, Document, LayoutResult, Task
from knowledge.readers import read_document
from tests.conftest import SAMPLES, TEST_DATA

LAYOUTS = TEST_DATA / "layouts"


def _extract(path: Path) -> LayoutResult:
    return tables.extract(read_document(path))


@pytest.fixture(scope="module")
def tasks_002() -> LayoutResult:
    return _extract(SAMPLES / "002_1f79fa8eda5e748f.txt")


@pytest.fixture(scope="module")
def indicators_003() -> LayoutResult:
    return _extract(SAMPLES / "003_80b10907ed40827a.txt")


@pytest.fixture(scope="module")
def results_004() -> LayoutResult:
    return _extract(SAMPLES / "004_680e36f5c05cb2c2.txt")


# --- column roles ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("TT", "no"),
        ("STT", "no"),
        ("NHIỆM VỤ", "task"),
        ("Nội dung công việc", "task"),
        ("GIẢI PHÁP", "solution"),
        ("PHÂN CÔNG CHỈ ĐẠO", "leader"),
        ("ĐƠN VỊ CHỦ TRÌ THAM MƯU", "responsible"),
        ("Cơ quan phối hợp thực hiện", "coordinating"),
        ("THỜI GIAN HOÀN THÀNH", "deadline"),
        ("Đơn vị tính", "unit"),
        ("ĐVT", "unit"),
        ("Nội dung", "name"),
        ("Tên chỉ tiêu", "name"),
        ("Kế hoạch năm 2025", "target"),
        ("Bình quân năm", "target"),
        ("Thực hiện năm 2024", "actual"),
        ("Kết quả", "result"),
        ("Đánh giá", "assessment"),
        ("KH 2026 so với ƯTH 2025 (%)", "ratio"),
        ("2027", "target"),  # a year's column of a multi-year plan
        ("So sánh cùng kỳ", "ratio"),
        ("Nơi nhận: Như trên; Lưu VT.", ""),
    ],
)
def test_column_roles_from_header_keywords(label: str, role: str) -> None:
    assert role_of(label) == role


# --- (c) task tables ---------------------------------------------------------------------------


def test_task_table_gives_one_task_per_solution_row(tasks_002: LayoutResult) -> None:
    assert len(tasks_002.tasks) == 70
    assert tasks_002.indicators == [] and tasks_002.progress == []
    first = tasks_002.tasks[0]
    assert first.no == "1.1"
    assert first.name.startswith("Tiếp tục huy động các nguồn lực từ cấp trên")
    assert first.solution is not None and first.solution.startswith("- Chủ động phối hợp")
    assert (first.leader, first.responsible, first.coordinating) == (
        "Chủ tịch UBND xã",
        "Văn phòng-TK",
        "Các cán bộ, công chức xã",
    )
    assert first.group == (
        "Tập trung huy động nguồn lực; đẩy nhanh tiến độ thực hiện Quyết định số 827/QĐ-TTg"
        " của Thủ tướng Chính phủ gắn với Kế hoạch 634/KH- UBND của Tỉnh; Kế hoạch 203/KH-UBND,"
        " KH số 225/KH-UBND của Thành phố về phát triển thành phố Vinh và Kế hoạch số 170/KH-"
        " UBND ngày 13/6/2022 về triển khai xây dựng và thực hiện Đề án mở rộng địa giới hành"
        " chính và không gian đô thị thành phố Vinh, tỉnh Nghệ An. Tổ chức Tổng kết 03 năm"
        " thực hiện Quyết định số 827/QĐ-TTg của Thủ tướng Chính phủ."
    )


def test_continuation_rows_share_the_task_and_keep_their_own_assignment(tasks_002: LayoutResult) -> None:
    second = tasks_002.tasks[1]
    assert second.no == "" and second.name == tasks_002.tasks[0].name
    assert second.solution is not None and second.solution.startswith("(1) Rà soát đầy đủ")
    assert (second.responsible, second.coordinating, second.deadline_text) == (
        "Công chức Địa chính",
        "Công chức Đô thị",
        "Năm 2023",
    )


def test_group_rows_and_repeated_headers_are_not_tasks(tasks_002: LayoutResult) -> None:
    names = {t.name for t in tasks_002.tasks}
    assert not any(n.startswith("Chỉ đạo, điều hành có trọng tâm") for n in names)  # group 'I'
    assert "NHIỆM VỤ" not in names
    assert all(t.no not in {"I", "II", "1", "2"} for t in tasks_002.tasks)


def test_row_with_collapsed_leading_cells_is_realigned(tasks_002: LayoutResult) -> None:
    row = next(t for t in tasks_002.tasks if (t.solution or "").startswith("(2) Thực hiện đồng bộ"))
    assert row.name.startswith("Tập trung đẩy mạnh giải ngân nguồn vốn đầu tư công")
    assert (row.leader, row.responsible, row.coordinating) == (
        "Chủ tịch UBND xã",
        "Công chức Kế toán",
        "Công chức Đô thị",
    )
    assert row.deadline_text == "Thường xuyên ưu tiên thực hiện trong năm 2023"


def test_task_text_cut_by_a_page_break_is_joined(tasks_002: LayoutResult) -> None:
    rows = [t for t in tasks_002.tasks if t.name.startswith("Đảm bảo an ninh chính trị")]
    assert [t.no for t in rows] == ["5.4", ""]
    assert all(t.name.endswith("Tiếp tục thực hiện có hiệu quả công tác phòng cháy chữa cháy.") for t in rows)
    assert "thành phố Vinh, 235 năm Phụng Hoàng" in rows[0].name


def test_unnumbered_task_under_a_group_is_a_new_task(tasks_002: LayoutResult) -> None:
    task = next(t for t in tasks_002.tasks if t.name.startswith("Chủ động các giải pháp, biện pháp"))
    assert task.no == ""
    assert task.group is not None and task.group.startswith("Triển khai thực hiện nghiêm túc các biện pháp")
    assert task.deadline_text == "Nhiệm vụ thường xuyên trong năm 2023"


def test_task_table_with_other_column_names_and_page_break() -> None:
    found = _extract(LAYOUTS / "tables_tasks.txt")
    assert [(t.no, t.group) for t in found.tasks] == [
        ("1", "CÔNG TÁC KINH TẾ"),
        ("2", "CÔNG TÁC KINH TẾ"),
        ("3", "CÔNG TÁC VĂN HÓA - XÃ HỘI"),
        ("4", "CÔNG TÁC VĂN HÓA - XÃ HỘI"),
    ]
    last = found.tasks[-1]
    assert last.name == "Rà soát hộ nghèo, hộ cận nghèo cuối năm"
    assert last.solution is None
    assert last.responsible == "Công chức Lao động - Thương binh và Xã hội"
    assert last.coordinating == "Các thôn"
    assert last.deadline_text == "Trước ngày 15/11/2025"
    assert found.indicators == []


# --- (d) indicator tables ----------------------------------------------------------------------


def test_two_level_header_end_of_period_column_is_the_target(indicators_003: LayoutResult) -> None:
    by_name = {i.name: i for i in indicators_003.indicators}
    assert len(indicators_003.indicators) == 29
    growth = by_name["Tốc độ tăng trưởng GRDP"]
    assert (growth.no, growth.unit, growth.target_text, growth.target_value) == ("2", "%", "15", 15.0)
    assert [(o.source, o.text) for o in growth.other_targets] == [("Bình quân năm", "≥ 14")]
    assert (growth.responsible, growth.coordinating) == ("Phòng KTHTĐT", "Tổ dân phố")
    assert growth.group == "Các chỉ tiêu chủ yếu giai đoạn 2026-2030"
    # the yearly-average column is the target when the end-of-period cell is empty
    revenue = by_name["Thu ngân sách nhà nước trên địa bàn"]
    assert (revenue.target_text, revenue.target_value, revenue.comparator) == ("≥ 15", 15.0, ">=")
    assert revenue.other_targets == []


def test_dash_rows_are_children_of_the_numbered_row(indicators_003: LayoutResult) -> None:
    by_name = {i.name: i for i in indicators_003.indicators}
    growth = by_name["Tốc độ tăng trưởng GRDP"]
    services = by_name["Dịch vụ"]
    assert services.parent_key == growth.key and services.no == ""
    assert (services.target_value, services.comparator) == (10.9, ">=")
    firms = by_name["Số cơ sở kinh doanh chuyển đổi sang doanh nghiệp"]
    assert (firms.target_value, firms.comparator, firms.target_max) == (50.0, "range", 100.0)
    assert firms.parent_key == by_name["Số doanh nghiệp hoạt động trên địa bàn"].key
    # an un-numbered row (no dash) also hangs below the numbered row above it
    social = by_name["Tỷ lệ lao động trong độ tuổi tham gia bảo hiểm xã hội"]
    assert social.parent_key == by_name["Tỷ lệ dân số tham gia bảo hiểm y tế"].key


def test_second_labelled_figure_of_a_cell_is_a_child_row(indicators_003: LayoutResult) -> None:
    by_name = {i.name: i for i in indicators_003.indicators}
    family = by_name["Tỷ lệ gia đình văn hoá"]
    assert (family.target_text, family.target_value) == ("≥ 95 gia đình", 95.0)
    street = by_name["tổ dân phố"]
    assert (street.parent_key, street.target_value, street.unit) == (family.key, 100.0, "%")
    crime = by_name["Tỷ lệ khám phá tội phạm"]
    assert crime.target_text == "≥ 75"
    serious = by_name["tội phạm rất nghiêm trọng và đặc biệt nhằm"]
    assert (serious.parent_key, serious.target_value) == (crime.key, 90.0)
    # a figure without words of its own does not make a row
    pupils = by_name["Trang bị phòng học thông minh"]
    assert pupils.target_text == "100/ cơ sở giáo dục, trang bị ít nhất 01 phòng"


def test_table_continued_after_blank_lines_and_cut_cells_rejoined(indicators_003: LayoutResult) -> None:
    by_name = {i.name: i for i in indicators_003.indicators}
    classrooms = by_name["Trang bị nhà lớp học đa năng"]  # first row after the split
    assert classrooms.parent_key == by_name["Tỷ lệ trường đạt chuẩn mức độ 2"].key
    crime = by_name["Tỷ lệ khám phá tội phạm"]
    assert by_name["tội phạm rất nghiêm trọng và đặc biệt nhằm"].source_ref == crime.source_ref
    assert by_name["Phường không ma túy"].parent_key == crime.key


def test_indicator_table_with_other_headers_groups_and_actual_column() -> None:
    found = _extract(LAYOUTS / "tables_indicators.md")
    assert [i.name for i in found.indicators] == [
        "Tổng giá trị sản xuất",
        "Cơ cấu kinh tế",
        "Nông nghiệp",
        "Công nghiệp - xây dựng",
        "Thu nhập bình quân đầu người",
        "Tỷ lệ hộ nghèo",
        "Tỷ lệ trường đạt chuẩn quốc gia",
    ]
    total, structure, farming = found.indicators[:3]
    assert (total.unit, total.target_text, total.target_value) == ("tỷ đồng", "1.380", 1380.0)
    assert total.other_targets == []  # 'Thực hiện năm 2024' is a result, not a target
    assert (total.leader, total.responsible, total.coordinating) == (
        "Phó Chủ tịch UBND xã",
        "Công chức Tài chính - Kế toán",
        "Các thôn",
    )
    assert total.group == "CHỈ TIÊU KINH TẾ"
    assert farming.parent_key == structure.key and structure.target_text is None
    poor = found.indicators[5]
    assert (poor.group, poor.target_value) == ("CHỈ TIÊU XÃ HỘI", 0.9)
    assert poor.comparator in {"<", "<="}
    assert found.tasks == [] and found.progress == []  # the signature table is ignored


def test_docx_indicator_table_with_merged_header(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("I. Chỉ tiêu phát triển đến năm 2030")
    table = document.add_table(rows=5, cols=6)
    top = ["STT", "Chỉ tiêu", "ĐVT", "Mục tiêu", "", "Đơn vị chủ trì"]
    sub = ["", "", "", "Năm 2026", "Đến năm 2030", ""]
    heading = ["II. CHỈ TIÊU MÔI TRƯỜNG", "", "", "", "", ""]
    data = [
        ["1", "Tỷ lệ che phủ rừng", "%", "45", "≥ 48", "Công chức Nông nghiệp"],
        ["-", "Diện tích trồng rừng mới", "ha", "20", "100", ""],
    ]
    for r, values in enumerate([top, sub, heading, *data]):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    table.cell(0, 3).merge(table.cell(0, 4))
    for c in (0, 1, 2, 5):
        table.cell(0, c).merge(table.cell(1, c))
    table.cell(2, 0).merge(table.cell(2, 5))  # a heading row across the whole table
    path = tmp_path / "chi_tieu.docx"
    document.save(str(path))

    found = _extract(path)
    forest, planting = found.indicators
    assert (forest.name, forest.unit, forest.target_text, forest.target_value) == (
        "Tỷ lệ che phủ rừng",
        "%",
        "≥ 48",
        48.0,
    )
    assert [(o.source, o.text) for o in forest.other_targets] == [("Năm 2026", "45")]
    assert forest.responsible == "Công chức Nông nghiệp"
    assert forest.group == "CHỈ TIÊU MÔI TRƯỜNG"
    assert planting.parent_key == forest.key and planting.target_value == 100.0


# --- (e) result tables -------------------------------------------------------------------------


def test_a_ratio_column_is_not_a_second_target() -> None:
    rows = [
        ["STT", "Chỉ tiêu", "ĐVT", "Ước TH 2025", "KH 2026", "KH 2026 so với ƯTH 2025 (%)"],
        ["1", "Sản lượng cá nuôi", "tấn", "820", "900", "109,8"],
    ]
    found = tables.extract(Document(source="t.md", blocks=[Block(kind="table", rows=rows, line_no=1)]))
    [fish] = found.indicators
    assert (fish.target_text, fish.other_targets) == ("900", [])


def test_a_trong_do_row_is_a_part_named_by_its_own_words() -> None:
    rows = [
        ["STT", "Chỉ tiêu", "ĐVT", "KH 2026"],
        ["1", "Sản lượng lương thực", "tấn", "5.200"],
        ["", "Trong đó: lúa nếp", "tấn", "1.100"],
    ]
    found = tables.extract(Document(source="t.md", blocks=[Block(kind="table", rows=rows, line_no=1)]))
    total, part = found.indicators
    assert (part.name, part.parent_key, part.target_text) == ("Lúa nếp", total.key, "1.100")


def test_result_tables_become_progress_rows(results_004: LayoutResult) -> None:
    assert results_004.indicators == [] and results_004.tasks == []
    assert len(results_004.progress) == 22
    head = results_004.progress[0]
    assert (head.no, head.item, head.value_text) == ("1", "Thực hiện hoàn thành BT GPMB các dự án", None)
    jobs = next(p for p in results_004.progress if p.item.startswith("Tổng số lao động"))
    assert jobs.no == "12" and jobs.assessment == "Đang tiếp tục thực hiện"
    assert jobs.value_text is not None and jobs.value_text.startswith("Phối hợp giải quyết việc làm mới")
    assert jobs.value == 58.5
    assert jobs.source_ref.startswith("table ")


def test_result_table_with_other_headers() -> None:
    found = _extract(LAYOUTS / "tables_results.md")
    assert [(p.no, p.assessment, p.value) for p in found.progress] == [
        ("1", "Vượt kế hoạch", 110.0),
        ("2", "Đạt", 1.3),
        ("3", "Chưa đạt", None),
    ]
    assert found.indicators == [] and found.tasks == []


def test_document_without_tables_gives_nothing() -> None:
    doc = Document(source="x.txt", blocks=[Block(kind="line", text="1. Tỷ lệ hộ nghèo: dưới 2%", line_no=1)])
    assert tables.extract(doc) == LayoutResult()


# --- deadlines and table variants --------------------------------------------------------------


def test_task_deadlines_are_parsed(tasks_002: LayoutResult) -> None:
    by_no: dict[str, Task] = {}
    for t in tasks_002.tasks:  # part I's numbers only (part II numbers again from 1.1)
        if t.no:
            by_no.setdefault(t.no, t)
    assert by_no["1.3"].due_date == date(2023, 4, 30)  # 'Trước tháng 5/2023'
    assert by_no["7.1"].deadline_text == "Giải pháp 1: Quý 1/2023; Giải pháp ⁽²⁾, (3): Năm 2023"
    assert [d.due for d in by_no["7.1"].deadlines] == [date(2023, 3, 31), date(2023, 12, 31)]
    ongoing = by_no["7.2"]  # 'Năm 2023 và các năm tiếp theo'
    assert ongoing.recurring and ongoing.due_date is None
    assert by_no["1.1"].due_date is None  # 'Đảm bảo theo yêu cầu, tiến độ cấp trên giao'


def _doc(*tables: list[list[str]]) -> Document:
    blocks = [Block(kind="table", rows=rows, line_no=1) for rows in tables]
    return Document(source="t.md", blocks=blocks)


def test_task_table_without_number_column_keeps_rows_apart() -> None:
    doc = _doc(
        [
            ["Nhiệm vụ, giải pháp", "Người phụ trách", "Thời hạn"],
            ["1. Rà soát hồ sơ đất đai tồn đọng", "Công chức Địa chính", "Tháng 3/2025"],
            ["tổ chức đối thoại với nhân dân", "Chủ tịch UBND xã", "Quý II/2025"],
        ]
    )
    found = tables.extract(doc)
    assert [(t.no, t.name, t.responsible, t.due_date) for t in found.tasks] == [
        ("1", "Rà soát hồ sơ đất đai tồn đọng", "Công chức Địa chính", date(2025, 3, 31)),
        ("", "tổ chức đối thoại với nhân dân", "Chủ tịch UBND xã", date(2025, 6, 30)),
    ]


def test_plan_table_with_last_years_results_is_an_indicator_table() -> None:
    doc = _doc(
        [
            ["STT", "Nội dung", "Chỉ tiêu", "Kết quả thực hiện 2024", "Phụ trách"],
            ["1", "Tỷ lệ tham gia bảo hiểm y tế", "95%", "93,2%", "Trạm Y tế"],
            ["2", "Số lao động được tạo việc làm mới", "150 lao động", "142 lao động", "Công chức LĐTBXH"],
        ]
    )
    found = tables.extract(doc)
    assert found.progress == []
    assert [(i.name, i.target_value, i.responsible) for i in found.indicators] == [
        ("Tỷ lệ tham gia bảo hiểm y tế", 95.0, "Trạm Y tế"),
        ("Số lao động được tạo việc làm mới", 150.0, "Công chức LĐTBXH"),
    ]
    assert found.indicators[1].parent_key is None


def test_table_without_known_header_is_ignored() -> None:
    doc = _doc([["Họ và tên", "Chữ ký"], ["Nguyễn Văn An", ""]])
    assert tables.extract(doc) == LayoutResult()


def test_docx_task_table_with_unit_in_charge_and_expected_output(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Phụ lục: Phân công nhiệm vụ năm 2025")
    rows = [
        ["TT", "Nội dung công việc", "Đơn vị", "Kết quả dự kiến", "Thời gian"],
        ["", "CÔNG TÁC CẢI CÁCH HÀNH CHÍNH", "", "", ""],
        ["1", "Rà soát thủ tục hành chính", "Văn phòng - Thống kê", "Báo cáo rà soát", "Tháng 6/2025"],
        ["2", "Số hóa hồ sơ hộ tịch", "Công chức Tư pháp - Hộ tịch", "100% hồ sơ", "Quý IV/2025"],
    ]
    table = document.add_table(rows=len(rows), cols=5)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    path = tmp_path / "phan_cong.docx"
    document.save(str(path))

    found = _extract(path)
    assert found.progress == [] and found.indicators == []
    assert [(t.no, t.name, t.group, t.responsible, t.due_date) for t in found.tasks] == [
        (
            "1",
            "Rà soát thủ tục hành chính",
            "CÔNG TÁC CẢI CÁCH HÀNH CHÍNH",
            "Văn phòng - Thống kê",
            date(2025, 6, 30),
        ),
        (
            "2",
            "Số hóa hồ sơ hộ tịch",
            "CÔNG TÁC CẢI CÁCH HÀNH CHÍNH",
            "Công chức Tư pháp - Hộ tịch",
            date(2025, 12, 31),
        ),
    ]


def test_table_split_by_a_page_footer_is_stitched() -> None:
    header = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch 2025"]
    doc = Document(
        source="t.md",
        blocks=[
            Block(kind="table", rows=[header, ["1", "Tỷ lệ hộ nghèo", "%", "dưới 2"]]),
            Block(kind="line", text="Trang 2/3"),
            Block(kind="table", rows=[header, ["-", "Hộ nghèo dân tộc thiểu số", "hộ", "dưới 10"]]),
            Block(kind="line", text="Ý kiến tiếp thu của các ban ngành như sau"),
            Block(kind="table", rows=[["-", "Hộ cận nghèo", "hộ", "dưới 30"]]),
        ],
    )
    found = tables.extract(doc)
    poor, minority = found.indicators  # the headerless piece after prose is not this table
    assert minority.parent_key == poor.key and minority.target_value == 10.0
    assert minority.source_ref == "table 2 row 2"


def test_pdf_task_table_across_a_page_break(tmp_path: Path) -> None:
    fpdf = pytest.importorskip("fpdf")
    fonts = Path("/usr/share/fonts/truetype/dejavu")
    if not (fonts / "DejaVuSans.ttf").exists():
        pytest.skip("DejaVu font not installed")
    pdf = fpdf.FPDF()
    pdf.add_font("DejaVu", "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    pdf.set_font("DejaVu", "", 10)
    pdf.cell(0, 8, "III. NHIỆM VỤ TRỌNG TÂM NĂM 2025", new_x="LMARGIN", new_y="NEXT")
    work = [
        (str(n), f"Kiểm tra, đôn đốc tiến độ công trình số {n}", f"Tháng {n % 12 + 1}/2025")
        for n in range(1, 81)
    ]
    with pdf.table(col_widths=(12, 100, 45, 35)) as table:  # the heading row repeats on each page
        for values in [("STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời hạn")] + [
            (no, name, "Công chức Xây dựng", due) for no, name, due in work
        ]:
            row = table.row()
            for value in values:
                row.cell(value)
    path = tmp_path / "nhiem_vu.pdf"
    pdf.output(str(path))

    found = _extract(path)
    assert pdf.page_no() >= 2
    assert [t.no for t in found.tasks] == [no for no, _, _ in work]
    assert found.tasks[-1].name == "Kiểm tra, đôn đốc tiến độ công trình số 80"
    assert found.tasks[-1].due_date == date(2025, 9, 30)
    assert all(t.responsible == "Công chức Xây dựng" for t in found.tasks)


def test_heading_merged_across_a_task_table_is_a_group_not_a_solution() -> None:
    header = ["TT", "Nhiệm vụ", "Giải pháp", "Chủ trì", "Thời gian"]
    doc = _doc(
        [
            header,
            ["II. LĨNH VỰC VĂN HÓA - XÃ HỘI", "", "", "", ""],
            ["1", "Nâng cao chất lượng giáo dục", "(1) Bồi dưỡng giáo viên", "Trường THCS", "Năm 2025"],
            ["", "", "(2) Sửa chữa phòng học", "Công chức Xây dựng", "Quý III/2025"],
        ]
    )
    found = tables.extract(doc)
    assert [(t.no, t.solution, t.group, t.responsible) for t in found.tasks] == [
        ("1", "(1) Bồi dưỡng giáo viên", "LĨNH VỰC VĂN HÓA - XÃ HỘI", "Trường THCS"),
        ("", "(2) Sửa chữa phòng học", "LĨNH VỰC VĂN HÓA - XÃ HỘI", "Công chức Xây dựng"),
    ]
    assert found.tasks[1].name == "Nâng cao chất lượng giáo dục"
    assert found.tasks[1].due_date == date(2025, 9, 30)


def test_numbers_and_bullets_written_in_the_name_cell() -> None:
    doc = _doc(
        [
            ["Chỉ tiêu", "Đơn vị tính", "Mục tiêu năm 2025"],
            ["1. Sản lượng lương thực", "tấn", "4.200"],
            ["a) Lúa", "tấn", "3.900"],
            ["b) Ngô", "tấn", "300"],
            ["2. Tỷ lệ che phủ rừng", "%", "≥ 42"],
        ]
    )
    food, rice, maize, forest = tables.extract(doc).indicators
    assert (food.no, food.name, food.target_value) == ("1", "Sản lượng lương thực", 4200.0)
    assert (rice.no, rice.name, rice.parent_key) == ("", "Lúa", food.key)
    assert maize.parent_key == food.key
    assert (forest.no, forest.parent_key, forest.comparator) == ("2", None, ">=")


def test_html_table_with_rowspan_and_colspan_header() -> None:
    found = _extract(LAYOUTS / "tables_html.md")
    growth, services = found.indicators
    assert (growth.group, growth.target_text, growth.target_value) == ("KINH TẾ", "≥ 9", 9.0)
    assert [(o.source, o.text) for o in growth.other_targets] == [("Năm 2025", "8")]
    assert growth.responsible == "Phòng Kinh tế"
    assert (services.parent_key, services.target_value) == (growth.key, 8.5)


# --- several years' target columns, units named in a note --------------------------------------


def test_three_year_header_the_latest_planned_year_is_the_target() -> None:
    found = _extract(LAYOUTS / "tables_three_years.txt").indicators
    revenue, coffee, poverty, health = found
    assert (revenue.name, revenue.unit, revenue.target_text, revenue.target_value) == (
        "Thu ngân sách trên địa bàn",
        "triệu đồng",
        "≥ 4.500",
        4500.0,
    )
    # the earlier year's plan stays as another target; actuals never count
    assert [(o.source, o.text) for o in revenue.other_targets] == [("Năm 2025 Mục tiêu", "4.100")]
    assert revenue.responsible == "Công chức Tài chính - Kế toán"
    assert (coffee.target_value, poverty.target_text, poverty.comparator) == (1300.0, "dưới 4", "<")
    assert (health.target_text, health.responsible) == ("Duy trì", "Trạm Y tế")
    assert (revenue.group, poverty.group) == ("Kinh tế", "Xã hội")


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Cơ quan theo dõi", "responsible"),
        ("Bộ phận theo dõi", "responsible"),
        ("Đơn vị thực hiện", "responsible"),
        ("Cơ quan tham mưu", "responsible"),
        ("Ước thực hiện", "actual"),
        ("Thực hiện", "actual"),
    ],
)
def test_responsible_and_actual_column_words(label: str, role: str) -> None:
    assert role_of(label) == role


def test_units_named_in_a_note_column_are_the_parties() -> None:
    water, jobs, vaccination = _extract(LAYOUTS / "tables_note_parties.md").indicators
    assert (water.target_text, water.responsible, water.coordinating) == (
        "≥ 90",
        "Công chức Địa chính - Xây dựng",
        "các khu phố",
    )
    assert jobs.responsible == "Công chức Lao động - Thương binh và Xã hội"
    # a note that only cites a source names nobody in charge
    assert (vaccination.responsible, vaccination.note) == (None, "Số liệu của Trạm Y tế")


def test_docx_note_names_the_unit_and_the_plan_year_column_is_the_target(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    table = document.add_table(rows=4, cols=7)
    top = ["Số TT", "Danh mục chỉ tiêu", "Đơn vị tính", "Năm 2025", "", "Năm 2026", "Ghi chú"]
    sub = ["", "", "", "Chỉ tiêu giao", "Ước đạt", "Chỉ tiêu giao", ""]
    data = [
        [
            "1",
            "Tổng đàn gia súc",
            "con",
            "5.200",
            "5.350",
            "5.600",
            "Phòng Kinh tế, Hạ tầng và Đô thị theo dõi",
        ],
        ["2", "Tỷ lệ người dân có thẻ căn cước", "%", "95", "96", "100", "Công an xã theo dõi, tổng hợp"],
    ]
    for r, values in enumerate([top, sub, *data]):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    table.cell(0, 3).merge(table.cell(0, 4))
    path = tmp_path / "bieu.docx"
    document.save(str(path))

    cattle, ids = _extract(path).indicators
    assert (cattle.target_text, cattle.responsible) == ("5.600", "Phòng Kinh tế, Hạ tầng và Đô thị")
    assert (ids.target_value, ids.responsible) == (100.0, "Công an xã")
    assert [(o.source, o.text) for o in ids.other_targets] == [("Năm 2025 Chỉ tiêu giao", "95")]


# --- whose target, and last year's plan figures ------------------------------------------------


def test_the_own_levels_column_is_the_target_and_the_superiors_another_target() -> None:
    doc = _doc(
        [
            [
                "STT",
                "Nội dung",
                "ĐVT",
                "Ước TH 2025",
                "KH huyện giao năm 2026",
                "KH phường phấn đấu năm 2026",
            ],
            ["1", "Số hộ được hỗ trợ cải thiện nhà ở", "hộ", "40", "45", "52"],
        ],
        [
            ["STT", "Nội dung", "ĐVT", "NQ HĐND xã năm 2026", "QĐ UBND thành phố năm 2026"],
            ["1", "Tỷ lệ đường ngõ xóm được cứng hóa", "%", "≥ 88", "85"],
        ],
    )
    housing, lanes = tables.extract(doc).indicators
    assert (housing.target_text, [(o.source, o.text) for o in housing.other_targets]) == (
        "52",
        [("KH huyện giao năm 2026", "45")],
    )
    assert (lanes.target_text, lanes.comparator) == ("≥ 88", ">=")
    assert [(o.source, o.text) for o in lanes.other_targets] == [("QĐ UBND thành phố năm 2026", "85")]


def test_last_years_plan_beside_its_actuals_is_a_result_table() -> None:
    doc = _doc(
        [
            [
                "TT",
                "Nội dung chỉ tiêu",
                "Đơn vị tính",
                "KH năm 2024",
                "Ước thực hiện năm 2024",
                "Tự đánh giá",
            ],
            ["1", "Diện tích gieo trồng cây vụ đông", "ha", "320", "341", "Vượt kế hoạch"],
            ["2", "Tỷ lệ thôn có nhà văn hóa đạt chuẩn", "%", "100", "92", "Chưa đạt"],
        ],
        [
            [
                "TT",
                "Nội dung chỉ tiêu",
                "Đơn vị tính",
                "Ước thực hiện năm 2024",
                "KH năm 2025",
                "Cơ quan chủ trì",
            ],
            ["1", "Diện tích gieo trồng cây vụ đông", "ha", "341", "350", "Công chức Nông nghiệp"],
        ],
    )
    found = tables.extract(doc)
    assert [(p.no, p.item, p.value_text, p.value, p.assessment) for p in found.progress] == [
        ("1", "Diện tích gieo trồng cây vụ đông", "341", 341.0, "Vượt kế hoạch"),
        ("2", "Tỷ lệ thôn có nhà văn hóa đạt chuẩn", "92", 92.0, "Chưa đạt"),
    ]
    [crops] = found.indicators
    assert (crops.target_text, crops.other_targets, crops.responsible) == ("350", [], "Công chức Nông nghiệp")


def test_a_plan_table_of_the_plans_own_year_with_actuals_stays_an_indicator_table() -> None:
    rows = [
        ["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch 2025", "Thực hiện 6 tháng 2025"],
        ["1", "Thu ngân sách trên địa bàn", "triệu đồng", "9.500", "4.100"],
    ]
    found = tables.extract(_doc(rows))
    assert found.progress == [] and [i.target_text for i in found.indicators] == ["9.500"]


def test_an_amended_plans_adjusted_column_is_the_target_and_the_original_another() -> None:
    doc = _doc(
        [
            [
                "STT",
                "Tên chỉ tiêu",
                "Đơn vị tính",
                "Chỉ tiêu theo Nghị quyết số 08/NQ-HĐND",
                "Chỉ tiêu điều chỉnh",
                "Ghi chú",
            ],
            ["1", "Diện tích gieo trồng cây vụ đông", "ha", "320", "275", "Giảm do mưa lũ"],
            ["2", "Số hộ sử dụng nước sạch", "hộ", "1.150", "1.150", ""],
            ["3", "Số mô hình chuyển đổi số cộng đồng", "mô hình", "–", "6", "Chỉ tiêu mới"],
        ],
        [
            ["TT", "Nội dung chỉ tiêu", "ĐVT", "Mục tiêu bổ sung", "Kế hoạch năm 2026"],
            ["1", "Tỷ lệ trường đạt chuẩn quốc gia", "%", "90", "85"],
        ],
    )
    crops, water, digital, schools = tables.extract(doc).indicators
    assert (crops.target_text, crops.target_value) == ("275", 275)
    assert [(o.source, o.text) for o in crops.other_targets] == [
        ("Chỉ tiêu theo Nghị quyết số 08/NQ-HĐND", "320")
    ]
    assert water.target_text == "1.150" and [o.text for o in water.other_targets] == ["1.150"]
    assert (digital.target_text, digital.other_targets) == ("6", [])  # a dash is no figure
    assert schools.target_text == "90"


def test_an_amended_deadline_column_wins_and_a_dash_is_no_deadline() -> None:
    doc = _doc(
        [
            [
                "TT",
                "Nhiệm vụ",
                "Đơn vị chủ trì",
                "Thời gian hoàn thành đã giao",
                "Thời gian hoàn thành điều chỉnh",
            ],
            [
                "1",
                "Nâng cấp nhà văn hóa thôn Đồng Tâm",
                "Công chức Địa chính - Xây dựng",
                "Tháng 5/2025",
                "Tháng 9/2025",
            ],
            ["2", "Nạo vét kênh mương nội đồng", "Công chức Nông nghiệp", "x", "Trước 15/4/2025"],
            ["3", "Rà soát hộ cận nghèo", "Công chức Lao động", "Quý III/2025", "-"],
        ]
    )
    found = tables.extract(doc).tasks
    assert [(t.deadline_text, t.due_date) for t in found] == [
        ("Tháng 9/2025", date(2025, 9, 30)),
        ("Trước 15/4/2025", date(2025, 4, 15)),
        ("Quý III/2025", date(2025, 9, 30)),  # not adjusted: the original deadline stands
    ]


def test_docx_cells_merged_down_give_every_row_their_text(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    rows = [
        ["STT", "Nội dung nhiệm vụ", "Giải pháp", "Đồng chí chỉ đạo", "Bộ phận chủ trì", "Hạn hoàn thành"],
        [
            "1",
            "Phát triển chăn nuôi",
            "Hỗ trợ giống bò sinh sản",
            "",
            "Công chức Nông nghiệp",
            "Tháng 4/2025",
        ],
        ["", "", "Tiêm phòng định kỳ", "", "Thú y viên", "Tháng 10/2025"],
        ["2", "Kiên cố hóa kênh mương", "Huy động nhân dân góp công", "", "Trưởng các thôn", "Quý III/2025"],
        ["3", "Phổ cập giáo dục mầm non", "Rà soát trẻ trong độ tuổi", "", "Trường Mầm non", "Tháng 8/2025"],
    ]
    table = document.add_table(rows=len(rows), cols=6)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    for c in (0, 1):  # the task's number and text merged down over its two rows
        table.cell(1, c).merge(table.cell(2, c))
    table.cell(1, 3).merge(table.cell(3, 3)).text = "Đ/c Vi Văn Khánh - PCT UBND xã"
    table.cell(4, 3).text = "Đ/c Hà Thị Lụa - PCT UBND xã"
    path = tmp_path / "phan_cong.docx"
    document.save(str(path))

    found = _extract(path).tasks
    assert [(t.no, t.name, t.solution, t.leader) for t in found] == [
        ("1", "Phát triển chăn nuôi", "Hỗ trợ giống bò sinh sản", "Đ/c Vi Văn Khánh - PCT UBND xã"),
        ("", "Phát triển chăn nuôi", "Tiêm phòng định kỳ", "Đ/c Vi Văn Khánh - PCT UBND xã"),
        ("2", "Kiên cố hóa kênh mương", "Huy động nhân dân góp công", "Đ/c Vi Văn Khánh - PCT UBND xã"),
        ("3", "Phổ cập giáo dục mầm non", "Rà soát trẻ trong độ tuổi", "Đ/c Hà Thị Lụa - PCT UBND xã"),
    ]
