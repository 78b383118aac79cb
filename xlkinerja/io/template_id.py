"""Which form a workbook says it is, from its document properties, without reading it.

The template writer stores the form id as the custom property `xlkinerja_template`;
Excel and LibreOffice keep it when they save. Used to find the master among many files
before the others are read (its settings apply to their checks). The reader does not rely
on it: it reads the very hidden `_meta` sheet.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

_PROPERTY = re.compile(
    rb'name="xlkinerja_template"[^>]*>\s*<vt:lpwstr>([A-Za-z0-9_-]{1,40})</vt:lpwstr>'
)
MAX_PROPERTIES_BYTES = 1_000_000


def template_id(path: Path) -> str | None:
    """The form id in the workbook's custom properties; None when absent or unreadable."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.NameToInfo.get("docProps/custom.xml")
            if info is None or info.file_size > MAX_PROPERTIES_BYTES:
                return None
            found = _PROPERTY.search(archive.read(info))
    except (OSError, zipfile.BadZipFile, EOFError, ValueError):
        return None
    return found[1].decode("ascii") if found else None
