"""Build the binary held-out-2 documents (k03 .docx, k04 .pdf).

Run from the repository root: .venv/bin/python tests/data/heldout2/make_binary.py
The generated files are committed; rerun only when the content below changes."""

from __future__ import annotations

import glob
import os

from docx import Document
from fpdf import FPDF

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")

K03_HEAD = [
    "ỦY BAN NHÂN DÂN XÃ TÂN LẬP",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM - Độc lập - Tự do - Hạnh phúc",
    "Số: 245/KH-UBND",
    "Tân Lập, ngày 22 tháng 12 năm 2025",
    "KẾ HOẠCH",
    "Phát triển kinh tế - xã hội năm 2026 của xã Tân Lập, tỉnh Tuyên Quang",
    "Căn cứ Nghị quyết số 31/NQ-HĐND ngày 18/12/2025 của HĐND xã Tân Lập về kế hoạch "
    "phát triển kinh tế - xã hội năm 2026; UBND xã Tân Lập xây dựng Kế hoạch như sau:",
    "I. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026",
]
# (TT, name, unit, plan 2025, estimate 2025, plan 2026, note); a row with only TT and name is a group row
K03_IND = [
    ("A", "CHỈ TIÊU KINH TẾ"),
    ("1", "Tổng sản lượng chè búp tươi", "tấn", "9.800", "10.150", "10.500", "Phòng Kinh tế theo dõi"),
    ("2", "Diện tích trồng rừng mới", "ha", "320", "335", "350", "Phòng Kinh tế theo dõi"),
    (
        "3",
        "Thu nhập bình quân đầu người",
        "triệu đồng/người/năm",
        "52",
        "53,4",
        "58",
        "Phòng Kinh tế theo dõi",
    ),
    (
        "4",
        "Thu ngân sách nhà nước trên địa bàn",
        "triệu đồng",
        "6.200",
        "6.850",
        "không thấp hơn 7.000",
        "Phòng Kinh tế theo dõi",
    ),
    ("B", "CHỈ TIÊU VĂN HÓA - XÃ HỘI"),
    ("5", "Tỷ lệ hộ nghèo", "%", "9,5", "8,9", "giảm 2 - 2,5", "Phòng Văn hóa - Xã hội theo dõi"),
    ("6", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "98", "98,2", "trên 98", "Trạm Y tế xã theo dõi"),
    ("7", "Số trường học đạt chuẩn quốc gia", "trường", "7", "7", "8/10", "Phòng Văn hóa - Xã hội theo dõi"),
    ("8", "Số thôn đạt chuẩn nông thôn mới", "thôn", "12", "12", "15/18", "Phòng Kinh tế theo dõi"),
    ("C", "CHỈ TIÊU MÔI TRƯỜNG, QUỐC PHÒNG - AN NINH"),
    ("9", "Tỷ lệ hộ dân sử dụng nước hợp vệ sinh", "%", "96", "96,5", "≥ 97", "Phòng Kinh tế theo dõi"),
    (
        "10",
        'Tỷ lệ thôn đạt tiêu chuẩn "An toàn về an ninh, trật tự"',
        "%",
        "90",
        "92",
        "Trên 95",
        "Công an xã theo dõi",
    ),
]
K03_TASK_HEAD = ("TT", "Nhiệm vụ", "Lãnh đạo phụ trách", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn")
K03_TASKS = [
    (
        "1",
        "Xây dựng Đề án phát triển vùng chè Shan tuyết gắn với du lịch cộng đồng",
        "Phó Chủ tịch UBND xã Ma Văn Toàn",
        "Phòng Kinh tế",
        "Hợp tác xã chè Tân Lập; các thôn",
        "Quý II/2026",
    ),
    (
        "2",
        "Hoàn thành cấp giấy chứng nhận quyền sử dụng đất lần đầu cho 150 hộ",
        "Chủ tịch UBND xã",
        "Phòng Kinh tế",
        "Các thôn",
        "Tháng 10/2026",
    ),
    (
        "3",
        "Xóa nhà tạm, nhà dột nát cho hộ nghèo, hộ cận nghèo",
        "Phó Chủ tịch UBND xã Hoàng Thị Nga",
        "Phòng Văn hóa - Xã hội",
        "Ủy ban MTTQ xã",
        "Trước 30/6/2026",
    ),
    (
        "4",
        "Tổ chức Ngày hội văn hóa các dân tộc xã Tân Lập lần thứ nhất",
        "Phó Chủ tịch UBND xã Hoàng Thị Nga",
        "Phòng Văn hóa - Xã hội",
        "Đoàn Thanh niên; Hội Liên hiệp Phụ nữ xã",
        "Quý III/2026",
    ),
    (
        "5",
        "Kiện toàn Tổ công nghệ số cộng đồng tại 18/18 thôn",
        "Chủ tịch UBND xã",
        "Văn phòng HĐND và UBND xã",
        "Đoàn Thanh niên",
        "6 tháng đầu năm 2026",
    ),
    (
        "6",
        "Rà soát, cập nhật phương án phòng, chống thiên tai, sạt lở đất",
        "Phó Chủ tịch UBND xã Ma Văn Toàn",
        "Phòng Kinh tế",
        "Ban Chỉ huy quân sự xã; Công an xã",
        "Hằng năm",
    ),
]
K03_TAIL = [
    "III. TỔ CHỨC THỰC HIỆN",
    "1. Cơ quan chủ trì xây dựng kế hoạch chi tiết, phân công cán bộ theo dõi từng nhiệm vụ.",
    "2. Định kỳ hằng quý, trước ngày 15 của tháng cuối quý, các cơ quan chủ trì báo cáo kết quả "
    "thực hiện về Văn phòng HĐND và UBND xã để tổng hợp, báo cáo Thường trực Đảng ủy xã.",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "Nông Văn Hải",
]


def build_docx(path: str) -> None:
    doc = Document()
    for line in K03_HEAD:
        doc.add_paragraph(line)
    table = doc.add_table(rows=2, cols=7)
    table.style = "Table Grid"
    top, sub = table.rows[0].cells, table.rows[1].cells
    for i, text in enumerate(
        ("TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "", "Kế hoạch năm 2026", "Ghi chú")
    ):
        top[i].text = text
    for i, text in ((3, "Kế hoạch"), (4, "Ước thực hiện")):
        sub[i].text = text
    top[3].merge(top[4])  # two-level header: "Năm 2025" over Kế hoạch / Ước thực hiện
    for i in (0, 1, 2, 5, 6):
        top[i].merge(sub[i])
    for row in K03_IND:
        cells = table.add_row().cells
        if len(row) == 2:
            cells[0].text = row[0]
            cells[1].text = row[1]
            cells[1].merge(cells[6])
            continue
        for i, text in enumerate(row):
            cells[i].text = text
    doc.add_paragraph("II. NHIỆM VỤ TRỌNG TÂM VÀ PHÂN CÔNG THỰC HIỆN")
    tasks = doc.add_table(rows=1, cols=6)
    tasks.style = "Table Grid"
    for i, text in enumerate(K03_TASK_HEAD):
        tasks.rows[0].cells[i].text = text
    for row in K03_TASKS:
        cells = tasks.add_row().cells
        for i, text in enumerate(row):
            cells[i].text = text
    for line in K03_TAIL:
        doc.add_paragraph(line)
    doc.save(path)


K04_HEAD = [
    "ỦY BAN NHÂN DÂN PHƯỜNG KHAU MẠ          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Số: 38/KH-UBND                                       Độc lập - Tự do - Hạnh phúc",
    "Khau Mạ, ngày 20 tháng 7 năm 2025",
    "",
    "KẾ HOẠCH",
    "Thực hiện chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội 6 tháng cuối năm 2025",
    "của phường Khau Mạ, tỉnh Lạng Sơn",
    "",
    "Căn cứ Nghị quyết số 04/NQ-HĐND ngày 11/7/2025 của HĐND phường Khau Mạ về nhiệm vụ phát triển "
    "kinh tế - xã hội 6 tháng cuối năm 2025, UBND phường ban hành Kế hoạch như sau:",
    "I. CHỈ TIÊU CHỦ YẾU",
    "1. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng đạt 1.250 tỷ đồng, tăng trên 12% so với cùng kỳ.",
    "2. Thu ngân sách nhà nước trên địa bàn không thấp hơn 45.000 triệu đồng.",
    '3. Tỷ lệ hộ gia đình đạt danh hiệu "Gia đình văn hóa" trên 93%.',
    "4. Tỷ suất sinh thô dưới 14‰.",
    "5. Số doanh nghiệp thành lập mới: 35 - 40 doanh nghiệp.",
    "6. Tỷ lệ thu gom, xử lý rác thải sinh hoạt đô thị: 100%.",
    "II. NHIỆM VỤ TRỌNG TÂM",
]
K04_TASKS = [
    ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"),
    (
        "1",
        "Đưa Trung tâm phục vụ hành chính công phường đi vào hoạt động ổn định",
        "Văn phòng HĐND và UBND phường",
        "Công an phường",
        "Tháng 8/2025",
    ),
    (
        "2",
        "Giải tỏa lấn chiếm vỉa hè, lòng đường khu vực chợ Khau Mạ",
        "Phòng Kinh tế, Hạ tầng và Đô thị",
        "Công an phường",
        "Quý III/2025",
    ),
    (
        "3",
        "Kiểm tra PCCC tại các cơ sở kinh doanh karaoke, nhà trọ",
        "Công an phường",
        "Phòng Kinh tế, Hạ tầng và Đô thị",
        "Trước 30/9/2025",
    ),
    (
        "4",
        "Tổ chức Tết Trung thu cho thiếu nhi có hoàn cảnh khó khăn",
        "Phòng Văn hóa - Xã hội",
        "Đoàn Thanh niên; Hội Liên hiệp Phụ nữ",
        "Tháng 9/2025",
    ),
    (
        "5",
        "Tổng kết năm 2025, xây dựng kế hoạch phát triển kinh tế - xã hội năm 2026",
        "Văn phòng HĐND và UBND phường",
        "Các phòng chuyên môn",
        "Trước 15/12/2025",
    ),
]
K04_TAIL = [
    "III. TỔ CHỨC THỰC HIỆN",
    "Các cơ quan chủ trì báo cáo kết quả thực hiện về Văn phòng HĐND và UBND phường trước ngày 20 hằng tháng.",
    "",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "Hoàng Thị Mai",
]


def _font() -> str:
    hits = sorted(glob.glob("/usr/share/fonts/**/DejaVuSans.ttf", recursive=True))
    hits += sorted(
        glob.glob(
            os.path.join(
                HERE, "../../../.venv/lib/python3*/site-packages/matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf"
            )
        )
    )
    if not hits:
        raise SystemExit("DejaVuSans.ttf not found")
    return hits[0]


def build_pdf(path: str) -> None:
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=_font())
    pdf.add_font("DejaVu", style="B", fname=_font().replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"))
    pdf.set_font("DejaVu", size=10)
    pdf.add_page()
    for line in K04_HEAD:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(8, 62, 40, 40, 25), text_align="LEFT") as table:
        for row in K04_TASKS:
            r = table.row()
            for text in row:
                r.cell(text)
    for line in K04_TAIL:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(path)


if __name__ == "__main__":
    build_docx(os.path.join(DOCS, "k03_xa_tan_lap_word.docx"))
    build_pdf(os.path.join(DOCS, "k04_phuong_khau_ma_table.pdf"))
    print("written k03_xa_tan_lap_word.docx, k04_phuong_khau_ma_table.pdf")
