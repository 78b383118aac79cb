"""Cascade integrity across workbooks: IKU (master) → IKK (unit PK) → RHK (SKP).

Every finding is placed on the child's cell and names the parent (ref_file/sheet/cell and
the `induk` text), so both ends can be found.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Never

from xlkinerja.cascade.index import CascadeIndex, IkkRow, IkuRow, RowRef, build_index
from xlkinerja.core.codes import Code
from xlkinerja.core.finding import Finding
from xlkinerja.core.form_data import K
from xlkinerja.core.normal import MasterForm, NormalForm, SkpForm
from xlkinerja.core.table_access import positions, text
from xlkinerja.domain.predikat import Pelanggaran, cek_distribusi, predikat_kinerja
from xlkinerja.validation.locate import at_field
from xlkinerja.validation.messages import finding, show

DIRECT = ("beban target", "wilayah")  # same indicator split: same satuan as the parent
TOLERANCE = 0.005  # "within rounding" for beban target sums


def describe(ref: tuple[str | None, str | None, str | None]) -> str:
    file, sheet, cell = ref
    parts = [Path(file).name if file else ""]
    if sheet:
        parts.append(f"lembar '{sheet}'")
    if cell:
        parts.append(f"sel {cell}")
    return " ".join(p for p in parts if p)


def on_row(
    row: RowRef[Never, K],
    key: K,
    code: Code,
    ref: tuple[str | None, str | None, str | None],
    *,
    value: object = None,
    **details: object,
) -> Finding:
    cell = row.cell(key)
    return finding(
        code,
        file=row.form.file,
        sheet=cell.sheet,
        cell=cell.cell,
        row=row.table.rows[row.pos],
        field=row.table.label(key),
        value=cell.value if value is None else value,
        ref=ref,
        induk=describe(ref),
        **details,
    )


def check_ikk(index: CascadeIndex) -> Iterator[Finding]:
    """Each IKK names one IKU of the institution, assigned to its unit, consistently."""
    for rows in index.ikk.values():
        yield from _ikk_in_two_units(rows)
        for row in rows:
            yield from _ikk_row(index, row)


def _ikk_in_two_units(rows: list[IkkRow]) -> Iterator[Finding]:
    """An IKK code in the PK of more than one unit: each row names another unit's."""
    if len({r.form.file for r in rows}) > 1:
        for row in rows:
            others = next(r for r in rows if r.form.file != row.form.file)
            yield on_row(
                row, "kode_ikk", Code.KASKADE_IKK_DUPLIKAT_ANTAR_UNIT, others.ref("kode_ikk")
            )


def _ikk_row(index: CascadeIndex, row: IkkRow) -> Iterator[Finding]:
    """One IKK row against the IKU it names: known, assigned to its unit, and (unless
    derived indirectly) of the same satuan and arah."""
    iku_code = row.text("kode_iku")
    if iku_code is None:
        return
    parent = index.iku.get(iku_code)
    if parent is None:
        master_iku_sheet = (index.master.file, "IKU", None)
        yield on_row(row, "kode_iku", Code.KASKADE_IKK_IKU_TIDAK_DIKENAL, master_iku_sheet)
        return
    unit = row.form.text("kode_unit")
    if unit and index.assigned and unit not in index.assigned.get(iku_code, set()):
        yield on_row(
            row,
            "kode_iku",
            Code.KASKADE_IKK_IKU_TIDAK_DITUGASKAN,
            parent.ref("kode_iku"),
            kode_unit=unit,
        )
    if row.text("metode_kaskade") != "tidak langsung":
        yield from _ikk_like_its_iku(row, parent, iku_code)


def _ikk_like_its_iku(row: IkkRow, parent: IkuRow, iku_code: str) -> Iterator[Finding]:
    """A direct split keeps the IKU's satuan; every derived IKK keeps its arah."""
    metode = row.text("metode_kaskade")
    satuan, satuan_iku = row.text("satuan"), parent.text("satuan")
    if metode in DIRECT and satuan and satuan_iku and satuan.casefold() != satuan_iku.casefold():
        yield on_row(
            row,
            "satuan",
            Code.KASKADE_IKK_SATUAN_BEDA,
            parent.ref("satuan"),
            iku=iku_code,
            satuan_iku=satuan_iku,
        )
    arah, arah_iku = row.text("arah"), parent.text("arah")
    if arah and arah_iku and arah != arah_iku:
        yield on_row(
            row,
            "arah",
            Code.KASKADE_IKK_ARAH_BEDA,
            parent.ref("arah"),
            iku=iku_code,
            arah_iku=arah_iku,
        )


def check_beban(index: CascadeIndex) -> Iterator[Finding]:
    """Direct 'beban target' splits: the units' targets add up to the IKU target."""
    children: dict[str, list[IkkRow]] = {}
    for rows in index.ikk.values():
        for row in rows:
            iku_code = row.text("kode_iku")
            if row.text("metode_kaskade") == "beban target" and iku_code in index.iku:
                children.setdefault(iku_code, []).append(row)
    for iku_code, rows in children.items():
        target = index.iku_target(iku_code)
        submitted = {r.form.text("kode_unit") for r in rows} | set(index.unit_forms)
        waiting = index.assigned.get(iku_code, set()) - submitted
        values = [r.number("target") for r in rows]
        if target is None or waiting or any(v is None for v in values):
            continue  # incomplete: a unit has not sent its workbook or left a target blank
        total = sum(v for v in values if v is not None)
        if abs(total - target) > TOLERANCE * max(1.0, abs(target)):
            parent = index.iku[iku_code]
            key = index.iku_target_key or "kode_iku"
            for row in rows:
                yield on_row(
                    row,
                    "target",
                    Code.KASKADE_BEBAN_JUMLAH_TIDAK_SAMA,
                    parent.ref(key),
                    iku=iku_code,
                    jumlah=show(total),
                    target_iku=show(target),
                )


def check_coverage(index: CascadeIndex) -> Iterator[Finding]:
    """Every IKU is derived by at least one unit; every assignment is honoured."""
    derived: dict[str, set[str | None]] = {}
    for rows in index.ikk.values():
        for row in rows:
            iku_code, unit = row.text("kode_iku"), row.form.text("kode_unit")
            if iku_code:
                derived.setdefault(iku_code, set()).add(unit)
    submitted = set(index.unit_forms)
    for code, iku in index.iku.items():
        assigned = index.assigned.get(code, set())
        if code in derived:
            pass
        elif assigned and not assigned & submitted:
            yield on_row(
                iku,
                "kode_iku",
                Code.KASKADE_IKU_UNIT_BELUM_MENGIRIM,
                (None, None, None),
                units=", ".join(sorted(assigned)),
            )
        else:
            detail = "" if assigned else " (tidak ditugaskan ke unit mana pun)"
            yield on_row(
                iku,
                "kode_iku",
                Code.KASKADE_IKU_TIDAK_DITURUNKAN,
                (None, None, None),
                rincian=detail,
            )
        for unit in sorted(assigned & submitted):
            if unit not in derived.get(code, set()):
                form = index.unit_forms[unit][0]
                yield at_field(
                    form,
                    "kode_unit",
                    Code.KASKADE_PENUGASAN_BELUM_DITURUNKAN,
                    value=code,
                    kode_unit=unit,
                    ref=iku.ref("kode_iku"),
                    induk=describe(iku.ref("kode_iku")),
                )


def check_units_and_people(index: CascadeIndex) -> Iterator[Finding]:
    for unit, forms in index.unit_forms.items():
        if unit not in index.unit_names:
            for form in forms:
                yield at_field(form, "kode_unit", Code.KASKADE_UNIT_TIDAK_DIKENAL)
        for form in forms[1:]:
            yield at_field(
                form, "kode_unit", Code.KASKADE_UNIT_GANDA, induk=Path(forms[0].file).name
            )
    for nip, skps in index.skp_forms.items():
        for skp in skps[1:]:
            yield at_field(skp, "nip", Code.KASKADE_SKP_GANDA, induk=Path(skps[0].file).name)
        if index.atasan and nip not in index.atasan:
            for skp in skps:
                yield at_field(skp, "nip", Code.KASKADE_SKP_PEGAWAI_TIDAK_DIKENAL)
    yield from _check_cycles(index)


def _check_cycles(index: CascadeIndex) -> Iterator[Finding]:
    reported: set[str] = set()
    for start in index.atasan:
        chain, nip = [start], index.atasan.get(start)
        while nip and nip not in chain and len(chain) <= len(index.atasan):
            chain.append(nip)
            nip = index.atasan.get(nip)
        if nip == start and start not in reported:
            reported.update(chain)
            row = index.pegawai_rows[start]
            yield on_row(
                row,
                "nip_atasan",
                Code.KASKADE_ATASAN_SIKLUS,
                (None, None, None),
                rantai=" → ".join([*chain, start]),
            )


def _superior_codes(index: CascadeIndex, nip: str) -> tuple[set[str], tuple[str, str, str | None]]:
    """Codes an employee's RHK may intervene: the superior's IKK (as unit head), RHK (own
    SKP) or, for the institution head, the IKU; with where they were found."""
    atasan = index.atasan.get(nip)
    if not atasan:
        return set(), ("", "", None)
    codes: set[str] = set()
    where: tuple[str, str, str | None] = ("", "", None)
    if atasan == index.pimpinan:
        codes |= set(index.iku)
        where = (index.master.file, "IKU", None)
    unit = index.unit_of_head(atasan)
    for form in index.unit_forms.get(unit or "", []):
        pk = form.table("pk")
        codes |= {c for p in positions(pk) if (c := text(pk, p, "kode_ikk"))}
        where = (form.file, "PK", None)
    for skp in index.skp_forms.get(atasan, []):
        rhk = skp.table("rhk")
        codes |= {c for p in positions(rhk) if (c := text(rhk, p, "kode_rhk"))}
        if not where[0]:
            where = (skp.file, "SKP", None)
    return codes, where


def check_skp(index: CascadeIndex) -> Iterator[Finding]:
    """Every RHK utama intervenes an RHK/IKK of the superior; the matriks roles are there."""
    for nip, forms in index.skp_forms.items():
        codes, where = _superior_codes(index, nip)
        for form in forms:
            atasan = index.atasan.get(nip)
            penilai = form.text("penilai_nip")
            if atasan and penilai and penilai != atasan:
                yield at_field(
                    form, "penilai_nip", Code.KASKADE_SKP_PENILAI_BUKAN_ATASAN, atasan=atasan
                )
            rhk = form.table("rhk")
            intervened: set[str | None] = set()
            for pos in positions(rhk):
                parent = text(rhk, pos, "rhk_pimpinan")
                intervened.add(parent)
                if parent and codes and text(rhk, pos, "jenis") == "Utama" and parent not in codes:
                    yield on_row(
                        RowRef(form, rhk, pos),
                        "rhk_pimpinan",
                        Code.KASKADE_RHK_PIMPINAN_TIDAK_DIKENAL,
                        where,
                    )
            yield from _check_matriks_roles(index, form, nip, intervened)


def _check_matriks_roles(
    index: CascadeIndex, skp: SkpForm, nip: str, intervened: set[str | None]
) -> Iterator[Finding]:
    unit = index.pegawai_unit.get(nip)
    for form in index.unit_forms.get(unit or "", []):
        matriks = form.table("matriks")
        for pos in positions(matriks):
            code = text(matriks, pos, "kode_ikk")
            if text(matriks, pos, "nip") == nip and code and code not in intervened:
                intervened.add(code)  # once per IKK
                row = RowRef(form, matriks, pos)
                yield at_field(
                    skp,
                    "nip",
                    Code.KASKADE_SKP_MATRIKS_BELUM_ADA,
                    value=code,
                    ref=row.ref("kode_ikk"),
                    induk=describe(row.ref("kode_ikk")),
                )


def check_distribusi(index: CascadeIndex) -> Iterator[Finding]:
    """Staff predikat kinerja (hasil kerja × perilaku) within the organisation's caps."""
    org = index.master.text("predikat_organisasi")
    if not org:
        return
    staff = []
    for forms in index.skp_forms.values():
        hasil, perilaku = forms[0].text("rating_hasil_kerja"), forms[0].text("rating_perilaku")
        if hasil and perilaku:
            result = predikat_kinerja(hasil, perilaku)
            if result.nilai:
                staff.append(result.nilai)
    for breach in cek_distribusi(org, staff):
        if breach.kode != Pelanggaran.TIDAK_DIKENAL:
            yield at_field(
                index.master,
                "predikat_organisasi",
                Code.KASKADE_DISTRIBUSI_MELEBIHI_BATAS,
                rincian=breach.pesan,
            )


def check_cascade(
    master: MasterForm, others: list[NormalForm], index: CascadeIndex | None = None
) -> list[Finding]:
    """Every cross-workbook check; `index` when the caller built it already (read only)."""
    index = index or build_index(master, others)
    return [
        *check_ikk(index),
        *check_beban(index),
        *check_coverage(index),
        *check_units_and_people(index),
        *check_skp(index),
        *check_distribusi(index),
    ]
