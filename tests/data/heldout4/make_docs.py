#!/usr/bin/env python3
"""Build the held-out set 4 documents (docs/) and their gold files (gold/).

    .venv/bin/python tests/data/heldout4/make_docs.py

Everything here is invented: six 2026 socio-economic plans of post-2025 communes/wards
(xã/phường directly under a province). Written blind, without reading the extractor.
Needs python-docx and fpdf2 (both in the project's .venv) and a DejaVu TTF font.
"""
from __future__ import annotations

import json
import os

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")
GOLD = os.path.join(HERE, "gold")

FONT_DIRS = ["/usr/share/fonts/truetype/dejavu",
             os.path.join(HERE, "..", "..", "..", ".venv", "lib", "python3.11", "site-packages",
                          "matplotlib", "mpl-data", "fonts", "ttf")]


def font_path(name: str) -> str:
    for d in FONT_DIRS:
        p = os.path.join(d, name)
        if os.path.exists(p):
            return p
    raise SystemExit(f"font {name} not found")


# --------------------------------------------------------------------------------------------
# gold helpers

def ind(no, group, name, unit, target_text, value, comp="=", tmax=None, resp=None, leader=None,
        parent=None, other=None, note=None, prev=None, coord=None):
    return {"no": no, "group": group, "name": name, "unit": unit, "target_text": target_text,
            "target_value": value, "comparator": comp, "target_max": tmax,
            "other_targets": other or [], "leader": leader, "responsible": resp,
            "coordinating": coord, "note": note, "parent": parent, "prev": prev}


def task(no, name, leader, resp, coord, deadline, due, recurring=False, group=None):
    return {"no": no, "name": name, "solution": None, "leader": leader, "responsible": resp,
            "coordinating": coord, "deadline_text": deadline, "due_date": due,
            "recurring": recurring, "group": group}


def write_gold(stem, ext, plan, indicators, tasks):
    prefix = stem[:3]
    out_ind = []
    ids = {}
    for k, i in enumerate(indicators, 1):
        iid = f"{prefix}-I{k:02d}"
        ids[k] = iid
        i["_id"] = iid
    for k, i in enumerate(indicators, 1):
        parent_id = None
        if i["parent"] is not None:
            parent_id = indicators[i["parent"] - 1]["_id"]
        out_ind.append({
            "id": i["_id"], "no": i["no"], "group": i["group"], "name": i["name"], "unit": i["unit"],
            "target_text": i["target_text"], "target_value": i["target_value"],
            "comparator": i["comparator"], "target_max": i["target_max"],
            "other_targets": i["other_targets"], "leader": i["leader"], "responsible": i["responsible"],
            "coordinating": i["coordinating"], "note": i["note"], "parent_id": parent_id})
    out_task = []
    for k, t in enumerate(tasks, 1):
        out_task.append({"id": f"{prefix}-T{k:02d}", "no": t["no"], "name": t["name"],
                         "solution": t["solution"], "leader": t["leader"], "responsible": t["responsible"],
                         "coordinating": t["coordinating"], "deadline_text": t["deadline_text"],
                         "due_date": t["due_date"], "recurring": t["recurring"]})
    gold = {"seed": f"{stem}.{ext}", "plan": plan, "indicators": out_ind, "tasks": out_task,
            "unit_duties": [], "progress": [], "conflicts": []}
    with open(os.path.join(GOLD, stem + ".json"), "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write("\n")


def rep(text, frequency, day=None, deadline=None, to=None):
    return {"text": text, "frequency": frequency, "day_of_month": day, "deadline_date": deadline,
            "report_to": to}


# --------------------------------------------------------------------------------------------
# docx helpers

def new_doc():
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Times New Roman"
    st.font.size = Pt(13)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin, sec.right_margin = Cm(3.0), Cm(2.0)
    sec.top_margin, sec.bottom_margin = Cm(2.0), Cm(2.0)
    return doc


def para(doc_or_cell, text="", bold=False, italic=False, align=None, size=None, indent=None):
    p = doc_or_cell.add_paragraph()
    if text:
        r = p.add_run(text)
        r.bold, r.italic = bold, italic
        if size:
            r.font.size = Pt(size)
    if align == "c":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "j":
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    elif align == "r":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if indent is not None:
        p.paragraph_format.first_line_indent = Cm(indent)
    p.paragraph_format.space_after = Pt(3)
    return p


def cell_text(cell, text, bold=False, italic=False, align=None, size=12):
    cell.text = ""
    lines = text.split("\n")
    p = cell.paragraphs[0]
    for k, line in enumerate(lines):
        if k:
            p = cell.add_paragraph()
        r = p.add_run(line)
        r.bold, r.italic = bold, italic
        r.font.size = Pt(size)
        if align == "c":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)


def repeat_header(row):
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trPr.append(el)


def header_block(doc, upper, unit, number, place_date):
    """The usual borderless two-column header of an administrative document."""
    t = doc.add_table(rows=1, cols=2)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = t.rows[0].cells
    cell_text(left, f"{upper}\n{unit}\n", bold=True, align="c", size=13)
    p = left.add_paragraph("Số: " + number)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cell_text(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n", bold=True, align="c", size=13)
    p = right.add_paragraph()
    r = p.add_run(place_date)
    r.italic = True
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def signer_block(doc, recipients, lines):
    t = doc.add_table(rows=1, cols=2)
    left, right = t.rows[0].cells
    cell_text(left, "Nơi nhận:", bold=True, italic=True, size=12)
    for r in recipients:
        p = left.add_paragraph()
        run = p.add_run(r)
        run.font.size = Pt(11)
        p.paragraph_format.space_after = Pt(0)
    cell_text(right, "\n".join(lines), bold=True, align="c", size=13)


def grid_table(doc, rows, cols, widths=None):
    t = doc.add_table(rows=rows, cols=cols)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    if widths:
        for row in t.rows:
            for c, w in zip(row.cells, widths):
                c.width = Cm(w)
    return t


# ============================================================================================
# n01 — xã Tam Giang (Bắc Ninh): Word indicator table with a two-row merged header
# (Năm 2025 › Kế hoạch / Ước thực hiện), group rows merged across, 'Trong đó' rows;
# Word task table Nhiệm vụ / Lãnh đạo chỉ đạo / Đơn vị chủ trì / Đơn vị phối hợp / Thời gian.

def n01():
    stem, ext = "n01_xa_tam_giang_docx", "docx"
    KT, VH, MT, QP = ("CHỈ TIÊU KINH TẾ", "CHỈ TIÊU VĂN HÓA - XÃ HỘI", "CHỈ TIÊU MÔI TRƯỜNG",
                      "CHỈ TIÊU QUỐC PHÒNG - AN NINH, TƯ PHÁP")
    P_KT, P_VH, TYT = "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Trạm Y tế xã"
    I = [
        ind("1", KT, "Tốc độ tăng giá trị sản xuất", "%", "8 - 8,5", 8, "range", 8.5, P_KT, prev=("8", "8,2")),
        ind("2", KT, "Tổng sản lượng lương thực có hạt", "tấn", "9.700", 9700, resp=P_KT, prev=("9.800", "9.850")),
        ind("-", KT, "Trong đó: Lúa", "tấn", "9.250", 9250, resp=P_KT, parent=2, prev=("9.300", "9.360")),
        ind("3", KT, "Sản lượng thủy sản nuôi trồng", "tấn", "1.250", 1250, resp=P_KT, prev=("1.200", "1.180")),
        ind("4", KT, "Thu ngân sách nhà nước trên địa bàn", "triệu đồng", "Tăng 12% so với năm 2025", 12,
            resp=P_KT, prev=("15.000", "16.400"),
            note="growth of 12% over the 2025 estimate (16.400 triệu đồng)"),
        ind("5", KT, "Thu nhập bình quân đầu người", "triệu đồng/người/năm", "86", 86, resp=P_KT, prev=("78", "80,5")),
        ind("6", KT, "Số doanh nghiệp thành lập mới", "doanh nghiệp", "25", 25, resp=P_KT, prev=("20", "24")),
        ind("7", VH, "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "95,3", 95.3, resp=TYT, prev=("94", "94,6")),
        ind("8", VH, "Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều)", "%", "dưới 1,2", 1.2, "<", resp=P_VH, prev=("1,5", "1,38")),
        ind("9", VH, "Tỷ suất sinh thô", "‰", "14,5", 14.5, resp=TYT, prev=("15", "14,8")),
        ind("10", VH, "Tỷ lệ lao động qua đào tạo", "%", "75", 75, resp=P_VH, prev=("72", "73")),
        ind("-", VH, "Trong đó: có bằng cấp, chứng chỉ", "%", "38", 38, resp=P_VH, parent=11, prev=("35", "36")),
        ind("11", VH, "Số thôn đạt danh hiệu \"Thôn văn hóa\"", "thôn", "13/15", 13, resp=P_VH, prev=("12/15", "12/15")),
        ind("12", VH, "Số trường học đạt chuẩn quốc gia", "trường", "6/6", 6, resp=P_VH, prev=("5/6", "5/6")),
        ind("13", MT, "Tỷ lệ hộ dân sử dụng nước sạch", "%", "≥ 98", 98, ">=", resp=P_KT, prev=("96", "96,5")),
        ind("14", MT, "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý", "%", "100", 100, resp=P_KT, prev=("95", "96")),
        ind("15", QP, "Hoàn thành chỉ tiêu giao quân", "%", "100", 100, resp="Ban Chỉ huy quân sự xã", prev=("100", "100")),
        ind("16", QP, "Tỷ lệ thôn đạt tiêu chuẩn \"An toàn về an ninh, trật tự\"", "%", "≥ 95", 95, ">=",
            resp="Công an xã", prev=("90", "93,3")),
        ind("17", QP, "Xã đạt chuẩn tiếp cận pháp luật", None, "Đạt chuẩn", None, "status",
            resp="Công chức Tư pháp - Hộ tịch", prev=("Đạt", "Đạt")),
    ]
    L_CT = "Đ/c Ngô Văn Khang - Chủ tịch UBND"
    L_KT = "Đ/c Trần Văn Bình - PCT UBND"
    L_VH = "Đ/c Nguyễn Thị Hoa - PCT UBND"
    T = [
        task("1", "Hoàn thành GPMB dự án nâng cấp đường ĐT.285B đoạn qua thôn Đông Du, thôn Phú Mỹ",
             L_CT, P_KT, "Ban QLDA khu vực; thôn Đông Du, thôn Phú Mỹ", "Quý II/2026", "2026-06-30"),
        task("2", "Tổ chức Hội nghị kết nối tiêu thụ sản phẩm OCOP bánh tẻ Tam Giang",
             L_KT, P_KT, "HTX Nông nghiệp Tam Giang", "Tháng 6/2026", "2026-06-30"),
        task("3", "Rà soát, điều chỉnh quy hoạch chung xã Tam Giang đến năm 2035",
             L_KT, P_KT, "Văn phòng HĐND và UBND xã", "Trước 15/10/2026", "2026-10-15"),
        task("4", "Kiểm tra ATTP tại bếp ăn tập thể, cơ sở sản xuất, kinh doanh thực phẩm",
             L_VH, TYT, "Công an xã; Phòng Văn hóa - Xã hội", "Quý II và Quý IV/2026", "2026-12-31"),
        task("5", "Vận động người dân tham gia BHYT hộ gia đình, BHXH tự nguyện",
             L_VH, P_VH, "Bảo hiểm xã hội cơ sở; các thôn", "Thường xuyên", None, True),
        task("6", "Tuyển chọn, gọi công dân nhập ngũ năm 2026",
             L_CT, "Ban Chỉ huy quân sự xã", "Công an xã; Trạm Y tế xã", "Quý I/2026", "2026-03-31"),
        task("7", "Triển khai Đề án 06; làm sạch dữ liệu dân cư, dữ liệu hộ tịch",
             L_CT, "Công an xã", "Công chức Tư pháp - Hộ tịch", "6 tháng đầu năm 2026", "2026-06-30"),
        task("8", "Số hóa sổ hộ tịch lưu trữ từ năm 1995 đến nay",
             L_CT, "Công chức Tư pháp - Hộ tịch", "Văn phòng HĐND và UBND xã", "Tháng 9/2026", "2026-09-30"),
        task("9", "Kiểm tra an toàn PCCC tại các xưởng sản xuất đồ gỗ trong cụm công nghiệp Tam Giang",
             L_CT, "Công an xã", "Phòng Kinh tế", "Hằng quý", None, True),
        task("10", "Xây dựng thôn Phú Mỹ đạt chuẩn NTM kiểu mẫu",
             L_KT, P_KT, "Ban phát triển thôn Phú Mỹ; Ủy ban MTTQ xã", "Năm 2026", "2026-12-31"),
        task("11", "Ra quân tổng VSMT, nạo vét kênh tiêu nội đồng",
             L_KT, P_KT, "Đoàn Thanh niên; các thôn", "Tháng 3 và tháng 8/2026", "2026-08-31"),
    ]
    report = ("Định kỳ trước ngày 15 hằng tháng, các bộ phận báo cáo kết quả về UBND xã qua Văn phòng "
              "HĐND-UBND xã; báo cáo 6 tháng trước ngày 10/6/2026, báo cáo năm trước ngày 25/11/2026.")
    plan = {"locality": "xã Tam Giang", "locality_type": "xã", "parent": None, "province": "Bắc Ninh",
            "period_start": 2026, "period_end": 2026,
            "title": "Kế hoạch phát triển kinh tế - xã hội năm 2026", "issuer": "UBND xã Tam Giang",
            "doc_number": "45/KH-UBND", "signed_date": "2026-01-09", "signer": "Ngô Văn Khang",
            "reporting": [
                rep(report.rstrip("."), "monthly", 15, None, "UBND xã qua Văn phòng HĐND-UBND xã"),
                rep(report.rstrip("."), None, None, "2026-06-10", "UBND xã qua Văn phòng HĐND-UBND xã"),
                rep(report.rstrip("."), "yearly", None, "2026-11-25", "UBND xã qua Văn phòng HĐND-UBND xã"),
            ]}

    doc = new_doc()
    header_block(doc, "ỦY BAN NHÂN DÂN", "XÃ TAM GIANG", "45/KH-UBND", "Tam Giang, ngày 09 tháng 01 năm 2026")
    para(doc)
    para(doc, "KẾ HOẠCH", bold=True, align="c", size=14)
    para(doc, "Phát triển kinh tế - xã hội năm 2026", bold=True, align="c", size=14)
    para(doc, "Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;", italic=True, indent=1)
    para(doc, "Căn cứ Nghị quyết số 18/NQ-HĐND ngày 26/12/2025 của HĐND xã Tam Giang về nhiệm vụ phát "
              "triển kinh tế - xã hội năm 2026; Quyết định số 3120/QĐ-UBND ngày 20/12/2025 của UBND tỉnh "
              "Bắc Ninh về giao dự toán ngân sách năm 2026;", italic=True, indent=1, align="j")
    para(doc, "Ủy ban nhân dân xã Tam Giang ban hành Kế hoạch phát triển kinh tế - xã hội năm 2026 như sau:", indent=1)
    para(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    para(doc, "1. Cụ thể hóa Nghị quyết của HĐND xã thành các chỉ tiêu, nhiệm vụ cụ thể; xác định rõ "
              "người chỉ đạo, đơn vị chủ trì, thời gian hoàn thành.", indent=1, align="j")
    para(doc, "2. Các bộ phận, đơn vị chủ động xây dựng kế hoạch chi tiết, tổ chức thực hiện đạt và vượt "
              "các chỉ tiêu năm 2026; năm 2025 tốc độ tăng giá trị sản xuất ước đạt 8,2%, thu nhập bình "
              "quân đầu người ước đạt 80,5 triệu đồng.", indent=1, align="j")
    para(doc, "II. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026", bold=True)
    para(doc, "(Chi tiết tại Biểu số 01 kèm theo)", italic=True, align="c")

    groups = [("I", KT), ("II", VH), ("III", MT), ("IV", QP)]
    nrows = 2 + len(groups) + len(I)
    t = grid_table(doc, nrows, 7, [1.0, 5.6, 1.8, 1.6, 1.6, 1.8, 2.6])
    h = t.rows
    cell_text(h[0].cells[0], "STT", bold=True, align="c")
    cell_text(h[0].cells[1], "Chỉ tiêu", bold=True, align="c")
    cell_text(h[0].cells[2], "Đơn vị tính", bold=True, align="c")
    top = t.cell(0, 3).merge(t.cell(0, 4))
    cell_text(top, "Năm 2025", bold=True, align="c")
    cell_text(h[1].cells[3], "Kế hoạch", bold=True, align="c")
    cell_text(h[1].cells[4], "Ước thực hiện", bold=True, align="c")
    cell_text(h[0].cells[5], "Kế hoạch năm 2026", bold=True, align="c")
    cell_text(h[0].cells[6], "Đơn vị chủ trì", bold=True, align="c")
    for c in (0, 1, 2, 5, 6):
        t.cell(0, c).merge(t.cell(1, c))
    repeat_header(h[0])
    repeat_header(h[1])
    r = 2
    gi = 0
    for i in I:
        if gi < len(groups) and i["group"] == groups[gi][1]:
            cell_text(t.cell(r, 0), groups[gi][0], bold=True, align="c")
            m = t.cell(r, 1).merge(t.cell(r, 6))
            cell_text(m, groups[gi][1], bold=True)
            r += 1
            gi += 1
        vals = [i["no"], i["name"], i["unit"] or "-", i["prev"][0], i["prev"][1], i["target_text"], i["responsible"]]
        for c, v in enumerate(vals):
            cell_text(t.cell(r, c), v, italic=(i["parent"] is not None and c == 1), align=None if c in (1, 6) else "c")
        r += 1

    para(doc)
    para(doc, "III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", bold=True)
    para(doc, "1. Tập trung phát triển nông nghiệp theo hướng hàng hóa, gắn với xây dựng nông thôn mới "
              "nâng cao; khuyến khích tích tụ ruộng đất, phát triển vùng sản xuất lúa chất lượng cao.", indent=1, align="j")
    para(doc, "2. Đẩy mạnh cải cách hành chính, chuyển đổi số; nâng cao chất lượng phục vụ người dân, "
              "doanh nghiệp tại Trung tâm Phục vụ hành chính công xã.", indent=1, align="j")
    para(doc, "3. Phân công thực hiện các nhiệm vụ trọng tâm:", indent=1)
    t2 = grid_table(doc, 1 + len(T), 6, [1.0, 5.8, 3.2, 2.6, 3.0, 2.4])
    for c, v in enumerate(["STT", "Nhiệm vụ", "Lãnh đạo chỉ đạo", "Đơn vị chủ trì", "Đơn vị phối hợp",
                           "Thời gian hoàn thành"]):
        cell_text(t2.cell(0, c), v, bold=True, align="c")
    repeat_header(t2.rows[0])
    for k, tk in enumerate(T, 1):
        for c, v in enumerate([tk["no"], tk["name"], tk["leader"], tk["responsible"], tk["coordinating"],
                               tk["deadline_text"]]):
            cell_text(t2.cell(k, c), v, align="c" if c in (0, 5) else None)
    para(doc)
    para(doc, "IV. TỔ CHỨC THỰC HIỆN", bold=True)
    para(doc, "1. Các bộ phận, đơn vị được giao chủ trì căn cứ chức năng, nhiệm vụ xây dựng kế hoạch cụ "
              "thể, tổ chức thực hiện hoàn thành các chỉ tiêu, nhiệm vụ được giao.", indent=1, align="j")
    para(doc, "2. " + report, indent=1, align="j")
    para(doc, "3. Văn phòng HĐND và UBND xã theo dõi, tổng hợp, tham mưu UBND xã báo cáo Thường trực "
              "Đảng ủy, Thường trực HĐND xã theo quy định.", indent=1, align="j")
    para(doc, "Trên đây là Kế hoạch phát triển kinh tế - xã hội năm 2026 của UBND xã Tam Giang./.", indent=1)
    signer_block(doc, ["- Văn phòng UBND tỉnh Bắc Ninh;", "- Thường trực Đảng ủy xã;", "- Thường trực HĐND xã;",
                       "- Chủ tịch, các PCT UBND xã;", "- Các bộ phận, đơn vị;", "- Lưu: VT."],
                 ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "", "Ngô Văn Khang"])
    doc.save(os.path.join(DOCS, f"{stem}.{ext}"))
    write_gold(stem, ext, plan, I, T)


# ============================================================================================
# n02 — phường Cửa Lục (Quảng Ninh): indicators as paragraphs with numbering typed as text
# ('a) Về kinh tế', '1. …'), a child inside a sentence; task table whose group rows sit in the
# first column, merged across the whole row ('I. LĨNH VỰC KINH TẾ - ĐÔ THỊ').

def n02():
    stem, ext = "n02_phuong_cua_luc_docx", "docx"
    KT, VH, MT, QP = "Về kinh tế", "Về văn hóa - xã hội", "Về tài nguyên, môi trường", "Về quốc phòng - an ninh, cải cách hành chính"
    I = [
        ind("1", KT, "Tổng giá trị sản xuất các ngành trên địa bàn", "%", "9 - 9,5%", 9, "range", 9.5,
            note="growth rate (tăng 9 - 9,5%)"),
        ind("2", KT, "Thu ngân sách nhà nước trên địa bàn", "triệu đồng", "185.000", 185000,
            other=[{"source": "same line", "text": "tăng 12% so với năm 2025"}]),
        ind("3", KT, "Tổng lượt khách du lịch", "lượt", "420.000", 420000),
        ind("", KT, "khách quốc tế", "lượt", "65.000", 65000, parent=3),
        ind("4", KT, "Số doanh nghiệp thành lập mới", "doanh nghiệp", "45", 45),
        ind("5", KT, "Thu nhập bình quân đầu người", "triệu đồng/người/năm", "112", 112),
        ind("6", VH, "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "97,2%", 97.2),
        ind("7", VH, "Tỷ lệ lực lượng lao động trong độ tuổi tham gia BHXH", "%", "48,5%", 48.5),
        ind("8", VH, "Tỷ lệ hộ nghèo", "%", "dưới 0,3%", 0.3, "<"),
        ind("9", VH, "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "%", "dưới 6%", 6, "<"),
        ind("10", VH, "Số khu phố đạt danh hiệu \"Khu phố văn hóa\"", "khu phố", "11/13", 11),
        ind("11", VH, "Số trường học đạt chuẩn quốc gia", "trường", "Duy trì 7/7", 7),
        ind("12", MT, "Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý", "%", "≥ 98%", 98, ">="),
        ind("13", MT, "Diện tích cây xanh công cộng bình quân", "m²/người", "5,2", 5.2),
        ind("14", QP, "Hoàn thành chỉ tiêu tuyển quân", "%", "100%", 100),
        ind("15", QP, "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn, trước hạn", "%", "trên 99%", 99, ">"),
        ind("16", QP, "Giữ vững phường đạt chuẩn tiếp cận pháp luật", None, "Giữ vững", None, "status"),
    ]
    sentences = {
        "1": "Tổng giá trị sản xuất các ngành trên địa bàn tăng 9 - 9,5% so với năm 2025.",
        "2": "Thu ngân sách nhà nước trên địa bàn đạt 185.000 triệu đồng, tăng 12% so với năm 2025.",
        "3": "Tổng lượt khách du lịch đạt 420.000 lượt, trong đó khách quốc tế 65.000 lượt.",
        "4": "Số doanh nghiệp thành lập mới: 45 doanh nghiệp.",
        "5": "Thu nhập bình quân đầu người đạt 112 triệu đồng/người/năm.",
        "6": "Tỷ lệ dân số tham gia bảo hiểm y tế đạt 97,2%.",
        "7": "Tỷ lệ lực lượng lao động trong độ tuổi tham gia BHXH đạt 48,5%.",
        "8": "Tỷ lệ hộ nghèo giảm còn dưới 0,3%; không phát sinh hộ nghèo mới.",
        "9": "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi dưới 6%.",
        "10": "Số khu phố đạt danh hiệu \"Khu phố văn hóa\": 11/13 khu phố.",
        "11": "Duy trì 7/7 trường học đạt chuẩn quốc gia.",
        "12": "Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý ≥ 98%.",
        "13": "Diện tích cây xanh công cộng bình quân đạt 5,2 m²/người.",
        "14": "Hoàn thành 100% chỉ tiêu tuyển quân.",
        "15": "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn, trước hạn đạt trên 99%.",
        "16": "Giữ vững phường đạt chuẩn tiếp cận pháp luật.",
    }
    L_CT = "Đ/c Phạm Văn Long - Chủ tịch UBND phường"
    L_KT = "Đ/c Đỗ Minh Tuấn - PCT UBND phường"
    L_VH = "Đ/c Vũ Thị Thanh Hương - PCT UBND phường"
    P_KT = "Phòng Kinh tế, Hạ tầng và Đô thị"
    P_VH = "Phòng Văn hóa - Xã hội"
    G1, G2, G3 = ("I. LĨNH VỰC KINH TẾ - ĐÔ THỊ", "II. LĨNH VỰC VĂN HÓA - XÃ HỘI",
                  "III. LĨNH VỰC QUỐC PHÒNG - AN NINH, CẢI CÁCH HÀNH CHÍNH")
    T = [
        task("1", "Hoàn thành bồi thường, GPMB dự án kè chống sạt lở và đường ven vịnh khu 5",
             L_CT, P_KT, "Trung tâm Phát triển quỹ đất; khu phố 5", "Quý III/2026", "2026-09-30", group=G1),
        task("2", "Chỉnh trang vỉa hè, hệ thống chiếu sáng tuyến phố Cửa Lục",
             L_KT, P_KT, "Ban Quản lý dự án khu vực", "Trước 30/4/2026", "2026-04-30", group=G1),
        task("3", "Kiểm tra, xử lý vi phạm trật tự xây dựng, lấn chiếm đất công",
             L_KT, P_KT, "Công an phường; các khu phố", "Thường xuyên", None, True, group=G1),
        task("4", "Hướng dẫn hộ kinh doanh chuyển đổi sang kê khai thuế, sử dụng hóa đơn điện tử",
             L_KT, P_KT, "Thuế cơ sở", "6 tháng đầu năm 2026", "2026-06-30", group=G1),
        task("5", "Tổ chức Tuần Văn hóa - Du lịch phường Cửa Lục năm 2026",
             L_VH, P_VH, "Đoàn Thanh niên; các khu phố", "Tháng 5/2026", "2026-05-31", group=G2),
        task("6", "Rà soát, cấp thẻ BHYT cho người cao tuổi, người thuộc hộ cận nghèo, trẻ em dưới 6 tuổi",
             L_VH, P_VH, "Bảo hiểm xã hội cơ sở; Trạm Y tế phường", "Quý I/2026", "2026-03-31", group=G2),
        task("7", "Phòng, chống dịch sốt xuất huyết, tay chân miệng",
             L_VH, "Trạm Y tế phường", "Các khu phố", "Tháng 4 - tháng 10/2026", "2026-10-31", group=G2),
        task("8", "Rà soát hộ nghèo, hộ cận nghèo năm 2026",
             L_VH, P_VH, "Ủy ban MTTQ phường; các khu phố", "Trước 15/11/2026", "2026-11-15", group=G2),
        task("9", "Tổ chức diễn tập khu vực phòng thủ phường năm 2026",
             L_CT, "Ban Chỉ huy quân sự phường", "Công an phường; các phòng chuyên môn", "Quý III/2026",
             "2026-09-30", group=G3),
        task("10", "Tuyên truyền, kiểm tra PCCC tại nhà hàng, khách sạn, cơ sở lưu trú",
             L_CT, "Công an phường", P_KT, "Quý II và Quý IV/2026", "2026-12-31", group=G3),
        task("11", "Số hóa kết quả giải quyết TTHC; nâng tỷ lệ hồ sơ nộp trực tuyến toàn trình",
             L_CT, "Trung tâm Phục vụ hành chính công phường", "Văn phòng HĐND và UBND phường", "Tháng 6/2026",
             "2026-06-30", group=G3),
        task("12", "Tổ chức đối thoại giữa Chủ tịch UBND phường với Nhân dân về CCHC",
             L_CT, "Văn phòng HĐND và UBND phường", "Ủy ban MTTQ phường", "Quý IV/2026", "2026-12-31", group=G3),
    ]
    report = ("Định kỳ trước ngày 20 hằng tháng, các phòng, đơn vị báo cáo kết quả thực hiện về UBND phường "
              "qua Văn phòng HĐND và UBND phường; báo cáo năm gửi trước ngày 05/12/2026.")
    to = "UBND phường qua Văn phòng HĐND và UBND phường"
    plan = {"locality": "phường Cửa Lục", "locality_type": "phường", "parent": None, "province": "Quảng Ninh",
            "period_start": 2026, "period_end": 2026,
            "title": "Kế hoạch thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2026",
            "issuer": "UBND phường Cửa Lục", "doc_number": "12/KH-UBND", "signed_date": "2026-01-14",
            "signer": "Phạm Văn Long",
            "reporting": [rep(report.rstrip("."), "monthly", 20, None, to),
                          rep(report.rstrip("."), "yearly", None, "2026-12-05", to)]}

    doc = new_doc()
    header_block(doc, "ỦY BAN NHÂN DÂN", "PHƯỜNG CỬA LỤC", "12/KH-UBND", "Cửa Lục, ngày 14 tháng 01 năm 2026")
    para(doc)
    para(doc, "KẾ HOẠCH", bold=True, align="c", size=14)
    para(doc, "Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2026", bold=True, align="c", size=14)
    para(doc, "Căn cứ Nghị quyết số 25/NQ-HĐND ngày 24/12/2025 của HĐND phường Cửa Lục về kế hoạch phát "
              "triển kinh tế - xã hội năm 2026; UBND phường Cửa Lục, tỉnh Quảng Ninh xây dựng Kế hoạch "
              "thực hiện như sau:", indent=1, align="j")
    para(doc, "I. MỤC TIÊU TỔNG QUÁT", bold=True)
    para(doc, "Phát triển phường Cửa Lục theo hướng đô thị du lịch - dịch vụ xanh; giữ vững quốc phòng - an "
              "ninh; nâng cao đời sống vật chất, tinh thần của Nhân dân.", indent=1, align="j")
    para(doc, "II. CÁC CHỈ TIÊU CHỦ YẾU", bold=True)
    groups_seen = []
    letters = "abcd"
    for i in I:
        if i["group"] not in groups_seen:
            groups_seen.append(i["group"])
            para(doc, f"{letters[len(groups_seen) - 1]}) {i['group']}", bold=True, italic=True, indent=1)
        if i["no"]:
            para(doc, f"{i['no']}. {sentences[i['no']]}", indent=1, align="j")
    para(doc, "III. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN", bold=True)
    para(doc, "Các nhiệm vụ trọng tâm được phân công theo bảng sau:", indent=1)
    groups = [G1, G2, G3]
    t = grid_table(doc, 1 + len(groups) + len(T), 6, [1.0, 5.8, 3.2, 2.8, 2.8, 2.4])
    for c, v in enumerate(["TT", "Nội dung công việc", "Lãnh đạo phụ trách", "Cơ quan chủ trì",
                           "Cơ quan phối hợp", "Thời gian thực hiện"]):
        cell_text(t.cell(0, c), v, bold=True, align="c")
    repeat_header(t.rows[0])
    r, g = 1, None
    for tk in T:
        if tk["group"] != g:
            g = tk["group"]
            m = t.cell(r, 0).merge(t.cell(r, 5))
            cell_text(m, g, bold=True)
            r += 1
        for c, v in enumerate([tk["no"], tk["name"], tk["leader"], tk["responsible"], tk["coordinating"],
                               tk["deadline_text"]]):
            cell_text(t.cell(r, c), v, align="c" if c in (0, 5) else None)
        r += 1
    para(doc)
    para(doc, "IV. TỔ CHỨC THỰC HIỆN", bold=True)
    para(doc, "1. Thủ trưởng các phòng, đơn vị căn cứ nhiệm vụ được giao chủ động triển khai; kịp thời báo "
              "cáo khó khăn, vướng mắc về UBND phường.", indent=1, align="j")
    para(doc, "2. " + report, indent=1, align="j")
    para(doc, "3. Văn phòng HĐND và UBND phường tổng hợp, tham mưu UBND phường báo cáo Đảng ủy, HĐND phường.",
         indent=1, align="j")
    signer_block(doc, ["- UBND tỉnh Quảng Ninh (b/c);", "- Đảng ủy, HĐND phường;", "- Ủy ban MTTQ phường;",
                       "- Các phòng, đơn vị;", "- Các khu phố;", "- Lưu: VT."],
                 ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "(Đã ký)", "", "Phạm Văn Long"])
    doc.save(os.path.join(DOCS, f"{stem}.{ext}"))
    write_gold(stem, ext, plan, I, T)


# ============================================================================================
# n03 — xã Tân Thượng (Lào Cai): indicator table whose group rows are text in the first (TT)
# column only, with a 'Lãnh đạo phụ trách' column per indicator; task table with a vertically
# merged first column 'Lĩnh vực' and a vertically merged 'Lãnh đạo phụ trách' column.

def n03():
    stem, ext = "n03_xa_tan_thuong_docx", "docx"
    KT, VH, MT, QP = ("I. Chỉ tiêu về kinh tế", "II. Chỉ tiêu về văn hóa - xã hội", "III. Chỉ tiêu về môi trường",
                      "IV. Chỉ tiêu về quốc phòng - an ninh")
    L_CT = "Đ/c Giàng A Dình - Chủ tịch UBND xã"
    L_KT = "Đ/c Lý Seo Chứ - PCT UBND xã"
    L_VH = "Đ/c Hoàng Thị Mai - PCT UBND xã"
    P_KT, P_VH, TYT = "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Trạm Y tế xã"
    I = [
        ind("1", KT, "Tổng sản lượng lương thực có hạt", "tấn", "4.350", 4350, resp=P_KT, leader=L_KT),
        ind("2", KT, "Diện tích trồng rừng mới", "ha", "150", 150, resp=P_KT, leader=L_KT),
        ind("3", KT, "Tỷ lệ che phủ rừng", "%", "62,5", 62.5, resp=P_KT, leader=L_KT),
        ind("4", KT, "Diện tích trồng mới cây quế", "ha", "80", 80, resp=P_KT, leader=L_KT),
        ind("5", KT, "Thu ngân sách nhà nước trên địa bàn", "triệu đồng", "3.200", 3200, resp=P_KT, leader=L_CT),
        ind("6", KT, "Thu nhập bình quân đầu người", "triệu đồng/người/năm", "42 - 45", 42, "range", 45,
            resp=P_KT, leader=L_CT),
        ind("7", KT, "Tổng đàn gia súc", "con", "8.600", 8600, resp=P_KT, leader=L_KT),
        ind("", KT, "Trong đó: đàn trâu", "con", "3.100", 3100, resp=P_KT, leader=L_KT, parent=7),
        ind("8", VH, "Mức giảm tỷ lệ hộ nghèo", "%", "4 - 5", 4, "range", 5, resp=P_VH, leader=L_VH,
            note="reduction of 4 to 5 percentage points"),
        ind("9", VH, "Tỷ lệ dân số tham gia BHYT", "%", "≥ 98", 98, ">=", resp=TYT, leader=L_VH),
        ind("10", VH, "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", "%", "95,3", 95.3, resp=TYT, leader=L_VH),
        ind("11", VH, "Số thôn đạt chuẩn nông thôn mới", "thôn", "12/15", 12, resp=P_KT, leader=L_KT),
        ind("12", VH, "Tỷ lệ huy động trẻ 3 - 5 tuổi đến trường", "%", "99,2", 99.2, resp=P_VH, leader=L_VH),
        ind("13", VH, "Tỷ lệ hộ gia đình đạt danh hiệu \"Gia đình văn hóa\"", "%", "88", 88, resp=P_VH, leader=L_VH),
        ind("14", MT, "Tỷ lệ hộ dân sử dụng nước sinh hoạt hợp vệ sinh", "%", "99", 99, resp=P_KT, leader=L_KT),
        ind("15", MT, "Tỷ lệ hộ có nhà tiêu hợp vệ sinh", "%", "82", 82, resp=TYT, leader=L_VH),
        ind("16", QP, "Hoàn thành chỉ tiêu giao quân", "%", "100", 100, resp="Ban Chỉ huy quân sự xã", leader=L_CT),
        ind("17", QP, "Xã đạt tiêu chuẩn \"An toàn về an ninh, trật tự\"", None, "Đạt", None, "status",
            resp="Công an xã", leader=L_CT),
    ]
    F1, F2, F3 = "Kinh tế", "Văn hóa - xã hội", "Quốc phòng - an ninh"
    T = [
        task("1", "Trồng mới 150 ha rừng sản xuất, 80 ha quế tại các thôn Nậm Tôn, Khuổi Phầy",
             L_KT, P_KT, "Các thôn; Hạt Kiểm lâm", "Tháng 4 - tháng 9/2026", "2026-09-30", group=F1),
        task("2", "Tiêm phòng vắc xin lở mồm long móng, tụ huyết trùng trâu bò đợt 1",
             L_KT, P_KT, "Các thôn", "Quý II/2026", "2026-06-30", group=F1),
        task("3", "Hoàn thành xây dựng cầu treo thôn Nậm Tôn",
             L_KT, P_KT, "Ban QLDA khu vực", "Trước 15/10/2026", "2026-10-15", group=F1),
        task("4", "Cấp giấy chứng nhận quyền sử dụng đất lâm nghiệp cho hộ gia đình",
             L_KT, P_KT, "Chi nhánh Văn phòng đăng ký đất đai", "Quý IV/2026", "2026-12-31", group=F1),
        task("5", "Xóa nhà tạm, nhà dột nát cho 32 hộ nghèo, hộ cận nghèo",
             L_VH, P_VH, "Ủy ban MTTQ xã; các thôn", "6 tháng đầu năm 2026", "2026-06-30", group=F2),
        task("6", "Tổ chức Lễ hội Gầu Tào xã Tân Thượng năm 2026",
             L_VH, P_VH, "Đoàn Thanh niên; Hội Phụ nữ xã", "Tháng 2/2026", "2026-02-28", group=F2),
        task("7", "Khám sàng lọc, quản lý bệnh không lây nhiễm cho người cao tuổi",
             L_VH, TYT, "Hội Người cao tuổi xã", "Quý II và Quý III/2026", "2026-09-30", group=F2),
        task("8", "Vận động học sinh ra lớp, chống bỏ học giữa chừng",
             L_VH, P_VH, "Các trường học; các thôn", "Thường xuyên", None, True, group=F2),
        task("9", "Tuyển chọn, gọi công dân nhập ngũ năm 2026",
             L_CT, "Ban Chỉ huy quân sự xã", "Công an xã", "Quý I/2026", "2026-03-31", group=F3),
        task("10", "Đấu tranh phòng, chống tội phạm mua bán người, ma túy khu vực biên giới",
             L_CT, "Công an xã", "Đồn Biên phòng; các thôn", "Thường xuyên", None, True, group=F3),
        task("11", "Thu nhận hồ sơ cấp căn cước cho công dân từ 14 tuổi trở lên",
             L_CT, "Công an xã", "Công chức Tư pháp - Hộ tịch", "Tháng 6/2026", "2026-06-30", group=F3),
    ]
    report = ("Định kỳ trước ngày 25 hằng tháng, các bộ phận báo cáo kết quả về UBND xã qua Văn phòng HĐND "
              "và UBND xã (đồng chí Sùng Thị Lan, công chức Văn phòng - Thống kê) để tổng hợp.")
    to = "UBND xã qua Văn phòng HĐND và UBND xã (đồng chí Sùng Thị Lan, công chức Văn phòng - Thống kê)"
    plan = {"locality": "xã Tân Thượng", "locality_type": "xã", "parent": None, "province": "Lào Cai",
            "period_start": 2026, "period_end": 2026,
            "title": "Kế hoạch phát triển kinh tế - xã hội, bảo đảm quốc phòng - an ninh năm 2026",
            "issuer": "UBND xã Tân Thượng", "doc_number": "08/KH-UBND", "signed_date": "2026-01-06",
            "signer": "Giàng A Dình",
            "reporting": [rep(report.rstrip("."), "monthly", 25, None, to)]}

    doc = new_doc()
    header_block(doc, "ỦY BAN NHÂN DÂN", "XÃ TÂN THƯỢNG", "08/KH-UBND", "Tân Thượng, ngày 06 tháng 01 năm 2026")
    para(doc)
    para(doc, "KẾ HOẠCH", bold=True, align="c", size=14)
    para(doc, "Phát triển kinh tế - xã hội, bảo đảm quốc phòng - an ninh năm 2026", bold=True, align="c", size=14)
    para(doc, "Thực hiện Nghị quyết số 09/NQ-HĐND ngày 22/12/2025 của HĐND xã Tân Thượng, tỉnh Lào Cai; "
              "UBND xã ban hành Kế hoạch phát triển kinh tế - xã hội, bảo đảm quốc phòng - an ninh năm "
              "2026 như sau:", indent=1, align="j")
    para(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    para(doc, "a)\tPhân công cụ thể lãnh đạo phụ trách, cơ quan chủ trì tham mưu từng chỉ tiêu, nhiệm vụ.", indent=1)
    para(doc, "b)\tGắn trách nhiệm người đứng đầu với kết quả thực hiện; năm 2025 toàn xã giảm 5,2% hộ nghèo.", indent=1)
    para(doc, "II. CHỈ TIÊU CHỦ YẾU VÀ PHÂN CÔNG THEO DÕI", bold=True)
    groups = [KT, VH, MT, QP]
    t = grid_table(doc, 1 + len(groups) + len(I), 6, [1.3, 5.6, 1.8, 1.8, 3.6, 2.6])
    for c, v in enumerate(["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Lãnh đạo phụ trách",
                           "Cơ quan chủ trì tham mưu"]):
        cell_text(t.cell(0, c), v, bold=True, align="c")
    repeat_header(t.rows[0])
    r, g = 1, None
    for i in I:
        if i["group"] != g:
            g = i["group"]
            cell_text(t.cell(r, 0), g, bold=True)   # group text in the narrow first column only
            r += 1
        for c, v in enumerate([i["no"], i["name"], i["unit"] or "", i["target_text"], i["leader"], i["responsible"]]):
            cell_text(t.cell(r, c), v, align="c" if c in (0, 2, 3) else None)
        r += 1
    para(doc)
    para(doc, "III. NHIỆM VỤ TRỌNG TÂM", bold=True)
    para(doc, "1.\tTiếp tục thực hiện Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào "
              "dân tộc thiểu số và miền núi; ưu tiên hỗ trợ sinh kế cho hộ nghèo.", indent=1, align="j")
    para(doc, "2.\tPhân công nhiệm vụ cụ thể:", indent=1)
    t2 = grid_table(doc, 1 + len(T), 7, [2.0, 0.9, 5.0, 2.8, 2.4, 2.6, 2.2])
    for c, v in enumerate(["Lĩnh vực", "TT", "Nhiệm vụ trọng tâm", "Lãnh đạo phụ trách", "Bộ phận chủ trì",
                           "Bộ phận phối hợp", "Thời hạn"]):
        cell_text(t2.cell(0, c), v, bold=True, align="c")
    repeat_header(t2.rows[0])
    for k, tk in enumerate(T, 1):
        for c, v in enumerate([tk["no"], tk["name"], None, tk["responsible"], tk["coordinating"], tk["deadline_text"]], 1):
            if v is not None:
                cell_text(t2.cell(k, c), v, align="c" if c in (1, 6) else None)
    # vertical merges: 'Lĩnh vực' (col 0) and 'Lãnh đạo phụ trách' (col 3) per group
    start = 1
    for k in range(1, len(T) + 1):
        last = k == len(T) or T[k]["group"] != T[k - 1]["group"]
        if last:
            m = t2.cell(start, 0).merge(t2.cell(k, 0))
            cell_text(m, T[k - 1]["group"], bold=True, align="c")
            m = t2.cell(start, 3).merge(t2.cell(k, 3))
            cell_text(m, T[k - 1]["leader"], align="c")
            start = k + 1
    para(doc)
    para(doc, "IV. TỔ CHỨC THỰC HIỆN", bold=True)
    para(doc, "1.\tCác bộ phận chủ trì tham mưu xây dựng kế hoạch chi tiết, tổ chức thực hiện bảo đảm tiến độ.",
         indent=1, align="j")
    para(doc, "2.\t" + report, indent=1, align="j")
    para(doc, "3.\tTrong quá trình thực hiện, nếu có khó khăn, vướng mắc, các bộ phận kịp thời báo cáo Chủ "
              "tịch UBND xã xem xét, giải quyết./.", indent=1, align="j")
    signer_block(doc, ["- UBND tỉnh Lào Cai (b/c);", "- TT Đảng ủy, HĐND xã;", "- CT, các PCT UBND xã;",
                       "- Các bộ phận, thôn;", "- Lưu: VT, VP."],
                 ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "", "Giàng A Dình"])
    doc.save(os.path.join(DOCS, f"{stem}.{ext}"))
    write_gold(stem, ext, plan, I, T)


# ============================================================================================
# PDF helpers (fpdf2)

def new_pdf():
    from fpdf import FPDF
    pdf = FPDF(format="A4")
    pdf.set_margins(20, 15, 15)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_font("Serif", "", font_path("DejaVuSerif.ttf"))
    pdf.add_font("Serif", "B", font_path("DejaVuSerif-Bold.ttf"))
    pdf.add_font("Serif", "I", font_path("DejaVuSerif-Italic.ttf"))
    pdf.add_font("Serif", "BI", font_path("DejaVuSerif-BoldItalic.ttf"))
    return pdf


def pdf_header(pdf, unit, number, place_date):
    pdf.set_font("Serif", "B", 10.5)
    y = pdf.get_y()
    pdf.set_xy(20, y)
    pdf.multi_cell(70, 5.5, f"ỦY BAN NHÂN DÂN\n{unit}\n———", align="C")
    pdf.set_font("Serif", "", 10.5)
    pdf.set_x(20)
    pdf.multi_cell(70, 5.5, f"Số: {number}", align="C")
    y2 = pdf.get_y()
    pdf.set_xy(90, y)
    pdf.set_font("Serif", "B", 10.5)
    pdf.multi_cell(105, 5.5, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n——————", align="C")
    pdf.set_font("Serif", "I", 10.5)
    pdf.set_x(90)
    pdf.multi_cell(105, 5.5, place_date, align="C")
    pdf.set_y(max(y2, pdf.get_y()) + 4)


def ptext(pdf, text, style="", size=11.5, align="J", indent=True, h=6):
    pdf.set_font("Serif", style, size)
    pdf.set_x(20)
    pdf.multi_cell(0, h, ("      " if indent else "") + text, align=align)


def pdf_footer_pages(pdf):
    pdf.alias_nb_pages()


# ============================================================================================
# n04 — phường Cam Phúc (Khánh Hòa): real PDF; numbered indicator lines on page 1, then a ruled
# task table (wrapping cells) that runs over two pages with the header row repeated.

def n04():
    stem, ext = "n04_phuong_cam_phuc_pdf", "pdf"
    I = [
        ind("1", "Chỉ tiêu kinh tế", "Tổng lượt khách lưu trú", "lượt", "350.000", 350000,
            other=[{"source": "same line", "text": "tăng 12% so với năm 2025"}]),
        ind("2", "Chỉ tiêu kinh tế", "Thu ngân sách nhà nước trên địa bàn", "triệu đồng", "96.500", 96500),
        ind("", "Chỉ tiêu kinh tế", "thu tiền sử dụng đất", "triệu đồng", "40.000", 40000, parent=2),
        ind("3", "Chỉ tiêu kinh tế", "Sản lượng khai thác thủy sản", "tấn", "12.500", 12500),
        ind("4", "Chỉ tiêu kinh tế", "Thu nhập bình quân đầu người", "triệu đồng/người/năm", "95", 95),
        ind("5", "Chỉ tiêu xã hội", "Tỷ lệ dân số tham gia BHYT", "%", "96,8%", 96.8),
        ind("6", "Chỉ tiêu xã hội", "Tỷ lệ hộ nghèo", "%", "dưới 0,5%", 0.5, "<"),
        ind("7", "Chỉ tiêu xã hội", "Tỷ lệ lao động có việc làm sau đào tạo", "%", "85%", 85),
        ind("8", "Chỉ tiêu xã hội", "Số tổ dân phố đạt danh hiệu văn hóa", "tổ dân phố", "18/20", 18),
        ind("9", "Chỉ tiêu môi trường", "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý", "%", "100%", 100),
        ind("10", "Chỉ tiêu môi trường", "Tỷ lệ cơ sở kinh doanh ăn uống được kiểm tra đạt yêu cầu về ATTP",
            "%", "≥ 95%", 95, ">="),
        ind("11", "Chỉ tiêu quốc phòng - an ninh, cải cách hành chính",
            "Tỷ lệ hồ sơ TTHC giải quyết trực tuyến toàn trình", "%", "≥ 80%", 80, ">="),
        ind("12", "Chỉ tiêu quốc phòng - an ninh, cải cách hành chính", "Hoàn thành chỉ tiêu giao quân", "%",
            "100%", 100),
    ]
    lines = {
        "1": "Tổng lượt khách lưu trú đạt 350.000 lượt, tăng 12% so với năm 2025.",
        "2": "Thu ngân sách nhà nước trên địa bàn: 96.500 triệu đồng; trong đó thu tiền sử dụng đất 40.000 triệu đồng.",
        "3": "Sản lượng khai thác thủy sản: 12.500 tấn.",
        "4": "Thu nhập bình quân đầu người: 95 triệu đồng/người/năm.",
        "5": "Tỷ lệ dân số tham gia BHYT: 96,8%.",
        "6": "Tỷ lệ hộ nghèo: dưới 0,5%.",
        "7": "Tỷ lệ lao động có việc làm sau đào tạo: 85%.",
        "8": "Số tổ dân phố đạt danh hiệu văn hóa: 18/20 tổ dân phố.",
        "9": "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý: 100%.",
        "10": "Tỷ lệ cơ sở kinh doanh ăn uống được kiểm tra đạt yêu cầu về ATTP: ≥ 95%.",
        "11": "Tỷ lệ hồ sơ TTHC giải quyết trực tuyến toàn trình: ≥ 80%.",
        "12": "Hoàn thành chỉ tiêu giao quân: 100%.",
    }
    L_CT = "Đ/c Lê Quang Vinh - Chủ tịch UBND phường"
    L_KT = "Đ/c Nguyễn Hữu Tài - PCT UBND phường"
    L_VH = "Đ/c Trần Thị Mỹ Duyên - PCT UBND phường"
    P_KT, P_VH, TYT = "Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng Văn hóa - Xã hội", "Trạm Y tế phường"
    T = [
        task("1", "Hoàn thành bồi thường, GPMB dự án đường ven biển Phạm Văn Đồng nối dài (đoạn qua tổ dân phố Hòn Rớ)",
             L_CT, P_KT, "Trung tâm Phát triển quỹ đất; TDP Hòn Rớ 1, Hòn Rớ 2", "Quý III/2026", "2026-09-30"),
        task("2", "Kiểm tra, xử lý tàu cá \"3 không\", vi phạm quy định về khai thác IUU",
             L_KT, P_KT, "Đồn Biên phòng; Công an phường", "Hằng tháng", None, True),
        task("3", "Lập hồ sơ đề nghị công nhận điểm du lịch cộng đồng Bãi Cát Trắng",
             L_KT, P_KT, "Phòng Văn hóa - Xã hội", "Trước 30/9/2026", "2026-09-30"),
        task("4", "Chỉnh trang đô thị, trồng bổ sung cây xanh tuyến đường Trần Phú (đoạn qua phường)",
             L_KT, P_KT, "Các tổ dân phố", "Quý I/2026", "2026-03-31"),
        task("5", "Đôn đốc thu nợ thuế, tiền sử dụng đất; chống thất thu ngân sách",
             L_CT, P_KT, "Thuế cơ sở", "Cả năm 2026", "2026-12-31", True),
        task("6", "Kiểm tra ATTP các nhà hàng, cơ sở chế biến hải sản phục vụ mùa du lịch",
             L_VH, TYT, "Phòng Văn hóa - Xã hội; Công an phường", "Tháng 4 - tháng 8/2026", "2026-08-31"),
        task("7", "Tổ chức chương trình nghệ thuật đường phố chào mừng Festival Biển 2026",
             L_VH, P_VH, "Đoàn Thanh niên phường", "Tháng 6/2026", "2026-06-30"),
        task("8", "Phát triển đối tượng tham gia BHXH tự nguyện, BHYT hộ gia đình",
             L_VH, P_VH, "Bảo hiểm xã hội cơ sở; Bưu điện phường", "Quý II và Quý IV/2026", "2026-12-31"),
        task("9", "Hỗ trợ xây mới, sửa chữa nhà ở cho 12 hộ nghèo, hộ có hoàn cảnh khó khăn",
             L_VH, P_VH, "Ủy ban MTTQ phường", "Trước 15/10/2026", "2026-10-15"),
        task("10", "Tuyển sinh đầu cấp năm học 2026 - 2027",
             L_VH, P_VH, "Các trường mầm non, tiểu học, THCS", "Tháng 7 - tháng 8/2026", "2026-08-31"),
        task("11", "Phòng, chống dịch sốt xuất huyết, tay chân miệng",
             L_VH, TYT, "Các tổ dân phố", "Thường xuyên", None, True),
        task("12", "Tuyển chọn, gọi công dân nhập ngũ năm 2026",
             L_CT, "Ban Chỉ huy quân sự phường", "Công an phường", "Quý I/2026", "2026-03-31"),
        task("13", "Kiểm tra an toàn PCCC tại các cơ sở lưu trú, karaoke",
             L_CT, "Công an phường", P_KT, "6 tháng đầu năm 2026", "2026-06-30"),
        task("14", "Giải quyết dứt điểm đơn thư khiếu nại về đất đai tồn đọng tại khu vực Hòn Rớ",
             L_CT, "Văn phòng HĐND và UBND phường", P_KT, "Quý II/2026", "2026-06-30"),
        task("15", "Rà soát, công bố, công khai TTHC tại Trung tâm Phục vụ hành chính công phường",
             L_CT, "Văn phòng HĐND và UBND phường", "Trung tâm Phục vụ hành chính công phường", "Quý I/2026",
             "2026-03-31"),
        task("16", "Triển khai ứng dụng VNeID, thanh toán không dùng tiền mặt trong giải quyết TTHC",
             L_CT, "Công an phường", "Trung tâm Phục vụ hành chính công phường", "Năm 2026", "2026-12-31"),
    ]
    report = ("Định kỳ hằng quý, trước ngày 18 của tháng cuối quý, các đơn vị báo cáo kết quả thực hiện về "
              "UBND phường qua Văn phòng HĐND và UBND phường; báo cáo năm trước ngày 30/11/2026.")
    to = "UBND phường qua Văn phòng HĐND và UBND phường"
    plan = {"locality": "phường Cam Phúc", "locality_type": "phường", "parent": None, "province": "Khánh Hòa",
            "period_start": 2026, "period_end": 2026,
            "title": "Kế hoạch phát triển kinh tế - xã hội năm 2026", "issuer": "UBND phường Cam Phúc",
            "doc_number": "27/KH-UBND", "signed_date": "2026-01-20", "signer": "Nguyễn Hữu Tài",
            "reporting": [rep(report.rstrip("."), "quarterly", 18, None, to),
                          rep(report.rstrip("."), "yearly", None, "2026-11-30", to)]}

    pdf = new_pdf()
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf_header(pdf, "PHƯỜNG CAM PHÚC", "27/KH-UBND", "Cam Phúc, ngày 20 tháng 01 năm 2026")
    ptext(pdf, "KẾ HOẠCH", "B", 13, "C", False)
    ptext(pdf, "Phát triển kinh tế - xã hội năm 2026", "B", 12.5, "C", False)
    pdf.ln(2)
    ptext(pdf, "Căn cứ Nghị quyết số 31/NQ-HĐND ngày 25/12/2025 của HĐND phường Cam Phúc về nhiệm vụ phát "
               "triển kinh tế - xã hội năm 2026; Quyết định số 4125/QĐ-UBND ngày 18/12/2025 của UBND tỉnh "
               "Khánh Hòa về giao dự toán ngân sách nhà nước năm 2026, UBND phường Cam Phúc ban hành Kế "
               "hoạch như sau:", "I")
    ptext(pdf, "I. MỤC TIÊU", "B", indent=False)
    ptext(pdf, "Phát triển phường Cam Phúc trở thành trung tâm dịch vụ du lịch biển, nghề cá của tỉnh; bảo "
               "đảm an sinh xã hội, giữ vững quốc phòng - an ninh trên địa bàn.")
    ptext(pdf, "II. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026", "B", indent=False)
    for k in sorted(lines, key=int):
        ptext(pdf, f"{k}. {lines[k]}")
    ptext(pdf, "III. NHIỆM VỤ TRỌNG TÂM VÀ PHÂN CÔNG THỰC HIỆN", "B", indent=False)
    ptext(pdf, "UBND phường phân công lãnh đạo chỉ đạo, đơn vị chủ trì thực hiện các nhiệm vụ trọng tâm "
               "theo bảng dưới đây:")
    pdf.ln(1)
    pdf.set_font("Serif", "", 9.5)
    head = ("TT", "Nội dung nhiệm vụ", "Lãnh đạo chỉ đạo", "Đơn vị chủ trì", "Đơn vị phối hợp",
            "Thời gian hoàn thành")
    with pdf.table(col_widths=(8, 52, 30, 28, 30, 22), line_height=5, text_align=("CENTER", "LEFT", "LEFT",
                   "LEFT", "LEFT", "CENTER"), repeat_headings=1, padding=1.2,
                   headings_style=__import__("fpdf").fonts.FontFace(emphasis="BOLD", fill_color=(235, 235, 235))) as tb:
        row = tb.row()
        for h in head:
            row.cell(h)
        for tk in T:
            row = tb.row()
            for v in (tk["no"], tk["name"], tk["leader"], tk["responsible"], tk["coordinating"], tk["deadline_text"]):
                row.cell(v)
    pdf.ln(3)
    ptext(pdf, "IV. TỔ CHỨC THỰC HIỆN", "B", indent=False)
    ptext(pdf, "1. Các phòng, đơn vị được giao chủ trì chủ động xây dựng kế hoạch chi tiết, tổ chức thực hiện "
               "bảo đảm tiến độ, chất lượng.")
    ptext(pdf, "2. " + report)
    ptext(pdf, "3. Văn phòng HĐND và UBND phường theo dõi, đôn đốc, tổng hợp báo cáo Chủ tịch UBND phường./.")
    pdf.ln(3)
    y = pdf.get_y()
    if y > 230:
        pdf.add_page()
        y = pdf.get_y()
    pdf.set_xy(20, y)
    pdf.set_font("Serif", "BI", 10)
    pdf.multi_cell(80, 5, "Nơi nhận:", align="L")
    pdf.set_font("Serif", "", 9)
    pdf.set_x(20)
    pdf.multi_cell(80, 4.5, "- UBND tỉnh Khánh Hòa (b/c);\n- TT Đảng ủy, HĐND phường;\n- CT, các PCT UBND phường;\n"
                            "- Các phòng, đơn vị, tổ dân phố;\n- Lưu: VT.", align="L")
    pdf.set_xy(105, y)
    pdf.set_font("Serif", "B", 11)
    pdf.multi_cell(90, 6, "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\nNguyễn Hữu Tài", align="C")
    pdf.output(os.path.join(DOCS, f"{stem}.{ext}"))
    write_gold(stem, ext, plan, I, T)


# ============================================================================================
# n05 — xã Trà Vong Bắc (Tây Ninh): prose PDF, numbered indicators under '2.1. Về kinh tế' …,
# one line holding two indicators, 'trong đó' children in sentences; responsible units assigned
# by indicator number ranges in section IV; tasks as records 'Nhiệm vụ n: … Chỉ đạo: …; Chủ trì: …;
# Phối hợp: …; Thời hạn: …'.

def n05():
    stem, ext = "n05_xa_tra_vong_bac_pdf", "pdf"
    KT, VH, MT, QP = "Về kinh tế", "Về văn hóa - xã hội", "Về môi trường", "Về quốc phòng - an ninh"
    P_KT, P_VH, TYT = "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Trạm Y tế xã"
    I = [
        ind("1", KT, "Tốc độ tăng giá trị sản xuất", "%", "7,5 - 8%", 7.5, "range", 8, resp=P_KT),
        ind("2", KT, "Tổng diện tích gieo trồng cây hằng năm", "ha", "9.600", 9600, resp=P_KT),
        ind("", KT, "lúa", "ha", "4.200", 4200, resp=P_KT, parent=2),
        ind("", KT, "mía", "ha", "1.850", 1850, resp=P_KT, parent=2),
        ind("3", KT, "Tổng đàn bò", "con", "6.500", 6500, resp=P_KT),
        ind("4", KT, "Thu ngân sách nhà nước trên địa bàn", "triệu đồng", "28.600", 28600, resp=P_KT),
        ind("5", KT, "Thu nhập bình quân đầu người", "triệu đồng/người/năm", "76,5", 76.5, resp=P_KT),
        ind("6", KT, "Tổng vốn đầu tư phát triển toàn xã hội", "tỷ đồng", "420", 420, resp=P_KT),
        ind("7", KT, "Xã đạt chuẩn nông thôn mới nâng cao", None, "Đạt chuẩn", None, "status", resp=P_KT),
        ind("8", VH, "Tỷ lệ hộ nghèo", "%", "giảm còn 0,85%", 0.85, resp=P_VH),
        ind("8", VH, "Tỷ lệ hộ cận nghèo", "%", "giảm còn 1,6%", 1.6, resp=P_VH),
        ind("9", VH, "Tỷ lệ dân số tham gia BHYT", "%", "93,5% trở lên", 93.5, ">=", resp=TYT),
        ind("10", VH, "Tỷ suất sinh thô", "‰", "13,9‰", 13.9, resp=TYT),
        ind("11", VH, "Tỷ lệ lao động qua đào tạo", "%", "70%", 70, resp=P_VH),
        ind("", VH, "có bằng cấp, chứng chỉ", "%", "30%", 30, resp=P_VH, parent=14),
        ind("12", VH, "Số ấp đạt danh hiệu \"Ấp văn hóa\"", "ấp", "10/12", 10, resp=P_VH),
        ind("13", VH, "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "%", "dưới 12%", 12, "<", resp=TYT),
        ind("14", MT, "Tỷ lệ hộ dân sử dụng nước sạch theo quy chuẩn", "%", "65%", 65, resp=P_KT),
        ind("15", MT, "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý", "%", "≥ 92%", 92, ">=", resp=P_KT),
        ind("16", QP, "Hoàn thành chỉ tiêu giao quân", "%", "100%", 100, resp="Ban Chỉ huy quân sự xã"),
        ind("17", QP, "Tỷ lệ ấp đạt tiêu chuẩn \"An toàn về an ninh, trật tự\"", "%", "100%", 100, resp="Công an xã"),
    ]
    text_ind = {
        KT: ["1. Tốc độ tăng giá trị sản xuất bình quân đạt 7,5 - 8%.",
             "2. Tổng diện tích gieo trồng cây hằng năm đạt 9.600 ha; trong đó: lúa 4.200 ha, mía 1.850 ha.",
             "3. Tổng đàn bò đạt 6.500 con.",
             "4. Thu ngân sách nhà nước trên địa bàn đạt 28.600 triệu đồng.",
             "5. Thu nhập bình quân đầu người đạt 76,5 triệu đồng/người/năm.",
             "6. Tổng vốn đầu tư phát triển toàn xã hội đạt 420 tỷ đồng.",
             "7. Xã đạt chuẩn nông thôn mới nâng cao: Đạt chuẩn."],
        VH: ["8. Tỷ lệ hộ nghèo giảm còn 0,85%; tỷ lệ hộ cận nghèo giảm còn 1,6%.",
             "9. Tỷ lệ dân số tham gia BHYT đạt 93,5% trở lên.",
             "10. Tỷ suất sinh thô: 13,9‰.",
             "11. Tỷ lệ lao động qua đào tạo đạt 70%, trong đó có bằng cấp, chứng chỉ đạt 30%.",
             "12. Số ấp đạt danh hiệu \"Ấp văn hóa\": 10/12 ấp.",
             "13. Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi dưới 12%."],
        MT: ["14. Tỷ lệ hộ dân sử dụng nước sạch theo quy chuẩn đạt 65%.",
             "15. Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý đạt ≥ 92%."],
        QP: ["16. Hoàn thành 100% chỉ tiêu giao quân.",
             "17. Tỷ lệ ấp đạt tiêu chuẩn \"An toàn về an ninh, trật tự\" đạt 100%."],
    }
    L_CT = "Đ/c Huỳnh Văn Phúc - Chủ tịch UBND xã"
    L_KT = "Đ/c Trần Văn Bình - PCT UBND"
    L_VH = "Đ/c Lê Thị Ngọc Hân - PCT UBND"
    T = [
        task("1", "Hoàn thành GPMB dự án nâng cấp đường ĐT.786 đoạn qua ấp Bàu Tràm",
             L_CT, P_KT, "Ban QLDA khu vực; ấp Bàu Tràm", "Quý II/2026", "2026-06-30"),
        task("2", "Chuyển đổi 150 ha đất trồng lúa kém hiệu quả sang trồng cây ăn trái",
             L_KT, P_KT, "Hội Nông dân xã; các ấp", "6 tháng đầu năm 2026", "2026-06-30"),
        task("3", "Xây dựng 02 sản phẩm OCOP đạt 3 sao (bánh tráng phơi sương, mật ong rừng)",
             L_KT, P_KT, "HTX Nông nghiệp Trà Vong", "Trước 15/10/2026", "2026-10-15"),
        task("4", "Kiểm tra ATTP các cơ sở sản xuất bánh tráng, kinh doanh thực phẩm dịp Tết Nguyên đán",
             L_VH, TYT, "Công an xã; Phòng Kinh tế", "Tháng 1 - tháng 2/2026", "2026-02-28"),
        task("5", "Vận động người dân tham gia BHYT hộ gia đình, BHXH tự nguyện",
             L_VH, P_VH, "Bảo hiểm xã hội cơ sở; các ấp", "Thường xuyên", None, True),
        task("6", "Rà soát, chuẩn hóa dữ liệu hộ tịch điện tử",
             L_CT, "Công chức Tư pháp - Hộ tịch", "Công an xã", "Tháng 9/2026", "2026-09-30"),
        task("7", "Tuyển chọn, gọi công dân nhập ngũ năm 2026",
             L_CT, "Ban Chỉ huy quân sự xã", "Công an xã; Trạm Y tế xã", "Quý I/2026", "2026-03-31"),
        task("8", "Tuần tra, kiểm soát tuyến biên giới, đấu tranh chống buôn lậu, gian lận thương mại",
             L_CT, "Công an xã", "Đồn Biên phòng", "Thường xuyên", None, True),
        task("9", "Nâng cao chỉ số CCHC; bảo đảm 100% hồ sơ TTHC được số hóa",
             L_CT, "Văn phòng HĐND và UBND xã", "Công chức Tư pháp - Hộ tịch", "Năm 2026", "2026-12-31"),
    ]
    report = ("Định kỳ trước ngày 22 hằng tháng, các bộ phận báo cáo kết quả về UBND xã qua Văn phòng "
              "HĐND-UBND xã; báo cáo 6 tháng trước ngày 10/6/2026 và báo cáo năm trước ngày 20/11/2026.")
    to = "UBND xã qua Văn phòng HĐND-UBND xã"
    plan = {"locality": "xã Trà Vong Bắc", "locality_type": "xã", "parent": None, "province": "Tây Ninh",
            "period_start": 2026, "period_end": 2026,
            "title": "Kế hoạch phát triển kinh tế - xã hội năm 2026", "issuer": "UBND xã Trà Vong Bắc",
            "doc_number": "03/KH-UBND", "signed_date": "2026-01-05", "signer": "Huỳnh Văn Phúc",
            "reporting": [rep(report.rstrip("."), "monthly", 22, None, to),
                          rep(report.rstrip("."), None, None, "2026-06-10", to),
                          rep(report.rstrip("."), "yearly", None, "2026-11-20", to)]}

    pdf = new_pdf()
    pdf.add_page()
    pdf_header(pdf, "XÃ TRÀ VONG BẮC", "03/KH-UBND", "Trà Vong Bắc, ngày 05 tháng 01 năm 2026")
    ptext(pdf, "KẾ HOẠCH", "B", 13, "C", False)
    ptext(pdf, "Phát triển kinh tế - xã hội năm 2026", "B", 12.5, "C", False)
    pdf.ln(2)
    ptext(pdf, "Thực hiện Nghị quyết số 14/NQ-HĐND ngày 23/12/2025 của Hội đồng nhân dân xã Trà Vong Bắc "
               "về kế hoạch phát triển kinh tế - xã hội năm 2026, Ủy ban nhân dân xã Trà Vong Bắc, tỉnh Tây "
               "Ninh xây dựng Kế hoạch thực hiện với các nội dung sau:")
    ptext(pdf, "I. ĐÁNH GIÁ KHÁI QUÁT NĂM 2025", "B", indent=False)
    ptext(pdf, "Năm 2025, tốc độ tăng giá trị sản xuất ước đạt 7,2%; thu ngân sách ước đạt 25.900 triệu "
               "đồng; tỷ lệ hộ nghèo còn 1,12%. Tuy nhiên, sản xuất nông nghiệp còn manh mún, giá mía, mì "
               "biến động; hạ tầng giao thông nông thôn một số ấp chưa đồng bộ.")
    ptext(pdf, "II. MỤC TIÊU VÀ CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026", "B", indent=False)
    ptext(pdf, "1. Mục tiêu tổng quát", "B", indent=False)
    ptext(pdf, "Khai thác hiệu quả tiềm năng kinh tế cửa khẩu, nông nghiệp công nghệ cao; giữ vững an ninh "
               "biên giới; nâng cao đời sống Nhân dân.")
    ptext(pdf, "2. Các chỉ tiêu chủ yếu", "B", indent=False)
    for k, grp in enumerate((KT, VH, MT, QP), 1):
        ptext(pdf, f"2.{k}. {grp}", "BI", indent=False)
        for line in text_ind[grp]:
            ptext(pdf, line)
    ptext(pdf, "III. NHIỆM VỤ TRỌNG TÂM VÀ PHÂN CÔNG", "B", indent=False)
    ptext(pdf, "Ngoài các nhiệm vụ thường xuyên, UBND xã giao các nhiệm vụ trọng tâm sau:")
    for tk in T:
        ptext(pdf, f"Nhiệm vụ {tk['no']}: {tk['name']}.", "B", 11)
        ptext(pdf, f"Chỉ đạo: {tk['leader']}; Chủ trì: {tk['responsible']}; Phối hợp: {tk['coordinating']}; "
                   f"Thời hạn: {tk['deadline_text']}.", "", 11)
    ptext(pdf, "IV. TỔ CHỨC THỰC HIỆN", "B", indent=False)
    ptext(pdf, "1. Phòng Kinh tế chủ trì theo dõi, tham mưu các chỉ tiêu từ 1 đến 7, 14 và 15; Phòng Văn hóa - "
               "Xã hội chủ trì các chỉ tiêu 8, 11 và 12; Trạm Y tế xã chủ trì các chỉ tiêu 9, 10 và 13; Ban Chỉ "
               "huy quân sự xã chủ trì chỉ tiêu 16; Công an xã chủ trì chỉ tiêu 17.")
    ptext(pdf, "2. " + report)
    ptext(pdf, "3. Đề nghị Ủy ban MTTQ xã và các tổ chức chính trị - xã hội phối hợp tuyên truyền, vận động "
               "Nhân dân thực hiện thắng lợi Kế hoạch./.")
    pdf.ln(3)
    y = pdf.get_y()
    if y > 230:
        pdf.add_page()
        y = pdf.get_y()
    pdf.set_xy(20, y)
    pdf.set_font("Serif", "BI", 10)
    pdf.multi_cell(80, 5, "Nơi nhận:", align="L")
    pdf.set_font("Serif", "", 9)
    pdf.set_x(20)
    pdf.multi_cell(80, 4.5, "- UBND tỉnh Tây Ninh (b/c);\n- TT Đảng ủy, TT HĐND xã;\n- CT, các PCT UBND xã;\n"
                            "- Các bộ phận, các ấp;\n- Lưu: VT.", align="L")
    pdf.set_xy(105, y)
    pdf.set_font("Serif", "B", 11)
    pdf.multi_cell(90, 6, "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\n\nHuỳnh Văn Phúc", align="C")
    pdf.output(os.path.join(DOCS, f"{stem}.{ext}"))
    write_gold(stem, ext, plan, I, T)


# ============================================================================================
# n06 — xã Mường Nhà Thượng (Điện Biên): Markdown; indicators as an ordered list with the figure
# in bold and the responsible unit in italics; tasks grouped under the directing leader's heading
# ('### 1. Đồng chí … - Phó Chủ tịch UBND xã'), each '- … Chủ trì: …; phối hợp: …; thời hạn: …'.

def n06():
    stem, ext = "n06_xa_muong_nha_thuong_md", "md"
    KT, VH, MT, QP = "A. Kinh tế", "B. Văn hóa - xã hội", "C. Môi trường", "D. Quốc phòng - an ninh"
    P_KT, P_VH, TYT = "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Trạm Y tế xã"
    I = [
        ind("1", KT, "Tổng sản lượng lương thực có hạt", "tấn", "3.150 tấn", 3150, resp=P_KT),
        ind("", KT, "Trong đó: lúa ruộng", "tấn", "2.400 tấn", 2400, resp=P_KT, parent=1),
        ind("2", KT, "Diện tích trồng mới cây mắc ca", "ha", "120 ha", 120, resp=P_KT),
        ind("3", KT, "Tỷ lệ che phủ rừng", "%", "45,6%", 45.6, resp=P_KT),
        ind("4", KT, "Thu ngân sách nhà nước trên địa bàn", "triệu đồng", "1.850 triệu đồng", 1850, resp=P_KT,
            other=[{"source": "same line", "text": "tăng 12% so với năm 2025"}]),
        ind("5", KT, "Thu nhập bình quân đầu người", "triệu đồng/người/năm", "32 - 34 triệu đồng/người/năm", 32,
            "range", 34, resp=P_KT),
        ind("6", KT, "Số lượt khách du lịch", "lượt", "15.000 lượt", 15000, resp=P_VH),
        ind("7", VH, "Tỷ lệ hộ nghèo (chuẩn nghèo đa chiều)", "%", "giảm còn 28,5%", 28.5, resp=P_VH),
        ind("8", VH, "Tỷ lệ dân số tham gia BHYT", "%", "99,1%", 99.1, resp=TYT),
        ind("9", VH, "Tỷ lệ phụ nữ có thai được khám thai đủ 4 lần", "%", "≥ 85%", 85, ">=", resp=TYT),
        ind("10", VH, "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", "%", "96,5%", 96.5, resp=TYT),
        ind("11", VH, "Số bản đạt danh hiệu \"Bản văn hóa\"", "bản", "12/15 bản", 12, resp=P_VH),
        ind("12", VH, "Tỷ lệ lao động qua đào tạo", "%", "52%", 52, resp=P_VH),
        ind("13", MT, "Tỷ lệ hộ dân sử dụng nước sinh hoạt hợp vệ sinh", "%", "97%", 97, resp=P_KT),
        ind("14", MT, "Tỷ lệ hộ có chuồng trại chăn nuôi cách xa nhà ở", "%", "70%", 70, resp=P_KT),
        ind("15", QP, "Hoàn thành chỉ tiêu giao quân", "%", "100%", 100, resp="Ban Chỉ huy quân sự xã"),
        ind("16", QP, "Tỷ lệ người nghiện ma túy trên tổng dân số", "%", "dưới 1,2%", 1.2, "<", resp="Công an xã"),
        ind("17", QP, "Xã đạt tiêu chuẩn \"An toàn về an ninh, trật tự\"", None, "Đạt", None, "status",
            resp="Công an xã"),
    ]
    L_CT = "Đồng chí Lò Văn Thắng - Chủ tịch UBND xã"
    L_KT = "Đồng chí Cà Văn Dũng - Phó Chủ tịch UBND xã"
    L_VH = "Đồng chí Quàng Thị Xuân - Phó Chủ tịch UBND xã"
    T = [
        task("1", "Trồng mới 120 ha mắc ca theo dự án liên kết với doanh nghiệp", L_KT, P_KT,
             "các bản, doanh nghiệp liên kết", "Tháng 5 - tháng 8/2026", "2026-08-31", group=L_KT),
        task("2", "Khắc phục sạt lở, sửa chữa đường giao thông nông thôn bản Co Mỵ, bản Nà Nọi sau mùa mưa lũ",
             L_KT, P_KT, "Ban QLDA khu vực", "Trước 30/11/2026", "2026-11-30", group=L_KT),
        task("3", "Phòng cháy, chữa cháy rừng mùa khô 2025 - 2026", L_KT, P_KT,
             "Hạt Kiểm lâm; Ban Chỉ huy quân sự xã", "Tháng 1 - tháng 4/2026", "2026-04-30", group=L_KT),
        task("4", "Xây dựng sản phẩm OCOP gạo nếp Tan Mường Nhà", L_KT, P_KT, "HTX Nông nghiệp Mường Nhà",
             "Quý IV/2026", "2026-12-31", group=L_KT),
        task("5", "Tổ chức Ngày hội Văn hóa các dân tộc xã Mường Nhà Thượng năm 2026", L_VH, P_VH,
             "Đoàn Thanh niên; các bản", "Tháng 9/2026", "2026-09-30", group=L_VH),
        task("6", "Xóa nhà tạm, nhà dột nát cho 45 hộ nghèo", L_VH, P_VH, "Ủy ban MTTQ xã; các bản",
             "6 tháng đầu năm 2026", "2026-06-30", group=L_VH),
        task("7", "Tiêm chủng mở rộng, phòng chống dịch sởi cho trẻ em", L_VH, TYT, "Các bản; các trường học",
             "Hằng quý", None, True, group=L_VH),
        task("8", "Vận động học sinh ra lớp, duy trì sĩ số", L_VH, P_VH, "Các trường học",
             "Thường xuyên", None, True, group=L_VH),
        task("9", "Tuyển chọn, gọi công dân nhập ngũ năm 2026", L_CT, "Ban Chỉ huy quân sự xã", "Công an xã",
             "Quý I/2026", "2026-03-31", group=L_CT),
        task("10", "Tổ chức cai nghiện ma túy tại gia đình, cộng đồng", L_CT, "Công an xã", "Trạm Y tế xã",
             "Thường xuyên", None, True, group=L_CT),
        task("11", "Rà soát, đơn giản hóa TTHC; triển khai dịch vụ công trực tuyến toàn trình", L_CT,
             "Văn phòng HĐND và UBND xã", "Công chức Tư pháp - Hộ tịch", "Năm 2026", "2026-12-31", group=L_CT),
    ]
    for tk in T:
        tk["no"] = ""   # bullets under the leader's heading carry no number
    report = ("Định kỳ trước ngày 15 hằng tháng, các bộ phận báo cáo kết quả về UBND xã qua Văn phòng "
              "HĐND-UBND xã; báo cáo năm trước ngày 30/11/2026.")
    to = "UBND xã qua Văn phòng HĐND-UBND xã"
    plan = {"locality": "xã Mường Nhà Thượng", "locality_type": "xã", "parent": None, "province": "Điện Biên",
            "period_start": 2026, "period_end": 2026,
            "title": "Kế hoạch triển khai nhiệm vụ phát triển kinh tế - xã hội năm 2026",
            "issuer": "UBND xã Mường Nhà Thượng", "doc_number": "19/KH-UBND", "signed_date": "2026-01-13",
            "signer": "Lò Văn Thắng",
            "reporting": [rep(report.rstrip("."), "monthly", 15, None, to),
                          rep(report.rstrip("."), "yearly", None, "2026-11-30", to)]}

    out = []
    w = out.append
    w("**ỦY BAN NHÂN DÂN**  ")
    w("**XÃ MƯỜNG NHÀ THƯỢNG**  ")
    w("Số: 19/KH-UBND")
    w("")
    w("**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  ")
    w("**Độc lập - Tự do - Hạnh phúc**  ")
    w("_Mường Nhà Thượng, ngày 13 tháng 01 năm 2026_")
    w("")
    w("# KẾ HOẠCH")
    w("## Triển khai nhiệm vụ phát triển kinh tế - xã hội năm 2026")
    w("")
    w("Căn cứ Nghị quyết số 11/NQ-HĐND ngày 19/12/2025 của HĐND xã Mường Nhà Thượng về phát triển kinh tế - "
      "xã hội năm 2026; căn cứ Quyết định giao dự toán của UBND tỉnh Điện Biên, UBND xã Mường Nhà Thượng "
      "ban hành Kế hoạch như sau:")
    w("")
    w("### I. MỤC ĐÍCH, YÊU CẦU")
    w("")
    w("Phân công cụ thể trách nhiệm của từng đồng chí lãnh đạo UBND xã và các bộ phận; năm 2025 tỷ lệ hộ "
      "nghèo của xã còn 33,4%, thu nhập bình quân đạt 29,5 triệu đồng/người/năm.")
    w("")
    w("### II. CÁC CHỈ TIÊU CHỦ YẾU")
    w("")
    shown = {
        1: "Tổng sản lượng lương thực có hạt: **3.150 tấn** _(Phòng Kinh tế)_",
        2: "Trong đó: lúa ruộng: **2.400 tấn**",
        3: "Diện tích trồng mới cây mắc ca: **120 ha** _(Phòng Kinh tế)_",
        4: "Tỷ lệ che phủ rừng: **45,6%** _(Phòng Kinh tế)_",
        5: "Thu ngân sách nhà nước trên địa bàn: **1.850 triệu đồng**, tăng 12% so với năm 2025 _(Phòng Kinh tế)_",
        6: "Thu nhập bình quân đầu người: **32 - 34 triệu đồng/người/năm** _(Phòng Kinh tế)_",
        7: "Số lượt khách du lịch: **15.000 lượt** _(Phòng Văn hóa - Xã hội)_",
        8: "Tỷ lệ hộ nghèo (chuẩn nghèo đa chiều): **giảm còn 28,5%** _(Phòng Văn hóa - Xã hội)_",
        9: "Tỷ lệ dân số tham gia BHYT: **99,1%** _(Trạm Y tế xã)_",
        10: "Tỷ lệ phụ nữ có thai được khám thai đủ 4 lần: **≥ 85%** _(Trạm Y tế xã)_",
        11: "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ: **96,5%** _(Trạm Y tế xã)_",
        12: "Số bản đạt danh hiệu \"Bản văn hóa\": **12/15 bản** _(Phòng Văn hóa - Xã hội)_",
        13: "Tỷ lệ lao động qua đào tạo: **52%** _(Phòng Văn hóa - Xã hội)_",
        14: "Tỷ lệ hộ dân sử dụng nước sinh hoạt hợp vệ sinh: **97%** _(Phòng Kinh tế)_",
        15: "Tỷ lệ hộ có chuồng trại chăn nuôi cách xa nhà ở: **70%** _(Phòng Kinh tế)_",
        16: "Hoàn thành chỉ tiêu giao quân: **100%** _(Ban Chỉ huy quân sự xã)_",
        17: "Tỷ lệ người nghiện ma túy trên tổng dân số: **dưới 1,2%** _(Công an xã)_",
        18: "Xã đạt tiêu chuẩn \"An toàn về an ninh, trật tự\": **Đạt** _(Công an xã)_",
    }
    g = None
    for k, i in enumerate(I, 1):
        if i["group"] != g:
            g = i["group"]
            w("")
            w(f"**{g}**")
            w("")
        if i["parent"] is not None:
            w(f"    - {shown[k]}")
        else:
            w(f"{i['no']}. {shown[k]}")
    w("")
    w("### III. NHIỆM VỤ TRỌNG TÂM VÀ PHÂN CÔNG CHỈ ĐẠO")
    w("")
    leaders = [(L_KT, "phụ trách lĩnh vực kinh tế, nông nghiệp, tài nguyên, xây dựng"),
               (L_VH, "phụ trách lĩnh vực văn hóa - xã hội, y tế, giáo dục"),
               (L_CT, "chỉ đạo chung; trực tiếp chỉ đạo lĩnh vực quốc phòng - an ninh, nội chính, cải cách hành chính")]
    for n, (ld, dom) in enumerate(leaders, 1):
        w(f"#### {n}. {ld}: {dom}")
        w("")
        for tk in T:
            if tk["group"] == ld:
                w(f"- {tk['name']}. Chủ trì: {tk['responsible']}; phối hợp: {tk['coordinating']}; "
                  f"thời hạn: {tk['deadline_text']}.")
        w("")
    w("### IV. TỔ CHỨC THỰC HIỆN")
    w("")
    w("1. Các bộ phận được giao chủ trì tham mưu xây dựng kế hoạch chi tiết; chủ động phối hợp với các bản "
      "tổ chức thực hiện.")
    w("2. " + report)
    w("3. Văn phòng HĐND và UBND xã tổng hợp, tham mưu UBND xã báo cáo Thường trực Đảng ủy, HĐND xã./.")
    w("")
    w("**Nơi nhận:**  ")
    w("- UBND tỉnh Điện Biên (b/c);  ")
    w("- TT Đảng ủy, HĐND xã;  ")
    w("- CT, các PCT UBND xã;  ")
    w("- Các bộ phận, các bản;  ")
    w("- Lưu: VT.")
    w("")
    w("**TM. ỦY BAN NHÂN DÂN**  ")
    w("**CHỦ TỊCH**")
    w("")
    w("_(Đã ký)_")
    w("")
    w("**Lò Văn Thắng**")
    with open(os.path.join(DOCS, f"{stem}.{ext}"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    write_gold(stem, ext, plan, I, T)


if __name__ == "__main__":
    os.makedirs(DOCS, exist_ok=True)
    os.makedirs(GOLD, exist_ok=True)
    for fn in (n01, n02, n03, n04, n05, n06):
        fn()
    print("ok")
