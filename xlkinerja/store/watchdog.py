"""A PostgreSQL server that stops answering in the middle of a job ends the job with an
error instead of blocking it for good.

libpq's `connect_timeout` (location.py) only covers connecting. Once connected, a server
whose backend freezes (VM paused, disk hang, process stopped) or a network that silently
drops packets would leave every wait of the job unanswered. Two guards:

1. TCP keepalives and `tcp_user_timeout` (`connect_args`, each unless the URL sets it): the
   kernel gives up on a dead host or a dropped network, for an idle connection and for data
   sent and never acknowledged.
2. A watch on every wait of the connection (`WatchedConnection`). psycopg consumes every
   operation on the connection (a statement and its results, commit, rollback, the pool's
   ping) through `Connection.wait`, which resumes the operation's generator when the socket
   is ready, and every 0.1 s when it is not (psycopg's interval for Ctrl+C). The watch wraps
   that generator: each time the socket is ready, the server is still answering; when nothing
   came for `limit` seconds, the watch decides in the waiting thread itself (no timer thread,
   nothing to share between threads).

The decision. A long quiet wait is legitimate when our backend waits for a lock:
`writing()` waits for the writers' advisory lock while another process records, as long
as that recording takes. So, at the limit, a fresh short connection (`connect_timeout`,
itself watched with a short limit and never probing) asks `pg_locks` whether our backend
(its pid, known from the connection) has a lock request not granted yet. If it has, the
watch keeps waiting (the user is told once: the logger "xlkinerja.store", printed to
stderr by Python when nothing else is set up) and asks again after the next quiet
`limit`. If the server does not answer the probe, or answers and our backend waits for no
lock, the connection is closed and the operation fails with `Unanswered` (a psycopg
OperationalError: SQLAlchemy sees a lost connection, and Archive turns it into the
Indonesian ArchiveError). pg_locks, not pg_stat_activity's wait_event: a lock is marked
granted by the process that releases it, so a backend that froze while waiting is not
mistaken for one still waiting.

Known limit: a job whose turn never comes because the process holding the lock froze
(while the server answers) waits as long as that process's backend holds the lock.

The limit: URL parameter `batas_waktu` (removed before libpq sees the URL), else env
`XLKINERJA_DB_BATAS_WAKTU`, else DEFAULT_LIMIT; seconds, 1 at the least (a shorter one
would end ordinary statements); 0 turns the watch off.
"""

from __future__ import annotations

import enum
import logging
import math
import os
import time
from collections.abc import Generator, Mapping, Sequence
from typing import Any, TypeVar

import psycopg
from psycopg.abc import PQGen
from psycopg.rows import TupleRow
from sqlalchemy import Engine, event
from sqlalchemy.engine import URL

from xlkinerja.errors import ErrorCode
from xlkinerja.store.errors import ArchiveError

ENV_VAR = "XLKINERJA_DB_BATAS_WAKTU"
URL_PARAMETER = "batas_waktu"
DEFAULT_LIMIT = 120.0  # seconds without a byte from the server before the watch decides
PROBE_LIMIT = 10.0  # at most this long for the probe's connection and its question
KEEPALIVES: dict[str, int] = {
    "keepalives": 1,
    "keepalives_idle": 30,  # seconds idle before the first keepalive
    "keepalives_interval": 10,
    "keepalives_count": 3,
    "tcp_user_timeout": 60_000,  # ms that sent data may stay unacknowledged
}
_WAIT_INTERVAL = 0.1  # psycopg's own

RV = TypeVar("RV")
log = logging.getLogger("xlkinerja.store")


class Verdict(enum.Enum):
    LOCK_WAIT = "lock"
    STUCK = "stuck"
    NO_ANSWER = "no answer"


DETAILS = {
    Verdict.STUCK: "server menerima sambungan baru, tetapi sambungan job ini tidak dijawab",
    Verdict.NO_ANSWER: "sambungan baru ke server pun tidak dijawab",
}


class Unanswered(psycopg.OperationalError):
    """The server sent nothing for `seconds` and our backend was not waiting for a lock."""

    def __init__(self, seconds: float, verdict: Verdict) -> None:
        super().__init__(f"no answer from the server within {seconds:g} s ({verdict.value})")
        self.seconds = seconds
        self.verdict = verdict
        self.detail = DETAILS.get(verdict, "")

    def __reduce__(self) -> tuple[type[Unanswered], tuple[float, Verdict]]:
        return type(self), (self.seconds, self.verdict)  # pickled as it was made


def answer_limit(url: URL) -> tuple[URL, float | None]:
    """`url` without the `batas_waktu` parameter, and the limit in seconds (None: no watch)."""
    given: str | Sequence[str] | None = url.query.get(URL_PARAMETER)
    source = f"parameter {URL_PARAMETER}= pada alamat database"
    if given is not None:
        url = url.difference_update_query([URL_PARAMETER])
        given = given if isinstance(given, str) else given[-1]
    else:
        given, source = os.environ.get(ENV_VAR), f"variabel lingkungan {ENV_VAR}"
    if given is None or not given.strip():
        return url, DEFAULT_LIMIT
    try:
        seconds = float(given.strip().replace(",", "."))
    except ValueError:
        seconds = math.nan
    if not (seconds == 0 or 1 <= seconds <= 86_400):  # NaN fails too
        raise ArchiveError(
            f"Batas waktu database arsip ({source}) harus berupa jumlah detik 1–86400, "
            f"atau 0: {given[:40]!r}.",
            code=ErrorCode.ARSIP_BATAS_WAKTU_TIDAK_SAH,
            hint=f"Mis. {ENV_VAR}=120, atau 0 untuk menunggu tanpa batas.",
        )
    return url, seconds or None


def connect_args(url: URL) -> dict[str, Any]:
    """The keepalive parameters of libpq, those the URL does not set itself."""
    return {key: value for key, value in KEEPALIVES.items() if key not in url.query}


def watch(engine: Engine, limit: float | None) -> None:
    """Every connection `engine` makes is a WatchedConnection with `limit` (None: plain)."""
    if limit is None:
        return

    @event.listens_for(engine, "do_connect")
    def _connect(
        _dialect: object, _record: object, cargs: list[Any], cparams: dict[str, Any]
    ) -> WatchedConnection:
        return WatchedConnection.open(limit, cargs, cparams, probing=True)


class WatchedConnection(psycopg.Connection[TupleRow]):
    """A psycopg connection whose every wait is watched (see the module docstring)."""

    watched: _Watch | None = None

    @classmethod
    def open(
        cls, limit: float, cargs: Sequence[Any], cparams: Mapping[str, Any], *, probing: bool
    ) -> WatchedConnection:
        conn = cls.connect(*cargs, **cparams)
        conn.watched = _Watch(limit, cargs, cparams, probing=probing)
        return conn

    def wait(
        self, gen: PQGen[RV], interval: float = _WAIT_INTERVAL, timeout: float | None = None
    ) -> RV:
        if self.watched is not None:
            gen = self.watched.guard(self, gen)
        return super().wait(gen, interval, timeout)


class _Watch:
    def __init__(
        self, limit: float, cargs: Sequence[Any], cparams: Mapping[str, Any], *, probing: bool
    ) -> None:
        self.limit = limit
        self.cargs = list(cargs)
        self.cparams = dict(cparams)
        self.probing = probing  # False: the probe's own connection, which never probes

    def guard(self, conn: WatchedConnection, gen: PQGen[RV]) -> Generator[Any, Any, RV]:
        """`gen`, passed through; ends it when the server stays quiet (module docstring)."""
        quiet_since = time.monotonic()
        told = False
        try:
            state = next(gen)
            while True:
                ready = yield state
                now = time.monotonic()
                if ready:
                    quiet_since = now
                elif now - quiet_since >= self.limit:
                    verdict = self._verdict(conn.info.backend_pid)
                    if verdict is not Verdict.LOCK_WAIT:
                        conn.pgconn.finish()  # nothing waits on this connection any more
                        raise Unanswered(self.limit, verdict)
                    if not told:
                        log.warning(
                            "Arsip sedang dicatat oleh proses lain: menunggu gilirannya "
                            "(server database masih menjawab)."
                        )
                        told = True
                    quiet_since = time.monotonic()
                state = gen.send(ready)
        except StopIteration as stop:
            value: RV = stop.value
            return value

    def _verdict(self, backend_pid: int) -> Verdict:
        """Ask the server, on a fresh short connection, whether our backend waits for a lock."""
        if not self.probing:
            return Verdict.NO_ANSWER
        seconds = min(self.limit, PROBE_LIMIT)
        # libpq reads connect_timeout in whole seconds, 2 at the least
        params = {**self.cparams, "connect_timeout": max(2, math.ceil(seconds)), "autocommit": True}
        try:
            with WatchedConnection.open(seconds, self.cargs, params, probing=False) as probe:
                row = probe.execute(
                    "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE pid = %s AND NOT granted)",
                    [backend_pid],
                ).fetchone()
        except psycopg.Error:
            return Verdict.NO_ANSWER
        return Verdict.LOCK_WAIT if row and row[0] else Verdict.STUCK
