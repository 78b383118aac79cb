"""`validasi --annotate` over many files when some cannot be written: each failure is
reported for its file, the others are annotated, the findings are still reported, and the
exit code says that something failed. Two runs on one folder take turns."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from tests.coded import codes_shown
from tests.conftest import ROOT, SAMPLE
from xlkinerja.cli import app
from xlkinerja.errors import ErrorCode
from xlkinerja.files import folder_lock
from xlkinerja.files.backup import BACKUP_FOLDER
from xlkinerja.jobs.validasi import validate_paths

runner = CliRunner()
UNIT = "AK-jurusan-akuntansi.xlsx"
SKP = "skp-TI-budi-santoso.xlsx"
REPORT_SHEET = "Hasil Validasi"


def _annotated(path: Path) -> bool:
    return REPORT_SHEET in openpyxl.load_workbook(path, read_only=True).sheetnames


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    work = tmp_path / "kiriman"
    work.mkdir()
    for name in (UNIT, SKP):
        shutil.copy(SAMPLE / name, work / name)
    return work


def test_a_read_only_file_is_reported_and_the_others_are_annotated(folder: Path):
    locked = folder / SKP
    original = locked.read_bytes()
    locked.chmod(0o444)
    result = runner.invoke(app, ["validasi", str(folder), "--annotate", "--format", "json"])
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert payload["temuan"]  # the findings report is still given
    [failure] = payload["gagal_ditandai"]
    assert Path(failure["berkas"]).name == SKP
    assert failure["kode"] == ErrorCode.PENANDAAN_HANYA_BACA
    assert locked.read_bytes() == original
    assert locked.stat().st_mode & 0o777 == 0o444  # mode kept, file not replaced
    assert _annotated(folder / UNIT)
    assert "Traceback" not in result.output


def test_a_failure_is_printed_for_people_after_the_findings(folder: Path):
    (folder / SKP).chmod(0o444)
    result = runner.invoke(app, ["validasi", str(folder), "--annotate"])
    assert result.exit_code == 1
    assert "Hasil validasi" in result.stderr
    assert codes_shown(result.stderr, "Tidak ditandai") == [ErrorCode.PENANDAAN_HANYA_BACA]
    assert f"Tidak ditandai [penandaan.hanya_baca]: Berkas '{SKP}'" in result.stderr


def test_a_clean_file_that_cannot_be_annotated_still_exits_1(folder: Path):
    (folder / UNIT).unlink()
    (folder / SKP).chmod(0o444)
    result = runner.invoke(app, ["validasi", str(folder), "--annotate"])
    assert result.exit_code == 1  # without --annotate this file exits 0
    assert runner.invoke(app, ["validasi", str(folder)]).exit_code == 0


def test_a_file_changed_after_it_was_read_is_not_written(folder: Path):
    changed = folder / UNIT

    def edit_after_reading(name: str) -> None:
        if Path(name).name == UNIT:  # as Excel saving the file while the others are read
            shutil.copy(SAMPLE / "TI-jurusan-teknik-informatika.xlsx", changed)

    new_content = (SAMPLE / "TI-jurusan-teknik-informatika.xlsx").read_bytes()
    result = validate_paths([folder], annotate=True, workers=1, progress=edit_after_reading)
    [failure] = result.failed
    assert failure.path.name == UNIT
    assert failure.code is ErrorCode.PENANDAAN_BERKAS_BERUBAH
    assert changed.read_bytes() == new_content
    assert [p.name for p in result.annotated] == [SKP]


def test_a_name_too_long_for_the_backup_is_still_annotated(folder: Path):
    long_name = folder / ("u" * (250 - len(".xlsx")) + ".xlsx")  # 250 bytes: + time > 255
    (folder / SKP).rename(long_name)
    original = long_name.read_bytes()
    result = validate_paths([folder], annotate=True, workers=1)
    assert result.failed == []
    assert _annotated(long_name)
    [backup] = [b for b in result.backups if b.name.startswith("u")]
    assert backup.read_bytes() == original
    assert len(backup.name.encode()) <= 255


def test_a_failure_in_a_worker_process_is_reported_per_file(folder: Path):
    for number in range(3):  # enough files for worker processes (--proses 2)
        shutil.copy(SAMPLE / SKP, folder / f"skp-{number}.xlsx")
    (folder / "skp-1.xlsx").chmod(0o444)
    result = validate_paths([folder], annotate=True, workers=2)
    assert [f.path.name for f in result.failed] == ["skp-1.xlsx"]
    assert len(result.annotated) == 4


def test_a_folder_another_run_holds_is_reported_not_written(
    folder: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(folder_lock, "WAIT_SECONDS", 0.3)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with folder_lock.folders_locked([folder]) as busy:  # the other run
        assert busy == set()
        result = validate_paths([folder], annotate=True, workers=1)
    assert result.findings  # still validated and reported
    assert sorted(f.path.name for f in result.failed) == sorted(before)
    assert {f.code for f in result.failed} == {ErrorCode.PENANDAAN_FOLDER_SIBUK}
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_a_second_run_waits_for_the_first_and_then_annotates(folder: Path):
    holding, release = threading.Event(), threading.Event()

    def first_run() -> None:
        with folder_lock.folders_locked([folder]):
            holding.set()
            release.wait(10)

    thread = threading.Thread(target=first_run)
    thread.start()
    holding.wait(10)
    threading.Timer(0.5, release.set).start()
    stages: list[str] = []
    result = validate_paths([folder], annotate=True, workers=1, stage=stages.append)
    thread.join()
    assert stages[0].startswith("Menunggu proses lain selesai menandai")
    assert result.failed == []
    assert len(result.annotated) == 2


def _validasi(folder: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "xlkinerja", "validasi", str(folder), "--annotate", "-f", "json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip


@pytest.mark.lambat  # the CLI in subprocesses
def test_two_concurrent_runs_on_one_folder_both_succeed(folder: Path):
    for number in range(4):
        shutil.copy(SAMPLE / SKP, folder / f"skp-{number}.xlsx")
    runs = [_validasi(folder), _validasi(folder)]
    outputs = [run.communicate(timeout=120) for run in runs]
    for run, (stdout, stderr) in zip(runs, outputs, strict=True):
        assert run.returncode == 1, stderr  # the sample unit has galat; nothing failed
        assert "gagal_ditandai" not in json.loads(stdout)
        assert "Traceback" not in stderr
    backups = list((folder / BACKUP_FOLDER).iterdir())
    assert len(backups) == 2 * 6  # each run kept each file's original
    assert all(_annotated(p) for p in folder.glob("*.xlsx"))
