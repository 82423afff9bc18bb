"""Layout extractor (being written). Returns what it finds as a LayoutResult."""

from __future__ import annotations

from knowledge.model import Document, LayoutResult


def extract(doc: Document) -> LayoutResult:
    return LayoutResult()
