#!/usr/bin/env python3
"""Build the held-out set 6 documents (docs/) and their gold files (gold/).

    .venv/bin/python tests/data/heldout6/make_docs.py

Everything here is invented: seven socio-economic plans of five post-2025 communes/wards (xã/phường
directly under a province or a centrally-run city). Written blind, without reading the extractor.
Needs python-docx (in the project's .venv). questions.json is written by make_questions.py.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import DOCS, ind, rep, task, write_gold

KT, VH, MT, QP = (
    "Chỉ tiêu về kinh tế",
    "Chỉ tiêu về văn hóa - xã hội",
    "Chỉ tiêu về môi trường",
    "Chỉ tiêu về quốc phòng - an ninh",
)
ROMAN = {KT: "I", VH: "II", MT: "III", QP: "IV"}


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


def md_header(unit: str, number: str, place_date: str) -> str:
    return (
        f"**ỦY BAN NHÂN DÂN**  \n**{unit.upper()}**  \nSố: {number}\n\n"
        "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  \n**Độc lập - Tự do - Hạnh phúc**\n\n"
        f"_{place_date}_\n"
    )


def md_sign(signer: str) -> str:
    return "  \n".join(["**TM. ỦY BAN NHÂN DÂN**", "**CHỦ TỊCH**", "_(Đã ký)_", f"**{signer}**"])


def tsv(rows) -> str:
    return "\n".join("\t".join(r) for r in rows)


def md_table(header, rows) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


# ============================================================================================
# Locality A — xã Minh Khương Thượng (Tuyên Quang): the 2025 plan (p01, after the July 2025
# reorganisation) and the 2026 plan (p02), same indicators, different figures.

A_LOC, A_PROV = "xã Minh Khương Thượng", "Tuyên Quang"
A_CT = "Đ/c Nông Văn Thành - Chủ tịch UBND xã"
A_P1 = "Đ/c Ma Văn Quân - PCT UBND xã"
A_P2 = "Đ/c Hoàng Thị Lụa - PCT UBND xã"
KTP, VHP, TYT = "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Trạm Y tế xã"
VPX, CAX, QSX = "Văn phòng HĐND và UBND xã", "Công an xã", "Ban Chỉ huy quân sự xã"


def p01():
    stem = "p01_xa_minh_khuong_thuong_2025"
    # no, group, name, unit, target 2025, responsible, parent
    rows = [
        ("1", KT, "Tốc độ tăng trưởng giá trị sản xuất", "%", "7,2", KTP, None),
        ("2", KT, "Tổng sản lượng lương thực có hạt", "tấn", "16.800", KTP, None),
        ("-", KT, "Trong đó: thóc", "tấn", "11.950", KTP, 2),
        ("3", KT, "Diện tích trồng rừng mới", "ha", "320", KTP, None),
        ("4", KT, "Sản lượng chè búp tươi", "tấn", "3.150", KTP, None),
        ("5", KT, "Thu ngân sách nhà nước trên địa bàn", "triệu đồng", "12.500", KTP, None),
        ("6", KT, "Thu nhập bình quân đầu người", "triệu đồng/người/năm", "48,5", KTP, None),
        ("7", VH, "Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều)", "%", "Giảm còn 11,6", VHP, None),
        ("8", VH, "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "96,2", TYT, None),
        ("9", VH, "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân", "%", "dưới 13,5", TYT, None),
        ("10", VH, 'Số thôn đạt danh hiệu "Thôn văn hóa"', "thôn", "21/27", VHP, None),
        ("11", VH, "Tỷ lệ lao động qua đào tạo", "%", "58", VHP, None),
        ("12", MT, "Tỷ lệ che phủ rừng", "%", "61,4", KTP, None),
        ("13", MT, "Tỷ lệ dân số nông thôn sử dụng nước sạch theo quy chuẩn", "%", "52", KTP, None),
        ("14", QP, "Hoàn thành chỉ tiêu giao quân", "%", "100", QSX, None),
        ("15", QP, 'Tỷ lệ thôn đạt tiêu chuẩn "An toàn về an ninh, trật tự"', "%", "≥ 85", CAX, None),
    ]
    inds = [ind(no, g, n, u, t, resp=r, parent=par) for no, g, n, u, t, r, par in rows]
    tasks = [
        task(
            "1",
            "Tổ chức trồng rừng vụ thu và chăm sóc diện tích rừng trồng năm 2025",
            A_P1,
            KTP,
            "Hội Nông dân xã; các thôn",
            "Quý III/2025",
            "2025-09-30",
        ),
        task(
            "2",
            "Kiện toàn, ổn định tổ chức bộ máy các phòng, đơn vị sau sắp xếp đơn vị hành chính",
            A_CT,
            VPX,
            "Các phòng, đơn vị",
            "Trước 31/8/2025",
            "2025-08-31",
        ),
        task(
            "3",
            "Hoàn thành bàn giao, tiếp nhận hồ sơ, tài liệu lưu trữ của các xã trước sắp xếp",
            A_CT,
            VPX,
            CAX,
            "Tháng 9/2025",
            "2025-09-30",
        ),
        task(
            "4",
            "Đôn đốc thu ngân sách, chống thất thu thuế đối với hộ kinh doanh",
            A_P1,
            KTP,
            "Thuế cơ sở khu vực",
            "Quý IV/2025",
            "2025-12-31",
        ),
        task(
            "5",
            "Rà soát hộ nghèo, hộ cận nghèo năm 2025",
            A_P2,
            VHP,
            "Ban công tác Mặt trận các thôn",
            "Tháng 10 - tháng 11/2025",
            "2025-11-30",
        ),
        task(
            "6",
            "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc tại các thôn",
            A_P2,
            VHP,
            "Ủy ban MTTQ Việt Nam xã; các thôn",
            "Tháng 11/2025",
            "2025-11-30",
        ),
        task(
            "7",
            "Tuyển chọn, gọi công dân nhập ngũ năm 2026",
            A_CT,
            QSX,
            "Công an xã; Trạm Y tế xã",
            "Tháng 10/2025 - tháng 02/2026",
            "2026-02-28",
        ),
        task(
            "8",
            "Tuyên truyền, vận động người dân tham gia bảo hiểm y tế hộ gia đình",
            A_P2,
            TYT,
            "Bảo hiểm xã hội khu vực",
            "Thường xuyên",
            None,
            True,
        ),
    ]
    report = (
        "Định kỳ trước ngày 20 hằng tháng, các phòng, đơn vị báo cáo kết quả thực hiện về UBND xã (qua "
        "Văn phòng HĐND và UBND xã) để tổng hợp; báo cáo năm trước ngày 25/11/2025"
    )
    to = "UBND xã (qua Văn phòng HĐND và UBND xã)"
    plan = {
        "locality": A_LOC,
        "locality_type": "xã",
        "parent": None,
        "province": A_PROV,
        "period_start": 2025,
        "period_end": 2025,
        "title": "Kế hoạch phát triển kinh tế - xã hội năm 2025",
        "issuer": "UBND xã Minh Khương Thượng",
        "doc_number": "26/KH-UBND",
        "signed_date": "2025-07-18",
        "signer": "Nông Văn Thành",
        "reporting": [
            rep(report, "monthly", day=20, to=to),
            rep(report, "yearly", deadline="2025-11-25", to=to),
        ],
    }
    write_gold(stem, "txt", plan, inds, tasks)

    body = [["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025", "Đơn vị chủ trì"]]
    seen = set()
    for no, g, n, u, t, r, _par in rows:
        if g not in seen:
            seen.add(g)
            body.append([ROMAN[g], g.upper(), "", "", ""])
        body.append([no, n, u, t, r])
    tbody = [
        ["TT", "Nhiệm vụ", "Lãnh đạo chỉ đạo", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"]
    ]
    tbody += [
        [t["no"], t["name"], t["leader"], t["responsible"], t["coordinating"], t["deadline_text"]]
        for t in tasks
    ]
    text = f"""{txt_header("XÃ MINH KHƯƠNG THƯỢNG", "26/KH-UBND", "Minh Khương Thượng, ngày 18 tháng 7 năm 2025")}

                                   KẾ HOẠCH
                 Phát triển kinh tế - xã hội năm 2025

Căn cứ Nghị quyết số 05/NQ-HĐND ngày 10/7/2025 của HĐND xã Minh Khương Thượng về nhiệm vụ phát triển
kinh tế - xã hội năm 2025 sau khi sắp xếp đơn vị hành chính; trên cơ sở chỉ tiêu kế hoạch năm 2025 của
các xã trước sắp xếp, UBND xã Minh Khương Thượng ban hành Kế hoạch phát triển kinh tế - xã hội năm 2025
như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Ổn định tổ chức bộ máy chính quyền xã sau sắp xếp, bảo đảm hoạt động thông suốt, không gián đoạn
việc phục vụ người dân, doanh nghiệp.
2. Phấn đấu hoàn thành toàn diện các chỉ tiêu phát triển kinh tế - xã hội năm 2025.

II. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2025

{tsv(body)}

III. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2025

{tsv(tbody)}

IV. TỔ CHỨC THỰC HIỆN

1. Các phòng, đơn vị căn cứ nhiệm vụ được giao xây dựng kế hoạch chi tiết, tổ chức triển khai ngay sau
khi Kế hoạch được ban hành.
2. Chế độ báo cáo: {report}.
3. Văn phòng HĐND và UBND xã theo dõi, đôn đốc, tổng hợp, tham mưu UBND xã báo cáo Đảng ủy, HĐND xã.

Nơi nhận:                                           TM. ỦY BAN NHÂN DÂN
- UBND tỉnh Tuyên Quang (b/c);                      CHỦ TỊCH
- TT Đảng ủy, TT HĐND xã;
- Các phòng, đơn vị, các thôn;                       (Đã ký)
- Lưu: VT, VP.
                                                    Nông Văn Thành
"""
    save(stem, "txt", text)


def p02():
    stem = "p02_xa_minh_khuong_thuong_2026"
    # no, group, name, unit, estimate 2025, target 2026, responsible, parent
    rows = [
        ("1", KT, "Tốc độ tăng trưởng giá trị sản xuất", "%", "7,4", "8 - 8,5", KTP, None),
        ("2", KT, "Tổng sản lượng lương thực có hạt", "tấn", "17.020", "17.300", KTP, None),
        ("-", KT, "Trong đó: thóc", "tấn", "12.080", "12.400", KTP, 2),
        ("3", KT, "Diện tích trồng rừng mới", "ha", "335", "450", KTP, None),
        ("4", KT, "Sản lượng chè búp tươi", "tấn", "3.210", "3.400", KTP, None),
        ("5", KT, "Thu ngân sách nhà nước trên địa bàn", "triệu đồng", "13.180", "15.600", KTP, None),
        ("6", KT, "Thu nhập bình quân đầu người", "triệu đồng/người/năm", "49,2", "54", KTP, None),
        ("7", KT, "Số doanh nghiệp thành lập mới", "doanh nghiệp", "6", "9", KTP, None),
        ("8", VH, "Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều)", "%", "11,4", "Giảm còn 9,8", VHP, None),
        ("9", VH, "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "96,5", "97,2", TYT, None),
        (
            "10",
            VH,
            "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân",
            "%",
            "13,3",
            "dưới 12,8",
            TYT,
            None,
        ),
        ("11", VH, 'Số thôn đạt danh hiệu "Thôn văn hóa"', "thôn", "22/27", "24/27", VHP, None),
        ("12", VH, "Tỷ lệ lao động qua đào tạo", "%", "58,4", "61", VHP, None),
        ("13", VH, "Số trường đạt chuẩn quốc gia", "trường", "7/11", "8/11", VHP, None),
        ("14", MT, "Tỷ lệ che phủ rừng", "%", "61,5", "62,3", KTP, None),
        ("15", MT, "Tỷ lệ dân số nông thôn sử dụng nước sạch theo quy chuẩn", "%", "52,6", "57", KTP, None),
        ("16", QP, "Hoàn thành chỉ tiêu giao quân", "%", "100", "100", QSX, None),
        ("17", QP, 'Tỷ lệ thôn đạt tiêu chuẩn "An toàn về an ninh, trật tự"', "%", "88,9", "≥ 92", CAX, None),
    ]
    inds = [ind(no, g, n, u, t, resp=r, parent=par) for no, g, n, u, _e, t, r, par in rows]
    tasks = [
        task(
            "1",
            "Tổ chức Tết trồng cây và trồng rừng vụ xuân năm 2026",
            A_P1,
            KTP,
            "Hội Nông dân xã; các thôn",
            "Tháng 02 - tháng 4/2026",
            "2026-04-30",
        ),
        task(
            "2",
            "Xây dựng mô hình sản xuất chè hữu cơ tại thôn Khuổi Pài",
            A_P1,
            KTP,
            "HTX Chè Minh Khương",
            "Quý III/2026",
            "2026-09-30",
        ),
        task(
            "3",
            "Bê tông hóa đường nội đồng thôn Nà Héc - Bản Khiển",
            A_P1,
            KTP,
            "Ban QLDA khu vực; thôn Nà Héc, thôn Bản Khiển",
            "Trước 30/11/2026",
            "2026-11-30",
        ),
        task(
            "4",
            "Tổ chức Lễ hội Lồng tông xã Minh Khương Thượng năm 2026",
            A_P2,
            VHP,
            "Đoàn Thanh niên xã; các thôn",
            "Tháng 02/2026",
            "2026-02-28",
        ),
        task(
            "5",
            "Đề nghị công nhận Trường Tiểu học Minh Khương đạt chuẩn quốc gia mức độ 1",
            A_P2,
            VHP,
            "Trường Tiểu học Minh Khương",
            "Quý IV/2026",
            "2026-12-31",
        ),
        task(
            "6",
            "Rà soát hộ nghèo, hộ cận nghèo năm 2026",
            A_P2,
            VHP,
            "Ban công tác Mặt trận các thôn",
            "Tháng 10 - tháng 12/2026",
            "2026-12-31",
        ),
        task(
            "7",
            "Số hóa kết quả giải quyết thủ tục hành chính, nâng tỷ lệ hồ sơ nộp trực tuyến",
            A_CT,
            VPX,
            "Bộ phận Một cửa",
            "6 tháng đầu năm 2026",
            "2026-06-30",
        ),
        task(
            "8",
            "Tuyển chọn, gọi công dân nhập ngũ năm 2027",
            A_CT,
            QSX,
            "Công an xã; Trạm Y tế xã",
            "Tháng 10/2026 - tháng 02/2027",
            "2027-02-28",
        ),
    ]
    report = (
        "Định kỳ trước ngày 22 hằng tháng, các phòng, đơn vị báo cáo kết quả thực hiện về UBND xã (qua "
        "Văn phòng HĐND và UBND xã); báo cáo 6 tháng trước ngày 15/6/2026, báo cáo năm trước ngày 20/11/2026"
    )
    to = "UBND xã (qua Văn phòng HĐND và UBND xã)"
    plan = {
        "locality": A_LOC,
        "locality_type": "xã",
        "parent": None,
        "province": A_PROV,
        "period_start": 2026,
        "period_end": 2026,
        "title": "Kế hoạch phát triển kinh tế - xã hội năm 2026",
        "issuer": "UBND xã Minh Khương Thượng",
        "doc_number": "09/KH-UBND",
        "signed_date": "2026-01-08",
        "signer": "Nông Văn Thành",
        "reporting": [
            rep(report, "monthly", day=22, to=to),
            rep(report, None, deadline="2026-06-15", to=to),
            rep(report, "yearly", deadline="2026-11-20", to=to),
        ],
    }
    write_gold(stem, "md", plan, inds, tasks)

    body, seen = [], set()
    for no, g, n, u, e, t, r, _par in rows:
        if g not in seen:
            seen.add(g)
            body.append([f"**{ROMAN[g]}**", f"**{g.upper()}**", "", "", "", ""])
        body.append([no, n, u, e, t, r])
    itab = md_table(
        ["TT", "Chỉ tiêu", "ĐVT", "Ước thực hiện năm 2025", "Kế hoạch năm 2026", "Đơn vị chủ trì"], body
    )
    ttab = md_table(
        ["TT", "Nhiệm vụ", "Lãnh đạo chỉ đạo", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"],
        [
            [t["no"], t["name"], t["leader"], t["responsible"], t["coordinating"], t["deadline_text"]]
            for t in tasks
        ],
    )
    text = f"""{md_header("XÃ MINH KHƯƠNG THƯỢNG", "09/KH-UBND", "Minh Khương Thượng, ngày 08 tháng 01 năm 2026")}

# KẾ HOẠCH

## Phát triển kinh tế - xã hội năm 2026

Căn cứ Nghị quyết số 18/NQ-HĐND ngày 23/12/2025 của HĐND xã Minh Khương Thượng về kế hoạch phát triển kinh tế - xã hội năm 2026; căn cứ kết quả thực hiện Kế hoạch số 26/KH-UBND ngày 18/7/2025 của UBND xã về phát triển kinh tế - xã hội năm 2025, UBND xã ban hành Kế hoạch phát triển kinh tế - xã hội năm 2026 như sau:

### I. ĐÁNH GIÁ KHÁI QUÁT NĂM 2025

Năm 2025 là năm đầu tiên xã vận hành mô hình chính quyền địa phương hai cấp; tổ chức bộ máy ổn định, kinh tế tiếp tục tăng trưởng; ước thực hiện 14/15 chỉ tiêu đạt và vượt kế hoạch, riêng chỉ tiêu tỷ lệ dân số nông thôn sử dụng nước sạch theo quy chuẩn chưa đạt.

### II. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026

{itab}

### III. NHIỆM VỤ TRỌNG TÂM VÀ PHÂN CÔNG THỰC HIỆN

{ttab}

### IV. TỔ CHỨC THỰC HIỆN

1. Các phòng, đơn vị, trưởng thôn căn cứ Kế hoạch này cụ thể hóa thành chương trình công tác, tổ chức thực hiện đạt hiệu quả.
2. Chế độ báo cáo: {report}.
3. Văn phòng HĐND và UBND xã theo dõi, đôn đốc việc thực hiện Kế hoạch.

**Nơi nhận:**
- UBND tỉnh Tuyên Quang (b/c);
- TT Đảng ủy, TT HĐND xã;
- Các phòng, đơn vị, các thôn;
- Lưu: VT.

{md_sign("Nông Văn Thành")}
"""
    save(stem, "md", text)


# ============================================================================================
# Locality B — phường Hòa Lâm Đông (Đà Nẵng): the 2026 plan (p03, Markdown) and the later
# 'Kế hoạch điều chỉnh, bổ sung' (p04, plain text with tabs) with changed figures and deadlines.

B_LOC, B_PROV = "phường Hòa Lâm Đông", "Đà Nẵng"
B_CT = "Đ/c Lê Văn Phúc - Chủ tịch UBND phường"
B_P1 = "Đ/c Nguyễn Quốc Bảo - PCT UBND phường"
B_P2 = "Đ/c Trần Thị Mỹ Hạnh - PCT UBND phường"
KHD = "Phòng Kinh tế, Hạ tầng và Đô thị"
VHB, TYB = "Phòng Văn hóa - Xã hội", "Trạm Y tế phường"
VPB, CAB, QSB = "Văn phòng HĐND và UBND phường", "Công an phường", "Ban Chỉ huy quân sự phường"
# no, group, name, unit, target KH 15, adjusted target (None = new row), responsible, coordinating, parent
B_ROWS = [
    (
        "1",
        KT,
        "Tổng thu ngân sách nhà nước trên địa bàn",
        "triệu đồng",
        "96.500",
        "82.000",
        KHD,
        "Thuế cơ sở khu vực",
        None,
    ),
    (
        "-",
        KT,
        "Trong đó: thu tiền sử dụng đất",
        "triệu đồng",
        "58.000",
        "43.500",
        KHD,
        "Trung tâm Phát triển quỹ đất khu vực",
        1,
    ),
    ("2", KT, "Tổng vốn đầu tư phát triển trên địa bàn", "tỷ đồng", "1.250", "1.250", KHD, None, None),
    ("3", KT, "Số doanh nghiệp thành lập mới", "doanh nghiệp", "45", "52", KHD, None, None),
    (
        "4",
        KT,
        "Tổng lượt khách du lịch lưu trú",
        "lượt khách",
        "185.000",
        "210.000",
        KHD,
        "Các cơ sở lưu trú",
        None,
    ),
    ("5", KT, "Thu nhập bình quân đầu người", "triệu đồng/người/năm", "98", "98", KHD, None, None),
    ("6", VH, "Tỷ lệ hộ nghèo", "%", "dưới 0,35", "dưới 0,35", VHB, "Ủy ban MTTQ Việt Nam phường", None),
    (
        "7",
        VH,
        "Tỷ lệ dân số tham gia bảo hiểm y tế",
        "%",
        "95,6",
        "94,8",
        TYB,
        "Bảo hiểm xã hội khu vực",
        None,
    ),
    (
        "8",
        VH,
        "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi",
        "%",
        "dưới 6,2",
        "dưới 6,2",
        TYB,
        None,
        None,
    ),
    (
        "9",
        VH,
        "Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến toàn trình",
        "%",
        "60",
        "75",
        VPB,
        None,
        None,
    ),
    ("10", VH, 'Số tổ dân phố đạt danh hiệu "Tổ dân phố văn hóa"', "tổ", "38/42", "38/42", VHB, None, None),
    ("11", MT, "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý", "%", "100", "100", KHD, None, None),
    ("12", MT, "Diện tích cây xanh công cộng bình quân", "m²/người", "7,2", "6,5", KHD, None, None),
    ("13", MT, "Tỷ lệ hộ dân đấu nối nước thải vào hệ thống thu gom", "%", "82", "86", KHD, None, None),
    ("14", QP, "Hoàn thành chỉ tiêu giao quân", "%", "100", "100", QSB, CAB, None),
    (
        "15",
        QP,
        'Tỷ lệ tổ dân phố đạt tiêu chuẩn "An toàn về an ninh, trật tự"',
        "%",
        "≥ 95",
        "≥ 95",
        CAB,
        None,
        None,
    ),
    (
        "16",
        KT,
        "Tỷ lệ giao dịch thanh toán không dùng tiền mặt tại chợ, cửa hàng",
        "%",
        None,
        "70",
        KHD,
        None,
        None,
    ),
    ("17", QP, "Số camera giám sát an ninh lắp đặt mới", "camera", None, "120", CAB, KHD, None),
]
B_TASKS = [
    # no, name, leader, responsible, coordinating, (deadline KH 15, due), (adjusted deadline, due) or None
    (
        "1",
        "Giải phóng mặt bằng dự án mở rộng đường Trường Sa đoạn qua phường",
        B_P1,
        KHD,
        "Trung tâm Phát triển quỹ đất khu vực; các tổ dân phố",
        ("Quý III/2026", "2026-09-30"),
        ("Quý IV/2026", "2026-12-31"),
    ),
    (
        "2",
        "Chỉnh trang vỉa hè, hệ thống điện chiếu sáng tuyến đường Nguyễn Văn Thoại",
        B_P1,
        KHD,
        "Công ty CP Môi trường đô thị",
        ("Trước 30/6/2026", "2026-06-30"),
        ("Trước 31/10/2026", "2026-10-31"),
    ),
    (
        "3",
        "Tổ chức Lễ hội Cầu ngư phường Hòa Lâm Đông năm 2026",
        B_P2,
        VHB,
        "Hội Nghề cá phường; các tổ dân phố ven biển",
        ("Tháng 3/2026", "2026-03-31"),
        None,
    ),
    (
        "4",
        "Đấu giá quyền sử dụng đất Khu dân cư Tân Trà 2",
        B_CT,
        KHD,
        "Trung tâm Phát triển quỹ đất khu vực",
        ("Quý II/2026", "2026-06-30"),
        ("Tháng 8 - tháng 10/2026", "2026-10-31"),
    ),
    (
        "5",
        'Triển khai mô hình "Tổ dân phố số" tại 42 tổ dân phố',
        B_CT,
        VPB,
        "Công an phường; Đoàn Thanh niên phường",
        ("Quý III/2026", "2026-09-30"),
        None,
    ),
    (
        "6",
        "Rà soát hộ nghèo, hộ cận nghèo năm 2026",
        B_P2,
        VHB,
        "Ủy ban MTTQ Việt Nam phường",
        ("Tháng 10 - tháng 11/2026", "2026-11-30"),
        None,
    ),
    (
        "7",
        "Kiểm tra an toàn phòng cháy, chữa cháy tại các cơ sở lưu trú du lịch",
        B_CT,
        CAB,
        KHD,
        ("Hằng quý", None),
        None,
    ),
    (
        "8",
        "Tuyển chọn, gọi công dân nhập ngũ năm 2027",
        B_CT,
        QSB,
        "Công an phường; Trạm Y tế phường",
        ("Tháng 10/2026 - tháng 02/2027", "2027-02-28"),
        None,
    ),
]
B_NEW_TASKS = [
    (
        "9",
        "Khắc phục sạt lở bờ kè sông Cổ Cò đoạn qua tổ dân phố 12",
        B_P1,
        KHD,
        "Ban QLDA khu vực; tổ dân phố 12",
        ("Trước 30/9/2026", "2026-09-30"),
    ),
    (
        "10",
        "Lắp đặt bổ sung camera giám sát an ninh tại các tuyến đường chính",
        B_CT,
        CAB,
        "Phòng Kinh tế, Hạ tầng và Đô thị; các tổ dân phố",
        ("Quý IV/2026", "2026-12-31"),
    ),
]
B_TO = "UBND phường (qua Văn phòng HĐND và UBND phường)"


def p03():
    stem = "p03_phuong_hoa_lam_dong_2026"
    rows = [r for r in B_ROWS if r[4] is not None]
    inds = [ind(no, g, n, u, t, resp=r, coord=c, parent=par) for no, g, n, u, t, _a, r, c, par in rows]
    tasks = [task(no, n, ld, r, c, dl[0], dl[1], dl[1] is None) for no, n, ld, r, c, dl, _adj in B_TASKS]
    report = (
        "Định kỳ trước ngày 18 hằng tháng, các cơ quan, đơn vị báo cáo kết quả thực hiện về UBND phường (qua "
        "Văn phòng HĐND và UBND phường); báo cáo 6 tháng trước ngày 10/6/2026, báo cáo năm trước ngày 25/11/2026"
    )
    plan = {
        "locality": B_LOC,
        "locality_type": "phường",
        "parent": None,
        "province": B_PROV,
        "period_start": 2026,
        "period_end": 2026,
        "title": "Kế hoạch phát triển kinh tế - xã hội năm 2026",
        "issuer": "UBND phường Hòa Lâm Đông",
        "doc_number": "15/KH-UBND",
        "signed_date": "2026-01-12",
        "signer": "Lê Văn Phúc",
        "reporting": [
            rep(report, "monthly", day=18, to=B_TO),
            rep(report, None, deadline="2026-06-10", to=B_TO),
            rep(report, "yearly", deadline="2026-11-25", to=B_TO),
        ],
    }
    write_gold(stem, "md", plan, inds, tasks)

    body, seen = [], set()
    for no, g, n, u, t, _a, r, c, _par in rows:
        if g not in seen:
            seen.add(g)
            body.append([f"**{ROMAN[g]}**", f"**{g.upper()}**", "", "", "", ""])
        body.append([no, n, u, t, r, c or ""])
    itab = md_table(
        ["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Cơ quan chủ trì", "Cơ quan phối hợp"], body
    )
    ttab = md_table(
        [
            "TT",
            "Nội dung nhiệm vụ",
            "Lãnh đạo chỉ đạo",
            "Cơ quan chủ trì",
            "Cơ quan phối hợp",
            "Thời gian hoàn thành",
        ],
        [
            [t["no"], t["name"], t["leader"], t["responsible"], t["coordinating"], t["deadline_text"]]
            for t in tasks
        ],
    )
    text = f"""{md_header("PHƯỜNG HÒA LÂM ĐÔNG", "15/KH-UBND", "Hòa Lâm Đông, ngày 12 tháng 01 năm 2026")}

# KẾ HOẠCH

## Phát triển kinh tế - xã hội năm 2026

Căn cứ Nghị quyết số 14/NQ-HĐND ngày 26/12/2025 của HĐND phường Hòa Lâm Đông về kế hoạch phát triển kinh tế - xã hội năm 2026, UBND phường xây dựng Kế hoạch phát triển kinh tế - xã hội năm 2026 như sau:

### I. MỤC TIÊU

Phát triển phường theo hướng đô thị biển - du lịch - dịch vụ; đẩy mạnh chuyển đổi số, xây dựng chính quyền đô thị thân thiện, phục vụ; bảo đảm quốc phòng - an ninh.

### II. CÁC CHỈ TIÊU CHỦ YẾU

{itab}

### III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM

{ttab}

### IV. TỔ CHỨC THỰC HIỆN

1. Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm trước UBND phường về kết quả thực hiện các chỉ tiêu, nhiệm vụ được giao.
2. Chế độ báo cáo: {report}.
3. Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan, đơn vị kịp thời báo cáo UBND phường xem xét, điều chỉnh.

**Nơi nhận:**
- UBND thành phố Đà Nẵng (b/c);
- TT Đảng ủy, TT HĐND phường;
- Các cơ quan, đơn vị, tổ dân phố;
- Lưu: VT.

{md_sign("Lê Văn Phúc")}
"""
    save(stem, "md", text)


def p04():
    stem = "p04_phuong_hoa_lam_dong_dieu_chinh"
    src = "Kế hoạch giao tại KH số 15/KH-UBND"
    inds = []
    for no, g, n, u, t, a, r, _c, par in B_ROWS:
        other = [{"source": src, "text": t}] if t is not None else []
        inds.append(ind(no, g if t else "CHỈ TIÊU BỔ SUNG", n, u, a, resp=r, parent=par, other=other))
    tasks = [
        task(no, n, ld, r, c, adj[0], adj[1]) for no, n, ld, r, c, _dl, adj in B_TASKS if adj is not None
    ]
    tasks += [task(no, n, ld, r, c, dl[0], dl[1]) for no, n, ld, r, c, dl in B_NEW_TASKS]
    report = (
        "Các cơ quan, đơn vị báo cáo kết quả thực hiện các chỉ tiêu, nhiệm vụ điều chỉnh, bổ sung lồng ghép "
        "trong báo cáo định kỳ trước ngày 18 hằng tháng và báo cáo năm trước ngày 25/11/2026 về UBND phường "
        "(qua Văn phòng HĐND và UBND phường)"
    )
    plan = {
        "locality": B_LOC,
        "locality_type": "phường",
        "parent": None,
        "province": B_PROV,
        "period_start": 2026,
        "period_end": 2026,
        "title": "Kế hoạch điều chỉnh, bổ sung Kế hoạch phát triển kinh tế - xã hội năm 2026",
        "issuer": "UBND phường Hòa Lâm Đông",
        "doc_number": "118/KH-UBND",
        "signed_date": "2026-07-21",
        "signer": "Lê Văn Phúc",
        "reporting": [
            rep(report, "monthly", day=18, to=B_TO),
            rep(report, "yearly", deadline="2026-11-25", to=B_TO),
        ],
    }
    write_gold(stem, "txt", plan, inds, tasks)

    body = [
        [
            "TT",
            "Chỉ tiêu",
            "ĐVT",
            "Kế hoạch giao tại KH số 15/KH-UBND",
            "Kế hoạch sau điều chỉnh",
            "Cơ quan chủ trì",
            "Ghi chú",
        ]
    ]
    seen = set()
    for no, g, n, u, t, a, r, _c, _par in B_ROWS:
        if t is None:
            note = "Bổ sung mới"
        elif t == a:
            note = "Giữ nguyên"
        else:
            note = "Điều chỉnh tăng" if _up(t, a) else "Điều chỉnh giảm"
        if g not in seen and t is not None:
            seen.add(g)
            body.append([ROMAN[g], g.upper(), "", "", "", "", ""])
        if t is None and "bo" not in seen:
            seen.add("bo")
            body.append(["V", "CHỈ TIÊU BỔ SUNG", "", "", "", "", ""])
        body.append([no, n, u, t or "-", a, r, note])
    tbody = [
        [
            "TT",
            "Nội dung nhiệm vụ",
            "Lãnh đạo chỉ đạo",
            "Cơ quan chủ trì",
            "Cơ quan phối hợp",
            "Thời hạn theo KH số 15/KH-UBND",
            "Thời hạn sau điều chỉnh",
        ]
    ]
    for no, n, ld, r, c, dl, adj in B_TASKS:
        if adj is not None:
            tbody.append([no, n, ld, r, c, dl[0], adj[0]])
    tbody.append(["", "NHIỆM VỤ BỔ SUNG", "", "", "", "", ""])
    for no, n, ld, r, c, dl in B_NEW_TASKS:
        tbody.append([no, n, ld, r, c, "-", dl[0]])
    text = f"""{txt_header("PHƯỜNG HÒA LÂM ĐÔNG", "118/KH-UBND", "Hòa Lâm Đông, ngày 21 tháng 7 năm 2026")}

                                   KẾ HOẠCH
     Điều chỉnh, bổ sung Kế hoạch phát triển kinh tế - xã hội năm 2026

Căn cứ Nghị quyết số 21/NQ-HĐND ngày 15/7/2026 của HĐND phường Hòa Lâm Đông về điều chỉnh, bổ sung
một số chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2026; UBND phường điều chỉnh, bổ sung Kế hoạch
số 15/KH-UBND ngày 12/01/2026 của UBND phường về phát triển kinh tế - xã hội năm 2026 như sau:

I. SỰ CẦN THIẾT ĐIỀU CHỈNH

Sáu tháng đầu năm 2026, thị trường bất động sản trầm lắng, việc đấu giá quyền sử dụng đất Khu dân cư
Tân Trà 2 chưa tổ chức được theo tiến độ, nguồn thu tiền sử dụng đất giảm mạnh; một số công trình chậm
giải phóng mặt bằng. Ngược lại, lượng khách du lịch lưu trú và số doanh nghiệp thành lập mới tăng cao
hơn dự kiến. Do đó cần điều chỉnh một số chỉ tiêu, thời hạn cho phù hợp với tình hình thực tế.

II. CÁC CHỈ TIÊU SAU ĐIỀU CHỈNH, BỔ SUNG

{tsv(body)}

III. ĐIỀU CHỈNH THỜI HẠN, BỔ SUNG NHIỆM VỤ

{tsv(tbody)}

Các nội dung khác giữ nguyên theo Kế hoạch số 15/KH-UBND ngày 12/01/2026 của UBND phường.

IV. TỔ CHỨC THỰC HIỆN

1. Các cơ quan, đơn vị rà soát, điều chỉnh kế hoạch chi tiết của đơn vị theo các chỉ tiêu, thời hạn
mới; tập trung hoàn thành các chỉ tiêu, nhiệm vụ trong 6 tháng cuối năm 2026.
2. Chế độ báo cáo: {report}.

Nơi nhận:                                           TM. ỦY BAN NHÂN DÂN
- UBND thành phố Đà Nẵng (b/c);                     CHỦ TỊCH
- TT Đảng ủy, TT HĐND phường;
- Các cơ quan, đơn vị, tổ dân phố;                   (Đã ký)
- Lưu: VT.
                                                    Lê Văn Phúc
"""
    save(stem, "txt", text)


def _up(a: str, b: str) -> bool:
    def v(s):
        import re

        return float(re.search(r"\d[\d.,]*", s).group(0).replace(".", "").replace(",", "."))

    return v(b) > v(a)


# ============================================================================================
# Locality C — xã Chiềng Lương Thượng (Sơn La): Word document, indicators as 'List Number' /
# 'List Bullet' paragraphs (no number in the text), task table with the 'Lãnh đạo chỉ đạo' cells
# merged vertically over several rows.


def docx_base():
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Times New Roman"
    st.font.size = Pt(13)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    return doc


def dpar(doc, text, bold=False, italic=False, center=False, style=None):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    par = doc.add_paragraph(style=style)
    r = par.add_run(text)
    r.bold, r.italic = bold, italic
    if center:
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return par


def docx_head(doc, unit, number, place_date, title, subtitle):
    h = doc.add_table(rows=1, cols=2)
    h.cell(0, 0).text = f"ỦY BAN NHÂN DÂN\n{unit.upper()}\n\nSố: {number}"
    h.cell(0, 1).text = f"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n{place_date}"
    dpar(doc, "")
    dpar(doc, title, bold=True, center=True)
    dpar(doc, subtitle, bold=True, center=True)


def docx_sign(doc, province, signer, units="Các phòng, đơn vị, các bản"):
    s = doc.add_table(rows=1, cols=2)
    s.cell(
        0, 0
    ).text = f"Nơi nhận:\n- UBND tỉnh {province} (b/c);\n- TT Đảng ủy, TT HĐND xã;\n- {units};\n- Lưu: VT."
    s.cell(0, 1).text = f"TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n(Đã ký)\n\n{signer}"


def fill_row(t, r, values, bold=False):
    for c, v in enumerate(values):
        cell = t.cell(r, c)
        cell.text = ""
        cell.paragraphs[0].add_run(v).bold = bold


def p05():
    stem = "p05_xa_chieng_luong_thuong_docx"
    C_CT = "Đ/c Lò Văn Pấng - Chủ tịch UBND xã"
    C_P1 = "Đ/c Cầm Văn Thủy - PCT UBND xã"
    C_P2 = "Đ/c Quàng Thị Mai - PCT UBND xã"
    # (field heading, [(no, name, unit, target_text, sentence, parent, comparator)])
    fields = [
        (
            "a) Về kinh tế",
            KT,
            [
                (
                    "1",
                    "Tốc độ tăng giá trị sản xuất",
                    "%",
                    "7,5% trở lên",
                    "Tốc độ tăng giá trị sản xuất đạt 7,5% trở lên.",
                    None,
                ),
                (
                    "2",
                    "Tổng sản lượng lương thực có hạt",
                    "tấn",
                    "13.800",
                    "Tổng sản lượng lương thực có hạt đạt 13.800 tấn.",
                    None,
                ),
                ("3", "Diện tích cây ăn quả", "ha", "2.350", "Diện tích cây ăn quả đạt 2.350 ha.", None),
                (
                    "",
                    "Trong đó: diện tích xoài, nhãn ghép",
                    "ha",
                    "1.480",
                    "Trong đó: diện tích xoài, nhãn ghép đạt 1.480 ha.",
                    3,
                ),
                ("4", "Tổng đàn gia súc", "con", "21.500", "Tổng đàn gia súc đạt 21.500 con.", None),
                (
                    "5",
                    "Thu ngân sách nhà nước trên địa bàn",
                    "triệu đồng",
                    "9.750",
                    "Thu ngân sách nhà nước trên địa bàn đạt 9.750 triệu đồng.",
                    None,
                ),
                (
                    "6",
                    "Thu nhập bình quân đầu người",
                    "triệu đồng/người/năm",
                    "42",
                    "Thu nhập bình quân đầu người đạt 42 triệu đồng/người/năm.",
                    None,
                ),
            ],
        ),
        (
            "b) Về văn hóa - xã hội",
            VH,
            [
                ("7", "Tỷ lệ hộ nghèo", "%", "còn 14,5%", "Tỷ lệ hộ nghèo giảm còn 14,5%.", None),
                (
                    "8",
                    "Tỷ lệ dân số tham gia bảo hiểm y tế",
                    "%",
                    "97,5%",
                    "Tỷ lệ dân số tham gia bảo hiểm y tế đạt 97,5%.",
                    None,
                ),
                (
                    "9",
                    "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi",
                    "%",
                    "dưới 19,8%",
                    "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi dưới 19,8%.",
                    None,
                ),
                (
                    "10",
                    "Số trường đạt chuẩn quốc gia",
                    "trường",
                    "9/14",
                    "Số trường đạt chuẩn quốc gia 9/14 trường.",
                    None,
                ),
                (
                    "11",
                    'Số bản đạt danh hiệu "Bản văn hóa"',
                    "bản",
                    "26/32",
                    'Số bản đạt danh hiệu "Bản văn hóa" 26/32 bản.',
                    None,
                ),
                ("12", "Tỷ lệ lao động qua đào tạo", "%", "52%", "Tỷ lệ lao động qua đào tạo đạt 52%.", None),
            ],
        ),
        (
            "c) Về môi trường",
            MT,
            [
                ("13", "Tỷ lệ che phủ rừng", "%", "48,6%", "Tỷ lệ che phủ rừng đạt 48,6%.", None),
                (
                    "14",
                    "Tỷ lệ hộ dân sử dụng nước sinh hoạt hợp vệ sinh",
                    "%",
                    "96%",
                    "Tỷ lệ hộ dân sử dụng nước sinh hoạt hợp vệ sinh đạt 96%.",
                    None,
                ),
            ],
        ),
        (
            "d) Về quốc phòng - an ninh",
            QP,
            [
                (
                    "15",
                    "Hoàn thành chỉ tiêu giao quân",
                    "%",
                    "100%",
                    "Hoàn thành 100% chỉ tiêu giao quân.",
                    None,
                ),
                (
                    "16",
                    'Tỷ lệ bản đạt tiêu chuẩn "An toàn về an ninh, trật tự"',
                    "%",
                    "90% trở lên",
                    'Tỷ lệ bản đạt tiêu chuẩn "An toàn về an ninh, trật tự" đạt 90% trở lên.',
                    None,
                ),
            ],
        ),
    ]
    inds = []
    for _h, g, items in fields:
        for no, n, u, t, _s, par in items:
            inds.append(ind(no, g, n, u, t, parent=par))
    # (leader, [(name, responsible, coordinating, deadline, due)])
    blocks = [
        (
            C_P1,
            [
                (
                    "Chuyển đổi cây trồng trên đất dốc sang trồng cây ăn quả",
                    KTP,
                    "HTX Nông nghiệp Chiềng Lương; các bản",
                    "Quý II/2026",
                    "2026-06-30",
                ),
                (
                    "Tiêm phòng vắc xin lở mồm long móng, tụ huyết trùng cho đàn gia súc",
                    KTP,
                    "Trung tâm Dịch vụ nông nghiệp khu vực",
                    "Tháng 4 và tháng 10/2026",
                    "2026-10-31",
                ),
                (
                    "Cứng hóa đường giao thông bản Nà Sài - bản Huổi Phày",
                    KTP,
                    "Ban QLDA khu vực; bản Nà Sài, bản Huổi Phày",
                    "Trước 30/11/2026",
                    "2026-11-30",
                ),
                (
                    "Trồng rừng phòng hộ đầu nguồn suối Nậm Pàn",
                    KTP,
                    "Hạt Kiểm lâm khu vực; các bản",
                    "Quý III/2026",
                    "2026-09-30",
                ),
            ],
        ),
        (
            C_P2,
            [
                (
                    "Tổ chức Ngày hội văn hóa các dân tộc xã Chiềng Lương Thượng",
                    VHP,
                    "Đoàn Thanh niên xã; Hội Liên hiệp Phụ nữ xã",
                    "Tháng 9/2026",
                    "2026-09-30",
                ),
                (
                    "Khám sàng lọc, điều trị suy dinh dưỡng cho trẻ em dưới 5 tuổi",
                    TYT,
                    "Hội Liên hiệp Phụ nữ xã; các bản",
                    "Tháng 6 và tháng 12/2026",
                    "2026-12-31",
                ),
                (
                    "Hỗ trợ xóa nhà tạm, nhà dột nát cho hộ nghèo",
                    VHP,
                    "Ủy ban MTTQ Việt Nam xã",
                    "Trước 31/8/2026",
                    "2026-08-31",
                ),
            ],
        ),
        (
            C_CT,
            [
                (
                    "Tuyển chọn, gọi công dân nhập ngũ năm 2027",
                    QSX,
                    "Công an xã; Trạm Y tế xã",
                    "Tháng 10/2026 - tháng 02/2027",
                    "2027-02-28",
                ),
                (
                    "Giải quyết thủ tục hành chính trên môi trường điện tử",
                    VPX,
                    "Bộ phận Một cửa",
                    "Thường xuyên",
                    None,
                ),
            ],
        ),
    ]
    tasks = []
    for leader, items in blocks:
        for n, r, c, dl, due in items:
            tasks.append(task(str(len(tasks) + 1), n, leader, r, c, dl, due, due is None))
    report = (
        "Định kỳ trước ngày 23 hằng tháng, các phòng, đơn vị báo cáo kết quả thực hiện về UBND xã (qua Văn "
        "phòng HĐND và UBND xã); báo cáo năm trước ngày 28/11/2026"
    )
    to = "UBND xã (qua Văn phòng HĐND và UBND xã)"
    plan = {
        "locality": "xã Chiềng Lương Thượng",
        "locality_type": "xã",
        "parent": None,
        "province": "Sơn La",
        "period_start": 2026,
        "period_end": 2026,
        "title": "Kế hoạch thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2026",
        "issuer": "UBND xã Chiềng Lương Thượng",
        "doc_number": "11/KH-UBND",
        "signed_date": "2026-01-16",
        "signer": "Lò Văn Pấng",
        "reporting": [
            rep(report, "monthly", day=23, to=to),
            rep(report, "yearly", deadline="2026-11-28", to=to),
        ],
    }
    write_gold(stem, "docx", plan, inds, tasks)

    doc = docx_base()
    docx_head(
        doc,
        "XÃ CHIỀNG LƯƠNG THƯỢNG",
        "11/KH-UBND",
        "Chiềng Lương Thượng, ngày 16 tháng 01 năm 2026",
        "KẾ HOẠCH",
        "Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2026",
    )
    dpar(
        doc,
        "Căn cứ Nghị quyết số 12/NQ-HĐND ngày 25/12/2025 của HĐND xã Chiềng Lương Thượng về nhiệm vụ phát "
        "triển kinh tế - xã hội năm 2026, UBND xã xây dựng Kế hoạch thực hiện như sau:",
    )
    dpar(doc, "I. MỤC TIÊU TỔNG QUÁT", bold=True)
    dpar(
        doc,
        "Tiếp tục chuyển dịch cơ cấu cây trồng trên đất dốc, phát triển cây ăn quả và chăn nuôi đại gia súc; "
        "giảm nghèo bền vững vùng đồng bào dân tộc thiểu số; giữ vững an ninh chính trị, trật tự an toàn xã hội.",
    )
    dpar(doc, "II. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026", bold=True)
    for head, _g, items in fields:
        dpar(doc, head, italic=True)
        for _no, _n, _u, _t, sentence, par in items:
            dpar(doc, sentence, style="List Bullet" if par else "List Number")
    dpar(doc, "III. NHIỆM VỤ TRỌNG TÂM VÀ PHÂN CÔNG THỰC HIỆN", bold=True)
    header = [
        "TT",
        "Nhiệm vụ",
        "Lãnh đạo chỉ đạo",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Thời gian hoàn thành",
    ]
    t = doc.add_table(rows=1 + len(tasks), cols=len(header))
    t.style = "Table Grid"
    fill_row(t, 0, header, bold=True)
    r = 1
    for leader, items in blocks:
        first = r
        for n, resp, c, dl, _due in items:
            fill_row(t, r, [str(r), n, "", resp, c, dl])
            r += 1
        merged = t.cell(first, 2).merge(t.cell(r - 1, 2))
        merged.text = leader
    dpar(doc, "")
    dpar(doc, "IV. TỔ CHỨC THỰC HIỆN", bold=True)
    dpar(
        doc,
        "1. Các đồng chí lãnh đạo UBND xã theo lĩnh vực được phân công trực tiếp chỉ đạo, đôn đốc các phòng, "
        "đơn vị thực hiện nhiệm vụ; các phòng, đơn vị chủ trì chịu trách nhiệm về kết quả thực hiện.",
    )
    dpar(doc, "2. Chế độ báo cáo: " + report + ".")
    docx_sign(doc, "Sơn La", "Lò Văn Pấng")
    os.makedirs(DOCS, exist_ok=True)
    doc.save(os.path.join(DOCS, stem + ".docx"))


# ============================================================================================
# Locality D — xã Mỹ Hòa Đông (An Giang): Word document, task table grouped by bold field rows
# spanning all columns ('I. LĨNH VỰC KINH TẾ'), numbering restarting in each field, deadlines
# 'Tháng 4, 5/2026', 'Quý III-IV/2026', 'Đến 30/9/2026', 'Trong tháng 7/2026'.


def p06():
    stem = "p06_xa_my_hoa_dong_nhom"
    D_CT = "Đ/c Trần Văn Hiếu - Chủ tịch UBND xã"
    D_P1 = "Đ/c Lê Hoàng Phong - PCT UBND xã"
    D_P2 = "Đ/c Nguyễn Thị Kim Loan - PCT UBND xã"
    rows = [
        ("1", KT, "Tốc độ tăng trưởng kinh tế", "%", "8,2", KTP, None),
        ("2", KT, "Diện tích gieo trồng lúa cả năm", "ha", "14.600", KTP, None),
        ("-", KT, "Trong đó: lúa chất lượng cao", "ha", "12.900", KTP, 2),
        ("3", KT, "Sản lượng lúa", "tấn", "96.300", KTP, None),
        ("4", KT, "Sản lượng thủy sản nuôi trồng", "tấn", "4.850", KTP, None),
        ("5", KT, "Thu ngân sách nhà nước trên địa bàn", "triệu đồng", "27.400", KTP, None),
        ("6", KT, "Thu nhập bình quân đầu người", "triệu đồng/người/năm", "71,5", KTP, None),
        ("7", VH, "Tỷ lệ hộ nghèo", "%", "dưới 1,2", VHP, None),
        ("8", VH, "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "93,8", TYT, None),
        ("9", VH, "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ", "%", "31,5", VHP, None),
        ("10", VH, 'Số ấp đạt danh hiệu "Ấp văn hóa"', "ấp", "9/11", VHP, None),
        ("11", MT, "Tỷ lệ hộ dân sử dụng nước sạch", "%", "98,6", KTP, None),
        ("12", MT, "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý", "%", "87", KTP, None),
        ("13", QP, "Hoàn thành chỉ tiêu giao quân", "%", "100", QSX, None),
        ("14", QP, 'Tỷ lệ ấp đạt tiêu chuẩn "An toàn về an ninh, trật tự"', "%", "≥ 90", CAX, None),
    ]
    inds = [ind(no, g, n, u, t, resp=r, parent=par) for no, g, n, u, t, r, par in rows]
    groups = [
        (
            "I. LĨNH VỰC KINH TẾ",
            [
                (
                    "Xuống giống vụ Hè Thu năm 2026 đồng loạt, né rầy theo lịch thời vụ",
                    D_P1,
                    KTP,
                    "Hợp tác xã Mỹ Hòa; các ấp",
                    "Tháng 4, 5/2026",
                    "2026-05-31",
                ),
                (
                    "Nạo vét kênh Cả Sậy, kênh Ranh Hai phục vụ tưới tiêu",
                    D_P1,
                    KTP,
                    "Ban QLDA khu vực; các ấp",
                    "Đến 30/9/2026",
                    "2026-09-30",
                ),
                (
                    "Gia cố đê bao chống lũ ấp Mỹ Phú, ấp Hòa Thạnh",
                    D_P1,
                    KTP,
                    "Ban Chỉ huy phòng thủ dân sự xã",
                    "Trong tháng 7/2026",
                    "2026-07-31",
                ),
                (
                    "Đôn đốc thu ngân sách, chống thất thu thuế hộ kinh doanh",
                    D_CT,
                    KTP,
                    "Thuế cơ sở khu vực",
                    "Quý III-IV/2026",
                    "2026-12-31",
                ),
            ],
        ),
        (
            "II. LĨNH VỰC VĂN HÓA - XÃ HỘI",
            [
                (
                    "Tổ chức Lễ hội Nghinh Ông và Ngày hội văn hóa - thể thao xã Mỹ Hòa Đông",
                    D_P2,
                    VHP,
                    "Đoàn Thanh niên xã; các ấp",
                    "Quý II/2026",
                    "2026-06-30",
                ),
                (
                    "Vận động người dân tham gia bảo hiểm y tế hộ gia đình",
                    D_P2,
                    TYT,
                    "Bảo hiểm xã hội khu vực; các ấp",
                    "Tháng 9, 10/2026",
                    "2026-10-31",
                ),
                (
                    "Rà soát hộ nghèo, hộ cận nghèo năm 2026",
                    D_P2,
                    VHP,
                    "Ủy ban MTTQ Việt Nam xã",
                    "Tháng 10 - tháng 11/2026",
                    "2026-11-30",
                ),
            ],
        ),
        (
            "III. LĨNH VỰC QUỐC PHÒNG - AN NINH",
            [
                (
                    "Diễn tập chiến đấu phòng thủ xã năm 2026",
                    D_CT,
                    QSX,
                    "Công an xã; các ban, ngành, đoàn thể",
                    "Quý III/2026",
                    "2026-09-30",
                ),
                (
                    "Tuyển chọn, gọi công dân nhập ngũ năm 2027",
                    D_CT,
                    QSX,
                    "Công an xã; Trạm Y tế xã",
                    "Tháng 10/2026 - tháng 02/2027",
                    "2027-02-28",
                ),
            ],
        ),
        (
            "IV. XÂY DỰNG CHÍNH QUYỀN, CẢI CÁCH HÀNH CHÍNH",
            [
                (
                    "Rút ngắn thời gian giải quyết thủ tục hành chính, nâng tỷ lệ hồ sơ trực tuyến",
                    D_CT,
                    VPX,
                    "Bộ phận Một cửa",
                    "Thường xuyên",
                    None,
                ),
                (
                    "Tổ chức đối thoại giữa Chủ tịch UBND xã với nhân dân",
                    D_CT,
                    VPX,
                    "Ủy ban MTTQ Việt Nam xã",
                    "Trước 15/8/2026",
                    "2026-08-15",
                ),
            ],
        ),
    ]
    tasks = []
    for _g, items in groups:
        for k, (n, ld, r, c, dl, due) in enumerate(items, 1):
            tasks.append(task(str(k), n, ld, r, c, dl, due, due is None))
    report = (
        "Định kỳ trước ngày 24 hằng tháng, các phòng, đơn vị báo cáo kết quả thực hiện về UBND xã (qua Văn "
        "phòng HĐND và UBND xã); báo cáo 6 tháng trước ngày 18/6/2026, báo cáo năm trước ngày 27/11/2026"
    )
    to = "UBND xã (qua Văn phòng HĐND và UBND xã)"
    plan = {
        "locality": "xã Mỹ Hòa Đông",
        "locality_type": "xã",
        "parent": None,
        "province": "An Giang",
        "period_start": 2026,
        "period_end": 2026,
        "title": "Kế hoạch thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2026",
        "issuer": "UBND xã Mỹ Hòa Đông",
        "doc_number": "07/KH-UBND",
        "signed_date": "2026-01-09",
        "signer": "Trần Văn Hiếu",
        "reporting": [
            rep(report, "monthly", day=24, to=to),
            rep(report, None, deadline="2026-06-18", to=to),
            rep(report, "yearly", deadline="2026-11-27", to=to),
        ],
    }
    write_gold(stem, "docx", plan, inds, tasks)

    doc = docx_base()
    docx_head(
        doc,
        "XÃ MỸ HÒA ĐÔNG",
        "07/KH-UBND",
        "Mỹ Hòa Đông, ngày 09 tháng 01 năm 2026",
        "KẾ HOẠCH",
        "Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2026",
    )
    dpar(
        doc,
        "Căn cứ Nghị quyết số 10/NQ-HĐND ngày 24/12/2025 của HĐND xã Mỹ Hòa Đông về kế hoạch phát triển kinh "
        "tế - xã hội năm 2026, UBND xã ban hành Kế hoạch thực hiện như sau:",
    )
    dpar(doc, "I. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026", bold=True)
    header = ["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Đơn vị chủ trì"]
    body, bold_rows, seen = [], [], set()
    for no, g, n, u, t, r, _par in rows:
        if g not in seen:
            seen.add(g)
            bold_rows.append(len(body))
            body.append([ROMAN[g], g.upper(), "", "", ""])
        body.append([no, n, u, t, r])
    t = doc.add_table(rows=1 + len(body), cols=len(header))
    t.style = "Table Grid"
    fill_row(t, 0, header, bold=True)
    for k, row in enumerate(body, 1):
        fill_row(t, k, row, bold=(k - 1) in bold_rows)
    dpar(doc, "")
    dpar(doc, "II. NHIỆM VỤ TRỌNG TÂM THEO LĨNH VỰC", bold=True)
    header = [
        "TT",
        "Nhiệm vụ",
        "Lãnh đạo chỉ đạo",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Thời gian thực hiện",
    ]
    t = doc.add_table(rows=1 + len(tasks) + len(groups), cols=len(header))
    t.style = "Table Grid"
    fill_row(t, 0, header, bold=True)
    r = 1
    for g, items in groups:
        m = t.cell(r, 0).merge(t.cell(r, len(header) - 1))
        m.text = ""
        m.paragraphs[0].add_run(g).bold = True
        r += 1
        for k, (n, ld, resp, c, dl, _due) in enumerate(items, 1):
            fill_row(t, r, [str(k), n, ld, resp, c, dl])
            r += 1
    dpar(doc, "")
    dpar(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    dpar(
        doc,
        "1. Các phòng, đơn vị, Trưởng ấp căn cứ nhiệm vụ được giao xây dựng kế hoạch, tổ chức thực hiện; chủ "
        "động phối hợp, không đùn đẩy trách nhiệm.",
    )
    dpar(doc, "2. Chế độ báo cáo: " + report + ".")
    docx_sign(doc, "An Giang", "Trần Văn Hiếu", units="Các phòng, đơn vị, các ấp")
    doc.save(os.path.join(DOCS, stem + ".docx"))


# ============================================================================================
# Locality E — xã Cư Pơng Tây (Đắk Lắk): plan 2026 - 2030 whose indicators are written as
# 'Chỉ tiêu 1: … đạt …' headings with labelled sub-bullets (Đơn vị chủ trì, Lãnh đạo phụ trách,
# Lộ trình: năm 2026 đạt …), and tasks as labelled records 'Nhiệm vụ 1: …'.


def p07():
    stem = "p07_xa_cu_pong_tay_chi_tieu"
    E_CT = "Đ/c Y Thuận Niê - Chủ tịch UBND xã"
    E_P1 = "Đ/c Nguyễn Văn Hùng - PCT UBND xã"
    E_P2 = "Đ/c H'Lan Êban - PCT UBND xã"
    # group, name, unit, target_text, heading tail, responsible, coordinating, leader, roadmap [(year, text)]
    rows = [
        (
            KT,
            "Thu nhập bình quân đầu người",
            "triệu đồng/người/năm",
            "85",
            "đạt 85 triệu đồng/người/năm",
            KTP,
            None,
            E_P1,
            [("2026", "58"), ("2028", "70"), ("2030", "85")],
            "triệu đồng",
        ),
        (
            KT,
            "Diện tích cà phê tái canh (lũy kế giai đoạn)",
            "ha",
            "1.200",
            "đạt 1.200 ha",
            KTP,
            "Hội Nông dân xã; Hợp tác xã Cà phê Cư Pơng",
            E_P1,
            [("2026", "240"), ("2027", "480"), ("2030", "1.200")],
            "ha",
        ),
        (
            KT,
            "Sản lượng cà phê nhân",
            "tấn",
            "21.000",
            "đạt 21.000 tấn",
            KTP,
            None,
            E_P1,
            [("2026", "17.600"), ("2028", "19.200")],
            "tấn",
        ),
        (
            KT,
            "Diện tích sầu riêng cho thu hoạch",
            "ha",
            "950",
            "đạt 950 ha",
            KTP,
            None,
            E_P1,
            [("2026", "520"), ("2028", "730")],
            "ha",
        ),
        (
            KT,
            "Thu ngân sách nhà nước trên địa bàn",
            "triệu đồng",
            "32.000",
            "đạt 32.000 triệu đồng vào năm 2030",
            KTP,
            "Thuế cơ sở khu vực",
            E_CT,
            [("2026", "18.500"), ("2028", "24.000")],
            "triệu đồng",
        ),
        (
            KT,
            "Tỷ lệ đường giao thông nông thôn được cứng hóa",
            "%",
            "95",
            "đạt 95%",
            KTP,
            None,
            E_P1,
            [("2026", "78"), ("2028", "86")],
            "%",
        ),
        (
            VH,
            "Tỷ lệ hộ nghèo",
            "%",
            "dưới 2,5",
            "giảm còn dưới 2,5%",
            VHP,
            "Ủy ban MTTQ Việt Nam xã",
            E_P2,
            [("2026", "8,9"), ("2028", "5,7")],
            "%",
        ),
        (
            VH,
            "Tỷ lệ dân số tham gia bảo hiểm y tế",
            "%",
            "97",
            "đạt 97%",
            TYT,
            "Bảo hiểm xã hội khu vực",
            E_P2,
            [("2026", "93,6"), ("2028", "95,2")],
            "%",
        ),
        (
            VH,
            "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi",
            "%",
            "dưới 16",
            "giảm còn dưới 16%",
            TYT,
            None,
            E_P2,
            [("2026", "21,5"), ("2028", "18,7")],
            "%",
        ),
        (
            VH,
            'Số buôn đạt danh hiệu "Buôn văn hóa"',
            "buôn",
            "18/20",
            "đạt 18/20 buôn",
            VHP,
            None,
            E_P2,
            [("2026", "12/20"), ("2028", "15/20")],
            "buôn",
        ),
        (
            VH,
            "Tỷ lệ lao động qua đào tạo",
            "%",
            "65",
            "đạt 65%",
            VHP,
            None,
            E_P2,
            [("2026", "51"), ("2028", "58")],
            "%",
        ),
        (
            VH,
            "Tỷ lệ học sinh dân tộc thiểu số trong độ tuổi đến trường",
            "%",
            "99,2",
            "đạt 99,2%",
            VHP,
            "Các trường học",
            E_P2,
            [("2026", "97,8"), ("2028", "98,5")],
            "%",
        ),
        (
            MT,
            "Tỷ lệ che phủ rừng",
            "%",
            "31,5",
            "đạt 31,5%",
            KTP,
            "Hạt Kiểm lâm khu vực",
            E_P1,
            [("2026", "27,4"), ("2028", "29,3")],
            "%",
        ),
        (
            MT,
            "Tỷ lệ hộ dân sử dụng nước sinh hoạt hợp vệ sinh",
            "%",
            "99",
            "đạt 99%",
            KTP,
            None,
            E_P1,
            [("2026", "94,5"), ("2028", "97")],
            "%",
        ),
        (
            QP,
            "Hoàn thành chỉ tiêu giao quân",
            "%",
            "100",
            "hằng năm đạt 100%",
            QSX,
            CAX,
            E_CT,
            [("2026", "100")],
            "%",
        ),
        (
            QP,
            'Tỷ lệ buôn đạt tiêu chuẩn "An toàn về an ninh, trật tự"',
            "%",
            "95% trở lên",
            "đạt 95% trở lên",
            CAX,
            None,
            E_CT,
            [("2026", "85"), ("2028", "90")],
            "%",
        ),
    ]
    inds = []
    for k, (g, n, u, t, _tail, r, c, ld, road, _ru) in enumerate(rows, 1):
        other = [{"source": f"năm {y}", "text": v} for y, v in road]
        inds.append(ind(str(k), g, n, u, t, resp=r, coord=c, leader=ld, other=other))
    tasks = [
        task(
            "1",
            "Xây dựng vùng cà phê tái canh sản xuất theo tiêu chuẩn 4C tại buôn Ea Tul và buôn Cuôr Đăng",
            E_P1,
            KTP,
            "Hợp tác xã Cà phê Cư Pơng; Hội Nông dân xã",
            "2026 - 2028",
            "2028-12-31",
        ),
        task(
            "2",
            "Nhựa hóa tuyến đường liên buôn Ea Tul - Cuôr Đăng",
            E_P1,
            KTP,
            "Ban QLDA khu vực",
            "Quý IV/2027",
            "2027-12-31",
        ),
        task(
            "3",
            "Lập quy hoạch chung xã Cư Pơng Tây đến năm 2045",
            E_CT,
            KTP,
            "Các phòng, đơn vị",
            "Trước 30/9/2026",
            "2026-09-30",
        ),
        task(
            "4",
            "Xây dựng nhà văn hóa cộng đồng buôn Ea Tul",
            E_P2,
            VHP,
            "Ban QLDA khu vực; buôn Ea Tul",
            "Năm 2027",
            "2027-12-31",
        ),
        task(
            "5",
            "Hỗ trợ sinh kế, giảm nghèo bền vững cho hộ đồng bào dân tộc thiểu số",
            E_P2,
            VHP,
            "Hội Liên hiệp Phụ nữ xã; Hội Nông dân xã",
            "2026 - 2030",
            "2030-12-31",
        ),
        task(
            "6",
            "Đầu tư Trạm Y tế xã đạt Bộ tiêu chí quốc gia về y tế xã giai đoạn mới",
            E_P2,
            TYT,
            VHP,
            "Năm 2028",
            "2028-12-31",
        ),
        task(
            "7",
            'Xây dựng, nhân rộng mô hình "Buôn bình yên"',
            E_CT,
            CAX,
            "Ban Chỉ huy quân sự xã; già làng, người có uy tín các buôn",
            "Hằng năm",
            None,
            True,
        ),
    ]
    report = (
        "Định kỳ trước ngày 15/11 hằng năm, các phòng, đơn vị báo cáo kết quả thực hiện các chỉ tiêu được phân "
        "công về UBND xã (qua Văn phòng HĐND và UBND xã); báo cáo sơ kết giữa kỳ trước ngày 30/6/2028, báo cáo "
        "tổng kết trước ngày 30/9/2030"
    )
    to = "UBND xã (qua Văn phòng HĐND và UBND xã)"
    plan = {
        "locality": "xã Cư Pơng Tây",
        "locality_type": "xã",
        "parent": None,
        "province": "Đắk Lắk",
        "period_start": 2026,
        "period_end": 2030,
        "title": "Kế hoạch thực hiện các chỉ tiêu phát triển kinh tế - xã hội giai đoạn 2026 - 2030",
        "issuer": "UBND xã Cư Pơng Tây",
        "doc_number": "21/KH-UBND",
        "signed_date": "2026-01-20",
        "signer": "Y Thuận Niê",
        "reporting": [
            rep(report, "yearly", to=to),
            rep(report, None, deadline="2028-06-30", to=to),
            rep(report, None, deadline="2030-09-30", to=to),
        ],
    }
    write_gold(stem, "txt", plan, inds, tasks)

    heads = {
        KT: "1. Nhóm chỉ tiêu về kinh tế",
        VH: "2. Nhóm chỉ tiêu về văn hóa - xã hội",
        MT: "3. Nhóm chỉ tiêu về môi trường",
        QP: "4. Nhóm chỉ tiêu về quốc phòng - an ninh",
    }
    lines, seen = [], set()
    for k, (g, n, _u, _t, tail, r, c, ld, road, ru) in enumerate(rows, 1):
        if g not in seen:
            seen.add(g)
            lines += ["", heads[g], ""]
        lines.append(f"Chỉ tiêu {k}: {n} {tail}.")
        lines.append(f"  - Đơn vị chủ trì: {r}.")
        if c:
            lines.append(f"  - Đơn vị phối hợp: {c}.")
        lines.append(f"  - Lãnh đạo phụ trách: {ld}.")
        verb = "còn" if n == "Tỷ lệ hộ nghèo" or "suy dinh dưỡng" in n else "đạt"
        unit = ru if ru == "%" else " " + ru
        steps = "; ".join(f"năm {y} {verb} {v}{unit}" for y, v in road)
        lines.append(f"  - Lộ trình: {steps}.")
    ind_text = "\n".join(lines)
    tl = []
    for t in tasks:
        tl += [
            f"Nhiệm vụ {t['no']}: {t['name']}",
            f"  - Lãnh đạo phụ trách: {t['leader']}",
            f"  - Đơn vị chủ trì: {t['responsible']}",
            f"  - Đơn vị phối hợp: {t['coordinating']}",
            f"  - Thời gian thực hiện: {t['deadline_text']}",
            "",
        ]
    task_text = "\n".join(tl)
    text = f"""{txt_header("XÃ CƯ PƠNG TÂY", "21/KH-UBND", "Cư Pơng Tây, ngày 20 tháng 01 năm 2026")}

                                   KẾ HOẠCH
  Thực hiện các chỉ tiêu phát triển kinh tế - xã hội giai đoạn 2026 - 2030

Căn cứ Nghị quyết Đại hội đại biểu Đảng bộ xã Cư Pơng Tây lần thứ I, nhiệm kỳ 2025 - 2030; căn cứ Nghị
quyết số 16/NQ-HĐND ngày 30/12/2025 của HĐND xã về kế hoạch phát triển kinh tế - xã hội 5 năm 2026 -
2030, UBND xã Cư Pơng Tây ban hành Kế hoạch thực hiện các chỉ tiêu như sau:

I. MỤC TIÊU TỔNG QUÁT

Phát triển nông nghiệp cà phê, sầu riêng bền vững gắn với chế biến sâu; giảm nghèo nhanh và bền vững
trong đồng bào dân tộc thiểu số; giữ gìn bản sắc văn hóa các buôn; bảo đảm quốc phòng - an ninh.

II. CÁC CHỈ TIÊU CHỦ YẾU ĐẾN NĂM 2030, PHÂN CÔNG VÀ LỘ TRÌNH THỰC HIỆN
{ind_text}

III. NHIỆM VỤ, DỰ ÁN TRỌNG ĐIỂM

{task_text}
IV. TỔ CHỨC THỰC HIỆN

1. Lãnh đạo UBND xã được phân công phụ trách chỉ tiêu chịu trách nhiệm chỉ đạo, đôn đốc; đơn vị chủ trì
xây dựng kế hoạch hằng năm, bảo đảm đạt lộ trình đề ra.
2. Chế độ báo cáo: {report}.

Nơi nhận:                                           TM. ỦY BAN NHÂN DÂN
- UBND tỉnh Đắk Lắk (b/c);                          CHỦ TỊCH
- TT Đảng ủy, TT HĐND xã;
- Các phòng, đơn vị, các buôn;                       (Đã ký)
- Lưu: VT.
                                                    Y Thuận Niê
"""
    save(stem, "txt", text)


if __name__ == "__main__":
    for build in (p01, p02, p03, p04, p05, p06, p07):
        build()
    print("built", len(os.listdir(DOCS)), "documents")
