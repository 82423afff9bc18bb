"""Dated commitments of a plan's prose ('…, hoàn thành trước ngày 10/02/2025'):
kept apart from the plan's tasks, answered when someone asks when."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from knowledge.extract.milestones import extract, without_tasks
from knowledge.model import Block, Document, Task
from storage.answers import AnswerEngine
from storage.export import export_plans
from storage.ingest import ingest_paths


def _doc(*lines: str) -> Document:
    return Document(
        source="t.txt", blocks=[Block(kind="line", text=t, line_no=n) for n, t in enumerate(lines, 1)]
    )


@pytest.mark.parametrize(
    ("line", "due"),
    [
        ("- Nạo vét kênh tưới tiêu nội đồng, hoàn thành trước ngày 15/3/2026.", date(2026, 3, 15)),
        ("2. Khởi công xây dựng trường mầm non thôn 4 trong Quý III/2026.", date(2026, 9, 30)),
        ("Tập trung hoàn thành cấp giấy chứng nhận quyền sử dụng đất trong tháng 8/2026.", date(2026, 8, 31)),
        ("Bàn giao mặt bằng sạch cho nhà đầu tư chậm nhất ngày 30/6/2026.", date(2026, 6, 30)),
        ("Xây dựng nhà văn hóa thôn Đông, hoàn thành trong năm 2027.", date(2027, 12, 31)),
    ],
)
def test_a_dated_sentence_is_a_milestone(line: str, due: date) -> None:
    [found] = extract(_doc(line))
    assert found.due == due and found.source_ref == "line 1"
    assert not found.text.startswith(("-", "2."))


@pytest.mark.parametrize(
    "line",
    [
        "Căn cứ Nghị quyết số 12/NQ-HĐND ngày 20/12/2025 của HĐND xã;",
        "Các bộ phận báo cáo kết quả về Văn phòng trước ngày 20 hằng tháng và trước ngày 05/12/2026.",
        "Thời hạn: Quý II/2026.",
        "Tiếp tục triển khai các chương trình mục tiêu trong năm 2026.",  # no completion word before a bare year
        "Tỷ lệ hộ nghèo giảm còn 1,5%.",
        "Phấn đấu hoàn thành chỉ tiêu tuyển quân năm 2026 đảm bảo chất lượng.",  # a year, not a deadline
    ],
)
def test_other_sentences_are_not(line: str) -> None:
    assert extract(_doc(line)) == []


def test_the_parties_after_the_date_stay_with_it() -> None:
    [found] = extract(
        _doc(
            "3. Kiên cố hóa 2 km kênh N4 trong Quý II/2026; đồng chí Vũ Văn An, Phó Chủ tịch UBND xã chỉ đạo."
        )
    )
    assert "Vũ Văn An" in found.text and found.due == date(2026, 6, 30)
    two = extract(_doc("Lát gạch sân trường trước ngày 15/8/2026; sửa nhà văn hóa thôn 2 trong Quý IV/2026."))
    assert [ms.due for ms in two] == [date(2026, 8, 15), date(2026, 12, 31)]


def test_a_task_already_read_is_not_repeated() -> None:
    found = extract(_doc("Hoàn thành kè bờ sông Đáy đoạn qua thôn 3 trước ngày 30/9/2026."))
    task = Task(key="N1", name="Hoàn thành kè bờ sông Đáy đoạn qua thôn 3")
    assert without_tasks(found, [task]) == []


PLAN = """ỦY BAN NHÂN DÂN XÃ ĐỒNG TÂM
Số: 8/KH-UBND

KẾ HOẠCH
Phát triển kinh tế - xã hội năm 2026 của xã Đồng Tâm

I. CHỈ TIÊU
1. Tỷ lệ hộ nghèo giảm còn 2,2%.
2. Sản lượng lúa cả năm đạt 6.100 tấn.

II. NHIỆM VỤ TRỌNG TÂM
- Chỉ đạo thu hoạch lúa vụ Mùa nhanh gọn, hoàn thành trước ngày 25/10/2026.
- Hoàn thành nâng cấp trạm bơm Cầu Gạo trong Quý II/2026.
"""


@pytest.fixture
def stored(engine, tmp_path: Path):
    (tmp_path / "dong_tam.txt").write_text(PLAN, encoding="utf-8")
    assert all(r.ok for r in ingest_paths(engine, [tmp_path]))
    return engine


def test_when_is_answered_from_the_prose(stored) -> None:
    answer = AnswerEngine(stored).ask("trạm bơm Cầu Gạo khi nào xong", locality="xã Đồng Tâm")
    assert answer.matches[0].kind == "milestone"
    assert "Quý II/2026" in answer.text and "30/06/2026" in answer.text


def test_a_target_question_still_finds_the_indicator(stored) -> None:
    answer = AnswerEngine(stored).ask("sản lượng lúa bao nhiêu", locality="xã Đồng Tâm")
    assert answer.matches[0].kind == "indicator" and "6.100" in answer.text


def test_exported_apart_from_tasks(stored) -> None:
    [plan] = json.loads(json.dumps(export_plans(stored)))["plans"]
    assert plan["tasks"] == []
    assert [ms["due_date"] for ms in plan["milestones"]] == ["2026-10-25", "2026-06-30"]
