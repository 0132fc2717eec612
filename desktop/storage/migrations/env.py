"""Alembic environment: runs on the connection handed over by ``storage.migrate.upgrade``."""

from alembic import context
from sqlalchemy import create_engine

from desktop.storage.schema import full_metadata

config = context.config
target_metadata = full_metadata()


def run() -> None:
    conn = config.attributes.get("connection")
    if conn is None:  # the alembic command line, for writing new revisions
        url = config.get_main_option("sqlalchemy.url") or "sqlite:///alembic-dev.sqlite"
        engine = create_engine(url)
        with engine.connect() as conn:
            _run(conn)
            conn.commit()
        return
    _run(conn)


def _run(conn) -> None:  # type: ignore[no-untyped-def]
    hook = config.attributes.get("after_step")  # storage.migrate._after_step: tests kill or fail there
    extra = {"on_version_apply": hook} if hook is not None else {}
    context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True, **extra)
    with context.begin_transaction():
        context.run_migrations()


run()
