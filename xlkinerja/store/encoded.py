"""A submission with its rows and cells already serialised to JSON text.

Serialising a unit workbook's ~600 rows and ~5,000 cells is most of the cost of archiving
it; `encode_submission` can run wherever that is cheap (kompilasi does it in the worker
process that read the file, so the main process only inserts text). The text is exactly
what recording a plain `Submission` stores (`jsonvalue.dumps`, `cellcodec.encode`).

Its digest (`with_content_digest`) is over that text, not over the file's bytes: a workbook
re-saved with the same values (by Excel, by LibreOffice, sent again from the add-in) is the
same content, and the archive records no new version for it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from xlkinerja.store import cellcodec, jsonvalue, rowcodec
from xlkinerja.store.jsonvalue import JsonText
from xlkinerja.store.records import Submission


@dataclass(frozen=True)
class EncodedSubmission:
    unit: str
    kind: str
    file_name: str
    sha256: str
    status: str | None
    tahun: int | None
    rows_count: int
    rows: JsonText
    cells: JsonText
    # The file's bytes' sha256, which archives before the content digest recorded: a file
    # whose bytes equal the latest version's is unchanged too (no new version on upgrade).
    file_sha256: str | None = None


def encode_submission(submission: Submission) -> EncodedSubmission:
    return EncodedSubmission(
        unit=submission.unit,
        kind=submission.kind,
        file_name=submission.file_name,
        sha256=submission.sha256,
        status=submission.status,
        tahun=submission.tahun,
        rows_count=submission.rows_count,
        rows=JsonText(jsonvalue.dumps(rowcodec.encode(submission.rows))),
        cells=JsonText(jsonvalue.dumps(cellcodec.encode(submission.cells))),
    )


def with_content_digest(
    encoded: EncodedSubmission, file_sha256: str | None = None
) -> EncodedSubmission:
    """The submission with its content's digest: sha256 over the rows and cells as the
    archive stores them, so that the same values (re-saved, sent again) are the same.
    `file_sha256`: the digest of the file's bytes, when there is a file."""
    content = f"{encoded.rows}\n{encoded.cells}".encode()
    digest = hashlib.sha256(content).hexdigest()
    return replace(encoded, sha256=digest, file_sha256=file_sha256 or None)
