"""What a question asks: a figure, who, when, progress, the items of a party or a topic,
what is due, reporting, the overview — and the kind of item it names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.question.tokens import tokens_of
from knowledge.text import fold

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
            r"|\b(?:gui|nop) (?:\w+ ){0,10}(?:ve|cho|len|toi|o) (?:ai|dau)\b|\bgui (?:ve )?dau\b"
            r"|\bbao cao (?:\w+ ){1,5}(?:ve|cho|len|toi) (?:ai|dau|co quan nao|don vi nao)\b"
        ),
    ),
]
_ASKS_WHO = re.compile(r"(?:ai|(?:don vi|co quan|bo phan|nguoi|so|nganh) nao)$")  # 'ai chủ trì …' asks who
_WHERE_TAIL = r"(?: (?:trong|theo|ve|doi voi|o|tai|de|cho) .+)?"  # '… trong kế hoạch X': which plan, not who
_PARTY_ITEMS = re.compile(
    rf"\b(?:cac |nhung |danh sach )?{_ITEM_WORDS} (?:cua|do|giao cho|thuoc) (?P<party>.+?)$"
    rf"|^(?P<party2>.+?) (?:phu trach|chu tri|duoc giao|chiu trach nhiem) (?:nhung |cac )?(?:gi|viec gi|nhiem vu gi|chi tieu gi|{_ITEM_WORDS} nao|{_ITEM_WORDS})$"
    # 'Sở Nội vụ phải làm gì (trong công tác …)' — but not '… kéo dài mấy ngày làm việc'
    rf"|^(?P<party3>.+?) (?:phai |can |se |co trach nhiem |duoc giao |duoc phan cong )?lam (?:nhung )?(?:gi|j|viec gi|nhung viec gi|{_ITEM_WORDS} nao){_WHERE_TAIL}$"
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
    r"|\b(?:tu|den|toi|bat dau|ket thuc) (?:tu )?(?:thang|ngay|quy) (?:may|nao)\b"
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


_NAMES_INDICATOR = re.compile(r"\bchi tieu\b")
_NAMES_TASK = re.compile(r"\b(?:nhiem vu|cong viec|phan viec)\b")


def item_kind_hint(folded: str) -> str | None:
    """'chỉ tiêu giao quân' asks for an indicator, 'nhiệm vụ GPMB' for a task;
    a question naming both or neither gives no hint."""
    indicator, task = bool(_NAMES_INDICATOR.search(folded)), bool(_NAMES_TASK.search(folded))
    if indicator == task:
        return None
    return "indicator" if indicator else "task"
