"""Predikat: capaian scale, SKP matrix and distribution caps, Permen 8/2021 score. No I/O.

Scale (master "Skala predikat": batas bawah | batas atas | predikat): bands are [batas bawah,
next batas bawah), a value gets the highest band whose lower bound it reaches (LKjIP: 90.5
is Baik, 50.5 Sangat Kurang); the top band is open above (> 100, even with a batas atas
written), the bottom one below ("≤ 50"). A batas atas is only checked: past the next lower
bound = overlap, more than 1 short = gap (76–90 and 91– meet). Rows run highest-first (as
in the master) or lowest-first; any other order is an error."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import ClassVar, Literal, NamedTuple

import numpy as np


class SkalaPredikatError(ValueError):
    """The predikat scale is not valid; `masalah` lists every problem found (Indonesian)."""

    def __init__(self, masalah: Sequence[str]) -> None:
        self.masalah = tuple(masalah)
        super().__init__("Skala predikat tidak valid: " + "; ".join(self.masalah))


class Pita(NamedTuple):
    batas_bawah: float
    batas_atas: float | None  # as written; the band really ends at the next batas bawah
    predikat: str


def _angka(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _fmt(value: float, unit: str = "") -> str:
    return f"{round(value, 1):g}".replace(".", ",") + unit


def _kunci(text: object) -> str:
    return "" if text is None else " ".join(str(text).split()).casefold()


@dataclass(frozen=True)
class PredikatScale:
    """A validated scale; `pita` runs lowest band first. Invalid → SkalaPredikatError."""

    pita: tuple[Pita, ...]

    def __post_init__(self) -> None:
        if masalah := _periksa(self.pita):
            raise SkalaPredikatError(masalah)

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence[object] | Mapping[str, object]]) -> PredikatScale:
        """From rows (batas_bawah, batas_atas|None, predikat): tuples, or dicts with those keys."""
        pita: list[Pita] = []
        masalah: list[str] = []
        for nomor, row in enumerate(rows, start=1):
            cells = [row.get(k) for k in Pita._fields] if isinstance(row, Mapping) else list(row)
            bawah, atas, nama = (*cells, None, None, None)[:3]
            low, high, text = _angka(bawah), _angka(atas), " ".join(str(nama or "").split())
            if low is None:
                isi = "kosong" if bawah is None else f"bukan angka ({bawah!r})"
                masalah.append(f"baris {nomor}: batas bawah {isi}; isi angka capaian (%)")
            if atas is not None and high is None:
                masalah.append(f"baris {nomor}: batas atas bukan angka ({atas!r})")
            if not text:
                masalah.append(f"baris {nomor}: predikat kosong; isi nama predikat")
            if not masalah:
                pita.append(Pita(low or 0.0, high, text))
        if masalah:
            raise SkalaPredikatError(masalah)
        if [p.batas_bawah for p in pita] == sorted((p.batas_bawah for p in pita), reverse=True):
            pita.reverse()
        return cls(tuple(pita))

    def predikat(self, capaian: object) -> str | None:
        """The predikat of a capaian (percent); None when it is blank or not a number."""
        if (c := _angka(capaian)) is None:
            return None
        return next((p for p in reversed(self.pita) if c >= p.batas_bawah), self.pita[0]).predikat

    def predikat_values(self, capaian: np.ndarray) -> np.ndarray:
        """`predikat` of every value of a float array at once (None where not finite)."""
        values = np.asarray(capaian, dtype=np.float64)
        bounds = np.array([p.batas_bawah for p in self.pita], dtype=np.float64)
        names = np.array([p.predikat for p in self.pita], dtype=object)
        band = np.maximum(np.searchsorted(bounds, values, side="right") - 1, 0)
        out: np.ndarray = names[band]
        out[~np.isfinite(values)] = None
        return out


def _periksa(pita: Sequence[Pita]) -> list[str]:
    """Every problem of bands meant to run lowest first."""
    if not pita:
        return ["skala kosong; isi paling sedikit satu baris"]
    masalah = [
        f"'{p.predikat}': batas atas {_fmt(p.batas_atas)} < batas bawah {_fmt(p.batas_bawah)}"
        for p in pita
        if p.batas_atas is not None and p.batas_atas < p.batas_bawah
    ]
    for lower, upper in pairwise(pita):
        a, atas, mulai = f"'{lower.predikat}'", lower.batas_atas, _fmt(upper.batas_bawah)
        b = f"'{upper.predikat}' (mulai {mulai})"
        sampai = f"{a} (sampai {_fmt(atas)})" if atas is not None else a
        fix = f"ubah batas atas {a} menjadi tepat di bawah {mulai}"
        if upper.batas_bawah <= lower.batas_bawah:
            fix = "urutkan dari tertinggi ke terendah, tanpa batas bawah kembar"
            masalah.append(f"baris tidak urut: {a} mulai {_fmt(lower.batas_bawah)}, {b}; {fix}")
        elif atas is None:
            masalah.append(f"{a} tanpa batas atas padahal bukan baris teratas; isi batas atasnya")
        elif atas > upper.batas_bawah:
            masalah.append(f"{sampai} tumpang tindih dengan {b}; {fix}")
        elif upper.batas_bawah - atas > 1:
            masalah.append(f"celah antara {sampai} dan {b}; {fix}")
    return masalah


DEFAULT_SCALE = PredikatScale.from_rows(
    [
        (91, None, "Sangat Baik"),
        (76, 90, "Baik"),
        (66, 75, "Cukup"),
        (51, 65, "Kurang"),
        (0, 50, "Sangat Kurang"),
    ]
)
"""LKjIP (domain.md): 91–100 Sangat Baik; 76–90 Baik; 66–75 Cukup; 51–65 Kurang; ≤ 50."""


# --- SKP (Permen PAN-RB 6/2022): predikat kinerja pegawai and its distribution ----------

RATING = ("di bawah ekspektasi", "sesuai ekspektasi", "di atas ekspektasi")
PREDIKAT_PEGAWAI = ("Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang")
_MATRIKS = {  # rating hasil kerja → predikat for perilaku di bawah / sesuai / di atas
    "di atas": ("Kurang/Misconduct", "Baik", "Sangat Baik"),
    "sesuai": ("Kurang/Misconduct", "Baik", "Baik"),
    "di bawah": ("Sangat Kurang", "Butuh Perbaikan", "Butuh Perbaikan"),
}


@dataclass(frozen=True)
class PredikatKinerja:
    nilai: str | None  # one of PREDIKAT_PEGAWAI; None when a rating is not recognised
    alasan: str | None = None


def rating(teks: object) -> str | None:
    """Canonical rating from any case, also "di bawah" / "sesuai" / "di atas" (or "dibawah")."""
    key = _kunci(teks).replace(" ", "").removesuffix("ekspektasi")
    return next((r for r in RATING if r.replace(" ", "").removesuffix("ekspektasi") == key), None)


def predikat_pegawai(teks: object) -> str | None:
    """Canonical staff predikat, case-insensitive ("kurang" and "misconduct" accepted)."""
    key = _kunci(teks).replace(" / ", "/")
    found = next((p for p in PREDIKAT_PEGAWAI if p.casefold() == key), None)
    return found or ("Kurang/Misconduct" if key in ("kurang", "misconduct") else None)


def predikat_kinerja(hasil_kerja: object, perilaku: object) -> PredikatKinerja:
    """Predikat kinerja from rating hasil kerja × rating perilaku (matrix of domain.md)."""
    hasil, laku = rating(hasil_kerja), rating(perilaku)
    if hasil is None or laku is None:
        nama, raw = ("hasil kerja", hasil_kerja) if hasil is None else ("perilaku", perilaku)
        pilihan = "di atas / sesuai / di bawah ekspektasi"
        return PredikatKinerja(None, f"rating {nama} {raw!r} tidak dikenal ({pilihan})")
    return PredikatKinerja(_MATRIKS[hasil.removesuffix(" ekspektasi")][RATING.index(laku)])


Batas = tuple[str, Literal["max", "min"], float]  # (staff predikat, max|min, share 0..1)
BATAS_DISTRIBUSI: Mapping[str, tuple[Batas, ...]] = {
    "Baik": (("Baik", "max", 0.70),),
    "Butuh Perbaikan": (("Butuh Perbaikan", "min", 0.60), ("Sangat Baik", "max", 0.10)),
}
"""Org predikat → caps on staff predikat: exactly those domain.md gives. An org predikat
not listed (Istimewa, Kurang, Sangat Kurang...) has no cap here, so no violation."""


@dataclass(frozen=True)
class Pelanggaran:
    TIDAK_DIKENAL: ClassVar[str] = "distribusi.predikat_tidak_dikenal"
    kode: str  # distribusi.maks | distribusi.min | TIDAK_DIKENAL
    predikat: str  # the staff predikat (repr of the text when not recognised)
    jumlah: int  # staff with it
    total: int  # staff with a recognised predikat: the denominator of every share
    fraksi: float  # jumlah / total (0 when total is 0)
    batas: float | None  # the cap as a fraction; None for an unrecognised predikat
    pesan: str


def cek_distribusi(
    org_predikat: str,
    staff_predikat: Sequence[object],
    batas: Mapping[str, Sequence[tuple[str, str, float]]] = BATAS_DISTRIBUSI,
) -> list[Pelanggaran]:
    """Violations of the caps on staff predikat tied to the organisation's predikat; no cap
    for `org_predikat` → []. Shares count only staff with a recognised predikat; each distinct
    blank or unrecognised entry is reported once (TIDAK_DIKENAL) and left out."""
    org = next((k for k in batas if _kunci(k) == _kunci(org_predikat)), "")
    if not (caps := batas.get(org, ())):
        return []
    known = Counter(p for p in map(predikat_pegawai, staff_predikat) if p is not None)
    total = sum(known.values())
    out = _tidak_dikenal(staff_predikat, total)
    for nama, jenis, limit in caps:
        found = _lewat_batas(org, nama, jenis, limit, known[predikat_pegawai(nama) or nama], total)
        if found is not None:
            out.append(found)
    return out


def _tidak_dikenal(staff_predikat: Sequence[object], total: int) -> list[Pelanggaran]:
    """One TIDAK_DIKENAL per distinct blank or unrecognised staff predikat."""
    asing = [s for s in staff_predikat if predikat_pegawai(s) is None]
    unknown = Counter(repr(s) if _kunci(s) else "(kosong)" for s in asing)
    out = []
    for raw, count in unknown.items():
        pesan = f"predikat pegawai {raw} ({count} orang) tidak dikenal; tidak ikut dihitung"
        out.append(Pelanggaran(Pelanggaran.TIDAK_DIKENAL, raw, count, total, 0.0, None, pesan))
    return out


def _lewat_batas(
    org: str, nama: str, jenis: str, limit: float, count: int, total: int
) -> Pelanggaran | None:
    """The violation of one cap (`count` of `total` staff are `nama`), or None."""
    share = count / total if total else 0.0
    over = jenis == "max" and share > limit + 1e-9
    if not (over or (jenis == "min" and total and share < limit - 1e-9)):
        return None
    kode = "distribusi.maks" if over else "distribusi.min"
    aturan = f"{'paling banyak' if over else 'paling sedikit'} {_fmt(limit * 100, ' %')}"
    nyata = f"{count} dari {total} ({_fmt(share * 100, ' %')})"
    pesan = f"organisasi {org}: pegawai {nama} {aturan}, tertulis {nyata}"
    return Pelanggaran(kode, nama, count, total, share, limit, pesan)


@dataclass(frozen=True)
class NilaiIKI:
    nilai: float | None  # 0..120; None when the capaian is blank or not a number
    kategori: str | None = None
    alasan: str | None = None


_KONVERSI = (  # (from C, kategori, a, b, lo, hi): nilai = lo + (hi − lo)/(b − a)·(C − a)
    (100.0, "Baik", 100, 110, 109, 120),
    (80.0, "Cukup", 80, 99, 70, 89),
    (60.0, "Kurang", 60, 79, 50, 69),
    (-math.inf, "Sangat Kurang", 0, 59, 0, 49),  # = C/59·49
)


def nilai_capaian_iki(capaian: object) -> NilaiIKI:
    """Score and category of a capaian IKI (percent) per Permen PAN-RB 8/2021, not rounded.

    > 110 % Sangat Baik 120; 100–110 % Baik; 80–99 % Cukup; 60–79 % Kurang; < 60 % Sangat
    Kurang, by the lines of _KONVERSI (never below 0). Written bands are read as [80, 100)
    etc.: 99.5 % is Cukup, 89.5. Baik: domain.md says only "100–110 % Baik"; with the
    known example 100 % → 109 it is read as the line from 109 at 100 % to 120 at 110 %, where
    "> 110 % → 120" takes over (continuous, monotone). Some implement 101–110 % as
    110 + 10/9·(C − 101) (108.9 at 100 %, so 100 % is special-cased to 109): within 0.1."""
    c = _angka(capaian)
    if c is None:
        return NilaiIKI(None, None, "capaian kosong" if capaian is None else "capaian bukan angka")
    if c > 110:
        return NilaiIKI(120.0, "Sangat Baik")
    _, kategori, a, b, lo, hi = next(row for row in _KONVERSI if c >= row[0])
    return NilaiIKI(max(0.0, lo + (hi - lo) * (c - a) / (b - a)), kategori)  # monotone order
