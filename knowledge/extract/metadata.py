"""Plan metadata: locality, period, title, number, signing date, signer (being written)."""

from __future__ import annotations

from knowledge.model import Document, PlanMeta


def extract_meta(doc: Document) -> PlanMeta:
    return PlanMeta()
