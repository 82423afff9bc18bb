"""What `planbot ingest` says, and what it refuses (issue 11, items 5 and 6): one
line per file in Vietnamese for a ward clerk; only what is no plan is refused, and
a regulation (QUY CHẾ, QUY ĐỊNH) is refused saying what it is."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.cli import main
from storage import models as m
from storage.db import session_factory
from storage.ingest import ingest_paths
from tests.test_plan_identity import KH141, KH144

REAL = Path(__file__).parent / "data" / "real"
SAMPLE = Path(__file__).resolve().parent.parent / "knowledge" / "samples" / "000_d2f0e62540c5dfe6.txt"
COUNTS = re.compile(r"(\d+) mục = (\d+) chỉ tiêu \+ (\d+) nhiệm vụ")

REGULATION_WITH_TASKS = """ỦY BAN NHÂN DÂN XÃ TIÊN LỮ
Số: 12/2026/QĐ-UBND
Tiên Lữ, ngày 10 tháng 3 năm 2026

QUYẾT ĐỊNH
Ban hành Quy chế phối hợp tiếp nhận, giải quyết phản ánh của người dân trên địa bàn xã Tiên Lữ

Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp tiếp nhận, giải quyết phản ánh của \
người dân trên địa bàn xã Tiên Lữ.
Điều 2. Quyết định có hiệu lực từ ngày ký.

QUY CHẾ
Phối hợp tiếp nhận, giải quyết phản ánh của người dân trên địa bàn xã Tiên Lữ

II. NHIỆM VỤ
Nhiệm vụ 1: Tiếp nhận phản ánh của người dân qua đường dây nóng
- Đơn vị chủ trì: Văn phòng HĐND và UBND xã
- Thời gian hoàn thành: Thường xuyên
Nhiệm vụ 2: Trả lời phản ánh trong 5 ngày làm việc
- Đơn vị chủ trì: Công chức Tư pháp - Hộ tịch
- Thời gian hoàn thành: Năm 2026
"""

# An official plan whose tasks sit in a layout not read yet: accepted, and the clerk is told.
PLAN_NOTHING_READ = """ỦY BAN NHÂN DÂN XÃ TIÊN LỮ
Số: 31/KH-UBND
Tiên Lữ, ngày 02 tháng 02 năm 2026

KẾ HOẠCH
Tổ chức Tết trồng cây năm 2026

Thực hiện chỉ đạo của cấp trên, Ủy ban nhân dân xã xây dựng kế hoạch như sau.
"""

NEWS = """Sáng nay, đoàn thanh niên xã Tiên Lữ ra quân dọn vệ sinh đường làng.
Hơn 200 đoàn viên tham gia.
"""


def _plans(engine) -> int:
    with session_factory(engine)() as s:
        return s.scalar(select(func.count()).select_from(m.Plan)) or 0


@pytest.mark.parametrize(
    ("name", "what", "title"),
    [
        ("548693349b18e8cf.md", "quy định", "QUYẾT ĐỊNH ban hành Quy định về tiêu chí đánh giá"),
        ("73a5c09dc805432d.md", "quy định", "QUYẾT ĐỊNH ban hành Quy định quản lý an toàn điện"),
        ("be5392d4f50c27a6.md", "quy chế", "QUYẾT ĐỊNH ban hành Quy chế tiếp nhận, xử lý"),
        ("db769f685bf6bb23.md", "quy chế", "QUYẾT ĐỊNH ban hành Quy chế phối hợp trong công tác"),
    ],
)
def test_a_real_regulation_is_refused_saying_what_it_is(engine, name: str, what: str, title: str) -> None:
    [result] = ingest_paths(engine, [REAL / "not_plans" / name])
    assert result.status == "refused"
    assert result.message.startswith(f"{name}: từ chối: đây là {what} ({title}")
    assert result.message.endswith("), không phải kế hoạch")
    assert _plans(engine) == 0


@pytest.mark.parametrize("name", ["437c3beb60ae2874.md", "f1e0981425ec38be.md"])
def test_a_decision_issuing_a_plan_is_a_plan(engine, name: str) -> None:
    [result] = ingest_paths(engine, [REAL / "plans" / name])
    assert result.status == "added", result.message
    assert "quy chế" not in result.message and "quy định" not in result.message


def test_a_regulation_is_refused_even_with_items_the_extractor_reads(engine, tmp_path: Path) -> None:
    path = tmp_path / "quyche.txt"
    path.write_text(REGULATION_WITH_TASKS, encoding="utf-8")
    [result] = ingest_paths(engine, [path])
    assert result.message == (
        "quyche.txt: từ chối: đây là quy chế (QUYẾT ĐỊNH ban hành Quy chế phối hợp tiếp nhận, giải quyết"
        " phản ánh…), không phải kế hoạch"
    )
    assert _plans(engine) == 0


def test_an_official_plan_is_accepted_even_when_nothing_was_read(engine, tmp_path: Path) -> None:
    path = tmp_path / "kh31.txt"
    path.write_text(PLAN_NOTHING_READ, encoding="utf-8")
    [result] = ingest_paths(engine, [path])
    assert result.status == "added"
    assert result.message.endswith("chưa đọc được chỉ tiêu hay nhiệm vụ nào — kiểm tra định dạng bảng")


def test_what_is_no_plan_is_refused(engine, tmp_path: Path) -> None:
    path = tmp_path / "tin.txt"
    path.write_text(NEWS, encoding="utf-8")
    [result] = ingest_paths(engine, [path])
    assert result.status == "refused"
    assert result.message.startswith("tin.txt: từ chối: không phải kế hoạch")
    assert _plans(engine) == 0


def test_reader_faults_are_told_in_vietnamese(engine, tmp_path: Path) -> None:
    (tmp_path / "rong.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "cu.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    results = {
        r.path.name: r.message for r in ingest_paths(engine, [tmp_path / "rong.txt", tmp_path / "cu.doc"])
    }
    assert results == {
        "rong.txt": "rong.txt: từ chối: tệp rỗng",
        "cu.doc": "cu.doc: từ chối: định dạng .doc cũ không đọc được (hãy lưu lại thành .docx)",
    }


def _cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], list[str]]:
    code = main(args)
    out = capsys.readouterr()
    return code, out.out.splitlines(), out.err.splitlines()


def test_one_line_per_file_for_a_clerk(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "kh141.txt").write_text(KH141, encoding="utf-8")
    (folder / "quyche.txt").write_text(REGULATION_WITH_TASKS, encoding="utf-8")
    (folder / "sample.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = _cli(["ingest", str(folder), "--db", db_url], capsys)
    assert code == 1  # a file was refused
    assert [line.split(":")[0] for line in out] == ["kh141.txt", "sample.txt"]
    assert len(err) == 1 and err[0].startswith("quyche.txt: từ chối: đây là quy chế (QUYẾT ĐỊNH ban hành")
    small, sample = out
    assert small.startswith("kh141.txt: đã nạp — tỉnh Bắc Ninh, 2026–2030, số 141/KH-UBND: ")
    assert small.endswith(
        "3 mục = 1 chỉ tiêu + 2 nhiệm vụ; chỉ đọc được 1 chỉ tiêu, 2 nhiệm vụ — kiểm tra định dạng bảng"
    )
    assert sample.startswith(
        "sample.txt: đã nạp — phường Đông Thọ, thành phố Thanh Hóa, năm 2023, số 23/QĐ-UBND: "
    )
    assert "kiểm tra định dạng bảng" not in sample
    assert main(["export", "--db", db_url]) == 0
    exported = {p["source"]: p for p in json.loads(capsys.readouterr().out)["plans"]}
    for line in out:
        total, indicators, tasks = map(int, COUNTS.search(line).groups())  # type: ignore[union-attr]
        plan = exported[line.split(":")[0]]
        assert (indicators, tasks) == (len(plan["indicators"]), len(plan["tasks"]))
        assert total == indicators + tasks
    code, out, _ = _cli(["ingest", str(folder / "kh141.txt"), "--db", db_url], capsys)
    assert code == 0 and out == ["kh141.txt: không đổi, đã nạp trước đây — tỉnh Bắc Ninh, 2026–2030"]


def test_json_lines_for_scripts(db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "kh144.txt").write_text(KH144.format(share="30", deadline="Quý IV/2027"), encoding="utf-8")
    (tmp_path / "tin.txt").write_text(NEWS, encoding="utf-8")
    code, out, err = _cli(["ingest", "--json", str(tmp_path), "--db", db_url], capsys)
    assert code == 1 and not err
    rows = [json.loads(line) for line in out]
    assert [(Path(r["file"]).name, r["status"]) for r in rows] == [
        ("kh144.txt", "added"),
        ("tin.txt", "refused"),
    ]
    assert rows[0]["plan_id"] and rows[0]["message"].startswith("kh144.txt: đã nạp")


def _kind(text: str):  # type: ignore[no-untyped-def]
    from knowledge.doc_kind import document_kind
    from knowledge.model import Block, Document

    return document_kind(Document("x.txt", [Block("line", line) for line in text.splitlines()]))


@pytest.mark.parametrize(
    ("text", "kind", "what"),
    [
        ("UBND XÃ A\n**QUY CHẾ**\nLÀM VIỆC CỦA ỦY BAN NHÂN DÂN XÃ A\nChương I", "regulation", "quy chế"),
        ("UBND XÃ A\nQUYẾT ĐỊNH\nVề việc ban hành Quy định quản lý chợ\nCăn cứ …", "regulation", "quy định"),
        ("UBND XÃ A\nQUYẾT ĐỊNH\nVề việc giao chỉ tiêu kế hoạch năm 2026\nCăn cứ …", "plan", ""),
        ("UBND XÃ A\nQUYẾT ĐỊNH\nBan hành Quy chế phối hợp\n…\nKẾ HOẠCH\nPhối hợp năm 2026", "plan", ""),
        ("UBND XÃ A\nKẾ HOẠCH Phát triển năm 2026\nI. QUY ĐỊNH CHUNG\nQUY ĐỊNH CHUNG\n", "plan", ""),
        ("UBND XÃ A\nNGHỊ QUYẾT\nVề nhiệm vụ năm 2026\n", "other", ""),
        ("Tin tức: xã A ra quân dọn vệ sinh", "unknown", ""),
    ],
)
def test_the_kind_of_a_document_is_read_from_its_title(text: str, kind: str, what: str) -> None:
    found = _kind(text)
    assert (found.kind, found.what) == (kind, what)
