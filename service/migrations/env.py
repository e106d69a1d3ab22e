"""Alembic environment. There is no alembic.ini: `service.migrate.alembic_config` builds the
configuration in code and passes the connection to use (online) or the URL (offline, `--sql`)."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel
from sqlmodel.sql.sqltypes import AutoString, UTCDateTime

import models.tables  # noqa: F401  (registers the tables on SQLModel.metadata)

config = context.config


def render_item(type_: str, obj, autogen_context) -> str | bool:
    """Write sqlmodel's column types as the SQLAlchemy types they store as, so migrations do
    not import sqlmodel (AutoString is a String; UTCDateTime an aware DateTime)."""
    if type_ == "type" and isinstance(obj, AutoString):
        return f"sa.String(length={obj.length})" if obj.length else "sa.String()"
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def configure(**kwargs) -> None:
    context.configure(
        target_metadata=SQLModel.metadata,
        # batch operations: SQLite cannot ALTER most things, so it copies the table instead;
        # on PostgreSQL the same operations are plain ALTER TABLE statements.
        render_as_batch=True,
        compare_type=True,
        render_item=render_item,
        **kwargs,
    )


if context.is_offline_mode():
    configure(
        url=config.get_main_option("sqlalchemy.url"),
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
else:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run migrations through `skillmatch db ...` (service.migrate)")
    configure(connection=connection)

with context.begin_transaction():
    context.run_migrations()
