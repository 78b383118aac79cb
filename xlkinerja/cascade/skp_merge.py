"""Merge a freshly planned SKP into the one the employee already filled (no I/O).

The matriks (agreed in the dialog kinerja) decides which RHK/IKI rows exist; what the
employee typed is never lost: their rows, codes, IKI wording, ranges, manual indikator and
realisasi are kept. Where the matriks and the employee disagree (a target), the employee's
value stays and a conflict is reported for the dialog kinerja.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from xlkinerja.core.form_data import CellScalar, FormValues
from xlkinerja.domain.values import as_code, as_text
from xlkinerja.validation.messages import show

IDENTITY = ("tahun", "nama", "nip", "unit")  # refreshed from the source every time
RHK_TARGET = ("rhk", "target")
Record = Mapping[str, CellScalar]


@dataclass
class MergeResult:
    values: FormValues
    conflicts: list[str] = field(default_factory=list)
    added: int = 0


def _key(row: Record) -> tuple[str, str, str]:
    return (
        as_code(row.get("rhk_pimpinan")) or "",
        " ".join((as_text(row.get("rhk")) or "").split()).casefold(),
        (as_text(row.get("aspek")) or "").casefold(),
    )


def _numbers(rows: Sequence[Record], key: str, pattern: str) -> set[tuple[int, ...]]:
    found = set()
    for row in rows:
        match = re.fullmatch(pattern, as_code(row.get(key)) or "")
        if match:
            found.add(tuple(int(g) for g in match.groups()))
    return found


def _same(a: CellScalar, b: CellScalar) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(float(a) - float(b)) < 1e-9
    return as_text(a) == as_text(b)


def merge_skp(planned: FormValues, existing: FormValues | None) -> MergeResult:
    if existing is None:
        return MergeResult(values=planned, added=len(planned.tables.get("rhk", ())))
    fields = {k: v for k, v in existing.fields.items() if v is not None}
    conflicts: list[str] = []
    for key, value in planned.fields.items():
        if key in IDENTITY or key not in fields:
            if key in fields and not _same(fields[key], value) and value is not None:
                conflicts.append(f"isian {key}: '{show(fields[key])}' diganti '{show(value)}'")
            if value is not None:
                fields[key] = value
    rows = [dict(r) for r in existing.tables.get("rhk", ())]
    by_key = {_key(r): r for r in rows}
    rhk_numbers = {n[0] for n in _numbers(rows, "kode_rhk", r"RHK-(\d+)")}
    iki_numbers = _numbers(rows, "kode_iki", r"IKI-(\d+)\.(\d+)")
    rhk_code_of: dict[tuple[str, str], str] = {}
    for row in rows:
        k = _key(row)
        if row.get("kode_rhk"):
            rhk_code_of.setdefault(k[:2], str(row["kode_rhk"]))
    added = 0
    planned_keys = set()
    typed_percent = {  # targets typed as percentages: 0.78 formatted 0% is 78
        id(rows[i])
        for table, i, column in existing.formats
        if (table, column) == RHK_TARGET and i < len(rows)
    }
    for plan in planned.tables.get("rhk", ()):
        k = _key(plan)
        planned_keys.add(k)
        mine = by_key.get(k)
        if mine is not None:
            target = mine.get("target")
            if id(mine) in typed_percent and isinstance(target, int | float):
                target = round(target * 100, 9)
            if not _same(target, plan.get("target")):
                conflicts.append(
                    f"{mine.get('kode_iki') or mine.get('rhk')}: target di SKP "
                    f"{show(target)}, di matriks {show(plan.get('target'))} "
                    "(nilai SKP dipertahankan)"
                )
            continue
        new = dict(plan)
        code = rhk_code_of.get(k[:2])
        if code is None:
            number = max(rhk_numbers, default=0) + 1
            rhk_numbers.add(number)
            code = f"RHK-{number}"
            rhk_code_of[k[:2]] = code
        number = int(code.split("-")[1]) if re.fullmatch(r"RHK-\d+", code) else 0
        sub = max((s for n, s in iki_numbers if n == number), default=0) + 1
        iki_numbers.add((number, sub))
        new["kode_rhk"], new["kode_iki"] = code, f"IKI-{number}.{sub}"
        rows.append(new)
        added += 1
    for row in rows:
        if (
            as_text(row.get("jenis")) == "Utama"
            and _key(row) not in planned_keys
            and row.get("rhk_pimpinan")
        ):
            conflicts.append(
                f"{row.get('kode_iki') or row.get('rhk')}: RHK utama yang "
                f"mengintervensi {row.get('rhk_pimpinan')} tidak ada lagi di "
                "matriks (dipertahankan)"
            )
    tables = {**existing.tables, "rhk": rows}
    return MergeResult(
        values=FormValues(fields=fields, tables=tables, formats=existing.formats),
        conflicts=conflicts,
        added=added,
    )
