"""The esakip-renstra-opd profile against its importer: the e-SAKIP of Kabupaten
Banjarnegara's Renstra OPD import, transcribed in tests/esakip_bna.py from the files it
names. Our file for the sample is imported with no failed row, every IKU and IKK of the
sample is in it or named on its "Tidak diekspor" sheet, an arah turun arrives negatif;
what the importer would refuse (no identity, an unknown arah, too many rows) is refused
here before any file is written, with the file and field named."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from tests.coded import error_code
from tests.conftest import SAMPLE
from tests.esakip_bna import import_renstra, read_first_sheet
from xlkinerja.cli.app import app
from xlkinerja.errors import ErrorCode
from xlkinerja.jobs.inputs import workbook_files
from xlkinerja.jobs.kompilasi import compile_workbooks

MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
runner = CliRunner()


@pytest.fixture(scope="module")
def rekap(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("renstra") / "rekap.xlsx"
    compile_workbooks(workbook_files([SAMPLE], master=MASTER), output=out, record=False)
    return out


def _export(rekap: Path, out: Path, master: Path = MASTER) -> tuple[int, str]:
    run = runner.invoke(
        app,
        ["ekspor", str(rekap), "--profil", "esakip-renstra-opd", "--master", str(master),
         "--output", str(out)],
    )  # fmt: skip
    return run.exit_code, run.output


def _identity(master: Path) -> dict[str, str]:
    from xlkinerja.sources.reader import read_form
    from xlkinerja.validation.normalise import normalise_form

    form = normalise_form(read_form(master))[0]
    return {k: str(form.field(k)) for k in ("kode_opd", "judul_rpjmd")}  # type: ignore[arg-type]


def test_the_importer_takes_every_row_of_our_file(rekap: Path, tmp_path: Path):
    code, output = _export(rekap, tmp_path)
    assert code == 0, output
    path = next(tmp_path.glob("esakip-renstra-opd-*.xlsx"))
    ident = _identity(MASTER)
    done = import_renstra(
        path, opd_kode=ident["kode_opd"], rpjmd_judul=ident["judul_rpjmd"],
        periods=set(range(2025, 2030)),
    )  # fmt: skip
    assert done.failed == [] and done.dropped == 0
    # every IKU of the master as an indicator of its sasaran, with its five yearly targets
    iku = {r["kode"]: r for r in done.rows["indikator_sasaran"]}
    assert set(iku) == {f"IKU-{n}" for n in range(1, 9)}
    assert iku["IKU-8"]["tipe"] == "negatif" and iku["IKU-1"]["tipe"] == "positif"
    years = {(k, y) for k, y, _ in done.targets if k in iku}
    assert years == {(k, y) for k in iku for y in range(2025, 2030)}
    assert len(done.rows["sasaran"]) == 4 and len(done.rows["program"]) == 2
    # every IKK of the sample: imported as an indicator of a kegiatan, or said why not
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names[0] == "Template Renstra"
    tidak = [r[0] for r in book.get_sheet_by_name("Tidak diekspor").to_python()[1:]]
    exported = {r["kode"] for r in done.rows.get("indikator_kegiatan", [])}
    pk = CalamineWorkbook.from_path(str(rekap)).get_sheet_by_name("Rekap PK").to_python()
    ikk = {r[0] for r in pk if str(r[0]).startswith("IKK-")}
    for code_ in ikk:
        assert code_ in exported or any(t.startswith(f"{code_} (") for t in tidak), code_
    assert {"IKK-TI-1", "IKK-TI-3", "IKK-TM-1", "IKK-AK-1"} <= exported
    # P3M's kegiatan supports IKU-5 (SS-2), and no program of the PK names SS-2: said
    assert any(t.startswith("kegiatan 'Penelitian terapan") and "SS-2" in t for t in tidak)
    assert any(t.startswith("IKK-P3M-1 (") and "tidak dapat ditempatkan" in t for t in tidak)


def test_the_header_is_the_importers_template_exactly(rekap: Path, tmp_path: Path):
    _export(rekap, tmp_path)
    rows = read_first_sheet(next(tmp_path.glob("esakip-renstra-opd-*.xlsx")))
    assert rows[0][:10] == [
        "level", "opd_kode", "opd_nama", "rpjmd_judul", "renstra_judul", "nomor_dokumen",
        "tahun_awal", "tahun_akhir", "kode", "uraian",
    ]  # fmt: skip
    assert len(rows[0]) == 25 and rows[1][0] == "renstra" and rows[2][0] == "tujuan"


def _master_with(tmp_path: Path, **cells: object) -> Path:
    """A copy of the sample master with named cells of its Pengaturan sheet changed."""
    path = tmp_path / MASTER.name
    shutil.copy(MASTER, path)
    book = openpyxl.load_workbook(path)
    for name, value in cells.items():
        for sheet, ref in book.defined_names[name].destinations:
            book[sheet][ref.replace("$", "")].value = value
    book.save(path)
    return path


def test_a_master_without_the_identity_is_refused_naming_its_fields(rekap: Path, tmp_path: Path):
    master = _master_with(tmp_path, mst_kode_opd=None)
    code, output = _export(rekap, tmp_path / "out", master)
    assert code == 2 and error_code(output) == ErrorCode.EKSPOR_TIDAK_DAPAT_DIIMPOR
    flat = " ".join(output.split())
    assert "lembar 'Pengaturan'" in flat and "e-SAKIP daerah: kode OPD" in flat
    assert not (tmp_path / "out").exists()  # nothing half-written
    # asked for every profile: the others are written, this one left out and said
    run = runner.invoke(
        app, ["ekspor", str(rekap), "--master", str(master), "--output", str(tmp_path / "all")]
    )
    assert run.exit_code == 0, run.output
    assert "esakip-renstra-opd dilewati" in " ".join(run.output.split())
    assert not list((tmp_path / "all").glob("esakip-renstra-opd-*"))
    assert list((tmp_path / "all").glob("pk-*.csv"))


def test_the_importer_refuses_a_broken_file_as_we_do(rekap: Path, tmp_path: Path):
    """A sasaran with no uraian: the importer fails the row ("Sasaran OPD wajib diisi.") and
    rolls the batch back — our oracle agrees on a file edited that way."""
    _export(rekap, tmp_path)
    path = next(tmp_path.glob("esakip-renstra-opd-*.xlsx"))
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[0]
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "sasaran")
    row[9].value = None
    book.save(path)
    ident = _identity(MASTER)
    done = import_renstra(path, opd_kode=ident["kode_opd"], rpjmd_judul=ident["judul_rpjmd"],
                          periods=set(range(2025, 2030)))  # fmt: skip
    assert done.failed and done.failed[0][1] == "Sasaran OPD wajib diisi."


def test_an_indicator_without_arah_is_refused_not_imported_as_positif(rekap: Path, tmp_path: Path):
    """The importer reads anything but "negatif" as positif: an IKU whose arah is blank
    would arrive as a "higher is better" indicator without a word. Refused, named."""
    path = tmp_path / MASTER.name
    shutil.copy(MASTER, path)
    book = openpyxl.load_workbook(path)
    ws = book["IKU"]
    header = next(r for r in ws.iter_rows() if any(c.value == "Arah" for c in r))
    col = next(c.column for c in header if c.value == "Arah")
    row = next(r for r in ws.iter_rows() if r[2].value == "IKU-8" or r[1].value == "IKU-8")
    ws.cell(row[0].row, col).value = None
    book.save(path)
    code, output = _export(rekap, tmp_path / "out", path)
    assert code == 2 and error_code(output) == ErrorCode.EKSPOR_TIDAK_DAPAT_DIIMPOR
    assert "IKU-8" in output and not (tmp_path / "out").exists()
