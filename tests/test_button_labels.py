"""No two buttons of one keyboard read the same: same-named items ('Nông nghiệp' as a
share and as a value, 'Tỷ lệ hộ nghèo' of several places) are told apart by the place,
the plan's number or the heading they stand under."""

from __future__ import annotations

import pytest

from handlers.labels import Choice, distinct_labels, distinct_rows
from storage.ingest import ingest_paths
from tests.conftest import SAMPLES
from tests.fakes.harness import BotHarness

ADMIN, RESIDENT = 1001, 3003


@pytest.fixture
def plans(engine):
    assert all(r.ok for r in ingest_paths(engine, sorted(SAMPLES.glob("*.txt"))))
    return engine


def _labels(h: BotHarness, chat: int) -> list[str]:
    last = h.fake.last_message(chat) or {}
    rows = (last.get("reply_markup") or {}).get("inline_keyboard") or []
    return [b["text"] for row in rows for b in row]


def test_same_names_get_the_hint_that_tells_them_apart() -> None:
    labels = distinct_labels(
        [
            Choice("Tỷ lệ hộ nghèo", "a", ("phường Đông Thọ", "QĐ 23/QĐ-UBND", "Xã hội", "chỉ tiêu")),
            Choice("Tỷ lệ hộ nghèo", "b", ("xã Hưng Đông", "KH 5/KH-UBND", "Xã hội", "chỉ tiêu")),
            Choice("Nông nghiệp", "c", ("xã Hưng Đông", "KH 5/KH-UBND", "Các chỉ tiêu kinh tế", "chỉ tiêu")),
            Choice("Nông nghiệp", "d", ("xã Hưng Đông", "KH 5/KH-UBND", "Quốc phòng", "chỉ tiêu")),
            Choice("Trạm Y tế", "e"),
        ]
    )
    assert labels == [
        "Tỷ lệ hộ nghèo · phường Đông Thọ",
        "Tỷ lệ hộ nghèo · xã Hưng Đông",
        "Nông nghiệp · Các chỉ tiêu kinh tế",
        "Nông nghiệp · Quốc phòng",
        "Trạm Y tế",
    ]


def test_an_item_quoted_twice_is_one_button_and_long_names_alike_are_numbered() -> None:
    twice = Choice("Vệ sinh an toàn thực phẩm", "x", ("phường Đông Thọ",))
    long_a = Choice(
        "Tiếp tục huy động các nguồn lực từ cấp trên; nguồn lực từ nhà đầu tư, doanh nghiệp (1)", "p"
    )
    long_b = Choice(
        "Tiếp tục huy động các nguồn lực từ cấp trên; nguồn lực từ nhà đầu tư, doanh nghiệp (2)", "q"
    )
    rows = distinct_rows([twice, Choice(twice.name, "y", twice.hints), long_a, long_b])
    labels = [label for [(label, _)] in rows]
    assert len(rows) == 3 and len(set(labels)) == 3 and all(len(lb) <= 58 for lb in labels)


@pytest.mark.parametrize("ask", ["/chitieu tỷ lệ hộ nghèo", "/chitieu ty le ho ngheo"])
async def test_a_keyboard_of_same_named_items_names_their_places(plans, ask) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        await h.say(RESIDENT, ask)  # no place chosen: the items of every place
        labels = _labels(h, RESIDENT)
        assert len(labels) >= 2 and len(set(labels)) == len(labels), labels
        assert all("·" in lb for lb in labels if lb.startswith("Tỷ lệ hộ nghèo")), labels
        assert h.crashed is None


@pytest.mark.parametrize(
    "ask",
    [
        "/nhiemvu tập trung đẩy mạnh giải ngân nguồn vốn đầu tư công",
        "/nhiemvu tap trung day manh giai ngan von dau tu cong",
    ],
)
async def test_tasks_of_one_name_in_one_group_name_who_carries_them_out(plans, ask) -> None:
    async with BotHarness(plans, {ADMIN}) as h:
        await h.say(RESIDENT, "/diaphuong Hưng Đông")
        await h.say(RESIDENT, ask)
        labels = _labels(h, RESIDENT)
        same = [lb for lb in labels if lb.startswith("Tập trung đẩy mạnh giải ngân")]
        assert len(same) == 2 and len(set(labels)) == len(labels), labels
        assert h.crashed is None
