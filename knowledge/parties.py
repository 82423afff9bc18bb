"""Responsible parties: 'Đ/c Hằng VP' -> person Hằng of unit VP (Văn phòng).

(Provisional minimal version.)"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.text import clean, fold


@dataclass(frozen=True)
class PartyRef:
    display: str
    kind: str  # 'person' | 'unit' | 'title'
    person_name: str | None = None
    title: str | None = None
    unit: str | None = None

    @property
    def key(self) -> str:
        return fold(self.display)


_SPLIT = re.compile(r"\s*[;\n]\s*|\s*,\s*(?=Đ/c)")


def parse_parties(text: str | None) -> list[PartyRef]:
    """Split a cell such as 'Đ/c Hằng VP; Đ/c Trang VP' into parties."""
    out: list[PartyRef] = []
    for part in _SPLIT.split(clean(text)):
        part = part.strip(" .-")
        if part:
            kind = "person" if part.lower().startswith("đ/c") else "unit"
            out.append(PartyRef(display=part, kind=kind))
    return out
