"""Merge a freshly planned SKP into the one the employee already filled (no I/O).

The source (the matriks agreed in the dialog kinerja; the unit's PK for its head) decides
which RHK/IKI rows exist; what the employee typed is never lost: their rows, codes, IKI
wording, ranges, manual indikator and realisasi are kept.

Each planned row is paired with one of the employee's rows, in passes from the surest to
the loosest, so that the order of the rows never changes the outcome:
1. the same intervened code, RHK, aspek and IKI text;
2. the same intervened code, aspek and IKI text (the employee reworded the RHK);
3. the same intervened code, RHK and aspek (the employee reworded the IKI);
4. the same RHK, aspek and IKI text under another intervened code — paired and said (a
   code mistyped on one side);
5. the only planned row and the only typed row left for an intervened code and aspek, both
   worded otherwise — paired and said, so that someone checks the wording.
A planned row left unpaired is added, in the RHK of its group (the one its paired siblings
have in the SKP, else the typed RHK of the same text, else a new number) — unless a typed
row of the same intervened code and aspek is left unpaired too: then which is which is the
people's call, and it is reported instead of doubling the list. Where a pair disagrees on
the target, the employee's value stays and a conflict is reported for the dialog kinerja.
A typed row left unpaired whose intervened code is no longer in the source is kept and
reported; one whose code is still there is the employee's own further IKI.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from xlkinerja.cascade.skp_plan import norm_text, rhk_group
from xlkinerja.core.form_data import CellScalar, FormValues
from xlkinerja.domain.values import as_code, as_text
from xlkinerja.validation.messages import show

IDENTITY = ("tahun", "nama", "nip", "unit")  # refreshed from the source every time
RHK_TARGET = ("rhk", "target")
Record = Mapping[str, CellScalar]
Row = dict[str, CellScalar]
Key = Callable[[Record], tuple[str, ...]]


@dataclass
class MergeResult:
    values: FormValues
    conflicts: list[str] = field(default_factory=list)
    added: int = 0


def _pimpinan(row: Record) -> str:
    return as_code(row.get("rhk_pimpinan")) or ""


def _aspek(row: Record) -> str:
    return norm_text(row.get("aspek"))


def _iki(row: Record) -> str:
    return norm_text(row.get("iki"))


@dataclass(frozen=True)
class Pass:
    key: Key
    said: bool = False  # the pair is reported: something differs that people should align
    unique: bool = False  # pairs only where one row is left on each side


PASSES = (
    Pass(lambda r: (*rhk_group(r), _aspek(r), _iki(r))),
    Pass(lambda r: (_pimpinan(r), _aspek(r), _iki(r))),
    Pass(lambda r: (*rhk_group(r), _aspek(r))),
    Pass(lambda r: (rhk_group(r)[1], _aspek(r), _iki(r)), said=True),
    Pass(lambda r: (_pimpinan(r), _aspek(r)), said=True, unique=True),
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


def _label(row: Record) -> str:
    """How a typed row is named to people: its IKI code, else its RHK's, else its text."""
    return str(row.get("kode_iki") or row.get("kode_rhk") or show(row.get("rhk")))


def _is_linked(row: Record) -> bool:
    """A main RHK row that names what it intervenes: one the source can account for."""
    return as_text(row.get("jenis")) == "Utama" and bool(_pimpinan(row))


def _pair(planned: Sequence[Record], rows: Sequence[Record]) -> dict[int, tuple[int, Pass]]:
    """planned index → (typed row index, the pass that paired them); each typed row is
    paired at most once."""
    pairs: dict[int, tuple[int, Pass]] = {}
    taken: set[int] = set()
    for step in PASSES:
        key = step.key
        free: dict[tuple[str, ...], list[int]] = {}
        for i, row in enumerate(rows):
            if i not in taken and _is_linked(row):
                free.setdefault(key(row), []).append(i)
        waiting: dict[tuple[str, ...], list[int]] = {}
        for p, plan in enumerate(planned):
            if p not in pairs:
                waiting.setdefault(key(plan), []).append(p)
        for k, plans in waiting.items():
            mine = free.get(k, [])
            if step.unique and (len(plans) != 1 or len(mine) != 1):
                continue  # more than one on a side: which is which is not for us to guess
            for p, i in zip(plans, mine, strict=False):
                pairs[p] = (i, step)
                taken.add(i)
    return pairs


def _fields(
    planned: FormValues, existing: FormValues, conflicts: list[str]
) -> dict[str, CellScalar]:
    fields: dict[str, CellScalar] = {k: v for k, v in existing.fields.items() if v is not None}
    for key, value in planned.fields.items():
        if key in IDENTITY or key not in fields:
            if key in fields and not _same(fields[key], value) and value is not None:
                conflicts.append(f"isian {key}: '{show(fields[key])}' diganti '{show(value)}'")
            if value is not None:
                fields[key] = value
    return fields


def merge_skp(
    planned: FormValues, existing: FormValues | None, *, source: str = "matriks"
) -> MergeResult:
    """`planned` (from the `source`: "matriks", or "PK unit" for the head) merged into the
    `existing` SKP (see the module docstring)."""
    if existing is None:
        return MergeResult(values=planned, added=len(planned.tables.get("rhk", ())))
    conflicts: list[str] = []
    fields = _fields(planned, existing, conflicts)
    rows: list[Row] = [dict(r) for r in existing.tables.get("rhk", ())]
    plans = list(planned.tables.get("rhk", ()))
    pairs = _pair(plans, rows)

    typed_percent = {  # targets typed as percentages: 0.78 formatted 0% is 78
        i for table, i, column in existing.formats if (table, column) == RHK_TARGET
    }
    code_of_group: dict[CellScalar, str] = {}  # planned kode_rhk → the SKP's kode_rhk
    for p, (i, step) in sorted(pairs.items(), key=lambda item: item[0]):
        plan, mine = plans[p], rows[i]
        if mine.get("kode_rhk"):
            code_of_group.setdefault(plan.get("kode_rhk"), str(mine["kode_rhk"]))
        label = _label(mine)
        if step.said and _pimpinan(mine) != _pimpinan(plan):
            conflicts.append(
                f"{label} mengintervensi {_pimpinan(mine)} di SKP, {_pimpinan(plan)} di "
                f"{source} (isian SKP dipertahankan)"
            )
        elif step.said:
            conflicts.append(
                f"{label} dipasangkan dengan '{show(plan.get('iki'))}' dari {source} "
                f"({_pimpinan(plan)}, {show(plan.get('aspek'))}): rumusannya berbeda "
                "(isian SKP dipertahankan)"
            )
        target = mine.get("target")
        if i in typed_percent and isinstance(target, int | float):
            target = round(target * 100, 9)
        if not _same(target, plan.get("target")):
            conflicts.append(
                f"{label}: target di SKP {show(target)}, di {source} "
                f"{show(plan.get('target'))} (nilai SKP dipertahankan)"
            )

    paired_rows = {i for i, _ in pairs.values()}
    left_typed: dict[tuple[str, str], list[Row]] = {}  # (intervened code, aspek) → rows
    for i, row in enumerate(rows):
        if i not in paired_rows and _is_linked(row):
            left_typed.setdefault((_pimpinan(row), _aspek(row)), []).append(row)

    rhk_numbers = {n[0] for n in _numbers(rows, "kode_rhk", r"RHK-(\d+)")}
    iki_numbers = _numbers(rows, "kode_iki", r"IKI-(\d+)\.(\d+)")
    typed_code_of = {rhk_group(r): str(r["kode_rhk"]) for r in rows if r.get("kode_rhk")}
    added = 0
    for p, plan in enumerate(plans):
        if p in pairs:
            continue
        unsure = left_typed.get((_pimpinan(plan), _aspek(plan))) or []
        if unsure:
            labels = ", ".join(_label(r) for r in unsure)
            conflicts.append(
                f"'{show(plan.get('iki'))}' (target {show(plan.get('target'))}) dari {source} "
                f"untuk {_pimpinan(plan)} belum ada di SKP, dan baris SKP {labels} untuk "
                f"{_pimpinan(plan)} tidak cocok dengannya: samakan di dialog kinerja "
                "(tidak ditambahkan)"
            )
            continue
        rhk_code = code_of_group.get(plan.get("kode_rhk")) or typed_code_of.get(rhk_group(plan))
        if not rhk_code:
            number = max(rhk_numbers, default=0) + 1
            rhk_numbers.add(number)
            rhk_code = f"RHK-{number}"
        code_of_group.setdefault(plan.get("kode_rhk"), rhk_code)
        number = int(rhk_code.split("-")[1]) if re.fullmatch(r"RHK-\d+", rhk_code) else 0
        sub = max((s for n, s in iki_numbers if n == number), default=0) + 1
        iki_numbers.add((number, sub))
        rows.append(dict(plan) | {"kode_rhk": rhk_code, "kode_iki": f"IKI-{number}.{sub}"})
        added += 1

    in_source = {_pimpinan(plan) for plan in plans}
    for i, row in enumerate(rows):
        if i not in paired_rows and _is_linked(row) and _pimpinan(row) not in in_source:
            conflicts.append(
                f"{_label(row)}: RHK utama yang mengintervensi "
                f"{row.get('rhk_pimpinan')} tidak ada lagi di {source} (dipertahankan)"
            )
    tables = {**existing.tables, "rhk": rows}
    return MergeResult(
        values=FormValues(fields=fields, tables=tables, formats=existing.formats),
        conflicts=conflicts,
        added=added,
    )
