"""Merge what several layout extractors found into one plan, keeping every value.

The same indicator often appears twice in a plan: once in the prose ('Thu nhập
bình quân đầu người/năm đạt 135,0 triệu đồng') and once in the assignment table
(row 2: 155). The table row is kept (it carries the responsible officers); the
prose figure is attached as an `OtherTarget`, and when the two values disagree a
`Conflict` records both. Nothing is dropped silently."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable

from rapidfuzz import fuzz

from knowledge.model import Conflict, Indicator, LayoutResult, OtherTarget, ProgressEntry, Task
from knowledge.text import fold

# Name similarity (0-100) above which a prose and a table indicator are the same one.
MATCH_CUTOFF = 90
# A name that extends another ('… suy dinh dưỡng' + 'duy trì mức') matches if the shared head is this long.
_MIN_PREFIX_TOKENS = 4
_FILLABLE = ("unit", "leader", "responsible", "coordinating", "group", "note")

_FAMILIES = {
    "economy": ("kinh te", "ngan sach", "nong nghiep", "cong nghiep", "dich vu", "dau tu", "doanh nghiep"),
    "social": ("van hoa", "xa hoi", "y te", "giao duc", "dan so", "lao dong", "an sinh"),
    "environment": ("moi truong", "tai nguyen", "do thi"),
    "security": ("quoc phong", "an ninh", "quan su", "trat tu", "thanh tra", "tu phap"),
}


def group_family(group: str | None) -> str | None:
    """'b. Chỉ tiêu Văn hoá - xã hội' -> 'social'; None when absent or ambiguous."""
    g = fold(group)
    if not g:
        return None
    hits = {fam for fam, words in _FAMILIES.items() if any(w in g for w in words)}
    if hits == {"economy", "social"} and "kinh te xa hoi" in g:
        return None  # 'kinh tế - xã hội' names the whole plan, not one family
    return hits.pop() if len(hits) == 1 else None


# Abbreviations indicator names use in one place and spell out in another.
_NAME_ABBREVIATIONS = {
    "bhyt": "bao hiem y te",
    "bhxh": "bao hiem xa hoi",
    "bhxhtn": "bao hiem xa hoi tu nguyen",
    "antt": "an ninh trat tu",
    "attp": "an toan thuc pham",
    "vsattp": "ve sinh an toan thuc pham",
    "vsmt": "ve sinh moi truong",
    "pccc": "phong chay chua chay",
    "sxkd": "san xuat kinh doanh",
    "ttdt": "trat tu do thi",
    "cchc": "cai cach hanh chinh",
    "tthc": "thu tuc hanh chinh",
    "dn": "doanh nghiep",
    "gdp": "grdp",
    "tdtt": "the duc the thao",
    "gpmb": "giai phong mat bang",
}
# Words every indicator name may carry; they say nothing about which indicator it is.
_FILLER = frozenset(
    [
        "ty",
        "le",
        "so",
        "duoc",
        "cac",
        "cua",
        "trong",
        "tren",
        "va",
        "voi",
        "cho",
        "ve",
        "tai",
        "dat",
        "nam",
        "nhung",
        "mot",
        "hang",
        "hang",
        "thuoc",
        "dia",
        "ban",
        "muc",
        "do",
        "toi",
        "thieu",
        "it",
        "nhat",
        "tong",
    ]
)


def _tokens(name: str) -> list[str]:
    out: list[str] = []
    for tok in fold(name).split():
        out.extend(_NAME_ABBREVIATIONS.get(tok, tok).split())
    return out


# Verbs of keeping and striving: 'giữ vững chuẩn' and 'duy trì tiêu chí' name the same target.
_FILLER_PHRASES = re.compile(r"\b(?:duy tri|giu vung|phan dau|tiep tuc|hoan thanh)\b")


def _content(tokens: list[str]) -> set[str]:
    kept = _FILLER_PHRASES.sub(" ", " ".join(tokens)).split()
    return {t for t in kept if t not in _FILLER and not t.isdigit()}


def _table_values(ind: Indicator) -> list[float]:
    """The row's figures: its target and those of its other columns."""
    values = [_value(ind)] + [_text_value(o.text) for o in ind.other_targets]
    return [v for v in values if v is not None]


def name_similarity(a: str, b: str) -> float:
    """100 for the same name, 95 when one extends the other at its end, 92 when the shorter
    (3+ words) sits whole inside the longer, else the character ratio. Token-set scores are
    not used: 'hộ nghèo' ⊂ 'hộ cận nghèo'."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    if ta == tb:
        return 100.0
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) >= _MIN_PREFIX_TOKENS and long_[: len(short)] == short:
        return 95.0
    if len(short) >= 3 and f" {' '.join(short)} " in f" {' '.join(long_)} ":
        return 92.0
    return fuzz.ratio(" ".join(ta), " ".join(tb))


def content_overlap(a: str, b: str) -> tuple[float, int]:
    """(share of the smaller set of content words found in the other, number shared)."""
    ca, cb = _content(_tokens(a)), _content(_tokens(b))
    if not ca or not cb:
        return 0.0, 0
    shared = len(ca & cb)
    return shared / min(len(ca), len(cb)), shared


def match_score(table: Indicator, prose: Indicator) -> float:
    """How surely two indicators are the same one (0 = not at all).

    A close name is enough. A looser name ('Tỷ lệ người tham gia BHYT' / 'Tỷ lệ dân số tham
    gia bảo hiểm y tế trên tổng dân số') needs the figures to agree, or one side to state
    none; differing figures need a close name, so a conflict is never built on a guess."""
    if not same_family(table, prose):
        return 0.0
    s = name_similarity(table.name, prose.name)
    if s >= MATCH_CUTOFF:
        return s
    share, shared = content_overlap(table.name, prose.name)
    va, vb = _value(table), _value(prose)
    agree = vb is not None and any(not values_differ(v, vb) for v in _table_values(table))
    if agree and va is not None and not values_differ(va, vb) and share >= 0.6 and shared >= 2:
        return 80.0 + 10 * share
    if agree and share >= 0.5 and shared >= 2:
        return 78.0 + 10 * share  # the prose repeats another column ('Bình quân năm: 45')
    if (va is None or vb is None) and shared >= 2 and (share == 1.0 or (share >= 0.8 and shared >= 3)):
        return 75.0 + 10 * share
    return 0.0


def same_family(a: Indicator, b: Indicator) -> bool:
    fa, fb = group_family(a.group), group_family(b.group)
    return fa is None or fb is None or fa == fb


# ---------------------------------------------------------------- keys


def prefix_keys(result: LayoutResult, prefix: str) -> LayoutResult:
    """A copy whose indicator and task keys carry the extractor's prefix (parents too)."""
    out = copy.deepcopy(result)
    for ind in out.indicators:
        ind.key = f"{prefix}{ind.key}"
        ind.parent_key = f"{prefix}{ind.parent_key}" if ind.parent_key else None
    for task in out.tasks:
        task.key = f"{prefix}{task.key}"
    return out


def ensure_unique_keys(indicators: list[Indicator]) -> None:
    """Suffix repeated keys ('P3', 'P3~2'); a child keeps pointing at the nearest earlier parent."""
    seen: dict[str, int] = {}
    latest: dict[str, str] = {}  # original key -> the key it was given most recently
    for ind in indicators:
        original = ind.key
        if ind.parent_key in latest:
            ind.parent_key = latest[ind.parent_key]
        n = seen.get(original, 0) + 1
        seen[original] = n
        if n > 1:
            ind.key = f"{original}~{n}"
        latest[original] = ind.key


# ---------------------------------------------------------------- values


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _text_value(text: str | None) -> float | None:
    """First figure of a target text: '1.900' -> 1900, '7,6' and '7.6' -> 7.6."""
    m = _NUMBER.search(text or "")
    if not m:
        return None
    token = m.group(0)
    if "," in token:
        token = token.replace(".", "").replace(",", ".", 1).replace(",", "")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", token) and not token.startswith("0."):
        token = token.replace(".", "")
    try:
        return float(token)
    except ValueError:
        return None


def _value(ind: Indicator) -> float | None:
    return ind.target_value if ind.target_value is not None else _text_value(ind.target_text)


def values_differ(a: float | None, b: float | None) -> bool:
    """Two stated figures that disagree; a side with no figure ('Đạt', 'Duy trì') contradicts nothing."""
    if a is None or b is None:
        return False
    return abs(a - b) > 1e-6 * max(1.0, abs(a))


# A column named for another period or another issuing body holds a different target, not a typo.
_DISTINCT_FRAME = re.compile(
    r"bình quân|đến năm|năm \d{4}|giai đoạn|hàng năm|hằng năm|\bQĐ\b|\bNQ\b|quyết định|nghị quyết|"
    r"UBND|HĐND|Đảng ủy|thành phố|huyện|tỉnh|kế hoạch|thực hiện|ước|kết quả",
    re.IGNORECASE,
)


def _label(ind: Indicator, origin: str) -> str:
    ref = ind.source_ref or "?"
    return f"{origin} {ref}" if origin and not ref.startswith(origin) else ref


def _shown(ind: Indicator) -> str:
    text = (
        ind.target_text if ind.target_text else ("" if ind.target_value is None else f"{ind.target_value:g}")
    )
    unit = f" {ind.unit}" if ind.unit and ind.unit not in text else ""
    return (text + unit).strip() or "(không có số)"


def absorb(keep: Indicator, other: Indicator, origin: str, conflicts: list[Conflict]) -> None:
    """Fold `other` (the same indicator, from `origin`) into `keep`; record a disagreement."""
    label = _label(other, origin)
    if keep.target_text is None and keep.target_value is None:
        keep.target_text, keep.target_value = other.target_text, other.target_value
        keep.comparator, keep.target_max = other.comparator, other.target_max
    else:
        if other.target_text or other.target_value is not None:
            keep.other_targets.append(OtherTarget(source=label, text=_shown(other)))
        if values_differ(_value(keep), _value(other)):
            # the row's other columns belong in the record too ('QĐ UBND TP' 7.6 vs 'NQ' 7.9)
            columns = [
                f"{o.text} ({o.source})"
                for o in keep.other_targets
                if origin and not o.source.startswith(origin)
            ]
            values = [f"{_shown(keep)} ({keep.source_ref})", *columns, f"{_shown(other)} ({label})"]
            conflicts.append(Conflict(what=keep.name, values=values))
    for attr in _FILLABLE:
        if not getattr(keep, attr) and getattr(other, attr):
            setattr(keep, attr, getattr(other, attr))
    seen = {(o.source, o.text) for o in keep.other_targets}
    for o in other.other_targets:
        if (o.source, o.text) not in seen:
            keep.other_targets.append(o)


def column_conflicts(indicators: Iterable[Indicator]) -> list[Conflict]:
    """A table row with two target columns for the same thing that disagree.

    Columns named for another period or issuer ('Bình quân năm', 'QĐ UBND TP')
    hold legitimately different targets and are kept as other targets only."""
    out: list[Conflict] = []
    for ind in indicators:
        values = [f"{_shown(ind)} ({ind.source_ref})"]
        for o in ind.other_targets:
            if _DISTINCT_FRAME.search(o.source):
                continue
            if values_differ(_value(ind), _text_value(o.text)):
                values.append(f"{o.text} ({o.source})")
        if len(values) > 1:
            out.append(Conflict(what=ind.name, values=values))
    return out


# ---------------------------------------------------------------- matching


def _pairs(left: list[Indicator], right: list[Indicator], exact: bool) -> list[tuple[int, int]]:
    """One-to-one pairs, best score first; `exact`: identical folded names (and numbers) only."""
    scored: list[tuple[float, int, int]] = []
    left_by_key = {x.key: x for x in left}
    right_by_key = {x.key: x for x in right}
    for i, a in enumerate(left):
        for j, b in enumerate(right):
            if not same_family(a, b):
                continue
            if not _figures_agree(a, b) and not _parents_agree(a, b, left_by_key, right_by_key):
                continue
            if exact:
                if fold(a.name) == fold(b.name) and fold(a.no) == fold(b.no):
                    scored.append((100.0, i, j))
                continue
            s = match_score(a, b)
            if s > 0:
                scored.append((s, i, j))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_l: set[int] = set()
    used_r: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in scored:
        if i not in used_l and j not in used_r:
            used_l.add(i)
            used_r.add(j)
            pairs.append((i, j))
    return pairs


_SHORT_NAME_TOKENS = 3


def _figures_agree(a: Indicator, b: Indicator) -> bool:
    va, vb = _value(a), _value(b)
    return va is not None and vb is not None and not values_differ(va, vb)


def _parents_agree(
    a: Indicator, b: Indicator, left_by_key: dict[str, Indicator], right_by_key: dict[str, Indicator]
) -> bool:
    """A short sub-item name ('Dịch vụ') says little alone: under two different parents
    ('Cơ cấu kinh tế' / 'Tốc độ tăng trưởng') the items are different indicators, unless
    their figures agree ('Gạo: 50 tấn' under two wordings of the same parent)."""
    if min(len(_tokens(a.name)), len(_tokens(b.name))) > _SHORT_NAME_TOKENS:
        return True
    pa, pb = left_by_key.get(a.parent_key or ""), right_by_key.get(b.parent_key or "")
    if pa is None or pb is None:
        return True
    return name_similarity(pa.name, pb.name) >= 70 or content_overlap(pa.name, pb.name)[0] >= 0.5


def _fold_into(
    base: list[Indicator],
    extra: list[Indicator],
    origin: str,
    exact: bool,
    conflicts: list[Conflict],
) -> list[Indicator]:
    """`base` plus the indicators of `extra` that match none of it; matched ones are absorbed."""
    renamed: dict[str, str] = {}
    matched: set[int] = set()
    for i, j in _pairs(base, extra, exact):
        absorb(base[i], extra[j], origin, conflicts)
        renamed[extra[j].key] = base[i].key
        matched.add(j)
    if not exact:
        _match_parents_by_children(base, extra, renamed, matched, origin, conflicts)
    rest = [ind for j, ind in enumerate(extra) if j not in matched]
    for ind in rest:
        if ind.parent_key in renamed:
            ind.parent_key = renamed[ind.parent_key]
    return base + rest


def _match_parents_by_children(
    base: list[Indicator],
    extra: list[Indicator],
    renamed: dict[str, str],
    matched: set[int],
    origin: str,
    conflicts: list[Conflict],
) -> None:
    """An unmatched parent whose matched children all sit under one unmatched parent of
    `base` is that parent, however differently worded ('Thực phẩm tiêu dùng chủ yếu thông
    qua chuỗi' / 'Tỷ lệ sản phẩm nông nghiệp an toàn/tổng sản phẩm' over Gạo, Rau…)."""
    base_by_key = {b.key: b for b in base}
    taken = set(renamed.values())
    for j, parent in enumerate(extra):
        if j in matched:
            continue
        children = [c for c in extra if c.parent_key == parent.key]
        targets = {base_by_key[renamed[c.key]].parent_key for c in children if c.key in renamed}
        if not children or len(targets) != 1 or any(c.key not in renamed for c in children):
            continue
        target_key = targets.pop()
        if target_key is None or target_key in taken or target_key not in base_by_key:
            continue
        absorb(base_by_key[target_key], parent, origin, conflicts)
        renamed[parent.key] = target_key
        taken.add(target_key)
        matched.add(j)


def merge_indicators(
    table_results: list[list[Indicator]], prose: list[Indicator]
) -> tuple[list[Indicator], list[Conflict]]:
    """Tables first (deduplicated across table extractors), then the prose folded in."""
    conflicts: list[Conflict] = []
    merged: list[Indicator] = []
    for found in table_results:
        conflicts.extend(column_conflicts(found))
        # Two table extractors reading the same row: identical names only.
        merged = _fold_into(merged, list(found), "", True, conflicts)
    merged = _fold_into(merged, list(prose), "prose", False, conflicts)
    ensure_unique_keys(merged)
    return merged, _dedupe_conflicts(conflicts)


def _dedupe_conflicts(conflicts: list[Conflict]) -> list[Conflict]:
    out: dict[str, Conflict] = {}
    for c in conflicts:
        key = fold(c.what)
        if key in out:
            out[key].values.extend(v for v in c.values if v not in out[key].values)
        else:
            out[key] = Conflict(what=c.what, values=list(c.values))
    return list(out.values())


def dedupe_tasks(tasks: list[Task]) -> list[Task]:
    seen: set[tuple[str, str]] = set()
    out: list[Task] = []
    for t in tasks:
        k = (fold(t.name), fold(t.solution))
        if k not in seen:
            seen.add(k)
            out.append(t)
    return out


def dedupe_progress(rows: list[ProgressEntry]) -> list[ProgressEntry]:
    seen: set[tuple[str, str]] = set()
    out: list[ProgressEntry] = []
    for r in rows:
        k = (fold(r.item), fold(r.value_text))
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out
