"""Places since the reform of 1 July 2025: the unit in force that an older commune became.

Plans of 2024 name communes merged since ('phường Đông Thọ, thành phố Thanh Hóa'); questions
asked today use the new names ('phường Hạc Thành'). The package's converter and its 2025 table
(`vietnamadminunits`, MIT) say which older communes form each new unit. Split from
knowledge/places.py, whose list and place resolving this builds on (never the other way round:
places.py imports nothing of this module)."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from knowledge.places import (
    COMMUNE_KINDS,
    Place,
    admin_units,
    data_file,
    key,
    level,
    province_label,
    short_form,
    split_kind,
    units_of,
)


def after_2025(place: Place) -> Place | None:
    """The unit in force from 1 July 2025 that an older place became ('phường Đông Thọ, thành
    phố Thanh Hóa' -> 'phường Hạc Thành, Thanh Hóa'), by the package's converter; None when the
    list cannot say. For questions asked with today's names about plans of the old ones."""
    lvl = level(place.kind, place.name)
    if lvl == 1:
        p = admin_units().province(place.name)
        return Place(p.kind, p.name, None, p.name) if p and p.current else None
    if lvl != 3:
        return None  # districts were abolished: a district has no single successor
    units = units_of(place.kind, place.name, place.parent, place.province)
    current = [u for u in units if u.current]
    if current:  # the name is still in force
        return (
            Place(current[0].kind, current[0].name, None, current[0].province) if len(current) == 1 else None
        )
    old = [u for u in units if u.district]
    if len(old) != 1:
        return None
    # Imported here: the converter builds its patterns on import (about a second).
    from vietnamadminunits import convert_address

    u = old[0]
    # ward, district, province only: with a street the converter would look the address up online
    new = convert_address(f"{u.label}, {u.district}, {province_label(u.province)}")
    if not new.ward:
        return None
    kind, name = split_kind(new.ward)
    return Place(kind or "xã", name, None, new.short_province)


# ---------------------------------------------------------------- the 2025 map: old units into new ones


@dataclass(frozen=True)
class MergerMap:
    """Which older communes form each unit in force from 1 July 2025, from the package's
    converter table: an old commune went whole into one new unit, or was divided among several
    (the main part first). Keys are the package's own ('tinhthanhhoa_thanhphothanhhoa_phuongdongtho')."""

    old_keys: dict[tuple[str, str, str], str]  # (province, district key, commune key) -> old key
    new_of_old: dict[str, list[tuple[str, str]]]  # old key -> [(new province key, new commune key)]
    new_units: dict[tuple[str, str], Place]  # (new province key, new commune key) -> the new unit


def _merger_rows() -> tuple[list[tuple], list[tuple], dict]:
    path = data_file()
    if path is None:
        return [], [], {}
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        legacy = conn.execute(
            "SELECT provinceShort, districtType, districtShort, wardType, wardShort,"
            " provinceKey, districtKey, wardKey FROM admin_units_legacy WHERE wardKey IS NOT NULL"
        ).fetchall()
        current = conn.execute(
            "SELECT provinceKey, wardKey, wardType, wardShort, wardShortKey, provinceShort FROM admin_units"
        ).fetchall()
    table = path.with_name("converter_2025.json")
    return legacy, current, json.loads(table.read_text(encoding="utf-8")) if table.exists() else {}


@cache
def merger_map() -> MergerMap:
    """The map, read once per process (about 10,000 rows and a 0.6 MB table)."""
    legacy, current, table = _merger_rows()
    old_keys = {}
    for province, dkind, dname, kind, name, pkey, dkey, wkey in legacy:
        short, _ = short_form(kind, name, "")
        old_keys[(province, key(f"{dkind} {dname}"), key(f"{kind} {short}"))] = f"{pkey}_{dkey}_{wkey}"
    new_units = {}
    for pkey, wkey, kind, name, name_key, province in current:
        short, _ = short_form(kind, name, name_key)
        new_units[(pkey, wkey)] = Place(kind.lower(), short, None, province)
    new_of_old: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for pkey, wards in table.get("DICT_PROVINCE_WARD_NO_DIVIDED", {}).items():
        for wkey, olds in wards.items():
            for old in olds:
                new_of_old[old].append((pkey, wkey))
    for pkey, olds in table.get("DICT_PROVINCE_WARD_DIVIDED", {}).items():
        for old, parts in olds.items():
            ordered = sorted(parts, key=lambda p: not p.get("isDefaultNewWard"))
            new_of_old[old] += [
                (pkey, p["newWardKey"]) for p in ordered if (pkey, p["newWardKey"]) not in new_of_old[old]
            ]
    return MergerMap(old_keys, dict(new_of_old), new_units)


def successors(place: Place) -> list[Place]:
    """The units in force from 1 July 2025 that an older commune went into ('phường Đông Thọ,
    thành phố Thanh Hóa' -> [phường Hạc Thành]); several when it was divided, the main part
    first. Empty for a unit still in force under its name, a place the list cannot pin down to
    one older commune, and anything above a commune (districts were abolished)."""
    if place.kind not in COMMUNE_KINDS:
        return []
    units = units_of(place.kind, place.name, place.parent, place.province)
    if not units:  # a commune that became a ward (or back) under the same name: 'xã Hưng Đông', 2023
        units = [u for u in units_of(None, place.name, place.parent, place.province) if u.level == 3]
    if any(u.current for u in units) and not place.parent:
        return []  # a name in force, written without an older district: today's unit
    old = [u for u in units if u.district]
    if len(old) != 1:
        return []
    u = old[0]
    mm = merger_map()
    old_key = mm.old_keys.get((u.province, key(u.district or ""), key(u.label)))
    found = [mm.new_units[n] for n in mm.new_of_old.get(old_key or "", []) if n in mm.new_units]
    same = len(found) == 1 and key(found[0].name) == key(u.name)
    return [] if same else found  # renamed nowhere: nothing to tell


def now_label(place: Place) -> str | None:
    """The unit in force that holds an older commune, for an answer: 'phường Hạc Thành'."""
    new = successors(place)
    return new[0].label if new else None
