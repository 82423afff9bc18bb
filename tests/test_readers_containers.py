"""The same plan in another container: what a .docx or a printed PDF changes for the readers
(bench/formats.py measures it on the real corpus; each rule here came from a loss there)."""

from __future__ import annotations

from pathlib import Path

import matplotlib
from fpdf import FPDF

from knowledge.readers import read_document

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def _pdf() -> FPDF:
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.set_font("DejaVu", "", 11)
    pdf.set_line_width(0.75)
    return pdf


_COLUMNS = (40.0, 80.0, 330.0, 520.0)  # x of the column rules of a 3-column table


def _rules(pdf: FPDF, top: float, bottom: float, across: list[float]) -> None:
    for x in _COLUMNS:
        pdf.line(x, top, x, bottom)
    for y in across:
        pdf.line(_COLUMNS[0], y, _COLUMNS[-1], y)


def _row(pdf: FPDF, y: float, cells: tuple[str, str, str]) -> None:
    for x, text in zip(_COLUMNS, cells, strict=False):
        if text:
            pdf.text(x + 4, y, text)


def test_a_row_cut_by_a_page_break_stays_one_row(tmp_path: Path) -> None:
    """A browser prints a long row over two pages with no rule at the cut: the column rules
    stop open at the page's foot and start open at the next page's head. The cut row's
    halves are cells (not loose lines), and they make one row again."""
    pdf = _pdf()
    pdf.add_page()
    pdf.text(40, 60, "PHỤ LỤC NHIỆM VỤ")
    _rules(pdf, 100, 800, [100, 120, 140])  # header, row 1, then row 2 open at the foot
    _row(pdf, 114, ("TT", "Nhiệm vụ", "Chủ trì"))
    _row(pdf, 134, ("1", "Rà soát quy hoạch sử dụng đất", "Phòng Kinh tế"))
    _row(pdf, 770, ("2", "Xây dựng kế hoạch chuyển đổi số", "Văn phòng HĐND"))
    _row(pdf, 790, ("", "của các thôn, tổ dân phố", "và UBND"))
    pdf.add_page()
    _rules(pdf, 40, 100, [80, 100])  # row 2 goes on open at the head, then row 3
    _row(pdf, 54, ("", "năm 2026 và các năm sau", "xã"))
    _row(pdf, 94, ("3", "Tập huấn cán bộ", "Phòng Văn hóa - Xã hội"))
    pdf.text(40, 140, "Giao Văn phòng HĐND và UBND xã theo dõi, báo cáo.")
    f = tmp_path / "phu_luc.pdf"
    pdf.output(str(f))

    doc = read_document(f)
    [table] = [b for b in doc.blocks if b.kind == "table"]
    assert table.rows == [
        ["TT", "Nhiệm vụ", "Chủ trì"],
        ["1", "Rà soát quy hoạch sử dụng đất", "Phòng Kinh tế"],
        [
            "2",
            "Xây dựng kế hoạch chuyển đổi số của các thôn, tổ dân phố năm 2026 và các năm sau",
            "Văn phòng HĐND và UBND xã",
        ],
        ["3", "Tập huấn cán bộ", "Phòng Văn hóa - Xã hội"],
    ]
    lines = [b.text for b in doc.blocks if b.kind == "line" and b.text.strip()]
    assert lines == ["PHỤ LỤC NHIỆM VỤ", "Giao Văn phòng HĐND và UBND xã theo dõi, báo cáo."]


def test_a_narrow_space_is_still_a_space(tmp_path: Path) -> None:
    """A PDF set in a Times-like font prints no space characters, only gaps, and kerning
    narrows the gap before some capitals ('Nghệ An': a 0.25 em space less 0.055 em): a gap of
    a fifth of an em is a space; the letters of a word touch."""
    pdf = _pdf()
    pdf.add_page()
    size = 11.0
    x = 40.0
    for word in ("Ủy", "ban", "nhân", "dân", "tỉnh", "Nghệ", "An", "ban", "hành", "Kế", "hoạch"):
        pdf.text(x, 60, word)
        x += pdf.get_string_width(word) + 0.19 * size
    f = tmp_path / "hep.pdf"
    pdf.output(str(f))
    [line] = [b.text for b in read_document(f).blocks if b.text.strip()]
    assert line == "Ủy ban nhân dân tỉnh Nghệ An ban hành Kế hoạch"


def test_a_cut_row_without_a_number_and_the_scrap_at_the_foot(tmp_path: Path) -> None:
    """The cut row may have no number (a '+' sub-item of the row above), and the browser
    leaves at the page's foot the top of a capital's accent from the cut line ('Ấ'): the
    rules' open ends say the row was cut, and the scrap is not a line of the plan."""
    pdf = _pdf()
    pdf.add_page()
    _rules(pdf, 100, 760, [100, 120])
    _row(pdf, 114, ("TT", "Nội dung", "Kế hoạch"))
    _row(pdf, 745, ("", "+ Hộ nghèo, hộ cận nghèo", "1.200"))
    pdf.text(84, 775, "Ấ")  # under the open rules' ends, in the page's margin
    pdf.add_page()
    _rules(pdf, 40, 80, [60, 80])
    _row(pdf, 54, ("", "thuộc diện hỗ trợ", ""))
    _row(pdf, 74, ("", "+ Người có công", "300"))
    f = tmp_path / "cat.pdf"
    pdf.output(str(f))

    doc = read_document(f)
    [table] = [b for b in doc.blocks if b.kind == "table"]
    assert table.rows == [
        ["TT", "Nội dung", "Kế hoạch"],
        ["", "+ Hộ nghèo, hộ cận nghèo thuộc diện hỗ trợ", "1.200"],
        ["", "+ Người có công", "300"],
    ]
    assert not [b for b in doc.blocks if b.kind == "line" and b.text.strip()]


def test_the_top_of_the_next_pages_first_line_at_a_pages_foot(tmp_path: Path) -> None:
    """A browser draws the line that opens the next page on both pages, cut at the break:
    at this page's foot only the accents of its tall capitals show ('Ố Ồ'). Those
    letters, standing where the next page's first line has them, are not a line."""
    pdf = _pdf()
    pdf.add_page()
    pdf.text(40, 60, "KẾ HOẠCH TRIỂN KHAI THỰC HIỆN ĐỀ ÁN TRÊN")
    first = "ĐỊA BÀN THÀNH PHỐ HỒ CHÍ MINH"
    for letter in ("Ố", "Ồ"):
        x = 40 + pdf.get_string_width(first[: first.index(letter)])
        pdf.text(x, 830, letter)
    pdf.add_page()
    pdf.text(40, 60, first)
    f = tmp_path / "tran.pdf"
    pdf.output(str(f))
    lines = [b.text for b in read_document(f).blocks if b.text.strip()]
    assert lines == ["KẾ HOẠCH TRIỂN KHAI THỰC HIỆN ĐỀ ÁN TRÊN", first]
