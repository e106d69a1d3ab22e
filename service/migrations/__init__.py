"""Alembic migration scripts of the skillmatch schema (see service.migrate)."""
