"""The budget realisasi columns a unit's Program/Kegiatan rows and the master's programs
share: realisasi s.d. TW I..IV, cumulative rupiah (kompilasi/anggaran.py reads them)."""

from xlkinerja.specs.model import Column, ValueType


def realisasi_columns(of: str = "") -> tuple[Column, ...]:
    """Realisasi s.d. TW I..IV; `of` names what is spent in the help, e.g. "program "."""
    return tuple(
        Column(
            f"realisasi_tw{n}",
            f"Realisasi s.d. TW {roman} (Rp)",
            ValueType.NUMBER,
            width=17,
            num_format="#,##0",
            help=f"Realisasi anggaran {of}KUMULATIF sejak Januari sampai akhir triwulan ini "
            "(dari aplikasi keuangan); kosong bila triwulan belum berjalan.",
        )
        for n, roman in ((1, "I"), (2, "II"), (3, "III"), (4, "IV"))
    )
