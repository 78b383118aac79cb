"""Column-wise normalising: the fast path for whole columns gives exactly what the
value-by-value path gives, and the reader's column lists hold what the sheet holds."""

from __future__ import annotations

import math
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from xlkinerja.core.form_data import CellValue
from xlkinerja.specs import FORMS, UNIT, ValueType
from xlkinerja.validation.normalise import NUMERIC, _fast_column, _normalise_value

PK = UNIT.table("pk")
COLUMNS = {c.key: c for c in PK.input_columns}
EVERY_COLUMN = {
    f"{form.id}.{table.key}.{c.key}": c
    for form in FORMS.values()
    for table in form.tables
    for c in table.input_columns
}
TEXTY = st.text(alphabet=" \u00a0aAbB-1.,", max_size=6)
# What a cell can hold: Excel stores no infinity (calamine never gives one); an infinite
# value is odd, and takes the full path (a finding), as the odd-values test checks.
NUMBERS = st.one_of(st.integers(-(10**6), 10**6), st.floats(allow_nan=False, allow_infinity=False))
INFINITE = st.sampled_from([math.inf, -math.inf])
ODD = st.one_of(st.booleans(), NUMBERS, TEXTY, INFINITE)  # the wrong kind, now and then


def _values(item: Any, odd: bool) -> st.SearchStrategy[Any]:
    usual = NUMBERS if item.type in NUMERIC else TEXTY
    return st.one_of(st.none(), usual, ODD) if odd else st.one_of(st.none(), usual)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return type(a) is type(b) and a == b


def _check(item: Any, column: list[Any], scope: str = "pk") -> bool:
    """Whether the fast path took the column; if it did, it agrees value by value."""
    fast = _fast_column(item, column)
    slow = [_normalise_value(item, v, CellValue(v, "PK", "A1"), "f.xlsx", scope, 1) for v in column]
    if fast is None:  # some value needs the full path (a finding, or an unusual type)
        return False
    assert all(not found for _, found in slow)
    assert all(_same(f, s) for f, (s, _) in zip(fast, slow, strict=True)), (fast, slow)
    return True


TEXT_OR_NUMBER = sorted(k for k, c in EVERY_COLUMN.items() if c.type != ValueType.DATE)


@given(key=st.sampled_from(TEXT_OR_NUMBER), data=st.data())
def test_fast_column_agrees_with_value_by_value(key: str, data: st.DataObject) -> None:
    item = EVERY_COLUMN[key]
    column = data.draw(st.lists(_values(item, odd=False), max_size=8))
    assert _check(item, column, key.split(".")[1])  # typical entries: the fast path, agreeing


@given(key=st.sampled_from(sorted(EVERY_COLUMN)), data=st.data())
def test_fast_column_with_odd_values(key: str, data: st.DataObject) -> None:
    item = EVERY_COLUMN[key]
    _check(item, data.draw(st.lists(_values(item, odd=True), max_size=8)), key.split(".")[1])


def test_every_kind_of_pk_column_takes_the_fast_path() -> None:
    """Typical entries never fall back to the slow path (that is where the speed is)."""
    typical = {
        "kode_iku": [" iku-1 ", None],
        "kode_ikk": ["IKK-1.1", "ikk-1.2"],
        "indikator": ["Persentase\u00a0lulusan ", "x"],
        "target": [90.0, 5],
        "satuan": ["%", "dokumen"],
        "arah": ["naik", "Turun"],
        "metode_kaskade": ["Beban Target", None],
    }
    for key, column in typical.items():
        if key in COLUMNS:
            assert _fast_column(COLUMNS[key], column) is not None, key
