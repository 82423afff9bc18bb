"""Imports every model module so Base.metadata knows every table (Alembic, tests)."""

from storage import (
    bot_models,  # noqa: F401
    broad_models,  # noqa: F401
    cycle_models,  # noqa: F401
    models,  # noqa: F401
    passages,  # noqa: F401
    plan_vocabulary,  # noqa: F401
    search,  # noqa: F401
)
