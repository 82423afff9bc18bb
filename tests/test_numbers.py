"""Vietnamese numbers, targets, achievement and progress values (knowledge/numbers.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.model import Target
from knowledge.numbers import (
    find_targets,
    format_number,
    meets_target,
    parse_number,
    parse_progress_value,
    parse_target,
    percent_of_target,
    progress_status,
)

# --- parse_number ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.900", 1900),
        ("46.341.000.000", 46341000000),
        ("7,6", 7.6),
        ("0.9", 0.9),
        ("93,5", 93.5),
        ("7.9", 7.9),  # a single dot before one digit is a decimal
        ("99.25", 99.25),
        ("0.400", 0.4),  # a lone leading zero is never a thousands group
        ("1234.567", 1234.567),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("1,200", 1.2),  # a single comma is always the decimal comma
        ("1,234,567", 1234567),
        ("05", 5),
        ("135,0", 135.0),
        ("-2,5", -2.5),
        ("1.900 tấn", 1900),
        ("đạt 93%", 93),
    ],
)
def test_parse_number(text: str, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "abc", "2.4.1", "1.23.456", None])
def test_parse_number_rejects(text: str | None) -> None:
    assert parse_number(text) is None


def test_format_number_vietnamese() -> None:
    assert format_number(1900) == "1.900"
    assert format_number(7.6) == "7,6"
    assert format_number(46341000000) == "46.341.000.000"
    assert format_number(-1234.5) == "-1.234,5"


@given(st.integers(min_value=0, max_value=10**12))
def test_integers_round_trip(n: int) -> None:
    assert parse_number(format_number(n)) == n


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=99))
def test_decimals_round_trip(whole: int, hundredths: int) -> None:
    value = whole + hundredths / 100
    assert parse_number(format_number(value)) == pytest.approx(value, rel=1e-12)


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False))
def test_random_floats_round_trip_to_two_decimals(x: float) -> None:
    assert parse_number(format_number(x)) == pytest.approx(round(x, 2), abs=1e-6)


# --- parse_target ----------------------------------------------------------------


def _t(text: str, unit_hint: str | None = None) -> tuple:
    t = parse_target(text, unit_hint)
    return (t.value, t.comparator, t.max_value, t.unit, t.denominator)


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        ("1.900 tấn", None, (1900, "=", None, "tấn", None)),
        ("7,6%", None, (7.6, "=", None, "%", None)),
        ("46.341.000.000 đồng", None, (46341000000, "=", None, "đồng", None)),
        ("50 - 100", None, (50, "range", 100, None, None)),
        ("15-20%", None, (15, "range", 20, "%", None)),
        ("từ 15-20%", None, (15, "range", 20, "%", None)),
        ("15% - 20%", None, (15, "range", 20, "%", None)),
        ("từ 50 đến 100 cơ sở", None, (50, "range", 100, "cơ sở", None)),
        ("4/8 hộ", None, (4, "=", None, "hộ", 8)),
        ("19/20 phố", None, (19, "=", None, "phố", 20)),
        ("dưới 7,6%", None, (7.6, "<", None, "%", None)),
        ("Dưới 0,5%", None, (0.5, "<", None, "%", None)),
        ("dưới : 0,9%", None, (0.9, "<", None, "%", None)),
        ("trên 95%", None, (95, ">", None, "%", None)),
        ("từ 94% trở lên", None, (94, ">=", None, "%", None)),
        ("11% trở lên", None, (11, ">=", None, "%", None)),
        ("không thấp hơn 60% tổng chi ngân sách", None, (60, ">=", None, "%", None)),
        ("không dưới 5 DN", None, (5, ">=", None, "DN", None)),
        ("ít nhất 3 trường", None, (3, ">=", None, "trường", None)),
        ("tối thiểu 20 ha", None, (20, ">=", None, "ha", None)),
        ("tối đa 40% tổng chi ngân sách", None, (40, "<=", None, "%", None)),
        ("không quá 2%", None, (2, "<=", None, "%", None)),
        ("không vượt 3‰", None, (3, "<=", None, "‰", None)),
        ("≥ 15", "%", (15, ">=", None, "%", None)),
        ("≤ 10%", None, (10, "<=", None, "%", None)),
        (">= 5", None, (5, ">=", None, None, None)),
        ("<= 5", None, (5, "<=", None, None, None)),
        ("≥ 90 %", None, (90, ">=", None, "%", None)),
        ("dưới 15‰", None, (15, "<", None, "‰", None)),
        ("13m²/người", None, (13, "=", None, "m²/người", None)),
        ("13 m2/người", None, (13, "=", None, "m2/người", None)),
        ("95 triệu đồng/người/năm", None, (95, "=", None, "triệu đồng/người/năm", None)),
        ("500 tỷ đồng", None, (500, "=", None, "tỷ đồng", None)),
        ("30 ha", None, (30, "=", None, "ha", None)),
        ("90 DN", None, (90, "=", None, "DN", None)),
        ("200 lao động", None, (200, "=", None, "lao động", None)),
        ("85 người", None, (85, "=", None, "người", None)),
        ("0%", None, (0, "=", None, "%", None)),
        ("7.9", "%", (7.9, "=", None, "%", None)),
        # the column's unit wins over words written in the cell; a written '%' wins over the column
        ("100 tổ dân phố", "%", (100, "=", None, "%", None)),
        ("4/8 hộ", "Hộ", (4, "=", None, "Hộ", 8)),
        ("≥ 01 lớp/cấp", "Lớp", (1, ">=", None, "Lớp", None)),
        ("5%", "tỷ đồng", (5, "=", None, "%", None)),
        ("100 chuẩn mức độ 2", "%", (100, "=", None, "%", None)),
        ("100/ cơ sở giáo dục, trang bị ít nhất 01 phòng", "%", (100, "=", None, "%", None)),
        # accent-free input
        ("duoi 7,6%", None, (7.6, "<", None, "%", None)),
        ("tu 94% tro len", None, (94, ">=", None, "%", None)),
        ("1.900 tan", None, (1900, "=", None, "tan", None)),
    ],
)
def test_parse_target(text: str, hint: str | None, expected: tuple) -> None:
    assert _t(text, hint) == expected


def test_parse_target_keeps_text_trimmed() -> None:
    assert parse_target("  dưới 7,6%  ").text == "dưới 7,6%"


@pytest.mark.parametrize(
    "text",
    ["Đạt", "Hoàn thành", "Duy trì", "Giữ vững", "Đạt chuẩn", "đạt", "hoàn thành xuất sắc", "Hàng năm"],
)
def test_parse_target_status(text: str) -> None:
    t = parse_target(text)
    assert (t.text, t.value, t.comparator) == (text, None, "status")


def test_parse_target_status_without_status_word_is_qualitative() -> None:
    t = parse_target("Không còn tệ nạn ma túy")
    assert (t.value, t.comparator) == (None, "status")


def test_parse_target_year_span_is_no_target() -> None:
    t = parse_target("2026 - 2027")
    assert (t.text, t.value, t.comparator) == ("2026 - 2027", None, None)


def test_parse_target_empty() -> None:
    t = parse_target("", "%")
    assert (t.text, t.value, t.comparator, t.unit) == (None, None, None, "%")


# --- find_targets ----------------------------------------------------------------


def _found(sentence: str) -> list[tuple[str, float | None, str | None, str | None]]:
    return [(sentence[s:e], t.value, t.comparator, t.unit) for s, e, t in find_targets(sentence)]


def test_find_targets_two_in_one_sentence() -> None:
    s = "Tỷ lệ gia đình văn hóa: từ 94% trở lên; tỷ lệ tổ dân phố đạt danh hiệu văn hóa: từ 88% trở lên"
    assert _found(s) == [("từ 94% trở lên", 94, ">=", "%"), ("từ 88% trở lên", 88, ">=", "%")]


def test_find_targets_span_text_matches_target_text() -> None:
    s = "Giữ vững cơ cấu: dịch vụ 43,8%, công nghiệp - xây dựng 56,19%, thủy sản: 0,01%"
    for start, end, t in find_targets(s):
        assert s[start:end] == t.text
    assert [v for _, v, _, _ in _found(s)] == [43.8, 56.19, 0.01]


def test_find_targets_ignores_years_dates_documents_ordinals() -> None:
    s = (
        "Theo Quyết định số 797/QĐ-UBND ngày 05/12/2024 về Đại hội lần thứ XIX, năm 2023 "
        "giải quyết hồ sơ trực tuyến mức độ 3, mức độ 4 đạt 90%"
    )
    assert _found(s) == [("90%", 90, "=", "%")]


def test_find_targets_age_is_not_a_target() -> None:
    s = "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng duy trì mức dưới 7,6%"
    assert _found(s) == [("dưới 7,6%", 7.6, "<", "%")]


def test_find_targets_rate_per_year_then_tro_len() -> None:
    s = "giai đoạn 2026 - 2030 đạt bình quân 14%/năm trở lên, phấn đấu đạt 15%/năm"
    assert [(v, c) for _, v, c, _ in _found(s)] == [(14, ">="), (15, "=")]


def test_find_targets_fraction_range_and_units() -> None:
    s = "đạt 93,2% trở lên, phố văn hóa 19/20 phố; chuyển đổi từ 50-100 cơ sở; Gạo 1.000 tấn"
    found = find_targets(s)
    assert [(t.value, t.comparator, t.max_value, t.denominator) for _, _, t in found] == [
        (93.2, ">=", None, None),
        (19, "=", None, 20),
        (50, "range", 100, None),
        (1000, "=", None, None),
    ]


def test_find_targets_bare_number_after_cue_at_clause_end() -> None:
    assert _found("(2).Tỷ lệ lao động qua đào tạo: 88") == [("88", 88, "=", None)]
    assert _found("(5). Tỷ lệ hộ nghèo giảm") == []


def test_find_targets_nothing() -> None:
    assert find_targets("Kế hoạch số 100/KH- UBND ngày 22/4/2022 của UBND thành phố") == []
    assert find_targets("") == []


# --- achievement -----------------------------------------------------------------


def test_lower_is_better_targets() -> None:
    target = parse_target("dưới 7,6%")
    assert meets_target(7.0, target) is True
    assert meets_target(7.6, target) is False  # 'dưới' is strict
    assert meets_target(8.0, target) is False
    assert percent_of_target(7.6, target) == pytest.approx(100)
    assert percent_of_target(7.0, target) > 100
    assert percent_of_target(8.0, target) < 100
    assert percent_of_target(0.0, target) == pytest.approx(200)
    assert percent_of_target(20.0, target) == 0.0


def test_higher_is_better_targets() -> None:
    assert percent_of_target(93, parse_target("≥ 95")) == pytest.approx(93 / 95 * 100)
    assert meets_target(95, parse_target("≥ 95")) is True
    assert meets_target(95, parse_target("trên 95%")) is False
    assert meets_target(1900, parse_target("1.900 tấn")) is True
    assert meets_target(1899, parse_target("1.900 tấn")) is False
    assert meets_target(2.5, parse_target("tối đa 2%")) is False


def test_range_measured_from_lower_bound() -> None:
    target = parse_target("15-20%")
    assert meets_target(14, target) is False
    assert meets_target(15, target) is True
    assert meets_target(25, target) is True
    assert percent_of_target(15, target) == pytest.approx(100)


def test_equal_target_with_lower_is_better_flag() -> None:
    target = parse_target("0,12%")
    assert meets_target(0.1, target, lower_is_better=True) is True
    assert meets_target(0.1, target) is False
    assert percent_of_target(0.06, target, lower_is_better=True) == pytest.approx(150)


def test_zero_target() -> None:
    target = parse_target("0%")
    assert percent_of_target(0, target, lower_is_better=True) == 100.0
    assert percent_of_target(1, target, lower_is_better=True) == 0.0


def test_status_or_empty_target_has_no_percent() -> None:
    assert percent_of_target(100, parse_target("Đạt")) is None
    assert meets_target(100, parse_target("Đạt")) is None
    assert percent_of_target(1, Target()) is None


@given(
    st.floats(min_value=0.01, max_value=1e6),
    st.floats(min_value=0, max_value=1e6),
    st.sampled_from(["<", "<=", ">", ">=", "="]),
)
def test_percent_agrees_with_direction(goal: float, value: float, op: str) -> None:
    target = Target(value=goal, comparator=op)
    pct = percent_of_target(value, target)
    assert pct is not None and pct >= 0
    if op in ("<", "<="):
        assert (pct >= 100) == (value <= goal) or abs(value - goal) < 1e-9 * goal
    else:
        assert (pct >= 100) == (value >= goal) or abs(value - goal) < 1e-9 * goal


# --- progress values -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("93%", 93, "%"), ("93,5", 93.5, None), ("1.200 tấn", 1200, "tấn"), ("đạt 95 %", 95, "%")],
)
def test_progress_figures(text: str, value: float, unit: str | None) -> None:
    t = parse_progress_value(text)
    assert t is not None
    assert (t.value, t.unit, t.comparator) == (value, unit, "=")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Đạt", "met"),
        ("đang thực hiện", "in_progress"),
        ("hoàn thành", "done"),
        ("chưa thực hiện", "not_started"),
        ("chưa hoàn thành", "not_done"),
        ("chua dat", "not_met"),
        ("dang trien khai", "in_progress"),
    ],
)
def test_progress_statuses(text: str, key: str) -> None:
    t = parse_progress_value(text)
    assert t is not None
    assert (t.text, t.value, t.comparator) == (text, None, "status")
    assert progress_status(text) == key


@pytest.mark.parametrize("text", ["abc", "", "   ", None, "xin chào"])
def test_progress_nothing(text: str | None) -> None:
    assert parse_progress_value(text) is None


# --- false friends ---------------------------------------------------------------


def test_accented_look_alikes_are_not_comparators_or_units() -> None:
    # 'tự' folds to 'tu' like 'từ'; 'phó' folds like 'phố'
    assert _found("Tỷ lệ phố đạt tiêu chuẩn an toàn an ninh trật tự 95%") == [("95%", 95, "=", "%")]
    assert find_targets("có 2 phó chủ tịch") == []
    assert _found("có 2 phố văn hóa") == [("2 phố", 2, "=", "phố")]


def test_table_row_numbers_and_cells_are_not_joined() -> None:
    row = "21\tTỷ lệ chất thải rắn được thu gom\t%\t≥ 97,45\t\tPhòng VH-XH"
    assert _found(row) == [("≥ 97,45", 97.45, ">=", None)]
    assert find_targets("7  Tỷ lệ lao động được qua đào tạo") == []
    assert find_targets("5 Trường học đạt chuẩn quốc gia") == []
    assert find_targets("1.4\tDự án khu dân cư") == []


def test_per_one_unit_and_bare_years_are_not_figures() -> None:
    s = "Giá trị sản phẩm thu hoạch trên 1 ha đất trồng trọt đạt 135 triệu đồng/ha."
    assert _found(s) == [("135 triệu đồng/ha", 135, "=", "triệu đồng/ha")]
    assert find_targets("Áp dụng TCVN ISO 9001:2015.") == []


_VI_TEXT = st.text(alphabet="0123456789.,/%‰-–:; ≥≤<>tđướirênừởlaấmhộpố²\tABCĐQ", max_size=40)


@given(_VI_TEXT)
def test_parsers_never_raise_and_spans_are_in_bounds(text: str) -> None:
    parse_number(text)
    parse_target(text, "%")
    parse_progress_value(text)
    for start, end, t in find_targets(text):
        assert 0 <= start < end <= len(text)
        assert t.value is not None
