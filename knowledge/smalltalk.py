"""Messages that are not questions about the plans: greetings, thanks, goodbyes, and
questions outside them (weather, civil registration, administrative procedures), plus
messages written in English. Told apart before any search, so 'cảm ơn' is never
answered with 'Có phải bạn muốn hỏi: «Thịt gia súc, gia cầm»?'.

Pure: folded text in, a `Talk` out (the engine words the reply with knowledge.answer_text)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.text import fold

GREETING = "greeting"
THANKS = "thanks"
GOODBYE = "goodbye"
WEATHER = "weather"
CIVIL = "civil_registration"
PROCEDURE = "procedure"
ENGLISH = "english"  # an English message that is none of the above
SMALL_TALK = (GREETING, THANKS, GOODBYE)
OUT_OF_SCOPE = (WEATHER, CIVIL, PROCEDURE)


@dataclass(frozen=True)
class Talk:
    kind: str
    english: bool = False  # written in English: the Vietnamese reply gets one English line


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A whole message of these words (any order, folded) is small talk; a single other word
# ('chào bạn, tỷ lệ hộ nghèo?') makes it a question.
_KIND_WORDS: dict[str, tuple[str, ...]] = {
    GREETING: (
        "xin chao",
        "chao",
        "chao buoi sang",
        "chao buoi chieu",
        "chao buoi toi",
        "alo",
        "a lo",
        "hello",
        "hi",
        "hey",
        "good morning",
        "good afternoon",
        "good evening",
    ),
    THANKS: (
        "cam on",
        "cam ong",
        "cam on nhieu",
        "xin cam on",
        "thanks",
        "thank you",
        "thank",
        "thx",
        "tks",
        "ok",
        "oke",
        "okay",
        "vang",
        "da",
        "duoc roi",
        "hay qua",
        "tot qua",
        "tuyet voi",
    ),
    GOODBYE: ("tam biet", "hen gap lai", "bye", "goodbye", "bye bye"),
}
# Words that go with small talk without changing it: who is addressed, politeness, laughter.
_FILLER = _words(
    "a ak nhe nha nhen nhi ban bot planbot ad admin anh chi em co chu bac ong ba moi nguoi"
    " rat nhieu lam you very much so nhe nhi hihi haha hehe :) vay"
)

# Outside the plans. A message naming what the plans hold ('tỷ lệ', 'chỉ tiêu', 'phụ
# trách' …) is a plan question even when it says 'hộ tịch' or 'thủ tục hành chính'
# ('các nhiệm vụ của công chức Tư pháp - Hộ tịch', 'tỷ lệ hồ sơ thủ tục hành chính trực tuyến').
_PLAN_WORDS = re.compile(
    r"\b(?:chi tieu|nhiem vu|ke hoach|muc tieu|ty le|ti le|tien do|phu trach|chu tri|chi dao|phoi hop"
    r"|cong chuc|can bo|bo phan|don vi|giao cho|bao cao|han chot|thoi han|ket qua|so luong|bao nhieu phan tram"
    r"|ai lam|viec cua|giai doan|nam 20\d\d|thuc hien|co quan nao|don vi nao|thu ngan sach|thue|cai cach)\b"
)
_WEATHER = re.compile(
    r"\b(?:thoi tiet|du bao thoi tiet|nhiet do|do am|troi (?:co )?(?:mua|nang|lanh|nong|dep|ret)"
    r"|co mua|mua khong|nang khong|bao so \d+|weather|rain|temperature)\b"
)
_CIVIL = re.compile(
    r"\b(?:ho tich|khai sinh|giay sinh|khai tu|ket hon|ly hon|ly di|tinh trang hon nhan|nhan cha|nhan con"
    r"|cai chinh ho tich|birth certificate|marriage)\b"
)
_PROCEDURE = re.compile(
    r"\b(?:thu tuc|ho so (?:gom|can|xin|de)|giay to (?:gi|can|gom)|can (?:nhung )?giay to|nop o dau|lam o dau"
    r"|mat (?:bao nhieu )?le phi|le phi (?:lam|cap|dang ky)"
    r"|xin giay|xin cap|cap lai|cap doi|lam giay|cap so do|lam so do|so hong|giay chung nhan quyen su dung dat|giay phep xay dung"
    r"|dang ky (?:xe|kinh doanh|ho kinh doanh)|can cuoc|cccd|cmnd|chung minh nhan dan|ho khau|tam tru"
    r"|thuong tru|tam vang|ho chieu|chung thuc|sao y|procedure|how (?:do|can) i (?:apply|register|get))\b"
)

# English: words that are not also Vietnamese syllables typed without marks ('to', 'an',
# 'do', 'the', 'me' are), so an unaccented Vietnamese question is never taken for English.
_ENGLISH_WORDS = _words(
    "what what's whats is are was this that these those who whom whose which where when why how"
    " hello hi hey thanks thank you your yours please help can could would should does did i i'm"
    " im we our they it it's its of for with about from into bot chatbot plan plans planning"
    " question questions answer information info tell know want need there here and or not"
    " poverty rate target targets weather today tomorrow english speak vietnamese work works"
    " good morning afternoon evening bye goodbye my show give list who's commune ward the in a on at"
    " rates percent much many"
)
_ENGLISH_SMALL = _words(
    "hello hi hey thanks thank you thx bye goodbye good morning afternoon evening okay very much bot"
)
_LATIN_WORD = re.compile(r"[a-z']+")


def classify(text: str | None) -> Talk | None:
    """What a message is when it is not a question about the plans; None for a question."""
    raw = (text or "").strip()
    folded = fold(raw)
    if not folded:
        return None
    kind = _small_talk(folded)
    english = is_english(raw) or (
        kind is not None and raw.isascii() and all(w in _ENGLISH_SMALL for w in folded.split())
    )
    if kind is None and not _PLAN_WORDS.search(folded):
        kind = _out_of_scope(folded)
    if kind is None and english:
        kind = ENGLISH
    return Talk(kind, english) if kind else None


def _small_talk(folded: str) -> str | None:
    words = folded.split()
    if len(words) > 8:
        return None
    found: list[str] = []
    i = 0
    while i < len(words):
        for size in (3, 2, 1):
            phrase = " ".join(words[i : i + size])
            kind = next((k for k, ws in _KIND_WORDS.items() if phrase in ws), None)
            if kind is not None:
                found.append(kind)
                i += size
                break
        else:
            if words[i] not in _FILLER:
                return None
            i += 1
    # 'chào, cảm ơn' thanks; 'ok tạm biệt' says goodbye
    for kind in (GOODBYE, THANKS, GREETING):
        if kind in found:
            return kind
    return None


def _out_of_scope(folded: str) -> str | None:
    if _WEATHER.search(folded):
        return WEATHER
    if _CIVIL.search(folded):  # 'thủ tục khai sinh': civil registration, at the same desk
        return CIVIL
    if _PROCEDURE.search(folded):
        return PROCEDURE
    return None


def is_english(text: str) -> bool:
    """Most words English ones, none with Vietnamese letters ('Hello, what is this bot?')."""
    lowered = text.lower()
    if not lowered.isascii():
        return False
    words = _LATIN_WORD.findall(lowered)
    known = [w for w in words if w in _ENGLISH_WORDS]
    # one word alone ('help', 'plan') is too little to tell; 'hello' is small talk anyway
    return len(known) >= 2 and len(known) >= 0.6 * len(words)
