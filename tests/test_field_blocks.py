"""Tasks written as a block of labelled items under one heading (knowledge/extract/field_blocks.py):
the task text after 'Nhiệm vụ:' (or each item under it) takes the block's lead unit,
coordinating units and time. Invented documents, one shape each."""

from __future__ import annotations

from pathlib import Path

from knowledge.extract import outline_tasks
from knowledge.extract.field_labels import field_label
from knowledge.extract.lines import paragraphs
from knowledge.extract.outline import unit_name
from knowledge.model import Task
from knowledge.readers import read_document

HEADER = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ

Số: 41/KH-UBND

KẾ HOẠCH
Phát triển dữ liệu số năm 2026

I. MỤC ĐÍCH, YÊU CẦU

Bảo đảm triển khai đồng bộ, hiệu quả.

II. NHIỆM VỤ

"""


def _tasks(tmp_path: Path, body: str) -> list[Task]:
    path = tmp_path / "kh.md"
    path.write_text(HEADER + body, encoding="utf-8")
    return outline_tasks.extract(read_document(path)).tasks


def _by_name(tasks: list[Task], start: str) -> Task:
    found = [t for t in tasks if t.name.startswith(start)]
    assert len(found) == 1, [t.name for t in tasks]
    return found[0]


def test_inline_task_takes_the_nested_units_and_the_time(tmp_path: Path) -> None:
    tasks = _tasks(
        tmp_path,
        """**2.1. Nguồn nhân lực**

a) Nhiệm vụ: Tuyển chọn chuyên gia dữ liệu cho các cơ quan của tỉnh.

b) Cơ quan thực hiện:

- Đơn vị chủ trì: Sở Nội vụ.

- Đơn vị phối hợp: Sở Tài chính, UBND các xã.

c) Thời gian thực hiện: Hoàn thành trong năm 2026.

**2.2. Kinh phí thực hiện**

a) Nhiệm vụ: Các đơn vị lập dự toán kinh phí số hóa và gửi Sở Tài chính
thẩm định.

b) Cơ quan thực hiện: Các sở, ban, ngành.
""",
    )
    t = _by_name(tasks, "Tuyển chọn chuyên gia")
    assert t.responsible == "Sở Nội vụ"
    assert t.coordinating == "Sở Tài chính, UBND các xã"
    assert t.deadline_text == "Hoàn thành trong năm 2026"
    assert t.deadlines and t.deadlines[0].due.isoformat() == "2026-12-31"
    assert t.group == "Nguồn nhân lực"
    # a record under 'Kinh phí thực hiện' inside the tasks part is a task too
    funds = _by_name(tasks, "Các đơn vị lập dự toán")
    assert funds.responsible == "Các sở, ban, ngành"
    assert funds.group == "Kinh phí thực hiện"
    # the labels are no tasks, and 'Cơ quan thực hiện' names no unit
    assert len(tasks) == 2


def test_each_bullet_under_the_task_label_takes_the_block_fields(tmp_path: Path) -> None:
    tasks = _tasks(
        tmp_path,
        """**3. Về an toàn thông tin**

a) Nhiệm vụ:

- Triển khai phương án bảo đảm an toàn thông tin cho các cơ sở dữ liệu.

- Phối hợp với Bộ Công an ứng cứu sự cố cho hạ tầng kỹ thuật của tỉnh.

b) Cơ quan thực hiện:

- Đơn vị chủ trì: Công an tỉnh.

- Đơn vị phối hợp: Các sở, ban, ngành.

c) Thời gian thực hiện: Thực hiện thường xuyên.
""",
    )
    assert len(tasks) == 2
    for t in tasks:
        assert t.responsible == "Công an tỉnh"
        assert t.coordinating == "Các sở, ban, ngành"  # the block's, not 'Bộ Công an' of the text
        assert t.recurring
        assert t.group == "Về an toàn thông tin"


def test_plain_label_lines_without_markers(tmp_path: Path) -> None:
    tasks = _tasks(
        tmp_path,
        """**1. Số hóa hồ sơ**

Nhiệm vụ: Số hóa toàn bộ hồ sơ hộ tịch lưu trữ tại các xã.
Cơ quan chủ trì: Sở Tư pháp.
Cơ quan phối hợp: UBND các xã, phường.
Thời hạn: Quý III/2026.
""",
    )
    t = _by_name(tasks, "Số hóa toàn bộ hồ sơ")
    assert (t.responsible, t.coordinating, t.deadline_text) == (
        "Sở Tư pháp",
        "UBND các xã, phường",
        "Quý III/2026",
    )
    assert len(tasks) == 1


def test_bold_lettered_labels_with_inline_units(tmp_path: Path) -> None:
    tasks = _tasks(
        tmp_path,
        """**2. Xây dựng kho dữ liệu dùng chung**

**a) Hoạt động:** Xây dựng kho dữ liệu dùng chung của tỉnh trên nền tảng điện toán đám mây.

**b) Chủ trì:** Sở Khoa học và Công nghệ.

**c) Tiến độ:** Tháng 9/2026.
""",
    )
    t = _by_name(tasks, "Xây dựng kho dữ liệu dùng chung của tỉnh")
    assert t.responsible == "Sở Khoa học và Công nghệ"
    assert t.deadline_text == "Tháng 9/2026"
    assert len(tasks) == 1


def test_block_without_a_time_field(tmp_path: Path) -> None:
    tasks = _tasks(
        tmp_path,
        """**4. Đào tạo**

- Nhiệm vụ: Mở lớp bồi dưỡng kỹ năng số cho công chức cấp xã.
- Đơn vị thực hiện: Sở Nội vụ.
- Sản phẩm: 20 lớp bồi dưỡng.
""",
    )
    t = _by_name(tasks, "Mở lớp bồi dưỡng")
    assert t.responsible == "Sở Nội vụ"
    assert t.deadline_text is None
    assert len(tasks) == 1  # 'Sản phẩm: …' is a field of the task, no task of its own


def test_two_records_in_one_section_keep_their_own_fields(tmp_path: Path) -> None:
    tasks = _tasks(
        tmp_path,
        """**5. Hạ tầng số**

- Nhiệm vụ: Nâng cấp mạng truyền số liệu chuyên dùng cấp xã.
- Cơ quan chủ trì: Sở Khoa học và Công nghệ.
- Nhiệm vụ: Lắp đặt camera an ninh tại các trục đường chính.
- Cơ quan chủ trì: Công an tỉnh.
- Thời gian thực hiện: Năm 2027.
""",
    )
    first, second = _by_name(tasks, "Nâng cấp mạng"), _by_name(tasks, "Lắp đặt camera")
    assert first.responsible == "Sở Khoa học và Công nghệ" and first.deadline_text is None
    assert second.responsible == "Công an tỉnh" and second.deadline_text == "Năm 2027"


def test_content_label_under_a_task_heading_keeps_the_heading_as_the_name(tmp_path: Path) -> None:
    tasks = _tasks(
        tmp_path,
        """**1. Tổ chức tập huấn kỹ năng số cho cán bộ**

- Nội dung thực hiện: Tập huấn sử dụng chữ ký số và hệ thống quản lý văn bản.
- Cơ quan chủ trì: Sở Nội vụ, Sở Tài chính.
- Thời gian thực hiện: Quý II/2026.
""",
    )
    t = _by_name(tasks, "Tổ chức tập huấn kỹ năng số cho cán bộ")
    assert t.solution == "Tập huấn sử dụng chữ ký số và hệ thống quản lý văn bản"
    assert t.responsible == "Sở Nội vụ, Sở Tài chính"
    assert t.deadline_text == "Quý II/2026"


def test_a_list_whose_items_open_with_noi_dung_is_no_block(tmp_path: Path) -> None:
    tasks = _tasks(
        tmp_path,
        """**6. Tuyên truyền**

- Nội dung tuyên truyền về chuyển đổi số trên Cổng thông tin điện tử của tỉnh.
- Nội dung về bảo vệ dữ liệu cá nhân đăng trên báo Quảng Trị hằng tháng.
- Thời gian thực hiện các chuyên mục được đăng hằng tuần trên đài phát thanh.
""",
    )
    assert len(tasks) == 3
    assert all(t.responsible is None for t in tasks)
    assert all(t.solution is None for t in tasks)


def test_two_content_items_alone_are_no_record(tmp_path: Path) -> None:
    tasks = _tasks(
        tmp_path,
        """**7. Kiểm tra việc thực hiện Kế hoạch**

- Nội dung: Kiểm tra việc số hóa hồ sơ tại các xã, phường trên địa bàn.
- Nội dung: Kiểm tra việc bảo đảm an toàn thông tin của các sở, ngành.
""",
    )
    # no field assigns them: the heading stays the one task they detail, with nobody in charge
    assert [(t.name, t.responsible) for t in tasks] == [("Kiểm tra việc thực hiện Kế hoạch", None)]


def test_block_under_the_purpose_of_the_plan_is_no_task(tmp_path: Path) -> None:
    path = tmp_path / "kh.md"
    path.write_text(
        HEADER.split("II. NHIỆM VỤ")[0]
        + """a) Nhiệm vụ: Nâng cao nhận thức của cán bộ về dữ liệu số trong toàn tỉnh.
b) Cơ quan chủ trì: Sở Nội vụ.
""",
        encoding="utf-8",
    )
    assert outline_tasks.extract(read_document(path)).tasks == []


def test_group_of_items_right_under_a_part_of_the_plan(tmp_path: Path) -> None:
    tasks = _tasks(
        tmp_path,
        """1. Số hóa hồ sơ hộ tịch của các xã trên địa bàn tỉnh trong năm 2026.

III. TỔ CHỨC THỰC HIỆN

1. Sở Nội vụ theo dõi, đôn đốc các cơ quan triển khai Kế hoạch này.
""",
    )
    t = _by_name(tasks, "Sở Nội vụ theo dõi")
    assert t.group == "Tổ chức thực hiện"


def test_field_labels() -> None:
    assert field_label("b) Đơn vị chủ trì: Sở Y tế.") == ("responsible", "Sở Y tế.")
    assert field_label("**c) Thời gian thực hiện:** Quý II/2026") == ("deadline", "Quý II/2026")
    assert field_label("b) Cơ quan thực hiện:") == ("responsible", "")
    assert field_label("- Đơn vị phối hợp: Các sở") == ("coordinating", "Các sở")
    assert field_label("Nhiệm vụ 2: Xây dựng kho dữ liệu") == ("task", "Xây dựng kho dữ liệu")
    assert field_label("4.1. Kinh phí thực hiện") is None  # a section of the plan, no ':'
    assert field_label("- Nội dung tuyên truyền: pháp luật") is None
    assert field_label("- Chủ trì, phối hợp với Sở Tài chính: rà soát") is None
    assert unit_name("b) Cơ quan thực hiện:") is None
    assert unit_name("c) Cơ quan Thường trực Ban Chỉ đạo") == "Cơ quan Thường trực Ban Chỉ đạo"


def test_paragraphs_keep_a_labelled_value_cut_before_a_capital(tmp_path: Path) -> None:
    path = tmp_path / "kh.md"
    path.write_text(
        "a) Nhiệm vụ: Tham mưu UBND\nTỉnh phối hợp với Bộ Công an rà soát chiến lược dữ\n"
        "liệu của tỉnh (danh mục tại Phụ lục II Nghị quyết\n214/NQ-CP).\n\n1.1. Xây dựng\n",
        encoding="utf-8",
    )
    texts = [p.text for p in paragraphs(read_document(path))]
    assert texts[0].startswith("a) Nhiệm vụ: Tham mưu UBND Tỉnh phối hợp")
    assert texts[0].endswith("Nghị quyết 214/NQ-CP).")  # a document number is no capitalised heading
