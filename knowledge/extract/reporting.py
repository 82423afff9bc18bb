"""Reporting rules: who reports progress, how often, by which day, to whom.

A rule is a clause that makes someone report ('báo cáo … trước ngày 20 hàng
tháng', 'định kỳ hàng tháng, quý báo cáo', 'báo cáo kết quả cả năm trước ngày
05/12/2024'). Inside the 'Tổ chức thực hiện' part every reporting clause
counts; elsewhere only one that names a frequency. One rule is emitted per
frequency the clause names, so 'hàng tháng hoặc đột xuất' gives a monthly and
an ad-hoc rule for the same text."""

from __future__ import annotations

import re
from datetime import date

from knowledge.deadlines import parse_reporting_rule
from knowledge.extract.lines import Paragraph, paragraphs
from knowledge.extract.loose import Dual, Reading
from knowledge.model import Document, ReportingRule
from knowledge.text import clean

_REPORT = Dual(r"\bbáo\s+(?:cáo|báo)\b", re.IGNORECASE)
# 'chế độ thông tin báo cáo' names a duty to keep records, not a report to make
_NOT_A_REPORT = Dual(
    r"chế\s+độ\s+(?:thông\s+tin\s*,?\s*)?báo\s+cáo|thông\s+tin\s*,\s*báo\s+cáo|báo\s+cáo\s+viên",
    re.IGNORECASE,
)
_SECTION_TCTH = Dual(r"^(?:[IVX]+|[A-Z]|\d+)?[.\-)\s]*TỔ\s+CHỨC\s+THỰC\s+HIỆN\b", re.IGNORECASE)
_SECTION_END = Dual(
    r"^(?:Nơi\s+nhận|PHỤ\s+LỤC|Biểu\s+số|TM\.|KT\.|ỦY\s+BAN\s+NHÂN\s+DÂN|UỶ\s+BAN\s+NHÂN\s+DÂN|CỘNG\s+HÒA)",
    re.IGNORECASE,
)

_MONTHLY = Dual(r"\b(?:hàng|hằng|từng|mỗi)\s+tháng\b|\btháng\s*,\s*quý\b", re.IGNORECASE)
_QUARTERLY = Dual(r"\b(?:hàng|hằng|từng|mỗi)?\s*quý\b", re.IGNORECASE)
_YEARLY = Dual(
    r"\b(?:hàng|hằng|từng|mỗi|cả|(?<!tháng\s)cuối)\s+năm\b|\bquý\s*(?:,|và|hoặc)\s*năm\b", re.IGNORECASE
)
_ADHOC = Dual(r"\bđột\s+xuất\b|\bkhi\s+có\s+yêu\s+cầu\b", re.IGNORECASE)
_ADHOC_NEAR = Dual(r"báo\s+cáo\s+kịp\s+thời|kịp\s+thời\s+báo\s+cáo", re.IGNORECASE)
_PERIODIC = Dual(r"\bđịnh\s+kỳ\b", re.IGNORECASE)
_DAY_MONTHLY = Dual(r"(?:trước|vào)?\s*ngày\s+(\d{1,2})\s+(?:hàng|hằng|mỗi)\s+tháng", re.IGNORECASE)
# 'trước ngày 18 của tháng cuối quý', 'ngày 20 tháng cuối mỗi quý': the quarterly report's day.
_DAY_QUARTERLY = Dual(
    r"ngày\s+(\d{1,2})\s*,?\s+(?:của\s+)?(?:tháng\s+(?:cuối|đầu|thứ\s+\w+)\s+(?:của\s+)?(?:mỗi\s+|hằng\s+|hàng\s+)?quý|"
    r"(?:hằng|hàng|mỗi)\s+quý)",
    re.IGNORECASE,
)
_DEADLINE = Dual(r"trước\s+ngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})", re.IGNORECASE)

_AUTHORITY = (
    r"(?:UBND|Ủy\s+ban|Uỷ\s+ban|Thường\s+trực|Thường\s+vụ|Chủ\s+tịch|Phó\s+Chủ\s+tịch|Ban\s|Đảng\s+ủy|"
    r"Đảng\s+uỷ|HĐND|Hội\s+đồng|cơ\s+quan|cấp\s+trên|Sở\s|Phòng\s|Văn\s+phòng|Bí\s+thư)"
)
_REPORT_TO = Dual(
    rf"báo\s+(?:cáo|báo)\s+(?:[^;.]{{0,90}}?\s(?:với|cho|lên|về)\s+|kịp\s+thời\s+|tổng\s+hợp\s+)?({_AUTHORITY}.*)",
    re.IGNORECASE,
)
_REPORT_TO_END = Dual(
    r"\s+(?:trước|để|theo|trong\s+đó|và\s+qua|hoặc|khi|định\s+kỳ|về\s+việc|kết\s+quả|qua\s+địa\s+chỉ|tại|xem\s+xét|"
    r"chậm\s+nhất|bằng\s+văn\s+bản)\b|[;.]",
    re.IGNORECASE,
)
# '… gửi Sở Công Thương tổng hợp báo cáo Tỉnh ủy': the report goes to the unit that gathers it
_SEND_TO_GATHERER = Dual(
    rf"\bgửi\s+(?:về\s+|cho\s+|đến\s+|tới\s+)?({_AUTHORITY}[^;.]{{0,80}}?)\s*,?\s+(?:để\s+)?tổng\s+hợp\b",
    re.IGNORECASE,
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZĐÀÁẢÃẠÂĂÊÔƠƯÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÉÈẺẼẸÝ])")


_TABLE_ROW = re.compile(r"\t|\S {3,}\S")


def extract(doc: Document) -> list[ReportingRule]:
    # a plan typed without diacritics ('bao cao ... truoc ngay 16 hang thang') reads alike
    return _extract(doc, Reading.of_document(doc.text))


def _extract(doc: Document, reading: Reading) -> list[ReportingRule]:
    rules: list[ReportingRule] = []
    raw = {b.line_no: b.text for b in doc.blocks if b.kind == "line"}
    in_tcth = False
    for para in paragraphs(doc):
        head = para.text.strip("*# ")
        if len(head) < 80 and _SECTION_TCTH.rx(reading).match(head):
            in_tcth = True
            continue
        if _SECTION_END.rx(reading).match(head):
            in_tcth = False
        text, line_no = _after_heading(*_after_table_rows(para, raw), para, raw)
        rules.extend(_paragraph_rules(text, line_no, in_tcth, reading))
    return rules


def _after_table_rows(para: Paragraph, raw: dict[int, str]) -> tuple[str, int]:
    """The paragraph's text after the last row of a plain-text table joined into it
    (columns spaced out with tabs or runs of spaces), and the line it starts on."""
    text = para.text
    for line_no in range(para.end_line - 1, para.line_no - 1, -1):
        line = raw.get(line_no, "")
        if _TABLE_ROW.search(line.strip()):
            row = clean(line)
            cut = text.rfind(row)
            if cut < 0:
                break
            start = next(
                (n for n in range(line_no + 1, para.end_line + 1) if clean(raw.get(n))), para.end_line
            )
            return text[cut + len(row) :].strip(), start
    return text, para.line_no


# 'Điều 3. Chế độ báo cáo' / '3. Báo cáo' on a line of its own, then the sentences.
_HEADING_LINE = re.compile(
    r"^(?:Điều\s+\d+[.:]?\s*|[IVX]+[.)]\s*|\d{1,2}(?:\.\d{1,2})*[.)]\s*|[a-zđ]\)\s*)?\S.{0,60}$"
)


def _after_heading(text: str, line_no: int, para: Paragraph, raw: dict[int, str]) -> tuple[str, int]:
    """The paragraph without a short heading line joined in front of its first sentence."""
    first = clean(raw.get(line_no, ""))
    nxt = next((n for n in range(line_no + 1, para.end_line + 1) if clean(raw.get(n))), None)
    if nxt is None or not first or not text.startswith(first) or first.endswith((".", ";", ",", ":")):
        return text, line_no
    rest = text[len(first) :].strip()
    if len(first.split()) > 8 or not _HEADING_LINE.match(first) or not rest[:1].isupper():
        return text, line_no
    return rest, nxt


def _paragraph_rules(text: str, line_no: int, in_tcth: bool, reading: Reading) -> list[ReportingRule]:
    out: list[ReportingRule] = []
    last_to: str | None = None
    for sentence in _SENTENCE_SPLIT.split(text):
        pending: list[str] = []  # clauses before a reporting clause give it its subject
        follows = False  # a rule came before in this sentence: '…; báo cáo cả năm trước ngày 05/12'
        for clause in (c.strip() for c in sentence.split(";")):
            if not clause:
                continue
            if not (
                _is_reporting(clause, in_tcth, reading) or (follows and _continues_rule(clause, reading))
            ):
                pending.append(clause)
                continue
            text = _strip_item_number("; ".join([*pending, clause]))
            pending = []
            found = parse_rule(text, reading, clause)
            for rule in found:
                if rule.report_to is None:
                    rule.report_to = last_to
                rule.source_ref = f"line {line_no}"
            last_to = found[0].report_to if found else last_to
            follows = follows or bool(found)
            out.extend(found)
    return out


def _is_reporting(clause: str, in_tcth: bool, reading: Reading) -> bool:
    scrubbed = _NOT_A_REPORT.rx(reading).sub(" ", clause)
    if not _REPORT.rx(reading).search(scrubbed):
        return False
    if in_tcth:
        return True
    return bool(
        _frequencies(scrubbed, reading) != [None]
        and (_report_to(scrubbed, reading) or _PERIODIC.rx(reading).search(scrubbed))
    )


def _continues_rule(clause: str, reading: Reading) -> bool:
    """A further reporting clause of the same sentence needs only its own period or due date."""
    scrubbed = _NOT_A_REPORT.rx(reading).sub(" ", clause)
    return bool(_REPORT.rx(reading).search(scrubbed)) and (
        _frequencies(scrubbed, reading) != [None] or _deadline(scrubbed, reading) is not None
    )


def _strip_item_number(text: str) -> str:
    text = re.sub(r"^(?:[-+•]\s*|\(?\d{1,2}(?:\.\d{1,2})*[.)]\s*|[a-zđ]\)\s*)", "", clean(text))
    return re.sub(r"\*+", "", re.sub(r"\s*\./\.$|[.;,]+$", "", text)).strip()


def _frequencies(text: str, reading: Reading) -> list[str | None]:
    found: list[str | None] = []
    if _MONTHLY.rx(reading).search(text):
        found.append("monthly")
    if re.search(r"\bquý\b", text, re.IGNORECASE) and _QUARTERLY.rx(reading).search(text):
        found.append("quarterly")
    if _YEARLY.rx(reading).search(text):
        found.append("yearly")
    periodic_only = not found and _PERIODIC.rx(reading).search(text)
    if periodic_only:
        found.append(None)
    adhoc = _ADHOC.rx(reading).search(text) or _ADHOC_NEAR.rx(reading).search(text)
    if adhoc or re.search(r"vướng\s+mắc\s+phát\s+sinh", text, re.I):
        found.append("adhoc")
    return found or [None]


def _before_purpose(text: str) -> str:
    """'… trước ngày 10/12 để tổng hợp, báo cáo Đảng ủy': who is told after 'để' is the next step."""
    return re.split(r"\s+để\s+(?:tổng\s+hợp|tham\s+mưu)\b", text, maxsplit=1)[0]


def _report_to(text: str, reading: Reading) -> str | None:
    if gatherer := _SEND_TO_GATHERER.rx(reading).search(text):
        return gatherer.group(1).strip(" ,:")
    for m in _REPORT_TO.rx(reading).finditer(_before_purpose(text)):
        tail = m.group(1)
        end = _REPORT_TO_END.rx(reading).search(tail)
        target = tail[: end.start()] if end else tail
        target = target.strip(" ,:")
        # keep a parenthesis the clause opened ('UBND xã (qua Đ/c …)')
        if target.count("(") > target.count(")"):
            close = tail.find(")", len(target))
            target = tail[: close + 1] if close >= 0 else target
        if target:
            return target
    return None


def _day_of_month(text: str, reading: Reading) -> int | None:
    m = _DAY_MONTHLY.rx(reading).search(text)
    return int(m.group(1)) if m and 1 <= int(m.group(1)) <= 31 else None


def _deadline(text: str, reading: Reading) -> date | None:
    m = _DEADLINE.rx(reading).search(text)
    if not m:
        return None
    try:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


def parse_rule(text: str, reading: Reading, clause: str | None = None) -> list[ReportingRule]:
    """One rule per frequency named in `clause` (default: the text itself)."""
    core = _NOT_A_REPORT.rx(reading).sub(" ", clean(clause or text))
    # the shared parser fills what the local patterns miss (other phrasings of days and recipients)
    shared = parse_reporting_rule(core)
    to = _report_to(core, reading) or (shared.report_to if shared and _before_purpose(core) == core else None)
    day = _day_of_month(core, reading) or (shared.day_of_month if shared else None)
    deadline = _deadline(core, reading) or (shared.deadline_date if shared else None)
    quarter = _DAY_QUARTERLY.rx(reading).search(core)
    quarter_day = int(quarter.group(1)) if quarter and 1 <= int(quarter.group(1)) <= 31 else None
    out: list[ReportingRule] = []
    for freq in _frequencies(core, reading):
        out.append(
            ReportingRule(
                text=text,
                frequency=freq,
                day_of_month=day if freq == "monthly" else quarter_day if freq == "quarterly" else None,
                deadline_date=deadline if freq in ("yearly", None) else None,
                report_to=to,
            )
        )
    return out
