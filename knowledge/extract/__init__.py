"""Structure extraction from a read `Document` (every layout, by structure)."""

from knowledge.extract.plan import extract_plan

__all__ = ["extract_plan"]
