"""Findings written back into the user's workbook by patching its package (no round trip
through a workbook library): marks, notes, the Hasil Validasi sheet, idempotent re-runs."""

from __future__ import annotations

import posixpath
import re
import shutil
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from defusedxml import ElementTree
from python_calamine import CalamineWorkbook

from tests import lo
from tests.annotate_fixtures import (
    MAIN,
    PARTS,
    USER_COMMENTS,
    USER_VML,
    build_fixture,
    cell_styles,
    finding,
    first_findings,
    members,
    raw_members,
    row_order,
    second_findings,
)
from tests.coded import raises
from tests.conftest import SAMPLE
from xlkinerja.core.finding import Severity
from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.render.annotate import BACKUP_FOLDER, REPORT_SHEET, annotate_workbook, fills
from xlkinerja.render.annotate.plan import FILLS as FILL_RGB
from xlkinerja.render.template.writer import write_template
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import UNIT

pytestmark = pytest.mark.filterwarnings("ignore:.*extension is not supported:UserWarning")
NOW = datetime(2025, 3, 1, 9, 30, 0)
LATER = datetime(2025, 3, 2, 9, 30, 0)
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
FILLS = {"galat": "FFFFC7CE", "peringatan": "FFFFEB9C", "info": "FFDDEBF7"}


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return build_fixture(tmp_path / "unit.xlsx")


def values(path: Path) -> dict[str, list[list[object]]]:
    workbook = CalamineWorkbook.from_path(str(path))
    return {
        name: workbook.get_sheet_by_name(name).to_python()
        for name in workbook.sheet_names
        if name != REPORT_SHEET
    }


def sheet_names(path: Path) -> list[str]:
    root = ElementTree.fromstring(members(path)["xl/workbook.xml"])
    return [s.get("name") for s in root.iter(f"{MAIN}sheet")]


def local_names(path: Path) -> dict[str, str]:
    """Sheet-local defined name → the name of the sheet its localSheetId points at."""
    root = ElementTree.fromstring(members(path)["xl/workbook.xml"])
    names = sheet_names(path)
    return {
        d.get("name") + "@" + (d.text or ""): names[int(d.get("localSheetId"))]
        for d in root.iter(f"{MAIN}definedName")
        if d.get("localSheetId") is not None
    }


def relationships(path: Path) -> dict[str, list[tuple[str, str]]]:
    """Source part → [(type suffix, target part)] for every .rels member."""
    found: dict[str, list[tuple[str, str]]] = {}
    for name, data in members(path).items():
        if not name.endswith(".rels"):
            continue
        folder = posixpath.dirname(posixpath.dirname(name))
        source = posixpath.join(folder, posixpath.basename(name)[: -len(".rels")])
        for rel in ElementTree.fromstring(data).iter(f"{PKG_REL}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(
                posixpath.join(posixpath.dirname(source), rel.get("Target"))
            )
            found.setdefault(source, []).append((rel.get("Type").rpartition("/")[2], target))
    return found


def assert_package_consistent(path: Path) -> None:
    parts = set(members(path))
    targets = {t for rels in relationships(path).values() for _, t in rels}
    assert targets <= parts, targets - parts
    orphans = {p for p in parts if not p.endswith(".rels") and p != "[Content_Types].xml"}
    assert orphans <= targets, orphans - targets
    types = ElementTree.fromstring(members(path)["[Content_Types].xml"])
    overrides = {o.get("PartName").lstrip("/") for o in types.iter() if o.get("PartName")}
    assert overrides <= parts, overrides - parts


def report_rows(path: Path) -> list[list[object]]:
    workbook = CalamineWorkbook.from_path(str(path))
    return workbook.get_sheet_by_name(REPORT_SHEET).to_python()


def report_part(path: Path) -> str:
    root = ElementTree.fromstring(members(path)["xl/workbook.xml"])
    rid = next(
        s.get(f"{REL}id") for s in root.iter(f"{MAIN}sheet") if s.get("name") == REPORT_SHEET
    )
    rels = ElementTree.fromstring(members(path)["xl/_rels/workbook.xml.rels"])
    target = next(
        r.get("Target") for r in rels.iter(f"{PKG_REL}Relationship") if r.get("Id") == rid
    )
    return posixpath.join("xl", target)


def test_only_the_parts_concerned_change_the_rest_is_copied_raw(book: Path):
    before, raw_before = members(book), raw_members(book)
    annotate_workbook(book, first_findings(book), now=NOW)
    after, raw_after = members(book), raw_members(book)
    changed = {name for name in before if after.get(name) != before[name]}
    assert changed == {
        "[Content_Types].xml",
        "xl/_rels/workbook.xml.rels",
        "xl/workbook.xml",
        "xl/styles.xml",
        *PARTS.values(),
        "xl/worksheets/_rels/sheet2.xml.rels",
        USER_COMMENTS,
        USER_VML,
    }
    for name in set(before) - changed:
        assert raw_after[name] == raw_before[name], name  # same method, CRC, stored bytes
    assert list(after)[: len(before)] == list(before)  # original order, new parts last
    for name in changed:
        assert raw_after[name][0] == raw_before[name][0], name  # same compression method
    assert zipfile.ZipFile(book).testzip() is None
    assert_package_consistent(book)


def test_tables_validation_names_protection_and_x14_extensions_survive(book: Path):
    before = members(book)
    annotate_workbook(book, first_findings(book), now=NOW)
    after = members(book)
    data = after[PARTS["Data"]].decode()
    original = before[PARTS["Data"]].decode()
    for kept in (
        'mc:Ignorable="x14ac"',
        'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"',
        "<x14:sparklineGroups",
        "<x14:dataBar",
        "<x14:id>{DA7ABA51",
        '<sheetProtection sheet="1" objects="1" scenarios="1"/>',
        "<formula1>daftar_status</formula1>",
        '<tableParts count="1"><tablePart r:id="rId2"/></tableParts>',
        'x14ac:dyDescent="0.25"',
    ):
        assert kept in data, kept
    ext = original[original.index("<extLst>") :]
    assert data.endswith(ext)  # the whole extension list, byte for byte
    assert after["xl/tables/table1.xml"] == before["xl/tables/table1.xml"]
    defined = re.compile(r"<definedNames>.*</definedNames>")
    assert (
        defined.search(after["xl/workbook.xml"].decode())[0]
        == (defined.search(before["xl/workbook.xml"].decode())[0])
    )
    assert local_names(book) == {
        "lokal@Data!$B$2": "Data",
        "_xlnm.Print_Titles@Data!$1:$1": "Data",
        "judul@Grafik!$A$1": "Grafik",
    }
    assert values(book) == values(build_fixture(book.parent / "lagi.xlsx"))


def test_cells_get_the_fill_of_the_worst_finding_and_keep_their_format(book: Path):
    fresh = openpyxl.load_workbook(build_fixture(book.parent / "asli.xlsx"))
    annotate_workbook(book, first_findings(book), now=NOW)
    marked = openpyxl.load_workbook(book)
    expected = {
        ("Data", "E1"): "galat",
        ("Data", "B3"): "peringatan",
        ("Data", "D1"): "galat",
        ("Data", "H2"): "info",
        ("Data", "B6"): "peringatan",
        ("Data", "C10"): "galat",
        ("Grafik", "A1"): "info",
        ("Grafik", "C20"): "peringatan",
        ("Daftar", "A2"): "galat",
        ("Kosong", "B2"): "info",
    }
    for (sheet, cell), level in expected.items():
        got = marked[sheet][cell]
        assert got.fill.fill_type == "solid", (sheet, cell)
        assert got.fill.fgColor.rgb == FILLS[level], (sheet, cell)
        was = fresh[sheet][cell]
        for aspect in ("font", "border", "number_format", "protection", "alignment"):
            assert repr(getattr(got, aspect)) == repr(getattr(was, aspect)), (sheet, cell, aspect)
    read_only = openpyxl.load_workbook(book, read_only=True)  # the streaming reader too
    for (sheet, cell), level in expected.items():
        got = read_only[sheet][cell]
        assert got.fill.fgColor.rgb == FILLS[level], (sheet, cell)
        assert got.value == fresh[sheet][cell].value, (sheet, cell)
    read_only.close()
    e1 = marked["Data"]["E1"]
    assert e1.number_format == "0.00" and e1.font.b and e1.border.left.style == "thin"
    assert marked["Data"]["C2"].fill.fill_type is None  # not a finding: untouched
    assert marked["Data"].protection.sheet
    assert "TabelData" in marked["Data"].tables
    assert marked["Data"].data_validations.dataValidation[0].formula1 == "daftar_status"


def test_each_marked_cell_gets_a_note_and_the_users_notes_stay(book: Path):
    annotate_workbook(book, first_findings(book), now=NOW)
    marked = openpyxl.load_workbook(book)
    note = marked["Data"]["B3"].comment
    assert note.author == "xlkinerja"
    assert "[a.peringatan] Lembar Data, sel B3: pesan untuk a.peringatan." in note.text
    assert "[a.info]" in note.text and "Saran: Perbaiki a.info." in note.text
    for sheet, cell in [("Data", "D1"), ("Grafik", "C20"), ("Daftar", "A2"), ("Kosong", "B2")]:
        assert marked[sheet][cell].comment.author == "xlkinerja", (sheet, cell)
    user = marked["Data"]["E1"].comment  # a finding on the user's own note: theirs stays
    assert (user.author, user.text) == ("Budi", "Catatan pengguna")
    assert marked["Data"]["A8"].comment.text == "Catatan kedua"
    refs = re.findall(r'<comment ref="(\w+)"', members(book)[USER_COMMENTS].decode())
    assert refs == ["D1", "E1", "H2", "B3", "B6", "A8", "C10"]  # row-major, like Excel
    vml = members(book)[USER_VML].decode("latin-1")
    assert vml.count('ObjectType="Note"') == 2 + 5  # the user's two and our five on Data
    assert len(set(re.findall(r'id="(_x0000_s\d+)"', vml))) == 7


def test_missing_cells_and_rows_are_inserted_in_order(book: Path):
    annotate_workbook(book, first_findings(book), now=NOW)
    after = members(book)
    rows = row_order(after[PARTS["Data"]])
    assert [r for r, _ in rows] == [1, 2, 3, 4, 6, 8, 10]
    assert dict(rows)[1] == ["A1", "B1", "C1", "D1", "E1"]
    assert dict(rows)[2] == ["A2", "B2", "C2", "E2", "H2"]
    assert dict(rows)[6] == ["B6"] and dict(rows)[10] == ["C10"]
    assert row_order(after[PARTS["Kosong"]]) == [(2, ["B2"])]
    assert row_order(after[PARTS["Grafik"]]) == [(1, ["A1"]), (20, ["C20"])]
    assert '<dimension ref="A1:H10"/>' in after[PARTS["Data"]].decode()
    assert '<row r="2" spans="1:8"' in after[PARTS["Data"]].decode()


def test_a_new_cell_takes_the_format_of_its_row_or_column(tmp_path: Path):
    import xlsxwriter

    path = tmp_path / "format.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Data")
    sheet.set_column("F:F", 12, workbook.add_format({"num_format": "0.0%", "italic": True}))
    sheet.set_row(5, None, workbook.add_format({"num_format": "dd/mm/yyyy", "bold": True}))
    sheet.write("A1", "judul")
    workbook.close()
    original = members(path)
    findings = [
        finding(path, "Data", "F20", "kolom", Severity.GALAT),
        finding(path, "Data", "C6", "baris", Severity.INFO),
    ]
    annotate_workbook(path, findings, now=NOW)
    marked = openpyxl.load_workbook(path)["Data"]
    assert marked["F20"].number_format == "0.0%" and marked["F20"].font.i
    assert marked["F20"].fill.fgColor.rgb == FILLS["galat"]
    assert marked["C6"].number_format == "dd/mm/yyyy" and marked["C6"].font.b
    assert marked["C6"].fill.fgColor.rgb == FILLS["info"]
    annotate_workbook(path, [], now=LATER)
    again = members(path)["xl/worksheets/sheet1.xml"]
    before = original["xl/worksheets/sheet1.xml"]
    assert cell_styles(again) == cell_styles(before)  # the cells we added are gone
    assert row_order(again) == row_order(before)  # and so is the row we added
    assert b'<row r="6" spans="1:3" s="2" customFormat="1"/>' in again


def test_hasil_validasi_lists_every_finding_with_links(book: Path):
    findings = first_findings(book)
    annotate_workbook(book, findings, now=NOW)
    assert sheet_names(book) == ["Data", "Grafik", "Daftar", "Kosong", REPORT_SHEET]
    root = ElementTree.fromstring(members(book)["xl/workbook.xml"])
    assert root.find(f"{MAIN}bookViews/{MAIN}workbookView").get("activeTab") == "4"
    selected = [
        name
        for name, part in PARTS.items()
        if re.search(r'tabSelected="(1|true)"', members(book)[part].decode())
    ]
    assert selected == []  # only the report is selected: no grouped sheets
    rows = report_rows(book)
    assert rows[3][:9] == [
        "No",
        "Tingkat",
        "Kode",
        "Lembar",
        "Sel",
        "Kolom",
        "Nilai",
        "Pesan",
        "Saran",
    ]
    table = [row[:9] for row in rows[4 : 4 + len(findings)]]
    assert [row[2] for row in table] == [f.code for f in findings]
    assert table[0][:5] == [1, "Galat", "a.catatan_pengguna", "Data", "E1"]
    assert table[6][4] == "C10"  # $C$10 written plainly
    assert table[8][3] == "Grafik"  # the workbook's spelling of the sheet name
    assert "14 temuan (4 galat, 5 peringatan, 5 info)" in rows[1][0]
    part = ElementTree.fromstring(members(book)[report_part(book)])
    links = {h.get("ref"): h.get("location") for h in part.iter(f"{MAIN}hyperlink")}
    assert links["E5"] == "'Data'!E1"
    assert links["E13"] == "'Grafik'!C20"
    assert links["D18"] == "'Data'!A1"  # a bad cell address: the link goes to the sheet
    assert "E16" not in links and "E17" not in links  # no sheet: no link
    for location in links.values():
        sheet = location.split("!")[0].strip("'")
        assert sheet in sheet_names(book)
    bold = openpyxl.load_workbook(book)[REPORT_SHEET]["B4"].font
    assert bold.b


def test_a_report_sheet_moved_by_the_user_keeps_sheet_local_names_valid(book: Path):
    names_before = local_names(book)
    annotate_workbook(book, first_findings(book), now=NOW)
    data = members(book)
    workbook = data["xl/workbook.xml"].decode()
    report = re.search(rf'<sheet name="{REPORT_SHEET}"[^>]*/>', workbook)[0]
    workbook = workbook.replace(report, "").replace("<sheets>", "<sheets>" + report)
    workbook = re.sub(
        r'localSheetId="(\d+)"', lambda m: f'localSheetId="{int(m[1]) + 1}"', workbook
    )
    data["xl/workbook.xml"] = workbook.encode()
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in data.items():
            archive.writestr(name, content)
    assert sheet_names(book)[0] == REPORT_SHEET and local_names(book) == names_before
    annotate_workbook(book, second_findings(book), now=LATER)
    assert sheet_names(book) == ["Data", "Grafik", "Daftar", "Kosong", REPORT_SHEET]
    assert local_names(book) == names_before
    root = ElementTree.fromstring(members(book)["xl/workbook.xml"])
    assert root.find(f"{MAIN}bookViews/{MAIN}workbookView").get("activeTab") == "4"
    assert openpyxl.load_workbook(book)["Data"]["B3"].comment is None


def test_no_findings_says_so(book: Path):
    result = annotate_workbook(book, [], now=NOW)
    assert (result.findings, result.marked_cells, result.notes) == (0, 0, 0)
    rows = report_rows(book)
    assert rows[4][0] == "Tidak ada temuan."


def test_a_second_run_removes_every_trace_of_the_first(book: Path):
    original = members(book)
    annotate_workbook(book, first_findings(book), now=NOW)
    result = annotate_workbook(book, second_findings(book), now=LATER)
    assert result.restored_cells == 10 and result.removed_notes == 9
    assert sheet_names(book).count(REPORT_SHEET) == 1
    after = members(book)
    styles = cell_styles(after[PARTS["Data"]])
    before = cell_styles(original[PARTS["Data"]])
    for cell in ("E1", "B3", "A1"):
        assert styles[cell] == before[cell], cell
    for cell in ("D1", "H2", "B6", "C10"):  # cells we created are gone again
        assert cell not in styles
    assert cell_styles(after[PARTS["Daftar"]]) == cell_styles(original[PARTS["Daftar"]])
    marked = openpyxl.load_workbook(book)
    assert marked["Data"]["C2"].fill.fgColor.rgb == FILLS["galat"]
    assert marked["Grafik"]["A1"].fill.fgColor.rgb == FILLS["peringatan"]
    assert marked["Data"]["B3"].comment is None and marked["Kosong"]["B2"].comment is None
    assert "[x.judul]" in marked["Grafik"]["A1"].comment.text
    assert "[b.judul]" not in marked["Grafik"]["A1"].comment.text
    assert [r[2] for r in report_rows(book)[4:7]] == ["x.baru", "x.format", "x.judul"]
    assert len(report_rows(book)) == 7
    kinds = relationships(book)
    for sheet in ("Daftar", "Kosong"):  # no finding there any more: no notes, no drawing
        assert [k for k, _ in kinds.get(PARTS[sheet], [])] == [], sheet
    assert len([n for n in after if n.startswith("xl/comments")]) == 2  # Data's and Grafik's
    assert_package_consistent(book)


def test_a_run_without_findings_gives_back_the_original_cell_styles(book: Path):
    original = members(book)
    annotate_workbook(book, first_findings(book), now=NOW)
    annotate_workbook(book, second_findings(book), now=LATER)
    annotate_workbook(book, [], now=LATER)
    after = members(book)
    for name, part in PARTS.items():
        assert cell_styles(after[part]) == cell_styles(original[part]), name
    assert after[USER_COMMENTS] == original[USER_COMMENTS]  # ours gone, byte for byte
    assert after[USER_VML] == original[USER_VML]
    assert (
        after["xl/worksheets/_rels/sheet1.xml.rels"]
        == original["xl/worksheets/_rels/sheet1.xml.rels"]
    )
    assert set(after) == set(original) | {report_part(book)}
    assert values(book) == values(build_fixture(book.parent / "lagi.xlsx"))
    assert_package_consistent(book)


def test_the_same_findings_twice_give_the_same_package(book: Path):
    annotate_workbook(book, first_findings(book), now=NOW)
    once = members(book)
    annotate_workbook(book, first_findings(book), now=NOW)
    assert members(book) == once
    assert list(members(book)) == list(once)


def test_xlsm_keeps_its_vba_project(tmp_path: Path):
    vba = tmp_path / "vbaProject.bin"
    vba.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(range(256)) * 8)
    book = build_fixture(tmp_path / "makro.xlsm", vba=vba)
    before = members(book)
    result = annotate_workbook(book, first_findings(book), now=NOW)
    after = members(book)
    assert after["xl/vbaProject.bin"] == vba.read_bytes()
    assert raw_members(book)["xl/vbaProject.bin"] == raw_members(result.backup)["xl/vbaProject.bin"]
    assert "macroEnabled" in after["[Content_Types].xml"].decode()
    assert after["xl/_rels/workbook.xml.rels"].decode().count('Target="vbaProject.bin"') == 1
    assert before["xl/vbaProject.bin"] == after["xl/vbaProject.bin"]
    assert result.backup.suffix == ".xlsm"
    assert openpyxl.load_workbook(book, keep_vba=True)["Data"]["B3"].comment is not None


def test_a_workbook_saved_by_excel(tmp_path: Path):
    """xlwings ships quickstart.xlsm as saved by Excel 365: mc:AlternateContent, revision
    ids, x14/x15 extensions and a real VBA project."""
    import xlwings

    source = Path(xlwings.__file__).parent / "quickstart.xlsm"
    if not source.exists():
        pytest.skip("xlwings without quickstart.xlsm")
    path = tmp_path / "quickstart.xlsm"
    shutil.copy(source, path)
    before = members(path)
    findings = [
        finding(path, "Sheet1", "B2", "excel.galat", Severity.GALAT),
        finding(path, "_xlwings.conf", "A1", "excel.info", Severity.INFO),
    ]
    annotate_workbook(path, findings, now=NOW)
    after = members(path)
    workbook = after["xl/workbook.xml"].decode()
    original = before["xl/workbook.xml"].decode()
    for kept in ("<mc:AlternateContent", "<xr:revisionPtr", "<x14:workbookPr", "<mx:ArchID"):
        assert kept in workbook, kept
    assert workbook[: workbook.index("<bookViews>")] == original[: original.index("<bookViews>")]
    assert after["xl/vbaProject.bin"] == before["xl/vbaProject.bin"]
    assert (
        'xr:uid="{00000000-0001-0000-0000-000000000000}"'
        in after["xl/worksheets/sheet1.xml"].decode()
    )
    marked = openpyxl.load_workbook(path, keep_vba=True)
    assert marked["Sheet1"]["B2"].fill.fgColor.rgb == FILLS["galat"]
    assert "[excel.info]" in marked["_xlwings.conf"]["A1"].comment.text
    assert_package_consistent(path)
    annotate_workbook(path, [], now=LATER)
    again = members(path)
    for part in ("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"):
        assert cell_styles(again[part]) == cell_styles(before[part]), part
    assert set(again) == set(before) | {report_part(path)}


def test_the_original_is_kept_as_a_backup_never_overwritten(book: Path):
    original = book.read_bytes()
    first = annotate_workbook(book, first_findings(book), now=NOW)
    assert first.backup == book.parent / BACKUP_FOLDER / "unit-20250301-093000.xlsx"
    assert first.backup.read_bytes() == original
    annotated = book.read_bytes()
    second = annotate_workbook(book, [], now=NOW)
    assert second.backup == book.parent / BACKUP_FOLDER / "unit-20250301-093000-2.xlsx"
    assert first.backup.read_bytes() == original
    assert second.backup.read_bytes() == annotated
    assert not [p for p in book.parent.iterdir() if p.name.startswith(".unit-")]  # no temp


@pytest.mark.parametrize(
    ("damage", "code"),
    [
        (lambda data: b"bukan zip sama sekali", ErrorCode.BERKAS_RUSAK),
        (lambda data: data[: len(data) // 2], ErrorCode.BERKAS_RUSAK),
        (
            lambda data: data.replace(b"xl/workbook.xml", b"xl/workbook.xmX"),
            ErrorCode.BERKAS_BAGIAN_HILANG,
        ),
        (  # OLE: encrypted or .xls
            lambda data: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + data,
            ErrorCode.BERKAS_TERENKRIPSI,
        ),
    ],
    ids=["not-a-zip", "truncated", "no-workbook-part", "ole"],
)
def test_a_broken_file_raises_and_stays_as_it_was(book: Path, damage, code: ErrorCode):
    broken = damage(book.read_bytes())
    book.write_bytes(broken)
    with raises(code, WorkbookError) as error:
        annotate_workbook(book, first_findings(book), now=NOW)
    assert "unit.xlsx" in str(error.value)
    assert book.read_bytes() == broken
    assert not (book.parent / BACKUP_FOLDER).exists()


def test_broken_xml_in_a_sheet_raises(book: Path):
    data = members(book)
    data[PARTS["Data"]] = data[PARTS["Data"]].replace(b"</sheetData>", b"</sheetDat>")
    with zipfile.ZipFile(book, "w") as archive:
        for name, content in data.items():
            archive.writestr(name, content)
    before = book.read_bytes()
    with raises(ErrorCode.BERKAS_BAGIAN_RUSAK, WorkbookError) as error:
        annotate_workbook(book, first_findings(book), now=NOW)
    assert error.value.path == book
    assert book.read_bytes() == before


def test_other_formats_and_missing_files_are_refused(tmp_path: Path):
    with raises(ErrorCode.BERKAS_JENIS_TIDAK_DIDUKUNG, WorkbookError):
        annotate_workbook(tmp_path / "lama.xls", [], now=NOW)
    with raises(ErrorCode.BERKAS_TIDAK_DITEMUKAN, WorkbookError):
        annotate_workbook(tmp_path / "tidak-ada.xlsx", [], now=NOW)


def test_a_users_own_hasil_validasi_sheet_is_never_replaced(tmp_path: Path):
    import xlsxwriter

    path = tmp_path / "milik.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    workbook.add_worksheet("Data").write("A1", 1)
    workbook.add_worksheet(REPORT_SHEET).write("A1", "catatan saya")
    workbook.close()
    before = path.read_bytes()
    with raises(ErrorCode.PENANDAAN_LEMBAR_BUKAN_MILIK, WorkbookError):
        annotate_workbook(path, [finding(path, "Data", "A1", "k", Severity.INFO)], now=NOW)
    assert path.read_bytes() == before


def test_prefixed_spreadsheetml_is_edited_with_its_prefix(book: Path):
    data = members(book)
    plain = data[PARTS["Kosong"]].decode()
    prefixed = re.sub(r"<(/?)(?!\?)([A-Za-z]+)", r"<\1x:\2", plain).replace(
        'xmlns="http://schemas', 'xmlns:x="http://schemas'
    )
    data[PARTS["Kosong"]] = prefixed.encode()
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in data.items():
            archive.writestr(name, content)
    annotate_workbook(book, [finding(book, "Kosong", "C3", "p", Severity.GALAT)], now=NOW)
    text = members(book)[PARTS["Kosong"]].decode()
    assert '<x:sheetData><x:row r="3"><x:c r="C3" s="' in text
    assert "<x:legacyDrawing r:id=" in text
    assert openpyxl.load_workbook(book)["Kosong"]["C3"].fill.fgColor.rgb == FILLS["galat"]


def test_the_unit_template_reads_the_same_after_annotating(tmp_path: Path):
    path = write_template(UNIT, tmp_path / "templat_unit.xlsx")
    before = read_form(path)
    findings = [
        finding(path, "PK", "B5", "pk.kode.kosong", Severity.GALAT),
        finding(path, "PK", "G23", "pk.target.kosong", Severity.PERINGATAN),
        finding(path, "PK", "Z99", "pk.sel.jauh", Severity.INFO),
        finding(path, "Rencana Aksi", "C13", "ra.tw.kosong", Severity.GALAT),
        finding(path, "Rencana Aksi", "F8", "ra.tw.turun", Severity.PERINGATAN),
    ]
    result = annotate_workbook(path, findings, now=NOW)
    assert (result.marked_cells, result.notes) == (5, 5)
    after = read_form(path)
    assert after.form is before.form
    assert {k: c.value for k, c in after.fields.items()} == {
        k: c.value for k, c in before.fields.items()
    }
    for key, table in before.tables.items():
        assert after.tables[key].records() == table.records(), key
    marked = openpyxl.load_workbook(path)
    assert marked["PK"]["G23"].fill.fgColor.rgb == FILLS["peringatan"]
    assert marked["PK"]["G23"].protection.locked is False  # still an input cell
    assert "[ra.tw.kosong]" in marked["Rencana Aksi"]["C13"].comment.text


def test_the_sample_workbook_round_trip_with_twenty_findings(tmp_path: Path):
    path = tmp_path / "TI.xlsx"
    shutil.copy(SAMPLE / "TI-jurusan-teknik-informatika.xlsx", path)
    before = read_form(path)
    findings = [
        finding(path, sheet, f"{col}{row}", f"t.{sheet[:2]}.{col}{row}", Severity.INFO)
        for sheet in ("PK", "Rencana Aksi")
        for col, row in (("B", 22), ("C", 23), ("G", 24), ("D", 25), ("E", 40))
    ]
    annotate_workbook(path, findings, now=NOW)
    annotate_workbook(path, findings[:3], now=LATER)
    after = read_form(path)
    for key, table in before.tables.items():
        assert after.tables[key].records() == table.records(), key
    assert_package_consistent(path)


@pytest.mark.libreoffice
def test_libreoffice_opens_the_annotated_workbook(book: Path, tmp_path: Path):
    annotate_workbook(book, first_findings(book), now=NOW)
    profile = tmp_path / "profil"
    pdf = lo.convert([book], "pdf", tmp_path / "pdf", profile)[0]
    assert pdf.read_bytes().startswith(b"%PDF")
    resaved = lo.convert([book], "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo", profile)[0]
    workbook = CalamineWorkbook.from_path(str(resaved))
    assert REPORT_SHEET in workbook.sheet_names
    rows = workbook.get_sheet_by_name(REPORT_SHEET).to_python()
    assert rows[4][2] == "a.catatan_pengguna"
    # and a run on the file LibreOffice saved removes our notes (it drops note authors)
    again = annotate_workbook(resaved, [], now=LATER)
    assert again.removed_notes == 9
    assert sheet_names(resaved).count(REPORT_SHEET) == 1
    marked = openpyxl.load_workbook(resaved)
    assert all(
        cell.comment is None or "xlkinerja" not in cell.comment.text
        for sheet in marked.worksheets
        for row in sheet.iter_rows()
        for cell in row
    )
    assert marked["Data"]["E1"].comment is not None  # the user's note survives


def _look(cell: openpyxl.cell.cell.Cell) -> tuple[object, ...]:
    fill = cell.fill
    colour = fill.fgColor.rgb if fill.patternType == "solid" else None
    return (
        cell.font.b,
        cell.number_format,
        cell.border.left.style,
        fill.patternType,
        colour,
        cell.protection.locked,
    )


@pytest.mark.libreoffice
def test_a_run_after_a_libreoffice_save_gives_every_cell_its_look_back(book: Path, tmp_path: Path):
    """LibreOffice renumbers every style: the record's style indexes name other formats
    there, so the cells get back the fill recorded for them (E1 bold without fill, E2 the
    user's own yellow fill) on the format LibreOffice wrote."""
    original = openpyxl.load_workbook(book)
    found = [*first_findings(book), finding(book, "Data", "E2", "a.isi_kuning", Severity.GALAT)]
    annotate_workbook(book, found, now=NOW)
    resaved = lo.convert([book], "xlsx", tmp_path / "lo", tmp_path / "profil")[0]
    assert "isi_asal" in str(values_of_report(resaved))  # the record survived the save
    again = annotate_workbook(resaved, [], now=LATER)
    assert again.restored_cells == 11
    after = openpyxl.load_workbook(resaved)
    ours = {f"FF{rgb}" for rgb in FILL_RGB}
    for sheet in original.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert _look(after[sheet.title][cell.coordinate]) == _look(cell), cell.coordinate
        for row in after[sheet.title].iter_rows():
            for cell in row:
                assert cell.fill.fgColor.rgb not in ours, (sheet.title, cell.coordinate)
                assert cell.comment is None or "xlkinerja" not in cell.comment.text
    assert sheet_names(resaved).count(REPORT_SHEET) == 1
    rows = CalamineWorkbook.from_path(str(resaved)).get_sheet_by_name(REPORT_SHEET).to_python()
    assert rows[4][0] == "Tidak ada temuan."  # the old findings are gone with the old sheet


def values_of_report(path: Path) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(REPORT_SHEET).to_python()


def test_a_fill_from_the_record_is_only_ever_a_fill():
    solid = '<x:fill><x:patternFill patternType="solid"><x:fgColor rgb="FFFFF9E6"/></x:patternFill></x:fill>'
    assert fills.canonical(solid) == (
        '<fill><patternFill patternType="solid"><fgColor rgb="FFFFF9E6"/></patternFill></fill>'
    )
    lower = solid.replace("FFFFF9E6", "fffff9e6").replace("x:", "")
    assert fills.same_fill(fills.canonical(solid), fills.canonical(lower))
    for hostile in (
        '<fill><patternFill patternType="solid"/><font/></fill>',
        '<fill><patternFill patternType="a&quot; b"/></fill>',
        '<!DOCTYPE x [<!ENTITY e "e">]><fill/>',
        "<font/>",
        "",
    ):
        assert fills.canonical(hostile) is None, hostile
    assert fills.same_fill(fills.NO_FILL, '<fill><patternFill patternType="none"/></fill>')
