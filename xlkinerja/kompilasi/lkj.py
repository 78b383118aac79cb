"""Chapter III of the Laporan Kinerja (LKj), in memory (no I/O): per sasaran strategis and
IKU the year's target, realisasi and capaian, the earlier years (from the archive, given
as `Riwayat`), the Renstra end target and the progress toward it, the factors behind the
capaian (kendala and tindak lanjut from the units' Capaian sheets), and the budget.

Numbers are the compiled ones, taken from an `EksporSumber` — made from the compiled model
in memory (`from_kompilasi`) or read back from the compiled workbook (the Rekap Capaian
carries the kendala and tindak lanjut), one logic for both; the sasaran, IKU, Renstra
targets and the institution's programs come from the master. An IKU's capaian is the Rekap
Capaian's (the mean of its IKK's capaian at the latest triwulan reported). Its realisasi
combines each IKK's at its latest reported triwulan by the rule of the Rekap Rencana Aksi
(`domain.rollup.rollup_nilai`): only IKK of one satuan, summed when every one was derived
by beban target, else averaged; IKK of different satuan are never combined, and a value
that could not be read makes it unknown. Nothing is made up: what the data lacks stays
None, the documents say "tidak ada data", and the notes say why.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from xlkinerja.core.normal import MasterForm, NormalTable
from xlkinerja.core.settings import renstra_target
from xlkinerja.core.table_access import number, positions, text
from xlkinerja.domain.capaian import capaian
from xlkinerja.domain.konsolidasi import LABEL_TW
from xlkinerja.domain.rollup import CaraNilai, RollupNilai, rollup_nilai
from xlkinerja.kompilasi.ekspor_sumber import EksporSumber
from xlkinerja.specs.keys import IkuColumn

TW_NAMA = {1: "TW I", 2: "TW II", 3: "TW III", 4: "TW IV"}


@dataclass(frozen=True)
class Tahunan:
    """One IKU's year: realisasi and capaian at the latest triwulan reported."""

    realisasi: float | None
    capaian: float | None
    tw: int | None
    alasan: str | None = None  # why realisasi is None although IKK reported


Riwayat = Mapping[int, Mapping[str, Tahunan]]  # year → kode IKU → that year's numbers


@dataclass(frozen=True)
class Faktor:
    unit: str
    kode_ikk: str
    tw: str
    kendala: str | None
    tindak_lanjut: str | None


@dataclass(frozen=True)
class IkuLkj:
    kode_iku: str
    indikator: str
    satuan: str
    arah: str
    target: float | None
    realisasi: float | None
    capaian: float | None
    predikat: str | None
    riwayat: list[tuple[int, Tahunan | None]]  # earlier years, oldest first (None: no data)
    target_akhir: float | None  # the Renstra's last year's target
    progres: float | None  # realisasi against the end target, percent
    faktor: list[Faktor]
    realisasi_alasan: str | None = None  # why realisasi is unknown although IKK reported


@dataclass(frozen=True)
class SasaranLkj:
    no: int
    kode_ss: str
    sasaran: str
    iku: list[IkuLkj]


@dataclass(frozen=True)
class AnggaranLkj:
    unit: str
    program: str
    anggaran: float | None
    realisasi: float | None  # no form holds it yet: always None for now


@dataclass
class Lkj:
    instansi: str
    tahun: int | None
    tw: int | None  # the latest triwulan reported
    tahun_akhir: int | None  # the Renstra's last year
    tahun_riwayat: list[int]
    sasaran: list[SasaranLkj]
    anggaran: list[AnggaranLkj]
    program: list[AnggaranLkj]  # the institution's programs (master)
    catatan: list[str] = field(default_factory=list)  # what the data lacks

    @property
    def tw_nama(self) -> str:
        return TW_NAMA.get(self.tw or 0, "-")

    @property
    def realisasi_anggaran_ada(self) -> bool:
        return any(a.realisasi is not None for a in self.anggaran)


def _number(value: object) -> float | None:
    if isinstance(value, int | float) and not math.isnan(value):
        return float(value)
    return None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def latest_tw(sumber: EksporSumber) -> int | None:
    """The latest triwulan for which any IKU has a capaian."""
    frame = sumber.capaian_iku
    tws = frame.loc[frame["capaian"].notna(), "tw"]
    return int(tws.max()) if len(tws) else None


def iku_tahunan(sumber: EksporSumber) -> dict[str, Tahunan]:
    """Each IKU's realisasi and capaian at the latest triwulan reported (see the module)."""
    tw = latest_tw(sumber)
    if tw is None:
        return {}
    cap = sumber.capaian
    reported = cap[cap["tw"] <= tw].sort_values("tw", kind="stable")
    # Each unit's IKK at its latest triwulan: two units may use the same IKK code.
    last = reported.groupby(["kode_unit", "kode_ikk"], dropna=False, sort=False).tail(1)
    latest = {
        (_text(unit), _text(ikk)): _latest(value, alasan)
        for unit, ikk, value, alasan in zip(
            *(last[c].tolist() for c in ("kode_unit", "kode_ikk", "realisasi", "alasan")),
            strict=True,
        )
    }
    realisasi: dict[str, RollupNilai] = {}
    pk = sumber.ikk.dropna(subset=["kode_iku", "kode_ikk"])
    for code, rows in pk.groupby("kode_iku"):
        keys = zip(rows["kode_unit"].tolist(), rows["kode_ikk"].tolist(), strict=True)
        values = [latest.get((_text(unit), _text(ikk))) for unit, ikk in keys]
        beban = all(m == "beban target" for m in rows["metode_kaskade"])
        cara: CaraNilai = "jumlah" if beban else "rata-rata"
        realisasi[str(code)] = rollup_nilai(list(rows["satuan"]), values, cara, apa="realisasi")
    iku = sumber.capaian_iku
    at = iku[iku["tw"] == tw].set_index("kode_iku")["capaian"]
    codes = set(realisasi) | {str(c) for c in at.index}
    out: dict[str, Tahunan] = {}
    for code in sorted(codes):
        combined = realisasi.get(code)
        value = combined.nilai if combined else None
        why = None
        if combined is not None and value is None:
            why = combined.alasan if combined.satuan is not None else combined.cara
        out[code] = Tahunan(value, _number(at.get(code)), tw, why)
    return out


def _latest(realisasi: object, alasan: object) -> object:
    """An IKK's realisasi at its latest reported triwulan: a number, None (blank), or the
    reason it could not be read (a text, which the roll-up counts as unreadable)."""
    value = _number(realisasi)
    if value is not None:
        return value
    return alasan if isinstance(alasan, str) and "tidak dapat dibaca" in alasan else None


def _unit(kode: object, nama: object) -> str:
    return _text(nama) or _text(kode) or ""


def _faktor(faktor: pd.DataFrame) -> dict[str, list[Faktor]]:
    """Per IKU, the kendala and tindak lanjut its IKK's units wrote, in the rekap's order."""
    out: dict[str, list[Faktor]] = {}
    columns = ("kode_iku", "kode_unit", "nama_unit", "kode_ikk", "tw", "kendala", "tindak_lanjut")
    for iku, kode, nama, ikk, tw, kendala, lanjut in zip(
        *(faktor[c].tolist() for c in columns), strict=True
    ):
        if not isinstance(iku, str) or not isinstance(ikk, str):
            continue
        label = LABEL_TW[int(tw) - 1] if tw in (1, 2, 3, 4) else ""
        item = Faktor(_unit(kode, nama), ikk, label, _text(kendala), _text(lanjut))
        out.setdefault(iku, []).append(item)
    return out


@dataclass(frozen=True)
class _IkuSumber:
    """What each IKU row of the master is read against."""

    ke: int | None  # the PK year's place in the Renstra: target_1 … target_5
    this_year: Mapping[str, Tahunan]
    predikat: pd.Series[Any]  # kode IKU → predikat at the latest triwulan
    faktor: Mapping[str, list[Faktor]]
    riwayat: Riwayat
    tahun_riwayat: Sequence[int]


def _iku_lkj(table: NormalTable[IkuColumn], pos: int, src: _IkuSumber) -> IkuLkj:
    """One IKU row of the master with the year's numbers, its history and its factors."""
    code = text(table, pos, "kode_iku") or ""
    arah = text(table, pos, "arah") or "naik"
    now = src.this_year.get(code)
    ke = src.ke
    column = renstra_target(ke) if ke is not None else None
    target = number(table, pos, column) if column is not None else None
    akhir = number(table, pos, "target_5")
    real = now.realisasi if now else None
    progres = capaian(real, akhir, arah).nilai if real is not None and akhir else None
    return IkuLkj(
        kode_iku=code,
        indikator=text(table, pos, "indikator") or "",
        satuan=text(table, pos, "satuan") or "",
        arah=arah,
        target=target,
        realisasi=real,
        capaian=now.capaian if now else None,
        predikat=_text(src.predikat.get(code)),
        riwayat=[(y, src.riwayat.get(y, {}).get(code)) for y in src.tahun_riwayat],
        target_akhir=akhir,
        progres=progres,
        faktor=src.faktor.get(code, []),
        realisasi_alasan=now.alasan if now else None,
    )


def _sasaran(
    table: NormalTable[IkuColumn], src: _IkuSumber, catatan: list[str]
) -> list[SasaranLkj]:
    """The master's IKU grouped by sasaran strategis (its code, else its text), numbered in
    the order met; an IKU whose realisasi is not shown is noted in `catatan`."""
    groups: dict[str, tuple[str, list[IkuLkj]]] = {}
    for pos in positions(table):
        item = _iku_lkj(table, pos, src)
        if item.realisasi_alasan:
            catatan.append(
                f"{item.kode_iku}: realisasi IKU tidak ditampilkan ({item.realisasi_alasan})"
            )
        kode_ss = text(table, pos, "kode_ss") or ""
        sasaran = text(table, pos, "sasaran") or ""
        groups.setdefault(kode_ss or sasaran, (sasaran, []))[1].append(item)
    return [
        SasaranLkj(i, key, name, items)
        for i, (key, (name, items)) in enumerate(groups.items(), start=1)
    ]


def _anggaran(budget: pd.DataFrame) -> list[AnggaranLkj]:
    """The units' budget per program, as compiled (no realisasi: no form holds it)."""
    return [
        AnggaranLkj(_unit(k, u), _text(p) or "", _number(a), None)
        for k, u, p, a in zip(
            *(budget[c].tolist() for c in ("kode_unit", "nama_unit", "program", "anggaran")),
            strict=True,
        )
    ]


def _program(master: MasterForm) -> list[AnggaranLkj]:
    """The institution's programs and their budget, from the master."""
    prog = master.table("program")
    return [
        AnggaranLkj("", text(prog, p, "program") or "", number(prog, p, "anggaran"), None)
        for p in positions(prog)
    ]


def _what_is_missing(tw: int | None, riwayat: Riwayat, tahun_riwayat: Sequence[int]) -> list[str]:
    """The notes on what the data lacks as a whole: triwulan, earlier years, budget realisasi."""
    catatan: list[str] = []
    if tw is None:
        catatan.append("belum ada capaian triwulan yang dilaporkan")
    if not any(riwayat.get(y) for y in tahun_riwayat):
        catatan.append("arsip tidak memuat data tahun-tahun sebelumnya")
    catatan.append(
        "realisasi anggaran tidak ada di workbook (PK unit dan master hanya memuat anggaran): "
        "efisiensi anggaran belum dapat dihitung"
    )
    return catatan


def build_lkj(
    sumber: EksporSumber,
    master: MasterForm,
    riwayat: Riwayat,
    tahun_riwayat: Sequence[int],
) -> Lkj:
    """The chapter from the compiled institution (`sumber`: in memory or read back from
    the rekap), its master, and the earlier years found in the archive (`tahun_riwayat`: the
    years shown, a year without data in `riwayat` says so)."""
    tahun = sumber.tahun
    awal = master.number("tahun_awal_renstra")
    tw = latest_tw(sumber)
    predikat = sumber.capaian_iku
    src = _IkuSumber(
        ke=tahun - int(awal) + 1 if tahun is not None and awal is not None else None,
        this_year=iku_tahunan(sumber),
        predikat=predikat[predikat["tw"] == tw].set_index("kode_iku")["predikat"],
        faktor=_faktor(sumber.faktor),
        riwayat=riwayat,
        tahun_riwayat=tahun_riwayat,
    )
    catatan: list[str] = []
    sasaran = _sasaran(master.table("iku"), src, catatan)
    catatan += _what_is_missing(tw, riwayat, tahun_riwayat)
    return Lkj(
        instansi=sumber.instansi,
        tahun=tahun,
        tw=tw,
        tahun_akhir=int(awal) + 4 if awal is not None else None,
        tahun_riwayat=list(tahun_riwayat),
        sasaran=sasaran,
        anggaran=_anggaran(sumber.anggaran),
        program=_program(master),
        catatan=catatan,
    )
