"""Tasks written outside tables: titled items ('1.', 'a)', '-', 'Nhiệm vụ N:') followed by
labelled fields (Chỉ đạo / Chủ trì / Phối hợp / Thời gian …), on their own lines or run
together, with deadlines taken from a period heading ('QUÝ IV/2025') when an item has none."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from knowledge.deadlines import parse_deadline
from knowledge.extract import prose_tasks, tables
from knowledge.extract.plan import extract_plan
from knowledge.extract.prose_tasks import period_heading, split_fields
from knowledge.model import Block, Document, Task
from knowledge.readers import read_document

ROOT = Path(__file__).resolve().parent
LAYOUTS = ROOT / "data" / "layouts"
SAMPLES = ROOT.parent / "knowledge" / "samples"
HELDOUT = ROOT / "data" / "heldout" / "docs"


def _doc(text: str) -> Document:
    blocks = [Block(kind="line", text=line, line_no=n) for n, line in enumerate(text.splitlines(), 1)]
    return Document(source="inline.txt", blocks=blocks)


def _tasks(text: str) -> list[Task]:
    return prose_tasks.extract(_doc(text)).tasks


# --- a work programme grouped by period (file) ------------------------------------------------


@pytest.fixture(scope="module")
def programme() -> list[Task]:
    return prose_tasks.extract(read_document(LAYOUTS / "tasks_programme_xa_long_son.txt")).tasks


def test_programme_items_become_tasks_in_order(programme: list[Task]) -> None:
    assert [t.name for t in programme] == [
        "Hoàn thành kiểm kê đất công do xã quản lý",
        "Tổ chức tập huấn chuyển đổi số cho tổ công nghệ số cộng đồng",
        "Tổng kết công tác bầu cử, khen thưởng các tập thể, cá nhân có thành tích xuất sắc",
        "Khởi công nhà văn hóa thôn Đồng Tâm",
        "Duy trì xã đạt chuẩn tiếp cận pháp luật",
        "Tuyên truyền phòng, chống cháy nổ tại khu dân cư",
        "Văn phòng HĐND và UBND xã theo dõi, tổng hợp",
    ]
    assert programme[0].source_ref == "line 11"
    assert len({t.key for t in programme}) == len(programme)


def test_fields_run_together_on_the_title_line(programme: list[Task]) -> None:
    first = programme[0]
    assert (first.no, first.leader) == ("a", "Nguyễn Văn Tâm, Phó Chủ tịch UBND xã")
    assert (first.responsible, first.coordinating) == ("Công chức Địa chính - Xây dựng", "các thôn")


def test_deadline_comes_from_the_period_heading(programme: list[Task]) -> None:
    dues = [t.due_date for t in programme]
    assert dues[0] == date(2025, 9, 30)  # I. QUÝ III/2025
    assert dues[2] == date(2025, 12, 31)  # II. Tháng 12 năm 2025
    assert dues[4] == date(2026, 12, 31)  # III. Trong năm 2026
    assert programme[0].deadline_text == "Quý III/2025"
    assert programme[0].group == "Quý III/2025"


def test_own_deadline_in_brackets_overrides_the_heading(programme: list[Task]) -> None:
    second = programme[1]
    assert second.deadline_text == "Tháng 11/2025"
    assert second.due_date == date(2025, 11, 30)
    assert second.responsible == "Văn phòng HĐND và UBND xã"


def test_month_without_year_takes_the_heading_year(programme: list[Task]) -> None:
    assert programme[3].deadline_text == "Tháng 9"
    assert programme[3].due_date == date(2026, 9, 30)
    assert programme[3].leader == "đ/c Nguyễn Văn Tâm, Phó Chủ tịch UBND xã"
    assert programme[3].responsible == "Công chức Địa chính - Xây dựng"  # 'Người thực hiện'


def test_wrapped_title_is_joined_and_fields_follow_on_next_line(programme: list[Task]) -> None:
    third = programme[2]
    assert (third.responsible, third.coordinating, third.leader) == (
        "Văn phòng HĐND và UBND xã",
        "Ủy ban MTTQ xã",
        None,
    )


def test_recurring_heading_and_end_of_periods(programme: list[Task]) -> None:
    routine = programme[5]
    assert routine.recurring and routine.due_date is None
    assert routine.deadline_text == "Thường xuyên"
    # 'V. TỔ CHỨC THỰC HIỆN' closes the periods: no deadline is invented for what follows
    assert programme[6].deadline_text is None and programme[6].due_date is None


# --- records: 'Nhiệm vụ N' + bulleted labelled fields ----------------------------------------

RECORDS = """\
II. CÁC NHIỆM VỤ CỤ THỂ

Nhiệm vụ số 1. Nâng cấp tuyến đường trục thôn Bản Mới
+ Lãnh đạo phụ trách: Đ/c Hoàng Văn Sáng, Chủ tịch UBND xã
• Cơ quan chủ trì: Phòng Kinh tế
+ Đơn vị phối hợp: Ban phát triển thôn Bản Mới;
  các hộ dân ven tuyến
+ Tiến độ: 6 tháng đầu năm 2026

Nhiệm vụ số 2. Xây dựng mô hình trồng dược liệu dưới tán rừng
+ Lãnh đạo phụ trách: Đ/c Lò Thị Mai, Phó Chủ tịch UBND xã
+ Bộ phận tham mưu: Phòng Kinh tế
+ Thời hạn hoàn thành:
  Quý IV/2026

NV3: Rà soát hộ nghèo, hộ cận nghèo cuối năm
- Phụ trách: đ/c Lò Thị Mai
- Đơn vị phụ trách: Phòng Văn hóa - Xã hội
"""


def test_records_with_bulleted_fields() -> None:
    tasks = _tasks(RECORDS)
    assert [(t.no, t.name) for t in tasks] == [
        ("1", "Nâng cấp tuyến đường trục thôn Bản Mới"),
        ("2", "Xây dựng mô hình trồng dược liệu dưới tán rừng"),
        ("3", "Rà soát hộ nghèo, hộ cận nghèo cuối năm"),
    ]
    first, second, third = tasks
    assert first.leader == "Đ/c Hoàng Văn Sáng, Chủ tịch UBND xã"
    assert first.responsible == "Phòng Kinh tế"
    assert first.coordinating == "Ban phát triển thôn Bản Mới; các hộ dân ven tuyến"  # wrapped value
    assert first.due_date == date(2026, 6, 30)
    assert (second.responsible, second.deadline_text, second.due_date) == (
        "Phòng Kinh tế",
        "Quý IV/2026",  # the value on the line after its label
        date(2026, 12, 31),
    )
    # 'Phụ trách' names a leader when it names a person, a unit otherwise
    assert (third.leader, third.responsible, third.deadline_text) == (
        "đ/c Lò Thị Mai",
        "Phòng Văn hóa - Xã hội",
        None,
    )


def test_bulleted_titles_and_markdown_fields() -> None:
    text = """\
## Nhiệm vụ trọng tâm

- Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở các khu dân cư
  **Chủ trì:** Ủy ban MTTQ phường; **Thời gian:** Tháng 11/2025
- Ra mắt mô hình "Khu phố không rác"
  **Đơn vị:** Phòng Kinh tế, Hạ tầng và Đô thị; **Thời gian:** Quý I/2026
"""
    tasks = _tasks(text)
    assert [(t.name, t.responsible, t.due_date) for t in tasks] == [
        (
            "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở các khu dân cư",
            "Ủy ban MTTQ phường",
            date(2025, 11, 30),
        ),
        ('Ra mắt mô hình "Khu phố không rác"', "Phòng Kinh tế, Hạ tầng và Đô thị", date(2026, 3, 31)),
    ]


def test_fields_in_brackets_after_the_title() -> None:
    text = """\
3. Các nhiệm vụ trong năm 2026
3.1. Hoàn thiện hồ sơ công nhận xã đạt chuẩn nông thôn mới nâng cao (Cơ quan thực hiện: Phòng Kinh tế; \
thời gian thực hiện: Quý II/2026).
3.2. Chuyển đổi 20 ha đất lúa kém hiệu quả sang trồng cây ăn quả (Đơn vị chủ trì: Phòng Kinh tế).
"""
    tasks = _tasks(text)
    assert [(t.no, t.responsible, t.deadline_text, t.due_date) for t in tasks] == [
        ("3.1", "Phòng Kinh tế", "Quý II/2026", date(2026, 6, 30)),
        ("3.2", "Phòng Kinh tế", "Năm 2026", date(2026, 12, 31)),
    ]
    assert tasks[0].name == "Hoàn thiện hồ sơ công nhận xã đạt chuẩn nông thôn mới nâng cao"


# --- what is not a task ------------------------------------------------------------------------


def test_indicator_records_with_a_unit_in_charge_are_not_tasks() -> None:
    text = """\
1. Tổng sản lượng lương thực có hạt
Đơn vị tính: tấn
Chỉ tiêu giao năm 2026: 5.200
Bộ phận chủ trì: Công chức Nông nghiệp - Môi trường
Thời gian: Năm 2026

2. Tỷ lệ hộ dân dùng nước sạch: 98% (Phụ trách: Công chức Văn hóa - Xã hội).
- Tỷ lệ trẻ em được tiêm chủng đầy đủ đạt trên 97% (Chủ trì Trạm Y tế xã).
"""
    assert _tasks(text) == []


def test_leader_alone_or_a_label_inside_a_sentence_makes_no_task() -> None:
    text = """\
1. Phát triển kinh tế nông nghiệp theo hướng hàng hóa.
Chỉ đạo: đ/c Hoàng Văn Sáng, Chủ tịch UBND xã.
2. UBND xã tăng cường chỉ đạo: rà soát, đôn đốc; các phòng chủ trì: thực hiện đúng thời gian: quý IV.
3. Thời gian: từ tháng 1 đến hết tháng 12/2026.
"""
    assert _tasks(text) == []


def test_field_lines_without_a_title_are_ignored() -> None:
    assert _tasks("Chủ trì: Phòng Kinh tế\nThời gian: Quý III/2025\n") == []


@pytest.mark.parametrize(
    "path",
    sorted(LAYOUTS.glob("prose_*.*")) + sorted(SAMPLES.glob("*.txt")) + sorted(HELDOUT.glob("*.*")),
    ids=lambda p: p.name,
)
def test_no_prose_tasks_invented_in_plans_without_them(path: Path) -> None:
    assert prose_tasks.extract(read_document(path)).tasks == []


# --- pieces ----------------------------------------------------------------------------------


def test_split_fields_keeps_names_with_commas_and_units_with_semicolons() -> None:
    head, fields = split_fields(
        "Kiểm tra ATTP (thời hạn: trước 31/3/2026). Chỉ đạo: đ/c Lê Văn Hậu, Phó Chủ tịch UBND phường. "
        "Chủ trì: Trạm Y tế phường. Phối hợp: Công an phường; Phòng Văn hóa - Xã hội."
    )
    assert head == "Kiểm tra ATTP"
    assert [(f.role, f.value) for f in fields] == [
        ("deadline", "trước 31/3/2026"),
        ("leader", "đ/c Lê Văn Hậu, Phó Chủ tịch UBND phường"),
        ("responsible", "Trạm Y tế phường"),
        ("coordinating", "Công an phường; Phòng Văn hóa - Xã hội"),
    ]


@pytest.mark.parametrize(
    ("line", "text", "due"),
    [
        ("A. THÁNG 8/2025", "Tháng 8/2025", date(2025, 8, 31)),
        ("I. QUÝ III/2025", "Quý III/2025", date(2025, 9, 30)),
        ("Tháng 9 năm 2025", "Tháng 9 năm 2025", date(2025, 9, 30)),
        ("3. Trong năm 2026:", "Trong năm 2026", date(2026, 12, 31)),
        ("D. NHIỆM VỤ THƯỜNG XUYÊN, HẰNG NĂM", "Thường xuyên, hằng năm", None),
    ],
)
def test_period_headings(line: str, text: str, due: date | None) -> None:
    period = period_heading(line)
    assert period is not None and period.text == text
    assert parse_deadline(period.text, default_year=period.year).due_date == due


@pytest.mark.parametrize(
    "line",
    ["I. CHỈ TIÊU CHỦ YẾU NĂM 2025", "E. TỔ CHỨC THỰC HIỆN", "1. Về kinh tế", "Năm 2025, thu ngân sách đạt"],
)
def test_not_period_headings(line: str) -> None:
    assert period_heading(line) is None


def test_programme_without_indicators_is_a_plan() -> None:
    plan = extract_plan(read_document(LAYOUTS / "tasks_programme_xa_long_son.txt"))
    assert plan.is_plan and len(plan.tasks) == 7
    assert plan.indicators == []


# --- task tables continued after a page marker ---------------------------------------------------


def test_continuation_row_after_page_marker_joins_the_task_above() -> None:
    header = ["TT", "Nội dung công việc", "Lãnh đạo phụ trách", "Bộ phận chủ trì", "Thời hạn"]
    blocks = [
        Block(
            kind="table",
            line_no=1,
            rows=[header, ["1", "Lắp đặt camera an ninh", "Đ/c A", "Công an xã", "Quý II/2025"]],
        ),
        Block(kind="line", line_no=3, text="- 2 -"),
        Block(kind="line", line_no=4, text="— Trang 2 —"),
        Block(
            kind="table",
            line_no=5,
            rows=[
                header,
                ["", "tại các ngã ba, ngã tư", "", "", ""],
                ["2", "Phát quang hành lang", "Đ/c B", "Phòng Kinh tế", "Tháng 6/2025"],
            ],
        ),
    ]
    found = tables.extract(Document(source="t.txt", blocks=blocks)).tasks
    assert [t.name for t in found] == [
        "Lắp đặt camera an ninh tại các ngã ba, ngã tư",
        "Phát quang hành lang",
    ]


def test_continuation_row_after_a_footer_with_text_joins_the_task_above() -> None:
    header = ["STT", "Nhiệm vụ", "Chỉ đạo", "Chủ trì", "Phối hợp", "Thời gian"]
    blocks = [
        Block(
            kind="table",
            line_no=1,
            rows=[
                header,
                [
                    "1",
                    "Cải tạo hệ thống thoát nước khu dân cư số 3,",
                    "Đ/c A",
                    "Phòng Kinh tế",
                    "",
                    "Năm 2025",
                ],
            ],
        ),
        Block(kind="line", line_no=3, text="Kế hoạch số 12/KH-UBND của UBND phường An Phú"),
        Block(kind="line", line_no=4, text="Trang 2/3"),
        Block(kind="line", line_no=5, text="(Kèm theo Kế hoạch)"),
        Block(
            kind="table",
            line_no=6,
            rows=[
                header,
                ["", "đoạn từ chợ đến cầu Ông Đá", "", "", "", ""],
                ["2", "Lắp đặt đèn chiếu sáng", "Đ/c B", "Phòng Kinh tế", "Các khu phố", "Quý III/2025"],
                ["", "Duy tu đường nội bộ khu phố 2", "Đ/c B", "Phòng Kinh tế", "", "Quý IV/2025"],
            ],
        ),
    ]
    found = tables.extract(Document(source="t.txt", blocks=blocks)).tasks
    assert [t.name for t in found] == [
        "Cải tạo hệ thống thoát nước khu dân cư số 3, đoạn từ chợ đến cầu Ông Đá",
        "Lắp đặt đèn chiếu sáng",
        "Duy tu đường nội bộ khu phố 2",
    ]


# --- records whose fields wrap over PDF lines ------------------------------------------------

WRAPPED = """\
II. CÁC VIỆC CẦN LÀM
Công việc 1: Nạo vét kênh tiêu thủy lợi nội đồng thôn Đông.
Lãnh đạo chỉ đạo: Đ/c Phạm Minh Khôi - PCT UBND; Chủ trì: Công chức Địa chính; Phối hợp: Hợp
tác xã dịch vụ; thôn Đông; Thời gian hoàn thành: Quý III/2027.
Công việc 2: Sửa chữa nhà văn hóa thôn Bắc.
Lãnh đạo chỉ đạo: Đ/c Phạm Minh Khôi - PCT UBND; Chủ trì: Công chức Địa chính; Phối hợp: Ban
Công tác Mặt trận thôn Bắc; Thời gian hoàn thành: Trước 20/9/2027.
Công việc 3: Rà soát hộ cận nghèo phát sinh.
Lãnh đạo chỉ đạo: Đ/c Vũ Thị Lan - PCT UBND; Đơn vị chủ trì: Công chức Lao động; Đơn vị phối
hợp: các thôn; Thời gian hoàn thành: Tháng 11/2027.
Công việc 4: Tập huấn phòng chống thiên tai.
Lãnh đạo chỉ đạo: Đ/c Vũ Thị Lan - PCT UBND; Chủ trì: Ban Chỉ huy quân sự; Phối hợp:
Đội xung kích; Thời gian hoàn thành: Tháng 5/2027.
III. TỔ CHỨC THỰC HIỆN
Các bộ phận báo cáo kết quả hằng tháng.
"""


def test_fields_wrapped_over_lines_keep_the_deadline() -> None:
    tasks = _tasks(WRAPPED)
    assert [(t.no, t.responsible, t.coordinating, t.deadline_text) for t in tasks] == [
        ("1", "Công chức Địa chính", "Hợp tác xã dịch vụ; thôn Đông", "Quý III/2027"),
        ("2", "Công chức Địa chính", "Ban Công tác Mặt trận thôn Bắc", "Trước 20/9/2027"),
        ("3", "Công chức Lao động", "các thôn", "Tháng 11/2027"),
        ("4", "Ban Chỉ huy quân sự", "Đội xung kích", "Tháng 5/2027"),
    ]
    assert [t.due_date for t in tasks] == [
        date(2027, 9, 30),
        date(2027, 9, 20),
        date(2027, 11, 30),
        date(2027, 5, 31),
    ]


def test_a_label_split_over_a_line_break_is_read() -> None:
    head, fields = split_fields("Việc A. Chủ trì: Phòng Kinh tế; Phối\nhợp: Trạm Y tế; Thời\nhạn: Quý I/2027")
    assert head == "Việc A"
    assert [(f.role, f.value) for f in fields] == [
        ("responsible", "Phòng Kinh tế"),
        ("coordinating", "Trạm Y tế"),
        ("deadline", "Quý I/2027"),
    ]


def test_a_new_sentence_after_a_finished_record_is_not_joined() -> None:
    text = (
        "1. Lắp đèn chiếu sáng đường liên thôn. Chủ trì: Công chức Địa chính; Thời hạn: Quý II/2027.\n"
        "Đề nghị các thôn phối hợp. Chủ trì: Ban Công tác Mặt trận; Thời hạn: Quý IV/2027.\n"
    )
    tasks = _tasks(text)
    assert [(t.name, t.responsible, t.deadline_text) for t in tasks] == [
        ("Lắp đèn chiếu sáng đường liên thôn", "Công chức Địa chính", "Quý II/2027"),
    ]


# --- the leader named by the heading above the records ---------------------------------------

LEAD_MD = """\
## III. PHÂN CÔNG THỰC HIỆN

### 1. Ông Hà Quang Minh, Chủ tịch UBND phường - chỉ đạo chung, trực tiếp chỉ đạo nội chính

- Chỉnh trang vỉa hè tuyến phố Hàng Than. Chủ trì: Phòng Kinh tế, Hạ tầng và Đô thị; thời hạn: Quý III/2027.
- Kiểm tra hộ kinh doanh dịp Tết. Chỉ đạo: Đ/c Lý Thu Hà - PCT UBND; Chủ trì: Công an phường; thời hạn: Tháng 1/2027.

### 2. Bà Đinh Thu Trang - PCT UBND phường: phụ trách văn hóa, xã hội

- Tổ chức lễ hội đường phố. Chủ trì: Phòng Văn hóa - Xã hội; thời hạn: Tháng 10/2027.

### 3. Phòng Kinh tế: phụ trách theo dõi các chỉ tiêu kinh tế

- Tổng hợp số liệu thu ngân sách. Chủ trì: Phòng Kinh tế; thời hạn: Hằng quý.

## IV. TỔ CHỨC THỰC HIỆN

- Báo cáo sơ kết 6 tháng. Chủ trì: Văn phòng HĐND và UBND phường; thời hạn: Tháng 6/2027.
"""


def test_records_take_the_leader_named_by_their_heading() -> None:
    tasks = _tasks(LEAD_MD)
    assert [(t.name, t.leader) for t in tasks] == [
        ("Chỉnh trang vỉa hè tuyến phố Hàng Than", "Ông Hà Quang Minh, Chủ tịch UBND phường"),
        ("Kiểm tra hộ kinh doanh dịp Tết", "Đ/c Lý Thu Hà - PCT UBND"),  # its own field wins
        ("Tổ chức lễ hội đường phố", "Bà Đinh Thu Trang - PCT UBND phường"),
        ("Tổng hợp số liệu thu ngân sách", None),  # a unit, not a leader, heads these
        ("Báo cáo sơ kết 6 tháng", None),  # a higher heading ends the scope
    ]


def test_bold_leader_heading_lasts_until_the_next_bold_heading() -> None:
    lines = [
        ("Đ/c Nông Văn Sáu - Phó Bí thư Đảng ủy, chỉ đạo lĩnh vực nông nghiệp, lao động và", True),
        ("việc làm, gồm các việc sau:", True),
        ("1. Sửa chữa trạm bơm thôn Nà Pồng. Chủ trì: Công chức Địa chính; Thời hạn: Quý II/2027.", False),
        ("2. Mở lớp dạy nghề mây tre đan. Chủ trì: Công chức Lao động; Thời hạn: Quý IV/2027.", False),
        ("Nhiệm vụ khác của các bộ phận", True),
        ("1. Rà soát hồ sơ đất đai tồn đọng. Chủ trì: Công chức Địa chính; Thời hạn: Tháng 8/2027.", False),
    ]
    blocks = [Block(kind="line", text=t, line_no=n, heading=h) for n, (t, h) in enumerate(lines, 1)]
    tasks = prose_tasks.extract(Document(source="inline.docx", blocks=blocks)).tasks
    assert [t.leader for t in tasks] == ["Đ/c Nông Văn Sáu - Phó Bí thư Đảng ủy"] * 2 + [None]


@pytest.mark.parametrize(
    ("line", "leader"),
    [
        ("2. Đồng chí Vi Văn Tú - PCT UBND xã: phụ trách nông nghiệp", "Đồng chí Vi Văn Tú - PCT UBND xã"),
        ("b) Lục Thị Mai, Phó Chủ tịch HĐND xã, trực tiếp chỉ đạo y tế", "Lục Thị Mai, Phó Chủ tịch HĐND xã"),
        ("1. Phó Chủ tịch UBND xã phụ trách kinh tế", None),  # no person named
        ("2. Đồng chí Vi Văn Tú - Trưởng thôn: phụ trách vệ sinh", None),  # no leadership title
        ("3. Ban Chỉ huy quân sự: phụ trách tuyển quân", None),
        ("1. Chủ tịch UBND xã tăng cường chỉ đạo công tác tiếp dân", None),
    ],
)
def test_lead_headings(line: str, leader: str | None) -> None:
    assert prose_tasks.lead_heading(line) == leader
