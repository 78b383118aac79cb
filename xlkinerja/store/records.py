"""The records the archive takes and gives back: plain frozen dataclasses, no database types.

A `Submission` is one workbook as compiled. Its `cells` map every value read to where it
came from, so two versions can be compared cell by cell:

    {"PK!H12": {"value": 80, "field": "pk.target", "label": "Target"}, ...}

`value` is the cell's value (JSON-able); `field` (table.column or header field key) and
`label` (what the user sees) are optional and only make a diff easier to read. A bare
value instead of the small mapping is accepted too (read as `{"value": ...}`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from xlkinerja.store.rowcodec import ColumnRows

KINDS = ("unit", "skp", "master")


@dataclass(frozen=True)
class Submission:
    """One workbook as compiled."""

    unit: str  # kode_unit (or NIP for SKP, "master" for the master)
    kind: str  # "unit" | "skp" | "master"
    file_name: str
    sha256: str
    status: str | None  # draft / diajukan / disahkan
    tahun: int | None
    # table key -> records; JSON-able values (dates as ISO strings); may be `ColumnRows`
    rows: Mapping[str, Sequence[Mapping[str, object]]]
    # "Sheet!A1" -> {"value": ..., "field": ..., "label": ...}, for every value read;
    # may be `cellcodec.GroupedCells`
    cells: Mapping[str, Mapping[str, object]]

    @property
    def rows_count(self) -> int:
        if isinstance(self.rows, ColumnRows):
            return self.rows.count()  # without building the records
        return sum(len(records) for records in self.rows.values())


@dataclass(frozen=True)
class RecordResult:
    version: int
    new: bool  # False: the unit's latest version already had this sha256
    submission_id: int  # database id of the version (the existing one when not new)


@dataclass(frozen=True)
class VersionInfo:
    """One archived version, without its data."""

    unit: str
    kind: str
    version: int
    file_name: str
    sha256: str
    status: str | None
    compiled_at: datetime  # timezone-aware, UTC
    compiled_by: str | None
    rows_count: int
    tahun: int | None = None
    submission_id: int = 0


@dataclass(frozen=True)
class CellChange:
    """One cell whose value differs between two versions (None: blank or absent)."""

    cell: str  # "Sheet!A1"
    field: str | None
    label: str | None
    old: object
    new: object


@dataclass(frozen=True)
class TargetChange:
    """A target of one indicator that changed, e.g. IKK-TI-1 target 78 → 80."""

    table: str  # table key, e.g. "pk"
    code: str  # indicator code, e.g. "IKK-TI-1"
    field: str  # e.g. "target", "tw4", "target_2"
    old: object
    new: object
