"""The project's references, copied from xlwings' Excel-saved add-in rather than invented.

A REFERENCE record (MS-OVBA 2.3.4.2.2) names a type library by LibId (GUID, version, a
path hint, a description); Excel writes them, and a wrong one leaves the project unable
to compile. So we take them from a project Excel saved: xlwings' own add-in
(`addin/xlwings.xlam` in the installed package), which runs the same xlwings modules and
references exactly what they need: stdole (OLE Automation) and Office (the Microsoft
Office object library, where IRibbonControl and msoPicture live). xlwings' quickstart
add-in (`quickstart_addin_ribbon.xlam`) holds Office and MSForms but not stdole, so it is
not the base.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import olefile

from xlkinerja.addin import dirstream, ovba

BASE = "addin/xlwings.xlam"
NEEDED = ("stdole", "Office")


def vba_project_of(package: Path) -> bytes:
    """The vbaProject.bin inside an .xlsm/.xlam."""
    with zipfile.ZipFile(package) as archive:
        return archive.read("xl/vbaProject.bin")


def dir_records(vba_project: bytes) -> list[dirstream.Record]:
    """The records of a vbaProject.bin's VBA/dir stream."""
    with olefile.OleFileIO(io.BytesIO(vba_project)) as ole:
        compressed = ole.openstream("VBA/dir").read()
    return dirstream.parse(ovba.decompress(compressed))


def references_from(package: Path) -> list[dirstream.Record]:
    """The REFERENCE records of the project in `package`, checked to be NEEDED."""
    records = dirstream.references(dir_records(vba_project_of(package)))
    names = dirstream.reference_names(records, "cp1252")
    if tuple(names) != NEEDED:
        raise ValueError(f"{package.name}: references {names}, expected {list(NEEDED)}")
    return records
