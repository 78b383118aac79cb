"""The parts chapter III of the Laporan Kinerja is laid out in — headings, paragraphs,
tables, the place of each chart — for the three writers (xlsx, docx, PDF), so the three show
the same tables, and its tables of figures (Tabel 3.1, 3.2.na, 3.2.nb). Cells keep their
numbers; each column says how a number is shown. The chapter's order: lkj_bab.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from xlkinerja.core.formats import rupiah
from xlkinerja.kompilasi.lkj import IkuLkj, Lkj, SasaranLkj
from xlkinerja.render.dokumen.teks import angka, persen

TIDAK_ADA = "tidak ada data"
TIDAK_DIKETAHUI = "tidak diketahui"  # IKK reported, but their realisasi do not combine
TANPA_GRAFIK = "Grafik tidak dibuat: belum ada data capaian untuk sasaran ini."

Sel = str | float | None


class Jenis(StrEnum):
    TEKS = "teks"
    ANGKA = "angka"
    PERSEN = "persen"
    RUPIAH = "rupiah"


@dataclass(frozen=True)
class Kolom:
    judul: str
    jenis: Jenis = Jenis.TEKS
    lebar: float = 1.0  # relative width


@dataclass(frozen=True)
class Tabel:
    judul: str
    kolom: list[Kolom]
    baris: list[list[Sel]]
    total: bool = False  # the last row is a total
    kosong: str = TIDAK_ADA  # what a blank number shows


@dataclass
class Bagian:
    judul: str
    tingkat: int  # 1: the chapter, 2: A./B., 3: a sasaran
    paragraf: list[str] = field(default_factory=list)
    tabel: list[Tabel] = field(default_factory=list)
    grafik: str | None = None  # the sasaran's code: its chart goes after the tables
    tanpa_grafik: str | None = None  # said instead where a sasaran has no data for a chart
    butir: list[str] = field(default_factory=list)  # bullet points after the chart


def shown(value: Sel, jenis: Jenis, kosong: str = TIDAK_ADA) -> str:
    """A cell as text, the Indonesian way."""
    if value is None:
        return kosong if jenis != Jenis.TEKS else ""
    if isinstance(value, str):
        return value
    if jenis == Jenis.PERSEN:
        return persen(value)
    if jenis == Jenis.RUPIAH:
        return rupiah(value)
    return angka(value)


def kode_grafik(s: SasaranLkj) -> str:
    """The name of a sasaran's chart: its code, else its number."""
    return s.kode_ss or str(s.no)


def ada_data_grafik(s: SasaranLkj) -> bool:
    """Whether any IKU of the sasaran has a capaian, this year or an earlier one."""
    return any(
        i.capaian is not None or any(t is not None and t.capaian is not None for _, t in i.riwayat)
        for i in s.iku
    )


def _realisasi(iku: IkuLkj) -> Sel:
    if iku.realisasi is None and iku.realisasi_alasan:
        return TIDAK_DIKETAHUI
    return iku.realisasi


def periode(lkj: Lkj) -> str:
    return f"s.d. {lkj.tw_nama}"


def _figure_columns(lkj: Lkj) -> list[Kolom]:
    """Satuan, the year's and the period's target, realisasi and the capaian they give: the
    columns of every table that shows an IKU's figure (the capaian follows on the row)."""
    sd = periode(lkj)
    return [
        Kolom("Satuan", lebar=0.9),
        Kolom(f"Target {lkj.tahun or ''}", Jenis.ANGKA, 0.95),
        Kolom(f"Target {sd}", Jenis.ANGKA, 1.05),
        Kolom(f"Realisasi {sd}", Jenis.ANGKA, 1.15),
        Kolom("Capaian", Jenis.PERSEN, 1.1),
    ]


def _figure(iku: IkuLkj) -> list[Sel]:
    """An IKU's cells under `_figure_columns`."""
    return [iku.satuan, iku.target, iku.target_periode, _realisasi(iku), iku.capaian]


def ringkasan(lkj: Lkj) -> Tabel:
    rows: list[list[Sel]] = []
    for s in lkj.sasaran:
        for i, iku in enumerate(s.iku):
            rows.append(
                [
                    str(s.no) if i == 0 else "",
                    s.sasaran if i == 0 else "",
                    f"{iku.kode_iku} {iku.indikator}",
                    *_figure(iku),
                    iku.predikat or "-",
                ]
            )
    sd = periode(lkj)
    return Tabel(
        f"Tabel 3.1 Capaian IKU {lkj.instansi} Tahun {lkj.tahun or ''} ({sd})",
        [
            Kolom("No", lebar=0.45),
            Kolom("Sasaran Strategis", lebar=1.6),
            Kolom("Indikator Kinerja Utama", lebar=2.5),
            *_figure_columns(lkj),
            Kolom("Predikat", lebar=1.0),
        ],
        rows,
    )


def tahun_ini(lkj: Lkj, s: SasaranLkj, nomor: str) -> Tabel:
    akhir = lkj.tahun_akhir or ""
    sd = periode(lkj)
    return Tabel(
        f"Tabel {nomor}a Capaian {sd} {lkj.tahun or ''} dan kemajuan terhadap target akhir Renstra",
        [
            Kolom("Kode", lebar=0.85),
            Kolom("Indikator Kinerja Utama", lebar=2.3),
            *_figure_columns(lkj),
            Kolom(f"Target Renstra {akhir}", Jenis.ANGKA, 1.05),
            Kolom("Kemajuan", Jenis.PERSEN, 1.2),
        ],
        [
            [
                i.kode_iku,
                i.indikator,
                *_figure(i),
                i.target_akhir,
                i.progres,
            ]
            for i in s.iku
        ],
    )


def riwayat(lkj: Lkj, s: SasaranLkj, nomor: str) -> Tabel:
    kolom = [Kolom("Kode", lebar=0.85), Kolom("Indikator Kinerja Utama", lebar=2.6)]
    for year in lkj.tahun_riwayat:
        kolom += [Kolom(f"Realisasi {year}", Jenis.ANGKA), Kolom(f"Capaian {year}", Jenis.PERSEN)]
    now = f"{lkj.tahun or ''}" if lkj.tahunan else f"{lkj.tahun or ''} {periode(lkj)}"
    kolom += [Kolom(f"Realisasi {now}", Jenis.ANGKA), Kolom(f"Capaian {now}", Jenis.PERSEN)]
    rows: list[list[Sel]] = []
    for i in s.iku:
        row: list[Sel] = [i.kode_iku, i.indikator]
        for _, t in i.riwayat:
            row += [t.realisasi if t else None, t.capaian if t else None]
        rows.append([*row, _realisasi(i), i.capaian])
    return Tabel(f"Tabel {nomor}b Perbandingan dengan tahun sebelumnya", kolom, rows)
