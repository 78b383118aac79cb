"""Chapter III of the Laporan Kinerja laid out once — headings, paragraphs, tables, the
place of each chart — for the three writers (xlsx, docx, PDF), so the three show the same
tables. Cells keep their numbers; each column says how a number is shown."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from xlkinerja.kompilasi.lkj import IkuLkj, Lkj, SasaranLkj
from xlkinerja.render.dokumen.teks import angka, persen, rupiah

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


def _periode(lkj: Lkj) -> str:
    return f"s.d. {lkj.tw_nama}"


def _figure_columns(lkj: Lkj) -> list[Kolom]:
    """Satuan, the year's and the period's target, realisasi and the capaian they give: the
    columns of every table that shows an IKU's figure (the capaian follows on the row)."""
    periode = _periode(lkj)
    return [
        Kolom("Satuan", lebar=0.9),
        Kolom(f"Target {lkj.tahun or ''}", Jenis.ANGKA, 0.95),
        Kolom(f"Target {periode}", Jenis.ANGKA, 1.05),
        Kolom(f"Realisasi {periode}", Jenis.ANGKA, 1.15),
        Kolom("Capaian", Jenis.PERSEN, 1.1),
    ]


def _figure(iku: IkuLkj) -> list[Sel]:
    """An IKU's cells under `_figure_columns`."""
    return [iku.satuan, iku.target, iku.target_periode, _realisasi(iku), iku.capaian]


def _ringkasan(lkj: Lkj) -> Tabel:
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
    periode = _periode(lkj)
    return Tabel(
        f"Tabel 3.1 Capaian IKU {lkj.instansi} Tahun {lkj.tahun or ''} ({periode})",
        [
            Kolom("No", lebar=0.45),
            Kolom("Sasaran Strategis", lebar=1.6),
            Kolom("Indikator Kinerja Utama", lebar=2.5),
            *_figure_columns(lkj),
            Kolom("Predikat", lebar=1.0),
        ],
        rows,
    )


def _tahun_ini(lkj: Lkj, s: SasaranLkj, nomor: str) -> Tabel:
    akhir = lkj.tahun_akhir or ""
    periode = _periode(lkj)
    return Tabel(
        f"Tabel {nomor}a Capaian {periode} {lkj.tahun or ''} dan kemajuan terhadap target "
        "akhir Renstra",
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


def _riwayat(lkj: Lkj, s: SasaranLkj, nomor: str) -> Tabel:
    kolom = [Kolom("Kode", lebar=0.85), Kolom("Indikator Kinerja Utama", lebar=2.6)]
    for year in lkj.tahun_riwayat:
        kolom += [Kolom(f"Realisasi {year}", Jenis.ANGKA), Kolom(f"Capaian {year}", Jenis.PERSEN)]
    now = f"{lkj.tahun or ''}" if lkj.tahunan else f"{lkj.tahun or ''} {_periode(lkj)}"
    kolom += [Kolom(f"Realisasi {now}", Jenis.ANGKA), Kolom(f"Capaian {now}", Jenis.PERSEN)]
    rows: list[list[Sel]] = []
    for i in s.iku:
        row: list[Sel] = [i.kode_iku, i.indikator]
        for _, t in i.riwayat:
            row += [t.realisasi if t else None, t.capaian if t else None]
        rows.append([*row, _realisasi(i), i.capaian])
    return Tabel(f"Tabel {nomor}b Perbandingan dengan tahun sebelumnya", kolom, rows)


def _analisis(iku: IkuLkj) -> list[str]:
    if not iku.faktor:
        return [f"{iku.kode_iku}: tidak ada kendala yang dilaporkan di lembar Capaian."]
    return [
        f"{iku.kode_iku} — {f.unit}, {f.kode_ikk} {f.tw}: kendala: {f.kendala or '-'}; "
        f"tindak lanjut: {f.tindak_lanjut or '-'}."
        for f in iku.faktor
    ]


def _anggaran(lkj: Lkj) -> Tabel:
    rows: list[list[Sel]] = [
        [str(n), a.unit, a.program, a.anggaran, a.realisasi, None]
        for n, a in enumerate(lkj.anggaran, start=1)
    ]
    total = sum(a.anggaran for a in lkj.anggaran if a.anggaran is not None)
    rows.append(["", "", "Jumlah", total if lkj.anggaran else None, None, None])
    return Tabel(
        "Tabel 3.3 Anggaran dan realisasi anggaran per unit",
        [
            Kolom("No", lebar=0.45),
            Kolom("Unit", lebar=1.6),
            Kolom("Program/Kegiatan", lebar=2.5),
            Kolom("Anggaran", Jenis.RUPIAH, 1.5),
            Kolom("Realisasi", Jenis.RUPIAH, 1.2),
            Kolom("Penyerapan", Jenis.PERSEN, 1.2),
        ],
        rows,
        total=True,
    )


def bab_tiga(lkj: Lkj) -> list[Bagian]:
    """The chapter's parts in order."""
    out = [
        Bagian(
            "BAB III AKUNTABILITAS KINERJA",
            1,
            paragraf=[] if lkj.tahunan or lkj.tw is None else [lkj.judul],
        ),
        Bagian(
            "A. Capaian Kinerja Organisasi",
            2,
            paragraf=[
                f"Pengukuran kinerja {lkj.instansi} tahun {lkj.tahun or ''} membandingkan "
                "realisasi dengan target setiap Indikator Kinerja Utama (IKU) dalam Perjanjian "
                f"Kinerja. Data yang digunakan adalah capaian yang dilaporkan unit "
                f"{_periode(lkj)}: target dan realisasi {_periode(lkj)} adalah gabungan IKK "
                f"yang melaporkan {lkj.tw_nama} menurut Agregasi IKU di master (jumlah, "
                "rata-rata, atau rasio Σ pembilang / Σ penyebut; bila kosong dijumlahkan untuk "
                "IKU yang dibagi dengan beban target, dirata-ratakan untuk lainnya), dan capaian "
                "dihitung dari keduanya "
                "menurut arah IKU, sama dengan Rekap Capaian. Bila satuan IKK berbeda, "
                f"realisasi IKU tertulis \u201c{TIDAK_DIKETAHUI}\u201d dan capaiannya adalah "
                "rata-rata capaian IKK; unit yang belum melapor, nilai yang dibatasi dan isian "
                "yang tidak terbaca disebut di bagian Catatan.",
                *(
                    []
                    if lkj.tahunan or lkj.tw is None
                    else [
                        f"Laporan ini adalah laporan kemajuan {_periode(lkj)}: target tahunan "
                        f"ditampilkan sebagai acuan, capaian diukur terhadap target "
                        f"{_periode(lkj)}."
                    ]
                ),
            ],
            tabel=[_ringkasan(lkj)],
        ),
    ]
    for s in lkj.sasaran:
        nomor = f"3.2.{s.no}"
        butir = [line for iku in s.iku for line in _analisis(iku)]
        out.append(
            Bagian(
                f"Sasaran Strategis {s.no}: {s.sasaran}",
                3,
                tabel=[_tahun_ini(lkj, s, nomor), _riwayat(lkj, s, nomor)],
                grafik=kode_grafik(s) if ada_data_grafik(s) else None,
                tanpa_grafik=None if ada_data_grafik(s) else TANPA_GRAFIK,
                paragraf=[],
                butir=["Analisis faktor (kendala dan tindak lanjut):", *butir],
            )
        )
    efisiensi = (
        "Realisasi anggaran tidak tersedia pada data (workbook PK unit dan master hanya memuat "
        "anggaran), sehingga efisiensi penggunaan anggaran belum dapat dihitung; kolom "
        "realisasi dan penyerapan tertulis \u201ctidak ada data\u201d."
    )
    out.append(
        Bagian(
            "B. Realisasi Anggaran",
            2,
            paragraf=[
                f"Anggaran yang dituangkan dalam Perjanjian Kinerja unit tahun {lkj.tahun or ''}.",
                *([] if lkj.realisasi_anggaran_ada else [efisiensi]),
            ],
            tabel=[_anggaran(lkj)],
        )
    )
    out.append(
        Bagian(
            "C. Catatan",
            2,
            butir=[
                "Aturan yang diterapkan pada angka di atas dan data yang belum lengkap:"
                if lkj.catatan
                else "Tidak ada catatan: semua IKK melapor dan semua angka dapat dihitung.",
                *lkj.catatan,
            ],
        )
    )
    return out
