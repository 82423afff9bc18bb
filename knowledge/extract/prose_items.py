"""One prose item ('(5). Tỷ lệ gia đình văn hóa: từ 94% trở lên; tỷ lệ tổ dân
phố văn hóa: từ 88% trở lên.') -> the indicators it states.

An item is cut into sentences and ';'-clauses, then at commas and 'và' where
both sides hold a figure. Each piece with a figure gives one indicator: its
name is the phrase before the figure without the verb ('đạt', 'tăng', ...),
or the whole piece when the figure comes first ('100% số hộ được kiểm tra').
A piece without a figure counts only when a status word ('Hoàn thành',
'Duy trì', 'Giữ vững', 'Đạt') carries it and it is not a task ('Tăng cường …')."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.extract.loose import Dual, Reading
from knowledge.extract.prose_clauses import figure_pieces, split_clauses, strip_lead_in, tidy
from knowledge.extract.prose_targets import Found, find_status, find_targets
from knowledge.model import Target


@dataclass
class Stated:
    """An indicator as one item of prose states it."""

    name: str
    target: Target | None
    children: list[Stated] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)  # further figures for the same name


# Item markers: '(1).', '1.', '1.2.', 'a)', '-', '+', '•', '*'.
ITEM_MARKER = re.compile(
    r"^\s*(?:\(\s*(?P<p>\d{1,3})\s*\)\s*[.:]?|(?P<n>\d{1,3}(?:\.\d{1,3}){0,3})\s*[.)](?!\d)|"
    r"(?P<a>[a-zđ])\s*[.)]|[-+*–—•●○◦▪■□❖➢►✓\uf0b7\uf0a7\uf076\uf0d8\uf0fc])\s*"
)
# Leading time and subject phrases that are not part of an indicator's name.
_LEAD = Dual(
    r"^(?:(?:trong|đến|tới|đến\s+hết|đến\s+cuối|cuối)?\s*năm\s+\d{4}|hằng\s+năm|hàng\s+năm|mỗi\s+năm|"
    r"giai\s+đoạn\s+\d{4}\s*[-–]\s*\d{4}|trong\s+đó|cụ\s+thể|riêng|phấn\s+đấu|"
    r"(?:ubnd\s+)?(?:xã|phường|thị\s+trấn|huyện)(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)*\s+phấn\s+đấu|"
    r"(?:đến|tới)\s+năm\s+\d{4}|chỉ\s+tiêu\s+(?:số\s+)?\d{1,2}|(?:về|lĩnh\s+vực|đối\s+với)\s+[^:]{1,50}:|"
    r"có|với|là|và|gồm|đạt|thêm|đưa|nâng(?!\s+cao))(?:\s*[,:.)-]?\s+|\s*[,:]?\s*$)",
    re.IGNORECASE,
)
_LEAD_TIME = Dual(
    r"^(?:(?:trong|đến|tới|đến\s+hết|đến\s+cuối|cuối)?\s*năm\s+\d{4}|hằng\s+năm|hàng\s+năm|mỗi\s+năm|phấn\s+đấu)"
    r"\s*,?\s+(?:(?:đến|tới)\s+năm\s+\d{4}\s*,?\s*)?",
    re.IGNORECASE,
)


# '… đầu người của xã' / 'trên địa bàn phường': the locality owning the measure, at the end.
_OWNER = Dual(r"\s+của\s+(?:toàn\s+)?(?:xã|phường|thị\s+trấn)(?:\s+[A-ZĐ][\wÀ-ỹ]*)*\s*$")
_SPAN = Dual(r"\s*giai\s+đoạn\s+\d{4}\s*[-–]\s*\d{4}", re.IGNORECASE)
# Trailing verbs between a name and its figure ('… đạt', '… giảm còn').
_TRAIL = Dual(
    r"\s*(?:\bđạt|\bphấn\s+đấu|\bdự\s+kiến|\b(?:đến|tới|vào|hết|đến\s+hết|đến\s+cuối)\s+năm\s+\d{4}|\blà|\bở\s+mức|\bmức|\bduy\s+trì|\bduy\s+trì\s+ổn\s+định|\bcòn|(?<!trở )\bxuống|(?<!trở )\blên|\bgiảm|"
    r"(?<!gia )(?<!tốc độ )\btăng|\bbằng|\bcho|"
    r"(?<!tốc độ )\b(?:đạt|tăng|giảm)\s+bình\s+quân|\bkhoảng|\btỷ\s+lệ|\btỉ\s+lệ|\bchiếm|\bước|\bluôn|\bvượt|(?<!chứng )\bchỉ|[:,;\-–—(])\s*$",
    re.IGNORECASE,
)
# 'Tuyển quân: hoàn thành 100% …': the verb after the colon is no part of the name.
_COLON_VERB = Dual(
    r"\s*:\s*(?:đạt|hoàn\s+thành|phấn\s+đấu|bảo\s+đảm|đảm\s+bảo|duy\s+trì)(?:\s+(?:và|hoặc)\s+vượt|\s+vượt)?\s*$",
    re.IGNORECASE,
)
# A figure that comes first is read with the words that follow it as the name
# unless the phrase before it names a measure already.
_MEASURE_NOUN = Dual(
    r"^(?:tỷ\s+lệ|tỉ\s+lệ|tốc\s+độ|số|tổng|giá\s+trị|thu\s+nhập|sản\s+lượng|diện\s+tích|mức|cơ\s+cấu|thu|chi|"
    r"năng\s+suất|mật\s+độ|kim\s+ngạch|vốn|bình\s+quân|lượng|độ\s+che\s+phủ|tăng\s+trưởng|dân\s+số)\b",
    re.IGNORECASE,
)
# A piece that starts with one of these is a task, not a target, unless it has a figure.
TASK_VERB = Dual(
    r"^(?:chỉ\s+đạo|tăng\s+cường|tổ\s+chức|tiếp\s+tục|thực\s+hiện|triển\s+khai|nâng\s+cao|đẩy\s+mạnh|"
    r"tuyên\s+truyền|vận\s+động|phối\s+hợp|tập\s+trung|quan\s+tâm|chú\s+trọng|rà\s+soát|kiểm\s+tra|"
    r"tham\s+mưu|làm\s+tốt|phát\s+huy|huy\s+động|khuyến\s+khích|hướng\s+dẫn|đôn\s+đốc|giao|căn\s+cứ|"
    r"theo|mở\s+rộng|đầu\s+tư|cải\s+thiện|chủ\s+động|bảo\s+đảm|đảm\s+bảo|xử\s+lý|khắc\s+phục)\b",
    re.IGNORECASE,
)


# Words of a result already reached rather than a target.
_RESULT = Dual(
    r"\b(?:ước\s+đạt|ước\s+thực\s+hiện|ước\s+tính|đã\s+đạt|đạt\s+được|đã\s+thực\s+hiện|thực\s+hiện\s+được|"
    r"bằng\s+[\d,.]+\s*%\s+(?:kế\s+hoạch|KH))",
    re.IGNORECASE,
)


def strip_marker(text: str) -> tuple[str, str]:
    """('(5). Tỷ lệ …') -> ('(5)', 'Tỷ lệ …')."""
    m = ITEM_MARKER.match(text)
    if not m:
        return "", text.strip()
    no = f"({m.group('p')})" if m.group("p") else m.group("n") or m.group("a") or ""
    return no, text[m.end() :].strip()


def clean_name(reading: Reading, text: str) -> str:
    t = tidy(_SPAN.rx(reading).sub("", text))
    for _ in range(4):
        new = _LEAD.rx(reading).sub("", t).strip(" ,:")
        new = (
            _OWNER.rx(reading)
            .sub("", _TRAIL.rx(reading).sub("", _COLON_VERB.rx(reading).sub("", new)))
            .strip(" ,:")
        )
        if new == t:
            break
        t = new
    if t[:1].islower():
        t = t[:1].upper() + t[1:]
    return t


# Units of measure (as opposed to counted things such as 'hộ', 'trường'), never part of a name.
_MEASURE_UNIT = Dual(
    r"^(?:km|m|m2|m²|m3|m³|ha|héc\s*ta|tấn|tạ|kg|lít|tỷ|triệu|nghìn|ngàn|đồng|usd|kwh|mw)\b", re.IGNORECASE
)


# What follows a share of the assigned quota ('100% chỉ tiêu (huyện) giao', '100% kế hoạch').
_QUOTA = Dual(
    r"^(?:chỉ\s+tiêu|kế\s+hoạch|dự\s+toán)(?:\s+(?:được|cấp\s+trên|trên|huyện|tỉnh|quận|thành\s+phố|thị\s+xã))*"
    r"(?:\s+giao)?$",
    re.IGNORECASE,
)


def _name_for(reading: Reading, piece: str, found: Found) -> str:
    before = clean_name(reading, piece[: found.start])
    after = tidy(piece[found.end :])
    after = re.sub(r"^(?:trở\s+lên|trở\s+xuống|so\s+với.*|/năm)\b", "", after, flags=re.IGNORECASE).strip()
    if before and len(before.split()) >= 2 and _MEASURE_NOUN.rx(reading).match(before):
        return before
    if before and _QUOTA.rx(reading).match(after):
        return before  # 'Giao quân: đạt 100% chỉ tiêu huyện giao' -> 'Giao quân'
    # the figure comes first ('Giảm 04/08 hộ nghèo'): the name is the phrase without the number
    unit = found.target.unit or ""
    if not after or unit[:1] in "%‰" or _MEASURE_UNIT.rx(reading).match(unit):
        unit = ""  # 'kiên cố hóa 2,5 km kênh mương' names the canals, not the kilometres
    return clean_name(reading, f"{piece[: found.start]} {unit} {after}")


def _status_piece(reading: Reading, clause: str, first: bool) -> Stated | None:
    status = find_status(clause)
    if status is None or TASK_VERB.rx(reading).match(clause):
        return None
    if (
        not first
        and status.text
        and status.text.lower() == "đạt"
        and not re.search(r"\bđạt\s+chuẩn", clause, re.I)
    ):
        return None
    name = tidy(_LEAD_TIME.rx(reading).sub("", clause))
    name = re.sub(r"\s*:\s*(?:đạt|hoàn\s+thành|duy\s+trì|giữ\s+vững)$", "", name, flags=re.IGNORECASE)
    name = name[:1].upper() + name[1:]
    if len(name.split()) < 2:
        return None
    status.text = status.text[:1].upper() + status.text[1:] if status.text else status.text
    return Stated(name=name, target=status)


def _short_status(clause: str) -> bool:
    m = find_status(clause)
    return (
        m is not None
        and len(clause.split()) <= 10
        and bool(re.match(r"^(?:không\s+để|không\s+còn|giữ\s+vững|duy\s+trì|hoàn\s+thành)\b", clause, re.I))
    )


def parse_item(text: str, allow_status: bool = True) -> list[Stated]:
    """The indicators one item states, in order (an item typed without diacritics is read
    with its words' bare forms: 'Trong do', 'dat', 'giam con')."""
    return _parse_item(Reading.of_item(text), text, allow_status)


def _parse_item(reading: Reading, text: str, allow_status: bool = True) -> list[Stated]:
    pieces, clause_starts, statuses = _clause_pieces(reading, text, allow_status)
    pieces, levelled = _join_levels(reading, pieces, clause_starts)
    slotted = _year_slots(reading, pieces)
    if slotted is not None:
        return slotted + statuses
    parent = _parent_head(reading, pieces)
    counted = parent is None and _counted_head(reading, pieces)
    if counted:
        parent = counted
    group = _stated_pieces(reading, pieces, _Marks(levelled, clause_starts, bool(counted), bool(parent)))
    if parent and not _is_group_label(reading, parent, group):
        return [Stated(name=parent, target=None, children=group), *statuses]
    return group + statuses


def _clause_pieces(
    reading: Reading, text: str, allow_status: bool
) -> tuple[list[tuple[str, list[Found]]], set[int], list[Stated]]:
    """The pieces with a figure of every clause, the index where each clause's pieces start,
    and the targets a status word states without a figure."""
    statuses: list[Stated] = []
    pieces_all: list[tuple[str, list[Found]]] = []
    clause_starts: set[int] = set()  # a 'trong đó' breakdown ends with its clause
    pending_status: list[Stated] = []
    for index, clause in enumerate(split_clauses(reading, text)):
        clause = strip_lead_in(reading, clause)
        pieces = [(p, f) for p, f in figure_pieces(reading, clause) if f]
        if not pieces and allow_status:
            stated = _status_piece(reading, clause, first=index == 0)
            if stated:
                statuses.append(stated)
        elif not pieces and _short_status(clause):
            # among clauses stating figures, a short one that opens with a status word
            # ('…; không để phát sinh hộ nghèo mới') is one more target
            stated = _status_piece(reading, clause, first=True)
            if stated:
                pending_status.append(stated)
        clause_starts.add(len(pieces_all))
        pieces_all.extend(pieces)
    if pieces_all:
        statuses.extend(pending_status)
    return pieces_all, clause_starts, statuses


@dataclass(frozen=True)
class _Marks:
    """How the pieces of one item relate: joined to their level, opening a clause, counted
    under a head ('…: 02 khu dân cư và 01 trường'), or under a head naming them ('Cơ cấu …:')."""

    levelled: set[int]
    clause_starts: set[int]
    counted: bool
    headed: bool


def _stated_pieces(reading: Reading, pieces: list[tuple[str, list[Found]]], marks: _Marks) -> list[Stated]:
    """One indicator per piece naming a target; a breakdown's pieces go under the one before."""
    group: list[Stated] = []
    breakdown_of: Stated | None = None
    for i, (piece, found) in enumerate(pieces):
        main = found[-1]
        if group and _plan_relative(reading, piece, main):
            group[-1].extra.append(piece)  # '…42 tỷ đồng, phấn đấu vượt 10% dự toán'
            continue
        figure = found[0] if i in marks.levelled else main
        name = _piece_name(reading, piece, figure, main, marks, first=i == 0)
        if not re.search(r"[A-Za-zÀ-ỹĐđ]{2}", name):
            if group:
                group[-1].extra.append(piece)
            continue
        if _no_target(reading, piece, main):
            continue
        stated = Stated(name=name, target=main.target)
        if i in marks.levelled:
            stated.extra.append(piece[found[0].start : found[0].end])
        if i in marks.clause_starts:
            breakdown_of = None
        if _BREAKDOWN.rx(reading).match(piece) and group and not marks.counted:
            breakdown_of = group[-1]  # '…12.450 ha, trong đó: cà phê 4.200 ha, hồ tiêu 650 ha'
        if breakdown_of is not None:
            breakdown_of.children.append(stated)
            continue
        group.append(stated)
    return group


def _piece_name(reading: Reading, piece: str, figure: Found, main: Found, marks: _Marks, first: bool) -> str:
    if marks.counted:
        # '…: 02 khu dân cư và 01 trường THCS': each count is named by what it counts
        unit = main.target.unit or ""
        rest = tidy(piece[main.end :])
        return clean_name(
            reading, rest if rest and unit.lower() in ("con", "cái", "chiếc") else f"{unit} {rest}"
        )
    name = _name_for(reading, piece, figure)
    if marks.headed and first:
        # the name after the head's colon, read like any piece ('hoàn thành 100% chỉ tiêu giao quân')
        colon = piece.find(":") + 1
        shifted = Found(figure.start - colon, figure.end - colon, figure.target)
        return _name_for(reading, piece[colon:], shifted) or name
    return name


def _no_target(reading: Reading, piece: str, main: Found) -> bool:
    if _RESULT.rx(reading).search(piece):
        return True  # a result already reached ('ước đạt 950 tỷ đồng'), not a target
    lead = piece[: main.start].rstrip()
    # 'Tăng cường tuyên truyền …, phấn đấu đạt 95%' is a task with a figure
    return bool(TASK_VERB.rx(reading).match(piece)) and "," in lead and not lead.endswith(":")


_BREAKDOWN = Dual(r"^\s*trong\s+đó\b", re.IGNORECASE)


# Labels of a year's value after a name: 'năm 2025 thực hiện', 'ước thực hiện năm 2025 đạt',
# 'kế hoạch năm 2026 đạt', 'năm 2026 phấn đấu'.
_SLOT = Dual(
    r"^(?:\s|[,:]|năm\s+\d{4}|thực\s+hiện|ước(?:\s+tính)?|kế\s+hoạch|phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu|"
    r"dự\s+kiến|đạt|KH|TH)*$",
    re.IGNORECASE,
)
_PLAN_SLOT = Dual(r"kế\s+hoạch|phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu|dự\s+kiến|\bKH\b", re.IGNORECASE)
_PAST_SLOT = Dual(r"thực\s+hiện|ước|\bTH\b", re.IGNORECASE)


def _year_slots(reading: Reading, pieces: list[tuple[str, list[Found]]]) -> list[Stated] | None:
    """'Tỷ lệ hộ nghèo: năm 2025 thực hiện 3,1%; năm 2026 phấn đấu dưới 2,5%' -> one indicator
    whose target is the plan's value, last year's result kept aside; None for other items."""
    if len(pieces) < 2:
        return None
    first, found = pieces[0]
    colon = first.find(":")
    if colon < 0 or colon > found[0].start:
        return None
    labels = [first[colon + 1 : found[0].start]] + [p[: f[0].start] for p, f in pieces[1:]]
    if not all(
        _SLOT.rx(reading).match(label) and re.search(r"\d{4}|thực|ước|kế|phấn", label) for label in labels
    ):
        return None
    head = clean_name(reading, first[:colon])
    plan = [
        i
        for i, label in enumerate(labels)
        if _PLAN_SLOT.rx(reading).search(label) or not _PAST_SLOT.rx(reading).search(label)
    ]
    if not head or not plan:
        return []
    main = plan[-1]
    stated = Stated(name=head, target=pieces[main][1][0].target)
    stated.extra = [tidy(p) for i, (p, _) in enumerate(pieces) if i != main]
    return [stated]


# 'còn dưới 6%', 'xuống còn 2%': the level a reduction leads to.
_LEVEL = Dual(r"^(?:(?:giảm\s+)?xuống\s+còn|còn|xuống|(?:tăng\s+)?lên)\s+\S", re.IGNORECASE)
_CHANGE = Dual(r"\b(?:giảm|tăng)\s*$", re.IGNORECASE)


def _join_levels(
    reading: Reading, pieces: list[tuple[str, list[Found]]], starts: set[int] | None = None
) -> tuple[list[tuple[str, list[Found]]], set[int]]:
    """'Tỷ lệ hộ nghèo: giảm 2,5%' + 'còn dưới 6%': one indicator whose target is the level.
    `starts` (indices of pieces opening a clause) is renumbered in place to match."""
    out: list[tuple[str, list[Found]]] = []
    levelled: set[int] = set()
    old_starts, new_starts = set(starts or ()), set()
    for index, (piece, found) in enumerate(pieces):
        if out and _LEVEL.rx(reading).match(piece) and len(out[-1][1]) == 1:
            prev, prev_found = out[-1]
            if _CHANGE.rx(reading).search(prev[: prev_found[0].start]):
                joined = f"{prev}, {piece}"
                out[-1] = (joined, find_targets(joined))
                levelled.add(len(out) - 1)
                continue
        if index in old_starts:
            new_starts.add(len(out))
        out.append((piece, found))
    if starts is not None:
        starts.clear()
        starts.update(new_starts)
    return out, levelled


# A figure relative to the plan or budget with no name of its own ('vượt 10% dự toán giao').
_RELATIVE = Dual(r"^(?:dự\s+toán|kế\s+hoạch|chỉ\s+tiêu)\b(?!\s+giao\s+quân)", re.IGNORECASE)


def _plan_relative(reading: Reading, piece: str, found: Found) -> bool:
    return not clean_name(reading, piece[: found.start]) and bool(
        _RELATIVE.rx(reading).match(tidy(piece[found.end :]))
    )


# The words before a colon that introduce a list of targets rather than name one.
_LIST_LEAD = Dual(
    r"(?:\bgồm|\bbao\s+gồm|\bnhư\s+sau|\bcụ\s+thể|\bsau)\s*$|^(?:các|những)\s+(?:chỉ\s+tiêu|mục\s+tiêu)\b",
    re.IGNORECASE,
)


def _is_group_label(reading: Reading, head: str, children: list[Stated]) -> bool:
    """'Văn hóa - xã hội: tỷ lệ hộ nghèo …; tỷ lệ BHYT …' names a field, not a composite indicator."""
    if re.match(r"^(?:về|lĩnh\s+vực|trong\s+lĩnh\s+vực|đối\s+với|nhóm)\b", head, re.IGNORECASE):
        return True
    if _LIST_LEAD.rx(reading).search(head):
        return True  # 'Các chỉ tiêu chủ yếu năm 2025 gồm: …' introduces the list
    return (
        len(children) >= 2
        and not _MEASURE_NOUN.rx(reading).match(head)
        and all(_MEASURE_NOUN.rx(reading).match(c.name) and len(c.name.split()) >= 3 for c in children)
    )


def _counted_head(reading: Reading, pieces: list[tuple[str, list[Found]]]) -> str | None:
    """'Số khu dân cư, đơn vị đạt kiểu mẫu: 02 khu dân cư và 01 trường THCS' -> the head."""
    if len(pieces) < 2:
        return None
    first, found = pieces[0]
    colon = first.find(":")
    if colon < 0 or first[colon + 1 : found[-1].start].strip() or not found[-1].target.unit:
        return None
    for piece, f in pieces[1:]:
        if clean_name(reading, piece[: f[-1].start]) or not f[-1].target.unit or f[-1].target.unit in "%‰":
            return None
    head = clean_name(reading, first[:colon])
    return head if len(head.split()) >= 2 else None


def _parent_head(reading: Reading, pieces: list[tuple[str, list[Found]]]) -> str | None:
    """'Cơ cấu kinh tế: Xây dựng: 42%; dịch vụ: 27%' -> 'Cơ cấu kinh tế' heads several figures."""
    if len(pieces) < 2:
        return None
    first, found = pieces[0]
    head_end = first.find(":")
    if head_end < 0 or head_end >= found[-1].start:
        return None
    between = first[head_end + 1 : found[-1].start].strip(" :")
    if not re.search(r"[A-Za-zÀ-ỹĐđ]{2}", between):
        return None
    head = clean_name(reading, first[:head_end])
    return head if len(head.split()) >= 2 else None
