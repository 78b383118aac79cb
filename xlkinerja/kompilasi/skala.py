"""The predikat scale of an institution: the master's Predikat table, else the common one."""

from __future__ import annotations

from xlkinerja.core.normal import MasterForm
from xlkinerja.core.table_access import positions, val
from xlkinerja.domain.predikat import DEFAULT_SCALE, PredikatScale, SkalaPredikatError


def predikat_scale(master: MasterForm | None) -> PredikatScale:
    """The master's scale; the common (LKjIP) one without a master, an empty table, or a
    broken one (the master's own validation reports that)."""
    if master is None:
        return DEFAULT_SCALE
    table = master.table("predikat")
    rows = [
        (val(table, p, "batas_bawah"), val(table, p, "batas_atas"), val(table, p, "predikat"))
        for p in positions(table)
    ]
    if not rows:
        return DEFAULT_SCALE
    try:
        return PredikatScale.from_rows(rows)
    except SkalaPredikatError:
        return DEFAULT_SCALE
