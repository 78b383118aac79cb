"""Budget realisasi and penyerapan, one rule for every output (no I/O).

A program's or kegiatan's realisasi s.d. TW n is cumulative rupiah from January (the forms'
"Realisasi s.d. TW n (Rp)"). Penyerapan s.d. TW n of a set of rows is Σ realisasi / Σ pagu
over the rows that gave both for TW n — a row without realisasi for TW n is left out and
counted ("2 dari 3 kegiatan"), never mixed in with an earlier quarter's, as a capaian is
(domain.md, "One period, one number"). Efficiency compares a sasaran's capaian against the
year's target with the penyerapan of the budget supporting it (`efisiensi`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from xlkinerja.core.formats import rupiah

# Said in every document that shows the efficiency, with its basis.
RUMUS_EFISIENSI = (
    "Efisiensi = capaian terhadap target tahunan (%) ÷ penyerapan anggaran (%). Nilai di atas "
    "1 berarti kinerja yang dicapai lebih besar daripada bagian anggaran yang terserap; di "
    "bawah 1, sebaliknya. Dasar: analisis efisiensi penggunaan sumber daya, Bab III Laporan "
    "Kinerja (PermenPAN-RB 53/2014); rumusnya aturan xlkinerja."
)


@dataclass(frozen=True)
class BarisAnggaran:
    """One program's or kegiatan's pagu and realisasi s.d. TW I..IV (None: not given)."""

    pagu: float | None
    realisasi: tuple[float | None, ...]  # s.d. TW I, II, III, IV

    def sampai(self, tw: int | None) -> float | None:
        """Realisasi s.d. TW `tw` (None before any quarter, or not given)."""
        return self.realisasi[tw - 1] if tw else None


@dataclass(frozen=True)
class Penyerapan:
    """Σ pagu and Σ realisasi s.d. TW n over the rows that gave both, and the coverage."""

    pagu: float | None  # of every row whose pagu is known
    pagu_dihitung: float  # of the rows counted (both given)
    realisasi: float | None  # None: no row gave realisasi for TW n
    dihitung: int
    jumlah: int

    @property
    def persen(self) -> float | None:
        if self.realisasi is None or not self.pagu_dihitung:
            return None
        return self.realisasi / self.pagu_dihitung * 100

    @property
    def lengkap(self) -> bool:
        return self.dihitung == self.jumlah

    def cakupan(self, tw: int | None, apa: str = "kegiatan") -> str | None:
        """When not every row gave realisasi for TW n: how the penyerapan shown was made
        (its division, the rows counted), for the row's note; else None."""
        if self.lengkap or not self.jumlah:
            return None
        label = ("TW I", "TW II", "TW III", "TW IV")[tw - 1] if tw else "triwulan ini"
        counted = f"{self.dihitung} dari {self.jumlah} {apa} yang mengisi realisasi s.d. {label}"
        if self.realisasi is None:
            return f"penyerapan tidak dihitung: 0 dari {counted}"
        return (
            f"penyerapan = {rupiah(self.realisasi)} ÷ {rupiah(self.pagu_dihitung)}, anggaran "
            f"{counted}"
        )


def penyerapan(rows: Iterable[BarisAnggaran], tw: int | None) -> Penyerapan:
    """Penyerapan s.d. TW `tw` of `rows` (see the module's rule)."""
    listed = list(rows)
    pagus = [r.pagu for r in listed if r.pagu is not None]
    both = [(r.pagu, r.sampai(tw)) for r in listed if r.pagu is not None]
    counted = [(p, x) for p, x in both if x is not None]
    return Penyerapan(
        pagu=sum(pagus) if pagus else None,
        pagu_dihitung=sum(p for p, _ in counted),
        realisasi=sum(x for _, x in counted) if counted else None,
        dihitung=len(counted),
        jumlah=len(listed),
    )


def efisiensi(capaian_tahunan: Sequence[float], serapan: float | None) -> float | None:
    """The mean capaian against the year's target (percent) of a sasaran's IKU divided by
    the penyerapan (percent) of the budget supporting it; None when either is unknown or
    nothing was spent."""
    if not capaian_tahunan or serapan is None or serapan <= 0:
        return None
    return sum(capaian_tahunan) / len(capaian_tahunan) / serapan
