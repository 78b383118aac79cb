"""Small helpers the rule modules share to walk a normalised table."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from xlkinerja.core.normal import NormalTable


def val(table: NormalTable, pos: int, key: str) -> Any:
    value = table.columns[key][pos]
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def positions(table: NormalTable) -> Iterator[int]:
    return iter(range(len(table)))


def codes(table: NormalTable, key: str) -> set[str]:
    return {v for v in table.columns[key] if isinstance(v, str)}
