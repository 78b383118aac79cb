"""Chapter III of the Laporan Kinerja (LKj), in memory (no I/O): per sasaran strategis and
IKU the year's target, the period's target, realisasi and capaian, the earlier years (from
the archive, given as `Riwayat`), the Renstra end target and the progress toward it, the
factors behind the capaian (kendala and tindak lanjut from the units' Capaian sheets), the
budget, and the notes (catatan) that say every rule applied and what the data lacks.

The numbers are the performance model's (kompilasi/kinerja.py `iku_figures`) for one period
— the latest TW any IKK reported: "s.d. TW n" (one period, one number, domain.md) — taken
from an `EksporSumber`: made from the compiled model in memory (`from_kompilasi`) or read
back from the compiled workbook (section A of Rekap Capaian shows the same figure), one
logic for both. Nothing is computed here that another output shows otherwise: an IKU's
capaian follows from the target and realisasi on its row, or, where its IKK do not combine,
is the mean of their capaian, which the row and the notes say. The sasaran, IKU, annual and
Renstra targets and the institution's programs come from the master. Nothing is made up:
what the data lacks stays None, the documents say "tidak ada data", and the notes say why.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from xlkinerja.core.normal import MasterForm, NormalTable
from xlkinerja.core.settings import renstra_target
from xlkinerja.core.table_access import number, positions, text
from xlkinerja.domain.capaian import capaian
from xlkinerja.domain.konsolidasi import LABEL_TW
from xlkinerja.kompilasi.anggaran import Penyerapan, penyerapan
from xlkinerja.kompilasi.ekspor_sumber import FAKTOR_TEXT, EksporSumber
from xlkinerja.kompilasi.lkj_anggaran import (
    AnggaranLkj,
    Dukungan,
    dukungan,
    ikk_sasaran,
    kegiatan,
    programs,
)
from xlkinerja.specs.keys import IkuColumn

TW_NAMA = {1: "TW I", 2: "TW II", 3: "TW III", 4: "TW IV"}


@dataclass(frozen=True)
class Tahunan:
    """One IKU's figure for the period (`tw`): the model's, as every output shows it."""

    realisasi: float | None
    capaian: float | None
    tw: int | None
    alasan: str | None = None  # why realisasi is None although a capaian is shown
    target: float | None = None  # the period's target (of the IKK that reported it)
    cara_agregasi: str | None = None
    keterangan: str | None = None  # what was left out, capped, or not computed


Riwayat = Mapping[int, Mapping[str, Tahunan]]  # year → kode IKU → that year's numbers


@dataclass(frozen=True)
class Faktor:
    unit: str
    kode_ikk: str
    tw: str
    kendala: str | None
    tindak_lanjut: str | None
    pendukung: str | None = None  # faktor pendukung: what helped the result


@dataclass(frozen=True)
class IkuLkj:
    kode_iku: str
    indikator: str
    satuan: str
    arah: str
    target: float | None  # the year's target (Renstra, the PK year)
    target_periode: float | None  # the target s.d. TW n the capaian is measured against
    realisasi: float | None
    capaian: float | None
    predikat: str | None
    riwayat: list[tuple[int, Tahunan | None]]  # earlier years, oldest first (None: no data)
    target_akhir: float | None  # the Renstra's last year's target
    progres: float | None  # realisasi against the end target, percent
    faktor: list[Faktor]
    realisasi_alasan: str | None = None  # why realisasi is unknown although IKK reported
    cara_agregasi: str | None = None
    catatan: list[str] = field(default_factory=list)  # this IKU's notes, for the Catatan
    standar_nasional: float | None = None  # the master's, where one exists
    sumber_standar: str | None = None
    capaian_tahunan: float | None = None  # realisasi against the year's target (efficiency)


@dataclass(frozen=True)
class SasaranLkj:
    no: int
    kode_ss: str
    sasaran: str
    iku: list[IkuLkj]
    dukungan: Dukungan | None = None  # the programs and kegiatan behind it, the efficiency


@dataclass
class Lkj:
    instansi: str
    tahun: int | None
    tw: int | None  # the period: the latest triwulan reported
    tahun_akhir: int | None  # the Renstra's last year
    tahun_riwayat: list[int]
    sasaran: list[SasaranLkj]
    anggaran: list[AnggaranLkj]  # the units' kegiatan (their PK)
    program: list[AnggaranLkj]  # the institution's programs (master: its PK)
    catatan: list[str] = field(default_factory=list)  # every IKU's notes, what the data lacks

    @property
    def tw_nama(self) -> str:
        return TW_NAMA.get(self.tw or 0, "-")

    @property
    def tahunan(self) -> bool:
        """The annual report (TW IV); before it, a progress report "s.d. TW n"."""
        return self.tw == 4

    @property
    def judul(self) -> str:
        if self.tahunan or self.tw is None:
            return f"Laporan Kinerja {self.instansi} Tahun {self.tahun or ''}".strip()
        return (
            f"Laporan Capaian Kinerja {self.instansi} s.d. {self.tw_nama} Tahun {self.tahun or ''}"
        ).strip()

    @property
    def realisasi_anggaran_ada(self) -> bool:
        return any(a.realisasi is not None for a in (*self.program, *self.anggaran))

    def serapan(self, rows: list[AnggaranLkj]) -> Penyerapan:
        """Penyerapan s.d. the period of `rows` (the programs, or the kegiatan)."""
        return penyerapan((r.baris for r in rows), self.tw)


def _number(value: object) -> float | None:
    if isinstance(value, int | float) and not math.isnan(value):
        return float(value)
    return None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def latest_tw(sumber: EksporSumber) -> int | None:
    """The period: the one its figures are for, else the latest triwulan any IKK reported."""
    return sumber.period()


def iku_tahunan(sumber: EksporSumber, tw: int | None = None) -> dict[str, Tahunan]:
    """Each IKU's figure for TW `tw` (default: the period), as the model computed it."""
    tw = latest_tw(sumber) if tw is None else tw
    if tw is None:
        return {}
    iku = sumber.capaian_iku
    rows = iku[iku["tw"] == tw]
    out: dict[str, Tahunan] = {}
    for rec in rows.to_dict("records"):
        realisasi, value = _number(rec["realisasi"]), _number(rec["capaian"])
        cara, keterangan = _text(rec["cara_agregasi"]), _text(rec["keterangan"])
        why = None
        if realisasi is None:
            why = keterangan if value is None else cara
        out[str(rec["kode_iku"])] = Tahunan(
            realisasi, value, tw, why, _number(rec["target"]), cara, keterangan
        )
    return out


def _unit(kode: object, nama: object) -> str:
    return _text(nama) or _text(kode) or ""


def _faktor(faktor: pd.DataFrame) -> dict[str, list[Faktor]]:
    """Per IKU, the kendala, tindak lanjut and faktor pendukung its IKK's units wrote, in
    the rekap's order."""
    out: dict[str, list[Faktor]] = {}
    columns = ("kode_iku", "kode_unit", "nama_unit", "kode_ikk", "tw", *FAKTOR_TEXT)
    for iku, kode, nama, ikk, tw, kendala, lanjut, pendukung in zip(
        *(faktor[c].tolist() for c in columns), strict=True
    ):
        if not isinstance(iku, str) or not isinstance(ikk, str):
            continue
        label = LABEL_TW[int(tw) - 1] if tw in (1, 2, 3, 4) else ""
        item = Faktor(
            _unit(kode, nama), ikk, label, _text(kendala), _text(lanjut), _text(pendukung)
        )
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
    notes: Mapping[str, list[str]]  # kode IKU → what its IKK's rows say (coverage, caps)


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
    tahunan = capaian(real, target, arah).nilai if real is not None and target else None
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
        target_periode=now.target if now else None,
        cara_agregasi=now.cara_agregasi if now else None,
        catatan=_iku_notes(now, src.notes.get(code, [])),
        standar_nasional=number(table, pos, "standar_nasional"),
        sumber_standar=text(table, pos, "sumber_standar"),
        capaian_tahunan=tahunan,
    )


def _iku_notes(now: Tahunan | None, ikk_notes: list[str]) -> list[str]:
    """An IKU's notes: how its figure was made where that is not target ÷ realisasi, what
    the model left out or capped, who did not report the period."""
    notes = []
    if now is not None and now.realisasi is None and now.capaian is not None:
        notes.append(f"capaian adalah {now.cara_agregasi}")
    elif now is not None and (now.cara_agregasi or "").startswith("rasio"):
        notes.append(f"realisasi IKU adalah {now.cara_agregasi}")
    if now is not None and now.keterangan:
        notes.append(now.keterangan)
    if now is None and not ikk_notes:
        notes.append("tidak ada IKK turunan yang melaporkan capaian")
    return notes + ikk_notes


def _sasaran(
    table: NormalTable[IkuColumn], src: _IkuSumber, catatan: list[str]
) -> list[SasaranLkj]:
    """The master's IKU grouped by sasaran strategis (its code, else its text), numbered in
    the order met; each IKU's notes go to `catatan` too, after its code."""
    groups: dict[str, tuple[str, list[IkuLkj]]] = {}
    for pos in positions(table):
        item = _iku_lkj(table, pos, src)
        catatan += [f"{item.kode_iku}: {note}" for note in item.catatan]
        kode_ss = text(table, pos, "kode_ss") or ""
        sasaran = text(table, pos, "sasaran") or ""
        groups.setdefault(kode_ss or sasaran, (sasaran, []))[1].append(item)
    return [
        SasaranLkj(i, key, name, items)
        for i, (key, (name, items)) in enumerate(groups.items(), start=1)
    ]


def ikk_notes(sumber: EksporSumber, tw: int) -> dict[str, list[str]]:
    """Per IKU, for TW `tw`: which of its IKK did not report it (the coverage: "2 dari 3 IKK
    melapor TW III; belum melapor: IKK-AK-1 (Jurusan Akuntansi)") and which IKK's capaian
    was capped (the raw value and the cap); an IKU nobody derived says so."""
    label = LABEL_TW[tw - 1]
    derived = sumber.ikk.dropna(subset=["kode_iku", "kode_ikk"])
    cap = sumber.capaian[sumber.capaian["tw"] == tw]
    reported = set(zip(cap["kode_unit"].tolist(), cap["kode_ikk"].tolist(), strict=True))
    out: dict[str, list[str]] = {}
    for code, rows in derived.groupby("kode_iku", sort=False):
        keys = zip(rows["kode_unit"].tolist(), rows["kode_ikk"].tolist(), strict=True)
        names = [_unit(u, n) for u, n in zip(rows["kode_unit"], rows["nama_unit"], strict=True)]
        missing = [
            f"{ikk} ({name})" for (unit, ikk), name in zip(keys, names, strict=True)
            if (unit, ikk) not in reported
        ]  # fmt: skip
        if missing:
            n, total = len(rows) - len(missing), len(rows)
            out.setdefault(str(code), []).append(
                f"{n} dari {total} IKK melapor {label}; belum melapor: {', '.join(missing)}"
            )
    capped = cap[cap["alasan"].map(lambda a: isinstance(a, str) and "dibatasi" in a)]
    for code, ikk, unit, nama, why in zip(
        *(capped[c].tolist() for c in ("kode_iku", "kode_ikk", "kode_unit", "nama_unit", "alasan")),
        strict=True,
    ):
        out.setdefault(str(code), []).append(f"{ikk} ({_unit(unit, nama)}): {why}")
    return out


def _what_is_missing(
    tw: int | None, riwayat: Riwayat, tahun_riwayat: Sequence[int], lkj: Lkj
) -> list[str]:
    """The notes on what the data lacks as a whole: triwulan, earlier years, budget
    realisasi and its coverage."""
    catatan: list[str] = []
    if tw is None:
        catatan.append("belum ada capaian triwulan yang dilaporkan")
    if not any(riwayat.get(y) for y in tahun_riwayat):
        catatan.append("arsip tidak memuat data tahun-tahun sebelumnya")
    if not lkj.realisasi_anggaran_ada:
        catatan.append(
            f"realisasi anggaran s.d. {lkj.tw_nama} belum diisi, baik di master (lembar "
            "Program) maupun di PK unit: penyerapan dan efisiensi belum dapat dihitung"
        )
    for rows, apa in ((lkj.program, "program"), (lkj.anggaran, "kegiatan")):
        note = lkj.serapan(rows).cakupan(tw, apa)
        if note:
            catatan.append(f"anggaran {apa}: {note}")
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
        notes=ikk_notes(sumber, tw) if tw is not None else {},
    )
    catatan: list[str] = []
    sasaran = _sasaran(master.table("iku"), src, catatan)
    lkj = Lkj(
        instansi=sumber.instansi,
        tahun=tahun,
        tw=tw,
        tahun_akhir=int(awal) + 4 if awal is not None else None,
        tahun_riwayat=list(tahun_riwayat),
        sasaran=sasaran,
        anggaran=kegiatan(sumber.anggaran, tw),
        program=programs(master, tw),
        catatan=catatan,
    )
    ss_of_iku = {i.kode_iku: s.kode_ss for s in sasaran for i in s.iku}
    paired = list(
        zip(lkj.anggaran, ikk_sasaran(sumber.ikk, ss_of_iku, sumber.anggaran), strict=True)
    )
    lkj.sasaran = [
        replace(
            s,
            dukungan=dukungan(
                s.kode_ss,
                lkj.program,
                paired,
                [i.capaian_tahunan for i in s.iku if i.capaian_tahunan is not None],
                tw,
            ),
        )
        for s in sasaran
    ]
    catatan += _what_is_missing(tw, riwayat, tahun_riwayat, lkj)
    return lkj
