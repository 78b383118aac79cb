"""How a version's rows are stored. Plain, as given:

    {"pk": [{"kode_ikk": "IKK-TI-1", "target": 78}, ...], ...}

or, when handed over as `ColumnRows` (kompilasi does), column-wise, each key written once
(a unit workbook's ~600 rows take about half the JSON and a fraction of the time to build):

    {"xlkinerja_rows": 1,
     "tables": {"pk": {"keys": ["kode_ikk", "target"], "columns": [["IKK-TI-1"], [78]]}}}

`decode` gives the plain form for both (schema version 3 and later may hold either).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

MARK = "xlkinerja_rows"

Records = Sequence[Mapping[str, object]]


class ColumnRows(Mapping[str, Records]):
    """Rows per table given column-wise: table → (keys, one list of values per key, all of
    the same length). Reads like the plain mapping of records."""

    def __init__(self, tables: Mapping[str, tuple[Sequence[str], Sequence[Sequence[object]]]]):
        for table, (keys, columns) in tables.items():
            if len(keys) != len(columns) or len({len(c) for c in columns}) > 1:
                raise ValueError(f"ColumnRows[{table!r}]: one column per key, all as long")
        self.tables = tables

    def __getitem__(self, table: str) -> list[dict[str, object]]:
        keys, columns = self.tables[table]
        return [dict(zip(keys, row, strict=True)) for row in zip(*columns, strict=True)]

    def __iter__(self) -> Iterator[str]:
        return iter(self.tables)

    def __len__(self) -> int:
        return len(self.tables)

    def count(self) -> int:
        """Rows in all tables."""
        return sum(len(columns[0]) if columns else 0 for _, columns in self.tables.values())


def encode(rows: Mapping[str, Records]) -> Any:
    if isinstance(rows, ColumnRows):
        tables = {
            table: {"keys": list(keys), "columns": list(columns)}
            for table, (keys, columns) in rows.tables.items()
        }
        return {MARK: 1, "tables": tables}
    if MARK in rows:
        raise ValueError(f"a table may not be called {MARK!r}")
    return rows


def decode(stored: Mapping[str, Any]) -> dict[str, Any]:
    if stored.get(MARK) != 1:
        return dict(stored)  # plain: table -> records
    return {
        table: [
            dict(zip(body["keys"], row, strict=True)) for row in zip(*body["columns"], strict=True)
        ]
        for table, body in stored["tables"].items()
    }
