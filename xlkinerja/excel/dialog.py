"""Excel's own folder picker, on a workbook open in Excel (local mode, Windows).

Kompilasi in local mode asks the planning unit which folder holds the units' workbooks.
Excel shows the dialog (`Application.FileDialog(msoFileDialogFolderPicker)` through COM), so
it looks like every other Excel dialog and opens on the user's screen, above Excel. Where
there is no such dialog — Excel for Mac (xlwings drives it through AppleScript, which has no
FileDialog), or the server's remote workbook — the caller is told so and decides.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Any

FOLDER_PICKER = 4  # msoFileDialogFolderPicker
SHOWN_OK = -1  # FileDialog.Show: -1 when the user pressed OK


class Picked(Enum):
    CANCELLED = "dibatalkan"  # the user closed the dialog
    NO_DIALOG = "tanpa dialog"  # this Excel (or a remote workbook) has none


def pick_folder(book: Any, title: str, start: Path) -> Path | Picked:
    """The folder the user picks in Excel's dialog, opened at `start`."""
    try:
        dialog = book.app.api.FileDialog(FOLDER_PICKER)
    except Exception:  # no COM (Mac, remote): any failure means no dialog
        return Picked.NO_DIALOG
    dialog.Title = title
    dialog.AllowMultiSelect = False
    dialog.InitialFileName = str(start) + os.sep
    if dialog.Show() != SHOWN_OK:
        return Picked.CANCELLED
    return Path(str(dialog.SelectedItems(1)))
