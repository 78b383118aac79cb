"""Build xlkinerja.xlam: the Excel add-in with the "Kinerja" ribbon tab, on any OS, no Excel.

The add-in = xlwings' VBA from the installed package (so its version is the server's) +
our modules from macros/ + the document modules Excel expects + the ribbon from
ribbon.py, in an .xlam package whose one sheet is the config sheet.

`build_addin(output_dir)` is what the CLI's `xlkinerja addin build --output DIR` calls.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from xlkinerja.addin import command, package, references, ribbon
from xlkinerja.addin.modules import (
    WORKBOOK_BASE,
    WORKSHEET_BASE,
    document_module,
    macro_modules,
    xlwings_folder,
    xlwings_modules,
    xlwings_version,
)
from xlkinerja.addin.project import VbaModule, vba_project
from xlkinerja.core.resources import shipped_folder
from xlkinerja.core.version import VERSION
from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.files.atomic import atomic_path, ensure_writable_folder

PROJECT_NAME = "xlkinerja"  # the VBA project's name; xlwings' config is "<this>.conf"
PROJECT_ID = "{6B1C2E5A-3F4D-4B8E-9A71-5C2D8E0F4A36}"  # fixed, so builds are reproducible
FILE_NAME = "xlkinerja.xlam"
CONFIG_SHEET = f"{PROJECT_NAME}.conf"
DISPATCHER_FILE = "Kinerja.bas"  # the ribbon callback (ribbon.ON_ACTION)


def addin_modules(macros_dir: Path | None = None) -> list[VbaModule]:
    """Every module of the add-in's VBA project, in project order."""
    macros_dir = macros_dir or shipped_folder("macros")
    if not (macros_dir / DISPATCHER_FILE).is_file():  # e.g. an install without macros/
        raise XlkinerjaError(
            f"sumber VBA add-in ({DISPATCHER_FILE}) tidak ada di {macros_dir}.",
            code=ErrorCode.LINGKUNGAN_FOLDER_PAKET_HILANG,
            hint="Pasang ulang xlkinerja (pip install .) agar folder macros/ ikut terpasang.",
        )
    values = {
        "PYTHON_COMMAND": command.vba_string(command.PYTHON_COMMAND),
        "ACTION_PLACEHOLDER": command.vba_string(command.ACTION_PLACEHOLDER),
        "TRIWULAN_PLACEHOLDER": command.vba_string(command.TRIWULAN_PLACEHOLDER),
    }
    return [
        document_module(package.WORKBOOK_CODENAME, WORKBOOK_BASE),
        document_module(package.SHEET_CODENAME, WORKSHEET_BASE),
        *macro_modules(macros_dir, values),
        *xlwings_modules(PROJECT_NAME),
    ]


def addin_parts(
    settings: Mapping[str, str] | None = None,
    *,
    macros_dir: Path | None = None,
    main_type: str = package.ADDIN_CONTENT_TYPE,
) -> dict[str, bytes]:
    """The add-in's package parts by name (`main_type` lets a test make an .xlsm twin)."""
    settings = _checked(settings or {})
    base = xlwings_folder() / references.BASE
    project = vba_project(
        PROJECT_NAME, PROJECT_ID, addin_modules(macros_dir), references.references_from(base)
    )
    return package.parts(
        project,
        ribbon.customui_xml(),
        settings,
        sheet_name=CONFIG_SHEET,
        title="xlkinerja — add-in Excel",
        description=f"xlkinerja {VERSION}, VBA xlwings {xlwings_version()}",
        version=VERSION,
        main_type=main_type,
    )


def _checked(settings: Mapping[str, str]) -> dict[str, str]:
    """Settings keyed as GetConfig looks them up: upper case, each once."""
    out: dict[str, str] = {}
    for key, value in settings.items():
        name = key.strip().upper()
        if not name or name in out:
            raise ValueError(f"setting {key!r}: empty or given twice")
        out[name] = value
    return out


ADDIN_OPEN_HINT = "Tutup add-in itu di Excel, atau pilih folder lain."


def build_addin(
    output_dir: Path,
    *,
    settings: Mapping[str, str] | None = None,
    macros_dir: Path | None = None,
) -> Path:
    """Write `output_dir/xlkinerja.xlam` (replacing one there) and return its path.

    `settings` (e.g. {"MODE": "server", "SERVER_URL": "https://..."}) go into the
    add-in's config sheet; keys are xlwings' and macros/Kinerja.bas's setting names.
    """
    target = output_dir / FILE_NAME
    ensure_writable_folder(output_dir)  # refused before the work, not after
    data = package.zip_parts(addin_parts(settings, macros_dir=macros_dir))
    with atomic_path(
        target, locked_hint="Tutup add-in itu di Excel, atau pilih folder lain."
    ) as tmp:
        tmp.write_bytes(data)
    return target
