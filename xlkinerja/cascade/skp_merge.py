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

A conflict has its code (`kaskade.konflik.*`, validation/catalogue_kaskade.py) and its place:
the row of the merged RHK table (the employee's rows keep their order, the added follow)
and the column, or the field; the job turns it into a finding at its cell.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from xlkinerja.cascade.skp_plan import norm_text, rhk_group
from xlkinerja.core.codes import Code
from xlkinerja.core.finding import Finding
from xlkinerja.core.form_data import CellScalar, FormValues
from xlkinerja.domain.values import as_code, as_text
from xlkinerja.validation.messages import finding, rule_text, show

IDENTITY = ("tahun", "nama", "nip", "unit")  # refreshed from the source every time
RHK_TARGET = ("rhk", "target")
Record = Mapping[str, CellScalar]
Row = dict[str, CellScalar]
Key = Callable[[Record], tuple[str, ...]]


@dataclass(frozen=True)
class Conflict:
    """What the dialog kinerja must align: its code, where (`row`: the index of the row in
    the merged RHK table, None for a field; `key`: the column, or the field), the value
    there, and the details its rule's message names."""

    code: Code
    key: str
    row: int | None
    value: CellScalar
    details: Mapping[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The conflict as people read it, without its place."""
        return rule_text(self.code, self.value, **self.details)

    def finding(self, file: str, sheet: str, cell: str, row: int | None, label: str) -> Finding:
        return finding(
            self.code,
            file=file,
            sheet=sheet,
            cell=cell,
            row=row,
            field=label,
            value=self.value,
            **cast("dict[str, Any]", self.details),  # the rule's details, all text
        )


@dataclass
class MergeResult:
    values: FormValues
    conflicts: list[Conflict] = field(default_factory=list)
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
    planned: FormValues, existing: FormValues, conflicts: list[Conflict]
) -> dict[str, CellScalar]:
    fields: dict[str, CellScalar] = {k: v for k, v in existing.fields.items() if v is not None}
    for key, value in planned.fields.items():
        if key in IDENTITY or key not in fields:
            if key in fields and not _same(fields[key], value) and value is not None:
                details = {"isian": key, "baru": str(show(value))}
                conflicts.append(
                    Conflict(Code.KASKADE_KONFLIK_ISIAN_DIGANTI, key, None, fields[key], details)
                )
            if value is not None:
                fields[key] = value
    return fields


def _paired_conflicts(
    plans: Sequence[Record],
    rows: Sequence[Row],
    pairs: Mapping[int, tuple[int, Pass]],
    existing: FormValues,
    source: str,
) -> list[Conflict]:
    """What each pair, in the planned order, leaves for the dialog kinerja to align."""
    typed_percent = {  # targets typed as percentages: 0.78 formatted 0% is 78
        i for table, i, column in existing.formats if (table, column) == RHK_TARGET
    }
    notes: list[Conflict] = []
    for p, (i, step) in sorted(pairs.items(), key=lambda item: item[0]):
        notes += _pair_notes(plans[p], rows[i], i, step, i in typed_percent, source)
    return notes


def _pair_notes(
    plan: Record, mine: Record, at: int, step: Pass, percent: bool, source: str
) -> list[Conflict]:
    """One pair's notes (`at`: the typed row's index): a pass that says its pairs names the
    intervened code or the wording that differs; a target that differs is named whatever
    the pass."""
    notes: list[Conflict] = []
    said = {"label": _label(mine), "sumber": source, "rencana": _pimpinan(plan)}
    if step.said and _pimpinan(mine) != _pimpinan(plan):
        code = Code.KASKADE_KONFLIK_INTERVENSI_BEDA
        notes.append(Conflict(code, "rhk_pimpinan", at, _pimpinan(mine), said))
    elif step.said:
        wording = {"iki_sumber": str(show(plan.get("iki"))), "aspek": str(show(plan.get("aspek")))}
        code = Code.KASKADE_KONFLIK_RUMUSAN_BEDA
        notes.append(Conflict(code, "iki", at, mine.get("iki"), said | wording))
    target = mine.get("target")
    if percent and isinstance(target, int | float):
        target = round(target * 100, 9)
    if not _same(target, plan.get("target")):
        both = {"target_skp": str(show(target)), "target_sumber": str(show(plan.get("target")))}
        code = Code.KASKADE_KONFLIK_TARGET_BEDA
        notes.append(Conflict(code, "target", at, target, said | both))
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


def _left_typed(rows: Sequence[Row], paired_rows: set[int]) -> dict[tuple[str, str], list[int]]:
    """The unpaired typed rows the source could account for (their indexes), by
    (intervened code, aspek)."""
    left: dict[tuple[str, str], list[int]] = {}
    for i, row in enumerate(rows):
        if i not in paired_rows and _is_linked(row):
            left.setdefault((_pimpinan(row), _aspek(row)), []).append(i)
    return left


def _unsure_note(plan: Record, rows: Sequence[Row], unsure: Sequence[int], source: str) -> Conflict:
    """A planned row not added: typed rows of its intervened code and aspek are left too
    (the conflict is at the first of them)."""
    details = {
        "iki_sumber": str(show(plan.get("iki"))),
        "target_sumber": str(show(plan.get("target"))),
        "sumber": source,
        "rencana": _pimpinan(plan),
        "baris_skp": ", ".join(_label(rows[i]) for i in unsure),
    }
    first = unsure[0]
    code = Code.KASKADE_KONFLIK_BARIS_TIDAK_DITAMBAHKAN
    return Conflict(code, "iki", first, rows[first].get("iki"), details)


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
    left_typed: Mapping[tuple[str, str], list[int]],
    source: str,
    conflicts: list[Conflict],
) -> int:
    """Append each unpaired planned row to `rows` with its codes, unless typed rows of its
    intervened code and aspek are left too (then it is reported); the number added."""
    added = 0
    for p, plan in enumerate(plans):
        if p in pairs:
            continue
        unsure = left_typed.get((_pimpinan(plan), _aspek(plan))) or []
        if unsure:
            conflicts.append(_unsure_note(plan, rows, unsure, source))
            continue
        rhk_code = codes.rhk(plan)
        rows.append(dict(plan) | {"kode_rhk": rhk_code, "kode_iki": codes.iki(rhk_code)})
        added += 1
    return added


def _gone_notes(
    rows: Sequence[Row], paired_rows: set[int], plans: Sequence[Record], source: str
) -> list[Conflict]:
    """The unpaired typed rows whose intervened code is no longer in the source."""
    in_source = {_pimpinan(plan) for plan in plans}
    return [
        Conflict(
            Code.KASKADE_KONFLIK_INTERVENSI_HILANG,
            "rhk_pimpinan",
            i,
            row.get("rhk_pimpinan"),
            {"label": _label(row), "pimpinan": str(row.get("rhk_pimpinan")), "sumber": source},
        )
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
    conflicts: list[Conflict] = []
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
