"""A killed or stopped program leaves nothing behind: after kill -9, SIGTERM or SIGHUP of
the command, its fork server, resource tracker and workers end too; SIGTERM and SIGHUP
remove the file being written; a later run skips a temporary file a kill -9 left."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE
from tests.proc_tree import session_processes, wait_for, workers_running
from xlkinerja.jobs.ringkasan import collect_workbooks

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc, prctl"),
    pytest.mark.lambat,  # the CLI and Python in subprocesses, stopped by signals
]
MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("banyak")
    for n in range(600):  # several seconds of reading with two workers
        shutil.copy(SAMPLE / "TI-jurusan-teknik-informatika.xlsx", folder / f"TI-{n:03}.xlsx")
    return folder


def _kompilasi(folder: Path, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "xlkinerja", "kompilasi", str(folder), "-m", str(MASTER),
         "-o", str(out / "rekap.xlsx"), "--db", str(out / "arsip.sqlite"), "--proses", "2",
         "--senyap"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, env=ENV,
    )  # fmt: skip


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP])
def test_children_end_with_the_program(many: Path, tmp_path: Path, sig: signal.Signals):
    run = _kompilasi(many, tmp_path)
    try:
        assert wait_for(lambda: workers_running(run.pid), 30), "workers never started"
        os.kill(run.pid, sig)  # the program only, as `kill` or a closed terminal does
        run.communicate(timeout=30)
        assert wait_for(lambda: not session_processes(run.pid), 10), session_processes(run.pid)
    finally:
        for pid, _ in session_processes(run.pid):
            os.kill(pid, signal.SIGKILL)
    if sig != signal.SIGKILL:
        assert run.returncode == 128 + sig
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


SCRIPT = """
import os, signal, sys
from pathlib import Path
from xlkinerja.cli.app import stop_on_signals
from xlkinerja.files.atomic import atomic_path

stop_on_signals()
target = Path(sys.argv[1])
with atomic_path(target) as tmp:
    tmp.write_bytes(b"setengah")
    print(tmp, flush=True)
    os.kill(os.getpid(), getattr(signal, sys.argv[2]))
    raise AssertionError("still running")
"""


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_the_file_being_written_is_removed_on_a_signal(tmp_path: Path, name: str):
    target = tmp_path / "REKAP.xlsx"
    target.write_bytes(b"rekap lama")
    run = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(SCRIPT), str(target), name],
        capture_output=True, text=True, timeout=60, env=ENV, check=False,
    )  # fmt: skip
    tmp = Path(run.stdout.strip())
    assert tmp.name.startswith(".REKAP-")
    assert run.returncode == 128 + getattr(signal, name), run.stderr
    assert not tmp.exists()
    assert target.read_bytes() == b"rekap lama"
    assert "Traceback" not in run.stderr
    if name == "SIGINT":
        assert "Dibatalkan." in run.stderr


WORKER_SCRIPT = """
import os, signal, sys, time
from pathlib import Path
from xlkinerja.cli.app import stop_on_signals
from xlkinerja.jobs import workers

def write(target):
    from xlkinerja.files.atomic import atomic_path
    with atomic_path(Path(target)) as tmp:
        tmp.write_bytes(b"setengah")
        print(tmp, flush=True)
        time.sleep(60)

if __name__ == "__main__":
    stop_on_signals()
    with workers.worker_pool(2) as pool:
        pending = pool.submit(write, sys.argv[1])
        time.sleep(30)
"""


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_worker_removes_the_file_it_writes_when_the_program_is_stopped(
    tmp_path: Path, sig: signal.Signals
):
    script = tmp_path / "tugas.py"
    script.write_text(textwrap.dedent(WORKER_SCRIPT))
    target = tmp_path / "hasil.xlsx"
    run = subprocess.Popen(
        [sys.executable, str(script), str(target)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV,
        start_new_session=True,
    )  # fmt: skip
    try:
        assert run.stdout is not None
        tmp = Path(run.stdout.readline().strip())  # the worker is writing it now
        assert tmp.exists()
        if sig == signal.SIGINT:
            os.killpg(run.pid, sig)  # Ctrl+C: the whole group
        else:
            os.kill(run.pid, sig)
        run.communicate(timeout=30)
        assert run.returncode == 128 + sig
        assert not tmp.exists()
        assert not target.exists()
    finally:
        for pid, _ in session_processes(run.pid):
            os.kill(pid, signal.SIGKILL)


def test_a_temporary_file_left_by_a_kill_is_not_read_as_a_submission(tmp_path: Path):
    shutil.copy(SAMPLE / "TI-jurusan-teknik-informatika.xlsx", tmp_path / "TI.xlsx")
    (tmp_path / ".REKAP-k2j4x9.xlsx").write_bytes(b"PK\x03\x04 setengah")  # a kill -9 mid-write
    (tmp_path / ".TI-abcd1234.xlsx").write_bytes(b"")
    assert collect_workbooks([tmp_path]) == [tmp_path / "TI.xlsx"]
    run = subprocess.run(
        [sys.executable, "-m", "xlkinerja", "kompilasi", str(tmp_path), "-m", str(MASTER),
         "-o", str(tmp_path / "rekap.xlsx"), "--tanpa-arsip", "--format", "json"],
        capture_output=True, text=True, timeout=120, env=ENV, check=False,
    )  # fmt: skip
    assert '"berkas_tidak_terbaca": []' in run.stdout, run.stdout + run.stderr
