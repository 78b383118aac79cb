"""From the workbook's bytes and the findings to the annotated workbook's bytes.

Order of work: read the record of the previous run from its "Hasil Validasi" sheet and
drop that sheet; on every sheet concerned, restore the cells we marked (only when the
cell still has exactly the style we gave it) and remove our notes; then mark the cells
of this run's findings, add their notes, and write a new "Hasil Validasi" sheet.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from xlkinerja.core.address import column_index, column_letters
from xlkinerja.core.finding import Finding, Severity
from xlkinerja.errors import WorkbookError
from xlkinerja.io.annotate.book import Book, SheetEntry
from xlkinerja.io.annotate.cells import CellEdit, Pos
from xlkinerja.io.annotate.notes import ShapeBlocks, add_notes, has_our_notes, strip_notes
from xlkinerja.io.annotate.package import Package
from xlkinerja.io.annotate.parts import Parts
from xlkinerja.io.annotate.record import Mark, read_record
from xlkinerja.io.annotate.report import REPORT_SHEET, Formats, ReportLine, report_xml
from xlkinerja.io.annotate.styles import StyleSheet
from xlkinerja.io.annotate.worksheet import Worksheet, has_selected_tab

FILLS = {Severity.GALAT: "FFC7CE", Severity.PERINGATAN: "FFEB9C", Severity.INFO: "DDEBF7"}
_RANK = {Severity.GALAT: 3, Severity.PERINGATAN: 2, Severity.INFO: 1}
_CELL = re.compile(r"^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?[A-Z]{1,3}\$?\d{1,7})?$")
MAX_ROW, MAX_COL = 1_048_576, 16_384
MAX_NOTE = 8000  # characters of a note; the Hasil Validasi sheet has the full text


@dataclass(frozen=True)
class Built:
    data: bytes
    marked_cells: int
    notes: int
    restored_cells: int
    removed_notes: int
    unplaced: int  # findings listed on the sheet only: no sheet or cell of this workbook


def parse_cell(text: str | None) -> Pos | None:
    """A1 (or the first cell of A1:B2) → zero-based (row, col); None when not a cell."""
    match = _CELL.match((text or "").strip().upper())
    if not match:
        return None
    row, col = int(match[2]) - 1, column_index(match[1])
    return (row, col) if 0 <= row < MAX_ROW and 0 <= col < MAX_COL else None


def note_text(findings: Sequence[Finding]) -> str:
    blocks = []
    for finding in findings:
        text = f"[{finding.code}] {finding.message}"
        if finding.hint:
            text += f"\nSaran: {finding.hint}"
        blocks.append(text)
    text = "\n\n".join(blocks)
    return text if len(text) <= MAX_NOTE else text[: MAX_NOTE - 1] + "…"


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

    def previous_marks(self) -> list[Mark]:
        old = self.book.find(REPORT_SHEET)
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
                path=self.path,
                hint="Ganti nama lembar itu, lalu jalankan validasi lagi.",
            )
        self.book.remove_sheet(old)
        return record.marks

    def place(
        self, findings: Sequence[Finding]
    ) -> tuple[list[ReportLine], dict[int, dict[Pos, list[Finding]]]]:
        lines: list[ReportLine] = []
        targets: dict[int, dict[Pos, list[Finding]]] = defaultdict(lambda: defaultdict(list))
        for finding in findings:
            entry = self.book.find(finding.sheet) if finding.sheet else None
            pos = parse_cell(finding.cell)
            cell = f"{column_letters(pos[1])}{pos[0] + 1}" if pos else finding.cell
            usable = (
                entry is not None
                and entry.kind == "worksheet"
                and entry.part is not None
                and self.parts.package.exists(entry.part)
            )
            link = (cell if pos else "A1") if usable else None
            name = entry.name if entry else finding.sheet
            lines.append(ReportLine(finding, name, cell, link, on_cell=pos is not None))
            if usable and pos is not None and entry is not None:
                targets[entry.index][pos].append(finding)
        return lines, targets

    def restore(self, sheet: Worksheet, marks: Sequence[Mark]) -> int:
        cells = sheet.cells()
        edits: dict[Pos, CellEdit] = {}
        ours = set(FILLS.values())
        for mark in marks:
            state = cells.state(mark.row, mark.col)
            if not state.exists or self.styles.fill_rgb(state.xf) not in ours:
                continue  # the user changed the cell's format since: leave it alone
            if mark.original >= self.styles.xf_count:
                continue
            if not self.styles.same_but_fill(state.xf, max(mark.original, 0)):
                continue  # the record does not fit this workbook (saved by another program?)
            edits[(mark.row, mark.col)] = CellEdit(
                mark.original, create=False, drop_if_blank=mark.created
            )
        if edits:
            sheet.replace_data(cells.apply(edits))
        return len(edits)

    def mark(self, sheet: Worksheet, wanted: dict[Pos, list[Finding]]) -> list[Mark]:
        cells = sheet.cells()
        edits: dict[Pos, CellEdit] = {}
        marks: list[Mark] = []
        for pos, found in sorted(wanted.items()):
            state = cells.state(*pos)
            worst = max(found, key=lambda f: _RANK[f.severity]).severity
            style = self.styles.marked(state.xf, FILLS[worst])
            edits[pos] = CellEdit(style)
            marks.append(Mark(sheet.entry.sheet_id, *pos, state.style, style, not state.exists))
        sheet.replace_data(cells.apply(edits))
        sheet.expand_dimension((m.row, m.col) for m in marks if m.created)
        return marks

    def sheets_to_edit(
        self, targets: dict[int, dict[Pos, list[Finding]]], previous: dict[int, list[Mark]]
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


def build(path: Path, original: bytes, findings: Sequence[Finding], now: datetime) -> Built:
    run = _Run(path, original)
    previous: dict[int, list[Mark]] = defaultdict(list)
    for mark in run.previous_marks():
        previous[mark.sheet_id].append(mark)
    lines, targets = run.place(findings)
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
            texts = {pos: note_text(found) for pos, found in wanted.items()}
            notes += add_notes(run.parts, sheet, texts, run.blocks, run.folder)
        sheet.clear_tab_selected()
        sheet.save()
    formats = Formats.add_to(run.styles, FILLS)
    heading = f"Berkas {path.name}, diperiksa {now:%d-%m-%Y %H:%M}:"
    entry = run.book.add_sheet(REPORT_SHEET, report_xml(lines, new_marks, formats, heading))
    run.book.activate(entry.index)
    run.styles.save()
    run.book.save()
    run.parts.save()
    unplaced = sum(1 for line in lines if not (line.link and line.on_cell))
    return Built(
        data=run.parts.package.to_bytes(),
        marked_cells=len(new_marks),
        notes=notes,
        restored_cells=restored,
        removed_notes=removed,
        unplaced=unplaced,
    )
