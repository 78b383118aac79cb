"""A worksheet that writes big tables fast: blocks of rows given column-wise.

XlsxWriter keeps every cell as a Python object and renders it at close (~220k cells/s on
the project's machine). `FastWorksheet.add_rows` takes a block of rows as columns (arrays of
values, one format per column or one per row), factorizes each column once, renders the XML
of each distinct (value, format) once, and at close writes the block's `<row>` elements with
one `str.format` per row (~1.2M cells/s including the zip, see benchmarks/writer_bench.py).
Everything else on the sheet (titles, headers, merged cells, charts, page setup, autofilter)
is XlsxWriter's own, written with its public API; strings go into XlsxWriter's shared
string table, so a block's cells are exactly the cells `write_string`/`write_number` make.

This leans on XlsxWriter internals (pinned in pyproject): `_write_rows`, `_check_dimensions`,
`dim_rowmin/dim_rowmax`, `fh`, `str_table` and `Format._get_xf_index`. A test writes the same
table both ways and compares values and formats cell by cell.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import partial
from typing import Any, Protocol

import numpy as np
import pandas as pd
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from xlkinerja.files.ooxml.xmltext import escape_cell_text, t_element
from xlkinerja.runtime.forked import ForkedText

EXCEL_EPOCH = datetime(1899, 12, 30)
MAX_STRING = 32767  # Excel's limit on the characters of a cell
CHUNK_ROWS = 20_000  # rows rendered per write to the sheet file


@dataclass(frozen=True)
class BlockColumn:
    """One column of a block: its values (None/NaN = blank) and its format(s).

    `formats` is one XlsxWriter Format for every cell, or a sequence with one Format per
    row (e.g. a red fill on late rows); a blank value still gets its format (borders, fill).
    """

    values: Any  # a sequence, NumPy array or pandas Series
    formats: Any


@dataclass(frozen=True)
class CodedFormats:
    """One format per row given as codes into `uniques` (as pd.factorize gives them): for a
    caller that knows the rows' looks already, so the block need not factorize formats."""

    codes: np.ndarray
    uniques: Sequence[Any]


def _coded(formats: Any) -> tuple[np.ndarray, list[Any]]:
    if isinstance(formats, CodedFormats):
        return formats.codes, list(formats.uniques)
    codes, uniques = pd.factorize(np.asarray(formats, dtype=object))
    return codes, uniques.tolist()


@dataclass(frozen=True)
class _Block:
    first: int  # zero-based sheet rows, inclusive
    last: int
    template: str
    heights: np.ndarray  # one row-attribute string per row ('' or ' ht=".." customHeight="1"')
    tails: tuple[np.ndarray, ...]  # per column: per row, the cell XML after `<c r="A1"`

    def write(self, fh: Any) -> None:
        numbers = range(self.first + 1, self.last + 2)
        for start in range(0, len(numbers), CHUNK_ROWS):
            end = start + CHUNK_ROWS
            parts = (tail[start:end] for tail in self.tails)
            fh.write(
                "".join(
                    map(self.template.format, numbers[start:end], self.heights[start:end], *parts)
                )
            )


def _as_array(values: Any) -> np.ndarray:
    if isinstance(values, pd.Series):
        if pd.api.types.is_float_dtype(values.dtype) and not isinstance(
            values.dtype, pd.ArrowDtype
        ):
            return values.to_numpy(dtype=float, na_value=np.nan)
        return values.to_numpy(dtype=object)
    if isinstance(values, np.ndarray):
        return values.astype(float, copy=False) if values.dtype.kind == "f" else values
    items = values if isinstance(values, list) else list(values)
    if items and all(type(v) is float for v in items):
        return np.array(items, dtype=float)
    # No np.asarray here: its type discovery asks every object (a cell format, a text) for
    # the array protocols, ~4 µs each — seconds for a sheet of 300,000 rows.
    return np.fromiter(items, dtype=object, count=len(items))


def _excel_serial(value: date | datetime | time) -> float:
    if isinstance(value, datetime):
        return (value.replace(tzinfo=None) - EXCEL_EPOCH).total_seconds() / 86400
    if isinstance(value, date):
        return float((value - EXCEL_EPOCH.date()).days)
    return (value.hour * 3600 + value.minute * 60 + value.second) / 86400


class _Renderer:
    """Cell XML of one value, without the `<c r=".." s=".."` head; None = a blank cell.
    Texts go into the shared string table `sst`, or inline (`t="inlineStr"`) without one."""

    def __init__(self, sst: Any | None) -> None:
        self.sst = sst

    def body(self, value: object) -> str | None:
        if value is None:
            return None
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, bool | np.bool_):
            return f' t="b"><v>{int(value)}</v></c>'
        if isinstance(value, int | float | np.integer | np.floating):
            number = float(value)
            return f"><v>{number:.16g}</v></c>" if math.isfinite(number) else None
        if isinstance(value, date | datetime | time):
            return f"><v>{_excel_serial(value):.16g}</v></c>"
        return self.text(str(value))

    def text(self, value: str) -> str | None:
        if not value:
            return None  # as XlsxWriter: an empty string is a blank cell
        if len(value) > MAX_STRING:
            value = value[: MAX_STRING - 1] + "…"
        if self.sst is None:
            return f' t="inlineStr"><is>{t_element(escape_cell_text(value))}</is></c>'
        return f' t="s"><v>{self.sst._get_shared_string_index(value)}</v></c>'


def _bodies(
    array: np.ndarray, renderer: _Renderer
) -> tuple[np.ndarray, list[str | None], np.ndarray]:
    """Factorized values: per row a slot (0 = blank), per slot its XML body, and per slot
    whether it is a shared string."""
    if array.dtype.kind == "f":  # numbers only: no type to look at
        codes, uniques = pd.factorize(np.where(np.isfinite(array), array, np.nan))
        bodies: list[str | None] = [None, *(f"><v>{x:.16g}</v></c>" for x in uniques.tolist())]
        return codes.astype(np.int64) + 1, bodies, np.zeros(len(bodies), dtype=np.int64)
    codes, uniques = pd.factorize(array, use_na_sentinel=True)
    bodies = [None]  # slot 0: blank (code -1)
    strings = np.zeros(len(uniques) + 1, dtype=np.int64)
    for i, value in enumerate(uniques.tolist(), start=1):
        if isinstance(value, str):
            body = renderer.text(value)
            strings[i] = body is not None
        else:
            body = renderer.body(value)
        bodies.append(body)
    return codes.astype(np.int64) + 1, bodies, strings


def _tails(values: Any, formats: Any, renderer: _Renderer) -> tuple[np.ndarray, int]:
    """Per row, the cell XML after `<c r="A1"`; and the number of string cells."""
    slots, bodies, strings = _bodies(_as_array(values), renderer)
    string_cells = int(strings[slots].sum())
    string_uniques = int(strings.sum())
    if string_cells > string_uniques and renderer.sst is not None:
        renderer.sst.count += string_cells - string_uniques  # one per cell, as write_string

    if isinstance(formats, CodedFormats | Sequence | np.ndarray | pd.Series) and not isinstance(
        formats, str
    ):
        fcodes, funiques = _coded(formats)
        if len(fcodes) != len(slots):
            raise ValueError("formats: one per row")
        xfs = [f._get_xf_index() if f is not None else 0 for f in funiques]
        key = slots * len(xfs) + fcodes
        kcodes, kuniques = pd.factorize(key)
        lut = [
            f' s="{xfs[k % len(xfs)]}"' + (bodies[k // len(xfs)] or "/>") for k in kuniques.tolist()
        ]
        return np.array(lut, dtype=object)[kcodes], string_cells
    xf = formats._get_xf_index() if formats is not None else 0
    lut = [f' s="{xf}"' + (body or "/>") for body in bodies]
    return np.array(lut, dtype=object)[slots], string_cells


def _height_attrs(heights: Any, n: int) -> np.ndarray:
    if heights is None:
        return np.full(n, "", dtype=object)
    array = np.asarray(heights, dtype=float)
    if len(array) != n:
        raise ValueError("heights: one per row")
    codes, uniques = pd.factorize(array, use_na_sentinel=True)
    lut = [""] + [f' ht="{h:g}" customHeight="1"' for h in uniques.tolist()]
    return np.array(lut, dtype=object)[codes + 1]


def render_block(
    first_row: int,
    columns: Sequence[BlockColumn],
    heights: Any = None,
    first_col: int = 0,
    sst: Any | None = None,
) -> _Block:
    """The rows of `columns` from `first_row`, rendered (see `FastWorksheet.add_rows`): with
    XlsxWriter's shared string table `sst`, or with inline strings without one (then no
    workbook state is touched, and the block can be rendered in another process — its
    formats' xf indexes made beforehand)."""
    n = len(_as_array(columns[0].values))
    if callable(heights):
        heights = heights()
    tails = tuple(_tails(c.values, c.formats, _Renderer(sst))[0] for c in columns)
    letters = [xl_col_to_name(first_col + i) for i in range(len(columns))]
    cells = "".join(f'<c r="{letter}{{0}}"{{{i + 2}}}' for i, letter in enumerate(letters))
    template = '<row r="{0}"{1}>' + cells + "</row>"
    return _Block(first_row, first_row + n - 1, template, _height_attrs(heights, n), tails)


def _render_inline(
    first_row: int, columns: Sequence[BlockColumn], heights: Any, first_col: int, file: Any
) -> None:
    render_block(first_row, columns, heights, first_col).write(file)


def _assign_xf_indexes(formats: Any) -> None:
    """Give the formats of a column their xf index now, in the order rendering here would
    (a block rendered elsewhere reads them)."""
    if isinstance(formats, CodedFormats | Sequence | np.ndarray | pd.Series) and not isinstance(
        formats, str
    ):
        for fmt in _coded(formats)[1]:
            if fmt is not None:
                fmt._get_xf_index()
    elif formats is not None:
        formats._get_xf_index()


class RenderedRows(Protocol):
    def write(self, fh: Any) -> None:
        """Write the rows' XML (`<row>` elements) to the sheet file `fh`."""

    def close(self) -> None:
        """Stop rendering them: the sheet is not written."""


@dataclass(frozen=True)
class _Rendered:
    first: int
    last: int
    source: RenderedRows

    def write(self, fh: Any) -> None:
        self.source.write(fh)


class FastWorksheet(Worksheet):  # type: ignore[misc]  # XlsxWriter ships no type hints
    """An XlsxWriter worksheet with `add_rows` for big tables (see the module docstring)."""

    # XlsxWriter's own attributes this class reads and sets
    dim_rowmin: int | None
    dim_rowmax: int | None
    row_spans: dict[int, str]

    def __init__(self) -> None:
        super().__init__()
        self._blocks: list[_Block | _Rendered] = []

    def add_rows(
        self,
        first_row: int,
        columns: Sequence[BlockColumn],
        heights: Any = None,
        first_col: int = 0,
        *,
        background: bool = False,
    ) -> int:
        """Write a block of rows from `first_row` on; returns the row after the block.

        `heights` is None, one height in points per row (NaN/None = default height), or a
        function that gives them. The block's rows must hold nothing else: no other cell and
        no `set_row`. `background`: the block is rendered by a forked child process while
        this one goes on (runtime/forked.py; its texts then inline strings, not shared ones).
        """
        if not columns:
            return first_row
        lengths = {len(_as_array(c.values)) for c in columns}
        if len(lengths) != 1:
            raise ValueError(f"columns of different lengths: {sorted(lengths)}")
        n = lengths.pop()
        if n == 0:
            return first_row
        last_row, last_col = first_row + n - 1, first_col + len(columns) - 1
        if self._check_dimensions(first_row, first_col) or self._check_dimensions(
            last_row, last_col
        ):
            raise ValueError(f"rows {first_row}..{last_row} are outside the worksheet")
        if background:
            for column in columns:
                _assign_xf_indexes(column.formats)
            render = partial(_render_inline, first_row, columns, heights, first_col)
            return self.add_rendered(first_row, n, len(columns), ForkedText(render), first_col)
        self._add_block(render_block(first_row, columns, heights, first_col, self.str_table))
        return last_row + 1

    def add_block(self, block: _Block) -> int:
        """Add a block made by `render_block` with this workbook's shared string table;
        returns the row after it."""
        if self._check_dimensions(block.first, 0) or self._check_dimensions(block.last, 0):
            raise ValueError(f"rows {block.first}..{block.last} are outside the worksheet")
        self._add_block(block)
        return block.last + 1

    def add_rendered(
        self, first_row: int, rows: int, cols: int, source: RenderedRows, first_col: int = 0
    ) -> int:
        """Reserve `rows` rows of `cols` columns from `first_row` for rows rendered elsewhere
        (`render_block` without a shared string table, e.g. in a child process): `source`
        writes their XML when the sheet is written. Returns the row after them."""
        if rows <= 0:
            return first_row
        last_row = first_row + rows - 1
        if self._check_dimensions(first_row, first_col) or self._check_dimensions(
            last_row, first_col + cols - 1
        ):
            raise ValueError(f"rows {first_row}..{last_row} are outside the worksheet")
        self._add_block(_Rendered(first_row, last_row, source))
        return last_row + 1

    def abandon(self) -> None:
        """Stop the child processes still rendering this sheet's blocks (the workbook is
        not written after all)."""
        for block in self._blocks:
            if isinstance(block, _Rendered):
                block.source.close()

    def _add_block(self, block: _Block | _Rendered) -> None:
        for other in self._blocks:
            if block.first <= other.last and other.first <= block.last:
                raise ValueError(f"rows {block.first}..{block.last} overlap an earlier block")
        self._blocks.append(block)
        self._blocks.sort(key=lambda b: b.first)

    # -- XlsxWriter hook: its own rows, with the blocks spliced in at their place --------

    def _write_rows(self) -> None:
        if not self._blocks:
            super()._write_rows()
            return
        self._check_no_clash()
        lowest, highest = self.dim_rowmin, self.dim_rowmax
        if lowest is None or highest is None:  # cannot be: the blocks set them
            raise RuntimeError("worksheet dimensions are not set")
        try:
            cursor = lowest
            for block in self._blocks:
                if block.first > cursor:
                    self._write_own_rows(cursor, block.first - 1)
                block.write(self.fh)
                cursor = block.last + 1
            if cursor <= highest:
                self._write_own_rows(cursor, highest)
        finally:
            self.dim_rowmin, self.dim_rowmax = lowest, highest

    def _write_own_rows(self, first: int, last: int) -> None:
        self.dim_rowmin, self.dim_rowmax = first, last
        super()._write_rows()

    def _calculate_spans(self) -> None:
        if not self._blocks:
            super()._calculate_spans()
            return
        self.row_spans = {}  # spans are optional hints; XlsxWriter's would miss the blocks

    def _check_no_clash(self) -> None:
        used = [r for r, cells in self.table.items() if cells]
        used += list(self.row_info)
        for block in self._blocks:
            clash = [r for r in used if block.first <= r <= block.last]
            if clash:
                raise ValueError(
                    f"row {clash[0] + 1} has cells or row settings inside a block "
                    f"(rows {block.first + 1}..{block.last + 1})"
                )
