"""Broad questions about a whole plan, and what a plan states about itself.

    ask = detect_broad(question)          # 'xã mình năm nay phấn đấu gì?' -> Broad(GOALS)
    stated = stated_facts(lines)          # '2. Các chỉ tiêu chủ yếu (28 chỉ tiêu)' -> {'indicators': 28, ...}
    verdict = progress_verdict(...)       # 'met' | 'not_met' | 'pending'

Pure: the caller passes the parsed question and the plan's lines; nothing here
touches a database. A broad question is recognised by its frame alone: once the
place, the year and the frame words are taken out, nothing (or only the name of
a group such as 'kinh tế') may be left — 'bao nhiêu chỉ tiêu' counts, 'chỉ tiêu
tuyển quân bao nhiêu' asks for one item and is left to the item search."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.lexicon import lower_is_better
from knowledge.model import Target
from knowledge.numbers import meets_target, progress_status
from knowledge.text import clean, fold, strip_diacritics

GOALS = "goals"  # the plan's main targets by group
COUNT = "count"  # how many targets
MET = "met"  # which targets are met
NOT_MET = "not_met"  # which are not
CHAIRMAN = "chairman"  # who chairs the commune (the plan's signer and leaders)
GROUP = "group"  # the targets of one group (a GOALS button)
COMPARE = "compare"  # one item in two places

# Words that frame a broad question (folded). What is left besides them, the place and
# the year decides: nothing -> the whole plan; group words -> one group; anything else ->
# an item question after all.
_FRAME = frozenset(
    [
        "xa",
        "phuong",
        "thi",
        "tran",
        "minh",
        "ta",
        "chung",
        "toi",
        "nam",
        "nay",
        "ke",
        "hoach",
        "kh",
        "cua",
        "trong",
        "co",
        "gom",
        "tat",
        "ca",
        "la",
        "gi",
        "nhung",
        "cac",
        "muc",
        "tieu",
        "chi",
        "chinh",
        "chu",
        "yeu",
        "quan",
        "trong",
        "bao",
        "nhieu",
        "may",
        "tong",
        "so",
        "luong",
        "nao",
        "chua",
        "da",
        "dat",
        "duoc",
        "khong",
        "hoan",
        "thanh",
        "ve",
        "cho",
        "biet",
        "hoi",
        "oi",
        "a",
        "vay",
        "the",
        "thi",
        "ra",
        "de",
        "phan",
        "dau",
        "sao",
        "nhu",
        "hien",
        "nay",
        "toi",
        "em",
        "roi",
        "ban",
        "dang",
        "con",
        "lai",
        "va",
        "vuot",
        "kt",
        "xh",
        "kinh",
        "te",
        "xa",
        "hoi",
        "phat",
        "trien",
        "ubnd",
        "uy",
        "ban",
        "nhan",
        "dan",
        "ai",
        "ten",
        "tich",
        "pho",
        "dong",
        "chi",
        "ong",
        "ba",
        "nguoi",
        "lanh",
        "dao",
        "hien",
        "giu",
        "chuc",
    ]
)
GROUP_WORDS = frozenset(
    [
        "kinh",
        "te",
        "van",
        "hoa",
        "xa",
        "hoi",
        "moi",
        "truong",
        "quoc",
        "phong",
        "an",
        "ninh",
        "trat",
        "tu",
        "pccc",
        "y",
        "giao",
        "duc",
        "nong",
        "nghiep",
    ]
)

_GOALS = re.compile(
    r"\bphan dau (?:dat )?(?:gi|nhung gi|cai gi|(?:nhung )?(?:muc tieu|chi tieu) (?:gi|nao))\b"
    r"|\bmuc tieu (?:chinh |chu yeu |chung |lon )?(?:(?:cua )?nam nay|nam 20\d\d|la gi|gom (?:nhung )?gi|gi)\b"
    r"|\b(?:nhung|cac) (?:chi tieu|muc tieu) (?:chinh|chu yeu|quan trong|lon)\b"
    r"|\bchi tieu chu yeu\b|^muc tieu$|\bke hoach (?:nam nay )?(?:co )?(?:nhung )?(?:muc tieu|chi tieu) (?:gi|nao)\b"
)
_COUNT = re.compile(
    r"\b(?:bao nhieu|may|tong (?:cong )?(?:bao nhieu|so)|so luong|tong so) (?:chi tieu|muc tieu)\b"
)
_NOT_MET = re.compile(
    r"\b(?:chi tieu|muc tieu)(?: nao| gi)?(?: van)? (?:chua|khong|chang) (?:dat|hoan thanh|xong)\b"
    r"|\b(?:chua|khong) dat (?:duoc )?(?:nhung |cac )?(?:chi tieu|muc tieu)\b"
)
_MET = re.compile(
    r"\b(?:chi tieu|muc tieu)(?: nao| gi)? (?:da )?(?:dat|hoan thanh|vuot)(?: duoc)?(?: roi)?\b"
    r"|\bda dat (?:duoc )?(?:nhung |cac )?(?:chi tieu|muc tieu)\b"
)
_ASKS_WHICH = re.compile(r"\b(?:nao|nhung|cac|gi|bao nhieu|may)\b")
_CHAIRMAN = re.compile(
    r"\b(?:ai|nguoi nao|ong nao|ba nao) (?:la |lam |dang la |hien la )?(?:pho )?chu tich\b"
    r"|\b(?:pho )?chu tich(?: ubnd| uy ban nhan dan)?(?: xa| phuong| thi tran)?(?: \w+){0,3} (?:la ai|ten (?:la )?gi|ten gi)\b"
)
_GROUP = re.compile(r"^chi tieu nhom (?P<group>.+)$")
_COMPARE = re.compile(r"\bso sanh\b|\bso voi\b|\bkhac (?:gi|nhau)\b")


@dataclass(frozen=True)
class Broad:
    kind: str
    vice: bool = False  # CHAIRMAN: 'phó chủ tịch'
    group: str | None = None  # folded group words the question names ('kinh te')


def residual(terms: list[str]) -> list[str]:
    """The folded words left once the frame of a broad question is taken out."""
    return [w for w in terms if w not in _FRAME and not w.isdigit()]


def detect_broad(folded: str, terms: list[str]) -> Broad | None:
    """The broad question `folded` asks, or None. `terms` are its folded content words
    without the place and the year."""
    q = folded.strip()
    if m := _GROUP.match(q):
        return Broad(GROUP, group=m.group("group"))
    rest = residual(terms)
    group_words = [w for w in rest if w in GROUP_WORDS]
    if len(group_words) != len(rest):
        if _CHAIRMAN.search(q) and not _asks_item_of_chairman(q):
            return Broad(CHAIRMAN, vice=" pho chu tich" in f" {q}")
        return None
    group = " ".join(group_words) or None
    if _CHAIRMAN.search(q):
        return Broad(CHAIRMAN, vice=" pho chu tich" in f" {q}")
    if _NOT_MET.search(q):
        return Broad(NOT_MET, group=group)
    if _MET.search(q) and _ASKS_WHICH.search(q):
        return Broad(MET, group=group)
    if _COUNT.search(q):
        return Broad(COUNT, group=group)
    if _GOALS.search(q):
        return Broad(GOALS, group=group)
    return None


def _asks_item_of_chairman(q: str) -> bool:
    """'chủ tịch chỉ đạo những việc gì' asks for items, not for a person."""
    return bool(re.search(r"\b(?:viec|nhiem vu|chi tieu|phu trach|chi dao|chu tri)\b", q))


def names_comparison(folded: str) -> bool:
    """'so sánh …', 'so với …': a comparison even when one place is left unsaid."""
    return bool(_COMPARE.search(folded))


def is_comparison(folded: str) -> bool:
    return bool(_COMPARE.search(folded)) or bool(re.search(r"\b(?:va|voi)\b", folded))


# ---------------------------------------------------------------- what a plan states

# '2. Các chỉ tiêu chủ yếu (28 chỉ tiêu)', 'Chỉ tiêu chủ yếu: (23 chỉ tiêu)'
_MAIN_COUNT = re.compile(r"chi tieu(?: chu yeu| chinh)?\s*:?\s*\(\s*0?(\d{1,3})\s*chi tieu\s*\)")
# 'đạt và vượt 15/20 chỉ tiêu', 'hoàn thành 15/20 chỉ tiêu'
_ACHIEVED = re.compile(r"\b(?:dat|vuot|hoan thanh)\b[^.;]{0,20}?\b(\d{1,3})\s*/\s*(\d{1,3})\s*chi tieu\b")
# 'Hệ thống 28 chỉ tiêu', 'Trên cơ sở 28 chỉ tiêu': a bare total when no heading states one
_BARE_TOTAL = re.compile(r"\b(?:he thong|tren co so|thuc hien|dat va vuot|gom|co)\s+(\d{1,3})\s+chi tieu\b")


def stated_facts(lines: list[str]) -> dict[str, object]:
    """What a plan says about its own targets and signature: the number of main targets
    it states ('28 chỉ tiêu' and the heading that says so), the groups it counts, a
    stated achievement ('15/20 chỉ tiêu'), and whether the signer signs as the chairman
    or on his behalf (KT. CHỦ TỊCH -> a vice-chairman)."""
    out: dict[str, object] = {}
    for raw in lines:
        text = clean(raw)
        f = strip_diacritics(text).lower().replace("đ", "d")
        if "indicators" not in out and (m := _MAIN_COUNT.search(f)):
            out["indicators"], out["indicators_line"] = int(m.group(1)), text[:160]
            continue
        if "achieved" not in out and (m := _ACHIEVED.search(f)) and int(m.group(1)) <= int(m.group(2)):
            out["achieved"] = [int(m.group(1)), int(m.group(2))]
        if "bare_total" not in out and (m := _BARE_TOTAL.search(f)):
            out["bare_total"] = int(m.group(1))
    if "indicators" not in out and "bare_total" in out:
        out["indicators"] = out["bare_total"]
    out.pop("bare_total", None)
    title = signer_title(lines)
    if title:
        out["signer_title"] = title
    return out


def signer_title(lines: list[str]) -> str | None:
    """'Chủ tịch' when the plan is signed 'TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH', 'Phó Chủ tịch'
    when 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH' (read from the last signature block)."""
    found = None
    for raw in lines:
        s = clean(raw).strip(" *_")
        if not s or len(s) > 40 or not s.isupper():
            continue
        t = fold(s).upper()
        if re.search(r"\bPHO CHU TICH$", t) or re.fullmatch(r"KT\.?\s*CHU TICH", t):
            found = "Phó Chủ tịch"
        elif re.fullmatch(r"(?:TM\.?\s*)?(?:UY BAN NHAN DAN\s*)?CHU TICH", t):
            found = "Chủ tịch"
    return found


# ---------------------------------------------------------------- met or not

_NOT_YET = re.compile(
    r"\b(?:chua dat|khong dat|chua hoan thanh|khong hoan thanh|dang tiep tuc|dang thuc hien|dang trien khai|chua thuc hien)\b"
)
_NO_RESULT = re.compile(r"\bchua co (?:ket qua|so lieu)\b")
_MET_WORDS = re.compile(r"\b(?:dat|vuot|hoan thanh)(?: chi tieu| ke hoach| kh)?\b")
_OF_PLAN = re.compile(r"%\s*(?:kh|ke hoach)\b")


def progress_verdict(
    name: str,
    target: float | None,
    comparator: str | None,
    target_max: float | None,
    value: float | None,
    value_text: str | None,
    assessment: str | None,
    status: str | None,
) -> str:
    """'met', 'not_met' or 'pending' (no result yet) for a target's latest record. The
    plan's own assessment ('Đạt chỉ tiêu KH', 'Đang tiếp tục thực hiện') decides first;
    else the figure against the target in the target's direction ('dưới 7,6%' is met by
    7,5%); a figure given as a share of the plan ('đạt 58,5% KH') is met from 100 on."""
    words = fold(" ".join(filter(None, (assessment, status)))).lower()
    said = progress_status(assessment) or (
        status if status in ("met", "done", "not_met", "not_done") else None
    )
    if _NO_RESULT.search(words) or _NO_RESULT.search(fold(value_text or "").lower()):
        return "pending"
    if _NOT_YET.search(words) or said in ("not_met", "not_done", "in_progress", "not_started"):
        return "not_met"
    if said in ("met", "done") or _MET_WORDS.search(words):
        return "met"
    if value is None:
        return "pending"
    if _OF_PLAN.search(fold(value_text or "").lower()):
        return "met" if value >= 100 else "not_met"
    if target is None or comparator == "status":
        return "pending"
    goal = Target(value=target, comparator=comparator or "=", max_value=target_max)
    # the one direction rule of every answer, card, report and chart (knowledge/lexicon.py)
    met = meets_target(value, goal, lower_is_better(name, comparator))
    if met is None:
        return "pending"
    return "met" if met else "not_met"
