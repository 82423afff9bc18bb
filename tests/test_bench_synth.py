"""Synthesised plan documents of the national benchmark: unique places, figures rewritten
consistently (never list numbers, dates or years), and documents the real ingest accepts."""

from __future__ import annotations

import random
from pathlib import Path

from sqlalchemy import Engine, select

from bench import synth_docs as sd
from knowledge.text import fold
from storage import models as m
from storage.db import transaction
from storage.ingest import ingest_file


def test_place_names_unique_even_without_diacritics() -> None:
    names = sd.place_names(3321, {fold("Đông Thọ")}, random.Random(1))
    assert len(names) == 3321
    assert len({fold(n) for n in names}) == 3321
    assert fold("Đông Thọ") not in {fold(n) for n in names}


def test_figures_rewritten_consistently_but_not_numbering_dates_or_years() -> None:
    text = (
        "1. Chỉ tiêu kinh tế\n(12) Thu ngân sách đạt 1.250 triệu đồng, tăng 12,5%.\n"
        "Trước ngày 15 tháng 12 năm 2025, số 23/KH-UBND. Tỷ lệ 12,5% như trên; 45 hộ.\n"
    )
    mapping = sd.number_mapping(text, random.Random(3))
    for kept in ("1", "12", "15", "2025", "23"):
        assert kept not in mapping
    assert {"1.250", "12,5", "45"} <= set(mapping)
    out = sd.apply_numbers(text, mapping) or ""
    assert out.count(mapping["12,5"]) == 2
    assert "(12)" in out and "ngày 15 tháng 12 năm 2025" in out and "23/KH-UBND" in out


def test_place_replaced_in_every_spelling() -> None:
    text = "ỦY BAN NHÂN DÂN PHƢỜNG THIỆU DƢƠNG\nĐảng bộ phường Thiệu Dương; phƣờng Thiệu Dƣơng."
    out = sd.replace_name(text, "Thiệu Dương", "Lạc Hồng")
    assert "THIỆU" not in out and "Thiệu" not in out
    assert "LẠC HỒNG" in out and out.count("Lạc Hồng") == 2


def test_kind_flip_and_old_tones() -> None:
    out = sd.flip_kind("UBND phường Đông Thọ; P. Đông Thọ; PHƯỜNG ĐÔNG THỌ", "Đông Thọ")
    assert "phường" not in out.lower() and out.count("xã") == 2 and "XÃ ĐÔNG THỌ" in out
    assert sd.old_tones("văn hóa, thủy lợi, Tỷ lệ") == "văn hoá, thuỷ lợi, Tỉ lệ"


def test_synthesised_documents_ingest_with_their_new_place(tmp_path: Path, engine: Engine) -> None:
    docs = sd.synthesise(tmp_path / "docs", 5, seed=4)
    assert len({d.locality for d in docs}) == 5
    assert all(d.indicators for d in docs)
    loaded = sd.load_manifest(tmp_path / "docs")
    assert [d.file for d in loaded] == [d.file for d in docs]
    for d in docs[:2]:  # two sample layouts are enough to show the rewrite keeps a plan a plan
        result = ingest_file(engine, tmp_path / "docs" / d.file)
        assert result.ok, result.message
    with transaction(engine) as session:
        places = set(session.scalars(select(m.Plan.locality_name)))
    assert {fold(p) for p in places} == {fold(d.locality) for d in docs[:2]}


def test_docx_layout_has_real_tables_and_no_markdown_marks(tmp_path: Path) -> None:
    from knowledge.readers import read_document

    text = "### **1. Các chỉ tiêu chủ yếu**\n\n<b>TT</b>\t<b>Chỉ tiêu</b>\n1\tThu ngân sách đạt 15%\n\nHết."
    sd.write_docx(text, tmp_path / "plan.docx")
    doc = read_document(tmp_path / "plan.docx")
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert tables and tables[0].rows == [["TT", "Chỉ tiêu"], ["1", "Thu ngân sách đạt 15%"]]
    assert "#" not in doc.text and "**" not in doc.text and "<b>" not in doc.text
