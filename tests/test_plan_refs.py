"""A plan's number as a question writes it (knowledge/question/plan_refs.py): the one reading
both the words left to match items with (terms.py) and the plan a question names
(storage/answer_places.py) use."""

from __future__ import annotations

import pytest

from knowledge import question as qn
from knowledge.question import plan_refs


def _folds(text: str) -> list[str]:
    return [t.fold for t in qn.tokens_of(text)]


@pytest.mark.parametrize(
    ("text", "length", "number", "table"),
    [
        ("KH 982 giao gì", 2, "982", False),
        ("QĐ 2853", 2, "2853", False),
        ("kế hoạch số 0124/KH-UBND ai chủ trì", 5, "0124", False),
        ("quyết định số 12/QĐ-UBND", 5, "12", False),
        ("phụ lục 01 có gì", 3, "01", True),
        ("mẫu biểu 02", 3, "02", True),
        ("kế hoạch 12 khi nào", 3, "12", False),  # 'khi' is no tail of the number
    ],
)
def test_a_reference_by_number(text: str, length: int, number: str, table: bool) -> None:
    assert plan_refs.reference_at(_folds(text)) == plan_refs.Reference(length, number, table)


def test_no_reference() -> None:
    assert plan_refs.reference_at(_folds("kế hoạch 2025 có gì")) is None  # a year is a period
    assert plan_refs.reference_at(_folds("kế hoạch giảm nghèo")) is None
    assert plan_refs.reference_at(_folds("tổ 5 khu phố 3")) is None
    assert plan_refs.reference_at(_folds("theo KH 308"), 1) == plan_refs.Reference(2, "308", False)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("theo KH 308 thì giao việc gì", "308"),
        ("QĐ 2853 ai chủ trì", "2853"),
        ("kế hoạch số 0124 có mấy chỉ tiêu", "124"),
        ("kế hoạch 157/KH-UBND", "157"),
        ("văn bản 05/CTr-UBND", "5"),
        # written with its tail first, wherever it stands
        ("kế hoạch 12 thực hiện quyết định 157/QĐ-UBND", "157"),
        ("phụ lục 01 có gì", None),  # a table, not a plan
        ("kế hoạch 2025 có gì", None),  # a year
        ("kế hoạch số 123456", None),  # no plan has such a number
        ("tổ 5 khu phố 3 có gì", None),
    ],
)
def test_the_number_a_question_names(text: str, number: str | None) -> None:
    q = qn.parse_question(text)
    assert plan_refs.named_number(q.raw, [t.fold for t in q.tokens]) == number


def test_the_words_left_to_match_drop_the_reference() -> None:
    assert [t.fold for t in qn.parse_question("KH 982 giao việc gì cho trạm y tế").terms] == [
        t.fold for t in qn.parse_question("giao việc gì cho trạm y tế").terms
    ]
    assert "luc" not in {t.fold for t in qn.parse_question("phụ lục 01 có những chỉ tiêu nào").terms}
