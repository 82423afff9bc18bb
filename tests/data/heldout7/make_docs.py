#!/usr/bin/env python3
"""Build q02-q05 of held-out set 7 (docs/ and gold/); q01 (the PDF) is built by make_pdf.py.

    .venv/bin/python tests/data/heldout7/make_docs.py

Everything here is invented: plans of post-2025 communes/wards (directly under a province or a
centrally-run city). Written blind, without reading the extractor. Needs python-docx (project .venv).
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import DOCS, KT, MT, QP, VH, ind, rep, task, write_gold


def save(stem: str, ext: str, text: str) -> None:
    os.makedirs(DOCS, exist_ok=True)
    with open(os.path.join(DOCS, f"{stem}.{ext}"), "w", encoding="utf-8") as f:
        f.write(text.strip("\n") + "\n")


def plan_meta(loc, prov, title, number, date, signer, reporting, issuer=None):
    return {
        "locality": loc,
        "locality_type": loc.split(" ")[0],
        "parent": None,
        "province": prov,
        "period_start": 2026,
        "period_end": 2026,
        "title": title,
        "issuer": issuer or "UBND " + loc,
        "doc_number": number,
        "signed_date": date,
        "signer": signer,
        "reporting": reporting,
    }


# =============================================================================================
# q02 - xã Yên Lãng Đông (Thái Nguyên): plain text; every field section holds its targets as
# '- Chỉ tiêu: ...' bullets and its tasks as '- Nhiệm vụ: ... (... chủ trì, hoàn thành ...)'.

Q2_STEM = "q02_xa_yen_lang_dong_linh_vuc"
Q2_P1 = "Đ/c Lương Văn Đạt - PCT UBND xã"
Q2_P2 = "Đ/c Hoàng Thị Thu Hà - PCT UBND xã"
Q2_CT = "Đ/c Ma Thị Huyền - Chủ tịch UBND xã"
KTP, VHP, TYT = "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Trạm Y tế xã"
CQ = "Chỉ tiêu về xây dựng chính quyền"

# Each section: (heading, group, [("I", sentence, gold-indicator) | ("T", sentence, gold-task)])
Q2_SECTIONS = [
    (
        "1. Lĩnh vực kinh tế",
        KT,
        [
            (
                "I",
                "Tốc độ tăng giá trị sản xuất bình quân đạt 8,8%.",
                ("Tốc độ tăng giá trị sản xuất bình quân", "%", "8,8%"),
            ),
            (
                "I",
                "Tổng sản lượng lương thực có hạt đạt 12.640 tấn;",
                ("Tổng sản lượng lương thực có hạt", "tấn", "12.640"),
            ),
            ("+", "Trong đó: thóc đạt 10.420 tấn.", ("Trong đó: thóc", "tấn", "10.420")),
            ("I", "Sản lượng chè búp tươi đạt 14.300 tấn.", ("Sản lượng chè búp tươi", "tấn", "14.300")),
            (
                "I",
                "Thu ngân sách nhà nước trên địa bàn đạt 18.750 triệu đồng trở lên.",
                ("Thu ngân sách nhà nước trên địa bàn", "triệu đồng", "18.750 triệu đồng trở lên"),
            ),
            (
                "I",
                "Thu nhập bình quân đầu người đạt 61,5 triệu đồng/người/năm.",
                ("Thu nhập bình quân đầu người", "triệu đồng/người/năm", "61,5"),
            ),
            (
                "I",
                "Số hợp tác xã thành lập mới đạt 12 hợp tác xã.",
                ("Số hợp tác xã thành lập mới", "hợp tác xã", "12"),
            ),
            (
                "T",
                "Hoàn thành cứng hóa 4,2 km đường giao thông liên thôn Khuôn Mánh - Bản Cái "
                "(Đ/c Lương Văn Đạt - PCT UBND xã chỉ đạo; Phòng Kinh tế chủ trì, phối hợp Ban Quản lý dự án xã "
                "và các thôn; hoàn thành Quý III/2026).",
                (
                    "Hoàn thành cứng hóa 4,2 km đường giao thông liên thôn Khuôn Mánh - Bản Cái",
                    Q2_P1,
                    KTP,
                    "Ban Quản lý dự án xã và các thôn",
                    "Quý III/2026",
                ),
            ),
            (
                "T",
                "Tổ chức trồng mới 85 ha chè giống mới LDP1, Kim Tuyên (Phòng Kinh tế chủ trì, hoàn thành Quý II/2026).",
                ("Tổ chức trồng mới 85 ha chè giống mới LDP1, Kim Tuyên", None, KTP, None, "Quý II/2026"),
            ),
            (
                "T",
                "Đôn đốc thu nộp thuế sử dụng đất phi nông nghiệp, chống thất thu ngân sách (Phòng Kinh tế chủ trì, "
                "phối hợp Thuế cơ sở 5 tỉnh Thái Nguyên; hoàn thành trước 30/11/2026).",
                (
                    "Đôn đốc thu nộp thuế sử dụng đất phi nông nghiệp, chống thất thu ngân sách",
                    None,
                    KTP,
                    "Thuế cơ sở 5 tỉnh Thái Nguyên",
                    "trước 30/11/2026",
                ),
            ),
        ],
    ),
    (
        "2. Lĩnh vực văn hóa - xã hội",
        VH,
        [
            (
                "I",
                "Tỷ lệ dân số tham gia bảo hiểm y tế đạt 96,1%.",
                ("Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "96,1%"),
            ),
            ("I", "Tỷ lệ hộ nghèo giảm còn 4,35%.", ("Tỷ lệ hộ nghèo", "%", "còn 4,35%")),
            (
                "I",
                "Tỷ lệ người tham gia bảo hiểm xã hội so với lực lượng lao động trong độ tuổi đạt 21,6%.",
                (
                    "Tỷ lệ người tham gia bảo hiểm xã hội so với lực lượng lao động trong độ tuổi",
                    "%",
                    "21,6%",
                ),
            ),
            ("I", "Tỷ lệ lao động qua đào tạo đạt 72,5%.", ("Tỷ lệ lao động qua đào tạo", "%", "72,5%")),
            (
                "I",
                'Tỷ lệ hộ gia đình đạt danh hiệu "Gia đình văn hóa" đạt 91%.',
                ('Tỷ lệ hộ gia đình đạt danh hiệu "Gia đình văn hóa"', "%", "91%"),
            ),
            (
                "I",
                "Số thôn đạt danh hiệu thôn văn hóa: 19/22 thôn.",
                ("Số thôn đạt danh hiệu thôn văn hóa", "thôn", "19/22"),
            ),
            (
                "T",
                "Vận động nhân dân tham gia BHYT hộ gia đình, BHXH tự nguyện (Đ/c Hoàng Thị Thu Hà - PCT UBND xã "
                "chỉ đạo; Phòng Văn hóa - Xã hội chủ trì, phối hợp Bảo hiểm xã hội cơ sở; thời gian: Thường xuyên).",
                (
                    "Vận động nhân dân tham gia BHYT hộ gia đình, BHXH tự nguyện",
                    Q2_P2,
                    VHP,
                    "Bảo hiểm xã hội cơ sở",
                    "Thường xuyên",
                ),
            ),
            (
                "T",
                "Xây dựng nhà văn hóa thôn Nà Lẹng (Phòng Văn hóa - Xã hội chủ trì, hoàn thành Quý IV/2026).",
                ("Xây dựng nhà văn hóa thôn Nà Lẹng", None, VHP, None, "Quý IV/2026"),
            ),
            (
                "T",
                "Tổ chức tiêm chủng mở rộng, tiêm bổ sung vắc xin sởi - rubella cho trẻ em "
                "(Đ/c Hoàng Thị Thu Hà - PCT UBND xã chỉ đạo; Trạm Y tế xã chủ trì, hoàn thành tháng 5/2026).",
                (
                    "Tổ chức tiêm chủng mở rộng, tiêm bổ sung vắc xin sởi - rubella cho trẻ em",
                    Q2_P2,
                    TYT,
                    None,
                    "tháng 5/2026",
                ),
            ),
            (
                "T",
                "Tổ chức Ngày hội văn hóa các dân tộc xã Yên Lãng Đông lần thứ nhất (Phòng Văn hóa - Xã hội chủ trì, "
                "phối hợp Đoàn Thanh niên xã; hoàn thành tháng 9/2026).",
                (
                    "Tổ chức Ngày hội văn hóa các dân tộc xã Yên Lãng Đông lần thứ nhất",
                    None,
                    VHP,
                    "Đoàn Thanh niên xã",
                    "tháng 9/2026",
                ),
            ),
        ],
    ),
    (
        "3. Lĩnh vực tài nguyên, môi trường",
        MT,
        [
            ("I", "Tỷ lệ che phủ rừng giữ ổn định ở mức 63,8%.", ("Tỷ lệ che phủ rừng", "%", "63,8%")),
            (
                "I",
                "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý đạt 78%.",
                ("Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý", "%", "78%"),
            ),
            (
                "I",
                "Tỷ lệ hộ dân sử dụng nước sinh hoạt hợp vệ sinh đạt 98,5%.",
                ("Tỷ lệ hộ dân sử dụng nước sinh hoạt hợp vệ sinh", "%", "98,5%"),
            ),
            (
                "T",
                "Đo đạc, cấp giấy chứng nhận quyền sử dụng đất lần đầu cho 150 hộ tại thôn Khuôn Mánh "
                "(Phòng Kinh tế chủ trì, phối hợp các thôn; hoàn thành trước 31/10/2026).",
                (
                    "Đo đạc, cấp giấy chứng nhận quyền sử dụng đất lần đầu cho 150 hộ tại thôn Khuôn Mánh",
                    None,
                    KTP,
                    "các thôn",
                    "trước 31/10/2026",
                ),
            ),
            (
                "T",
                "Ra quân tổng vệ sinh môi trường hưởng ứng Ngày Môi trường thế giới (Đoàn Thanh niên xã chủ trì, "
                "hoàn thành tháng 6/2026).",
                (
                    "Ra quân tổng vệ sinh môi trường hưởng ứng Ngày Môi trường thế giới",
                    None,
                    "Đoàn Thanh niên xã",
                    None,
                    "tháng 6/2026",
                ),
            ),
        ],
    ),
    (
        "4. Lĩnh vực quốc phòng - an ninh",
        QP,
        [
            ("I", "Hoàn thành 100% chỉ tiêu giao quân.", ("Hoàn thành chỉ tiêu giao quân", "%", "100%")),
            (
                "I",
                'Tỷ lệ thôn đạt tiêu chuẩn "An toàn về an ninh, trật tự" đạt 90% trở lên.',
                ('Tỷ lệ thôn đạt tiêu chuẩn "An toàn về an ninh, trật tự"', "%", "90% trở lên"),
            ),
            (
                "T",
                "Tổ chức diễn tập phòng thủ dân sự xã năm 2026 (Đ/c Ma Thị Huyền - Chủ tịch UBND xã chỉ đạo; "
                "Ban Chỉ huy quân sự xã chủ trì, phối hợp Công an xã; hoàn thành Quý III/2026).",
                (
                    "Tổ chức diễn tập phòng thủ dân sự xã năm 2026",
                    Q2_CT,
                    "Ban Chỉ huy quân sự xã",
                    "Công an xã",
                    "Quý III/2026",
                ),
            ),
            (
                "T",
                "Mở đợt cao điểm tấn công, trấn áp tội phạm ma túy dịp Tết Nguyên đán (Công an xã chủ trì, "
                "hoàn thành tháng 02/2026).",
                (
                    "Mở đợt cao điểm tấn công, trấn áp tội phạm ma túy dịp Tết Nguyên đán",
                    None,
                    "Công an xã",
                    None,
                    "tháng 02/2026",
                ),
            ),
        ],
    ),
    (
        "5. Lĩnh vực xây dựng chính quyền, cải cách hành chính",
        CQ,
        [
            (
                "I",
                "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến đạt 85%.",
                ("Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến", "%", "85%"),
            ),
            (
                "T",
                "Số hóa sổ hộ tịch lưu trữ giai đoạn 2015 - 2025 (Công chức Tư pháp - Hộ tịch chủ trì, "
                "phối hợp Văn phòng HĐND và UBND xã; hoàn thành trước 30/6/2026).",
                (
                    "Số hóa sổ hộ tịch lưu trữ giai đoạn 2015 - 2025",
                    None,
                    "Công chức Tư pháp - Hộ tịch",
                    "Văn phòng HĐND và UBND xã",
                    "trước 30/6/2026",
                ),
            ),
        ],
    ),
]

Q2_REPORT = (
    "Các phòng, đơn vị báo cáo kết quả thực hiện các chỉ tiêu, nhiệm vụ được giao về UBND xã (qua Văn phòng "
    "HĐND và UBND xã) trước ngày 22 hằng tháng; báo cáo năm gửi trước ngày 25/11/2026"
)


def q02():
    lines = [
        "ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "XÃ YÊN LÃNG ĐÔNG                         Độc lập - Tự do - Hạnh phúc",
        "Số: 27/KH-UBND                           Yên Lãng Đông, ngày 15 tháng 01 năm 2026",
        "",
        "KẾ HOẠCH",
        "Thực hiện các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội năm 2026",
        "",
        "Thực hiện Nghị quyết số 08/NQ-HĐND ngày 29/12/2025 của Hội đồng nhân dân xã Yên Lãng Đông về "
        "nhiệm vụ phát triển kinh tế - xã hội năm 2026, Ủy ban nhân dân xã xây dựng Kế hoạch thực hiện như sau:",
        "",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "- Cụ thể hóa các chỉ tiêu, nhiệm vụ Nghị quyết HĐND xã giao; xác định rõ đơn vị chủ trì, thời hạn "
        "hoàn thành để tổ chức thực hiện và kiểm tra, đánh giá.",
        "- Các phòng, đơn vị bám sát kế hoạch, chủ động phối hợp, bảo đảm hoàn thành các chỉ tiêu năm 2026.",
        "",
        "II. CHỈ TIÊU VÀ NHIỆM VỤ CỤ THỂ THEO TỪNG LĨNH VỰC",
        "",
    ]
    inds, tasks, parent = [], [], None
    ino = tno = 0
    for heading, group, items in Q2_SECTIONS:
        lines.append(heading)
        for kind, sentence, g in items:
            if kind == "I":
                ino += 1
                lines.append(f"- Chỉ tiêu: {sentence}")
                inds.append(ind(str(ino), group, g[0], g[1], g[2]))
                parent = len(inds)
            elif kind == "+":
                lines.append(f"  + {sentence}")
                inds.append(ind("-", group, g[0], g[1], g[2], parent=parent))
            else:
                tno += 1
                lines.append(f"- Nhiệm vụ: {sentence}")
                tasks.append(task(str(tno), g[0], g[1], g[2], g[3], g[4]))
        lines.append("")
    lines += [
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Các phòng, đơn vị, công chức chuyên môn căn cứ nhiệm vụ được giao xây dựng kế hoạch chi tiết, "
        "tổ chức triển khai thực hiện; chịu trách nhiệm trước Chủ tịch UBND xã về kết quả thực hiện.",
        f"2. {Q2_REPORT}.",
        "3. Đề nghị Ủy ban MTTQ Việt Nam xã và các tổ chức chính trị - xã hội phối hợp tuyên truyền, vận động "
        "nhân dân thực hiện thắng lợi các chỉ tiêu, nhiệm vụ năm 2026.",
        "",
        "Nơi nhận:                                   KT. CHỦ TỊCH",
        "- UBND tỉnh Thái Nguyên (b/c);              PHÓ CHỦ TỊCH",
        "- TT Đảng ủy, TT HĐND xã;",
        "- Chủ tịch, các PCT UBND xã;                (Đã ký)",
        "- Các phòng, đơn vị thuộc UBND xã;",
        "- Các thôn;                                 Lương Văn Đạt",
        "- Lưu: VT.",
    ]
    save(Q2_STEM, "txt", "\n".join(lines))
    to = "UBND xã (qua Văn phòng HĐND và UBND xã)"
    plan = plan_meta(
        "xã Yên Lãng Đông",
        "Thái Nguyên",
        "Kế hoạch thực hiện các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội năm 2026",
        "27/KH-UBND",
        "2026-01-15",
        "Lương Văn Đạt",
        [rep(Q2_REPORT, "monthly", day=22, to=to), rep(Q2_REPORT, "yearly", deadline="2026-11-25", to=to)],
    )
    write_gold(Q2_STEM, "txt", plan, inds, tasks)


# =============================================================================================
# q03 - xã Tân Mỹ Thạnh (Vĩnh Long): Word; result table of ongoing works (progress), indicator
# table whose names carry the unit ('Thu ngân sách ... (triệu đồng)'), a 'Chỉ tiêu năm 2026' column
# and a 'Ghi chú' column naming the responsible unit ('Phòng Kinh tế theo dõi'); task table.

Q3_STEM = "q03_xa_tan_my_thanh_ghi_chu"
Q3_P1 = "Đ/c Lê Văn Hậu - PCT UBND xã"
Q3_P2 = "Đ/c Nguyễn Thị Kim Loan - PCT UBND xã"
Q3_CT = "Đ/c Trần Minh Triết - Chủ tịch UBND xã"

Q3_PROGRESS = [
    (
        "1",
        "Đường liên ấp Mỹ Thạnh A - Mỹ Thạnh B (dài 3,6 km)",
        "Hoàn thành 70% khối lượng; đang thi công lớp đá dăm",
        "Chậm tiến độ",
    ),
    ("2", "Nạo vét kênh Tư Phú", "Đã hoàn thành, nghiệm thu đưa vào sử dụng tháng 11/2025", "Đạt"),
    ("3", "Nâng cấp Trạm cấp nước ấp Thạnh Lợi", "Đã lắp đặt 2,1/3,5 km đường ống", "Chậm tiến độ"),
    (
        "4",
        "Xây dựng Trường Mầm non Tân Mỹ Thạnh (điểm ấp Phú Hòa)",
        "Hoàn thành phần thô, đạt 85% khối lượng",
        "Đúng tiến độ",
    ),
]

# no, group, name-with-unit, name, unit, est 2025, target 2026, note, responsible, coordinating, parent
Q3_ROWS = [
    (
        "1",
        KT,
        "Tốc độ tăng trưởng kinh tế (%)",
        "%",
        "7,6",
        "8,2",
        "Phòng Kinh tế theo dõi",
        "Phòng Kinh tế",
        None,
        None,
    ),
    (
        "2",
        KT,
        "Tổng sản lượng lúa cả năm (tấn)",
        "tấn",
        "41.200",
        "42.500",
        "Phòng Kinh tế theo dõi",
        "Phòng Kinh tế",
        None,
        None,
    ),
    (
        "",
        KT,
        "Trong đó: lúa chất lượng cao (tấn)",
        "tấn",
        "33.600",
        "36.100",
        "Phòng Kinh tế theo dõi",
        "Phòng Kinh tế",
        None,
        2,
    ),
    (
        "3",
        KT,
        "Diện tích cây ăn trái (ha)",
        "ha",
        "1.350",
        "1.420",
        "Phòng Kinh tế theo dõi",
        "Phòng Kinh tế",
        None,
        None,
    ),
    (
        "4",
        KT,
        "Sản lượng thủy sản nuôi trồng (tấn)",
        "tấn",
        "2.780",
        "3.050",
        "Phòng Kinh tế theo dõi; HTX Tân Mỹ phối hợp",
        "Phòng Kinh tế",
        "HTX Tân Mỹ",
        None,
    ),
    (
        "5",
        KT,
        "Thu ngân sách nhà nước trên địa bàn (triệu đồng)",
        "triệu đồng",
        "26.900",
        "29.700",
        "Phòng Kinh tế theo dõi",
        "Phòng Kinh tế",
        None,
        None,
    ),
    (
        "6",
        KT,
        "Thu nhập bình quân đầu người (triệu đồng/người/năm)",
        "triệu đồng/người/năm",
        "68,5",
        "74",
        "Phòng Kinh tế theo dõi",
        "Phòng Kinh tế",
        None,
        None,
    ),
    (
        "7",
        KT,
        "Số hộ kinh doanh cá thể đăng ký mới (hộ)",
        "hộ",
        "96",
        "120",
        "Phòng Kinh tế theo dõi",
        "Phòng Kinh tế",
        None,
        None,
    ),
    (
        "8",
        VH,
        "Tỷ lệ hộ nghèo (%)",
        "%",
        "1,28",
        "0,96",
        "Phòng Văn hóa - Xã hội theo dõi",
        "Phòng Văn hóa - Xã hội",
        None,
        None,
    ),
    (
        "9",
        VH,
        "Tỷ lệ hộ cận nghèo (%)",
        "%",
        "2,14",
        "1,85",
        "Phòng Văn hóa - Xã hội theo dõi",
        "Phòng Văn hóa - Xã hội",
        None,
        None,
    ),
    (
        "10",
        VH,
        "Tỷ lệ dân số tham gia bảo hiểm y tế (%)",
        "%",
        "93,7",
        "94,9",
        "Phòng Văn hóa - Xã hội theo dõi; Trạm Y tế xã phối hợp",
        "Phòng Văn hóa - Xã hội",
        "Trạm Y tế xã",
        None,
    ),
    (
        "11",
        VH,
        "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin (%)",
        "%",
        "97,5",
        "≥ 98",
        "Trạm Y tế xã theo dõi",
        "Trạm Y tế xã",
        None,
        None,
    ),
    (
        "12",
        VH,
        "Số lao động được giải quyết việc làm mới (lao động)",
        "lao động",
        "410",
        "450",
        "Phòng Văn hóa - Xã hội theo dõi",
        "Phòng Văn hóa - Xã hội",
        None,
        None,
    ),
    (
        "13",
        VH,
        "Số ấp văn hóa (ấp)",
        "ấp",
        "8/9",
        "9/9",
        "Phòng Văn hóa - Xã hội theo dõi",
        "Phòng Văn hóa - Xã hội",
        None,
        None,
    ),
    (
        "14",
        MT,
        "Tỷ lệ hộ dân sử dụng nước sạch theo quy chuẩn (%)",
        "%",
        "72",
        "78",
        "Phòng Kinh tế theo dõi",
        "Phòng Kinh tế",
        None,
        None,
    ),
    (
        "15",
        MT,
        "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý (%)",
        "%",
        "88",
        "92",
        "Phòng Kinh tế theo dõi",
        "Phòng Kinh tế",
        None,
        None,
    ),
    (
        "16",
        QP,
        "Tỷ lệ hồ sơ thủ tục hành chính giải quyết trước và đúng hạn (%)",
        "%",
        "98,6",
        "99,2",
        "Văn phòng HĐND và UBND xã theo dõi",
        "Văn phòng HĐND và UBND xã",
        None,
        None,
    ),
    (
        "17",
        QP,
        'Tỷ lệ ấp đạt tiêu chuẩn "An toàn về an ninh, trật tự" (%)',
        "%",
        "88,9",
        "100",
        "Công an xã theo dõi",
        "Công an xã",
        None,
        None,
    ),
]
Q3_GROUPS = {
    KT: "A. VỀ KINH TẾ",
    VH: "B. VỀ VĂN HÓA - XÃ HỘI",
    MT: "C. VỀ MÔI TRƯỜNG",
    QP: "D. VỀ QUỐC PHÒNG - AN NINH, XÂY DỰNG CHÍNH QUYỀN",
}

Q3_TASKS = [
    (
        "1",
        "Hoàn thành đường liên ấp Mỹ Thạnh A - Mỹ Thạnh B",
        Q3_P1,
        "Phòng Kinh tế",
        "Ban Quản lý dự án khu vực; ấp Mỹ Thạnh A, ấp Mỹ Thạnh B",
        "Quý II/2026",
    ),
    (
        "2",
        "Hoàn thành nâng cấp Trạm cấp nước ấp Thạnh Lợi",
        Q3_P1,
        "Phòng Kinh tế",
        "Trung tâm Nước sạch và Vệ sinh môi trường nông thôn tỉnh",
        "Trước 31/8/2026",
    ),
    (
        "3",
        "Chuyển đổi 120 ha đất lúa kém hiệu quả sang trồng cây ăn trái",
        Q3_P1,
        "Phòng Kinh tế",
        "Hội Nông dân xã",
        "Tháng 5 - tháng 8/2026",
    ),
    (
        "4",
        "Giải phóng mặt bằng dự án nâng cấp Quốc lộ 53 đoạn qua xã",
        Q3_CT,
        "Phòng Kinh tế",
        "Các ấp có dự án đi qua",
        "Quý III/2026",
    ),
    (
        "5",
        "Hoàn thành xây dựng Trường Mầm non Tân Mỹ Thạnh (điểm ấp Phú Hòa)",
        Q3_P2,
        "Phòng Văn hóa - Xã hội",
        "Trường Mầm non Tân Mỹ Thạnh",
        "Trước 15/8/2026",
    ),
    (
        "6",
        "Vận động xây dựng 15 căn nhà Đại đoàn kết cho hộ nghèo, hộ cận nghèo",
        Q3_P2,
        "Phòng Văn hóa - Xã hội",
        "Ủy ban MTTQ Việt Nam xã",
        "Trong tháng 9/2026",
    ),
    (
        "7",
        "Chiến dịch tiêm bổ sung vắc xin sởi - rubella cho trẻ em",
        Q3_P2,
        "Trạm Y tế xã",
        "Các ấp",
        "Tháng 3, 4/2026",
    ),
    (
        "8",
        "Kiểm tra an toàn thực phẩm dịp Tết Nguyên đán và Tết Trung thu",
        Q3_P2,
        "Trạm Y tế xã",
        "Phòng Văn hóa - Xã hội; Công an xã",
        "Tháng 01 - tháng 02/2026 và tháng 9/2026",
    ),
    (
        "9",
        "Huấn luyện lực lượng dân quân thường trực năm 2026",
        Q3_CT,
        "Ban Chỉ huy quân sự xã",
        "Công an xã",
        "Quý II/2026",
    ),
    (
        "10",
        "Đẩy mạnh thanh toán không dùng tiền mặt trong giải quyết thủ tục hành chính",
        Q3_CT,
        "Văn phòng HĐND và UBND xã",
        "Bưu điện xã; Viettel Vĩnh Long",
        "Thường xuyên",
    ),
]

Q3_REPORT = (
    "Định kỳ trước ngày 25 hằng tháng, các cơ quan, đơn vị báo cáo kết quả thực hiện về UBND xã (qua Phòng Kinh tế) "
    "để tổng hợp; báo cáo năm trước ngày 30/11/2026"
)


def q03():
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = docx.Document()
    d.styles["Normal"].font.name = "Times New Roman"
    d.styles["Normal"].font.size = Pt(13)
    head = d.add_table(rows=3, cols=2)
    for r, (a, b) in enumerate(
        [
            ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ("XÃ TÂN MỸ THẠNH", "Độc lập - Tự do - Hạnh phúc"),
            ("Số: 08/KH-UBND", "Tân Mỹ Thạnh, ngày 12 tháng 01 năm 2026"),
        ]
    ):
        head.cell(r, 0).text = a
        head.cell(r, 1).text = b

    def para(text, bold=False, center=False, italic=False):
        p = d.add_paragraph()
        run = p.add_run(text)
        run.bold, run.italic = bold, italic
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return p

    def table(header, rows, bold_rows=()):
        t = d.add_table(rows=1, cols=len(header))
        t.style = "Table Grid"
        for k, h in enumerate(header):
            t.rows[0].cells[k].text = h
            for r in t.rows[0].cells[k].paragraphs[0].runs:
                r.bold = True
        for i, row in enumerate(rows):
            cells = t.add_row().cells
            if i in bold_rows:
                merged = cells[1].merge(cells[-1])
                cells[0].text = row[0]
                merged.text = row[1]
                for r in merged.paragraphs[0].runs:
                    r.bold = True
                continue
            for k, v in enumerate(row):
                cells[k].text = v
        return t

    para("KẾ HOẠCH", bold=True, center=True)
    para("Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2026", bold=True, center=True)
    para(
        "Căn cứ Nghị quyết số 11/NQ-HĐND ngày 25/12/2025 của HĐND xã Tân Mỹ Thạnh về phương hướng, nhiệm vụ "
        "phát triển kinh tế - xã hội năm 2026; UBND xã Tân Mỹ Thạnh ban hành Kế hoạch như sau:"
    )
    para("I. TÌNH HÌNH THỰC HIỆN CÁC CÔNG TRÌNH CHUYỂN TIẾP", bold=True)
    para("Biểu 1: Kết quả thực hiện các công trình, nhiệm vụ chuyển tiếp năm 2025", italic=True)
    table(
        ["TT", "Công trình, nhiệm vụ", "Kết quả đến ngày 31/12/2025", "Đánh giá"],
        [list(r) for r in Q3_PROGRESS],
    )
    para("II. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026", bold=True)
    para("Biểu 2: Chỉ tiêu phát triển kinh tế - xã hội năm 2026", italic=True)
    rows, bold_rows, group = [], [], None
    for no, g, name_unit, _unit, est, target, note, *_ in Q3_ROWS:
        if g != group:
            group = g
            bold_rows.append(len(rows))
            rows.append(["", Q3_GROUPS[g]])
        rows.append([no, name_unit, est, target, note])
    table(["TT", "Chỉ tiêu", "Ước thực hiện năm 2025", "Chỉ tiêu năm 2026", "Ghi chú"], rows, bold_rows)
    para("III. NHIỆM VỤ TRỌNG TÂM", bold=True)
    para("Biểu 3: Phân công thực hiện nhiệm vụ trọng tâm năm 2026", italic=True)
    table(
        [
            "TT",
            "Nội dung nhiệm vụ",
            "Lãnh đạo phụ trách",
            "Cơ quan chủ trì",
            "Cơ quan phối hợp",
            "Thời gian hoàn thành",
        ],
        [list(t) for t in Q3_TASKS],
    )
    para("IV. TỔ CHỨC THỰC HIỆN", bold=True)
    para(
        "1. Các cơ quan, đơn vị được ghi tại cột Ghi chú của Biểu 2 chịu trách nhiệm theo dõi, đôn đốc và "
        "tham mưu giải pháp hoàn thành chỉ tiêu được giao."
    )
    para(f"2. {Q3_REPORT}.")
    para("3. Phòng Kinh tế tổng hợp, tham mưu UBND xã báo cáo Đảng ủy, HĐND xã và UBND tỉnh Vĩnh Long.")
    sign = d.add_table(rows=1, cols=2)
    sign.cell(0, 0).text = (
        "Nơi nhận:\n- UBND tỉnh Vĩnh Long (b/c);\n- TT Đảng ủy, TT HĐND xã;\n- CT, các PCT UBND xã;\n"
        "- Các cơ quan, đơn vị thuộc xã;\n- Các ấp;\n- Lưu: VT."
    )
    sign.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n(Đã ký)\n\nTrần Minh Triết"
    os.makedirs(DOCS, exist_ok=True)
    d.save(os.path.join(DOCS, Q3_STEM + ".docx"))

    inds = [
        ind(no, g, name_unit.rsplit(" (", 1)[0], unit, target, resp, coord, parent=parent)
        for no, g, name_unit, unit, _est, target, _note, resp, coord, parent in Q3_ROWS
    ]
    tasks = [task(*t) for t in Q3_TASKS]
    progress = [
        {"no": no, "item": item, "result_text": res, "assessment": ev} for no, item, res, ev in Q3_PROGRESS
    ]
    to = "UBND xã (qua Phòng Kinh tế)"
    plan = plan_meta(
        "xã Tân Mỹ Thạnh",
        "Vĩnh Long",
        "Kế hoạch thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2026",
        "08/KH-UBND",
        "2026-01-12",
        "Trần Minh Triết",
        [rep(Q3_REPORT, "monthly", day=25, to=to), rep(Q3_REPORT, "yearly", deadline="2026-11-30", to=to)],
    )
    write_gold(Q3_STEM, "docx", plan, inds, tasks, progress)


# =============================================================================================
# q04 - phường Kim Trà Đông (Huế): Markdown, '## A. CHỈ TIÊU', '### I. Kinh tế', indicators as
# 'name — target — unit' lines, a leader per field; '## B. NHIỆM VỤ' as labelled records.

Q4_STEM = "q04_phuong_kim_tra_dong_md"
Q4_P1 = "Đ/c Phan Thanh Bình - PCT UBND phường"
Q4_P2 = "Đ/c Hồ Thị Diệu Linh - PCT UBND phường"
Q4_CT = "Đ/c Trương Công Danh - Chủ tịch UBND phường"
KHD = "Phòng Kinh tế, Hạ tầng và Đô thị"

Q4_FIELDS = [
    (
        "### I. Kinh tế",
        KT,
        Q4_P1,
        [
            ("Tổng thu ngân sách nhà nước trên địa bàn", "48.600 triệu đồng", "triệu đồng", KHD, None),
            ("Trong đó: thu tiền sử dụng đất", "21.000 triệu đồng", "triệu đồng", KHD, 1),
            ("Tốc độ tăng trưởng doanh thu thương mại - dịch vụ", "11,5%", "%", KHD, None),
            ("Số doanh nghiệp thành lập mới", "38 doanh nghiệp", "doanh nghiệp", "Phòng KT-HT-ĐT", None),
            ("Lượt khách du lịch đến phường", "265.000 lượt", "lượt", "Phòng VH-XH", None),
            ("Số hộ kinh doanh đăng ký mới", "140 hộ", "hộ", "Phòng KT-HT-ĐT", None),
        ],
    ),
    (
        "### II. Văn hóa - xã hội",
        VH,
        Q4_P2,
        [
            ("Tỷ lệ hộ nghèo", "dưới 1,6%", "%", "Phòng VH-XH", None),
            ("Tỷ lệ dân số tham gia bảo hiểm y tế", "96,8%", "%", "Trạm Y tế phường", None),
            ("Tỷ lệ lực lượng lao động tham gia bảo hiểm xã hội", "43,5%", "%", "Phòng VH-XH", None),
            ("Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", "≥ 97,5%", "%", "Trạm Y tế phường", None),
            ("Tỷ lệ tổ dân phố đạt danh hiệu tổ dân phố văn hóa", "92%", "%", "Phòng VH-XH", None),
            ("Số lao động được tạo việc làm mới", "520 lao động", "lao động", "Phòng VH-XH", None),
        ],
    ),
    (
        "### III. Đô thị - môi trường",
        MT,
        Q4_P1,
        [
            ("Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý", "99,5%", "%", KHD, None),
            ("Tỷ lệ kiệt, hẻm được bê tông hóa", "94%", "%", KHD, None),
            ("Diện tích cây xanh công cộng bình quân đầu người", "8,2 m²/người", "m²/người", KHD, None),
            ("Tỷ lệ nước thải sinh hoạt được thu gom, xử lý", "64%", "%", KHD, None),
        ],
    ),
    (
        "### IV. Quốc phòng - an ninh, cải cách hành chính",
        QP,
        Q4_CT,
        [
            (
                "Tỷ lệ hồ sơ TTHC giải quyết trực tuyến toàn trình",
                "82%",
                "%",
                "Văn phòng HĐND và UBND phường",
                None,
            ),
            (
                'Tỷ lệ tổ dân phố đạt tiêu chuẩn "An toàn về an ninh, trật tự"',
                "95%",
                "%",
                "Công an phường",
                None,
            ),
        ],
    ),
]

Q4_TASKS = [
    (
        "Chỉnh trang vỉa hè, hệ thống thoát nước đường Kim Trà đoạn từ cầu Kim Trà đến chợ Kim Trà",
        Q4_P1,
        KHD,
        "Các tổ dân phố 3, 4, 5",
        "Quý III/2026",
    ),
    (
        "Giải phóng mặt bằng dự án Khu tái định cư Kim Trà 2",
        Q4_CT,
        KHD,
        "Trung tâm Phát triển quỹ đất Huế; các tổ dân phố",
        "Trước 30/6/2026",
    ),
    (
        "Tổ chức Lễ hội đua ghe truyền thống trên sông Kim Trà",
        Q4_P2,
        "Phòng VH-XH",
        "Đoàn Thanh niên phường; Hội Người cao tuổi phường",
        "Tháng 8/2026",
    ),
    (
        "Kiểm tra an toàn thực phẩm tại bếp ăn tập thể, cơ sở kinh doanh dịch vụ ăn uống",
        Q4_P2,
        "Trạm Y tế phường",
        "Phòng VH-XH; Công an phường",
        "Tháng 4 và tháng 9/2026",
    ),
    (
        "Chiến dịch tiêm chủng bổ sung vắc xin sởi cho trẻ em",
        Q4_P2,
        "Trạm Y tế phường",
        "Các tổ dân phố",
        "Quý II/2026",
    ),
    (
        "Nạo vét, khơi thông hệ thống mương thoát nước trước mùa mưa bão",
        Q4_P1,
        KHD,
        "Các tổ dân phố",
        "Trước 31/8/2026",
    ),
    (
        "Lắp đặt camera an ninh tại các tuyến kiệt, hẻm trọng điểm",
        Q4_CT,
        "Công an phường",
        "Các tổ dân phố",
        "Quý IV/2026",
    ),
    (
        "Đẩy mạnh dịch vụ công trực tuyến toàn trình, nâng chỉ số cải cách hành chính",
        Q4_CT,
        "Văn phòng HĐND và UBND phường",
        "Bộ phận Một cửa phường",
        "Thường xuyên",
    ),
]

Q4_REPORT = (
    "Trước ngày 20 hằng tháng, các đơn vị báo cáo kết quả thực hiện về UBND phường (qua Văn phòng HĐND và "
    "UBND phường); báo cáo 6 tháng trước ngày 10/6/2026, báo cáo năm trước ngày 15/11/2026"
)


def q04():
    out = [
        "**ỦY BAN NHÂN DÂN**  ",
        "**PHƯỜNG KIM TRÀ ĐÔNG**  ",
        "Số: 36/KH-UBND",
        "",
        "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  ",
        "**Độc lập - Tự do - Hạnh phúc**",
        "",
        "_Kim Trà Đông, ngày 20 tháng 01 năm 2026_",
        "",
        "# KẾ HOẠCH",
        "## Phát triển kinh tế - xã hội phường Kim Trà Đông năm 2026",
        "",
        "Căn cứ Nghị quyết số 14/NQ-HĐND ngày 24/12/2025 của HĐND phường Kim Trà Đông về kế hoạch phát "
        "triển kinh tế - xã hội năm 2026, UBND phường ban hành Kế hoạch thực hiện với các chỉ tiêu, nhiệm vụ sau.",
        "",
        "## A. CHỈ TIÊU",
        "",
        "_Mỗi chỉ tiêu ghi: tên chỉ tiêu — chỉ tiêu năm 2026 — đơn vị chủ trì._",
        "",
    ]
    inds = []
    for heading, group, leader, items in Q4_FIELDS:
        out.append(heading)
        out.append("")
        out.append(f"_Lãnh đạo phụ trách: {leader}_")
        out.append("")
        base = len(inds)
        for name, target, unit, resp, parent in items:
            prefix = "    - " if parent else "- "
            out.append(f"{prefix}{name} — {target} — {resp}")
            inds.append(
                ind(
                    "-" if parent else str(len([i for i in inds if i["no"] != "-"]) + 1),
                    group,
                    name,
                    unit,
                    target,
                    resp,
                    parent=(base + parent) if parent else None,
                    leader=leader,
                )
            )
        out.append("")
    out += ["## B. NHIỆM VỤ TRỌNG TÂM", ""]
    tasks = []
    for k, (name, leader, resp, coord, dl) in enumerate(Q4_TASKS, 1):
        out += [
            f"### {k}. {name}",
            "",
            f"- Lãnh đạo chỉ đạo: {leader}",
            f"- Đơn vị chủ trì: {resp}",
            f"- Đơn vị phối hợp: {coord}",
            f"- Thời hạn: {dl}",
            "",
        ]
        tasks.append(task(str(k), name, leader, resp, coord, dl))
    out += [
        "## C. TỔ CHỨC THỰC HIỆN",
        "",
        "1. Các phòng, đơn vị, tổ dân phố căn cứ chỉ tiêu, nhiệm vụ được giao xây dựng kế hoạch cụ thể, tổ "
        "chức thực hiện đạt và vượt.",
        f"2. {Q4_REPORT}.",
        "3. Văn phòng HĐND và UBND phường theo dõi, tổng hợp, báo cáo UBND thành phố Huế theo quy định.",
        "",
        "**Nơi nhận:**  ",
        "- UBND thành phố Huế (b/c);  ",
        "- TT Đảng ủy, TT HĐND phường;  ",
        "- CT, các PCT UBND phường;  ",
        "- Các phòng, đơn vị, tổ dân phố;  ",
        "- Lưu: VT.",
        "",
        "**TM. ỦY BAN NHÂN DÂN**  ",
        "**CHỦ TỊCH**  ",
        "_(Đã ký)_  ",
        "**Trương Công Danh**",
    ]
    save(Q4_STEM, "md", "\n".join(out))
    to = "UBND phường (qua Văn phòng HĐND và UBND phường)"
    plan = plan_meta(
        "phường Kim Trà Đông",
        "Huế",
        "Kế hoạch phát triển kinh tế - xã hội phường Kim Trà Đông năm 2026",
        "36/KH-UBND",
        "2026-01-20",
        "Trương Công Danh",
        [
            rep(Q4_REPORT, "monthly", day=20, to=to),
            rep(Q4_REPORT, None, deadline="2026-06-10", to=to),
            rep(Q4_REPORT, "yearly", deadline="2026-11-15", to=to),
        ],
    )
    write_gold(Q4_STEM, "md", plan, inds, tasks)


# =============================================================================================
# q05 - xa Van Mong Thuong (Lang Son): plain text typed entirely without diacritics; indicators as
# lettered sentences per field, tasks in a TSV table.

Q5_STEM = "q05_xa_van_mong_thuong_khong_dau"
Q5_P1 = "Dc Hoang Van Luan - PCT UBND xa"
Q5_P2 = "Dc Nong Thi Hien - PCT UBND xa"
Q5_CT = "Dc Ly Van Sinh - Chu tich UBND xa"
K5, V5, M5, Q5 = (
    "Chi tieu ve kinh te",
    "Chi tieu ve van hoa - xa hoi",
    "Chi tieu ve moi truong",
    "Chi tieu ve quoc phong - an ninh",
)

# heading, group, [(sentence, name, unit, target, is_part)]
Q5_FIELDS = [
    (
        "1. Chi tieu ve kinh te",
        K5,
        [
            (
                "Toc do tang truong gia tri san xuat dat 7,9%.",
                "Toc do tang truong gia tri san xuat",
                "%",
                "7,9%",
                False,
            ),
            (
                "Tong san luong luong thuc co hat dat 15.860 tan;",
                "Tong san luong luong thuc co hat",
                "tan",
                "15.860",
                False,
            ),
            ("Trong do: thoc dat 9.740 tan.", "Trong do: thoc", "tan", "9.740", True),
            ("Dien tich trong rung moi dat 380 ha.", "Dien tich trong rung moi", "ha", "380", False),
            ("San luong hoi kho dat 1.260 tan.", "San luong hoi kho", "tan", "1.260", False),
            (
                "Thu ngan sach nha nuoc tren dia ban dat 9.350 trieu dong tro len.",
                "Thu ngan sach nha nuoc tren dia ban",
                "trieu dong",
                "9.350 trieu dong tro len",
                False,
            ),
            (
                "Thu nhap binh quan dau nguoi dat 44,8 trieu dong/nguoi/nam.",
                "Thu nhap binh quan dau nguoi",
                "trieu dong/nguoi/nam",
                "44,8",
                False,
            ),
        ],
    ),
    (
        "2. Chi tieu ve van hoa - xa hoi",
        V5,
        [
            ("Ty le ho ngheo giam con duoi 8,4%.", "Ty le ho ngheo", "%", "duoi 8,4%", False),
            (
                "Ty le dan so tham gia bao hiem y te dat 98,6%.",
                "Ty le dan so tham gia bao hiem y te",
                "%",
                "98,6%",
                False,
            ),
            ("Ty le lao dong qua dao tao dat 58%.", "Ty le lao dong qua dao tao", "%", "58%", False),
            (
                "Ty le tre em duoi 5 tuoi suy dinh duong the nhe can giam con 11,2%.",
                "Ty le tre em duoi 5 tuoi suy dinh duong the nhe can",
                "%",
                "con 11,2%",
                False,
            ),
            (
                "So thon dat danh hieu thon van hoa: 14/17 thon.",
                "So thon dat danh hieu thon van hoa",
                "thon",
                "14/17",
                False,
            ),
        ],
    ),
    (
        "3. Chi tieu ve moi truong",
        M5,
        [
            ("Ty le che phu rung dat 68,2%.", "Ty le che phu rung", "%", "68,2%", False),
            (
                "Ty le ho dan nong thon su dung nuoc hop ve sinh dat 97,5%.",
                "Ty le ho dan nong thon su dung nuoc hop ve sinh",
                "%",
                "97,5%",
                False,
            ),
            (
                "Ty le chat thai ran sinh hoat tai khu trung tam xa duoc thu gom dat 70%.",
                "Ty le chat thai ran sinh hoat tai khu trung tam xa duoc thu gom",
                "%",
                "70%",
                False,
            ),
        ],
    ),
    (
        "4. Chi tieu ve quoc phong - an ninh",
        Q5,
        [("Hoan thanh 100% chi tieu tuyen quan.", "Hoan thanh chi tieu tuyen quan", "%", "100%", False)],
    ),
]

Q5_TASKS = [
    (
        "1",
        "Trong rung vu xuan va vu thu nam 2026",
        Q5_P1,
        "Phong Kinh te",
        "Hat Kiem lam khu vuc; cac thon",
        "Thang 3 - thang 8/2026",
    ),
    (
        "2",
        "Be tong hoa duong lien thon Na Pia - Khuoi Tat",
        Q5_P1,
        "Phong Kinh te",
        "Ban Quan ly du an xa; thon Na Pia, thon Khuoi Tat",
        "Quy IV/2026",
    ),
    (
        "3",
        "Xay dung be nuoc sach tap trung thon Ban Ca",
        Q5_P1,
        "Phong Kinh te",
        "Trung tam Nuoc sach va VSMT nong thon tinh",
        "Truoc 30/9/2026",
    ),
    (
        "4",
        "Do dac, cap giay chung nhan quyen su dung dat lam nghiep cho cac ho dan",
        Q5_P1,
        "Cong chuc Dia chinh - Xay dung xa",
        "Hat Kiem lam khu vuc; cac thon",
        "Thang 11/2026",
    ),
    (
        "5",
        "Kiem tra, xu ly vi pham dat dai, lan chiem hanh lang an toan giao thong",
        Q5_P1,
        "Cong chuc Dia chinh - Xay dung xa",
        "Cong an xa; cac thon",
        "Quy II/2026",
    ),
    (
        "6",
        "Ra soat ho ngheo, ho can ngheo nam 2026",
        Q5_P2,
        "Phong Van hoa - Xa hoi",
        "Cac thon",
        "Thang 10 - thang 12/2026",
    ),
    (
        "7",
        "Van dong nguoi dan tham gia BHYT, BHXH tu nguyen",
        Q5_P2,
        "Phong Van hoa - Xa hoi",
        "BHXH co so; cac thon",
        "Thuong xuyen",
    ),
    (
        "8",
        "Kiem tra ve sinh an toan thuc pham dip Tet Nguyen dan va Le hoi Long Tong",
        Q5_P2,
        "Tram Y te xa",
        "Cong an xa",
        "Thang 01 - thang 02/2026",
    ),
    (
        "9",
        "Tuyen chon, goi cong dan nhap ngu nam 2027",
        Q5_CT,
        "Ban Chi huy quan su xa",
        "Cong an xa; cac thon",
        "Thang 11/2026 - thang 02/2027",
    ),
    (
        "10",
        "Nang ty le ho so TTHC duoc giai quyet truc tuyen",
        Q5_CT,
        "Van phong HDND va UBND xa",
        "Bo phan Mot cua xa",
        "Thuong xuyen",
    ),
]

Q5_REPORT = (
    "Dinh ky truoc ngay 16 hang thang, cac phong, don vi bao cao ket qua thuc hien ve UBND xa (qua Van phong "
    "HDND va UBND xa) de tong hop; bao cao nam truoc ngay 22/11/2026"
)


def q05():
    out = [
        "UY BAN NHAN DAN                          CONG HOA XA HOI CHU NGHIA VIET NAM",
        "XA VAN MONG THUONG                       Doc lap - Tu do - Hanh phuc",
        "So: 19/KH-UBND                           Van Mong Thuong, ngay 14 thang 01 nam 2026",
        "",
        "KE HOACH",
        "Phat trien kinh te - xa hoi nam 2026",
        "",
        "Can cu Nghi quyet so 09/NQ-HDND ngay 26/12/2025 cua HDND xa Van Mong Thuong ve nhiem vu phat trien "
        "kinh te - xa hoi nam 2026; UBND xa Van Mong Thuong xay dung Ke hoach nhu sau:",
        "",
        "I. MUC TIEU",
        "Tap trung phat trien kinh te lam nghiep, cay hoi, cay que; xay dung ha tang giao thong, nuoc sach; "
        "giam ngheo ben vung; giu vung quoc phong, an ninh vung bien gioi.",
        "",
        "II. CAC CHI TIEU CHU YEU NAM 2026",
    ]
    inds, parent = [], None
    letters = "abcdefghik"
    for heading, group, items in Q5_FIELDS:
        out.append(heading)
        k = 0
        for sentence, name, unit, target, is_part in items:
            if is_part:
                out.append(f"   - {sentence}")
                inds.append(ind("-", group, name, unit, target, parent=parent))
                continue
            out.append(f"{letters[k]}) {sentence}")
            k += 1
            inds.append(ind(str(len([i for i in inds if i["no"] != "-"]) + 1), group, name, unit, target))
            parent = len(inds)
        out.append("")
    out += [
        "III. NHIEM VU TRONG TAM VA PHAN CONG THUC HIEN",
        "\t".join(
            [
                "TT",
                "Nhiem vu",
                "Lanh dao chi dao",
                "Don vi chu tri",
                "Don vi phoi hop",
                "Thoi gian hoan thanh",
            ]
        ),
    ]
    out += ["\t".join(t) for t in Q5_TASKS]
    out += [
        "",
        "IV. TO CHUC THUC HIEN",
        "1. Cac phong, don vi, cong chuc chuyen mon can cu nhiem vu duoc giao xay dung ke hoach chi tiet, "
        "to chuc trien khai thuc hien.",
        f"2. {Q5_REPORT}.",
        "3. Van phong HDND va UBND xa theo doi, don doc, tong hop bao cao UBND tinh Lang Son.",
        "",
        "Noi nhan:                                  TM. UY BAN NHAN DAN",
        "- UBND tinh Lang Son (b/c);                CHU TICH",
        "- TT Dang uy, TT HDND xa;",
        "- CT, cac PCT UBND xa;                     (Da ky)",
        "- Cac phong, don vi, cac thon;",
        "- Luu: VT.                                 Ly Van Sinh",
    ]
    save(Q5_STEM, "txt", "\n".join(out))
    tasks = [task(*t) for t in Q5_TASKS]
    to = "UBND xa (qua Van phong HDND va UBND xa)"
    plan = plan_meta(
        "xã Vân Mộng Thượng",
        "Lạng Sơn",
        "Ke hoach phat trien kinh te - xa hoi nam 2026",
        "19/KH-UBND",
        "2026-01-14",
        "Ly Van Sinh",
        [rep(Q5_REPORT, "monthly", day=16, to=to), rep(Q5_REPORT, "yearly", deadline="2026-11-22", to=to)],
        issuer="UBND xa Van Mong Thuong",
    )
    write_gold(Q5_STEM, "txt", plan, inds, tasks)


if __name__ == "__main__":
    q02()
    q03()
    q04()
    q05()
