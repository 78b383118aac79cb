"""Combining quarterly realisasi per the indicator's `konsolidasi` (domain.md, "Capaian").

kumulatif:  sum of the known quarters' values
terakhir:   the value of the last known quarter (e.g. "persentase penyerapan")
rata-rata:  mean of the known quarters' values

Blank (None) and 0 are different everywhere: a blank quarter is *skipped*, never read as 0,
and every result says how many quarters were known and which were blank. A value that is
not a number (`core.normal.Unreadable`: text such as '1.050', an Excel error) is unknown,
never skipped as blank and never 0: the result is not computed, says which quarter and
which cell, and lists it in `tak_terbaca` — for kumulatif and rata-rata whenever the
quarter is among those combined (so every later quarter too), for terakhir only when it is
the last filled quarter (an earlier value does not count there).

Quarters are given as a sequence (index 0 = TW I) or a mapping whose keys are 1..4,
"TW I".."TW IV" or "tw1".."tw4" (the Rencana Aksi column keys), case-insensitive.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from xlkinerja.core.normal import Unreadable
from xlkinerja.domain.capaian import Arah, capaian

CaraKonsolidasi = Literal["kumulatif", "terakhir", "rata-rata"]
CARA_KONSOLIDASI: tuple[CaraKonsolidasi, ...] = ("kumulatif", "terakhir", "rata-rata")
LABEL_TW = ("TW I", "TW II", "TW III", "TW IV")
NilaiTriwulan = Mapping[Any, object] | Sequence[object]  # Any: Mapping keys are invariant


@dataclass(frozen=True)
class Gabungan:
    """Quarterly realisasi combined up to a TW; `nilai` None when it cannot be combined."""

    nilai: float | None
    alasan: str | None = None  # why not (Indonesian), when nilai is None
    diketahui: int = 0  # quarters with a value (0 counts as a value)
    tw_kosong: tuple[str, ...] = ()  # blank quarters among TW I..TW k, e.g. ("TW II",)
    tak_terbaca: tuple[str, ...] = ()  # quarters whose unreadable value made nilai unknown

    @property
    def dihitung(self) -> bool:
        return self.nilai is not None


@dataclass(frozen=True)
class CapaianTriwulan:
    """Capaian of TW k: realisasi TW I..k combined, against the (cumulative) target of TW k."""

    nilai: float | None
    alasan: str | None = None
    realisasi: float | None = None  # the combined realisasi compared with the target
    target: object = None  # the RA target of TW k, as given
    diketahui: int = 0  # quarters with a value among TW I..k
    tw_kosong: tuple[str, ...] = ()
    tak_terbaca: tuple[str, ...] = ()  # unreadable realisasi/target that made nilai unknown
    mentah: float | None = None  # the capaian before the cap, when the cap lowered it

    @property
    def dihitung(self) -> bool:
        return self.nilai is not None


def nomor_tw(tw: object) -> int | None:
    """1..4 from 1..4, "TW II", "tw2", "II"; None for anything else."""
    if isinstance(tw, bool):
        return None
    if isinstance(tw, int):
        return tw if 1 <= tw <= 4 else None
    if not isinstance(tw, str):
        return None
    text = "".join(tw.split()).upper().removeprefix("TW")
    romawi = {"I": 1, "II": 2, "III": 3, "IV": 4}
    if text in romawi:
        return romawi[text]
    return int(text) if text in ("1", "2", "3", "4") else None


def _angka(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _tak_terbaca(what: str, value: object) -> str:
    """Why `what` (e.g. "realisasi TW II") is unknown, in Indonesian, with its cell."""
    if isinstance(value, Unreadable):
        return f"{what} tidak dapat dibaca ({value.describe()})"
    return f"{what} bukan angka: {value!r}"


def _per_tw(nilai_tw: NilaiTriwulan) -> dict[int, object] | str:
    """{1..4: value} or the reason (Indonesian) why the quarters cannot be read."""
    if type(nilai_tw) is dict and all(type(k) is int and 1 <= k <= 4 for k in nilai_tw):
        return nilai_tw  # already {1..4: value} (as the workbook rules pass them)
    if isinstance(nilai_tw, str | bytes) or not isinstance(nilai_tw, Mapping | Sequence):
        return "nilai triwulan harus berupa daftar TW I..TW IV"
    if isinstance(nilai_tw, Mapping):
        out: dict[int, object] = {}
        for key, value in nilai_tw.items():
            nomor = nomor_tw(key)
            if nomor is None:
                return f"triwulan '{key}' tidak dikenal (TW I..TW IV)"
            if nomor in out:
                return f"{LABEL_TW[nomor - 1]} disebut lebih dari sekali"
            out[nomor] = value
        return out
    if len(nilai_tw) > 4:
        return f"ada {len(nilai_tw)} nilai triwulan; paling banyak 4 (TW I..TW IV)"
    return {i + 1: value for i, value in enumerate(nilai_tw)}


def konsolidasi(
    realisasi_tw: NilaiTriwulan, cara: CaraKonsolidasi | str, *, sampai_tw: object = 4
) -> Gabungan:
    """Realisasi TW I..`sampai_tw` combined per `cara` (kumulatif / terakhir / rata-rata)."""
    if cara not in CARA_KONSOLIDASI:
        return Gabungan(None, f"konsolidasi '{cara}' tidak dikenal (kumulatif/terakhir/rata-rata)")
    k = nomor_tw(sampai_tw)
    if k is None:
        return Gabungan(None, f"triwulan '{sampai_tw}' tidak dikenal (TW I..TW IV)")
    per_tw = _per_tw(realisasi_tw)
    if isinstance(per_tw, str):
        return Gabungan(None, per_tw)
    known, blanks, unread, last_filled = _quarters(per_tw, k)
    if cara == "terakhir":
        unread = [(label, value) for label, value in unread if label == last_filled]
    if unread:
        label, value = unread[0]
        return Gabungan(
            None,
            _tak_terbaca(f"realisasi {label}", value),
            len(known),
            blanks,
            tuple(label for label, _ in unread),
        )
    if not known:
        rentang = "TW I" if k == 1 else f"TW I..{LABEL_TW[k - 1]}"
        return Gabungan(None, f"realisasi {rentang} belum diisi", 0, blanks)
    if cara == "terakhir":
        return Gabungan(known[-1], None, len(known), blanks)
    value = _sum_or_mean(known, cara)
    if not math.isfinite(value):
        return Gabungan(None, "jumlah realisasi terlalu besar untuk dihitung", len(known), blanks)
    return Gabungan(value, None, len(known), blanks)


def _quarters(
    per_tw: Mapping[int, object], k: int
) -> tuple[list[float], tuple[str, ...], list[tuple[str, object]], str | None]:
    """TW I..k sorted: the numbers known, the blank quarters, the values that are not
    numbers (with their quarter), and the last quarter filled."""
    known: list[float] = []
    kosong: list[str] = []
    unread: list[tuple[str, object]] = []
    last_filled: str | None = None
    for nomor in range(1, k + 1):
        value = per_tw.get(nomor)
        label = LABEL_TW[nomor - 1]
        if value is None:
            kosong.append(label)
            continue
        last_filled = label
        number = _angka(value)
        if number is None:
            unread.append((label, value))
            continue
        known.append(number)
    return known, tuple(kosong), unread, last_filled


def _sum_or_mean(known: Sequence[float], cara: str) -> float:
    """The known values summed (kumulatif) or averaged (rata-rata); not finite when the
    values are too large to combine."""
    try:
        total = math.fsum(known)
    except OverflowError:
        total = math.inf
    value = total if cara == "kumulatif" else total / len(known)
    if not math.isfinite(value):
        mean_scale = max(abs(v) for v in known)  # rata-rata of huge values can still exist
        value = (
            mean_scale * (math.fsum(v / mean_scale for v in known) / len(known))
            if cara == "rata-rata"
            else value
        )
    return value


def capaian_triwulan(
    realisasi_tw: NilaiTriwulan,
    target_tw: NilaiTriwulan,
    tw: object,
    cara: CaraKonsolidasi | str = "kumulatif",
    arah: Arah | str = "naik",
    *,
    batas_atas: float | None = None,
) -> CapaianTriwulan:
    """Capaian of TW `tw` for an indicator whose Rencana Aksi targets are cumulative per TW.

    Realisasi TW I..tw are combined per `cara` and compared with the target of TW `tw`
    by `capaian()` (arah, range targets, target 0 and the optional cap work as there).
    The realisasi of TW `tw` itself must be filled: a blank TW II is "belum diisi", not
    "TW I only" (that would show a misleadingly low capaian); earlier blanks are skipped
    and counted.
    """
    k = nomor_tw(tw)
    if k is None:
        return CapaianTriwulan(None, f"triwulan '{tw}' tidak dikenal (TW I..TW IV)")
    label = LABEL_TW[k - 1]
    targets = _per_tw(target_tw)
    if isinstance(targets, str):
        return CapaianTriwulan(None, targets.replace("nilai triwulan", "target triwulan"))
    target = targets.get(k)
    gabungan = konsolidasi(realisasi_tw, cara, sampai_tw=k)
    if gabungan.nilai is None and label not in gabungan.tw_kosong:
        return CapaianTriwulan(
            None,
            gabungan.alasan,
            None,
            target,
            gabungan.diketahui,
            gabungan.tw_kosong,
            gabungan.tak_terbaca,
        )
    if label in gabungan.tw_kosong:
        return CapaianTriwulan(
            None,
            f"realisasi {label} belum diisi",
            None,
            target,
            gabungan.diketahui,
            gabungan.tw_kosong,
        )
    unread_target: tuple[str, ...] = ()
    mentah = None
    if target is None:
        alasan: str | None = f"target {label} belum diisi"
        nilai = None
    elif isinstance(target, Unreadable):
        alasan, nilai = _tak_terbaca(f"target {label}", target), None
        unread_target = (label,)
    elif isinstance(target, tuple) and len(target) != 2:
        alasan, nilai = f"rentang target {label} harus (batas bawah, batas atas)", None
    else:
        hasil = capaian(gabungan.nilai, target, arah, batas_atas=batas_atas)
        nilai, alasan, mentah = hasil.nilai, hasil.alasan, hasil.mentah
    return CapaianTriwulan(
        nilai,
        alasan,
        gabungan.nilai,
        target,
        gabungan.diketahui,
        gabungan.tw_kosong,
        unread_target,
        mentah,
    )
