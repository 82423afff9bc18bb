"""Questions about what a section holds ('kinh phí lấy từ đâu', 'dùng những phương pháp gì'):
the list under the heading the question names (knowledge/sections.py, storage/sections.py)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, event

from knowledge import lexicon, sections
from knowledge.text import fold
from storage.answers import AnswerEngine
from storage.ingest import ingest_file

PLAN = """**ỦY BAN NHÂN DÂN TỈNH AN HÒA**

Số: 40/KH-UBND

An Hòa, ngày 10 tháng 11 năm 2025

**KẾ HOẠCH**
**Giám sát chương trình nước sạch nông thôn năm 2026**

**I. NỘI DUNG GIÁM SÁT**

**1. Phương pháp**

- Thu thập báo cáo của các xã về công trình cấp nước.

- Kiểm tra thực tế tại công trình.

- Tham vấn người dân sử dụng nước.

**2. Các bước giám sát**

- Thông báo lịch giám sát cho các xã.

- Lập biên bản sau mỗi đợt.

**3. Thời gian thực hiện**

Việc giám sát được tiến hành thường xuyên trong năm 2026, có thông báo lịch trước khi đến làm việc.

**II. KINH PHÍ THỰC HIỆN**

- Từ ngân sách tỉnh theo phân cấp.

- Nguồn quỹ phòng chống thiên tai.

Đề nghị các sở, ngành khẩn trương thực hiện.

**III. TỔ CHỨC THỰC HIỆN**

**1. Sở Nông nghiệp và Môi trường**

- Chủ trì giám sát các công trình cấp nước tập trung.
"""


def _engine(engine: Engine, tmp_path: Path) -> AnswerEngine:
    path = tmp_path / "plan.md"
    path.write_text(PLAN, encoding="utf-8")
    ingest_file(engine, path)
    return AnswerEngine(engine)


def test_the_list_under_the_heading_a_question_names(engine: Engine, tmp_path: Path) -> None:
    answers = _engine(engine, tmp_path)
    ans = answers.ask("giám sát nước sạch dùng những phương pháp gì", "tỉnh An Hòa")
    assert "mục I. › 1. Phương pháp" in ans.text, ans.text
    assert "Kiểm tra thực tế" in ans.text and "Tham vấn người dân" in ans.text, ans.text
    assert "Thông báo lịch" not in ans.text  # the next section is not part of it
    funds = answers.ask("kinh phí lấy từ đâu", "tỉnh An Hòa").text
    assert "ngân sách tỉnh" in funds and "quỹ phòng chống thiên tai" in funds, funds
    assert "khẩn trương" not in funds  # the list ends where its marks do


def test_a_question_not_asking_what_a_list_holds_is_answered_as_before(
    engine: Engine, tmp_path: Path
) -> None:
    answers = _engine(engine, tmp_path)
    ans = answers.ask("ai chủ trì giám sát các công trình cấp nước tập trung", "tỉnh An Hòa")
    assert "Sở Nông nghiệp và Môi trường" in ans.text and "mục" not in ans.text.split("\n")[0], ans.text


def test_which_heading_a_question_names() -> None:
    def section(heading: str, context: str, n: int = 2, plan: int = 1) -> sections.Section:
        return sections.Section(plan, heading, frozenset(context.split()), ("- a", "- b")[:n])

    method = section("IV. › 1. Phương pháp", "phuong phap cac buoc giam sat")
    steps = section("IV. › 2. Các bước giám sát", "phuong phap cac buoc giam sat")
    funds = section("V. KINH PHÍ THỰC HIỆN", "kinh phi thuc hien")
    title = {"giam", "sat", "nuoc", "sach"}
    words = {"giam", "sat", "dung", "nhung", "phuong", "phap", "gi"}
    assert sections.named_section([method, steps, funds], words, title, 1) is method
    assert sections.named_section([method, steps, funds], {"kinh", "phi", "tu", "dau"}, title, 1) is funds
    # a heading made only of the plan's title words is named by every question about the plan
    assert sections.named_section([section("2. Giám sát", "giam sat")], words, title, 1) is None
    # two sections named alike in two plans of equal standing: neither
    twin = section("IV. › 1. Phương pháp", "phuong phap cac buoc giam sat", plan=2)
    assert sections.named_section([method, twin], words, title, 3) is None
    assert sections.named_section([method, twin], words, title, 2) is twin
    # the plan the question is about keeps its section over another plan's whose path shares
    # one more word with the question ('IV. TỔ CHỨC … › 1. Kinh phí' beside 'VI. KINH PHÍ')
    ours = section("VI. KINH PHÍ THỰC HIỆN", "vi kinh phi thuc hien", plan=3)
    theirs = section("IV. › 1. Kinh phí", "iv to chuc phong chong 1 kinh phi", plan=4)
    asked = {"kinh", "phi", "phong", "chong", "dich", "lay", "tu", "nguon", "nao"}
    assert sections.named_section([theirs, ours], asked, title, 3) is ours


def test_which_questions_ask_what_a_list_holds() -> None:
    assert sections.asks_contents("kinh phi lay tu dau")
    assert sections.asks_contents("nguon von gom nhung nguon nao")
    assert sections.asks_contents("dung nhung phuong phap gi")
    assert not sections.asks_contents("ai chu tri giam sat")
    assert not sections.asks_contents("ty le ho ngheo dat bao nhieu")
    assert sections.introduces("Nguồn vốn thực hiện Kế hoạch, bao gồm:")
    assert not sections.introduces("Kiểm tra thực tế tại công trình.")


def test_when_the_plans_own_activity_happens_is_its_time_section(engine: Engine, tmp_path: Path) -> None:
    answers = _engine(engine, tmp_path)
    ans = answers.ask("việc giám sát nước sạch nông thôn năm 2026 tiến hành khi nào", "tỉnh An Hòa")
    assert "Thời gian thực hiện" in ans.text and "thường xuyên trong năm 2026" in ans.text, ans.text
    # a 'when' about one of its items is that item's, not the plan's
    item = answers.ask("khi nào lập biên bản sau mỗi đợt giám sát", "tỉnh An Hòa")
    assert "Thời gian thực hiện" not in item.text, item.text


def test_a_time_written_as_a_labelled_line_answers_too() -> None:
    lines = (
        "1. Nội dung: thi đua hoàn thành chỉ tiêu.",
        "2. Thời gian thực hiện: Từ tháng 10/2025 đến hết năm.",
    )
    body = sections.Section(7, "II. NỘI DUNG THI ĐUA", frozenset(), lines)
    found = sections.time_section([body], 7)
    assert found is not None and found.lines == (lines[1],)
    assert sections.time_section([body], 8) is None  # another plan's
    assert sections.asks_plan_time(
        {"dot", "thi", "dua", "bat", "dau", "tu", "thang", "may"}, {"dot", "thi", "dua"}
    )
    assert not sections.asks_plan_time({"lap", "bien", "ban", "khi", "nao"}, {"giam", "sat"})


def test_a_section_question_reads_the_passages_once(engine: Engine, tmp_path: Path) -> None:
    """The sections come from the passages the question's search loaded (storage/passage_index.py),
    not from a second query of the same rows."""
    path = tmp_path / "plan.md"
    path.write_text(PLAN, encoding="utf-8")
    ingest_file(engine, path)
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        for question in (
            "kinh phí lấy từ đâu",
            "việc giám sát nước sạch nông thôn năm 2026 tiến hành khi nào",
        ):
            statements.clear()
            AnswerEngine(engine).ask(question, "tỉnh An Hòa")  # nothing loaded yet
            assert sum("FROM passages" in s for s in statements) == 1, statements
    finally:
        event.remove(engine, "before_cursor_execute", seen)


def test_a_plan_ingested_again_is_listed_anew(engine: Engine, tmp_path: Path) -> None:
    answers = _engine(engine, tmp_path)
    assert "ngân sách tỉnh" in answers.ask("kinh phí lấy từ đâu", "tỉnh An Hòa").text
    path = tmp_path / "plan.md"
    path.write_text(PLAN.replace("Từ ngân sách tỉnh", "Từ nguồn xã hội hóa"), encoding="utf-8")
    ingest_file(engine, path)
    funds = answers.ask("kinh phí lấy từ đâu", "tỉnh An Hòa").text
    assert "xã hội hóa" in funds and "ngân sách tỉnh" not in funds, funds


def test_a_headings_number_is_the_outlines_marker() -> None:
    """leaf() and the labelled time line drop a heading's number as the outline reads it
    (knowledge/extract/outline.py strip_marker), bullets and 'III-' included."""
    assert sections.leaf("IV. › 1. Phương pháp") == "Phương pháp"
    assert sections.leaf("II. › b) Kinh phí") == "Kinh phí"
    assert sections.leaf("III- TỔ CHỨC THỰC HIỆN") == "TỔ CHỨC THỰC HIỆN"
    assert sections.leaf("II. › - Về kinh tế") == "Về kinh tế"
    lines = ("a) Thời hạn hoàn thành: trước 30/6/2026.",)
    found = sections.time_section([sections.Section(1, "II. NỘI DUNG", frozenset(), lines)], 1)
    assert found is not None and found.lines == lines


def test_the_word_lists_are_the_lexicons() -> None:
    """Heading words that name no subject and the wording of a 'when' question live in
    knowledge/lexicon.py; a 'when' phrase of QUESTION_PHRASES is such wording."""
    assert sections.subject_words("V. KINH PHÍ THỰC HIỆN") == {"kinh", "phi"}
    assert sections.subject_words("2. Nội dung triển khai đối với các xã") == {"xa"}
    for phrase in lexicon.WHEN_PHRASES:
        assert phrase in lexicon.QUESTION_PHRASES
        words = set(fold(phrase).split())
        assert sections.asks_plan_time(words | {"dot", "thi", "dua", "dien", "ra"}, {"thi", "dua"}), phrase
    assert not sections.asks_plan_time({"dot", "thi", "dua", "khen", "thuong", "khi", "nao"}, {"thi", "dua"})
