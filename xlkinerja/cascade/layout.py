"""Where each box of the cascade drawing goes (pure: no drawing, no I/O).

A left-to-right tidy tree in three columns (IKU → IKK → RHK). Leaves are stacked top to
bottom; a parent sits at the vertical middle of its first and last child; every subtree owns
a horizontal band of the page that no other subtree enters, so boxes never overlap. Orphans
(IKK/RHK whose parent does not exist) follow in their own group below the tree.

All lengths are inches with y growing downwards: the drawing maps one unit to one inch.
Text is measured with a `Measure` (points for a text at a size); the default estimates
DejaVu Sans widths, the renderer passes matplotlib's exact metrics.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable
from dataclasses import dataclass

from babel.numbers import format_decimal

from xlkinerja.cascade.text_fit import Measure, ellipsize, estimate_width, fits, wrap
from xlkinerja.cascade.tree import CascadeNode, CascadeTree, Level, Problem
from xlkinerja.core.formats import PERSEN_POLA
from xlkinerja.domain.konsolidasi import LABEL_TW

COLUMNS: dict[Level, int] = {Level.IKU: 0, Level.IKK: 1, Level.RHK: 2}
COLUMN_TITLES = ("IKU · institusi", "IKK · unit kerja", "RHK · pegawai")

# Geometry (inches). Three 3.2" columns make an 11.7" wide page: A3 portrait width.
MARGIN = 0.35
BOX_WIDTH = 3.2
COLUMN_GAP = 0.7
PAD_X = 0.1
PAD_Y = 0.07
SIBLING_GAP = 0.12  # between children of one parent
GROUP_GAP = 0.34  # between the subtrees of two IKU
ORPHAN_GAP = 0.5  # between the tree and the orphan group
ORPHAN_TITLE_HEIGHT = 0.55
HEADER_HEIGHT = 1.75  # title, summary, legend (two rows), column titles
COLUMN_TITLE_Y = 1.5  # top of the column titles inside the header

# Text (points).
CODE_SIZE = 9.0
TEXT_SIZE = 8.0
LINE_SPACING = 1.28
LABEL_LINES = {Level.IKU: 3, Level.IKK: 3, Level.RHK: 2}

UNCOVERED_TEXT = "belum diturunkan ke unit mana pun"
NO_CAPAIAN_TEXT = "belum ada capaian"
UNREADABLE_CAPAIAN_TEXT = "capaian tidak diketahui: isian tidak terbaca"
ORPHAN_TITLE = "Tanpa induk (yatim)"
ORPHAN_SUBTITLE = "IKK/RHK yang menyebut induk yang tidak ada: perbaiki kode induknya."


def angka(value: float, pattern: str = "#,##0.##") -> str:
    """A number the Indonesian way: 1.234,5. A number too large for that pattern (a target
    of 1e308 typed in a cell) is written as 1,0E308 rather than failing the drawing."""
    try:
        return format_decimal(value, format=pattern, locale="id")
    except decimal.InvalidOperation:
        return f"{value:.1E}".replace(".", ",")


def capaian_text(capaian: float | None, tak_terbaca: bool = False) -> str:
    if capaian is None:
        return UNREADABLE_CAPAIAN_TEXT if tak_terbaca else NO_CAPAIAN_TEXT
    return f"capaian {angka(capaian, PERSEN_POLA)} %"


def target_text(node: CascadeNode) -> str:
    if node.target is None:
        return "target belum diisi"
    satuan = f" {node.satuan}" if node.satuan else ""
    return f"target {angka(node.target)}{satuan}"


def orphan_text(node: CascadeNode) -> str:
    if node.parent_code:
        return f"induk {node.parent_code} tidak ada"
    return "induknya tidak ditemukan"


def title_text(tree: CascadeTree) -> str:
    tahun = f" Tahun {tree.tahun}" if tree.tahun is not None else ""
    periode = f" · capaian s.d. {LABEL_TW[tree.periode - 1]}" if tree.periode else ""
    return f"Pohon Kinerja {tree.institution}{tahun}{periode}"


def summary_text(tree: CascadeTree) -> str:
    counts = dict.fromkeys(Level, 0)
    uncovered = 0
    for _, node in tree.walk():
        counts[node.level] += 1
        if node.problem is Problem.UNCOVERED:
            uncovered += 1
    parts = [f"{counts[level]} {level.name}" for level in Level]
    if uncovered:
        parts.append(f"{uncovered} IKU belum diturunkan")
    if tree.orphans:
        parts.append(f"{len(tree.orphans)} yatim (tanpa induk)")
    return " · ".join(parts)


@dataclass(frozen=True)
class TextLine:
    """One line of a box: `text` at the left, optionally `right` at the right edge."""

    text: str
    size: float = TEXT_SIZE
    bold: bool = False
    alarm: bool = False  # a problem: drawn in red
    right: str | None = None
    right_bold: bool = False

    @property
    def height(self) -> float:
        return self.size * LINE_SPACING / 72


@dataclass(frozen=True)
class NodeBox:
    node: CascadeNode
    column: int
    x: float
    y: float  # top
    width: float
    height: float
    lines: tuple[TextLine, ...]
    orphan_group: bool  # drawn in the orphan group (an orphan or below one)
    orphan: bool  # an orphan itself: the parent it names does not exist
    children: tuple[int, ...]  # indices into TreeLayout.boxes

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def center_y(self) -> float:
        return self.y + self.height / 2

    def overlaps(self, other: NodeBox) -> bool:
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )


@dataclass(frozen=True)
class Edge:
    """An elbow line from a parent's right edge to a child's left edge."""

    parent: int
    child: int
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class TreeLayout:
    width: float
    height: float
    title: str
    summary: str
    boxes: tuple[NodeBox, ...]
    edges: tuple[Edge, ...]
    bands: tuple[tuple[float, float], ...]  # (top, bottom) of each IKU's subtree
    orphan_top: float | None  # top of the orphan group's title, None without orphans
    kuning: float  # status thresholds shown in the legend
    hijau: float

    def column_x(self, column: int) -> float:
        return MARGIN + column * (BOX_WIDTH + COLUMN_GAP)


# -- text of a box --------------------------------------------------------------------------


def box_lines(node: CascadeNode, orphan: bool, measure: Measure) -> tuple[TextLine, ...]:
    inner = BOX_WIDTH - 2 * PAD_X
    head = node.code if node.level is Level.IKU else f"{node.code} · {node.owner}"
    lines = [TextLine(ellipsize(head, inner, CODE_SIZE, True, measure), CODE_SIZE, bold=True)]
    label = node.label.strip() or "(tanpa uraian)"
    lines.extend(
        TextLine(text)
        for text in wrap(label, inner, TEXT_SIZE, False, LABEL_LINES[node.level], measure)
    )
    target, capaian = target_text(node), capaian_text(node.capaian, node.tak_terbaca)
    catatan = node.catatan
    if catatan and node.capaian is None and not node.tak_terbaca:
        capaian, catatan = catatan, None  # why there is none, in its place
    gap = " " * 4
    if fits(f"{target}{gap}{capaian}", inner, TEXT_SIZE, True, measure):
        lines.append(TextLine(target, right=capaian, right_bold=True))
    else:
        lines.append(TextLine(ellipsize(target, inner, TEXT_SIZE, False, measure)))
        lines.append(TextLine(capaian, bold=True))
    if catatan:
        lines.append(TextLine(ellipsize(catatan, inner, TEXT_SIZE, False, measure)))
    if node.problem is Problem.UNCOVERED:
        lines.append(TextLine(UNCOVERED_TEXT, bold=True, alarm=True))
    if orphan:
        text = ellipsize(orphan_text(node), inner, TEXT_SIZE, True, measure)
        lines.append(TextLine(text, bold=True, alarm=True))
    return tuple(lines)


# -- placement ------------------------------------------------------------------------------


@dataclass
class _Placed:
    node: CascadeNode
    top: float
    height: float
    lines: tuple[TextLine, ...]
    orphan_group: bool
    orphan: bool
    children: list[_Placed]

    @property
    def center(self) -> float:
        return self.top + self.height / 2

    def shift(self, dy: float) -> None:
        self.top += dy
        for child in self.children:
            child.shift(dy)


def _subtree(
    node: CascadeNode, orphan_group: bool, orphan: bool, measure: Measure
) -> tuple[_Placed, float, float]:
    """The subtree laid out from y = 0: (root, top of its band, bottom of its band)."""
    lines = box_lines(node, orphan, measure)
    height = 2 * PAD_Y + sum(line.height for line in lines)
    if not node.children:
        return _Placed(node, 0.0, height, lines, orphan_group, orphan, []), 0.0, height
    kids: list[_Placed] = []
    cursor = 0.0
    for i, child in enumerate(node.children):
        if i:
            cursor += SIBLING_GAP
        kid, band_top, band_bottom = _subtree(child, orphan_group, False, measure)
        kid.shift(cursor - band_top)
        kids.append(kid)
        cursor += band_bottom - band_top
    top = (kids[0].center + kids[-1].center) / 2 - height / 2
    placed = _Placed(node, top, height, lines, orphan_group, orphan, kids)
    return placed, min(0.0, top), max(cursor, top + height)


def _stack(
    nodes: Iterable[CascadeNode], top: float, orphans: bool, measure: Measure
) -> tuple[list[_Placed], list[tuple[float, float]], float]:
    """Subtrees one below the other: their roots, their bands and the bottom."""
    placed: list[_Placed] = []
    bands: list[tuple[float, float]] = []
    cursor = top
    for i, node in enumerate(nodes):
        if i:
            cursor += GROUP_GAP
        root, band_top, band_bottom = _subtree(node, orphans, orphans, measure)
        root.shift(cursor - band_top)
        placed.append(root)
        bands.append((cursor, cursor + band_bottom - band_top))
        cursor += band_bottom - band_top
    return placed, bands, cursor


def layout_tree(tree: CascadeTree, measure: Measure = estimate_width) -> TreeLayout:
    """Positions of every box and elbow line of the drawing."""
    roots, bands, bottom = _stack(tree.roots, HEADER_HEIGHT, False, measure)
    orphan_top: float | None = None
    orphans: list[_Placed] = []
    if tree.orphans:
        orphan_top = bottom + (ORPHAN_GAP if tree.roots else 0.0)
        orphans_top = orphan_top + ORPHAN_TITLE_HEIGHT
        orphans, _, bottom = _stack(tree.orphans, orphans_top, True, measure)

    boxes: list[NodeBox] = []
    edges: list[Edge] = []

    def flatten(placed: _Placed) -> int:
        index = len(boxes)
        boxes.append(NodeBox(placed.node, 0, 0, 0, 0, 0, (), False, False, ()))  # reserved
        children = tuple(flatten(child) for child in placed.children)
        column = COLUMNS[placed.node.level]
        boxes[index] = NodeBox(
            node=placed.node,
            column=column,
            x=MARGIN + column * (BOX_WIDTH + COLUMN_GAP),
            y=placed.top,
            width=BOX_WIDTH,
            height=placed.height,
            lines=placed.lines,
            orphan_group=placed.orphan_group,
            orphan=placed.orphan,
            children=children,
        )
        return index

    for placed in (*roots, *orphans):
        flatten(placed)
    for index, box in enumerate(boxes):
        for child_index in box.children:
            child = boxes[child_index]
            # The elbow right after the parent: a head's RHK under an IKU skips the IKK
            # column, and its line then runs at its own height, clear of the IKK boxes.
            middle = box.right + COLUMN_GAP / 2
            points = (
                (box.right, box.center_y),
                (middle, box.center_y),
                (middle, child.center_y),
                (child.x, child.center_y),
            )
            edges.append(Edge(index, child_index, points))

    width = 2 * MARGIN + len(COLUMNS) * BOX_WIDTH + (len(COLUMNS) - 1) * COLUMN_GAP
    return TreeLayout(
        width=width,
        height=max(bottom, HEADER_HEIGHT + 0.5) + MARGIN,
        title=title_text(tree),
        summary=summary_text(tree),
        boxes=tuple(boxes),
        edges=tuple(edges),
        bands=tuple(bands),
        orphan_top=orphan_top,
        kuning=tree.ambang_kuning,
        hijau=tree.ambang_hijau,
    )
