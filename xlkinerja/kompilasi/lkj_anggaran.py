"""The budget of the Laporan Kinerja, in memory (no I/O): the institution's programs from
its PK (the master: pagu, realisasi s.d. TW n, the sasaran each supports) — section B's
money, never the units' sum — the units' kegiatan (their PK's Program/Kegiatan rows, the IKK
each supports), and per sasaran the programs and kegiatan that supported it with the
efficiency of the budget used (kompilasi/anggaran.py: one penyerapan rule for every output).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from xlkinerja.core.normal import MasterForm
from xlkinerja.core.table_access import number, positions, text
from xlkinerja.kompilasi.anggaran import BarisAnggaran, Penyerapan, efisiensi, penyerapan
from xlkinerja.validation.rules_anggaran import REALISASI


@dataclass(frozen=True)
class AnggaranLkj:
    """A program of the institution (`unit` "") or a kegiatan of a unit: its pagu and its
    realisasi s.d. TW n, and what it supports (a sasaran's code, or an IKK's)."""

    unit: str
    program: str
    anggaran: float | None
    realisasi: float | None  # s.d. the period's TW; None: not given for it
    didukung: str | None = None  # kode SS (a program) or kode IKK (a kegiatan)
    baris: BarisAnggaran = field(default_factory=lambda: BarisAnggaran(None, (None,) * 4))

    @property
    def penyerapan(self) -> float | None:
        if self.realisasi is None or not self.anggaran:
            return None
        return self.realisasi / self.anggaran * 100


@dataclass(frozen=True)
class Dukungan:
    """What supported one sasaran (Bab III A, analyses 6 and 7): the institution's programs
    that name it, the units' kegiatan whose IKK derives from one of its IKU, the penyerapan
    the efficiency is measured with (of the programs when any name it, else of the
    kegiatan: never both, their money overlaps) and the efficiency."""

    program: list[AnggaranLkj]
    kegiatan: list[AnggaranLkj]
    serapan: Penyerapan | None
    dasar: str  # "program" / "kegiatan" / "" (nothing supports it)
    capaian_tahunan: list[float]  # its IKU's capaian against the year's target
    efisiensi: float | None


def _num(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and not math.isnan(value):
        return float(value)
    return None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def programs(master: MasterForm, tw: int | None) -> list[AnggaranLkj]:
    """The institution's programs (the master's Program sheet: its PK's programs)."""
    prog = master.table("program")
    out = []
    for p in positions(prog):
        line = BarisAnggaran(
            number(prog, p, "anggaran"), tuple(number(prog, p, k) for k in REALISASI)
        )
        out.append(
            AnggaranLkj(
                "",
                text(prog, p, "program") or "",
                line.pagu,
                line.sampai(tw),
                text(prog, p, "kode_ss"),
                line,
            )
        )
    return out


def kegiatan(budget: pd.DataFrame, tw: int | None) -> list[AnggaranLkj]:
    """The units' kegiatan as compiled (the Rekap PK's Anggaran rows)."""
    columns = ("kode_unit", "nama_unit", "program", "anggaran", "kode_ikk", *REALISASI)
    present = [c for c in columns if c in budget.columns]
    out = []
    for rec in budget[present].to_dict("records"):
        line = BarisAnggaran(_num(rec.get("anggaran")), tuple(_num(rec.get(k)) for k in REALISASI))
        unit = _text(rec.get("nama_unit")) or _text(rec.get("kode_unit")) or ""
        out.append(
            AnggaranLkj(
                unit,
                _text(rec.get("program")) or "",
                line.pagu,
                line.sampai(tw),
                _text(rec.get("kode_ikk")),
                line,
            )
        )
    return out


def ikk_sasaran(
    ikk: pd.DataFrame, sasaran_of_iku: Mapping[str, str], budget: pd.DataFrame
) -> list[str | None]:
    """Per kegiatan row of `budget`, the sasaran its IKK derives from (through its IKU)."""
    iku_of = {
        (u, k): i
        for u, k, i in zip(ikk["kode_unit"], ikk["kode_ikk"], ikk["kode_iku"], strict=True)
        if isinstance(k, str)
    }
    units = budget["kode_unit"].tolist() if "kode_unit" in budget.columns else []
    codes = budget["kode_ikk"].tolist() if "kode_ikk" in budget.columns else [None] * len(units)
    out: list[str | None] = []
    for unit, code in zip(units, codes, strict=True):
        iku = iku_of.get((unit, code)) if isinstance(code, str) else None
        out.append(sasaran_of_iku.get(iku) if isinstance(iku, str) else None)
    return out


def dukungan(
    kode_ss: str,
    program: Sequence[AnggaranLkj],
    kegiatan_ss: Sequence[tuple[AnggaranLkj, str | None]],
    capaian_tahunan: list[float],
    tw: int | None,
) -> Dukungan:
    """What supported sasaran `kode_ss` and how efficiently (see `Dukungan`)."""
    mine = [p for p in program if p.didukung == kode_ss]
    theirs = [k for k, ss in kegiatan_ss if ss == kode_ss]
    basis, dasar = (mine, "program") if mine else (theirs, "kegiatan" if theirs else "")
    serapan = penyerapan((b.baris for b in basis), tw) if basis else None
    value = efisiensi(capaian_tahunan, serapan.persen if serapan else None)
    return Dukungan(mine, theirs, serapan, dasar, capaian_tahunan, value)
