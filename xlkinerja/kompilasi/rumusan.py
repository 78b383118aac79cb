"""The "Rumusan Hasil Pembahasan Capaian Kinerja" of one quarter, in memory (no I/O): what
the Tim SAKIP's rapat pembahasan concluded (SOP-SPMI-601 steps 5–6, domain.md "The
quarterly measurement SOP").

- Per IKU the capaian s.d. TW n as the performance model computed it (kompilasi/kinerja.py
  `iku_figures`, taken from an `EksporSumber` as the LKj takes it: `iku_tahunan`), with how
  many of its IKK reported TW n, and the kendala and tindak lanjut the units wrote for TW n.
- Per unit the rumusan recorded in the archive by `arsip bahas` (rekomendasi, kendala,
  tindak lanjut, date, who) on its latest submission of the year, and the review that
  followed (diperiksa, disetujui: by whom, when; dikembalikan with the reason) as the
  document's sign-off. A unit whose submission was not discussed yet, or that sent nothing
  that year, is named as such.

Nothing is computed here that another output shows otherwise, and nothing is made up: a
figure the model does not have stays None and the documents say "tidak ada data".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from xlkinerja.domain.konsolidasi import LABEL_TW
from xlkinerja.domain.pengesahan import Stage, Step
from xlkinerja.kompilasi.ekspor_sumber import EksporSumber
from xlkinerja.kompilasi.kinerja import reported_text
from xlkinerja.kompilasi.lkj import iku_tahunan


@dataclass(frozen=True)
class Kiriman:
    """A unit's latest submission of the year in the archive and its review (`steps`:
    oldest first, its arrival — diajukan — included)."""

    versi: int
    berkas: str
    steps: Sequence[Step]


@dataclass(frozen=True)
class FaktorTw:
    """What a unit wrote beside one IKK's TW n row of its Capaian sheet."""

    unit: str
    kode_ikk: str
    kendala: str | None
    tindak_lanjut: str | None


@dataclass(frozen=True)
class IkuRumusan:
    kode_ss: str
    sasaran: str
    kode_iku: str
    indikator: str
    satuan: str
    target: float | None  # s.d. TW n, of the IKK that reported it
    realisasi: float | None
    capaian: float | None
    predikat: str | None
    ikk_melapor: str  # "2 dari 3"
    cara_agregasi: str | None
    keterangan: str | None  # what the model left out, capped or could not compute
    faktor: list[FaktorTw] = field(default_factory=list)


@dataclass(frozen=True)
class UnitRumusan:
    kode_unit: str
    nama_unit: str
    versi: int | None  # None: no submission of the year in the archive
    berkas: str | None
    tahap: Stage | None
    diajukan: date | None
    dibahas: Step | None  # the last rapat pembahasan, with its rumusan
    diperiksa: Step | None  # after that pembahasan
    disetujui: Step | None
    dikembalikan: Step | None  # the last step, when the submission stands dikembalikan
    keterangan: str  # where it stands, in one sentence

    @property
    def ada_rumusan(self) -> bool:
        return self.dibahas is not None and self.dibahas.rumusan is not None


@dataclass
class RumusanPembahasan:
    instansi: str
    tahun: int | None
    tw: int
    iku: list[IkuRumusan]
    unit: list[UnitRumusan]
    catatan: list[str] = field(default_factory=list)

    @property
    def tw_nama(self) -> str:
        return LABEL_TW[self.tw - 1]

    @property
    def judul(self) -> str:
        return "Rumusan Hasil Pembahasan Capaian Kinerja"

    @property
    def subjudul(self) -> str:
        return f"{self.instansi} s.d. {self.tw_nama} Tahun {self.tahun or ''}".strip()

    @property
    def belum_dibahas(self) -> list[UnitRumusan]:
        return [u for u in self.unit if not u.ada_rumusan]


def _text(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _faktor(faktor: pd.DataFrame, tw: int) -> dict[str, list[FaktorTw]]:
    """Per IKU the kendala and tindak lanjut its IKK's units wrote for TW `tw`."""
    out: dict[str, list[FaktorTw]] = {}
    rows = faktor[pd.to_numeric(faktor["tw"], errors="coerce") == tw]
    columns = ("kode_iku", "kode_unit", "nama_unit", "kode_ikk", "kendala", "tindak_lanjut")
    for iku, kode, nama, ikk, kendala_tw, lanjut_tw in zip(
        *(rows[c].tolist() for c in columns), strict=True
    ):
        kendala, lanjut = _text(kendala_tw), _text(lanjut_tw)
        if not isinstance(iku, str) or not isinstance(ikk, str) or not (kendala or lanjut):
            continue
        unit = _text(nama) or _text(kode) or ""
        out.setdefault(iku, []).append(FaktorTw(unit, ikk, kendala, lanjut))
    return out


def _coverage(sumber: EksporSumber, tw: int) -> dict[str, tuple[int, int]]:
    """Per IKU how many of the IKK derived from it reported TW `tw`, and how many there are."""
    ikk = sumber.ikk[sumber.ikk["kode_ikk"].notna() & sumber.ikk["kode_iku"].notna()]
    totals = ikk.drop_duplicates(["kode_iku", "kode_unit", "kode_ikk"]).groupby("kode_iku").size()
    cap = sumber.capaian
    cap = cap[(pd.to_numeric(cap["tw"], errors="coerce") == tw) & cap["kode_ikk"].notna()]
    reported = cap.drop_duplicates(["kode_iku", "kode_unit", "kode_ikk"]).groupby("kode_iku").size()
    codes = {str(c) for c in (*totals.index, *reported.index)}
    return {code: (int(reported.get(code, 0)), int(totals.get(code, 0))) for code in codes}


def _missing(reported: int, total: int, tw: int) -> str:
    """Why an IKU has no figure for TW `tw`."""
    if total == 0:
        return "belum ada IKK yang diturunkan dari IKU ini"
    if reported == 0:
        return f"belum ada IKK yang melapor {LABEL_TW[tw - 1]}"
    return "capaian tidak dihitung"


def _iku(sumber: EksporSumber, tw: int) -> list[IkuRumusan]:
    figures = iku_tahunan(sumber, tw)
    faktor = _faktor(sumber.faktor, tw)
    coverage = _coverage(sumber, tw)
    at_tw = sumber.capaian_iku[sumber.capaian_iku["tw"] == tw]
    predikat = dict(zip(at_tw["kode_iku"].astype(str), at_tw["predikat"], strict=True))
    out: list[IkuRumusan] = []
    for rec in sumber.iku.to_dict("records"):
        code = _text(rec["kode_iku"])
        if code is None:
            continue
        now = figures.get(code)
        reported, total = coverage.get(code, (0, 0))
        out.append(
            IkuRumusan(
                kode_ss=_text(rec["kode_ss"]) or "",
                sasaran=_text(rec["sasaran"]) or "",
                kode_iku=code,
                indikator=_text(rec["indikator"]) or "",
                satuan=_text(rec["satuan"]) or "",
                target=now.target if now else None,
                realisasi=now.realisasi if now else None,
                capaian=now.capaian if now else None,
                predikat=_text(predikat.get(code)),
                ikk_melapor=reported_text(reported, total),
                cara_agregasi=now.cara_agregasi if now else None,
                keterangan=now.keterangan if now else _missing(reported, total, tw),
                faktor=faktor.get(code, []),
            )
        )
    return out


def _after(steps: Sequence[Step], stage: Stage) -> Step | None:
    found = [s for s in steps if s.stage is stage]
    return found[-1] if found else None


def unit_rumusan(kode: str, nama: str, tahun: int | None, kiriman: Kiriman | None) -> UnitRumusan:
    """Where a unit's latest submission of the year stands: its last rumusan and the
    review after it."""
    if kiriman is None:
        year = f" tahun {tahun}" if tahun is not None else ""
        return UnitRumusan(
            kode, nama, None, None, None, None, None, None, None, None,
            f"belum ada kiriman{year} di arsip; belum dibahas",
        )  # fmt: skip
    steps = list(kiriman.steps)
    stage = steps[-1].stage if steps else Stage.DIAJUKAN
    arrival = steps[0].tanggal if steps and steps[0].stage is Stage.DIAJUKAN else None
    last_talk = max((i for i, s in enumerate(steps) if s.stage is Stage.DIBAHAS), default=None)
    dibahas = steps[last_talk] if last_talk is not None else None
    since = steps[last_talk + 1 :] if last_talk is not None else []
    diperiksa = _after(since, Stage.DIPERIKSA)
    disetujui = _after(since, Stage.DISETUJUI)
    dikembalikan = steps[-1] if stage is Stage.DIKEMBALIKAN else None
    versi = f"versi {kiriman.versi}"
    if dibahas is None:
        keterangan = f"{versi} belum dibahas"
    elif stage is Stage.DISETUJUI:
        keterangan = f"{versi} disetujui"
    elif dikembalikan is not None:
        keterangan = f"{versi} dikembalikan untuk dibahas ulang: {dikembalikan.alasan}"
    else:
        menunggu = "disetujui" if stage is Stage.DIPERIKSA else "diperiksa"
        keterangan = f"{versi} {stage.value}, belum {menunggu}"
    return UnitRumusan(
        kode, nama, kiriman.versi, kiriman.berkas, stage, arrival, dibahas,
        diperiksa, disetujui, dikembalikan, keterangan,
    )  # fmt: skip


def _units(sumber: EksporSumber, kiriman: Mapping[str, Kiriman]) -> list[tuple[str, str]]:
    """The units of the compiled institution (code, name) in the rekap's order, then those
    with a submission in the archive that the model does not show."""
    seen: dict[str, str] = {}
    for kode, nama in zip(sumber.ikk["kode_unit"], sumber.ikk["nama_unit"], strict=True):
        code = _text(kode)
        if code is not None and code not in seen:
            seen[code] = _text(nama) or code
    for code in sorted(kiriman):
        seen.setdefault(code, code)
    return list(seen.items())


def build_rumusan(
    sumber: EksporSumber, tw: int, kiriman: Mapping[str, Kiriman]
) -> RumusanPembahasan:
    """The document of TW `tw` from the model (`sumber`, compiled for that period) and each
    unit's latest submission of the year in the archive (`kiriman`, by unit code)."""
    units = [
        unit_rumusan(code, nama, sumber.tahun, kiriman.get(code))
        for code, nama in _units(sumber, kiriman)
    ]
    catatan = [
        "Capaian IKU s.d. "
        f"{LABEL_TW[tw - 1]} dari model kinerja yang sama dengan Rekap Capaian (target dan "
        "realisasi IKK yang melapor triwulan itu, digabung menurut cara agregasi IKU).",
        "Rumusan per unit adalah yang dicatat di arsip (xlkinerja arsip bahas, atau tombol "
        "Bahas) pada kiriman terakhir unit tahun ini; pemeriksaan dan persetujuannya "
        "mengikuti pembahasan itu.",
    ]
    missing = [u.nama_unit for u in units if not u.ada_rumusan]
    if missing:
        catatan.append(f"Belum ada rumusan pembahasan: {', '.join(missing)}.")
    return RumusanPembahasan(sumber.instansi, sumber.tahun, tw, _iku(sumber, tw), units, catatan)
