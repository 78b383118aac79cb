"""Values a broken or hostile file holds in a real number or date cell: NaN and infinity
are findings (not blanks), and a date cell gets the same year range as a date typed as
text."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from xlkinerja.domain.parse_date import parse_date
from xlkinerja.jobs.validasi import validate_paths

TI = SAMPLE / "TI-jurusan-teknik-informatika.xlsx"
PK_SHEET = "xl/worksheets/sheet3.xml"  # the PK sheet of the sample unit workbook
TARGET_G23 = '<c r="G23" s="17"><v>78</v></c>'  # the first PK target
DATE_B16 = '<c r="B16" s="16"><v>45708</v></c>'  # the PK's date (a date cell)


def _patched(tmp_path: Path, old: str, new: str) -> Path:
    out = tmp_path / "TI.xlsx"
    with zipfile.ZipFile(TI) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == PK_SHEET:
                text = data.decode()
                assert old in text
                data = text.replace(old, new).encode()
            dst.writestr(item, data)
    return out


@pytest.mark.parametrize("value", ["NaN", "INF", "-inf"])
def test_a_number_cell_holding_nan_or_infinity_is_a_finding(tmp_path: Path, value: str):
    book = _patched(tmp_path, TARGET_G23, f'<c r="G23" s="17"><v>{value}</v></c>')
    found = validate_paths([book], workers=1).findings
    at_cell = [f for f in found if f.sheet == "PK" and f.cell == "G23"]
    assert [f.code for f in at_cell] == ["pk.target.bukan_angka"]
    assert "kosong" not in at_cell[0].code


def test_the_same_workbook_with_a_number_there_has_no_finding_at_the_cell(tmp_path: Path):
    book = _patched(tmp_path, TARGET_G23, '<c r="G23" s="17"><v>79.5</v></c>')
    found = validate_paths([book], workers=1).findings
    assert not [f for f in found if f.sheet == "PK" and f.cell == "G23"]


@pytest.mark.parametrize(
    ("cell", "typed"),
    [
        (date(9999, 12, 31), "31/12/9999"),
        (datetime(9999, 12, 31, 0, 0), "9999-12-31"),
        (date(1850, 3, 12), "12/03/1850"),
    ],
)
def test_a_date_cell_out_of_range_is_read_like_the_same_date_typed(cell: date, typed: str):
    as_cell, as_text = parse_date(cell), parse_date(typed)
    assert as_text.problem is not None
    assert as_cell.problem == as_text.problem
    assert "di luar 1900-2100" in as_cell.detail


@pytest.mark.parametrize("value", [date(1900, 1, 1), date(2100, 12, 31), date(2025, 2, 28)])
def test_a_date_cell_in_range_is_read_like_the_same_date_typed(value: date):
    typed = value.strftime("%d/%m/%Y")
    assert parse_date(value) == parse_date(typed)
    assert parse_date(value).value == value


def test_a_far_date_in_a_workbook_is_a_finding_at_its_cell(tmp_path: Path):
    # 2958465 is 9999-12-31, the last date Excel has, in a date-formatted cell.
    book = _patched(tmp_path, DATE_B16, '<c r="B16" s="16"><v>2958465</v></c>')
    found = validate_paths([book], workers=1).findings
    at_cell = [f for f in found if f.sheet == "PK" and f.cell == "B16"]
    assert [f.code for f in at_cell] == ["pk.tanggal.bukan_tanggal"]
