"""Small helpers the rule modules share to walk a normalised table."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from xlkinerja.form_data import CellValue
from xlkinerja.validation.finding import Finding
from xlkinerja.validation.messages import finding
from xlkinerja.validation.normalise import NormalForm, NormalTable


def val(table: NormalTable, pos: int, key: str) -> Any:
    value = table.columns[key][pos]
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def positions(table: NormalTable) -> Iterator[int]:
    return iter(range(len(table)))


def codes(table: NormalTable, key: str) -> set[str]:
    return {v for v in table.columns[key] if isinstance(v, str)}


def at(
    form: NormalForm,
    table: NormalTable,
    pos: int,
    key: str,
    code: str,
    *,
    value: Any = None,
    **details: Any,
) -> Finding:
    """A finding on one cell of a table (value: what to show; default the cell's)."""
    cell: CellValue = table.cell(pos, key)
    return finding(
        code,
        file=form.file,
        sheet=cell.sheet,
        cell=cell.cell,
        row=table.rows[pos],
        field=table.label(key),
        value=cell.value if value is None else value,
        **details,
    )


def at_field(form: NormalForm, key: str, code: str, value: Any = None, **details: Any) -> Finding:
    cell = form.field_cell(key)
    return finding(
        code,
        file=form.file,
        sheet=cell.sheet,
        cell=cell.cell,
        field=form.fields.label(key),
        value=cell.value if value is None else value,
        **details,
    )
