"""The package patch: from the workbook's bytes and a plan to the annotated workbook's bytes.

Order of work: read the record of the previous run from its "Hasil Validasi" sheet and
drop that sheet; on every sheet concerned, restore the cells we marked (only when the
cell still has exactly the style we gave it) and remove our notes; then mark the plan's
cells, add their notes, and write a new "Hasil Validasi" sheet.

The plan's wishes are decided here, against this workbook: a planned sheet is looked up
ignoring case; a cell is marked only on a worksheet whose part is in the package, and a
report row links only there.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeGuard

from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.files.ooxml.opc import Parts
from xlkinerja.files.ooxml.package import Package
from xlkinerja.render.annotate import fills
from xlkinerja.render.annotate.book import Book, SheetEntry
from xlkinerja.render.annotate.cells import CellEdit, Pos
from xlkinerja.render.annotate.notes import ShapeBlocks, add_notes, has_our_notes, strip_notes
from xlkinerja.render.annotate.plan import FILLS, PlannedCell, WritebackPlan
from xlkinerja.render.annotate.record import Mark, read_record
from xlkinerja.render.annotate.report import Formats, ReportLine, report_xml
from xlkinerja.render.annotate.styles import StyleSheet
from xlkinerja.render.annotate.worksheet import Worksheet, has_selected_tab
from xlkinerja.specs.template_meta import META_SHEET


@dataclass(frozen=True)
class Patched:
    data: bytes
    marked_cells: int
    notes: int
    restored_cells: int
    removed_notes: int
    unplaced: int  # findings listed on the sheet only: no sheet or cell of this workbook


class _Run:
    def __init__(self, path: Path, original: bytes) -> None:
        self.path = path
        self.parts = Parts(path, Package(path, original))
        self.book = Book(self.parts)
        styles = self.book.rels.of_kind("styles")
        styles_part = (
            self.book.rels.target_part(styles[0])
            if styles
            else posixpath.join(posixpath.dirname(self.book.part), "styles.xml")
        )
        self.styles = StyleSheet(self.parts, styles_part)
        self.blocks = ShapeBlocks(self.parts)
        self.folder = posixpath.dirname(self.book.part)

    def previous_marks(self, report_sheet: str) -> list[Mark]:
        old = self.book.find(report_sheet)
        if old is None:
            return []
        record = None
        if old.kind == "worksheet" and old.part and self.parts.package.exists(old.part):
            shared = self.book.rels.of_kind("sharedStrings")
            shared_part = self.book.rels.target_part(shared[0]) if shared else None
            record = read_record(self.parts, old.part, shared_part)
        if record is None or not record.ours:
            raise WorkbookError(
                f"sudah ada lembar '{old.name}' yang bukan buatan xlkinerja.",
                code=ErrorCode.PENANDAAN_LEMBAR_BUKAN_MILIK,
                path=self.path,
                hint="Ganti nama lembar itu, lalu jalankan validasi lagi.",
            )
        self.book.remove_sheet(old)
        return record.marks

    def usable(self, entry: SheetEntry | None) -> TypeGuard[SheetEntry]:
        """A worksheet whose part is in the package: we can mark its cells and link to it."""
        return (
            entry is not None
            and entry.kind == "worksheet"
            and entry.part is not None
            and self.parts.package.exists(entry.part)
        )

    def place(
        self, plan: WritebackPlan
    ) -> tuple[list[ReportLine], dict[int, dict[Pos, PlannedCell]]]:
        """The report rows as this workbook shows them, and the cells to mark by sheet."""
        lines: list[ReportLine] = []
        for row in plan.report.rows:
            entry = self.book.find(row.sheet) if row.sheet else None
            link = row.link.cell if row.link and self.usable(entry) else None
            lines.append(ReportLine(row, entry.name if entry else row.sheet, link))
        targets: dict[int, dict[Pos, PlannedCell]] = {}
        for planned in plan.sheets:
            entry = self.book.find(planned.name)
            if self.usable(entry):
                targets[entry.index] = {(c.row, c.col): c for c in planned.cells}
        return lines, targets

    def restore(self, sheet: Worksheet, marks: Sequence[Mark]) -> int:
        cells = sheet.cells()
        edits: dict[Pos, CellEdit] = {}
        ours = set(FILLS.values())
        for mark in marks:
            state = cells.state(mark.row, mark.col)
            if not state.exists or self.styles.fill_rgb(state.xf) not in ours:
                continue  # the user changed the cell's format since: leave it alone
            style = self.style_before(state.xf, mark)
            if style is None:
                continue  # an older record that does not fit this workbook
            edits[(mark.row, mark.col)] = CellEdit(style, create=False, drop_if_blank=mark.created)
        if edits:
            sheet.replace_data(cells.apply(edits))
        return len(edits)

    def style_before(self, current: int, mark: Mark) -> int | None:
        """The style that gives a marked cell back its look: the recorded one when it is
        still the cell's format with the fill it had (a file Excel saved), else the cell's
        format as it is now with the recorded fill (styles renumbered by LibreOffice)."""
        styles, original, before = self.styles, mark.original, max(mark.original, 0)
        fits = original < styles.xf_count and styles.same_but_fill(current, before)
        if fits and (mark.fill is None or fills.same_fill(styles.fill_xml(before), mark.fill)):
            return original
        return None if mark.fill is None else styles.with_fill(current, mark.fill)

    def mark(self, sheet: Worksheet, wanted: dict[Pos, PlannedCell]) -> list[Mark]:
        cells = sheet.cells()
        edits: dict[Pos, CellEdit] = {}
        marks: list[Mark] = []
        for pos, planned in sorted(wanted.items()):
            state = cells.state(*pos)
            style = self.styles.marked(state.xf, planned.fill)
            edits[pos] = CellEdit(style)
            before = self.styles.fill_xml(state.xf)
            marks.append(
                Mark(sheet.entry.sheet_id, *pos, state.style, style, not state.exists, before)
            )
        sheet.replace_data(cells.apply(edits))
        sheet.expand_dimension((m.row, m.col) for m in marks if m.created)
        return marks

    def sheets_to_edit(
        self, targets: dict[int, dict[Pos, PlannedCell]], previous: dict[int, list[Mark]]
    ) -> list[tuple[SheetEntry, str]]:
        chosen = []
        for entry in self.book.sheets:
            if entry.kind != "worksheet" or not entry.part:
                continue
            if not self.parts.package.exists(entry.part):
                continue
            text = self.parts.text(entry.part)
            if (
                entry.index in targets
                or entry.sheet_id in previous
                or has_selected_tab(text)
                or has_our_notes(self.parts, entry.part)
            ):
                chosen.append((entry, text))
        return chosen


def patch(path: Path, original: bytes, plan: WritebackPlan) -> Patched:
    run = _Run(path, original)
    previous: dict[int, list[Mark]] = defaultdict(list)
    for mark in run.previous_marks(plan.report.sheet):
        previous[mark.sheet_id].append(mark)
    lines, targets = run.place(plan)
    new_marks: list[Mark] = []
    notes = restored = removed = 0
    sheets = [
        Worksheet(run.parts, entry, text) for entry, text in run.sheets_to_edit(targets, previous)
    ]
    for sheet in sheets:  # first take the previous run out everywhere, then mark
        if sheet.entry.sheet_id in previous:
            restored += run.restore(sheet, previous[sheet.entry.sheet_id])
        removed += strip_notes(run.parts, sheet)
    for sheet in sheets:
        wanted = targets.get(sheet.entry.index)
        if wanted:
            new_marks += run.mark(sheet, wanted)
            texts = {pos: planned.note for pos, planned in wanted.items()}
            notes += add_notes(run.parts, sheet, texts, run.blocks, run.folder)
        sheet.clear_tab_selected()
        sheet.save()
    formats = Formats.add_to(run.styles, FILLS)
    report = report_xml(plan.report, lines, new_marks, formats)
    entry = run.book.add_sheet(plan.report.sheet, report)
    run.book.activate(entry.index)
    run.book.hide_very(META_SHEET)  # a file LibreOffice saved has it only hidden
    run.styles.save()
    run.book.save()
    run.parts.save()
    unplaced = sum(1 for line in lines if not (line.link and line.row.on_a_cell))
    return Patched(
        data=run.parts.package.to_bytes(),
        marked_cells=len(new_marks),
        notes=notes,
        restored_cells=restored,
        removed_notes=removed,
        unplaced=unplaced,
    )
