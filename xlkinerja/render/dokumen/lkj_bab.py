"""Chapter III of the Laporan Kinerja in its order (PermenPAN-RB 53/2014; domain.md,
"Laporan Kinerja, Bab III"): A. per sasaran the figures against the target, earlier years
and the Renstra (lkj_tables.py), then the comparison with a national standard, the causes
of success or failure, the efficiency and the supporting programs (lkj_analisis.py);
B. the realisasi of the institution's budget; C. the notes on every rule applied."""

from __future__ import annotations

from xlkinerja.kompilasi.lkj import Lkj
from xlkinerja.render.dokumen.lkj_analisis import per_sasaran, realisasi_anggaran
from xlkinerja.render.dokumen.lkj_tables import (
    TANPA_GRAFIK,
    TIDAK_DIKETAHUI,
    Bagian,
    ada_data_grafik,
    kode_grafik,
    periode,
    ringkasan,
    riwayat,
    tahun_ini,
)


def _pengantar(lkj: Lkj) -> list[str]:
    text = [
        f"Pengukuran kinerja {lkj.instansi} tahun {lkj.tahun or ''} membandingkan realisasi "
        "dengan target setiap Indikator Kinerja Utama (IKU) dalam Perjanjian Kinerja. Data "
        f"yang digunakan adalah capaian yang dilaporkan unit {periode(lkj)}: target dan "
        f"realisasi {periode(lkj)} adalah gabungan IKK yang melaporkan {lkj.tw_nama} menurut "
        "Agregasi IKU di master (jumlah, rata-rata, atau rasio Σ pembilang / Σ penyebut; bila "
        "kosong dijumlahkan untuk IKU yang dibagi dengan beban target, dirata-ratakan untuk "
        "lainnya), dan capaian dihitung dari keduanya menurut arah IKU, sama dengan Rekap "
        "Capaian. Bila satuan IKK berbeda, realisasi IKU tertulis "
        f"\u201c{TIDAK_DIKETAHUI}\u201d dan capaiannya adalah rata-rata capaian IKK; unit yang "
        "belum melapor, nilai yang dibatasi dan isian yang tidak terbaca disebut di bagian "
        "Catatan.",
        "Untuk setiap sasaran strategis disajikan: capaian terhadap target, perbandingan "
        "dengan tahun-tahun sebelumnya dan dengan target akhir Renstra, perbandingan dengan "
        "standar nasional, analisis penyebab keberhasilan atau kegagalan, efisiensi "
        "penggunaan sumber daya, serta program dan kegiatan yang mendukungnya.",
    ]
    if not (lkj.tahunan or lkj.tw is None):
        text.append(
            f"Laporan ini adalah laporan kemajuan {periode(lkj)}: target tahunan ditampilkan "
            f"sebagai acuan, capaian diukur terhadap target {periode(lkj)}."
        )
    return text


def bab_tiga(lkj: Lkj) -> list[Bagian]:
    """The chapter's parts in order."""
    out = [
        Bagian(
            "BAB III AKUNTABILITAS KINERJA",
            1,
            paragraf=[] if lkj.tahunan or lkj.tw is None else [lkj.judul],
        ),
        Bagian(
            "A. Capaian Kinerja Organisasi", 2, paragraf=_pengantar(lkj), tabel=[ringkasan(lkj)]
        ),
    ]
    for s in lkj.sasaran:
        nomor = f"3.2.{s.no}"
        out.append(
            Bagian(
                f"Sasaran Strategis {s.no}: {s.sasaran}",
                3,
                tabel=[tahun_ini(lkj, s, nomor), riwayat(lkj, s, nomor)],
                grafik=kode_grafik(s) if ada_data_grafik(s) else None,
                tanpa_grafik=None if ada_data_grafik(s) else TANPA_GRAFIK,
            )
        )
        out += per_sasaran(lkj, s, nomor)
    out.append(realisasi_anggaran(lkj))
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
