"""Reading plain values out of cells the forgiving way a user expects."""

from __future__ import annotations

import re

from xlkinerja.core.form_data import CellScalar

_INT_TEXT = re.compile(r"^\s*[+-]?\d+\s*$")


def as_text(value: CellScalar) -> str | None:
    """Text of a cell, trimmed (also non-breaking spaces); blank stays None."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace("\u00a0", " ").strip()
    return text or None


def as_code(value: CellScalar) -> str | None:
    """A code such as IKU-1 or a NIP: trimmed, upper-case."""
    text = as_text(value)
    return text.upper() if text else None


def as_int(value: CellScalar) -> int | None:
    """An integer from a number or digits typed as text; anything else is None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if isinstance(value, str) and _INT_TEXT.match(value.replace("\u00a0", " ")):
        return int(value)
    return None
