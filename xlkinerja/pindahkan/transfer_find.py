"""Where a form's pieces are in a loose workbook: which form it is, which of its sheets is
which form sheet, and the header row of every table (by the labels, see label_match.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from xlkinerja.core.form_data import CellScalar
from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.pindahkan.label_match import label_key, sheet_keys, target_year
from xlkinerja.pindahkan.loose_reader import LooseBook
from xlkinerja.specs import FORMS, Form, Table, form_of
from xlkinerja.specs.template_meta import META_SHEET

# Sheets the template writes for itself (and validasi's report): never data to move.
OWN_SHEETS = frozenset(
    label_key(n) for n in ("Petunjuk", "Daftar", META_SHEET, "Hasil Validasi")
) | {"meta"}

Grid = list[list[CellScalar]]


@dataclass(frozen=True)
class Header:
    table: Table
    sheet: str  # the loose workbook's sheet
    row: int  # zero-based
    columns: dict[int, str]  # zero-based column → column key
    unknown: dict[int, str]  # zero-based column → the header text no column has


def find_form(book: LooseBook) -> Form:
    """The form the workbook says it is, else the one whose sheet names it has (most)."""
    form = form_of(book.template_id) if book.template_id else None
    if form is not None:
        return form
    names = {label_key(n) for n in book.sheets}
    scores = {f: len(names & set(sheet_keys(f))) for f in FORMS.values()}
    best = max(scores.values(), default=0)
    found = [f for f, s in scores.items() if s == best]
    if best == 0:
        scores = {f: _header_hits(book, f) for f in FORMS.values()}
        best = max(scores.values(), default=0)
        found = [f for f, s in scores.items() if s == best]
    if best == 0 or len(found) != 1:
        raise WorkbookError(
            "bentuk workbook tidak dikenali: tidak ada lembar atau judul kolom templat "
            "xlkinerja (master, unit, SKP) di dalamnya.",
            code=ErrorCode.TEMPLAT_TIDAK_DIKENALI,
            path=book.path,
            hint="Pastikan nama lembar dan judul kolom tabel masih seperti di templat.",
        )
    return found[0]


def _header_hits(book: LooseBook, form: Form) -> int:
    hits = 0
    for table in form.tables:
        wanted = {label_key(c.label) for c in table.columns}
        for grid in book.sheets.values():
            if any(len(wanted & {label_key(v) for v in row}) >= _needed(table) for row in grid):
                hits += 1
                break
    return hits


def match_sheets(book: LooseBook, form: Form) -> dict[str, str]:
    """Loose sheet → the form sheet of the same name (its label key)."""
    keys = sheet_keys(form)
    return {name: keys[label_key(name)] for name in book.sheets if label_key(name) in keys}


def own_sheet(name: str) -> bool:
    return label_key(name) in OWN_SHEETS


def find_headers(
    book: LooseBook, form: Form, matched: dict[str, str], start_year: int | None
) -> list[Header]:
    """The header row of every table found: on the sheet of its name first, else on a
    sheet of no form name; each row heads one table at most."""
    free = [n for n in book.sheets if n not in matched and not own_sheet(n)]
    claimed: set[tuple[str, int]] = set()
    found: list[Header] = []
    for sheet in form.sheets:
        own = [n for n, s in matched.items() if s == sheet.name]
        for table in sheet.tables:
            best: tuple[int, int, int, str] | None = None
            for rank, name in enumerate([*own, *free]):
                for row, cells in enumerate(book.sheets[name]):
                    if (name, row) in claimed:
                        continue
                    score = len(map_header(table, cells, start_year)[0])
                    if score < _needed(table):
                        continue
                    candidate = (-score, rank, row, name)
                    if best is None or candidate < best:
                        best = candidate
            if best is None:
                continue
            _, _, row, name = best
            claimed.add((name, row))
            columns, unknown = map_header(table, book.sheets[name][row], start_year)
            found.append(Header(table, name, row, columns, unknown))
    return found


def map_header(
    table: Table, cells: Sequence[CellScalar], start_year: int | None
) -> tuple[dict[int, str], dict[int, str]]:
    """Which cell of a row is which column of `table` (the first of two equal labels
    wins), and the texts no column has."""
    by_key = {label_key(c.label): c.key for c in table.columns}
    columns: dict[int, str] = {}
    unknown: dict[int, str] = {}
    for col, value in enumerate(cells):
        key = label_key(value)
        if not key:
            if value is not None:
                unknown[col] = str(value)
            continue
        column = by_key.get(key) or by_key.get(_year_key(key, by_key, start_year))
        if column is not None and column not in columns.values():
            columns[col] = column
        else:
            unknown[col] = str(value)
    return columns, unknown


def _year_key(key: str, by_key: dict[str, str], start_year: int | None) -> str:
    """ "target 2026" → "target tahun 2" (Renstra from 2025) or plain "target"."""
    year = target_year(key)
    if year is None:
        return ""
    if start_year is not None and f"target tahun {year - start_year + 1}" in by_key:
        return f"target tahun {year - start_year + 1}"
    return "target" if "target" in by_key else ""


def _needed(table: Table) -> int:
    """Labels a row must share with the table to be its header."""
    count = len(table.columns)
    return min(count, max(2, (count + 1) // 2))
