"""A file that is not readable as its form gets a clear Indonesian error, no traceback."""

import zipfile
from pathlib import Path

import openpyxl
import pytest

from xlkinerja.errors import WorkbookError
from xlkinerja.render.template.writer import write_template
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import MASTER, UNIT


@pytest.fixture
def unit_file(tmp_path: Path) -> Path:
    return write_template(UNIT, tmp_path / "TI-jurusan.xlsx")


def error_of(path: Path, expected=None) -> WorkbookError:
    with pytest.raises(WorkbookError) as info:
        read_form(path, expected)
    assert path.name in str(info.value)
    return info.value


def test_workbook_that_is_not_a_template(tmp_path: Path):
    path = tmp_path / "laporan.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "data"
    wb.save(path)
    assert "bukan workbook templat xlkinerja" in error_of(path).message


def test_template_of_another_version(unit_file: Path):
    wb = openpyxl.load_workbook(unit_file)
    wb["_meta"]["B2"] = "0.9"
    wb.save(unit_file)
    message = error_of(unit_file).message
    assert "versi 0.9" in message
    assert UNIT.version in message


def test_wrong_kind_of_workbook(unit_file: Path):
    assert "bukan" in error_of(unit_file, MASTER).message


def test_deleted_table_is_named(unit_file: Path):
    wb = openpyxl.load_workbook(unit_file)
    del wb["Rencana Aksi"].tables["tblRA"]
    wb.save(unit_file)
    err = error_of(unit_file)
    assert "tblRA" in err.message
    assert err.sheet == "Rencana Aksi"


def test_renamed_sheet_is_named(unit_file: Path):
    wb = openpyxl.load_workbook(unit_file)
    wb["Capaian"].title = "Capaian TW"
    wb.save(unit_file)
    assert "'Capaian'" in error_of(unit_file).message


def test_renamed_column_header_is_named_with_its_cell(unit_file: Path):
    wb = openpyxl.load_workbook(unit_file)
    ws = wb["PK"]
    table = ws.tables["tblPK"]
    first = table.ref.split(":")[0]
    ws[first] = "Sasaran"
    table.tableColumns[0].name = "Sasaran"
    wb.save(unit_file)
    err = error_of(unit_file)
    assert "Sasaran Kegiatan" in err.message
    assert err.sheet == "PK"
    assert err.cell == first


def test_missing_defined_name(unit_file: Path):
    wb = openpyxl.load_workbook(unit_file)
    del wb.defined_names["pk_tahun"]
    wb.save(unit_file)
    assert "pk_tahun" in error_of(unit_file).message


@pytest.mark.parametrize(
    ("name", "content", "phrase"),
    [
        ("lama.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 100, ".xls"),
        ("unit.ods", b"PK\x03\x04", ".ods"),
        ("catatan.txt", b"teks", "bukan workbook"),
        ("palsu.xlsx", b"ini bukan zip", "tidak dapat dibuka"),
    ],
)
def test_files_that_are_not_xlsx(tmp_path: Path, name: str, content: bytes, phrase: str):
    path = tmp_path / name
    path.write_bytes(content)
    assert phrase in error_of(path).message


def test_truncated_workbook(unit_file: Path):
    data = unit_file.read_bytes()
    unit_file.write_bytes(data[: len(data) // 2])
    error_of(unit_file)


def test_zip_without_workbook_part(tmp_path: Path):
    path = tmp_path / "kosong.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "x")
    error_of(path)


def test_missing_file(tmp_path: Path):
    assert "tidak ditemukan" in error_of(tmp_path / "tidak-ada.xlsx").message
