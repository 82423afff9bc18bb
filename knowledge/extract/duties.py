"""Prose duties per unit ('5.1. Phòng Kinh tế ... chủ trì ...') (being written)."""

from __future__ import annotations

from knowledge.model import Document, UnitDuty


def extract(doc: Document) -> list[UnitDuty]:
    return []
