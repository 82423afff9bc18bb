"""Prose duties per unit: who must do what under 'Tổ chức thực hiện'.

Two shapes occur:
* inline — '5.1. Phòng Kinh tế, Hạ tầng và Đô thị chủ trì, phối hợp …' or
  '2. Giao Văn phòng HĐND-UBND phường theo dõi, đôn đốc …': the unit phrase runs
  up to its first duty verb, the rest is the duty;
* heading — '5. Văn phòng UBND phường' alone on its line, the duty in the
  paragraphs below it (until the next numbered item).
One numbered item may assign several units, clause by clause ('…; Trưởng các
ban, ngành … phân công nhiệm vụ …'). Inside the 'Tổ chức thực hiện' part every
numbered item or bullet opening on a unit counts; elsewhere a numbered item
counts only when the unit 'chủ trì' / 'tham mưu' or heads its own sub-section, or
when a leader is given whole fields ('Đồng chí X - Phó Chủ tịch: chỉ đạo lĩnh vực y tế')."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.extract.lines import Paragraph, paragraphs
from knowledge.model import Document, UnitDuty
from knowledge.text import clean, fold

_NUMBERED = re.compile(r"^(?:\(?\d{1,2}(?:\.\d{1,2}){0,3}\s*[.):]?|[IVX]{1,4}[.)]|[a-zđ]\))\s*")
_BULLET = re.compile(r"^[-+•–]\s*")
_SECTION_TCTH = re.compile(r"^(?:[IVX]+|[A-Z]|\d+)?[.\-)\s]*TỔ\s+CHỨC\s+THỰC\s+HIỆN\b", re.IGNORECASE)
_SECTION_END = re.compile(
    r"^(?:Nơi\s+nhận|PHỤ\s+LỤC|Biểu\s+số|TM\.|KT\.|ỦY\s+BAN\s+NHÂN\s+DÂN|UỶ\s+BAN\s+NHÂN\s+DÂN|CỘNG\s+HÒA|Trên\s+đây)",
    re.IGNORECASE,
)
_MAJOR_HEADING = re.compile(r"^(?:[IVX]{1,4}|[A-Z])[.\-)]\s")

# Folded openings of a unit phrase ('Phòng …', 'Trưởng các ban …', 'Các đồng chí Phó Chủ tịch …').
_UNIT_HEADS = (
    "phong ",
    "ban ",
    "van phong",
    "bo phan",
    "cong an",
    "tram y te",
    "trung tam",
    "to ",
    "doi ",
    "hieu truong",
    "truong ",
    "thu truong",
    "cac dong chi",
    "dong chi",
    "uy ban mat tran",
    "uy ban mttq",
    "ub mttq",
    "mttq",
    "mat tran",
    "ke toan",
    "hoi ",
    "doan ",
    "chu tich",
    "pho chu tich",
    "cac ban",
    "cac co quan",
    "cac don vi",
    "cac phong",
    "cac to",
    "cac truong",
    "cac hop tac xa",
    "lanh dao",
    "thanh vien",
    "cong chuc",
    "can bo",
    "hop tac xa",
    "quy tin dung",
    "chi huy",
)
_LEAD_IN = re.compile(
    r"^(?:(?:UBND|Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân)\s+\S+\s+(?:[\wÀ-ỹ]+\s+){0,2}?)?"
    r"(Giao\s+cho|Giao|Đề\s+nghị|Yêu\s+cầu|Phân\s+công|Trách\s+nhiệm\s+của|Nhiệm\s+vụ\s+của)\s+",
    re.IGNORECASE,
)
_INNER_LEAD_IN = re.compile(r"\b(?:giao|đề\s+nghị|yêu\s+cầu|phân\s+công)\s+", re.IGNORECASE)
# The unit phrase ends where its duty starts.
# What a unit does, written right after its name: where the name ends ('Phòng Kinh tế chủ trì,
# …'). The outline reader ends a unit's name broken over two lines at these too (extract/outline.py).
UNIT_VERBS: tuple[str, ...] = (
    "chủ trì",
    "tham mưu",
    "phối hợp",
    "chỉ đạo",
    "theo dõi",
    "thực hiện",
    "có trách nhiệm",
    "chịu trách nhiệm",
    "xây dựng",
    "tổ chức",
    "triển khai",
    "tăng cường",
    "rà soát",
    "hướng dẫn",
    "kiểm tra",
    "đẩy mạnh",
    "báo cáo",
    "nghiên cứu",
)
# and those only a duty's own line ends it at (a heading's next line may begin with them)
_DUTY_ONLY_VERBS = (
    "căn cứ",
    "phân công",
    "thường xuyên",
    "chủ động",
    "làm chủ",
    "nâng cao",
    "đảm bảo",
    "duy trì",
    "theo chức năng",
    "được giao",
    "quản lý",
    "đôn đốc",
    "bố trí",
    "cụ thể hóa",
    "trực tiếp",
    "tuyên truyền",
    "vận động",
    "giám sát",
    "tập trung",
    "hoàn thành",
    "tiếp tục",
    "giải quyết",
    "cập nhật",
    "tổng hợp",
    "phát động",
    "lập kế hoạch",
)
_NOT_AFTER = {"xây dựng": r"(?<!tư\s)"}  # 'đầu tư xây dựng' is what a unit does no more than its name


def _verb_pattern(verb: str) -> str:
    return _NOT_AFTER.get(verb, "") + r"\s+".join(verb.split())


_DUTY_VERB = re.compile(
    r"\s+(?:" + "|".join(map(_verb_pattern, UNIT_VERBS + _DUTY_ONLY_VERBS)) + r")\b|\s*[:;.]"
)  # case-sensitive: a capitalised 'Xây dựng' / 'Kiểm tra' / 'Quản lý' belongs to a unit's name
_LEADS_OR_ADVISES = re.compile(r"^\s*(?:chủ\s+trì|tham\s+mưu)", re.IGNORECASE)
# '3. Đồng chí X - Phó Chủ tịch UBND phường: chỉ đạo lĩnh vực văn hóa - xã hội, y tế': a leader
# given whole fields. Given indicators by number ('… (chỉ tiêu 1, 2, 5)') it is the indicators' leader.
_PERSON = re.compile(r"^(?:đồng\s+chí|đ/c|(?:phó\s+)?chủ\s+tịch)\b", re.IGNORECASE)
_LEADS_FIELDS = re.compile(r"^\s*(?:lãnh\s+đạo,?\s+)?(?:chỉ\s+đạo|phụ\s+trách)\b", re.IGNORECASE)
_BY_NUMBER = re.compile(r"chỉ\s+tiêu\s+(?:số\s+)?\(?\d", re.IGNORECASE)
_SUMMARY_CHARS = 400


@dataclass
class _Found:
    unit: str
    summary: str
    line_no: int


def _is_unit_start(text: str) -> bool:
    f = fold(text)
    return any(
        f.startswith(h.strip()) and (len(f) == len(h.strip()) or f[len(h.strip())] == " ")
        for h in _UNIT_HEADS
    )


def _split_unit(text: str) -> tuple[str, str] | None:
    """('Phòng Văn hóa - Xã hội', 'chủ trì, phối hợp …') from an item's text without its number."""
    lead = _LEAD_IN.match(text)
    prefix = ""
    if lead:
        if fold(lead.group(1)).startswith("de nghi"):
            prefix = "(Đề nghị) "
        text = text[lead.end() :]
    if not _is_unit_start(text):
        return None
    verb = _DUTY_VERB.search(text)
    unit = text[: verb.start()] if verb else text
    duty = text[verb.start() :] if verb else ""
    unit = unit.strip(" ,.:;")
    if not unit or len(unit) > 250:
        return None
    duty = re.sub(r"\s*\./\.$", ".", duty.lstrip(" ,.:;").rstrip(" ,:;"))
    return unit[:1].upper() + unit[1:], prefix + _capitalise(duty)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _first_sentences(text: str, limit: int = _SUMMARY_CHARS) -> str:
    """The text up to the last sentence end within `limit` characters (or cut at a word)."""
    text = re.sub(r"\*+", "", clean(text))  # markdown emphasis
    if len(text) <= limit:
        return text.rstrip(" ;,") if text.endswith((";", ",")) else text
    cut = max(text.rfind(". ", 0, limit), text.rfind("; ", 0, limit))
    if cut > limit // 3:
        return text[: cut + 1].rstrip(";") + ("" if text[cut] == "." else ".")
    return text[: text.rfind(" ", 0, limit)] + " …"


def _strip_number(text: str) -> tuple[str, bool, bool]:
    """(text without its item mark, numbered?, bullet?)."""
    m = _NUMBERED.match(text)
    if m and m.end() > 0 and re.match(r"^\(?\d|^[IVX]|^[a-zđ]\)", text):
        return text[m.end() :], True, False
    b = _BULLET.match(text)
    if b:
        return text[b.end() :], False, True
    return text, False, False


def _body(paras: list[Paragraph], start: int) -> tuple[str, int]:
    """Text of the paragraphs after a heading-form unit, up to the next numbered item."""
    parts: list[str] = []
    i = start
    while i < len(paras):
        t = paras[i].text
        rest, numbered, bullet = _strip_number(t)
        if numbered or _SECTION_END.match(t) or _SECTION_TCTH.match(t) or paras[i].heading:
            break
        if bullet and (split := _split_unit(rest)) and split[1]:
            break  # '- Công an xã: …' assigns the next unit
        parts.append(_BULLET.sub("", t))
        i += 1
    firsts = [_first_sentences(p, 160) for p in parts]
    return _first_sentences(" ".join(firsts)), i


def _clauses_with_units(text: str) -> list[tuple[str, str]]:
    """Units assigned clause by clause inside one item."""
    out: list[tuple[str, str]] = []
    carry = ""  # a list of units may itself be separated by ';'
    for raw in (c.strip() for c in text.split(";")):
        clause = f"{carry}, {raw}" if carry else raw
        carry = ""
        found = _split_unit(clause)
        if found and not found[1]:
            carry = clause
            continue
        if found is None:
            inner = _INNER_LEAD_IN.search(clause)
            if inner and inner.start() < 120:
                found = _split_unit(clause[inner.end() :])
        if found:
            out.append(found)
        elif out:
            # a clause without a unit continues the previous unit's duty
            unit, duty = out[-1]
            out[-1] = (unit, f"{duty}; {clause}" if duty else _capitalise(clause))
    if carry:
        found = _split_unit(carry)
        if found:
            out.append(found)
    return out


def extract(doc: Document) -> list[UnitDuty]:
    paras = paragraphs(doc)
    found: list[_Found] = []
    in_tcth = False
    i = 0
    while i < len(paras):
        para = paras[i]
        text = para.text.strip("*# ")
        if len(text) < 80 and _SECTION_TCTH.match(text):
            in_tcth = True
            i += 1
            continue
        if _SECTION_END.match(text) or (in_tcth and _MAJOR_HEADING.match(text)):
            in_tcth = False
        body, numbered, bullet = _strip_number(text)
        i += 1
        # inside 'Tổ chức thực hiện' an unnumbered 'Giao <unit> …' paragraph assigns too
        if not (numbered or (in_tcth and (bullet or _LEAD_IN.match(body)))):
            continue
        split = _split_unit(body)
        if split and not split[1].strip(" .:"):
            # heading form: the duty is in the paragraphs below
            summary, i = _body(paras, i)
            if summary and (in_tcth or len(body) < 120):
                found.append(_Found(split[0], summary, para.line_no))
            continue
        if in_tcth:
            for unit, duty in _clauses_with_units(body):
                found.append(_Found(unit, _first_sentences(duty), para.line_no))
            continue
        if (
            split
            and _PERSON.match(split[0])
            and _LEADS_FIELDS.match(split[1])
            and not _BY_NUMBER.search(body)
        ):
            found.append(_Found(split[0], _first_sentences(split[1]), para.line_no))
            continue
        if split and _LEADS_OR_ADVISES.match(split[1]):
            duty = split[1]
            if duty.endswith(":") or len(duty) < 120:
                more, i = _body(paras, i)
                duty = f"{duty.rstrip(':')}: {more}" if more else duty
            found.append(_Found(split[0], _first_sentences(duty), para.line_no))
    return _merge_same_unit(found)


def _merge_same_unit(found: list[_Found]) -> list[UnitDuty]:
    """One duty per unit: a unit named twice (a sub-section and 'Tổ chức thực hiện') gets both texts."""
    by_unit: dict[str, UnitDuty] = {}
    for f in found:
        key = fold(re.sub(r"^(?:các\s+)?đồng\s+chí\s+", "", f.unit, flags=re.IGNORECASE))
        if key in by_unit:
            duty = by_unit[key]
            duty.summary = _first_sentences(f"{duty.summary} {f.summary}", 2 * _SUMMARY_CHARS)
        else:
            by_unit[key] = UnitDuty(unit=f.unit, summary=f.summary, source_ref=f"line {f.line_no}")
    return list(by_unit.values())
