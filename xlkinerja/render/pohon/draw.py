"""Draw the cascade tree to SVG and PNG with matplotlib (Agg, no display).

The positions come from `layout.py`; this module only paints them, on a bare `Figure` with
an Agg canvas (no pyplot, no global backend switch). Output is byte-stable: fixed SVG hash
salt, no dates in the metadata, text drawn as paths with the DejaVu Sans that matplotlib
ships (no system fonts involved).
"""

from __future__ import annotations

import warnings
from functools import lru_cache
from pathlib import Path

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import FancyBboxPatch, Rectangle
from matplotlib.textpath import text_to_path
from matplotlib.typing import LineStyleType

from xlkinerja.cascade.layout import (
    BOX_WIDTH,
    COLUMN_TITLE_Y,
    COLUMN_TITLES,
    GROUP_GAP,
    MARGIN,
    ORPHAN_SUBTITLE,
    ORPHAN_TITLE,
    PAD_X,
    PAD_Y,
    NodeBox,
    TreeLayout,
    angka,
    layout_tree,
)
from xlkinerja.cascade.tree import CascadeTree, Problem
from xlkinerja.core.version import VERSION as __version__
from xlkinerja.domain.status import Status
from xlkinerja.files.atomic import atomic_path

FONT = "DejaVu Sans"
RC = {
    "font.family": [FONT],
    "svg.fonttype": "path",
    "svg.hashsalt": "xlkinerja",
    "path.simplify": False,
}
PNG_DPI = 110.0
MAX_PNG_PIXELS = 30_000  # matplotlib/Agg limit is 2**16 per side; stay well below

INK = "#222222"
MUTED = "#5A5A5A"
TITLE_BLUE = "#1F4E78"
EDGE_GREY = "#8C8C8C"
BAND = "#F3F5F8"  # every other IKU subtree, to guide the eye across
BORDER = "#6B6B6B"
ALARM = "#C00000"
FILLS: dict[Status | None, str] = {
    Status.HIJAU: "#BFE5B8",
    Status.KUNING: "#FFE59A",
    Status.MERAH: "#F5B5B5",
    None: "#E3E3E3",
}
ROUNDING = 0.06
UNCOVERED_DASH: LineStyleType = (0, (3.0, 1.6))
MEASURE_SLACK = 1.02  # Agg's hinted text runs up to ~0.6 % wider than the outlines


@lru_cache(maxsize=4096)
def measure(text: str, size: float, bold: bool) -> float:
    """Width in points of `text` as matplotlib draws it (from the font's outlines)."""
    prop = FontProperties(family=FONT, size=size, weight="bold" if bold else "normal")
    width, _, _ = text_to_path.get_text_width_height_descent(text, prop, ismath=False)
    return float(width) * MEASURE_SLACK


def _status(box: NodeBox) -> Status | None:
    return box.node.status  # decided by the tree builder with the institution's thresholds


def _text(
    ax: Axes,
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    bold: bool = False,
    color: str = INK,
    ha: str = "left",
) -> None:
    ax.text(
        x,
        y,
        text,
        fontsize=size,
        fontweight="bold" if bold else "normal",
        color=color,
        ha=ha,
        va="top",
        parse_math=False,
        zorder=4,
    )


def _draw_box(ax: Axes, box: NodeBox) -> None:
    node = box.node
    edgecolor, linewidth = BORDER, 0.8
    linestyle: LineStyleType = "solid"
    if node.problem is Problem.UNCOVERED:
        edgecolor, linewidth, linestyle = ALARM, 2.6, UNCOVERED_DASH
    elif box.orphan:
        edgecolor, linewidth = ALARM, 2.2
    ax.add_patch(
        FancyBboxPatch(
            (box.x, box.y),
            box.width,
            box.height,
            boxstyle=f"round,pad=0,rounding_size={ROUNDING}",
            facecolor=FILLS[_status(box)],
            edgecolor=edgecolor,
            linewidth=linewidth,
            linestyle=linestyle,
            zorder=3,
        )
    )
    y = box.y + PAD_Y
    for line in box.lines:
        color = ALARM if line.alarm else INK
        _text(ax, box.x + PAD_X, y, line.text, line.size, bold=line.bold, color=color)
        if line.right:
            right = box.right - PAD_X
            _text(ax, right, y, line.right, line.size, bold=line.right_bold, ha="right")
        y += line.height


def _legend(ax: Axes, layout: TreeLayout) -> None:
    kuning, hijau = angka(layout.kuning), angka(layout.hijau)
    entries: list[tuple[str, str, float, LineStyleType, str]] = [
        (FILLS[Status.HIJAU], BORDER, 0.8, "solid", f"hijau: capaian > {hijau} %"),
        (FILLS[Status.KUNING], BORDER, 0.8, "solid", f"kuning: capaian {kuning}–{hijau} %"),
        (FILLS[Status.MERAH], BORDER, 0.8, "solid", f"merah: capaian < {kuning} %"),
        (FILLS[None], BORDER, 0.8, "solid", "abu-abu: belum ada capaian"),
        ("#FFFFFF", ALARM, 2.2, UNCOVERED_DASH, "IKU belum diturunkan ke unit mana pun"),
        ("#FFFFFF", ALARM, 2.0, "solid", "yatim: kode induknya tidak ada"),
    ]
    size, swatch_w, swatch_h, row_h = 8.0, 0.34, 0.17, 0.26
    x, y = MARGIN, 0.98
    _text(ax, x, y, "Keterangan:", size, bold=True, color=MUTED)
    x += measure("Keterangan:", size, True) / 72 + 0.15
    for fill, edge, width, style, label in entries:
        need = swatch_w + 0.08 + measure(label, size, False) / 72
        if x + need > layout.width - MARGIN:
            x, y = MARGIN + 0.9, y + row_h
        ax.add_patch(
            FancyBboxPatch(
                (x, y - 0.005),
                swatch_w,
                swatch_h,
                boxstyle="round,pad=0,rounding_size=0.03",
                facecolor=fill,
                edgecolor=edge,
                linewidth=width,
                linestyle=style,
                zorder=3,
            )
        )
        _text(ax, x + swatch_w + 0.08, y, label, size, color=INK)
        x += need + 0.3


def _edges(ax: Axes, layout: TreeLayout) -> None:
    """Elbow lines, one trunk per parent: shared segments drawn once, so all look alike."""
    segments: dict[tuple[tuple[float, float], tuple[float, float]], None] = {}
    trunks: dict[tuple[int, float], list[float]] = {}
    for edge in layout.edges:
        start, bend, turn, end = edge.points
        segments[(start, bend)] = None
        segments[(turn, end)] = None
        trunks.setdefault((edge.parent, bend[0]), [bend[1]]).append(turn[1])
    for (_, x), ys in trunks.items():
        segments[((x, min(ys)), (x, max(ys)))] = None
    for (x1, y1), (x2, y2) in segments:
        ax.plot(
            [x1, x2],
            [y1, y2],
            color=EDGE_GREY,
            linewidth=0.9,
            solid_capstyle="projecting",
            zorder=1,
        )


def _header(ax: Axes, layout: TreeLayout) -> None:
    _text(ax, MARGIN, 0.3, layout.title, 16, bold=True, color=TITLE_BLUE)
    _text(ax, MARGIN, 0.66, layout.summary, 9, color=MUTED)
    _legend(ax, layout)
    for column, title in enumerate(COLUMN_TITLES):
        x = layout.column_x(column)
        _text(ax, x, COLUMN_TITLE_Y, title, 10, bold=True, color=TITLE_BLUE)
        bar_y = COLUMN_TITLE_Y + 0.2
        ax.plot([x, x + BOX_WIDTH], [bar_y, bar_y], color=TITLE_BLUE, linewidth=1.2)


def _orphan_group(ax: Axes, layout: TreeLayout, top: float) -> None:
    ax.plot([MARGIN, layout.width - MARGIN], [top, top], color=ALARM, linewidth=1.0, zorder=1)
    _text(ax, MARGIN, top + 0.08, ORPHAN_TITLE, 12, bold=True, color=ALARM)
    title_width = measure(ORPHAN_TITLE, 12, True) / 72
    _text(ax, MARGIN + title_width + 0.25, top + 0.12, ORPHAN_SUBTITLE, 8, color=MUTED)


def render(layout: TreeLayout) -> Figure:
    """A figure of the laid-out tree: one data unit is one inch, y grows downwards."""
    with matplotlib.rc_context(RC):
        figure = Figure(figsize=(layout.width, layout.height))
        FigureCanvasAgg(figure)
        ax = figure.add_axes((0.0, 0.0, 1.0, 1.0))
        ax.set_xlim(0, layout.width)
        ax.set_ylim(layout.height, 0)
        ax.set_axis_off()
        _header(ax, layout)
        for band_top, band_bottom in layout.bands[1::2]:
            ax.add_patch(
                Rectangle(
                    (MARGIN / 2, band_top - GROUP_GAP / 2),
                    layout.width - MARGIN,
                    band_bottom - band_top + GROUP_GAP,
                    facecolor=BAND,
                    edgecolor="none",
                    zorder=0,
                )
            )
        _edges(ax, layout)
        if layout.orphan_top is not None:
            _orphan_group(ax, layout, layout.orphan_top)
        for box in layout.boxes:
            _draw_box(ax, box)
    return figure


def draw_tree(tree: CascadeTree, svg: Path, png: Path) -> None:
    """Write the cascade tree IKU → IKK → RHK as an SVG and a PNG (each replaced atomically).
    A character the font lacks (emoji, a control character from a cell) is drawn as a box;
    matplotlib's warning about it, which quotes the character itself (an escape sequence
    would reach the terminal), is not passed on."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font")
        _draw_tree(tree, svg, png)


def _draw_tree(tree: CascadeTree, svg: Path, png: Path) -> None:
    layout = layout_tree(tree, measure)
    figure = render(layout)
    dpi = min(PNG_DPI, MAX_PNG_PIXELS / layout.height)
    with matplotlib.rc_context(RC):
        with atomic_path(svg) as tmp:
            figure.savefig(
                tmp,
                format="svg",
                metadata={"Date": None, "Creator": f"xlkinerja {__version__}"},
            )
        with atomic_path(png) as tmp:
            figure.savefig(
                tmp,
                format="png",
                dpi=dpi,
                facecolor="white",
                metadata={"Software": f"xlkinerja {__version__}"},
            )
