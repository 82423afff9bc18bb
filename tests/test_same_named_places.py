"""Communes of different districts may share a name ('xã Tân Lập'): each keeps
its own plans, and people choose between them by district."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from storage import models as m
from storage import users
from storage.answers import AnswerEngine
from storage.db import session_factory
from storage.ingest import ingest_paths
from storage.report import build_report
from tests.fakes.harness import BotHarness

PLAN = """ỦY BAN NHÂN DÂN HUYỆN {district_upper}
ỦY BAN NHÂN DÂN XÃ TÂN LẬP
Số: {number}/KH-UBND

KẾ HOẠCH
Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2025 của xã Tân Lập, huyện {district}

I. CÁC CHỈ TIÊU CHỦ YẾU
1. Tỷ lệ hộ nghèo giảm còn {poor}%.
2. Tỷ lệ dân số tham gia bảo hiểm y tế đạt {bhyt}%.
"""


def _write(folder: Path, name: str, district: str, number: int, poor: str, bhyt: str) -> Path:
    path = folder / name
    text = PLAN.format(
        district=district, district_upper=district.upper(), number=number, poor=poor, bhyt=bhyt
    )
    path.write_text(text, encoding="utf-8")
    return path


def _current_plans(engine) -> list[tuple[str, str | None, str]]:
    with session_factory(engine)() as s:
        rows = s.execute(
            select(m.Plan.locality_name, m.Plan.parent, m.Locality.key)
            .join(m.Locality, m.Plan.locality_id == m.Locality.id)
            .where(m.Plan.is_current.is_(True))
        ).all()
    return sorted((r[0], r[1], r[2]) for r in rows)


def test_two_districts_keep_their_own_plan(engine, tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "Đan Phượng", 11, "1,2", "95")
    _write(tmp_path, "b.txt", "Yên Lập", 22, "3,5", "91")
    assert all(r.ok for r in ingest_paths(engine, [tmp_path]))
    plans = _current_plans(engine)
    assert len(plans) == 2  # the second did not supersede the first
    assert {p[1] for p in plans} == {"huyện Đan Phượng", "huyện Yên Lập"}
    assert len({p[2] for p in plans}) == 2


def test_a_new_version_supersedes_only_its_own_district(engine, tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "Đan Phượng", 11, "1,2", "95")
    _write(tmp_path, "b.txt", "Yên Lập", 22, "3,5", "91")
    ingest_paths(engine, [tmp_path])
    newer = tmp_path / "new"
    newer.mkdir()
    _write(newer, "b2.txt", "Yên Lập", 22, "3,0", "92")  # the same document, corrected
    [result] = ingest_paths(engine, [newer])
    assert result.status == "superseded" and "thay bản 1" in result.message
    with session_factory(engine)() as s:
        current = s.execute(select(m.Plan.doc_number, m.Plan.parent).where(m.Plan.is_current.is_(True))).all()
    assert sorted(current) == [("11/KH-UBND", "huyện Đan Phượng"), ("22/KH-UBND", "huyện Yên Lập")]
    answer = AnswerEngine(engine).ask("tỷ lệ hộ nghèo xã Tân Lập huyện Yên Lập")
    assert "3,0" in answer.text and "3,5" not in answer.text


def test_people_choose_by_district(engine, tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "Đan Phượng", 11, "1,2", "95")
    _write(tmp_path, "b.txt", "Yên Lập", 22, "3,5", "91")
    ingest_paths(engine, [tmp_path])
    both = users.find_localities(engine, "Tân Lập")
    assert len(both) == 2 and users.single_exact_locality(both, "Tân Lập") is None
    assert {loc.label for loc in both} == {"xã Tân Lập (huyện Đan Phượng)", "xã Tân Lập (huyện Yên Lập)"}
    [one] = users.find_localities(engine, "xã Tân Lập huyện Yên Lập")
    assert one.label == "xã Tân Lập (huyện Yên Lập)"
    answer = AnswerEngine(engine).ask("tỷ lệ hộ nghèo xã Tân Lập huyện Yên Lập")
    assert "3,5" in answer.text and "1,2" not in answer.text


async def test_the_bot_asks_which_tan_lap(engine, tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "Đan Phượng", 11, "1,2", "95")
    _write(tmp_path, "b.txt", "Yên Lập", 22, "3,5", "91")
    ingest_paths(engine, [tmp_path])
    async with BotHarness(engine) as h:
        await h.say(41, "/diaphuong Tân Lập")
        assert h.fake.find_button(41, "Yên Lập") and h.fake.find_button(41, "Đan Phượng")
        [chosen] = await h.press(41, "Yên Lập")
        [reply] = await h.say(41, "tỷ lệ hộ nghèo bao nhiêu")
    assert "Yên Lập" in chosen
    assert "3,5" in reply


def test_the_report_names_the_district(engine, tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "Đan Phượng", 11, "1,2", "95")
    _write(tmp_path, "b.txt", "Yên Lập", 22, "3,5", "91")
    ingest_paths(engine, [tmp_path])
    for district, poor in (("Yên Lập", "3,5"), ("Đan Phượng", "1,2")):
        report = build_report(engine, f"xã Tân Lập, huyện {district}")
        assert any(poor in row.target for row in report.rows), district
