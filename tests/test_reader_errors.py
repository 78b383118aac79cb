"""A file that is not readable as its form gets a clear Indonesian error with its code and
place, no traceback."""

import zipfile
from pathlib import Path

import openpyxl
import pytest

from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.render.template.writer import write_template
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import MASTER, UNIT


@pytest.fixture
def unit_file(tmp_path: Path) -> Path:
    return write_template(UNIT, tmp_path / "TI-jurusan.xlsx")


def error_of(path: Path, code: ErrorCode, expected=None) -> WorkbookError:
    with pytest.raises(WorkbookError) as info:
        read_form(path, expected)
    assert info.value.code is code, info.value.user_message()
    assert info.value.path is not None and info.value.path.name == path.name
    assert path.name in str(info.value)
    return info.value


def test_workbook_that_is_not_a_template(tmp_path: Path):
    path = tmp_path / "laporan.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "data"
    wb.save(path)
    error_of(path, ErrorCode.TEMPLAT_METADATA_HILANG)


def test_template_of_another_version(unit_file: Path):
    wb = openpyxl.load_workbook(unit_file)
    wb["_meta"]["B2"] = "0.9"
    wb.save(unit_file)
    message = error_of(unit_file, ErrorCode.TEMPLAT_VERSI_BEDA).message
    assert "versi 0.9" in message  # both versions are named
    assert UNIT.version in message


def test_wrong_kind_of_workbook(unit_file: Path):
    error_of(unit_file, ErrorCode.TEMPLAT_JENIS_SALAH, MASTER)


def test_deleted_table_is_named(unit_file: Path):
    wb = openpyxl.load_workbook(unit_file)
    del wb["Rencana Aksi"].tables["tblRA"]
    wb.save(unit_file)
    err = error_of(unit_file, ErrorCode.TEMPLAT_TABEL_HILANG)
    assert "tblRA" in err.message  # the table's name
    assert err.sheet == "Rencana Aksi"


def test_renamed_sheet_is_named(unit_file: Path):
    wb = openpyxl.load_workbook(unit_file)
    wb["Capaian"].title = "Capaian TW"
    wb.save(unit_file)
    assert "'Capaian'" in error_of(unit_file, ErrorCode.TEMPLAT_LEMBAR_HILANG).message


def test_renamed_column_header_is_named_with_its_cell(unit_file: Path):
    wb = openpyxl.load_workbook(unit_file)
    ws = wb["PK"]
    table = ws.tables["tblPK"]
    first = table.ref.split(":")[0]
    ws[first] = "Sasaran"
    table.tableColumns[0].name = "Sasaran"
    wb.save(unit_file)
    err = error_of(unit_file, ErrorCode.TEMPLAT_KOLOM_HILANG)
    assert "Sasaran Kegiatan" in err.message  # the column's label
    assert err.sheet == "PK"
    assert err.cell == first


def test_missing_defined_name(unit_file: Path):
    wb = openpyxl.load_workbook(unit_file)
    del wb.defined_names["pk_tahun"]
    wb.save(unit_file)
    assert "pk_tahun" in error_of(unit_file, ErrorCode.TEMPLAT_NAMA_SEL_HILANG).message


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("lama.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 100, ErrorCode.BERKAS_FORMAT_XLS),
        ("unit.ods", b"PK\x03\x04", ErrorCode.BERKAS_FORMAT_ODS),
        ("catatan.txt", b"teks", ErrorCode.BERKAS_JENIS_TIDAK_DIDUKUNG),
        ("palsu.xlsx", b"ini bukan zip", ErrorCode.BERKAS_BUKAN_WORKBOOK),
    ],
)
def test_files_that_are_not_xlsx(tmp_path: Path, name: str, content: bytes, code: ErrorCode):
    path = tmp_path / name
    path.write_bytes(content)
    error_of(path, code)


def test_truncated_workbook(unit_file: Path):
    data = unit_file.read_bytes()
    unit_file.write_bytes(data[: len(data) // 2])
    error_of(unit_file, ErrorCode.BERKAS_RUSAK)


def test_zip_without_workbook_part(tmp_path: Path):
    path = tmp_path / "kosong.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "x")
    error_of(path, ErrorCode.BERKAS_BAGIAN_HILANG)


def test_missing_file(tmp_path: Path):
    error_of(tmp_path / "tidak-ada.xlsx", ErrorCode.BERKAS_TIDAK_DITEMUKAN)
