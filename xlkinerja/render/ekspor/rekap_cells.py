"""Cell values of a compiled workbook as calamine reads them back (rekap_read.py): an
empty cell is None, a whole float a code's text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def value_of(value: Any) -> Any:
    """A cell's value: None for an empty cell."""
    return None if value == "" or value is None else value


def text_of(value: Any) -> str | None:
    value = value_of(value)
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def number_of(value: Any) -> float | None:
    value = value_of(value)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def texts_of(values: Sequence[Any]) -> list[str | None]:
    return [v if v.__class__ is str and v != "" else text_of(v) for v in values]


def numbers_of(values: Sequence[Any]) -> list[float | None]:
    return [float(v) if v.__class__ in (float, int) else None for v in values]
