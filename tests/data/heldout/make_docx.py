"""Build the held-out .docx plan (an indicator table in a real Word table).

Run from the repository root: .venv/bin/python tests/data/heldout/make_docx.py
The generated file is committed; rerun only when this script changes."""

from pathlib import Path

from docx import Document
from docx.shared import Pt

OUT = Path(__file__).parent / "docs" / "h06_phuong_phu_loi_table.docx"

HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2024", "Kế hoạch năm 2025", "Bộ phận chủ trì"]

# (number, name, unit, done 2024, plan 2025, lead unit); a row without unit is a group heading
ROWS: list[tuple[str, str, str, str, str, str]] = [
    ("I", "CHỈ TIÊU KINH TẾ", "", "", "", ""),
    ("1", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", "128,4", "135", "Bộ phận Tài chính - Kế toán"),
    ("2", "Số doanh nghiệp thành lập mới", "Doanh nghiệp", "142", "150", "Văn phòng HĐND-UBND"),
    ("3", "Số hộ kinh doanh cá thể đăng ký mới", "Hộ", "310", "≥ 300", "Văn phòng HĐND-UBND"),
    ("4", "Tỷ lệ thanh toán không dùng tiền mặt tại chợ, cửa hàng", "%", "65", "80", "Văn phòng HĐND-UBND"),
    ("II", "CHỈ TIÊU VĂN HÓA - XÃ HỘI", "", "", "", ""),
    ("5", "Tỷ lệ hộ nghèo theo chuẩn tỉnh", "%", "0,42", "< 0,3", "Công chức LĐ-TB&XH"),
    ("6", "Số lao động được giải quyết việc làm", "Lao động", "1.180", "1.200", "Công chức LĐ-TB&XH"),
    ("7", "Tỷ lệ dân số tham gia BHYT", "%", "93,8", "95", "Trạm Y tế phường"),
    ("8", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "%", "6,1", "< 6", "Trạm Y tế phường"),
    ("9", "Tỷ lệ trường đạt chuẩn quốc gia", "%", "80", "100", "Công chức Văn hóa - Xã hội"),
    ("10", "Tỷ lệ khu phố đạt danh hiệu khu phố văn hóa", "%", "100", "100", "Công chức Văn hóa - Xã hội"),
    ("III", "CHỈ TIÊU MÔI TRƯỜNG - ĐÔ THỊ", "", "", "", ""),
    (
        "11",
        "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý",
        "%",
        "100",
        "100",
        "Công chức Địa chính - Xây dựng",
    ),
    (
        "12",
        "Tỷ lệ tuyến đường có hệ thống chiếu sáng công cộng",
        "%",
        "92",
        "95",
        "Công chức Địa chính - Xây dựng",
    ),
    ("IV", "QUỐC PHÒNG - AN NINH", "", "", "", ""),
    ("13", "Hoàn thành chỉ tiêu tuyển quân", "%", "100", "100", "Ban Chỉ huy Quân sự phường"),
    ("14", "Tỷ lệ khám phá án hình sự", "%", "78", "> 75", "Công an phường"),
]

BEFORE = [
    "ỦY BAN NHÂN DÂN THÀNH PHỐ THỦ DẦU MỘT",
    "ỦY BAN NHÂN DÂN PHƯỜNG PHÚ LỢI",
    "Số: 17/KH-UBND",
    "Phú Lợi, ngày 14 tháng 01 năm 2025",
    "KẾ HOẠCH",
    "Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2025",
    "Căn cứ Nghị quyết số 45/NQ-HĐND ngày 18/12/2024 của HĐND phường Phú Lợi về nhiệm vụ phát triển "
    "kinh tế - xã hội, quốc phòng - an ninh năm 2025;",
    "Căn cứ Quyết định số 5120/QĐ-UBND ngày 24/12/2024 của UBND thành phố Thủ Dầu Một, tỉnh Bình Dương "
    "về việc giao chỉ tiêu kế hoạch năm 2025;",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Triển khai thực hiện đạt và vượt các chỉ tiêu được giao; phân công trách nhiệm cụ thể cho các bộ phận "
    "chuyên môn, khu phố; tăng cường kiểm tra, giám sát, đánh giá kết quả thực hiện.",
    "II. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2025",
    "Các chỉ tiêu chủ yếu và bộ phận chủ trì theo dõi được xác định tại bảng sau:",
]

AFTER = [
    "III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM",
    "1. Tiếp tục cải thiện môi trường đầu tư kinh doanh; hỗ trợ doanh nghiệp, hộ kinh doanh tiếp cận vốn vay ưu đãi.",
    "2. Tăng cường quản lý trật tự xây dựng, chỉnh trang đô thị; vận động nhân dân phân loại rác tại nguồn.",
    "3. Thực hiện đầy đủ, kịp thời các chính sách an sinh xã hội; chăm lo người có công, hộ nghèo dịp Tết.",
    "4. Giữ vững an ninh chính trị, trật tự an toàn xã hội; nâng cao hiệu quả mô hình camera an ninh khu phố.",
    "IV. TỔ CHỨC THỰC HIỆN",
    "Các bộ phận chủ trì chỉ tiêu xây dựng kế hoạch chi tiết, định kỳ báo cáo kết quả thực hiện về Văn phòng "
    "HĐND-UBND phường trước ngày 25 hằng tháng để tổng hợp báo cáo UBND thành phố.",
    "Nơi nhận: UBND thành phố (b/c); TT Đảng ủy, HĐND phường; Lưu: VT.",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "Lê Minh Tuấn",
]


def build(out: Path = OUT) -> Path:
    doc = Document()
    doc.styles["Normal"].font.size = Pt(13)
    for text in BEFORE:
        doc.add_paragraph(text)
    table = doc.add_table(rows=1, cols=len(HEADER))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = text
    for row in ROWS:
        cells = table.add_row().cells
        if not row[2]:  # group heading spans the row
            merged = cells[1].merge(cells[-1])
            cells[0].text, merged.text = row[0], row[1]
            continue
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    for text in AFTER:
        doc.add_paragraph(text)
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(out))
    return out


if __name__ == "__main__":
    print(build())
