"""An error carries its code and place everywhere it goes: pickled to another process, kept
as a record by a result, told to the user."""

from __future__ import annotations

import pickle

import pytest

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


def test_an_error_without_its_code_cannot_be_made():
    """mypy refuses it where the code is written; at run time it is a TypeError too."""
    with pytest.raises(TypeError):
        XlkinerjaError("x.")  # type: ignore[call-arg]


class _Unopenable:
    name = "/data/TI.xlsx"

    def read(self, expected: object = None) -> None:
        raise AssertionError("never read")

    def digest(self) -> str:
        raise PermissionError(13, "Permission denied")


def test_a_file_that_cannot_be_opened_is_a_finding_of_its_code():
    from xlkinerja.core.settings import Pengaturan
    from xlkinerja.jobs.per_file import process_source
    from xlkinerja.validation.messages import error_finding

    result = process_source(_Unopenable(), Pengaturan())  # type: ignore[arg-type]
    assert result.failure is not None and result.error == result.failure.message
    assert result.failure.code is ErrorCode.BERKAS_TIDAK_DAPAT_DIBUKA
    assert result.error.startswith("Berkas 'TI.xlsx': ")
    found = error_finding(result.path, result.failure)
    assert (found.code, found.file, found.sheet, found.cell) == (
        ErrorCode.BERKAS_TIDAK_DAPAT_DIBUKA, "/data/TI.xlsx", None, None
    )  # fmt: skip


def test_an_unreadable_workbooks_finding_is_at_the_errors_sheet_and_cell():
    from xlkinerja.validation.messages import error_finding

    found = error_finding("/data/TI.xlsx", kolom_hilang().record())
    assert (found.code, found.file, found.sheet, found.cell) == (
        ErrorCode.TEMPLAT_KOLOM_HILANG, "/data/TI.xlsx", "PK", "G21"
    )  # fmt: skip
    assert found.severity.value == "galat"
    assert found.hint == "Kembalikan judul kolomnya."  # the error's own
    # The wording of an unreadable workbook's finding: the place, then the error's message.
    assert found.message == "Lembar 'PK' sel G21: Kolom 'Target' tidak ada di tabel 'tblPK'."
