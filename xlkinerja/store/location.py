"""Where the archive lives, and the SQLAlchemy engine for it.

- nothing given: env `XLKINERJA_DB` if set, else `arsip.sqlite` in the user's data
  directory (`platformdirs.user_data_dir("xlkinerja")`);
- a path: an SQLite file there (its folder is created);
- a URL: `postgresql://user:pass@host/db` (as users type it; run with psycopg 3),
  `postgresql+psycopg://...`, or `sqlite:///path`; a PostgreSQL URL may end in
  `?batas_waktu=SECONDS`, how long a server may stay silent (watchdog.py).
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from xlkinerja.errors import ErrorCode
from xlkinerja.store import jsonvalue, watchdog
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
        url = _parse_url(db)
    else:
        url = URL.create("sqlite", database=str(Path(db).expanduser()))
    if url.get_backend_name() == "sqlite" and (url.database or ":memory:") == ":memory:":
        raise ArchiveError(
            "Arsip di memori (sqlite:// tanpa berkas) hilang begitu program selesai; "
            "versi yang dicatat tidak akan tersimpan.",
            code=ErrorCode.ARSIP_DI_MEMORI,
            hint="Berikan berkas, mis. --db arsip.sqlite, atau URL postgresql://...",
        )
    return url


URL_HINT = "Contoh: postgresql://pengguna:sandi@server:5432/xlkinerja atau path berkas .sqlite."


def _parse_url(text: str) -> URL:
    try:
        url = make_url(text)
        port = url.port  # SQLAlchemy reads it as a number only now
    except (ArgumentError, ValueError) as exc:
        raise ArchiveError(
            f"Alamat database arsip tidak dapat dibaca: {_masked_text(text)}.",
            code=ErrorCode.ARSIP_ALAMAT_TIDAK_SAH,
            hint="Periksa penulisannya: nomor port berupa angka, '@' di dalam sandi ditulis "
            f"%40. {URL_HINT}",
        ) from exc
    if port is not None and not 0 < port < 65536:
        raise ArchiveError(
            f"Nomor port {port} pada alamat database arsip di luar 1–65535.",
            code=ErrorCode.ARSIP_ALAMAT_TIDAK_SAH,
            hint=URL_HINT,
        )
    if url.host and "@" in url.host:
        raise ArchiveError(
            "Alamat database arsip memuat '@' lebih dari satu kali: "
            f"{describe(url.set(host='…'))}.",
            code=ErrorCode.ARSIP_ALAMAT_TIDAK_SAH,
            hint="Tulis '@' di dalam nama pengguna atau sandi sebagai %40, mis. "
            "postgresql://pengguna:s%40ndi@server/xlkinerja.",
        )
    if url.drivername in _POSTGRES_NAMES:
        return url.set(drivername="postgresql+psycopg")
    if url.drivername in ("sqlite", "sqlite+pysqlite"):
        return url
    raise ArchiveError(
        f"Jenis database '{url.drivername}' tidak didukung untuk arsip.",
        code=ErrorCode.ARSIP_JENIS_TIDAK_DIDUKUNG,
        hint="Gunakan path berkas SQLite atau URL postgresql://...",
    )


SECRET_KEYS = ("password", "sslpassword")  # libpq parameters that hold a secret


def describe(url: URL) -> str:
    """The location for messages, without the password (user:password@ or ?password=)."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    hidden = {k: "***" for k in url.query if k.lower() in SECRET_KEYS}
    text = url.update_query_dict(hidden).render_as_string(hide_password=True)
    return text.replace("=%2A%2A%2A", "=***")


def archive_file(db: str | Path | None) -> Path | None:
    """The SQLite file of the archive at `db` (resolved), None for a server database."""
    url = database_url(db)
    if url.get_backend_name() != "sqlite" or not url.database:
        return None
    return Path(url.database).expanduser().resolve()


def _masked_text(text: str) -> str:
    """A URL that could not be parsed, for a message: what follows the scheme's user name,
    up to the last '@', and any `password=` value hidden."""
    scheme, _, rest = text.partition("://")
    if "@" in rest:
        user_part, _, host_part = rest.rpartition("@")
        rest = f"{user_part.split(':', 1)[0]}:***@{host_part}"
    rest = re.sub(r"((?:ssl)?password=)[^&]*", r"\1***", rest, flags=re.IGNORECASE)
    return f"{scheme}://{rest}"


def create_archive_engine(db: str | Path | None = None) -> Engine:
    url = database_url(db)
    json_args: dict[str, Any] = {
        "json_serializer": jsonvalue.dumps,
        "json_deserializer": jsonvalue.loads,
    }
    if url.get_backend_name() == "postgresql":
        # A server that takes the connection and never answers must not hang the job:
        # libpq gives up connecting after this many seconds (a URL may say otherwise);
        # once connected, keepalives and the watchdog (watchdog.py) take over.
        url, limit = watchdog.answer_limit(url)
        connect = watchdog.connect_args(url)
        if "connect_timeout" not in url.query:
            connect["connect_timeout"] = CONNECT_TIMEOUT
        engine = create_engine(url, pool_pre_ping=True, connect_args=connect, **json_args)
        watchdog.watch(engine, limit)
        return engine
    if url.database and url.database != ":memory:":
        try:
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ArchiveError(
                f"Folder database arsip tidak dapat dibuat ({exc.strerror}).",
                code=ErrorCode.ARSIP_FOLDER_TIDAK_DAPAT_DIBUAT,
                path=url.database,
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
