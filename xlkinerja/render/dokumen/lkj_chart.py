"""A chart per sasaran for the Laporan Kinerja: each IKU's capaian this year and in the
earlier years the archive holds, against the 100 % line (matplotlib, Agg, no pyplot), its
text in the documents' font where it is installed."""

from __future__ import annotations

import textwrap
from functools import cache
from io import BytesIO

import matplotlib
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from xlkinerja.kompilasi.lkj import Lkj, SasaranLkj
from xlkinerja.render.dokumen.docx_base import FONT
from xlkinerja.render.dokumen.teks import persen

COLOURS = ("#dae3f3", "#b4c7e7", "#8faadc", "#5b7fc4", "#2f5597")  # older → this year
# The documents' font, its metric twin, or STIX (a Times design that matplotlib ships).
CHART_FONTS = (FONT, "Liberation Serif", "STIXGeneral")


@cache
def chart_font() -> str:
    """The first of CHART_FONTS that matplotlib finds."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next(name for name in CHART_FONTS if name in installed)


def _label(kode: str, indikator: str, count: int) -> str:
    """The IKU's code and its indicator in at most two short lines under its bars."""
    width = max(14, 84 // max(count, 1))
    short = textwrap.shorten(indikator, width * 2, placeholder="…")
    return kode + "\n" + "\n".join(textwrap.wrap(short, width)[:2])


def chart_png(lkj: Lkj, sasaran: SasaranLkj) -> bytes:
    """The chart as PNG bytes (about 16 × 7.5 cm at 200 dpi)."""
    with matplotlib.rc_context({"font.family": [chart_font()]}):
        return _draw(lkj, sasaran)


def _draw(lkj: Lkj, sasaran: SasaranLkj) -> bytes:
    series: list[tuple[str, list[float | None]]] = []
    for year in lkj.tahun_riwayat:
        values = [
            next((t.capaian for y, t in iku.riwayat if y == year and t is not None), None)
            for iku in sasaran.iku
        ]
        if any(v is not None for v in values):  # a year without data: said in the tables
            series.append((str(year), values))
    series.append((f"{lkj.tahun or ''} (s.d. {lkj.tw_nama})", [i.capaian for i in sasaran.iku]))
    figure = Figure(figsize=(6.3, 3.0), dpi=200)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    n = len(series)
    width = 0.8 / n
    xs = range(len(sasaran.iku))
    for k, (label, values) in enumerate(series):
        colour = COLOURS[max(0, len(COLOURS) - n + k)]
        offsets = [x - 0.4 + width * (k + 0.5) for x in xs]
        heights = [v if v is not None else 0.0 for v in values]
        bars = axes.bar(offsets, heights, width * 0.9, label=label, color=colour)
        for bar, value in zip(bars, values, strict=True):
            text = persen(value).replace(" %", "%") if value is not None else "tidak ada data"
            axes.annotate(
                text,
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                ha="center",
                va="bottom",
                fontsize=6,
                xytext=(0, 1.5),
                textcoords="offset points",
            )
    axes.axhline(100, color="#c00000", linewidth=0.8, linestyle="--", label="100%")
    axes.set_xticks(list(xs))
    axes.set_xticklabels(
        [_label(i.kode_iku, i.indikator, len(sasaran.iku)) for i in sasaran.iku],
        fontsize=6,
    )
    axes.set_ylabel("Capaian (%)", fontsize=7)
    axes.tick_params(axis="y", labelsize=6)
    top = max([100.0] + [v for _, vs in series for v in vs if v is not None])
    axes.set_ylim(0, top * 1.18)
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(fontsize=6, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    axes.set_title(
        textwrap.fill(f"{sasaran.kode_ss}: {sasaran.sasaran}", 110), fontsize=7.5, loc="left"
    )
    figure.tight_layout()
    out = BytesIO()
    figure.savefig(out, format="png", metadata={"Software": None})
    return out.getvalue()
