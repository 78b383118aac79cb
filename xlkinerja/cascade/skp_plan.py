"""What an employee's SKP should hold, from the unit's PK and Matriks Peran-Hasil (no I/O).

Members: one RHK per distinct role result in the matriks, one IKI per matriks row; the
"RHK pimpinan yang diintervensi" is the leader's IKK. The unit head: one IKI per IKK of the
unit's PK, under the RHK of its sasaran, intervening the IKU it derives from (JPT form: RHK
from the PK).

Both group rows into RHK the one way merging does (`rhk_group`: the intervened code and the
RHK text), so a fresh run and a merge onto an earlier run number the same rows alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from xlkinerja.core.form_data import CellScalar
from xlkinerja.core.normal import UnitForm
from xlkinerja.core.table_access import positions, text, val
from xlkinerja.domain.values import as_code


@dataclass
class SkpPlan:
    nip: str
    nama: str
    jabatan: str | None
    jenis_jabatan: str | None
    is_head: bool
    rhk: list[dict[str, CellScalar]] = field(default_factory=list)


def _person(unit: UnitForm, nip: str) -> tuple[str, str | None, str | None]:
    tim = unit.table("tim")
    for pos in positions(tim):
        if text(tim, pos, "nip") == nip:
            return (
                text(tim, pos, "nama") or nip,
                text(tim, pos, "jabatan"),
                text(tim, pos, "jenis_jabatan"),
            )
    return nip, None, None


def norm_text(value: object) -> str:
    """Text as rows are compared: spaces collapsed, case folded."""
    return " ".join(str(value or "").split()).casefold()


def rhk_group(row: Mapping[str, CellScalar]) -> tuple[str, str]:
    """The RHK a row belongs to: the code it intervenes and the RHK text."""
    return (as_code(row.get("rhk_pimpinan")) or "", norm_text(row.get("rhk")))


def number_rows(rows: list[dict[str, CellScalar]]) -> None:
    """kode_rhk and kode_iki of `rows` in order: RHK-n per `rhk_group`, IKI-n.m within it."""
    numbers: dict[tuple[str, str], int] = {}
    count: dict[int, int] = {}
    for row in rows:
        number = numbers.setdefault(rhk_group(row), len(numbers) + 1)
        count[number] = count.get(number, 0) + 1
        row["kode_rhk"], row["kode_iki"] = f"RHK-{number}", f"IKI-{number}.{count[number]}"


def plan_member(unit: UnitForm, nip: str) -> SkpPlan:
    nama, jabatan, jenis = _person(unit, nip)
    matriks = unit.table("matriks")
    plan = SkpPlan(nip=nip, nama=nama, jabatan=jabatan, jenis_jabatan=jenis, is_head=False)
    for pos in positions(matriks):
        if text(matriks, pos, "nip") != nip:
            continue
        if nama == nip and (named := text(matriks, pos, "nama")):
            plan.nama = nama = named
        if plan.jabatan is None:
            plan.jabatan = text(matriks, pos, "jabatan")
        plan.rhk.append(
            {
                "jenis": "Utama",
                "rhk_pimpinan": text(matriks, pos, "kode_ikk"),
                "rhk": text(matriks, pos, "rhk"),
                "aspek": val(matriks, pos, "aspek"),
                "iki": val(matriks, pos, "iki"),
                "target": val(matriks, pos, "target"),
                "satuan": val(matriks, pos, "satuan"),
            }
        )
    number_rows(plan.rhk)
    return plan


def plan_head(unit: UnitForm, nip: str) -> SkpPlan:
    nama, jabatan, jenis = _person(unit, nip)
    plan = SkpPlan(
        nip=nip,
        nama=unit.text("pihak_pertama_nama") or nama,
        jabatan=unit.text("pihak_pertama_jabatan") or jabatan,
        jenis_jabatan=jenis,
        is_head=True,
    )
    pk = unit.table("pk")
    for pos in positions(pk):
        plan.rhk.append(
            {
                "jenis": "Utama",
                "rhk_pimpinan": val(pk, pos, "kode_iku"),
                "rhk": val(pk, pos, "sasaran"),
                "aspek": "kuantitas",
                "iki": val(pk, pos, "indikator"),
                "target": val(pk, pos, "target"),
                "satuan": val(pk, pos, "satuan"),
            }
        )
    number_rows(plan.rhk)
    return plan


def plan_unit(unit: UnitForm) -> list[SkpPlan]:
    """One plan for the unit head and one per employee named in the matriks, in order."""
    head = unit.text("pihak_pertama_nip")
    plans = [plan_head(unit, str(head))] if head else []
    seen = {head}
    matriks = unit.table("matriks")
    for pos in positions(matriks):
        nip = text(matriks, pos, "nip")
        if nip and nip not in seen:
            seen.add(nip)
            plans.append(plan_member(unit, nip))
    return plans
