"""A user's workbook is never replaced without keeping the original, and reports are never
written over the workbooks users fill."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from tests.coded import raises
from tests.conftest import SAMPLE
from xlkinerja.cli import app
from xlkinerja.errors import ErrorCode, OutputError
from xlkinerja.files.backup import BACKUP_FOLDER
from xlkinerja.jobs.inputs import workbook_files
from xlkinerja.jobs.kompilasi import compile_workbooks
from xlkinerja.jobs.templat import write_blank_templates, write_unit_workbooks
from xlkinerja.sample.build import MASTER_FILE

MASTER = SAMPLE / MASTER_FILE
TI = "TI-jurusan-teknik-informatika.xlsx"
NOW = datetime(2025, 4, 10, 9, 0)


def test_regenerating_unit_workbooks_keeps_the_filled_ones(tmp_path: Path):
    shutil.copy(SAMPLE / TI, tmp_path / TI)  # a unit workbook the unit has filled
    filled = (tmp_path / TI).read_bytes()
    result = write_unit_workbooks(MASTER, tmp_path, units=["TI"], now=NOW)
    assert result.written == [tmp_path / TI]
    [backup] = result.backups
    assert backup.parent == tmp_path / BACKUP_FOLDER
    assert backup.read_bytes() == filled
    assert (tmp_path / TI).read_bytes() != filled  # the fresh pre-filled workbook


def test_unchanged_templates_leave_no_copies(tmp_path: Path):
    first = write_blank_templates(tmp_path)
    again = write_blank_templates(tmp_path)
    assert first.backups == again.backups == []
    assert not (tmp_path / BACKUP_FOLDER).exists()


def test_cli_says_which_originals_were_kept(tmp_path: Path):
    shutil.copy(SAMPLE / TI, tmp_path / TI)
    run = CliRunner().invoke(
        app, ["templat", "--master", str(MASTER), "--unit", "TI", "--output", str(tmp_path)]
    )
    assert run.exit_code == 0, run.output
    assert "cadangan" in run.stderr and BACKUP_FOLDER in run.stderr


@pytest.mark.parametrize("target", [MASTER_FILE, TI])
def test_kompilasi_never_writes_over_a_form_workbook(tmp_path: Path, target: str):
    folder = tmp_path / "kiriman"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("*.md"))
    before = (folder / target).read_bytes()
    with raises(ErrorCode.KELUARAN_MENIMPA_ISIAN, OutputError):
        compile_workbooks(
            workbook_files([folder], master=folder / MASTER_FILE),
            output=folder / target,
            record=False,
        )
    assert (folder / target).read_bytes() == before


def test_kompilasi_keeps_another_file_but_replaces_its_own_rekap(tmp_path: Path):
    folder = tmp_path / "kiriman"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("*.md"))
    output = folder / "rekap.xlsx"  # in the folder that is compiled
    book = openpyxl.Workbook()
    book.active["A1"] = "catatan pimpinan"  # somebody's own workbook of that name
    book.save(output)
    theirs = output.read_bytes()
    first = compile_workbooks(
        workbook_files([folder], master=folder / MASTER_FILE), output=output, record=False
    )
    assert first.backup is not None and first.backup.read_bytes() == theirs
    second = compile_workbooks(
        workbook_files([folder], master=folder / MASTER_FILE), output=output, record=False
    )
    assert second.backup is None  # an earlier rekap is simply replaced
    assert output not in second.files  # and never read as a submission
    assert not second.kompilasi.tidak_terbaca
