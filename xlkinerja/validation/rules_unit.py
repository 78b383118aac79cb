"""Checks within one unit workbook: PK, Rencana Aksi and Capaian (domain.md rules 1, 5, 6, 7)."""

from __future__ import annotations

from collections.abc import Iterator

from xlkinerja.core.codes import Code
from xlkinerja.core.finding import Finding
from xlkinerja.core.normal import UnitForm
from xlkinerja.core.settings import Pengaturan
from xlkinerja.core.table_access import codes, number, positions, text, val
from xlkinerja.specs.keys import UnitFieldKey
from xlkinerja.validation.capaian_rows import TW_KEYS, TW_NAMES, PerIkk, capaian_per_ikk
from xlkinerja.validation.locate import at, at_field
from xlkinerja.validation.messages import show
from xlkinerja.validation.rules_anggaran import check_realisasi_anggaran

TOLERANCE = 1e-9
DROP_POINTS = 10.0  # a fall of more than this many points (still ≥ 100 %) asks for a note
RASIO_TOLERANCE = 0.01  # percent points between a realisasi and pembilang / penyebut × 100


def check_pk(form: UnitForm, settings: Pengaturan) -> Iterator[Finding]:
    pk, ref, ra = form.table("pk"), form.table("ref_iku"), form.table("ra")
    kode_unit = form.text("kode_unit")
    ref_arah = {text(ref, p, "kode_iku"): text(ref, p, "arah") for p in positions(ref)}
    ra_codes = codes(ra, "kode_ikk")
    for pos in positions(pk):
        ikk, iku = text(pk, pos, "kode_ikk"), text(pk, pos, "kode_iku")
        if iku and ref_arah and iku not in ref_arah:
            yield at(form, pk, pos, "kode_iku", Code.PK_KODE_IKU_TIDAK_DIKENAL)
        if ikk and kode_unit and not ikk.startswith(f"IKK-{kode_unit}-"):
            yield at(form, pk, pos, "kode_ikk", Code.PK_KODE_IKK_UNIT_LAIN, kode_unit=kode_unit)
        arah = text(pk, pos, "arah")
        if iku in ref_arah and arah and ref_arah[iku] and arah != ref_arah[iku]:
            yield at(form, pk, pos, "arah", Code.PK_ARAH_BEDA_IKU, iku=iku, arah_iku=ref_arah[iku])
        if ikk and ikk not in ra_codes:
            yield at(form, pk, pos, "kode_ikk", Code.PK_IKK_TANPA_RENCANA_AKSI)
    yield from _check_dates(form, settings)


def _check_dates(form: UnitForm, settings: Pengaturan) -> Iterator[Finding]:
    tanggal, status = form.day("tanggal"), form.text("status")
    diajukan, disahkan = form.day("tanggal_diajukan"), form.day("tanggal_disahkan")
    tahun = form.number("tahun")
    batas = settings.batas_pk_for(int(tahun) if tahun is not None else settings.tahun)
    if tanggal and batas and tanggal > batas:
        yield at_field(form, "tanggal", Code.PK_TANGGAL_TERLAMBAT, batas=batas)
    ra_disahkan = form.day("ra_tanggal_disahkan")
    if ra_disahkan and settings.batas_ra and ra_disahkan > settings.batas_ra:
        yield at_field(
            form, "ra_tanggal_disahkan", Code.RA_TANGGAL_TERLAMBAT, batas=settings.batas_ra
        )
    needs: dict[str, list[UnitFieldKey]] = {
        "diajukan": ["tanggal_diajukan"],
        "disahkan": ["tanggal_diajukan", "tanggal_disahkan"],
    }
    for key in needs.get(status or "", []):
        cell = form.field_cell(key)
        if cell.is_blank:
            yield at_field(
                form,
                key,
                Code.PK_STATUS_TANGGAL_KOSONG,
                status=status,
                kolom_tanggal=form.fields.label(key).lower(),
            )
    if diajukan and disahkan and disahkan < diajukan:
        yield at_field(
            form, "tanggal_disahkan", Code.PK_STATUS_URUTAN_TANGGAL, diajukan=show(diajukan)
        )


def check_rencana_aksi(form: UnitForm) -> Iterator[Finding]:
    pk, ra = form.table("pk"), form.table("ra")
    pk_rows = {text(pk, p, "kode_ikk"): p for p in positions(pk)}
    for pos in positions(ra):
        ikk = text(ra, pos, "kode_ikk")
        if ikk is None:
            continue
        if ikk not in pk_rows:
            yield at(form, ra, pos, "kode_ikk", Code.RA_KODE_IKK_TIDAK_DI_PK)
            continue
        pk_pos = pk_rows[ikk]
        if val(pk, pk_pos, "arah") != "turun":
            previous: tuple[int, float] | None = None
            for index, key in enumerate(TW_KEYS):
                value = number(ra, pos, key)
                if value is None:
                    continue
                if previous is not None and value < previous[1] - TOLERANCE:
                    yield at(
                        form,
                        ra,
                        pos,
                        key,
                        Code.RA_TW_MENURUN,
                        tw=TW_NAMES[index],
                        tw_sebelum=TW_NAMES[previous[0]],
                        sebelum=previous[1],
                    )
                previous = (index, value)
        target_pk, tw4 = number(pk, pk_pos, "target"), number(ra, pos, "tw4")
        if (
            target_pk is not None
            and tw4 is not None
            and abs(tw4 - target_pk) > TOLERANCE
            and val(ra, pos, "alasan") is None
        ):
            yield at(form, ra, pos, "tw4", Code.RA_TW4_BEDA_TARGET_PK, target_pk=target_pk)


def check_capaian(
    form: UnitForm, settings: Pengaturan, rows: PerIkk | None = None
) -> Iterator[Finding]:
    pk, cap = form.table("pk"), form.table("capaian")
    known = {text(pk, p, "kode_ikk") for p in positions(pk)}
    seen: dict[tuple[str, str], int] = {}
    for pos in positions(cap):
        ikk, tw = text(cap, pos, "kode_ikk"), text(cap, pos, "triwulan")
        if ikk is None:
            continue
        if ikk not in known:
            yield at(form, cap, pos, "kode_ikk", Code.CAPAIAN_KODE_IKK_TIDAK_DI_PK)
        elif tw is None or tw not in TW_NAMES:
            pass  # a blank or unknown triwulan: the column rules report it
        elif (ikk, tw) in seen:
            yield at(
                form,
                cap,
                pos,
                "kode_ikk",
                Code.CAPAIAN_BARIS_DUPLIKAT,
                tw=tw,
                baris_lain=str(cap.rows[seen[ikk, tw]]),
            )
        else:
            seen[ikk, tw] = pos
    per_ikk = rows if rows is not None else capaian_per_ikk(form, settings.batas_atas_capaian)
    for rows_of_ikk in per_ikk.values():
        previous: float | None = None
        for row in rows_of_ikk:
            nilai = row.hasil.nilai
            if nilai is None:
                continue
            shown = f"{nilai:.1f}%".replace(".", ",")
            if val(cap, row.pos, "kendala") is None:
                if nilai < 100 - TOLERANCE:
                    yield at(
                        form, cap, row.pos, "kendala", Code.CAPAIAN_KENDALA_WAJIB, capaian=shown
                    )
                elif previous is not None and nilai < previous - DROP_POINTS:
                    yield at(
                        form,
                        cap,
                        row.pos,
                        "kendala",
                        Code.CAPAIAN_KENDALA_MENURUN,
                        capaian=shown,
                        sebelum=f"{previous:.1f}%".replace(".", ","),
                    )
            previous = nilai


def check_matriks(form: UnitForm) -> Iterator[Finding]:
    """Beban-target splits among team members add up to the leader's IKK target."""
    pk, matriks = form.table("pk"), form.table("matriks")
    targets = {text(pk, p, "kode_ikk"): p for p in positions(pk)}
    shares: dict[str | None, list[int]] = {}
    for pos in positions(matriks):
        ikk = text(matriks, pos, "kode_ikk")
        if val(matriks, pos, "metode_kaskade") == "beban target" and ikk in targets:
            shares.setdefault(ikk, []).append(pos)
    for ikk, rows in shares.items():
        target = number(pk, targets[ikk], "target")
        values = [number(matriks, p, "target") for p in rows]
        if target is None or any(v is None for v in values):
            continue
        total = sum(v for v in values if v is not None)
        if abs(total - target) > 0.005 * max(1.0, abs(target)):
            cell = pk.cell(targets[ikk], "target")
            for pos in rows:
                yield at(
                    form,
                    matriks,
                    pos,
                    "target",
                    Code.MATRIKS_BEBAN_JUMLAH_TIDAK_SAMA,
                    value=ikk,
                    jumlah=total,
                    target_ikk=target,
                    ref=(form.file, cell.sheet, cell.cell),
                    induk=f"lembar '{cell.sheet}' sel {cell.cell}",
                )


def check_rasio(form: UnitForm) -> Iterator[Finding]:
    """An IKK of an IKU combined as a ratio (its agregasi on the Referensi IKU: rasio) gives
    pembilang and penyebut every quarter, and its realisasi is their ratio in percent."""
    pk, ref, cap = form.table("pk"), form.table("ref_iku"), form.table("capaian")
    rasio = {
        text(ref, p, "kode_iku") for p in positions(ref) if text(ref, p, "agregasi") == "rasio"
    }
    iku_of = {text(pk, p, "kode_ikk"): text(pk, p, "kode_iku") for p in positions(pk)}
    for pos in positions(cap):
        ikk = text(cap, pos, "kode_ikk")
        iku = iku_of.get(ikk)
        if iku not in rasio:
            continue
        pembilang, penyebut = number(cap, pos, "pembilang"), number(cap, pos, "penyebut")
        realisasi = number(cap, pos, "realisasi")
        if pembilang is None or penyebut is None:
            tw = text(cap, pos, "triwulan") or ""
            yield at(
                form, cap, pos, "realisasi", Code.CAPAIAN_RASIO_TANPA_PEMBILANG,
                value=realisasi, ikk=ikk, iku=iku, tw=tw,
            )  # fmt: skip
        elif penyebut and realisasi is not None:
            ratio = pembilang / penyebut * 100
            # a typed 15% the reader could not see as such (an open workbook) is 0.15
            as_typed = (realisasi, realisasi * 100)
            if all(abs(ratio - r) > RASIO_TOLERANCE for r in as_typed):
                shown = f"{ratio:.2f}".replace(".", ",")
                yield at(form, cap, pos, "realisasi", Code.CAPAIAN_RASIO_TIDAK_SESUAI, rasio=shown)


def check_unit(
    form: UnitForm, settings: Pengaturan, capaian_rows: PerIkk | None = None
) -> list[Finding]:
    return [
        *check_pk(form, settings),
        *check_rencana_aksi(form),
        *check_capaian(form, settings, capaian_rows),
        *check_rasio(form),
        *check_matriks(form),
        *check_realisasi_anggaran(form, form.table("anggaran")),
    ]
