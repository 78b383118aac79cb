"""The cascade tree as an indented, print-ready worksheet (XlsxWriter).

One row per node, depth first (IKU, its IKK, their RHK), orphans last. Capaian and status
cells carry the status colour; an uncovered IKU and every orphan get a red row and a note.
The rows are written as blocks (render/fastsheet.py): a compiled institution has ~50k of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, Any, NamedTuple

import numpy as np

from xlkinerja.cascade.layout import (
    NO_CAPAIAN_TEXT,
    ORPHAN_SUBTITLE,
    ORPHAN_TITLE,
    angka,
    capaian_text,
    title_text,
)
from xlkinerja.cascade.tree import CascadeNode, CascadeTree, Level, Problem
from xlkinerja.core.formats import PERSEN_EXCEL
from xlkinerja.domain.konsolidasi import LABEL_TW
from xlkinerja.domain.status import Status
from xlkinerja.files.atomic import atomic_path
from xlkinerja.render.fastsheet import BlockColumn, CodedFormats, FastWorksheet, render_block
from xlkinerja.render.shared_strings import Workbook as TextWorkbook
from xlkinerja.render.template.styles import FONT, TITLE_COLOR
from xlkinerja.render.template.writer import DOCUMENT_DATE, LINE_HEIGHT
from xlkinerja.runtime.forked import ForkedText
from xlkinerja.specs.rekap import POHON, SHEET_POHON

HEADERS = POHON.labels  # the compiled workbook's spec (specs/rekap.py), as the rekap holds it
WIDTHS = tuple(c.width for c in POHON.columns)
INDENTED = tuple(POHON.position(k) for k in ("kode", "uraian"))
WRAPPED = tuple(POHON.position(k) for k in ("uraian", "pemilik", "satuan", "catatan"))
CAPAIAN_COLUMN = POHON.position("capaian")
STATUS_COLUMNS = (CAPAIAN_COLUMN, POHON.position("status"))
TITLE_ROW, NOTE_ROW, HEADER_ROW = 0, 1, 2
INDENT = {Level.IKU: 0, Level.IKK: 1, Level.RHK: 2}
LEVEL_NAMES = {level: level.name for level in Level}

# Same colours as the drawing.
STATUS_FILLS: dict[Status | None, str] = {
    Status.HIJAU: "#BFE5B8",
    Status.KUNING: "#FFE59A",
    Status.MERAH: "#F5B5B5",
    None: "#E3E3E3",
}
PROBLEM_FILL = "#FFD9D9"
PROBLEM_FONT = "#C00000"
IKU_FILL = "#DDEBF7"
BORDER_COLOR = "#BFBFBF"


def _note(node: CascadeNode, orphan_root: CascadeNode | None) -> tuple[str | None, bool]:
    """The Catatan text and whether the row is a problem (red)."""
    if node.problem is Problem.UNCOVERED:
        return "Belum diturunkan ke unit mana pun", True
    if orphan_root is node:
        parent = node.parent_code or "(tidak disebut)"
        return f"Yatim: induk {parent} tidak ada", True
    if orphan_root is not None:
        return f"Di bawah {orphan_root.code} yang yatim", False
    return None, False


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class CellFormats:
    """Bordered cell formats, made once per combination of properties (shared with the
    compiled workbook's styles)."""

    def __init__(self, workbook: Any) -> None:
        self._workbook = workbook
        self._cache: dict[tuple[tuple[str, Any], ...], Any] = {}

    def get(self, **props: Any) -> Any:
        key = tuple(sorted(props.items()))
        if key not in self._cache:
            base = {
                "font_name": FONT,
                "font_size": 10,
                "valign": "top",
                "border": 1,
                "border_color": BORDER_COLOR,
            }
            self._cache[key] = self._workbook.add_format({**base, **props})
        return self._cache[key]


def _rows(
    tree: CascadeTree,
) -> tuple[list[tuple[CascadeNode, None]], list[tuple[CascadeNode, CascadeNode]]]:
    """The rows in sheet order, each node with the orphan it sits under or is: the tree's,
    then the orphans'."""
    in_tree = [(node, None) for root in tree.roots for _, node in root.walk()]
    orphans = [(node, orphan) for orphan in tree.orphans for _, node in orphan.walk()]
    return in_tree, orphans


def _heading(workbook: Any, ws: Any, title: str, tree: CascadeTree) -> None:
    """Title, the colour key, and the header row."""
    ws.write_string(
        TITLE_ROW,
        0,
        title,
        workbook.add_format(
            {"bold": True, "font_size": 14, "font_name": FONT, "font_color": TITLE_COLOR}
        ),
    )
    kuning, hijau = angka(tree.ambang_kuning), angka(tree.ambang_hijau)
    periode = LABEL_TW[tree.periode - 1] if tree.periode else "triwulan terakhir"
    ws.write_string(
        NOTE_ROW,
        0,
        f"Status capaian: hijau > {hijau} %, kuning {kuning}–{hijau} %, merah < {kuning} %, "
        f"abu-abu = {NO_CAPAIAN_TEXT}. Capaian IKU dan IKK s.d. {periode}: hanya nilai "
        f"{periode} (IKK yang belum melapor {periode} tidak diberi nilai triwulan "
        "sebelumnya); capaian IKU = rata-rata capaian IKK-nya yang melapor, seperti di Rekap "
        "Capaian (target IKK yang satuannya berbeda tidak dirata-rata); tidak diketahui bila "
        "capaian salah satu IKK tidak diketahui karena isiannya tidak dapat dibaca. Baris "
        "merah: IKU belum diturunkan ke unit mana pun, atau IKK/RHK yatim (kode induknya "
        "tidak ada).",
        workbook.add_format(
            {"italic": True, "font_name": FONT, "font_size": 9, "font_color": "#404040"}
        ),
    )
    header = workbook.add_format(
        {
            "bold": True,
            "font_name": FONT,
            "font_size": 10,
            "font_color": "#FFFFFF",
            "bg_color": TITLE_COLOR,
            "text_wrap": True,
            "valign": "vcenter",
            "border": 1,
            "border_color": BORDER_COLOR,
        }
    )
    for col, (text, width) in enumerate(zip(HEADERS, WIDTHS, strict=True)):
        ws.set_column(col, col, width)
        ws.write_string(HEADER_ROW, col, text, header)
    ws.set_row(HEADER_ROW, 20)


def _orphan_heading(workbook: Any, ws: Any, row: int) -> None:
    """The orphans are not under the IKU above them: say so in a row of their own."""
    line = {"top": 2, "top_color": PROBLEM_FONT}
    text = workbook.add_format(
        {
            **line,
            "bold": True,
            "font_name": FONT,
            "font_size": 11,
            "font_color": PROBLEM_FONT,
            "valign": "vcenter",
        }
    )
    ws.write_string(row, 0, f"{ORPHAN_TITLE}: {ORPHAN_SUBTITLE}", text)
    blank = workbook.add_format(line)
    for col in range(1, len(HEADERS)):
        ws.write_blank(row, col, None, blank)
    ws.set_row(row, 22)


def _row_formats(
    formats: CellFormats, level: Level, status: Status | None, problem: bool, orphan: bool
) -> list[Any]:
    """The nine cell formats of a node's row."""
    indent = INDENT[level]
    out = []
    for col in range(len(HEADERS)):
        props: dict[str, Any] = {"text_wrap": col in WRAPPED}
        if level is Level.IKU:
            props["bold"] = True
        if col in INDENTED and indent:
            props["align"] = "left"  # LibreOffice ignores an indent without it
            props["indent"] = indent
        if col == CAPAIAN_COLUMN:
            props["num_format"] = PERSEN_EXCEL
        if col in STATUS_COLUMNS:
            props["bg_color"] = STATUS_FILLS[status]
            props["align"] = "center"
        elif problem:
            props["bg_color"] = PROBLEM_FILL
            props["font_color"] = PROBLEM_FONT
        elif level is Level.IKU and not orphan:
            props["bg_color"] = IKU_FILL
        out.append(formats.get(**props))
    return out


Look = tuple[Level, Status | None, bool, bool]  # level, status, problem, under an orphan


@dataclass(frozen=True)
class _Prepared:
    """What the block of node rows needs of the workbook, made before it is rendered (then
    rendering touches no workbook state and can run in another process)."""

    first_row: int
    rows: Sequence[tuple[CascadeNode, CascadeNode | None]]
    notes: list[str | None]
    look_codes: np.ndarray  # per row, its look's index in `per_look`
    per_look: list[list[Any]]  # per look, the nine cell formats (xf indexes assigned)


def _prepare(
    first_row: int, rows: Sequence[tuple[CascadeNode, CascadeNode | None]], formats: CellFormats
) -> _Prepared:
    notes: list[str | None] = [None] * len(rows)
    problems = [False] * len(rows)
    for i, (node, orphan_root) in enumerate(rows):
        if orphan_root is not None or node.problem is not None:
            notes[i], problems[i] = _note(node, orphan_root)
        if node.catatan:  # what the period's figure leaves out
            notes[i] = f"{notes[i]}; {node.catatan}" if notes[i] else _capital(node.catatan)
    looks: dict[Look, int] = {}
    look_codes = np.fromiter(
        (
            looks.setdefault((n.level, n.status, p, o is not None), len(looks))
            for (n, o), p in zip(rows, problems, strict=True)
        ),
        dtype=np.int64,
        count=len(rows),
    )
    per_look = [_row_formats(formats, *look) for look in looks]  # in code order
    for row_formats in per_look:
        for fmt in row_formats:
            fmt._get_xf_index()  # assigned here, in the workbook's order of first use
    return _Prepared(first_row, rows, notes, look_codes, per_look)


def _block(prepared: _Prepared, sst: Any | None) -> Any:
    """The rows rendered (fastsheet.render_block), texts into `sst` or inline.

    A compiled institution's tree has a row per employee's role: hundreds of thousands. So
    the block is built column by column, what is the same for every row of a look is worked
    out once per look, and a row's height (template_writer.row_height's rule, for the
    wrapped columns) is reckoned with NumPy."""
    nodes = [node for node, _ in prepared.rows]
    unknown = {False: capaian_text(None), True: capaian_text(None, True)}
    cells: dict[str, list[Any]] = {
        "tingkat": [LEVEL_NAMES[n.level] for n in nodes],
        "kode": [n.code for n in nodes],
        "uraian": [n.label for n in nodes],
        "pemilik": [n.owner for n in nodes],
        "target": [n.target for n in nodes],
        "satuan": [n.satuan for n in nodes],
        "capaian": [n.capaian for n in nodes],  # blank stays blank, never 0
        "status": [n.status.value if n.status else unknown[n.tak_terbaca] for n in nodes],
        "catatan": prepared.notes,
    }
    values = [cells[key] for key in POHON.keys]
    columns = [
        BlockColumn(
            values[col],
            CodedFormats(prepared.look_codes, [look[col] for look in prepared.per_look]),
        )
        for col in range(len(HEADERS))
    ]
    return render_block(prepared.first_row, columns, _heights(nodes, values), sst=sst)


def _render_inline(prepared: _Prepared, file: IO[str]) -> None:
    _block(prepared, None).write(file)


def _node_rows(
    ws: FastWorksheet,
    first_row: int,
    rows: Sequence[tuple[CascadeNode, CascadeNode | None]],
    formats: CellFormats,
    background: bool,
) -> int:
    """Write the nodes' rows as one block from `first_row`; returns the row after it.
    `background`: rendered by a child process meanwhile (inline strings); otherwise here,
    its texts in the shared string table."""
    if not rows:
        return first_row
    prepared = _prepare(first_row, rows, formats)
    if not background:
        return int(ws.add_block(_block(prepared, ws.str_table)))
    source = ForkedText(partial(_render_inline, prepared))
    return int(ws.add_rendered(first_row, len(rows), len(HEADERS), source))


def _heights(nodes: Sequence[CascadeNode], values: Sequence[Sequence[Any]]) -> np.ndarray:
    """Each row's height: NaN (the default) for one line, else the lines its longest wrapped
    text needs at its column's width (less the indent of its level)."""
    level_codes = {level: i for i, level in enumerate(Level)}
    levels = np.fromiter((level_codes[n.level] for n in nodes), dtype=np.int64, count=len(nodes))
    lines = np.ones(len(nodes), dtype=np.int64)
    for col in WRAPPED:
        widths = np.array(
            [
                int(
                    max(
                        1.0,
                        (WIDTHS[col] - 3 * INDENT[lv] if col in INDENTED else WIDTHS[col]) * 1.15,
                    )
                )
                for lv in Level
            ],
            dtype=np.int64,
        )[levels]
        texts = values[col]  # str or None (a wrapped column holds text only)
        lengths = np.fromiter(map(len, [t or "" for t in texts]), dtype=np.int64, count=len(nodes))
        np.maximum(lines, -(-lengths // widths), out=lines)
    return np.where(lines > 1, LINE_HEIGHT * lines + 2, np.nan)


def _print_setup(ws: Any, title: str, last_row: int) -> None:
    ws.freeze_panes(HEADER_ROW + 1, 0)
    ws.autofilter(HEADER_ROW, 0, last_row, len(HEADERS) - 1)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)  # one page wide, as many pages tall as needed
    ws.repeat_rows(HEADER_ROW)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    ws.set_footer(f"&L{title.replace('&', '&&')}&RHalaman &P dari &N")
    ws.hide_gridlines(2)


class TreeSheet(NamedTuple):
    worksheet: Any
    rows: int  # the nodes' rows written


def write_tree_sheet(
    workbook: Any, tree: CascadeTree, name: str = SHEET_POHON, *, in_background: bool = False
) -> TreeSheet:
    """Add the tree as a sheet to an open XlsxWriter workbook. `in_background`: its node
    rows are rendered by a child process while the caller writes the other sheets
    (runtime/forked.py; the rows' texts are then inline strings, not in the shared string table)."""
    ws = workbook.add_worksheet(name, worksheet_class=FastWorksheet)
    formats = CellFormats(workbook)
    title = title_text(tree)
    _heading(workbook, ws, title, tree)
    in_tree, orphans = _rows(tree)
    row = _node_rows(ws, HEADER_ROW + 1, in_tree, formats, in_background)
    if orphans:
        _orphan_heading(workbook, ws, row)
        row = _node_rows(ws, row + 1, orphans, formats, in_background)
    _print_setup(ws, title, max(row - 1, HEADER_ROW))
    return TreeSheet(ws, len(in_tree) + len(orphans))


def write_tree_workbook(tree: CascadeTree, path: Path) -> None:
    """A workbook with just the tree sheet, written atomically; same input, same bytes."""
    with atomic_path(path) as tmp:
        workbook = TextWorkbook(str(tmp), {"strings_to_numbers": False})
        workbook.set_properties(
            {"title": title_text(tree), "author": "xlkinerja", "created": DOCUMENT_DATE}
        )
        write_tree_sheet(workbook, tree)
        workbook.close()
