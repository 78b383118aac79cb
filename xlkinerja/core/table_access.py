"""Small helpers the rule modules share to walk a normalised table.

`val` gives a cell's normalised value of whatever kind; `text`, `number` and `day` give it
typed, for the checks that compute with it (a number column asked for text is a bug and
raises TypeError). All four give None for a blank cell, never NaN — and also for a number
cell whose content could not be read; `reading` tells those apart (`Unreadable`), for
whatever computes a result from the number (capaian, roll-ups): unknown is not blank.

A key is typed by its table (`NormalTable[K]`): `text(form.table("pk"), pos, "kode_ikk")` is
checked against the pk table's column keys; a key it does not have is a type error
("Cannot infer value of type parameter"). Types only: nothing here costs a thing at run time.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date

from xlkinerja.core.form_data import K
from xlkinerja.core.normal import (
    NormalTable,
    NormalValue,
    Unreadable,
    day_of,
    number_of,
    text_of,
)


def val(table: NormalTable[K], pos: int, key: K) -> NormalValue:
    value = table.columns[key][pos]
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


# `text` and `number` run thousands of times per workbook: the common case is inline, the
# rest (and the error) is `core.normal`'s.


def text(table: NormalTable[K], pos: int, key: K) -> str | None:
    value = table.columns[key][pos]
    if value is None or type(value) is str:
        return value
    return text_of(value, key)


def number(table: NormalTable[K], pos: int, key: K) -> float | None:
    value = table.columns[key][pos]
    if type(value) is float and not math.isnan(value):
        return value
    return number_of(value, key)


def texts(table: NormalTable[K], key: K) -> list[str | None]:
    """`text` of every row of a column, in one pass."""
    return [v if v is None or type(v) is str else text_of(v, key) for v in table.columns[key]]


def numbers(table: NormalTable[K], key: K) -> list[float | None]:
    """`number` of every row of a column, in one pass."""
    return [
        v if type(v) is float and not math.isnan(v) else number_of(v, key)
        for v in table.columns[key]
    ]


def reading(table: NormalTable[K], pos: int, key: K) -> float | Unreadable | None:
    """A number item as read: the number, None when blank, `Unreadable` when the user
    filled the cell with something that is not a number."""
    value = number(table, pos, key)
    if value is None and table.unread:
        return table.unreadable(pos, key)
    return value


def day(table: NormalTable[K], pos: int, key: K) -> date | None:
    return day_of(table.columns[key][pos], key)


def positions(table: NormalTable[K]) -> Iterator[int]:
    return iter(range(len(table)))


def codes(table: NormalTable[K], key: K) -> set[str]:
    return {v for v in table.columns[key] if isinstance(v, str)}
