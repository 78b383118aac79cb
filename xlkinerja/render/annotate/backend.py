"""What a write-back backend does: apply a plan to one workbook and say what it did.

Backends differ in where the workbook is (a closed file patched as a zip package, or a
workbook open in Excel, reached through xlwings) but not in what they show: that is the
plan's. Each backend decides the plan's wishes against its workbook (does the sheet exist,
is it a worksheet) and removes the marks of the previous run before adding new ones.
"""

from __future__ import annotations

from typing import Protocol

from xlkinerja.render.annotate.plan import WritebackPlan


class WritebackOutcome(Protocol):
    """The counts every backend reports (its result may carry more, e.g. a backup)."""

    @property
    def findings(self) -> int: ...  # listed on the report sheet

    @property
    def marked_cells(self) -> int: ...  # cells given a fill colour

    @property
    def notes(self) -> int: ...  # notes added (never over a note of the user's)

    @property
    def restored_cells(self) -> int: ...  # cells of the previous run given back their style

    @property
    def removed_notes(self) -> int: ...  # notes of the previous run removed

    @property
    def unplaced(self) -> int: ...  # findings listed only: no such cell in this workbook


class WritebackBackend(Protocol):
    def apply(self, plan: WritebackPlan) -> WritebackOutcome:
        """Write the plan into the workbook, replacing the previous run's marks."""
        ...
