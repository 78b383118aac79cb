"""Store: the archive of every compiled workbook, recorded, versioned and diffable.

SQLAlchemy Core 2.x over an embedded SQLite file by default
(`platformdirs.user_data_dir("xlkinerja")/arsip.sqlite`, or env `XLKINERJA_DB`, or any
path), or PostgreSQL by URL (`postgresql://...`, psycopg 3).

Modules: `records` (the dataclasses), `location` (where, and the engine), `tables` (the
schema at its latest version), `migrations` (numbered steps run on open), `recording`
(batch insert, versioning), `encoded` (a submission serialised ahead), `queries`, `diff`
(cells and targets), `restore` (a version back as the form data the reader made),
`pengesahan` (the review and approval steps of each version), `archive` (the API),
`format` (plain rows for the CLI), `jsonvalue` (JSON text of rows and cells).

`Archive` (and with it SQLAlchemy) is imported on first use: the kompilasi workers build
submissions with this package and never touch a database.
"""

from typing import TYPE_CHECKING, Any

from xlkinerja.store.encoded import EncodedSubmission, encode_submission
from xlkinerja.store.errors import ArchiveError
from xlkinerja.store.records import (
    KINDS,
    CellChange,
    RecordResult,
    Submission,
    TargetChange,
    VersionInfo,
)

__all__ = [
    "KINDS",
    "RETENTION_YEARS",
    "Archive",
    "ArchiveError",
    "CellChange",
    "EncodedSubmission",
    "RecordResult",
    "Submission",
    "TargetChange",
    "VersionInfo",
    "encode_submission",
]

if TYPE_CHECKING:
    from xlkinerja.store.archive import RETENTION_YEARS, Archive


def __getattr__(name: str) -> Any:
    if name in ("Archive", "RETENTION_YEARS"):
        from xlkinerja.store import archive

        return getattr(archive, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
