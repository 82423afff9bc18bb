"""Reporting rules ('báo cáo ... trước ngày 20 hàng tháng') (being written)."""

from __future__ import annotations

from knowledge.model import Document, ReportingRule


def extract(doc: Document) -> list[ReportingRule]:
    return []
