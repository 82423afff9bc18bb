"""The places a question names: the known places (a `Gazetteer`), where in the question
they stand, and a place written out that nobody knows."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from knowledge.places import PROVINCE_SHORT_NAMES
from knowledge.question.tokens import Token, tokens_of, unify_spelling
from knowledge.text import clean, fold, match_key


@dataclass(frozen=True)
class PlaceRef:
    """A locality the caller knows: `bare` is its folded name without the type."""

    id: int
    name: str  # 'phường Đông Thọ'
    bare: str  # 'dong tho'
    bare_acc: str  # 'đông thọ'
    type: str | None = None  # folded 'phuong', 'xa', 'thi tran', ...
    parent: str | None = None
    province: str | None = None
    now: str | None = None  # the unit in force from 1 July 2025 that holds it: 'phường Hạc Thành'

    @property
    def label(self) -> str:
        """'phường Đông Thọ (nay thuộc phường Hạc Thành)'."""
        return f"{self.name} (nay thuộc {self.now})" if self.now else self.name


LOCALITY_TYPES = ("thi tran", "thanh pho", "thi xa", "phuong", "xa", "huyen", "quan", "tinh", "dac khu")


def split_locality_name(name: str) -> tuple[str | None, str]:
    """'phường Đông Thọ' -> ('phuong', 'Đông Thọ')."""
    cleaned = clean(name)
    f = fold(cleaned)
    for typ in LOCALITY_TYPES:
        if f.startswith(typ + " "):
            n = len(typ.split())
            return typ, " ".join(cleaned.split()[n:])
    return None, cleaned


def bare_fold(name: str) -> str:
    """'thành phố Thanh Hóa' -> 'thanh hoa' (folded, without the type)."""
    return fold(split_locality_name(name)[1])


class Gazetteer:
    """Known places indexed by folded bare name (one to four syllables). `aliases` are more
    names of them (an older commune under the name of the unit that holds it since 2025):
    found like the places, never listed."""

    def __init__(self, places: list[PlaceRef], aliases: list[PlaceRef] | None = None) -> None:
        self.places = places
        self.by_bare: dict[str, list[PlaceRef]] = {}
        for p in [*places, *(aliases or [])]:
            self.by_bare.setdefault(p.bare, []).append(p)
        self.max_len = max((len(b.split()) for b in self.by_bare), default=0)

    @staticmethod
    def ref(
        id: int, name: str, parent: str | None = None, province: str | None = None, now: str | None = None
    ) -> PlaceRef:
        typ, bare = split_locality_name(name)
        # compared with question tokens, so spelled as tokens_of spells them
        acc = " ".join(unify_spelling(w) for w in match_key(bare).split())
        return PlaceRef(id, clean(name), fold(acc), acc, typ, parent, province, now)

    @staticmethod
    def alias(place: PlaceRef, name: str) -> PlaceRef:
        """`place` under another name ('phường Hạc Thành' for phường Đông Thọ): its type and
        spelling are the alias's, its id, name and label the place's."""
        other = Gazetteer.ref(place.id, name)
        return dataclasses.replace(place, bare=other.bare, bare_acc=other.bare_acc, type=other.type)

    def resolve_text(self, text: str | None) -> list[PlaceRef]:
        """The places a free text names ('Đông Thọ', 'phuong dong tho')."""
        if not text:
            return []
        toks = tokens_of(text)
        hit = self.find(toks)
        if not hit:
            return []
        return self.narrow(hit.candidates, " ".join(t.fold for t in toks))

    @staticmethod
    def narrow(cands: list[PlaceRef], folded: str, preferred_ids: set[int] | None = None) -> list[PlaceRef]:
        """Same-named places: the preferred (the asker's own) one, or the one
        whose district or province the text names ('Tân Lập, Đan Phượng')."""
        if len(cands) < 2:
            return cands
        mine = [c for c in cands if preferred_ids and c.id in preferred_ids]
        if mine:
            return mine
        padded = f" {folded} "
        for attr in ("parent", "province"):
            named = [c for c in cands if getattr(c, attr) and f" {bare_fold(getattr(c, attr))} " in padded]
            if named:
                return named
        return cands

    def find(self, toks: list[Token]) -> PlaceHit | None:
        """The span of `toks` most likely to name a known place: one after its
        type ('xã Tân Lập') first, then one closing the question (where people
        put the place), then the longest, then the last."""
        hits = self.find_all(toks)
        if not hits:
            return None
        return max(hits, key=lambda h: (h.typed, h.at_end, h.end - h.start, h.start))

    def find_all(self, toks: list[Token]) -> list[PlaceHit]:
        hits: list[PlaceHit] = []
        tail = _tail_start(toks)
        for n in range(min(self.max_len, 4), 0, -1):
            for i in range(len(toks) - n + 1):
                span = toks[i : i + n]
                cands = self.by_bare.get(" ".join(t.fold for t in span))
                if not cands:
                    continue
                typ, start = _type_before(toks, i)
                if typ and not any(c.type == typ for c in cands):
                    typ, start = None, i  # 'tuyển quân Đông Thọ': 'quân' is not 'quận' here
                if n == 1 and typ is None and span[0].fold not in _SHORT_PLACE_NAMES:
                    continue  # a lone syllable is too common to be a place without its type ('HCM' is not)
                narrowed = _narrow(cands, span, typ)
                if narrowed:
                    hits.append(PlaceHit(start, i + n, narrowed, typ is not None, i + n >= tail))
        return hits


# 'HCM', 'TPHCM', 'HN': a place's short name is a place on its own
_SHORT_PLACE_NAMES = frozenset(fold(s).lower() for shorts in PROVINCE_SHORT_NAMES.values() for s in shorts)


@dataclass
class PlaceHit:
    start: int
    end: int
    candidates: list[PlaceRef]
    typed: bool = False  # written after its type ('phường ...')
    at_end: bool = False  # only phrasing or a year follows it


_TAIL_WORDS = frozenset(
    [
        "nam",
        "den",
        "toi",
        "giai",
        "doan",
        "la",
        "bao",
        "nhieu",
        "gi",
        "nao",
        "a",
        "vay",
        "the",
        "ra",
        "sao",
        "nhu",
        "khong",
        "co",
        "dat",
        "duoc",
        "chua",
        "ha",
        "nhe",
    ]
)


def _tail_start(toks: list[Token]) -> int:
    """Index where the trailing phrasing ('năm 2024 là bao nhiêu?') begins."""
    i = len(toks)
    while i > 0 and (toks[i - 1].fold in _TAIL_WORDS or toks[i - 1].fold.isdigit()):
        i -= 1
    return i


def _type_before(toks: list[Token], i: int) -> tuple[str | None, int]:
    for typ in LOCALITY_TYPES:
        parts = typ.split()
        j = i - len(parts)
        if j >= 0 and [t.fold for t in toks[j:i]] == parts:
            return typ, j
    return None, i


def _narrow(cands: list[PlaceRef], span: list[Token], typ: str | None) -> list[PlaceRef]:
    if typ:
        typed = [c for c in cands if c.type == typ]
        cands = typed or cands
    # a word typed with diacritics must match them: 'dưỡng năm' is not 'Dương Nam'
    # (unless the plan wrote the name without any: its accents are unknown)
    return [c for c in cands if c.bare_acc == c.bare or _accents_agree(span, c.bare_acc.split())]


def _accents_agree(span: list[Token], words: list[str]) -> bool:
    if len(words) != len(span):
        return True
    return all(not t.accented or t.acc == w for t, w in zip(span, words, strict=True))


_WRITTEN_PLACE = re.compile(
    r"\b(xã|phường|thị trấn|Xã|Phường|Thị trấn)\s+((?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ]\w*\s*){1,3})"
)


def unknown_place(text: str) -> str | None:
    """A place written out with its type and capitals ('xã Hòa Bình'); the
    caller only asks when no known place matched."""
    cleaned = clean(text)
    for m in _WRITTEN_PLACE.finditer(cleaned):
        if re.search(r"\bliên\s*$", cleaned[: m.start()], re.IGNORECASE):
            continue  # 'đường liên xã Đông Lạc - Hương Nộn' names a road, not the place asked about
        words = m.group(2).split()
        if any(len(w) > 1 and w.isupper() for w in words):
            continue  # 'xã NTM nâng cao', 'phường ATTP': an abbreviation, not a name
        return f"{m.group(1).lower()} {m.group(2).strip()}"
    return None
