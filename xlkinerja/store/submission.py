"""A compiled workbook as the archive keeps it: its normalised rows and every cell read.

Built column-wise (a unit workbook has ~600 rows and ~5,000 cells, 1,000 of them are
compiled at once); kompilasi builds and serialises it in the worker process that read the
file, so the main process only inserts text.

Given the form data the reader made (`read`), the cells also keep what the reader saw
beyond the values, so that the archive can give the form data back exactly (restore.py):
the template's metadata, the input cells holding a formula error or an uncalculated
formula, where the blank fields and wholly blank columns are, and the type of every value
JSON has no type for (dates and times, stored as ISO text). See cellcodec.py for the form.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from xlkinerja.core.form_data import FormData
from xlkinerja.core.normal import FIELDS, NormalForm, NormalTable
from xlkinerja.specs import FormKind
from xlkinerja.specs.keys import FieldKey
from xlkinerja.store.cellcodec import GroupedCells, ReadInfo
from xlkinerja.store.records import Submission
from xlkinerja.store.rowcodec import ColumnRows

_PLAIN = frozenset({str, int, bool, type(None)})
_TYPES = {date: "date", datetime: "datetime", time: "time"}  # values JSON holds as text


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


def value_types(values: Sequence[Any]) -> list[str | None] | None:
    """The type of each value JSON keeps as ISO text ("date", "datetime", "time"; None for
    the others), or None when there is no such value (the common case)."""
    kinds = set(map(type, values))
    if kinds <= _PLAIN or not kinds & _TYPES.keys():
        return None
    return [_TYPES.get(type(v)) for v in values]


def read_info(data: FormData, grouped: set[str]) -> ReadInfo:
    """What the reader saw beyond the values (see the module docstring); `grouped`: the
    items ("table.key") whose place a group of cells already gives."""
    meta = data.meta
    places: dict[str, str] = {}
    for key, cell in data.fields.items():
        if f"{FIELDS}.{key}" not in grouped:
            places[f"{FIELDS}.{key}"] = f"{cell.sheet}!{cell.cell}"
    for key, table in data.tables.items():
        for column, letters in table.letters.items():
            if f"{key}.{column}" not in grouped:
                places[f"{key}.{column}"] = f"{table.sheet}!{letters}"
    info: ReadInfo = {
        "template": {
            "template_id": meta.template_id,
            "versi": meta.version,
            "schema_hash": meta.schema_hash,
            "generator": meta.generator,
        },
        "places": places,
    }
    if data.formula_cells:
        info["formulas"] = _formulas(data)
    if data.number_formats:
        info["formats"] = {f"{s}!{c}": kind.value for (s, c), kind in data.number_formats.items()}
    return info


def _formulas(data: FormData) -> dict[str, dict[str, str]]:
    """The input cells read as blank because they hold a formula error (or an uncalculated
    formula), by the item they belong to: "table.key" → {"Sheet!A1": error}."""
    owner = {(c.sheet, c.cell): f"{FIELDS}.{key}" for key, c in data.fields.items()}
    for key, table in data.tables.items():
        numbers = set(table.numbers)
        by_letters = {letters: column for column, letters in table.letters.items()}
        for sheet, cell in data.formula_cells:
            letters = cell.rstrip("0123456789")
            column = by_letters.get(letters)
            if sheet == table.sheet and column and int(cell[len(letters) :]) in numbers:
                owner.setdefault((sheet, cell), f"{key}.{column}")
    found: dict[str, dict[str, str]] = {}
    for (sheet, cell), state in data.formula_cells.items():
        item = owner.get((sheet, cell))
        if item is not None:  # the readers list no other cell
            found.setdefault(item, {})[f"{sheet}!{cell}"] = state
    return found


OWNER_FIELDS: dict[FormKind, FieldKey] = {FormKind.UNIT: "kode_unit", FormKind.SKP: "nip"}
"""The field that says whose a workbook is (the archive's unit: the master's is "master")."""


def submission(form: NormalForm, sha256: str, read: FormData | None = None) -> Submission:
    """Rows (normalised) and every cell read, with where it came from; with `read` (the
    form data `form` was normalised from), what the reader saw beyond the values too."""
    kind = form.form.id
    key = OWNER_FIELDS.get(kind)
    unit = form.field(key) if key else "master"
    rows: dict[str, tuple[list[str], list[list[Any]]]] = {}
    groups = _field_groups(form.fields)  # one per column: the archive's own storage form
    for table in form.tables.values():
        keys = [i.key for i in table.items]
        rows[table.key] = (keys, [json_column(table.columns[k]) for k in keys])
        groups += _column_groups(table, keys)
    tahun = form.number("tahun")
    return Submission(
        unit=str(unit or Path(form.file).stem),
        kind=kind,
        file_name=Path(form.file).name,
        sha256=sha256,
        status=form.text("status") if "status" in form.fields.columns else None,
        tahun=int(tahun) if tahun else None,
        rows=ColumnRows(rows),
        cells=GroupedCells(groups, read_info(read, {g["field"] for g in groups}) if read else None),
    )


def _field_groups(fields: NormalTable) -> list[dict[str, Any]]:
    """One group per header field holding a value: its cell and value."""
    groups: list[dict[str, Any]] = []
    labels = {i.key: i.label for i in fields.items}
    for key in [i.key for i in fields.items]:
        if key not in fields.places:
            continue
        sheet, place = fields.places[key]
        raw = json_column(fields.raw[key])
        if raw[0] is not None:
            group: dict[str, Any] = {"field": f"{fields.key}.{key}", "label": labels[key]}
            group["values"] = {f"{sheet}!{place}": raw[0]}
            groups.append(_typed(group, fields.raw[key]))
    return groups


def _column_groups(table: NormalTable, keys: list[str]) -> list[dict[str, Any]]:
    """One group per column of `table` with a value: its sheet and column, and the rows and
    values of its filled cells."""
    groups: list[dict[str, Any]] = []
    labels = {i.key: i.label for i in table.items}
    for key in keys:
        if key not in table.places:
            continue  # an empty table
        sheet, place = table.places[key]
        raw = json_column(table.raw[key])
        filled = [i for i, value in enumerate(raw) if value is not None]
        if filled:
            group: dict[str, Any] = {"field": f"{table.key}.{key}", "label": labels[key]}
            group |= {"sheet": sheet, "column": place}
            group["rows"] = [table.rows[i] for i in filled]
            group["values"] = [raw[i] for i in filled]
            groups.append(_typed(group, [table.raw[key][i] for i in filled]))
    return groups


def _typed(group: dict[str, Any], values: Sequence[Any]) -> dict[str, Any]:
    types = value_types(values)
    if types is not None:
        group["types"] = types
    return group
