"""The fault suite (`pytest -m fault`, part of the default run and of CI): the CLI as a
hostile user and a flaky machine would treat it. kill -9 / SIGTERM / Ctrl+C at random moments of
kompilasi and of validasi --annotate, concurrent runs on one archive (SQLite and the real
PostgreSQL server), hostile cell texts through validasi, kompilasi and pohon, and odd file
systems (read-only, symlinks, long and unicode names). After every run: no user file lost,
archive sound, no traceback, no hang, no process left. The tally goes to docs/keandalan.md
(XLKINERJA_KEANDALAN=path writes it as JSON).

The moments are random; the seed is printed with a failure (XLKINERJA_FAULT_SEED repeats
a run)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from tests.fault_tools import (
    ENV,
    Tally,
    annotated,
    archive_sound,
    hostile_workbook,
    lost_files,
    run_cli,
    sha,
    whole_package,
)
from xlkinerja.jobs.ringkasan import collect_workbooks

pytestmark = [
    pytest.mark.fault,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc, signals"),
]
MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
UNIT_FILES = sorted(p for p in SAMPLE.glob("*.xlsx") if p != MASTER)
SEED = int(os.environ.get("XLKINERJA_FAULT_SEED", time.time_ns() % 1_000_000))
SIGNALS = [signal.SIGKILL, signal.SIGTERM, signal.SIGINT]  # kill -9, kill, Ctrl+C in turn
RUNS = 9  # moments per job: each signal three times


@pytest.fixture(scope="module")
def tally() -> Iterator[Tally]:
    found = Tally()
    yield found
    found.write()


@pytest.fixture(scope="module")
def rng() -> random.Random:
    print(f"XLKINERJA_FAULT_SEED={SEED}")
    return random.Random(SEED)


def _submissions(folder: Path, copies: int) -> dict[str, str]:
    folder.mkdir(exist_ok=True)
    for n in range(copies):
        for source in UNIT_FILES:
            shutil.copy(source, folder / f"{source.stem}-{n:02}.xlsx")
    return {p.name: sha(p) for p in folder.glob("*.xlsx")}


def _duration(args: list[str], tally: Tally) -> float:
    start = time.monotonic()
    run = run_cli(tally, args)
    assert run.code in (0, 1) and not run.internal, run.err
    return time.monotonic() - start


def test_kill_during_kompilasi(tmp_path: Path, tally: Tally, rng: random.Random):
    folder = tmp_path / "kiriman"
    originals = _submissions(folder, 1)  # one file per unit: every one is recorded
    db, out = tmp_path / "arsip.sqlite", tmp_path / "REKAP.xlsx"
    args = ["kompilasi", str(folder), "-m", str(MASTER), "-o", str(out), "--db", str(db),
            "--proses", "2", "--senyap"]  # fmt: skip
    full = _duration(args, tally)
    tally.survived += 1
    for n in range(RUNS):
        (folder / "TI-jurusan-teknik-informatika-00.xlsx").touch()  # a new version to record
        sig = SIGNALS[n % len(SIGNALS)]
        before = {p.name for p in tmp_path.iterdir() if p.name.startswith(".")}
        run = run_cli(tally, args, stop_after=rng.uniform(0.05, full), sig=sig)
        hidden = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
        hidden = [name for name in hidden if name not in before]  # left by this run
        expected = {*collect_workbooks([folder]), *([out] if out.exists() else [])}
        failed = [
            name
            for name, held in {
                "hang": not run.hung,
                "traceback": not run.internal,
                "inputs changed": all(sha(folder / f) == d for f, d in originals.items()),
                "archive unsound": archive_sound(db),
                "rekap half-written": not out.exists() or whole_package(out),
                # After SIGTERM or Ctrl+C nothing is left; after kill -9 a temporary
                # file may be, and it is never read as a submission.
                "temporary file left": sig == signal.SIGKILL or not hidden,
                "temporary file read": set(collect_workbooks([tmp_path])) == expected,
                # 130/143: stopped by the handler; -2/-15: as the interpreter was leaving
                "exit code": sig == signal.SIGKILL or run.code in (0, 1, 130, 143, -2, -15),
            }.items()
            if not held
        ]
        tally.survived += not failed
        assert not failed, f"seed {SEED}, run {n}, {sig!r}: {failed} {hidden} {run.err[-1500:]}"
    # The archive still takes the next run, and the next rekap.
    after = run_cli(tally, args)
    assert after.code in (0, 1) and not after.internal, after.err
    assert archive_sound(db)
    tally.survived += 1


def test_kill_during_annotate(tmp_path: Path, tally: Tally, rng: random.Random):
    folder = tmp_path / "kiriman"
    originals = _submissions(folder, 2)
    args = ["validasi", str(folder), "--annotate", "--proses", "2", "--senyap"]
    full = _duration(args, tally)
    tally.survived += 1
    for n in range(RUNS):
        shutil.rmtree(folder)
        assert _submissions(folder, 2) == originals
        sig = SIGNALS[n % len(SIGNALS)]
        run = run_cli(tally, args, stop_after=rng.uniform(0.05, full), sig=sig)
        lost = lost_files(folder, originals)
        tally.files_lost += len(lost)
        hidden = [p.name for p in folder.iterdir() if p.name.startswith(".")]
        ok = not lost and not run.hung and not run.internal
        ok &= sig == signal.SIGKILL or not hidden
        tally.survived += ok
        assert ok, f"seed {SEED}, run {n}, {sig!r}: lost {lost} {hidden}; {run.err[-2000:]}"


def _background_kompilasi(folder: Path, out: Path, db: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "xlkinerja", "kompilasi", str(folder), "-m", str(MASTER),
         "-o", str(out), "--db", db, "--senyap"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV,
    )  # fmt: skip


def test_concurrent_kompilasi_on_one_archive(db: str, tmp_path: Path, tally: Tally):
    folder = tmp_path / "kiriman"
    _submissions(folder, 1)
    runs = [_background_kompilasi(folder, tmp_path / f"rekap-{n}.xlsx", db) for n in range(2)]
    tally.faults += 1
    for run in runs:
        tally.cases += 1
        _, err = run.communicate(timeout=120)
        assert run.returncode in (0, 1) and "Traceback" not in err, err
        tally.survived += 1
    from xlkinerja.store.archive import Archive

    with Archive.open(db) as archive:  # each file recorded once: the other run saw it
        assert all(v.version == 1 for v in archive.submissions())
    if "://" not in db:
        assert archive_sound(Path(db))


@pytest.mark.parametrize("command", ["validasi", "kompilasi", "pohon", "annotate"])
def test_hostile_cell_texts(tmp_path: Path, tally: Tally, command: str):
    folder = tmp_path / "kiriman"
    folder.mkdir()
    book = hostile_workbook(folder / "TI-hostile.xlsx")
    args = {
        "validasi": ["validasi", str(folder), "-m", str(MASTER)],
        "annotate": ["validasi", str(folder), "--annotate"],
        "kompilasi": ["kompilasi", str(folder), "-m", str(MASTER), "-o",
                      str(tmp_path / "r.xlsx"), "--tanpa-arsip"],
        "pohon": ["pohon", str(folder), "-m", str(MASTER), "-o", str(tmp_path / "pohon")],
    }[command]  # fmt: skip
    tally.faults += 1
    run = run_cli(tally, args)
    ok = run.code in (0, 1) and not run.internal and not run.hung
    ok &= "\x1b" not in run.out + run.err  # no escape sequence reaches the terminal
    if command == "annotate":
        ok &= annotated(book)
    tally.survived += ok
    assert ok, run.err[-3000:]


def test_odd_file_system(tmp_path: Path, tally: Tally):
    folder = tmp_path / "kiriman"
    folder.mkdir()
    skp = SAMPLE / "skp-TI-budi-santoso.xlsx"
    names = {
        "long": "s" * 245 + ".xlsx",
        "unicode": "Laporan ñ ك 😀 Ünïcödé.xlsx",
        "plain": "biasa.xlsx",
        "read_only": "hanya-baca.xlsx",
    }
    for name in names.values():
        shutil.copy(skp, folder / name)
    (folder / names["read_only"]).chmod(0o444)
    outside = tmp_path / "luar.xlsx"
    shutil.copy(skp, outside)
    (folder / "tautan.xlsx").symlink_to(outside)
    (folder / "tautan-lagi.xlsx").symlink_to(folder / names["plain"])  # the same file again
    originals = {p.name: sha(p) for p in folder.iterdir()}
    tally.faults += 4
    run = run_cli(tally, ["validasi", str(folder), "--annotate", "--format", "json"])
    ok = run.code == 1 and not run.internal and not run.hung
    lost = lost_files(folder, originals)
    tally.files_lost += len(lost)
    ok &= not lost
    ok &= sha(outside) == originals["tautan.xlsx"]  # never written through the link
    ok &= sha(folder / names["read_only"]) == originals[names["read_only"]]
    ok &= all(annotated(folder / names[k]) for k in ("long", "unicode", "plain"))
    ok &= '"gagal_ditandai"' in run.out
    tally.survived += ok
    assert ok, run.out[-3000:] + run.err[-3000:]
