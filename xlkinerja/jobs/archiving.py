"""Record the compiled files in the archive (serialised already in the workers, see
submission.py) together with the master."""

from __future__ import annotations

import getpass
import hashlib
import itertools
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from xlkinerja.core.form_data import FormData
from xlkinerja.jobs.pipeline import FileResult
from xlkinerja.store.archive import Archive
from xlkinerja.store.encoded import EncodedSubmission
from xlkinerja.store.records import RecordResult, Submission
from xlkinerja.store.submission import submission
from xlkinerja.validation.normalise import normalise_form


def archive_results(
    db: str | Path | None, master: FormData, results: Sequence[FileResult], *, now: datetime
) -> list[RecordResult]:
    master_form = normalise_form(master)[0]
    # Built lazily and consumed a chunk at a time: 1,000 workbooks' cells never sit in
    # memory together.
    batch = itertools.chain(
        [submission(master_form, hashlib.sha256(master.path.read_bytes()).hexdigest())],
        (_submission(r) for r in results if r.form is not None),
    )
    archive = Archive.open(db)
    try:
        return archive.record_many(batch, compiled_at=now, compiled_by=_user())
    finally:
        archive.close()


def _submission(result: FileResult) -> Submission | EncodedSubmission:
    if result.archive is not None:
        return result.archive
    assert result.form is not None
    return submission(result.form, result.sha256)


def _user() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None
