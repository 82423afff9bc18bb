"""Bounded ingest (issue 16, defect 7 / build 5): hostile files are refused with one
Vietnamese line and nothing stored; only regular files are opened; a .docx is refused
on its unpacked size and a PDF on its page count before they are parsed; reading and
extraction have a time limit; the paragraph builder is linear and unchanged in what it
builds (compared with the quadratic builder it replaced)."""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from bench.paragraphs import _doc, old_paragraphs
from bot.config import ConfigError, ingest_limits_from
from knowledge.errors import UnreadableDocument
from knowledge.extract.lines import paragraphs
from knowledge.readers import ReadLimits, read_document
from storage import models as m
from storage.db import session_factory
from storage.ingest import IngestLimits, ingest_file, ingest_paths

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "knowledge" / "samples"


def _plans(engine: Engine) -> int:
    with session_factory(engine)() as s:
        return s.scalar(select(func.count()).select_from(m.Plan)) or 0


def _cli_ingest(path: Path, db_url: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`planbot ingest` in a child process: a hang fails the test at the timeout, not forever."""
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "ingest", str(path), "--db", db_url],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=path.parent,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
    )


def test_fifo_named_txt_is_refused_not_waited_on(tmp_path: Path, db_url: str, engine: Engine) -> None:
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    done = _cli_ingest(fifo, db_url)
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "x.txt: từ chối: không phải tệp thông thường (ống FIFO, thiết bị hay liên kết tới chúng không được đọc)"
    )
    assert _plans(engine) == 0


def test_link_to_dev_zero_is_refused(tmp_path: Path, db_url: str, engine: Engine) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    done = _cli_ingest(link, db_url)
    assert done.returncode == 1
    assert "zero.txt: từ chối: không phải tệp thông thường" in done.stderr
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr
    assert _plans(engine) == 0


def test_link_to_a_regular_file_is_still_read(tmp_path: Path) -> None:
    link = tmp_path / "plan.txt"
    link.symlink_to(SAMPLES / "000_d2f0e62540c5dfe6.txt")
    assert read_document(link).blocks


def test_oversized_file_is_refused_before_reading(tmp_path: Path, db_url: str, engine: Engine) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes((SAMPLES / "000_d2f0e62540c5dfe6.txt").read_bytes() * 400)  # a few MB
    size_mb = f"{big.stat().st_size / 2**20:.1f}"
    done = _cli_ingest(big, db_url, PLANBOT_INGEST_MAX_FILE_MB="1")
    assert done.returncode == 1
    assert done.stderr.strip() == f"big.txt: từ chối: tệp quá lớn ({size_mb} MB, giới hạn 1 MB)"
    assert _plans(engine) == 0


def _docx_with(extra: dict[str, int]) -> bytes:
    """A real .docx (python-docx) plus members of the given sizes, all zeros (a zip bomb)."""
    import docx

    buf = io.BytesIO()
    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH thực hiện nhiệm vụ năm 2026")
    d.save(buf)
    with zipfile.ZipFile(buf, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        chunk = b"\0" * 2**20
        for name, mib in extra.items():
            with z.open(name, "w", force_zip64=True) as f:
                for _ in range(mib):
                    f.write(chunk)
    return buf.getvalue()


def test_zip_bomb_docx_is_refused_before_it_is_unpacked(tmp_path: Path, engine: Engine) -> None:
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(_docx_with({"word/media/image1.bin": 1024}))  # 1 GiB unpacked, ~1 MB packed
    assert bomb.stat().st_size < 2 * 2**20
    tracemalloc.start()
    result = ingest_file(engine, bomb)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert result.status == "refused"
    assert result.message.startswith(
        "bomb.docx: từ chối: tệp .docx giải nén ra quá lớn (1024.8 MB, giới hạn 40 MB;"
    )
    assert peak < 50 * 2**20  # refused from the archive's directory, nothing inflated
    assert _plans(engine) == 0


def test_docx_under_the_unpacked_limit_is_read(tmp_path: Path) -> None:
    ok = tmp_path / "ok.docx"
    ok.write_bytes(_docx_with({"word/media/pad.bin": 2}))
    assert any("KẾ HOẠCH" in b.text for b in read_document(ok).blocks)
    with pytest.raises(UnreadableDocument, match="too large when unpacked"):
        read_document(ok, ReadLimits(max_docx_inflated_bytes=2**20))


def _pdf(pages: int) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for n in range(pages):
        pdf.add_page()
        pdf.cell(text=f"Page {n + 1}: plan text")
    return bytes(pdf.output())


def test_pdf_over_the_page_limit_is_refused(tmp_path: Path, engine: Engine) -> None:
    long_pdf = tmp_path / "long.pdf"
    long_pdf.write_bytes(_pdf(301))
    result = ingest_file(engine, long_pdf)
    assert result.status == "refused"
    assert result.message == "long.pdf: từ chối: tệp PDF quá dài (301 trang, giới hạn 300 trang)"
    assert _plans(engine) == 0
    short = ingest_file(engine, long_pdf, limits=IngestLimits(read=ReadLimits(max_pdf_pages=400)))
    assert "quá dài" not in short.message  # read (and refused as no plan, not for its length)


def test_time_limit_per_file(tmp_path: Path, engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_bytes((SAMPLES / "000_d2f0e62540c5dfe6.txt").read_bytes())

    def endless(doc: object) -> None:
        while True:
            time.sleep(0.01)

    monkeypatch.setattr("storage.ingest.extract_plan", endless)
    t0 = time.monotonic()
    [result] = ingest_paths(engine, [plan], limits=IngestLimits(max_seconds=0.5))
    assert time.monotonic() - t0 < 10
    assert (
        result.message == "plan.txt: từ chối: đọc tệp quá 0.5 giây cho phép (tệp quá lớn hoặc quá phức tạp)"
    )
    assert _plans(engine) == 0
    monkeypatch.undo()
    assert ingest_file(engine, plan).ok  # the alarm is gone: the next file is read in full


def test_80_kb_of_short_lines_is_read_and_refused_as_no_plan(tmp_path: Path, engine: Engine) -> None:
    lines = tmp_path / "lines.txt"
    lines.write_text("".join(f"dòng {i % 10}\n" for i in range(12000)), encoding="utf-8")  # ~80 KB
    assert lines.stat().st_size > 80_000
    [para] = paragraphs(read_document(lines))
    assert para.line_no == 1 and para.end_line == 12000 and para.text.startswith("dòng 0 dòng 1")
    result = ingest_file(engine, lines)
    assert result.status == "refused" and "không phải kế hoạch" in result.message
    assert _plans(engine) == 0


def test_many_pipe_lines_are_lines(tmp_path: Path) -> None:
    pipes = tmp_path / "pipes.txt"
    pipes.write_text("|\n" * 200_000, encoding="utf-8")
    doc = read_document(pipes)
    assert len(doc.blocks) == 200_000 and all(b.kind == "line" for b in doc.blocks)


TRICKY = [
    "1.",
    "a)",
    "-",
    "KẾ HOẠCH",
    "THỰC HIỆN NĂM 2026",
    "3.1.2. Công nghiệp",
    "Công nghiệp phát triển",
    "thực hiện kế hoạch",
    "năm 2026;",
    "Thu ngân sách địa phương:",
    "6.645 triệu đồng",
    "đạt 95%.",
    "Ngày",
    "15/01/2025",
    "09:12",
    "Thứ Ba, 14/01/2025, 16:45 (GMT+7)",
    "(ĐN) - Sáng 14-1, xã họp",
    "kinh tế -",
    "xã hội",
    "phát triển kinh-",
    "tế",
    "I. MỤC TIÊU",
    "Điều 1",
    "• Tăng cường",
    "ĐẠT",
    "CHỈ TIÊU",
    "x" * 120 + ".",
    "Cập nhật:",
    "09/01/2025 15:20",
    "./.",
    "(1)",
    "ý kiến.”",
    "a) Nhiệm vụ: Tham mưu UBND",
    "214/NQ-CP).",
]


def test_linear_builder_builds_what_the_old_one_built() -> None:
    rng = random.Random(16)
    for _ in range(300):
        lines = [rng.choice([*TRICKY, ""]) for _ in range(rng.randint(1, 60))]
        doc = _doc(lines)
        assert paragraphs(doc) == old_paragraphs(doc), lines
    for sample in sorted(SAMPLES.iterdir()):
        doc = read_document(sample)
        assert paragraphs(doc) == old_paragraphs(doc), sample.name


def test_limits_from_settings() -> None:
    limits = ingest_limits_from(
        {
            "PLANBOT_INGEST_MAX_FILE_MB": "5",
            "PLANBOT_INGEST_MAX_UNPACKED_MB": "50",
            "PLANBOT_INGEST_MAX_PDF_PAGES": "40",
            "PLANBOT_INGEST_MAX_SECONDS": "30",
        }
    )
    assert limits == IngestLimits(ReadLimits(5 * 2**20, 50 * 2**20, 40), 30)
    assert ingest_limits_from({}) == IngestLimits()
    with pytest.raises(ConfigError, match="PLANBOT_INGEST_MAX_FILE_MB"):
        ingest_limits_from({"PLANBOT_INGEST_MAX_FILE_MB": "lots"})
