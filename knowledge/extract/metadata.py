"""Plan metadata: locality, period, title, number, signing date, signer.

Everything is found by the shape of a Vietnamese administrative document: the
issuing header ('ỦY BAN NHÂN DÂN / PHƯỜNG ĐÔNG THỌ'), the place-and-date line
('P. Thạch Khôi, ngày … tháng 4 năm 2026'), the 'KẾ HOẠCH' heading with its
continuation lines, the 'Số: 23/QĐ-UBND' line and the signature block
('TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / <name>')."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from rapidfuzz.distance import Levenshtein

from knowledge import places
from knowledge.extract.loose import Dual, Reading
from knowledge.model import Conflict, Document, PlanMeta
from knowledge.text import LEGACY_GLYPHS, clean, fold, nfc

# Longest first so 'thị trấn' wins over a bare word.
LOCALITY_TYPES = places.KINDS
_COMMUNE_TYPES = places.COMMUNE_KINDS
_DISTRICT_TYPES = places.DISTRICT_KINDS
# Abbreviations used on the place-and-date line.
_ABBREVIATIONS = {k: v for k, v in places.ABBREVIATIONS.items() if k != "tp"}

_TYPE_ALT = "|".join(re.escape(t) for t in LOCALITY_TYPES)
# Up to four words after the type; _proper_name keeps the capitalised ones ('Đông Thọ').
_NAME = r"[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,3}"
_TYPED_NAME = Dual(
    rf"(?<!\w)(?!(?i:xã\s+hội)\b)((?i:{_TYPE_ALT})|TP\.?(?=\s)|TP\.(?=\w))(?:\s+|(?<=\.))({_NAME})"
)
# The words after a type, across one line break: 'tỉnh Nghệ' / 'An' in hard-wrapped text.
_WRAPPED_NAME = re.compile(r"[ \t]*\n[ \t]*([^\W\d_]+(?:[ \t]+[^\W\d_]+){0,2})")
_UPPER_TYPED = Dual(rf"^({_TYPE_ALT})\s+(.+)$", re.IGNORECASE)
_COUNCIL = Dual(r"^(?:HĐND\s*[-–—,]\s*)?(?:(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|UBND)\b\s*(.*)$", re.IGNORECASE)
_PLACE_DATE = Dual(
    r"^([^,;:()]{2,50}?),\s*ngày\s*(\d{1,2})?\s*(?:/|tháng)\s*(\d{1,2})?\s*(?:/|năm)\s*(\d{4})?",
    re.IGNORECASE,
)
_DATE_WORDS = Dual(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_NUMBER_LINE = Dual(r"^Số\s*:\s*([\w./-]*/[\wĐđ.-]+)", re.IGNORECASE)
_ANNEX_NUMBER = Dual(
    r"kèm\s+theo\s+(Quyết\s+định|Kế\s+hoạch)\s+số\s*:?\s*([\w.-]*\s*/\s*[A-ZĐ][\wĐ-]*)",
    re.IGNORECASE,
)
_PLAN_HEADING = Dual(r"^KẾ\s+HOẠCH\b(.*)$")
_PERIOD_RANGE = Dual(r"(?:giai\s+đoạn|thời\s+kỳ|nhiệm\s+kỳ)?\s*(\d{4})\s*[-–—]\s*(\d{4})", re.IGNORECASE)
_YEAR = Dual(r"\bnăm\s+(\d{4})\b", re.IGNORECASE)
_SIGN_TITLE = Dual(r"^(?:TM\.|KT\.|TL\.|Q\.|TUQ\.)?\s*(?:PHÓ\s+)?CHỦ\s+TỊCH\b", re.IGNORECASE)
_SIGN_AUTHORITY = re.compile(r"^(?:TM|KT|TL|TUQ)\.\s", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[A-ZĐÀ-Ỹ][a-zà-ỹđA-ZĐÀ-Ỹ'’]*$")  # "K' Điểu", 'Y Khâm Niê'

_NOT_NAME = Dual(
    r"ỦY|UỶ|BAN|NHÂN DÂN|CHỦ TỊCH|CỘNG HÒA|CỘNG HOÀ|ĐỘC LẬP|PHỤ LỤC|BIỂU|KẾ HOẠCH|QUYẾT|"
    r"PHƯỜNG|XÃ|THỊ|HUYỆN|QUẬN|TỈNH|THÀNH|NƠI NHẬN|ĐÃ KÝ|HÀNH ĐỘNG",
)
_XA_HOI = Dual(r"(?i)xã\s+hội\b")
_CITES = Dual(r"(?i)^(?:Căn\s+cứ|Theo)\b")
_PLAN_WORDS = Dual(r"^Kế\s+hoạch\b(.*)$")
_CARRY_OUT = Dual(r"(?i)^Thực\s+hiện\b")
_ISSUES_PLAN = Dual(r"ban\s+hành\s+(Kế\s+hoạch\b.*)$")
_ABOUT = Dual(r"^Về\b")
_ABOUT_MATTER = Dual(r"(?i)^Về\s+việc")
_TABLE_HEAD = Dual(r"^(?:Biểu|Phụ\s+lục|Bảng)\b")
_TITLE_STOP = Dual(
    r"^(?:\(|Căn\s+cứ|Thực\s+hiện|Trên\s+cơ\s+sở|Theo|Để|Dự\s+báo|Phần|[IVX]+[.\-\s]|\d+[.)]\s|Kính\s+gửi)",
    re.IGNORECASE,
)


@dataclass
class _Line:
    text: str
    line_no: int
    heading: bool = False  # markdown heading, wholly bold line, or a reader's heading block


# Header and signature blocks laid out as tables are small; indicator tables are not.
_MAX_FRAME_ROWS = 3
_MAX_FRAME_COLUMNS = 3


# A signature block set as a table runs longer: the recipients' list beside the signer.
_MAX_SIGNATURE_ROWS = 8
_SIGNATURE_CELL = Dual(r"^(?:Nơi\s+nhận|(?:TM|KT|TL|TUQ)\.\s)", re.IGNORECASE)


def _is_frame(reading: Reading, rows: list[list[str]]) -> bool:
    """A header or signature block laid out as a table (not a table of the plan's content)."""
    if not rows or any(len(r) > _MAX_FRAME_COLUMNS for r in rows):
        return False
    if len(rows) <= _MAX_FRAME_ROWS:
        return True
    signed = any(_SIGNATURE_CELL.rx(reading).match(c.strip()) for r in rows[:2] for c in r)
    return len(rows) <= _MAX_SIGNATURE_ROWS and signed


def _lines(reading: Reading, doc: Document) -> list[_Line]:
    """Non-empty text lines, cleaned, without markdown emphasis and heading marks.

    The cells of small tables are read too: .docx and markdown plans often set the
    issuing header ('ỦY BAN NHÂN DÂN / XÃ …' beside 'CỘNG HÒA …') and the signature in one."""
    out: list[_Line] = []
    for block in doc.blocks:
        if block.kind == "line":
            texts, heading = [block.text], block.heading
        elif _is_frame(reading, block.rows):
            texts, heading = [cell for row in block.rows for cell in row], False
        else:
            continue
        for part in (p for t in texts for p in t.splitlines()):
            raw = nfc(part).translate(LEGACY_GLYPHS).strip()
            marked = raw.startswith("#") or (raw.startswith("**") and raw.endswith("**"))
            for piece in _pieces(reading, raw):
                text = clean(re.sub(r"</?b>|\*+|^#+\s*|_{2,}", "", piece)).strip()
                if text:
                    out.append(_Line(text, block.line_no, heading=heading or marked))
    return out


# The national motto, set beside the issuer in the two-column header.
_MOTTO = Dual(
    r"(CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|"
    r"Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc)",
    re.IGNORECASE,
)
# 'Số: 12/KH-UBND   Vĩnh Tuy, ngày …' once the column gap is lost (PDF text, ' — ').
_NUMBER_THEN_PLACE = Dual(r"^(\**Số\s*:\s*\S*/\S+?)\s*[—–-]?\s+(\S[^,;:]{1,50},\s*ngày\b.*)$", re.IGNORECASE)


# A blank left for the day or month ('ngày    tháng 4 năm 2026') is not a column gap.
_DATE_WORD_BEFORE = Dual(r"(?i)(?:ngày|tháng|năm|số\s*:|/|…|\.\.)$")
_DATE_WORD_AFTER = Dual(r"(?i)^(?:tháng|năm|/|…|\.)")


def _columns(reading: Reading, raw: str) -> list[str]:
    out, start = [], 0
    for gap in re.finditer(r"\t|\s{3,}", raw):
        left, right = raw[start : gap.start()], raw[gap.end() :]
        if _DATE_WORD_BEFORE.rx(reading).search(left.rstrip()) or _DATE_WORD_AFTER.rx(reading).match(right):
            continue
        out.append(left)
        start = gap.end()
    return [*out, raw[start:]]


def _pieces(reading: Reading, raw: str) -> list[str]:
    """A line cut where the two-column header put two texts side by side: at a wide gap
    or tab, around the national motto, and between the number and the place-and-date."""
    out: list[str] = []
    for column in _columns(reading, raw):
        for piece in _MOTTO.rx(reading).split(column):
            m = _NUMBER_THEN_PLACE.rx(reading).match(piece.strip())
            out.extend(m.groups() if m else [piece])
    return [p.strip() for p in out if p.strip(" *")]


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


_KIND_BY_FOLD = {fold(t): t for t in LOCALITY_TYPES}


def _kind(reading: Reading, word: str) -> str:
    """The locality type a matched word names: as written, or (in a plan typed without
    diacritics) the accented type its bare form stands for ('xa' -> 'xã')."""
    w = clean(word).lower()
    if w in LOCALITY_TYPES or not reading.bare:
        return w
    return _KIND_BY_FOLD.get(fold(w), w)


def _type_of(reading: Reading, word: str) -> str | None:
    w = _kind(reading, word)
    return w if w in LOCALITY_TYPES else _ABBREVIATIONS.get(w.rstrip("."))


# ---------------------------------------------------------------- locality


# Bodies that head a letter for a place without issuing the plan themselves.
_PARTY_HEAD = Dual(
    r"^(?:ĐẢNG\s+BỘ|ĐẢNG\s+ỦY|ĐẢNG\s+UỶ|HĐND|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN)\b\s*(.*)$", re.IGNORECASE
)
# Lines further apart than this are not one header block.
_HEADER_GAP = 5


@dataclass
class _Unit:
    kind: str
    name: str  # as written in the header, often in capitals
    council: bool  # 'ỦY BAN NHÂN DÂN …' (issues plans), not 'ĐẢNG BỘ …'


def _level(kind: str | None, name: str) -> int:
    """3 commune, 2 district, 1 province (and the centrally run cities), as the list says."""
    return places.level(kind, name)


_HEADER_ABBREVIATION = re.compile(r"^(TP|TX|TT)(?:\.\s*|\s+)|^(P|X|Q|H)\.\s*", re.IGNORECASE)
_FULL_TYPE = places.ABBREVIATIONS
# 'ỦY BAN NHÂN' / 'DÂN': the council's name broken over two lines by a narrow header column.
_COUNCIL_BROKEN = Dual(r"^(?:ỦY|UỶ)\s+BAN(?:\s+NHÂN)?$|^HỘI\s+ĐỒNG(?:\s+NHÂN)?$", re.IGNORECASE)


def _typed_header_names(reading: Reading, rest: str) -> list[tuple[str, str]]:
    """[('phường', 'ĐÔNG THỌ')] from 'PHƯỜNG ĐÔNG THỌ' / 'xã Hưng Lộc' / 'PHƯỜNG 12' / 'TP. VINH';
    'XÃ ĐĂK LA - HUYỆN ĐĂK HÀ' names two units."""
    out: list[tuple[str, str]] = []
    split_at = rf"\s*(?:,|\s[-–—]\s)\s*(?=(?i:{_TYPE_ALT}|TP\b|TX\b|TT\b))"
    for segment in re.split(split_at, rest):
        ab = _HEADER_ABBREVIATION.match(segment)
        if ab:
            segment = _FULL_TYPE[(ab.group(1) or ab.group(2)).lower()] + " " + segment[ab.end() :]
        tm = _UPPER_TYPED.rx(reading).match(segment)
        if not tm or _XA_HOI.rx(reading).match(segment):
            break
        name = tm.group(2).strip(" .,:-–—_*")
        if _is_upper(name) or name.isdigit() or (len(name.split()) <= 4 and _proper_name(name) == name):
            out.append((_kind(reading, tm.group(1)), name))
    return out


def _header_unit(reading: Reading, lines: list[_Line], i: int) -> list[_Unit]:
    """The units a header line names: 'UBND XÃ MỸ HÒA', or 'ỦY BAN NHÂN DÂN' over 'XÃ MỸ HÒA'
    (the motto of the right-hand column may come between them)."""
    text = lines[i].text
    if _COUNCIL_BROKEN.rx(reading).match(text) and i + 1 < len(lines):
        text = f"{text} {lines[i + 1].text}"
        i += 1
    m = _COUNCIL.rx(reading).match(text)
    head = m or _PARTY_HEAD.rx(reading).match(text)
    if not head:
        return []
    rest = head.group(1).strip()
    if not rest:
        following = (x.text for x in lines[i + 1 : i + 4] if not _MOTTO.rx(reading).fullmatch(x.text))
        rest = next(following, "")
    return [_Unit(k, n, council=bool(m)) for k, n in _typed_header_names(reading, rest)]


def _header_units(reading: Reading, lines: list[_Line]) -> list[_Unit]:
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


def _issuer_unit(units: list[_Unit]) -> _Unit | None:
    """The lowest level among the people's committees of the header (else any unit)."""
    pool = [u for u in units if u.council] or units
    return max(pool, key=lambda u: _level(u.kind, u.name), default=None)


# A place-and-date line that text extraction cut short: 'Đồng Tháp,' / 'Nghệ An, ngày 26'.
_DATELINE_CUT = Dual(r"^[^,;:()]{2,50}?,\s*(?:ngày\s*\d{0,2})?$", re.IGNORECASE)
# Lines searched for the place-and-date line.
_DATELINE_ZONE = 80


def _dateline_at(reading: Reading, lines: list[_Line], i: int) -> tuple[str, re.Match[str]] | None:
    """The place-and-date line at i, joined with the next line where it was cut
    ('Nghệ An, ngày 26' / 'tháng 11 năm 2025'); its place has at most six words."""
    text = lines[i].text
    m = _PLACE_DATE.rx(reading).match(text)
    if m is None and i + 1 < len(lines) and _DATELINE_CUT.rx(reading).match(text):
        text = f"{text} {lines[i + 1].text}"
        m = _PLACE_DATE.rx(reading).match(text)
    if m is None or len(m.group(1).split()) > 6:
        return None
    return text, m


def _datelines(reading: Reading, lines: list[_Line]) -> list[tuple[int, str, re.Match[str]]]:
    found = ((i, _dateline_at(reading, lines, i)) for i in range(min(len(lines), _DATELINE_ZONE)))
    return [(i, *hit) for i, hit in found if hit]


def _split_place(reading: Reading, place: str) -> tuple[str | None, str]:
    """'P. Thạch Khôi' -> ('phường', 'Thạch Khôi'); 'Hưng Đông' -> (None, 'Hưng Đông')."""
    words = place.split()
    for n in (2, 1):
        kind = _type_of(reading, " ".join(words[:n]))
        if kind and len(words) > n:
            return kind, " ".join(words[n:])
    head = re.match(r"^(TT|TX|TP|P|X|Q|H)\.\s*(.+)$", place)
    if head:
        return places.ABBREVIATIONS[head.group(1).lower()], head.group(2)
    return None, place


def _place_line(reading: Reading, lines: list[_Line]) -> tuple[str | None, str | None]:
    """Type and name from 'P. Thạch Khôi, ngày …' / 'Hưng Đông, ngày …'; a place the narrow
    column broke ('Thành phố Hồ Chí' / 'Minh, ngày …') is joined where the list knows it."""
    for i, _text, m in _datelines(reading, lines)[:1]:
        kind, name = _split_place(reading, m.group(1).strip())
        prev = lines[i - 1].text if i else ""
        if not places.known(kind, name) and 0 < len(prev.split()) <= 4 and prev[-1:].isalpha():
            joined = _split_place(reading, f"{prev} {m.group(1).strip()}")
            if places.known(*joined):
                return joined
        return kind, name
    return None, None


def _proper_name(words: str) -> str:
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
    return "thành phố" if word.rstrip(".").upper() == "TP" else _kind(reading, word)


def _typed_mentions(reading: Reading, text: str) -> list[tuple[str, str]]:
    """Every 'phường Đông Thọ' / 'thành phố Vinh' / 'TP Hồ Chí Minh' mention as (type, name
    as written). Hard-wrapped text breaks names ('tỉnh Nghệ' / 'An', 'tỉnh' / 'Thực hiện'):
    a name is carried over a line break only where the list knows the place it makes."""
    out: list[tuple[str, str]] = []
    for m in _TYPED_NAME.rx(reading).finditer(text):
        kind = _mention_kind(reading, m.group(1))
        name = _proper_name(m.group(2))
        if not name:
            continue
        if "\n" in text[m.end(1) : m.start(2)]:
            name = _known_prefix(kind, name.split()) or ""  # the type ended the line
        elif not places.known(kind, name):
            name = _carried_over(kind, name, text[m.start(2) + len(name) :]) or name
        if not name or (_is_upper(name) and len(name) > 3):
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


def _display_name(name: str, mentions: list[tuple[str, str]], kind: str | None = None) -> str:
    """The name as the running text writes it ('Đông Thọ'); the list's spelling for a short
    form ('HCM') or a name the document only writes in capitals; else title case."""
    listed = places.canonical_name(kind, name) if kind else None
    if listed and places.key(listed) != places.key(name):
        return listed  # 'TP. HCM' -> 'Hồ Chí Minh'
    key = fold(name)
    written = Counter(n for _, n in mentions if fold(n) == key and not _is_upper(n))
    if written:
        return written.most_common(1)[0][0]
    if listed:
        return listed
    return " ".join(w[:1].upper() + w[1:].lower() for w in name.split())


def _title_locality(reading: Reading, title: str | None) -> tuple[str | None, str | None]:
    """'Kế hoạch … xã hội phường Hòa Bình năm 2026' -> ('phường', 'Hòa Bình')."""
    for k, n in _typed_mentions(reading, title or ""):
        if k in _COMMUNE_TYPES and not (k == "xã" and n.lower().startswith("hội")):
            return k, n
    return None, None


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
# Labelled fields sit at the top of the document, before its sections.
_LABEL_ZONE = 30
# 'UBND xã Mỹ Hòa ban hành / xây dựng Kế hoạch …': the commune says it is the plan's author.
_ISSUING_SENTENCE = Dual(
    rf"(?:UBND|Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân)\s+((?i:{_TYPE_ALT}))\s+({_NAME})"
    r"[^.;]{0,40}?\b(?:ban\s+hành|xây\s+dựng|triển\s+khai)\s+(?:các\s+)?[Kk]ế\s+hoạch"
)


def _by_level(found: list[tuple[str, str]]) -> _Place | None:
    """The lowest unit of 'xã Mỹ Hòa, huyện Tháp Mười', with the district above it as parent."""
    units = [(k, n) for k, n in found if not (k == "xã" and n.lower().startswith("hội"))]
    if not units:
        return None
    kind, name = max(units, key=lambda u: _level(*u))
    above = [u for u in units if _level(*u) == 2 and _level(kind, name) == 3]
    return _Place(kind, name, above[0] if above else None)


def _labelled_place(reading: Reading, lines: list[_Line]) -> _Place | None:
    for line in lines[:_LABEL_ZONE]:
        m = _PLACE_LABEL.rx(reading).match(line.text)
        if m:
            place = _by_level(_typed_mentions(reading, m.group(1)))
            if place:
                return place
    return None


def _subject_commune(reading: Reading, lines: list[_Line], title: str | None) -> tuple[str, str] | None:
    """A commune the title or an issuing sentence names as the plan's own place."""
    kind, name = _title_locality(reading, title)
    if kind and name:
        return kind, name
    for line in lines[:_LABEL_ZONE]:
        if _CITES.rx(reading).match(line.text):
            continue
        for m in _ISSUING_SENTENCE.rx(reading).finditer(line.text):
            if _kind(reading, m.group(1)) in _COMMUNE_TYPES and _proper_name(m.group(2)):
                return _kind(reading, m.group(1)), _proper_name(m.group(2))
    return None


def _header_place(reading: Reading, lines: list[_Line], title: str | None) -> _Place | None:
    """The issuer of the header block; a district header over a plan whose title or
    issuing sentence names a commune is that commune's parent ('UBND HUYỆN X' alone)."""
    units = _header_units(reading, lines)
    issuer = _issuer_unit(units)
    if issuer is None:
        return None
    level = _level(issuer.kind, issuer.name)
    if level == 2:  # a province's plan is the province's, whatever commune its title names
        subject = _subject_commune(reading, lines, title)
        if subject:
            return _Place(subject[0], subject[1], (issuer.kind, issuer.name))
    above = [u for u in units if _level(u.kind, u.name) == 2 and level == 3]
    return _Place(issuer.kind, issuer.name, (above[0].kind, above[0].name) if above else None)


def _locality(
    reading: Reading, lines: list[_Line], mentions: list[tuple[str, str]], title: str | None
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
    kind, name = _title_locality(reading, title)
    if kind and name:
        return _Place(kind, name)
    listed = [(k, n) for k, n in _typed_mentions(reading, title or "") if places.known(k, n)]
    if not listed:
        return None
    kind, name = max(listed, key=lambda u: _level(*u))
    return _Place(kind, name)


def _dateline_place(reading: Reading, lines: list[_Line], mentions: list[tuple[str, str]]) -> _Place | None:
    """'P. Thạch Khôi, ngày …'; a name without its type takes the type the text gives it
    ('Hưng Đông' of 'xã Hưng Đông'), else the list's ('Nghệ An' is a province)."""
    kind, name = _place_line(reading, lines)
    if not name:
        return None
    if kind is None:
        kinds = Counter(k for k, n in mentions if fold(n) == fold(name))
        kind = kinds.most_common(1)[0][0] if kinds else places.kind_of(name)
    return _Place(kind, name)


# 'UBND xã Mỹ Hòa' anywhere in the text: a commune its people's committee names.
_COUNCIL_NAMES = Dual(rf"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+((?i:{_TYPE_ALT}))\s+({_NAME})")


def _body_place(reading: Reading, lines: list[_Line], mentions: list[tuple[str, str]]) -> _Place | None:
    """No header, title or dateline (a news article, a bare list): a commune that 'UBND xã X'
    names and the text repeats, else the commune named most that the list knows, else one the
    text names more than once; else the province or district of the list named most.

    A single 'Chủ tịch UBND phường Đỗ Thị Thu Trang' is a person after the unit, and a single
    'phường Xây dựng' a word after the type: neither is a place."""
    communes = Counter((k, fold(n)) for k, n in mentions if k in _COMMUNE_TYPES)
    written = {(k, fold(n)): n for k, n in mentions}
    named = [
        (_kind(reading, m.group(1)), _proper_name(m.group(2)))
        for m in _COUNCIL_NAMES.rx(reading).finditer(_joined(lines))
        if _kind(reading, m.group(1)) in _COMMUNE_TYPES and _proper_name(m.group(2))
    ]
    repeated = [(k, n) for k, n in named if communes[(k, fold(n))] > 1]
    if repeated:
        return _Place(*repeated[0])
    ranked = communes.most_common()
    for (k, f), count in ranked:
        if places.known(k, written[(k, f)]) or count > 1:
            return _Place(k, written[(k, f)])
    above = Counter((k, fold(n)) for k, n in mentions if k not in _COMMUNE_TYPES and places.known(k, n))
    if above:
        (k, f), _ = max(above.items(), key=lambda kv: (kv[1], -_level(kv[0][0], written[kv[0]])))
        return _Place(k, written[(k, f)])
    return None


def _joined(lines: list[_Line]) -> str:
    return "\n".join(line.text for line in lines)


def _bare_central_city(text: str) -> str | None:
    """'(quận Long Biên, Hà Nội)': a central city written after a district without its type."""
    cities = "|".join(re.escape(c) for c in places.central_cities())
    m = re.search(
        rf"(?i:quận|huyện|thị\s+xã)\s+[^,;()\n]{{2,30}},\s*(?:TP\.?\s*|(?i:thành\s+phố)\s+)?({cities})(?!\w)",
        text,
    )
    return m.group(1) if m else None


def _parent_and_province(
    place: _Place, mentions: list[tuple[str, str]], text: str = ""
) -> tuple[str | None, str | None]:
    """The district above a commune (stated, else the one named most) and the province: a
    province's own name; else one the document names ('tỉnh Gia Lai', '(quận Long Biên, Hà
    Nội)') where the list has the place; else the one it names most; else the one province
    the list gives the place."""
    kind, name = place.kind, place.name
    if kind and name and _level(kind, name) == 1:
        return None, places.canonical_name(kind, name) or name
    own = (kind, fold(name))
    counts: Counter[tuple[str, str]] = Counter()
    provinces: Counter[str] = Counter()
    for k, n in mentions:
        if (k, fold(n)) == own:
            continue
        if _level(k, n) == 1:
            provinces[n] += 1
        if k in _DISTRICT_TYPES:
            counts[(k, n)] += 1
    parent: str | None = None
    if kind in _COMMUNE_TYPES and place.parent:
        parent = f"{place.parent[0]} {place.parent[1]}"
    elif kind in _COMMUNE_TYPES and counts:
        # most mentioned; on a tie the lower level (huyện/quận before a city)
        rank = {t: i for i, t in enumerate(("huyện", "quận", "thị xã", "thành phố"))}
        (pk, pn), _ = max(counts.items(), key=lambda kv: (kv[1], -rank[kv[0][0]]))
        parent = f"{pk} {pn}"
    if not provinces and (city := _bare_central_city(text)):
        provinces[city] += 1
    province = _province(kind, name, parent, provinces)
    if kind in _DISTRICT_TYPES and province:
        parent = places.province_label(province)
    return parent, province


def _province(kind: str | None, name: str | None, parent: str | None, written: Counter[str]) -> str | None:
    """The province as the document writes it ('Thừa Thiên Huế'), or as the list spells it."""
    listed = {u.province for u in places.units_of(kind, name, parent)} if kind and name else set()
    found = [(n, places.admin_units().province(n)) for n, _ in written.most_common()]
    known = [(n, p) for n, p in found if p]
    for n, p in known:
        if p.province in listed:
            return n if not _is_upper(n) else p.name
    if known:
        n, p = known[0]
        return n if not _is_upper(n) else p.name
    # a province the list does not have ('tỉnh Hà Tây' before 2008), written in the running text
    unlisted = [n for n, _ in written.most_common() if not _is_upper(n)]
    if unlisted:
        return unlisted[0]
    return places.province_of(kind, name, parent) if kind and name else None


def _spelling_conflict(
    kind: str | None, name: str | None, mentions: list[tuple[str, str]]
) -> Conflict | None:
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


# ---------------------------------------------------------------- title and period


_TITLE_END = Dual(r"^(?:CỘNG\s+HÒA|CỘNG\s+HOÀ|Độc\s+lập|PHỤ\s+LỤC|Nơi\s+nhận)", re.IGNORECASE)
_PLACE_AFTER_TYPE = Dual(
    rf"(?<!\w)(?!xã\s+hội\b)({_TYPE_ALT})\s+((?:(?!năm\b|giai\b|đến\b|về\b|của\b|trên\b|và\b|thực\b|nhiệm\b)[^\W\d_]+\s*){{1,4}})"
)


def _recase_places(reading: Reading, text: str) -> str:
    """'… xã hội phường hòa bình năm 2026' -> '… xã hội phường Hòa Bình năm 2026'
    (for titles set in capitals; 'xã hội' is not a commune)."""

    def fix(m: re.Match[str]) -> str:
        words = m.group(2).split()
        if _kind(reading, m.group(1)) == "xã" and fold(words[0]) == "hoi":
            return m.group(0)
        trail = m.group(0)[len(m.group(0).rstrip()) :]
        return f"{m.group(1)} " + " ".join(w[:1].upper() + w[1:] for w in words) + trail

    return _PLACE_AFTER_TYPE.rx(reading).sub(fix, text)


def _title_case_part(reading: Reading, text: str) -> str:
    return _recase_places(reading, text.lower()) if _is_upper(text) else text


def _plan_heading(reading: Reading, line: _Line, index: int) -> str | None:
    """The words after 'KẾ HOẠCH' when the line is the plan's heading, else None.

    A 'Kế hoạch …' line in sentence case counts when marked as a heading, or when it
    is short, near the top and not a sentence."""
    m = _PLAN_HEADING.rx(reading).match(line.text)
    if m and _is_upper(line.text.split("(")[0]) and len(line.text) <= 160:
        return m.group(1).strip()
    m = _PLAN_WORDS.rx(reading).match(line.text)
    near_top = index < 15 and len(line.text) <= 160 and not line.text.endswith((".", ";", ":", ","))
    if m and ((line.heading and len(line.text) <= 200) or near_top):
        return m.group(1).strip()
    return None


# 'số 109/KH-UBND', 'số: 12': a sentence citing another document by its number.
_CITES_NUMBER = Dual(r"\bsố\s*:?\s*\d|\d+/[A-ZĐ]")


def _names_purpose(reading: Reading, text: str) -> bool:
    """'Thực hiện nhiệm vụ phát triển … năm 2025' under a bare 'KẾ HOẠCH' is the title's second
    line, while 'Thực hiện Kế hoạch số 109/KH-UBND …, UBND xã …' opens the preamble."""
    cites = _CITES_NUMBER.rx(reading).search(text)
    return bool(_CARRY_OUT.rx(reading).match(text)) and not cites and not text.endswith((";", "."))


def _title(reading: Reading, lines: list[_Line]) -> str | None:
    for i, line in enumerate(lines):
        rest = _plan_heading(reading, line, i)
        if rest is None:
            continue
        parts = [
            ("Ke hoach" if reading.bare else "Kế hoạch")
            + (" " + _title_case_part(reading, rest) if rest else "")
        ]
        # a heading that already says what the plan is takes only lines set in its own style
        complete = len(rest.split()) > 3
        for nxt in lines[i + 1 : i + 6]:
            t = nxt.text
            numbered = re.match(r"^(?:[IVX]+[.\-\s]|\d+[.)]\s|[a-zđA-ZĐ][.)]\s)", t)
            stop = numbered or (
                _TITLE_STOP.rx(reading).match(t)
                and not nxt.heading
                and not (len(parts) == 1 and _names_purpose(reading, t))
            )
            ends = (
                _COUNCIL.rx(reading).match(t)
                or _SIGN_TITLE.rx(reading).match(t)
                or _SIGN_AUTHORITY.match(t)
                or _TITLE_END.rx(reading).match(t)
            )
            sentence = t.endswith(".") and not nxt.heading  # titles carry no full stop
            if stop or ends or sentence or t.endswith(":") or len(t) > 250 or (complete and not _is_upper(t)):
                break
            parts.append(_title_case_part(reading, t))
            if sum(len(p) for p in parts) > 300:
                break
        return _joined_title(reading, parts)
    # No heading: 'Về việc ban hành Kế hoạch X' in a decision
    for line in lines[:60]:
        m = _ISSUES_PLAN.rx(reading).search(line.text)
        if m:
            return clean(m.group(1)).rstrip(" .;,")
    return _kind_title(reading, lines) or _headline(reading, lines)


def _joined_title(reading: Reading, parts: list[str]) -> str:
    """The heading and its continuation lines as one title; 'Về việc' goes on the heading's sentence."""
    if len(parts) > 1 and _ABOUT.rx(reading).match(parts[1]):
        parts[1] = "v" + parts[1][1:]
    return clean(" ".join(parts)).rstrip(" .;,")


# Other kinds of document that set targets: 'QUYẾT ĐỊNH' over 'Về việc …', 'CHƯƠNG TRÌNH CÔNG TÁC'.
_KIND_HEADING = Dual(
    r"^(QUYẾT\s+ĐỊNH|NGHỊ\s+QUYẾT|CHƯƠNG\s+TRÌNH(?:\s+[A-ZĐÀ-Ỹ]+){0,2}|ĐỀ\s+ÁN|PHƯƠNG\s+ÁN|CHỈ\s+THỊ)$"
)


def _kind_title(reading: Reading, lines: list[_Line]) -> str | None:
    """'QUYẾT ĐỊNH' / 'Về việc giao chỉ tiêu … năm 2025' / 'và phân công …' -> one title."""
    for i, line in enumerate(lines[:_OPENING_LINES]):
        m = _KIND_HEADING.rx(reading).match(line.text)
        if not m:
            continue
        parts = [m.group(1)[:1] + m.group(1)[1:].lower()]
        for nxt in lines[i + 1 : i + 5]:
            t = nxt.text
            if (
                (
                    _TITLE_STOP.rx(reading).match(t)
                    and not _ABOUT_MATTER.rx(reading).match(t)
                    and not (len(parts) == 1 and _names_purpose(reading, t))
                )
                or _COUNCIL.rx(reading).match(t)
                or _SIGN_TITLE.rx(reading).match(t)
                or _SIGN_AUTHORITY.match(t)
                or _TITLE_END.rx(reading).match(t)
                or _is_upper(t)
                or t.endswith((".", ":", ";"))
                or len(t) > 250
            ):
                break
            parts.append(t)
        if len(parts) > 1:
            return _joined_title(reading, parts)
    return None


# A header this near the top makes the first line a letterhead, not a headline.
_HEADLINE_ZONE = 12
_DATELINE = re.compile(r"\b\d{1,2}[/-]\d{1,2}[/-]\d{4}\b")


def _headline(reading: Reading, lines: list[_Line]) -> str | None:
    """A news article's headline ('Phường X triển khai nhiệm vụ năm 2025'): the first line,
    a phrase naming a year or a place, followed by a dateline or the lead paragraph."""
    if len(lines) < 2 or _header_units(reading, lines[:_HEADLINE_ZONE]):
        return None
    first, nxt = lines[0].text, lines[1].text
    words = first.split()
    phrase = 4 <= len(words) <= 35 and first[:1].isupper() and not _is_upper(first)
    official = any(
        r.rx(reading).match(first)
        for r in (_TITLE_STOP, _COUNCIL, _PARTY_HEAD, _NUMBER_LINE, _PLACE_DATE, _SIGN_TITLE)
    )
    if not phrase or official or first.endswith((".", ":", ";", ",")) or re.match(r"^[-+•*\d]", first):
        return None
    names_subject = bool(_YEAR.rx(reading).search(first) or _typed_mentions(reading, first))
    dateline = len(nxt) <= 60 and bool(_DATELINE.search(nxt))
    return first if names_subject and (dateline or len(nxt.split()) >= 25) else None


_RANGE = r"(\d{4})\s*[-–—]\s*(\d{4})"
# 'Năm kế hoạch: 2025' / 'Giai đoạn: 2026 - 2030' / front matter 'year: 2025'
_PERIOD_LABEL = Dual(
    r"^(?:Năm\s+kế\s+hoạch|Kỳ\s+kế\s+hoạch|Năm|Giai\s+đoạn|Thời\s+kỳ|year|period)\s*:\s*(\d{4})(?:\s*[-–—]\s*(\d{4}))?\s*$",
    re.IGNORECASE,
)
# 'Năm 2025, xã Quảng Lợi phấn đấu …' — a year set as the goal's time, not a past result
_GOAL_YEAR = Dual(
    r"(?:^|[.;]\s+)(?:Năm\s+(\d{4})|Giai\s+đoạn\s+(\d{4})\s*[-–—]\s*(\d{4}))\s*,[^.;]*?"
    r"\b(?:phấn\s+đấu|đề\s+ra|đặt\s+(?:ra\s+)?mục\s+tiêu|dự\s+kiến)",
    re.IGNORECASE,
)
# 'triển khai Kế hoạch phát triển kinh tế - xã hội năm 2025' / '… nhiệm vụ … năm 2025'
_LAUNCH_YEAR = Dual(
    r"\b(?:triển\s+khai|xây\s+dựng|ban\s+hành)\s+(?:thực\s+hiện\s+)?(?:các\s+)?(?:[Kk]ế\s+hoạch|nhiệm\s+vụ|chỉ\s+tiêu)"
    r"[^.;]{0,100}?\bnăm\s+(\d{4})",
)
# 'giai đoạn 2026 - 2030', '5 năm 2021-2025': the span a plan covers.
_SPAN = Dual(rf"(?:giai\s+đoạn|thời\s+kỳ|\b5\s+năm|05\s+năm)\s*{_RANGE}", re.I)
# '6 tháng cuối năm 2025 và năm 2026'
_TWO_YEARS = Dual(r"\bnăm\s+(\d{4})\s+và\s+(?:năm\s+)?(\d{4})\b", re.I)
_CITATION = Dual(r"(?i)^(?:Căn\s+cứ|Theo|Thực\s+hiện\s+[^,;]*\bsố\b)")
# Opening sentences read for the plan's year.
_OPENING_LINES = 40


def _labelled_period(reading: Reading, lines: list[_Line]) -> tuple[int, int] | None:
    for line in lines[:_LABEL_ZONE]:
        m = _PERIOD_LABEL.rx(reading).match(line.text)
        if m:
            return int(m.group(1)), int(m.group(2) or m.group(1))
    return None


def _goal_period(reading: Reading, opening: list[str]) -> tuple[int, int] | None:
    """'Năm 2025, xã … phấn đấu' / 'Giai đoạn 2026 - 2030, phường … đề ra': the latest goal."""
    spans = [
        (int(m.group(2)), int(m.group(3))) if m.group(2) else (int(m.group(1)), int(m.group(1)))
        for text in opening
        for m in _GOAL_YEAR.rx(reading).finditer(text)
    ]
    return max(spans, key=lambda span: span[1]) if spans else None


def _period(reading: Reading, title: str | None, lines: list[_Line]) -> tuple[int | None, int | None]:
    """From a label, the title, a goal sentence of the opening, a 'giai đoạn' range there,
    a 'triển khai Kế hoạch … năm X' sentence, then a heading naming a year; never from
    legal-basis citations ('Căn cứ Luật … năm 2015')."""
    labelled = _labelled_period(reading, lines)
    if labelled:
        return labelled
    if title:
        m = _SPAN.rx(reading).search(title)
        if m:
            return int(m.group(1)), int(m.group(2))
        both = _TWO_YEARS.rx(reading).search(title)
        if both:  # '6 tháng cuối năm 2025 và năm 2026'
            return int(both.group(1)), int(both.group(2))
        years = _YEAR.rx(reading).findall(title)
        if years:
            return int(years[-1]), int(years[-1])
    opening = [x.text for x in lines[:_OPENING_LINES] if not _CITATION.rx(reading).match(x.text)]
    goal = _goal_period(reading, opening)
    if goal:
        return goal
    for text in opening:
        m = _SPAN.rx(reading).search(text)
        if m:
            return int(m.group(1)), int(m.group(2))
    launched = [int(y) for text in opening for y in _LAUNCH_YEAR.rx(reading).findall(text)]
    if launched:
        return max(launched), max(launched)
    # no plan heading: the first heading-like line naming a year ('BIỂU CHỈ TIÊU … NĂM 2025')
    for line in lines[:_OPENING_LINES]:
        years = _YEAR.rx(reading).findall(line.text)
        if years and (line.heading or _is_upper(line.text) or _TABLE_HEAD.rx(reading).match(line.text)):
            return int(years[-1]), int(years[-1])
    return None, None


# ---------------------------------------------------------------- number, date, signer


def _doc_numbers(reading: Reading, lines: list[_Line]) -> list[tuple[str, int]]:
    """Document numbers with digits (blank 'Số: /KH-UBND' is skipped), in order."""
    out: list[tuple[str, int]] = []
    for line in lines:
        m = _NUMBER_LINE.rx(reading).match(line.text)
        number = m.group(1) if m else None
        if number is None:
            am = _ANNEX_NUMBER.rx(reading).search(line.text)
            number = am.group(2) if am else None
        if number:
            number = re.sub(r"\s+", "", number).rstrip(".,")
            if re.match(r"^\d", number):
                out.append((number, line.line_no))
    return out


def _valid_date(d: str | None, mth: str | None, y: str | None) -> date | None:
    if not (d and mth and y):
        return None
    try:
        return date(int(y), int(mth), int(d))
    except ValueError:
        return None


def _signed_date(reading: Reading, lines: list[_Line]) -> date | None:
    for _i, _text, m in _datelines(reading, lines)[:1]:
        return _valid_date(m.group(2), m.group(3), m.group(4))
    # 'Ban hành kèm theo Quyết định số 23/QĐ-UBND ngày 06 tháng 02 năm 2023'
    for i, line in enumerate(lines):
        if _ANNEX_NUMBER.rx(reading).search(line.text):
            window = " ".join(x.text for x in lines[i : i + 2])
            words = _DATE_WORDS.rx(reading).search(window)
            return _valid_date(*words.groups()) if words else None
    return None


_PARTIAL_DATE = Dual(
    r"ngày\s*(\d{1,2})?\s*(?:…|\.{2,})?\s*(?:tháng|/)\s*(\d{1,2})?\s*(?:…|\.{2,})?\s*(?:năm|/)\s*(\d{4})",
    re.IGNORECASE,
)


def _issue_dates(reading: Reading, lines: list[_Line]) -> list[tuple[tuple[str, str, str], str, int]]:
    """(day, month, year) as written — blanks kept empty — from the place-and-date line and
    the 'Kèm theo Kế hoạch/Quyết định số … ngày …' lines, with the text and line number."""
    out: list[tuple[tuple[str, str, str], str, int]] = []
    datelines = {i: text for i, text, _m in _datelines(reading, lines)}
    for i, line in enumerate(lines):
        if i in datelines:
            window = datelines[i]
        elif _ANNEX_NUMBER.rx(reading).search(line.text):
            window = " ".join(x.text for x in lines[i : i + 2])
        else:
            continue
        m = _PARTIAL_DATE.rx(reading).search(window)
        if m:
            parts = (m.group(1) or "", m.group(2) or "", m.group(3))
            out.append((parts, clean(m.group(0)), line.line_no))
    return out


def _date_conflict(reading: Reading, lines: list[_Line]) -> Conflict | None:
    """The header and an annex heading giving different issue months or years."""
    dates = _issue_dates(reading, lines)
    seen: dict[tuple[int, int | None, int | None], str] = {}
    for (day, month, year), text, line_no in dates:
        key = (int(year), int(month) if month else None, int(day) if day else None)
        if all(not _compatible(key, k) for k in seen):
            seen[key] = f"{text} (line {line_no})"
    return Conflict(what="Ngày ban hành kế hoạch", values=list(seen.values())) if len(seen) > 1 else None


def _compatible(a: tuple[int, int | None, int | None], b: tuple[int, int | None, int | None]) -> bool:
    """Equal where both are filled in (a blank day or month agrees with anything)."""
    return all(x is None or y is None or x == y for x, y in zip(a, b, strict=True))


def _person_name(reading: Reading, text: str) -> str | None:
    t = re.sub(r"\s+\d{1,3}$", "", text).strip(" .")  # a page number glued by PDF extraction
    words = t.split()
    if not 2 <= len(words) <= 5 or not all(_NAME_WORD.match(w) for w in words):
        return None
    if _NOT_NAME.rx(reading).search(t.upper()) and _is_upper(t):
        return None
    if _is_upper(t):
        t = " ".join(w[:1] + w[1:].lower() for w in words)
    return t


# A line of the 'Nơi nhận:' column: '- TT Đảng ủy xã (b/c);', '- Lưu: VT.'
_RECIPIENT = Dual(r"^(?:[-+•–]\s*\S|Lưu\s*:|Nơi\s+nhận)", re.IGNORECASE)


_FILED_THEN_NAME = Dual(r"^[-+•–]?\s*Lưu\s*:\s*[\w/,&\s-]{1,30}?[.;]\s+(?P<rest>\S.*)$", re.IGNORECASE)

# 'Đã ký', '[Đã ký và đóng dấu]', '_(Ký tên)_': a note where the signature stands.
_SIGNED_NOTE = Dual(r"^[\W_]*(?:đã\s+ký|ký\s+tên|ký\b)[^()\[\]]{0,40}[\W_]*$", re.IGNORECASE)


def _signer(reading: Reading, lines: list[_Line]) -> str | None:
    for i, line in enumerate(lines):
        if not (_SIGN_TITLE.rx(reading).match(line.text) or _SIGN_AUTHORITY.match(line.text)):
            continue
        if not _is_upper(line.text):
            continue
        for nxt in lines[i + 1 : i + 12]:
            if (
                _SIGN_TITLE.rx(reading).match(nxt.text)
                or re.match(r"^\(.*\)$", nxt.text)
                or _SIGNED_NOTE.rx(reading).match(nxt.text)
                or _RECIPIENT.rx(reading).match(nxt.text)
            ):
                # '- Lưu: VT. Vũ Thị Thanh Hương': text extraction put the name on the last
                # recipients' line
                tail = _FILED_THEN_NAME.rx(reading).match(nxt.text)
                name = _person_name(reading, tail.group("rest")) if tail else None
                if name:
                    return name
                continue  # the recipients' column runs beside the signature block
            name = _person_name(reading, nxt.text)
            if name:
                return name
            if not _is_upper(nxt.text):
                break
    # columns merged with single spaces ('Nơi nhận: TM. ỦY BAN NHÂN DÂN'): the name may
    # close the last recipients' line
    for line in reversed(lines[-20:]):
        tail = _FILED_THEN_NAME.rx(reading).match(line.text)
        name = _person_name(reading, tail.group("rest")) if tail else None
        if name:
            return name
    return None


# ---------------------------------------------------------------- entry points


def extract_meta_and_conflicts(doc: Document) -> tuple[PlanMeta, list[Conflict]]:
    text = "\n".join(b.text for b in doc.blocks if b.kind == "line")
    return _meta_and_conflicts(Reading.of_document(text), doc)


def _meta_and_conflicts(reading: Reading, doc: Document) -> tuple[PlanMeta, list[Conflict]]:
    lines = _lines(reading, doc)
    mentions = _typed_mentions(reading, _joined(lines))
    title = _title(reading, lines)
    place = _locality(reading, lines, mentions, title)
    kind, name = place.kind, place.name
    locality = f"{kind} {name}" if kind and name else name
    parent, province = _parent_and_province(place, mentions, _joined(lines))
    start, end = _period(reading, title, lines)
    numbers = _doc_numbers(reading, lines)
    meta = PlanMeta(
        locality=locality,
        locality_type=kind,
        parent=parent,
        province=province,
        period_start=start,
        period_end=end,
        title=title,
        issuer=f"UBND {locality}" if locality else None,
        doc_number=numbers[0][0] if numbers else None,
        signed_date=_signed_date(reading, lines),
        signer=_signer(reading, lines),
    )
    conflicts: list[Conflict] = []
    distinct = list(dict.fromkeys(n for n, _ in numbers))
    if len(distinct) > 1:
        first_line = {n: ln for n, ln in reversed(numbers)}
        values = [f"{n} (line {first_line[n]})" for n in distinct]
        conflicts.append(Conflict(what="Số văn bản ban hành kế hoạch", values=values))
    issued = _date_conflict(reading, lines)
    if issued:
        conflicts.append(issued)
    spelling = _spelling_conflict(kind, name, mentions)
    if spelling:
        conflicts.append(spelling)
    return meta, conflicts


def extract_meta(doc: Document) -> PlanMeta:
    return extract_meta_and_conflicts(doc)[0]


_CHANGE_WORDS = r"(?:dieu chinh|bo sung|sua doi)(?:,? (?:va )?(?:dieu chinh|bo sung|sua doi))*"
# the change governs the title ('Kế hoạch điều chỉnh, bổ sung …', 'Quyết định về việc điều
# chỉnh chỉ tiêu …'), not a phrase inside it ('… điều chỉnh cơ cấu cây trồng')
_AMENDS = re.compile(
    rf"^(?:ke hoach|quyet dinh|chuong trinh)?\s*(?:ve viec\s+)?{_CHANGE_WORDS}\b"
    rf"|\b{_CHANGE_WORDS} (?:ke hoach|chi tieu|quyet dinh|mot so (?:chi tieu|noi dung|nhiem vu))\b"
)


def is_amendment(title: str | None) -> bool:
    """'Kế hoạch điều chỉnh, bổ sung Kế hoạch …', 'Quyết định về việc điều chỉnh chỉ
    tiêu …': a document that changes a plan in force rather than replacing it."""
    return bool(title) and bool(_AMENDS.search(fold(title)))
