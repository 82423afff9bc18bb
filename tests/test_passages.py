"""Passages: every sentence and table row of a plan is indexed with where it stands, and
answers quote one when no indicator or task answers the question with confidence."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, delete, func, select

from knowledge import passages as quotes
from knowledge import quote_text as quoting
from knowledge.readers import read_document
from knowledge.text import unify_tones
from storage import models as m
from storage.answers import AnswerEngine
from storage.db import transaction
from storage.ingest import ingest_file
from storage.passages import PassageRow

PLAN = """**ỦY BAN NHÂN DÂN XÃ AN BÌNH**

Số: 12/KH-UBND

An Bình, ngày 10 tháng 01 năm 2025

**KẾ HOẠCH**
**Phát triển kinh tế - xã hội năm 2025**

**I. CÁC CHỈ TIÊU CHỦ YẾU**

| STT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2025 | Đơn vị thực hiện |
|---|---|---|---|---|
| 1 | Sản lượng lương thực | tấn | 5.200 | Công chức Nông nghiệp |
| 2 | Tỷ lệ hộ nghèo | % | dưới 2,5 | Công chức LĐTBXH |

**II. NHIỆM VỤ VÀ GIẢI PHÁP**

**1. Về kinh tế**

- Phát triển sản xuất nông nghiệp theo hướng hàng hóa.

**3. Về y tế**

- Tổ chức khám sàng lọc cho người cao tuổi. Trạm Y tế mở thêm {hours} phòng khám ngoài giờ vào thứ Bảy hằng tuần.

Biểu 02

| STT | Nội dung | Số lượng |
|---|---|---|
| 1 | Giếng khoan hợp vệ sinh | 12 |
| 2 | Cầu dân sinh xây mới | 3 |

Trên đây là Kế hoạch phát triển kinh tế - xã hội năm 2025 của UBND xã An Bình.
"""


def _write(tmp_path: Path, hours: str = "02", name: str = "an_binh.md") -> Path:
    path = tmp_path / name
    path.write_text(PLAN.format(hours=hours), encoding="utf-8")
    return path


def test_every_sentence_and_table_row_has_its_heading_path(tmp_path: Path) -> None:
    found = quotes.passages_of(read_document(_write(tmp_path)))
    clinic = next(p for p in found if "phòng khám ngoài giờ" in p.text)
    assert clinic.heading == "II. › 3. Về y tế"
    assert clinic.text.startswith("Trạm Y tế")  # one sentence, not the whole paragraph
    row = next(p for p in found if "Cầu dân sinh" in p.text)
    assert row.where == "Biểu 02 · dòng 3"
    assert "Số lượng: 3" in row.text


def test_ingest_writes_passages_and_the_plan_takes_them_along(engine: Engine, tmp_path: Path) -> None:
    result = ingest_file(engine, _write(tmp_path))
    with transaction(engine) as session:
        rows = session.scalars(select(PassageRow).where(PassageRow.plan_id == result.plan_id)).all()
        assert any(r.heading == "II. › 3. Về y tế" and "ngoài giờ" in r.text for r in rows)
        session.execute(delete(m.Plan).where(m.Plan.id == result.plan_id))
    with transaction(engine) as session:
        assert session.scalar(select(func.count()).select_from(PassageRow)) == 0


def test_a_fact_only_in_prose_is_answered_by_a_quote(engine: Engine, tmp_path: Path) -> None:
    ingest_file(engine, _write(tmp_path))
    ans = AnswerEngine(engine).ask("trạm y tế mở mấy phòng khám ngoài giờ?", locality="xã An Bình")
    assert ans.quoted
    assert "«Trạm Y tế mở thêm 02 phòng khám ngoài giờ" in ans.text
    assert "12/KH-UBND" in ans.text and "3. Về y tế" in ans.text
    assert len(ans.text) <= quoting.REPLY_LIMIT + 100


def test_a_table_row_no_indicator_took_up_is_quoted(engine: Engine, tmp_path: Path) -> None:
    ingest_file(engine, _write(tmp_path))
    ans = AnswerEngine(engine).ask("bao nhiêu giếng khoan hợp vệ sinh", locality="xã An Bình")
    assert "Giếng khoan hợp vệ sinh; Số lượng: 12" in ans.text
    assert "Biểu 02 · dòng 2" in ans.text


def test_nothing_matching_says_not_found(engine: Engine, tmp_path: Path) -> None:
    ingest_file(engine, _write(tmp_path))
    ans = AnswerEngine(engine).ask("giá vàng hôm nay", locality="xã An Bình")
    assert ans.text.startswith("Không tìm thấy")
    assert not ans.quoted


def test_an_item_matching_in_part_is_asked_about(engine: Engine, tmp_path: Path) -> None:
    ingest_file(engine, _write(tmp_path))
    ans = AnswerEngine(engine).ask("sản lượng lương thực vụ đông xuất khẩu", locality="xã An Bình")
    assert ans.text.startswith("Có phải bạn hỏi: «Sản lượng lương thực»?")
    assert "5.200" in ans.text  # what the plan holds follows the question
    assert [c.name for c in ans.candidates] == ["Sản lượng lương thực"]  # a button on Telegram
    sure = AnswerEngine(engine).ask("sản lượng lương thực năm 2025", locality="xã An Bình")
    assert "Có phải bạn hỏi" not in sure.text and "5.200" in sure.text


def test_reingest_replaces_the_passages(engine: Engine, tmp_path: Path) -> None:
    first = ingest_file(engine, _write(tmp_path, "02"))
    second = ingest_file(engine, _write(tmp_path, "05", name="an_binh_v2.md"))
    assert second.status == "superseded"
    ans = AnswerEngine(engine).ask("trạm y tế mở mấy phòng khám ngoài giờ?", locality="xã An Bình")
    assert "mở thêm 05 phòng khám" in ans.text and "mở thêm 02" not in ans.text
    with transaction(engine) as session:
        plans = set(session.scalars(select(PassageRow.plan_id).distinct()))
    assert second.plan_id in plans and first.plan_id != second.plan_id


def test_another_place_than_the_askers_is_named(engine: Engine, tmp_path: Path) -> None:
    ingest_file(engine, _write(tmp_path))
    other = PLAN.replace("AN BÌNH", "PHÚ LỘC").replace("An Bình", "Phú Lộc")
    (tmp_path / "phu_loc.md").write_text(other.format(hours="04"), encoding="utf-8")
    ingest_file(engine, tmp_path / "phu_loc.md")
    ans = AnswerEngine(engine).ask("trạm y tế xã Phú Lộc mở mấy phòng khám ngoài giờ?", locality="xã An Bình")
    assert "xã Phú Lộc" in ans.text.split("\n")[0]  # the place, before anything else
    assert "04 phòng khám" in ans.text
    item = AnswerEngine(engine).ask("tỷ lệ hộ nghèo xã Phú Lộc", locality="xã An Bình")
    assert "xã Phú Lộc" in item.text.split("\n")[0]
    assert quoting.about_place("xã Phú Lộc", "Chỉ tiêu: 5%") == "Về xã Phú Lộc:\nChỉ tiêu: 5%"


def test_choice_between_item_and_passage() -> None:
    assert quotes.choose(None, None) == quotes.NOTHING
    assert quotes.choose(None, (30.0, 0.4)) == quotes.NOTHING  # too little in common to quote
    assert quotes.choose(None, (70.0, 0.9)) == quotes.QUOTE
    # the sentence holding most of a long question that also names its plan and asks
    # 'bao lâu một lần, gửi về đâu' ('Định kỳ 06 tháng … gửi về Sở …': 0.57 of its weight)
    assert quotes.choose(None, (56.0, 0.57)) == quotes.QUOTE
    assert quotes.choose((90.0, 1.0), (60.0, 0.7)) == quotes.ITEM
    assert quotes.choose((50.0, 0.6), (40.0, 0.6)) == quotes.HEDGE
    assert quotes.choose((60.0, 0.6), (80.0, 0.9)) == quotes.QUOTE
    assert quotes.choose((80.0, 0.9), (79.0, 0.9)) == quotes.BOTH


def test_tone_placement_keeps_qu() -> None:
    assert unify_tones("quỹ đất, quý I, hoà bình, thuỷ lợi") == "quỹ đất, quý I, hòa bình, thủy lợi"
    assert unify_tones("QUỸ") == "QUỸ"


def test_ingesting_an_unchanged_file_again_fills_in_missing_passages(engine: Engine, tmp_path: Path) -> None:
    path = _write(tmp_path)
    first = ingest_file(engine, path)
    with transaction(engine) as session:  # as a plan stored before the passage index existed
        session.execute(delete(PassageRow))
    again = ingest_file(engine, path)
    assert again.status == "unchanged" and again.plan_id == first.plan_id
    with transaction(engine) as session:
        assert session.scalar(select(func.count()).select_from(PassageRow)) > 0


async def test_telegram_asks_back_with_a_button_and_quotes(engine: Engine, tmp_path: Path) -> None:
    from tests.fakes.harness import BotHarness

    ingest_file(engine, _write(tmp_path))
    resident = 3003
    async with BotHarness(engine, {1001}) as h:
        await h.say(resident, "/diaphuong An Bình")
        asked = await h.say(resident, "sản lượng lương thực vụ đông xuất khẩu")
        assert asked[0].startswith("Có phải bạn hỏi: «Sản lượng lương thực»?")
        assert h.fake.find_button(resident, "Sản lượng lương thực") is not None
        before = len(h.fake.texts(resident))
        await h.press(resident, "Sản lượng lương thực")
        await h.fake.wait_for_text(resident, before + 1)
        assert "5.200" in h.fake.texts(resident)[-1]
        quoted = await h.say(resident, "trạm y tế mở mấy phòng khám ngoài giờ?")
        assert "«Trạm Y tế mở thêm 02 phòng khám ngoài giờ" in quoted[0]
        assert "mục II. › 3. Về y tế" in quoted[0]
        assert h.crashed is None


def test_synonyms_come_from_the_lexicon_on_both_sides() -> None:
    from knowledge.question import folded_text

    assert folded_text("Tỷ lệ rác thải sinh hoạt được thu gom") == folded_text(
        "Tỷ lệ chất thải rắn sinh hoạt được thu gom"
    )
    assert folded_text("số DN thành lập mới") == folded_text("số doanh nghiệp thành lập mới")
    assert folded_text("BHXH tự nguyện") == folded_text("bảo hiểm xã hội tự nguyện")
    assert folded_text("rác") == "rac"  # a lone word is not the phrase


def test_a_sentence_an_export_broke_under_its_heading_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "kh.md"
    path.write_text(
        "**KẾ HOẠCH**\n\n**V. TỔ CHỨC THỰC HIỆN**\n\n1. Giao Sở\n"
        "Nông nghiệp và Môi trường là cơ quan đầu mối, chủ trì, hướng dẫn thực hiện Đề án; tổ chức thực hiện "
        "các nhiệm vụ sau:\n\n- Điều phối chung việc triển khai Kế hoạch.\n\n"
        "2. Sở Y tế\nChủ trì hướng dẫn phòng, chống dịch bệnh.\n",
        encoding="utf-8",
    )
    texts = [p.text for p in quotes.passages_of(read_document(path))]
    assert texts[0].startswith("Giao Sở Nông nghiệp và Môi trường là cơ quan đầu mối, chủ trì"), texts
    assert "Chủ trì hướng dẫn phòng, chống dịch bệnh." in texts  # a paragraph under a whole name stays


def test_a_long_title_stays_in_the_path_and_a_long_lead_in_does_not(tmp_path: Path) -> None:
    """A bold numbered title broken over three lines is a title however long; a lead-in that
    states a figure after a colon is not (it would lend its words to every sentence below)."""
    path = tmp_path / "kh.md"
    path.write_text(
        "**II. NỘI DUNG KẾ HOẠCH**\n\n"
        "**3. Hội nghị phổ biến, tuyên truyền,\n"
        "vận động người dân, hướng dẫn biện pháp xử lý về môi trường và các quy định của\n"
        "pháp luật khác có liên quan**\n\n"
        "- Số lượng: 02 hội nghị/năm × 50 đại biểu/hội nghị.\n\n"
        "**4. Chi đầu tư phát triển: ước thực hiện cả năm 5.817,196 tỷ đồng, đạt 61,5% kế hoạch,"
        " trong đó chi từ nguồn thu tiền sử dụng đất ước đạt thấp:**\n\n"
        "- Chi đầu tư từ nguồn vay của ngân sách địa phương 22,656 tỷ đồng.\n",
        encoding="utf-8",
    )
    found = {p.text: p for p in quotes.passages_of(read_document(path))}
    meetings = found["- Số lượng: 02 hội nghị/năm × 50 đại biểu/hội nghị."]
    assert "biện pháp xử lý về môi trường" in meetings.context
    assert meetings.heading.startswith("II. › 3. Hội nghị phổ biến")
    loans = found["- Chi đầu tư từ nguồn vay của ngân sách địa phương 22,656 tỷ đồng."]
    assert "ước thực hiện" not in loans.context
