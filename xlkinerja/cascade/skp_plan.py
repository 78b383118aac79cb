"""What an employee's SKP should hold, from the unit's PK and Matriks Peran-Hasil (no I/O).

Members: one RHK per distinct role result in the matriks, one IKI per matriks row; the
"RHK pimpinan yang diintervensi" is the leader's IKK. The unit head: one RHK per IKK of the
unit's PK, intervening the IKU it derives from (JPT form: RHK from the PK).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from xlkinerja.core.form_data import CellScalar
from xlkinerja.core.normal import NormalForm
from xlkinerja.core.table_access import positions, text, val


@dataclass
class SkpPlan:
    nip: str
    nama: str
    jabatan: str | None
    jenis_jabatan: str | None
    is_head: bool
    rhk: list[dict[str, CellScalar]] = field(default_factory=list)


def _person(unit: NormalForm, nip: str) -> tuple[str, str | None, str | None]:
    tim = unit.tables["tim"]
    for pos in positions(tim):
        if text(tim, pos, "nip") == nip:
            return (
                text(tim, pos, "nama") or nip,
                text(tim, pos, "jabatan"),
                text(tim, pos, "jenis_jabatan"),
            )
    return nip, None, None


def _norm(text: object) -> str:
    return " ".join(str(text or "").split()).casefold()


def plan_member(unit: NormalForm, nip: str) -> SkpPlan:
    nama, jabatan, jenis = _person(unit, nip)
    matriks = unit.tables["matriks"]
    plan = SkpPlan(nip=nip, nama=nama, jabatan=jabatan, jenis_jabatan=jenis, is_head=False)
    rhk_codes: dict[tuple[str, str], int] = {}
    iki_count: dict[int, int] = {}
    for pos in positions(matriks):
        if text(matriks, pos, "nip") != nip:
            continue
        if nama == nip and (named := text(matriks, pos, "nama")):
            plan.nama = nama = named
        if plan.jabatan is None:
            plan.jabatan = text(matriks, pos, "jabatan")
        ikk = text(matriks, pos, "kode_ikk")
        rhk_text = text(matriks, pos, "rhk")
        key = (ikk or "", _norm(rhk_text))
        number = rhk_codes.setdefault(key, len(rhk_codes) + 1)
        iki_count[number] = iki_count.get(number, 0) + 1
        plan.rhk.append(
            {
                "jenis": "Utama",
                "rhk_pimpinan": ikk,
                "kode_rhk": f"RHK-{number}",
                "rhk": rhk_text,
                "kode_iki": f"IKI-{number}.{iki_count[number]}",
                "aspek": val(matriks, pos, "aspek"),
                "iki": val(matriks, pos, "iki"),
                "target": val(matriks, pos, "target"),
                "satuan": val(matriks, pos, "satuan"),
            }
        )
    return plan


def plan_head(unit: NormalForm, nip: str) -> SkpPlan:
    nama, jabatan, jenis = _person(unit, nip)
    plan = SkpPlan(
        nip=nip,
        nama=unit.text("pihak_pertama_nama") or nama,
        jabatan=unit.text("pihak_pertama_jabatan") or jabatan,
        jenis_jabatan=jenis,
        is_head=True,
    )
    pk = unit.tables["pk"]
    for number, pos in enumerate(positions(pk), start=1):
        plan.rhk.append(
            {
                "jenis": "Utama",
                "rhk_pimpinan": val(pk, pos, "kode_iku"),
                "kode_rhk": f"RHK-{number}",
                "rhk": val(pk, pos, "sasaran"),
                "kode_iki": f"IKI-{number}.1",
                "aspek": "kuantitas",
                "iki": val(pk, pos, "indikator"),
                "target": val(pk, pos, "target"),
                "satuan": val(pk, pos, "satuan"),
            }
        )
    return plan


def plan_unit(unit: NormalForm) -> list[SkpPlan]:
    """One plan for the unit head and one per employee named in the matriks, in order."""
    head = unit.text("pihak_pertama_nip")
    plans = [plan_head(unit, str(head))] if head else []
    seen = {head}
    matriks = unit.tables["matriks"]
    for pos in positions(matriks):
        nip = text(matriks, pos, "nip")
        if nip and nip not in seen:
            seen.add(nip)
            plans.append(plan_member(unit, nip))
    return plans
