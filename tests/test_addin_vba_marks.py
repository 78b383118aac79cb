"""The add-in's own VBA that marks cells (macros/KinerjaTanda.bas), run by a real spreadsheet
program: LibreOffice executes Excel VBA in its compatibility mode.

A copy of the sample's AK unit workbook gets a VBA project with KinerjaTanda and a small
test module that does what xlkinerja's live write-back asks of Excel: add the report sheet,
mark two cells (one of them with a note of the user's already), then undo the marks. The
workbook is saved after each step and read back with openpyxl. The unit's sheets are
protected, as the template writes them: the marks must lift the protection and put it back.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import SAMPLE
from tests.test_addin_libreoffice import lister_module, run_soffice
from xlkinerja.addin import references
from xlkinerja.addin.build import WORKBOOK_BASE
from xlkinerja.addin.modules import document_module, read_vba_file, xlwings_folder
from xlkinerja.addin.project import ModuleKind, VbaModule, vba_project
from xlkinerja.core.resources import shipped_folder

PROJECT = "UjiTanda"
TEST_MODULE = """Attribute VB_Name = "Uji"
Option Explicit
' What xlkinerja's live write-back asks of Excel, in order (see excel/writeback.py).
Public Sub UjiTandai()
    Dim wb As Object
    Dim report As Object
    Set wb = Application.ActiveWorkbook
    wb.Worksheets("PK").Unprotect ""
    wb.Worksheets("PK").Range("B16").AddComment "catatan pengguna"
    wb.Worksheets("PK").Protect ""
    Set report = wb.Worksheets.Add(After:=wb.Worksheets(wb.Worksheets.Count))
    report.Name = "Hasil Validasi"
    report.Cells(4, 11).Value = "xlkinerja: lembar"
    KinerjaTandai wb, "PK", "B15", "FFC7CE", "[pk.tanggal.terlambat] terlambat", 5
    KinerjaTandai wb, "PK", "B16", "FFEB9C", "[pk.x.y] kedua", 6
    KinerjaTandai wb, "Capaian", "F7", "FFC7CE", "[capaian.kendala.wajib] kendala", 7
End Sub
Public Sub UjiTulis()
    KinerjaTulis Application.ActiveWorkbook, "Capaian", 6, 8, _
        "t:Capaian (%)" & vbTab & "t:Predikat" & vbLf & "n:75.5" & vbTab & "t:=1+1" & vbLf & vbTab
End Sub
Public Sub UjiBersihkan()
    KinerjaBersihkan Application.ActiveWorkbook, "Hasil Validasi"
End Sub
"""
RUNNER = """Sub RunVba(sUrl As String, sMarked As String, sCleared As String, sErr As String)
    Dim args(1) As New com.sun.star.beans.PropertyValue
    Dim store(0) As New com.sun.star.beans.PropertyValue
    On Error GoTo Failed
    args(0).Name = "Hidden"
    args(0).Value = True
    args(1).Name = "MacroExecutionMode"
    args(1).Value = 4
    oDoc = StarDesktop.loadComponentFromURL(sUrl, "_blank", 0, args())
    store(0).Name = "FilterName"
    store(0).Value = "Calc MS Excel 2007 XML"
    oProvider = oDoc.getScriptProvider()
    sBase = "vnd.sun.star.script:PROJECT.Uji."
    oProvider.getScript(sBase & "UjiTandai?language=Basic&location=document").invoke(Array(), Array(), Array())
    oProvider.getScript(sBase & "UjiTulis?language=Basic&location=document").invoke(Array(), Array(), Array())
    oDoc.storeToURL(sMarked, store())
    oProvider.getScript(sBase & "UjiBersihkan?language=Basic&location=document").invoke(Array(), Array(), Array())
    oDoc.storeToURL(sCleared, store())
    oDoc.close(True)
    StarDesktop.terminate()
    Exit Sub
Failed:
    iFile = FreeFile
    Open sErr For Output As #iFile
    Print #iFile, Error$ & " (" & Err & ")"
    Close #iFile
    StarDesktop.terminate()
End Sub
""".replace("PROJECT", PROJECT)


def with_vba(
    source: Path, target: Path, ours: str = "KinerjaTanda", test_module: str = TEST_MODULE
) -> None:
    """`source` as an .xlsm whose VBA project (PROJECT) holds our module `ours` (from
    macros/) and the test module "Uji"."""
    modules = [
        document_module("ThisWorkbook", WORKBOOK_BASE),
        VbaModule(
            ours, ModuleKind.STANDARD, read_vba_file(shipped_folder("macros") / f"{ours}.bas")
        ),
        VbaModule("Uji", ModuleKind.STANDARD, test_module),
    ]
    refs = references.references_from(xlwings_folder() / references.BASE)
    project = vba_project(PROJECT, "{6B1C2E5A-3F4D-4B8E-9A71-5C2D8E0F4A37}", modules, refs)
    sheet_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "[Content_Types].xml":
                text = data.decode().replace(
                    sheet_type, "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
                )
                text = text.replace(
                    '<Default Extension="xml"',
                    '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
                    '<Default Extension="xml"',
                )
                data = text.encode()
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/'
                    b'relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
                )
            zout.writestr(item, data)
        zout.writestr("xl/vbaProject.bin", project)


def fill(cell: object) -> str | None:
    pattern = cell.fill  # type: ignore[attr-defined]
    return pattern.fgColor.rgb if pattern is not None and pattern.fill_type else None


def note(cell: object) -> str | None:
    comment = cell.comment  # type: ignore[attr-defined]
    return comment.text if comment is not None else None


@pytest.mark.libreoffice
def test_the_marks_and_the_values_are_written_on_protected_sheets_and_undone(tmp_path: Path):
    workbook = tmp_path / "AK.xlsm"
    with_vba(SAMPLE / "AK-jurusan-akuntansi.xlsx", workbook)
    before = openpyxl.load_workbook(workbook)
    original = fill(before["PK"]["B15"])
    assert original is not None and original not in ("FFFFC7CE", "FFFFEB9C")
    profile = tmp_path / "profil"
    run_soffice(profile, "--terminate_after_init")
    (profile / "user" / "basic" / "Standard" / "Module1.xba").write_text(
        lister_module(RUNNER), encoding="utf-8"
    )
    marked, cleared, error = (
        tmp_path / "ditandai.xlsx",
        tmp_path / "bersih.xlsx",
        tmp_path / "galat.txt",
    )
    run_soffice(
        profile,
        f'macro:///Standard.Module1.RunVba("{workbook.as_uri()}","{marked.as_uri()}",'
        f'"{cleared.as_uri()}","{error}")',
    )
    assert not error.exists(), error.read_text()

    after = openpyxl.load_workbook(marked)
    pk, capaian, report = after["PK"], after["Capaian"], after["Hasil Validasi"]
    assert fill(pk["B15"]) == "FFFFC7CE" and fill(capaian["F7"]) == "FFFFC7CE"
    assert fill(pk["B16"]) == "FFFFEB9C"
    assert note(pk["B15"]) == "[xlkinerja]\n[pk.tanggal.terlambat] terlambat"
    assert note(pk["B16"]) == "catatan pengguna"  # the user's note is never replaced
    assert pk.protection.sheet and capaian.protection.sheet  # protected again
    record = [[c.value for c in row] for row in report.iter_rows(5, 7, 11, 14)]
    assert [r[:2] for r in record] == [["PK", "B15"], ["PK", "B16"], ["Capaian", "F7"]]
    assert [r[3] for r in record] == [1, 0, 1]  # a note added, the user's kept, added
    assert report.column_dimensions["K"].hidden
    # KinerjaTulis: a number stays a number (a dot as the decimal sign, whatever the
    # locale), a text that looks like a formula stays text, on the protected sheet.
    assert [capaian["H6"].value, capaian["I6"].value] == ["Capaian (%)", "Predikat"]
    assert capaian["H7"].value == 75.5 and capaian["I7"].value == "=1+1"
    assert capaian["H8"].value is None

    clean = openpyxl.load_workbook(cleared)
    pk, capaian = clean["PK"], clean["Capaian"]
    assert fill(pk["B15"]) == original and fill(capaian["F7"]) == fill(before["Capaian"]["F7"])
    assert fill(pk["B16"]) == fill(before["PK"]["B16"])
    assert note(pk["B15"]) is None and note(capaian["F7"]) is None
    assert note(pk["B16"]) == "catatan pengguna"
    assert pk.protection.sheet and capaian.protection.sheet
