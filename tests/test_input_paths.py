"""Which files a run reads, and what it records: symbolic links (followed for reading,
never written through), loops (exit 2), a file given twice (read once), and a unit that
two files claim (not recorded as that unit's version)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from tests.coded import error_code, raises
from tests.conftest import SAMPLE
from xlkinerja.cli import app
from xlkinerja.errors import ErrorCode
from xlkinerja.jobs.ringkasan import collect_workbooks
from xlkinerja.jobs.validasi import validate_paths
from xlkinerja.store.archive import Archive

runner = CliRunner()
MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
TI = "TI-jurusan-teknik-informatika.xlsx"
SKP = "skp-TI-budi-santoso.xlsx"


def test_a_symlink_to_a_file_outside_is_read_but_not_written(tmp_path: Path):
    outside = tmp_path / "luar"
    outside.mkdir()
    target = outside / "asli.xlsx"
    shutil.copy(SAMPLE / SKP, target)
    original = target.read_bytes()
    folder = tmp_path / "kiriman"
    folder.mkdir()
    (folder / "tautan.xlsx").symlink_to(target)
    result = validate_paths([folder], annotate=True, workers=1)
    assert [p.name for p in result.files] == ["tautan.xlsx"]
    assert result.forms  # read through the link
    [failure] = result.failed
    assert failure.code is ErrorCode.PENANDAAN_TAUTAN_SIMBOLIK
    assert target.read_bytes() == original
    assert (folder / "tautan.xlsx").is_symlink()
    assert not (outside / "cadangan-xlkinerja").exists()


@pytest.mark.parametrize("kind", ["self", "pair"])
def test_a_symlink_loop_in_kompilasi_is_exit_2(tmp_path: Path, kind: str):
    shutil.copy(SAMPLE / TI, tmp_path / TI)
    if kind == "self":
        (tmp_path / "putar.xlsx").symlink_to("putar.xlsx")
    else:
        (tmp_path / "a.xlsx").symlink_to("b.xlsx")
        (tmp_path / "b.xlsx").symlink_to("a.xlsx")
    result = runner.invoke(
        app, ["kompilasi", str(tmp_path), "-m", str(MASTER), "-o", str(tmp_path / "r.xlsx"),
              "--tanpa-arsip"],
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert error_code(result.stderr) == ErrorCode.BERKAS_TAUTAN_BERPUTAR
    assert "Kesalahan internal" not in result.output
    assert not (tmp_path / "r.xlsx").exists()


def test_the_same_file_given_twice_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "kiriman"
    folder.mkdir()
    for name in (TI, SKP):
        shutil.copy(SAMPLE / name, folder / name)
    (tmp_path / "lagi.xlsx").symlink_to(folder / SKP)
    monkeypatch.chdir(tmp_path)
    given = [folder, folder / TI, Path("kiriman") / ".." / "kiriman" / SKP, Path("lagi.xlsx")]
    assert collect_workbooks(given) == [folder / TI, folder / SKP]
    result = validate_paths(given, annotate=True, workers=1)
    assert "kaskade.unit.ganda" not in {f.code for f in result.findings}
    assert len(result.annotated) == 2
    report = openpyxl.load_workbook(folder / TI, read_only=True)["Hasil Validasi"]
    codes = [row[2] for row in report.iter_rows(min_row=2, values_only=True)]
    assert "kaskade.unit.ganda" not in codes


def test_a_loop_is_refused_by_collect_workbooks(tmp_path: Path):
    (tmp_path / "x.xlsx").symlink_to("x.xlsx")
    with raises(ErrorCode.BERKAS_TAUTAN_BERPUTAR):
        collect_workbooks([tmp_path])


def test_two_files_of_one_unit_are_not_recorded_as_its_versions(tmp_path: Path):
    folder = tmp_path / "kiriman"
    folder.mkdir()
    shutil.copy(SAMPLE / TI, folder / TI)
    shutil.copy(SAMPLE / TI, folder / "TI-revisi.xlsx")
    shutil.copy(SAMPLE / SKP, folder / SKP)
    db = str(tmp_path / "arsip.sqlite")
    result = runner.invoke(
        app, ["kompilasi", str(folder), "-m", str(MASTER), "-o", str(tmp_path / "r.xlsx"),
              "--db", db, "--format", "json"],
    )  # fmt: skip
    payload = json.loads(result.stdout)
    assert payload["tidak_dicatat_unit_ganda"] == {"TI": ["TI-jurusan-teknik-informatika.xlsx",
                                                         "TI-revisi.xlsx"]}  # fmt: skip
    with Archive.open(db) as archive:
        assert archive.versions("TI") == []  # neither is TI's version
        kinds = sorted(v.kind for v in archive.submissions())
    assert kinds == ["master", "skp"]  # the others are recorded
    text = runner.invoke(
        app, ["kompilasi", str(folder), "-m", str(MASTER), "-o", str(tmp_path / "r.xlsx"),
              "--db", db],
    )  # fmt: skip
    assert "Tidak dicatat ke arsip: unit TI ada di 2 berkas" in text.stderr
    rekap = openpyxl.load_workbook(tmp_path / "r.xlsx", read_only=True)
    codes = {c for row in rekap["Temuan"].iter_rows(values_only=True) for c in row}
    assert "kaskade.unit.ganda" in codes
