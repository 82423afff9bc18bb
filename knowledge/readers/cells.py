"""Text and table cells as every reader hands them over: NFC with legacy PDF glyphs fixed,
HTML markup and markdown emphasis gone, line breaks kept."""

from __future__ import annotations

import html
import re

from knowledge.text import LEGACY_GLYPHS, nfc


def normalise(text: str) -> str:
    """NFC and legacy PDF glyphs fixed; spacing kept (column layouts rely on it)."""
    return nfc(text).translate(LEGACY_GLYPHS)


_SUPERSCRIPT = str.maketrans("0123456789+-=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ")
_SUBSCRIPT = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
_SUP = re.compile(r"(\S?)\s*<sup>\s*([^<]*?)\s*</sup>", re.IGNORECASE)
_SUB = re.compile(r"<sub>\s*([^<]*?)\s*</sub>", re.IGNORECASE)
_BREAK = re.compile(r"<br\s*/?>|</p>\s*<p[^>]*>|</?(?:li|tr|div)\b[^>]*>", re.IGNORECASE)
_KNOWN_TAG = re.compile(
    r"</?(?:p|b|i|u|em|strong|br|sup|sub|span|div|ol|ul|li|font|a|s|strike|mark|small|big|table|tr|td|th)\b[^>]*>",
    re.IGNORECASE,
)
_HAS_MARKUP = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")


def _sup(m: re.Match[str]) -> str:
    before, inner = m.group(1), m.group(2)
    if inner and all(c in "0123456789+-=()n" for c in inner):
        # 'm <sup>2</sup>' -> 'm²': the superscript belongs to the word before it
        return before + inner.translate(_SUPERSCRIPT)
    return f"{before} {inner}" if before else inner


def _sub(m: re.Match[str]) -> str:
    inner = m.group(1)
    return inner.translate(_SUBSCRIPT) if inner.isdigit() else inner


def strip_html(text: str, *, squeeze: bool = True) -> str:
    """Visible text of an HTML fragment; <br> and paragraph breaks become '\\n'."""
    if not _HAS_MARKUP.search(text):
        return _squeeze_lines(text) if squeeze else text
    t = _SUP.sub(_sup, text)
    t = _SUB.sub(_sub, t)
    t = _BREAK.sub("\n", t)
    t = _KNOWN_TAG.sub("", t)
    t = html.unescape(t).replace("\u00a0", " ")
    return _squeeze_lines(t) if squeeze else t


def _squeeze_lines(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def clean_cell(text: str | None) -> str:
    """A table cell as shown to a reader: markup gone, spaces squeezed, line breaks kept."""
    if not text:
        return ""
    return strip_html(normalise(text).replace("\r", ""))


_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
_UNDERSCORE_EMPH = re.compile(r"(?<![\w_])__(?=\S)(.+?)(?<=\S)__(?![\w_])")
# '_(Phòng Kinh tế)_', '*Ghi chú*': single-marker emphasis; '___' blanks and snake_case stay
# an italic mark an export left unpaired or spread over lines ('*6.1. *Hàng năm', 'Lưu ý:*'):
# a '*' opening a word or closing one; a bullet '* ' and a footnote '(*)' stay
_STRAY_STAR = re.compile(r"(?:(?<=^)|(?<=\s))\*(?=[^\s*)])|(?<=[^\s(*])\*(?=[\s.,;:)]|$)")
_SINGLE_EMPH = re.compile(r"(?<![\w_*])([_*])(?=[^\s_*])(.+?)(?<=[^\s_*])\1(?![\w_*])")


def inline_md(text: str) -> str:
    t = text.replace("**", "")
    t = _UNDERSCORE_EMPH.sub(r"\1", t)
    t = _SINGLE_EMPH.sub(r"\2", t)
    t = _STRAY_STAR.sub("", t)
    return _MD_ESCAPE.sub(r"\1", t)
