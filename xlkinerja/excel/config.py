"""The add-in's settings as Python reads them in local mode — the same places, in the same
order, as the add-in's VBA (xlwings' GetConfig with the project name "xlkinerja"):

1. a sheet `xlkinerja.conf` in the active workbook (column A the key, column B the value);
2. the sheet `xlkinerja.conf` in the add-in;
3. a file `xlkinerja.conf` next to the active workbook;
4. `~/.xlkinerja/xlkinerja.conf` (Windows: %USERPROFILE%\\.xlkinerja\\xlkinerja.conf).
The first place that has a key wins. Files hold one `"KEY","value"` line per setting (what
VBA's `Write #` writes); a plain `KEY=value` line is read too.

Keys Python uses: MASTER (the master workbook, for validasi with the cascade and for
kaskade), DB (the archive of kompilasi in local mode). The VBA uses MODE, SERVER_URL, AUTH,
INTERPRETER_WIN/MAC, PYTHONPATH.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

CONF = "xlkinerja.conf"
ADDIN = "xlkinerja.xlam"


def parse_conf(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith('"'):
            row = next(csv.reader(io.StringIO(line)), [])
            if len(row) >= 2:
                found.setdefault(row[0].strip().upper(), row[1].strip())
        elif "=" in line:
            key, _, value = line.partition("=")
            found.setdefault(key.strip().upper(), value.strip())
    return found


def _sheet_settings(book: Any) -> dict[str, str]:
    names = [s.name for s in book.sheets]
    if CONF not in names:
        return {}
    rows = book.sheets[CONF].range("A1").expand().options(ndim=2).value or []
    return {
        str(r[0]).strip().upper(): "" if r[1] is None else str(r[1]).strip()
        for r in rows
        if len(r) >= 2 and r[0]
    }


def _file_settings(path: Path) -> dict[str, str]:
    try:
        return parse_conf(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return {}


def read_settings(book: Any, home: Path | None = None) -> dict[str, str]:
    """Every setting found, the first place that has a key winning."""
    places: list[dict[str, str]] = [_sheet_settings(book)]
    addin = next((b for b in book.app.books if b.name.lower() == ADDIN), None)
    if addin is not None:
        places.append(_sheet_settings(addin))
    fullname = str(getattr(book, "fullname", "") or "")
    if fullname and Path(fullname).parent != Path():
        places.append(_file_settings(Path(fullname).parent / CONF))
    places.append(_file_settings((home or Path.home()) / ".xlkinerja" / CONF))
    settings: dict[str, str] = {}
    for place in places:
        for key, value in place.items():
            settings.setdefault(key, value)
    return settings
