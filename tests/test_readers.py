"""Document readers: .txt/.md (tab and pipe tables, HTML cells), .docx, .pdf, bad input."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import docx
import matplotlib
import pytest
from fpdf import FPDF

from knowledge.errors import UnreadableDocument
from knowledge.extract.lines import paragraphs
from knowledge.readers import collect_paths, read_document
from knowledge.readers.cells import clean_cell

DATA = Path(__file__).parent / "data" / "readers"
SAMPLES = Path(__file__).parent.parent / "knowledge" / "samples"
FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def _tables(doc):  # type: ignore[no-untyped-def]
    return [b for b in doc.blocks if b.kind == "table"]


def _lines(doc):  # type: ignore[no-untyped-def]
    return [b for b in doc.blocks if b.kind == "line"]


# ----------------------------------------------------------------------------- text / markdown


def test_tab_table_with_html_cells_and_legacy_glyphs() -> None:
    doc = read_document(DATA / "nhiem_vu_tab.txt")
    assert doc.source == "nhiem_vu_tab.txt"
    assert doc.content_hash == hashlib.sha256((DATA / "nhiem_vu_tab.txt").read_bytes()).hexdigest()
    [table] = _tables(doc)
    assert table.line_no == 3
    assert table.rows[0] == ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian"]
    assert table.rows[1] == [
        "1",
        "Tổ chức tuyên truyền\nVận động nhân dân",
        "Công chức Văn hóa",
        "Quý I/2025",
    ]
    assert table.rows[2] == ["", "Diện tích 120 m² & nhà văn hóa xóm", "Trạm Y tế", ""]
    texts = {b.line_no: b.text for b in _lines(doc)}
    # numbered items written with a tab stay lines, not a two-column table
    assert texts[7] == "1. Mục đích" and texts[8] == "2. Yêu cầu"
    assert texts[9] == "Nâng cao chất lượng cuộc sống người dân."
    assert texts[2] == ""  # blank lines kept, CRLF handled


def test_markdown_headings_emphasis_and_pipe_table() -> None:
    doc = read_document(DATA / "ke_hoach_pipe.md")
    lines = _lines(doc)
    assert lines[0].text == "KẾ HOẠCH" and lines[0].heading
    assert lines[1].text.startswith("Phát triển") and lines[1].heading
    bold = next(b for b in lines if b.text == "I. CHỈ TIÊU CHỦ YẾU")
    assert bold.heading
    body = next(b for b in lines if b.text.startswith("Trách nhiệm"))
    assert not body.heading
    [table] = _tables(doc)
    assert table.line_no == 6
    assert table.rows[0] == ["STT", "Chỉ tiêu", "Đơn vị", "Kế hoạch", "Đơn vị chủ trì"]
    assert len(table.rows) == 4  # the separator line is not a row
    assert table.rows[1][4] == "Công chức Kế toán"
    assert table.rows[2][2] == "m²/người"
    assert table.rows[2][4] == "Công chức Địa chính\nTrạm Y tế"
    assert table.rows[3][1] == "Tỷ lệ hộ nghèo | đa chiều"
    assert table.rows[3][4] == "Đ/c Lan VP-TK & MTTQ"


def test_excel_quoted_cells_spanning_lines_are_one_cell(tmp_path: Path) -> None:
    f = tmp_path / "excel.txt"
    f.write_text(
        "TT\tNội dung\tChủ trì\tThời gian\n"
        '1\t"Kiểm tra cơ sở ""A""\ntại khu vực B"\tPhòng Kinh tế\tQuý I/2026\n'
        '2\tRà soát\t"Công an\tQuý II\n'  # the next quote does not end a cell
        '3\tXây dựng\tTrạm Y tế\t"Tháng 5\nvà tháng 9/2026"\n'
        '4\t"Ba\ndòng\nmột ô"\tVăn phòng\t\n'
        '5\t"Dân vận khéo" năm 2026\tMTTQ\t"Năm 2026"\n'
        '6\t"Mở ngoặc\tkhông đóng\n'
        'Văn bản "trích dẫn\n'
        'cả dòng" không phải bảng\n'
    )
    doc = read_document(f)
    [table] = _tables(doc)
    assert table.rows[1] == ["1", 'Kiểm tra cơ sở "A"\ntại khu vực B', "Phòng Kinh tế", "Quý I/2026"]
    assert table.rows[2] == ["2", "Rà soát", '"Công an', "Quý II"]
    assert table.rows[3] == ["3", "Xây dựng", "Trạm Y tế", "Tháng 5\nvà tháng 9/2026"]
    assert table.rows[4] == ["4", "Ba\ndòng\nmột ô", "Văn phòng", ""]
    # quotes on one line are text as written
    assert table.rows[5] == ["5", '"Dân vận khéo" năm 2026', "MTTQ", '"Năm 2026"']
    assert table.rows[6] == ["6", '"Mở ngoặc', "không đóng"]
    assert len(table.rows) == 7
    texts = [b.text for b in _lines(doc)]
    assert 'Văn bản "trích dẫn' in texts and 'cả dòng" không phải bảng' in texts


def test_bold_spanning_lines_marks_each_line_heading(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_text(
        "**ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH**\n\nVăn bản **có chữ đậm** giữa dòng\n**Biểu số 01:** kèm theo\n"
    )
    heads = {b.line_no: b.heading for b in read_document(f).blocks}
    assert heads == {1: True, 2: True, 3: False, 4: False, 5: False}


def test_bom_is_dropped() -> None:
    doc = read_document(DATA / "bom.txt")
    assert doc.blocks[0].text == "KẾ HOẠCH có BOM"


def test_clean_cell_entities_and_breaks() -> None:
    assert clean_cell("a&#273;&#x1EA1;<br/>b  &nbsp; c") == "ađạ\nb c"
    assert clean_cell("CO<sub>2</sub> và 5 km <sup>2</sup>") == "CO₂ và 5 km²"
    assert clean_cell("<p>x</p>\n<p></p>") == "x"
    assert clean_cell("a < b và c > d") == "a < b và c > d"  # not markup


def test_undecodable_text_is_rejected(tmp_path: Path) -> None:
    f = tmp_path / "latin1.txt"
    f.write_bytes("Kế hoạch".encode("utf-16-le"))
    with pytest.raises(UnreadableDocument, match=r"not UTF-8|binary"):
        read_document(f)
    g = tmp_path / "cp1258.txt"
    g.write_bytes(b"K\xea ho\xe1ch \xff\xfe")
    with pytest.raises(UnreadableDocument, match=r"not UTF-8 text"):
        read_document(g)


@pytest.mark.parametrize("name", ["empty.txt", "empty.md", "empty.docx", "empty.pdf"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    f = tmp_path / name
    f.write_bytes(b"  \n")
    with pytest.raises(UnreadableDocument, match=r"^empty file$"):
        read_document(f)


def test_unsupported_and_missing(tmp_path: Path) -> None:
    f = tmp_path / "x.doc"
    f.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(UnreadableDocument, match=r"\.doc"):
        read_document(f)
    with pytest.raises(UnreadableDocument, match=r"unsupported"):
        read_document(tmp_path / "x.xlsx")
    with pytest.raises(UnreadableDocument, match=r"cannot read"):
        read_document(tmp_path / "missing.txt")


def test_collect_paths_skips_hidden_and_unsupported(tmp_path: Path) -> None:
    for name in ("b.txt", "a.docx", "c.pdf", "d.md", ".hidden.txt", "~$a.docx", "e.xlsx"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "f.txt").write_bytes(b"x")
    names = [p.name for p in collect_paths([tmp_path])]
    assert names == ["a.docx", "b.txt", "c.pdf", "d.md"]
    assert collect_paths([tmp_path / "e.xlsx"]) == [tmp_path / "e.xlsx"]  # explicit files kept


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_samples_read_and_rejoin(sample: str) -> None:
    doc = read_document(SAMPLES / sample)
    raw_lines = (SAMPLES / sample).read_text(encoding="utf-8-sig").splitlines()
    # every source line is accounted for: as a line block or as a table row
    covered = sum(1 if b.kind == "line" else len(b.rows) for b in doc.blocks)
    assert covered == len(raw_lines)
    assert "ƣ" not in doc.text and "**" not in doc.text
    assert paragraphs(doc)


# ----------------------------------------------------------------------------- docx


def _make_docx(path: Path) -> None:
    d = docx.Document()
    d.add_heading("KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI", level=1)
    d.add_paragraph("Căn cứ Nghị quyết của HĐND xã Hòa Bình;")
    p = d.add_paragraph()
    p.add_run("I. MỤC TIÊU").bold = True
    t = d.add_table(rows=4, cols=4)
    t.cell(0, 0).text = "TT"
    t.cell(0, 1).text = "Nhiệm vụ"
    t.cell(0, 2).text = "Phân công"
    t.cell(0, 2).merge(t.cell(0, 3))  # horizontal merge
    t.cell(1, 0).text = "1"
    t.cell(1, 1).text = "Thu ngân sách"
    t.cell(1, 2).text = "Đ/c Tiến PCT UBND"
    t.cell(1, 3).text = "Đ/c Hằng VP"
    t.cell(1, 2).merge(t.cell(2, 2))  # vertical merge
    t.cell(2, 0).text = "2"
    t.cell(2, 1).text = "Giảm hộ nghèo"
    t.cell(2, 3).text = "Đ/c Hà Chính sách"
    t.cell(3, 1).text = "Tỷ lệ trẻ em suy dinh dưỡng"
    t.cell(3, 3).add_paragraph("Trạm Y tế")
    d.add_paragraph("Tổ chức thực hiện sau bảng.")
    d.save(str(path))


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    f = tmp_path / "ke_hoach.docx"
    _make_docx(f)
    doc = read_document(f)
    kinds = [b.kind for b in doc.blocks if b.kind == "table" or b.text]
    assert kinds == ["line", "line", "line", "table", "line"]
    assert doc.blocks[0].heading and doc.blocks[0].text.startswith("KẾ HOẠCH")
    assert not doc.blocks[1].heading
    assert doc.blocks[2].heading  # wholly bold paragraph
    [table] = _tables(doc)
    assert table.rows[0] == ["TT", "Nhiệm vụ", "Phân công", ""]  # merged text once
    assert table.rows[1] == ["1", "Thu ngân sách", "Đ/c Tiến PCT UBND", "Đ/c Hằng VP"]
    # a cell merged down repeats in every row it covers
    assert table.rows[2] == ["2", "Giảm hộ nghèo", "Đ/c Tiến PCT UBND", "Đ/c Hà Chính sách"]
    assert table.rows[3] == ["", "Tỷ lệ trẻ em suy dinh dưỡng", "", "Trạm Y tế"]
    last = doc.blocks[-1]
    assert last.text == "Tổ chức thực hiện sau bảng." and last.line_no > table.line_no + 3


def test_broken_docx(tmp_path: Path) -> None:
    f = tmp_path / "x.docx"
    f.write_bytes(b"this is not a zip file at all")
    with pytest.raises(UnreadableDocument, match=r"^not a valid .docx file$"):
        read_document(f)
    good = tmp_path / "good.docx"
    _make_docx(good)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(good.read_bytes()[:2000])  # truncated zip
    with pytest.raises(UnreadableDocument, match=r"^not a valid .docx file$"):
        read_document(broken)
    import zipfile

    nodoc = tmp_path / "nodoc.docx"
    with zipfile.ZipFile(nodoc, "w") as z:
        z.writestr("hello.txt", "xin chào")
    with pytest.raises(UnreadableDocument, match=r"^not a valid .docx file$"):
        read_document(nodoc)


# ----------------------------------------------------------------------------- pdf


def _pdf() -> FPDF:
    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    return pdf


def _make_pdf(path: Path) -> None:
    pdf = _pdf()
    pdf.set_font("DejaVu", "B", 13)
    pdf.cell(0, 8, "KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2025", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 11)
    pdf.cell(0, 7, "Căn cứ Nghị quyết của Hội đồng nhân dân xã Hòa Bình;", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    with pdf.table(col_widths=(12, 90, 30, 50)) as table:
        for row in (
            ("TT", "Chỉ tiêu", "Kế hoạch", "Đơn vị chủ trì"),
            ("1", "Tỷ lệ hộ nghèo đa chiều", "dưới 1,5%", "Công chức Văn hóa - Xã hội"),
            ("2", "Tỷ lệ dân số tham gia bảo hiểm y tế", "95%", "Trạm Y tế"),
        ):
            r = table.row()
            for c in row:
                r.cell(c)
    pdf.ln(4)
    pdf.cell(0, 7, "Giao Văn phòng - Thống kê tổng hợp, báo cáo.", new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.cell(0, 7, "Trang hai: tổ chức thực hiện.", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def test_pdf_lines_and_table(tmp_path: Path) -> None:
    f = tmp_path / "ke_hoach.pdf"
    _make_pdf(f)
    doc = read_document(f)
    lines = [b for b in _lines(doc) if b.text.strip()]
    assert lines[0].text == "KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2025" and lines[0].heading
    assert lines[1].text.startswith("Căn cứ Nghị quyết") and not lines[1].heading
    [table] = _tables(doc)
    assert table.rows[0] == ["TT", "Chỉ tiêu", "Kế hoạch", "Đơn vị chủ trì"]
    assert table.rows[1] == ["1", "Tỷ lệ hộ nghèo đa chiều", "dưới 1,5%", "Công chức Văn hóa - Xã hội"]
    assert table.rows[2][3] == "Trạm Y tế"
    # table text is not repeated as lines
    assert not any("Tỷ lệ hộ nghèo" in b.text for b in lines)
    after = [b for b in lines if b.line_no > table.line_no]
    assert [b.text for b in after] == [
        "Giao Văn phòng - Thống kê tổng hợp, báo cáo.",
        "Trang hai: tổ chức thực hiện.",
    ]
    numbers = [b.line_no for b in doc.blocks]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)  # counted across pages


def test_random_bytes_pdf(tmp_path: Path) -> None:
    f = tmp_path / "x.pdf"
    f.write_bytes(os.urandom(4096))
    with pytest.raises(UnreadableDocument, match=r"^not a valid PDF file$"):
        read_document(f)
    g = tmp_path / "y.pdf"
    g.write_bytes(b"%PDF-1.4\n" + os.urandom(2048))
    with pytest.raises(UnreadableDocument) as exc:
        read_document(g)
    assert "\n" not in str(exc.value) and str(exc.value)


def test_scanned_pdf_has_no_text_layer(tmp_path: Path) -> None:
    pdf = _pdf()
    pdf.rect(20, 20, 100, 60, style="F")
    f = tmp_path / "scan.pdf"
    pdf.output(str(f))
    with pytest.raises(UnreadableDocument, match=r"^no text layer \(scanned PDF\?\)$"):
        read_document(f)


def test_encrypted_pdf(tmp_path: Path) -> None:
    pdf = _pdf()
    pdf.set_font("DejaVu", "", 11)
    pdf.cell(0, 7, "Bí mật")
    pdf.set_encryption(owner_password="chu", user_password="mat-khau")
    f = tmp_path / "secret.pdf"
    pdf.output(str(f))
    with pytest.raises(UnreadableDocument, match=r"^encrypted PDF"):
        read_document(f)


def test_pdf_table_across_pages_is_one_table(tmp_path: Path) -> None:
    pdf = _pdf()
    pdf.set_font("DejaVu", "", 10)
    pdf.cell(0, 7, "Biểu chỉ tiêu kèm theo kế hoạch", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(15, 120, 40)) as table:  # the header row repeats on each page
        for row in [("STT", "Chỉ tiêu", "Kế hoạch")] + [
            (str(i), f"Chỉ tiêu số {i} của xã", f"{i}%") for i in range(1, 61)
        ]:
            r = table.row()
            for c in row:
                r.cell(c)
    f = tmp_path / "long.pdf"
    pdf.output(str(f))
    doc = read_document(f)
    [table] = _tables(doc)
    assert table.rows[0] == ["STT", "Chỉ tiêu", "Kế hoạch"]
    assert len(table.rows) == 61
    assert [r[0] for r in table.rows[1:]] == [str(i) for i in range(1, 61)]


def test_docx_automatic_numbering_is_written_out(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Mục tiêu chung", style="List Number")
    d.add_paragraph("Mục tiêu cụ thể", style="List Number")
    d.add_paragraph("Tăng thu ngân sách", style="List Bullet")
    d.add_paragraph("Giải pháp", style="List Number")
    d.add_paragraph("Không đánh số")
    f = tmp_path / "numbered.docx"
    d.save(str(f))
    texts = [b.text for b in read_document(f).blocks]
    assert texts == [
        "1. Mục tiêu chung",
        "2. Mục tiêu cụ thể",
        "- Tăng thu ngân sách",
        "3. Giải pháp",
        "Không đánh số",
    ]


def test_markdown_html_table_and_pipe_table_without_outer_pipes() -> None:
    doc = read_document(DATA / "bang_html.md")
    html_table, pipe_table = _tables(doc)
    assert html_table.line_no == 3
    assert html_table.rows == [
        ["TT", "Nhiệm vụ", "Phân công", ""],
        ["", "", "Chỉ đạo", "Chủ trì"],
        ["1", "Thu ngân sách\nChống thất thu", "Đ/c Bình PCT UBND", "Công chức Kế toán"],
        ["2", "Xây dựng nhà văn hóa 250 m²", "", "Công chức Địa chính & Xây dựng"],
    ]
    assert pipe_table.rows == [["Chỉ tiêu", "Kế hoạch"], ["Tỷ lệ hộ nghèo", "dưới 2%"]]
    assert not any("<" in b.text for b in _lines(doc))


def test_pdf_column_gaps_stay_visible(tmp_path: Path) -> None:
    pdf = _pdf()
    pdf.set_font("DejaVu", "", 10)
    y = 30
    for cells in (("1", "Thu ngân sách trên địa bàn", "%", "15", "Đ/c Tiến PCT UBND"),):
        for x, text in zip((15, 25, 95, 110, 130), cells, strict=True):
            pdf.text(x, y, text)
    pdf.text(15, 45, "Đoạn văn bản thường có các từ cách nhau bình thường.")
    f = tmp_path / "cols.pdf"
    pdf.output(str(f))
    lines = [b.text for b in _lines(read_document(f))]
    assert [p for p in re.split(r" {2,}", lines[0])] == [
        "1",
        "Thu ngân sách trên địa bàn",
        "%",
        "15",
        "Đ/c Tiến PCT UBND",
    ]
    assert lines[1] == "Đoạn văn bản thường có các từ cách nhau bình thường."


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    f = tmp_path / "notepad.txt"
    f.write_bytes("KẾ HOẠCH\r\nĐ/c Hằng VP\r\n".encode("utf-16"))
    assert [b.text for b in read_document(f).blocks] == ["KẾ HOẠCH", "Đ/c Hằng VP"]


def test_docx_tracked_changes_show_the_current_text(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    meta = 'w:author="a" w:date="2024-01-01T00:00:00Z"'
    d = docx.Document()
    p = d.add_paragraph("Tăng thu ")
    p._p.append(parse_xml(f'<w:ins {w} w:id="1" {meta}><w:r><w:t>ngân sách</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:del {w} w:id="2" {meta}><w:r><w:delText> cũ</w:delText></w:r></w:del>'))
    f = tmp_path / "tracked.docx"
    d.save(str(f))
    assert read_document(f).blocks[0].text == "Tăng thu ngân sách"


def test_single_marker_emphasis_is_dropped_but_blanks_and_snake_case_stay(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_text(
        "_Hòa Bình, ngày 02 tháng 3 năm 2027_\n"
        "2. Tỷ lệ hộ nghèo: **dưới 3%** _(Công chức LĐTBXH)_\n"
        "Ghi chú: *tạm tính* theo số liệu năm trước\n"
        "Số: ___/KH-UBND; tệp ke_hoach_2027.xlsx\n"
        "Tích 2 * 3 * 4 và * ghi chú *\n",
        encoding="utf-8",
    )
    texts = [b.text for b in _lines(read_document(f))]
    assert texts == [
        "Hòa Bình, ngày 02 tháng 3 năm 2027",
        "2. Tỷ lệ hộ nghèo: dưới 3% (Công chức LĐTBXH)",
        "Ghi chú: tạm tính theo số liệu năm trước",
        "Số: ___/KH-UBND; tệp ke_hoach_2027.xlsx",
        "Tích 2 * 3 * 4 và * ghi chú *",
    ]


def test_pipe_table_short_alignment_separators_and_html_cells() -> None:
    doc = read_document(DATA / "bang_can_le.md")
    targets, tasks = _tables(doc)
    assert targets.line_no == 3
    assert targets.rows == [
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Đơn vị chủ trì"],
        ["A", "Kinh tế", "", "", ""],
        ["1", "Thu ngân sách\ntrên địa bàn", "triệu đồng", "4.200", "Công chức Tài chính & Kế toán"],
        ["-", "Trong đó: thu phí,\nlệ phí", "triệu đồng", "350", "Công chức Tài chính & Kế toán"],
        ["2", 'Số hộ đạt danh hiệu\n"Gia đình văn hóa"', "hộ", "≥ 92%", "Công chức Văn hóa - Xã hội"],
    ]
    # '|-|-|': one dash per column is a separator when the columns match the header
    assert tasks.rows == [["Việc", "Hạn"], ["Rà soát hộ nghèo", "Quý IV/2026"]]
    # a '| - |' line under a three-column line is not a separator: both stay text
    texts = [b.text for b in _lines(doc)]
    assert "Giá | trị | ghi chú" in texts and "| - |" in texts
    assert texts[-1] == "Dòng thường: a | b, không phải bảng."
