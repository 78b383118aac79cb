"""Tables, headings and print setup shared by the sheets of the compiled workbook."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from xlkinerja.render.fastsheet import BlockColumn, FastWorksheet
from xlkinerja.render.rekap.styles import BOLD_VARIANTS, Kolom, Styles, status_key
from xlkinerja.render.template.writer import LINE_HEIGHT

MAX_LINES = 8  # a row never grows past this many lines of wrapped text
CHARS_PER_WIDTH = 1.25  # characters of 10-pt text per unit of column width (LibreOffice)


def set_widths(ws: Any, kolom: Sequence[Kolom]) -> None:
    for col, k in enumerate(kolom):
        ws.set_column(col, col, k.width)


def write_header(ws: Any, styles: Styles, row: int, kolom: Sequence[Kolom]) -> int:
    """The header row of a table; returns the next row."""
    for col, k in enumerate(kolom):
        ws.write_string(row, col, k.header, styles.header)
    lines = max(wrapped_lines(k.header, _per_line(k.width, bold=True)) for k in kolom)
    ws.set_row(row, LINE_HEIGHT * lines + 6)
    return row + 1


def _per_line(width: float, indent: int = 0, bold: bool = False) -> int:
    """Characters of 10-pt Calibri (LibreOffice: Carlito) on one line of a column."""
    return max(1, int(width * (1.05 if bold else CHARS_PER_WIDTH)) - 2 * indent)


def wrapped_lines(text: str, per_line: int) -> int:
    """Lines a text takes when wrapped at word boundaries, as a spreadsheet does."""
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        current = 0
        for word in paragraph.split():
            size = len(word)
            if current and current + 1 + size <= per_line:
                current += 1 + size
                continue
            if current:
                lines += 1
            current = size
            while current > per_line:  # a word longer than the line breaks anywhere
                lines += 1
                current -= per_line
    return max(lines, 1)


def _line_counts(texts: list[str], per_line: int) -> np.ndarray:
    """Lines of each text, and 1 more entry (for blanks) at the end."""
    counts = np.ones(len(texts) + 1, dtype=np.int64)
    for i, text in enumerate(texts):
        if len(text) > per_line or "\n" in text:  # shorter ones fit on one line
            counts[i] = wrapped_lines(text, per_line)
    return counts


def row_heights(
    values: Sequence[Any], kolom: Sequence[Kolom], bold: np.ndarray | None = None
) -> np.ndarray:
    """Heights (points) that show wrapped text whole; NaN where one line is enough.

    `bold`: per row, whether its text is bold (wider). Each distinct text is measured once
    (indicator texts repeat for every quarter)."""
    n = len(values[0]) if values else 0
    lines = np.ones(n, dtype=np.int64)
    for vals, k in zip(values, kolom, strict=True):
        if not k.wrap:
            continue
        codes, uniques = pd.factorize(np.asarray(vals, dtype=object), use_na_sentinel=True)
        texts = [u if isinstance(u, str) else "" for u in uniques]
        plain = _per_line(k.width, 1 if k.indent else 0)
        found = _line_counts(texts, plain)[codes]
        if bold is not None and bold.any():
            wide = _line_counts(texts, _per_line(k.width, 0, bold=True))
            found = np.where(bold, wide[codes], found)
        lines = np.maximum(lines, found)
    lines = np.minimum(lines, MAX_LINES)
    return np.where(lines > 1, LINE_HEIGHT * lines + 2, np.nan)


def column_formats(
    styles: Styles,
    kolom: Kolom,
    variants: np.ndarray | None,
    statuses: np.ndarray | None,
    values: Any = None,
) -> Any:
    """One Format for the column, or one per row when rows differ (variant, status, and for
    an "angka" column whether its number has a fraction: `values`)."""
    fractions = _fractions(values) if kolom.jenis == "angka" and values is not None else None
    if fractions is not None and not fractions.any():
        fractions = None
    if variants is None and fractions is None and (statuses is None or not kolom.status):
        return styles.cell(kolom)
    n = next(len(a) for a in (variants, statuses, fractions) if a is not None)
    vcodes, vuniques = (
        pd.factorize(variants) if variants is not None else (np.zeros(n, np.int64), ["biasa"])
    )
    if statuses is not None and kolom.status:
        scodes, suniques = pd.factorize(statuses, use_na_sentinel=True)
        skeys: list[Any] = [None, *suniques.tolist()]
        scodes = scodes + 1
    else:
        scodes, skeys = np.zeros(n, np.int64), [None]
    fcodes = np.zeros(n, np.int64) if fractions is None else fractions.astype(np.int64)
    key = (vcodes.astype(np.int64) * len(skeys) + scodes) * 2 + fcodes
    kcodes, kuniques = pd.factorize(key)
    lut = np.empty(len(kuniques), dtype=object)
    for i, k in enumerate(kuniques.tolist()):
        v, f = divmod(k, 2)
        variant = str(list(vuniques)[v // len(skeys)])
        lut[i] = styles.cell(kolom, variant, status_key(skeys[v % len(skeys)]), bool(f))
    return lut[kcodes]


def _fractions(values: Any) -> np.ndarray:
    """Per row whether the value is a number with a fraction (18.33, not 18 or text)."""
    numbers = pd.to_numeric(pd.Series(np.asarray(values, dtype=object)), errors="coerce")
    array = numbers.to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        fractional: np.ndarray = np.isfinite(array) & (array != np.round(array))
    return fractional


def write_table(
    ws: FastWorksheet,
    styles: Styles,
    first_row: int,
    kolom: Sequence[Kolom],
    values: Sequence[Any],
    variants: Any = None,
    statuses: Any = None,
    cell_variants: Mapping[int, Any] | None = None,
    *,
    background: bool = False,
) -> int:
    """Rows of a table from `first_row` on (columns of values); returns the next row.
    `background`: rendered by a child process meanwhile (FastWorksheet.add_rows).

    `variants`: per row the look of the row (see styles.VARIANTS), None = all "biasa";
    `statuses`: per row the status ("merah"/"kuning"/"hijau"/None) for status columns;
    `cell_variants`: for some columns (by index), per row a look that replaces the row's.
    """
    if not values or len(values[0]) == 0:
        return first_row
    var = None if variants is None else np.asarray(variants, dtype=object)
    sts = None if statuses is None else np.asarray(statuses, dtype=object)
    own = {c: np.asarray(v, dtype=object) for c, v in (cell_variants or {}).items()}
    columns = [
        BlockColumn(vals, column_formats(styles, k, own.get(col, var), sts, vals))
        for col, (vals, k) in enumerate(zip(values, kolom, strict=True))
    ]
    bold = None if var is None else np.isin(var, list(BOLD_VARIANTS))
    heights = partial(row_heights, values, kolom, bold)
    return ws.add_rows(first_row, columns, heights=heights, background=background)


def section(ws: Any, styles: Styles, row: int, title: str, last_col: int) -> None:
    """A section title, underlined across the table's width."""
    ws.write_string(row, 0, title, styles.bagian)
    for col in range(1, last_col + 1):
        ws.write_blank(row, col, None, styles.bagian)


def heading(ws: Any, styles: Styles, title: str, note: str | None, kolom: Sequence[Kolom]) -> int:
    """Title (row 1) and a note wrapped across the table's width (row 2); returns the next
    free row."""
    ws.write_string(0, 0, title, styles.judul)
    ws.set_row(0, 22)
    if note:
        width = sum(k.width for k in kolom)
        ws.merge_range(1, 0, 1, len(kolom) - 1, note, styles.catatan_lebar)
        lines = wrapped_lines(note, int(width * 1.3))
        ws.set_row(1, 12 * lines + 3)
    return 3


def print_setup(
    ws: Any,
    *,
    title: str,
    instansi: str,
    disusun: str,
    header_row: int | None,
    last_col: int,
    last_row: int | None = None,
    freeze: bool = True,
) -> None:
    """A4 landscape, one page wide, header row repeated, page numbers, frozen header."""
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.7)
    ws.hide_gridlines(2)
    left = (instansi or "").replace("&", "&&")
    ws.set_header(f"&L&8{left}&R&8{title.replace('&', '&&')}", {"margin": 0.3})
    ws.set_footer(f"&L&8Disusun {disusun}&R&8Halaman &P dari &N", {"margin": 0.3})
    if header_row is not None:
        ws.repeat_rows(header_row)
        if freeze:
            ws.freeze_panes(header_row + 1, 0)
        if last_row is not None and last_row > header_row:
            ws.autofilter(header_row, 0, last_row, last_col)
