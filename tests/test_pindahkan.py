"""`pindahkan`: a workbook that lost its Excel tables and names (a .xls round trip by real
LibreOffice, a copy of the values into a plain workbook) moved into a fresh template gives
the same findings as the original; what cannot be placed is reported with its cell."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from tests import lo
from tests.coded import raises
from tests.conftest import SAMPLE
from xlkinerja.cli import app
from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.files.backup import BACKUP_FOLDER
from xlkinerja.jobs.pindahkan import move_values
from xlkinerja.jobs.validasi import validate_paths
from xlkinerja.pindahkan.label_match import label_key
from xlkinerja.sample.build import MASTER_FILE
from xlkinerja.sources.reader import read_form

UNIT_FILE = SAMPLE / "TI-jurusan-teknik-informatika.xlsx"
runner = CliRunner()


def findings_of(unit: Path) -> list[tuple[object, ...]]:
    """Findings on the unit workbook (with the master: the cascade checks too), without
    the file name."""
    found = validate_paths([SAMPLE / MASTER_FILE, unit], workers=1).findings
    return sorted(
        (f.code, f.severity, f.sheet, f.cell, f.field, f.value, f.ref_sheet, f.ref_cell)
        for f in found
        if Path(f.file).name == unit.name
    )


def plain_copy(source: Path, target: Path, *, skip: tuple[str, ...] = ("_meta",)) -> Path:
    """The values of every sheet pasted into a new workbook: no tables, no names, no
    properties, no _meta sheet."""
    original = openpyxl.load_workbook(source, data_only=True)
    copy = openpyxl.Workbook()
    copy.remove(copy.active)
    for sheet in original.worksheets:
        if sheet.title in skip:
            continue
        pasted = copy.create_sheet(sheet.title)
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    pasted.cell(cell.row, cell.column, cell.value)
    copy.save(target)
    return target


@pytest.fixture(scope="module")
def expected() -> list[tuple[object, ...]]:
    found = findings_of(UNIT_FILE)
    assert found  # the sample's planted mistakes
    return found


@pytest.mark.libreoffice
def test_a_xls_round_trip_by_libreoffice_moves_back_with_the_same_findings(
    tmp_path: Path, expected: list[tuple[object, ...]]
):
    profile = tmp_path / "profil"
    xls = lo.convert([UNIT_FILE], "xls", tmp_path / "xls", profile)[0]
    back = lo.convert([xls], "xlsx", tmp_path / "kembali", profile)[0]
    with raises(ErrorCode.TEMPLAT_TABEL_HILANG, WorkbookError) as caught:
        read_form(back)  # tables lost: refused, and told the way out
    assert "xlkinerja pindahkan" in caught.value.hint
    for lost in (xls, back):
        before = lost.read_bytes()
        result = move_values(lost, tmp_path / f"baru-{lost.suffix[1:]}")
        assert lost.read_bytes() == before  # the original is never written
        assert result.complete, result.transfer.unplaced
        assert result.output.name == "TI-jurusan-teknik-informatika.xlsx"
        assert findings_of(result.output) == expected


def test_values_pasted_into_a_plain_workbook_move_back_with_the_same_findings(
    tmp_path: Path, expected: list[tuple[object, ...]]
):
    pasted = plain_copy(UNIT_FILE, tmp_path / "TI-jurusan-teknik-informatika.xlsx")
    with pytest.raises(WorkbookError):
        read_form(pasted)
    result = move_values(pasted, tmp_path / "baru")
    assert result.complete, result.transfer.unplaced
    assert result.transfer.form.id == "unit"  # found by its sheet names
    assert findings_of(result.output) == expected


def test_an_unknown_column_and_a_stray_value_are_reported_with_their_cells(tmp_path: Path):
    pasted = plain_copy(UNIT_FILE, tmp_path / "TI.xlsx")
    book = openpyxl.load_workbook(pasted)
    ra = book["Rencana Aksi"]
    header_row = next(r for r in range(1, 20) if ra.cell(r, 1).value == "Kode IKK")
    ra.cell(header_row, 12, "Catatan Kabag")  # a column the template does not have
    ra.cell(header_row + 2, 12, "cek lagi")
    book["PK"]["P2"] = 1234  # far from every table and label
    book.create_sheet("Coretan")["B3"] = "draf lama"
    book.save(pasted)
    result = move_values(pasted, tmp_path / "baru")
    assert not result.complete
    places = {(u.sheet, u.cell, u.value) for u in result.transfer.unplaced}
    assert places == {
        ("Rencana Aksi", f"L{header_row}", "Catatan Kabag"),
        ("Rencana Aksi", f"L{header_row + 2}", "cek lagi"),
        ("PK", "P2", "1234"),
        ("Coretan", "B3", "draf lama"),
    }
    # the CLI: a table in text, the same in JSON, exit 1 (not everything moved)
    cli = runner.invoke(app, ["pindahkan", str(pasted), "--output", str(tmp_path / "cli")])
    assert cli.exit_code == 1, cli.output
    assert "Nilai yang tidak dapat dipindahkan" in cli.output
    assert "Catatan Kabag" in cli.output
    as_json = runner.invoke(
        app,
        ["pindahkan", str(pasted), "--output", str(tmp_path / "json"), "--format", "json"],
    )
    payload = json.loads(as_json.stdout)
    assert {(u["lembar"], u["sel"]) for u in payload["tidak_dipindahkan"]} == {
        (s, c) for s, c, _ in places
    }


def test_a_different_file_at_the_output_is_kept_and_the_original_never_written(
    tmp_path: Path,
):
    source = shutil.copy(UNIT_FILE, tmp_path / "TI.xlsx")
    with raises(ErrorCode.KELUARAN_MENIMPA_ASLI):
        move_values(Path(source), tmp_path)
    out = tmp_path / "baru"
    out.mkdir()
    (out / "TI.xlsx").write_bytes(b"isi lain")
    result = move_values(Path(source), out)
    assert result.backup is not None and result.backup.parent.name == BACKUP_FOLDER
    assert result.backup.read_bytes() == b"isi lain"
    assert read_form(result.output).form.id == "unit"


def test_label_variants_share_a_key():
    same = ["Target TW I", "target tw 1", "TARGET Triwulan I", "Target Tw. 1", "Target TW-1"]
    assert {label_key(text) for text in same} == {"target tw 1"}
    assert label_key("Kode IKK *") == label_key("kode  ikk")
    assert label_key("Target TW II") != label_key("Target TW I")


def test_renamed_headers_of_the_master_move_by_their_variants(tmp_path: Path):
    pasted = plain_copy(SAMPLE / MASTER_FILE, tmp_path / "master.xlsx")
    book = openpyxl.load_workbook(pasted)
    iku = book["IKU"]
    row = next(r for r in range(1, 20) if iku.cell(r, 1).value == "Kode SS")
    start = read_form(SAMPLE / MASTER_FILE).fields["tahun_awal_renstra"].value
    for col in range(1, 20):
        label = iku.cell(row, col).value
        if isinstance(label, str) and label.startswith("Target Tahun "):
            year = int(start) + int(label.rsplit(" ", 1)[1]) - 1
            iku.cell(row, col, f"Target {year}")
        elif label == "Kode IKU":
            iku.cell(row, col, "KODE  IKU")
    book.save(pasted)
    result = move_values(pasted, tmp_path / "baru")
    assert result.complete, result.transfer.unplaced
    before = read_form(SAMPLE / MASTER_FILE).tables["iku"].records()
    assert read_form(result.output).tables["iku"].records() == before


def test_the_xls_refusal_names_its_file_once_and_leads_to_pindahkan(tmp_path: Path):
    old = shutil.copy(UNIT_FILE, tmp_path / "TI lama.xls")
    (found,) = validate_paths([Path(old)], workers=1).findings
    assert found.code == ErrorCode.BERKAS_FORMAT_XLS
    assert (found.sheet, found.cell) == (None, None)
    # The wording of an unreadable workbook's finding: the file is the finding's own.
    assert found.message.startswith("Berkas: Format .xls")  # not "Berkas: Berkas 'TI lama.xls'"
    assert f"{found.message} {found.hint}".count("TI lama.xls") == 1  # in the command to run
    assert 'xlkinerja pindahkan "TI lama.xls" --output FOLDER' in found.hint
    assert not found.hint.endswith("FOLDER.")  # a command is never followed by a full stop
