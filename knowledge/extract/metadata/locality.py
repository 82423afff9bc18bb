"""The plan's place: a labelled field, the issuing header, the title, the place-and-date
line or the body; then the district above it, the province, and a misspelt name."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from knowledge import places
from knowledge.extract.loose import Dual, Reading
from knowledge.extract.metadata.header import header_units, issuer_unit, place_line
from knowledge.extract.metadata.mentions import (
    COMMUNE_TYPES,
    DISTRICT_TYPES,
    NAME,
    TYPE_ALT,
    place_level,
    proper_name,
    title_locality,
    typed_mentions,
    unit_kind,
)
from knowledge.extract.metadata.page import LABEL_ZONE, Line, is_upper, joined_text
from knowledge.model import Conflict
from knowledge.text import fold

_CITES = Dual(r"(?i)^(?:Căn\s+cứ|Theo)\b")


def _display_name(name: str, mentions: list[tuple[str, str]], kind: str | None = None) -> str:
    """The name as the running text writes it ('Đông Thọ'); the list's spelling for a short
    form ('HCM') or a name the document only writes in capitals; else title case."""
    listed = places.canonical_name(kind, name) if kind else None
    if listed and places.key(listed) != places.key(name):
        return listed  # 'TP. HCM' -> 'Hồ Chí Minh'
    key = fold(name)
    written = Counter(n for _, n in mentions if fold(n) == key and not is_upper(n))
    if written:
        return written.most_common(1)[0][0]
    if listed:
        return listed
    return " ".join(w[:1].upper() + w[1:].lower() for w in name.split())


@dataclass
class _Place:
    kind: str | None
    name: str | None
    parent: tuple[str, str] | None = None  # stated beside it: header block or labelled field


# 'Địa phương: xã Mỹ Hòa, huyện Tháp Mười' / 'Đơn vị: UBND xã …' / front matter 'locality: …'
_PLACE_LABEL = Dual(
    r"^(?:Địa\s+phương|Địa\s+bàn|Đơn\s+vị(?:\s+ban\s+hành)?|Cơ\s+quan\s+ban\s+hành|locality|place)\s*:\s*(.+)$",
    re.IGNORECASE,
)
# 'UBND xã Mỹ Hòa ban hành / xây dựng Kế hoạch …': the commune says it is the plan's author.
_ISSUING_SENTENCE = Dual(
    rf"(?:UBND|Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân)\s+((?i:{TYPE_ALT}))\s+({NAME})"
    r"[^.;]{0,40}?\b(?:ban\s+hành|xây\s+dựng|triển\s+khai)\s+(?:các\s+)?[Kk]ế\s+hoạch"
)


def _by_level(found: list[tuple[str, str]]) -> _Place | None:
    """The lowest unit of 'xã Mỹ Hòa, huyện Tháp Mười', with the district above it as parent."""
    units = [(k, n) for k, n in found if not (k == "xã" and n.lower().startswith("hội"))]
    if not units:
        return None
    kind, name = max(units, key=lambda u: place_level(*u))
    above = [u for u in units if place_level(*u) == 2 and place_level(kind, name) == 3]
    return _Place(kind, name, above[0] if above else None)


def _labelled_place(reading: Reading, lines: list[Line]) -> _Place | None:
    for line in lines[:LABEL_ZONE]:
        m = _PLACE_LABEL.rx(reading).match(line.text)
        if m:
            place = _by_level(typed_mentions(reading, m.group(1)))
            if place:
                return place
    return None


def _subject_commune(reading: Reading, lines: list[Line], title: str | None) -> tuple[str, str] | None:
    """A commune the title or an issuing sentence names as the plan's own place."""
    kind, name = title_locality(reading, title)
    if kind and name:
        return kind, name
    for line in lines[:LABEL_ZONE]:
        if _CITES.rx(reading).match(line.text):
            continue
        for m in _ISSUING_SENTENCE.rx(reading).finditer(line.text):
            if unit_kind(reading, m.group(1)) in COMMUNE_TYPES and proper_name(m.group(2)):
                return unit_kind(reading, m.group(1)), proper_name(m.group(2))
    return None


def _header_place(reading: Reading, lines: list[Line], title: str | None) -> _Place | None:
    """The issuer of the header block; a district header over a plan whose title or
    issuing sentence names a commune is that commune's parent ('UBND HUYỆN X' alone)."""
    units = header_units(reading, lines)
    issuer = issuer_unit(units)
    if issuer is None:
        return None
    level = place_level(issuer.kind, issuer.name)
    if level == 2:  # a province's plan is the province's, whatever commune its title names
        subject = _subject_commune(reading, lines, title)
        if subject:
            return _Place(subject[0], subject[1], (issuer.kind, issuer.name))
    above = [u for u in units if place_level(u.kind, u.name) == 2 and level == 3]
    return _Place(issuer.kind, issuer.name, (above[0].kind, above[0].name) if above else None)


def plan_place(
    reading: Reading, lines: list[Line], mentions: list[tuple[str, str]], title: str | None
) -> _Place:
    """The place of the plan, from the first of: a labelled field, the issuing header, the title
    ('… trên địa bàn tỉnh Nghệ An'), the place-and-date line ('Nghệ An, ngày …'), the body."""
    place = (
        _labelled_place(reading, lines)
        or _header_place(reading, lines, title)
        or _title_place(reading, title)
        or _dateline_place(reading, lines, mentions)
        or _body_place(reading, lines, mentions)
    )
    if place is None:
        return _Place(None, None)
    place.name = _display_name(place.name or "", mentions, place.kind)
    if place.parent:
        place.parent = (place.parent[0], _display_name(place.parent[1], mentions, place.parent[0]))
    return place


def _title_place(reading: Reading, title: str | None) -> _Place | None:
    """A commune the title names, else the unit of the list it names ('… tỉnh Nghệ An',
    '… TP Hồ Chí Minh'); a district's or province's name the list does not know is no place."""
    kind, name = title_locality(reading, title)
    if kind and name:
        return _Place(kind, name)
    listed = [(k, n) for k, n in typed_mentions(reading, title or "") if places.known(k, n)]
    if not listed:
        return None
    kind, name = max(listed, key=lambda u: place_level(*u))
    return _Place(kind, name)


def _dateline_place(reading: Reading, lines: list[Line], mentions: list[tuple[str, str]]) -> _Place | None:
    """'P. Thạch Khôi, ngày …'; a name without its type takes the type the text gives it
    ('Hưng Đông' of 'xã Hưng Đông'), else the list's ('Nghệ An' is a province)."""
    kind, name = place_line(reading, lines)
    if not name:
        return None
    if kind is None:
        kinds = Counter(k for k, n in mentions if fold(n) == fold(name))
        kind = kinds.most_common(1)[0][0] if kinds else places.kind_of(name)
    return _Place(kind, name)


# 'UBND xã Mỹ Hòa' anywhere in the text: a commune its people's committee names.
_COUNCIL_NAMES = Dual(rf"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+((?i:{TYPE_ALT}))\s+({NAME})")


def _body_place(reading: Reading, lines: list[Line], mentions: list[tuple[str, str]]) -> _Place | None:
    """No header, title or dateline (a news article, a bare list): a commune that 'UBND xã X'
    names and the text repeats, else the commune named most that the list knows, else one the
    text names more than once; else the province or district of the list named most.

    A single 'Chủ tịch UBND phường Đỗ Thị Thu Trang' is a person after the unit, and a single
    'phường Xây dựng' a word after the type: neither is a place."""
    communes = Counter((k, fold(n)) for k, n in mentions if k in COMMUNE_TYPES)
    written = {(k, fold(n)): n for k, n in mentions}
    named = [
        (unit_kind(reading, m.group(1)), proper_name(m.group(2)))
        for m in _COUNCIL_NAMES.rx(reading).finditer(joined_text(lines))
        if unit_kind(reading, m.group(1)) in COMMUNE_TYPES and proper_name(m.group(2))
    ]
    repeated = [(k, n) for k, n in named if communes[(k, fold(n))] > 1]
    if repeated:
        return _Place(*repeated[0])
    ranked = communes.most_common()
    for (k, f), count in ranked:
        if places.known(k, written[(k, f)]) or count > 1:
            return _Place(k, written[(k, f)])
    above = Counter((k, fold(n)) for k, n in mentions if k not in COMMUNE_TYPES and places.known(k, n))
    if above:
        (k, f), _ = max(above.items(), key=lambda kv: (kv[1], -place_level(kv[0][0], written[kv[0]])))
        return _Place(k, written[(k, f)])
    return None


def _bare_central_city(text: str) -> str | None:
    """'(quận Long Biên, Hà Nội)': a central city written after a district without its type."""
    cities = "|".join(re.escape(c) for c in places.central_cities())
    m = re.search(
        rf"(?i:quận|huyện|thị\s+xã)\s+[^,;()\n]{{2,30}},\s*(?:TP\.?\s*|(?i:thành\s+phố)\s+)?({cities})(?!\w)",
        text,
    )
    return m.group(1) if m else None


def parent_and_province(
    place: _Place, mentions: list[tuple[str, str]], text: str = ""
) -> tuple[str | None, str | None]:
    """The district above a commune (stated, else the one named most) and the province: a
    province's own name; else one the document names ('tỉnh Gia Lai', '(quận Long Biên, Hà
    Nội)') where the list has the place; else the one it names most; else the one province
    the list gives the place."""
    kind, name = place.kind, place.name
    if kind and name and place_level(kind, name) == 1:
        return None, places.canonical_name(kind, name) or name
    own = (kind, fold(name))
    counts: Counter[tuple[str, str]] = Counter()
    provinces: Counter[str] = Counter()
    for k, n in mentions:
        if (k, fold(n)) == own:
            continue
        if place_level(k, n) == 1:
            provinces[n] += 1
        if k in DISTRICT_TYPES:
            counts[(k, n)] += 1
    parent: str | None = None
    if kind in COMMUNE_TYPES and place.parent:
        parent = f"{place.parent[0]} {place.parent[1]}"
    elif kind in COMMUNE_TYPES and counts:
        # most mentioned; on a tie the lower level (huyện/quận before a city)
        rank = {t: i for i, t in enumerate(("huyện", "quận", "thị xã", "thành phố"))}
        (pk, pn), _ = max(counts.items(), key=lambda kv: (kv[1], -rank[kv[0][0]]))
        parent = f"{pk} {pn}"
    if not provinces and (city := _bare_central_city(text)):
        provinces[city] += 1
    province = _province(kind, name, parent, provinces)
    if kind in DISTRICT_TYPES and province:
        parent = places.province_label(province)
    return parent, province


def _province(kind: str | None, name: str | None, parent: str | None, written: Counter[str]) -> str | None:
    """The province as the document writes it ('Thừa Thiên Huế'), or as the list spells it."""
    listed = {u.province for u in places.units_of(kind, name, parent)} if kind and name else set()
    found = [(n, places.admin_units().province(n)) for n, _ in written.most_common()]
    known = [(n, p) for n, p in found if p]
    for n, p in known:
        if p.province in listed:
            return n if not is_upper(n) else p.name
    if known:
        n, p = known[0]
        return n if not is_upper(n) else p.name
    # a province the list does not have ('tỉnh Hà Tây' before 2008), written in the running text
    unlisted = [n for n, _ in written.most_common() if not is_upper(n)]
    if unlisted:
        return unlisted[0]
    return places.province_of(kind, name, parent) if kind and name else None


def spelling_conflict(kind: str | None, name: str | None, mentions: list[tuple[str, str]]) -> Conflict | None:
    """Another name of the same type differing only in its last syllable ('Thạch Khôi' / 'Thạch Khê')."""
    if not kind or not name:
        return None
    words = fold(name).split()
    counts = Counter(n for k, n in mentions if k == kind)
    variants = []
    for other, n in counts.items():
        ow = fold(other).split()
        if ow == words or len(ow) != len(words) or len(words) < 2 or n < 2:
            continue
        last, other_last = words[-1], ow[-1]
        if ow[:-1] == words[:-1] and last[0] == other_last[0] and Levenshtein.distance(last, other_last) <= 2:
            variants.append(other)
    if not variants:
        return None
    values = [f"{name} ({counts.get(name, 0)} lần)"] + [f"{v} ({counts[v]} lần)" for v in variants]
    return Conflict(what=f"Tên {kind}", values=values)
