"""Deadline texts and reporting rules (knowledge/deadlines.py)."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.deadlines import parse_deadline, parse_reporting_rule

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _dates(text: str, default_year: int | None = None) -> list[date]:
    return [d.due for d in parse_deadline(text, default_year).deadlines]


# --- single periods --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Năm 2023", date(2023, 12, 31)),
        ("nam 2023", date(2023, 12, 31)),
        ("Tháng 5/2023", date(2023, 5, 31)),
        ("tháng 2/2024", date(2024, 2, 29)),
        ("tháng 02 năm 2023", date(2023, 2, 28)),
        ("Quý 1/2023", date(2023, 3, 31)),
        ("Quý I/2023", date(2023, 3, 31)),
        ("quy 1/2023", date(2023, 3, 31)),
        ("quý IV năm 2023", date(2023, 12, 31)),
        ("Quý II - 2024", date(2024, 6, 30)),
        ("6 tháng đầu năm 2023", date(2023, 6, 30)),
        ("9 tháng đầu năm 2023", date(2023, 9, 30)),
        ("6 tháng cuối năm 2023", date(2023, 12, 31)),
        ("Năm 2023-2025", date(2025, 12, 31)),
        ("2026 - 2027", date(2027, 12, 31)),
        ("Giai đoạn 2021 – 2025", date(2025, 12, 31)),
        ("trước ngày 05/12/2024", date(2024, 12, 5)),
        ("05/12/2024", date(2024, 12, 5)),
        ("Từ nay đến hết năm 2023", date(2023, 12, 31)),
        ("Thực hiện đảm bảo tiến độ đề ra trong năm 2023 theo lộ trình.", date(2023, 12, 31)),
        ("ngày 15/12 năm 2025", date(2025, 12, 15)),
        ("Tháng 5/năm 2023", date(2023, 5, 31)),
        ("Từ tháng 3 đến tháng 6/2023", date(2023, 6, 30)),
        ("QUÝ II/2024", date(2024, 6, 30)),
        ("Quý 1 năm 2023", date(2023, 3, 31)),
    ],
)
def test_single_period(text: str, expected: date) -> None:
    parsed = parse_deadline(text)
    assert _dates(text) == [expected]
    assert parsed.text == text
    assert parsed.due_date == expected
    assert parsed.recurring is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'trước tháng 5' = before May starts
        ("Trước tháng 5/2023", date(2023, 4, 30)),
        ("trước tháng 1/2024", date(2023, 12, 31)),
        ("trước quý 3/2023", date(2023, 6, 30)),
        ("trước năm 2025", date(2024, 12, 31)),
        # ...but 'trước ngày X' keeps the day X
        ("Trước ngày 30/4/2023", date(2023, 4, 30)),
    ],
)
def test_before_a_period_means_before_it_starts(text: str, expected: date) -> None:
    assert _dates(text) == [expected]


def test_two_months_share_the_year_written_last() -> None:
    parsed = parse_deadline("Cuối tháng 7 và tháng 10/2023")
    assert [(d.due, d.label) for d in parsed.deadlines] == [
        (date(2023, 7, 31), "Cuối tháng 7"),
        (date(2023, 10, 31), "tháng 10/2023"),
    ]
    assert parsed.due_date == date(2023, 10, 31)


def test_month_list_labels_drop_joining_words() -> None:
    parsed = parse_deadline("Tháng 10/2023 - tháng 12/2023")
    assert [d.label for d in parsed.deadlines] == ["Tháng 10/2023", "tháng 12/2023"]


def test_two_quarters() -> None:
    assert _dates("Quý III và quý IV/2023") == [date(2023, 9, 30), date(2023, 12, 31)]


def test_solutions_get_labels() -> None:
    parsed = parse_deadline("Giải pháp 1: Quý 1/2023; Giải pháp (2), (3): Năm 2023")
    assert [(d.due, d.label) for d in parsed.deadlines] == [
        (date(2023, 3, 31), "Giải pháp 1"),
        (date(2023, 12, 31), "Giải pháp (2), (3)"),
    ]
    assert parsed.due_date == date(2023, 12, 31)


def test_superscript_solution_numbers_are_plain_in_labels() -> None:
    parsed = parse_deadline("Giải pháp 1: Quý 1/2023; Giải pháp ⁽²⁾, (3): Năm 2023")
    assert [d.label for d in parsed.deadlines] == ["Giải pháp 1", "Giải pháp (2), (3)"]


def test_month_without_year_uses_default_year() -> None:
    assert _dates("Tháng 12", default_year=2023) == [date(2023, 12, 31)]
    assert _dates("Tháng 12") == []
    assert _dates("Quý 2", default_year=2024) == [date(2024, 6, 30)]
    assert _dates("Tháng 3", default_year=2023) == [date(2023, 3, 31)]


def test_written_year_beats_default_year() -> None:
    assert _dates("Tháng 12 năm 2025", default_year=2023) == [date(2025, 12, 31)]


# --- recurring and undated -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "frequency"),
    [
        ("Hằng năm", "yearly"),
        ("Hàng năm", "yearly"),
        ("hang nam", "yearly"),
        ("Hàng quý", "quarterly"),
        ("Hàng tháng", "monthly"),
        ("Thường xuyên", "continuous"),
        ("Nhiệm vụ thường xuyên trong năm, nhất là mùa mưa bão", "continuous"),
        ("Năm 2023 và những năm tiếp theo", "yearly"),
        ("Năm 2023 và các năm tiếp theo", "yearly"),
    ],
)
def test_recurring_without_date(text: str, frequency: str) -> None:
    parsed = parse_deadline(text, default_year=2023)
    assert (parsed.recurring, parsed.frequency, parsed.due_date) == (True, frequency, None)


def test_recurring_within_a_year_keeps_the_year_end() -> None:
    parsed = parse_deadline("Thường xuyên trong năm 2023")
    assert (parsed.recurring, parsed.due_date) == (True, date(2023, 12, 31))


@pytest.mark.parametrize(
    ("text", "default_year", "expected"),
    [
        ("Cả năm", 2026, date(2026, 12, 31)),
        ("cả năm", 2023, date(2023, 12, 31)),
        ("CẢ NĂM", 2026, date(2026, 12, 31)),
        ("Cả năm nay", 2026, date(2026, 12, 31)),
        ("Cả năm 2025", 2026, date(2025, 12, 31)),  # the written year wins
        ("Cả năm 2025", None, date(2025, 12, 31)),
        ("Thực hiện cả năm", 2024, date(2024, 12, 31)),
        ("Cả năm", None, None),  # no year known: recurring, undated
    ],
)
def test_whole_year_is_recurring_to_the_year_end(
    text: str, default_year: int | None, expected: date | None
) -> None:
    parsed = parse_deadline(text, default_year=default_year)
    assert (parsed.recurring, parsed.frequency, parsed.due_date) == (True, "continuous", expected)
    assert len(parsed.deadlines) == (expected is not None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6 tháng đầu năm", date(2026, 6, 30)),
        ("6 tháng cuối năm", date(2026, 12, 31)),
        ("Trong năm 2025", date(2025, 12, 31)),
    ],
)
def test_year_halves_and_in_year_take_the_plan_year(text: str, expected: date) -> None:
    parsed = parse_deadline(text, default_year=2026)
    assert (parsed.recurring, parsed.due_date) == (False, expected)


@pytest.mark.parametrize("text", ["Các năm tiếp theo", "Cá nhân năm 2026", "Trong năm"])
def test_not_a_whole_year(text: str) -> None:
    parsed = parse_deadline(text, default_year=2026)
    assert parsed.frequency != "continuous"


def test_day_of_every_month() -> None:
    parsed = parse_deadline("trước ngày 20 hàng tháng")
    assert (parsed.recurring, parsed.frequency, parsed.day_of_month, parsed.deadlines) == (
        True,
        "monthly",
        20,
        [],
    )


@pytest.mark.parametrize(
    "text",
    [
        "Theo chỉ đạo của thành phố",
        "Đảm bảo theo yêu cầu, tiến độ cấp trên giao",
        "Theo lộ trình KH 150/KH-UBND ngày 17/5/2022",  # the document's date is no deadline
        "",
    ],
)
def test_no_date(text: str) -> None:
    parsed = parse_deadline(text, default_year=2023)
    assert (parsed.deadlines, parsed.recurring, parsed.due_date) == ([], False, None)
    assert parsed.text == text


def test_none_text() -> None:
    assert parse_deadline(None).text == ""


# --- properties ------------------------------------------------------------------


@given(st.integers(min_value=1, max_value=4), st.integers(min_value=1990, max_value=2099), st.booleans())
def test_quarter_gives_a_quarter_end(quarter: int, year: int, roman: bool) -> None:
    q = ROMAN[quarter] if roman else str(quarter)
    (due,) = _dates(f"Quý {q}/{year}")
    assert due.year == year
    assert due.month == 3 * quarter
    assert due.day == calendar.monthrange(year, due.month)[1]


@given(st.integers(min_value=1, max_value=12), st.integers(min_value=1990, max_value=2099))
def test_before_month_is_the_day_before_it_starts(month: int, year: int) -> None:
    (due,) = _dates(f"Trước tháng {month}/{year}")
    assert (due.toordinal() + 1) == date(year, month, 1).toordinal()


@given(
    st.lists(
        st.tuples(st.integers(min_value=1, max_value=12), st.integers(min_value=2000, max_value=2040)),
        min_size=1,
        max_size=4,
    )
)
def test_due_date_is_the_latest(periods: list[tuple[int, int]]) -> None:
    text = " và ".join(f"tháng {m}/{y}" for m, y in periods)
    parsed = parse_deadline(text)
    assert len(parsed.deadlines) == len(periods)
    assert parsed.due_date is not None
    assert all(parsed.due_date >= d.due for d in parsed.deadlines)
    assert parsed.due_date in {d.due for d in parsed.deadlines}


# --- reporting rules -------------------------------------------------------------


def test_reporting_rule_monthly_day_and_year_end_date() -> None:
    rule = parse_reporting_rule(
        "2. Giao Văn phòng HĐND-UBND phường theo dõi, đôn đốc việc thực hiện kế hoạch năm 2024; "
        "tổng hợp kết quả, báo cáo Thường trực UBND phường **trước ngày 10 hàng tháng**; "
        "báo cáo kết quả cả năm **trước ngày 05/12/2024**./."
    )
    assert rule is not None
    assert (rule.frequency, rule.day_of_month, rule.deadline_date, rule.report_to) == (
        "monthly",
        10,
        date(2024, 12, 5),
        "Thường trực UBND phường",
    )


def test_reporting_rule_recipient_after_cho() -> None:
    rule = parse_reporting_rule(
        "Các ban, ngành thực hiện nghiêm túc các nhiệm vụ được giao, báo cáo kết quả, tiến độ "
        "triển khai thực hiện cho UBND xã (qua Đ/c Văn phòng – thống kê) trước ngày 20 hàng tháng "
        "hoặc báo cáo đột xuất khi có yêu cầu./."
    )
    assert rule is not None
    assert (rule.frequency, rule.day_of_month, rule.report_to) == ("monthly", 20, "UBND xã")


@pytest.mark.parametrize(
    ("sentence", "frequency", "report_to"),
    [
        (
            "Văn phòng định kỳ hàng tháng tổng hợp, báo cáo Chủ tịch UBND xã; tham mưu xử lý",
            "monthly",
            "Chủ tịch UBND xã",
        ),
        (
            "Kết quả thực hiện trong từng tháng, quý, năm báo cáo Thường trực Đảng ủy, UBND phường.",
            "monthly",
            "Thường trực Đảng ủy, UBND phường",
        ),
        (
            "Định kỳ hằng quý báo cáo về UBND huyện trước ngày 15 của tháng cuối quý.",
            "quarterly",
            "UBND huyện",
        ),
        ("Các đơn vị báo cáo kết quả hàng năm về Văn phòng UBND xã.", "yearly", "Văn phòng UBND xã"),
        ("tổng hợp, báo cáo kết quả định kỳ, đột xuất việc thực hiện", "adhoc", None),
        ("bao cao UBND xa truoc ngay 20 hang thang", "monthly", "UBND xa"),
        ("Định kỳ báo cáo UBND phường.", None, "UBND phường"),
    ],
)
def test_reporting_rule_variants(sentence: str, frequency: str | None, report_to: str | None) -> None:
    rule = parse_reporting_rule(sentence)
    assert rule is not None
    assert (rule.frequency, rule.report_to) == (frequency, report_to)


def test_quarterly_rule_has_no_day_of_month() -> None:
    rule = parse_reporting_rule("Định kỳ hằng quý báo cáo về UBND huyện trước ngày 15 của tháng cuối quý.")
    assert rule is not None and rule.day_of_month is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Hàng tháng tổ chức họp giao ban",  # a schedule, no report
        "Xây dựng Báo cáo nửa nhiệm kỳ thực hiện Nghị quyết",  # a report as a product
        "Chương trình công tác hàng năm của UBND; tham mưu UBND phường báo cáo cơ quan có thẩm quyền theo quy định.",
        "",
        None,
    ],
)
def test_no_reporting_rule(sentence: str | None) -> None:
    assert parse_reporting_rule(sentence) is None


def test_reporting_rule_skips_referenced_document_dates() -> None:
    rule = parse_reporting_rule(
        "Báo cáo UBND thành phố theo Kế hoạch số 150/KH-UBND ngày 17/5/2022 trước ngày 20 hàng tháng."
    )
    assert rule is not None
    assert (rule.deadline_date, rule.day_of_month) == (None, 20)


@given(st.text(alphabet="0123456789/.-: ;quýtháng năm QuýIVđầucốitrước⁽²⁾Giảipháp", max_size=50))
def test_parsers_never_raise(text: str) -> None:
    parsed = parse_deadline(text, default_year=2024)
    assert parsed.text == text.strip()
    parse_reporting_rule("báo cáo " + text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tháng 3, 4/2027", [date(2027, 3, 31), date(2027, 4, 30)]),
        ("tháng 11 và 12/2026", [date(2026, 11, 30), date(2026, 12, 31)]),
        ("Các tháng 6, 7, 8 năm 2027", [date(2027, 6, 30), date(2027, 7, 31), date(2027, 8, 31)]),
        ("Trong tháng 1, 2/2028 (trước Tết)", [date(2028, 1, 31), date(2028, 2, 29)]),
    ],
)
def test_months_listed_before_one_year_share_it(text: str, expected: list[date]) -> None:
    """'Tháng 3, 4/2027': each month of the list is a date of that year; the last is the due date."""
    assert _dates(text, 2025) == expected
    assert max(d.due for d in parse_deadline(text, 2025).deadlines) == expected[-1]
