"""Field sections ('1. Lĩnh vực …') holding '- Chỉ tiêu: …' bullets (indicators) and
'- Nhiệm vụ: …' bullets (tasks), each task's assignment written as clauses in brackets or
after a ';': '(Đ/c … chỉ đạo; Phòng … chủ trì, phối hợp …; hoàn thành …)'."""

from __future__ import annotations

from datetime import date

from knowledge.extract import prose_indicators, prose_tasks
from knowledge.extract.plan import extract_plan
from knowledge.extract.prose_tasks import split_assignment
from knowledge.model import Block, Document

PLAN = """\
KẾ HOẠCH
Triển khai nhiệm vụ năm 2027

II. CHỈ TIÊU, NHIỆM VỤ THEO LĨNH VỰC

1. Lĩnh vực nông nghiệp
- Chỉ tiêu: Diện tích gieo trồng cây hằng năm đạt 1.250 ha;
  + Trong đó: ngô đạt 320 ha.
- Chỉ tiêu: Tổng đàn gia cầm đạt 45.000 con.
- Nhiệm vụ: Nạo vét 3,5 km kênh mương nội đồng thôn Bình Minh (Đồng chí Trần Văn Khải - Phó Chủ tịch UBND xã chỉ đạo; Phòng Kinh tế chủ trì, phối hợp Hội Nông dân xã, các thôn; hoàn thành trước 15/4/2027).
- Nhiệm vụ: Hỗ trợ 40 hộ chuyển đổi sang trồng cây ăn quả (Hội Nông dân xã chủ trì, hoàn thành Quý III/2027).

2. Lĩnh vực y tế
- Chỉ tiêu: Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt 98%.
- Nhiệm vụ: Khám sức khỏe định kỳ cho 600 người cao tuổi; Trạm Y tế xã thực hiện, phối hợp Hội Người cao tuổi; thời hạn tháng 10/2027.
- Nhiệm vụ: Tuyên truyền phòng chống sốt xuất huyết (Trạm Y tế xã chủ trì; thời gian: Thường xuyên).
"""


def _doc(text: str) -> Document:
    blocks = [Block(kind="line", text=line, line_no=n) for n, line in enumerate(text.splitlines(), 1)]
    return Document(source="inline.txt", blocks=blocks)


def test_task_bullets_become_tasks_with_their_clauses() -> None:
    tasks = prose_tasks.extract(_doc(PLAN)).tasks
    assert [t.name for t in tasks] == [
        "Nạo vét 3,5 km kênh mương nội đồng thôn Bình Minh",
        "Hỗ trợ 40 hộ chuyển đổi sang trồng cây ăn quả",
        "Khám sức khỏe định kỳ cho 600 người cao tuổi",
        "Tuyên truyền phòng chống sốt xuất huyết",
    ]
    first, second, third, fourth = tasks
    assert first.leader == "Đồng chí Trần Văn Khải - Phó Chủ tịch UBND xã"
    assert first.responsible == "Phòng Kinh tế"
    assert first.coordinating == "Hội Nông dân xã, các thôn"
    assert first.deadline_text == "trước 15/4/2027"
    assert first.deadlines[0].due == date(2027, 4, 15)
    assert (second.leader, second.responsible, second.coordinating) == (None, "Hội Nông dân xã", None)
    assert second.deadlines[0].due == date(2027, 9, 30)
    assert (third.responsible, third.coordinating) == ("Trạm Y tế xã", "Hội Người cao tuổi")
    assert third.deadline_text == "tháng 10/2027"
    assert fourth.responsible == "Trạm Y tế xã" and fourth.recurring


def test_task_bullets_are_not_indicators_and_parts_hang_under_their_record() -> None:
    inds = prose_indicators.extract(_doc(PLAN)).indicators
    names = [i.name for i in inds]
    assert not any("Nhiệm vụ" in n or "kênh mương" in n or "sức khỏe" in n for n in names)
    by_name = {i.name: i for i in inds}
    assert by_name["Ngô"].parent_key == by_name["Diện tích gieo trồng cây hằng năm"].key
    assert by_name["Tổng đàn gia cầm"].parent_key is None


def test_whole_plan_keeps_indicators_and_tasks_apart() -> None:
    plan = extract_plan(_doc(PLAN))
    assert len(plan.tasks) == 4
    assert {i.name for i in plan.indicators} >= {"Tổng đàn gia cầm", "Ngô"}
    assert not any("Nạo vét" in i.name for i in plan.indicators)


def test_split_assignment_needs_a_party() -> None:
    assert split_assignment("Sửa chữa trường mầm non (giai đoạn 2)") == (
        "Sửa chữa trường mầm non (giai đoạn 2)",
        [],
    )
    assert split_assignment("Làm đường thôn Đông (hoàn thành Quý II/2027)")[1] == []
    assert split_assignment("Làm đường (Ban Quản lý dự án chủ trì)") == (
        "Làm đường",
        [("responsible", "Ban Quản lý dự án")],
    )


def test_bracketed_units_after_other_items_make_no_task() -> None:
    text = "1. Lĩnh vực kinh tế\n- Tỷ lệ hộ nghèo giảm còn 3% (Công chức LĐ-TB&XH chủ trì).\n"
    assert prose_tasks.extract(_doc(text)).tasks == []
