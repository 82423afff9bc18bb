"""An amending plan ('Kế hoạch điều chỉnh, bổ sung …') restates some items of the
plan in force: both stay current, the restated items win, the others still count."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sqlalchemy import select

from knowledge.text import fold
from storage import models as m
from storage.answers import AnswerEngine
from storage.db import transaction
from storage.export import export_plans
from storage.ingest import ingest_paths
from storage.reminders import plan_messages

ORIGINAL = """ỦY BAN NHÂN DÂN XÃ TIÊN LỮ
Số: 15/KH-UBND
Tiên Lữ, ngày 10 tháng 01 năm 2026

KẾ HOẠCH
Phát triển kinh tế - xã hội năm 2026 của xã Tiên Lữ

I. CHỈ TIÊU
1. Thu ngân sách nhà nước: 40.000 triệu đồng.
2. Tỷ lệ hộ nghèo giảm còn 2,5%.

II. NHIỆM VỤ
Nhiệm vụ 1: Nâng cấp chợ trung tâm xã
- Đơn vị chủ trì: Công chức Tài chính - Kế toán
- Thời gian hoàn thành: Quý II/2026
Nhiệm vụ 2: Rà soát hộ nghèo
- Đơn vị chủ trì: Công chức Văn hóa - Xã hội
- Thời gian hoàn thành: Quý IV/2026
"""

AMENDMENT = """ỦY BAN NHÂN DÂN XÃ TIÊN LỮ
Số: {number}/KH-UBND
Tiên Lữ, ngày 20 tháng 7 năm 2026

KẾ HOẠCH
Điều chỉnh, bổ sung Kế hoạch phát triển kinh tế - xã hội năm 2026 của xã Tiên Lữ

I. CHỈ TIÊU ĐIỀU CHỈNH
1. Thu ngân sách nhà nước: {budget} triệu đồng.

II. NHIỆM VỤ ĐIỀU CHỈNH
Nhiệm vụ 1: Nâng cấp chợ trung tâm xã
- Đơn vị chủ trì: Công chức Tài chính - Kế toán
- Thời gian hoàn thành: Quý IV/2026

Các nội dung khác giữ nguyên theo Kế hoạch số 15/KH-UBND.
"""


def _write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def _ingest(engine, tmp_path: Path) -> None:
    _write(tmp_path / "a", "kh15.txt", ORIGINAL)
    _write(tmp_path / "a", "kh118.txt", AMENDMENT.format(number=118, budget="36.000"))
    assert all(r.ok for r in ingest_paths(engine, [tmp_path / "a"]))


def test_both_plans_stay_in_force(engine, tmp_path: Path) -> None:
    _ingest(engine, tmp_path)
    plans = export_plans(engine)["plans"]
    assert sorted(p["doc_number"] for p in plans) == ["118/KH-UBND", "15/KH-UBND"]


def test_the_restated_figure_wins_and_the_rest_is_still_answered(engine, tmp_path: Path) -> None:
    _ingest(engine, tmp_path)
    qa = AnswerEngine(engine)
    budget = qa.ask("thu ngân sách năm nay bao nhiêu", locality="xã Tiên Lữ")
    assert "36.000" in budget.text.splitlines()[0]
    assert "2,5" in qa.ask("tỷ lệ hộ nghèo", locality="xã Tiên Lữ").text
    assert "Quý IV/2026" in qa.ask("nâng cấp chợ trung tâm khi nào xong", locality="xã Tiên Lữ").text


def test_a_new_version_of_the_amendment_replaces_only_the_amendment(engine, tmp_path: Path) -> None:
    _ingest(engine, tmp_path)
    _write(tmp_path / "b", "kh118.txt", AMENDMENT.format(number=118, budget="35.500"))
    [result] = ingest_paths(engine, [tmp_path / "b"])
    assert result.status == "superseded" and "thay bản 1" in result.message
    plans = json.loads(json.dumps(export_plans(engine)))["plans"]
    assert sorted(p["doc_number"] for p in plans) == ["118/KH-UBND", "15/KH-UBND"]


def test_reminders_follow_the_restated_deadline(engine, tmp_path: Path) -> None:
    _ingest(engine, tmp_path)
    with transaction(engine) as s:
        party = next(p for p in s.scalars(select(m.Party)) if "tai chinh" in fold(p.display))
        s.add(m.User(telegram_id=501, role="officer", locality_key="xa tien lu"))
        s.flush()
        s.add(m.UserParty(user_id=501, party_id=party.id, approved_by="cli"))
    with transaction(engine) as s:
        june = plan_messages(s, date(2026, 6, 23))  # 7 days before the first deadline (Quý II)
        december = plan_messages(s, date(2026, 12, 24))  # 7 days before the restated one (Quý IV)
    assert not [p for p in june if p.kind == "due_nudge"]
    assert [p.kind for p in december if p.kind == "due_nudge" and p.chat_id == 501] == ["due_nudge"]


def test_only_a_title_governed_by_the_change_is_an_amendment() -> None:
    from knowledge.extract.metadata import is_amendment

    assert is_amendment("Quyết định về việc điều chỉnh chỉ tiêu kế hoạch năm 2026")
    assert is_amendment("Kế hoạch bổ sung một số nhiệm vụ năm 2026")
    assert not is_amendment("Kế hoạch phát triển kinh tế năm 2026, điều chỉnh cơ cấu cây trồng")


def test_a_list_names_a_restated_item_once(engine, tmp_path: Path) -> None:
    _ingest(engine, tmp_path)
    text = (
        AnswerEngine(engine).ask("các nhiệm vụ của Công chức Tài chính - Kế toán", locality="xã Tiên Lữ").text
    )
    assert "(1 mục)" in text and "Quý IV/2026" in text and "Quý II/2026" not in text
