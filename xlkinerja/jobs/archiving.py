"""Record the compiled files in the archive (serialised already in the workers, see
store/submission.py) together with the master."""

from __future__ import annotations

import getpass
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from xlkinerja.jobs.per_file import FileResult
from xlkinerja.store.archive import Archive
from xlkinerja.store.encoded import EncodedSubmission, encode_submission, with_content_digest
from xlkinerja.store.records import RecordResult
from xlkinerja.store.submission import submission


def archive_results(
    db: str | Path | None, results: Sequence[FileResult], *, now: datetime
) -> list[RecordResult]:
    """Record every workbook read (the master first) as a submission of the archive."""
    # Built lazily and consumed a chunk at a time: 1,000 workbooks' cells never sit in
    # memory together.
    batch = (_submission(r) for r in results if r.form is not None)
    archive = Archive.open(db)
    try:
        return archive.record_many(batch, compiled_at=now, compiled_by=_user())
    finally:
        archive.close()


def _submission(result: FileResult) -> EncodedSubmission:
    if result.archive is not None:
        return result.archive
    assert result.form is not None
    encoded = encode_submission(submission(result.form, result.sha256))
    return with_content_digest(encoded, result.sha256)


def _user() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None
