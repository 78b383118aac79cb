"""Where the archive lives, and the SQLAlchemy engine for it.

- nothing given: env `XLKINERJA_DB` if set, else `arsip.sqlite` in the user's data
  directory (`platformdirs.user_data_dir("xlkinerja")`);
- a path: an SQLite file there (its folder is created);
- a URL: `postgresql://user:pass@host/db` (as users type it; run with psycopg 3),
  `postgresql+psycopg://...`, or `sqlite:///path`.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from xlkinerja.store import jsonvalue
from xlkinerja.store.errors import ArchiveError

ENV_VAR = "XLKINERJA_DB"
FILE_NAME = "arsip.sqlite"
CONNECT_TIMEOUT = 10  # seconds to connect to a PostgreSQL server
WRITER_LOCK = 7_346_511_203  # PostgreSQL advisory lock key of the archive's writers
_POSTGRES_NAMES = ("postgresql", "postgres", "postgresql+psycopg")


def default_path() -> Path:
    return Path(platformdirs.user_data_dir("xlkinerja")) / FILE_NAME


def database_url(db: str | Path | None = None) -> URL:
    """The SQLAlchemy URL for `db` (see the module docstring)."""
    if db is None:
        db = os.environ.get(ENV_VAR) or default_path()
    if isinstance(db, str) and "://" in db:
        return _parse_url(db)
    path = Path(db).expanduser()
    return URL.create("sqlite", database=str(path))


def _parse_url(text: str) -> URL:
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise ArchiveError(
            "Alamat database arsip tidak dapat dibaca.",
            hint="Contoh: postgresql://pengguna:sandi@server/xlkinerja atau path berkas .sqlite.",
        ) from exc
    if url.drivername in _POSTGRES_NAMES:
        return url.set(drivername="postgresql+psycopg")
    if url.drivername in ("sqlite", "sqlite+pysqlite"):
        return url
    raise ArchiveError(
        f"Jenis database '{url.drivername}' tidak didukung untuk arsip.",
        hint="Gunakan path berkas SQLite atau URL postgresql://...",
    )


def describe(url: URL) -> str:
    """The location for messages, without the password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def create_archive_engine(db: str | Path | None = None) -> Engine:
    url = database_url(db)
    json_args: dict[str, Any] = {
        "json_serializer": jsonvalue.dumps,
        "json_deserializer": jsonvalue.loads,
    }
    if url.get_backend_name() == "postgresql":
        # A server that takes the connection and never answers must not hang the job:
        # libpq gives up connecting after this many seconds (a URL may say otherwise).
        connect = {} if "connect_timeout" in url.query else {"connect_timeout": CONNECT_TIMEOUT}
        return create_engine(url, pool_pre_ping=True, connect_args=connect, **json_args)
    if url.database and url.database != ":memory:":
        try:
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ArchiveError(
                f"Folder database arsip tidak dapat dibuat ({exc.strerror}).", path=url.database
            ) from exc
    engine = create_engine(url, connect_args={"timeout": 30}, **json_args)
    _sqlite_transactions(engine)
    return engine


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that writes (committed at the end, rolled back on error).

    One writer at a time, on both databases: SQLite takes its write lock at BEGIN IMMEDIATE,
    PostgreSQL an advisory lock for the transaction. Two compiling processes wait for each
    other (never deadlock, never hand out the same version); readers are not blocked."""
    with engine.connect() as conn:
        conn.execution_options(archive_write=True)
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK})
            yield conn


def _sqlite_transactions(engine: Engine) -> None:
    """Real transactions on SQLite: the driver's own implicit BEGIN is turned off and ours is
    emitted (IMMEDIATE for `writing`, DEFERRED for reads), with foreign keys enforced."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys = ON")

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        write = connection.get_execution_options().get("archive_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
