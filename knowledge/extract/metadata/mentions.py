"""Places a plan names: unit types and 'phường Đông Thọ' / 'TP Hồ Chí Minh' mentions."""

from __future__ import annotations

import re

from knowledge import places
from knowledge.extract.loose import Dual, Reading
from knowledge.extract.metadata.page import is_upper
from knowledge.text import clean, fold

# Longest first so 'thị trấn' wins over a bare word.
LOCALITY_TYPES = places.KINDS
COMMUNE_TYPES = places.COMMUNE_KINDS
DISTRICT_TYPES = places.DISTRICT_KINDS
# Abbreviations used on the place-and-date line.
_ABBREVIATIONS = {k: v for k, v in places.ABBREVIATIONS.items() if k != "tp"}

TYPE_ALT = "|".join(re.escape(t) for t in LOCALITY_TYPES)
# Up to four words after the type; proper_name keeps the capitalised ones ('Đông Thọ').
NAME = r"[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,3}"
_TYPED_NAME = Dual(
    rf"(?<!\w)(?!(?i:xã\s+hội)\b)((?i:{TYPE_ALT})|TP\.?(?=\s)|TP\.(?=\w))(?:\s+|(?<=\.))({NAME})"
)
# The words after a type, across one line break: 'tỉnh Nghệ' / 'An' in hard-wrapped text.
_WRAPPED_NAME = re.compile(r"[ \t]*\n[ \t]*([^\W\d_]+(?:[ \t]+[^\W\d_]+){0,2})")


_KIND_BY_FOLD = {fold(t): t for t in LOCALITY_TYPES}


def unit_kind(reading: Reading, word: str) -> str:
    """The locality type a matched word names: as written, or (in a plan typed without
    diacritics) the accented type its bare form stands for ('xa' -> 'xã')."""
    w = clean(word).lower()
    if w in LOCALITY_TYPES or not reading.bare:
        return w
    return _KIND_BY_FOLD.get(fold(w), w)


def type_of(reading: Reading, word: str) -> str | None:
    w = unit_kind(reading, word)
    return w if w in LOCALITY_TYPES else _ABBREVIATIONS.get(w.rstrip("."))


def place_level(kind: str | None, name: str) -> int:
    """3 commune, 2 district, 1 province (and the centrally run cities), as the list says."""
    return places.level(kind, name)


def proper_name(words: str) -> str:
    """The leading capitalised words: 'Thanh Hóa về việc' -> 'Thanh Hóa'."""
    kept: list[str] = []
    first = words.split()[:1]
    if first and first[0].isdigit():
        return first[0]  # 'Phường 12'
    for w in words.split():
        if not w[:1].isupper():
            break
        kept.append(w)
    return " ".join(kept)


def _mention_kind(reading: Reading, word: str) -> str:
    return "thành phố" if word.rstrip(".").upper() == "TP" else unit_kind(reading, word)


def typed_mentions(reading: Reading, text: str) -> list[tuple[str, str]]:
    """Every 'phường Đông Thọ' / 'thành phố Vinh' / 'TP Hồ Chí Minh' mention as (type, name
    as written). Hard-wrapped text breaks names ('tỉnh Nghệ' / 'An', 'tỉnh' / 'Thực hiện'):
    a name is carried over a line break only where the list knows the place it makes."""
    out: list[tuple[str, str]] = []
    for m in _TYPED_NAME.rx(reading).finditer(text):
        kind = _mention_kind(reading, m.group(1))
        name = proper_name(m.group(2))
        if not name:
            continue
        if "\n" in text[m.end(1) : m.start(2)]:
            name = _known_prefix(kind, name.split()) or ""  # the type ended the line
        elif not places.known(kind, name):
            name = _carried_over(kind, name, text[m.start(2) + len(name) :]) or name
        if not name or (is_upper(name) and len(name) > 3):
            continue  # upper-case headers are read separately
        out.append((kind, name))
    return out


def _known_prefix(kind: str, words: list[str]) -> str | None:
    """The longest leading words naming a place of the list."""
    for n in range(len(words), 0, -1):
        if places.known(kind, " ".join(words[:n])):
            return " ".join(words[:n])
    return None


def _carried_over(kind: str, name: str, rest: str) -> str | None:
    """'Nghệ' + 'An' on the next line -> 'Nghệ An', when the list knows it."""
    m = _WRAPPED_NAME.match(rest)
    if not m:
        return None
    more = m.group(1).split()
    more = more[: next((i for i, w in enumerate(more) if not w[:1].isupper()), len(more))]
    for n in range(len(more), 0, -1):
        joined = f"{name} {' '.join(more[:n])}"
        if places.known(kind, joined):
            return joined
    return None


def title_locality(reading: Reading, title: str | None) -> tuple[str | None, str | None]:
    """'Kế hoạch … xã hội phường Hòa Bình năm 2026' -> ('phường', 'Hòa Bình')."""
    for k, n in typed_mentions(reading, title or ""):
        if k in COMMUNE_TYPES and not (k == "xã" and n.lower().startswith("hội")):
            return k, n
    return None, None
