"""Imports every model module so Base.metadata knows every table (Alembic, tests)."""

from storage import models  # noqa: F401
