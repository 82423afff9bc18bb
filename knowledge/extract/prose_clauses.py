"""An item of prose cut into the pieces that each state one figure.

An item is cut into sentences and ';'-clauses (parenthesised asides dropped), its
lead-in and subject taken off ('Theo đó, năm 2025 phường X phấn đấu …'), then cut at
commas and 'và' where both sides hold a figure or a new measure starts."""

from __future__ import annotations

import itertools
import re

from knowledge.extract.loose import Dual, Reading
from knowledge.extract.prose_targets import Found, find_targets

# Discourse lead-ins of a clause ('Theo đó,', 'Bên cạnh đó,', 'Về môi trường,') and the
# subject that strives ('năm 2025 phường X phấn đấu', 'xã sẽ'): never part of a name.
_LEAD_IN = Dual(
    r"^(?:(?:theo\s+đó|theo\s+(?:nghị\s+quyết|kế\s+hoạch|quyết\s+định|báo\s+cáo)(?:\s+này)?|bên\s+cạnh\s+đó|"
    r"ngoài\s+ra|đồng\s+thời|mặt\s+khác|cùng\s+với\s+đó|trên\s+cơ\s+sở\s+đó)\s*,\s*"
    r"|(?:về|đối\s+với|trong\s+lĩnh\s+vực)\s+[^,:;]{1,40}?(?:,\s*[^,:;]{1,20}?)?,\s*"
    r"(?=(?:ubnd\s+)?(?:xã|phường|thị\s+trấn)\b)"
    r"|(?:về|đối\s+với|trong\s+lĩnh\s+vực)\s+[^,:;]{1,40}?,\s*"
    r"|(?:mục\s+tiêu\s+|cũng\s+)?(?:(?:trong|đến|tới|hết|cuối|vào)\s+)*năm\s+\d{4}\s*,?\s*)",
    re.IGNORECASE,
)
_SUBJECT = Dual(r"^(?:ubnd\s+)?(?:xã|phường|thị\s+trấn)\b\s*", re.IGNORECASE)
# What a locality does to its targets ('xã phấn đấu …', 'phường hoàn thành 100% …').
_SUBJECT_VERB = Dual(
    r"^(?:phấn\s+đấu|sẽ|tiếp\s+tục\s+phấn\s+đấu|đặt\s+mục\s+tiêu|đề\s+ra\s+mục\s+tiêu)\s+|"
    r"^(?=(?:hoàn\s+thành|duy\s+trì|giữ\s+vững|có|kéo\s+giảm|giảm|tăng)\b)",
    re.IGNORECASE,
)


def strip_lead_in(reading: Reading, clause: str) -> str:
    """'Theo đó, năm 2025 phường An Bình phấn đấu thu …' -> 'thu …'."""
    text = clause.strip()
    for _ in range(4):
        new = _LEAD_IN.rx(reading).sub("", text, count=1).strip()
        new = _strip_subject(reading, new)
        if new == text:
            break
        text = new
    return text


def _strip_subject(reading: Reading, text: str) -> str:
    m = _SUBJECT.rx(reading).match(text)
    if not m:
        return text
    rest = text[m.end() :]
    # a proper name after the subject ('phường An Bình'): capitalised words
    words = rest.split(" ")
    n = 0
    while n < len(words) - 1 and words[n][:1].isupper():
        n += 1
    tail = " ".join(words[n:])
    verb = _SUBJECT_VERB.rx(reading).match(tail)
    if verb is None and text[:1].islower() and not _MEASURED.rx(reading).match(tail):
        return tail  # '…, xã trồng mới 5 ha rừng': the locality acts, mid-sentence
    if verb is None or (n == 0 and text[:1].isupper() and not verb.group(0)):
        return text  # 'Xã đạt chuẩn …' names the measure itself
    return tail[verb.end() :]


# After these the locality is what is measured ('xã đạt chuẩn nông thôn mới').
_MEASURED = Dual(r"^(?:(?i:đạt|được|là|và|vẫn|không)\b|[A-ZĐ\d])")


# 'không thấp hơn dự toán huyện giao (15.200 triệu đồng)': the figure of a target stated
# relative to the budget or plan sits in parentheses.
_REL_PAREN = Dual(
    r"(?P<cmp>không\s+thấp\s+hơn|không\s+dưới|không\s+ít\s+hơn|tối\s+thiểu|ít\s+nhất|đạt\s+(?:và|hoặc)\s+vượt|"
    r"vượt|bằng|đạt)?\s*"
    r"(?P<rel>(?:dự\s+toán|kế\s+hoạch|chỉ\s+tiêu)[^();:\d]{0,40}?)\s*\((?P<fig>[^()]{1,30})\)",
    re.IGNORECASE,
)


def _relative_figure(m: re.Match[str]) -> str:
    fig = m.group("fig").strip()
    found = find_targets(fig)
    if not found or found[0].start > 0:
        return m.group(0)
    return f" {m.group('cmp') or ''} {fig} ({m.group('rel').strip()})"


def split_clauses(reading: Reading, text: str) -> list[str]:
    """Sentences and ';'-clauses, parenthesised asides dropped."""
    text = _REL_PAREN.rx(reading).sub(_relative_figure, text)
    text = re.sub(r"\([^()]*\)", " ", text)
    parts: list[str] = []
    for clause in re.split(r"\s*;\s*|\s*\n\s*", text):
        # a sentence ends at '. ' before a capital letter (not '1.900', not 'TP. Vinh')
        start = 0
        # ('mức độ 2. Về …' ends a sentence too: a figure, then a capitalised word)
        for m in re.finditer(r"(?<=[^\s.\d])\.\s+(?=[A-ZĐÀ-Ỹ\d])|(?<=\d)\.\s+(?=[A-ZĐ][a-zà-ỹđ])", clause):
            if re.search(r"\b(?:TP|Tp|tp|ThS|TS|Đ/c|đ/c)$", clause[: m.start()]):
                continue
            parts.append(clause[start : m.start()])
            start = m.end()
        parts.append(clause[start:])
    return [tidy(p) for p in parts if tidy(p)]


def tidy(text: str) -> str:
    return " ".join(text.split()).strip(" .;,¹²³⁴⁵⁶⁷⁸⁹*")


def figure_pieces(reading: Reading, clause: str) -> list[tuple[str, list[Found]]]:
    """Cut at ', ' and ' và ' where each side keeps a figure of its own."""
    cuts = [0] + [m.end() for m in re.finditer(r",\s+|\s+và\s+", clause)] + [len(clause)]
    merged: list[str] = []
    pending = ""
    for a, b in itertools.pairwise(cuts):
        raw = pending + clause[a:b]
        if _ends_with_figure(reading, _bare(raw)):
            merged.append(raw)
            pending = ""
        else:
            pending = raw
    if pending:
        if merged and not find_targets(_bare(pending)):
            merged[-1] += pending
        else:
            merged.append(pending)
    merged = [cut for piece in merged for cut in _cut_before_new_measure(reading, piece)]
    return [(_bare(p), find_targets(_bare(p))) for p in merged if _bare(p)]


# After ', ' or ' và ' a new measure starts with its figure ('… và 100% tổ dân phố …')
# or with a verb that moves another measure ('…, đưa tỷ lệ hộ nghèo xuống còn 0,45%').
_FIGURE_FIRST = Dual(r"^(?:(?:có|đạt|thêm)\s+)?(?=\d)", re.IGNORECASE)
_MOVES = Dual(r"^(?:đưa|nâng)\s+\S", re.IGNORECASE)


# Words that go on with the measure before the comma ('…, phấn đấu vượt 10% dự toán', '…, tăng 8%').
_GOES_ON = Dual(
    r"^(?:phấn\s+đấu|tăng|giảm|bằng|vượt|đạt|trong\s+đó|so\s+với|chiếm|ước|riêng|cao\s+hơn|thấp\s+hơn|gấp)\b",
    re.IGNORECASE,
)


def _names_own(reading: Reading, right: str, figure: Found) -> bool:
    """'…, bê tông hóa thêm 3,5 km đường' names a measure of its own before its figure."""
    head = right[: figure.start]
    return (
        not _GOES_ON.rx(reading).match(right) and 2 <= len(head.split()) <= 8 and not re.search(r"[(:]", head)
    )


def _cut_before_new_measure(reading: Reading, piece: str) -> list[str]:
    for m in re.finditer(r",\s+|\s+và\s+", piece):
        left, right = piece[: m.start()], piece[m.end() :]
        if not find_targets(left):
            continue
        figures = find_targets(right)
        lead = _FIGURE_FIRST.rx(reading).match(right)
        if figures and (
            _MOVES.rx(reading).match(right)
            or (lead and figures[0].start <= lead.end() + 1)
            or _names_own(reading, right, figures[0])
        ):
            return [left, *_cut_before_new_measure(reading, right)]
    return [piece]


# Words that may follow a figure and still close its piece ('60% tổng chi ngân sách').
_QUALIFIER = Dual(
    r"^(?:trở\s+lên|trở\s+xuống|tổng|so\s+với|kế\s+hoạch|trên\s+tổng|của|mỗi|hằng|hàng|/|trong|vào|năm|"
    r"được\s+giao|giao|dân\s+số|số\s+dân)",
    re.IGNORECASE,
)


def _ends_with_figure(reading: Reading, piece: str) -> bool:
    found = find_targets(piece)
    if not found:
        return False
    tail = tidy(piece[found[-1].end :])
    return len(tail.split()) <= 2 or bool(_QUALIFIER.rx(reading).match(tail))


def _bare(piece: str) -> str:
    return re.sub(r"(?:,|\s+và)\s*$", "", piece.strip()).strip()
