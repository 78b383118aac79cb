"""A compiled workbook as the archive keeps it: its normalised rows and every cell read.

Built column-wise (a unit workbook has ~600 rows and ~5,000 cells, 1,000 of them are
compiled at once); kompilasi builds and serialises it in the worker process that read the
file, so the main process only inserts text.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from xlkinerja.core.normal import NormalForm
from xlkinerja.specs import FormKind
from xlkinerja.store.cellcodec import GroupedCells
from xlkinerja.store.records import Submission
from xlkinerja.store.rowcodec import ColumnRows

_PLAIN = frozenset({str, int, bool, type(None)})


def _json(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def json_column(values: Sequence[Any]) -> list[Any]:
    """Values as the archive's JSON holds them: NaN (a blank number) is null, dates and
    times are ISO text; everything else as it is."""
    kinds = set(map(type, values))
    if kinds <= _PLAIN:
        return list(values)
    if kinds <= _PLAIN | {float}:
        return [None if type(v) is float and math.isnan(v) else v for v in values]
    return [_json(v) for v in values]


def submission(form: NormalForm, sha256: str) -> Submission:
    """Rows (normalised) and every cell read, with where it came from."""
    kind = form.form.id
    key = {FormKind.UNIT: "kode_unit", FormKind.SKP: "nip"}.get(kind)
    unit = form.field(key) if key else "master"
    rows: dict[str, tuple[list[str], list[list[Any]]]] = {}
    groups: list[dict[str, Any]] = []  # one per column: the archive's own storage form
    for table in (form.fields, *form.tables.values()):
        keys = [i.key for i in table.items]
        labels = {i.key: i.label for i in table.items}
        if table is not form.fields:
            rows[table.key] = (keys, [json_column(table.columns[k]) for k in keys])
        for key in keys:
            if key not in table.places:
                continue  # an empty table
            sheet, place = table.places[key]
            raw = json_column(table.raw[key])
            group: dict[str, Any] = {"field": f"{table.key}.{key}", "label": labels[key]}
            if table is form.fields:
                if raw[0] is not None:
                    groups.append({**group, "values": {f"{sheet}!{place}": raw[0]}})
                continue
            filled = [i for i, value in enumerate(raw) if value is not None]
            if filled:
                group |= {"sheet": sheet, "column": place}
                group["rows"] = [table.rows[i] for i in filled]
                group["values"] = [raw[i] for i in filled]
                groups.append(group)
    tahun = form.number("tahun")
    return Submission(
        unit=str(unit or Path(form.file).stem),
        kind=kind,
        file_name=Path(form.file).name,
        sha256=sha256,
        status=form.text("status") if "status" in form.fields.columns else None,
        tahun=int(tahun) if tahun else None,
        rows=ColumnRows(rows),
        cells=GroupedCells(groups),
    )
