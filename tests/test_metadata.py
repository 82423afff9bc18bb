"""Plan metadata from issuing headers, title, number line and signature block."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.extract.metadata import extract_meta, extract_meta_and_conflicts
from knowledge.model import Block, Document
from knowledge.readers import read_document

DATA = Path(__file__).resolve().parent / "data"
SAMPLES = Path(__file__).resolve().parent.parent / "knowledge" / "samples"


def _doc(text: str) -> Document:
    lines = text.splitlines()
    return Document(
        source="t.txt", blocks=[Block(kind="line", text=t, line_no=i) for i, t in enumerate(lines, 1)]
    )


def test_thi_tran_with_deputy_signer_and_abbreviated_place() -> None:
    meta = extract_meta(read_document(DATA / "meta_thitran.txt"))
    assert meta.locality == "thị trấn Phong Điền"
    assert meta.locality_type == "thị trấn"
    # the huyện shares the town's name: it is still the parent
    assert meta.parent == "huyện Phong Điền"
    assert meta.province == "Cần Thơ"
    assert (meta.period_start, meta.period_end) == (2025, 2025)
    assert meta.doc_number == "112/KH-UBND"
    assert meta.signed_date == date(2025, 1, 15)
    assert meta.signer == "Võ Thị Mai"
    assert meta.issuer == "UBND thị trấn Phong Điền"


def test_markdown_header_commune_of_a_district() -> None:
    meta = extract_meta(read_document(DATA / "meta_xa_huyen.md"))
    assert meta.locality == "xã Tân Lập"
    assert meta.parent == "huyện Đan Phượng"
    assert meta.province == "Hà Tây"
    assert meta.title == "Kế hoạch Thực hiện nhiệm vụ phát triển kinh tế - xã hội giai đoạn 2021 - 2025"
    assert (meta.period_start, meta.period_end) == (2021, 2025)
    assert meta.signer == "Nguyễn Hữu Phúc"  # upper-case name shown in title case


def test_blank_number_and_date_and_no_signer() -> None:
    meta = extract_meta(read_document(DATA / "meta_nosigner.txt"))
    assert meta.locality == "xã Bình Minh"
    assert meta.signed_date is None
    assert meta.signer is None
    assert meta.doc_number == "15/KH-UBND"  # the blank 'Số: /KH-UBND' is skipped
    assert (meta.parent, meta.province) == ("huyện Gia Bình", "Bắc Ninh")


def test_two_document_numbers_and_two_spellings_are_conflicts() -> None:
    text = "\n".join(
        [
            "ỦY BAN NHÂN DÂN",
            "PHƯỜNG AN HÒA",
            "Số: 10/QĐ-UBND",
            "An Hòa, ngày 02 tháng 01 năm 2024",
            "KẾ HOẠCH",
            "Phát triển kinh tế - xã hội năm 2024",
            "Căn cứ Nghị quyết của HĐND phường An Hòa; UBND phường An Hòa thực hiện.",
            "Xây dựng phường An Hà văn minh; phường An Hà sạch đẹp.",
            "(Kèm theo Quyết định số 12/QĐ-UBND ngày 02/01/2024)",
        ]
    )
    meta, conflicts = extract_meta_and_conflicts(_doc(text))
    assert meta.doc_number == "10/QĐ-UBND"
    whats = {c.what: c.values for c in conflicts}
    assert any("10/QĐ-UBND" in v for v in whats["Số văn bản ban hành kế hoạch"])
    assert any("12/QĐ-UBND" in v for v in whats["Số văn bản ban hành kế hoạch"])
    assert any(v.startswith("An Hà") for v in whats["Tên phường"])


def test_neighbouring_ward_is_not_a_spelling_conflict() -> None:
    text = "ỦY BAN NHÂN DÂN\nPHƯỜNG ĐÔNG THỌ\nphường Đông Thọ giáp phường Đông Sơn, phường Đông Sơn và phường Đông Thọ."
    _, conflicts = extract_meta_and_conflicts(_doc(text))
    assert conflicts == []


@pytest.mark.parametrize(
    ("stem", "locality", "parent", "province", "signer"),
    [
        ("000_d2f0e62540c5dfe6", "phường Đông Thọ", "thành phố Thanh Hóa", "Thanh Hóa", "Đỗ Văn Trung"),
        ("001_27f7fec24761f517", "phường Thiệu Dương", "thành phố Thanh Hóa", "Thanh Hóa", "Lê Văn Mão"),
        ("002_1f79fa8eda5e748f", "xã Hưng Đông", "thành phố Vinh", "Nghệ An", "Trần Anh Tấn"),
        ("003_80b10907ed40827a", "phường Thạch Khôi", "thành phố Hải Phòng", "Hải Phòng", "Tăng Văn Quân"),
        ("004_680e36f5c05cb2c2", "phường Thọ Xương", "thành phố Bắc Giang", None, "Nguyễn Văn Hùng"),
    ],
)
def test_samples(stem: str, locality: str, parent: str, province: str | None, signer: str) -> None:
    meta = extract_meta(read_document(SAMPLES / f"{stem}.txt"))
    assert (meta.locality, meta.parent, meta.province, meta.signer) == (locality, parent, province, signer)


def test_sample_title_period_and_number() -> None:
    meta = extract_meta(read_document(SAMPLES / "000_d2f0e62540c5dfe6.txt"))
    assert meta.title is not None and meta.title.startswith("Kế hoạch hành động về việc thực hiện Quyết định")
    assert meta.title.endswith("quốc phòng - an ninh năm 2023")
    assert meta.doc_number == "23/QĐ-UBND"
    assert meta.signed_date == date(2023, 2, 6)
    meta3 = extract_meta(read_document(SAMPLES / "003_80b10907ed40827a.txt"))
    assert (meta3.period_start, meta3.period_end) == (2026, 2030)
    assert meta3.signed_date is None and meta3.doc_number is None


def test_header_and_annex_issue_months_disagree() -> None:
    text = "\n".join(
        [
            "Số: /KH-UBND",
            "X. Yên Lạc, ngày    tháng 4 năm 2026",
            "KẾ HOẠCH",
            "Phát triển kinh tế - xã hội năm 2026",
            "PHỤ LỤC",
            "(Kèm theo Kế hoạch số /KH-UBND, ngày   tháng 03 năm 2026 của UBND xã Yên Lạc)",
            "(Kèm theo Kế hoạch số /KH-UBND, ngày 12 tháng 4 năm 2026 của UBND xã Yên Lạc)",
        ]
    )
    meta, conflicts = extract_meta_and_conflicts(_doc(text))
    assert meta.signed_date is None
    dates = next(c for c in conflicts if c.what == "Ngày ban hành kế hoạch")
    assert len(dates.values) == 2  # the third date agrees with the header's month
    assert "tháng 03 năm 2026" in dates.values[1]


def test_header_and_signature_set_in_tables_markdown() -> None:
    meta = extract_meta(read_document(DATA / "meta_table_header.md"))
    assert (meta.locality, meta.parent, meta.province) == ("xã Yên Phong", "huyện Ý Yên", "Nam Định")
    assert meta.doc_number == "45/KH-UBND"
    assert meta.signed_date == date(2025, 1, 10)
    assert meta.signer == "Trần Văn Bình"


def test_header_table_in_docx(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nPHƯỜNG HÒA KHÁNH"
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    table.cell(1, 0).text = "Số: 88/KH-UBND"
    table.cell(1, 1).text = "Hòa Khánh, ngày 05 tháng 01 năm 2026"
    for text in (
        "KẾ HOẠCH",
        "Phát triển kinh tế - xã hội năm 2026",
        "UBND phường Hòa Khánh, quận Liên Chiểu",
    ):
        d.add_paragraph(text)
    path = tmp_path / "plan.docx"
    d.save(str(path))
    meta = extract_meta(read_document(path))
    assert (meta.locality, meta.parent) == ("phường Hòa Khánh", "quận Liên Chiểu")
    assert meta.doc_number == "88/KH-UBND" and meta.signed_date == date(2026, 1, 5)
    assert (meta.period_start, meta.period_end) == (2026, 2026)


@pytest.mark.parametrize(
    ("header", "locality"),
    [
        ("UBND XÃ HƯNG LỘC\nSố: 5/KH-UBND", "xã Hưng Lộc"),
        ("UBND xã Hưng Lộc\nSố: 5/KH-UBND", "xã Hưng Lộc"),
        ("ỦY BAN NHÂN DÂN\nPHƯỜNG 12\nSố: 5/KH-UBND", "phường 12"),
        ("ỦY BAN NHÂN DÂN\nHUYỆN ĐÔNG ANH\nSố: 5/KH-UBND", "huyện Đông Anh"),
    ],
)
def test_header_variants(header: str, locality: str) -> None:
    text = (
        header + "\nKẾ HOẠCH\nPhát triển kinh tế - xã hội năm 2025\nCăn cứ Nghị quyết của HĐND tỉnh Nghệ An;"
    )
    meta = extract_meta(_doc(text))
    assert meta.locality == locality
    if meta.locality_type == "huyện":
        assert (meta.parent, meta.province) == ("tỉnh Nghệ An", "Nghệ An")


def test_locality_and_period_from_a_one_line_capital_heading() -> None:
    meta = extract_meta(
        _doc(
            "# KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI PHƯỜNG TÂY SƠN NĂM 2027\n## I. MỤC TIÊU\n1. Thu ngân sách 5 tỷ đồng."
        )
    )
    assert meta.locality == "phường Tây Sơn"
    assert meta.title == "Kế hoạch phát triển kinh tế - xã hội phường Tây Sơn năm 2027"
    assert (meta.period_start, meta.period_end) == (2027, 2027)


def test_sentence_case_title_near_top_and_table_caption_period() -> None:
    meta = extract_meta(
        _doc("UBND XÃ ĐẠI ĐỒNG\nKế hoạch phát triển kinh tế - xã hội năm 2026\n\nNăm 2025, xã đạt 9%.")
    )
    assert (meta.locality, meta.title) == ("xã Đại Đồng", "Kế hoạch phát triển kinh tế - xã hội năm 2026")
    caption = extract_meta(
        _doc("ỦY BAN NHÂN DÂN XÃ ĐẠI ĐỒNG\nBiểu 01: Chỉ tiêu chủ yếu năm 2026\nSTT Chỉ tiêu")
    )
    assert (caption.title, caption.period_start, caption.period_end) == (None, 2026, 2026)


_PIECES = st.sampled_from(
    [
        *"aăđĐ ,.;:()/-0123456789\t*#",
        "ỦY BAN NHÂN DÂN",
        "PHƯỜNG ",
        "XÃ ",
        "KẾ HOẠCH",
        "Số: ",
        " ngày ",
        " tháng ",
        " năm 2025",
        "TM. ",
        "CHỦ TỊCH",
        "TỔ CHỨC THỰC HIỆN",
        "báo cáo",
        "hàng tháng",
        "Giao ",
        "Phòng ",
        "1. ",
        "- ",
        "xã hội ",
        "thành phố ",
        "tỉnh ",
        "Kèm theo Quyết định số ",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=20).map("".join), max_size=25))
def test_prose_extractors_never_raise(lines: list[str]) -> None:
    from knowledge.extract import duties, reporting

    doc = _doc("\n".join(lines))
    doc.blocks.append(Block(kind="table", rows=[[lines[0] if lines else "", "x"]]))
    meta, conflicts = extract_meta_and_conflicts(doc)
    assert meta.issuer is None or meta.issuer.startswith("UBND ")
    assert all(c.values for c in conflicts)
    assert all(r.text for r in reporting.extract(doc))
    assert all(d.unit for d in duties.extract(doc))
