"""Hostile and broken workbooks are refused with a clear Indonesian message naming the file
and the problem; the file is left as it was; the CLI exits 1 without a traceback."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import python_calamine as calamine

from tests import bad_files
from tests.coded import codes_shown, raises
from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.files import package_guard
from xlkinerja.sources.formula_cells import scan, scan_part, sheet_parts
from xlkinerja.sources.reader import read_form

Builder = Callable[[Path], Path]


@pytest.fixture(scope="module")
def lo_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The files LibreOffice makes, converted once for the module."""
    folder = tmp_path_factory.mktemp("lo-bad")
    profile = folder / "profile"
    xls = bad_files.converted_by_libreoffice(folder, profile, "xls:MS Excel 97", "lama.xlsx")
    ods = bad_files.converted_by_libreoffice(folder, profile, "ods", "spreadsheet.xlsx")
    return {
        "xls-as-xlsx": xls,
        "xls": Path(shutil.copyfile(xls, folder / "lama.xls")),
        "ods-as-xlsx": ods,
        "ods": Path(shutil.copyfile(ods, folder / "spreadsheet.ods")),
        "recalculated": bad_files.formulas_recalculated(folder, profile),
    }


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_cli(path: Path) -> tuple[int, str, int, float]:
    """`python -m xlkinerja baca PATH`: exit code, output, peak memory (KiB), seconds."""
    env = {k: v for k, v in os.environ.items() if k != "XLKINERJA_DEBUG"}
    out_path = path.parent / f".{path.name}.out"
    started = time.perf_counter()
    with out_path.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "xlkinerja", "baca", str(path)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
        _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    text = out_path.read_text(encoding="utf-8", errors="replace")
    out_path.unlink()
    return process.returncode, " ".join(text.split()), usage.ru_maxrss, elapsed


def assert_refused(path: Path, code: ErrorCode, *named: str) -> WorkbookError:
    """Refused with `code`, naming the file and what `named` says (a part, a limit, the kind
    of content found), the file untouched; `baca` says so with the code, exit 1."""
    before = digest(path)
    with raises(code, WorkbookError) as info:
        read_form(path)
    message = str(info.value)
    assert f"Berkas '{path.name}'" in message
    for text in named:
        assert text in message, message
    assert digest(path) == before
    exit_code, output, _, _ = run_cli(path)
    assert exit_code == 1, output
    assert codes_shown(output, "Tidak terbaca") == [code], output
    assert "Traceback" not in output
    assert "Kesalahan internal" not in output
    assert path.name in output
    assert digest(path) == before
    return info.value


# --- files that are not a readable package ----------------------------------------------


def test_truncated_zip(tmp_path: Path):
    assert_refused(bad_files.truncated(tmp_path), ErrorCode.BERKAS_RUSAK)


def test_corrupt_part_names_the_sheet(tmp_path: Path):
    err = assert_refused(bad_files.corrupt_part(tmp_path), ErrorCode.BERKAS_BAGIAN_RUSAK)
    assert err.sheet == "PK"


@pytest.mark.parametrize(
    ("kind", "code", "found"),
    [
        ("pdf", ErrorCode.BERKAS_BUKAN_WORKBOOK, "PDF"),
        ("csv", ErrorCode.BERKAS_BUKAN_WORKBOOK, "CSV"),
        ("html", ErrorCode.BERKAS_BUKAN_WORKBOOK, "HTML/XML"),
        ("kosong", ErrorCode.BERKAS_BUKAN_WORKBOOK, "0 bait"),
        ("docx", ErrorCode.BERKAS_BAGIAN_HILANG, "xl/workbook.xml"),
    ],
)
def test_other_files_renamed_to_xlsx(tmp_path: Path, kind: str, code: ErrorCode, found: str):
    assert_refused(bad_files.renamed(tmp_path, kind), code, found)  # what it found instead


def test_password_protected_workbook(tmp_path: Path):
    assert_refused(bad_files.password_protected(tmp_path), ErrorCode.BERKAS_TERENKRIPSI)


def test_password_error_from_calamine_is_mapped_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    path = bad_files.password_protected(tmp_path)
    with pytest.raises(calamine.PasswordError):
        calamine.CalamineWorkbook.from_path(str(path))
    monkeypatch.setattr("xlkinerja.sources.reader.check_package", lambda path: None)
    with raises(ErrorCode.BERKAS_TERENKRIPSI, WorkbookError):
        read_form(path)


def test_bare_ole2_header(tmp_path: Path):
    assert_refused(bad_files.minimal_ole2(tmp_path), ErrorCode.BERKAS_BUKAN_WORKBOOK, "OLE2")


@pytest.mark.libreoffice
def test_legacy_xls_content_under_xlsx_name(lo_files: dict[str, Path]):
    assert_refused(lo_files["xls-as-xlsx"], ErrorCode.BERKAS_FORMAT_XLS, "xlkinerja pindahkan")


@pytest.mark.libreoffice
def test_legacy_xls(lo_files: dict[str, Path]):
    """Re-saving as .xlsx would not help (the tables are gone): the way out is pindahkan."""
    error = assert_refused(lo_files["xls"], ErrorCode.BERKAS_FORMAT_XLS, "xlkinerja pindahkan")
    assert "Simpan Sebagai .xlsx" not in str(error)
    assert str(error).count(lo_files["xls"].name) == 2  # where, and in the command to run


@pytest.mark.libreoffice
def test_ods_content_under_xlsx_name(lo_files: dict[str, Path]):
    assert_refused(lo_files["ods-as-xlsx"], ErrorCode.BERKAS_FORMAT_ODS)


@pytest.mark.libreoffice
def test_ods(lo_files: dict[str, Path]):
    assert_refused(lo_files["ods"], ErrorCode.BERKAS_FORMAT_ODS)


# --- hostile packages -------------------------------------------------------------------


def test_zip_bomb(tmp_path: Path):
    path = bad_files.zip_bomb(tmp_path)
    assert path.stat().st_size < 2_000_000  # small on disk, ~200 MB inside
    assert_refused(path, ErrorCode.BERKAS_TIDAK_AMAN, "sheet3.xml")  # the part


def test_zip_directory_lying_about_sizes(tmp_path: Path):
    """The guard trusts the declared sizes; the readers stop at them: a corrupt part."""
    path = bad_files.lying_sizes(tmp_path)
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo(bad_files.PK_PART).file_size == 60_000
    err = assert_refused(path, ErrorCode.BERKAS_BAGIAN_RUSAK)
    assert err.sheet == "PK"


def test_total_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(package_guard, "MAX_TOTAL_BYTES", 100_000)
    with raises(ErrorCode.BERKAS_TIDAK_AMAN, WorkbookError):
        read_form(bad_files.unit_template(tmp_path))


def test_too_many_parts(tmp_path: Path):
    assert_refused(bad_files.too_many_parts(tmp_path), ErrorCode.BERKAS_TIDAK_AMAN, "10000")


@pytest.mark.parametrize("target", [bad_files.SHARED_STRINGS, bad_files.PK_PART])
def test_entity_expansion_is_refused(tmp_path: Path, target: str):
    assert_refused(bad_files.entity_attack(tmp_path, target), ErrorCode.BERKAS_TIDAK_AMAN, target)


@pytest.mark.parametrize("target", [bad_files.SHARED_STRINGS, bad_files.PK_PART])
def test_calamine_itself_does_not_expand_entities(tmp_path: Path, target: str):
    """Without the guard, calamine stops at the unknown entity: no expansion, no hang."""
    path = bad_files.entity_attack(tmp_path, target)
    code = (
        "import python_calamine as c, sys\n"
        f"book = c.CalamineWorkbook.from_path({str(path)!r})\n"
        "book.get_sheet_by_name('PK').to_python()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode != 0
    assert "unrecognized entity" in result.stderr


def test_doctype_after_comments_is_found_and_long_prologs_refused():
    unsafe = package_guard._unsafe_prolog
    assert not unsafe(b'<?xml version="1.0"?>\n<worksheet xmlns="x">', complete=False)
    assert not unsafe(b"\xef\xbb\xbf<worksheet>", complete=False)
    assert unsafe(
        b'<?xml version="1.0"?><!-- a --><!DOCTYPE x [<!ENTITY a "b">]><x/>', complete=True
    )
    assert unsafe('<?xml version="1.0"?><!DOCTYPE x><x/>'.encode("utf-16"), complete=True)
    assert unsafe(b"<?xml version='1.0'?>" + b"<!--" + b" " * 2000, complete=False)
    assert not unsafe(b"", complete=True)


# --- big files ----------------------------------------------------------------------------


@pytest.mark.lambat  # ~50 MB, then the CLI in a subprocess
def test_big_workbook_is_read_in_bounded_time_and_memory(tmp_path: Path):
    """~50 MB (XlsxWriter constant_memory rows in a sheet outside the form): read, fast."""
    path = bad_files.big_workbook(tmp_path)
    assert path.stat().st_size > 40_000_000
    before = digest(path)
    started = time.perf_counter()
    data = read_form(path)
    assert time.perf_counter() - started < 5
    assert data.form.id == "unit"
    code, output, peak_kib, seconds = run_cli(path)
    assert code == 0, output
    assert seconds < 30
    assert peak_kib < 1024 * 1024  # under 1 GiB
    assert digest(path) == before


@pytest.mark.lambat  # the CLI in a subprocess
def test_oversized_form_sheet_is_refused_in_bounded_time_and_memory(tmp_path: Path):
    path = bad_files.oversized_form_sheet(tmp_path)
    err = assert_refused(path, ErrorCode.BERKAS_TERLALU_BESAR, "100 MB")  # the limit
    assert err.sheet == "PK"
    _, _, peak_kib, seconds = run_cli(path)
    assert seconds < 30
    assert peak_kib < 1024 * 1024


# --- structure ----------------------------------------------------------------------------


def test_merged_cells_inside_a_table(tmp_path: Path):
    err = assert_refused(bad_files.merged_in_table(tmp_path), ErrorCode.TEMPLAT_SEL_DIGABUNG)
    assert (err.sheet, err.cell) == ("PK", "A22:C22")
    assert "tblPK" in err.message  # the table


# --- formula cells ------------------------------------------------------------------------


def test_formulas_without_cached_values(tmp_path: Path):
    path = bad_files.formulas_without_cache(tmp_path)
    data = read_form(path)
    assert dict(data.formula_cells) == {
        ("PK", "B7"): "",
        ("PK", "G23"): "",
        ("Rencana Aksi", "C13"): "",
    }
    assert data.value("tahun") is None
    (row,) = data.table("pk").rows  # kept although every value reads blank
    assert (row.number, row["target"].cell, row.value("target")) == (23, "G23", None)
    found = scan(path, ["PK", "Rencana Aksi"])
    assert found["PK"]["G23"].formula == "1/0"
    assert found["PK"]["B7"].formula == "2024+1"
    assert found["PK"]["G23"].missing_value
    assert found["Rencana Aksi"]["C13"].formula == "#REF!+1"
    # openpyxl drops the cached values of the template's formula column too; the scan
    # sees them, the form data does not list them (they are never read as data).
    assert found["Rencana Aksi"]["B13"].missing_value
    assert ("Rencana Aksi", "B13") not in data.formula_cells


@pytest.mark.libreoffice
def test_formula_errors_cached_by_libreoffice(lo_files: dict[str, Path]):
    path = lo_files["recalculated"]
    data = read_form(path)
    assert dict(data.formula_cells) == {
        ("PK", "G23"): "#DIV/0!",
        ("Rencana Aksi", "C13"): "#REF!",
    }
    assert data.value("tahun") == 2025
    assert data.table("pk").rows[0]["target"].value is None
    found = scan(path, ["PK"])["PK"]
    assert (found["G23"].error, found["G23"].formula) == ("#DIV/0!", "1/0")
    # What the scan is for: calamine gives "" for the error cell, as for a blank.
    sheet = calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("PK")
    first_row = sheet.start[0] if sheet.start else 0  # the grid begins at the first used row
    assert sheet.to_python()[23 - 1 - first_row][6] == ""  # G23


def test_sample_workbook_has_no_formula_cells(root: Path):
    data = read_form(root / "workbooks/contoh/TI-jurusan-teknik-informatika.xlsx")
    assert data.formula_cells == {}


SHEET = (
    '<?xml version="1.0"?><{p}worksheet xmlns{colon}{q}="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main"><{p}sheetData>{rows}</{p}sheetData>'
    '<{p}mergeCells count="1"><{p}mergeCell ref="A1:B2"/></{p}mergeCells></{p}worksheet>'
)


def sheet_xml(rows: str, prefix: str = "") -> bytes:
    p = f"{prefix}:" if prefix else ""
    return SHEET.format(
        p=p,
        colon=":" if prefix else "",
        q=prefix,
        rows=rows.replace("<", f"<{p}").replace(f"<{p}/", f"</{p}"),
    ).encode()


@pytest.mark.parametrize("prefix", ["", "x"])
def test_scan_part_cases(prefix: str):
    rows = (
        '<row r="1"><c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c>'  # error with formula
        '<c r="B1" t="e"><v>#N/A</v></c>'  # error typed as a value
        '<c r="C1"><f>B1*2</f></c>'  # formula, no value
        '<c r="D1"><f t="shared" si="0"/><v/></c>'  # shared child, empty value
        '<c r="E1" t="str"><f>""</f><v></v></c>'  # text result "": cached
        '<c r="F1"><f>1+1</f><v>2</v></c>'  # cached
        '<c r="G1" t="s"><v>0</v></c><c r="H1"/></row>'
        '<row r="3"><c r="AA3" t = "e"><f>X&amp;Y</f><v>#REF!</v></c></row>'
    )
    found = scan_part(sheet_xml(rows, prefix))
    assert {k: (s.error, s.formula) for k, s in found.formulas.items()} == {
        "A1": ("#DIV/0!", "1/0"),
        "B1": ("#N/A", None),
        "C1": ("", "B1*2"),
        "D1": ("", ""),
        "AA3": ("#REF!", "X&Y"),
    }
    assert found.merged == ("A1:B2",)
    only = scan_part(sheet_xml(rows, prefix), columns={"C", "AA", "F"})
    assert set(only.formulas) == {"C1", "AA3"}  # the reader asks for its input columns
    assert only.merged == ("A1:B2",)


def test_scan_part_cells_without_address():
    rows = (
        "<row><c><v>1</v></c><c><f>1/0</f><v/></c></row>"
        '<row><c t="s"><v>0</v></c><c/><c t="e"><v>#VALUE!</v></c></row>'
        '<row r="9"><c r="D9"><v>1</v></c><c><f>A1</f></c></row>'
    )
    found = scan_part(sheet_xml(rows)).formulas
    assert {k: s.error for k, s in found.items()} == {"B1": "", "C2": "#VALUE!", "E9": ""}
    assert set(scan_part(sheet_xml(rows), columns={"C", "E"}).formulas) == {"C2", "E9"}
    # Cells without an address elsewhere do not matter when the found ones have theirs.
    mixed = '<row r="4"><c><v>1</v></c><c r="B4"><f>1/0</f><v/></c><c/><c r="D4"><v>2</v></c></row>'
    assert {k: s.error for k, s in scan_part(sheet_xml(mixed)).formulas.items()} == {"B4": ""}


def test_scan_part_without_formulas_is_skipped():
    found = scan_part(sheet_xml('<row r="1"><c r="A1"><v>5</v></c></row>'))
    assert found.formulas == {}


def test_sheet_parts_follow_relationships(tmp_path: Path):
    path = tmp_path / "rels.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "xl/workbook.xml",
            '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships"><sheets><sheet name="A &amp; B" sheetId="1" r:id="rId7"/>'
            '<sheet name="Dua" sheetId="2" r:id="rId2"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships><Relationship Id="rId7" Type="x" Target="/xl/worksheets/a.xml"/>'
            '<Relationship Id="rId2" Type="x" Target="worksheets/../worksheets/b.xml"/>'
            "</Relationships>",
        )
    with zipfile.ZipFile(path) as archive:
        assert sheet_parts(archive) == {
            "A & B": "xl/worksheets/a.xml",
            "Dua": "xl/worksheets/b.xml",
        }


@pytest.mark.lambat  # the whole bad-input corpus compiled
def test_kompilasi_lists_every_bad_file_and_compiles_the_rest(tmp_path: Path):
    """The whole bad-input corpus in the folder the planning unit compiles, read by worker
    processes: each bad file is listed with its reason, the good ones are compiled."""
    import shutil

    from tests.conftest import SAMPLE
    from xlkinerja.jobs.inputs import workbook_files
    from xlkinerja.jobs.kompilasi import compile_workbooks
    from xlkinerja.sample.build import MASTER_FILE

    folder = tmp_path / "kiriman"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("*.md", "master-*"))
    bad = [
        bad_files.truncated(folder),
        bad_files.corrupt_part(folder),
        *(bad_files.renamed(folder, kind) for kind in ("pdf", "csv", "html", "kosong", "docx")),
        bad_files.password_protected(folder),
        bad_files.minimal_ole2(folder),
        bad_files.zip_bomb(folder),
        bad_files.lying_sizes(folder),
        bad_files.entity_attack(folder),
        bad_files.merged_in_table(folder),
    ]
    (folder / "polos.xlsx").unlink()  # a blank template made on the way: not a submission
    result = compile_workbooks(workbook_files([folder], master=SAMPLE / MASTER_FILE), output=tmp_path / "rekap.xlsx", db=tmp_path / "arsip.sqlite", workers=2)  # fmt: skip
    unreadable = {Path(u.berkas).name: u for u in result.kompilasi.tidak_terbaca}
    assert set(unreadable) == {p.name for p in bad}
    assert all(u.alasan and "Traceback" not in u.alasan for u in unreadable.values())
    # Each with its own reason's code, and the sheet and cell where the error names them.
    E = ErrorCode
    assert {name: (u.kode, u.lembar, u.sel) for name, u in unreadable.items()} == {
        "berkata-sandi.xlsx": (E.BERKAS_TERENKRIPSI, None, None),
        "bom.xlsx": (E.BERKAS_TIDAK_AMAN, None, None),
        "csv.xlsx": (E.BERKAS_BUKAN_WORKBOOK, None, None),
        "docx.xlsx": (E.BERKAS_BAGIAN_HILANG, None, None),
        "entitas-ss.xlsx": (E.BERKAS_TIDAK_AMAN, None, None),
        "gabung.xlsx": (E.TEMPLAT_SEL_DIGABUNG, "PK", "A22:C22"),
        "html.xlsx": (E.BERKAS_BUKAN_WORKBOOK, None, None),
        "kosong.xlsx": (E.BERKAS_BUKAN_WORKBOOK, None, None),
        "ole2.xlsx": (E.BERKAS_BUKAN_WORKBOOK, None, None),
        "pdf.xlsx": (E.BERKAS_BUKAN_WORKBOOK, None, None),
        "rusak.xlsx": (E.BERKAS_BAGIAN_RUSAK, "PK", None),
        "terpotong.xlsx": (E.BERKAS_RUSAK, None, None),
        "ukuran-bohong.xlsx": (E.BERKAS_BAGIAN_RUSAK, "PK", None),
    }
    status = {s.kode_unit: s for s in result.kompilasi.status}
    assert status["TI"].terbaca and status["P3M"].terbaca  # the good ones still compiled
    assert (tmp_path / "rekap.xlsx").exists()
