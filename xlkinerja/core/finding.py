"""One finding = one record; tests assert on `code` and `cell`, never on the prose."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum


class Severity(StrEnum):
    GALAT = "galat"  # an error: the data is wrong and must be fixed
    PERINGATAN = "peringatan"  # a warning: probably wrong, or needs a reason
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    code: str  # stable, e.g. "pk.target.kosong"
    severity: Severity
    file: str  # the workbook's path as given
    sheet: str | None
    cell: str | None  # A1 address
    row: int | None  # Excel row number
    field: str | None  # column or field label the user sees
    value: str | None  # the offending value as text
    message: str  # Indonesian: where → rule → value → how to fix
    hint: str = ""
    # Cascade findings name the other end too (e.g. the parent IKU's cell).
    ref_file: str | None = None
    ref_sheet: str | None = None
    ref_cell: str | None = None

    def as_dict(self) -> dict[str, object]:
        return asdict(self)
