"""The Alembic migrations build exactly the schema the models describe."""

from alembic import command
from sqlalchemy import inspect

from storage.db import alembic_config


def test_migrations_create_every_table(engine) -> None:
    import storage.all_models  # noqa: F401
    from storage.models import Base

    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_models_and_migrations_agree(engine) -> None:
    with engine.begin() as conn:
        cfg = alembic_config(engine)
        cfg.attributes["connection"] = conn
        command.check(cfg)  # raises when autogenerate would produce a new migration
