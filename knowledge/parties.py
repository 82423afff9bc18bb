"""Responsible parties: 'Đ/c Hằng VP' -> person Hằng of unit Văn phòng.

A plan's 'chỉ đạo' / 'chủ trì' / 'phối hợp' cells name officers ('Đ/c Sâm -
Trưởng TYT'), titles ('Phó Chủ tịch phụ trách kinh tế') and units ('Phòng
VH-XH'), often several in one cell. `parse_parties` splits and classifies them;
`PartyRef.key` is a folded canonical key (abbreviations expanded) so the same
party written two ways links to one record; `match_party` ranks parties for a
free-text registration such as 'Nguyễn Văn Sâm - Trưởng Trạm y tế'."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from knowledge.abbreviations import abbreviate, expand_text, full_forms_with_comma, lookup, search_variants
from knowledge.text import clean, fold, match_key


@dataclass(frozen=True)
class PartyRef:
    display: str  # as written (cleaned)
    kind: str  # 'person' | 'unit' | 'title'
    person_name: str | None = None
    title: str | None = None  # 'Phó Chủ tịch UBND' (title abbreviations expanded)
    unit: str | None = None  # 'Văn phòng', 'Trạm Y tế' (full form)

    @property
    def key(self) -> str:
        """Folded canonical key: 'Đ/c Sâm - Trưởng TYT' == 'Đ/c Sâm TYT' == 'Đ/c Sâm - Trưởng Trạm y tế'."""
        if self.kind == "person":
            role = _unit_core(self.unit) if self.unit else _title_core(self.title or "")
            return " ".join(p for p in ("dc", fold(self.person_name), role) if p)
        if self.kind == "title":
            return fold(_title_core(self.title or self.display)) or fold(self.display)
        return fold(_unit_core(self.unit or self.display)) or fold(self.display)

    @property
    def variants(self) -> set[str]:
        """Folded spellings a question may use for this party."""
        out = search_variants(self.display)
        for part in (self.person_name, self.title, self.unit):
            if part:
                out |= search_variants(part)
        return out


# --------------------------------------------------------------------------- vocabulary

_PERSON_PREFIX = re.compile(r"^(?:đ\s*/\s*c|d\s*/\s*c|đồng\s+chí|ông|bà)\.?(?=[\s\wÀ-ỹĐ])\s*", re.IGNORECASE)


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in text.split("|"))


# Folded phrases that start a role, so a capitalised word there is not a name.
_ROLE_STARTS = _phrases(
    "truong | pho | chu tich | chinh sach | van phong | van hoa | ke toan | cong chuc | can bo | "
    "cong an | dia chinh | tu phap | tram | phong | ban | to | doi | bo phan | quan su | thong ke | "
    "trung tam | lao dong | giao thong | thuy loi | nong nghiep | moi truong | xay dung | do thi | "
    "kinh te | tai chinh | hieu truong | bi thu | thuong truc | uy vien | chi huy | y te | hoi | doan | "
    "mat tran | dang uy | giam doc | lanh dao | phu trach | chuyen vien | quy tac | dan so | thu quy | "
    "van thu | mot cua | ke hoach | uy ban | xa doi | phuong doi | cac"
)
_TITLE_START = re.compile(
    r"^(?:các\s+)?(?:đ/c\s+|đồng\s+chí\s+)?(?:phó\s+)?(?:chủ\s+tịch|pct|ct|phó\s+ct|lãnh\s+đạo|trưởng|phó\s+trưởng|bí\s+thư|pbt|bt|"
    r"giám\s+đốc|gđ|pgđ|hiệu\s+trưởng|chỉ\s+huy\s+(?:trưởng|phó)|cht|thủ\s+trưởng|thành\s+viên|phó\s+(?=\w))\b",
    re.IGNORECASE,
)
# Folded phrases that open a party of their own (a bare field such as 'Đô thị' does not).
_HEAD_PHRASES = _phrases(
    "cac | nhung | d c | dong chi | ong | ba | cong chuc | cong an | can bo | phong | ban | tram | to | "
    "doi | trung tam | bo phan | van phong | chu tich | pho | truong | hieu truong | lanh dao | uy ban | "
    "mat tran | doan | hoi | hop tac xa | xom | thon | khu | co quan | don vi | nganh | quy | "
    "ngan hang | chi nhanh | thanh vien | thu truong | dang uy | bi thu | giam doc | nhan dan | nguoi | "
    "ho | doanh nghiep | cong ty | ca nhan | tap the | tieu hoc | mam non | trung hoc | "
    "ke toan ngan sach"
)
_INHERITABLE_HEAD = re.compile(
    r"^((?:các\s+)?(?:công\s+chức|cán\s+bộ|phòng|bộ\s+phận|ban|tổ|(?:các\s+)?phó\s+chủ\s+tịch|pct|phó\s+ct)"
    r"(?:\s+phụ\s+trách)?)\s+\S",
    re.IGNORECASE,
)
_STRONG_AFTER_VA = re.compile(
    r"^(?:đ/c|đồng chí|phòng|trạm|công an|ban|trung tâm|văn phòng|công chức|tổ|trường|bộ phận|chủ tịch|"
    r"phó chủ tịch|ubnd|ủy ban|hội|hợp tác xã|htx|tyt|cap|bchqs)\b",
    re.IGNORECASE,
)
# Names that hold a comma themselves ('Phòng Kinh tế, Hạ tầng và Đô thị').
_COMMA = "\x00"
_PROTECTED = re.compile(
    "|".join(
        [
            *(
                r"\s*,\s*".join(r"\s+".join(map(re.escape, part.split())) for part in full.split(","))
                for full in sorted(full_forms_with_comma(), key=len, reverse=True)
            ),
            # collective idioms: 'các ban, ngành, đoàn thể', 'cơ quan, đơn vị, bộ phận'
            r"\b(?:ban|phòng|cơ\s+quan|đơn\s+vị)(?:\s*,\s*(?:ngành|đoàn\s+thể|đơn\s+vị|bộ\s+phận|ban|phòng)\b)+",
        ]
    ),
    re.IGNORECASE,
)
_PROSE_TAIL = re.compile(
    r"\s+(?:thực hiện\s+)?theo\s+chức\s+năng.*$|\s+chủ\s+trì\s+tham\s+mưu.*$", re.IGNORECASE
)
_STRAY = " \t-–—•+*.,:;'\"`‘’“”"
_KEEP_IN_TITLES = frozenset({"UBND", "HĐND", "MTTQ", "UBMTTQ", "HĐND-UBND", "HĐND&UBND"})


# --------------------------------------------------------------------------- parsing


def parse_parties(text: str | None) -> list[PartyRef]:
    """Split a cell such as 'Đ/c Hằng VP; Đ/c Tươi KT' or 'Công chức Kế toán, Đô thị,
    các HTX' into parties, in order, without duplicates."""
    if not text:
        return []
    out: list[PartyRef] = []
    seen: set[str] = set()
    previous_head: str | None = None
    for segment in re.split(r"\s*[;\n]\s*", text):
        segment = _PROSE_TAIL.sub("", clean(segment)).strip(_STRAY)
        for piece, head in _pieces(segment, previous_head):
            previous_head = head or previous_head
            for ref in _classify(piece):
                if ref.key and ref.key not in seen:
                    seen.add(ref.key)
                    out.append(ref)
    return out


def _pieces(segment: str, previous_head: str | None) -> list[tuple[str, str | None]]:
    """Comma / 'và' separated parties of one segment, with the head each can lend
    to a following bare field ('Công chức Kế toán, Đô thị' -> 'Công chức Đô thị')."""
    out: list[tuple[str, str | None]] = []
    for raw in re.split(r"\s*,\s*", _PROTECTED.sub(lambda m: m.group(0).replace(",", _COMMA), segment)):
        piece = raw.replace(_COMMA, ",").strip(_STRAY)
        if not piece:
            continue
        if out and _joins_previous(out[-1][0], piece):
            out[-1] = (f"{out[-1][0]}, {piece}", out[-1][1])
            continue
        head_src = out[-1][1] if out else previous_head
        if _is_bare_field(piece) and head_src:
            piece = f"{head_src} {piece}"
        elif _is_bare_field(piece) and out:
            out[-1] = (f"{out[-1][0]}, {piece}", out[-1][1])
            continue
        out.extend((p, _head_of(p)) for p in _split_va(piece))
    return out


def _joins_previous(previous: str, piece: str) -> bool:
    prev, nxt = fold(previous), fold(piece)
    if re.search(r"(?:^|\s)(?:can bo|cb)$", prev) and nxt.startswith(("cong chuc", "cc")):
        return True  # 'Các cán bộ, công chức xã' is one group
    if "phu trach" in prev and _is_bare_field(piece):
        return True  # 'phụ trách kinh tế, nông nghiệp'
    m = _PERSON_PREFIX.match(previous)
    if m and not _PERSON_PREFIX.match(piece):
        first = piece.split()[0]
        if (_is_name_word(first) and not _starts_role(piece)) or _TITLE_START.match(piece):
            return True  # 'Đ/c Hợp, Hiền ĐC', 'Đ/c Sinh, PCT UBND'
        return not _names_and_role(previous[m.end() :])[1]  # 'Đ/c An, Văn phòng': the role of a bare name
    return False  # 'Đ/c Hợp, Hiền ĐC', 'Đ/c Sinh, PCT'
    return False


def _is_bare_field(piece: str) -> bool:
    words = piece.split()
    if not words or len(words) > 5 or _PERSON_PREFIX.match(piece):
        return False
    first = words[0].strip(_STRAY)
    entry = lookup(first)
    if entry is not None:
        return entry.kind == "field"
    if len(first) >= 2 and first.isupper():
        return False  # an acronym we do not know ('MNA') names a unit
    f = fold(piece)
    return not any(f == h or f.startswith(h + " ") for h in _HEAD_PHRASES)


def _head_of(piece: str) -> str | None:
    m = _INHERITABLE_HEAD.match(piece)
    return m.group(1) if m else None


def _split_va(piece: str) -> list[str]:
    parts = re.split(r"\s+(?:và|&)\s+", piece)
    out = [parts[0]]
    for part in parts[1:]:
        if _STRONG_AFTER_VA.match(part) and not _is_bare_field(out[-1]):
            out.append(part)
        else:
            out[-1] = f"{out[-1]} và {part}"
    return out


def _classify(piece: str) -> list[PartyRef]:
    piece = piece.strip(_STRAY)
    if not piece:
        return []
    m = _PERSON_PREFIX.match(piece)
    if m:
        rest = piece[m.end() :]
        names, role = _names_and_role(rest)
        if names:
            return [_person(piece if len(names) == 1 else f"Đ/c {n} {role}".strip(), n, role) for n in names]
        piece_role = rest.strip(_STRAY)
        if not piece_role:
            return []
        return [_role_party(piece, piece_role)]
    return [_role_party(piece, piece)]


def _names_and_role(rest: str) -> tuple[list[str], str]:
    """'Hợp, Hiền ĐC' -> (['Hợp', 'Hiền'], 'ĐC'); 'Sâm - Trưởng TYT' -> (['Sâm'], 'Trưởng TYT')."""
    names: list[str] = []
    tokens = re.split(r"(\s*,\s*|\s+và\s+|\s+)", rest.strip())
    current: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i].strip(_STRAY)
        sep = tokens[i + 1] if i + 1 < len(tokens) else ""
        remaining = "".join(tokens[i:])
        if tok and _is_name_word(tok) and not _starts_role(remaining) and len(current) < 4:
            current.append(tok)
            i += 2
            if sep.strip() in (",", "và") and current:
                names.append(" ".join(current))
                current = []
            continue
        break
    if current:
        names.append(" ".join(current))
    role = "".join(tokens[i:]).strip(_STRAY)
    return names, role


def _is_name_word(tok: str) -> bool:
    tok = tok.strip(_STRAY)
    return len(tok) >= 2 and tok[0].isupper() and tok[1:].islower() and tok.isalpha()


def _starts_role(text: str) -> bool:
    f = fold(text)
    return any(f == r or f.startswith(r + " ") for r in _ROLE_STARTS)


def _person(display: str, name: str, role: str) -> PartyRef:
    title, unit = _role_fields(role)
    return PartyRef(display=display, kind="person", person_name=name, title=title, unit=unit)


def _role_party(display: str, role: str) -> PartyRef:
    title, unit = _role_fields(role)
    if title:
        return PartyRef(display=display, kind="title", title=title, unit=unit)
    return PartyRef(display=display, kind="unit", unit=unit or canonical_unit(role))


def _role_fields(role: str) -> tuple[str | None, str | None]:
    """(title, unit) of a role text: 'PCT UBND' -> ('Phó Chủ tịch UBND', None),
    'Trưởng TYT' -> ('Trưởng Trạm Y tế', 'Trạm Y tế'), 'VP' -> (None, 'Văn phòng')."""
    role = role.strip(_STRAY)
    if not role:
        return None, None
    if _TITLE_START.match(role):
        title = _expand_title(role)
        m = re.match(
            r"^(?:phó\s+)?trưởng\s+(.+)$|^phó\s+(?!chủ|ct|giám|bí|trưởng)(.+)$", title, re.IGNORECASE
        )
        unit = canonical_unit(m.group(1) or m.group(2)) if m else None
        return title, unit
    return None, canonical_unit(role)


def _expand_title(role: str) -> str:
    t = re.sub(r"\bUB\b(?!\w)", "UBND", role)
    return expand_text(t, keep=_KEEP_IN_TITLES)


def canonical_unit(text: str) -> str:
    """A unit's full form with the usual capitals ('trạm y tế' / 'TYT' -> 'Trạm Y tế')."""
    expanded = expand_text(text.strip(_STRAY))
    short = abbreviate(expanded)
    if short:
        entry = lookup(short)
        if entry is not None:
            for full in entry.fulls:
                if fold(full) == fold(expanded):
                    return full
    return expanded


_LOCALITY_TAIL = re.compile(r"(?<!hop tac)\s+(?:xa|phuong|thi tran|tt)$")
_ORG = re.compile(r"(?<![a-z])(?:uy ban nhan dan|ubnd|ub)(?:\s+(?:xa|phuong|thi tran))?(?![a-z])")


def _title_core(title: str) -> str:
    """Folded title without the organisation and 'phụ trách': 'Phó Chủ tịch UBND xã' -> 'pho chu tich'."""
    t = fold(expand_text(title))
    t = re.sub(r"^(?:cac|dc|d c)\s+", "", t)
    t = re.sub(r"\s+theo\s+.*$", "", t)
    t = t.replace(" phu trach ", " ").replace(" phu trach", "")
    t = " ".join(_ORG.sub(" ", t).split())
    return _LOCALITY_TAIL.sub("", t)


def _unit_core(unit: str) -> str:
    t = fold(expand_text(unit))
    t = re.sub(r"\s+theo\s+.*$", "", t)
    return _LOCALITY_TAIL.sub("", t)


# --------------------------------------------------------------------------- matching


def match_party(query: str, parties: list[PartyRef], limit: int = 10) -> list[tuple[PartyRef, float]]:
    """Rank parties for a free-text self-description ('Nguyễn Văn Sâm - Trưởng Trạm
    y tế'), best first, scores 0..100; parties scoring under 40 are left out."""
    name, role = _query_parts(query)
    role_key = fold(expand_text(role)) if role else ""
    scored: list[tuple[PartyRef, float]] = []
    for party in parties:
        score = _score(party, name, role_key, fold(expand_text(query)))
        if score >= 40:
            scored.append((party, round(score, 1)))
    scored.sort(key=lambda ps: -ps[1])
    return scored[:limit]


def _query_parts(query: str) -> tuple[str, str]:
    """Split a registration text into the person's name and the role."""
    q = clean(query)
    m = _PERSON_PREFIX.match(q)
    q = q[m.end() :] if m else q
    names, role = _names_and_role(q)
    if names:
        return names[0], role
    # the name may come last: 'Phó Chủ tịch UBND phường Trần Văn Tiến'
    m = re.search(r"(?:^|[\s,\-–:])((?:[A-ZÀ-ỸĐ][a-zà-ỹđ]+\s+){1,3}[A-ZÀ-ỸĐ][a-zà-ỹđ]+)\s*$", q)
    if m and not _starts_role(m.group(1)):
        return m.group(1), q[: m.start(1)].strip(_STRAY)
    return "", q


def _name_score(query_name: str, person_name: str | None) -> float:
    if not query_name or not person_name:
        return 0.0
    q_last, p_last = query_name.split()[-1], person_name.split()[-1]
    if match_key(q_last) == match_key(p_last):
        full = len(person_name.split()) == 1 or match_key(query_name) == match_key(person_name)
        return 100.0 if full else 90.0
    if fold(q_last) == fold(p_last):
        return 80.0  # typed without diacritics
    return 0.0


def _role_score(role_key: str, party: PartyRef) -> float:
    if not role_key:
        return 0.0
    targets = [fold(expand_text(x)) for x in (party.title, party.unit) if x]
    if party.kind != "person":
        targets.append(fold(expand_text(party.display)))
    best = 0.0
    for t in targets:
        if t:
            score = max(fuzz.token_set_ratio(role_key, t), fuzz.token_set_ratio(role_key, _unit_core(t)))
            if _is_deputy(role_key) != _is_deputy(t):
                score *= 0.6  # 'Phó Chủ tịch' is not 'Chủ tịch'
            best = max(best, score)
    return best


def _is_deputy(folded: str) -> bool:
    return bool(re.search(r"(?:^|\s)pho(?:\s|$)", folded))


def _score(party: PartyRef, name: str, role_key: str, whole: str) -> float:
    role = _role_score(role_key, party)
    if party.kind == "person":
        named = _name_score(name, party.person_name)
        if named:
            return 0.65 * named + 0.35 * role if role_key and (party.title or party.unit) else 0.85 * named
        return 0.35 * role
    if not role_key:
        role = max(fuzz.token_set_ratio(whole, v) for v in party.variants) if not name else 0.0
    return 0.75 * role
