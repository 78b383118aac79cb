"""LibreOffice opens the add-in's workbook and lists its VBA modules with the code we wrote.

LibreOffice 7.4 loads no file whose main part has the add-in content type (Excel's own
quickstart add-in renamed .xlsm is refused too), so it opens an .xlsm twin: the same parts,
the workbook's content type the only difference. A Basic macro in a throwaway profile
loads it and writes each module's code to a file.
"""

from __future__ import annotations

import os
import signal
import subprocess
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from tests import lo
from xlkinerja.addin import build, package

LISTER = """Sub ListModules(sUrl As String, sOutDir As String)
    Dim args(0) As New com.sun.star.beans.PropertyValue
    On Error GoTo Failed
    args(0).Name = "Hidden"
    args(0).Value = True
    oDoc = StarDesktop.loadComponentFromURL(sUrl, "_blank", 0, args())
    oLibs = oDoc.BasicLibraries
    s = ""
    For Each sLib In oLibs.getElementNames()
        oLibs.loadLibrary(sLib)
        oLib = oLibs.getByName(sLib)
        For Each sMod In oLib.getElementNames()
            s = s & sLib & "/" & sMod & Chr(10)
            iFile = FreeFile
            Open sOutDir & "/" & sMod & ".txt" For Output As #iFile
            Print #iFile, oLib.getByName(sMod)
            Close #iFile
        Next
    Next
    iFile = FreeFile
    Open sOutDir & "/modules.txt" For Output As #iFile
    Print #iFile, s
    Close #iFile
    oDoc.close(True)
    StarDesktop.terminate()
    Exit Sub
Failed:
    iFile = FreeFile
    Open sOutDir & "/error.txt" For Output As #iFile
    Print #iFile, Error$
    Close #iFile
    StarDesktop.terminate()
End Sub
"""


def lister_module(basic: str) -> str:
    """A Basic module file of the user profile (as LibreOffice's presets write them)."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN"'
        ' "module.dtd">\n'
        '<script:module xmlns:script="http://openoffice.org/2000/script"'
        ' script:name="Module1" script:language="StarBasic">'
        f"{escape(basic)}</script:module>\n"
    )


def run_soffice(profile: Path, *arguments: str) -> None:
    """soffice headless in `profile`; killed (its whole process group) if it hangs."""
    command = [lo.soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless"]
    with subprocess.Popen(
        [*command, "--norestore", *arguments],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    ) as process:
        try:
            process.wait(timeout=180)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise


def profile_with_lister(profile: Path) -> None:
    """A fresh profile (made by a first start, which also lays the presets over our
    files), then our Basic module as the Standard library's Module1."""
    run_soffice(profile, "--terminate_after_init")
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    assert module.is_file(), "LibreOffice made no user Basic library"
    module.write_text(lister_module(LISTER), encoding="utf-8")


def lo_modules(workbook: Path, profile: Path, out: Path) -> dict[str, str]:
    out.mkdir()
    run_soffice(profile, f'macro:///Standard.Module1.ListModules("{workbook.as_uri()}","{out}")')
    assert not (out / "error.txt").exists(), (out / "error.txt").read_text()
    listed = (out / "modules.txt").read_text(encoding="utf-8").split()
    return {
        entry.split("/")[1]: (out / f"{entry.split('/')[1]}.txt").read_text(encoding="utf-8")
        for entry in listed
    }


LO_HEADER = ("Rem Attribute VBA_ModuleType=", "Option VBASupport 1", "Option ClassModule")


def code_lines(text: str, prefixes: tuple[str, ...]) -> list[str]:
    lines = [line for line in text.splitlines() if not line.startswith(prefixes)]
    while lines and not lines[-1]:
        lines.pop()
    return lines


@pytest.mark.libreoffice
def test_libreoffice_lists_the_modules_with_our_code(tmp_path):
    parts = build.addin_parts()
    twin_parts = build.addin_parts(main_type=package.XLSM_CONTENT_TYPE)
    differing = [name for name in parts if parts[name] != twin_parts[name]]
    assert differing == ["[Content_Types].xml"]
    twin = tmp_path / "xlkinerja.xlsm"
    twin.write_bytes(package.zip_parts(twin_parts))
    with zipfile.ZipFile(twin) as archive:
        assert archive.read("xl/vbaProject.bin") == parts["xl/vbaProject.bin"]

    profile = tmp_path / "profil"
    profile_with_lister(profile)
    found = lo_modules(twin, profile, tmp_path / "keluaran")

    ours = {m.name: m for m in build.addin_modules()}
    assert sorted(found) == sorted(ours)
    for name, text in found.items():
        kind = text.splitlines()[0]
        expected_kind = {"standard": "VBAModule", "class": "VBAClassModule"}.get(
            ours[name].kind.value, "VBADocumentModule"
        )
        assert kind == f"Rem Attribute VBA_ModuleType={expected_kind}", name
        assert code_lines(text, LO_HEADER) == code_lines(
            ours[name].stored_text(), ("Attribute ",)
        ), name
