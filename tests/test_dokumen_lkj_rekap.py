"""`xlkinerja dokumen lkj REKAP.xlsx`: chapter III of the Laporan Kinerja from a compiled
workbook alone — the same chapter as from the unit workbooks the rekap was compiled from
(sasaran, IKU numbers, capaian, predikat, kendala and tindak lanjut, budgets), also after
LibreOffice saved the rekap; the master from --master or the archive, else an Indonesian
error (exit 2). The Rekap Capaian carries each IKK's kendala and tindak lanjut."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from tests import lo
from tests.coded import error_code
from tests.conftest import SAMPLE
from xlkinerja.cli.app import app
from xlkinerja.errors import ErrorCode
from xlkinerja.jobs.inputs import CompiledRekap, workbook_files
from xlkinerja.jobs.kompilasi import compile_workbooks
from xlkinerja.jobs.lkj import write_lkj_chapter
from xlkinerja.kompilasi.lkj import Lkj
from xlkinerja.sources.reader import read_form

MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
STEM = "lkj-bab-iii-2025"
runner = CliRunner()


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sample compiled into a rekap, and the archive the kompilasi recorded (its master
    among the versions)."""
    tmp = tmp_path_factory.mktemp("rekap")
    db = tmp / "arsip.sqlite"
    compile_workbooks(
        workbook_files([SAMPLE], master=MASTER), output=tmp / "rekap-kinerja.xlsx", db=db, workers=1
    )
    return tmp / "rekap-kinerja.xlsx", db


@pytest.fixture(scope="module")
def from_units(compiled: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Lkj:
    _, db = compiled
    out = tmp_path_factory.mktemp("dari-unit")
    return write_lkj_chapter(workbook_files([SAMPLE], master=MASTER), output=out, db=db).lkj


def _plain(value: Any) -> Any:
    """The chapter as plain data, numbers to 12 significant digits: the rekap keeps 16
    (a capaian like 103.66666666666667 reads back as 103.6666666666667)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _plain(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return float(f"{value:.12g}")
    return value


def _xlsx_values(path: Path) -> list[list[Any]]:
    book = openpyxl.load_workbook(path, data_only=True)
    return _plain([list(r) for r in book["Bab III"].iter_rows(values_only=True)])


@pytest.mark.lambat  # the chapter and its PDF three times
def test_the_chapter_from_the_rekap_is_the_chapter_from_its_unit_workbooks(
    compiled: tuple[Path, Path], from_units: Lkj, tmp_path: Path
):
    rekap, db = compiled
    run = runner.invoke(
        app,
        [
            "dokumen",
            "lkj",
            str(rekap),
            "--master",
            str(MASTER),
            "--db",
            str(db),
            "-o",
            str(tmp_path),
        ],
    )
    assert run.exit_code == 0, run.output
    assert "rekap rekap-kinerja.xlsx" in " ".join(run.output.split())
    from_rekap = write_lkj_chapter(
        CompiledRekap(rekap), master=MASTER, output=tmp_path / "lagi", db=db
    ).lkj
    assert _plain(from_rekap) == _plain(from_units)
    # ... and it is the whole chapter, not two empty ones alike
    iku = {i.kode_iku: i for s in from_rekap.sasaran for i in s.iku}
    assert [s.kode_ss for s in from_rekap.sasaran] == ["SS-1", "SS-2", "SS-3", "SS-4"]
    # s.d. TW III, of TI and TM (AK has not reported it), as a ratio (IKU-1's Agregasi):
    # 66 of 100 and 29 of 50 graduates, against 70 % and 60 % weighted by them
    shown = (iku["IKU-1"].target_periode, iku["IKU-1"].realisasi)
    assert shown == pytest.approx(((70 * 100 + 60 * 50) / 150, 95 / 150 * 100))
    assert iku["IKU-1"].predikat == "Sangat Baik"
    assert iku["IKU-3"].realisasi == 238  # beban target: 142 + 96
    assert iku["IKU-5"].realisasi is None and iku["IKU-5"].realisasi_alasan  # judul, proposal
    assert ("Jurusan Teknik Informatika", "IKK-TI-1", "TW III") in {
        (f.unit, f.kode_ikk, f.tw) for f in iku["IKU-1"].faktor
    }
    # the 7 rows with a kendala or tindak lanjut, and the 4 with a faktor pendukung only
    assert sum(len(i.faktor) for i in iku.values()) == 11
    assert sum(1 for i in iku.values() for f in i.faktor if f.pendukung) == 5
    assert sum(a.anggaran or 0 for a in from_rekap.anggaran) == 7_660_000_000
    # The workbook written from the rekap holds the values of the one from the units.
    units_out = tmp_path / "unit"
    run = runner.invoke(
        app,
        [
            "dokumen",
            "lkj",
            str(SAMPLE),
            "--master",
            str(MASTER),
            "--db",
            str(db),
            "-o",
            str(units_out),
        ],
    )
    assert run.exit_code == 0, run.output
    assert _xlsx_values(tmp_path / f"{STEM}.xlsx") == _xlsx_values(units_out / f"{STEM}.xlsx")


@pytest.mark.libreoffice
def test_a_rekap_saved_by_libreoffice_gives_the_same_chapter(
    compiled: tuple[Path, Path], from_units: Lkj, tmp_path: Path
):
    rekap, db = compiled
    (saved,) = lo.convert([rekap], "xlsx", tmp_path / "lo", tmp_path / "profil")
    assert saved.read_bytes() != rekap.read_bytes()
    run = runner.invoke(
        app, ["dokumen", "lkj", str(saved), "--db", str(db), "-o", str(tmp_path / "out")]
    )
    assert run.exit_code == 0, run.output
    again = write_lkj_chapter(CompiledRekap(saved), output=tmp_path / "lagi", db=db).lkj
    assert _plain(again) == _plain(from_units)


@pytest.mark.lambat  # `from_units` writes the chapter and its PDF
def test_without_master_the_archives_master_of_the_rekaps_year_is_used(
    compiled: tuple[Path, Path], from_units: Lkj, tmp_path: Path
):
    rekap, db = compiled
    lkj = write_lkj_chapter(
        CompiledRekap(rekap), output=tmp_path, db=db
    ).lkj  # kompilasi recorded the master
    assert _plain(lkj) == _plain(from_units)


def test_a_rekap_without_master_and_none_in_the_archive_is_an_indonesian_error_exit_2(
    compiled: tuple[Path, Path], tmp_path: Path
):
    rekap, _ = compiled
    run = runner.invoke(
        app,
        [
            "dokumen",
            "lkj",
            str(rekap),
            "--db",
            str(tmp_path / "kosong.sqlite"),
            "-o",
            str(tmp_path),
        ],
    )
    assert run.exit_code == 2
    flat = " ".join(run.output.split())
    assert error_code(flat) == ErrorCode.ARSIP_MASTER_TIDAK_ADA
    assert "'rekap-kinerja.xlsx'" in flat and "tahun 2025" in flat  # the rekap, its year
    assert "--master" in flat  # the way out
    assert "Traceback" not in run.output
    assert not list(tmp_path.glob("lkj-*"))


def test_a_rekap_among_unit_workbooks_is_refused_exit_2(
    compiled: tuple[Path, Path], tmp_path: Path
):
    rekap, _ = compiled
    run = runner.invoke(
        app,
        [
            "dokumen", "lkj", str(rekap), str(SAMPLE / "TI-jurusan-teknik-informatika.xlsx"),
            "--master", str(MASTER), "-o", str(tmp_path),
        ],
    )  # fmt: skip
    assert run.exit_code == 2
    assert "berikan rekap itu saja, atau workbook unit saja" in " ".join(run.output.split())


def test_the_rekap_capaian_shows_each_quarters_kendala_and_tindak_lanjut(
    compiled: tuple[Path, Path],
):
    rekap, _ = compiled
    rows = CalamineWorkbook.from_path(str(rekap)).get_sheet_by_name("Rekap Capaian").to_python()
    header = next(i for i, r in enumerate(rows) if r[:3] == ["IKU", "Unit", "Kode IKK"])
    assert rows[header][10:13] == ["Keterangan", "Kendala", "Tindak Lanjut"]
    body = {(r[2], r[4]): r for r in rows[header + 1 :] if r[2]}
    assert body["IKK-TI-1", "TW III"][11:13] == [
        "Tracer study baru terisi 70% responden",
        "Dibahas dalam rapat jurusan",
    ]
    assert body["IKK-TI-1", "TW II"][11:13] == ["", ""]  # that quarter TI wrote none
    # AK wrote no kendala for IKK-AK-1 in TW I although below target: blank, not made up
    assert body["IKK-AK-1", "TW I"][11:13] == ["", ""]
    assert body["IKK-AK-1", "TW II"][11] == "Responden tracer study belum lengkap"
    assert len([k for k, r in body.items() if r[11] or r[12]]) == 7  # all the sample wrote


def test_a_master_of_another_year_than_the_rekap_is_refused_exit_2(
    compiled: tuple[Path, Path], tmp_path: Path
):
    rekap, db = compiled
    field = read_form(MASTER).fields["tahun"]
    book = openpyxl.load_workbook(MASTER)
    book[field.sheet][field.cell] = 2024
    book.save(tmp_path / "master-2024.xlsx")
    run = runner.invoke(
        app,
        [
            "dokumen", "lkj", str(rekap), "--master", str(tmp_path / "master-2024.xlsx"),
            "--db", str(db), "-o", str(tmp_path / "out"),
        ],
    )  # fmt: skip
    assert run.exit_code == 2
    flat = " ".join(run.output.split())
    assert "workbook master tahun 2024, rekap 'rekap-kinerja.xlsx' tahun 2025" in flat


def test_a_rekap_without_the_kendala_columns_is_refused_for_the_lkj_not_left_without(
    compiled: tuple[Path, Path], tmp_path: Path
):
    """A rekap of an older xlkinerja (no Kendala, Tindak Lanjut in the Rekap Capaian): the
    chapter would lack its analysis, so it says to compile again (exit 2); ekspor still
    reads it."""
    rekap, db = compiled
    book = openpyxl.load_workbook(rekap)
    ws = book["Rekap Capaian"]
    header = next(
        r for r in ws.iter_rows() if [c.value for c in r[:3]] == ["IKU", "Unit", "Kode IKK"]
    )
    for cell in header[11:13]:
        cell.value = None
    old = tmp_path / "rekap-lama.xlsx"
    book.save(old)
    run = runner.invoke(
        app,
        ["dokumen", "lkj", str(old), "--master", str(MASTER), "--db", str(db), "-o", str(tmp_path)],
    )
    assert run.exit_code == 2
    flat = " ".join(run.output.split())
    assert error_code(flat) == ErrorCode.REKAP_KOLOM_HILANG
    assert "Kendala dan Tindak Lanjut" in flat and "Rekap Capaian" in flat  # columns, sheet
    ekspor = runner.invoke(app, ["ekspor", str(old), "--output", str(tmp_path / "ekspor")])
    assert ekspor.exit_code == 0, ekspor.output
