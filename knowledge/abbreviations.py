"""Abbreviations of units, titles and fields in Vietnamese local government.

Plans name the same party both ways: 'TYT' and 'Trạm Y tế', 'PCT UBND' and
'Phó Chủ tịch UBND', 'VH-XH' and 'Văn hóa - Xã hội'. `expand` and `abbreviate`
translate single forms; `expand_text` rewrites every abbreviation inside a
party string; `search_variants` gives the folded strings a question may use.

Some abbreviations depend on what comes before them: 'Đ/c Hòe KT' is an
officer of Kế toán (accounting), 'Phòng KT' and 'PCT phụ trách KT' mean Kinh tế;
some on what follows: 'CT' is Chủ tịch, but 'CT MTQG' a Chương trình."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.text import fold


@dataclass(frozen=True)
class Abbrev:
    short: str
    fulls: tuple[str, ...]  # most likely first
    kind: str  # 'unit' | 'title' | 'org' | 'field' | 'group'
    # folded previous word -> expansion to prefer after it
    after: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    # folded next word(s) -> expansion to prefer before them (checked before `after`)
    before: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


_KINH_TE = {"phong": "Kinh tế", "pct": "Kinh tế", "trach": "Kinh tế", "tich": "Kinh tế", "ct": "Kinh tế"}

_TABLE: tuple[Abbrev, ...] = (
    # --- titles
    Abbrev("PCT", ("Phó Chủ tịch",), "title"),
    Abbrev(
        "CT",
        ("Chủ tịch",),
        "title",
        {"hanh": "Chương trình"},
        # a programme's name: 'CT MTQG giảm nghèo', 'CT mục tiêu quốc gia'
        {"mtqg": "Chương trình", "muc tieu quoc gia": "Chương trình"},
    ),
    Abbrev("BT", ("Bí thư",), "title"),
    Abbrev("PBT", ("Phó Bí thư",), "title"),
    Abbrev("CHT", ("Chỉ huy trưởng",), "title"),
    Abbrev("CHP", ("Chỉ huy phó",), "title"),
    Abbrev("GĐ", ("Giám đốc",), "title"),
    Abbrev("PGĐ", ("Phó Giám đốc",), "title"),
    Abbrev("TTr", ("Thường trực",), "title"),
    Abbrev("HT", ("Hiệu trưởng",), "title"),
    # --- organisations
    Abbrev("UBND", ("Ủy ban nhân dân",), "org"),
    Abbrev("UB", ("Ủy ban nhân dân",), "org"),
    Abbrev("HĐND", ("Hội đồng nhân dân",), "org"),
    Abbrev("HĐND-UBND", ("HĐND - UBND",), "org"),
    Abbrev("HĐND&UBND", ("HĐND - UBND",), "org"),
    Abbrev("ĐU", ("Đảng ủy",), "org"),
    Abbrev("MTTQ", ("Mặt trận Tổ quốc",), "org"),
    Abbrev("UBMTTQ", ("Ủy ban Mặt trận Tổ quốc",), "org"),
    Abbrev("UBMT", ("Ủy ban Mặt trận Tổ quốc",), "org"),
    Abbrev("ĐTN", ("Đoàn Thanh niên",), "org"),
    Abbrev("HLHPN", ("Hội Liên hiệp Phụ nữ",), "org"),
    Abbrev("HPN", ("Hội Phụ nữ",), "org"),
    Abbrev("LHPN", ("Liên hiệp Phụ nữ",), "field"),
    Abbrev("ND", ("Nông dân",), "field"),
    Abbrev("TN", ("Thanh niên",), "field"),
    Abbrev("CTĐ", ("Chữ thập đỏ",), "field"),
    Abbrev("ĐVTN", ("Đoàn viên thanh niên",), "group"),
    Abbrev("HND", ("Hội Nông dân",), "org"),
    Abbrev("HCCB", ("Hội Cựu chiến binh",), "org"),
    Abbrev("CCB", ("Cựu chiến binh",), "org"),
    Abbrev("HCT", ("Hội Chữ thập đỏ",), "org"),
    Abbrev("HTX", ("Hợp tác xã",), "org"),
    Abbrev("TDP", ("Tổ dân phố",), "org"),
    Abbrev("KDC", ("Khu dân cư",), "org"),
    Abbrev("DN", ("Doanh nghiệp",), "org"),
    Abbrev("QTD", ("Quỹ tín dụng",), "org"),
    # --- units of a commune / ward
    Abbrev("VP", ("Văn phòng",), "unit"),
    Abbrev("VP-TK", ("Văn phòng - Thống kê",), "unit"),
    Abbrev("VPTK", ("Văn phòng - Thống kê",), "unit"),
    Abbrev("TK", ("Thống kê",), "field"),
    Abbrev("KT", ("Kế toán", "Kinh tế"), "unit", _KINH_TE),
    Abbrev("TC-KT", ("Tài chính - Kế toán",), "unit"),
    Abbrev("TCKT", ("Tài chính - Kế toán",), "unit"),
    Abbrev("TC", ("Tài chính",), "field"),
    Abbrev("VH", ("Văn hóa",), "unit"),
    Abbrev("VH-XH", ("Văn hóa - Xã hội",), "unit"),
    Abbrev("VHXH", ("Văn hóa - Xã hội",), "unit"),
    Abbrev("VH-TT", ("Văn hóa - Thông tin",), "unit"),
    Abbrev("XH", ("Xã hội",), "field"),
    Abbrev("ĐC", ("Địa chính",), "unit"),
    Abbrev("ĐC-XD", ("Địa chính - Xây dựng",), "unit"),
    Abbrev("ĐC-XD-MT", ("Địa chính - Xây dựng - Môi trường",), "unit"),
    Abbrev("ĐC-NN-XD-MT", ("Địa chính - Nông nghiệp - Xây dựng - Môi trường",), "unit"),
    Abbrev("ĐT", ("Đô thị",), "field"),
    Abbrev(
        "TP", ("Tư pháp", "Thành phố", "Trưởng phòng"), "unit", {"ubnd": "Thành phố", "nhan": "Thành phố"}
    ),
    Abbrev("TP-HT", ("Tư pháp - Hộ tịch",), "unit"),
    Abbrev("TYT", ("Trạm Y tế",), "unit"),
    Abbrev("YT", ("Y tế",), "field"),
    Abbrev("CA", ("Công an",), "unit"),
    Abbrev("CAP", ("Công an phường",), "unit"),
    Abbrev("CAX", ("Công an xã",), "unit"),
    Abbrev("PĐ", ("Phường đội",), "unit"),
    Abbrev("XĐ", ("Xã đội",), "unit"),
    Abbrev("BCHQS", ("Ban Chỉ huy quân sự",), "unit"),
    Abbrev("BCH", ("Ban Chỉ huy",), "unit"),
    Abbrev("QS", ("Quân sự",), "field"),
    Abbrev("QTĐT", ("Quy tắc đô thị",), "field"),
    Abbrev("QT", ("Quy tắc đô thị",), "field"),
    Abbrev("TTPVHCC", ("Trung tâm Phục vụ hành chính công",), "unit"),
    Abbrev("TTDVSNC", ("Trung tâm Dịch vụ sự nghiệp công",), "unit"),
    Abbrev("BQLDA", ("Ban Quản lý dự án",), "unit"),
    Abbrev("BQL", ("Ban Quản lý",), "unit"),
    Abbrev("ĐTXD", ("Đầu tư xây dựng",), "field"),
    Abbrev("KTHTĐT", ("Kinh tế, Hạ tầng và Đô thị",), "unit"),
    Abbrev("KT-HT-ĐT", ("Kinh tế, Hạ tầng và Đô thị",), "unit"),
    Abbrev("KT-HT", ("Kinh tế - Hạ tầng",), "unit"),
    Abbrev("KT-XH", ("Kinh tế - Xã hội",), "field"),
    Abbrev("KTXH", ("Kinh tế - Xã hội",), "field"),
    Abbrev("LĐTBXH", ("Lao động - Thương binh và Xã hội",), "unit"),
    Abbrev("LĐ-TB&XH", ("Lao động - Thương binh và Xã hội",), "unit"),
    Abbrev("LĐTB&XH", ("Lao động - Thương binh và Xã hội",), "unit"),
    Abbrev("TNMT", ("Tài nguyên và Môi trường",), "unit"),
    Abbrev("TN&MT", ("Tài nguyên và Môi trường",), "unit"),
    Abbrev("TN-MT", ("Tài nguyên và Môi trường",), "unit"),
    Abbrev("NN", ("Nông nghiệp",), "field"),
    Abbrev("NN&PTNT", ("Nông nghiệp và Phát triển nông thôn",), "unit"),
    Abbrev("NNPTNT", ("Nông nghiệp và Phát triển nông thôn",), "unit"),
    Abbrev("GD&ĐT", ("Giáo dục và Đào tạo",), "unit"),
    Abbrev("GDĐT", ("Giáo dục và Đào tạo",), "unit"),
    Abbrev("XDCB", ("Xây dựng cơ bản",), "field"),
    Abbrev("TM-DV", ("Thương mại - Dịch vụ",), "field"),
    Abbrev("THCS", ("Trường Trung học cơ sở",), "unit"),
    Abbrev("TH", ("Trường Tiểu học",), "unit"),
    Abbrev("MN", ("Trường Mầm non",), "unit"),
    Abbrev("CSGD", ("Cơ sở giáo dục",), "unit"),
    Abbrev("TT", ("Trung tâm", "Thị trấn"), "unit"),
    # --- groups of people
    Abbrev("CBCC", ("Cán bộ, công chức",), "group"),
    Abbrev("CB", ("Cán bộ",), "group"),
    Abbrev("CC", ("Công chức",), "group"),
    Abbrev("CBCCVC", ("Cán bộ, công chức, viên chức",), "group"),
)

_BY_SHORT: dict[str, Abbrev] = {a.short: a for a in _TABLE}
# folded full form -> short form (first registered wins: 'Kế toán' -> 'KT')
_BY_FULL: dict[str, str] = {}
for _a in _TABLE:
    for _full in _a.fulls:
        _BY_FULL.setdefault(fold(_full), _a.short)
# compound spellings: 'Phòng KT' and 'Phòng Kinh tế' abbreviated whole
_COMPOUND_SHORT = {"phong kinh te": "Phòng KT"}

# An abbreviation token: capitals (and 'Đ'), possibly joined by '-' or '&' ('VH-XH', 'TN&MT').
_TOKEN = re.compile(r"(?<![\wĐđ])([A-ZĐ][A-ZĐr]*(?:[-&][A-ZĐ]+)*)(?![\wĐđ])")
_PREV_WORD = re.compile(r"([\wĐđ]+)\W*$")
# between an abbreviation and the next words that decide it ('CT MTQG', 'CT-MTQG')
_NEXT_GAP = re.compile(r"[\s-]*")
_NEXT_SPAN = 40  # enough text after an abbreviation for the longest `before` key


def full_forms_with_comma() -> list[str]:
    """Full forms that hold a comma; party splitting must not cut them."""
    return sorted({f for a in _TABLE for f in a.fulls if "," in f})


def lookup(abbr: str) -> Abbrev | None:
    """The table entry of an abbreviation ('vh-xh' and 'VH - XH' are accepted)."""
    key = re.sub(r"\s*([-&])\s*", r"\1", abbr.strip())
    return _BY_SHORT.get(key) or _BY_SHORT.get(key.upper())


def expand(abbr: str, previous: str | None = None, following: str | None = None) -> list[str]:
    """Full forms of an abbreviation, most likely first ([] when unknown).

    `previous` is the text just before it: 'Phòng' makes 'KT' 'Kinh tế'; `following` the
    text just after it: 'MTQG' makes 'CT' 'Chương trình'."""
    entry = lookup(abbr)
    if entry is None:
        parts = re.split(r"\s*[-&]\s*", abbr.strip())
        if len(parts) > 1 and all(lookup(p) for p in parts):
            return [" - ".join(expand(p)[0] for p in parts)]
        return []
    fulls = list(entry.fulls)
    preferred = _by_next(entry, following) or _preferred(entry, previous)
    if preferred:
        fulls = [preferred, *(f for f in fulls if f != preferred)]
    return fulls


def _preferred(entry: Abbrev, previous: str | None) -> str | None:
    if not previous or not entry.after:
        return None
    m = _PREV_WORD.search(previous)
    return entry.after.get(fold(m.group(1))) if m else None


def _by_next(entry: Abbrev, following: str | None) -> str | None:
    """The expansion the words right after an abbreviation choose ('CT MTQG'), or None."""
    if not following or not entry.before:
        return None
    gap = _NEXT_GAP.match(following)
    rest = following[gap.end() if gap else 0 :][:_NEXT_SPAN]
    if not rest[:1].isalnum():  # 'CT, MTQG': another phrase begins
        return None
    words = fold(rest).split()
    for key, full in entry.before.items():
        n = len(key.split())
        if words[:n] == key.split():
            return full
    return None


# the abbreviations whose next words may decide them, in capitals or typed in lower case
_DECIDED_BY_NEXT = re.compile(
    r"\b("
    + "|".join(
        sorted({f for a in _TABLE if a.before for f in (a.short, a.short.lower())}, key=len, reverse=True)
    )
    + r")\b"
)


def expand_by_next(text: str) -> str:
    """The abbreviations the next words decide, written out ('CT MTQG giảm nghèo' ->
    'chương trình MTQG giảm nghèo'), lower case and the rest of the text as it was."""

    def sub(m: re.Match[str]) -> str:
        entry = _BY_SHORT[m.group(1).upper()]
        chosen = _by_next(entry, text[m.end() : m.end() + _NEXT_SPAN + 8])
        return chosen.lower() + " " if chosen else m.group(0)

    return _DECIDED_BY_NEXT.sub(sub, text)


def kind_of(abbr: str) -> str | None:
    entry = lookup(abbr)
    return entry.kind if entry else None


def abbreviate(full: str) -> str | None:
    """The usual abbreviation of a full form ('Trạm y tế' -> 'TYT'), or None."""
    key = fold(full)
    return _COMPOUND_SHORT.get(key) or _BY_FULL.get(key)


def expand_text(text: str, keep: frozenset[str] = frozenset()) -> str:
    """Every known abbreviation in `text` replaced by its most likely full form
    in context; shorts listed in `keep` stay as written ('UBND' in titles)."""
    out: list[str] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        token = m.group(1)
        if token in keep:
            continue
        fulls = expand(token, text[: m.start()], text[m.end() :])
        if not fulls:
            continue
        out.append(text[pos : m.start()])
        out.append(fulls[0])
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def _abbreviate_text(text: str) -> str:
    """Longest known full forms inside `text` replaced by their abbreviations."""
    folded = fold(text)
    for full_key in sorted(_BY_FULL, key=len, reverse=True):
        if len(full_key) < 4:
            continue
        folded = re.sub(rf"(?<![a-z0-9]){re.escape(full_key)}(?![a-z0-9])", fold(_BY_FULL[full_key]), folded)
    return folded


def search_variants(text: str) -> set[str]:
    """Folded spellings under which a party may be asked about:
    as written, abbreviations expanded, full forms abbreviated
    ('Trạm y tế' -> {'tram y te', 'tyt'}; 'Đ/c Sâm TYT' -> {..., 'd c sam tram y te'})."""
    expanded = expand_text(text)
    variants = {fold(text), fold(expanded), _abbreviate_text(text), _abbreviate_text(expanded)}
    return {v for v in variants if v}
