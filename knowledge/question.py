"""Understanding a question: normalised tokens, intent, place and period.

Pure functions: the caller passes the places it knows (a `Gazetteer`); nothing
here touches a database. Every token is kept twice, accented and folded, so a
question typed without diacritics still matches, and one typed with them can
tell 'hộ' from 'hồ'."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import lru_cache

from knowledge import lexicon
from knowledge.places import PROVINCE_SHORT_NAMES
from knowledge.text import clean, fold, match_key, strip_diacritics

# ---------------------------------------------------------------- tokens


@dataclass(frozen=True)
class Token:
    acc: str  # lower case, diacritics kept, tone placement unified
    fold: str  # no diacritics

    @property
    def accented(self) -> bool:
        return self.acc != self.fold


_WORD = re.compile(r"[^\W_]+(?:[/][^\W_]+)*|%|‰", re.UNICODE)
_NUM_SEP = re.compile(r"(?<=\d)[.,](?=\d)")
_ABBR_HYPHEN = re.compile(r"\b([A-ZĐ]{1,5})\s*-\s*([A-ZĐ]{1,5})\b")
# 'KH&CN', 'NN&MT': one abbreviation written in two halves — but 'HĐND & UBND' are two
_ABBR_AMPERSAND = re.compile(r"\b([A-ZĐ]{1,5})&([A-ZĐ]{1,5})\b")


# A Vietnamese syllable without diacritics: a lower-case token of this shape is
# a word ('cap' = 'cấp'), never an abbreviation; 'bhyt', 'gpmb', 'antt' are not.
_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$"
)
# a lone 'y' never takes a final consonant ('tyt' is 'TYT', not a syllable; 'quynh' is 'qu' + 'y')
_NOT_SYLLABLE = re.compile(r"^(?:ngh|ng|nh|ch|gh|kh|ph|th|tr|[bcdghklmnprstvx])?y(?:ng|nh|ch|[cmnpt])$")


def expand_abbreviations(text: str) -> str:
    """'Tỷ lệ BHYT' -> 'Tỷ lệ bảo hiểm y tế'; 'KT-XH' -> 'kinh tế xã hội'; 'bhyt' too,
    but a lower-case word that could be a syllable ('cap') stays."""
    text = _ABBR_HYPHEN.sub(r"\1\2", text)
    text = _ABBR_AMPERSAND.sub(
        lambda m: m.group(1) + m.group(2) if m.group(1) + m.group(2) in lexicon.ABBREVIATIONS else m.group(0),
        text,
    )
    folded = lexicon.folded_abbreviations()
    long_acc = lexicon.long_forms()

    def sub(m: re.Match[str]) -> str:
        word = m.group(0)
        if word.isupper() and word in lexicon.ABBREVIATIONS:
            return lexicon.ABBREVIATIONS[word]
        key = _fold_word(word.lower())
        if key not in folded:
            return word
        if word.isupper() or (word == key and (not _SYLLABLE.match(key) or _NOT_SYLLABLE.match(key))):
            return long_acc[key]
        return word

    return re.sub(r"[^\W_]+", sub, text)


def tokens_of(text: str | None) -> list[Token]:
    """Normalised tokens: NFC, legacy glyphs fixed, abbreviations expanded,
    number separators dropped ('1.900' -> '1900'), each kept accented and folded."""
    if not text:
        return []
    t = expand_abbreviations(clean(text))
    t = _NUM_SEP.sub("", match_key(t))
    out = []
    for w in _WORD.findall(t):
        for part in w.split("/"):
            if part:
                word = unify_spelling(part)
                out.append(Token(word, _fold_word(word) or word))
    return _with_synonyms(out)


def _with_synonyms(toks: list[Token]) -> list[Token]:
    """'rác thải' -> 'chất thải rắn' (lexicon.SYNONYMS), on both sides of every match."""
    table = lexicon.folded_synonyms()
    if not table:
        return toks
    firsts = {k[0] for k in table}
    out: list[Token] = []
    i = 0
    while i < len(toks):
        if toks[i].fold in firsts:
            for key, canonical in table.items():
                n = len(key)
                if tuple(t.fold for t in toks[i : i + n]) == key:
                    out += [Token(w, _fold_word(w)) for w in canonical.split()]
                    i += n
                    break
            else:
                out.append(toks[i])
                i += 1
            continue
        out.append(toks[i])
        i += 1
    return out


# 'tỉ lệ'/'tỷ lệ', 'kĩ'/'kỹ', 'lí'/'lý', 'quí'/'quý': both spellings are in use;
# matching takes the 'y' one on both sides
_I_TO_Y = str.maketrans("iìíỉĩị", "yỳýỷỹỵ")
_I_FINAL = re.compile(r"^(?:h|k|l|m|s|t|qu)[iìíỉĩị]$")


def unify_spelling(word: str) -> str:
    """One spelling of the syllables written with either a final 'i' or 'y'."""
    if len(word) <= 3 and _I_FINAL.match(word):
        return word[:-1] + word[-1].translate(_I_TO_Y)
    return word


@lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> str:
    """fold() of one word; words repeat, so remembered."""
    return fold(word)


def folded_text(text: str | None) -> str:
    """The folded, abbreviation-expanded form used on both sides of a match."""
    return " ".join(t.fold for t in tokens_of(text))


# ---------------------------------------------------------------- places


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


# ---------------------------------------------------------------- period

_RANGE = re.compile(r"\b(20\d\d)\s*(?:-|\s|den|toi)\s*(?:nam\s*)?(20\d\d)\b")
_UNTIL = re.compile(r"\b(?:den|toi|truoc)\s+(?:nam\s+)?(20\d\d)\b")
_YEAR = re.compile(r"\b(20\d\d)\b")


@dataclass
class Period:
    year: int | None = None  # the year the question is about
    start: int | None = None
    end: int | None = None


def parse_period(folded: str) -> Period:
    if m := _RANGE.search(folded):
        a, b = int(m.group(1)), int(m.group(2))
        return Period(year=b, start=a, end=b)
    if m := _UNTIL.search(folded):
        y = int(m.group(1))
        return Period(year=y, end=y)
    if m := _YEAR.search(folded):
        y = int(m.group(1))
        return Period(year=y, start=y, end=y)
    return Period()


# ---------------------------------------------------------------- intent

TARGET = "target"
RESPONSIBLE = "responsible"
DEADLINE = "deadline"
PROGRESS = "progress"
PARTY_ITEMS = "party_items"
MY_ITEMS = "my_items"
TOPIC = "topic"
DUE_SOON = "due_soon"
OVERDUE = "overdue"
REPORTING = "reporting"
OVERVIEW = "overview"
HELP = "help"

_ITEM_WORDS = r"(?:nhiem vu|cong viec|viec|chi tieu|phan viec|nhiem vu chi tieu)"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        HELP,
        re.compile(r"^(?:/?start|/?help|/?huongdan|huong dan|tro giup|giup do|menu|hello|xin chao|chao)$"),
    ),
    (
        HELP,
        re.compile(
            r"\b(?:ban|bot) (?:co the )?(?:lam|tra loi) (?:duoc )?(?:gi|nhung gi)\b|\bhoi (?:duoc )?(?:nhung )?gi\b|\bsu dung the nao\b|\bhuong dan su dung\b"
        ),
    ),
    (
        MY_ITEMS,
        re.compile(
            rf"\b{_ITEM_WORDS} (?:cua |duoc giao cho )?(?:toi|em|minh|tui)\b|\b(?:toi|em|minh) (?:phu trach|duoc giao|phai lam) (?:nhung |cac )?(?:gi|viec gi|{_ITEM_WORDS})\b"
        ),
    ),
    (OVERDUE, re.compile(r"\b(?:qua han|tre han|cham tien do|cham tre|tre tien do|het han ma chua)\b")),
    (
        DUE_SOON,
        re.compile(
            r"\b(?:sap (?:den|het|toi) han|sap phai (?:xong|hoan thanh)|den han trong|gan den han|sap het thoi han)\b"
        ),
    ),
    (
        OVERVIEW,
        re.compile(
            # the document itself: 'quyết định … số mấy', 'kế hoạch số bao nhiêu', 'ai ký', 'ký ngày nào'
            r"^(?:\w+ \w+ hoi )?(?:ke hoach|quyet dinh|chuong trinh|van ban)\b.*\bso (?:may|hieu|bao nhieu)$"
            r"|\b(?:ke hoach|quyet dinh|chuong trinh|van ban) so (?:may|hieu|bao nhieu|gi)\b"
            r"|\bso hieu (?:van ban|ke hoach|quyet dinh)\b|^so (?:ke hoach|quyet dinh|van ban)\b"
            r"|\b(?:ai|nguoi nao|ong nao|ba nao|dong chi nao|lanh dao nao)(?: la nguoi)? ky\b|\bky (?:ngay|hom) nao\b"
            r"|\bban hanh (?:ngay|hom|khi) nao\b|\bban hanh (?:ke hoach|van ban|quyet dinh) (?:gi|ve (?:viec )?gi)\b"
            # what the document is about: 'kế hoạch 0124/KH-UBND là kế hoạch gì', '… về việc gì'
            r"|\b(?:ke hoach|quyet dinh|van ban)\b.*\b(?:ve viec gi|noi ve (?:gi|viec gi|noi dung gi)"
            r"|la (?:ke hoach|quyet dinh|van ban) (?:gi|ve gi)|ve (?:noi dung )?gi|nham muc dich gi)\b|"
            rf"\b(?:co|gom) (?:bao nhieu|may|tat ca bao nhieu) (?:chi tieu|nhiem vu|muc tieu)\b|\btong quan\b|\btom tat ke hoach\b|\bke hoach .*gom (?:nhung )?(?:gi|noi dung gi)\b|\bso (?:luong )?(?:chi tieu|nhiem vu) (?:cua|trong) ke hoach\b|^{_ITEM_WORDS}$"
        ),
    ),
    (
        REPORTING,
        re.compile(
            r"\b(?:gui|nop) bao cao\b|\bbao cao (?:cho|len|ve|toi) (?:ai|dau|co quan nao|don vi nao)\b|\bbao cao (?:\w+ ){0,6}truoc ngay\b|\b(?:hang thang|hang quy|dinh ky|hang nam) (?:\w+ ){0,3}bao cao\b|\bbao cao (?:dinh ky|hang thang|hang quy|hang nam|dot xuat)\b|\bche do bao cao\b|\bbao cao ket qua ca nam\b|\bthoi han bao cao\b|\bhan (?:chot )?bao cao\b"
            r"|\b(?:gui|nop) (?:\w+ ){0,3}(?:ve|cho|len|toi|o) (?:ai|dau)\b"
        ),
    ),
]
_ASKS_WHO = re.compile(r"(?:ai|(?:don vi|co quan|bo phan|nguoi|so|nganh) nao)$")  # 'ai chủ trì …' asks who
_WHERE_TAIL = r"(?: (?:trong|theo|ve|doi voi|o|tai|de|cho) .+)?"  # '… trong kế hoạch X': which plan, not who
_PARTY_ITEMS = re.compile(
    rf"\b(?:cac |nhung |danh sach )?{_ITEM_WORDS} (?:cua|do|giao cho|thuoc) (?P<party>.+?)$"
    rf"|^(?P<party2>.+?) (?:phu trach|chu tri|duoc giao|chiu trach nhiem) (?:nhung |cac )?(?:gi|viec gi|nhiem vu gi|chi tieu gi|{_ITEM_WORDS} nao|{_ITEM_WORDS})$"
    # 'Sở Nội vụ phải làm gì (trong công tác …)' — but not '… kéo dài mấy ngày làm việc'
    rf"|^(?P<party3>.+?) (?:phai |can |se |co trach nhiem )?lam (?:nhung )?(?:gi|j|viec gi|nhung viec gi|{_ITEM_WORDS} nao){_WHERE_TAIL}$"
    rf"|^(?P<party4>.+?) co (?:nhung )?(?:nhiem vu|trach nhiem) (?:gi|nao){_WHERE_TAIL}$"
)
_TOPIC = re.compile(
    rf"\b(?:cac|nhung|danh sach|liet ke)? ?(?:{_ITEM_WORDS}|muc tieu) (?:ve|linh vuc|thuoc linh vuc|nganh|trong linh vuc|mang|thuoc) (?:linh vuc |nganh )?(?P<topic>.+?)$"
    rf"|\blinh vuc (?P<topic2>.+?) (?:co )?(?:nhung|cac) (?:{_ITEM_WORDS}|muc tieu)"
)
_RESPONSIBLE = re.compile(
    r"\bai\b|\b(?:don vi|co quan|bo phan|ban nganh|nganh|can bo|cong chuc|dong chi|nguoi) nao\b"
    r"|\bphu trach\b|\bchiu trach nhiem\b|\bchu tri\b|\bchi dao\b|\bnguoi (?:thuc hien|lam)\b|\bdo ai\b|\bgiao cho ai\b|\bphoi hop\b"
)
_LEADER = re.compile(r"\bchi dao\b")
_DEADLINE = re.compile(
    r"\bkhi nao\b|\bbao gio\b|\bhan chot\b|\bthoi han\b|\bhet han\b|\bngay nao\b|\bthang nao\b|\bluc nao\b"
    r"|\bthoi gian (?:hoan thanh|thuc hien)\b|\btruoc ngay\b|\bden han\b|\bhan (?:la|cuoi|hoan thanh)\b"
    r"|\bdeadline\b|\bden bao gio\b|\bthoi diem nao\b|^han\b"
)
_PROGRESS = re.compile(
    r"\btien do\b|\bden nay\b|\bda dat\b|\bda thuc hien\b|\bket qua thuc hien\b|\bhien (?:nay|tai|gio) (?:da |dat )"
    r"|\bdat duoc\b|\bthuc hien duoc\b|\buoc dat\b|\bda lam duoc\b|\bden thoi diem nay\b|\btinh hinh thuc hien\b"
    r"|\bhoan thanh chua\b|\bxong chua\b|\bket qua dat duoc\b"
    r"|\b(?:toi|den) dau (?:roi|chua)\b|\blam (?:toi|den) dau\b|\bduoc bao nhieu (?:roi|phan tram roi)\b"
)


@dataclass
class Intent:
    kind: str
    role: str | None = None  # 'leader' when the question asks who directs
    party: str | None = None  # 'công chức Tư pháp' for PARTY_ITEMS
    topic: str | None = None  # 'y tế' for TOPIC


def detect_intent(folded: str, original: str = "") -> Intent:
    """The kind of answer a folded question asks for."""
    q = folded.strip()
    if not q:
        return Intent(HELP)
    for kind, pat in _PATTERNS:
        if pat.search(q):
            return Intent(kind)
    if m := _PARTY_ITEMS.search(q):
        party = m.group("party") or m.group("party2") or m.group("party3") or m.group("party4") or ""
        asks_who = bool(_ASKS_WHO.match(party.strip()))
        party = _strip_tail(party)
        if party and not asks_who and not _TOPIC.search(q):
            return Intent(PARTY_ITEMS, party=_recover_accents(party, original))
    if m := _TOPIC.search(q):
        topic = _strip_tail(m.group("topic") or m.group("topic2") or "")
        if topic:
            return Intent(TOPIC, topic=_recover_accents(topic, original))
    if _RESPONSIBLE.search(q):
        return Intent(RESPONSIBLE, role="leader" if _LEADER.search(q) else None)
    if _DEADLINE.search(q):
        return Intent(DEADLINE)
    if _PROGRESS.search(q):
        return Intent(PROGRESS)
    return Intent(TARGET)


_TAIL = re.compile(
    # 'của trạm y tế ở' once the place is taken out: the 'ở' is no part of the name
    r"\b(?:la (?:gi|nhung gi)|gom (?:nhung )?gi|nhung gi|co gi|gi|nao|a|vay|nhe|the nao|ra sao|o|tai|thuoc)$"
)
_YEAR_TAIL = re.compile(r"\b(?:nam|giai doan|den|trong)? ?20\d\d(?: 20\d\d)?\b")


def _strip_tail(text: str) -> str:
    t = text.strip()
    for _ in range(3):
        t = _TAIL.sub("", t).strip()
        t = _YEAR_TAIL.sub("", t).strip()
    return t


def _recover_accents(folded_part: str, original: str) -> str:
    """The words of `folded_part` as the asker typed them (diacritics kept)."""
    toks = tokens_of(original)
    want = folded_part.split()
    folds = [t.fold for t in toks]
    for i in range(len(folds) - len(want) + 1):
        if folds[i : i + len(want)] == want:
            words = [t.acc for t in toks[i : i + len(want)]]
            # as written between the words too: 'Đ/c Sâm', not 'đ c sâm'
            span = re.search(r"[\W_]*".join(re.escape(w) for w in words), original, re.IGNORECASE)
            return span.group(0) if span else _as_written(words, original) or " ".join(words)
    return folded_part


def _as_written(words: list[str], original: str) -> str | None:
    """The run of the asker's own words that reads as `words` once abbreviations are
    expanded: 'Đ/c Sâm TYT' for ['đ', 'c', 'sâm', 'trạm', 'y', 'tế'], 'ubnd xa' for
    ['ủy', 'ban', 'nhân', 'dân', 'xa'] — not a mix of the two spellings."""
    want = [fold(w) for w in words]
    pieces = original.split()
    for i in range(len(pieces)):
        for j in range(i + 1, min(len(pieces), i + len(want)) + 1):
            got = [t.fold for t in tokens_of(" ".join(pieces[i:j]))]
            if got == want:
                return " ".join(pieces[i:j]).strip(" ?!.,;:")
            if got != want[: len(got)]:
                break
    return None


# ---------------------------------------------------------------- the whole question


@dataclass
class Question:
    raw: str
    tokens: list[Token]  # the whole normalised question
    terms: list[Token]  # what is left to match items with (place, period, phrasing removed)
    intent: Intent
    period: Period
    places: list[PlaceRef] = field(default_factory=list)  # candidates named in the question
    place: PlaceHit | None = None  # where the question names them
    unknown_place: str | None = None  # 'xã Không Có': a place written out that nobody knows
    all_terms: list[Token] = field(default_factory=list)  # terms if the 'place' is item words after all
    kind_hint: str | None = None  # 'indicator' or 'task' when the question names the kind of item

    @property
    def place_is_weak(self) -> bool:
        """Named without its type and not at the end: it may be words of an item
        ('tham gia bảo hiểm' holds a place called 'Gia Bảo')."""
        return self.place is not None and not self.place.typed

    @property
    def folded(self) -> str:
        return " ".join(t.fold for t in self.tokens)

    @property
    def has_diacritics(self) -> bool:
        """Typed with a Vietnamese keyboard (then accents tell 'hộ' from 'hồ')."""
        text = clean(self.raw)
        return strip_diacritics(text) != text


# Phone shorthand in questions ('bn' = bao nhiêu, 'j' = gì): whole lower-case words only
_SHORTHAND = {
    "bn": "bao nhiêu",
    "bnh": "bao nhiêu",
    "j": "gì",
    "ko": "không",
    "k": "không",
    "kh": "không",
    "dc": "được",
    "đc": "được",
    "ntn": "như thế nào",
    "tn": "thế nào",
    "r": "rồi",
    "vs": "với",
}
_SHORTHAND_RE = re.compile(
    r"(?<![\w/])(" + "|".join(sorted(map(re.escape, _SHORTHAND), key=len, reverse=True)) + r")(?![\w/])"
)


# 'việc của dc Sâm': after 'của', 'giao cho', 'do' a 'dc' is a comrade ('đ/c'), not 'được'
_COMRADE_RE = re.compile(r"(?<![\w/])(của|cua|cho|do|thuộc|thuoc)\s+(?:dc|đc)(?![\w/])", re.IGNORECASE)


def expand_shorthand(text: str) -> str:
    """'thu ngân sách bn' -> 'thu ngân sách bao nhiêu' (a question's own shorthand)."""
    text = _COMRADE_RE.sub(lambda m: f"{m.group(1)} đ/c", text)
    return _SHORTHAND_RE.sub(lambda m: _SHORTHAND[m.group(1)], text)


def parse_question(text: str, gazetteer: Gazetteer | None = None) -> Question:
    text = expand_shorthand(text)
    toks = tokens_of(text)
    folded = " ".join(t.fold for t in toks)
    hit = gazetteer.find(toks) if gazetteer else None
    rest = toks[: hit.start] + toks[hit.end :] if hit else list(toks)
    # the question's own wording decides its intent, not the place's name
    intent = detect_intent(" ".join(t.fold for t in rest), text)
    period = parse_period(folded)
    terms = _content_terms(rest)
    all_terms = _content_terms(toks) if hit else terms
    if intent.kind == RESPONSIBLE:  # 'ai chủ trì ...': the role words asked the question
        terms, all_terms = _without_role_words(terms), _without_role_words(all_terms)
    return Question(
        raw=text,
        tokens=toks,
        terms=terms,
        intent=intent,
        period=period,
        places=hit.candidates if hit else [],
        place=hit,
        unknown_place=None if hit else unknown_place(text),
        all_terms=all_terms,
        kind_hint=item_kind_hint(" ".join(t.fold for t in rest)),
    )


_ROLE_WORDS = ("chu tri", "tham muu", "phu trach", "chi dao", "chiu trach nhiem", "phoi hop")


def _without_role_words(toks: list[Token]) -> list[Token]:
    folded = [t.fold for t in toks]
    drop: set[int] = set()
    for phrase in _ROLE_WORDS:
        words = phrase.split()
        n = len(words)
        for i in range(len(folded) - n + 1):
            if folded[i : i + n] == words:
                drop.update(range(i, i + n))
    kept = [t for i, t in enumerate(toks) if i not in drop]
    return kept or toks


_NAMES_INDICATOR = re.compile(r"\bchi tieu\b")
_NAMES_TASK = re.compile(r"\b(?:nhiem vu|cong viec|phan viec)\b")


def item_kind_hint(folded: str) -> str | None:
    """'chỉ tiêu giao quân' asks for an indicator, 'nhiệm vụ GPMB' for a task;
    a question naming both or neither gives no hint."""
    indicator, task = bool(_NAMES_INDICATOR.search(folded)), bool(_NAMES_TASK.search(folded))
    if indicator == task:
        return None
    return "indicator" if indicator else "task"


_YEARISH = re.compile(r"^(?:19|20)\d\d$")
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


def _content_terms(toks: list[Token]) -> list[Token]:
    """Drop question phrasing, years and a trailing place type."""
    out: list[Token] = []
    phrases = _phrases_by_first()
    i = 0
    while i < len(toks):
        n = _phrase_at(toks, i, phrases.get(toks[i].fold, ()))
        if n:
            i += n
            continue
        t = toks[i]
        if _YEARISH.match(t.fold):
            if out and out[-1].fold in ("nam", "den", "toi", "doan"):
                out.pop()
            i += 1
            continue
        out.append(t)
        i += 1
    while out and out[-1].fold in ("xa", "phuong", "thi", "tran", "huyen"):
        out.pop()
    return out


@lru_cache(maxsize=1)
def _phrases_by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Question phrases grouped by the folded first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for ph in lexicon.phrase_tokens():
        out.setdefault(strip_diacritics(ph[0]), []).append(ph)
    return {k: tuple(v) for k, v in out.items()}


def _phrase_at(toks: list[Token], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length of the question phrase starting at toks[i] (0 when none).
    A token typed with diacritics must match them; one typed without matches any
    word of a longer phrase, and a one-word phrase only when it has no diacritics
    itself ('co' may be 'cơ', never dropped as 'có')."""
    for ph in phrases:
        n = len(ph)
        if i + n > len(toks):
            continue
        if n == 1:
            if toks[i].acc == ph[0]:
                return 1
            continue
        if all(_same_word(toks[i + k], ph[k]) for k in range(n)):
            return n
    return 0


def _same_word(tok: Token, word_acc: str) -> bool:
    if tok.accented:
        return tok.acc == word_acc
    return tok.fold == strip_diacritics(word_acc)
