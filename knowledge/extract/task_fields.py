"""The fields that assign a task, read from a titled item of the prose: labelled ones
('Chỉ đạo: …', 'Chủ trì: …', 'Thời hạn: …') and clauses in brackets or after a ';'
('(Phòng Kinh tế chủ trì, hoàn thành Quý III/2026)'). Used by knowledge.extract.prose_tasks."""

from __future__ import annotations

import re
from typing import NamedTuple

from knowledge.numbers import fold_same_length

TRIM = " .;,:-–"

# Field labels (accent-free, lower case) and the role each fills; longer phrases are
# listed before the shorter ones they contain so the longest label wins.
_UNIT = r"(?:don vi|co quan|bo phan|cong chuc|can bo|nguoi|phong|to)"
_LABELS: list[tuple[str, str]] = [
    ("leader", r"(?:lanh dao|dong chi|d/c|nguoi)\s+(?:[a-z]+\s+){0,2}?(?:chi dao|phu trach)"),
    ("responsible", rf"{_UNIT}\s+(?:chu tri|thuc hien|tham muu)(?:\s+(?:thuc hien|tham muu))?"),
    ("charge", rf"{_UNIT}\s+phu trach"),
    ("coordinating", rf"(?:{_UNIT}\s+)?phoi hop(?:\s+thuc hien)?"),
    ("responsible", r"chu tri(?:\s+(?:thuc hien|tham muu))?"),
    ("responsible", r"tham muu(?:\s+thuc hien)?"),
    ("deadline", r"(?:thoi gian|thoi han|tien do)(?:\s+(?:hoan thanh|thuc hien))?"),
    ("deadline", r"han hoan thanh"),
    ("leader", r"chi dao(?:\s+thuc hien)?"),
    ("charge", r"phu trach"),
    ("leader", r"lanh dao"),
    # indicator records ('Đơn vị tính: tấn', 'Chỉ tiêu giao năm 2026: 2.650', 'Năm 2025 (ước): 610')
    ("indicator", r"don vi tinh|dvt|chi tieu(?:\s+(?:so\s+)?\d{1,2}|\s+giao)?(?:\s+nam\s+\d{4})?"),
    (
        "indicator",
        r"(?:muc tieu|ke hoach|ket qua)(?:\s+(?:nam\s+)?\d{4})?|thuc hien\s+(?:nam\s+)?\d{4}|chi so",
    ),
    ("indicator", r"uoc(?:\s+(?:thuc hien|dat|th))?(?:\s+nam\s+\d{4})?|nam\s+\d{4}(?:\s*\([^)]{0,20}\))?"),
    ("unit", r"don vi"),
]
# A space in a label stands for any white space: a label may be split over a line break.
_LABEL_RE = re.compile(
    r"(?<![a-z0-9/])(?:"
    + "|".join(f"(?P<g{i}>{p})".replace(" ", r"\s+") for i, (_, p) in enumerate(_LABELS))
    + r")\s*:"
)
# What may stand before a label that runs on in the same line: a sentence or list stop.
_LABEL_OPENERS = ".;(,-–+•*|"
# Leaders are people: 'Phụ trách: đ/c …' is a leader, 'Phụ trách: Phòng …' a unit.
_PERSON = re.compile(r"^(?:d/c|dong chi|ong|ba|chu tich|pho chu tich|pct|ct)\b")


class Field(NamedTuple):
    role: str  # 'leader', 'responsible', 'coordinating', 'deadline', 'indicator'
    value: str
    firm: bool  # a label that makes a work item a task ('Chủ trì', 'Thời hạn'; not 'Phụ trách')


def split_fields(text: str) -> tuple[str, list[Field]]:
    """'Title. Chỉ đạo: X. Chủ trì: Y' -> ('Title', [Field('leader', 'X', …), Field('responsible', 'Y', …)]).

    A label counts at the start of the text or after a sentence or list stop, so
    'tăng cường chỉ đạo: …' inside a sentence is not a field."""
    folded = fold_same_length(text)
    hits: list[tuple[int, int, str, bool]] = []  # (label start, value start, role, in brackets)
    for m in _LABEL_RE.finditer(folded):
        before = folded[: m.start()].rstrip(" \t")
        if before and before[-1] not in _LABEL_OPENERS + "\n":
            continue
        before = before.rstrip()
        role = next(_LABELS[i][0] for i in range(len(_LABELS)) if m.group(f"g{i}") is not None)
        hits.append((m.start(), m.end(), role, before.endswith("(")))
    if not hits:
        return _one_line(text), []
    head = _one_line(text[: hits[0][0]]).rstrip("(").strip(TRIM)
    fields: list[Field] = []
    for n, (_, start, role, bracketed) in enumerate(hits):
        end = hits[n + 1][0] if n + 1 < len(hits) else len(text)
        value = _one_line(text[start:end])
        if bracketed and ")" in value:
            value = value[: value.index(")")]
        value = _unbracket(value.strip().rstrip("(").strip(TRIM))
        settled = _settle_role(role, value)
        fields.append(
            Field(
                settled,
                value,
                role in ("deadline", "responsible") or (role == "unit" and settled == "responsible"),
            )
        )
    return head, fields


def _one_line(text: str) -> str:
    """The lines of a record re-joined: 'Phối\nhợp' -> 'Phối hợp'."""
    return " ".join(text.split()) if "\n" in text else text


def _unbracket(value: str) -> str:
    """Drop the ')' closing a bracket opened before the fields: '(Chủ trì: X; thời gian: Y)'."""
    while value.endswith(")") and value.count(")") > value.count("("):
        value = value[:-1].strip(TRIM)
    return value


def _settle_role(role: str, value: str) -> str:
    """'Phụ trách' names a leader or a unit; a bare 'Đơn vị' a unit in charge or of measure."""
    if role == "charge":
        return "leader" if _PERSON.match(fold_same_length(value)) else "responsible"
    if role == "unit":
        return "responsible" if value[:1].isupper() and len(value.split()) >= 2 else "indicator"
    return role


# --- assignments written as clauses ---------------------------------------------------------
# '(Đ/c X - PCT UBND xã chỉ đạo; Phòng Kinh tế chủ trì, phối hợp các thôn; hoàn thành Quý III/2026)':
# each clause names a role by a verb after the party ('… chỉ đạo', '… chủ trì') or a word before
# it ('phối hợp …', 'hoàn thành …', 'thời hạn …'); a clause naming no role goes on the one before.
_CLAUSE_AFTER: list[tuple[str, re.Pattern[str]]] = [
    ("leader", re.compile(r"\s+(?:truc tiep\s+)?chi dao(?:\s+thuc hien)?$")),
    ("responsible", re.compile(r"\s+(?:chu tri|tham muu|thuc hien)(?:\s+(?:thuc hien|tham muu))?$")),
    ("charge", re.compile(r"\s+phu trach$")),
]
_CLAUSE_BEFORE: list[tuple[str, re.Pattern[str]]] = [
    ("coordinating", re.compile(r"^(?:phoi hop(?:\s+voi)?|cung voi)\s*:?\s+")),
    ("deadline", re.compile(r"^(?:thoi han|thoi gian|tien do|han)(?:\s+(?:hoan thanh|thuc hien))?\s*:?\s*")),
    ("deadline", re.compile(r"^(?:hoan thanh|xong)\s*:?\s+")),
    ("deadline", re.compile(r"^(?=(?:truoc|trong|cuoi|dau|quy|thang|thuong xuyen)\b)")),
]


def split_assignment(title: str) -> tuple[str, list[tuple[str, str]]]:
    """'Xây nhà văn hóa (Phòng VH-XH chủ trì, hoàn thành Quý IV/2026)' ->
    ('Xây nhà văn hóa', [('responsible', 'Phòng VH-XH'), ('deadline', 'Quý IV/2026')]).

    The assignment sits in the last brackets (closed or cut off by a labelled field), or after
    the first ';' of the title; it must name a party, else the title is returned whole."""
    for m in reversed(list(re.finditer(r"\(", title))):
        inner = title[m.end() :]
        close = inner.find(")")
        if close >= 0 and inner[close + 1 :].strip(TRIM):
            continue  # brackets inside the name ('(giai đoạn 2)'), text after them
        clauses = _clauses(inner[:close] if close >= 0 else inner)
        if clauses:
            return title[: m.start()].strip(TRIM), clauses
    if ";" in title:
        head, rest = title.split(";", 1)
        clauses = _clauses(rest)
        if clauses and head.strip(TRIM):
            return head.strip(TRIM), clauses
    return title, []


def _clauses(text: str) -> list[tuple[str, str]]:
    out: list[list[str]] = []  # [role, value]
    for piece in re.split(r"(?<=[;,])", text):
        sep = piece[-1:] if piece[-1:] in ";," else ""
        value = piece[: len(piece) - len(sep)].strip(TRIM + " ")
        if not value:
            continue
        folded = fold_same_length(value)
        role = None
        for name, rx in _CLAUSE_AFTER:
            hit = rx.search(folded)
            if hit and hit.start() > 0:
                role, value = name, value[: hit.start()].strip(TRIM)
                break
        else:
            for name, rx in _CLAUSE_BEFORE:
                hit = rx.match(folded)
                if hit:
                    role, value = name, value[hit.end() :].strip(TRIM)
                    break
        if role is None or not value:
            if not out:
                return []
            out[-1][1] = f"{out[-1][1]}, {value}" if value else out[-1][1]
            continue
        if role == "deadline" and not out:
            return []  # a date alone in brackets is part of the name
        out.append([_settle_role(role, value), value])
    if not any(role in ("leader", "responsible", "coordinating") for role, _ in out):
        return []
    return [(role, value) for role, value in out]
