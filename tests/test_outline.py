"""The outline reader of official documents (knowledge/extract/outline*.py), one rule at a
time, on invented snippets in the shapes real plans use."""

from __future__ import annotations

from pathlib import Path

from knowledge.extract import outline_indicators, outline_tasks
from knowledge.extract.outline import build, section_role, unit_name
from knowledge.extract.plan import extract_plan
from knowledge.readers import read_document

HEADER = """ỦY BAN NHÂN DÂN
TỈNH AN GIANG

Số: 12/KH-UBND

KẾ HOẠCH
Triển khai công tác chuyển đổi số năm 2026

"""


def _doc(tmp_path: Path, body: str, name: str = "kh.md"):
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return read_document(path)


def test_section_roles_by_their_words() -> None:
    assert section_role("III. PHÂN CÔNG NHIỆM VỤ") == "tasks"
    assert section_role("IV. TỔ CHỨC THỰC HIỆN") == "tasks"
    assert section_role("I. MỤC ĐÍCH, YÊU CẦU") == "other"
    assert section_role("2. Mục tiêu cụ thể") == "targets"
    assert section_role("V. KINH PHÍ THỰC HIỆN") == "other"
    assert section_role("1. Về kinh tế") == "neutral"
    # a page's title naming 'nhiệm vụ' is no section of tasks
    assert section_role("HĐND xã Sơn Lang thông qua Nghị quyết về nhiệm vụ phát triển kinh tế năm 2026") == (
        "neutral"
    )


def test_unit_names() -> None:
    assert unit_name("1. Công an tỉnh") == "Công an tỉnh"
    assert unit_name("c) UBND các xã, phường:") == "UBND các xã, phường"
    assert unit_name("Giao Sở Tài chính") == "Sở Tài chính"
    assert unit_name("2. Phòng, chống dịch bệnh") is None
    assert unit_name("1. Bảo đảm an ninh") is None


def test_unit_headings_give_the_party_and_clauses_the_rest(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        """**I. MỤC ĐÍCH, YÊU CẦU**

1. Nâng cao nhận thức của cán bộ về chuyển đổi số trong toàn tỉnh.

**II. PHÂN CÔNG
NHIỆM VỤ**

**1. Sở Khoa học và Công nghệ**

- Chủ trì, phối hợp với các sở, ngành, địa phương xây dựng nền tảng dữ liệu dùng chung.

- Hướng dẫn các xã triển khai ứng dụng định danh điện tử. Thời gian thực hiện: Quý II/2026.

**2. Công an tỉnh**

Bảo đảm an ninh mạng cho các hệ thống thông tin của tỉnh trong năm.

3. Giao Sở Tài chính chủ trì, phối hợp với Kho bạc Nhà nước bố trí kinh phí thực hiện.

Nơi nhận:
- Như trên;
- Lưu: VT.
""",
    )
    tasks = outline_tasks.extract(doc).tasks
    assert [t.responsible for t in tasks] == [
        "Sở Khoa học và Công nghệ",
        "Sở Khoa học và Công nghệ",
        "Công an tỉnh",
        "Sở Tài chính",
    ]
    assert tasks[0].coordinating == "các sở, ngành, địa phương"
    assert tasks[1].deadline_text == "Quý II/2026" and str(tasks[1].due_date) == "2026-06-30"
    assert tasks[3].coordinating == "Kho bạc Nhà nước"
    assert not any("Nâng cao nhận thức" in t.name or "Lưu" in t.name for t in tasks)


def test_field_lines_fill_the_task_above(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        """**II. NHIỆM VỤ**

1. Xây dựng kho dữ liệu số của tỉnh

- Cơ quan chủ trì: Sở Khoa học và Công nghệ

- Cơ quan phối hợp: Các sở, ngành

- Thời gian thực hiện: Năm 2026
""",
    )
    [task] = outline_tasks.extract(doc).tasks
    assert task.name.startswith("Xây dựng kho dữ liệu số")
    assert (task.responsible, task.coordinating, task.deadline_text) == (
        "Sở Khoa học và Công nghệ",
        "Các sở, ngành",
        "Năm 2026",
    )


def test_a_period_heading_dates_its_items(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        """**III. LỘ TRÌNH THỰC HIỆN**

**1.**
**Giai đoạn 2026 - 2030**

- Hoàn thiện hạ tầng số tại các khu công nghiệp của tỉnh.
""",
    )
    [task] = outline_tasks.extract(doc).tasks
    assert task.deadline_text == "Giai đoạn 2026 - 2030" and str(task.due_date) == "2030-12-31"


def test_a_horizon_the_item_sets_itself_is_its_deadline(tmp_path: Path) -> None:
    """'Đến năm 2030, 100% …', '… trong tháng 11/2025', '… trong năm 2025': the item's own
    time, when it gives no 'Thời gian thực hiện'."""
    doc = _doc(
        tmp_path,
        """**II. NHIỆM VỤ**

- Đến năm 2030, 100% các khu vực bảo vệ nguồn lợi thủy sản được xác định và quản lý hiệu quả.

- Sở Tư pháp tổng hợp, báo cáo kết quả Ủy ban nhân dân tỉnh trong tháng 11/2025.

- Triển khai rà soát, nâng cấp các hệ thống thông tin, hoàn thành trong năm 2025.
""",
    )
    tasks = outline_tasks.extract(doc).tasks
    assert [(t.deadline_text, str(t.due_date)) for t in tasks] == [
        ("Đến năm 2030", "2030-12-31"),
        ("trong tháng 11/2025", "2025-11-30"),
        ("hoàn thành trong năm 2025", "2025-12-31"),
    ]


def test_targets_in_either_order_under_any_heading(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        """**I. MỤC TIÊU**

- Phấn đấu trên 50% diện tích lúa ứng dụng cơ giới hóa đồng bộ.

- Hình thành ít nhất 20 hợp tác xã nông nghiệp kiểu mới.

- Không để hộ dân nào thiếu nước sinh hoạt.

**II. NỘI DUNG**

(1) Ít nhất 85% người hưởng trợ cấp nhận tiền qua tài khoản;

+ Đầu tư mới trạm 5G: 35 trạm (Trong đó: MobiFone: 09 trạm, Viettel: 26 trạm);

- Tuyên truyền cho người dân về thanh toán không dùng tiền mặt.
""",
    )
    tree = build(doc)
    found = {i.name: i for i in outline_indicators.extract(doc, tree).indicators}
    assert found["Diện tích lúa ứng dụng cơ giới hóa đồng bộ"].comparator == ">"
    assert found["Diện tích lúa ứng dụng cơ giới hóa đồng bộ"].target_value == 50
    zero = next(i for n, i in found.items() if n.startswith("Không để hộ dân"))
    assert zero.target_value == 0
    assert found["Đầu tư mới trạm 5G"].target_value == 35 and found["Đầu tư mới trạm 5G"].unit == "trạm"
    child = found["Đầu tư mới trạm 5G: Viettel"]
    assert child.target_value == 26 and child.responsible == "Viettel"
    assert child.parent_key == found["Đầu tư mới trạm 5G"].key
    # the stated targets are not tasks; the plain item is
    names = [t.name for t in outline_tasks.extract(doc, tree).tasks]
    assert names == ["Tuyên truyền cho người dân về thanh toán không dùng tiền mặt."]


def test_a_commune_socio_economic_plan_keeps_its_directions_out_of_tasks(tmp_path: Path) -> None:
    path = tmp_path / "xa.md"
    path.write_text(
        """ỦY BAN NHÂN DÂN XÃ HÒA BÌNH

KẾ HOẠCH
Phát triển kinh tế - xã hội năm 2026

I. CHỈ TIÊU CHỦ YẾU
1. Tỷ lệ hộ nghèo giảm còn 2%.

II. NHIỆM VỤ, GIẢI PHÁP
1. Tập trung phát triển nông nghiệp theo hướng hàng hóa, nâng cao giá trị sản xuất.
2. Đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân.
""",
        encoding="utf-8",
    )
    plan = extract_plan(read_document(path))
    assert plan.tasks == [] and len(plan.indicators) == 1


def test_a_decisions_plan_is_read_after_the_decision_signature(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        """Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.

Nơi nhận:
- Như Điều 3;

TM. ỦY BAN NHÂN DÂN

**KẾ HOẠCH**

**II. NHIỆM VỤ**

1. Sở Nội vụ chủ trì tổ chức tập huấn cho cán bộ cấp xã về chuyển đổi số.
""",
    )
    [task] = outline_tasks.extract(doc).tasks
    assert task.responsible == "Sở Nội vụ"


def test_tables_exported_one_cell_per_line(tmp_path: Path) -> None:
    lines = ["|", "**STT**", "|", "**Nội dung**", "|", "**Chủ trì**", "|", "**Thời gian**", "|"]
    for no, task, unit, when in (
        ("1", "Xây dựng cơ sở dữ liệu đất đai", "Sở Nông nghiệp và Môi trường", "2026"),
        ("2", "Số hóa hồ sơ hành chính", "Sở Nội vụ", "Quý IV/2026"),
        ("3", "Triển khai chữ ký số cho cán bộ", "Văn phòng UBND tỉnh", "2027"),
    ):
        lines += ["|", no, "|", task, "|", unit, "|", when, "|"]
    doc = _doc(tmp_path, "\n".join(lines) + "\n\nTrên đây là kế hoạch.\n")
    [table] = [b for b in doc.blocks if b.kind == "table"]
    assert table.rows[0] == ["STT", "Nội dung", "Chủ trì", "Thời gian"]
    assert table.rows[2] == ["2", "Số hóa hồ sơ hành chính", "Sở Nội vụ", "Quý IV/2026"]
    plan = extract_plan(doc)
    assert {t.responsible for t in plan.tasks} >= {"Sở Nội vụ", "Văn phòng UBND tỉnh"}


def test_a_portals_menu_and_counter_are_not_read(tmp_path: Path) -> None:
    doc = _doc(tmp_path, "Trang chủ | Giới thiệu | Tin tức | Liên hệ\n\nLượt truy cập: 12345\n")
    assert not any("Trang chủ" in b.text or "truy cập" in b.text for b in doc.blocks)


def test_a_unit_heading_broken_over_two_lines_names_its_unit(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        """**VI. TỔ CHỨC THỰC HIỆN**

*2.4. Bộ
Chỉ huy Quân sự tỉnh*

a) Chủ trì, phối hợp với các đơn vị liên quan tuyên truyền tại khu vực biên giới.
""",
    )
    [task] = outline_tasks.extract(doc).tasks
    assert task.responsible == "Bộ Chỉ huy Quân sự tỉnh"


def test_a_units_name_broken_into_the_paragraph_below_it_is_finished(tmp_path: Path) -> None:
    """'3. Bộ Tư lệnh' / 'Thành phố chủ trì, …' and '*2.6. Sở' / 'Văn hóa, Thể thao và Du lịch*'
    over 'Chủ trì, …': the export broke the unit's name; the paragraph begins with its end."""
    doc = _doc(
        tmp_path,
        """**V. TỔ CHỨC THỰC HIỆN**

3. Bộ Tư lệnh
Thành phố chủ trì, phối hợp với Sở Nông nghiệp và Môi trường đưa nội dung phòng, chống
thiên tai vào kế hoạch bồi dưỡng kiến thức quốc phòng và an ninh.

*4. Sở
Văn hóa, Thể thao và Du lịch*
Chủ trì, phối hợp với các sở, ngành tổ chức truyền thông về phòng, chống ma túy.

5. Sở Y tế
Chủ trì hướng dẫn công tác phòng, chống dịch bệnh sau lũ.

**6. Sở Khoa học và
Công nghệ: **Phối hợp với các cơ quan báo chí tuyên truyền về chuyển đổi số.

7. Giao Sở
Nông nghiệp và Môi trường là cơ quan đầu mối, chủ trì thực hiện Đề án; tổ chức thực hiện các nhiệm vụ sau:

- Điều phối chung, đôn đốc việc triển khai Kế hoạch.

- Tổng hợp, báo cáo kết quả thực hiện Đề án hằng năm.
""",
    )
    tasks = outline_tasks.extract(doc).tasks
    assert [(t.responsible, t.name.split(",")[0]) for t in tasks] == [
        ("Bộ Tư lệnh Thành phố", "Chủ trì"),
        ("Sở Văn hóa, Thể thao và Du lịch", "Chủ trì"),
        ("Sở Y tế", "Chủ trì hướng dẫn công tác phòng"),
        ("Sở Khoa học và Công nghệ", "Phối hợp với các cơ quan báo chí tuyên truyền về chuyển đổi số."),
        ("Sở Nông nghiệp và Môi trường", "Điều phối chung"),
        ("Sở Nông nghiệp và Môi trường", "Tổng hợp"),
    ]


def test_a_lettered_heading_opening_with_an_accented_capital_is_a_heading(tmp_path: Path) -> None:
    """'b) Ủy ban nhân dân các xã' heads its items as 'a) Sở Y tế' does ('Ủ' is a capital,
    though it lies inside the letter range 'à-ỹ'); a bullet '- Địa điểm …' after a label
    that ends no sentence starts an item of its own, not the label's second line."""
    doc = _doc(
        tmp_path,
        """**II. NỘI DUNG**

*1.2. Vùng nuôi tôm hùm lồng, bè.*

a) Đối tượng quan trắc

- Địa điểm quan trắc: vùng nuôi thuộc đầm Cù Mông.

- Số điểm quan trắc: 03 điểm.

**III. TỔ CHỨC THỰC HIỆN**

a) Sở Y tế

- Chủ trì hướng dẫn công tác phòng, chống dịch bệnh.

b) Ủy ban nhân dân các xã

- Tổ chức vệ sinh môi trường sau lũ.
""",
    )
    tree = build(doc)
    by_text = {i.text: i for i in tree.items}
    points = by_text["- Số điểm quan trắc: 03 điểm."]
    assert [s.heading for s in points.section.path()][-2:] == [
        "1.2. Vùng nuôi tôm hùm lồng, bè.",
        "a) Đối tượng quan trắc",
    ]
    assert "- Địa điểm quan trắc: vùng nuôi thuộc đầm Cù Mông." in by_text
    cleanup = by_text["- Tổ chức vệ sinh môi trường sau lũ."]
    assert cleanup.section.heading == "b) Ủy ban nhân dân các xã"
    assert cleanup.section.effective_unit() == "Ủy ban nhân dân các xã"
