"""A database address that takes the connection and never answers must not hang a command:
the archive gives up connecting after its timeout and says so in one Indonesian line."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.coded import error_code
from tests.conftest import SAMPLE
from xlkinerja.errors import ErrorCode
from xlkinerja.store.location import CONNECT_TIMEOUT

pytestmark = pytest.mark.fault  # part of the fault suite (a peer that stops answering)


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A TCP server on loopback that accepts every connection and never sends a byte."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    held: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            held.append(conn)

    threading.Thread(target=accept, daemon=True).start()
    yield server.getsockname()[1]
    server.close()
    for conn in held:
        conn.close()


def run(*args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "xlkinerja", *args],
        capture_output=True, text=True, timeout=CONNECT_TIMEOUT * 6, check=False,
    )  # fmt: skip
    return done, time.monotonic() - started


def test_arsip_daftar_gives_up_on_a_silent_server(silent_port: int):
    done, seconds = run(
        "arsip", "daftar", "--db", f"postgresql://u:rahasia@127.0.0.1:{silent_port}/arsip"
    )
    assert done.returncode == 2, done.stderr
    assert seconds < CONNECT_TIMEOUT * 3
    assert error_code(done.stderr) == ErrorCode.ARSIP_TIDAK_DAPAT_DIPAKAI
    assert f"{CONNECT_TIMEOUT} detik" in done.stderr  # how long it waited
    assert "rahasia" not in done.stderr and "Traceback" not in done.stderr


def test_kompilasi_gives_up_on_a_silent_server(silent_port: int, tmp_path: Path):
    done, seconds = run(
        "kompilasi", str(SAMPLE), "--master", str(SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"),
        "--output", str(tmp_path / "rekap.xlsx"),
        "--db", f"postgresql://u@127.0.0.1:{silent_port}/arsip", "--senyap",
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert seconds < CONNECT_TIMEOUT * 4
    assert error_code(done.stderr) == ErrorCode.ARSIP_TIDAK_DAPAT_DIPAKAI
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "rekap.xlsx").exists()  # the archive is checked before writing
