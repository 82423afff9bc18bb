"""Merging layout results: prose vs table, duplicates, key prefixes, conflicts."""

from __future__ import annotations

from knowledge.extract import merge
from knowledge.extract.plan import merged_results
from knowledge.model import Conflict, ExtractedPlan, Indicator, LayoutResult, OtherTarget, Task


def _ind(key: str, name: str, text: str | None, value: float | None, **kw: object) -> Indicator:
    return Indicator(key=key, name=name, target_text=text, target_value=value, **kw)  # type: ignore[arg-type]


def _table() -> LayoutResult:
    return LayoutResult(
        indicators=[
            _ind(
                "I1",
                "Thu nhập bình quân đầu người/năm",
                "155",
                155.0,
                unit="Triệu đồng",
                group="I. Chỉ tiêu về kinh tế",
                responsible="Đ/c Hằng VP",
                source_ref="table 1 row 2",
            ),
            _ind(
                "I2",
                "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng",
                "7.9",
                7.9,
                unit="%",
                group="II. Chỉ tiêu về Văn hóa - Xã hội",
                source_ref="table 1 row 12",
                other_targets=[OtherTarget(source="cột QĐ UBND TP", text="7.6")],
            ),
            _ind(
                "I3",
                "Tỷ lệ hộ nghèo",
                "0,5",
                0.5,
                unit="%",
                group="II. Chỉ tiêu về Văn hóa - Xã hội",
                source_ref="table 1 row 13",
            ),
            _ind("I4", "Giảm hộ nghèo", None, None, source_ref="table 1 row 14"),
            _ind(
                "I5",
                "Giảm hộ nghèo theo chuẩn mới",
                "4/8 hộ",
                4.0,
                parent_key="I4",
                source_ref="table 1 row 15",
            ),
        ],
        tasks=[Task(key="K1", name="Rà soát hộ nghèo")],
    )


def _prose() -> LayoutResult:
    return LayoutResult(
        indicators=[
            _ind(
                "1",
                "Thu nhập bình quân đầu người/năm",
                "135,0 triệu đồng",
                135.0,
                group="a. Chỉ tiêu kinh tế",
                source_ref="line 205",
            ),
            _ind(
                "2",
                "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng duy trì mức",
                "dưới 7,6%",
                7.6,
                group="b. Chỉ tiêu Văn hoá - xã hội",
                source_ref="line 233",
            ),
            _ind(
                "3",
                "Tỷ lệ hộ nghèo",
                "dưới 0,5%",
                0.5,
                group="b. Chỉ tiêu Văn hoá - xã hội",
                source_ref="line 240",
            ),
            _ind("4", "Tổng huy động vốn đầu tư phát triển", "500 tỷ đồng", 500.0, source_ref="line 207"),
            _ind(
                "5",
                "Tổng huy động vốn đầu tư trong đó vốn ngân sách",
                "50 tỷ đồng",
                50.0,
                parent_key="4",
                source_ref="line 208",
            ),
            _ind(
                "6",
                "Tỷ lệ lao động qua đào tạo",
                "90%",
                90.0,
                group="Chỉ tiêu kinh tế",
                source_ref="line 221",
            ),
        ],
        tasks=[Task(key="K1", name="Rà soát hộ nghèo")],
    )


def _merged() -> ExtractedPlan:
    plan = ExtractedPlan()
    tables = merge.prefix_keys(_table(), "A")
    prose = merge.prefix_keys(_prose(), "P")
    merged_results(plan, [tables, merge.prefix_keys(LayoutResult(), "T")], prose)
    return plan


def _by_name(plan: ExtractedPlan, name: str) -> Indicator:
    return next(i for i in plan.indicators if i.name == name)


def test_table_row_kept_prose_value_attached_and_conflict_recorded() -> None:
    plan = _merged()
    income = _by_name(plan, "Thu nhập bình quân đầu người/năm")
    assert income.target_value == 155.0 and income.responsible == "Đ/c Hằng VP"
    assert OtherTarget(source="prose line 205", text="135,0 triệu đồng") in income.other_targets
    conflict = next(c for c in plan.conflicts if c.what == income.name)
    assert conflict.values == ["155 Triệu đồng (table 1 row 2)", "135,0 triệu đồng (prose line 205)"]


def test_same_value_gives_other_target_but_no_conflict() -> None:
    plan = _merged()
    poor = _by_name(plan, "Tỷ lệ hộ nghèo")
    assert [o.source for o in poor.other_targets] == ["prose line 240"]
    assert all(c.what != "Tỷ lệ hộ nghèo" for c in plan.conflicts)
    assert sum(1 for i in plan.indicators if "hộ nghèo" in i.name.lower()) == 3  # no prose duplicate


def test_two_table_columns_and_prose_make_one_conflict_with_every_value() -> None:
    plan = _merged()
    c = next(c for c in plan.conflicts if c.what.startswith("Tỷ lệ trẻ em"))
    assert c.values[0] == "7.9 % (table 1 row 12)"
    assert "7.6 (cột QĐ UBND TP)" in c.values
    assert "dưới 7,6% (prose line 233)" in c.values


def test_unmatched_prose_kept_with_parent_links_and_prefixed_unique_keys() -> None:
    plan = _merged()
    keys = [i.key for i in plan.indicators]
    assert len(keys) == len(set(keys)) == 8  # 5 table rows + 3 prose-only
    child = _by_name(plan, "Tổng huy động vốn đầu tư trong đó vốn ngân sách")
    assert child.key == "P5" and child.parent_key == "P4"
    assert _by_name(plan, "Giảm hộ nghèo theo chuẩn mới").parent_key == "AI4"
    assert len(plan.tasks) == 1  # the same task from two extractors


def test_different_group_family_is_not_merged() -> None:
    plan = _merged()
    # 'Tỷ lệ lao động qua đào tạo' appears only in prose (economy group); nothing to merge
    assert _by_name(plan, "Tỷ lệ lao động qua đào tạo").key == "P6"
    a = _ind("A1", "Tỷ lệ hộ dân được dùng nước sạch", "100", 100.0, group="III. Môi trường")
    b = _ind("P1", "Tỷ lệ hộ dân được dùng nước sạch", "98", 98.0, group="IV. Quốc phòng - an ninh")
    merged, conflicts = merge.merge_indicators([[a]], [b])
    assert len(merged) == 2 and conflicts == []


def test_identical_rows_from_two_table_extractors_are_deduplicated() -> None:
    a = _ind("A1", "Tỷ lệ hộ nghèo", "0,5", 0.5, source_ref="table 1 row 3")
    t = _ind("T1", "Tỷ lệ hộ nghèo", "0,5", 0.5, source_ref="table 1 row 3", responsible="Đ/c Hà")
    merged, conflicts = merge.merge_indicators([[a], [t]], [])
    assert len(merged) == 1 and merged[0].responsible == "Đ/c Hà" and conflicts == []


def test_short_names_need_near_identity() -> None:
    a = _ind("A1", "Tỷ lệ hộ nghèo", "0,5", 0.5)
    p = _ind("P1", "Tỷ lệ hộ cận nghèo", "2", 2.0)
    merged, conflicts = merge.merge_indicators([[a]], [p])
    assert len(merged) == 2 and conflicts == []


def test_repeated_keys_within_one_extractor_are_made_unique() -> None:
    inds = [_ind("P1", "A", "1", 1.0), _ind("P1", "B", "2", 2.0), _ind("P2", "C", "3", 3.0, parent_key="P1")]
    merge.ensure_unique_keys(inds)
    assert [i.key for i in inds] == ["P1", "P1~2", "P2"]
    assert inds[2].parent_key == "P1~2"


def test_conflicts_of_same_what_are_joined() -> None:
    out = merge._dedupe_conflicts([Conflict("X", ["1 (a)"]), Conflict("x", ["1 (a)", "2 (b)"])])
    assert out == [Conflict("X", ["1 (a)", "2 (b)"])]


def test_name_similarity_examples() -> None:
    assert (
        merge.name_similarity("Tỷ lệ dân số được dùng nước sạch", "Tỷ lệ dân số đô thị được dùng nước sạch")
        >= 90
    )
    assert merge.name_similarity("Tỷ lệ hộ nghèo", "Tỷ lệ hộ cận nghèo") < merge.MATCH_CUTOFF
    assert merge.group_family("b. Chỉ tiêu Văn hoá - xã hội") == "social"
    assert merge.group_family("Chỉ tiêu kinh tế - xã hội") is None


def test_column_conflict_only_for_columns_of_the_same_frame() -> None:
    same = _ind(
        "A1",
        "Tỷ lệ hộ nghèo",
        "0,5",
        0.5,
        source_ref="table 1 row 3",
        other_targets=[OtherTarget(source="cột Chỉ tiêu (2)", text="0,8")],
    )
    other_period = _ind(
        "A2",
        "Tốc độ tăng trưởng GRDP",
        "15",
        15.0,
        source_ref="table 1 row 4",
        other_targets=[OtherTarget(source="Bình quân năm", text="≥ 14")],
    )
    conflicts = merge.column_conflicts([same, other_period])
    assert conflicts == [Conflict("Tỷ lệ hộ nghèo", ["0,5 (table 1 row 3)", "0,8 (cột Chỉ tiêu (2))"])]


def test_status_words_do_not_conflict_with_figures() -> None:
    a = _ind("A1", "Duy trì phường chuyển đổi số", "Đạt", None)
    p = _ind("P1", "Duy trì phường chuyển đổi số", "Duy trì", None)
    merged, conflicts = merge.merge_indicators([[a]], [p])
    assert len(merged) == 1 and conflicts == []
    assert merged[0].other_targets == [OtherTarget(source="prose ?", text="Duy trì")]


def test_prose_repeating_another_column_is_the_same_indicator() -> None:
    table = _ind(
        "A4",
        "Số doanh nghiệp hoạt động trên địa bàn",
        "≥ 490",
        490.0,
        other_targets=[OtherTarget(source="Bình quân năm", text="45")],
    )
    prose = _ind(
        "P7", "Số doanh nghiệp thành lập mới hằng năm", "45 doanh nghiệp", 45.0, source_ref="line 45"
    )
    unrelated = _ind("P8", "Số hợp tác xã thành lập mới", "45", 45.0)
    merged, _ = merge.merge_indicators([[table]], [prose, unrelated])
    assert [i.key for i in merged] == ["A4", "P8"]
    assert merged[0].other_targets[-1] == OtherTarget(source="prose line 45", text="45 doanh nghiệp")


def test_status_targets_match_on_content_words() -> None:
    table = _ind("A11", "Phường duy trì tiêu chí quốc gia về y tế", "Đạt", None)
    prose = _ind("P17", "Phường giữ vững chuẩn quốc gia về y tế", "Giữ vững", None)
    poor = _ind("A5", "Tỷ lệ hộ nghèo", "0", 0.0)
    none_left = _ind("P9", "Không còn hộ nghèo", "Không còn", None)
    merged, conflicts = merge.merge_indicators([[table, poor]], [prose, none_left])
    assert [i.key for i in merged] == ["A11", "A5"] and conflicts == []


def test_short_sub_items_under_different_parents_stay_apart() -> None:
    table = [
        _ind("A1", "Tốc độ tăng trưởng GRDP", "15", 15.0),
        _ind("A2", "Dịch vụ", "≥ 10,9", 10.9, parent_key="A1"),
    ]
    prose = [
        _ind("P1", "Cơ cấu kinh tế trong giá trị sản xuất", None, None),
        _ind("P2", "Dịch vụ", "43,8%", 43.8, parent_key="P1"),
        _ind("P3", "Tăng trưởng GRDP bình quân", "14%", 14.0),
        _ind("P4", "Dịch vụ", "trên 10,9%", 10.9, parent_key="P3"),
    ]
    merged, conflicts = merge.merge_indicators([table], prose)
    assert [o.source for o in merged[1].other_targets] == ["prose ?"]
    assert merged[1].other_targets[0].text == "trên 10,9%"
    assert "P2" in [i.key for i in merged]
    # P3 is A1 through its child: the differing growth figures are recorded
    assert "P3" not in [i.key for i in merged]
    assert [c.what for c in conflicts] == ["Tốc độ tăng trưởng GRDP"]


def test_parent_matched_through_its_children() -> None:
    table = [
        _ind("A1", "Tỷ lệ sản phẩm nông nghiệp an toàn/tổng sản phẩm", None, None, source_ref="row 28"),
        _ind("A2", "Gạo", "50", 50.0, unit="Tấn", parent_key="A1"),
        _ind("A3", "Rau, quả", "30", 30.0, unit="Tấn", parent_key="A1"),
    ]
    prose = [
        _ind("P1", "Thực phẩm tiêu dùng chủ yếu thông qua chuỗi (tấn)", None, None, source_ref="line 282"),
        _ind("P2", "Gạo", "50 tấn", 50.0, parent_key="P1"),
        _ind("P3", "Rau, quả", "30 tấn", 30.0, parent_key="P1"),
        _ind("P4", "Cửa hàng thực phẩm sạch", None, None),
        _ind("P5", "Cửa hàng mới", "5", 5.0, parent_key="P4"),
    ]
    merged, conflicts = merge.merge_indicators([table], prose)
    assert [i.key for i in merged] == ["A1", "A2", "A3", "P4", "P5"]
    assert merged[0].target_text is None and conflicts == []
