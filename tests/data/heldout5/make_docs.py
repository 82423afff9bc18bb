#!/usr/bin/env python3
"""Build the held-out set 5 documents (docs/) and their gold files (gold/).

    .venv/bin/python tests/data/heldout5/make_docs.py

Everything here is invented: six socio-economic plans of post-2025 communes/wards (xã/phường
directly under a province or a centrally-run city). Written blind, without reading the extractor.
Needs python-docx (in the project's .venv).
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import DOCS, ind, rep, task, write_gold


def save(stem: str, ext: str, text: str) -> None:
    os.makedirs(DOCS, exist_ok=True)
    with open(os.path.join(DOCS, f"{stem}.{ext}"), "w", encoding="utf-8") as f:
        f.write(text.strip("\n") + "\n")


def txt_header(unit: str, number: str, place_date: str) -> str:
    return (
        f"ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        f"{unit.upper():<40} Độc lập - Tự do - Hạnh phúc\n"
        f"{'Số: ' + number:<40} {place_date}\n"
    )


# ============================================================================================
# o01 — xã La Hiên Thượng (Thái Nguyên): five-year plan 2026-2030, Markdown table with a
# column per year plus 'Mục tiêu đến năm 2030' (the gold target), cumulative targets.


def o01():
    stem = "o01_xa_la_hien_thuong_5nam"
    KT, VH, MT, QP = (
        "CHỈ TIÊU KINH TẾ",
        "CHỈ TIÊU VĂN HÓA - XÃ HỘI",
        "CHỈ TIÊU MÔI TRƯỜNG",
        "CHỈ TIÊU QUỐC PHÒNG - AN NINH",
    )
    ktp, vhp, tyt = "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Trạm Y tế xã"
    # no, group, name, unit, 2025, [2026..2030], target 2030, responsible, parent, note
    rows = [
        (
            "1",
            KT,
            "Tốc độ tăng giá trị sản xuất bình quân",
            "%",
            "7,2",
            ["8", "8,2", "8,5", "8,5", "8,8"],
            "8 - 8,5",
            ktp,
            None,
            "average over 2026-2030",
        ),
        (
            "2",
            KT,
            "Thu nhập bình quân đầu người",
            "triệu đồng/người/năm",
            "62",
            ["68", "74", "80", "87", "95"],
            "95",
            ktp,
            None,
            None,
        ),
        (
            "3",
            KT,
            "Sản lượng chè búp tươi",
            "tấn",
            "8.900",
            ["9.200", "9.500", "9.800", "10.100", "10.500"],
            "10.500",
            ktp,
            None,
            None,
        ),
        (
            "4",
            KT,
            "Diện tích chè trồng mới, trồng thay thế",
            "ha",
            "35",
            ["30", "30", "30", "30", "30"],
            "150",
            ktp,
            None,
            "cumulative over five years (30 ha a year); the 2030 column is 30",
        ),
        (
            "5",
            KT,
            "Thu ngân sách nhà nước trên địa bàn",
            "triệu đồng",
            "14.200",
            ["15.300", "16.500", "17.800", "19.200", "20.700"],
            "Tăng bình quân 8%/năm",
            ktp,
            None,
            "growth target; the 2030 column gives 20.700 triệu đồng",
        ),
        (
            "6",
            KT,
            "Số doanh nghiệp thành lập mới",
            "doanh nghiệp",
            "9",
            ["10", "12", "12", "13", "13"],
            "60",
            ktp,
            None,
            "cumulative over five years",
        ),
        (
            "7",
            KT,
            "Số sản phẩm OCOP đạt 3 sao trở lên",
            "sản phẩm",
            "6",
            ["7", "8", "9", "10", "12"],
            "12",
            ktp,
            None,
            None,
        ),
        (
            "8",
            KT,
            "Xã đạt chuẩn nông thôn mới nâng cao",
            None,
            "Chưa đạt",
            ["-", "-", "Đạt chuẩn", "Duy trì", "Duy trì"],
            "Đạt chuẩn",
            ktp,
            None,
            None,
        ),
        (
            "9",
            VH,
            "Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều)",
            "%",
            "2,1",
            ["1,8", "1,5", "1,2", "1,0", "0,8"],
            "dưới 0,8",
            vhp,
            None,
            None,
        ),
        (
            "10",
            VH,
            "Tỷ lệ dân số tham gia bảo hiểm y tế",
            "%",
            "94,1",
            ["94,8", "95,3", "96", "96,5", "97"],
            "≥ 97",
            tyt,
            None,
            None,
        ),
        (
            "11",
            VH,
            "Tỷ lệ lao động qua đào tạo",
            "%",
            "68",
            ["70", "72", "74", "76", "78"],
            "78",
            vhp,
            None,
            None,
        ),
        (
            "-",
            VH,
            "Trong đó: có bằng cấp, chứng chỉ",
            "%",
            "29",
            ["31", "33", "35", "37", "40"],
            "40",
            vhp,
            11,
            None,
        ),
        (
            "12",
            VH,
            "Tỷ suất sinh thô",
            "‰",
            "15,1",
            ["14,9", "14,7", "14,6", "14,5", "14,5"],
            "14,5",
            tyt,
            None,
            None,
        ),
        (
            "13",
            VH,
            'Số xóm đạt danh hiệu "Xóm văn hóa"',
            "xóm",
            "11/15",
            ["12/15", "12/15", "13/15", "14/15", "15/15"],
            "15/15",
            vhp,
            None,
            None,
        ),
        (
            "14",
            VH,
            "Số trường học đạt chuẩn quốc gia",
            "trường",
            "4/6",
            ["4/6", "5/6", "5/6", "6/6", "6/6"],
            "6/6",
            vhp,
            None,
            None,
        ),
        (
            "15",
            MT,
            "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý",
            "%",
            "85",
            ["88", "90", "92", "95", "98"],
            "≥ 98",
            ktp,
            None,
            None,
        ),
        (
            "16",
            MT,
            "Tỷ lệ che phủ rừng",
            "%",
            "52,4",
            ["52,6", "52,8", "53", "53,2", "53,5"],
            "53,5",
            ktp,
            None,
            None,
        ),
        (
            "17",
            QP,
            'Tỷ lệ xóm đạt tiêu chuẩn "An toàn về an ninh, trật tự"',
            "%",
            "93",
            ["100", "100", "100", "100", "100"],
            "Duy trì 100%",
            "Công an xã",
            None,
            None,
        ),
        (
            "18",
            QP,
            "Hoàn thành chỉ tiêu giao quân hằng năm",
            "%",
            "100",
            ["100", "100", "100", "100", "100"],
            "100",
            "Ban Chỉ huy quân sự xã",
            None,
            None,
        ),
    ]
    years = ["2026", "2027", "2028", "2029", "2030"]
    inds = []
    for no, grp, name, unit, _est, ys, target, resp, parent, note in rows:
        other = [{"source": f"năm {y}", "text": v} for y, v in zip(years, ys, strict=True) if v != "-"]
        inds.append(ind(no, grp, name, unit, target, resp=resp, parent=parent, other=other, note=note))
    inds[4]["target_value"], inds[4]["comparator"] = 8, "="

    chu = "Đ/c Hoàng Văn Quyết - Chủ tịch UBND"
    pkt = "Đ/c Dương Đức Mạnh - PCT UBND"
    pvh = "Đ/c Ma Thị Thu Trang - PCT UBND"
    tasks = [
        task(
            "1",
            "Nâng cấp, mở rộng đường liên xã La Hiên Thượng - Cúc Đường đoạn Km3 - Km7",
            chu,
            ktp,
            "Ban QLDA khu vực; xóm Khe Cốc, xóm Làng Giàng",
            "2026 - 2027",
            "2027-12-31",
        ),
        task(
            "2",
            "Xây dựng vùng chè an toàn tập trung 60 ha đạt chứng nhận VietGAP",
            pkt,
            ktp,
            "HTX Chè La Hiên; Hội Nông dân xã",
            "2026 - 2028",
            "2028-12-31",
        ),
        task(
            "3",
            "Xây dựng xã đạt chuẩn nông thôn mới nâng cao",
            chu,
            ktp,
            "Các phòng, đơn vị; các xóm",
            "Năm 2028",
            "2028-12-31",
        ),
        task(
            "4",
            "Xây dựng mới Trường Mầm non La Hiên Thượng (điểm trường trung tâm)",
            pvh,
            vhp,
            "Phòng Kinh tế; Trường Mầm non La Hiên Thượng",
            "Quý IV/2027",
            "2027-12-31",
        ),
        task(
            "5",
            "Lập Quy hoạch chung xã La Hiên Thượng đến năm 2045",
            pkt,
            ktp,
            "Văn phòng HĐND và UBND xã",
            "Trước 30/6/2026",
            "2026-06-30",
        ),
        task(
            "6",
            "Số hóa toàn bộ sổ hộ tịch, hồ sơ địa chính của xã",
            pvh,
            "Văn phòng HĐND và UBND xã",
            "Phòng Kinh tế; Công an xã",
            "6 tháng cuối năm 2026",
            "2026-12-31",
        ),
        task(
            "7",
            "Xây dựng Trạm Y tế xã đạt Bộ tiêu chí quốc gia về y tế giai đoạn mới",
            pvh,
            tyt,
            vhp,
            "Năm 2029",
            "2029-12-31",
        ),
        task(
            "8",
            "Tuyên truyền, vận động nhân dân tham gia bảo hiểm y tế hộ gia đình",
            pvh,
            tyt,
            "Bảo hiểm xã hội khu vực; các xóm",
            "Hằng năm",
            None,
            True,
        ),
    ]
    report = (
        "Định kỳ trước ngày 22 hằng tháng, các phòng, đơn vị báo cáo kết quả thực hiện về UBND xã "
        "(qua Phòng Kinh tế) để tổng hợp; báo cáo sơ kết giữa kỳ trước ngày 30/6/2028 và báo cáo "
        "tổng kết giai đoạn trước ngày 31/10/2030"
    )
    to = "UBND xã (qua Phòng Kinh tế)"
    plan = {
        "locality": "xã La Hiên Thượng",
        "locality_type": "xã",
        "parent": None,
        "province": "Thái Nguyên",
        "period_start": 2026,
        "period_end": 2030,
        "title": "Kế hoạch phát triển kinh tế - xã hội 5 năm giai đoạn 2026 - 2030",
        "issuer": "UBND xã La Hiên Thượng",
        "doc_number": "12/KH-UBND",
        "signed_date": "2026-01-15",
        "signer": "Hoàng Văn Quyết",
        "reporting": [
            rep(report, "monthly", day=22, to=to),
            rep(report, None, deadline="2028-06-30", to=to),
            rep(report, None, deadline="2030-10-31", to=to),
        ],
    }
    write_gold(stem, "md", plan, inds, tasks)

    L = []
    L.append("**ỦY BAN NHÂN DÂN**  \n**XÃ LA HIÊN THƯỢNG**  \nSố: 12/KH-UBND\n")
    L.append("**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  \n**Độc lập - Tự do - Hạnh phúc**\n")
    L.append("_La Hiên Thượng, ngày 15 tháng 01 năm 2026_\n")
    L.append("# KẾ HOẠCH\n\n## Phát triển kinh tế - xã hội 5 năm giai đoạn 2026 - 2030\n")
    L.append(
        "Căn cứ Luật Tổ chức chính quyền địa phương năm 2025; căn cứ Nghị quyết Đại hội đại biểu Đảng bộ "
        "xã La Hiên Thượng lần thứ I, nhiệm kỳ 2025 - 2030; căn cứ Nghị quyết số 21/NQ-HĐND ngày "
        "26/12/2025 của HĐND xã về kế hoạch phát triển kinh tế - xã hội 5 năm giai đoạn 2026 - 2030, "
        "UBND xã La Hiên Thượng ban hành Kế hoạch phát triển kinh tế - xã hội 5 năm giai đoạn 2026 - "
        "2030 như sau:\n"
    )
    L.append("### I. MỤC TIÊU TỔNG QUÁT\n")
    L.append(
        "Phát huy lợi thế vùng chè đặc sản, đẩy mạnh chuyển đổi số và xây dựng nông thôn mới nâng cao; "
        "phấn đấu đến năm 2028 xã đạt chuẩn nông thôn mới nâng cao, đến năm 2030 trở thành xã có kinh "
        "tế chè - du lịch phát triển khá của tỉnh Thái Nguyên; giữ vững quốc phòng - an ninh.\n"
    )
    L.append("### II. CÁC CHỈ TIÊU CHỦ YẾU GIAI ĐOẠN 2026 - 2030\n")
    L.append("_Chỉ tiêu từng năm và mục tiêu đến năm 2030 (các chỉ tiêu số 4 và số 6 là lũy kế 5 năm)._\n")
    L.append(
        "| TT | Chỉ tiêu | ĐVT | Ước TH năm 2025 | 2026 | 2027 | 2028 | 2029 | 2030 | Mục tiêu đến năm 2030 "
        "| Cơ quan chủ trì |"
    )
    L.append("|---|---|---|---|---|---|---|---|---|---|---|")
    roman = {KT: "I", VH: "II", MT: "III", QP: "IV"}
    seen = set()
    for no, grp, name, unit, est, ys, target, resp, _parent, _note in rows:
        if grp not in seen:
            seen.add(grp)
            L.append(f"| **{roman[grp]}** | **{grp}** |  |  |  |  |  |  |  |  |  |")
        L.append(f"| {no} | {name} | {unit or '-'} | {est} | " + " | ".join(ys) + f" | {target} | {resp} |")
    L.append("")
    L.append("### III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU\n")
    L.append(
        "1. Phát triển vùng chè đặc sản gắn với xây dựng thương hiệu chè La Hiên, liên kết tiêu thụ "
        "sản phẩm; khuyến khích thành lập doanh nghiệp, hợp tác xã."
    )
    L.append(
        "2. Huy động các nguồn lực đầu tư kết cấu hạ tầng giao thông, trường học, y tế; thực hiện hiệu "
        "quả các chương trình mục tiêu quốc gia."
    )
    L.append("3. Nâng cao chất lượng giáo dục, chăm sóc sức khỏe nhân dân; giảm nghèo bền vững.")
    L.append(
        "4. Bảo vệ, phát triển rừng; thu gom, xử lý chất thải rắn sinh hoạt; giữ vững quốc phòng - an ninh.\n"
    )
    L.append("**Danh mục nhiệm vụ, dự án trọng điểm giai đoạn 2026 - 2030**\n")
    L.append(
        "| TT | Nhiệm vụ, dự án | Lãnh đạo chỉ đạo | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |"
    )
    L.append("|---|---|---|---|---|---|")
    for t in tasks:
        L.append(
            f"| {t['no']} | {t['name']} | {t['leader']} | {t['responsible']} | {t['coordinating']} "
            f"| {t['deadline_text']} |"
        )
    L.append("")
    L.append("### IV. TỔ CHỨC THỰC HIỆN\n")
    L.append(
        "1. Các phòng, đơn vị, trưởng xóm căn cứ chức năng, nhiệm vụ cụ thể hóa Kế hoạch thành kế hoạch "
        "hằng năm; Phòng Kinh tế là cơ quan thường trực, tham mưu UBND xã theo dõi, đôn đốc."
    )
    L.append(f"2. Chế độ báo cáo: {report}.")
    L.append(
        "3. Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị kịp thời báo cáo UBND xã (qua Phòng "
        "Kinh tế) để xem xét, điều chỉnh.\n"
    )
    L.append(
        "**_Nơi nhận:_**  \n- UBND tỉnh Thái Nguyên (b/c);  \n- TT Đảng ủy, TT HĐND xã;  \n"
        "- Chủ tịch, các PCT UBND xã;  \n- Các phòng, đơn vị, các xóm;  \n- Lưu: VT.\n"
    )
    L.append("**TM. ỦY BAN NHÂN DÂN**  \n**CHỦ TỊCH**  \n_(Đã ký)_  \n**Hoàng Văn Quyết**")
    save(stem, "md", "\n".join(L))


# ============================================================================================
# o02 — phường Thủy Vân Đông (Huế): QUYẾT ĐỊNH giao chỉ tiêu, indicators in a tab-separated
# PHỤ LỤC (Chỉ tiêu | ĐVT | Chỉ tiêu giao năm 2026 | Đơn vị chủ trì | Đơn vị phối hợp);
# leaders assigned by field in Điều 2; no task table.


def o02():
    stem = "o02_phuong_thuy_van_dong_qd"
    A, B, C, D = (
        "CHỈ TIÊU KINH TẾ",
        "CHỈ TIÊU VĂN HÓA - XÃ HỘI",
        "CHỈ TIÊU MÔI TRƯỜNG, ĐÔ THỊ",
        "CHỈ TIÊU QUỐC PHÒNG - AN NINH, CẢI CÁCH HÀNH CHÍNH",
    )
    kt, vh, yt = "Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng Văn hóa - Xã hội", "Trạm Y tế phường"
    vp, ca, qs = "Văn phòng HĐND và UBND phường", "Công an phường", "Ban Chỉ huy quân sự phường"
    note = "leader by field in Điều 2"
    rows = [
        (
            "1",
            A,
            "Tổng thu ngân sách nhà nước trên địa bàn",
            "triệu đồng",
            "68.500",
            kt,
            "Thuế cơ sở khu vực; các tổ dân phố",
            None,
        ),
        (
            "-",
            A,
            "Trong đó: thu tiền sử dụng đất",
            "triệu đồng",
            "41.000",
            kt,
            "Trung tâm Phát triển quỹ đất khu vực",
            1,
        ),
        (
            "2",
            A,
            "Tổng lượt khách du lịch đến địa bàn",
            "lượt",
            "185.000",
            vh,
            "Phòng Kinh tế, Hạ tầng và Đô thị; các cơ sở lưu trú",
            None,
        ),
        ("3", A, "Số doanh nghiệp thành lập mới", "doanh nghiệp", "40", kt, vp, None),
        ("4", A, "Số hộ kinh doanh cá thể đăng ký mới", "hộ", "120", kt, "Thuế cơ sở khu vực", None),
        (
            "5",
            A,
            "Tỷ lệ hộ kinh doanh thanh toán không dùng tiền mặt",
            "%",
            "≥ 85",
            kt,
            "Đoàn Thanh niên phường; các tổ dân phố",
            None,
        ),
        (
            "6",
            B,
            "Tỷ lệ dân số tham gia bảo hiểm y tế",
            "%",
            "96,4",
            yt,
            "Bảo hiểm xã hội khu vực; các tổ dân phố",
            None,
        ),
        (
            "7",
            B,
            "Tỷ lệ lực lượng lao động trong độ tuổi tham gia BHXH",
            "%",
            "52",
            vh,
            "Bảo hiểm xã hội khu vực",
            None,
        ),
        ("8", B, "Tỷ lệ hộ nghèo", "%", "dưới 0,4", vh, "Ủy ban MTTQ Việt Nam phường", None),
        (
            "9",
            B,
            "Số lao động được giải quyết việc làm mới",
            "người",
            "450",
            vh,
            "Trung tâm Dịch vụ việc làm; Đoàn Thanh niên phường",
            None,
        ),
        (
            "10",
            B,
            "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi",
            "%",
            "dưới 5,5",
            yt,
            "Hội Liên hiệp Phụ nữ phường",
            None,
        ),
        ("11", B, "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", "%", "≥ 98", yt, "Các tổ dân phố", None),
        (
            "12",
            B,
            'Số tổ dân phố đạt danh hiệu "Tổ dân phố văn hóa"',
            "tổ dân phố",
            "17/19",
            vh,
            "Ủy ban MTTQ Việt Nam phường",
            None,
        ),
        (
            "13",
            B,
            "Số trường học đạt chuẩn quốc gia",
            "trường",
            "Duy trì 6/6",
            vh,
            "Các trường học trên địa bàn",
            None,
        ),
        (
            "14",
            C,
            "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý",
            "%",
            "100",
            kt,
            "Công ty Môi trường và Công trình đô thị; các tổ dân phố",
            None,
        ),
        ("15", C, "Tỷ lệ hộ dân sử dụng nước sạch", "%", "Duy trì 100%", kt, "Công ty Cấp nước", None),
        ("16", C, "Diện tích cây xanh công cộng bình quân", "m²/người", "6,8", kt, "Các tổ dân phố", None),
        ("17", C, "Tỷ lệ tuyến kiệt, hẻm được chiếu sáng", "%", "92,5", kt, "Các tổ dân phố", None),
        ("18", D, "Hoàn thành chỉ tiêu tuyển quân", "%", "100", qs, "Công an phường; các tổ dân phố", None),
        (
            "19",
            D,
            'Tỷ lệ tổ dân phố đạt tiêu chuẩn "An toàn về an ninh, trật tự"',
            "%",
            "≥ 95",
            ca,
            "Các tổ dân phố",
            None,
        ),
        (
            "20",
            D,
            "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn, trước hạn",
            "%",
            "trên 99",
            vp,
            "Bộ phận Một cửa phường",
            None,
        ),
        (
            "21",
            D,
            "Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận trực tuyến toàn trình",
            "%",
            "75",
            vp,
            "Bộ phận Một cửa phường; Đoàn Thanh niên phường",
            None,
        ),
    ]
    inds = [ind(no, g, n, u, t, resp=r, coord=c, parent=p, note=note) for no, g, n, u, t, r, c, p in rows]

    report = (
        "Định kỳ trước ngày 18 hằng tháng, các phòng, đơn vị được giao chủ trì báo cáo kết quả thực hiện "
        "về UBND phường (qua Văn phòng HĐND và UBND phường) để tổng hợp; báo cáo năm trước ngày "
        "30/11/2026"
    )
    to = "UBND phường (qua Văn phòng HĐND và UBND phường)"
    plan = {
        "locality": "phường Thủy Vân Đông",
        "locality_type": "phường",
        "parent": None,
        "province": "Huế",
        "period_start": 2026,
        "period_end": 2026,
        "title": "Quyết định về việc giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2026",
        "issuer": "UBND phường Thủy Vân Đông",
        "doc_number": "35/QĐ-UBND",
        "signed_date": "2026-01-06",
        "signer": "Trần Đình Hiếu",
        "reporting": [
            rep(report, "monthly", day=18, to=to),
            rep(report, "yearly", deadline="2026-11-30", to=to),
        ],
    }
    duties = [
        {
            "unit": "Đồng chí Trần Đình Hiếu - Chủ tịch UBND phường",
            "summary": "Chỉ đạo chung; trực tiếp chỉ đạo lĩnh vực tài chính - ngân sách, quốc phòng - an ninh, "
            "cải cách hành chính.",
        },
        {
            "unit": "Đồng chí Hồ Văn Khánh - Phó Chủ tịch UBND phường",
            "summary": "Chỉ đạo lĩnh vực kinh tế, đô thị, tài nguyên và môi trường, du lịch.",
        },
        {
            "unit": "Đồng chí Nguyễn Thị Diệu Linh - Phó Chủ tịch UBND phường",
            "summary": "Chỉ đạo lĩnh vực văn hóa - xã hội, giáo dục, y tế, lao động - việc làm.",
        },
    ]
    write_gold(stem, "txt", plan, inds, [], duties=duties)

    L = [txt_header("Phường Thủy Vân Đông", "35/QĐ-UBND", "Thủy Vân Đông, ngày 06 tháng 01 năm 2026"), ""]
    L += [
        "QUYẾT ĐỊNH",
        "Về việc giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2026",
        "",
        "ỦY BAN NHÂN DÂN PHƯỜNG THỦY VÂN ĐÔNG",
        "",
        "Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;",
        "Căn cứ Nghị quyết số 18/NQ-HĐND ngày 22/12/2025 của Hội đồng nhân dân phường Thủy Vân Đông về "
        "kế hoạch phát triển kinh tế - xã hội năm 2026;",
        "Căn cứ Quyết định số 4120/QĐ-UBND ngày 25/12/2025 của UBND thành phố Huế về việc giao chỉ tiêu "
        "kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách nhà nước năm 2026;",
        "Theo đề nghị của Chánh Văn phòng HĐND và UBND phường.",
        "",
        "QUYẾT ĐỊNH:",
        "",
        "Điều 1. Giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2026 cho các phòng, đơn vị thuộc "
        "UBND phường Thủy Vân Đông (chi tiết tại Phụ lục kèm theo Quyết định này).",
        "",
        "Điều 2. Phân công lãnh đạo UBND phường chỉ đạo thực hiện các chỉ tiêu theo lĩnh vực:",
        "1. Đồng chí Trần Đình Hiếu - Chủ tịch UBND phường: chỉ đạo chung; trực tiếp chỉ đạo lĩnh vực tài "
        "chính - ngân sách, quốc phòng - an ninh, cải cách hành chính.",
        "2. Đồng chí Hồ Văn Khánh - Phó Chủ tịch UBND phường: chỉ đạo lĩnh vực kinh tế, đô thị, tài nguyên "
        "và môi trường, du lịch.",
        "3. Đồng chí Nguyễn Thị Diệu Linh - Phó Chủ tịch UBND phường: chỉ đạo lĩnh vực văn hóa - xã hội, "
        "giáo dục, y tế, lao động - việc làm.",
        "Các phòng, đơn vị được giao chủ trì chịu trách nhiệm trước UBND phường về kết quả thực hiện chỉ "
        "tiêu được giao; xây dựng kế hoạch, phân kỳ thực hiện theo từng quý. " + report + ".",
        "",
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng HĐND và UBND phường, Trưởng các "
        "phòng, đơn vị thuộc UBND phường, Tổ trưởng các tổ dân phố và các cơ quan, đơn vị có liên quan chịu "
        "trách nhiệm thi hành Quyết định này./.",
        "",
        "Nơi nhận:                                              TM. ỦY BAN NHÂN DÂN",
        "- Như Điều 3;                                                  CHỦ TỊCH",
        "- UBND thành phố Huế (b/c);",
        "- TT Đảng ủy, TT HĐND phường;                                 (Đã ký)",
        "- Chủ tịch, các PCT UBND phường;",
        "- Lưu: VT, VP.                                             Trần Đình Hiếu",
        "",
        "",
        "PHỤ LỤC",
        "CHỈ TIÊU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026",
        "(Kèm theo Quyết định số 35/QĐ-UBND ngày 06/01/2026 của UBND phường Thủy Vân Đông)",
        "",
        "TT\tChỉ tiêu\tĐVT\tChỉ tiêu giao năm 2026\tĐơn vị chủ trì\tĐơn vị phối hợp",
    ]
    letters = {A: "A", B: "B", C: "C", D: "D"}
    seen = set()
    for no, g, n, u, t, r, c, _p in rows:
        if g not in seen:
            seen.add(g)
            L.append(f"{letters[g]}\t{g}\t\t\t\t")
        L.append(f"{no}\t{n}\t{u}\t{t}\t{r}\t{c}")
    save(stem, "txt", "\n".join(L))


# ============================================================================================
# o03 — phường Nghĩa Lộ Tây (Quảng Ngãi): HTML-ish Markdown export — pipe tables whose cells
# hold <br>, &nbsp; and &amp;, bold inside cells; task table with a 'Sản phẩm' column.


def o03():
    stem = "o03_phuong_nghia_lo_tay_html"
    G1, G2, G3, G4 = (
        "Về kinh tế",
        "Về văn hóa - xã hội",
        "Về môi trường, đô thị",
        "Về quốc phòng - an ninh, cải cách hành chính",
    )
    kt, vh, yt = "Phòng Kinh tế, Hạ tầng & Đô thị", "Phòng Văn hóa - Xã hội", "Trạm Y tế phường"
    vp, ca, qs = "Văn phòng HĐND & UBND phường", "Công an phường", "Ban Chỉ huy quân sự phường"
    # (no, group, name as rendered with <br>, unit, target as rendered, responsible, parent)
    rows = [
        ("1", G1, "Tốc độ tăng tổng giá trị<br>sản xuất", "%", "**9&nbsp;-&nbsp;9,5**", kt, None),
        ("2", G1, "Thu ngân sách nhà nước<br>trên địa bàn", "triệu&nbsp;đồng", "**126.000**", kt, None),
        ("-", G1, "_Trong đó: thu từ thuế,<br>phí, lệ phí_", "triệu&nbsp;đồng", "58.000", kt, 2),
        ("3", G1, "Số doanh nghiệp thành lập mới", "doanh&nbsp;nghiệp", "**55**", kt, None),
        (
            "4",
            G1,
            "Giá trị sản xuất công nghiệp -<br>tiểu thủ công nghiệp",
            "tỷ&nbsp;đồng",
            "**1.480**",
            kt,
            None,
        ),
        (
            "5",
            G1,
            "Tổng mức bán lẻ hàng hóa &amp;<br>doanh thu dịch vụ",
            "tỷ&nbsp;đồng",
            "**2.350**",
            kt,
            None,
        ),
        ("6", G2, "Tỷ lệ dân số tham gia<br>bảo hiểm y tế", "%", "**95,8**", yt, None),
        ("7", G2, "Tỷ lệ hộ nghèo", "%", "**dưới&nbsp;0,6**", vh, None),
        ("8", G2, "Tỷ lệ hộ cận nghèo", "%", "**dưới&nbsp;1,5**", vh, None),
        ("9", G2, "Tỷ lệ lao động qua đào tạo", "%", "**80,5**", vh, None),
        (
            "10",
            G2,
            "Số khu dân cư đạt danh hiệu<br>&quot;Khu dân cư văn hóa&quot;",
            "khu&nbsp;dân&nbsp;cư",
            "**9/10**",
            vh,
            None,
        ),
        (
            "11",
            G2,
            "Tỷ lệ trẻ em trong độ tuổi được tiêm chủng<br>đầy đủ các loại vắc xin",
            "%",
            "**≥&nbsp;97**",
            yt,
            None,
        ),
        ("12", G3, "Tỷ lệ chất thải rắn sinh hoạt<br>được thu gom, xử lý", "%", "**100**", kt, None),
        ("13", G3, "Tỷ lệ tuyến phố đạt tiêu chí<br>&quot;Tuyến phố văn minh&quot;", "%", "**60**", kt, None),
        ("14", G4, "Hoàn thành chỉ tiêu tuyển quân", "%", "**100**", qs, None),
        (
            "15",
            G4,
            "Tỷ lệ khu dân cư đạt tiêu chuẩn<br>&quot;An toàn về an ninh, trật tự&quot;",
            "%",
            "**≥&nbsp;90**",
            ca,
            None,
        ),
        (
            "16",
            G4,
            "Chỉ số hài lòng của người dân về<br>phục vụ hành chính",
            "%",
            "**trên&nbsp;92**",
            vp,
            None,
        ),
    ]

    def clean(s: str) -> str:
        import html as h

        return h.unescape(s.replace("<br>", " ").replace("**", "").replace("_", "")).replace("\xa0", " ")

    inds = [ind(no, g, clean(n), clean(u), clean(t), resp=r, parent=p) for no, g, n, u, t, r, p in rows]

    chu = "Đ/c Võ Thành Nhân - Chủ tịch UBND phường"
    pkt = "Đ/c Đinh Công Bảo - PCT UBND phường"
    pvh = "Đ/c Trương Thị Mỹ Hạnh - PCT UBND phường"
    # (task, product)
    T = [
        (
            task(
                "1",
                "Hoàn thành bồi thường, GPMB dự án Khu dân cư Bàu Giang (giai đoạn 2)",
                chu,
                kt,
                "Trung tâm Phát triển quỹ đất; tổ dân phố 3, tổ dân phố 5",
                "Quý III/2026",
                "2026-09-30",
            ),
            "Biên bản bàn giao mặt bằng",
        ),
        (
            task(
                "2",
                "Chỉnh trang vỉa hè, hệ thống chiếu sáng tuyến đường Lê Lợi",
                pkt,
                kt,
                "Công an phường; hộ kinh doanh dọc tuyến",
                "Trước 30/10/2026",
                "2026-10-30",
            ),
            "Công trình được nghiệm thu",
        ),
        (
            task(
                "3",
                "Ra quân tổng vệ sinh môi trường, khơi thông cống rãnh trước mùa mưa bão",
                pkt,
                kt,
                "Đoàn Thanh niên phường; các khu dân cư",
                "Tháng 8/2026",
                "2026-08-31",
            ),
            "Báo cáo kết quả",
        ),
        (
            task(
                "4",
                "Kiểm tra an toàn thực phẩm các bếp ăn tập thể, cơ sở kinh doanh dịch vụ ăn uống",
                pvh,
                yt,
                "Công an phường; Phòng Văn hóa - Xã hội",
                "Hằng quý",
                None,
                True,
            ),
            "Báo cáo kết quả kiểm tra",
        ),
        (
            task(
                "5",
                "Tổ chức Lễ hội Văn hóa - Ẩm thực & chợ đêm Nghĩa Lộ Tây",
                pvh,
                vh,
                "Phòng Kinh tế, Hạ tầng & Đô thị; Đoàn Thanh niên phường",
                "Tháng 5/2026",
                "2026-05-31",
            ),
            "Lễ hội được tổ chức",
        ),
        (
            task(
                "6",
                "Rà soát hộ nghèo, hộ cận nghèo năm 2026 theo chuẩn nghèo đa chiều",
                pvh,
                vh,
                "Các khu dân cư",
                "Tháng 10 - tháng 12/2026",
                "2026-12-31",
            ),
            "Quyết định công nhận hộ nghèo, hộ cận nghèo",
        ),
        (
            task(
                "7",
                "Kiểm tra công tác PCCC các cơ sở kinh doanh karaoke, nhà trọ",
                chu,
                ca,
                "Phòng Kinh tế, Hạ tầng & Đô thị; Đội Cảnh sát PCCC và CNCH khu vực",
                "Quý II/2026",
                "2026-06-30",
            ),
            "Biên bản kiểm tra",
        ),
        (
            task(
                "8",
                "Đẩy mạnh chuyển đổi số, thanh toán không dùng tiền mặt tại chợ Nghĩa Lộ",
                pkt,
                kt,
                "Ban Quản lý chợ; Đoàn Thanh niên phường",
                "Thường xuyên",
                None,
                True,
            ),
            "Tiểu thương sử dụng mã QR",
        ),
        (
            task(
                "9",
                "Tổ chức Hội nghị đối thoại giữa Chủ tịch UBND phường với nhân dân về cải cách hành chính",
                chu,
                vp,
                "Ủy ban MTTQ Việt Nam phường",
                "Trước 15/11/2026",
                "2026-11-15",
            ),
            "Thông báo kết luận đối thoại",
        ),
    ]
    tasks = [t for t, _ in T]
    report = (
        "Định kỳ trước ngày 20 hằng tháng, các cơ quan, đơn vị báo cáo kết quả thực hiện về UBND phường "
        "(qua Văn phòng HĐND & UBND phường); báo cáo 6 tháng trước ngày 12/6/2026, báo cáo năm trước "
        "ngày 28/11/2026"
    )
    to = "UBND phường (qua Văn phòng HĐND & UBND phường)"
    plan = {
        "locality": "phường Nghĩa Lộ Tây",
        "locality_type": "phường",
        "parent": None,
        "province": "Quảng Ngãi",
        "period_start": 2026,
        "period_end": 2026,
        "title": "Kế hoạch phát triển kinh tế - xã hội năm 2026",
        "issuer": "UBND phường Nghĩa Lộ Tây",
        "doc_number": "28/KH-UBND",
        "signed_date": "2026-01-12",
        "signer": "Võ Thành Nhân",
        "reporting": [
            rep(report, "monthly", day=20, to=to),
            rep(report, None, deadline="2026-06-12", to=to),
            rep(report, "yearly", deadline="2026-11-28", to=to),
        ],
    }
    write_gold(stem, "md", plan, inds, tasks)

    def esc(s: str) -> str:
        return (
            s.replace("&", "&amp;").replace(" - ", "&nbsp;-<br>", 1)
            if "Đ/c" in s
            else s.replace("&", "&amp;")
        )

    L = [
        "| ỦY BAN NHÂN DÂN<br>**PHƯỜNG NGHĨA LỘ TÂY**<br>Số:&nbsp;28/KH-UBND | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA "
        "VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc**<br>_Nghĩa Lộ Tây, ngày 12 tháng 01 năm 2026_ |",
        "|:---:|:---:|",
        "",
        '<p align="center"><b>KẾ HOẠCH</b><br>Phát triển kinh tế - xã hội năm 2026</p>',
        "",
        "Thực hiện Nghị quyết số 15/NQ-HĐND ngày 24/12/2025 của HĐND phường Nghĩa Lộ Tây về nhiệm vụ phát "
        "triển kinh tế - xã hội năm 2026, UBND phường ban hành Kế hoạch thực hiện như sau:",
        "",
        "**I. MỤC TIÊU TỔNG QUÁT**",
        "",
        "Phát triển thương mại - dịch vụ, đô thị văn minh; nâng cao chất lượng&nbsp;các dịch vụ công; bảo đảm "
        "an sinh xã hội; giữ vững quốc phòng - an ninh, trật tự an toàn xã hội.",
        "",
        "**II. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026**",
        "",
        "| TT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2026 | Cơ quan chủ trì |",
        "|:-:|---|:-:|:-:|---|",
    ]
    romans = {G1: "I", G2: "II", G3: "III", G4: "IV"}
    seen = set()
    for no, g, n, u, t, r, _p in rows:
        if g not in seen:
            seen.add(g)
            L.append(f"| **{romans[g]}** | **{g}** | &nbsp; | &nbsp; | &nbsp; |")
        L.append(f"| {no} | {n} | {u} | {t} | {r.replace('&', '&amp;')} |")
    L += [
        "",
        "**III. NHIỆM VỤ TRỌNG TÂM VÀ PHÂN CÔNG THỰC HIỆN**",
        "",
        "| TT | Nội dung nhiệm vụ | Lãnh đạo phụ trách | Cơ quan chủ trì | Cơ quan phối hợp "
        "| Thời gian hoàn thành | Sản phẩm |",
        "|:-:|---|---|---|---|:-:|---|",
    ]
    for t, prod in T:
        coord = t["coordinating"].replace("; ", ";<br>").replace("&", "&amp;")
        dl = t["deadline_text"].replace("Trước ", "Trước&nbsp;")
        L.append(
            f"| {t['no']} | {esc(t['name'])} | {esc(t['leader'])} | {esc(t['responsible'])} | {coord} "
            f"| **{dl}** | {prod} |"
        )
    L += [
        "",
        "**IV. TỔ CHỨC THỰC HIỆN**",
        "",
        "1. Các cơ quan, đơn vị căn cứ nhiệm vụ được giao xây dựng kế hoạch chi tiết, triển khai thực hiện.<br>",
        "2. " + report.replace("&", "&amp;") + ".<br>",
        "3. Văn phòng HĐND &amp; UBND phường theo dõi, tổng hợp, tham mưu UBND phường đánh giá kết quả.",
        "",
        "| **_Nơi nhận:_**<br>- UBND tỉnh Quảng Ngãi (b/c);<br>- TT Đảng ủy, TT HĐND phường;<br>- Các cơ quan, "
        "đơn vị;<br>- Lưu: VT. | **TM. ỦY BAN NHÂN DÂN**<br>**CHỦ TỊCH**<br><br>_(Đã ký)_<br><br>"
        "**Võ Thành Nhân** |",
        "|---|:---:|",
    ]
    save(stem, "md", "\n".join(L))


# ============================================================================================
# o04 — xã Bình Phước Đông (Vĩnh Long): plain text; indicators in flowing paragraphs with
# semicolons; tasks are numbered prose paragraphs with inline deadlines (not gold tasks);
# responsible units assigned by field in section IV.


def o04():
    stem = "o04_xa_binh_phuoc_dong_prose"
    KT, VH, MT, QP = "Về kinh tế", "Về văn hóa - xã hội", "Về môi trường", "Về quốc phòng - an ninh"
    kt, vh, yt, ca, qs = (
        "Phòng Kinh tế",
        "Phòng Văn hóa - Xã hội",
        "Trạm Y tế xã",
        "Công an xã",
        "Ban Chỉ huy quân sự xã",
    )
    inds = [
        ind("", KT, "Tốc độ tăng giá trị sản xuất", "%", "7 - 7,5%", resp=kt),
        ind("", KT, "Tổng diện tích gieo trồng cây hằng năm", "ha", "8.450", resp=kt),
        ind("", KT, "lúa", "ha", "6.200", resp=kt, parent=2),
        ind("", KT, "Sản lượng cây ăn trái", "tấn", "42.500", resp=kt),
        ind("", KT, "Sản lượng thủy sản nuôi trồng", "tấn", "3.150", resp=kt),
        ind(
            "",
            KT,
            "Thu ngân sách nhà nước trên địa bàn",
            "triệu đồng",
            "21.400",
            resp=kt,
            other=[{"source": "same sentence", "text": "tăng 10% so với năm 2025"}],
        ),
        ind("", KT, "Thu nhập bình quân đầu người", "triệu đồng/người/năm", "78", resp=kt),
        ind("", KT, "Giữ vững xã đạt chuẩn nông thôn mới nâng cao", None, "Giữ vững", resp=kt),
        ind(
            "",
            VH,
            "Tỷ lệ hộ nghèo",
            "%",
            "dưới 1,8%",
            resp=vh,
            other=[{"source": "same sentence", "text": "giảm 0,5% so với năm 2025"}],
        ),
        ind("", VH, "Tỷ lệ hộ cận nghèo", "%", "còn 2,9%", resp=vh),
        ind("", VH, "Tỷ lệ lao động qua đào tạo", "%", "72%", resp=vh),
        ind("", VH, "có bằng cấp, chứng chỉ", "%", "30%", resp=vh, parent=11),
        ind("", VH, "Giải quyết việc làm mới", "lao động", "380", resp=vh),
        ind("", VH, "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "94,6% trở lên", resp=yt),
        ind("", VH, "Tỷ suất sinh thô", "‰", "13,2‰", resp=yt),
        ind("", VH, "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân", "%", "dưới 7,5%", resp=yt),
        ind("", VH, 'Số ấp đạt danh hiệu "Ấp văn hóa"', "ấp", "11/13", resp=vh),
        ind(
            "",
            VH,
            "Tỷ lệ trường học đạt chuẩn quốc gia",
            "%",
            "Duy trì 100%",
            resp=vh,
            note="printed 'duy trì 100% trường học đạt chuẩn quốc gia'",
        ),
        ind("", MT, "Tỷ lệ hộ dân sử dụng nước sạch theo quy chuẩn", "%", "68%", resp=kt),
        ind("", MT, "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý", "%", "≥ 95%", resp=kt),
        ind(
            "",
            QP,
            "Hoàn thành chỉ tiêu giao quân",
            "%",
            "100%",
            resp=qs,
            note="printed 'hoàn thành 100% chỉ tiêu giao quân'",
        ),
        ind(
            "",
            QP,
            'Tỷ lệ ấp đạt tiêu chuẩn "An toàn về an ninh, trật tự"',
            "%",
            "100%",
            resp=ca,
            note="printed '100% ấp đạt tiêu chuẩn ...'",
        ),
    ]
    report = (
        "Định kỳ trước ngày 22 hằng tháng, các bộ phận báo cáo kết quả thực hiện về UBND xã (qua Văn "
        "phòng HĐND và UBND xã) để tổng hợp, báo cáo Thường trực Đảng ủy xã; báo cáo 6 tháng trước ngày "
        "15/6/2026, báo cáo năm trước ngày 20/11/2026"
    )
    to = "UBND xã (qua Văn phòng HĐND và UBND xã)"
    plan = {
        "locality": "xã Bình Phước Đông",
        "locality_type": "xã",
        "parent": None,
        "province": "Vĩnh Long",
        "period_start": 2026,
        "period_end": 2026,
        "title": "Kế hoạch phát triển kinh tế - xã hội năm 2026",
        "issuer": "UBND xã Bình Phước Đông",
        "doc_number": "07/KH-UBND",
        "signed_date": "2026-01-08",
        "signer": "Nguyễn Thanh Tùng",
        "reporting": [
            rep(report, "monthly", day=22, to=to),
            rep(report, None, deadline="2026-06-15", to=to),
            rep(report, "yearly", deadline="2026-11-20", to=to),
        ],
    }
    duties = [
        {
            "unit": kt,
            "summary": "Chủ trì theo dõi, tham mưu thực hiện các chỉ tiêu về kinh tế và môi trường; "
            "chủ trì các nhiệm vụ số 1, 3.",
        },
        {
            "unit": vh,
            "summary": "Chủ trì theo dõi các chỉ tiêu về văn hóa - xã hội (trừ các chỉ tiêu về y tế, "
            "dân số); chủ trì các nhiệm vụ số 5, 6.",
        },
        {
            "unit": yt,
            "summary": "Chủ trì các chỉ tiêu về bảo hiểm y tế, dân số, dinh dưỡng trẻ em; nhiệm vụ số 4.",
        },
        {
            "unit": "Công an xã, Ban Chỉ huy quân sự xã",
            "summary": "Công an xã chủ trì chỉ tiêu ấp an toàn về an ninh, trật tự và nhiệm vụ số 7; Ban Chỉ huy "
            "quân sự xã chủ trì chỉ tiêu giao quân và nhiệm vụ số 8.",
        },
    ]
    write_gold(stem, "txt", plan, inds, [], duties=duties)

    text = (
        txt_header("Xã Bình Phước Đông", "07/KH-UBND", "Bình Phước Đông, ngày 08 tháng 01 năm 2026")
        + """

KẾ HOẠCH
Phát triển kinh tế - xã hội năm 2026

Căn cứ Nghị quyết số 12/NQ-HĐND ngày 23/12/2025 của Hội đồng nhân dân xã Bình Phước Đông về nhiệm vụ
phát triển kinh tế - xã hội năm 2026, Ủy ban nhân dân xã xây dựng Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU

Cụ thể hóa các mục tiêu, chỉ tiêu Nghị quyết của Hội đồng nhân dân xã; phân công rõ người, rõ việc, rõ
thời gian hoàn thành; làm căn cứ để đánh giá kết quả thực hiện nhiệm vụ của các bộ phận, ấp.

II. MỤC TIÊU VÀ CÁC CHỈ TIÊU CHỦ YẾU

1. Mục tiêu tổng quát

Tập trung phát triển nông nghiệp theo hướng hàng hóa gắn với vùng cây ăn trái đặc sản; giữ vững xã đạt
chuẩn nông thôn mới nâng cao; bảo đảm an sinh xã hội; giữ vững quốc phòng - an ninh.

2. Các chỉ tiêu chủ yếu

Về kinh tế: tốc độ tăng giá trị sản xuất đạt 7 - 7,5%; tổng diện tích gieo trồng cây hằng năm 8.450 ha,
trong đó lúa 6.200 ha; sản lượng cây ăn trái đạt 42.500 tấn; sản lượng thủy sản nuôi trồng 3.150 tấn;
thu ngân sách nhà nước trên địa bàn 21.400 triệu đồng, tăng 10% so với năm 2025; thu nhập bình quân đầu
người đạt 78 triệu đồng/người/năm; giữ vững xã đạt chuẩn nông thôn mới nâng cao.

Về văn hóa - xã hội: tỷ lệ hộ nghèo giảm 0,5% so với năm 2025, còn dưới 1,8%; tỷ lệ hộ cận nghèo còn
2,9%; tỷ lệ lao động qua đào tạo đạt 72%, trong đó có bằng cấp, chứng chỉ đạt 30%; giải quyết việc làm
mới cho 380 lao động; tỷ lệ dân số tham gia bảo hiểm y tế đạt 94,6% trở lên; tỷ suất sinh thô 13,2‰; tỷ
lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân dưới 7,5%; 11/13 ấp đạt danh hiệu "Ấp văn hóa"; duy trì
100% trường học đạt chuẩn quốc gia.

Về môi trường: tỷ lệ hộ dân sử dụng nước sạch theo quy chuẩn đạt 68%; tỷ lệ chất thải rắn sinh hoạt được
thu gom, xử lý ≥ 95%.

Về quốc phòng - an ninh: hoàn thành 100% chỉ tiêu giao quân; 100% ấp đạt tiêu chuẩn "An toàn về an ninh,
trật tự".

III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU

1. Tập trung chuyển đổi 120 ha đất trồng lúa kém hiệu quả sang trồng cây ăn trái (bưởi năm roi, chôm
chôm), hoàn thành trước ngày 30/6/2026; Phòng Kinh tế chủ trì, phối hợp Hội Nông dân xã và các ấp triển
khai, đồng chí Phan Văn Lộc, Phó Chủ tịch UBND xã chỉ đạo.

2. Hoàn thành giải phóng mặt bằng dự án nâng cấp Đường tỉnh 902 đoạn qua ấp Phước Hòa trong Quý III/2026;
đồng chí Nguyễn Thanh Tùng, Chủ tịch UBND xã trực tiếp chỉ đạo, Ban Quản lý dự án khu vực phối hợp.

3. Nạo vét kênh thủy lợi nội đồng Bờ Xe, Mương Điều phục vụ sản xuất vụ Hè Thu, xong trước ngày
15/4/2026; Phòng Kinh tế chủ trì, các ấp Phước Hòa, Phước Thạnh phối hợp.

4. Vận động người dân tham gia bảo hiểm y tế hộ gia đình, bảo hiểm xã hội tự nguyện; Trạm Y tế xã chủ
trì, phối hợp Bảo hiểm xã hội cơ sở, thực hiện thường xuyên.

5. Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở 13/13 ấp trong tháng 11/2026, do đồng chí Lê Thị Kim
Ngân, Phó Chủ tịch UBND xã chỉ đạo; Phòng Văn hóa - Xã hội chủ trì.

6. Rà soát hộ nghèo, hộ cận nghèo năm 2026 theo chuẩn nghèo đa chiều, hoàn thành trong tháng 11 và tháng
12/2026; Phòng Văn hóa - Xã hội chủ trì, Ban Nhân dân các ấp phối hợp.

7. Kiểm tra, xử lý vi phạm khai thác thủy sản bằng xung điện trên sông Cổ Chiên, thực hiện hằng quý;
Công an xã chủ trì, phối hợp Phòng Kinh tế.

8. Triển khai công tác tuyển chọn, gọi công dân nhập ngũ năm 2027, hoàn thành hồ sơ trước ngày
31/12/2026; Ban Chỉ huy quân sự xã chủ trì.

IV. TỔ CHỨC THỰC HIỆN

1. Phòng Kinh tế: chủ trì theo dõi, tham mưu thực hiện các chỉ tiêu về kinh tế và môi trường; chủ trì các
nhiệm vụ số 1, 3.

2. Phòng Văn hóa - Xã hội: chủ trì theo dõi các chỉ tiêu về văn hóa - xã hội (trừ các chỉ tiêu về y tế,
dân số); chủ trì các nhiệm vụ số 5, 6.

3. Trạm Y tế xã: chủ trì các chỉ tiêu về bảo hiểm y tế, dân số, dinh dưỡng trẻ em; nhiệm vụ số 4.

4. Công an xã chủ trì chỉ tiêu ấp an toàn về an ninh, trật tự và nhiệm vụ số 7; Ban Chỉ huy quân sự xã
chủ trì chỉ tiêu giao quân và nhiệm vụ số 8.

5. Chế độ báo cáo: """
        + report
        + """.

Nơi nhận:                                                  TM. ỦY BAN NHÂN DÂN
- UBND tỉnh Vĩnh Long (b/c);                                      CHỦ TỊCH
- TT Đảng ủy, TT HĐND xã;
- Các bộ phận, các ấp;                                             (Đã ký)
- Lưu: VT.
                                                            Nguyễn Thanh Tùng
"""
    )
    save(stem, "txt", text)


# ============================================================================================
# o05 — xã Thanh Minh Thượng (Phú Thọ): Word 'Kế hoạch thực hiện' with a 2025 result table
# (Biểu số 01, gold progress — not indicators), the 2026 indicator table (Biểu số 02) and a
# task table with multi-date deadlines and a Ghi chú column.


def o05():
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    stem = "o05_xa_thanh_minh_thuong_docx"
    kt, vh, yt = "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Trạm Y tế xã"
    vp, ca, qs = "Văn phòng HĐND và UBND xã", "Công an xã", "Ban Chỉ huy quân sự xã"
    results = [
        ("1", "Tốc độ tăng giá trị sản xuất", "%", "7,5", "7,8", "Vượt"),
        ("2", "Tổng sản lượng lương thực có hạt", "tấn", "11.200", "11.350", "Vượt"),
        ("3", "Thu ngân sách nhà nước trên địa bàn", "triệu đồng", "18.000", "19.460", "Vượt"),
        ("4", "Thu nhập bình quân đầu người", "triệu đồng/người/năm", "60", "61,5", "Vượt"),
        ("5", "Tỷ lệ hộ nghèo", "%", "3,2", "2,85", "Đạt"),
        ("6", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "94", "93,4", "Không đạt"),
        ("7", "Tỷ lệ lao động qua đào tạo", "%", "70", "70,6", "Đạt"),
        ("8", 'Số khu dân cư đạt danh hiệu "Khu dân cư văn hóa"', "khu", "14/18", "15/18", "Vượt"),
        ("9", "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý", "%", "85", "86,2", "Đạt"),
        ("10", "Hoàn thành chỉ tiêu giao quân", "%", "100", "100", "Đạt"),
        ("11", "Xã đạt chuẩn nông thôn mới nâng cao", "-", "Đạt chuẩn", "Chưa đạt", "Không đạt"),
    ]
    progress = [{"no": no, "item": n, "result_text": r, "assessment": a} for no, n, _u, _k, r, a in results]
    KT, VH, MT, QP = (
        "Chỉ tiêu kinh tế",
        "Chỉ tiêu văn hóa - xã hội",
        "Chỉ tiêu môi trường",
        "Chỉ tiêu quốc phòng - an ninh",
    )
    rows = [
        ("1", KT, "Tốc độ tăng giá trị sản xuất", "%", "7,8", "8 - 8,5", kt),
        ("2", KT, "Tổng sản lượng lương thực có hạt", "tấn", "11.350", "11.500", kt),
        ("3", KT, "Sản lượng chè búp tươi", "tấn", "2.480", "2.600", kt),
        ("4", KT, "Thu ngân sách nhà nước trên địa bàn", "triệu đồng", "19.460", "21.000", kt),
        ("5", KT, "Thu nhập bình quân đầu người", "triệu đồng/người/năm", "61,5", "67", kt),
        ("6", KT, "Xã đạt chuẩn nông thôn mới nâng cao", "-", "Chưa đạt", "Đạt chuẩn", kt),
        ("7", VH, "Tỷ lệ hộ nghèo", "%", "2,85", "Giảm còn 2,2", vh),
        ("8", VH, "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "93,4", "95,3", yt),
        ("9", VH, "Tỷ lệ lao động qua đào tạo", "%", "70,6", "73", vh),
        ("10", VH, 'Số khu dân cư đạt danh hiệu "Khu dân cư văn hóa"', "khu", "15/18", "16/18", vh),
        ("11", VH, "Tỷ suất sinh thô", "‰", "15,2", "14,8", yt),
        ("12", MT, "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý", "%", "86,2", "≥ 90", kt),
        ("13", QP, "Hoàn thành chỉ tiêu giao quân", "%", "100", "100", qs),
        ("14", QP, 'Tỷ lệ khu dân cư đạt tiêu chuẩn "An toàn về an ninh, trật tự"', "%", "88,9", "≥ 94", ca),
    ]
    inds = [ind(no, g, n, None if u == "-" else u, t, resp=r) for no, g, n, u, _p, t, r in rows]

    chu = "Đ/c Đinh Văn Toàn - Chủ tịch UBND xã"
    pkt = "Đ/c Nguyễn Mạnh Cường - PCT UBND xã"
    pvh = "Đ/c Hà Thị Thu Huyền - PCT UBND xã"
    T = [
        (
            task(
                "1",
                'Tổ chức Tết trồng cây "Đời đời nhớ ơn Bác Hồ" và trồng rừng sản xuất',
                pkt,
                kt,
                "Hội Nông dân xã; Đoàn Thanh niên xã",
                "Tháng 3/2026 và tháng 9/2026",
                "2026-09-30",
            ),
            "Hai đợt: xuân và thu",
        ),
        (
            task(
                "2",
                "Cải tạo, nâng cấp đường giao thông nông thôn khu Đồng Thịnh - Gò Vàng",
                pkt,
                kt,
                "Ban QLDA khu vực; khu Đồng Thịnh, khu Gò Vàng",
                "Giai đoạn 1: Quý II/2026; giai đoạn 2: Quý IV/2026",
                "2026-12-31",
            ),
            "Công trình chuyển tiếp",
        ),
        (
            task(
                "3",
                "Hoàn thiện hồ sơ đề nghị công nhận xã đạt chuẩn nông thôn mới nâng cao",
                chu,
                kt,
                "Các phòng, đơn vị; các khu dân cư",
                "Trước ngày 31/8/2026",
                "2026-08-31",
            ),
            "Trình UBND tỉnh thẩm định",
        ),
        (
            task(
                "4",
                "Cập nhật, đồng bộ dữ liệu dân cư, hộ tịch trên hệ thống",
                pvh,
                vp,
                ca,
                "Hằng tháng",
                None,
                True,
            ),
            "",
        ),
        (
            task(
                "5",
                "Kiểm tra vệ sinh an toàn thực phẩm dịp Tết Nguyên đán và Tết Trung thu",
                pvh,
                yt,
                "Công an xã; Phòng Văn hóa - Xã hội",
                "Tháng 02/2026 và tháng 9/2026",
                "2026-09-30",
            ),
            "Phối hợp đoàn kiểm tra liên ngành",
        ),
        (
            task(
                "6",
                "Tổ chức Ngày hội văn hóa các dân tộc xã Thanh Minh Thượng",
                pvh,
                vh,
                "Đoàn Thanh niên xã; Hội Liên hiệp Phụ nữ xã",
                "Quý III/2026",
                "2026-09-30",
            ),
            "",
        ),
        (
            task(
                "7",
                "Rà soát, bình xét hộ nghèo, hộ cận nghèo cuối năm",
                pvh,
                vh,
                "Ban công tác Mặt trận các khu dân cư",
                "Từ 01/10/2026 đến 30/11/2026",
                "2026-11-30",
            ),
            "Theo chuẩn nghèo đa chiều",
        ),
        (
            task(
                "8",
                "Tuyển chọn, gọi công dân nhập ngũ năm 2027",
                chu,
                qs,
                "Công an xã; Trạm Y tế xã",
                "Tháng 10/2026 - tháng 02/2027",
                "2027-02-28",
            ),
            "Giao quân đạt 100%",
        ),
        (
            task(
                "9",
                "Tổng hợp, báo cáo tình hình thực hiện kế hoạch về UBND xã",
                pkt,
                vp,
                "Các phòng, đơn vị",
                "Hằng tháng",
                None,
                True,
            ),
            "Trước ngày 25 hằng tháng",
        ),
        (
            task(
                "10",
                "Tập huấn kỹ thuật chăm sóc chè theo hướng hữu cơ cho nông dân",
                pkt,
                kt,
                "HTX Chè Thanh Minh; Hội Nông dân xã",
                "Tháng 4/2026 và tháng 7/2026",
                "2026-07-31",
            ),
            "02 lớp",
        ),
    ]
    tasks = [t for t, _ in T]
    report = (
        "Định kỳ trước ngày 25 hằng tháng, các phòng, đơn vị báo cáo kết quả thực hiện về UBND xã (qua "
        "Văn phòng HĐND và UBND xã); báo cáo 6 tháng trước ngày 15/6/2026, báo cáo năm trước ngày "
        "25/11/2026"
    )
    to = "UBND xã (qua Văn phòng HĐND và UBND xã)"
    plan = {
        "locality": "xã Thanh Minh Thượng",
        "locality_type": "xã",
        "parent": None,
        "province": "Phú Thọ",
        "period_start": 2026,
        "period_end": 2026,
        "title": "Kế hoạch thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2026",
        "issuer": "UBND xã Thanh Minh Thượng",
        "doc_number": "19/KH-UBND",
        "signed_date": "2026-01-14",
        "signer": "Đinh Văn Toàn",
        "reporting": [
            rep(report, "monthly", day=25, to=to),
            rep(report, None, deadline="2026-06-15", to=to),
            rep(report, "yearly", deadline="2026-11-25", to=to),
        ],
    }
    write_gold(stem, "docx", plan, inds, tasks, progress=progress)

    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Times New Roman"
    st.font.size = Pt(13)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")

    def p(text, bold=False, italic=False, center=False):
        par = doc.add_paragraph()
        r = par.add_run(text)
        r.bold, r.italic = bold, italic
        if center:
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return par

    def table(header, body, bold_rows=()):
        t = doc.add_table(rows=1 + len(body), cols=len(header))
        t.style = "Table Grid"
        for c, h in enumerate(header):
            t.cell(0, c).text = ""
            t.cell(0, c).paragraphs[0].add_run(h).bold = True
        for r, row in enumerate(body, 1):
            for c, v in enumerate(row):
                t.cell(r, c).text = v
                if r - 1 in bold_rows:
                    for run in t.cell(r, c).paragraphs[0].runs:
                        run.bold = True
        return t

    h = doc.add_table(rows=1, cols=2)
    h.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nXÃ THANH MINH THƯỢNG\n\nSố: 19/KH-UBND"
    h.cell(0, 1).text = (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Thanh Minh Thượng, ngày 14 tháng 01 năm 2026"
    )
    p("")
    p("KẾ HOẠCH", bold=True, center=True)
    p("Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2026", bold=True, center=True)
    p(
        "Căn cứ Nghị quyết số 09/NQ-HĐND ngày 24/12/2025 của HĐND xã Thanh Minh Thượng về kế hoạch phát triển "
        "kinh tế - xã hội năm 2026, UBND xã ban hành Kế hoạch thực hiện như sau:"
    )
    p("I. KẾT QUẢ THỰC HIỆN NĂM 2025", bold=True)
    p(
        "Năm 2025, kinh tế của xã tiếp tục tăng trưởng khá; 9/11 chỉ tiêu chủ yếu đạt và vượt kế hoạch; 02 chỉ "
        "tiêu không đạt là tỷ lệ dân số tham gia bảo hiểm y tế và xã đạt chuẩn nông thôn mới nâng cao (chi tiết "
        "tại Biểu số 01)."
    )
    p("Biểu số 01: Kết quả thực hiện các chỉ tiêu năm 2025", bold=True, center=True)
    table(
        ["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch 2025", "Thực hiện 2025", "Đánh giá"], [list(r) for r in results]
    )
    p("")
    p("II. MỤC TIÊU, CHỈ TIÊU CHỦ YẾU NĂM 2026", bold=True)
    p(
        "1. Mục tiêu: Phát triển kinh tế nông nghiệp gắn với vùng chè hữu cơ; hoàn thành xây dựng xã nông thôn "
        "mới nâng cao; nâng cao đời sống vật chất, tinh thần của nhân dân."
    )
    p("2. Các chỉ tiêu chủ yếu năm 2026 (Biểu số 02)")
    p("Biểu số 02: Các chỉ tiêu chủ yếu năm 2026", bold=True, center=True)
    body, bold_rows = [], []
    romans = {KT: "I", VH: "II", MT: "III", QP: "IV"}
    seen = set()
    for no, g, n, u, prev, t, r in rows:
        if g not in seen:
            seen.add(g)
            bold_rows.append(len(body))
            body.append([romans[g], g, "", "", "", ""])
        body.append([no, n, u, prev, t, r])
    table(
        ["TT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2025", "Kế hoạch năm 2026", "Đơn vị chủ trì"],
        body,
        bold_rows,
    )
    p("")
    p("III. NHIỆM VỤ TRỌNG TÂM VÀ PHÂN CÔNG THỰC HIỆN", bold=True)
    table(
        [
            "TT",
            "Tên nhiệm vụ",
            "Lãnh đạo chỉ đạo",
            "Đơn vị chủ trì",
            "Đơn vị phối hợp",
            "Thời hạn",
            "Ghi chú",
        ],
        [
            [t["no"], t["name"], t["leader"], t["responsible"], t["coordinating"], t["deadline_text"], note]
            for t, note in T
        ],
    )
    p("")
    p("IV. TỔ CHỨC THỰC HIỆN", bold=True)
    p(
        "1. Các phòng, đơn vị, trưởng khu dân cư căn cứ nhiệm vụ được giao xây dựng kế hoạch cụ thể, tổ chức "
        "thực hiện đạt hiệu quả."
    )
    p("2. Chế độ báo cáo: " + report + ".")
    p(
        "3. Văn phòng HĐND và UBND xã theo dõi, đôn đốc, tổng hợp kết quả, tham mưu UBND xã báo cáo Thường trực "
        "Đảng ủy, HĐND xã."
    )
    s = doc.add_table(rows=1, cols=2)
    s.cell(0, 0).text = (
        "Nơi nhận:\n- UBND tỉnh Phú Thọ (b/c);\n- TT Đảng ủy, TT HĐND xã;\n"
        "- Các phòng, đơn vị, khu dân cư;\n- Lưu: VT."
    )
    s.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n(Đã ký)\n\nĐinh Văn Toàn"
    os.makedirs(DOCS, exist_ok=True)
    doc.save(os.path.join(DOCS, stem + ".docx"))


# ============================================================================================
# o06 — xã Bắc Quỳnh Sơn (Lạng Sơn): tab-separated assignment table in the style of seed 000
# (Lãnh đạo chỉ đạo 'Đ/c … PCT UBND', Công chức chuyên môn phụ trách 'Đ/c … KT') with two
# target columns 'Chỉ tiêu tỉnh giao' vs 'Chỉ tiêu xã phấn đấu' (gold: the xã column) and a
# tab-separated task appendix.


def o06():
    stem = "o06_xa_bac_quynh_son_tsv"
    KT, VH, QP = ("Chỉ tiêu về kinh tế", "Chỉ tiêu về văn hóa - xã hội", "Chỉ tiêu về quốc phòng - an ninh")
    hai, lam, thoa = "Đ/c Hải PCT UBND", "Đ/c Lâm CT UBND", "Đ/c Thoa PCT UBND"
    # no, group, name, unit, 2025, tỉnh giao, xã phấn đấu, leader, responsible, note, parent
    rows = [
        (
            "1",
            KT,
            "Tổng sản lượng lương thực có hạt",
            "Tấn",
            "9.850",
            "9.800",
            "10.000",
            hai,
            "Đ/c Mai KT",
            "",
            None,
        ),
        ("", KT, "- Trong đó: thóc", "Tấn", "7.420", "7.400", "7.550", hai, "Đ/c Mai KT", "", 1),
        (
            "2",
            KT,
            "Diện tích trồng rừng mới",
            "ha",
            "185",
            "180",
            "200",
            hai,
            "Đ/c Mai KT; Đ/c Sáng ĐC-XD",
            "",
            None,
        ),
        ("3", KT, "Tỷ lệ che phủ rừng", "%", "63,5", "63,8", "64", hai, "Đ/c Mai KT", "", None),
        ("4", KT, "Sản lượng hồi khô", "Tấn", "420", "", "450", hai, "Đ/c Mai KT", "", None),
        (
            "5",
            KT,
            "Thu ngân sách nhà nước trên địa bàn",
            "Triệu đồng",
            "6.850",
            "7.200",
            "7.500",
            lam,
            "Đ/c Vi VP-TK",
            "",
            None,
        ),
        (
            "6",
            KT,
            "Thu nhập bình quân đầu người/năm",
            "Triệu đồng",
            "45",
            "48",
            "50",
            hai,
            "Đ/c Mai KT",
            "",
            None,
        ),
        (
            "7",
            KT,
            "Số sản phẩm OCOP đạt 3 sao trở lên",
            "Sản phẩm",
            "3",
            "4",
            "5",
            hai,
            "Đ/c Mai KT",
            "Sản phẩm mới: miến dong, hồi sấy",
            None,
        ),
        ("8", VH, "Tỷ lệ hộ nghèo", "%", "8,6", "7,1", "6,8", thoa, "Đ/c Hằng VH-XH", "", None),
        (
            "9",
            VH,
            "Tỷ lệ dân số tham gia bảo hiểm y tế",
            "%",
            "97,8",
            "98",
            "≥ 98",
            thoa,
            "Đ/c Lanh TYT",
            "",
            None,
        ),
        ("10", VH, "Tỷ lệ lao động qua đào tạo", "%", "55", "58", "60", thoa, "Đ/c Hằng VH-XH", "", None),
        (
            "11",
            VH,
            'Số thôn đạt danh hiệu "Thôn văn hóa"',
            "Thôn",
            "12/16",
            "13/16",
            "14/16",
            thoa,
            "Đ/c Hằng VH-XH",
            "",
            None,
        ),
        (
            "12",
            VH,
            "Số trường học đạt chuẩn quốc gia",
            "Trường",
            "3/5",
            "4/5",
            "4/5",
            thoa,
            "Đ/c Hằng VH-XH",
            "Trường Tiểu học Bắc Quỳnh",
            None,
        ),
        (
            "13",
            VH,
            "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi",
            "%",
            "18,2",
            "dưới 17,5",
            "dưới 17",
            thoa,
            "Đ/c Lanh TYT",
            "",
            None,
        ),
        (
            "14",
            VH,
            "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ",
            "%",
            "96",
            "≥ 95",
            "≥ 97",
            thoa,
            "Đ/c Lanh TYT",
            "",
            None,
        ),
        (
            "15",
            VH,
            "Tỷ lệ hộ gia đình sử dụng nước hợp vệ sinh",
            "%",
            "96,5",
            "97",
            "98,5",
            hai,
            "Đ/c Sáng ĐC-XD",
            "",
            None,
        ),
        (
            "16",
            VH,
            "Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến toàn trình",
            "%",
            "52",
            "60",
            "65",
            lam,
            "Đ/c Vi VP-TK; Bộ phận Một cửa",
            "",
            None,
        ),
        ("17", QP, "Hoàn thành chỉ tiêu giao quân", "%", "100", "100", "100", lam, "Đ/c Phong QS", "", None),
        (
            "18",
            QP,
            'Tỷ lệ thôn đạt tiêu chuẩn "An toàn về an ninh, trật tự"',
            "%",
            "87,5",
            "90",
            "93,8",
            lam,
            "Đ/c Hưng CA",
            "15/16 thôn",
            None,
        ),
        (
            "19",
            QP,
            "Tỷ lệ giải quyết tin báo, tố giác tội phạm",
            "%",
            "91",
            "≥ 90",
            "≥ 92",
            lam,
            "Đ/c Hưng CA",
            "",
            None,
        ),
    ]
    inds = []
    for no, g, n, u, _prev, tinh, xa, ld, resp, note, parent in rows:
        other = [{"source": "Chỉ tiêu tỉnh giao", "text": tinh}] if tinh else []
        gname = n[2:] if n.startswith("- ") else n
        inds.append(
            ind(
                no,
                g,
                gname,
                u,
                xa,
                resp=resp,
                leader=ld,
                parent=parent,
                other=other,
                note=("Ghi chú: " + note) if note else None,
            )
        )
    inds[4]["note"] = "Chỉ tiêu tỉnh giao cell empty; target from the xã column."

    T = [
        task(
            "1",
            "Hoàn thành trồng 200 ha rừng sản xuất (keo, hồi, quế)",
            hai,
            "Đ/c Mai KT",
            "Hạt Kiểm lâm khu vực; các thôn",
            "Quý III/2026",
            "2026-09-30",
        ),
        task(
            "2",
            "Xây dựng hồ sơ đánh giá, phân hạng sản phẩm OCOP miến dong Bắc Quỳnh",
            hai,
            "Đ/c Mai KT",
            "HTX Miến dong Bắc Quỳnh",
            "Trước 30/10/2026",
            "2026-10-30",
        ),
        task(
            "3",
            "Đo đạc, cấp giấy chứng nhận quyền sử dụng đất lâm nghiệp cho các hộ thôn Nà Pàn, Khuổi Tát",
            hai,
            "Đ/c Sáng ĐC-XD",
            "Chi nhánh Văn phòng đăng ký đất đai khu vực; thôn Nà Pàn, thôn Khuổi Tát",
            "Tháng 5 - tháng 11/2026",
            "2026-11-30",
        ),
        task(
            "4",
            "Vận động hộ nghèo tham gia mô hình nuôi gà đồi, trồng hồi ghép",
            thoa,
            "Đ/c Hằng VH-XH",
            "Hội Nông dân xã; Hội Liên hiệp Phụ nữ xã",
            "6 tháng đầu năm 2026",
            "2026-06-30",
        ),
        task(
            "5",
            "Tổ chức Lễ hội Lồng tồng xã Bắc Quỳnh Sơn",
            thoa,
            "Đ/c Hằng VH-XH",
            "Đoàn Thanh niên xã; các thôn",
            "Tháng 02/2026",
            "2026-02-28",
        ),
        task(
            "6",
            "Rà soát, cập nhật dữ liệu hộ tịch điện tử",
            lam,
            "Đ/c Quyết TP-HT",
            "Công an xã",
            "Hằng quý",
            None,
            True,
        ),
        task(
            "7",
            "Tuần tra, kiểm soát địa bàn, phòng chống buôn lậu qua đường mòn biên giới",
            lam,
            "Đ/c Hưng CA",
            "Ban Chỉ huy quân sự xã; Đồn Biên phòng",
            "Thường xuyên",
            None,
            True,
        ),
    ]
    report = (
        "Định kỳ trước ngày 17 hằng tháng, cán bộ, công chức được phân công báo cáo kết quả thực hiện "
        "nhiệm vụ được giao với Thường trực Đảng ủy, UBND xã (qua Văn phòng HĐND và UBND xã); báo cáo "
        "năm trước ngày 05/12/2026"
    )
    to = "Thường trực Đảng ủy, UBND xã (qua Văn phòng HĐND và UBND xã)"
    plan = {
        "locality": "xã Bắc Quỳnh Sơn",
        "locality_type": "xã",
        "parent": None,
        "province": "Lạng Sơn",
        "period_start": 2026,
        "period_end": 2026,
        "title": "Kế hoạch hành động thực hiện Nghị quyết của Đảng ủy, HĐND xã Bắc Quỳnh Sơn về nhiệm vụ "
        "phát triển kinh tế - xã hội, quốc phòng - an ninh năm 2026",
        "issuer": "UBND xã Bắc Quỳnh Sơn",
        "doc_number": "14/KH-UBND",
        "signed_date": "2026-01-10",
        "signer": "Hoàng Văn Lâm",
        "reporting": [
            rep(report, "monthly", day=17, to=to),
            rep(report, "yearly", deadline="2026-12-05", to=to),
        ],
    }
    write_gold(stem, "txt", plan, inds, T)

    L = [
        txt_header("Xã Bắc Quỳnh Sơn", "14/KH-UBND", "Bắc Quỳnh Sơn, ngày 10 tháng 01 năm 2026"),
        "",
        "KẾ HOẠCH HÀNH ĐỘNG",
        "Thực hiện Nghị quyết của Đảng ủy, HĐND xã Bắc Quỳnh Sơn về nhiệm vụ phát triển kinh tế - xã hội,",
        "quốc phòng - an ninh năm 2026",
        "",
        "Thực hiện Nghị quyết số 06-NQ/ĐU ngày 18/12/2025 của Ban Chấp hành Đảng bộ xã về phương hướng, nhiệm "
        "vụ năm 2026; Nghị quyết số 11/NQ-HĐND ngày 24/12/2025 của HĐND xã về nhiệm vụ phát triển kinh tế - "
        "xã hội năm 2026 và Quyết định số 3015/QĐ-UBND ngày 20/12/2025 của UBND tỉnh Lạng Sơn về việc giao chỉ "
        "tiêu kế hoạch năm 2026, UBND xã xây dựng Kế hoạch hành động với các nội dung sau:",
        "",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Tổ chức thực hiện thắng lợi các chỉ tiêu, nhiệm vụ năm 2026; phân công cụ thể lãnh đạo chỉ đạo và công "
        "chức chuyên môn phụ trách từng chỉ tiêu; xã phấn đấu vượt các chỉ tiêu tỉnh giao.",
        "",
        "II. CÁC CHỈ TIÊU CHỦ YẾU VÀ PHÂN CÔNG THỰC HIỆN (19 chỉ tiêu)",
        "",
        "TT\tCác chỉ tiêu\tĐơn vị tính\tThực hiện năm 2025\tChỉ tiêu tỉnh giao\tChỉ tiêu xã phấn đấu\t"
        "Lãnh đạo chỉ đạo\tCông chức chuyên môn phụ trách\tGhi chú",
        "1\t2\t3\t4\t5\t6\t7\t8\t9",
    ]
    romans = {KT: "I", VH: "II", QP: "III"}
    counts = {KT: 7, VH: 9, QP: 3}
    seen = set()
    for no, g, n, u, prev, tinh, xa, ld, resp, note, _p in rows:
        if g not in seen:
            seen.add(g)
            L.append(f"{romans[g]}\t{g} ({counts[g]} chỉ tiêu)\t\t\t\t\t\t\t")
        L.append("\t".join([no, n, u, prev, tinh, xa, ld, resp, note]))
    L += [
        "",
        "III. NHIỆM VỤ TRỌNG TÂM VÀ PHÂN CÔNG THỰC HIỆN",
        "",
        "TT\tNhiệm vụ\tLãnh đạo chỉ đạo\tCông chức chủ trì\tPhối hợp\tThời gian hoàn thành",
    ]
    for t in T:
        L.append(
            "\t".join(
                [t["no"], t["name"], t["leader"], t["responsible"], t["coordinating"], t["deadline_text"]]
            )
        )
    L += [
        "",
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Lãnh đạo UBND xã theo lĩnh vực được phân công trực tiếp chỉ đạo, kiểm tra, đôn đốc việc thực hiện "
        "các chỉ tiêu, nhiệm vụ.",
        "2. Cán bộ, công chức chuyên môn căn cứ chỉ tiêu, nhiệm vụ được giao xây dựng kế hoạch cụ thể; "
        + report
        + ".",
        "3. Trong quá trình thực hiện nếu có vướng mắc, báo cáo kịp thời Chủ tịch, Phó Chủ tịch UBND xã để chỉ "
        "đạo giải quyết./.",
        "",
        "Nơi nhận:                                                  TM. ỦY BAN NHÂN DÂN",
        "- UBND tỉnh Lạng Sơn (b/c);                                       CHỦ TỊCH",
        "- TT Đảng ủy, HĐND xã;",
        "- MTTQ, các đoàn thể xã;                                           (Đã ký)",
        "- Cán bộ, công chức xã; các thôn;",
        "- Lưu: VT.                                                     Hoàng Văn Lâm",
    ]
    save(stem, "txt", "\n".join(L))


if __name__ == "__main__":
    for build in (o01, o02, o03, o04, o05, o06):
        build()
    print("built", len(os.listdir(DOCS)), "documents")
