"""Findings at a table cell or a single field of a normalised form."""

from __future__ import annotations

from typing import TypeVar

from xlkinerja.core.codes import FindingCode
from xlkinerja.core.finding import Finding
from xlkinerja.core.form_data import CellValue, K
from xlkinerja.core.normal import AnyForm, NormalForm, NormalTable
from xlkinerja.specs.keys import FieldKey
from xlkinerja.validation.messages import finding

Key = TypeVar("Key", bound=FieldKey)  # a field key of the form (bound to the literals: checked)


def at(
    form: AnyForm,
    table: NormalTable[K],
    pos: int,
    key: K,
    code: FindingCode,
    *,
    value: object = None,
    ref: tuple[str | None, str | None, str | None] = (None, None, None),
    **details: object,
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
        ref=ref,
        **details,
    )


def at_field(
    form: NormalForm[Key],
    key: Key,
    code: FindingCode,
    value: object = None,
    *,
    ref: tuple[str | None, str | None, str | None] = (None, None, None),
    **details: object,
) -> Finding:
    """A finding on a single field (ref: the other end, for a cascade finding)."""
    cell = form.field_cell(key)
    return finding(
        code,
        file=form.file,
        sheet=cell.sheet,
        cell=cell.cell,
        row=None,
        field=form.fields.label(key),
        value=cell.value if value is None else value,
        ref=ref,
        **details,
    )
