"""Raw cell values → normalised values per column type, plus the findings of reading them.

Text is trimmed, codes upper-cased, choices matched case-insensitively, numbers and dates
read the Indonesian way (domain.parse_number / parse_date). Blank stays blank; a value that
cannot be read is reported here and left as NaN/None for the schema checks, and for number
items also listed in `NormalTable.unread` (with what the cell held), so that nothing that
computes with the number takes an unreadable cell for a blank one.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import cache

from xlkinerja.core.codes import ColumnRule, column_code
from xlkinerja.core.finding import Finding
from xlkinerja.core.form_data import CellScalar, CellValue, FormData
from xlkinerja.core.normal import FIELDS, NormalForm, NormalTable, NormalValue, field_scope
from xlkinerja.domain.parse_date import parse_date
from xlkinerja.domain.parse_number import parse_money, parse_number, parse_percent
from xlkinerja.domain.parsed import Parsed
from xlkinerja.domain.values import as_code, as_text
from xlkinerja.specs import ChoiceList, Column, Field, ValueType
from xlkinerja.validation.messages import finding
from xlkinerja.validation.percent import apply_percent_formats


def read_number(value: CellScalar) -> Parsed[float]:
    """A number as typed: plain, with a percent sign ("90 %" is 90), or money ("Rp 1.500")."""
    if isinstance(value, str):
        lowered = value.casefold()
        if "%" in lowered:
            return parse_percent(value)
        if "rp" in lowered:
            return parse_money(value)
    return parse_number(value)


@cache
def _choices(choices: ChoiceList) -> dict[str, str]:
    return {v.casefold(): v for v in choices.values}


def _choice_map(item: Column | Field) -> dict[str, str] | None:
    return _choices(item.choices) if isinstance(item.choices, ChoiceList) else None


NUMERIC = (ValueType.NUMBER, ValueType.INTEGER)


def _finite(raw: float) -> bool:
    """A number cell that is a number: NaN and ±INF (a hostile or broken file) are not,
    and go through the parser, which reports them (`bukan_angka`)."""
    return isinstance(raw, int) or math.isfinite(raw)


def _normalise_value(
    item: Column | Field, raw: CellScalar, cell: CellValue, file: str, scope: str, row: int | None
) -> tuple[NormalValue, list[Finding]]:
    vtype = item.type
    if raw is None:
        return (math.nan if vtype in NUMERIC else None), []  # blank stays blank

    def problem(rule: ColumnRule, detail: str) -> list[Finding]:
        return [
            finding(
                column_code(scope, item.key, rule),
                file=file,
                sheet=cell.sheet,
                cell=cell.cell,
                row=row,
                field=item.label,
                value=raw,
                rincian=detail,
            )
        ]

    if vtype in NUMERIC:
        if isinstance(raw, int | float) and not isinstance(raw, bool) and _finite(raw):
            return float(raw), []  # the common case, without the text parser
        parsed = read_number(raw)
        if parsed.problem:
            return math.nan, problem(parsed.problem, parsed.detail)
        return (math.nan if parsed.value is None else float(parsed.value)), []
    if vtype == ValueType.DATE:
        parsed_date = parse_date(raw)
        if parsed_date.problem:
            return None, problem(parsed_date.problem, parsed_date.detail)
        return parsed_date.value, []
    if vtype == ValueType.CODE:
        return as_code(raw), []
    text = as_text(raw)
    choices = _choice_map(item)
    if choices is not None and text is not None:
        return choices.get(text.casefold(), text), []
    return text, []


def _fast_column(item: Column | Field, raw: Sequence[CellScalar]) -> list[NormalValue] | None:
    """The column normalised if every value takes the common path (blank, a number in a
    number column, text elsewhere); None when some value needs the full treatment."""
    out: list[NormalValue] = []
    append = out.append
    vtype = item.type
    if vtype in NUMERIC:
        for value in raw:
            kind = type(value)
            if kind is int or (kind is float and math.isfinite(value)):  # type: ignore[arg-type]
                append(float(value))  # type: ignore[arg-type]
            elif value is None:
                append(math.nan)
            else:
                return None
        return out
    if vtype not in (ValueType.TEXT, ValueType.CODE, ValueType.CHOICE):
        return None
    choices = _choice_map(item)
    upper = vtype == ValueType.CODE
    for value in raw:
        if value is None:
            append(None)
            continue
        if type(value) is not str:
            return None
        text = value.replace("\u00a0", " ").strip()
        if not text:
            append(None)
        elif upper:
            append(text.upper())
        elif choices is not None:
            append(choices.get(text.casefold(), text))
        else:
            append(text)
    return out


def normalise_columns(
    key: str,
    items: Sequence[Column | Field],
    raw: Mapping[str, Sequence[CellScalar]],
    rows: Sequence[int | None],
    places: Mapping[str, tuple[str, str]],
    scopes: Mapping[str, str],
    file: str,
    formula_cells: Mapping[tuple[str, str], str],
) -> tuple[NormalTable, list[Finding]]:
    """Normalise a table given column-wise: `raw[key][i]` sits in row `rows[i]` (None for
    a field) at `places[key]` = (sheet, column letters, or the field's A1 cell)."""
    findings: list[Finding] = []
    values: dict[str, list[NormalValue]] = {}
    present: dict[str, list[bool]] = {}
    unread: dict[str, dict[int, str]] = {}
    for item in items:
        column = raw[item.key]
        sheet, place = places.get(item.key, ("", ""))

        def address(pos: int) -> str:
            row = rows[pos]
            return place if row is None else f"{place}{row}"  # noqa: B023 (used in the loop)

        states: dict[int, str] = {}
        if formula_cells:
            for pos in range(len(column)):
                state = formula_cells.get((sheet, address(pos)))
                if state is not None:
                    states[pos] = state
        normal = None if states else _fast_column(item, column)
        if normal is None:
            normal = []
            for pos, value in enumerate(column):
                cell = CellValue(value, sheet, address(pos))
                if pos in states:
                    state = states[pos]
                    rule = ColumnRule.GALAT_RUMUS if state else ColumnRule.RUMUS_TANPA_NILAI
                    findings.append(
                        finding(
                            column_code(scopes[item.key], item.key, rule),
                            file=file,
                            sheet=sheet,
                            cell=cell.cell,
                            row=rows[pos],
                            field=item.label,
                            value=state or None,
                        )
                    )
                    if item.type in NUMERIC:
                        unread.setdefault(item.key, {})[pos] = state or "rumus tanpa nilai"
                    normal.append(math.nan if item.type in NUMERIC else None)
                    continue
                result, found = _normalise_value(
                    item, value, cell, file, scopes[item.key], rows[pos]
                )
                findings.extend(found)
                normal.append(result)
                if found and item.type in NUMERIC:
                    unread.setdefault(item.key, {})[pos] = _shown(value)
        values[item.key] = normal
        filled = [value is not None for value in column]
        for pos in states:
            filled[pos] = True
        present[item.key] = filled
    table = NormalTable(
        key=key,
        items=tuple(items),
        rows=tuple(rows),
        scopes=scopes,
        columns=values,
        filled=present,
        raw={i.key: list(raw[i.key]) for i in items},
        places=dict(places) if rows else {},
        unread=unread,
    )
    return table, findings


def _shown(value: CellScalar) -> str:
    """What an unreadable cell held, for a message: the text quoted, else as Excel shows it."""
    if isinstance(value, str):
        return f"'{value.strip()}'"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return str(value)


def normalise_form(data: FormData) -> tuple[NormalForm, list[Finding]]:
    file = str(data.path)
    formula_cells: Mapping[tuple[str, str], str] = getattr(data, "formula_cells", {})
    form = data.form
    fields, findings = normalise_columns(
        FIELDS,
        form.fields,
        {k: [c.value] for k, c in data.fields.items()},
        [None],
        {k: (c.sheet, c.cell) for k, c in data.fields.items()},
        {f.key: field_scope(form, f.key) for f in form.fields},
        file,
        formula_cells,
    )
    tables: dict[str, NormalTable] = {}
    for spec in form.tables:
        table_data = data.tables[spec.key]
        cols = spec.input_columns
        normal, found = normalise_columns(
            spec.key,
            cols,
            table_data.columns,
            table_data.numbers,
            {k: (table_data.sheet, letters) for k, letters in table_data.letters.items()},
            {c.key: spec.key for c in cols},
            file,
            formula_cells,
        )
        tables[spec.key] = normal
        findings.extend(found)
    earlier = getattr(data, "earlier", None)
    normal_form = NormalForm(
        form=data.form, file=file, fields=fields, tables=tables, earlier=earlier
    )
    normal_form, found = apply_percent_formats(normal_form, getattr(data, "number_formats", {}))
    findings.extend(found)
    return normal_form, findings
