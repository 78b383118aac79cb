"""Percentages typed the way Excel and LibreOffice store them are read as the user meant.

A user types `78%` into a target cell: the file holds 0.78 with a percent number format.
These workbooks are the sample's Teknik Informatika workbook with IKK-TI-1 (satuan %,
target 78, Rencana Aksi 20/40/70/78, realisasi 22/41/66) held that way — edited at the
XML level as Excel writes it, or typed into real LibreOffice in the Indonesian locale —
and the findings and the capaian must be those of the same numbers typed plainly.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from tests.conftest import SAMPLE
from tests.typed_cells import (
    libreoffice_typist,
    type_in_libreoffice,
    with_number_formats,
)
from tests.vba_payload import payload
from xlkinerja.cascade.prefill import MasterView, unit_values
from xlkinerja.core.codes import Code
from xlkinerja.core.form_data import CellFormat
from xlkinerja.excel.reader import read_book
from xlkinerja.jobs.hitung import rows_of
from xlkinerja.jobs.inputs import workbook_files
from xlkinerja.jobs.kaskade import generate_skp
from xlkinerja.jobs.kompilasi import compile_workbooks
from xlkinerja.jobs.validasi import validate_paths
from xlkinerja.sample.build import MASTER_FILE
from xlkinerja.sources.number_formats import format_kind, formatted_cells, parse_styles
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import MASTER as MASTER_FORM
from xlkinerja.validation.normalise import normalise_form

TI = SAMPLE / "TI-jurusan-teknik-informatika.xlsx"
MASTER = SAMPLE / MASTER_FILE

# IKK-TI-1's cells and their values in percentage points.
TI1 = {
    ("PK", "G23"): 78,
    ("Rencana Aksi", "C13"): 20,
    ("Rencana Aksi", "D13"): 40,
    ("Rencana Aksi", "E13"): 70,
    ("Rencana Aksi", "F13"): 78,
    ("Capaian", "D7"): 22,
    ("Capaian", "D8"): 41,
    ("Capaian", "D9"): 66,
}


def findings_of(path: Path) -> list[tuple[str, str | None, str | None]]:
    found = validate_paths([path], workers=1).findings
    return sorted((f.code, f.sheet, f.cell) for f in found)


def capaian_of(path: Path) -> list[tuple[int, float | None, str | None]]:
    """What Hitung capaian writes beside each Capaian row (the numbers of kompilasi)."""
    master = normalise_form(read_form(MASTER, MASTER_FORM))[0]
    rows = rows_of(normalise_form(read_form(path))[0], master)
    return [(r.row, r.capaian, r.predikat) for r in rows]


@pytest.fixture(scope="module")
def plain() -> tuple[
    list[tuple[str, str | None, str | None]], list[tuple[int, float | None, str | None]]
]:
    return findings_of(TI), capaian_of(TI)


@pytest.mark.parametrize("fmt", [9, 10, "0.0%", "0,0%", "#,##0.00%", "[Blue]0%"])
def test_a_percent_format_reads_the_fraction_as_percentage_points(
    fmt: int | str, plain, tmp_path: Path
):
    typed = with_number_formats(
        TI, tmp_path / "TI.xlsx", {cell: (value / 100, fmt) for cell, value in TI1.items()}
    )
    data = read_form(typed)
    assert data.number_formats == dict.fromkeys(TI1, CellFormat.PERSEN)
    assert data.table("pk").columns["target"][0] == pytest.approx(0.78)  # what the file holds
    form = normalise_form(data)[0]
    assert form.tables["pk"].columns["target"][0] == pytest.approx(78)
    assert form.tables["pk"].persen == {"target": frozenset({0})}
    assert form.tables["ra"].persen == {key: frozenset({0}) for key in ("tw1", "tw2", "tw3", "tw4")}
    assert form.tables["capaian"].persen == {"realisasi": frozenset({0, 1, 2})}
    assert findings_of(typed) == plain[0]
    _same(capaian_of(typed), plain[1])


def _same(
    got: list[tuple[int, float | None, str | None]],
    want: list[tuple[int, float | None, str | None]],
) -> None:
    """The same rows, predikat and capaian (to float rounding: 0.78 × 100 is 78.00000000000001)."""
    assert len(got) == len(want)
    for (row, value, predikat), (row_w, value_w, predikat_w) in zip(got, want, strict=True):
        assert (row, predikat) == (row_w, predikat_w)
        assert (value is None) == (value_w is None)
        if value is not None:
            assert value == pytest.approx(value_w)


@pytest.mark.parametrize("fmt", ['0" %"', "0\\%", '0" persen"', "General"])
def test_a_percent_sign_that_is_only_text_in_the_format_is_no_percentage(
    fmt: str, plain, tmp_path: Path
):
    """`0" %"` shows 78 as "78 %" but holds 78: a quoted or escaped % is not a percent
    format, and the value is read as it is."""
    typed = with_number_formats(
        TI, tmp_path / "TI.xlsx", {cell: (value, fmt) for cell, value in TI1.items()}
    )
    assert read_form(typed).number_formats == {}
    assert findings_of(typed) == plain[0]
    _same(capaian_of(typed), plain[1])


def test_the_format_codes_read_as_excel_reads_them():
    assert format_kind("0%") == format_kind("0.0%") == format_kind("0,0%") == CellFormat.PERSEN
    assert format_kind('#,##0.0" "%') == CellFormat.PERSEN  # the % itself is unquoted
    assert format_kind('0" %"') is None
    assert format_kind("0\\%") is None
    assert format_kind("[$%-421]0") is None  # a bracket: a locale, not a percent
    assert format_kind("dd/mm/yyyy") is None
    assert format_kind('_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-') is None  # accounting
    assert format_kind('"Rp"#,##0') is None
    styles = parse_styles(
        b'<styleSheet xmlns="x"><numFmts count="1"><numFmt numFmtId="164" '
        b'formatCode="0&quot; %&quot;"/></numFmts><cellXfs count="4"><xf numFmtId="0"/>'
        b'<xf numFmtId="9"><alignment/></xf><xf numFmtId="164"/><xf numFmtId="14"/>'
        b"</cellXfs></styleSheet>"
    )
    assert styles.kinds == {1: CellFormat.PERSEN}


def test_a_percent_format_where_the_satuan_is_not_percent_is_reported(tmp_path: Path):
    """IKK-TI-3 counts people (satuan orang, target 200): typed 200% it holds 2 — not a
    number of people anyone meant; reported at the cell, the value left unknown."""
    typed = with_number_formats(TI, tmp_path / "TI.xlsx", {("PK", "G25"): (2.0, 9)})
    codes = findings_of(typed)
    assert ("pk.target.skala_persen", "PK", "G25") in codes
    found = next(
        f for f in validate_paths([typed], workers=1).findings if f.code == "pk.target.skala_persen"
    )
    assert "'orang'" in found.message and "200%" in found.message
    form = normalise_form(read_form(typed))[0]
    assert math.isnan(form.tables["pk"].columns["target"][2])


def test_a_fraction_among_percentage_points_is_reported_not_guessed(tmp_path: Path):
    """0.78 as the TW IV target of an IKK whose PK target is 78 (satuan %): which one the
    user meant is not guessed; the message says what to type."""
    typed = with_number_formats(TI, tmp_path / "TI.xlsx", {("Rencana Aksi", "F13"): (0.78, 0)})
    assert read_form(typed).number_formats == {}
    found = [
        f for f in validate_paths([typed], workers=1).findings if f.code.endswith("skala_persen")
    ]
    assert [(f.code, f.sheet, f.cell) for f in found] == [
        ("ra.tw4.skala_persen", "Rencana Aksi", "F13")
    ]
    assert "tulis 78" in found[0].message and "PK" in found[0].message
    form = normalise_form(read_form(typed))[0]
    assert math.isnan(form.tables["ra"].columns["tw4"][0])
    # A percentage below 1 is no mistake when the indicator's other values are small too
    # (IKK-TI-2 as a dropout rate: target 0.5 %).
    values = {
        ("PK", "G24"): 0.5,
        ("Rencana Aksi", "C14"): 0.2,
        ("Rencana Aksi", "D14"): 0.3,
        ("Rencana Aksi", "E14"): 0.4,
        ("Rencana Aksi", "F14"): 0.5,
        ("Capaian", "D10"): 0.1,
        ("Capaian", "D11"): 0.3,
        ("Capaian", "D12"): 0.45,
    }
    small = with_number_formats(
        TI, tmp_path / "kecil.xlsx", {cell: (value, 0) for cell, value in values.items()}
    )
    assert not [f for f in findings_of(small) if f[0].endswith("skala_persen")]


def test_a_number_with_a_date_format_is_not_read_as_a_number(tmp_path: Path):
    """A target typed `1/2` that Excel made 1 February (a date serial with a date format):
    a finding at the cell saying so, never the serial 46054 as a target."""
    typed = with_number_formats(
        TI, tmp_path / "TI.xlsx", {("Rencana Aksi", "D18"): (46054, "d-mmm")}
    )
    found = [f for f in validate_paths([typed], workers=1).findings if f.cell == "D18"]
    assert [(f.code, f.sheet) for f in found] == [("ra.tw2.bukan_angka", "Rencana Aksi")]
    assert "1/2" in found[0].message


@pytest.mark.libreoffice
def test_percentages_typed_in_libreoffice_in_the_indonesian_locale(plain, tmp_path: Path):
    """Real LibreOffice (locale id-ID) types into the template's cells: `78%`, `87,5%`,
    and `1/2` (which it makes a date). The same numbers typed without % give the same
    findings and the same capaian — in Hitung and in the compiled report."""
    profile = libreoffice_typist(tmp_path / "profil")
    cells = {**TI1, ("Capaian", "D12"): 31.5}
    as_percent = {cell: f"{value:g}%".replace(".", ",") for cell, value in cells.items()}
    as_number = {cell: f"{value:g}".replace(".", ",") for cell, value in cells.items()}
    date_typed = {("Rencana Aksi", "D18"): "1/2"}
    (tmp_path / "persen").mkdir()
    (tmp_path / "angka").mkdir()
    typed = type_in_libreoffice(
        TI, tmp_path / "persen" / TI.name, {**as_percent, **date_typed}, profile
    )
    numbers = type_in_libreoffice(
        TI, tmp_path / "angka" / TI.name, {**as_number, **date_typed}, profile
    )
    data = read_form(typed)
    assert set(data.number_formats) == set(cells)
    assert data.number_formats[("Capaian", "D12")] == CellFormat.PERSEN
    assert data.table("capaian").columns["realisasi"][5] == pytest.approx(0.315)
    assert read_form(numbers).number_formats == {}
    assert read_form(numbers).table("ra").columns["tw2"][5] == date(2026, 2, 1)  # d/m: id-ID
    codes = findings_of(typed)
    assert codes == findings_of(numbers)
    assert ("ra.tw2.bukan_angka", "Rencana Aksi", "D18") in codes
    assert not [c for c in codes if c[0].endswith("skala_persen")]
    _same(capaian_of(typed), capaian_of(numbers))
    ti1 = [c for c in capaian_of(typed) if c[0] in (7, 8, 9)]
    assert [round(c[1] or 0, 1) for c in ti1] == [110.0, 102.5, 94.3]  # 22/20, 41/40, 66/70
    assert _rekap_capaian(typed, tmp_path / "r1.xlsx") == _rekap_capaian(
        numbers, tmp_path / "r2.xlsx"
    )


def _rekap_capaian(unit: Path, output: Path) -> list[list[object]]:
    compile_workbooks(
        workbook_files([unit], master=MASTER),
        output=output,
        record=False,
        workers=1,
        now=datetime(2025, 4, 10),
    )
    return CalamineWorkbook.from_path(str(output)).get_sheet_by_name("Rekap Capaian").to_python()


def test_the_formatted_cells_are_found_however_the_sheet_is_written():
    """Cells found by their style index whatever the writer: a prefixed namespace, the
    style before the address, cells without an address (counted in order), a default
    style that is itself a percentage; a row's style is no cell's."""
    styles = parse_styles(
        b'<styleSheet><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="10"/>'
        b'<xf numFmtId="9"/></cellXfs></styleSheet>'
    )
    sheet = (
        b'<x:worksheet xmlns:x="m"><x:sheetData><x:row r="7" s="1" customFormat="1">'
        b'<x:c r="C7" s="1"><x:v>0.2</x:v></x:c><x:c s="2" r="D7"><x:v>46054</x:v></x:c>'
        b'<x:c r="E7" s="1"><x:v>0.5</x:v></x:c></x:row></x:sheetData></x:worksheet>'
    )
    assert formatted_cells(sheet, styles, {"C", "D"}) == {
        "C7": CellFormat.PERSEN,
        "D7": CellFormat.PERSEN,
    }
    unaddressed = (
        b'<worksheet><sheetData><row r="3"><c s="1"><v>1</v></c><c><v>2</v></c>'
        b'<c s="1"><v>0.3</v></c></row><row><c r="B4" s="2"><v>1</v></c></row>'
        b"</sheetData></worksheet>"
    )
    assert formatted_cells(unaddressed, styles, {"A", "B", "C"}) == {
        "A3": CellFormat.PERSEN,
        "C3": CellFormat.PERSEN,
        "B4": CellFormat.PERSEN,
    }
    percent_default = parse_styles(
        b'<styleSheet><cellXfs><xf numFmtId="9"/><xf numFmtId="0"/></cellXfs></styleSheet>'
    )
    plain = (
        b'<worksheet><sheetData><row r="2"><c r="A2"><v>0.5</v></c><c r="B2" s="1"><v>1</v>'
        b"</c></row></sheetData></worksheet>"
    )
    assert formatted_cells(plain, percent_default, {"A", "B"}) == {"A2": CellFormat.PERSEN}


def test_a_master_target_typed_as_percent_reaches_the_units_as_typed(tmp_path: Path):
    """The planning unit typed IKU-1's 2025 target as 75% (0.75 formatted 0%): the master
    reads 75, and the units' pre-filled Referensi IKU say 75, not 0.75."""
    typed = with_number_formats(
        MASTER, tmp_path / MASTER.name, {("IKU", "I7"): (0.75, 9), ("IKU", "J7"): (0.77, 9)}
    )
    data = read_form(typed)
    form, findings = normalise_form(data)
    assert form.tables["iku"].columns["target_1"][0] == 75
    assert form.tables["iku"].persen == {"target_1": frozenset({0}), "target_2": frozenset({0})}
    assert not [f for f in findings if f.code.endswith("skala_persen")]
    ref = unit_values(MasterView.from_data(data), "TI").tables["ref_iku"]
    assert (ref[0]["kode_iku"], ref[0]["target"]) == ("IKU-1", 75)


def _excel_number_formats(path: Path) -> Callable[[Any], str | None]:
    """What Excel answers for `Range.number_format` on the workbook at `path`: the format
    of the range's cells, None when they differ."""
    book = openpyxl.load_workbook(path)

    def number_format(rng: Any) -> str | None:
        cells = book[rng.sheet.name][rng.address.replace("$", "")]
        rows = cells if isinstance(cells, tuple) else ((cells,),)
        formats = {c.number_format for row in rows for c in row}
        return formats.pop() if len(formats) == 1 else None

    return number_format


def test_the_open_workbook_tells_its_percent_cells_where_excel_can(
    monkeypatch: pytest.MonkeyPatch,
):
    """The add-in's read of an open workbook. In local mode Excel answers each range's
    number format: the percent cells are the file reader's. The remote engine (server
    mode) gets values only: no format is known, the sample's AK reads its fractions —
    and as every number of an IKK is one, the capaian is still the file's."""
    os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
    import xlwings as xw

    ak = SAMPLE / "AK-jurusan-akuntansi.xlsx"
    master = normalise_form(read_form(MASTER, MASTER_FORM))[0]
    from_file = read_form(ak)
    remote = read_book(xw.Book(json=payload(ak)))
    assert remote.number_formats == {}
    assert remote.table("pk").columns["target"][0] == 0.8
    _same(
        [(r.row, r.capaian, r.predikat) for r in rows_of(normalise_form(remote)[0], master)],
        capaian_of(ak),
    )
    monkeypatch.setattr(xw.main.Range, "number_format", property(_excel_number_formats(ak)))
    local = read_book(xw.Book(json=payload(ak)))
    assert local.number_formats == from_file.number_formats
    assert normalise_form(local)[0].tables["pk"].columns["target"][0] == 80


def test_an_skp_reads_its_percentages_by_the_satuan_of_each_iki(tmp_path: Path):
    """Andi's IKI-1.1 (satuan %, target 78) typed as 78% with its realisasi 22%; IKI-2.1
    counts people (orang): a realisasi typed 64% there is reported, not read."""
    andi = SAMPLE / "skp-TI-andi-pratama.xlsx"
    typed = with_number_formats(
        andi,
        tmp_path / andi.name,
        {
            ("SKP", "H26"): (0.78, 9),
            ("Realisasi", "C6"): (0.22, 9),
            ("Realisasi", "C7"): (0.41, "0.0%"),
            ("Realisasi", "C10"): (0.64, 9),
        },
    )
    form, findings = normalise_form(read_form(typed))
    assert form.tables["rhk"].columns["target"][0] == 78
    assert form.tables["realisasi"].columns["realisasi"][:2] == [22, 41]
    assert math.isnan(form.tables["realisasi"].columns["realisasi"][4])
    assert [(f.code, f.cell) for f in findings] == [("realisasi.realisasi.skala_persen", "C10")]


def test_kaskade_rerun_keeps_an_skp_target_typed_as_percent(tmp_path: Path):
    """Andi typed his IKI-1.1 target (satuan %, 78 in the matriks) as 78%. A new kaskade
    run merges his SKP: no false conflict (0.78 is 78 to him), and the rewritten workbook
    keeps the cell as he typed it."""
    first = generate_skp(TI, tmp_path, master=MASTER)
    andi = next(o.path for o in first.outcomes if "andi" in o.path.name)
    with_number_formats(andi, andi, {("SKP", "H26"): (0.78, 9), ("SKP", "H27"): (0.35, 10)})
    again = generate_skp(TI, tmp_path, master=MASTER)
    outcome = next(o for o in again.outcomes if o.path == andi)
    assert Code.KASKADE_KONFLIK_TARGET_BEDA not in {f.code for f in outcome.findings}
    data = read_form(andi)
    assert data.number_formats == {
        ("SKP", "H26"): CellFormat.PERSEN,
        ("SKP", "H27"): CellFormat.PERSEN,
    }
    assert normalise_form(data)[0].tables["rhk"].columns["target"][:2] == [78, 35]
