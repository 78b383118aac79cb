"""Numbers typed as percentages, read as the user meant them, or reported — never guessed.

Excel and LibreOffice store a typed `85%` as 0.85 with a percent number format; the file
reader lists such cells (`FormData.number_formats`) for the columns measured in a satuan
(`Column.satuan_from` in the specs). Here, knowing each row's satuan:

- a percent-formatted number where the satuan is % is read in percentage points (0.85 →
  85), and the normal table keeps which cells were (`NormalTable.persen`);
- a percent-formatted number where the satuan is not % (or unknown) is `skala_persen`:
  85% of "orang" means nothing certain, so the value is not read (unknown, not 0);
- a number on the other scale than the rest of its indicator — 0.85 for satuan % where
  the indicator's other targets or realisasi are around 85 — is `skala_persen` too.
(Typed text such as `1/2` that the program made a date arrives as a date, which
`parse_number` reports as `bukan_angka`, saying so.)

An indicator's values are those measured in the satuan of one row: a PK row of the unit
workbook with the Rencana Aksi and Capaian rows of its kode IKK, an RHK row of the SKP
with its realisasi, an IKU row of the master.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

from xlkinerja.core.codes import ColumnRule
from xlkinerja.core.finding import Finding
from xlkinerja.core.form_data import CellFormat
from xlkinerja.core.normal import NormalForm, NormalTable
from xlkinerja.specs import Column, Table
from xlkinerja.validation.messages import finding, show

PERCENT_SATUAN = frozenset({"%", "persen", "percent"})
SCALE = 100.0
DIGITS = 9  # a typed percentage has no more decimals than this; floats have noise beyond
NEAR = 2.0  # a fraction f "belongs" to a value v when v / (100·f) is within [1/2, 2]


def is_percent(satuan: object) -> bool:
    return isinstance(satuan, str) and satuan.strip().casefold() in PERCENT_SATUAN


def percentage_points(fraction: float) -> float:
    """What a user typed as a percentage, from the fraction the program stored: 0.22 → 22
    (not 22.000000000000004, as 0.22 × 100 is in floats)."""
    return round(fraction * SCALE, DIGITS)


@dataclass(frozen=True)
class _Cell:
    table: str
    key: str
    pos: int


def apply_percent_formats(
    form: NormalForm, formats: Mapping[tuple[str, str], CellFormat]
) -> tuple[NormalForm, list[Finding]]:
    """The form with its percent-formatted numbers taken as the user meant them (see the
    module docstring; the form's columns are changed in place), and the findings of the
    numbers that cannot be read with certainty."""
    marks = _marks_by_column(formats)
    findings: list[Finding] = []
    tables = dict(form.tables)
    groups: dict[tuple[str, int], list[_Cell]] = {}
    for spec in form.form.tables:
        table = tables.get(spec.key)
        measured = [c for c in spec.input_columns if c.satuan_from]
        if table is None or not measured or not len(table):
            continue
        persen: dict[str, frozenset[int]] = {}
        for col in measured:
            place = table.places.get(col.key)
            marked = marks.get(place, {}) if place else {}
            converted = _measured_column(form, spec, table, col, marked, findings, groups)
            if converted:
                persen[col.key] = frozenset(converted)
        if persen:
            tables[spec.key] = replace(table, persen=persen)
    findings.extend(_scale_mismatches(form, tables, groups))
    return replace(form, tables=tables), findings


def _marks_by_column(
    formats: Mapping[tuple[str, str], CellFormat],
) -> dict[tuple[str, str], dict[int, CellFormat]]:
    """(sheet, column letters) → row number → the cell's format."""
    marks: dict[tuple[str, str], dict[int, CellFormat]] = {}
    for (sheet, address), kind in formats.items():
        letters = address.rstrip("0123456789")
        marks.setdefault((sheet, letters), {})[int(address[len(letters) :])] = kind
    return marks


def _measured_column(
    form: NormalForm,
    spec: Table,
    table: NormalTable,
    col: Column,
    marked: Mapping[int, CellFormat],
    findings: list[Finding],
    groups: dict[tuple[str, int], list[_Cell]],
) -> list[int]:
    """One column measured in a satuan: its percent-formatted numbers converted or dropped
    (and reported), its numbers in % added to their indicator's group for the scale check;
    the positions converted."""
    satuan, owners = _satuan(form, spec, table, col)
    # Only two kinds of rows need looking at (a unit workbook has thousands of cells here,
    # and this runs for each): percent-formatted cells, and the rows measured in % (for the
    # scale check). Each satuan is judged once.
    percent_units = {unit for unit in set(satuan) if is_percent(unit)}
    in_percent = [pos for pos, unit in enumerate(satuan) if unit in percent_units]
    formatted = _percent_formatted(table, marked)
    converted, dropped = _convert(form, table, col, formatted, satuan, findings)
    for pos in in_percent:
        owner = owners[pos]
        if pos in dropped or owner is None or _number(table, col.key, pos) is None:
            continue
        groups.setdefault(owner, []).append(_Cell(spec.key, col.key, pos))
    return converted


def _percent_formatted(table: NormalTable, marked: Mapping[int, CellFormat]) -> list[int]:
    """The positions of the table's rows whose cell of the column is percent-formatted."""
    if not marked:
        return []
    return [
        pos
        for pos, row in enumerate(table.rows)
        if row is not None and marked.get(row) == CellFormat.PERSEN
    ]


def _convert(
    form: NormalForm,
    table: NormalTable,
    col: Column,
    formatted: list[int],
    satuan: list[object],
    findings: list[Finding],
) -> tuple[list[int], set[int]]:
    """The percent-formatted numbers of `col` in percentage points where the satuan is %,
    else unknown (NaN) and reported; the positions converted and those dropped."""
    converted: list[int] = []
    dropped: set[int] = set()
    for pos in formatted:
        number = _number(table, col.key, pos)
        if number is None:
            continue
        if not is_percent(satuan[pos]):
            findings.append(_not_percent(form, table, col, pos, satuan[pos]))
            table.columns[col.key][pos] = math.nan
            dropped.add(pos)
            continue
        table.columns[col.key][pos] = percentage_points(number)
        converted.append(pos)
    return converted, dropped


def _number(table: NormalTable, key: str, pos: int) -> float | None:
    value = table.columns[key][pos]
    return value if isinstance(value, float) and not math.isnan(value) else None


def _satuan(
    form: NormalForm, spec: Table, table: NormalTable, col: Column
) -> tuple[list[object], list[tuple[str, int] | None]]:
    """Per row of `table`: the satuan `col` is measured in, and the row that holds it
    (table key, position), or None when no row does."""
    source = col.satuan_from
    if isinstance(source, str):
        return list(table.columns[source]), [(spec.key, pos) for pos in range(len(table))]
    assert source is not None
    owner = form.tables.get(source.table)
    index: dict[object, int] = {}
    if owner is not None:
        for pos, key in enumerate(owner.columns[source.key]):
            if key is not None:
                index.setdefault(key, pos)
    satuan: list[object] = []
    owners: list[tuple[str, int] | None] = []
    for match in table.columns[source.match]:
        found = index.get(match) if match is not None else None
        if owner is None or found is None:
            satuan.append(None)
            owners.append(None)
        else:
            satuan.append(owner.columns[source.column][found])
            owners.append((source.table, found))
    return satuan, owners


def _report(
    form: NormalForm, table: NormalTable, key: str, pos: int, rule: ColumnRule, detail: str
) -> Finding:
    cell = table.cell(pos, key)
    return finding(
        table.code(key, rule),
        file=form.file,
        sheet=cell.sheet,
        cell=cell.cell,
        row=table.rows[pos],
        field=table.label(key),
        value=cell.value,
        rincian=detail,
    )


def _percent_text(fraction: float) -> str:
    return f"{show(round(fraction * SCALE, 10))}%"


def _not_percent(
    form: NormalForm, table: NormalTable, col: Column, pos: int, satuan: object
) -> Finding:
    value = _number(table, col.key, pos) or 0.0
    named = f"'{satuan}'" if isinstance(satuan, str) and satuan.strip() else "tidak diketahui"
    return _report(
        form,
        table,
        col.key,
        pos,
        ColumnRule.SKALA_PERSEN,
        f"sel berformat persen (tampil {_percent_text(value)}, tersimpan {show(value)}) "
        f"padahal satuannya {named}, bukan %; tulis angka dalam satuan itu tanpa format "
        "persen, atau perbaiki satuannya menjadi %",
    )


def _scale_mismatches(
    form: NormalForm,
    tables: Mapping[str, NormalTable],
    groups: Mapping[tuple[str, int], list[_Cell]],
) -> list[Finding]:
    """Fractions (0 < |v| ≤ 1) among an indicator's values in percentage points."""
    found: list[Finding] = []
    for cells in groups.values():
        if len(cells) < 2:
            continue
        values = [(c, _number(tables[c.table], c.key, c.pos)) for c in cells]
        large = [(c, v) for c, v in values if v is not None and abs(v) > 1]
        for cell, value in values:
            if value is None or value == 0 or abs(value) > 1:
                continue
            near = [
                (abs(abs(v) / (SCALE * abs(value)) - 1), c, v)
                for c, v in large
                if 1 / NEAR <= abs(v) / (SCALE * abs(value)) <= NEAR
            ]
            if not near:
                continue
            _, other, other_value = min(near, key=lambda n: n[0])
            table = tables[cell.table]
            where = tables[other.table].cell(other.pos, other.key)
            intended = show(round(value * SCALE, 10))
            found.append(
                _report(
                    form,
                    table,
                    cell.key,
                    cell.pos,
                    ColumnRule.SKALA_PERSEN,
                    f"{show(value)} untuk satuan %, padahal "
                    f"{tables[other.table].label(other.key)} indikator ini "
                    f"{show(other_value)} (lembar '{where.sheet}' sel {where.cell}); jika "
                    f"maksudnya {intended}%, tulis {intended}",
                )
            )
            table.columns[cell.key][cell.pos] = math.nan
    return found
