"""Responsible parties: abbreviations both ways, splitting and classifying cells, keys, matching."""

from __future__ import annotations

import pytest

from knowledge.abbreviations import abbreviate, expand, expand_text, search_variants
from knowledge.parties import PartyRef, match_party, parse_parties


def _one(text: str) -> PartyRef:
    [ref] = parse_parties(text)
    return ref


# ----------------------------------------------------------------------------- abbreviations


@pytest.mark.parametrize(
    ("abbr", "full"),
    [
        ("VP", "Văn phòng"),
        ("KT", "Kế toán"),
        ("VH", "Văn hóa"),
        ("ĐC", "Địa chính"),
        ("TYT", "Trạm Y tế"),
        ("CAP", "Công an phường"),
        ("PĐ", "Phường đội"),
        ("PCT", "Phó Chủ tịch"),
        ("CT", "Chủ tịch"),
        ("KTHTĐT", "Kinh tế, Hạ tầng và Đô thị"),
        ("VH-XH", "Văn hóa - Xã hội"),
        ("vh - xh", "Văn hóa - Xã hội"),
        ("TTPVHCC", "Trung tâm Phục vụ hành chính công"),
        ("BCHQS", "Ban Chỉ huy quân sự"),
        ("MTTQ", "Mặt trận Tổ quốc"),
        ("UBND", "Ủy ban nhân dân"),
        ("HĐND", "Hội đồng nhân dân"),
        ("LĐTBXH", "Lao động - Thương binh và Xã hội"),
        ("TNMT", "Tài nguyên và Môi trường"),
        ("CBCC", "Cán bộ, công chức"),
        ("VP-TK", "Văn phòng - Thống kê"),
    ],
)
def test_expand(abbr: str, full: str) -> None:
    assert expand(abbr)[0] == full


def test_expand_depends_on_context() -> None:
    assert expand("KT") == ["Kế toán", "Kinh tế"]
    assert expand("KT", "Phòng")[0] == "Kinh tế"
    assert expand("KT", "PCT phụ trách")[0] == "Kinh tế"
    assert expand("TP", "Chủ tịch UBND")[0] == "Thành phố"
    # the next words decide too, before the previous ones
    assert expand("CT", None, " MTQG giảm nghèo")[0] == "Chương trình"
    assert expand("CT", "ban hành", "-mục tiêu quốc gia")[0] == "Chương trình"
    assert expand("CT", None, " UBND xã")[0] == "Chủ tịch"
    assert (
        expand_text("CT MTQG giảm nghèo, CT UBND xã")
        == "Chương trình MTQG giảm nghèo, Chủ tịch Ủy ban nhân dân xã"
    )
    assert expand("XYZ") == []
    assert expand("VH-TK")[0] == "Văn hóa - Thống kê"  # composed from known parts


@pytest.mark.parametrize(
    ("full", "abbr"),
    [
        ("Trạm y tế", "TYT"),
        ("trạm Y tế", "TYT"),
        ("Văn phòng - Thống kê", "VP-TK"),
        ("Phó Chủ tịch", "PCT"),
        ("Mặt trận Tổ quốc", "MTTQ"),
        ("Kế toán", "KT"),
        ("Phòng Kinh tế", "Phòng KT"),
        ("Ban Chỉ huy quân sự", "BCHQS"),
        ("Nhà văn hóa", None),
    ],
)
def test_abbreviate(full: str, abbr: str | None) -> None:
    assert abbreviate(full) == abbr


def test_expand_text_keeps_unknown_words() -> None:
    assert expand_text("Phòng VH-XH") == "Phòng Văn hóa - Xã hội"
    assert expand_text("Đ/c Tiến PCT UBND", keep=frozenset({"UBND"})) == "Đ/c Tiến Phó Chủ tịch UBND"
    assert expand_text("Khu phố ABC") == "Khu phố ABC"
    assert expand_text("Văn phòng-TK") == "Văn phòng-Thống kê"


def test_search_variants_both_ways() -> None:
    assert {"tram y te", "tyt"} <= search_variants("Trạm y tế")
    assert {"tram y te", "tyt"} <= search_variants("TYT")
    assert "d c sam tram y te" in search_variants("Đ/c Sâm TYT")
    assert "phong van hoa xa hoi" in search_variants("Phòng VH-XH")


# ----------------------------------------------------------------------------- single parties


@pytest.mark.parametrize(
    ("text", "kind", "name", "title", "unit"),
    [
        ("Đ/c Hằng VP", "person", "Hằng", None, "Văn phòng"),
        ("Đ/c Tiến PCT UBND", "person", "Tiến", "Phó Chủ tịch UBND", None),
        ("Đ/c Trung CT UB", "person", "Trung", "Chủ tịch UBND", None),
        ("Đ/c Sâm - Trưởng Trạm y tế", "person", "Sâm", "Trưởng Trạm y tế", "Trạm Y tế"),
        ("Đ/c Sâm - Trưởng TYT", "person", "Sâm", "Trưởng Trạm Y tế", "Trạm Y tế"),
        ("Đ/cTươi KT'", "person", "Tươi", None, "Kế toán"),
        ("Đ/c Hòe KT", "person", "Hòe", None, "Kế toán"),
        ("Đ/c Chung PĐ", "person", "Chung", None, "Phường đội"),
        ("Đ/c Mỹ CAP", "person", "Mỹ", None, "Công an phường"),
        ("Đ/c Hà Chính sách", "person", "Hà", None, "Chính sách"),
        ("đồng chí Nguyễn Văn An, Văn phòng", "person", "Nguyễn Văn An", None, "Văn phòng"),
        ("Ông Nguyễn Văn An - Chủ tịch UBND xã", "person", "Nguyễn Văn An", "Chủ tịch UBND xã", None),
        (
            "Bà Lê Thị Bình, Công chức Văn hóa - Xã hội",
            "person",
            "Lê Thị Bình",
            None,
            "Công chức Văn hóa - Xã hội",
        ),
        ("Đ/c Lan (VP)", "person", "Lan", None, "Văn phòng"),
        ("Công chức Địa chính", "unit", None, None, "Công chức Địa chính"),
        ("Hội LHPN", "unit", None, None, "Hội Liên hiệp Phụ nữ"),
        ("Phòng VH-XH", "unit", None, None, "Phòng Văn hóa - Xã hội"),
        ("Trạm Y tế", "unit", None, None, "Trạm Y tế"),
        ("Văn phòng-TK", "unit", None, None, "Văn phòng - Thống kê"),
        ("TTPVHCC", "unit", None, None, "Trung tâm Phục vụ hành chính công"),
        ("Phòng Kinh tế, Hạ tầng và Đô thị", "unit", None, None, "Phòng Kinh tế, Hạ tầng và Đô thị"),
        ("MTTQ và các đoàn thể", "unit", None, None, "Mặt trận Tổ quốc và các đoàn thể"),
        ("Các cán bộ, công chức xã", "unit", None, None, "Các cán bộ, công chức xã"),
        ("CB, Công chức phụ trách kinh tế, nông nghiệp", "unit", None, None, None),
        ("Chủ tịch UBND xã", "title", None, "Chủ tịch UBND xã", None),
        ("Phó Chủ tịch phụ trách kinh tế", "title", None, "Phó Chủ tịch phụ trách kinh tế", None),
        (
            "Phó Chủ tịch phụ trách đô thị, đất đai",
            "title",
            None,
            "Phó Chủ tịch phụ trách đô thị, đất đai",
            None,
        ),
        ("Đ/c PCT phụ trách XDCB", "title", None, "Phó Chủ tịch phụ trách Xây dựng cơ bản", None),
        ("Hiệu trưởng các trường học", "title", None, "Hiệu trưởng các trường học", None),
    ],
)
def test_single_party(text: str, kind: str, name: str | None, title: str | None, unit: str | None) -> None:
    ref = _one(text)
    assert ref.kind == kind
    assert ref.person_name == name
    assert ref.title == title
    if unit is not None or kind == "person":
        assert ref.unit == unit


def test_display_is_cleaned_but_as_written() -> None:
    assert _one("  Đ/cTươi   KT'  ").display == "Đ/cTươi KT"
    assert _one("Phòng VH-XH").display == "Phòng VH-XH"
    assert _one("Công chức Văn hóa – XH").display == "Công chức Văn hóa – XH"


# ----------------------------------------------------------------------------- splitting


@pytest.mark.parametrize(
    ("text", "displays"),
    [
        ("Đ/c Hằng VP; Đ/c Trang VP", ["Đ/c Hằng VP", "Đ/c Trang VP"]),
        ("Đ/c Tiến PCT UBND\nĐ/c Hằng VP", ["Đ/c Tiến PCT UBND", "Đ/c Hằng VP"]),
        ("Đ/c Hợp, Hiền ĐC", ["Đ/c Hợp ĐC", "Đ/c Hiền ĐC"]),
        ("Đ/c Hợp, Hiền ĐC, Tổ QT", ["Đ/c Hợp ĐC", "Đ/c Hiền ĐC", "Tổ QT"]),
        ("Đ/c Sinh, PCT UBND", ["Đ/c Sinh, PCT UBND"]),
        ("Đ/c Việt VH; THCS, MNA, Tiểu học", ["Đ/c Việt VH", "THCS", "MNA", "Tiểu học"]),
        ("Đ/c Hùng, Đ/c Minh - Công an xã", ["Đ/c Hùng", "Đ/c Minh - Công an xã"]),
        ("Hội LHPN, Hội ND, Hội CCB, Đoàn TN", ["Hội LHPN", "Hội ND", "Hội CCB", "Đoàn TN"]),
        ("Chủ tịch UBND phường; các Phó Chủ tịch", ["Chủ tịch UBND phường", "các Phó Chủ tịch"]),
        ("Đ/c Hà VP; Tổ Một cửa", ["Đ/c Hà VP", "Tổ Một cửa"]),
        (
            "Công chức Kế toán, Đô thị, các HTX, các xóm",
            ["Công chức Kế toán", "Công chức Đô thị", "các HTX", "các xóm"],
        ),
        ("Công chức Đô thị, Kế toán", ["Công chức Đô thị", "Công chức Kế toán"]),
        ("Chủ tịch, Phó Chủ tịch Kinh tế", ["Chủ tịch", "Phó Chủ tịch Kinh tế"]),
        ("CT, các PCT UBND xã", ["CT", "các PCT UBND xã"]),
        ("Phó Chủ tịch Đô thị; Kinh tế", ["Phó Chủ tịch Đô thị", "Phó Chủ tịch Kinh tế"]),
        ("BCHQS, Tổ dân phố; MTTQ và các đoàn thể", ["BCHQS", "Tổ dân phố", "MTTQ và các đoàn thể"]),
        ("Phòng KTHTĐT; Trạm Y tế", ["Phòng KTHTĐT", "Trạm Y tế"]),
        ("Văn phòng và Công an xã", ["Văn phòng", "Công an xã"]),
        ("Công an xã, Ban Chỉ huy quân sự Xã", ["Công an xã", "Ban Chỉ huy quân sự Xã"]),
        ("CBCC xã, UBMTTQ và các đoàn thể, các xóm", ["CBCC xã", "UBMTTQ và các đoàn thể", "các xóm"]),
        ("Các ban, ngành, đơn vị, cán bộ, công chức xã", ["Các ban, ngành, đơn vị", "cán bộ, công chức xã"]),
        (
            "Công chức Địa chính, Đô thị, Tư pháp thực hiện theo chức năng, nhiệm vụ",
            ["Công chức Địa chính", "Công chức Đô thị", "Công chức Tư pháp"],
        ),
        ("Cán bộ, công chức xã theo chức năng,", ["Cán bộ, công chức xã"]),
        ("Đ/c Hằng VP; Đ/c Hằng VP", ["Đ/c Hằng VP"]),  # duplicates dropped
        ("", []),
        (" ; - ", []),
    ],
)
def test_split(text: str, displays: list[str]) -> None:
    assert [p.display for p in parse_parties(text)] == displays


def test_none_is_no_party() -> None:
    assert parse_parties(None) == []


# ----------------------------------------------------------------------------- keys


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Đ/c Sâm - Trưởng TYT", "Đ/c Sâm - Trưởng Trạm y tế"),
        ("Đ/c Sâm TYT", "Đ/c Sâm - Trưởng Trạm y tế"),
        ("Đ/c Sinh PCT UBND", "Đ/c Sinh, PCT UBND"),
        ("Đ/c Sinh PCT UB", "Đ/c Sinh PCT"),
        ("Đ/c Trung CT UB", "Đ/c Trung CT UBND"),
        ("Đ/cTươi KT'", "Đ/c Tươi KT"),
        ("Phòng VH-XH", "Phòng Văn hóa - Xã hội"),
        ("Văn phòng-TK", "Văn phòng - Thống kê"),
        ("Công chức Văn hóa – XH", "Công chức Văn hóa XH"),
        ("Trạm y tế", "TYT"),
        ("Chủ tịch UBND xã", "Chủ tịch UBND Xã"),
        ("Chủ tịch UBND xã", "CT"),
        ("Phó Chủ tịch Kinh tế", "Phó Chủ tịch phụ trách kinh tế"),
        ("PCT phụ trách Văn hóa - xã hội", "Phó Chủ tịch Văn hóa - Xã hội"),
        ("BCHQS", "Ban Chỉ huy quân sự xã"),
        ("Ban Chỉ huy quân sự xã", "BCH Quân sự"),
        ("CA Phường", "Công an phường"),
        ("các HTX", "Các Hợp tác xã"),
        ("Đ/c Nam - PCT UBND (phụ trách kinh tế)", "Đ/c Nam PCT kinh tế"),
        ("Đ/c Minh - Công an xã", "Đ/c Minh CA"),
        ("Hội ND", "Hội Nông dân"),
        ("Đoàn TN", "Đoàn Thanh niên"),
    ],
)
def test_same_key(a: str, b: str) -> None:
    assert _one(a).key == _one(b).key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Đ/c Hà VP", "Đ/c Hà Chính sách"),  # same name, other unit
        ("Đ/c Hằng VP", "Văn phòng"),  # a person is not the unit
        ("Chủ tịch UBND xã", "Phó Chủ tịch UBND xã"),
        ("Phó Chủ tịch Kinh tế", "Phó Chủ tịch Văn hóa - Xã hội"),
        ("Công chức Kế toán", "Công chức Đô thị"),
        ("Chủ tịch UBND TP", "Chủ tịch UBND xã"),
    ],
)
def test_different_key(a: str, b: str) -> None:
    assert _one(a).key != _one(b).key


# ----------------------------------------------------------------------------- matching


def _parties() -> list[PartyRef]:
    cells = [
        "Đ/c Tiến PCT UBND",
        "Đ/c Hằng VP; Đ/c Trang VP",
        "Đ/c Sâm - Trưởng Trạm y tế",
        "Đ/c Sinh PCT UBND",
        "Đ/c Việt VH; Trạm Y tế",
        "Đ/c Hà Chính sách",
        "Đ/c Hà VP",
        "Công chức Văn hóa",
        "Phó Chủ tịch phụ trách kinh tế",
        "Chủ tịch UBND xã",
        "Đ/c Trung CT UBND",
    ]
    return [p for c in cells for p in parse_parties(c)]


@pytest.mark.parametrize(
    ("query", "best"),
    [
        ("Nguyễn Văn Sâm - Trưởng Trạm y tế", "Đ/c Sâm - Trưởng Trạm y tế"),
        ("Nguyen Van Sam tram y te", "Đ/c Sâm - Trưởng Trạm y tế"),
        ("Lê Thị Hằng, Văn phòng", "Đ/c Hằng VP"),
        ("Hà - Văn phòng", "Đ/c Hà VP"),
        ("Hà, cán bộ chính sách", "Đ/c Hà Chính sách"),
        ("Phó Chủ tịch UBND phường Trần Văn Tiến", "Đ/c Tiến PCT UBND"),
        ("Chủ tịch UBND phường Đỗ Văn Trung", "Đ/c Trung CT UBND"),
        ("Trạm y tế", "Trạm Y tế"),
        ("TYT", "Trạm Y tế"),
        ("công chức văn hóa", "Công chức Văn hóa"),
        ("Phó chủ tịch kinh tế", "Phó Chủ tịch phụ trách kinh tế"),
        ("Chủ tịch", "Chủ tịch UBND xã"),
    ],
)
def test_match_party_best(query: str, best: str) -> None:
    ranked = match_party(query, _parties())
    assert ranked, query
    assert ranked[0][0].display == best
    scores = [s for _, s in ranked]
    assert scores == sorted(scores, reverse=True)


def test_match_party_nothing_close() -> None:
    assert match_party("Phạm Minh Khôi - Hội Nông dân", _parties()) == []
    assert match_party("", _parties()) == []
