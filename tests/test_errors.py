"""An error carries its code and place everywhere it goes: pickled to another process, kept
as a record by a result, told to the user."""

from __future__ import annotations

import pickle

from xlkinerja.errors import ErrorCode, ErrorRecord, WorkbookError, XlkinerjaError
from xlkinerja.store.errors import ArchiveError


def kolom_hilang() -> WorkbookError:
    return WorkbookError(
        "kolom 'Target' tidak ada di tabel 'tblPK'.",
        code=ErrorCode.TEMPLAT_KOLOM_HILANG,
        path="/data/TI.xlsx",
        sheet="PK",
        cell="G21",
        hint="Kembalikan judul kolomnya.",
    )


def test_an_error_names_its_code_file_sheet_and_cell():
    error = kolom_hilang()
    assert error.code is ErrorCode.TEMPLAT_KOLOM_HILANG
    assert (error.path and error.path.name, error.sheet, error.cell) == ("TI.xlsx", "PK", "G21")
    assert error.user_message().startswith("Berkas 'TI.xlsx', lembar 'PK', sel G21: kolom")
    assert error.reason().startswith("Lembar 'PK', sel G21: kolom")
    assert error.detail() == "Kolom 'Target' tidak ada di tabel 'tblPK'."


def test_an_error_pickles_whole():
    for error in (kolom_hilang(), ArchiveError("x.", code=ErrorCode.ARSIP_RUSAK, hint="h")):
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error)
        assert again.__dict__ == error.__dict__
        assert str(again) == str(error) == error.user_message()


def test_a_record_keeps_what_a_finding_needs():
    assert kolom_hilang().record() == ErrorRecord(
        code=ErrorCode.TEMPLAT_KOLOM_HILANG,
        message=kolom_hilang().user_message(),
        detail="Kolom 'Target' tidak ada di tabel 'tblPK'.",
        hint="Kembalikan judul kolomnya.",
        sheet="PK",
        cell="G21",
    )


def test_a_raise_without_a_code_has_the_pending_one():
    """Only the modules still waiting for their codes raise so (see test_codes)."""
    assert XlkinerjaError("x.").code is ErrorCode.GALAT_BELUM_BERKODE  # type: ignore[call-arg]
