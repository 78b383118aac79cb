"""The compiled workbook and its spec (specs/rekap.py) agree: every table the spec names is
written with the spec's labels, in its order, on the sheet it names (read back from the
file); a column renamed or emptied in a rekap is refused by the reader with the file, the
sheet and the cell, and `ekspor` says so (exit 2)."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from tests.coded import raises
from tests.conftest import SAMPLE
from xlkinerja.cli.app import app
from xlkinerja.core.address import cell_address
from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.jobs.inputs import workbook_files
from xlkinerja.jobs.kompilasi import compile_workbooks
from xlkinerja.sources.rekap import read_rekap
from xlkinerja.specs.rekap import REKAP
from xlkinerja.specs.report import ReportTable

MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
runner = CliRunner()


@pytest.fixture(scope="module")
def rekap(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("rekap") / "rekap-kinerja.xlsx"
    compile_workbooks(
        workbook_files([SAMPLE], master=MASTER),
        output=out,
        record=False,
        workers=1,
        now=datetime(2025, 3, 3),
    )
    return out


def _is_header(row: list[Any], table: ReportTable) -> bool:
    cells = table.header_cells
    if len(row) < len(cells):
        return False
    for key in table.keys:
        at, label = table.position(key), table.column(key).label
        text = row[at] if isinstance(row[at], str) else None
        suffixed = key in table.suffixed and text is not None and text.startswith(label + " ")
        if text != label and not suffixed:
            return False
    return all(row[i] == "" for i, cell in enumerate(cells) if cell == "")


def test_the_written_header_rows_are_the_specs_labels_in_its_order(rekap: Path):
    book = CalamineWorkbook.from_path(str(rekap))
    assert book.sheet_names == list(REKAP.sheet_names)
    for sheet in REKAP.sheets:
        rows = book.get_sheet_by_name(sheet.name).to_python(skip_empty_area=False)
        at = 0
        for table in sheet.tables:  # in the sheet's order, each below the one before
            found = [i for i in range(at, len(rows)) if _is_header(rows[i], table)]
            assert found, f"{sheet.name}: no header row {table.header_cells}"
            at = found[0] + 1
    # the one header that carries more than its label: section A's status of the latest TW
    capaian = book.get_sheet_by_name("Rekap Capaian").to_python(skip_empty_area=False)
    pivot = REKAP.table("capaian_iku")
    (status,) = {r[pivot.position("status")] for r in capaian if _is_header(r, pivot)}
    assert status == "Status TW III"


def _changed(rekap: Path, tmp_path: Path, sheet: str, cell: str, value: str | None) -> Path:
    copy = tmp_path / "rekap-diubah.xlsx"
    shutil.copy(rekap, copy)
    book = openpyxl.load_workbook(copy)
    book[sheet][cell] = value
    book.save(copy)
    return copy


def _header_cell(rekap: Path, table: str, key: str) -> str:
    spec = REKAP.table(table)
    sheet = REKAP.sheet_of_table(table).name
    rows = CalamineWorkbook.from_path(str(rekap)).get_sheet_by_name(sheet)
    grid = rows.to_python(skip_empty_area=False)
    (row,) = [i for i, r in enumerate(grid) if _is_header(r, spec)]
    return cell_address(row, spec.position(key))


@pytest.mark.parametrize(
    ("table", "key", "value", "said"),
    [
        ("rekap_pk", "target", "Target Unit", "tertulis 'Target Unit', seharusnya 'Target'"),
        ("anggaran", "anggaran", "Pagu (Rp)", "tertulis 'Pagu (Rp)', seharusnya 'Anggaran (Rp)'"),
        ("rekap_ra", "tw3", "Triwulan III", "seharusnya 'TW III'"),
        ("capaian_iku", "kode_iku", "Kode IKU", "tertulis 'Kode IKU', seharusnya 'Kode'"),
        ("capaian_ikk", "realisasi", None, "kosong, seharusnya 'Realisasi'"),
        ("capaian_ikk", "kendala", "Masalah", "tertulis 'Masalah', seharusnya 'Kendala'"),
        ("rekap_skp", "nip", "NIP Pegawai", "seharusnya 'NIP'"),
        ("status", "nama_unit", "Nama Unit", "seharusnya 'Unit'"),
    ],
)
def test_a_renamed_column_is_refused_with_the_file_sheet_and_cell(
    rekap: Path, tmp_path: Path, table: str, key: str, value: str | None, said: str
):
    sheet = REKAP.sheet_of_table(table).name
    cell = _header_cell(rekap, table, key)
    changed = _changed(rekap, tmp_path, sheet, cell, value)
    with raises(ErrorCode.REKAP_KOLOM_BERUBAH, WorkbookError, sheet=sheet, cell=cell) as caught:
        read_rekap(changed)
    error = caught.value
    assert error.path == changed
    assert said in error.message  # what the header says, and what it should
    # The wording of an error's place, as every error names it.
    assert f"Berkas 'rekap-diubah.xlsx', lembar '{sheet}', sel {cell}:" in error.user_message()


def test_every_renamed_column_of_a_table_is_said_at_once(rekap: Path, tmp_path: Path):
    copy = _changed(rekap, tmp_path, "Rekap PK", "D4", "Target 2025")
    book = openpyxl.load_workbook(copy)
    book["Rekap PK"]["E4"] = "Satuan Ukur"
    book.save(copy)
    with raises(ErrorCode.REKAP_KOLOM_BERUBAH, WorkbookError, cell="D4") as caught:
        read_rekap(copy, ["rekap_pk"])
    assert "juga sel E4 tertulis 'Satuan Ukur', seharusnya 'Satuan'" in caught.value.message


def test_a_table_only_asked_for_is_checked(rekap: Path, tmp_path: Path):
    """Reading what one export needs does not open the other sheets (Rekap SKP renamed:
    the pk export still reads), but reading them all does."""
    changed = _changed(rekap, tmp_path, "Rekap SKP", _header_cell(rekap, "rekap_skp", "nip"), "X")
    assert read_rekap(changed, ["rekap_pk"]).ikk
    with pytest.raises(WorkbookError):
        read_rekap(changed)


def test_ekspor_of_a_rekap_with_a_renamed_column_says_where_exit_2(rekap: Path, tmp_path: Path):
    changed = _changed(rekap, tmp_path, "Rekap PK", "D4", "Target Unit")
    done = runner.invoke(app, ["ekspor", str(changed), "--output", str(tmp_path / "ekspor")])
    assert done.exit_code == 2
    flat = " ".join(done.output.split())
    assert "Berkas 'rekap-diubah.xlsx', lembar 'Rekap PK', sel D4:" in flat
    assert "Buat ulang rekap dengan 'xlkinerja kompilasi'" in flat
    assert "Traceback" not in done.output
    assert not (tmp_path / "ekspor").exists() or not list((tmp_path / "ekspor").iterdir())
