"""A PostgreSQL server that stops answering once connected must not hang a job
(store/watchdog.py): a stopped backend and a frozen network end the command with the
Indonesian error within the limit, while a legitimate wait for the writers' lock, longer
than the limit, is waited out. On the session's real server (tests/pg_server.py), with
a limit of LIMIT seconds (XLKINERJA_DB_BATAS_WAKTU) so that the tests are quick."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from tests.coded import error_code, raises
from tests.conftest import ROOT, SAMPLE
from tests.pg_proxy import freezing_proxy
from tests.pg_server import PostgresCluster
from xlkinerja.errors import ErrorCode
from xlkinerja.store import Archive, ArchiveError
from xlkinerja.store.location import WRITER_LOCK, create_archive_engine, writing
from xlkinerja.store.watchdog import ENV_VAR, KEEPALIVES

pytestmark = [
    pytest.mark.fault,  # part of the fault suite (a peer that stops answering)
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="signals, /proc"),
]
LIMIT = 2  # seconds a server may stay silent in these tests
# The command's own start (imports), the limit, the probe's connection (2 s at the least
# in libpq) and a loaded machine.
WITHIN = LIMIT + 2 + 15
HANG = 90  # a command still running after this long has hung
MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"


def cli(*args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), ENV_VAR: str(LIMIT)}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "xlkinerja", *args],
        capture_output=True, text=True, timeout=HANG, check=False, env=env,
    )  # fmt: skip
    return done, time.monotonic() - started


def assert_gave_up(done: subprocess.CompletedProcess[str], seconds: float, secret: str) -> None:
    assert done.returncode == 2, done.stderr
    assert error_code(done.stderr) == ErrorCode.ARSIP_TIDAK_MENJAWAB
    assert f"{LIMIT} detik" in done.stderr, done.stderr  # the limit that was waited
    assert "Traceback" not in done.stderr + done.stdout
    assert secret not in done.stderr
    assert seconds < WITHIN, done.stderr


@pytest.fixture
def archive_db(postgres: PostgresCluster) -> str:
    """A fresh archive database on the server, its schema created."""
    db = postgres.new_database()
    Archive.open(db).close()
    return db


@contextmanager
def stopped(pid: int) -> Iterator[None]:
    """The server process `pid` stopped (SIGSTOP), continued whatever happens."""
    os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.kill(pid, signal.SIGCONT)


def lock_waiter(db: str, deadline: float) -> int:
    """The pid of the backend that waits for the writers' advisory lock on `db`."""
    with psycopg.connect(db, autocommit=True) as conn:
        while time.monotonic() < deadline:
            row = conn.execute(
                "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            ).fetchone()
            if row:
                return int(row[0])
            time.sleep(0.02)
    raise AssertionError("no backend came to wait for the writers' lock")


def still_works(db: str) -> None:
    with Archive.open(db) as archive:
        assert archive.submissions() == []


def test_a_backend_stopped_mid_statement_ends_arsip_daftar(archive_db: str):
    # The command's backend is held at a known point (waiting for the writers' lock that
    # this test holds), stopped there, then the lock is let go: the lock is granted to a
    # process that will never answer.
    holder = psycopg.connect(archive_db)
    holder.execute("SELECT pg_advisory_xact_lock(%s)", [WRITER_LOCK])
    run = subprocess.Popen(
        [sys.executable, "-m", "xlkinerja", "arsip", "daftar", "--db",
         archive_db.replace("postgres@", "postgres:rahasia@")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), ENV_VAR: str(LIMIT)},
    )  # fmt: skip
    try:
        backend = lock_waiter(archive_db, time.monotonic() + 60)
        with stopped(backend):
            holder.commit()
            started = time.monotonic()
            out, err = run.communicate(timeout=HANG)
            seconds = time.monotonic() - started
    finally:
        run.kill()
        holder.close()
    done = subprocess.CompletedProcess(run.args, run.returncode, out, err)
    assert_gave_up(done, seconds, "rahasia")
    assert "sambungan job ini tidak dijawab" in err  # the server itself still answered
    still_works(archive_db)


def test_a_backend_stopped_between_statements_is_left_for_a_new_one(
    archive_db: str, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv(ENV_VAR, str(LIMIT))
    with Archive.open(archive_db) as archive:
        with archive.engine.connect() as conn:  # the connection the pool keeps
            backend = int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())
        with stopped(backend):
            started = time.monotonic()
            assert archive.submissions() == []  # the pool's ping gave up on it
            assert time.monotonic() - started < WITHIN
    still_works(archive_db)


def test_a_frozen_network_ends_arsip_daftar(archive_db: str, postgres: PostgresCluster):
    with freezing_proxy(postgres.port) as proxy:
        url = proxy.url(archive_db.replace("postgres@", "postgres:rahasia@"))
        done, seconds = cli("arsip", "daftar", "--db", url)
        assert proxy.frozen.is_set()
    assert_gave_up(done, seconds, "rahasia")
    assert "sambungan baru ke server pun tidak dijawab" in done.stderr
    still_works(archive_db)


def test_a_frozen_network_ends_kompilasi_before_it_writes(
    archive_db: str, postgres: PostgresCluster, tmp_path: Path
):
    folder = tmp_path / "kiriman"
    shutil.copytree(SAMPLE, folder)
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    with freezing_proxy(postgres.port) as proxy:
        done, seconds = cli(
            "kompilasi", str(folder), "--master", str(folder / MASTER.name),
            "--output", str(tmp_path / "rekap.xlsx"), "--db", proxy.url(archive_db), "--senyap",
        )  # fmt: skip
    assert_gave_up(done, seconds, "rahasia")
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    assert after == before  # the user's files untouched, nothing added beside them
    assert not (tmp_path / "rekap.xlsx").exists()


def test_waiting_for_another_writer_longer_than_the_limit_is_not_aborted(
    archive_db: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
):
    monkeypatch.setenv(ENV_VAR, "1")
    held = 3.0  # seconds the other writer keeps the lock: three limits
    holder = psycopg.connect(archive_db)
    holder.execute("SELECT pg_advisory_xact_lock(%s)", [WRITER_LOCK])
    release = threading.Timer(held, holder.commit)
    engine = create_archive_engine(archive_db)
    try:
        release.start()
        started = time.monotonic()
        with caplog.at_level(logging.WARNING, "xlkinerja.store"), writing(engine) as conn:
            assert conn.execute(text("SELECT 1")).scalar_one() == 1
        waited = time.monotonic() - started
    finally:
        release.cancel()
        release.join()
        holder.close()
        engine.dispose()
    assert waited >= held - 0.5
    told = [r.getMessage() for r in caplog.records if "menunggu" in r.getMessage()]
    assert len(told) == 1  # the user is told once, not at every limit


def test_keepalives_reach_libpq_unless_the_url_sets_them(
    archive_db: str, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.delenv(ENV_VAR, raising=False)
    engine = create_archive_engine(f"{archive_db}?keepalives_idle=5&batas_waktu=7")
    try:
        raw = engine.raw_connection()
        params = raw.driver_connection.info.get_parameters()  # type: ignore[union-attr]
        watched = raw.driver_connection.watched  # type: ignore[union-attr]
        raw.close()
    finally:
        engine.dispose()
    assert params["keepalives_idle"] == "5"  # the URL's
    assert params["tcp_user_timeout"] == str(KEEPALIVES["tcp_user_timeout"])
    assert params["keepalives_count"] == str(KEEPALIVES["keepalives_count"])
    assert "batas_waktu" not in params and watched.limit == 7  # ours, not libpq's


@pytest.mark.parametrize(
    ("env", "suffix", "limit"),
    [("30", "", 30), ("", "", 120), ("30", "?batas_waktu=4,5", 4.5), ("5", "?batas_waktu=0", None)],
)
def test_the_limit_comes_from_the_url_then_the_environment(
    monkeypatch: pytest.MonkeyPatch, env: str, suffix: str, limit: float | None
):
    from sqlalchemy.engine import make_url

    from xlkinerja.store.watchdog import answer_limit

    monkeypatch.setenv(ENV_VAR, env)
    url, found = answer_limit(make_url(f"postgresql+psycopg://u:s@h/arsip{suffix}"))
    assert found == limit
    assert "batas_waktu" not in url.query


@pytest.mark.parametrize("value", ["lama", "-1", "0.5", "nan", "1e9"])
def test_a_bad_limit_is_a_user_error(monkeypatch: pytest.MonkeyPatch, value: str):
    monkeypatch.setenv(ENV_VAR, value)
    with raises(ErrorCode.ARSIP_BATAS_WAKTU_TIDAK_SAH, ArchiveError) as caught:
        create_archive_engine("postgresql://u:rahasia@127.0.0.1:1/arsip")
    assert ENV_VAR in caught.value.message  # where the value came from
    done, _ = cli(
        "arsip", "daftar", "--db", f"postgresql://u@127.0.0.1:1/arsip?batas_waktu={value}"
    )
    assert done.returncode == 2, done.stderr
    assert error_code(done.stderr) == ErrorCode.ARSIP_BATAS_WAKTU_TIDAK_SAH
    assert "batas_waktu" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_the_error_pickles_as_it_was_made():
    """As psycopg's own errors do (e.g. sent from a worker process or a thread pool)."""
    import pickle

    from xlkinerja.store.watchdog import Unanswered, Verdict

    again = pickle.loads(pickle.dumps(Unanswered(7, Verdict.NO_ANSWER)))
    assert (again.seconds, again.verdict) == (7, Verdict.NO_ANSWER)
    assert again.detail == "sambungan baru ke server pun tidak dijawab"
