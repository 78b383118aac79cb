"""Before a file in the user's folders is replaced.

- `keep_original`: the file's original goes to cadangan-xlkinerja/ first; the copy is
  dropped again when what was written is byte-for-byte the same (re-generating unchanged
  templates leaves no clutter).
- `check_report_target`: a report (the compiled workbook, the tree) is never written over a
  form workbook (a master, unit or SKP workbook, which users fill), and an existing .xlsx
  that xlkinerja did not write is kept by `keep_original`.
"""

from __future__ import annotations

import contextlib
import re
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from xlkinerja.errors import ErrorCode, OutputError
from xlkinerja.files.backup import keep_backup
from xlkinerja.files.ooxml.properties import template_id

_CREATOR = re.compile(rb"<dc:creator>xlkinerja</dc:creator>")
_META_ENTRY = re.compile(rb'<(?:\w+:)?sheet\b[^>]*\bname="_meta"')


def _part(path: Path, name: str) -> bytes:
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.NameToInfo.get(name)
            return archive.read(info) if info is not None and info.file_size < 1_000_000 else b""
    except (OSError, zipfile.BadZipFile, EOFError):
        return b""


def is_form_workbook(path: Path) -> bool:
    """A workbook made from one of the form templates: custom property xlkinerja_template,
    or (when another program lost the properties) a `_meta` sheet."""
    if not path.is_file():
        return False
    return template_id(path) is not None or bool(_META_ENTRY.search(_part(path, "xl/workbook.xml")))


def written_by_xlkinerja(path: Path) -> bool:
    return path.is_file() and bool(_CREATOR.search(_part(path, "docProps/core.xml")))


def keep_original(target: Path, write: Callable[[], object], now: datetime) -> Path | None:
    """Run `write` (which replaces `target` atomically) with target's original kept in
    cadangan-xlkinerja/ first; returns the copy kept (None: new file, or nothing changed)."""
    if not target.is_file():
        write()
        return None
    original = target.read_bytes()
    backup = keep_backup(target, original, now)
    try:
        write()
    except BaseException:
        backup.unlink(missing_ok=True)  # the original is untouched: atomic replace
        raise
    if target.read_bytes() == original:
        backup.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            backup.parent.rmdir()  # only if it is empty now
        return None
    return backup


def check_report_target(target: Path) -> None:
    if is_form_workbook(target):
        raise OutputError(
            "ini workbook isian xlkinerja (master, unit atau SKP); rekap tidak ditulis di atasnya.",
            code=ErrorCode.KELUARAN_MENIMPA_ISIAN,
            path=target,
            hint="Pilih nama berkas lain untuk keluaran.",
        )
