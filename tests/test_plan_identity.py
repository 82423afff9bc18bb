"""A plan is known by its issuer, number and year (issue 11, item 2): a different
plan of the same place and period stands beside the first, a corrected text of
the same document supersedes it with its progress kept, and the same text saved
again (Windows line endings, UTF-16) is unchanged."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import func, select

from knowledge.text import fold
from storage import models as m
from storage.answers import AnswerEngine
from storage.db import session_factory, transaction
from storage.export import export_plans
from storage.ingest import ingest_paths
from storage.reminders import plan_messages

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_WITH_RESULTS = ROOT / "knowledge" / "samples" / "004_680e36f5c05cb2c2.txt"

# Bắc Ninh's KH 141 (law-drafting staff) and KH 144 (digital economy): one province,
# one period, two plans. Both assign 'Rà soát đội ngũ …' to Sở Nội vụ.
KH141 = """ỦY BAN NHÂN DÂN TỈNH BẮC NINH
Số: 141/KH-UBND
Bắc Ninh, ngày 20 tháng 11 năm 2025

KẾ HOẠCH
Phát triển đội ngũ cán bộ làm công tác xây dựng, thi hành pháp luật tỉnh Bắc Ninh giai đoạn 2026 - 2030

I. CHỈ TIÊU
1. Tỷ lệ cán bộ pháp chế có trình độ đại học luật trở lên đạt 100%.

II. NHIỆM VỤ
Nhiệm vụ 1: Bồi dưỡng nghiệp vụ soạn thảo văn bản cho cán bộ pháp chế
- Đơn vị chủ trì: Sở Tư pháp
- Thời gian hoàn thành: Quý IV/2026
Nhiệm vụ 2: Rà soát đội ngũ cán bộ làm công tác pháp chế
- Đơn vị chủ trì: Sở Nội vụ
- Thời gian hoàn thành: Quý II/2026
"""

KH144 = """ỦY BAN NHÂN DÂN TỈNH BẮC NINH
Số: 144/KH-UBND
Bắc Ninh, ngày 24 tháng 11 năm 2025

KẾ HOẠCH
Phát triển kinh tế số và xã hội số tỉnh Bắc Ninh giai đoạn 2026 - 2030

I. CHỈ TIÊU
1. Tỷ trọng kinh tế số trong GRDP đạt {share}%.

II. NHIỆM VỤ
Nhiệm vụ 1: Xây dựng nền tảng dữ liệu số dùng chung của tỉnh
- Đơn vị chủ trì: Sở Khoa học và Công nghệ
- Thời gian hoàn thành: {deadline}
Nhiệm vụ 2: Rà soát đội ngũ cán bộ làm công tác pháp chế
- Đơn vị chủ trì: Sở Nội vụ
- Thời gian hoàn thành: Quý III/2026
"""

BAC_NINH = "tỉnh Bắc Ninh"


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _both(engine, tmp_path: Path) -> None:
    _write(tmp_path / "a", "kh141.txt", KH141)
    _write(tmp_path / "a", "kh144.txt", KH144.format(share="30", deadline="Quý IV/2027"))
    results = ingest_paths(engine, [tmp_path / "a"])
    assert [r.status for r in results] == ["added", "added"], [r.message for r in results]


def _link_officer(engine, telegram_id: int, unit_word: str) -> None:
    with transaction(engine) as s:
        party = next(p for p in s.scalars(select(m.Party)) if unit_word in fold(p.display))
        s.add(m.User(telegram_id=telegram_id, role="officer", locality_key="tinh bac ninh"))
        s.flush()
        s.add(m.UserParty(user_id=telegram_id, party_id=party.id, approved_by="cli"))


def _add_progress(engine, task_word: str, value_text: str) -> None:
    """An officer's report, stored as the bot stores it (against the current version)."""
    with transaction(engine) as s:
        task = next(
            t
            for t in s.scalars(select(m.Task).join(m.Plan).where(m.Plan.is_current.is_(True)))
            if task_word in fold(t.name)
        )
        s.add(
            m.ProgressRecord(
                plan_key=task.plan.plan_key,
                item_kind="task",
                item_key=task.item_key,
                item_name=task.name,
                task_id=task.id,
                value_text=value_text,
                status="in_progress",
                source="telegram",
                reported_by="501",
                reported_at=datetime.now(UTC),
            )
        )


def test_two_plans_of_one_place_and_period_both_stay(engine, tmp_path: Path) -> None:
    _both(engine, tmp_path)
    plans = export_plans(engine)["plans"]
    assert sorted(p["doc_number"] for p in plans) == ["141/KH-UBND", "144/KH-UBND"]
    qa = AnswerEngine(engine)
    older = qa.ask("bồi dưỡng nghiệp vụ soạn thảo văn bản khi nào xong", locality=BAC_NINH).text
    assert "Quý IV/2026" in older and "141/KH-UBND" in older
    assert "100" in qa.ask("tỷ lệ cán bộ pháp chế có trình độ đại học luật", locality=BAC_NINH).text
    newer = qa.ask("nền tảng dữ liệu số dùng chung ai chủ trì", locality=BAC_NINH).text
    assert "Sở Khoa học và Công nghệ" in newer and "144/KH-UBND" in newer


def test_the_older_plans_reminders_go_on(engine, tmp_path: Path) -> None:
    _both(engine, tmp_path)
    _link_officer(engine, 601, "tu phap")
    _link_officer(engine, 602, "noi vu")
    with transaction(engine) as s:
        december = plan_messages(s, date(2026, 12, 24))  # 7 days before KH 141's Quý IV/2026
        june = plan_messages(s, date(2026, 6, 23))  # 7 days before KH 141's Quý II/2026
        september = plan_messages(s, date(2026, 9, 23))  # 7 days before KH 144's Quý III/2026
    assert [p.kind for p in december if p.chat_id == 601 and p.kind == "due_nudge"] == ["due_nudge"]
    # the same task name in both plans: the later plan is no amendment, both deadlines hold
    assert [p for p in june if p.chat_id == 602 and p.kind == "due_nudge"]
    assert [p for p in september if p.chat_id == 602 and p.kind == "due_nudge"]


def test_a_corrected_text_of_the_same_number_supersedes_with_progress_kept(engine, tmp_path: Path) -> None:
    _both(engine, tmp_path)
    _add_progress(engine, "nen tang du lieu so", "đã xong khảo sát, đạt 40%")
    _write(tmp_path / "b", "kh144-sua.txt", KH144.format(share="35", deadline="Quý II/2027"))
    [result] = ingest_paths(engine, [tmp_path / "b"])
    assert result.status == "superseded" and "thay bản 1" in result.message
    plans = {p["doc_number"]: p for p in export_plans(engine)["plans"]}
    assert sorted(plans) == ["141/KH-UBND", "144/KH-UBND"]  # KH 141 untouched
    assert [p["value_text"] for p in plans["144/KH-UBND"]["progress"]] == ["đã xong khảo sát, đạt 40%"]
    qa = AnswerEngine(engine)
    assert "Quý II/2027" in qa.ask("nền tảng dữ liệu số dùng chung khi nào xong", locality=BAC_NINH).text
    progress = qa.ask("tiến độ xây dựng nền tảng dữ liệu số dùng chung", locality=BAC_NINH).text
    assert "đã xong khảo sát" in progress
    assert "35" in qa.ask("tỷ trọng kinh tế số trong GRDP", locality=BAC_NINH).text


def test_the_same_number_of_another_year_is_another_plan(engine, tmp_path: Path) -> None:
    _write(tmp_path / "a", "kh141.txt", KH141)
    _write(tmp_path / "a", "kh141-2026.txt", KH141.replace("năm 2025", "năm 2026").replace("100%", "95%"))
    assert [r.status for r in ingest_paths(engine, [tmp_path / "a"])] == ["added", "added"]


def test_without_a_number_the_title_tells_plans_apart(engine, tmp_path: Path) -> None:
    no_number = KH141.replace("Số: 141/KH-UBND\n", "")
    other = KH144.format(share="30", deadline="Quý IV/2027").replace("Số: 144/KH-UBND\n", "")
    _write(tmp_path / "a", "a.txt", no_number)
    _write(tmp_path / "a", "b.txt", other)
    assert [r.status for r in ingest_paths(engine, [tmp_path / "a"])] == ["added", "added"]
    _write(tmp_path / "b", "a2.txt", no_number.replace("100%", "98%"))
    [again] = ingest_paths(engine, [tmp_path / "b"])
    assert again.status == "superseded"


def _progress_count(engine) -> int:
    with session_factory(engine)() as s:
        return s.scalar(select(func.count()).select_from(m.ProgressRecord)) or 0


def test_the_same_text_saved_again_is_unchanged(engine, tmp_path: Path) -> None:
    """Windows line endings or Notepad's 'Unicode' (UTF-16): the same document, not a
    new version, and its result rows are not stored twice."""
    text = SAMPLE_WITH_RESULTS.read_text(encoding="utf-8")
    _write(tmp_path / "a", "kh.txt", text)
    [first] = ingest_paths(engine, [tmp_path / "a"])
    assert first.status == "added"
    rows = _progress_count(engine)
    assert rows > 0  # the sample's result table
    crlf = tmp_path / "b" / "kh-crlf.txt"
    crlf.parent.mkdir()
    crlf.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    utf16 = tmp_path / "b" / "kh-unicode.txt"
    utf16.write_bytes(text.encode("utf-16"))
    trailing = tmp_path / "b" / "kh-spaces.txt"
    trailing.write_text(text.replace("\n", "  \n"), encoding="utf-8")
    results = ingest_paths(engine, [tmp_path / "b"])
    assert [r.status for r in results] == ["unchanged"] * 3, [r.message for r in results]
    assert all("không đổi" in r.message for r in results)
    assert _progress_count(engine) == rows
    with session_factory(engine)() as s:
        assert s.scalar(select(func.count()).select_from(m.Plan)) == 1


def test_a_list_draws_from_both_plans_of_the_period(engine, tmp_path: Path) -> None:
    _both(engine, tmp_path)
    qa = AnswerEngine(engine)
    justice = qa.ask("Sở Tư pháp phụ trách những việc gì", locality=BAC_NINH).text
    assert "Bồi dưỡng nghiệp vụ soạn thảo văn bản" in justice and "141/KH-UBND" in justice
    home = qa.ask("việc của Sở Nội vụ", locality=BAC_NINH).text
    assert "(2 mục)" in home and "Quý II/2026" in home and "Quý III/2026" in home
    assert "Nguồn: KH 141/KH-UBND; KH 144/KH-UBND." in home  # each plan by its number
