#!/usr/bin/env python3
"""Build q01 (a real PDF whose tables have no ruling lines) and its gold file.

    python3 -m venv /tmp/pdf7 && /tmp/pdf7/bin/pip install fpdf2
    /tmp/pdf7/bin/python tests/data/heldout7/make_pdf.py

Columns are only aligned by their x positions (no borders, no shading); long cells wrap onto
further lines in their own column, so a name continues on a line whose other columns are empty.
"""

from __future__ import annotations

import os
import sys

from fpdf import FPDF

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import DOCS, KT, MT, QP, VH, ind, rep, task, write_gold

FONT_DIR = "/work/main/.venv/lib/python3.11/site-packages/matplotlib/mpl-data/fonts/ttf"

STEM = "q01_xa_dong_lac_thuong_pdf"
LOC, PROV = "xã Đông Lạc Thượng", "Phú Thọ"
KTP, VHP, TYT, QSX = "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Trạm Y tế xã", "Ban Chỉ huy quân sự xã"
CAX, VPX = "Công an xã", "Văn phòng HĐND và UBND xã"
P1 = "Đ/c Nguyễn Văn Thắng, PCT UBND xã"
P2 = "Đ/c Hà Thị Nguyệt, PCT UBND xã"
CT = "Đ/c Hà Văn Khởi, Chủ tịch UBND xã"

# no, group, name, unit, estimate 2025, plan 2026, responsible, parent
ROWS = [
    ("1", KT, "Tốc độ tăng trưởng giá trị sản xuất trên địa bàn", "%", "8,1", "8,5", KTP, None),
    ("2", KT, "Tổng sản lượng lương thực có hạt", "tấn", "9.420", "9.650", KTP, None),
    ("-", KT, "Trong đó: thóc", "tấn", "7.980", "8.150", KTP, 2),
    (
        "3",
        KT,
        "Diện tích chè trồng mới và trồng thay thế bằng giống chè chất lượng cao",
        "ha",
        "45",
        "60",
        KTP,
        None,
    ),
    ("4", KT, "Tổng thu ngân sách nhà nước trên địa bàn", "triệu đồng", "21.300", "23.800", KTP, None),
    ("5", KT, "Thu nhập bình quân đầu người/năm", "triệu đồng", "52,4", "57", KTP, None),
    ("6", KT, "Số doanh nghiệp thành lập mới", "doanh nghiệp", "11", "14", KTP, None),
    ("7", KT, "Số sản phẩm OCOP được công nhận mới (đạt 3 sao trở lên)", "sản phẩm", "3", "4", KTP, None),
    ("8", VH, "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "94,6", "95,3", TYT, None),
    (
        "9",
        VH,
        "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giai đoạn 2026 - 2030",
        "%",
        "3,42",
        "2,65",
        VHP,
        None,
    ),
    ("10", VH, "Tỷ lệ lao động qua đào tạo có văn bằng, chứng chỉ", "%", "31,5", "33,8", VHP, None),
    ("11", VH, "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "%", "13,9", "13,2", TYT, None),
    ("12", VH, "Số trường đạt chuẩn quốc gia", "trường", "6/8", "7/8", VHP, None),
    ("13", VH, "Tỷ lệ khu dân cư đạt danh hiệu khu dân cư văn hóa", "%", "86", "88,5", VHP, None),
    ("14", MT, "Tỷ lệ dân cư nông thôn sử dụng nước sạch theo quy chuẩn", "%", "61", "66,5", KTP, None),
    ("15", MT, "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý", "%", "82", "87", KTP, None),
    ("16", MT, "Tỷ lệ che phủ rừng", "%", "47,2", "47,5", KTP, None),
    ("17", QP, "Tỷ lệ hoàn thành chỉ tiêu giao quân", "%", "100", "100", QSX, None),
]
GROUPS = {KT: "I", VH: "II", MT: "III", QP: "IV"}

# no, name, leader, responsible, deadline
TASKS = [
    (
        "1",
        "Hoàn thành giải phóng mặt bằng dự án đường liên xã Đông Lạc - Hương Nộn đoạn qua khu Đồng Giang",
        P1,
        KTP,
        "Quý II/2026",
    ),
    (
        "2",
        "Trồng mới 60 ha chè giống chất lượng cao tại các khu Đồng Giang, Gò Mít",
        P1,
        KTP,
        "Tháng 3 - tháng 4/2026",
    ),
    ("3", "Xây dựng, hoàn thiện hồ sơ 04 sản phẩm OCOP năm 2026", P1, KTP, "Trước 30/9/2026"),
    ("4", "Lắp đặt hệ thống cấp nước sạch tập trung cho 320 hộ khu Gò Mít", P1, KTP, "Trước 31/10/2026"),
    ("5", "Cải tạo, nâng cấp Trạm Y tế xã (điểm Đông Lạc)", P2, TYT, "Quý III/2026"),
    ("6", "Rà soát hộ nghèo, hộ cận nghèo cuối năm 2026", P2, VHP, "Tháng 10 - tháng 12/2026"),
    ("7", "Vận động người dân tham gia bảo hiểm y tế hộ gia đình", P2, VHP, "Thường xuyên"),
    ("8", "Tuyển chọn, gọi công dân nhập ngũ năm 2027", CT, QSX, "Tháng 11/2026 - tháng 02/2027"),
]

REPORT = (
    "Định kỳ trước ngày 18 hằng tháng, các phòng, đơn vị báo cáo kết quả thực hiện về UBND xã "
    "(qua Văn phòng HĐND và UBND xã) để tổng hợp; báo cáo 6 tháng trước ngày 12/6/2026, "
    "báo cáo năm trước ngày 20/11/2026"
)


class Doc(FPDF):
    def __init__(self):
        super().__init__(format="A4")
        self.add_font("DejaVu", "", os.path.join(FONT_DIR, "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf"))
        self.add_font("DejaVu", "I", os.path.join(FONT_DIR, "DejaVuSans-Oblique.ttf"))
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(True, 18)

    def para(self, text, style="", size=10.5, align="J", h=5.6):
        self.set_font("DejaVu", style, size)
        self.multi_cell(0, h, text, align=align, new_x="LMARGIN", new_y="NEXT")

    def row(self, widths, cells, style="", size=9.5, h=4.8, aligns=None):
        """One table row with no ruling lines: each cell wraps inside its own column."""
        self.set_font("DejaVu", style, size)
        wrapped = [
            self.multi_cell(w - 1.5, h, c, dry_run=True, output="LINES") if c else [""]
            for w, c in zip(widths, cells, strict=True)
        ]
        n = max(len(x) for x in wrapped)
        if self.get_y() + n * h > self.h - 20:
            self.add_page()
        y0 = self.get_y()
        x = self.l_margin
        for k, (w, lines) in enumerate(zip(widths, wrapped, strict=True)):
            for j, line in enumerate(lines):
                self.set_xy(x, y0 + j * h)
                self.cell(w - 1.5, h, line, align=(aligns[k] if aligns else "L"))
            x += w
        self.set_xy(self.l_margin, y0 + n * h + 1.2)


def build():
    pdf = Doc()
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 10.5)
    pdf.cell(75, 5.5, "ỦY BAN NHÂN DÂN", align="C")
    pdf.cell(105, 5.5, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(75, 5.5, "XÃ ĐÔNG LẠC THƯỢNG", align="C")
    pdf.cell(105, 5.5, "Độc lập - Tự do - Hạnh phúc", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("DejaVu", "", 10.5)
    pdf.cell(75, 5.5, "Số: 14/KH-UBND", align="C")
    pdf.set_font("DejaVu", "I", 10.5)
    pdf.cell(105, 5.5, "Đông Lạc Thượng, ngày 09 tháng 01 năm 2026", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.para("KẾ HOẠCH", "B", 12, "C")
    pdf.para("Phát triển kinh tế - xã hội năm 2026", "B", 11, "C")
    pdf.ln(3)
    pdf.para(
        "Căn cứ Luật Tổ chức chính quyền địa phương năm 2025; căn cứ Nghị quyết số 05/NQ-HĐND ngày "
        "26/12/2025 của HĐND xã Đông Lạc Thượng về kế hoạch phát triển kinh tế - xã hội năm 2026; "
        "UBND xã ban hành Kế hoạch phát triển kinh tế - xã hội năm 2026 như sau:"
    )
    pdf.para("I. MỤC TIÊU TỔNG QUÁT", "B")
    pdf.para(
        "Tập trung phát triển kinh tế nông nghiệp hàng hóa gắn với cây chè, xây dựng sản phẩm OCOP; "
        "đầu tư hạ tầng giao thông, nước sạch; nâng cao chất lượng giáo dục, y tế; giảm nghèo bền vững; "
        "giữ vững quốc phòng, an ninh trên địa bàn xã sau sắp xếp."
    )
    pdf.para("II. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026", "B")
    w = (10, 72, 22, 22, 20, 34)
    pdf.row(w, ["TT", "Chỉ tiêu", "ĐVT", "Ước TH năm 2025", "Kế hoạch năm 2026", "Đơn vị chủ trì"], "B")
    group = None
    for no, g, name, unit, est, plan, resp, _ in ROWS:
        if g != group:
            group = g
            pdf.row(w, [GROUPS[g], g, "", "", "", ""], "B")
        pdf.row(w, [no, name, unit, est, plan, resp], aligns="LLLCCL")
    pdf.ln(2)
    pdf.para("III. NHIỆM VỤ TRỌNG TÂM VÀ PHÂN CÔNG THỰC HIỆN", "B")
    w2 = (10, 68, 34, 36, 32)
    pdf.row(w2, ["TT", "Nhiệm vụ", "Lãnh đạo chỉ đạo", "Đơn vị chủ trì", "Thời hạn hoàn thành"], "B")
    for no, name, leader, resp, dl in TASKS:
        pdf.row(w2, [no, name, leader, resp, dl])
    pdf.ln(2)
    pdf.para("IV. TỔ CHỨC THỰC HIỆN", "B")
    pdf.para(
        "1. Các phòng, đơn vị được giao chủ trì chỉ tiêu, nhiệm vụ xây dựng kế hoạch chi tiết, "
        "chủ động triển khai thực hiện; phối hợp chặt chẽ với Ủy ban MTTQ Việt Nam xã và các đoàn thể."
    )
    pdf.para("2. " + REPORT + ".")
    pdf.para(
        "3. Văn phòng HĐND và UBND xã theo dõi, đôn đốc, tổng hợp tình hình thực hiện, tham mưu "
        "UBND xã báo cáo Đảng ủy, HĐND xã và UBND tỉnh Phú Thọ theo quy định."
    )
    pdf.ln(4)
    y = pdf.get_y()
    pdf.set_font("DejaVu", "B", 9.5)
    pdf.cell(90, 5, "Nơi nhận:", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    for line in (
        "- UBND tỉnh Phú Thọ (b/c);",
        "- Thường trực Đảng ủy xã (b/c);",
        "- Thường trực HĐND xã;",
        "- Chủ tịch, các PCT UBND xã;",
        "- Các phòng, đơn vị thuộc UBND xã;",
        "- Lưu: VT.",
    ):
        pdf.cell(90, 4.6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(105, y)
    pdf.set_font("DejaVu", "B", 10.5)
    for line, gap in (("TM. ỦY BAN NHÂN DÂN", 5.5), ("CHỦ TỊCH", 16), ("Hà Văn Khởi", 5.5)):
        pdf.set_x(105)
        pdf.cell(90, gap if gap < 10 else 5.5, line, align="C", new_x="LMARGIN", new_y="NEXT")
        if gap > 10:
            pdf.ln(gap - 5.5)
    os.makedirs(DOCS, exist_ok=True)
    pdf.output(os.path.join(DOCS, STEM + ".pdf"))


def gold():
    inds = [
        ind(no, g, name, unit, plan, resp, parent=parent) for no, g, name, unit, _, plan, resp, parent in ROWS
    ]
    tasks = [task(no, name, leader, resp, None, dl) for no, name, leader, resp, dl in TASKS]
    to = "UBND xã (qua Văn phòng HĐND và UBND xã)"
    plan = {
        "locality": LOC,
        "locality_type": "xã",
        "parent": None,
        "province": PROV,
        "period_start": 2026,
        "period_end": 2026,
        "title": "Kế hoạch phát triển kinh tế - xã hội năm 2026",
        "issuer": "UBND xã Đông Lạc Thượng",
        "doc_number": "14/KH-UBND",
        "signed_date": "2026-01-09",
        "signer": "Hà Văn Khởi",
        "reporting": [
            rep(REPORT, "monthly", day=18, to=to),
            rep(REPORT, None, deadline="2026-06-12", to=to),
            rep(REPORT, "yearly", deadline="2026-11-20", to=to),
        ],
    }
    write_gold(STEM, "pdf", plan, inds, tasks)


if __name__ == "__main__":
    build()
    gold()
