"""Responsible parties that prose names for its targets.

After an item: '… 12.500 triệu đồng (Bộ phận Tài chính chủ trì).', or a unit or
officer alone in the brackets closing it ('… 45% (Trạm Y tế xã)'). In a sentence
of its own: 'Trạm Y tế xã chịu trách nhiệm chỉ tiêu bảo hiểm y tế và dinh dưỡng
trẻ em', 'giao Công an phường chủ trì thực hiện chỉ tiêu kéo giảm tội phạm'. The
topic after 'chỉ tiêu' is matched to the indicators' names by their words
(abbreviations spelt out) or by the field it names ('nông nghiệp', 'thủy sản').
An item headed by its unit gives whole groups: '1. Phòng Kinh tế: chủ trì theo
dõi, tham mưu thực hiện các chỉ tiêu về kinh tế và môi trường' -> the indicators
under 'Về kinh tế' and 'Về môi trường'; a unit named for a few indicators keeps
them, and '(trừ các chỉ tiêu về y tế)' leaves those out of the field."""

from __future__ import annotations

import re

from knowledge.lexicon import folded_abbreviations
from knowledge.model import Indicator
from knowledge.text import fold

_DUTY = r"(?i:(?:được\s+giao\s+)?(?:chủ\s+trì|chịu\s+trách\s+nhiệm|phụ\s+trách|theo\s+dõi|tham\s+mưu)(?:\s+thực\s+hiện)?)"
_UPPER = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈÍÓÚÝẤẦẨẪẬẮẰẲẴẶẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰ"

# '(Trạm Y tế thị trấn chủ trì)' closing an item.
_AFTER_ITEM = re.compile(rf"\(\s*(?i:do\s+)?(?P<party>[{_UPPER}][^()]{{2,80}}?)\s+{_DUTY}\s*\)")
# '… 45,6% (Phòng Kinh tế)': a bare unit or officer in brackets closing the item.
_UNIT_AFTER_ITEM = re.compile(
    r"\(\s*(?P<party>(?:Phòng|Trạm|Công\s+an|Ban(?!\s+hành)|Công\s+chức|Cán\s+bộ|Văn\s+phòng|Bộ\s+phận|"
    r"Trung\s+tâm|Chỉ\s+huy|Hội|Đoàn|Ủy\s+ban|Đ/c|Đồng\s+chí)\s+[^()]{2,80}?)\s*\)\s*[.;]?\s*$"
)
# '<Party> chủ trì (thực hiện) (các) chỉ tiêu <topic>' in running text.
# '<Party>: chủ trì theo dõi, tham mưu thực hiện các chỉ tiêu về …' (an item headed by its party).
_MORE_DUTY = r"(?:\s*,?\s*(?i:theo\s+dõi|tham\s+mưu|thực\s+hiện|đôn\s+đốc|triển\s+khai))*"
_ASSIGNMENT = re.compile(
    rf"(?:^(?:\(?\d{{1,2}}[.)]\s*|[-+•]\s*)?|[,;:]\s+|(?i:\bgiao\s+|\bđồng\s+thời\s+))"
    rf"(?P<party>[{_UPPER}][^,;:.()]{{2,60}}?)\s*:?\s+{_DUTY}{_MORE_DUTY}\s+"
    r"(?i:(?:các\s+|những\s+)?chỉ\s+tiêu(?:\s+về)?)\s+"
)
# '(trừ các chỉ tiêu về y tế, dân số)': what a topic leaves out.
_EXCEPT = re.compile(
    r"\(?\s*(?i:trừ|ngoại\s+trừ|không\s+kể|không\s+bao\s+gồm)\s+(?i:(?:các\s+|những\s+)?chỉ\s+tiêu\s+)?"
    r"(?i:về\s+)?(?P<what>[^()]*)\)?\s*$"
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[" + _UPPER + r"])")

# A field named in a topic and the words of the indicators that belong to it.
_FIELDS: dict[str, tuple[str, ...]] = {
    "nong nghiep": (
        "lua",
        "ngo",
        "rau",
        "gieo",
        "cay trong",
        "chan nuoi",
        "nang suat",
        "hoa mau",
        "luong thuc",
        "gia suc",
    ),
    "thuy san": ("thuy san", "nuoi trong", "danh bat"),
    "y te": ("bao hiem y te", "tiem chung", "dinh duong", "tram y te", "kham chua benh"),
    "giao duc": ("truong", "hoc sinh", "pho cap"),
    "an ninh": ("toi pham", "pham phap", "ma tuy", "tai nan giao thong"),
    "dan so": ("dan so", "ty suat sinh", "sinh con", "gioi tinh khi sinh", "ke hoach hoa gia dinh"),
}
_STOP = frozenset(
    {"cac", "chi", "tieu", "ve", "cua", "va", "cho", "thuc", "hien", "ty", "le", "so", "tren", "dia", "ban"}
)


_REFERENCE = re.compile(r"^(?:này|trên|nói\s+trên|đó)\b", re.IGNORECASE)
_BACK = "\x00"  # marks a topic that is the clause the reference points back to


# 'Tỷ lệ hộ nghèo — dưới 1,6% — Phòng VH-XH': name, figure and the unit in charge set apart
# by dashes; the part after the figure is a party when it opens with a unit or officer.
_DASH = re.compile(r"\s+[—–-]\s+|\s*[—–]\s*")
_PARTY_OPENING = re.compile(
    r"^(?:phong|tram|cong an|ban|cong chuc|can bo|van phong|bo phan|trung tam|chi huy|hoi|doan|"
    r"uy ban|ubnd|dc|d c|dong chi|truong|mttq|ubmttq|hop tac xa|htx)\b(?! hanh\b)"
)


def _dash_party(text: str) -> tuple[str, str | None]:
    for m in _DASH.finditer(text):
        left, right = text[: m.start()], text[m.end() :].strip(" .;")
        if not re.search(r"\d", left) or re.search(r"\d", fold(right).replace("/", " ")[:1]):
            continue
        if len(right.split()) <= 14 and _PARTY_OPENING.match(fold(right)):
            return left.strip(), right
    return text, None


def party_after_item(text: str) -> tuple[str, str | None]:
    """The item's text without '(X chủ trì)' or a closing '— X', and X."""
    m = _AFTER_ITEM.search(text) or _UNIT_AFTER_ITEM.search(text)
    if m is None:
        return _dash_party(text)
    return (text[: m.start()] + text[m.end() :]).strip(), m.group("party").strip()


def assignments(text: str) -> list[tuple[str, str]]:
    """[(party, topic)] stated in a paragraph of running text."""
    out: list[tuple[str, str]] = []
    for sentence in _SENTENCE.split(text):
        marks = list(_ASSIGNMENT.finditer(sentence))
        for m, nxt in zip(marks, [*marks[1:], None], strict=False):
            end = nxt.start() if nxt else len(sentence)
            topic = re.split(r"[;.]", sentence[m.end() : end])[0].strip(" ,")
            if _REFERENCE.match(topic):
                # 'chủ trì thực hiện chỉ tiêu này': the clause before names it
                topic = _BACK + re.split(r"[;]", sentence[: m.start()])[-1]
            party = re.sub(r"^(?:giao|đồng\s+thời)\s+", "", m.group("party").strip(), flags=re.IGNORECASE)
            out.append((party, topic))
    return out


def assign(indicators: list[Indicator], stated: list[tuple[str, str]]) -> None:
    """Give each indicator without a responsible party the one whose topic covers it: by its
    name first ('chỉ tiêu bảo hiểm y tế, dân số'), then by its group ('các chỉ tiêu về kinh tế
    và môi trường' -> the indicators under 'Về kinh tế' and 'Về môi trường'), so a unit named for
    a few indicators keeps them when another is given the whole field ('… (trừ các chỉ tiêu về
    y tế)' leaves those out)."""
    by_group: list[tuple[str, list[str], list[str]]] = []
    for party, topic in stated:
        if topic.startswith(_BACK):
            clause = _expand(topic[1:])
            named = [ind for ind in indicators if not ind.responsible and _expand(ind.name) in clause]
            for ind in named[-1:]:
                ind.responsible = party
            continue
        topic, excluded = _split_except(topic)
        phrases = _phrases(topic)
        fields = [p for p in phrases if any(_names_group(p, ind.group) for ind in indicators)]
        by_group.append((party, fields, excluded))
        by_name = [p for p in phrases if p not in fields]
        for ind in indicators:
            if ind.responsible or _left_out(ind, excluded):
                continue
            if any(_covers(p, ind.name) for p in by_name):
                ind.responsible = party
    for party, fields, excluded in by_group:
        for ind in indicators:
            covered = any(_names_group(p, ind.group) for p in fields)
            if covered and not ind.responsible and not _left_out(ind, excluded):
                ind.responsible = party


def _phrases(topic: str) -> list[str]:
    return [p.strip() for p in re.split(r",\s*|\s+và\s+", topic) if p.strip()]


def _split_except(topic: str) -> tuple[str, list[str]]:
    """'văn hóa - xã hội (trừ các chỉ tiêu về y tế, dân số)' -> ('văn hóa - xã hội', ['y tế', 'dân số'])."""
    m = _EXCEPT.search(topic)
    if m is None:
        return topic, []
    return topic[: m.start()].strip(" ,"), _phrases(m.group("what"))


def _left_out(ind: Indicator, excluded: list[str]) -> bool:
    return any(_covers(x, ind.name) or _names_group(x, ind.group) for x in excluded)


# What heads a group without naming its field: 'A.', 'II.', 'Về', 'Chỉ tiêu (về)', 'Lĩnh vực'.
_GROUP_HEAD = re.compile(
    r"^(?:(?:[ivx]{1,4}|[a-z]|\d{1,2})\s*[.)\-]\s*)?(?:(?:nhom\s+)?(?:cac\s+)?chi\s+tieu\s+)?"
    r"(?:(?:ve|thuoc|trong)\s+)?(?:(?:trong\s+)?linh\s+vuc\s+)?"
)


def _field_words(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _names_group(phrase: str, group: str | None) -> bool:
    """'kinh tế' names the group 'Về kinh tế' / 'A. CHỈ TIÊU KINH TẾ'; 'môi trường' one field of
    'Chỉ tiêu môi trường, đô thị'."""
    if not group:
        return False
    p = _field_words(_GROUP_HEAD.sub("", fold(phrase).strip()))
    g = re.sub(r"\(\s*\d+\s+chi\s+tieu\s*\)", "", _GROUP_HEAD.sub("", fold(group).strip()))
    if not p:
        return False
    return p == _field_words(g) or any(p == _field_words(part) for part in re.split(r",|\s+va\s+", g))


def _expand(text: str) -> str:
    f = " " + fold(text) + " "
    for short, long in folded_abbreviations().items():
        f = f.replace(f" {short} ", f" {long} ")
    return " ".join(f.split())


def _covers(phrase: str, name: str) -> bool:
    p, n = _expand(phrase), _expand(name)
    for field_name, field_words in _FIELDS.items():
        if field_name in p and any(re.search(rf"\b{w}\b", n) for w in field_words):
            return True
    words = p.split()
    content = [w for w in words if w not in _STOP]
    if len(content) == 1 < len(words):
        content = words  # 'dân số' is not 'dân'
    if not content:
        return False
    name_words = set(n.split())
    return sum(w in name_words for w in content) / len(content) >= 0.75
