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


def _paired_conflicts(
    plans: Sequence[Record],
    rows: Sequence[Row],
    pairs: Mapping[int, tuple[int, Pass]],
    existing: FormValues,
    source: str,
) -> list[str]:
    """What each pair, in the planned order, leaves for the dialog kinerja to align."""
    typed_percent = {  # targets typed as percentages: 0.78 formatted 0% is 78
        i for table, i, column in existing.formats if (table, column) == RHK_TARGET
    }
    notes: list[str] = []
    for p, (i, step) in sorted(pairs.items(), key=lambda item: item[0]):
        notes += _pair_notes(plans[p], rows[i], step, i in typed_percent, source)
    return notes


def _pair_notes(plan: Record, mine: Record, step: Pass, percent: bool, source: str) -> list[str]:
    """One pair's notes: a pass that says its pairs names the intervened code or the
    wording that differs; a target that differs is named whatever the pass."""
    notes: list[str] = []
    label = _label(mine)
    if step.said and _pimpinan(mine) != _pimpinan(plan):
        notes.append(
            f"{label} mengintervensi {_pimpinan(mine)} di SKP, {_pimpinan(plan)} di "
            f"{source} (isian SKP dipertahankan)"
        )
    elif step.said:
        notes.append(
            f"{label} dipasangkan dengan '{show(plan.get('iki'))}' dari {source} "
            f"({_pimpinan(plan)}, {show(plan.get('aspek'))}): rumusannya berbeda "
            "(isian SKP dipertahankan)"
        )
    target = mine.get("target")
    if percent and isinstance(target, int | float):
        target = round(target * 100, 9)
    if not _same(target, plan.get("target")):
        notes.append(
            f"{label}: target di SKP {show(target)}, di {source} "
            f"{show(plan.get('target'))} (nilai SKP dipertahankan)"
        )
    return notes


def _codes_of_groups(
    plans: Sequence[Record], rows: Sequence[Row], pairs: Mapping[int, tuple[int, Pass]]
) -> dict[CellScalar, str]:
    """Planned kode_rhk → the SKP's kode_rhk, from the first pair (in the planned order)
    whose typed row has one."""
    code_of_group: dict[CellScalar, str] = {}
    for p, (i, _) in sorted(pairs.items(), key=lambda item: item[0]):
        if rows[i].get("kode_rhk"):
            code_of_group.setdefault(plans[p].get("kode_rhk"), str(rows[i]["kode_rhk"]))
    return code_of_group


def _left_typed(rows: Sequence[Row], paired_rows: set[int]) -> dict[tuple[str, str], list[Row]]:
    """The unpaired typed rows the source could account for, by (intervened code, aspek)."""
    left: dict[tuple[str, str], list[Row]] = {}
    for i, row in enumerate(rows):
        if i not in paired_rows and _is_linked(row):
            left.setdefault((_pimpinan(row), _aspek(row)), []).append(row)
    return left


def _unsure_note(plan: Record, unsure: Sequence[Row], source: str) -> str:
    """A planned row not added: typed rows of its intervened code and aspek are left too."""
    labels = ", ".join(_label(r) for r in unsure)
    return (
        f"'{show(plan.get('iki'))}' (target {show(plan.get('target'))}) dari {source} "
        f"untuk {_pimpinan(plan)} belum ada di SKP, dan baris SKP {labels} untuk "
        f"{_pimpinan(plan)} tidak cocok dengannya: samakan di dialog kinerja "
        "(tidak ditambahkan)"
    )


@dataclass
class _Codes:
    """The codes an added row gets: the RHK of its group (the SKP's code for its paired
    siblings, else the typed RHK of the same text, else the next free number) and the
    next free IKI number within that RHK."""

    code_of_group: dict[CellScalar, str]
    typed_code_of: dict[tuple[str, str], str]
    rhk_numbers: set[int]
    iki_numbers: set[tuple[int, ...]]

    @classmethod
    def of(cls, rows: Sequence[Row], code_of_group: dict[CellScalar, str]) -> _Codes:
        return cls(
            code_of_group=code_of_group,
            typed_code_of={rhk_group(r): str(r["kode_rhk"]) for r in rows if r.get("kode_rhk")},
            rhk_numbers={n[0] for n in _numbers(rows, "kode_rhk", r"RHK-(\d+)")},
            iki_numbers=_numbers(rows, "kode_iki", r"IKI-(\d+)\.(\d+)"),
        )

    def rhk(self, plan: Record) -> str:
        rhk_code = self.code_of_group.get(plan.get("kode_rhk")) or self.typed_code_of.get(
            rhk_group(plan)
        )
        if not rhk_code:
            number = max(self.rhk_numbers, default=0) + 1
            self.rhk_numbers.add(number)
            rhk_code = f"RHK-{number}"
        self.code_of_group.setdefault(plan.get("kode_rhk"), rhk_code)
        return rhk_code

    def iki(self, rhk_code: str) -> str:
        number = int(rhk_code.split("-")[1]) if re.fullmatch(r"RHK-\d+", rhk_code) else 0
        sub = max((s for n, s in self.iki_numbers if n == number), default=0) + 1
        self.iki_numbers.add((number, sub))
        return f"IKI-{number}.{sub}"


def _add_unpaired(
    plans: Sequence[Record],
    pairs: Mapping[int, tuple[int, Pass]],
    rows: list[Row],
    codes: _Codes,
    left_typed: Mapping[tuple[str, str], list[Row]],
    source: str,
    conflicts: list[str],
) -> int:
    """Append each unpaired planned row to `rows` with its codes, unless typed rows of its
    intervened code and aspek are left too (then it is reported); the number added."""
    added = 0
    for p, plan in enumerate(plans):
        if p in pairs:
            continue
        unsure = left_typed.get((_pimpinan(plan), _aspek(plan))) or []
        if unsure:
            conflicts.append(_unsure_note(plan, unsure, source))
            continue
        rhk_code = codes.rhk(plan)
        rows.append(dict(plan) | {"kode_rhk": rhk_code, "kode_iki": codes.iki(rhk_code)})
        added += 1
    return added


def _gone_notes(
    rows: Sequence[Row], paired_rows: set[int], plans: Sequence[Record], source: str
) -> list[str]:
    """The unpaired typed rows whose intervened code is no longer in the source."""
    in_source = {_pimpinan(plan) for plan in plans}
    return [
        f"{_label(row)}: RHK utama yang mengintervensi "
        f"{row.get('rhk_pimpinan')} tidak ada lagi di {source} (dipertahankan)"
        for i, row in enumerate(rows)
        if i not in paired_rows and _is_linked(row) and _pimpinan(row) not in in_source
    ]


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
    conflicts += _paired_conflicts(plans, rows, pairs, existing, source)

    paired_rows = {i for i, _ in pairs.values()}
    left_typed = _left_typed(rows, paired_rows)
    codes = _Codes.of(rows, _codes_of_groups(plans, rows, pairs))
    added = _add_unpaired(plans, pairs, rows, codes, left_typed, source, conflicts)
    conflicts += _gone_notes(rows, paired_rows, plans, source)
    tables = {**existing.tables, "rhk": rows}
    return MergeResult(
        values=FormValues(fields=fields, tables=tables, formats=existing.formats),
        conflicts=conflicts,
        added=added,
    )
