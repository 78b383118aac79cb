"""A unit whose staff typed percentages the way Excel keeps them.

Typing `80%` into a cell, Excel (and LibreOffice) stores 0.8 and gives the cell the
percent format `0%` (built-in format 9). The sample's Jurusan Akuntansi typed every number
of its %-satuan indicators so: targets in the PK and the Rencana Aksi, realisasi in the
Capaian. Which columns hold a number in a satuan, and where that satuan is, the specs say
(`Column.satuan_from`); the reader must give back what the staff meant (80).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from xlkinerja.core.form_data import CellScalar, FormValues
from xlkinerja.specs import Form, Lookup

PERCENT_FORMAT = 9  # Excel's built-in "0%"


def _is_percent(satuan: CellScalar) -> bool:
    return isinstance(satuan, str) and satuan.strip() == "%"


def _satuan_per_row(
    values: FormValues, records: Sequence[Mapping[str, CellScalar]], source: str | Lookup
) -> list[CellScalar]:
    """The satuan of each record: its own column, or the first row of another table whose
    key matches."""
    if isinstance(source, str):
        return [record.get(source) for record in records]
    rows = reversed(values.tables.get(source.table, ()))
    owner = {r.get(source.key): r.get(source.column) for r in rows}
    return [owner.get(record.get(source.match)) for record in records]


def typed_as_percent(form: Form, values: FormValues) -> FormValues:
    """`values` with every number measured in satuan % held as Excel holds a typed
    percentage: the fraction, with the percent format."""
    tables: dict[str, Sequence[Mapping[str, CellScalar]]] = dict(values.tables)
    formats: dict[tuple[str, int, str], str | int] = dict(values.formats)
    for spec in form.tables:
        records = [dict(r) for r in values.tables.get(spec.key, ())]
        for col in spec.input_columns:
            if col.satuan_from is None:
                continue
            satuan = _satuan_per_row(values, records, col.satuan_from)
            for index, record in enumerate(records):
                number = record.get(col.key)
                if _is_percent(satuan[index]) and isinstance(number, int | float):
                    record[col.key] = number / 100
                    formats[(spec.key, index, col.key)] = PERCENT_FORMAT
        if records:
            tables[spec.key] = records
    return FormValues(fields=values.fields, tables=tables, formats=formats)
