"""The issuing header ('ỦY BAN NHÂN DÂN / PHƯỜNG ĐÔNG THỌ') and the place-and-date line
('P. Thạch Khôi, ngày … tháng 4 năm 2026')."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge import places
from knowledge.extract.loose import Dual, Reading
from knowledge.extract.metadata.mentions import TYPE_ALT, place_level, proper_name, type_of, unit_kind
from knowledge.extract.metadata.page import MOTTO, Line, is_upper
from knowledge.text import fold

_UPPER_TYPED = Dual(rf"^({TYPE_ALT})\s+(.+)$", re.IGNORECASE)
COUNCIL = Dual(r"^(?:HĐND\s*[-–—,]\s*)?(?:(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|UBND)\b\s*(.*)$", re.IGNORECASE)
PLACE_DATE = Dual(
    r"^([^,;:()]{2,50}?),\s*ngày\s*(\d{1,2})?\s*(?:/|tháng)\s*(\d{1,2})?\s*(?:/|năm)\s*(\d{4})?",
    re.IGNORECASE,
)
_XA_HOI = Dual(r"(?i)xã\s+hội\b")


# Bodies that head a letter for a place without issuing the plan themselves.
PARTY_HEAD = Dual(r"^(?:ĐẢNG\s+BỘ|ĐẢNG\s+ỦY|ĐẢNG\s+UỶ|HĐND|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN)\b\s*(.*)$", re.IGNORECASE)
# Lines further apart than this are not one header block.
_HEADER_GAP = 5


@dataclass
class _Unit:
    kind: str
    name: str  # as written in the header, often in capitals
    council: bool  # 'ỦY BAN NHÂN DÂN …' (issues plans), not 'ĐẢNG BỘ …'


_HEADER_ABBREVIATION = re.compile(r"^(TP|TX|TT)(?:\.\s*|\s+)|^(P|X|Q|H)\.\s*", re.IGNORECASE)
_FULL_TYPE = places.ABBREVIATIONS
# 'ỦY BAN NHÂN' / 'DÂN': the council's name broken over two lines by a narrow header column.
_COUNCIL_BROKEN = Dual(r"^(?:ỦY|UỶ)\s+BAN(?:\s+NHÂN)?$|^HỘI\s+ĐỒNG(?:\s+NHÂN)?$", re.IGNORECASE)


def _typed_header_names(reading: Reading, rest: str) -> list[tuple[str, str]]:
    """[('phường', 'ĐÔNG THỌ')] from 'PHƯỜNG ĐÔNG THỌ' / 'xã Hưng Lộc' / 'PHƯỜNG 12' / 'TP. VINH';
    'XÃ ĐĂK LA - HUYỆN ĐĂK HÀ' names two units."""
    out: list[tuple[str, str]] = []
    split_at = rf"\s*(?:,|\s[-–—]\s)\s*(?=(?i:{TYPE_ALT}|TP\b|TX\b|TT\b))"
    for segment in re.split(split_at, rest):
        ab = _HEADER_ABBREVIATION.match(segment)
        if ab:
            segment = _FULL_TYPE[(ab.group(1) or ab.group(2)).lower()] + " " + segment[ab.end() :]
        tm = _UPPER_TYPED.rx(reading).match(segment)
        if not tm or _XA_HOI.rx(reading).match(segment):
            break
        name = tm.group(2).strip(" .,:-–—_*")
        if is_upper(name) or name.isdigit() or (len(name.split()) <= 4 and proper_name(name) == name):
            out.append((unit_kind(reading, tm.group(1)), name))
    return out


def _header_unit(reading: Reading, lines: list[Line], i: int) -> list[_Unit]:
    """The units a header line names: 'UBND XÃ MỸ HÒA', or 'ỦY BAN NHÂN DÂN' over 'XÃ MỸ HÒA'
    (the motto of the right-hand column may come between them)."""
    text = lines[i].text
    if _COUNCIL_BROKEN.rx(reading).match(text) and i + 1 < len(lines):
        text = f"{text} {lines[i + 1].text}"
        i += 1
    m = COUNCIL.rx(reading).match(text)
    head = m or PARTY_HEAD.rx(reading).match(text)
    if not head:
        return []
    rest = head.group(1).strip()
    if not rest:
        following = (x.text for x in lines[i + 1 : i + 4] if not MOTTO.rx(reading).fullmatch(x.text))
        rest = next(following, "")
    return [_Unit(k, n, council=bool(m)) for k, n in _typed_header_names(reading, rest)]


def header_units(reading: Reading, lines: list[Line]) -> list[_Unit]:
    """The units of the first header block ('UBND HUYỆN X' then 'ỦY BAN NHÂN DÂN XÃ Y')."""
    units: list[_Unit] = []
    last: int | None = None
    for i, _line in enumerate(lines):
        if last is not None and i - last > _HEADER_GAP:
            break
        for unit in _header_unit(reading, lines, i):
            if all((u.kind, fold(u.name)) != (unit.kind, fold(unit.name)) for u in units):
                units.append(unit)
                last = i
    return units


def issuer_unit(units: list[_Unit]) -> _Unit | None:
    """The lowest level among the people's committees of the header (else any unit)."""
    pool = [u for u in units if u.council] or units
    return max(pool, key=lambda u: place_level(u.kind, u.name), default=None)


# A place-and-date line that text extraction cut short: 'Đồng Tháp,' / 'Nghệ An, ngày 26'.
_DATELINE_CUT = Dual(r"^[^,;:()]{2,50}?,\s*(?:ngày\s*\d{0,2})?$", re.IGNORECASE)
# Lines searched for the place-and-date line.
_DATELINE_ZONE = 80


def _dateline_at(reading: Reading, lines: list[Line], i: int) -> tuple[str, re.Match[str]] | None:
    """The place-and-date line at i, joined with the next line where it was cut
    ('Nghệ An, ngày 26' / 'tháng 11 năm 2025'); its place has at most six words."""
    text = lines[i].text
    m = PLACE_DATE.rx(reading).match(text)
    if m is None and i + 1 < len(lines) and _DATELINE_CUT.rx(reading).match(text):
        text = f"{text} {lines[i + 1].text}"
        m = PLACE_DATE.rx(reading).match(text)
    if m is None or len(m.group(1).split()) > 6:
        return None
    return text, m


def find_datelines(reading: Reading, lines: list[Line]) -> list[tuple[int, str, re.Match[str]]]:
    found = ((i, _dateline_at(reading, lines, i)) for i in range(min(len(lines), _DATELINE_ZONE)))
    return [(i, *hit) for i, hit in found if hit]


def _split_place(reading: Reading, place: str) -> tuple[str | None, str]:
    """'P. Thạch Khôi' -> ('phường', 'Thạch Khôi'); 'Hưng Đông' -> (None, 'Hưng Đông')."""
    words = place.split()
    for n in (2, 1):
        kind = type_of(reading, " ".join(words[:n]))
        if kind and len(words) > n:
            return kind, " ".join(words[n:])
    head = re.match(r"^(TT|TX|TP|P|X|Q|H)\.\s*(.+)$", place)
    if head:
        return places.ABBREVIATIONS[head.group(1).lower()], head.group(2)
    return None, place


def place_line(reading: Reading, lines: list[Line]) -> tuple[str | None, str | None]:
    """Type and name from 'P. Thạch Khôi, ngày …' / 'Hưng Đông, ngày …'; a place the narrow
    column broke ('Thành phố Hồ Chí' / 'Minh, ngày …') is joined where the list knows it."""
    for i, _text, m in find_datelines(reading, lines)[:1]:
        kind, name = _split_place(reading, m.group(1).strip())
        prev = lines[i - 1].text if i else ""
        if not places.known(kind, name) and 0 < len(prev.split()) <= 4 and prev[-1:].isalpha():
            joined = _split_place(reading, f"{prev} {m.group(1).strip()}")
            if places.known(*joined):
                return joined
        return kind, name
    return None, None
