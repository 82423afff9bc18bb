"""Places: the national list of administrative units, and a written place resolved against it.

The list is the offline data of the `vietnamadminunits` package (MIT): the 34 provinces and
3,321 communes in force from 1 July 2025, and the 63 provinces, their districts and communes
before it. Plans keep the place as they write it (an old commune stays an old commune); the
list tells whether the place exists, its province, and which of several same-named units is
meant. One module serves the metadata extractor and the `ingest --locality` option."""

from __future__ import annotations

import dataclasses
import importlib.util
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from knowledge.model import PlanMeta
from knowledge.text import clean, fold, match_key, strip_diacritics

PROVINCE_KINDS = ("tỉnh", "thành phố")
DISTRICT_KINDS = ("huyện", "quận", "thị xã", "thành phố")
COMMUNE_KINDS = ("xã", "phường", "thị trấn", "đặc khu")
# Longest first so 'thị trấn' wins over a bare word.
KINDS = ("thị trấn", "thị xã", "thành phố", "đặc khu", "phường", "huyện", "quận", "tỉnh", "xã")


@dataclass(frozen=True)
class Unit:
    """One administrative unit of the list."""

    kind: str  # 'xã', 'phường', 'thị trấn', 'đặc khu', 'huyện', 'quận', 'thị xã', 'thành phố', 'tỉnh'
    name: str  # 'Đông Thọ'
    province: str  # 'Thanh Hóa' (the province itself for a province)
    province_kind: str  # 'tỉnh' or 'thành phố' (the centrally run cities)
    district: str | None = None  # 'thành phố Thanh Hóa': the district above a commune before 2025
    current: bool = True  # in the list in force from 1 July 2025
    province_level: bool = False

    @property
    def label(self) -> str:
        return f"{self.kind} {self.name}"

    @property
    def level(self) -> int:
        """1 province, 2 district, 3 commune."""
        if self.kind in COMMUNE_KINDS:
            return 3
        return 1 if self.province_level else 2


def key(name: str) -> str:
    """Accent-, case- and space-free key: 'Đắk Lắk', 'ĐĂK LĂK', 'Dak Lak' -> 'daklak'."""
    return re.sub(r"[^a-z0-9]", "", fold(name))


def data_file() -> Path | None:
    """The package's data file, found without importing the package (its parser and converter
    build large patterns on import, about a second, which plain look-ups do not need)."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "dataset.db"
    return path if path.exists() else None


def _province_kind(full: str) -> str:
    return "thành phố" if full.startswith("Thành phố") else "tỉnh"


def short_form(kind: str, name: str, name_key: str) -> tuple[str, str]:
    """The list writes numbered wards whole ('Phường 12'); a document writes 'phường 12'."""
    if name.lower().startswith(kind.lower() + " "):
        name = name[len(kind) + 1 :]
        return name, key(name)
    return name, name_key


# Short names people and documents write for a province (the answer engine's places learn them too)
PROVINCE_SHORT_NAMES: dict[str, tuple[str, ...]] = {"Hồ Chí Minh": ("HCM", "TPHCM"), "Hà Nội": ("HN",)}


class AdminUnits:
    """Units by key of their name, each list holding both eras.

    Rows come from the package's tables with its own accent-free keys ('phucxa'), so that
    reading the list folds next to nothing; a unit is made when a look-up finds it. Rows:
    (province, province short, type, short name, short key) for the communes in force,
    (province, province short, district type, district short, type, short name, short key)
    for those before."""

    def __init__(self, rows_2025: list[tuple], rows_legacy: list[tuple]) -> None:
        self.provinces: dict[str, list[Unit]] = defaultdict(list)
        self.districts: dict[str, list[Unit]] = defaultdict(list)
        self._communes: dict[str, list[tuple]] = defaultdict(list)
        in_force = {short for _, short, *_ in rows_2025}
        provinces = {(full, short) for full, short, *_ in (*rows_2025, *rows_legacy)}
        for full, short in sorted(provinces):
            pkind = _province_kind(full)
            unit = Unit(pkind, short, short, pkind, current=short in in_force, province_level=True)
            self.provinces[key(short)].append(unit)
        for full, short, kind, name, name_key in rows_2025:
            if name:
                name, name_key = short_form(kind, name, name_key)
                self._communes[name_key].append((full, short, kind, name, None, None))
        districts: set[tuple[str, str, str, str]] = set()
        for full, short, dkind, dname, kind, name, name_key in rows_legacy:
            districts.add((full, short, dkind, dname))
            if name:
                name, name_key = short_form(kind, name, name_key)
                self._communes[name_key].append((full, short, kind, name, dkind, dname))
        for full, short, dkind, dname in sorted(districts):
            unit = Unit(dkind.lower(), dname, short, _province_kind(full), None, False)
            self.districts[key(dname)].append(unit)
        self._province_aliases()

    def communes(self, name_key: str) -> list[Unit]:
        return [
            Unit(
                kind.lower(),
                name,
                short,
                _province_kind(full),
                f"{dkind.lower()} {dname}" if dkind else None,
                current=dkind is None,
            )
            for full, short, kind, name, dkind, dname in self._communes.get(name_key, [])
        ]

    def _province_aliases(self) -> None:
        """Short forms a document writes for a province: 'HCM', 'TPHCM', 'Sài Gòn', 'Huế' (Thừa Thiên Huế)."""
        for name, shorts in PROVINCE_SHORT_NAMES.items():
            for alias in shorts:
                self.provinces[key(alias)] = [u for u in self.provinces[key(name)]]
        for old in ("Thừa Thiên Huế", "Thừa Thiên - Huế"):
            self.provinces[key(old)] = [u for u in self.provinces[key("Huế")]]

    def find(self, kind: str | None, name: str) -> list[Unit]:
        """Units of that kind and name (any kind that can bear the name when `kind` is None);
        'thành phố Cần Thơ' is the centrally run city, 'thành phố Vinh' a district."""
        k = key(name)
        if not k:
            return []
        out: list[Unit] = []
        if kind in (None, *PROVINCE_KINDS):
            out += [u for u in self.provinces.get(k, []) if kind in (None, u.kind)]
        if kind in (None, *DISTRICT_KINDS):
            out += [u for u in self.districts.get(k, []) if kind in (None, u.kind)]
        if kind in (None, *COMMUNE_KINDS):
            out += [u for u in self.communes(k) if kind in (None, u.kind)]
        return out

    def province(self, name: str) -> Unit | None:
        """The province of that name ('Nghệ An', 'TP. Hồ Chí Minh', 'HCM'), current form first."""
        units = sorted(self.provinces.get(key(_strip_province_kind(name)), []), key=lambda u: not u.current)
        return units[0] if units else None


def _strip_province_kind(name: str) -> str:
    return re.sub(r"(?i)^\s*(?:tỉnh|thành\s+phố|tp\.?)\s*", "", clean(name))


@cache
def admin_units() -> AdminUnits:
    """The list, read once per process (about 10,000 rows: a few tens of milliseconds)."""
    path = data_file()
    if path is None:  # the package is a dependency; without it every place is unknown
        return AdminUnits([], [])
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        rows_2025 = conn.execute(
            "SELECT province, provinceShort, wardType, wardShort, wardShortKey FROM admin_units"
        ).fetchall()
        rows_legacy = conn.execute(
            "SELECT province, provinceShort, districtType, districtShort, wardType, wardShort, wardShortKey"
            " FROM admin_units_legacy"
        ).fetchall()
    return AdminUnits(rows_2025, rows_legacy)


# ---------------------------------------------------------------- resolving a written place


class PlaceNotFound(ValueError):
    """A place the list does not know; str(exc) says so in Vietnamese, in one line."""


@dataclass(frozen=True)
class Place:
    """A place as a plan is stored under it: 'xã Sơn Lang' of 'huyện KBang', 'Gia Lai'."""

    kind: str
    name: str
    parent: str | None = None  # the district of a commune, the province of a district ('tỉnh Gia Lai')
    province: str | None = None  # 'Gia Lai'; the province itself for a province

    @property
    def label(self) -> str:
        return f"{self.kind} {self.name}"


# How documents and clerks shorten a type: 'TP. Vinh', 'TP Hồ Chí Minh', 'P. Thạch Khôi', 'TX Sơn Tây'.
ABBREVIATIONS = {
    "tp": "thành phố",
    "tx": "thị xã",
    "tt": "thị trấn",
    "p": "phường",
    "x": "xã",
    "q": "quận",
    "h": "huyện",
}
_ABBREVIATED = re.compile(r"(?i)^(tp|tx|tt)\b\.?\s*|^(p|x|q|h)\.\s*")


def split_kind(text: str) -> tuple[str | None, str]:
    """'xã Sơn Lang' -> ('xã', 'Sơn Lang'); 'TP. HCM' -> ('thành phố', 'HCM'); 'Nghệ An' -> (None, 'Nghệ An')."""
    t = clean(text).strip(" .,;:-–—*_")
    m = _ABBREVIATED.match(t)
    if m:
        return ABBREVIATIONS[(m.group(1) or m.group(2)).lower()], t[m.end() :].strip()
    folded = fold(t)
    for kind in KINDS:
        if folded.startswith(fold(kind) + " "):
            return kind, " ".join(t.split()[len(kind.split()) :])
    return None, t


def level(kind: str | None, name: str) -> int:
    """3 commune, 2 district, 1 province and the centrally run cities ('thành phố Cần Thơ',
    'thành phố Huế'), as the list says; 'thành phố Vinh' is a district."""
    if kind in COMMUNE_KINDS:
        return 3
    if kind == "tỉnh":
        return 1
    if kind == "thành phố" and any(u.level == 1 for u in admin_units().find(kind, name)):
        return 1
    return 2


def _bare_name(label: str | None) -> str:
    return split_kind(label)[1] if label else ""


def units_of(
    kind: str | None, name: str, parent: str | None = None, province: str | None = None, strict: bool = False
) -> list[Unit]:
    """The units of the list a written place may be. A stated district or province narrows
    them; a document's district may be newer or older than the list, so a narrowing that
    leaves none is dropped, unless `strict` (a clerk's own words must hold as written)."""
    units = admin_units().find(kind, name)
    if parent and level(*split_kind(parent)) == 2:
        within = [u for u in units if u.district and key(_bare_name(u.district)) == key(_bare_name(parent))]
        units = within if within or strict else units
    if province:
        p = admin_units().province(province)
        within = [u for u in units if p and u.province == p.province]
        units = within if within or strict else units
    return units


def known(kind: str | None, name: str) -> bool:
    return bool(admin_units().find(kind, name))


def canonical_name(kind: str | None, name: str) -> str | None:
    """The list's spelling of a place: 'HCM' -> 'Hồ Chí Minh', 'ĐẮK LẮK' -> 'Đắk Lắk',
    'Nghe An' -> 'Nghệ An'. None where the list spells it with other tones ('Phù Mỹ' is not
    'Phú Mỹ': another place of the same letters) or does not have it."""
    units = admin_units().find(kind, name)
    if not units:
        return None
    written = match_key(name)
    same = next((u.name for u in units if match_key(u.name) == written), None)
    if same:
        return same
    if key(name) != key(units[0].name):
        return units[0].name  # a short form
    spellings = {match_key(u.name) for u in units}
    return units[0].name if strip_diacritics(name) == name and len(spellings) == 1 else None


def province_of(
    kind: str | None, name: str, parent: str | None = None, named: list[str] | tuple[str, ...] = ()
) -> str | None:
    """The province of a place: itself for a province; else the one province its units share
    (narrowed by the district above it), or the first of those the document names."""
    if level(kind, name) == 1:
        return canonical_name(kind, name)
    provinces = list(dict.fromkeys(u.province for u in units_of(kind, name, parent)))
    if len(provinces) == 1:
        return provinces[0]
    for written in named:
        p = admin_units().province(written)
        if p and p.province in provinces:
            return p.province
    return None


def central_cities() -> list[str]:
    """The centrally run cities, of both eras: 'Hà Nội', 'Hồ Chí Minh', 'Huế', …"""
    units = (u for us in admin_units().provinces.values() for u in us)
    return sorted({u.name for u in units if u.kind == "thành phố"}, key=len, reverse=True)


def province_label(province: str) -> str:
    """'Gia Lai' -> 'tỉnh Gia Lai', 'Hồ Chí Minh' -> 'thành phố Hồ Chí Minh'."""
    p = admin_units().province(province)
    return f"{p.kind if p else 'tỉnh'} {province}"


def parse_place(text: str) -> Place:
    """A place a clerk names: 'xã Sơn Lang, tỉnh Gia Lai', 'phường Đông Thọ, TP Thanh Hóa,
    tỉnh Thanh Hóa', 'Nghệ An', 'TP. HCM'; the lowest unit named is the place, checked
    against the list. Raises PlaceNotFound with a Vietnamese message."""
    parts = [split_kind(p) for p in re.split(r"[,;]", text) if p.strip(" .,;:-–—")]
    if not parts or not all(name for _, name in parts):
        raise PlaceNotFound(f"Chưa rõ địa phương «{clean(text)}»: hãy ghi như «xã Sơn Lang, tỉnh Gia Lai».")
    typed = [(kind or kind_of(name), name) for kind, name in parts]
    kind, name = max(typed, key=lambda u: level(*u) if u[0] else 0)
    above = [u for u in typed if u != (kind, name)]
    district = next((f"{k} {n}" for k, n in above if k and level(k, n) == 2), None)
    named_province = next((n for k, n in above if k and level(k, n) == 1), None)
    if not kind or not units_of(kind, name, district, named_province, strict=True):
        _older_unit_or_raise(text, kind, name, district, named_province)
    assert kind is not None  # _older_unit_or_raise returns only for a commune's kind
    name = canonical_name(kind, name) or name
    province = province_of(kind, name, district, [named_province] if named_province else [])
    if province is None and named_province:
        stated = admin_units().province(named_province)
        province = stated.province if stated else None
    if level(kind, name) == 1:
        return Place(kind, name, None, province)
    if level(kind, name) == 2:
        return Place(kind, name, province_label(province) if province else None, province)
    parent = None
    if district:
        dk, dn = split_kind(district)
        parent = f"{dk} {canonical_name(dk, dn) or dn}"
    return Place(kind, name, parent, province)


def _older_unit_or_raise(
    text: str, kind: str | None, name: str, district: str | None, province: str | None
) -> None:
    """A commune merged away before the list was drawn ('xã Hưng Đông, thành phố Vinh, tỉnh
    Nghệ An', 2023) is taken as written when its district and province are named, the list has
    that district in that province, and no commune there has a name close to it; anything else
    is refused, naming the close ones."""
    p = admin_units().province(province) if province else None
    close = _close_names(kind, name, p.province if p else None)
    dk, dn = split_kind(district) if district else (None, "")
    listed_district = bool(p and dn and any(u.province == p.province for u in admin_units().find(dk, dn)))
    if kind in COMMUNE_KINDS and listed_district and not close:
        return
    hint = f" Có phải: {', '.join(close)}?" if close else ""
    raise PlaceNotFound(
        f"Không tìm thấy «{clean(text)}» trong danh mục đơn vị hành chính (34 tỉnh, thành phố; các xã, "
        f"phường trước và sau ngày 01/7/2025).{hint} Hãy ghi loại và tên, kèm tỉnh: «xã Sơn Lang, tỉnh Gia Lai»."
    )


def _close_names(kind: str | None, name: str, province: str | None) -> list[str]:
    """Up to three units whose name is a letter or so away ('Sơn Lag' -> 'xã Sơn Lang'), closest first."""
    target = key(name)
    index = admin_units()
    most = max(1, len(target) // 8)
    pool = {*index.provinces, *index.districts, *index._communes}
    near = sorted(
        (Levenshtein.distance(k, target, score_cutoff=most), k)
        for k in pool
        if abs(len(k) - len(target)) <= most
    )
    units = [u for d, k in near if d <= most for u in index.find(kind, k) if province in (None, u.province)]
    labels = [f"{u.label} ({u.province})" if u.level > 1 else u.label for u in units]
    return list(dict.fromkeys(labels))[:3]


def apply_place(meta: PlanMeta, place: Place) -> PlanMeta:
    """The document's metadata under the place a clerk named for it (`ingest --locality`)."""
    return dataclasses.replace(
        meta,
        locality=place.label,
        locality_type=place.kind,
        parent=place.parent,
        province=place.province,
        issuer=f"UBND {place.label}",
    )


# The refusal of a document whose place was not found: it names the option that gives it.
NO_PLACE = (
    "không tìm thấy địa phương của văn bản (ở tiêu đề cơ quan ban hành, tên kế hoạch, dòng "
    "địa danh ngày tháng hay nội dung); hãy ghi rõ khi nạp: "
    'planbot ingest --locality "xã Sơn Lang, tỉnh Gia Lai" {name}'
)


def kind_of(name: str) -> str | None:
    """The kind of a place written without it: a province ('Nghệ An'), else a unit of a single kind."""
    p = admin_units().province(name)
    if p:
        return p.kind
    kinds = {u.kind for u in admin_units().find(None, name)}
    return kinds.pop() if len(kinds) == 1 else None
