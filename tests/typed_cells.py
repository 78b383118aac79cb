"""Workbooks whose cells hold what a spreadsheet program stores for what a user typed.

Two ways, both starting from a workbook the project wrote:
- `with_number_formats` edits the package the way Excel stores a typed `85%`: the number
  0.85 in the cell, and the cell's style a copy of its own whose `numFmtId` is a percent
  format (built-in 9 `0%`, 10 `0.00%`, or a custom code added to `numFmts`) — styles.xml
  `cellXfs` + `numFmts`, nothing else changed;
- `type_in_libreoffice` has real LibreOffice, set to the Indonesian locale, type text into
  cells (the same input line a user types into: `.uno:EnterString`) and save as .xlsx.
"""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path

from tests.test_addin_libreoffice import lister_module, run_soffice
from xlkinerja.sources.formula_cells import sheet_parts

Cells = Mapping[tuple[str, str], tuple[float, int | str]]  # (sheet, A1) → (value, format)

_CELL_XFS = re.compile(rb"(<cellXfs\b[^>]*>)(.*?)(</cellXfs>)", re.DOTALL)
_XF = re.compile(rb"<xf\b[^>]*?(?:/>|>.*?</xf>)", re.DOTALL)
_NUMFMTS = re.compile(rb"(<numFmts\b[^>]*>)(.*?)(</numFmts>)", re.DOTALL)


def _count(tag: bytes, count: int) -> bytes:
    return re.sub(rb'count="\d+"', b'count="%d"' % count, tag)


def with_number_formats(source: Path, target: Path, cells: Cells) -> Path:
    """A copy of `source` whose `cells` hold each value with each number format, as Excel
    writes them (see the module docstring)."""
    with zipfile.ZipFile(source) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
        names = sheet_parts(archive)
    styles = parts["xl/styles.xml"]
    custom = (
        re.findall(rb'numFmtId="(\d+)"', _NUMFMTS.search(styles)[2])
        if b"<numFmts" in styles
        else []
    )
    next_id = max([163, *map(int, custom)]) + 1
    new_formats: dict[str, int] = {}
    xfs_match = _CELL_XFS.search(styles)
    assert xfs_match is not None
    xfs = _XF.findall(xfs_match[2])
    new_xfs: dict[tuple[int, int], int] = {}
    for (sheet, address), (value, fmt) in cells.items():
        part = names[sheet]
        xml = parts[part]
        cell = re.search(
            rb'<c r="' + address.encode() + rb'"([^>]*?)(?:/>|>.*?</c>)', xml, re.DOTALL
        )
        assert cell is not None, (sheet, address)
        style = re.search(rb's="(\d+)"', cell[1])
        base = int(style[1]) if style else 0
        if isinstance(fmt, str):
            if fmt not in new_formats:
                new_formats[fmt] = next_id
                next_id += 1
            fmt_id = new_formats[fmt]
        else:
            fmt_id = fmt
        if (base, fmt_id) not in new_xfs:
            xf = re.sub(rb'numFmtId="\d+"', b'numFmtId="%d"' % fmt_id, xfs[base], count=1)
            if b"applyNumberFormat" not in xf:
                xf = xf.replace(b"<xf ", b'<xf applyNumberFormat="1" ', 1)
            new_xfs[(base, fmt_id)] = len(xfs)
            xfs.append(xf)
        replacement = b'<c r="%s" s="%d"><v>%s</v></c>' % (
            address.encode(),
            new_xfs[(base, fmt_id)],
            repr(float(value)).encode(),
        )
        parts[part] = xml[: cell.start()] + replacement + xml[cell.end() :]
    styles = (
        styles[: xfs_match.start()]
        + _count(xfs_match[1], len(xfs))
        + b"".join(xfs)
        + xfs_match[3]
        + styles[xfs_match.end() :]
    )
    if new_formats:
        added = b"".join(
            b'<numFmt numFmtId="%d" formatCode="%s"/>'
            % (number, html.escape(code, quote=True).encode())
            for code, number in new_formats.items()
        )
        found = _NUMFMTS.search(styles)
        if found:
            total = len(custom) + len(new_formats)
            styles = (
                styles[: found.start()]
                + _count(found[1], total)
                + found[2]
                + added
                + found[3]
                + styles[found.end() :]
            )
        else:
            at = styles.index(b"<fonts")
            element = b'<numFmts count="%d">%s</numFmts>' % (len(new_formats), added)
            styles = styles[:at] + element + styles[at:]
    parts["xl/styles.xml"] = styles
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return target


TYPER = """Sub TypeCells(sIn As String, sOut As String, sSpec As String, sErr As String)
    Dim args(0) As New com.sun.star.beans.PropertyValue
    Dim cellArg(0) As New com.sun.star.beans.PropertyValue
    Dim textArg(0) As New com.sun.star.beans.PropertyValue
    Dim saveArgs(0) As New com.sun.star.beans.PropertyValue
    On Error GoTo Failed
    args(0).Name = "Hidden"
    args(0).Value = True
    oDoc = StarDesktop.loadComponentFromURL(sIn, "_blank", 0, args())
    oDispatcher = createUnoService("com.sun.star.frame.DispatchHelper")
    oFrame = oDoc.getCurrentController().getFrame()
    For Each sItem In Split(sSpec, "|")
        If sItem <> "" Then
            aParts = Split(sItem, "!")
            oDoc.getCurrentController().setActiveSheet(oDoc.Sheets.getByName(aParts(0)))
            cellArg(0).Name = "ToPoint"
            cellArg(0).Value = aParts(1)
            oDispatcher.executeDispatch(oFrame, ".uno:GoToCell", "", 0, cellArg())
            textArg(0).Name = "StringName"
            textArg(0).Value = aParts(2)
            oDispatcher.executeDispatch(oFrame, ".uno:EnterString", "", 0, textArg())
        End If
    Next
    saveArgs(0).Name = "FilterName"
    saveArgs(0).Value = "Calc MS Excel 2007 XML"
    oDoc.storeToURL(sOut, saveArgs())
    oDoc.close(True)
    StarDesktop.terminate()
    Exit Sub
Failed:
    iFile = FreeFile
    Open sErr For Output As #iFile
    Print #iFile, Error$ & " (line " & Erl & ")"
    Close #iFile
    StarDesktop.terminate()
End Sub
"""

LOCALE = (
    '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" '
    'oor:op="fuse"><value>{locale}</value></prop></item>'
)


def libreoffice_typist(profile: Path, locale: str = "id-ID") -> Path:
    """A LibreOffice profile set to `locale` (the locale typed numbers and dates are read
    in) with the typing macro as the Standard library's Module1."""
    run_soffice(profile, "--terminate_after_init")
    settings = profile / "user" / "registrymodifications.xcu"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(
        text.replace("</oor:items>", LOCALE.format(locale=locale) + "\n</oor:items>"),
        encoding="utf-8",
    )
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    module.write_text(lister_module(TYPER), encoding="utf-8")
    return profile


def type_in_libreoffice(
    source: Path, target: Path, typed: Mapping[tuple[str, str], str], profile: Path
) -> Path:
    """`source` opened in LibreOffice (a profile from `libreoffice_typist`), each text of
    `typed` typed into its cell (sheet, A1), saved as .xlsx at `target`."""
    for (sheet, cell), text in typed.items():
        assert not {"!", "|", '"'} & set(sheet + cell + text), "the macro's separators"
    spec = "|".join(f"{sheet}!{cell}!{text}" for (sheet, cell), text in typed.items())
    error = target.with_suffix(".error.txt")
    run_soffice(
        profile,
        f'macro:///Standard.Module1.TypeCells("{source.as_uri()}","{target.as_uri()}",'
        f'"{spec}","{error}")',
    )
    assert not error.exists(), error.read_text(encoding="utf-8")
    assert target.exists(), "LibreOffice saved nothing"
    return target
