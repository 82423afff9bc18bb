"""The direction of a target, one lexicon for card, answer, sheet and chart: a bare
7,9 % of malnutrition is a ceiling, so 7,5 % is 'đạt' everywhere (issue 13, item 2)."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from knowledge import model as km
from knowledge.answer_text import target_words
from knowledge.lexicon import lower_is_better, measures_lower_is_better
from storage import models as m
from storage.answers import AnswerEngine
from storage.db import transaction
from storage.ingest import ingest_paths, store_plan
from storage.report import MET, NOT_MET, build_report, write_report
from storage.values import achievement, parse_value
from tests.fakes.harness import BotHarness
from tests.test_bot_flow import ADMIN, DONG_THO, OFFICER, RESIDENT, register_officer


@pytest.mark.parametrize(
    ("name", "lower"),
    [
        ("Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng", True),
        ("Ty le tre em suy dinh duong", True),  # typed without diacritics
        ("Tỷ lệ hộ nghèo", True),
        ("Tỷ lệ hộ cận nghèo", True),
        ("Tỷ lệ phát triển dân số tự nhiên", True),
        ("Tốc độ tăng dân số bình quân hàng năm", True),
        ("Số vụ tai nạn giao thông", True),
        ("Số vụ phạm pháp hình sự, tội phạm", True),
        ("Số vụ cháy, nổ", True),
        ("Số vụ cháy nổ", True),
        ("Tỷ lệ hộ nghèo giảm xuống còn", True),
        ("Giảm hộ nghèo theo tiêu chí mới", False),  # households lifted out: more is better
        ("Tỷ lệ điều tra khám phá án tội phạm", False),
        ("Tỷ lệ người nghèo được cấp thẻ BHYT", False),
        ("Tỷ lệ hộ gia đình trang bị phương tiện phòng cháy", False),
        ("Tỷ lệ dân số tham gia bảo hiểm y tế", False),
        ("Thu nhập bình quân đầu người", False),
    ],
)
def test_what_is_measured_sets_the_direction_of_a_bare_figure(name: str, lower: bool) -> None:
    assert measures_lower_is_better(name) is lower
    assert lower_is_better(name, "=", "7,9") is lower


@pytest.mark.parametrize(
    ("comparator", "text", "lower"),
    [
        ("<", "dưới 7,6%", True),
        ("<=", "không quá 3", True),
        (None, "tối đa 2 vụ", True),
        ("=", "giảm xuống 1,5%", True),
        (">=", "từ 95%", False),
        (">", "trên 0,5", False),
        ("=", "tăng lên 2 %", False),
    ],
)
def test_the_comparator_comes_before_what_is_measured(comparator: str | None, text: str, lower: bool) -> None:
    # 'Thu nhập' would be higher-is-better and 'hộ nghèo' lower: the written words win
    assert lower_is_better("Thu nhập bình quân", comparator, text) is lower
    assert lower_is_better("Tỷ lệ hộ nghèo", comparator, text) is lower


def test_a_value_under_a_malnutrition_ceiling_is_met() -> None:
    got = achievement(parse_value("7,5%", "%"), 7.9, "=", None, "7.9", "Tỷ lệ trẻ em bị suy dinh dưỡng")
    assert got is not None and got.met and got.lower_is_better and (got.percent or 0) > 100
    over = achievement(parse_value("8,2%", "%"), 7.9, "=", None, "7.9", "Tỷ lệ trẻ em bị suy dinh dưỡng")
    assert over is not None and not over.met
    # the same figure of what is raised stays higher-is-better
    bhyt = achievement(parse_value("7,5%", "%"), 7.9, "=", None, "7.9", "Tỷ lệ tham gia BHYT")
    assert bhyt is not None and not bhyt.met and not bhyt.lower_is_better


def test_the_target_is_worded_with_its_direction() -> None:
    assert target_words("7.9", "%", "=", "Tỷ lệ trẻ em bị suy dinh dưỡng") == "7,9 % (càng thấp càng tốt)"
    assert target_words("dưới 7,6%", "%", "<", "Tỷ lệ trẻ em bị suy dinh dưỡng") == "dưới 7,6 %"
    assert target_words("7,6", "%", "<", "Tỷ lệ trẻ em bị suy dinh dưỡng") == "dưới 7,6 %"
    assert target_words("95", "%", "=", "Tỷ lệ tham gia BHYT") == "95 %"


def _plan_with_malnutrition(engine) -> None:  # type: ignore[no-untyped-def]
    plan = km.ExtractedPlan(
        meta=km.PlanMeta(
            locality="xã Tân Lập", locality_type="xã", period_start=2024, period_end=2024, title="KH 2024"
        ),
        indicators=[
            km.Indicator(
                key="sdd",
                name="Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng",
                unit="%",
                target_text="7.9",
                target_value=7.9,
                comparator="=",
            ),
            km.Indicator(
                key="bhyt",
                name="Tỷ lệ tham gia BHYT",
                unit="%",
                target_text="95",
                target_value=95,
                comparator="=",
            ),
        ],
    )
    with transaction(engine) as s:
        store_plan(s, km.Document(source="kh.txt", content_hash="x"), plan)
        for ind in s.scalars(select(m.Indicator)):
            s.add(
                m.ProgressRecord(
                    plan_key=ind.plan.plan_key,
                    item_kind="indicator",
                    item_key=ind.item_key,
                    item_name=ind.name,
                    value=7.5 if ind.item_key.endswith("sdd") or "dinh" in ind.name else 93.0,
                    value_text="7,5%" if "dinh" in ind.name else "93%",
                    source="telegram",
                    reported_by="1001",
                    reported_at=datetime(2024, 5, 3, tzinfo=UTC),
                )
            )


def test_sheet_csv_and_chart_judge_a_ceiling_the_right_way_round(engine, tmp_path: Path) -> None:
    _plan_with_malnutrition(engine)
    report = build_report(engine, "xã Tân Lập")
    row = next(r for r in report.rows if "dinh dưỡng" in r.name)
    assert row.assessment == MET and (row.percent or 0) > 100
    assert row.target == "7,9 (càng thấp càng tốt)"
    assert next(r for r in report.rows if "BHYT" in r.name).assessment == NOT_MET

    write_report(report, "xlsx", tmp_path / "r.xlsx")
    sheet = {
        r[1]: r for r in load_workbook(tmp_path / "r.xlsx").active.iter_rows(min_row=5, values_only=True)
    }
    assert sheet[row.name][3] == "7,9 (càng thấp càng tốt)" and sheet[row.name][6] == MET

    write_report(report, "csv", tmp_path / "r.csv")
    lines = list(csv.reader((tmp_path / "r.csv").read_text("utf-8-sig").splitlines()))
    got = next(line for line in lines if line[1] == row.name)
    assert got[6] == MET and "," in got[5] and "." not in got[5]  # '105,1', as Vietnamese write it

    write_report(report, "png", tmp_path / "r.png")
    from PIL import Image

    with Image.open(tmp_path / "r.png") as img:
        colours = {c for _, c in img.convert("RGB").getcolors(1 << 20)}
    assert (0x2E, 0x7D, 0x32) in colours  # the malnutrition bar is green ('đạt') ...
    assert (0xC6, 0x28, 0x28) in colours  # ... beside the red BHYT bar


def test_answers_show_the_ceiling_of_the_plan(engine) -> None:
    assert all(r.ok for r in ingest_paths(engine, [DONG_THO]))
    qa = AnswerEngine(engine)
    for question in ("tỷ lệ trẻ em suy dinh dưỡng", "ty le tre em suy dinh duong"):
        text = qa.ask(question, "phường Đông Thọ").text
        assert "7,9 % (càng thấp càng tốt)" in text, text
        assert "dưới 7,6 %" in text  # the plan's own wording, from its prose
        assert "7.9" not in text


async def test_officer_update_under_the_ceiling_is_met(engine) -> None:
    assert all(r.ok for r in ingest_paths(engine, [DONG_THO]))
    async with BotHarness(engine, {ADMIN}) as h:
        await register_officer(h)
        for command in ("/capnhat suy dinh dưỡng: 7,5%", "/capnhat suy dinh duong: 7,5%"):
            preview = (await h.say(OFFICER, command))[0]
            assert "càng thấp càng tốt" in preview and ": đạt" in preview, preview
            assert "7,9 %" in preview and "7.9" not in preview
            await h.press(OFFICER, "Hủy")
        preview = (await h.say(OFFICER, "/capnhat suy dinh dưỡng: 8,5%"))[0]
        assert "chưa đạt" in preview
        await h.press(OFFICER, "Xác nhận")
        shown = "\n".join(await h.say(RESIDENT, "/chitieu suy dinh dưỡng"))
        assert "càng thấp càng tốt" in shown
        assert h.crashed is None
