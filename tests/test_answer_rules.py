"""Rules of the answer engine learnt from real plans, each on an invented document: a plan's
title as the outermost heading, a fact told over two sentences, zero-padded counts, lists
asked as '<unit> phải làm gì …', department abbreviations ('Sở KH&CN')."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from knowledge import answer_text as say
from knowledge import passages as quotes
from knowledge import quote_text as quoting
from knowledge.question import detect_intent, tokens_of
from storage.answers import MIN_COVERAGE, MIN_SCORE, AnswerEngine, _covering_first
from storage.ingest import ingest_file
from storage.search import Doc, Hit

BUDGET = """**ỦY BAN NHÂN DÂN TỈNH AN HÒA**

Số: 21/KH-UBND

An Hòa, ngày 05 tháng 11 năm 2025

**KẾ HOẠCH**
**Tài chính - ngân sách nhà nước 03 năm 2026 - 2028**

**I. TÌNH HÌNH THỰC HIỆN NĂM 2025**

**1. Chi ngân sách địa phương**

Tổng chi ngân sách địa phương năm 2025 được Hội đồng nhân dân tỉnh giao là 9.811 tỷ đồng. Trong đó chi cân đối ngân sách 7.049 tỷ đồng, chi từ nguồn bổ sung có mục tiêu 2.762 tỷ đồng. Ước thực hiện cả năm là 10.535 tỷ đồng, đạt 107,4% dự toán.

**2. Thời gian thi đua**

- Đợt 01: Cao điểm tập trung trong 10 ngày làm việc (từ ngày 20 tháng 11 năm 2025 đến ngày 03 tháng 12 năm 2025).

- Đợt 02: Thực hiện vét trong 03 ngày làm việc.

**II. TỔ CHỨC THỰC HIỆN**

**1. Sở Khoa học và Công nghệ**

- Số hóa hồ sơ lưu trữ của các cơ quan nhà nước trên địa bàn tỉnh.

- Chủ trì xây dựng nền tảng dữ liệu dùng chung của tỉnh.

**2. Sở Tài chính**

- Tham mưu bố trí kinh phí thực hiện Kế hoạch.
"""

SAFETY = """**ỦY BAN NHÂN DÂN TỈNH AN HÒA**

Số: 30/KH-UBND

An Hòa, ngày 12 tháng 11 năm 2025

**KẾ HOẠCH**
**Bảo vệ bí mật nhà nước năm 2026**

**I. NHIỆM VỤ**

**1. Công an tỉnh**

- Tham mưu tổ chức tập huấn cho cán bộ làm công tác văn thư.

**2. Sở Khoa học và Công nghệ**

- Tổ chức tập huấn cho cán bộ làm công tác lưu trữ.
"""


def _ingest(engine: Engine, tmp_path: Path, *texts: str) -> AnswerEngine:
    for i, text in enumerate(texts):
        path = tmp_path / f"plan{i}.md"
        path.write_text(text, encoding="utf-8")
        ingest_file(engine, path)
    return AnswerEngine(engine)


def test_a_fact_told_over_two_sentences_is_quoted_whole(engine: Engine, tmp_path: Path) -> None:
    answers = _ingest(engine, tmp_path, BUDGET)
    ans = answers.ask(
        "Tổng chi ngân sách địa phương năm 2025 ước thực hiện bao nhiêu tỷ đồng?", "tỉnh An Hòa"
    )
    assert "10.535" in ans.text, ans.text


def test_a_count_written_zero_padded_is_found_by_its_plain_figure(engine: Engine, tmp_path: Path) -> None:
    answers = _ingest(engine, tmp_path, BUDGET)
    ans = answers.ask("dot 1 cao diem keo dai may ngay lam viec", "tỉnh An Hòa")
    assert "10 ngày làm việc" in ans.text, ans.text


def test_the_plan_a_question_names_answers_among_a_places_plans(engine: Engine, tmp_path: Path) -> None:
    answers = _ingest(engine, tmp_path, BUDGET, SAFETY)
    ans = answers.ask("Trong kế hoạch bảo vệ bí mật nhà nước, ai tổ chức tập huấn cán bộ lưu trữ?", "An Hòa")
    assert "Sở Khoa học và Công nghệ" in ans.text, ans.text


def test_what_a_unit_must_do_lists_its_tasks_of_the_named_plan_first(engine: Engine, tmp_path: Path) -> None:
    answers = _ingest(engine, tmp_path, BUDGET, SAFETY)
    ans = answers.ask("Sở KH&CN phải làm gì trong kế hoạch bảo vệ bí mật nhà nước?", "An Hòa")
    assert ans.intent == "party_items"
    first = ans.text.split("\n")[1]
    assert "lưu trữ" in first and "tập huấn" in first, ans.text


def test_questions_that_read_like_a_units_list_but_are_not() -> None:
    def intent(q: str) -> str:
        return detect_intent(" ".join(t.fold for t in tokens_of(q)), q).kind

    assert intent("Sở Nội vụ phải làm j trong công tác bảo vệ bí mật nhà nước?") == "party_items"
    assert intent("công an xã có nhiệm vụ gì") == "party_items"
    assert detect_intent("so noi vu duoc giao lam gi trong ke hoach nay").party == "so noi vu"
    assert intent("Đợt 1 cao điểm kéo dài mấy ngày làm việc?") != "party_items"
    assert intent("Ai chủ trì chỉ tiêu tái canh cà phê?") == "responsible"
    assert intent("đơn vị nào phải làm gì") != "party_items"


def test_department_abbreviations_in_halves_and_whole() -> None:
    def folded(text: str) -> str:
        return " ".join(t.fold for t in tokens_of(text))

    assert folded("Sở KH&CN") == folded("Sở KHCN") == "so khoa hoc va cong nghe"
    assert folded("Sở NN&MT") == "so nong nghiep va moi truong"
    assert folded("Văn phòng HĐND & UBND") == "van phong hoi dong nhan dan uy ban nhan dan"
    assert folded("CT MTQG giảm nghèo") == "chuong trinh muc tieu quoc gia giam ngheo"
    assert folded("CT UBND xã") == "chu tich uy ban nhan dan xa"


def _hit(score: float, coverage: float, n: int) -> Hit:
    doc = Doc(n, 1, "task", n, frozenset(), "", frozenset(), "", "", "")
    return Hit(doc, score, coverage)


def test_a_close_item_matching_enough_leads_one_matching_too_little() -> None:
    short = _hit(51.0, MIN_COVERAGE - 0.1, 1)
    covering = _hit(49.5, MIN_COVERAGE + 0.1, 2)
    assert [h.doc.id for h in _covering_first([short, covering])] == [2, 1]
    far = _hit(MIN_SCORE + 1, MIN_COVERAGE + 0.1, 3)
    assert [h.doc.id for h in _covering_first([short, far])] == [1, 3]  # too far behind to lead


def test_a_sentence_far_ahead_of_every_item_is_quoted() -> None:
    # the items match half the question and score 48; the sentence scores 58 on a little more
    assert quotes.choose(None, (58.4, 0.54), rival=(48.0, 0.48)) == quotes.QUOTE
    assert quotes.choose((48.0, 0.48), (58.4, 0.54)) == quotes.QUOTE
    # not far enough ahead: the item is asked about
    assert quotes.choose((55.0, 0.55), (58.4, 0.54)) != quotes.QUOTE
    # an item holding most of the question answers, however well a sentence scores
    assert quotes.choose((62.0, quotes.SURE_COVERAGE), (75.0, quotes.SURE_COVERAGE + 0.01)) != quotes.QUOTE


def test_a_list_of_one_shows_the_item_nearly_whole() -> None:
    name = "Chủ trì, phối hợp với các sở, ngành nghiên cứu tích hợp nội dung bài giảng về công tác bảo vệ bí mật nhà nước vào chương trình bồi dưỡng"
    facts = say.ItemFacts(kind="task", name=name, source=say.SourceFacts("Kế hoạch", "KH 1/KH-UBND"))
    assert "bài giảng" in say.list_answer("Các nhiệm vụ của Sở Nội vụ", [facts], "")


def test_what_an_item_answer_lacks_is_read_whatever_place_it_names() -> None:
    assert not quotes.holds_fact(
        "«Tổng kết đợt thi đua»: kế hoạch tỉnh Đắk Lắk, giai đoạn 2021-2025 không ghi thời hạn riêng."
    )
    assert not quotes.holds_fact("«Tổng kết»\nKế hoạch không ghi người phụ trách mục này.")
    assert quotes.holds_fact("«Tổng kết»: trước ngày 15/12/2025.\nPhụ trách: Sở Nội vụ.")


def test_the_kind_of_fact_a_sentence_holds_strictly() -> None:
    def holds(intent: str, text: str) -> bool:
        return quotes.holds_kind(intent, "", text, " ".join(t.fold for t in tokens_of(text)))

    assert holds("deadline", "Thời gian kiểm tra, xếp hạng thi đua trước ngày 31 tháng 12 năm 2025.")
    # the date of a document cited is no time limit
    assert not holds(
        "deadline", "Thực hiện Quyết định số 2437/QĐ-TTg ngày 04/11/2025 của Thủ tướng Chính phủ."
    )
    assert holds("responsible", "Báo cáo kết quả về Ủy ban nhân dân tỉnh (qua Sở Nội vụ).")
    # 'hồ sơ' folds like 'Sở', and working together names nobody
    assert not holds("responsible", "Trả hồ sơ thủ tục hành chính kịp thời, có sự phối hợp chặt chẽ.")


def test_a_figure_asked_of_an_item_whose_target_is_words() -> None:
    assert quotes.lacks_figure("giai doan khan cap la trong bao nhieu gio", "Duy trì")
    assert not quotes.lacks_figure("giai doan khan cap la trong bao nhieu gio", "48 giờ")
    assert not quotes.lacks_figure("ai phu trach", "Duy trì")


def test_budget_abbreviations() -> None:
    assert " ".join(t.fold for t in tokens_of("TỔNG CHI NSĐP")) == "tong chi ngan sach dia phuong"


OTHER_PROVINCE = SAFETY.replace("AN HÒA", "BÌNH SƠN").replace("An Hòa", "Bình Sơn").replace("30/KH", "31/KH")


def test_a_plans_number_names_its_place_when_the_question_names_none(engine: Engine, tmp_path: Path) -> None:
    answers = _ingest(engine, tmp_path, SAFETY, OTHER_PROVINCE)  # the same task in both places
    ans = answers.ask("theo KH 31 ai tổ chức tập huấn cho cán bộ làm công tác lưu trữ", None)
    assert not ans.needs_locality, ans.text
    assert "Bình Sơn" in ans.text and "Sở Khoa học và Công nghệ" in ans.text, ans.text
    # a number no plan has, or one shared by two places, still asks which place
    assert answers.ask("theo KH 77 ai tổ chức tập huấn cán bộ lưu trữ", None).needs_locality


def test_a_long_quote_keeps_the_clauses_the_question_is_about() -> None:
    long = (
        "Yêu cầu các sở, ban, ngành, đoàn thể tỉnh và Ủy ban nhân dân các xã, phường căn cứ chức năng, "
        "nhiệm vụ được giao chủ động xây dựng kế hoạch, tổ chức triển khai thực hiện có hiệu quả các "
        "nhiệm vụ của Kế hoạch này, bảo đảm đúng tiến độ, chất lượng và phù hợp với tình hình thực tế "
        "của từng cơ quan, đơn vị, địa phương trên địa bàn tỉnh. Lồng ghép việc thực hiện với các "
        "chương trình, đề án khác có liên quan để tiết kiệm nguồn lực, tránh chồng chéo. Định kỳ 06 "
        "tháng các cơ quan có liên quan báo cáo kết quả thực hiện gửi về Sở Khoa học và Công nghệ."
    )
    focus = tuple(t.fold for t in tokens_of("định kỳ báo cáo kết quả gửi về đâu"))
    quoted = quoting.quote_answer(long, "Kế hoạch số 9/KH-UBND", "IV.", "", short=True, focus=focus)
    assert "Sở Khoa học và Công nghệ" in quoted and quoted.count("«") == 1, quoted
    assert "Sở Khoa học" not in quoting.quote_answer(long, "Kế hoạch số 9/KH-UBND", "IV.", "", short=True)
    # a quote whose opening holds every word asked is cut at its end as before
    opening = quoting.quote_answer(long, "KH", "", "", short=True, focus=("so", "ban", "nganh"))
    assert opening == quoting.quote_answer(long, "KH", "", "", short=True)


def test_questions_asking_where_a_report_goes_are_about_reporting() -> None:
    def intent(q: str) -> str:
        return detect_intent(" ".join(t.fold for t in tokens_of(q)), q).kind

    assert intent("các sở, xã phường báo cáo kết quả thực hiện về đâu ạ?") == "reporting"
    assert intent("báo cáo kết quả thực hiện định kỳ bao lâu một lần, gửi đâu?") == "reporting"
    assert intent("các xã phải gửi kế hoạch thực hiện chương trình phòng chống ma túy về đâu") == "reporting"
    assert intent("kết quả thực hiện chỉ tiêu BHYT đến nay") == "progress"
    assert intent("đợt thi đua bắt đầu từ tháng mấy") == "deadline"
    assert intent("quan trắc làm từ tháng mấy đến tháng mấy") == "deadline"


def test_a_plans_number_names_the_plan_and_is_no_word_to_match() -> None:
    from knowledge.question.terms import content_terms

    def terms(q: str) -> list[str]:
        return [t.fold for t in content_terms(tokens_of(q))]

    assert terms("KH 982 căn cứ chỉ thị nào") == terms("căn cứ chỉ thị nào")
    assert terms("kế hoạch số 0124/KH-UBND ai chủ trì") == terms("ai chủ trì")
    assert terms("theo QĐ 2853 thì") == terms("theo thì")
    assert "hoach" in terms("kế hoạch năm 2026 có mấy chỉ tiêu")  # a year is no plan's number
    assert terms("theo phụ lục 01, diện tích cà phê bao nhiêu ha") == terms(
        "theo diện tích cà phê bao nhiêu ha"
    )
