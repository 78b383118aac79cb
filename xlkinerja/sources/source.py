"""A form's content as a job is given it, wherever it lives: a workbook file
(`WorkbookFile`), a workbook open in Excel (excel/reader.py `OpenWorkbook`), a version
in the archive (store/restore.py `ArchivedVersion`), or content another way has read
already (`FormRead`). A job takes sources and never asks which kind it holds: validasi,
kompilasi, the LKj, ekspor, the tree, the ribbon and the server read them all alike.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from xlkinerja.core.form_data import FormData
from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import Form


class FormSource(Protocol):
    """A form's content, wherever it lives."""

    @property
    def name(self) -> str:
        """What stands for the workbook's path in findings and results."""
        ...

    def read(self, expected: Form | None = None) -> FormData:
        """The content, as the form its template names (`expected`: the one it must be);
        a workbook that cannot be read so raises an XlkinerjaError saying why."""
        ...

    def digest(self) -> str:
        """The SHA-256 of the workbook's bytes; "" where there are none (an open workbook,
        an archived version). OSError when a file cannot be opened."""
        ...


@dataclass(frozen=True)
class WorkbookFile:
    """A workbook file: read with the fast reader (sources/reader.py), in a worker process
    when there are many (it pickles as its path)."""

    path: Path

    @property
    def name(self) -> str:
        return str(self.path)

    def read(self, expected: Form | None = None) -> FormData:
        return read_form(self.path, expected)

    def digest(self) -> str:
        return hashlib.sha256(self.path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class FormRead:
    """Content already read another way (e.g. the master a job was handed as data)."""

    data: FormData
    sha256: str = ""

    @property
    def name(self) -> str:
        return str(self.data.path)

    def read(self, expected: Form | None = None) -> FormData:
        return expect(self.data, expected)

    def digest(self) -> str:
        return self.sha256


def expect(data: FormData, expected: Form | None) -> FormData:
    """`data`, when it is the form `expected` (or nothing is)."""
    if expected is not None and data.form.id != expected.id:
        raise WorkbookError(
            f"ini workbook '{data.form.title}', bukan '{expected.title}' yang diharapkan.",
            code=ErrorCode.TEMPLAT_JENIS_SALAH,
            path=data.path,
        )
    return data


def workbook_files(paths: list[Path]) -> list[WorkbookFile]:
    return [WorkbookFile(path) for path in paths]
