"""Roll-up of capaian from IKK to IKU, and the asesmen of qualitative indicators.

rollup:   mean of the children's capaian, or the weighted mean when weights are given
          (weights need not sum to 1; each must be a number > 0). Children without a
          capaian are left out and listed; none computable → nilai None with an alasan.
rollup_nilai: raw values (targets, realisasi) of IKK to their IKU — only when every IKK
          has the same satuan (a % and a count are never summed or averaged): the sum when
          the IKU was split by beban target (every IKK's value needed), else the mean of
          the known ones. Otherwise no value, and `cara` says why (Indonesian, for the
          sheet); capaian, which has no unit, is what rolls up across satuan.
asesmen:  qualitative / descriptive indicators have no formula: a named assessor (penilai)
          gives the value, a number 0–100 or one of the allowed categories.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

from xlkinerja.domain.predikat import DEFAULT_SCALE

KATEGORI_ASESMEN = tuple(p.predikat for p in reversed(DEFAULT_SCALE.pita))
"""Default categories an assessor may give: the predikat of the LKjIP scale."""


@runtime_checkable
class _BerNilai(Protocol):
    @property
    def nilai(self) -> object: ...


@dataclass(frozen=True)
class Rollup:
    nilai: float | None  # percent; None when no child has a capaian (or the weights are bad)
    alasan: str | None = None
    dipakai: int = 0  # children whose capaian went into the mean
    tanpa_capaian: tuple[int, ...] = ()  # 1-based positions of children left out

    @property
    def dihitung(self) -> bool:
        return self.nilai is not None


@dataclass(frozen=True)
class Asesmen:
    nilai: float | str | None  # 0–100 or a category; None when the asesmen is not valid
    penilai: str | None = None
    alasan: str | None = None

    @property
    def dihitung(self) -> bool:
        return self.nilai is not None


def _angka(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _capaian_anak(child: object) -> float | None:
    """A child's capaian: a number, or a record with `.nilai` (Capaian, Rollup, Asesmen...)."""
    if type(child) is float or child is None:
        return _angka(child)  # the common case, before the (slow) protocol check
    if isinstance(child, _BerNilai):
        child = child.nilai
    return _angka(child)


def _bobot(bobot: Sequence[object], n: int) -> list[float] | str:
    if isinstance(bobot, str) or not isinstance(bobot, Sequence):
        return f"bobot harus berupa daftar angka, satu per anak ({n})"
    if len(bobot) != n:
        return f"jumlah bobot ({len(bobot)}) tidak sama dengan jumlah anak ({n})"
    out: list[float] = []
    for i, raw in enumerate(bobot, start=1):
        if raw is None:
            return f"bobot anak ke-{i} belum diisi"
        value = _angka(raw)
        if value is None:
            return f"bobot anak ke-{i} bukan angka: {raw!r}"
        if value <= 0:
            return f"bobot anak ke-{i} harus lebih dari 0 (tertulis {raw!r})"
        out.append(value)
    return out


def rollup(capaian_anak: Sequence[object], bobot: Sequence[object] | None = None) -> Rollup:
    """Capaian of an IKU from its IKK: plain or weighted mean of the children that have one.

    A child is a number (percent), None (no capaian) or a record with `.nilai`. A child
    that is not a number is left out and listed in `tanpa_capaian` like a blank one; the
    weights are checked first, all of them (also those of children left out), since a bad
    weight is a setting error. The mean is kept within the used children's min..max.
    """
    if isinstance(capaian_anak, str) or not isinstance(capaian_anak, Sequence):
        return Rollup(None, "capaian anak harus berupa daftar")
    n = len(capaian_anak)
    if n == 0:
        return Rollup(None, "tidak ada indikator anak (IKK) untuk dirata-rata")
    weights = [1.0] * n if bobot is None else _bobot(bobot, n)
    if isinstance(weights, str):
        return Rollup(None, weights)
    pairs: list[tuple[float, float]] = []
    tanpa: list[int] = []
    for i, (child, weight) in enumerate(zip(capaian_anak, weights, strict=True), start=1):
        value = _capaian_anak(child)
        if value is None:
            tanpa.append(i)
        else:
            pairs.append((value, weight))
    if not pairs:
        return Rollup(
            None, f"tidak ada anak yang capaiannya dapat dihitung (0 dari {n})", 0, tuple(tanpa)
        )
    try:
        mean = math.fsum(v * w for v, w in pairs) / math.fsum(w for _, w in pairs)
    except OverflowError:
        mean = math.nan
    if not math.isfinite(mean):
        # Huge inputs: scale weights and values to at most 1 so the sums cannot overflow.
        w_max = max(w for _, w in pairs)
        v_max = max(abs(v) for v, _ in pairs) or 1.0
        total = math.fsum(w / w_max for _, w in pairs)
        mean = v_max * (math.fsum((v / v_max) * (w / w_max) for v, w in pairs) / total)
    # Keep float noise from pushing the mean outside the children's range.
    low, high = min(v for v, _ in pairs), max(v for v, _ in pairs)
    return Rollup(min(max(mean, low), high), None, len(pairs), tuple(tanpa))


def asesmen(
    nilai: object, penilai: object, *, kategori: Collection[str] = KATEGORI_ASESMEN
) -> Asesmen:
    """The value a named assessor gives a qualitative indicator: 0–100 or a category.

    The penilai must be named (non-blank text). A number must lie in 0..100 (inclusive);
    a text must be one of `kategori` (case-insensitive; returned as spelled there).
    """
    nama = " ".join(penilai.split()) if isinstance(penilai, str) else ""
    if not nama:
        return Asesmen(None, None, "penilai belum disebut: asesmen kualitatif harus bernama")
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        return Asesmen(None, nama, "nilai asesmen belum diisi")
    if isinstance(nilai, str):
        wanted = " ".join(nilai.split()).casefold()
        for name in kategori:
            if " ".join(name.split()).casefold() == wanted:
                return Asesmen(name, nama)
        pilihan = ", ".join(kategori)
        return Asesmen(None, nama, f"kategori '{nilai}' tidak dikenal (pilihan: {pilihan})")
    value = _angka(nilai)
    if value is None:
        return Asesmen(None, nama, f"nilai asesmen bukan angka atau kategori: {nilai!r}")
    if not 0 <= value <= 100:
        return Asesmen(None, nama, f"nilai asesmen {nilai!r} di luar rentang 0–100")
    return Asesmen(value, nama)


CaraNilai = Literal["jumlah", "rata-rata"]


@dataclass(frozen=True)
class RollupNilai:
    """A raw value of an IKU from its IKK. `cara` says how it is combined, or that it is
    not (satuan differ); `alasan` why `nilai` is None although it could be combined."""

    nilai: float | None
    cara: str  # Indonesian, e.g. "jumlah target IKK (satuan sama: mahasiswa)"
    alasan: str | None = None
    satuan: str | None = None  # the satuan every child shares, when they share one

    @property
    def dihitung(self) -> bool:
        return self.nilai is not None


def _satuan_key(satuan: object) -> str | None:
    if not isinstance(satuan, str):
        return None
    key = " ".join(satuan.split()).casefold()
    return key or None


def satuan_sama(satuan: Sequence[object]) -> str | None:
    """The one satuan all children share (case and spacing aside), as the first spells it;
    None when they differ, one is blank, or there are none."""
    keys = {_satuan_key(s) for s in set(satuan)}  # each spelling once: IKU have 1,000s of IKK
    if len(keys) != 1 or None in keys:
        return None
    first = satuan[0]
    return " ".join(first.split()) if isinstance(first, str) else None


def beda_satuan(satuan: Sequence[object]) -> str:
    """The children's satuan, each once, for a message: "%, dokumen, (kosong)"."""
    seen: dict[str | None, str] = {}
    for s in dict.fromkeys(satuan):  # each spelling once, in order
        key = _satuan_key(s)
        if key not in seen:
            seen[key] = " ".join(s.split()) if isinstance(s, str) and key else "(kosong)"
    return ", ".join(seen.values())


def cara_nilai(satuan: Sequence[object], cara: CaraNilai, apa: str = "target") -> str:
    """How raw values of children of these satuan roll up, in Indonesian (for the sheet)."""
    if not satuan:
        return "tidak ada IKK"
    common = satuan_sama(satuan)
    if common is not None:
        return f"{'jumlah' if cara == 'jumlah' else 'rata-rata'} {apa} IKK (satuan sama: {common})"
    if any(_satuan_key(s) is None for s in satuan):
        return f"{apa} tidak digabung: satuan IKK ada yang belum diisi"
    return f"{apa} tidak digabung: satuan IKK berbeda ({beda_satuan(satuan)})"


def rollup_nilai(
    satuan: Sequence[object], nilai: Sequence[object], cara: CaraNilai, *, apa: str = "target"
) -> RollupNilai:
    """`nilai[i]` of the child of satuan `satuan[i]`: a number, None (blank) or anything
    else (a value that could not be read). `apa` names the values in the texts."""
    if len(satuan) != len(nilai):
        raise ValueError("satuan and nilai must have one entry per child")
    label = cara_nilai(satuan, cara, apa)
    common = satuan_sama(satuan)
    if common is None:
        return RollupNilai(None, label, "satuan tidak sama" if nilai else "tidak ada IKK")
    values = [_angka(v) for v in nilai]
    if any(v is None and raw is not None for v, raw in zip(values, nilai, strict=True)):
        return RollupNilai(None, label, f"{apa} IKK ada yang tidak dapat dibaca", common)
    known = [v for v in values if v is not None]
    if cara == "jumlah" and len(known) < len(values):
        return RollupNilai(None, label, f"{apa} IKK ada yang belum diisi", common)
    if not known:
        return RollupNilai(None, label, f"{apa} IKK belum diisi", common)
    try:
        total = math.fsum(known)
    except OverflowError:
        total = math.inf
    if cara == "jumlah":
        value = total
    elif math.isfinite(total):
        value = total / len(known)
    else:  # huge values: their mean still exists
        scale = max(abs(v) for v in known)
        value = scale * (math.fsum(v / scale for v in known) / len(known))
    if not math.isfinite(value):
        return RollupNilai(None, label, "terlalu besar untuk dihitung", common)
    if cara != "jumlah":
        value = min(max(value, min(known)), max(known))  # float noise stays within range
    return RollupNilai(value, label, None, common)
