"""Which form a workbook says it is, from its document properties, without reading it.

The template writer stores the form id as the custom property `xlkinerja_template`;
Excel and LibreOffice keep it when they save. Used to find the master among many files
before the others are read (its settings apply to their checks). The reader reads the very
hidden `_meta` sheet first; the properties (`template_properties`: id, version, schema
hash) stand in for it when that sheet was lost (a copy of the sheets into a new workbook).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from defusedxml import ElementTree

from xlkinerja.files.ooxml.package import PartTooBig, read_small_part

_PROPERTIES = {
    "xlkinerja_template": "template_id",
    "xlkinerja_versi": "versi",
    "xlkinerja_schema": "schema_hash",
}
_VALUE = re.compile(r"[A-Za-z0-9_.-]{1,64}")
MAX_PROPERTIES_BYTES = 1_000_000


def template_id(path: Path) -> str | None:
    """The form id in the workbook's custom properties; None when absent or unreadable."""
    return template_properties(path).get("template_id")


def template_properties(path: Path) -> dict[str, str]:
    """The `_meta` keys the custom properties hold (template_id, versi, schema_hash); an
    empty dict when there are none or the part is unreadable. Parsed as XML: programs
    write the part differently (Excel, LibreOffice, openpyxl place the namespaces apart)."""
    data = _custom_xml(path)
    if not data:
        return {}
    try:
        root = ElementTree.fromstring(data)
    except Exception:  # defusedxml raises several types for hostile or broken XML
        return {}
    found: dict[str, str] = {}
    for element in root:
        key = _PROPERTIES.get(element.get("name", ""))
        value = "".join(element.itertext()).strip()
        if key and key not in found and _VALUE.fullmatch(value):
            found[key] = value
    return found


def _custom_xml(path: Path) -> bytes:
    try:
        return read_small_part(path, "docProps/custom.xml", MAX_PROPERTIES_BYTES) or b""
    except (OSError, zipfile.BadZipFile, EOFError, ValueError, PartTooBig):
        return b""
