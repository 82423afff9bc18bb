"""Runs every layout extractor over a document and merges what they found.

(Provisional: the layout extractors are being written.)"""

from __future__ import annotations

from knowledge.model import Document, ExtractedPlan


def extract_plan(doc: Document) -> ExtractedPlan:
    return ExtractedPlan()
