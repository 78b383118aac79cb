"""Shared pieces of the sample units' entries: column orders, sasaran texts, a helper."""

from __future__ import annotations

from xlkinerja.core.form_data import CellScalar

PK = (
    "sasaran",
    "kode_ikk",
    "indikator",
    "satuan",
    "arah",
    "konsolidasi",
    "target",
    "kode_iku",
    "metode_kaskade",
)
# The budget rows: pagu, the IKK they support, realisasi s.d. TW I..III (cumulative).
ANGGARAN = ("program", "anggaran", "kode_ikk", "realisasi_tw1", "realisasi_tw2", "realisasi_tw3")
RA = ("kode_ikk", "tw1", "tw2", "tw3", "tw4", "aksi", "penanggung_jawab", "alasan")
MATRIKS = (
    "nip",
    "nama",
    "jabatan",
    "kode_ikk",
    "rhk",
    "aspek",
    "iki",
    "target",
    "satuan",
    "metode_kaskade",
)
CAPAIAN = (
    "kode_ikk",
    "triwulan",
    "realisasi",
    "bukti_dukung",
    "kendala",
    "tindak_lanjut",
    "pembilang",
    "penyebut",
)

S_LULUSAN = "Meningkatnya kualitas lulusan program studi"
S_DOSEN = "Meningkatnya kualitas dosen jurusan"
S_KURIKULUM = "Meningkatnya kerja sama program studi dengan mitra"

UnitEntry = dict[str, object]


def capaian_rows(
    kode: str,
    *values: tuple[CellScalar, str | None],
    rasio: tuple[tuple[CellScalar, CellScalar], ...] = (),
) -> list[tuple[CellScalar, ...]]:
    """Capaian rows for TW I.. in order: (realisasi, kendala); `rasio`: per quarter its
    (pembilang, penyebut), for an IKK of an IKU combined as a ratio."""
    tw = ("TW I", "TW II", "TW III", "TW IV")
    parts = list(rasio) + [(None, None)] * (len(values) - len(rasio))
    return [
        (
            kode,
            tw[i],
            realisasi,
            f"https://drive.contoh.ac.id/sakip/{kode}/{tw[i]}",
            kendala,
            "Dibahas dalam rapat jurusan" if kendala else None,
            *parts[i],
        )
        for i, (realisasi, kendala) in enumerate(values)
    ]
