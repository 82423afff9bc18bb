"""The place of a document, resolved against the national list of administrative units
(knowledge/places.py): the issuing header, the title, the place-and-date line and the body,
in that order; province plans; short forms of the cities; `ingest --locality`; refusal.

The headers below are invented; the places are real units of the list (or, where said,
deliberately not)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.cli import main
from knowledge import places, places_2025
from knowledge.extract.metadata import extract_meta
from knowledge.model import Block, Document, PlanMeta
from knowledge.readers import read_document
from storage import models as m
from storage.db import session_factory
from storage.ingest import ingest_paths

REAL = Path(__file__).resolve().parent / "data" / "real"

BODY = """I. MỤC TIÊU
1. Tỷ lệ hộ nghèo giảm còn 2% năm 2025.
2. Thu nhập bình quân đầu người đạt 60 triệu đồng.
"""


def _doc(text: str) -> Document:
    lines = text.splitlines()
    return Document(
        source="t.txt", blocks=[Block(kind="line", text=t, line_no=i) for i, t in enumerate(lines, 1)]
    )


def _place(text: str) -> PlanMeta:
    return extract_meta(_doc(text))


# ---------------------------------------------------------------- the national list


def test_the_list_holds_both_eras() -> None:
    units = places.admin_units()
    current = {u.name for us in units.provinces.values() for u in us if u.current}
    assert len(current) == 34
    assert len({u.name for us in units.provinces.values() for u in us}) == 63  # the 34 are among the 63 names
    assert sum(1 for us in units._communes.values() for row in us if row[4] is None) == 3321
    old = units.find("phường", "Đông Thọ")
    assert [(u.district, u.province, u.current) for u in old] == [("thành phố Thanh Hóa", "Thanh Hóa", False)]


def test_levels_and_provinces() -> None:
    assert places.level("thành phố", "Hồ Chí Minh") == 1
    assert places.level("thành phố", "Huế") == 1
    assert places.level("thành phố", "Vinh") == 2  # a city of a province is a district
    assert places.level("xã", "Sơn Lang") == 3
    assert places.province_of("xã", "Sơn Lang") == "Gia Lai"
    assert places.province_of("xã", "Tân Lập") is None  # dozens of provinces have one
    assert places.province_of("xã", "Tân Lập", "huyện Đan Phượng") == "Hà Nội"
    assert places.canonical_name("thành phố", "HCM") == "Hồ Chí Minh"
    assert places.canonical_name("thị trấn", "PHÚ MỸ") == "Phú Mỹ"  # not 'Phù Mỹ', another town
    assert places.canonical_name("tỉnh", "Nghe An") == "Nghệ An"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("xã Sơn Lang, tỉnh Gia Lai", places.Place("xã", "Sơn Lang", None, "Gia Lai")),
        ("Xã sơn lang, Gia Lai", places.Place("xã", "Sơn Lang", None, "Gia Lai")),
        (
            "phường Đông Thọ, thành phố Thanh Hóa, tỉnh Thanh Hóa",
            places.Place("phường", "Đông Thọ", "thành phố Thanh Hóa", "Thanh Hóa"),
        ),
        ("Nghệ An", places.Place("tỉnh", "Nghệ An", None, "Nghệ An")),
        ("TP. HCM", places.Place("thành phố", "Hồ Chí Minh", None, "Hồ Chí Minh")),
        ("TP Hồ Chí Minh", places.Place("thành phố", "Hồ Chí Minh", None, "Hồ Chí Minh")),
        ("thành phố Vinh", places.Place("thành phố", "Vinh", "tỉnh Nghệ An", "Nghệ An")),
        # merged away before the list was drawn: taken as written when its province is named
        (
            "xã Hưng Đông, thành phố Vinh, tỉnh Nghệ An",
            places.Place("xã", "Hưng Đông", "thành phố Vinh", "Nghệ An"),
        ),
    ],
)
def test_a_clerk_names_a_place(written: str, expected: places.Place) -> None:
    assert places.parse_place(written) == expected


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("xã Sơn Lag, tỉnh Gia Lai", "Có phải: xã Sơn Lang (Gia Lai)?"),
        ("xã Tân Lập, tỉnh Cà Mau", "Không tìm thấy"),  # Cà Mau has no xã Tân Lập
        ("xã Hưng Đông, huyện Đan Phượng, tỉnh Nghệ An", "Không tìm thấy"),  # Đan Phượng is Hà Nội's
        ("tỉnh Hà Tây", "Không tìm thấy"),
        ("", "Chưa rõ địa phương"),
    ],
)
def test_an_unknown_place_is_refused_in_vietnamese(written: str, hint: str) -> None:
    with pytest.raises(places.PlaceNotFound) as exc:
        places.parse_place(written)
    assert hint in str(exc.value)
    assert "xã Sơn Lang, tỉnh Gia Lai" in str(exc.value) or not written


def test_an_old_commune_and_the_one_it_became() -> None:
    old = places.parse_place("phường Đông Thọ, thành phố Thanh Hóa, tỉnh Thanh Hóa")
    assert places_2025.after_2025(old) == places.Place("phường", "Hạc Thành", None, "Thanh Hóa")
    still = places.parse_place("xã Sơn Lang, tỉnh Gia Lai")
    assert places_2025.after_2025(still) == places.Place("xã", "Sơn Lang", None, "Gia Lai")
    assert places_2025.after_2025(places.Place("xã", "Tân Lập")) is None  # which one?


# ---------------------------------------------------------------- one rule each


def test_header_council_over_its_commune() -> None:
    meta = _place("ỦY BAN NHÂN DÂN\nXÃ SƠN LANG\nSố: 12/KH-UBND\nKẾ HOẠCH\nPhát triển năm 2025\n" + BODY)
    assert (meta.locality, meta.locality_type, meta.province) == ("xã Sơn Lang", "xã", "Gia Lai")


def test_header_council_name_broken_over_two_lines() -> None:
    text = "ỦY BAN NHÂN\nDÂN\nTỈNH ĐỒNG THÁP\nCỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM\nKẾ HOẠCH\nChuyển đổi số\n"
    meta = _place(text + BODY)
    assert (meta.locality, meta.parent, meta.province) == ("tỉnh Đồng Tháp", None, "Đồng Tháp")


def test_header_ubnd_phuong_one_line() -> None:
    meta = _place("UBND PHƯỜNG ĐÔNG THỌ\nKẾ HOẠCH\nCải cách hành chính năm 2023\n" + BODY)
    assert (meta.locality, meta.province) == ("phường Đông Thọ", "Thanh Hóa")


def test_header_hdnd() -> None:
    meta = _place("HĐND XÃ SƠN LANG\nKẾ HOẠCH\nGiám sát năm 2025\n" + BODY)
    assert meta.locality == "xã Sơn Lang"


def test_title_when_no_header() -> None:
    text = "KẾ HOẠCH\nTriển khai chuyển đổi số trên địa bàn tỉnh Nghệ An năm 2025\n"
    meta = _place(text + BODY)
    assert (meta.locality, meta.parent, meta.province) == ("tỉnh Nghệ An", None, "Nghệ An")


def test_dateline_when_no_header_nor_title_place() -> None:
    meta = _place(
        "Số: 5/KH-UBND\nNghệ An, ngày 26 tháng 11 năm 2025\nKẾ HOẠCH\nBảo vệ bí mật nhà nước\n" + BODY
    )
    assert (meta.locality, meta.province) == ("tỉnh Nghệ An", "Nghệ An")


def test_dateline_cut_by_a_narrow_column() -> None:
    meta = _place(
        "Số: 172/KH-UBND\nThành phố Hồ Chí\nMinh, ngày 18 tháng 11 năm 2025\nKẾ HOẠCH\nViệc làm\n" + BODY
    )
    assert meta.locality == "thành phố Hồ Chí Minh"  # not 'Minh'
    assert str(meta.signed_date) == "2025-11-18"
    meta = _place("Đồng Tháp,\nngày 19 tháng 11 năm 2025\nKẾ HOẠCH\nĐổi mới công nghệ\n" + BODY)
    assert (meta.locality, str(meta.signed_date)) == ("tỉnh Đồng Tháp", "2025-11-19")


def test_body_the_place_named_most() -> None:
    text = (
        "Năm 2025, xã Sơn Lang phấn đấu giảm tỷ lệ hộ nghèo còn 2%.\n"
        "Các xã, phường Xây dựng nông thôn mới.\n"  # 'phường Xây' is no place of the list
        "Nhân dân xã Sơn Lang đồng lòng; xã Đak Rong hỗ trợ.\n"
    )
    meta = _place(text)
    assert (meta.locality, meta.province) == ("xã Sơn Lang", "Gia Lai")


def test_body_a_province_when_no_commune() -> None:
    meta = _place(
        "Năm 2025, các xã, phường Xây dựng đô thị văn minh; tỉnh Nghệ An phấn đấu tăng trưởng 8%.\n"
    )
    assert meta.locality == "tỉnh Nghệ An"


def test_order_header_title_dateline_body() -> None:
    header = "ỦY BAN NHÂN DÂN\nXÃ SƠN LANG\n"
    dateline = "Nghệ An, ngày 02 tháng 01 năm 2025\n"
    title = "KẾ HOẠCH\nPhát triển du lịch trên địa bàn tỉnh Đắk Lắk năm 2025\n"
    body = "Năm 2025, xã Ea Tiêu phấn đấu; xã Ea Tiêu đạt chuẩn.\n" + BODY
    assert _place(header + dateline + title + body).locality == "xã Sơn Lang"
    assert _place(dateline + title + body).locality == "tỉnh Đắk Lắk"
    assert _place(dateline + "KẾ HOẠCH\nPhát triển du lịch năm 2025\n" + body).locality == "tỉnh Nghệ An"
    assert _place("KẾ HOẠCH\nPhát triển du lịch năm 2025\n" + body).locality == "xã Ea Tiêu"


@pytest.mark.parametrize("written", ["TP Hồ Chí Minh", "TP. HCM", "TP.HCM", "Thành phố Hồ Chí Minh"])
def test_ho_chi_minh_city_however_written(written: str) -> None:
    meta = _place(f"KẾ HOẠCH\nThi hành Luật Việc làm trên địa bàn {written}\n" + BODY)
    assert (meta.locality, meta.locality_type, meta.parent, meta.province) == (
        "thành phố Hồ Chí Minh",
        "thành phố",
        None,
        "Hồ Chí Minh",
    )


def test_ho_chi_minh_city_in_the_header() -> None:
    meta = _place("ỦY BAN NHÂN DÂN\nTP. HỒ CHÍ MINH\nKẾ HOẠCH\nViệc làm năm 2025\n" + BODY)
    assert (meta.locality, meta.province) == ("thành phố Hồ Chí Minh", "Hồ Chí Minh")


def test_a_province_plan_is_the_province_s() -> None:
    """A province's header over a title naming one commune, a body naming merged provinces."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nKẾ HOẠCH\nHỗ trợ xã Ea Tiêu khắc phục hậu quả lũ\n"
        "Các huyện của tỉnh Phú Yên (cũ) và tỉnh Phú Yên (cũ) bị ảnh hưởng.\n" + BODY
    )
    meta = _place(text)
    assert (meta.locality, meta.parent, meta.province) == ("tỉnh Đắk Lắk", None, "Đắk Lắk")


def test_a_name_wrapped_over_two_lines() -> None:
    text = (
        "UBND XÃ NGHI PHONG\nKẾ HOẠCH\nPhát triển năm 2024\nThực hiện chỉ đạo của UBND tỉnh Nghệ\n"
        "An và của tỉnh\nThực hiện các nhiệm vụ.\n" + BODY
    )
    meta = _place(text)
    assert (meta.locality, meta.province) == ("xã Nghi Phong", "Nghệ An")


# ---------------------------------------------------------------- ingest


PLAN_WITHOUT_PLACE = "KẾ HOẠCH\nPhát triển kinh tế năm 2025\n" + BODY


def _plans(engine) -> list[tuple[str, str | None, str | None]]:
    with session_factory(engine)() as s:
        rows = s.execute(select(m.Plan.locality_name, m.Plan.parent, m.Plan.province)).all()
    return sorted(tuple(r) for r in rows)


def test_a_plan_without_a_place_is_refused_naming_the_option(engine, tmp_path: Path) -> None:
    (tmp_path / "khong_dia_phuong.txt").write_text(PLAN_WITHOUT_PLACE, encoding="utf-8")
    [result] = ingest_paths(engine, [tmp_path])
    assert result.status == "refused"
    assert "không tìm thấy địa phương" in result.message
    assert '--locality "xã Sơn Lang, tỉnh Gia Lai" khong_dia_phuong.txt' in result.message
    with session_factory(engine)() as s:
        assert s.scalar(select(func.count()).select_from(m.Plan)) == 0


def test_locality_names_every_file_of_the_call(engine, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PLAN_WITHOUT_PLACE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("UBND PHƯỜNG ĐÔNG THỌ\n" + PLAN_WITHOUT_PLACE.replace("2025", "2026"))
    place = places.parse_place("xã Sơn Lang, tỉnh Gia Lai")
    assert all(r.ok for r in ingest_paths(engine, [tmp_path], place))
    assert _plans(engine) == [("xã Sơn Lang", None, "Gia Lai")] * 2


def test_cli_locality(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    doc = tmp_path / "kh.txt"
    doc.write_text(PLAN_WITHOUT_PLACE, encoding="utf-8")
    assert main(["ingest", str(doc), "--db", url]) == 1
    assert "--locality" in capsys.readouterr().err
    assert main(["ingest", str(doc), "--locality", "xã Sơn Lag, tỉnh Gia Lai", "--db", url]) == 2
    err = capsys.readouterr().err
    assert "Không tìm thấy «xã Sơn Lag, tỉnh Gia Lai»" in err and "xã Sơn Lang (Gia Lai)" in err
    assert main(["ingest", str(doc), "--locality", "xã Sơn Lang, tỉnh Gia Lai", "--db", url]) == 0
    assert "xã Sơn Lang" in capsys.readouterr().out


# ---------------------------------------------------------------- the real corpus


# tests/data/real/README.md: the issuer of each plan ('UBND (see header)' is Cần Thơ's)
REAL_PLACES = {
    "0a97eb9c3c536047": "tỉnh Nghệ An",
    "192068354fd1ffe5": "tỉnh Đồng Tháp",
    "24c7124ec6b2bf61": "thành phố Cần Thơ",
    "2f6f80b9918e52de": "thành phố Hồ Chí Minh",
    "3a2db039af8c2d05": "thành phố Cần Thơ",
    "437c3beb60ae2874": "thành phố Hồ Chí Minh",
    "556b2fb4a0149576": "tỉnh Đắk Lắk",
    "5d99697f14bcf68a": "thành phố Cần Thơ",
    "62f25a030c183151": "tỉnh Đắk Lắk",
    "8e9a425dd83e56b3": "thành phố Hà Nội",
    "99c7d8fff9e4572e": "tỉnh Nghệ An",
    "9b7eebadf7081069": "tỉnh Cà Mau",
    "a49ef8a0da1f62dd": "tỉnh Đắk Lắk",
    "ad5aff6c13929815": "tỉnh Bắc Ninh",
    "bffd9da6f0d38031": "tỉnh Đồng Tháp",
    "ceb89a53c7b93f00": "tỉnh Nghệ An",
    "d5ffa6afac124d52": "tỉnh Đắk Lắk",
    "f004d93b21e7fc5f": "tỉnh Đồng Nai",
    "f069c23c942c1ec6": "tỉnh Đồng Nai",
    "f1e0981425ec38be": "tỉnh Sơn La",
}


@pytest.mark.parametrize("stem", sorted(REAL_PLACES))
def test_every_real_plan_is_of_its_province(stem: str) -> None:
    meta = extract_meta(read_document(REAL / "plans" / f"{stem}.md"))
    kind, name = (
        REAL_PLACES[stem].split(" ", 1)
        if REAL_PLACES[stem].startswith("tỉnh")
        else (
            "thành phố",
            REAL_PLACES[stem].removeprefix("thành phố "),
        )
    )
    assert (meta.locality, meta.locality_type, meta.parent, meta.province) == (
        REAL_PLACES[stem],
        kind,
        None,
        name,
    )
    assert meta.signed_date is not None  # the place-and-date line, however the column cut it
