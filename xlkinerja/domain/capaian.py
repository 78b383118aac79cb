"""Capaian (achievement) per indicator — the formulas of domain.md, no I/O.

naik (higher is better):  R / T × 100
turun (lower is better):  (2 − R / T) × 100, never below 0   (Permen PAN-RB 8/2021 p.110)
range target [lo, hi]:    100 inside the range; outside it the formula above with
                          T = hi when R > hi and T = lo when R < lo
target 0:                 not computable — said so, never divided
batas_atas (a cap):       the institution's rule (e.g. 120 %); a capped value keeps the raw
                          one (`mentah`), which every output shows beside it
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

Arah = Literal["naik", "turun"]
Target = float | int | tuple[float | int, float | int] | None


@dataclass(frozen=True)
class Capaian:
    nilai: float | None  # percent; None when it cannot be computed
    alasan: str | None = None  # why not (Indonesian), when nilai is None
    mentah: float | None = None  # the value before the cap, when the cap lowered it

    @property
    def dihitung(self) -> bool:
        return self.nilai is not None


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return None if math.isnan(value) else float(value)


def capaian(
    realisasi: object,
    target: Target | object,
    arah: Arah | str = "naik",
    *,
    batas_atas: float | None = None,
) -> Capaian:
    """Capaian of one realisasi against its target; `target` may be a (lo, hi) range."""
    if realisasi is None:
        return Capaian(None, "realisasi belum diisi")
    r = _number(realisasi)
    if r is None:
        return Capaian(None, "realisasi bukan angka")
    if target is None:
        return Capaian(None, "target belum diisi")
    if arah not in ("naik", "turun"):
        return Capaian(None, f"arah '{arah}' tidak dikenal (naik/turun)")
    if isinstance(target, tuple):
        lo, hi = (_number(v) for v in target)
        if lo is None or hi is None:
            return Capaian(None, "rentang target tidak lengkap")
        if lo > hi:
            return Capaian(None, "batas bawah target lebih besar dari batas atas")
        if lo <= r <= hi:
            return _capped(100.0, batas_atas)
        t = hi if r > hi else lo
    else:
        number = _number(target)
        if number is None:
            return Capaian(None, "target bukan angka")
        t = number
    if t == 0:
        return Capaian(None, "target 0: capaian tidak dapat dihitung")
    ratio = r / t
    value = ratio * 100 if arah == "naik" else max(0.0, (2 - ratio) * 100)
    return _capped(value, batas_atas)


def _capped(value: float, batas_atas: float | None) -> Capaian:
    if batas_atas is not None and value > batas_atas:
        return Capaian(batas_atas, mentah=value)
    return Capaian(value)


def cap_note(mentah: float | None, nilai: float | None) -> str | None:
    """What a capped capaian says beside it: "capaian 160 % dibatasi 120 %"."""
    if mentah is None or nilai is None:
        return None
    return f"capaian {_pct(mentah)} % dibatasi {_pct(nilai)} %"


def _pct(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
