"""Persistence: SQLAlchemy models, Alembic migrations, repositories, the search
index and the services built on them (ingest, export, progress, reminders)."""
