"""Column widths and font size of an LKj table from what it holds, the same in the .docx
and the PDF, so that no word has to be broken inside a cell: every column is at least as
wide as its widest word (a shown number, such as "Rp 7.660.000.000" or "103,64 %", counts
as one word), the room left is shared by the columns' relative widths, and the font is
made smaller until the widest words fit the text width.

Text is measured with the Adobe Times metrics that matplotlib ships (AFM files), the
design Times New Roman and Liberation Serif share, so the widths are the same on every
machine; a character the metrics lack counts as wide as "M"."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import matplotlib

from xlkinerja.render.dokumen.lkj_tables import Jenis, Tabel, shown

TEXT_WIDTH_PT = 16.0 / 2.54 * 72  # A4 less the 3 cm left and 2 cm right margins
CELL_MARGIN_PT = 3.0  # left and right inside every table cell
SIZES = (9.5, 9.0, 8.5, 8.0, 7.5, 7.0)  # body text in points, tried in turn
HEADER_SMALLER = 1.0  # the header row's size is the body's less this
SLACK = 1.08  # Times New Roman runs a little wider than Adobe Times in places
# Characters outside ASCII that the chapter uses, by their glyph names in the AFM files.
GLYPHS = {
    "\u2013": "endash",
    "\u2014": "emdash",
    "\u2018": "quoteleft",
    "\u2019": "quoteright",
    "\u201c": "quotedblleft",
    "\u201d": "quotedblright",
    "\u2026": "ellipsis",
    "\u2022": "bullet",
}


@dataclass(frozen=True)
class ColumnLayout:
    widths: list[float]  # points, one per column, the cell margins included
    size: float  # the body cells' font size in points
    header_size: float


@cache
def _metrics(bold: bool) -> dict[str, float]:
    """Advance widths (per 1000 units of the font size) by character and by glyph name."""
    name = "ptmb8a.afm" if bold else "ptmr8a.afm"  # Times-Bold, Times-Roman
    path = Path(matplotlib.get_data_path()) / "fonts" / "afm" / name
    widths: dict[str, float] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if not line.startswith("C "):
            continue
        fields = dict(f.strip().split(" ", 1) for f in line.split(";") if f.strip())
        code, width, glyph = int(fields["C"]), float(fields["WX"]), fields["N"]
        widths[glyph] = width
        if 32 <= code < 127:
            widths[chr(code)] = width
    widths["'"], widths["`"] = widths["quotesingle"], widths["grave"]  # ASCII, not curly
    return widths


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width of `text` in points at `size`."""
    metrics = _metrics(bold)
    wide = metrics["M"]
    units = sum(metrics.get(c, metrics.get(GLYPHS.get(c, ""), wide)) for c in text)
    return units * size / 1000 * SLACK


def _words(tabel: Tabel, column: int) -> list[tuple[str, bool]]:
    """The body's unbreakable pieces of a column, each with whether it is bold."""
    kolom = tabel.kolom[column]
    out: list[tuple[str, bool]] = []
    for n, row in enumerate(tabel.baris):
        bold = tabel.total and n == len(tabel.baris) - 1
        value = row[column]
        text = shown(value, kolom.jenis, tabel.kosong)
        if kolom.jenis != Jenis.TEKS and isinstance(value, int | float):
            out.append((text, bold))  # a number and its unit stay on one line
        else:
            out += [(word, bold) for word in text.split()]
    return out


def _widest(tabel: Tabel, column: int, size: float, header_size: float) -> float:
    header = [text_width(w, header_size, bold=True) for w in tabel.kolom[column].judul.split()]
    body = [text_width(w, size, bold=bold) for w, bold in _words(tabel, column)]
    return max([0.0, *header, *body])


def _spread(least: list[float], weights: list[float], total: float) -> list[float]:
    """`total` shared by `weights`, no column below its least width (which fit in total)."""
    held: set[int] = set()
    while True:
        rest = [i for i in range(len(least)) if i not in held]
        if not rest:
            return least
        free = total - sum(least[i] for i in held)
        scale = free / sum(weights[i] for i in rest)
        short = {i for i in rest if weights[i] * scale < least[i]}
        if not short:
            return [least[i] if i in held else weights[i] * scale for i in range(len(least))]
        held |= short


def column_layout(
    tabel: Tabel, text_width_pt: float = TEXT_WIDTH_PT, cell_margins_pt: float = 2 * CELL_MARGIN_PT
) -> ColumnLayout:
    """The widths and font sizes for `tabel` within `text_width_pt`.

    The largest size of SIZES at which every column's widest word fits; where even the
    smallest does not, the columns keep their widest words and the table runs wider."""
    weights = [k.lebar for k in tabel.kolom]
    least: list[float] = []
    for size in SIZES:
        header_size = size - HEADER_SMALLER
        least = [
            _widest(tabel, c, size, header_size) + cell_margins_pt for c in range(len(tabel.kolom))
        ]
        if sum(least) <= text_width_pt:
            return ColumnLayout(_spread(least, weights, text_width_pt), size, header_size)
    return ColumnLayout(least, SIZES[-1], SIZES[-1] - HEADER_SMALLER)
