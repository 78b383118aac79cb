"""Capaian of every IKK per triwulan in one unit workbook (pure; used by the rules and the
cascade tree). Realisasi is entered per quarter and combined per the IKK's konsolidasi;
Rencana Aksi targets are cumulative per quarter (domain.md). A realisasi or target cell that
could not be read reaches the domain as `Unreadable`, never as a blank: the capaian it
touches is unknown, and says which cell."""

from __future__ import annotations

from dataclasses import dataclass

from xlkinerja.core.normal import UnitForm
from xlkinerja.core.table_access import positions, reading, text
from xlkinerja.domain.konsolidasi import CapaianTriwulan, capaian_triwulan
from xlkinerja.specs.keys import RaColumn

TW_KEYS: tuple[RaColumn, ...] = ("tw1", "tw2", "tw3", "tw4")  # of the Rencana Aksi
TW_NAMES = ("TW I", "TW II", "TW III", "TW IV")


@dataclass(frozen=True)
class CapaianRow:
    ikk: str | None  # None: a capaian row and a PK row both without a kode IKK
    tw: int  # 1..4
    pos: int  # row position in the capaian table
    hasil: CapaianTriwulan


PerIkk = dict[str | None, list[CapaianRow]]


def capaian_per_ikk(form: UnitForm, batas_atas: float | None = None) -> PerIkk:
    """Per IKK, the capaian of each reported triwulan in TW order (first row of a TW wins)."""
    pk, ra, cap = form.table("pk"), form.table("ra"), form.table("capaian")
    ikk_rows = {text(pk, p, "kode_ikk"): p for p in positions(pk)}
    ra_rows = {text(ra, p, "kode_ikk"): p for p in positions(ra)}
    reported: dict[str | None, dict[int, int]] = {}
    for pos in positions(cap):
        ikk, tw = text(cap, pos, "kode_ikk"), text(cap, pos, "triwulan")
        if ikk in ikk_rows and tw is not None and tw in TW_NAMES:
            reported.setdefault(ikk, {}).setdefault(TW_NAMES.index(tw) + 1, pos)
    result: PerIkk = {}
    for ikk, by_tw in reported.items():
        pk_pos = ikk_rows[ikk]
        realisasi = {tw: reading(cap, pos, "realisasi") for tw, pos in by_tw.items()}
        targets = (
            {i + 1: reading(ra, ra_rows[ikk], key) for i, key in enumerate(TW_KEYS)}
            if ikk in ra_rows
            else {}
        )
        result[ikk] = [
            CapaianRow(
                ikk,
                tw,
                pos,
                capaian_triwulan(
                    realisasi,
                    targets,
                    tw,
                    text(pk, pk_pos, "konsolidasi") or "kumulatif",
                    text(pk, pk_pos, "arah") or "naik",
                    batas_atas=batas_atas,
                ),
            )
            for tw, pos in sorted(by_tw.items())
        ]
    return result


def latest(rows: list[CapaianRow]) -> CapaianRow | None:
    """The last triwulan whose capaian could be computed — unless a later one is unknown
    because a value could not be read: then that one (its capaian None), since an older
    capaian shown as the latest would be a false colour."""
    return next(
        (r for r in reversed(rows) if r.hasil.nilai is not None or r.hasil.tak_terbaca), None
    )
