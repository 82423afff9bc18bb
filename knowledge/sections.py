"""Questions about what a section of a plan holds: 'kinh phí lấy từ đâu', 'giám sát dùng những
phương pháp gì', 'nguồn vốn gồm những nguồn nào'. Plans answer them with a heading ('VI. KINH
PHÍ THỰC HIỆN', '1. Phương pháp') and a list under it, and no one sentence of the list holds the
question's words: the answer is the section, its heading found in the question.

Pure: which questions ask for a section's contents, which heading a question names, and the
wording of the answer (the heading, then the section's lines)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge import lexicon
from knowledge.extract.outline import strip_marker
from knowledge.quote_text import REPLY_LIMIT, shorten
from knowledge.text import clean, fold, strip_diacritics

# 'gồm (những) gì', 'những phương pháp gì', 'các nguồn nào', 'lấy từ đâu', 'từ nguồn nào' (folded)
_ASKS_CONTENTS = re.compile(
    r"\b(?:bao )?gom (?:nhung |cac )?(?:gi|j|nao|\w+ (?:nao|gi))\b"
    r"|\bnhung (?:\w+ ){1,2}(?:nao|gi|j)\b|\bcac (?:\w+ ){1,2}(?:nao|gi)\b|\bnhung gi\b"
    r"|\btu (?:dau|nguon nao)\b"
)


def asks_contents(folded_question: str) -> bool:
    """Whether a (folded) question asks what a list holds."""
    return bool(_ASKS_CONTENTS.search(folded_question))


def leaf(heading: str) -> str:
    """The innermost heading of a path, without its number: 'IV. › 1. Phương pháp' → 'Phương pháp'."""
    return strip_marker(heading.split("›")[-1])


def subject_words(heading: str) -> frozenset[str]:
    """The folded syllables of a heading's innermost part that say what the section is about."""
    generic = lexicon.folded_heading_generic_words()
    return frozenset(w for w in fold(leaf(heading)).split() if w not in generic and len(w) > 1)


@dataclass(frozen=True)
class Section:
    """Consecutive passages of one plan under one heading."""

    plan_id: int
    heading: str
    context: frozenset[str]  # folded words of the whole heading path
    lines: tuple[str, ...]


MIN_LINES = 1  # a heading over one sentence names it as well


def named_section(
    sections: Sequence[Section], question_words: set[str], title_words: set[str], preferred: int
) -> Section | None:
    """The section whose heading the question names: every word of what its innermost heading is
    about is in the question, at least one of them not a word of the plan's title (a heading that
    repeats the title is named by every question about the plan). The plan the question is about
    (its title's words chose it), then more of the question's words in the whole path, decide
    between several; a tie names none."""
    ranked = []
    for s in sections:
        subject = subject_words(s.heading)
        if len(s.lines) < MIN_LINES or not subject or not subject <= question_words:
            continue
        if not subject - title_words:
            continue
        ranked.append((len(subject), s.plan_id == preferred, len(s.context & question_words), s))
    if not ranked:
        return None
    ranked.sort(key=lambda r: r[:3], reverse=True)
    if len(ranked) > 1 and ranked[0][:3] == ranked[1][:3]:
        return None
    return ranked[0][3]


_LINE_LIMIT = 200
_INTRODUCES = re.compile(r"\b(?:bao gom|gom|nhu sau|sau day)$")


def introduces(line: str) -> bool:
    """'Nguồn vốn … bao gồm:', 'cụ thể như sau': a sentence announcing the list after it."""
    text = clean(line).rstrip(" .")
    return text.endswith(":") or bool(_INTRODUCES.search(fold(text)))


_BULLET = re.compile(r"^\s*(?:[-+•*]|\d{1,2}[.)]|[a-zđ][.)])\s*")


def section_answer(section: Section, plan: str, place: str | None) -> str:
    """'Kế hoạch số 160/KH-UBND (thành phố Cần Thơ), mục IV. › 1. Phương pháp, ghi:' and the
    section's lines as a list, within a phone screen ('… và 3 ý khác')."""
    where = plan + (f" ({place})" if place and place not in plan else "")
    head = f"{where}, mục {section.heading}, ghi:"
    lines = list(section.lines)
    if introduces(lines[0]):  # 'Nguồn vốn … bao gồm:' leads the list it announces
        head += "\n" + shorten(clean(lines.pop(0)), _LINE_LIMIT)
    if lines and _BULLET.match(lines[0]):  # a list ends where its marks do (a closing paragraph follows)
        lines = list(itertools.takewhile(lambda line: bool(_BULLET.match(line)), lines))
    out: list[str] = []
    used = len(head)
    for n, line in enumerate(lines):
        text = "- " + shorten(_BULLET.sub("", clean(line)), _LINE_LIMIT)
        rest = len(lines) - n
        if out and used + len(text) + 1 > REPLY_LIMIT:
            out.append(f"… và {rest} ý khác trong mục này.")
            break
        out.append(text)
        used += len(text) + 1
    return "\n".join([head, *out])


# after its number (outline.strip_marker): 'Thời gian thực hiện: Từ tháng 10/2025 …'
_TIME_LINE = re.compile(r"^\W*thoi (?:gian|han)\b[^:]{0,40}:")
_TIME_HEADING = re.compile(r"^thoi (?:gian|han)\b")


def asks_plan_time(question_words: set[str], title_words: set[str]) -> bool:
    """A 'when' question about the plan's own activity: every word of it is the plan's title, a
    number or the wording of such a question ('việc giám sát … năm 2025 tiến hành khi nào')."""
    rest = {w for w in question_words if w not in title_words and not w.isdigit() and len(w) > 1}
    return not rest - lexicon.folded_plan_time_words()


def time_section(sections: Sequence[Section], preferred: int) -> Section | None:
    """The preferred plan's section headed 'Thời gian thực hiện' (or 'Thời gian triển khai', …), or
    its line labelled so ('2. Thời gian thực hiện: Từ tháng 10/2025 …')."""
    own = [s for s in sections if s.plan_id == preferred]
    headed = next((s for s in own if _TIME_HEADING.match(fold(leaf(s.heading)))), None)
    if headed is not None:
        return headed
    for s in own:
        for line in s.lines:
            if _TIME_LINE.match(strip_diacritics(strip_marker(clean(line))).lower()):
                return Section(s.plan_id, s.heading, s.context, (line,))
    return None
