"""PDF tables drawn without rules: columns found from the header's x-positions,
wrapped cell lines rejoined to their own column, rows across a page break."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest
from fpdf import FPDF

from knowledge.readers import read_document

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
_X = (15, 27, 95, 115, 135, 160)  # column starts in mm
_STEP = 5


def _pdf() -> FPDF:
    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.set_font("DejaVu", "", 9)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    return pdf


def _line(pdf: FPDF, y: float, cells: tuple[str, ...]) -> float:
    """One printed line: each non-empty cell at its column's x (no rules drawn)."""
    for x, text in zip(_X, cells, strict=False):
        if text:
            pdf.text(x, y, text)
    return y + _STEP


def _make(path: Path) -> None:
    pdf = _pdf()
    y = _line(pdf, 20, ("II. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026",))
    y = _line(pdf, y, ("TT", "Chỉ tiêu", "ĐVT", "Ước TH", "Kế", "Đơn vị chủ trì"))
    y = _line(pdf, y, ("", "", "", "năm", "hoạch"))
    y = _line(pdf, y, ("", "", "", "2025", "2026"))
    y = _line(pdf, y, ("I", "Chỉ tiêu về kinh tế"))
    y = _line(pdf, y, ("1", "Tổng sản lượng lương thực", "tấn", "9.420", "9.650", "Phòng Kinh tế"))
    y = _line(pdf, y, ("2", "Tỷ lệ hộ nghèo theo chuẩn", "%", "3,42", "2,65", "Phòng Văn hóa -"))
    y = _line(pdf, y, ("", "nghèo đa chiều", "", "", "", "Xã hội"))
    pdf.add_page()
    y = _line(pdf, 20, ("3", "Số doanh nghiệp thành lập", "doanh", "11", "14", "Phòng Kinh tế"))
    y = _line(pdf, y, ("", "mới", "nghiệp"))
    _line(pdf, y + _STEP, ("III. NHIỆM VỤ TRỌNG TÂM VÀ PHÂN CÔNG THỰC HIỆN, CÁC PHÒNG TRIỂN KHAI",))
    pdf.output(str(path))


def test_unruled_table_rows_rejoin_wrapped_cells_by_column(tmp_path: Path) -> None:
    if not (FONT_DIR / "DejaVuSans.ttf").exists():
        pytest.skip("DejaVu font not available")
    path = tmp_path / "chi_tieu.pdf"
    _make(path)
    doc = read_document(path)
    [table] = [b for b in doc.blocks if b.kind == "table"]
    assert table.rows == [
        ["TT", "Chỉ tiêu", "ĐVT", "Ước TH năm 2025", "Kế hoạch 2026", "Đơn vị chủ trì"],
        ["I", "Chỉ tiêu về kinh tế", "", "", "", ""],
        ["1", "Tổng sản lượng lương thực", "tấn", "9.420", "9.650", "Phòng Kinh tế"],
        ["2", "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều", "%", "3,42", "2,65", "Phòng Văn hóa - Xã hội"],
        ["3", "Số doanh nghiệp thành lập mới", "doanh nghiệp", "11", "14", "Phòng Kinh tế"],
    ]
    lines = [b.text for b in doc.blocks if b.kind == "line"]
    assert lines[0] == "II. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026"
    assert lines[-1].startswith("III. NHIỆM VỤ TRỌNG TÂM")  # prose across the columns ends the table


def test_unruled_task_table_gives_tasks(tmp_path: Path) -> None:
    if not (FONT_DIR / "DejaVuSans.ttf").exists():
        pytest.skip("DejaVu font not available")
    from knowledge.extract import tables

    pdf = _pdf()
    y = _line(pdf, 20, ("III. NHIỆM VỤ TRỌNG TÂM",))
    y = _line(pdf, y, ("TT", "Nhiệm vụ", "", "Lãnh đạo chỉ", "", "Thời hạn"))
    y = _line(pdf, y, ("", "", "", "đạo", "", "hoàn thành"))
    y = _line(pdf, y, ("1", "Cải tạo, nâng cấp Trạm Y tế", "", "Đ/c Hà Thị", "", "Quý III/2026"))
    y = _line(pdf, y, ("", "xã (điểm Đông Lạc)", "", "Nguyệt, PCT"))
    y = _line(pdf, y, ("2", "Rà soát hộ nghèo, hộ cận", "", "Đ/c Hà Thị", "", "Tháng 10 -"))
    _line(pdf, y, ("", "nghèo cuối năm 2026", "", "Nguyệt, PCT", "", "tháng 12/2026"))
    path = tmp_path / "nhiem_vu.pdf"
    pdf.output(str(path))
    found = tables.extract(read_document(path))
    assert [(t.no, t.name) for t in found.tasks] == [
        ("1", "Cải tạo, nâng cấp Trạm Y tế xã (điểm Đông Lạc)"),
        ("2", "Rà soát hộ nghèo, hộ cận nghèo cuối năm 2026"),
    ]
    assert found.tasks[1].due_date is not None and found.tasks[1].due_date.month == 12
