"""Tiny helpers to write sample rows as tuples and get the dicts the writer wants."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from xlkinerja.core.form_data import CellScalar


def rows(keys: Sequence[str], *values: Iterable[CellScalar]) -> list[dict[str, CellScalar]]:
    out = []
    for value in values:
        items = tuple(value)
        if len(items) != len(keys):
            raise ValueError(f"row {items!r} does not match columns {keys!r}")
        out.append(dict(zip(keys, items, strict=True)))
    return out
