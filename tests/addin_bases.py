"""xlwings' Excel-saved add-ins in the installed package, opened for the add-in tests."""

from __future__ import annotations

import importlib.util
import io
import warnings
from pathlib import Path
from types import ModuleType

import olefile

from xlkinerja.addin import dirstream, ovba, references

_SPEC = importlib.util.find_spec("xlwings")
assert _SPEC is not None and _SPEC.submodule_search_locations
XLWINGS = Path(next(iter(_SPEC.submodule_search_locations)))
QUICKSTART = XLWINGS / "quickstart_addin_ribbon.xlam"  # Excel-saved: xlwings + Dictionary
XLWINGS_ADDIN = XLWINGS / "addin" / "xlwings.xlam"  # Excel-saved: every xlwings module
BASES = (QUICKSTART, XLWINGS_ADDIN)
VBA_FILES = sorted(
    [*XLWINGS.glob("*.bas"), *(XLWINGS / "addin").glob("*.bas"), *(XLWINGS / "addin").glob("*.cls")]
)


def olevba() -> ModuleType:
    """oletools.olevba, imported without the pyparsing deprecation warnings it raises."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from oletools import olevba as module
    return module


def open_project(vba_project: bytes) -> olefile.OleFileIO:
    return olefile.OleFileIO(io.BytesIO(vba_project), raise_defects=olefile.DEFECT_INCORRECT)


def compressed_streams(package: Path) -> dict[str, tuple[bytes, int]]:
    """Every compressed stream of a package's VBA project: name → (stream bytes, offset of
    the CompressedContainer in it). Modules Excel compiled hold p-code before the source."""
    project = references.vba_project_of(package)
    records = references.dir_records(project)
    with open_project(project) as ole:
        out = {"dir": (ole.openstream("VBA/dir").read(), 0)}
        for name, offset in dirstream.module_offsets(records, "cp1252").items():
            out[name] = (ole.openstream(f"VBA/{name}").read(), offset)
    return out


def module_texts(package: Path) -> dict[str, str]:
    """Each module's source as the Excel-saved project stores it."""
    return {
        name: ovba.decompress(stream[offset:]).decode("cp1252")
        for name, (stream, offset) in compressed_streams(package).items()
        if name != "dir"
    }
