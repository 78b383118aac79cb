"""The add-in's VBA modules: xlwings' own, read from the installed package, and ours.

Why from the installed package: the VBA client and the Python side of xlwings must be the
same version — the server refuses a call whose payload names another version — so the
add-in carries the VBA of the xlwings that is installed where it is built, and the builder
refuses a package whose VBA says another version than the package itself.

Which of xlwings' modules (XLWINGS_FILES): the ones xlwings itself puts in a custom add-in
(`xlwings_custom_addin.bas`, as module "xlwings": RunPython, GetConfig and their helpers;
and Dictionary.cls) plus the ones its own `release`/`quickstart --server` commands add for
`RunRemotePython` (Remote.bas and the VBA-Web modules it calls). Not RibbonXlwings.bas
(xlwings' own ribbon) nor Extensions.bas (the `sql` UDF).

Class modules are stored the way the VBE stores an imported .cls (as in xlwings' Excel-saved
xlwings.xlam): without the `VERSION 1.0 CLASS / BEGIN ... END` header, with the
VB_Base, VB_TemplateDerived and VB_Customizable attributes the VBE adds.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
from collections.abc import Mapping
from pathlib import Path

from xlkinerja.addin.project import ModuleKind, VbaModule
from xlkinerja.errors import ErrorCode, XlkinerjaError

XLWINGS_FILES = (
    "xlwings_custom_addin.bas",
    "addin/Dictionary.cls",
    "addin/Remote.bas",
    "addin/IWebAuthenticator.cls",
    "addin/WebClient.cls",
    "addin/WebRequest.cls",
    "addin/WebResponse.cls",
    "addin/WebHelpers.bas",
)
CLASS_BASE = "0{FCFB3D2A-A0FA-1068-A738-08002B3371B5}"  # VB_Base of every class module
WORKBOOK_BASE = "0{00020819-0000-0000-C000-000000000046}"  # Excel's Workbook
WORKSHEET_BASE = "0{00020820-0000-0000-C000-000000000046}"  # Excel's Worksheet

_NAME = re.compile(r'^Attribute VB_Name = "([^"]+)"', re.MULTILINE)
_VERSION = re.compile(r'^Public Const XLWINGS_VERSION As String = "([^"]+)"', re.MULTILINE)
_PROJECT_NAME = re.compile(r'^(Public Const PROJECT_NAME As String = )"[^"]*"', re.MULTILINE)
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def xlwings_folder() -> Path:
    """The installed xlwings package's folder (found without importing it)."""
    spec = importlib.util.find_spec("xlwings")
    if spec is None or not spec.submodule_search_locations:
        raise XlkinerjaError(
            "paket xlwings tidak terpasang; add-in memerlukannya.",
            code=ErrorCode.LINGKUNGAN_XLWINGS_TIDAK_ADA,
        )
    return Path(next(iter(spec.submodule_search_locations)))


def xlwings_version() -> str:
    return importlib.metadata.version("xlwings")


def read_vba_file(path: Path) -> str:
    return path.read_bytes().decode("cp1252")


def module_from_file(path: Path, text: str | None = None) -> VbaModule:
    """A .bas (standard) or .cls (class) module as the VBE would store it on import."""
    text = read_vba_file(path) if text is None else text
    found = _NAME.search(text)
    if not found:
        raise ValueError(f"{path.name}: no 'Attribute VB_Name' line")
    if path.suffix.lower() == ".cls":
        return VbaModule(found.group(1), ModuleKind.CLASS, class_source(text))
    return VbaModule(found.group(1), ModuleKind.STANDARD, text)


def class_source(text: str) -> str:
    """A .cls file's text as the VBE stores the module (see the module docstring)."""
    lines = text.replace("\r\n", "\n").split("\n")
    if lines[0].startswith("VERSION "):
        lines = lines[lines.index("END") + 1 :]
    out: list[str] = []
    for line in lines:
        out.append(line)
        if line.startswith("Attribute VB_Name "):
            out.append(f'Attribute VB_Base = "{CLASS_BASE}"')
        elif line.startswith("Attribute VB_Exposed "):
            out += ["Attribute VB_TemplateDerived = False", "Attribute VB_Customizable = False"]
    return "\n".join(out)


def document_module(name: str, base: str) -> VbaModule:
    """An empty document module (the workbook's or a sheet's), as Excel stores one."""
    attributes = {
        "VB_Name": f'"{name}"',
        "VB_Base": f'"{base}"',
        "VB_GlobalNameSpace": "False",
        "VB_Creatable": "False",
        "VB_PredeclaredId": "True",
        "VB_Exposed": "True",
        "VB_TemplateDerived": "False",
        "VB_Customizable": "True",
    }
    source = "\n".join(f"Attribute {key} = {value}" for key, value in attributes.items())
    return VbaModule(name, ModuleKind.DOCUMENT, source)


def xlwings_modules(project_name: str) -> list[VbaModule]:
    """xlwings' modules for a custom add-in whose config is `<project_name>.conf`."""
    folder = xlwings_folder()
    version = xlwings_version()
    modules = []
    for relative in XLWINGS_FILES:
        path = folder / relative
        if not path.is_file():
            raise XlkinerjaError(
                f"berkas VBA xlwings {relative} tidak ada di {folder}.",
                code=ErrorCode.LINGKUNGAN_XLWINGS_VBA_HILANG,
                hint=f"Pasang ulang xlwings {version}.",
            )
        text = read_vba_file(path)
        if relative == XLWINGS_FILES[0]:
            text = _custom_addin(text, project_name, version, path)
        modules.append(module_from_file(path, text))
    return modules


def _custom_addin(text: str, project_name: str, version: str, path: Path) -> str:
    """xlwings' custom add-in module, checked for its version, with our PROJECT_NAME (it
    names the config sheet and files GetConfig reads)."""
    found = _VERSION.search(text)
    if not found or found.group(1) != version:
        said = found.group(1) if found else "tidak ada"
        raise XlkinerjaError(
            f"versi VBA xlwings ({said}) berbeda dengan paket xlwings yang terpasang ({version}).",
            code=ErrorCode.LINGKUNGAN_XLWINGS_VERSI_BEDA,
            path=path,
            hint="Pasang ulang xlwings agar VBA dan Python-nya sama versinya.",
        )
    text, count = _PROJECT_NAME.subn(rf'\1"{project_name}"', text)
    if count != 1:
        raise ValueError(f"{path.name}: expected one PROJECT_NAME constant, found {count}")
    return text


def macro_modules(folder: Path, values: Mapping[str, str]) -> list[VbaModule]:
    """Our modules: every .bas file in `folder` (UTF-8 text), each {{NAME}} replaced by
    values[NAME]."""
    modules = []
    for path in sorted(folder.glob("*.bas")):
        text = path.read_text(encoding="utf-8")
        unknown = set(_PLACEHOLDER.findall(text)) - set(values)
        if unknown:
            raise ValueError(f"{path.name}: no value for {sorted(unknown)}")
        text = _PLACEHOLDER.sub(lambda m: values[m.group(1)], text)
        modules.append(module_from_file(path, text))
    return modules
