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
        # the text names no province: the national list knows thành phố Bắc Giang's
        ("004_680e36f5c05cb2c2", "phường Thọ Xương", "thành phố Bắc Giang", "Bắc Giang", "Nguyễn Văn Hùng"),
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


def test_two_column_header_on_shared_lines() -> None:
    """Issuer and motto on one line with a wide gap; the party committee above is the parent."""
    meta = extract_meta(read_document(DATA / "meta_two_column.txt"))
    assert (meta.locality, meta.issuer) == ("thị trấn Bố Hạ", "UBND thị trấn Bố Hạ")
    assert (meta.parent, meta.province) == ("huyện Yên Thế", "Bắc Giang")
    assert meta.doc_number == "31/KH-UBND" and meta.signed_date == date(2026, 2, 8)
    assert meta.title == "Kế hoạch Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2026 của thị trấn Bố Hạ"
    assert (meta.period_start, meta.period_end) == (2026, 2026)  # not the 2015 law cited below
    assert meta.signer == "H' Loan Byă"


def test_pdf_text_with_interleaved_columns_and_broken_title() -> None:
    meta = extract_meta(read_document(DATA / "meta_pdf_interleaved.txt"))
    assert (meta.locality, meta.parent) == ("phường Quang Trung", "thị xã Sơn Tây")
    assert meta.doc_number == "05/KH-UBND" and meta.signed_date == date(2027, 1, 12)
    assert meta.title == (
        "Kế hoạch Thực hiện nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng - an ninh năm 2027"
    )
    assert (meta.period_start, meta.period_end) == (2027, 2027)


@pytest.mark.parametrize(
    "header",
    [
        "ỦY BAN NHÂN DÂN HUYỆN KIM BẢNG\nỦY BAN NHÂN DÂN XÃ NHẬT TÂN",
        "UBND HUYỆN KIM BẢNG\nỦY BAN NHÂN DÂN\nXÃ NHẬT TÂN",
        "UBND HUYỆN KIM BẢNG    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nUBND XÃ NHẬT TÂN    Độc lập - Tự do - Hạnh phúc",
    ],
)
def test_lowest_unit_of_the_header_is_the_issuer(header: str) -> None:
    text = (
        header
        + "\nSố: 3/KH-UBND\nKẾ HOẠCH\nPhát triển kinh tế - xã hội năm 2025\nxã Nhật Tân giáp huyện Duy Tiên."
    )
    meta = extract_meta(_doc(text))
    assert (meta.locality, meta.parent) == ("xã Nhật Tân", "huyện Kim Bảng")


def test_district_header_over_a_commune_plan() -> None:
    text = (
        "ỦY BAN NHÂN DÂN HUYỆN KIM BẢNG\nKẾ HOẠCH\nPhát triển kinh tế - xã hội xã Nhật Tân năm 2025\n"
        "Căn cứ Nghị quyết của HĐND huyện Kim Bảng;"
    )
    meta = extract_meta(_doc(text))
    assert (meta.locality, meta.parent) == ("xã Nhật Tân", "huyện Kim Bảng")
    issuing = "UBND HUYỆN KIM BẢNG\nKẾ HOẠCH\nNăm 2025\nUBND xã Nhật Tân ban hành Kế hoạch như sau:"
    assert extract_meta(_doc(issuing)).locality == "xã Nhật Tân"
    # a district's own plan names no commune as its subject
    district = "UBND HUYỆN KIM BẢNG\nKẾ HOẠCH\nPhát triển kinh tế - xã hội năm 2025\nGiao UBND xã Nhật Tân thực hiện."
    assert extract_meta(_doc(district)).locality == "huyện Kim Bảng"


def test_title_keeps_a_purpose_line_but_not_a_preamble() -> None:
    purpose = extract_meta(_doc("UBND XÃ AN THỊNH\nKẾ HOẠCH\nThực hiện chỉ tiêu kinh tế - xã hội năm 2026"))
    assert purpose.title == "Kế hoạch Thực hiện chỉ tiêu kinh tế - xã hội năm 2026"
    preamble = extract_meta(
        _doc("UBND XÃ AN THỊNH\nKẾ HOẠCH\nThực hiện Kế hoạch số 12/KH-UBND của UBND huyện năm 2024")
    )
    assert preamble.title == "Kế hoạch"


def test_labelled_fields_and_front_matter() -> None:
    meta = extract_meta(read_document(DATA / "meta_labelled.md"))
    assert (meta.locality, meta.parent, meta.province) == ("phường Nam Sơn", "quận Kiến An", "Hải Phòng")
    assert (meta.period_start, meta.period_end) == (2026, 2026)
    text = (
        "Đơn vị: tỷ đồng\nĐơn vị: UBND xã Minh Lập, huyện Đồng Hỷ\nGiai đoạn: 2026 - 2030\nNăm 2024 đạt 5 tỷ."
    )
    labelled = extract_meta(_doc(text))
    assert (labelled.locality, labelled.parent) == ("xã Minh Lập", "huyện Đồng Hỷ")
    assert (labelled.period_start, labelled.period_end) == (2026, 2030)


def test_news_article_headline_place_and_goal_year() -> None:
    meta = extract_meta(read_document(DATA / "meta_news.txt"))
    assert meta.title == "Xã Tân Phú Trung đặt mục tiêu 100% thôn đạt chuẩn văn hóa"
    assert (meta.locality, meta.parent) == ("xã Tân Phú Trung", "huyện Củ Chi")
    # 'Năm 2025, xã đạt …' reports a result; 'Năm 2026, xã … phấn đấu' sets the goal
    assert (meta.period_start, meta.period_end) == (2026, 2026)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Căn cứ Luật Tổ chức chính quyền địa phương năm 2015;\nNăm 2026, phường phấn đấu thu 5 tỷ.", 2026),
        (
            "Sáng 3/1, UBND xã tổ chức hội nghị triển khai Kế hoạch phát triển kinh tế - xã hội năm 2026.",
            2026,
        ),
        ("Căn cứ Luật Tổ chức chính quyền địa phương năm 2015;\nNăm 2024, xã đạt 9 chỉ tiêu.", None),
        ("Năm 2026 là năm đầu của giai đoạn 2026 - 2030. Năm 2026, xã phấn đấu thu 5 tỷ đồng.", 2026),
    ],
)
def test_period_from_opening_sentences_not_citations(text: str, year: int | None) -> None:
    meta = extract_meta(_doc(text))
    assert (meta.period_start, meta.period_end) == (year, year)


def test_headline_needs_a_dateline_or_lead_paragraph() -> None:
    listed = extract_meta(_doc("Tỷ lệ hộ nghèo xã An Phú năm 2025 giảm mạnh\n- Thu ngân sách 5 tỷ đồng"))
    assert listed.title is None


def test_news_commune_is_the_repeated_one_not_a_person_after_ubnd() -> None:
    text = "\n".join(
        [
            "Kỳ họp HĐND cuối năm: nhiều chỉ tiêu mới cho năm 2026",
            "20/12/2025 10:05",
            "Ngày 19/12, HĐND phường Ngọc Thụy (quận Long Biên, Hà Nội) tổ chức kỳ họp thứ 12.",
            "Năm 2026, phường Ngọc Thụy phấn đấu thu ngân sách đạt 110% dự toán.",
            "Chủ tịch UBND phường Nguyễn Văn An cho biết phường sẽ tập trung giải phóng mặt bằng.",
        ]
    )
    meta = extract_meta(_doc(text))
    assert (meta.locality, meta.parent, meta.province) == ("phường Ngọc Thụy", "quận Long Biên", "Hà Nội")
    assert (meta.period_start, meta.period_end) == (2026, 2026)


def test_district_of_a_central_city_has_the_city_as_parent() -> None:
    meta = extract_meta(
        _doc("ỦY BAN NHÂN DÂN\nQUẬN HẢI AN\nKẾ HOẠCH năm 2025\nquận Hải An, thành phố Hải Phòng")
    )
    assert (meta.locality, meta.parent, meta.province) == ("quận Hải An", "thành phố Hải Phòng", "Hải Phòng")


@pytest.mark.parametrize(
    ("header", "locality", "parent"),
    [
        ("UBND XÃ ĐĂK LA - HUYỆN ĐĂK HÀ", "xã Đăk La", "huyện Đăk Hà"),
        ("UBND TP. VINH\nUBND XÃ HƯNG LỘC", "xã Hưng Lộc", "thành phố Vinh"),
        ("ỦY BAN NHÂN DÂN\nXÃ MỸ AN\n-------", "xã Mỹ An", None),
        ("HĐND - UBND XÃ PHÚ CƯỜNG", "xã Phú Cường", None),
    ],
)
def test_header_naming_two_units_or_abbreviated(header: str, locality: str, parent: str | None) -> None:
    meta = extract_meta(
        _doc(header + "\nKẾ HOẠCH\nPhát triển kinh tế - xã hội năm 2025\nCăn cứ Luật năm 2015;")
    )
    assert (meta.locality, meta.parent) == (locality, parent)


def test_decomposed_accents_and_no_break_space_gaps() -> None:
    import unicodedata

    gap = "\u00a0" * 4
    text = f"UBND XÃ AN HÒA{gap}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 4/KH-UBND{gap}An Hòa, ngày 02 tháng 3 năm 2025"
    meta = extract_meta(_doc(unicodedata.normalize("NFD", text)))
    assert (meta.locality, meta.doc_number, meta.signed_date) == ("xã An Hòa", "4/KH-UBND", date(2025, 3, 2))


def test_goal_sentence_for_a_five_year_period() -> None:
    meta = extract_meta(
        _doc("Sáng 2/1, phường họp.\nGiai đoạn 2026 - 2030, phường Bình An đặt mục tiêu tăng 8%/năm.")
    )
    assert (meta.period_start, meta.period_end) == (2026, 2030)


def test_decision_title_period_and_signer_beside_the_recipients() -> None:
    meta = extract_meta(
        _doc(
            "\n".join(
                (
                    "ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "PHƯỜNG MỸ AN                         Độc lập - Tự do - Hạnh phúc",
                    "Số: 07/QĐ-UBND                Mỹ An, ngày 03 tháng 2 năm 2026",
                    "NGHỊ QUYẾT",
                    "Về việc giao chỉ tiêu phát triển kinh tế - xã hội năm 2026",
                    "cho các bộ phận chuyên môn",
                    "Căn cứ Luật Tổ chức chính quyền địa phương;",
                    "Nơi nhận:                                             KT. CHỦ TỊCH",
                    "- Như Điều 3;                                           PHÓ CHỦ TỊCH",
                    "- Lưu: VT.                                  Võ Thị Kim Ngân",
                )
            )
        )
    )
    assert (
        meta.title
        == "Nghị quyết về việc giao chỉ tiêu phát triển kinh tế - xã hội năm 2026 cho các bộ phận chuyên môn"
    )
    assert (meta.period_start, meta.period_end) == (2026, 2026)
    assert meta.signer == "Võ Thị Kim Ngân"


def test_signature_table_with_the_recipients_column() -> None:
    rows = [
        ["Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"],
        ["- Thường trực Đảng ủy;", "CHỦ TỊCH"],
        ["- Các ngành;", "(đã ký)"],
        ["- Lưu: VT.", "Hà Văn Tới"],
    ]
    doc = Document(source="t.txt", blocks=[Block(kind="table", rows=rows, line_no=1)])
    assert extract_meta(doc).signer == "Hà Văn Tới"


def test_programme_title_with_two_years() -> None:
    meta = extract_meta(
        _doc(
            "\n".join(
                (
                    "ỦY BAN NHÂN DÂN XÃ BÌNH AN",
                    "CHƯƠNG TRÌNH HÀNH ĐỘNG",
                    "Thực hiện nhiệm vụ trọng tâm quý IV năm 2025 và năm 2026",
                    "Để triển khai Nghị quyết của Đảng ủy xã, UBND xã ban hành Chương trình như sau:",
                )
            )
        )
    )
    assert meta.title == "Chương trình hành động Thực hiện nhiệm vụ trọng tâm quý IV năm 2025 và năm 2026"
    assert (meta.period_start, meta.period_end) == (2025, 2026)


def test_signer_under_a_signed_note_in_markdown(tmp_path: Path) -> None:
    f = tmp_path / "kh.md"
    f.write_text(
        "**ỦY BAN NHÂN DÂN**  \n**XÃ PHÚ LỘC**  \nSố: 07/KH-UBND\n\n"
        "_Phú Lộc, ngày 20 tháng 01 năm 2027_\n\n# KẾ HOẠCH\n## Phát triển kinh tế - xã hội năm 2027\n\n"
        "Nội dung kế hoạch.\n\n**TM. ỦY BAN NHÂN DÂN**  \n**KT. CHỦ TỊCH**  \n**PHÓ CHỦ TỊCH**\n\n"
        "_(Đã ký và đóng dấu)_\n\n**Vi Thị Hồng**\n",
        encoding="utf-8",
    )
    meta = extract_meta(read_document(f))
    assert meta.signer == "Vi Thị Hồng"
    assert meta.signed_date == date(2027, 1, 20)


@pytest.mark.parametrize("note", ["Đã ký", "[Đã ký và đóng dấu]", "_(Đã ký)_", "Ký tên, đóng dấu"])
def test_a_signed_note_between_title_and_name_is_skipped(note: str) -> None:
    meta = extract_meta(
        _doc(
            "ỦY BAN NHÂN DÂN\nXÃ ĐỒNG TÂM\nSố: 11/KH-UBND\nĐồng Tâm, ngày 05 tháng 02 năm 2027\n"
            f"KẾ HOẠCH\nPhát triển kinh tế - xã hội năm 2027\nNội dung.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n{note}\n"
            "Hà Văn Khánh"
        )
    )
    assert meta.signer == "Hà Văn Khánh"


_BARE_PLAN = """UY BAN NHAN DAN                    CONG HOA XA HOI CHU NGHIA VIET NAM
PHUONG HOA KHANH TAY               Doc lap - Tu do - Hanh phuc
So: 07/KH-UBND                     Hoa Khanh Tay, ngay 03 thang 02 nam 2027

KE HOACH
Thuc hien nhiem vu phat trien kinh te - xa hoi nam 2027

Can cu Nghi quyet cua HDND phuong Hoa Khanh Tay, thanh pho Da Nang ve nhiem vu nam 2027;
UBND phuong Hoa Khanh Tay ban hanh Ke hoach thuc hien voi cac chi tieu sau day.
1. Ty le ho ngheo giam xuong duoi 0,5%.
2. Ty le dan so tham gia bao hiem y te dat 97%.
3. Cac to dan pho trien khai va bao cao ket qua ve UBND phuong truoc ngay 20 hang thang.

Noi nhan:                          KT. CHU TICH
- Nhu tren;                        PHO CHU TICH
- Luu: VT.
                                   Tran Thi Thu Ha
"""


def test_plan_typed_without_diacritics_reads_its_header() -> None:
    """Keywords are matched on their bare forms; names stay as written."""
    meta = extract_meta(_doc(_BARE_PLAN))
    assert meta.locality == "phường Hoa Khanh Tay"
    assert meta.locality_type == "phường"
    assert meta.doc_number == "07/KH-UBND"
    assert meta.signed_date == date(2027, 2, 3)
    assert meta.signer == "Tran Thi Thu Ha"
    assert meta.title and meta.title.lower().startswith("ke hoach thuc hien nhiem vu")
    assert (meta.period_start, meta.period_end) == (2027, 2027)


def test_accented_plan_does_not_read_bare_words_as_places() -> None:
    """'cơ quan Nhà nước' is no 'quận' in a plan with diacritics: bare forms are read only
    in a plan typed without them."""
    text = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG HÒA KHÁNH TÂY\nSố: 07/KH-UBND\n"
        "Hòa Khánh Tây, ngày 03 tháng 02 năm 2027\n\nKẾ HOẠCH\nThực hiện nhiệm vụ năm 2027\n\n"
        "Phối hợp với các cơ quan Nhà nước, vùng sâu vùng xa Trung tâm y tế thực hiện.\n"
    )
    meta = extract_meta(_doc(text))
    assert meta.locality == "phường Hòa Khánh Tây"
    assert meta.doc_number == "07/KH-UBND"


def test_signer_closing_the_last_recipients_line() -> None:
    meta = extract_meta(
        _doc(
            "ỦY BAN NHÂN DÂN XÃ AN HẢI\nSố: 12/KH-UBND\n\nKẾ HOẠCH\nPhát triển kinh tế - xã hội năm 2026\n\n"
            "1. Tỷ lệ hộ nghèo dưới 2%.\n\n"
            "Nơi nhận: TM. ỦY BAN NHÂN DÂN\n- UBND tỉnh (b/c); CHỦ TỊCH\n- Lưu: VT. Đặng Quốc Khánh\n"
        )
    )
    assert meta.signer == "Đặng Quốc Khánh"


def test_a_three_year_plan_covers_its_span() -> None:
    from knowledge.extract.loose import Reading
    from knowledge.extract.metadata.period import plan_period

    title = "Kế hoạch tài chính - ngân sách nhà nước 03 năm 2026 - 2028 tỉnh An Hòa"
    assert plan_period(Reading(False), title, []) == (2026, 2028)
