"""Finding a plan's party (unit, officer, signer) from what a clerk or a registering
officer wrote: any spelling that names one, the candidates when several fit."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from knowledge.abbreviations import expand_text
from knowledge.parties import PartyRef, match_party, parse_parties
from knowledge.text import fold
from storage import models as m
from storage.db import session_factory
from storage.users.core import PartyInfo, UserError, _bare, _locality_info, _name_key

# --- parties and registration -----------------------------------------------

_HONORIFIC = re.compile(r"^(d c|dong chi|ong|ba)\s+")


def _split_party(display: str) -> tuple[list[str], list[str]]:
    """'Đ/c Sâm - Trưởng Trạm y tế' -> (['sam'], ['truong','tram','y','te']).
    Without the honorific it is a unit or a title: no person part."""
    folded = fold(display)
    if not _HONORIFIC.match(folded):
        return [], folded.split()
    rest = _HONORIFIC.sub("", folded)
    if " - " in display or "–" in display:
        name_part = re.split(r"\s[-–]\s?|\s?[-–]\s", display, maxsplit=1)
        name_tokens = _HONORIFIC.sub("", fold(name_part[0])).split()
        title_tokens = fold(name_part[1]).split() if len(name_part) > 1 else []
        return name_tokens, title_tokens
    tokens = rest.split()
    return tokens[:1], tokens[1:]


def _title_forms(tokens: list[str]) -> set[str]:
    """Words of a title plus the initials of every run of words ('tram y te' -> 'tyt')."""
    forms = set(tokens)
    for i in range(len(tokens)):
        for j in range(i + 2, len(tokens) + 1):
            forms.add("".join(t[0] for t in tokens[i:j]))
    return forms


def _title_score(title_tokens: list[str], party_tokens: list[str]) -> float:
    if not title_tokens or not party_tokens:
        return 0.0
    forms = _title_forms(title_tokens)
    hit = sum(1 for t in party_tokens if t in forms)
    return hit / len(party_tokens)


def party_match_score(full_name: str, title: str, display: str) -> float:
    """How well a party ('Đ/c Sâm TYT') fits a registrant ('Nguyễn Văn Sâm', 'Trưởng Trạm y tế')."""
    name_tokens = fold(full_name).split()
    p_name, p_title = _split_party(display)
    score = 0.0
    if p_name and name_tokens:
        if p_name[-1] != name_tokens[-1]:
            return 0.0  # another person
        score += 60 + 5 * sum(1 for t in p_name[:-1] if t in name_tokens)
    score += 40 * _title_score(fold(title).split(), p_title)
    return score


def candidate_parties(
    engine: Engine, locality_key: str | None, full_name: str, title: str
) -> list[PartyInfo]:
    """Parties of the locality that fit '<name> - <title>', best first (at most 5)."""
    if not locality_key:
        return []
    with session_factory(engine)() as session:
        parties = session.scalars(select(m.Party).where(m.Party.locality_key == locality_key)).all()
        refs = {PartyRef(p.display, p.kind, p.person_name, p.title, p.unit): p for p in parties}
        ranked = [
            (refs[ref], score) for ref, score in match_party(f"{full_name} - {title}", list(refs), limit=5)
        ]
        if ranked:  # far weaker matches only distract the admin
            ranked = [(p, sc) for p, sc in ranked if sc >= ranked[0][1] - 30]
        if not ranked:  # fall back to the plain name/title overlap
            scored = [(p, party_match_score(full_name, title, p.display)) for p in parties]
            ranked = sorted(((p, s) for p, s in scored if s >= 30), key=lambda ps: -ps[1])[:5]
    return [PartyInfo(p.id, p.display) for p, _ in ranked]


def _aliases(session: Session, party: m.Party) -> list[m.Party]:
    """Other spellings of the same person in the same locality ('Đ/c Sâm TYT' and
    'Đ/c Sâm - Trưởng Trạm y tế'): same name, titles that match each other."""
    name, title = _split_party(party.display)
    if not name:
        return []
    out = []
    for other in session.scalars(
        select(m.Party).where(m.Party.locality_key == party.locality_key, m.Party.id != party.id)
    ):
        o_name, o_title = _split_party(other.display)
        if o_name != name:
            continue
        if (
            not title
            or not o_title
            or _title_score(title, o_title) >= 0.99
            or _title_score(o_title, title) >= 0.99
        ):
            out.append(other)
    return out


def _resolve_locality(session: Session, text: str) -> m.Locality | None:
    query = _bare(fold(text))
    best: tuple[float, m.Locality] | None = None
    rows = session.scalars(select(m.Locality)).all()
    shared = Counter(_name_key(r.key) for r in rows)
    for loc in rows:
        info = _locality_info(loc, shared[_name_key(loc.key)] > 1)
        bare = _bare(info.folded)
        if query in (bare, info.folded) or (query.startswith(bare + " ") and info.mentions_where(query)):
            score = 200.0 + info.mentions_where(query)
        else:
            score = fuzz.ratio(query, bare)
        if score >= 85 and (best is None or score > best[0]):
            best = (score, loc)
    return best[1] if best else None


_HONORIFIC_WORDS = frozenset({"d", "c", "dc", "dong", "chi", "ong", "ba"})
SIGNER_TITLE = "người ký kế hoạch"


def _forms(*texts: str | None) -> set[str]:
    """Folded words a clerk may type for a party: as written, abbreviations
    expanded ('TYT' -> 'tram y te') and the initials of runs of words."""
    forms: set[str] = set()
    for text in texts:
        if not text:
            continue
        for variant in (fold(text), fold(expand_text(text))):
            words = variant.split()
            forms |= set(words) | _title_forms(words)
    return forms - _HONORIFIC_WORDS


def _written(*texts: str | None) -> set[str]:
    return {w for t in texts if t for w in fold(t).split()} - _HONORIFIC_WORDS


def _query_words(text: str) -> list[str]:
    words = fold(expand_text(text)).split()
    return [w for w in words if w not in _HONORIFIC_WORDS] or fold(text).split()


def _signers(
    session: Session, locality_key: str, parties: list[m.Party], aliases: dict[int, str] | None = None
) -> list[m.Party]:
    """The signers of the place's current plans as parties a leader may be linked
    to: an existing person party when it is the signer ('Đ/c Trung CT UBND' for
    'Đỗ Văn Trung'), else a new one (added to the session only when chosen)."""
    names = session.scalars(
        select(m.Plan.signer)
        .join(m.Locality, m.Plan.locality_id == m.Locality.id)
        .where(m.Locality.key == locality_key, m.Plan.is_current.is_(True), m.Plan.signer.is_not(None))
    ).all()
    out: list[m.Party] = []
    for name in dict.fromkeys(n.strip() for n in names if n and n.strip()):
        given = fold(name).split()[-1]
        same = [
            p
            for p in parties
            if p.kind == "person"
            and fold(p.person_name or "").split()[-1:] == [given]
            and " chu tich" in f" {fold(expand_text(p.display))}"
            and " pho chu tich" not in f" {fold(expand_text(p.display))}"
        ]
        if len(same) == 1:  # the signer is that party already: his full name finds it too
            if aliases is not None:
                aliases[same[0].id] = name
            continue
        key = f"dc {fold(name)} {fold(SIGNER_TITLE)}"
        existing = next((p for p in parties if p.key == key), None)
        out.append(
            existing
            or m.Party(
                locality_key=locality_key,
                key=key,
                display=f"{name} ({SIGNER_TITLE})",
                kind="person",
                person_name=name,
                title=SIGNER_TITLE,
            )
        )
    return [p for p in out if p not in parties]  # the ones not stored yet


def _deputy(party: m.Party) -> bool:
    return " pho " in f" {fold(expand_text(party.display))} "


def match_parties(session: Session, locality_key: str, text: str) -> list[m.Party]:
    """The parties of the place that `text` may mean, best first; one when it is
    unambiguous. Any spelling that names one party does: the display as written
    or folded, abbreviations ('TYT', 'CT UBND'), the person alone ('Đ/c Sâm',
    'Sâm'), the unit alone ('Trạm y tế'), the signer of the plan by his name."""
    parties = list(session.scalars(select(m.Party).where(m.Party.locality_key == locality_key)))
    aliases: dict[int, str] = {}
    candidates = parties + _signers(session, locality_key, parties, aliases)
    exact = {fold(text)} | {ref.key for ref in parse_parties(text)}
    found = [p for p in candidates if p.key in exact or fold(p.display) in exact]
    if len(found) == 1:
        return found
    words = _query_words(text)
    covering = [
        p
        for p in (found or candidates)
        if set(words) <= _forms(p.display, p.person_name, p.title, p.unit, aliases.get(p.id))
        # one word names a party as written ('Sâm', 'TYT'), not a word inside an
        # expanded abbreviation ('Hoa' is someone's name, not 'VH' = Văn hóa)
        and (len(words) > 1 or words[0] in _written(p.display, p.person_name, aliases.get(p.id)))
    ]
    if len(covering) > 1 and "pho" not in words:  # 'chủ tịch' is not 'phó chủ tịch'
        covering = [p for p in covering if not _deputy(p)] or covering
    if len(covering) > 1:  # a unit named whole beats the persons of that unit
        whole = [p for p in covering if p.kind != "person" and _query_words(p.display) == words]
        covering = whole if len(whole) == 1 else covering
    if len(covering) > 1 and all(p.kind != "person" for p in covering):  # 'Văn phòng': the closest unit
        sizes = sorted((len(_query_words(p.display)), n) for n, p in enumerate(covering))
        if sizes[0][0] < sizes[1][0]:
            covering = [covering[sizes[0][1]]]
    if covering:
        return covering
    scored = sorted(
        (
            (
                max(
                    fuzz.token_sort_ratio(fold(text), p.key),
                    fuzz.token_sort_ratio(fold(text), fold(p.display)),
                ),
                p,
            )
            for p in candidates
        ),
        key=lambda sp: -sp[0],
    )
    if scored and scored[0][0] >= 85 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return [scored[0][1]]
    return []


@dataclass(frozen=True)
class PartyListing:
    id: int | None  # None: the plan's signer, not yet a party
    display: str
    kind: str  # 'person' | 'unit' | 'title'
    leads: int  # items it directs ('chỉ đạo')
    reports: int  # items it carries out ('thực hiện')
    signer: bool = False


def list_parties(engine: Engine, locality_text: str) -> tuple[str, list[PartyListing]]:
    """The parties a user of the place may be linked to (`users parties`), with
    how many items each directs and carries out; the plan's signer too."""
    with session_factory(engine)() as session:
        loc = _resolve_locality(session, locality_text)
        if loc is None:
            known = ", ".join(sorted(r.name for r in session.scalars(select(m.Locality))))
            raise UserError(
                f"không có xã/phường «{locality_text}». Các nơi đã có kế hoạch: {known or 'chưa có'}"
            )
        parties = list(session.scalars(select(m.Party).where(m.Party.locality_key == loc.key)))
        counts: Counter[tuple[int, str]] = Counter(
            (pid, role)
            for pid, role in session.execute(
                select(m.ItemParty.party_id, m.ItemParty.role).where(
                    m.ItemParty.party_id.in_([p.id for p in parties])
                )
            )
        )
        out = [
            PartyListing(
                p.id,
                p.display,
                p.kind,
                counts[(p.id, "leader")],
                counts[(p.id, "responsible")],
                (p.title or "") == SIGNER_TITLE,
            )
            for p in parties
        ]
        out += [
            PartyListing(None, p.display, p.kind, 0, 0, True) for p in _signers(session, loc.key, parties)
        ]
        out.sort(key=lambda x: (x.kind != "person", fold(x.display)))
        return loc.name, out


def _closest(session: Session, locality_key: str, text: str, limit: int = 5) -> list[str]:
    parties = list(session.scalars(select(m.Party).where(m.Party.locality_key == locality_key)))
    parties += _signers(session, locality_key, parties)
    ranked = sorted(parties, key=lambda p: -fuzz.partial_ratio(fold(text), fold(expand_text(p.display))))
    return [p.display for p in ranked[:limit]]


def _resolve_party(session: Session, loc: m.Locality, text: str, line: int, role: str) -> m.Party:
    """The one party `text` names, or a UserError saying, in Vietnamese, what it
    could mean (ambiguous) or what is there (nothing matched)."""
    found = match_parties(session, loc.key, text)
    where = f"dòng {line}: " if line else ""
    if not found:
        near = "; ".join(_closest(session, loc.key, text))
        raise UserError(
            f"{where}không tìm thấy đơn vị/cán bộ «{text}» trong kế hoạch của {loc.name}."
            + (f" Gần giống: {near}." if near else "")
            + f' Xem cả danh sách: planbot users parties --locality "{loc.name}"'
        )
    if len(found) > 1:
        names = "; ".join(p.display for p in found[:8]) + (" …" if len(found) > 8 else "")
        raise UserError(f"{where}«{text}» có thể là nhiều đơn vị/cán bộ: {names}. Hãy ghi rõ hơn.")
    party = found[0]
    if party.id is None:  # the plan's signer, linked for the first time
        if role not in ("leader", "admin"):
            raise UserError(
                f"{where}người ký kế hoạch ({party.person_name}) chỉ liên kết được với vai trò lãnh đạo"
            )
        session.add(party)
        session.flush()
    return party
