"""Record the compiled files in the archive (serialised already in the workers, see
store/submission.py) together with the master."""

from __future__ import annotations

import getpass
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from xlkinerja.jobs.per_file import FileResult
from xlkinerja.store.archive import Archive
from xlkinerja.store.encoded import EncodedSubmission, encode_submission, with_content_digest
from xlkinerja.store.records import RecordResult
from xlkinerja.store.submission import submission


@dataclass
class Archived:
    recorded: list[RecordResult] = field(default_factory=list)
    ambiguous: dict[str, list[str]] = field(default_factory=dict)  # unit → its files, none kept


def archive_results(
    db: str | Path | None, results: Sequence[FileResult], *, now: datetime
) -> Archived:
    """Record every workbook read (the master first) as a submission of the archive. A unit
    (or NIP) that more than one file of the run claims is not recorded at all: which file
    is that unit's version cannot be told (the findings say `kaskade.unit.ganda`); the
    archive keeps its previous versions."""
    read = [r for r in results if r.form is not None]
    claims: dict[str, list[FileResult]] = {}
    for r in read:
        claims.setdefault(_submission(r).unit, []).append(r)
    ambiguous = {u: [Path(r.path).name for r in rs] for u, rs in claims.items() if len(rs) > 1}
    # Built lazily and consumed a chunk at a time: 1,000 workbooks' cells never sit in
    # memory together.
    batch = (_submission(r) for r in read if _submission(r).unit not in ambiguous)
    archive = Archive.open(db)
    try:
        recorded = archive.record_many(batch, compiled_at=now, compiled_by=_user())
    finally:
        archive.close()
    return Archived(recorded, ambiguous)


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
