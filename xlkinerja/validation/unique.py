"""Columns marked unique in the spec: no two rows of a table with the same value (per file).

Plain Python on the normalised columns: it runs in the kompilasi worker processes, which
never import pandas or pandera.
"""

from __future__ import annotations

import math

from xlkinerja.core.codes import ColumnRule
from xlkinerja.core.finding import Finding
from xlkinerja.core.normal import NormalForm, NormalValue
from xlkinerja.validation.locate import at


def check_unique(form: NormalForm) -> list[Finding]:
    """Columns marked unique: no two rows with the same (normalised) value."""
    found: list[Finding] = []
    for spec in form.form.tables:
        table = form.tables[spec.key]
        for col in spec.input_columns:
            if not col.unique or not len(table):
                continue
            where: dict[NormalValue, list[int]] = {}
            for pos, value in enumerate(table.columns[col.key]):
                if value is not None and not (isinstance(value, float) and math.isnan(value)):
                    where.setdefault(value, []).append(pos)
            for same in where.values():
                for pos in same if len(same) > 1 else ():
                    others = ", ".join(str(table.rows[p]) for p in same if p != pos)
                    code = table.code(col.key, ColumnRule.DUPLIKAT)
                    found.append(at(form, table, pos, col.key, code, baris_lain=others))
    return found
