"""Reading plans typed without diacritics: one detector, and a reading passed explicitly."""

from __future__ import annotations

import re
from contextvars import ContextVar

from knowledge.extract import loose
from knowledge.extract.loose import ACCENTED, Dual, Reading
from knowledge.extract.metadata import extract_meta
from knowledge.extract.prose_items import parse_item
from knowledge.model import Block, Document
from knowledge.text import typed_without_diacritics


def test_a_document_is_bare_from_200_letters_with_under_one_percent_accented() -> None:
    assert not typed_without_diacritics("a" * 199)
    assert typed_without_diacritics("a" * 200)
    assert typed_without_diacritics("a" * 199 + "á")  # 1 of 200: a name pasted with its accents
    assert not typed_without_diacritics("a" * 198 + "áá")  # 2 of 200 is 1%: accented
    assert not typed_without_diacritics("Ủy ban nhân dân xã " * 20)


def test_an_item_is_bare_from_a_dozen_letters_none_accented() -> None:
    assert Reading.of_item("Ty le ho ngheo giam con duoi 8,4%").bare
    assert not Reading.of_item("Ty le ho ngheo giảm con duoi 8,4%").bare
    assert not Reading.of_item("Ho ngheo 2%").bare  # ten letters: too short to tell
    assert not Reading.of_document("Ty le ho ngheo giam con duoi 8,4%").bare  # a document needs more


def test_a_dual_pattern_reads_bare_words_only_when_the_reading_says_so() -> None:
    council = Dual(r"^ỦY\s+BAN\s+NHÂN\s+DÂN\b", re.IGNORECASE)
    assert council.rx(Reading(bare=True)).match("UY BAN NHAN DAN XA AN BINH")
    assert council.rx(ACCENTED).match("UY BAN NHAN DAN XA AN BINH") is None
    assert council.rx(ACCENTED).match("ỦY BAN NHÂN DÂN XÃ AN BÌNH")


def test_no_ambient_state_decides_matching() -> None:
    assert not [name for name, v in vars(loose).items() if isinstance(v, ContextVar)]
    assert not hasattr(Dual, "match") and not hasattr(Dual, "search")  # the reading is always asked for


def test_bare_and_accented_texts_read_alike_one_after_the_other() -> None:
    bare = parse_item("Ty le ho ngheo giam con duoi 2%")
    accented = parse_item("Tỷ lệ hộ nghèo giảm còn dưới 2%")
    assert [s.name for s in bare] == ["Ty le ho ngheo"]
    assert [s.name for s in accented] == ["Tỷ lệ hộ nghèo"]
    assert bare[0].target and accented[0].target and bare[0].target.value == accented[0].target.value == 2


def _doc(*lines: str) -> Document:
    return Document(
        source="x.txt", blocks=[Block(kind="line", text=t, line_no=i + 1) for i, t in enumerate(lines)]
    )


def test_a_plan_typed_without_diacritics_gets_its_locality_and_title() -> None:
    body = "Phat trien kinh te xa hoi, nang cao doi song nhan dan tren dia ban xa. " * 5
    meta = extract_meta(
        _doc("UY BAN NHAN DAN", "XA AN BINH", "KE HOACH", "Phat trien kinh te nam 2025", body)
    )
    assert (meta.locality_type, meta.title, meta.period_start) == (
        "xã",
        "Ke hoach Phat trien kinh te nam 2025",
        2025,
    )
    accented = extract_meta(_doc("ỦY BAN NHÂN DÂN", "XÃ AN BÌNH", "KẾ HOẠCH", "Phát triển kinh tế năm 2025"))
    assert (accented.locality, accented.title) == ("xã An Bình", "Kế hoạch Phát triển kinh tế năm 2025")
