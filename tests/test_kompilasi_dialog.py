"""Kompilasi from the add-in in local mode asks the planning unit for the folder of the
units' workbooks in Excel's own folder dialog (Windows; excel/dialog.py).

No Excel runs here: the workbook is a stand-in with the COM surface the job uses —
`book.app.api.FileDialog(4)` with Title, AllowMultiSelect, InitialFileName, Show() and
SelectedItems(1), as Excel's FileDialog object has them — so the job's three ways are
driven: a folder picked, the dialog cancelled, no dialog at all (Excel for Mac).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from tests.conftest import SAMPLE
from xlkinerja.errors import ErrorCode
from xlkinerja.excel.dialog import FOLDER_PICKER
from xlkinerja.excel.planner import KompilasiDibatalkan, compile_from_book

MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"


class Dialog:
    def __init__(self, chosen: Path | None):
        self.chosen = chosen
        self.Title = ""
        self.AllowMultiSelect = True
        self.InitialFileName = ""

    def Show(self) -> int:
        return -1 if self.chosen is not None else 0

    def SelectedItems(self, index: int) -> str:
        assert index == 1 and self.chosen is not None
        return str(self.chosen)


class Api:
    def __init__(self, dialog: Dialog | None):
        self.dialog = dialog
        self.kinds: list[int] = []

    def FileDialog(self, kind: int) -> Dialog:
        self.kinds.append(kind)
        if self.dialog is None:
            raise AttributeError("FileDialog")  # as on Excel for Mac (AppleScript)
        return self.dialog


def live_book(path: Path, api: Api) -> Any:
    """A workbook saved at `path` in a local Excel (not the remote engine)."""
    app = SimpleNamespace(api=api, engine=SimpleNamespace(name="excel"))
    return SimpleNamespace(fullname=str(path), name=path.name, app=app)


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """The master alone in one folder; the units' workbooks in another."""
    here, kiriman = tmp_path / "perencanaan", tmp_path / "kiriman"
    here.mkdir()
    shutil.copy(MASTER, here / MASTER.name)
    shutil.copytree(SAMPLE, kiriman, ignore=shutil.ignore_patterns("*.md", MASTER.name))
    return here, kiriman


def test_the_folder_picked_in_excels_dialog_is_compiled(folders, tmp_path: Path):
    here, kiriman = folders
    dialog = Dialog(kiriman)
    api = Api(dialog)
    result = compile_from_book(
        live_book(here / MASTER.name, api),
        master=here / MASTER.name,
        folder=None,
        db=str(tmp_path / "a.db"),
    )
    assert api.kinds == [FOLDER_PICKER] and not dialog.AllowMultiSelect
    assert dialog.InitialFileName.startswith(str(here)) and "Kompilasi" in dialog.Title
    assert result.output == kiriman / "rekap-kinerja.xlsx" and result.output.is_file()
    assert result.to_dict()["unit_mengirim"] == 4


def test_a_cancelled_dialog_compiles_nothing(folders, tmp_path: Path):
    here, _ = folders
    with pytest.raises(KompilasiDibatalkan) as refused:
        compile_from_book(
            live_book(here / MASTER.name, Api(Dialog(None))),
            master=here / MASTER.name,
            folder=None,
            db=str(tmp_path / "a.db"),
        )
    assert not list(tmp_path.rglob("rekap-kinerja.xlsx"))
    assert refused.value.code == ErrorCode.KOMPILASI_DIBATALKAN


def test_without_a_dialog_the_workbooks_folder_is_compiled(folders, tmp_path: Path):
    """Excel for Mac has no FileDialog: the master's own folder, as before."""
    here, kiriman = folders
    shutil.copytree(kiriman, here, dirs_exist_ok=True)
    result = compile_from_book(
        live_book(here / MASTER.name, Api(None)),
        master=here / MASTER.name,
        folder=None,
        db=str(tmp_path / "a.db"),
    )
    assert result.output == here / "rekap-kinerja.xlsx" and result.output.is_file()


def test_a_folder_from_the_settings_asks_nothing(folders, tmp_path: Path):
    here, kiriman = folders
    api = Api(Dialog(here))
    result = compile_from_book(
        live_book(here / MASTER.name, api), master=MASTER, folder=kiriman, db=str(tmp_path / "a.db")
    )
    assert api.kinds == [] and result.output == kiriman / "rekap-kinerja.xlsx"
