"""The write-back plan applied to a workbook open in Excel (an xlwings Book).

Two kinds of work, split by what each side can do:
- the "Hasil Validasi" sheet (values, links to the cells, the colour of each row's Tingkat
  cell, widths) is written through xlwings' own calls, which the add-in's VBA client carries
  out in server mode (`setValues`, `addHyperlink`, `setRangeColor`, … — see ACTIONS_USED);
- the marks on the user's cells (fill + note) are made by the add-in's own VBA
  (macros/KinerjaTanda.bas) through `runMacro`: only VBA can read a cell's fill before it is
  changed, and xlwings' VBA client has no action for notes. `KinerjaTandai` keeps each
  cell's original fill in hidden columns of the report sheet (K:N, from row 5) and adds a
  note unless the user has one there; `KinerjaBersihkan` gives every recorded cell its fill
  back (if it still has ours) and removes the notes it added.

Order matters in server mode, where sheet positions are counted in Python before VBA acts:
the previous run is cleared (macro) before its report sheet is deleted, the new report
sheet is written before the marks (each mark writes its record row into it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from xlkinerja.core.address import column_letters
from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.excel.macros import run_macro
from xlkinerja.render.annotate.plan import HEADERS as REPORT_HEADERS
from xlkinerja.render.annotate.plan import ReportRow, WritebackPlan

TANDAI = "KinerjaTandai"  # (wb, sheet, address, fill RGB hex, note, record row) → 1: note added
BERSIHKAN = "KinerjaBersihkan"  # (wb, report sheet name): undo the marks recorded there
RECORD_COL = 10  # K, zero-based: the record of the marks takes K:N
RECORD_HEADERS = ("xlkinerja: lembar", "sel", "warna_asal", "catatan_baru")
HEADER_ROW = 4  # Excel row of the table header (as the package backend writes it)
FIRST_ROW = HEADER_ROW + 1
# What this backend asks of xlwings' VBA client (a test checks Remote.bas has each).
ACTIONS_USED = frozenset(
    {"runMacro", "sheetDelete", "addSheet", "setValues", "addHyperlink", "setRangeColor",
     "setAutofit", "setNumberFormat", "activateSheet"}
)  # fmt: skip


@dataclass(frozen=True)
class LiveOutcome:
    """What was asked of Excel. The add-in's VBA carries it out after the call (server
    mode) and may skip a note where the user has one, so `notes` counts the notes asked
    for; what the previous run restored is not known here (0)."""

    findings: int
    marked_cells: int
    notes: int
    restored_cells: int
    removed_notes: int
    unplaced: int


class LiveBackend:
    """Applies a plan to `book`; `remote`: the remote engine's book (server mode), where a
    macro gets the workbook from the VBA client, else the live book (local mode)."""

    def __init__(self, book: Any, *, remote: bool) -> None:
        self.book = book
        self.remote = remote

    def _macro(self, name: str, *args: object) -> None:
        run_macro(self.book, name, *args, remote=self.remote)

    def _sheet(self, name: str) -> Any | None:
        wanted = name.casefold()
        return next((s for s in self.book.sheets if s.name.casefold() == wanted), None)

    def clear(self, report_sheet: str) -> bool:
        """Undo the previous run (its marks, notes and report sheet); False: nothing to do."""
        old = self._sheet(report_sheet)
        if old is None:
            return False
        header = old.range((HEADER_ROW, 1), (HEADER_ROW, RECORD_COL + 1)).value
        ours = header[: len(REPORT_HEADERS)] == list(REPORT_HEADERS)
        if not ours:
            raise WorkbookError(
                f"sudah ada lembar '{old.name}' yang bukan buatan xlkinerja.",
                code=ErrorCode.PENANDAAN_LEMBAR_BUKAN_MILIK,
                path=str(self.book.name),
                hint="Ganti nama lembar itu, lalu jalankan validasi lagi.",
            )
        self._macro(BERSIHKAN, old.name)
        old.delete()
        return True

    def apply(self, plan: WritebackPlan) -> LiveOutcome:
        report = plan.report
        self.clear(report.sheet)
        sheet = self.book.sheets.add(report.sheet, after=self.book.sheets[-1])
        rows = report.rows
        grid: list[list[object]] = [[text] for text in report.lines_above]
        grid.append([*report.headers, "", *RECORD_HEADERS])
        width = len(grid[-1])
        grid = [row + [None] * (width - len(row)) for row in grid]
        for row in rows:
            grid.append([row.number, *self._texts(row)] + [None] * (width - len(REPORT_HEADERS)))
        if not rows:
            grid.append([report.empty] + [None] * (width - 1))
        sheet.range("A1").number_format = "@"
        sheet.range((FIRST_ROW, 2), (FIRST_ROW + max(len(rows), 1) - 1, 9)).number_format = "@"
        sheet.range("A1").value = grid
        for index, row in enumerate(rows):
            excel_row = FIRST_ROW + index
            sheet.range((excel_row, 2)).color = f"#{row.fill}"
            self._link(sheet, excel_row, row)
        sheet.range((HEADER_ROW, 1), (HEADER_ROW + len(rows), len(REPORT_HEADERS))).autofit()
        marked = notes = 0
        record_row = FIRST_ROW
        for planned in plan.sheets:
            target = self._sheet(planned.name)
            if target is None:
                continue
            for cell in planned.cells:
                self._macro(TANDAI, target.name, cell.address, cell.fill, cell.note, record_row)
                record_row += 1
                marked += 1
        notes = marked  # a note for each, unless the user had one there (VBA decides)
        sheet.activate()
        placed = sum(1 for r in rows if r.on_a_cell and self._sheet(r.sheet) is not None)
        return LiveOutcome(
            findings=len(rows),
            marked_cells=marked,
            notes=notes,
            restored_cells=0,
            removed_notes=0,
            unplaced=len(rows) - placed,
        )

    def _texts(self, row: ReportRow) -> tuple[str, ...]:
        existing = self._sheet(row.sheet) if row.sheet else None
        return row.texts(existing.name if existing is not None else None)

    def _link(self, sheet: Any, excel_row: int, row: ReportRow) -> None:
        if row.link is None:
            return
        target = self._sheet(row.link.sheet)
        if target is None:
            return
        quoted = target.name.replace("'", "''")
        column = row.link.column + 1
        shown = row.cell if row.link.on_cell else target.name
        sheet.range((excel_row, column)).add_hyperlink(
            f"#'{quoted}'!{row.link.cell}", shown, f"Ke {target.name}!{row.link.cell}"
        )


def record_column(index: int) -> str:
    return column_letters(RECORD_COL + index)
