"""The vocabulary of the workbooks xlkinerja writes as reports and reads back (the compiled
rekap, specs/rekap.py).

A *report* has *sheets*; a sheet holds *tables* that are plain cell ranges, not Excel
Tables: a header row of the columns' labels, then the rows beneath it. A reader finds a
table by that header row and checks it label by label, so a column renamed or missing is
said with its cell. The columns are the forms' `Column` (key, Indonesian label, type); a
column may take more than one cell (a merged header), and its header cell may carry text
after the label (the writer's "Status TW III" for the column "Status").
"""

from __future__ import annotations

from dataclasses import dataclass

from xlkinerja.specs.model import Column


@dataclass(frozen=True)
class ReportTable:
    key: str
    title: str  # what the table holds; the writer's section title where it writes one
    columns: tuple[Column, ...]
    # Columns taking more than one cell: (key, cells); the header is merged across them.
    spans: tuple[tuple[str, int], ...] = ()
    # Header cells that may read "<label> <text>" (e.g. the quarter after "Status").
    suffixed: tuple[str, ...] = ()
    # How many of the last columns a report of an earlier version may lack (blank header).
    optional: int = 0

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(f"report table {self.key} has no column {key!r}")

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(c.label for c in self.columns)

    def span(self, key: str) -> int:
        return dict(self.spans).get(key, 1)

    def position(self, key: str) -> int:
        """The index of the column's first cell, counted from the table's first column."""
        at = 0
        for col in self.columns:
            if col.key == key:
                return at
            at += self.span(col.key)
        raise KeyError(f"report table {self.key} has no column {key!r}")

    @property
    def header_cells(self) -> tuple[str, ...]:
        """The header row cell by cell: a merged column's label, then blanks."""
        cells: list[str] = []
        for col in self.columns:
            cells += [col.label, *[""] * (self.span(col.key) - 1)]
        return tuple(cells)

    @property
    def required(self) -> tuple[Column, ...]:
        """The columns every report of this layout has."""
        return self.columns[: len(self.columns) - self.optional]


@dataclass(frozen=True)
class ReportField:
    """A single value at a fixed cell (the cover's institution name)."""

    key: str
    label: str
    cell: str  # A1


@dataclass(frozen=True)
class ReportSheet:
    name: str  # the sheet tab, in Indonesian
    isi: str  # what the sheet holds, as the cover's list of sheets says it
    tables: tuple[ReportTable, ...] = ()
    fields: tuple[ReportField, ...] = ()


@dataclass(frozen=True)
class Report:
    id: str
    title: str
    sheets: tuple[ReportSheet, ...]

    @property
    def sheet_names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.sheets)

    def sheet(self, name: str) -> ReportSheet:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise KeyError(f"report {self.id} has no sheet {name!r}")

    @property
    def tables(self) -> tuple[ReportTable, ...]:
        return tuple(t for s in self.sheets for t in s.tables)

    def table(self, key: str) -> ReportTable:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(f"report {self.id} has no table {key!r}")

    def sheet_of_table(self, key: str) -> ReportSheet:
        for sheet in self.sheets:
            if any(t.key == key for t in sheet.tables):
                return sheet
        raise KeyError(key)
