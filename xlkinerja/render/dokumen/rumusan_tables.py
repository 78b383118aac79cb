"""The parts of the Rumusan Hasil Pembahasan Capaian Kinerja (kompilasi/rumusan.py) for its
writers (xlsx, PDF), in the LKj's shapes (`Bagian`, `Tabel`), so both files show the same
tables: A. the IKU's capaian s.d. TW n, B. the units' kendala and tindak lanjut of TW n,
C. the rumusan of each unit's rapat pembahasan, D. its pemeriksaan and persetujuan (the
sign-off), and the notes."""

from __future__ import annotations

from xlkinerja.domain.pengesahan import Step
from xlkinerja.kompilasi.rumusan import IkuRumusan, RumusanPembahasan, UnitRumusan
from xlkinerja.render.dokumen.lkj_tables import Bagian, Jenis, Kolom, Sel, Tabel
from xlkinerja.render.dokumen.teks import tanggal

BELUM_DIBAHAS = "belum ada rumusan"
TABEL_CAPAIAN = "Tabel 1. Capaian IKU"  # the test reads the figures back by this caption


def _oleh(step: Step | None) -> str | None:
    """ "20 April 2026, Ani (NIP 198001012005012001)"; None: the step was not taken."""
    if step is None:
        return None
    who = step.nama or ""
    if step.nip:
        who += f" (NIP {step.nip})"
    return f"{tanggal(step.tanggal)}, {who}"


def _capaian(r: RumusanPembahasan) -> Tabel:
    tw = r.tw_nama
    kolom = [
        Kolom("No", lebar=0.4),
        Kolom("Kode", lebar=0.8),
        Kolom("Indikator Kinerja Utama", lebar=3.0),
        Kolom("Satuan", lebar=0.8),
        Kolom(f"Target s.d. {tw}", Jenis.ANGKA),
        Kolom(f"Realisasi s.d. {tw}", Jenis.ANGKA),
        Kolom("Capaian", Jenis.PERSEN),
        Kolom("Predikat", lebar=0.9),
        Kolom("IKK melapor", lebar=0.8),
    ]
    baris: list[list[Sel]] = [
        [
            str(n),
            i.kode_iku,
            i.indikator,
            i.satuan,
            i.target,
            i.realisasi,
            i.capaian,
            i.predikat,
            i.ikk_melapor,
        ]
        for n, i in enumerate(r.iku, start=1)
    ]
    return Tabel(f"{TABEL_CAPAIAN} s.d. {tw} Tahun {r.tahun or ''}".strip(), kolom, baris)


def _keterangan(iku: list[IkuRumusan]) -> list[str]:
    """How each IKU's figure was made where it is not target ÷ realisasi, and what the model
    left out or could not compute."""
    lines = []
    for i in iku:
        said = [t for t in (i.cara_agregasi, i.keterangan) if t]
        if said:
            lines.append(f"{i.kode_iku}: {'; '.join(said)}.")
    return lines


def _faktor(r: RumusanPembahasan) -> Tabel | None:
    kolom = [
        Kolom("IKU", lebar=0.7),
        Kolom("Unit", lebar=1.2),
        Kolom("IKK", lebar=0.8),
        Kolom("Kendala", lebar=2.2),
        Kolom("Tindak lanjut", lebar=2.2),
    ]
    baris: list[list[Sel]] = [
        [i.kode_iku, f.unit, f.kode_ikk, f.kendala, f.tindak_lanjut]
        for i in r.iku
        for f in i.faktor
    ]
    if not baris:
        return None
    return Tabel(f"Tabel 2. Kendala dan tindak lanjut unit {r.tw_nama}", kolom, baris)


def _rumusan_row(u: UnitRumusan) -> list[Sel]:
    kiriman = f"versi {u.versi}" if u.versi is not None else "tidak ada"
    rumusan = u.dibahas.rumusan if u.dibahas is not None else None
    if rumusan is None:
        return [u.nama_unit, kiriman, f"{BELUM_DIBAHAS} ({u.keterangan})", None, None, None]
    return [
        u.nama_unit, kiriman, rumusan.rekomendasi, rumusan.kendala, rumusan.tindak_lanjut,
        _oleh(u.dibahas),
    ]  # fmt: skip


def _rumusan(r: RumusanPembahasan) -> Tabel:
    kolom = [
        Kolom("Unit", lebar=1.2),
        Kolom("Kiriman", lebar=0.7),
        Kolom("Rekomendasi", lebar=2.0),
        Kolom("Kendala", lebar=2.0),
        Kolom("Tindak lanjut", lebar=2.0),
        Kolom("Dibahas (tanggal, oleh)", lebar=1.6),
    ]
    return Tabel(
        "Tabel 3. Rumusan hasil pembahasan per unit", kolom, [_rumusan_row(u) for u in r.unit]
    )


def _pengesahan(r: RumusanPembahasan) -> Tabel:
    kolom = [
        Kolom("Unit", lebar=1.2),
        Kolom("Tahap", lebar=0.9),
        Kolom("Diperiksa (Kabag/Kasubag)", lebar=1.8),
        Kolom("Disetujui (Direktur)", lebar=1.8),
        Kolom("Keterangan", lebar=1.8),
    ]
    baris: list[list[Sel]] = [
        [
            u.nama_unit,
            u.tahap.value if u.tahap is not None else "-",
            _oleh(u.diperiksa) or "belum",
            _oleh(u.disetujui) or "belum",
            u.keterangan,
        ]
        for u in r.unit
    ]
    return Tabel("Tabel 4. Pemeriksaan dan persetujuan rumusan", kolom, baris)


def rumusan_bagian(r: RumusanPembahasan) -> list[Bagian]:
    """The document's parts, in order."""
    tw = r.tw_nama
    pembuka = (
        f"Rumusan hasil rapat pembahasan Tim SAKIP atas capaian kinerja {r.subjudul} "
        "(SOP-SPMI-601 langkah 5–6): capaian Indikator Kinerja Utama, kendala dan tindak "
        "lanjut yang ditulis unit, serta rekomendasi, kendala dan tindak lanjut yang "
        "dirumuskan rapat untuk setiap unit, diperiksa oleh Kabag/Kasubag dan disetujui "
        "oleh Direktur."
    )
    a = Bagian(f"A. Capaian Indikator Kinerja Utama s.d. {tw}", 2, tabel=[_capaian(r)])
    ket = _keterangan(r.iku)
    if ket:
        a.butir = ["Keterangan:", *ket]
    faktor = _faktor(r)
    b = Bagian(f"B. Kendala dan tindak lanjut yang ditulis unit ({tw})", 2)
    if faktor is None:
        b.paragraf.append(f"Tidak ada unit yang menulis kendala atau tindak lanjut {tw}.")
    else:
        b.tabel.append(faktor)
    c = Bagian("C. Rumusan hasil pembahasan per unit", 2, tabel=[_rumusan(r)])
    belum = r.belum_dibahas
    if belum:
        names = ", ".join(u.nama_unit for u in belum)
        c.paragraf.append(f"Unit yang belum memiliki rumusan pembahasan: {names}.")
    d = Bagian("D. Pemeriksaan dan persetujuan", 2, tabel=[_pengesahan(r)])
    catatan = Bagian("Catatan", 2, butir=["Sumber angka dan rumusan:", *r.catatan])
    return [Bagian(r.judul, 1, paragraf=[r.subjudul, pembuka]), a, b, c, d, catatan]
