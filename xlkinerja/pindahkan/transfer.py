"""The values of a loose workbook placed into a form: table rows by their column headers,
single fields by their labels, and every other value listed with its cell as not placed.

No value is guessed into place: a value under a header no column has, beside no label, or
on a sheet the form lacks is reported, never dropped in silence. Texts the template writes
itself (titles, labels, help) are recognised and not reported. A table's rows keep their
distance from the header (a blank row stays a blank row), so the moved workbook's cells
are where the original's were when both follow the same template.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from xlkinerja.core.address import cell_address
from xlkinerja.core.form_data import CellScalar, FormValues
from xlkinerja.pindahkan.label_match import label_key, static_keys
from xlkinerja.pindahkan.loose_reader import LooseBook
from xlkinerja.pindahkan.transfer_find import (
    Grid,
    Header,
    find_form,
    find_headers,
    match_sheets,
    own_sheet,
)
from xlkinerja.specs import Form, Sheet

FIELD_REACH = 8  # columns right of a field's label where its value may be


@dataclass(frozen=True)
class Unplaced:
    sheet: str
    cell: str  # A1
    value: str
    reason: str  # Indonesian
    row: int = 0  # zero-based, for the order of the report
    col: int = 0


@dataclass(frozen=True)
class MovedTable:
    key: str
    title: str
    sheet: str  # where it was found in the loose workbook
    header_cell: str  # A1 of its header row's first column
    rows: int  # rows with at least one value


@dataclass
class Transfer:
    form: Form
    values: FormValues
    subtitle: str
    tables: list[MovedTable] = field(default_factory=list)
    fields: int = 0  # fields given a value
    missing: list[str] = field(default_factory=list)  # form pieces not found (Indonesian)
    unplaced: list[Unplaced] = field(default_factory=list)


class _Placement:
    def __init__(self, book: LooseBook, form: Form) -> None:
        self.book = book
        self.form = form
        self.matched = match_sheets(book, form)
        self.used: dict[str, set[tuple[int, int]]] = {n: set() for n in book.sheets}
        self.regions: dict[str, list[tuple[int, int]]] = {n: [] for n in book.sheets}
        self.unplaced: list[Unplaced] = []

    def grid(self, sheet: str) -> Grid:
        return self.book.sheets[sheet]

    def candidates(self, sheet: Sheet) -> list[str]:
        own = [n for n, s in self.matched.items() if s == sheet.name]
        free = [n for n in self.book.sheets if n not in self.matched and not own_sheet(n)]
        return own + free

    def in_region(self, sheet: str, row: int) -> bool:
        return any(first <= row <= last for first, last in self.regions[sheet])

    def report(self, sheet: str, row: int, col: int, value: CellScalar, reason: str) -> None:
        self.used[sheet].add((row, col))
        shown = _shown(value)
        self.unplaced.append(Unplaced(sheet, cell_address(row, col), shown, reason, row, col))

    # -- tables ------------------------------------------------------------------------

    def table_rows(self, header: Header, end: int, static: set[str]) -> list[dict[str, CellScalar]]:
        grid, name, table = self.grid(header.sheet), header.sheet, header.table
        inputs = {c.key for c in table.input_columns}
        self.used[name].update((header.row, c) for c in header.columns)
        for col, text in header.unknown.items():
            reason = f"judul kolom tidak dikenal di tabel '{table.title}'"
            self.report(name, header.row, col, text, reason)
        records: list[dict[str, CellScalar]] = []
        last = header.row
        for row in range(header.row + 1, end + 1):
            cells = grid[row]
            filled = [(c, v) for c, v in enumerate(cells) if v is not None]
            if filled and all(label_key(v) in static for _, v in filled):
                break  # the title of what comes next on the sheet
            record: dict[str, CellScalar] = {}
            for col, value in filled:
                key = header.columns.get(col)
                self.used[name].add((row, col))
                if key in inputs:
                    record[key] = value
                elif key is None:
                    reason = (
                        f"di bawah judul kolom tidak dikenal '{header.unknown[col]}'"
                        if col in header.unknown
                        else "di samping tabel, tanpa judul kolom"
                    )
                    self.report(name, row, col, value, f"{reason} (tabel '{table.title}')")
            records.append(record)
            if filled:
                last = row
        self.regions[name].append((header.row, last))
        while records and not records[-1]:
            records.pop()
        return records

    # -- fields ------------------------------------------------------------------------

    def field_value(self, sheet: Sheet, label: str) -> tuple[bool, CellScalar]:
        wanted = label_key(label)
        for name in self.candidates(sheet):
            for row, cells in enumerate(self.grid(name)):
                if self.in_region(name, row):
                    continue
                for col, value in enumerate(cells):
                    if (row, col) in self.used[name] or label_key(value) != wanted:
                        continue
                    self.used[name].add((row, col))
                    for right in range(col + 1, min(len(cells), col + 1 + FIELD_REACH)):
                        if cells[right] is not None and (row, right) not in self.used[name]:
                            self.used[name].add((row, right))
                            return True, cells[right]
                    return True, None
        return False, None


def place_values(book: LooseBook) -> Transfer:
    """The form `book` holds and its values placed into that form's template."""
    form = find_form(book)
    work = _Placement(book, form)
    start_year = _renstra_start(work, form)
    headers = find_headers(book, form, work.matched, start_year)
    static_all: set[str] = set().union(*(static_keys(s) for s in form.sheets))
    tables: dict[str, list[dict[str, CellScalar]]] = {}
    moved: list[MovedTable] = []
    for header in headers:
        later = [h.row for h in headers if h.sheet == header.sheet and h.row > header.row]
        end = min(later) - 1 if later else len(work.grid(header.sheet)) - 1
        rows = work.table_rows(header, end, static_all)
        tables[header.table.key] = rows
        moved.append(
            MovedTable(
                header.table.key,
                header.table.title,
                header.sheet,
                cell_address(header.row, min(header.columns)),
                sum(1 for r in rows if r),
            )
        )
    found = {h.table.key for h in headers}
    missing = [f"tabel '{t.title}'" for t in form.tables if t.key not in found]
    fields: dict[str, CellScalar] = {}
    for sheet in form.sheets:
        for fld in sheet.fields:
            seen, value = work.field_value(sheet, fld.label)
            if not seen:
                missing.append(f"isian '{fld.label}' (lembar {sheet.name})")
            elif value is not None:
                fields[fld.key] = value
    subtitle = _subtitle(work, form)
    _leftovers(work, form, static_all)
    order = list(book.sheets)
    return Transfer(
        form=form,
        values=FormValues(fields=fields, tables=tables),
        subtitle=subtitle,
        tables=moved,
        fields=len(fields),
        missing=missing,
        unplaced=sorted(work.unplaced, key=lambda u: (order.index(u.sheet), u.row, u.col)),
    )


def _renstra_start(work: _Placement, form: Form) -> int | None:
    """The master's first Renstra year, for headers that name a target by its year."""
    for sheet in form.sheets:
        for fld in sheet.fields:
            if fld.key == "tahun_awal_renstra":
                probe = _Placement(work.book, form)
                _, value = probe.field_value(sheet, fld.label)
                return value if isinstance(value, int) else None
    return None


def _subtitle(work: _Placement, form: Form) -> str:
    """The line under a sheet's title (unit and year), as the first form sheet has it."""
    subtitle = ""
    for name, sheet_name in work.matched.items():
        grid = work.grid(name)
        value = grid[1][0] if len(grid) > 1 and grid[1] else None
        static = static_keys(form.sheet(sheet_name))
        if (
            isinstance(value, str)
            and label_key(value) not in static
            and (1, 0) not in work.used[name]
        ):
            subtitle = subtitle or value
            if value == subtitle:
                work.used[name].add((1, 0))
    return subtitle


def _leftovers(work: _Placement, form: Form, static_all: set[str]) -> None:
    for name, grid in work.book.sheets.items():
        if own_sheet(name):
            continue
        sheet_name = work.matched.get(name)
        static = static_keys(form.sheet(sheet_name)) if sheet_name else static_all
        on_form = sheet_name is not None or any(r for r in work.regions[name])
        for row, cells in enumerate(grid):
            for col, value in enumerate(cells):
                if value is None or (row, col) in work.used[name]:
                    continue
                if label_key(value) in static:
                    continue
                reason = (
                    "di luar tabel dan isian templat"
                    if on_form
                    else f"lembar '{name}' tidak ada di templat {form.title}"
                )
                work.report(name, row, col, value, reason)


def _shown(value: CellScalar) -> str:
    if isinstance(value, date | time):
        return value.isoformat()
    return "" if value is None else str(value)
