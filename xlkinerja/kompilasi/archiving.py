"""Turn compiled files into archive submissions (in the worker) and record them."""

from __future__ import annotations

import getpass
import hashlib
import itertools
import math
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from xlkinerja.form_data import FormData
from xlkinerja.kompilasi.per_file import FileResult
from xlkinerja.store.archive import Archive
from xlkinerja.store.cellcodec import GroupedCells
from xlkinerja.store.records import RecordResult, Submission
from xlkinerja.validation.normalise import NormalForm, normalise_form


def _json(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def submission(form: NormalForm, sha256: str) -> Submission:
    """Rows (normalised) and every cell read, with where it came from."""
    kind = form.form.id
    key = {"unit": "kode_unit", "skp": "nip"}.get(kind)
    unit = form.field(key) if key else "master"
    rows: dict[str, list[dict[str, Any]]] = {}
    groups: list[dict[str, Any]] = []  # one per column: the archive's own storage form
    for table in (form.fields, *form.tables.values()):
        keys = [i.key for i in table.items]
        labels = {i.key: i.label for i in table.items}
        if table is not form.fields:
            rows[table.key] = [
                {k: _json(table.columns[k][p]) for k in keys} for p in range(len(table))
            ]
        for key in keys:
            if key not in table.places:
                continue  # an empty table
            sheet, place = table.places[key]
            values = {
                f"{sheet}!{place}" if row is None else f"{sheet}!{place}{row}": _json(value)
                for value, row in zip(table.raw[key], table.rows, strict=True)
                if value is not None
            }
            if values:
                groups.append(
                    {"field": f"{table.key}.{key}", "label": labels[key], "values": values}
                )
    tahun = form.field("tahun")
    return Submission(
        unit=str(unit or Path(form.file).stem),
        kind=kind,
        file_name=Path(form.file).name,
        sha256=sha256,
        status=form.field("status") if "status" in form.fields.columns else None,
        tahun=int(tahun) if tahun else None,
        rows=rows,
        cells=GroupedCells(groups),
    )


def archive_results(
    db: str | Path | None, master: FormData, results: Sequence[FileResult], *, now: datetime
) -> list[RecordResult]:
    master_form = normalise_form(master)[0]
    # Built lazily and consumed a chunk at a time: 1,000 workbooks' cells never sit in
    # memory together.
    batch = itertools.chain(
        [submission(master_form, hashlib.sha256(master.path.read_bytes()).hexdigest())],
        (submission(r.form, r.sha256) for r in results if r.form is not None),
    )
    archive = Archive.open(db)
    try:
        return archive.record_many(batch, compiled_at=now, compiled_by=_user())
    finally:
        archive.close()


def _user() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None
