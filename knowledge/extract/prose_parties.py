"""Responsible parties that prose names for its targets.

After an item: '… 12.500 triệu đồng (Bộ phận Tài chính chủ trì).', or a unit or
officer alone in the brackets closing it ('… 45% (Trạm Y tế xã)'). In a sentence
of its own: 'Trạm Y tế xã chịu trách nhiệm chỉ tiêu bảo hiểm y tế và dinh dưỡng
trẻ em', 'giao Công an phường chủ trì thực hiện chỉ tiêu kéo giảm tội phạm'. The
topic after 'chỉ tiêu' is matched to the indicators' names by their words
(abbreviations spelt out) or by the field it names ('nông nghiệp', 'thủy sản')."""

from __future__ import annotations

import re

from knowledge.lexicon import folded_abbreviations
from knowledge.model import Indicator
from knowledge.text import fold

_DUTY = (
    r"(?i:(?:được\s+giao\s+)?(?:chủ\s+trì|chịu\s+trách\s+nhiệm|phụ\s+trách|theo\s+dõi)(?:\s+thực\s+hiện)?)"
)
_UPPER = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈÍÓÚÝẤẦẨẪẬẮẰẲẴẶẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰ"

# '(Trạm Y tế thị trấn chủ trì)' closing an item.
_AFTER_ITEM = re.compile(rf"\(\s*(?i:do\s+)?(?P<party>[{_UPPER}][^()]{{2,80}}?)\s+{_DUTY}\s*\)")
# '… 45,6% (Phòng Kinh tế)': a bare unit or officer in brackets closing the item.
_UNIT_AFTER_ITEM = re.compile(
    r"\(\s*(?P<party>(?:Phòng|Trạm|Công\s+an|Ban(?!\s+hành)|Công\s+chức|Cán\s+bộ|Văn\s+phòng|Bộ\s+phận|"
    r"Trung\s+tâm|Chỉ\s+huy|Hội|Đoàn|Ủy\s+ban|Đ/c|Đồng\s+chí)\s+[^()]{2,80}?)\s*\)\s*[.;]?\s*$"
)
# '<Party> chủ trì (thực hiện) (các) chỉ tiêu <topic>' in running text.
_ASSIGNMENT = re.compile(
    rf"(?:^|[,;:]\s+|(?i:\bgiao\s+|\bđồng\s+thời\s+))(?P<party>[{_UPPER}][^,;:.()]{{2,60}}?)\s+{_DUTY}\s+"
    r"(?i:(?:các\s+|những\s+)?chỉ\s+tiêu(?:\s+về)?)\s+"
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
}
_STOP = frozenset(
    {"cac", "chi", "tieu", "ve", "cua", "va", "cho", "thuc", "hien", "ty", "le", "so", "tren", "dia", "ban"}
)


_REFERENCE = re.compile(r"^(?:này|trên|nói\s+trên|đó)\b", re.IGNORECASE)
_BACK = "\x00"  # marks a topic that is the clause the reference points back to


def party_after_item(text: str) -> tuple[str, str | None]:
    """The item's text without '(X chủ trì)', and X."""
    m = _AFTER_ITEM.search(text) or _UNIT_AFTER_ITEM.search(text)
    if m is None:
        return text, None
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
            out.append((m.group("party").strip(), topic))
    return out


def assign(indicators: list[Indicator], stated: list[tuple[str, str]]) -> None:
    """Give each indicator without a responsible party the one whose topic covers it."""
    for party, topic in stated:
        if topic.startswith(_BACK):
            clause = _expand(topic[1:])
            named = [ind for ind in indicators if not ind.responsible and _expand(ind.name) in clause]
            for ind in named[-1:]:
                ind.responsible = party
            continue
        phrases = [p for p in re.split(r",\s*|\s+và\s+", topic) if p.strip()]
        for ind in indicators:
            if not ind.responsible and any(_covers(p, ind.name) for p in phrases):
                ind.responsible = party


def _expand(text: str) -> str:
    f = " " + fold(text) + " "
    for short, long in folded_abbreviations().items():
        f = f.replace(f" {short} ", f" {long} ")
    return " ".join(f.split())


def _covers(phrase: str, name: str) -> bool:
    p, n = _expand(phrase), _expand(name)
    for field_name, words in _FIELDS.items():
        if field_name in p and any(re.search(rf"\b{w}\b", n) for w in words):
            return True
    content = [w for w in p.split() if w not in _STOP]
    if not content:
        return False
    name_words = set(n.split())
    return sum(w in name_words for w in content) / len(content) >= 0.75
