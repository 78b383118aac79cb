"""The analyses of Bab III the tables of figures do not carry (domain.md, "Laporan Kinerja,
Bab III"): per sasaran (4) the comparison with a national standard, (5) the causes of
success or failure and the solutions, (6) the efficiency of the budget used, (7) the programs
and kegiatan that supported it; and section B, the institution's programs with pagu,
realisasi and penyerapan, the units' kegiatan as their own table. Laid out once for the
three writers, as lkj_tables.py lays out the rest."""

from __future__ import annotations

from xlkinerja.core.formats import rupiah
from xlkinerja.kompilasi.anggaran import RUMUS_EFISIENSI, Penyerapan
from xlkinerja.kompilasi.lkj import IkuLkj, Lkj, SasaranLkj
from xlkinerja.kompilasi.lkj_anggaran import AnggaranLkj
from xlkinerja.render.dokumen.lkj_tables import Bagian, Jenis, Kolom, Sel, Tabel, periode
from xlkinerja.render.dokumen.teks import angka, persen

BELUM_ADA_DATA = "belum ada data"


def _standar(lkj: Lkj, s: SasaranLkj, nomor: str) -> Bagian:
    """(4) Each IKU's realisasi beside the national standard the master gives for it."""
    judul = "Perbandingan dengan standar nasional"
    known = [i for i in s.iku if i.standar_nasional is not None]
    if not known:
        return Bagian(
            judul,
            4,
            paragraf=[
                "Belum ada standar nasional untuk IKU sasaran ini (kolom Standar Nasional di "
                "lembar IKU master kosong), sehingga perbandingan belum dapat dibuat."
            ],
        )
    rows: list[list[Sel]] = [
        [
            i.kode_iku,
            i.indikator,
            i.satuan,
            i.realisasi,
            i.standar_nasional,
            _terhadap_standar(i),
            i.sumber_standar or "sumber tidak disebut",
        ]
        for i in known
    ]
    return Bagian(
        judul,
        4,
        tabel=[
            Tabel(
                f"Tabel {nomor}c Realisasi {periode(lkj)} dibandingkan dengan standar nasional",
                [
                    Kolom("Kode", lebar=0.85),
                    Kolom("Indikator Kinerja Utama", lebar=2.2),
                    Kolom("Satuan", lebar=0.9),
                    Kolom(f"Realisasi {periode(lkj)}", Jenis.ANGKA, 1.15),
                    Kolom("Standar nasional", Jenis.ANGKA, 1.1),
                    Kolom("Terhadap standar", lebar=1.3),
                    Kolom("Sumber standar", lebar=2.0),
                ],
                rows,
            )
        ],
        paragraf=[
            f"IKU tanpa standar nasional: {', '.join(i.kode_iku for i in s.iku if i not in known)}."
        ]
        if len(known) < len(s.iku)
        else [],
    )


def _terhadap_standar(iku: IkuLkj) -> str:
    """Above or below the standard, by the IKU's arah, or why it cannot be said."""
    if iku.realisasi is None or iku.standar_nasional is None:
        return BELUM_ADA_DATA
    selisih = iku.realisasi - iku.standar_nasional
    if selisih == 0:
        return "sama dengan standar"
    better = selisih > 0 if iku.arah != "turun" else selisih < 0
    return f"{'lebih baik' if better else 'di bawah standar'} ({angka(abs(selisih))})"


def _faktor(lkj: Lkj, s: SasaranLkj) -> Bagian:
    """(5) Per IKU: what helped (faktor pendukung), the kendala and the tindak lanjut the
    units wrote; an IKU without data says so, never "no kendala"."""
    lines: list[str] = []
    for iku in s.iku:
        if iku.capaian is None and iku.realisasi is None:
            lines.append(
                f"{iku.kode_iku}: {BELUM_ADA_DATA} {periode(lkj)} — penyebab keberhasilan "
                "atau kegagalan belum dapat dianalisis."
            )
            continue
        if not iku.faktor:
            lines.append(
                f"{iku.kode_iku}: unit tidak menuliskan faktor pendukung, kendala, maupun "
                "tindak lanjut di lembar Capaian."
            )
            continue
        for f in iku.faktor:
            parts = [
                f"faktor pendukung: {f.pendukung}" if f.pendukung else None,
                f"kendala: {f.kendala}" if f.kendala else None,
                f"tindak lanjut: {f.tindak_lanjut}" if f.tindak_lanjut else None,
            ]
            said = "; ".join(p for p in parts if p)
            lines.append(f"{iku.kode_iku} — {f.unit}, {f.kode_ikk} {f.tw}: {said}.")
    return Bagian(
        "Analisis penyebab keberhasilan atau kegagalan",
        4,
        butir=["Faktor pendukung, kendala dan tindak lanjut yang dilaporkan unit:", *lines],
    )


def _efisiensi(lkj: Lkj, s: SasaranLkj) -> Bagian:
    """(6) The efficiency of the budget behind the sasaran, with its formula."""
    d = s.dukungan
    judul = "Efisiensi penggunaan sumber daya"
    if d is None or d.serapan is None:
        text = (
            "Tidak ada program institusi maupun kegiatan unit yang ditautkan ke sasaran ini "
            "(kolom Sasaran yang didukung di master, IKK yang didukung di PK unit), sehingga "
            "efisiensi belum dapat dihitung."
        )
        return Bagian(judul, 4, paragraf=[text, RUMUS_EFISIENSI])
    asal = "program institusi" if d.dasar == "program" else "kegiatan unit"
    serapan = _serapan_text(d.serapan, lkj)
    rerata = (
        f"rata-rata capaian IKU terhadap target tahunan {persen(_mean(d.capaian_tahunan))}"
        if d.capaian_tahunan
        else f"capaian IKU terhadap target tahunan: {BELUM_ADA_DATA}"
    )
    if d.efisiensi is None:
        hasil = "efisiensi belum dapat dihitung."
    else:
        hasil = f"efisiensi {angka(d.efisiensi)}."
    text = f"Anggaran {asal} pendukung sasaran ini: {serapan}; {rerata}; {hasil}"
    return Bagian(judul, 4, paragraf=[text, RUMUS_EFISIENSI])


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def _serapan_text(serapan: Penyerapan, lkj: Lkj) -> str:
    if serapan.persen is None:
        return f"pagu {rupiah(serapan.pagu)}, realisasi {periode(lkj)} {BELUM_ADA_DATA}"
    text = (
        f"pagu {rupiah(serapan.pagu)}, realisasi {periode(lkj)} {rupiah(serapan.realisasi)}, "
        f"penyerapan {persen(serapan.persen)}"
    )
    note = serapan.cakupan(lkj.tw)
    return f"{text} ({note})" if note else text


def _anggaran_rows(rows: list[AnggaranLkj], unit: bool) -> list[list[Sel]]:
    return [
        [
            str(n),
            *([a.unit] if unit else []),
            a.program,
            a.didukung or "-",
            a.anggaran,
            a.realisasi,
            a.penyerapan,
        ]
        for n, a in enumerate(rows, start=1)
    ]


def _money_columns(lkj: Lkj) -> list[Kolom]:
    return [
        Kolom("Pagu", Jenis.RUPIAH, 1.45),
        Kolom(f"Realisasi {periode(lkj)}", Jenis.RUPIAH, 1.45),
        Kolom("Penyerapan", Jenis.PERSEN, 1.05),
    ]


def _pendukung(lkj: Lkj, s: SasaranLkj, nomor: str) -> Bagian:
    """(7) The programs and kegiatan that supported the sasaran."""
    d = s.dukungan
    judul = "Program dan kegiatan pendukung"
    items = ([*d.program, *d.kegiatan]) if d else []
    if not items:
        return Bagian(
            judul,
            4,
            paragraf=["Belum ada program atau kegiatan yang ditautkan ke sasaran ini."],
        )
    rows = _anggaran_rows(items, unit=True)
    for row, a in zip(rows, items, strict=True):
        row[1] = a.unit or "Institusi"
    return Bagian(
        judul,
        4,
        tabel=[
            Tabel(
                f"Tabel {nomor}d Program dan kegiatan yang mendukung sasaran",
                [
                    Kolom("No", lebar=0.45),
                    Kolom("Pelaksana", lebar=1.4),
                    Kolom("Program/Kegiatan", lebar=2.3),
                    Kolom("Mendukung", lebar=1.0),
                    *_money_columns(lkj),
                ],
                rows,
            )
        ],
    )


def per_sasaran(lkj: Lkj, s: SasaranLkj, nomor: str) -> list[Bagian]:
    """Analyses 4 to 7 of one sasaran, after its tables of figures."""
    return [_standar(lkj, s, nomor), _faktor(lkj, s), _efisiensi(lkj, s), _pendukung(lkj, s, nomor)]


BELUM_LENGKAP = "belum lengkap"


def _total_rows(lkj: Lkj, rows: list[AnggaranLkj], name_at: int, apa: str) -> list[list[Sel]]:
    """The total, and when not every row gave realisasi for the period, first the total of
    those that did: each row's penyerapan follows from the pagu and realisasi on it. The
    label stands in the name column (`name_at`), the money in the last three."""
    serapan = lkj.serapan(rows)

    def row(label: str, pagu: Sel, realisasi: Sel, persen: Sel) -> list[Sel]:
        return [*([""] * name_at), label, "", pagu, realisasi, persen]

    if serapan.lengkap or serapan.realisasi is None:
        return [row("Jumlah", serapan.pagu, serapan.realisasi, serapan.persen)]
    counted = (
        f"Jumlah {apa} yang mengisi realisasi {periode(lkj)} ({serapan.dihitung} dari "
        f"{serapan.jumlah})"
    )
    return [
        row(counted, serapan.pagu_dihitung, serapan.realisasi, serapan.persen),
        row("Jumlah", serapan.pagu, BELUM_LENGKAP, BELUM_LENGKAP),
    ]


def realisasi_anggaran(lkj: Lkj) -> Bagian:
    """B. The institution's programs (its PK): pagu, realisasi, penyerapan and the sasaran
    each supported; then the units' kegiatan, as their own table (never summed into the
    institution's pagu)."""
    program = _anggaran_rows(lkj.program, unit=False)
    program += _total_rows(lkj, lkj.program, 1, "program")
    kegiatan = _anggaran_rows(lkj.anggaran, unit=True)
    kegiatan += _total_rows(lkj, lkj.anggaran, 2, "kegiatan")
    serapan = lkj.serapan(lkj.program)
    paragraf = [
        f"Anggaran program dalam Perjanjian Kinerja {lkj.instansi} tahun {lkj.tahun or ''}: "
        f"{_serapan_text(serapan, lkj)}. Setiap program menyebut sasaran strategis yang "
        "didukungnya; efisiensi per sasaran ada di bagian A.",
        "Tabel 3.4 merinci kegiatan unit dari PK unit; kegiatan unit adalah bagian dari "
        "program institusi, sehingga jumlahnya tidak ditambahkan ke pagu institusi.",
    ]
    return Bagian(
        "B. Realisasi Anggaran",
        2,
        paragraf=paragraf,
        tabel=[
            Tabel(
                f"Tabel 3.3 Pagu dan realisasi program {lkj.instansi} ({periode(lkj)})",
                [
                    Kolom("No", lebar=0.45),
                    Kolom("Program", lebar=2.6),
                    Kolom("Sasaran didukung", lebar=1.0),
                    *_money_columns(lkj),
                ],
                program,
                total=True,
            ),
            Tabel(
                f"Tabel 3.4 Pagu dan realisasi kegiatan unit ({periode(lkj)})",
                [
                    Kolom("No", lebar=0.45),
                    Kolom("Unit", lebar=1.4),
                    Kolom("Kegiatan", lebar=2.3),
                    Kolom("IKK didukung", lebar=1.0),
                    *_money_columns(lkj),
                ],
                kegiatan,
                total=True,
            ),
        ],
    )
