"""pandera schemas built from the form specs, run over every file's tables at once.

Each table kind of all files of one form is stacked (same columns) and validated in one
lazy call per table kind, so the cost grows with rows, not with files; `<column>:isi`
columns carry the "required" check (a value that was typed but could not be read is not
blank). Failures map back to file and cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import pandas as pd
import pandera.pandas as pa

from xlkinerja.core.codes import ColumnRule
from xlkinerja.core.finding import Finding
from xlkinerja.core.normal import FIELDS, NormalForm, NormalValue
from xlkinerja.specs import FORMS, ChoiceList, Column, Field, Form, FormKind
from xlkinerja.validation.locate import at

PRESENT = ":isi"
# The checks are named after their column rule (plain text in pandera's report).
KOSONG, PILIHAN, POLA = ColumnRule.KOSONG.value, ColumnRule.PILIHAN.value, ColumnRule.POLA.value
META = ["_f", "_p"]


def _required(series: pd.Series) -> pd.Series:
    return series.astype(bool)


def _items(form: Form, table_key: str) -> tuple[Column | Field, ...]:
    return form.fields if table_key == FIELDS else form.table(table_key).input_columns


@cache
def table_schema(form_id: FormKind, table_key: str) -> pa.DataFrameSchema:
    """Checks of one table's columns (or of the form's fields, as a one-row table)."""
    columns: dict[str, pa.Column] = {}
    for item in _items(FORMS[form_id], table_key):
        checks = []
        if isinstance(item.choices, ChoiceList):
            checks.append(pa.Check.isin(item.choices.values, name=PILIHAN, error=PILIHAN))
        pattern = getattr(item, "pattern", None)
        if pattern:
            checks.append(pa.Check.str_matches(pattern, name=POLA, error=POLA))
        columns[item.key] = pa.Column(dtype=None, nullable=True, required=False, checks=checks)
        if item.required:
            columns[item.key + PRESENT] = pa.Column(
                dtype=None,
                required=False,
                checks=[pa.Check(_required, name=KOSONG, error=KOSONG)],
            )
    return pa.DataFrameSchema(columns, strict=False, coerce=False)


def stacked(forms: Sequence[NormalForm], table_key: str) -> pd.DataFrame | None:
    """One table kind of every file, stacked: plain lists are joined first and one frame
    is built at the end (building a frame per file costs more than the checks)."""
    data: dict[str, list[NormalValue | bool]] = {}  # values and `:isi` flags
    files: list[int] = []  # META: the file's index in `forms`, the row's position
    rows: list[int] = []
    for index, form in enumerate(forms):
        table = form.fields if table_key == FIELDS else form.tables[table_key]
        if not len(table):
            continue
        for item in table.items:
            data.setdefault(item.key, []).extend(table.columns[item.key])
            if item.required:
                data.setdefault(item.key + PRESENT, []).extend(table.filled[item.key])
        files.extend([index] * len(table))
        rows.extend(range(len(table)))
    if not files:
        return None
    frame = pd.DataFrame(data, dtype=object)
    frame["_f"] = files
    frame["_p"] = rows
    return frame


def check_schema(forms: Sequence[NormalForm]) -> list[Finding]:
    """Types, required values, choices and code patterns, for files of one form."""
    if not forms:
        return []
    form = forms[0].form
    found: list[Finding] = []
    for table_key in (FIELDS, *(t.key for t in form.tables)):
        frame = stacked(forms, table_key)
        if frame is None:
            continue
        try:
            table_schema(form.id, table_key).validate(frame, lazy=True)
        except pa.errors.SchemaErrors as errors:
            found.extend(_findings(errors.failure_cases, frame, forms, table_key))
    return found


def _findings(
    cases: pd.DataFrame, frame: pd.DataFrame, forms: Sequence[NormalForm], table_key: str
) -> list[Finding]:
    found: list[Finding] = []
    meta = frame[META].to_numpy()
    for column, check, index in cases[["column", "check", "index"]].itertuples(index=False):
        if index is None or pd.isna(index) or not isinstance(column, str):
            continue
        rule = ColumnRule(str(check))
        item_key = column.removesuffix(PRESENT)
        label = int(str(index))  # frames carry a RangeIndex: label == position
        file_index, pos = int(meta[label, 0]), int(meta[label, 1])
        form = forms[file_index]
        table = form.fields if table_key == FIELDS else form.tables[table_key]
        item = next(i for i in table.items if i.key == item_key)
        code = table.code(item_key, rule)
        if rule is ColumnRule.PILIHAN and isinstance(item.choices, ChoiceList):
            pilihan = ", ".join(item.choices.values)
            found.append(at(form, table, pos, item_key, code, pilihan=pilihan))
        elif rule is ColumnRule.POLA:
            found.append(at(form, table, pos, item_key, code, pola=getattr(item, "pattern", "")))
        else:
            found.append(at(form, table, pos, item_key, code))
    return found
