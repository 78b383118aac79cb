"""A throwaway PostgreSQL cluster for the tests of the archive (test_store, test_kirim,
test_dari_arsip): initdb into a temporary folder, port on 127.0.0.1, socket folder in the
temporary folder, stopped at the end of the session. Nothing is installed here
(scripts/test.sh installs the `postgresql` package). If the server cannot start, the
PostgreSQL tests fail with the reason; set XLKINERJA_SKIP_POSTGRES=1 to skip them on
purpose.

Fixtures (made available to every test module by conftest.py): `postgres`, the cluster of
the session; `db`, where a fresh archive lives: an SQLite file, or a new database on the
cluster (each test runs on both).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def _pg_bindir() -> Path:
    def version(path: Path) -> tuple[int, ...]:
        return tuple(int(n) for n in re.findall(r"\d+", path.parent.parent.name))

    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=version)
    if found:
        return found[-1].parent
    which = shutil.which("initdb")
    if which:
        return Path(which).parent
    raise RuntimeError(
        "initdb not found (no /usr/lib/postgresql/*/bin/initdb, none on PATH); "
        "install the Debian package 'postgresql' (scripts/test.sh does)"
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresCluster:
    """initdb + pg_ctl in a temporary folder; as the `postgres` user when run as root
    (initdb refuses root)."""

    def __init__(self) -> None:
        self.bindir = _pg_bindir()
        self.root = Path(tempfile.mkdtemp(prefix="xlkinerja-pg-"))
        self.data = self.root / "data"
        self.sockets = self.root / "sock"
        self.log = self.root / "server.log"
        self.port = 0
        self.count = 0
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            try:
                owner = pwd.getpwnam("postgres")
            except KeyError as exc:
                raise RuntimeError("running as root and there is no 'postgres' user") from exc
            self.sockets.mkdir()
            for path in (self.root, self.sockets):
                os.chown(path, owner.pw_uid, owner.pw_gid)
            self.prefix = ["runuser", "-u", "postgres", "--"] if shutil.which("runuser") else []
            self.su = not self.prefix
        else:
            self.sockets.mkdir()
            self.su = False

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = list(args)
        if self.su:
            cmd = ["su", "postgres", "-s", "/bin/sh", "-c", shlex.join(cmd)]
        else:
            cmd = [*self.prefix, *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{shlex.join(args)} failed:\n{done.stdout}{done.stderr}")
        return done

    def start(self) -> None:
        bin_ = self.bindir
        self._run(
            str(bin_ / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
            "--encoding=UTF8", "--locale=C", "--no-sync",
        )  # fmt: skip
        for attempt in range(3):
            self.port = free_port()
            options = f"-h 127.0.0.1 -p {self.port} -k {self.sockets} -F -c synchronous_commit=off"
            try:
                self._run(
                    str(bin_ / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w",
                    "-t", "60", "-o", options, "start",
                )  # fmt: skip
                return
            except RuntimeError:
                if attempt == 2:
                    raise

    def server_log(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-2000:]
        except OSError:
            return ""

    def new_database(self) -> str:
        """A fresh, empty database; its URL in the plain form users type."""
        import psycopg
        from psycopg import sql

        self.count += 1
        name = f"arsip_{self.count}"
        with psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        if self.data.exists() and (self.data / "postmaster.pid").exists():
            with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
                self._run(
                    str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"
                )
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    if os.environ.get("XLKINERJA_SKIP_POSTGRES") == "1":
        pytest.skip("XLKINERJA_SKIP_POSTGRES=1: PostgreSQL tests skipped on purpose")
    cluster: PostgresCluster | None = None
    reason = ""
    try:
        cluster = PostgresCluster()
        cluster.start()
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        reason = f"{exc}\n{cluster.server_log() if cluster else ''}"
    if reason or cluster is None:
        if cluster:
            cluster.stop()
        pytest.fail(f"PostgreSQL server could not start: {reason}", pytrace=False)
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a fresh archive lives: an SQLite file, or a new database on the cluster."""
    if request.param == "sqlite":
        return str(tmp_path / "arsip.sqlite")
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    return cluster.new_database()
