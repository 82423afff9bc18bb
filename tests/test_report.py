"""The progress report: every indicator, the right direction, files that open."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from bot.cli import main
from knowledge import model as km
from storage import models as m
from storage.db import transaction
from storage.ingest import store_plan
from storage.report import MET, NO_DATA, NOT_MET, ReportError, build_report


def _setup(engine) -> None:
    plan = km.ExtractedPlan(
        meta=km.PlanMeta(
            locality="xã Tân Lập", locality_type="xã", period_start=2024, period_end=2024, title="KH 2024"
        ),
        indicators=[
            km.Indicator(
                key="a", name="Tỷ lệ hộ nghèo", unit="%", target_text="dưới 2", target_value=2, comparator="<"
            ),
            km.Indicator(
                key="b",
                name="Tỷ lệ tham gia bảo hiểm y tế",
                unit="%",
                target_text="95",
                target_value=95,
                comparator="=",
            ),
            km.Indicator(
                key="c",
                name="Thu nhập bình quân đầu người",
                unit="triệu đồng",
                target_text="70",
                target_value=70,
                comparator="=",
            ),
        ],
    )
    with transaction(engine) as s:
        store_plan(s, km.Document(source="kh.txt", content_hash="x"), plan)
        rows = {i.name: i for i in s.scalars(select(m.Indicator))}
        for name, value in (("Tỷ lệ hộ nghèo", 1.5), ("Tỷ lệ tham gia bảo hiểm y tế", 93.0)):
            ind = rows[name]
            s.add(
                m.ProgressRecord(
                    plan_key=ind.plan.plan_key,
                    item_kind="indicator",
                    item_key=ind.item_key,
                    item_name=ind.name,
                    value=value,
                    value_text=f"{value}%",
                    source="telegram",
                    reported_by="1001",
                    reported_by_name="Công chức LĐTBXH" if name == "Tỷ lệ hộ nghèo" else None,
                    reported_at=datetime(2024, 5, 3, tzinfo=UTC),
                )
            )


def test_report_holds_every_indicator_with_direction(engine) -> None:
    _setup(engine)
    report = build_report(engine, "Tan Lap")
    by_name = {r.name: r for r in report.rows}
    assert len(report.rows) == 3
    assert by_name["Tỷ lệ hộ nghèo"].assessment == MET  # 1.5 is below the ceiling of 2
    assert by_name["Tỷ lệ hộ nghèo"].percent > 100
    assert by_name["Tỷ lệ tham gia bảo hiểm y tế"].assessment == NOT_MET
    assert by_name["Thu nhập bình quân đầu người"].assessment == NO_DATA
    # officers by their party; never a Telegram id, even for a record without a name
    assert by_name["Tỷ lệ hộ nghèo"].updated_by == "Công chức LĐTBXH"
    assert by_name["Tỷ lệ tham gia bảo hiểm y tế"].updated_by == "Cán bộ"


def test_period_before_any_update_has_no_data(engine) -> None:
    _setup(engine)
    report = build_report(engine, "xã Tân Lập", period="2024-04")
    assert {r.assessment for r in report.rows} == {NO_DATA}


def test_unknown_locality_is_a_clear_error(engine) -> None:
    _setup(engine)
    with pytest.raises(ReportError):
        build_report(engine, "Hoàn Kiếm Xyz")


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "png"])
def test_cli_writes_files_that_open(engine, db_url, tmp_path, fmt) -> None:
    _setup(engine)
    out = tmp_path / f"r.{fmt}"
    assert main(["report", "--locality", "Tân Lập", "--format", fmt, "--out", str(out), "--db", db_url]) == 0
    if fmt == "xlsx":
        ws = load_workbook(out).active
        names = [row[1] for row in ws.iter_rows(min_row=5, values_only=True)]
        assert names == ["Tỷ lệ hộ nghèo", "Tỷ lệ tham gia bảo hiểm y tế", "Thu nhập bình quân đầu người"]
    elif fmt == "csv":
        assert "Tỷ lệ hộ nghèo" in out.read_text("utf-8-sig")
    else:
        from PIL import Image

        with Image.open(out) as img:
            assert img.format == "PNG" and img.size[0] > 500
