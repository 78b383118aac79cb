"""The performance model's figures for one period (no I/O): what every output shows of an
IKK and an IKU "s.d. TW n", computed once from the compiled frames.

One period, one number (domain.md): a figure "s.d. TW n" uses TW n's values only. An IKK
whose unit wrote no TW n row on its Capaian sheet has no figure for TW n ("belum melapor
TW n"), never its TW n−1 value; an IKU's figure for TW n is its capaian_iku row of TW n
(the IKK that reported TW n rolled up, kompilasi/aggregate.py `capaian_rollup`), and says
how many of its IKK that covers ("2 dari 3 IKK melapor TW III"). The period is the latest
TW any unit reported, unless one is asked for.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

import numpy as np
import pandas as pd

from xlkinerja.cascade.tree import Figure, NilaiPeriode, Periode
from xlkinerja.domain.capaian import cap_note, capaian
from xlkinerja.domain.konsolidasi import LABEL_TW
from xlkinerja.domain.rollup import CaraNilai, cara_nilai, satuan_sama


def latest_period(cap: pd.DataFrame) -> int | None:
    """The latest TW of which any IKK has a Capaian row (None: none has)."""
    tws = pd.to_numeric(cap["tw"], errors="coerce").dropna()
    return int(tws.max()) if len(tws) else None


def ikk_totals(rekap_pk: pd.DataFrame) -> dict[str, int]:
    """IKU code → how many IKK the units derived from it (each unit's IKK once)."""
    derived = rekap_pk[rekap_pk["kode_ikk"].notna() & rekap_pk["kode_iku"].notna()]
    counts = derived.drop_duplicates(["kode_iku", "berkas", "kode_ikk"]).groupby("kode_iku").size()
    return {str(code): int(n) for code, n in counts.items()}


def coverage_text(reported: int, total: int, tw: int) -> str | None:
    """ "2 dari 3 IKK melapor TW III", or None when every IKK did."""
    if total == 0 or reported >= total:
        return None
    return f"{reported} dari {total} IKK melapor {LABEL_TW[tw - 1]}"


def reported_text(reported: int, total: int) -> str:
    """How many of an IKU's IKK a figure covers: "2 dari 3" (the IKK derived from it)."""
    return f"{reported} dari {max(total, reported)}"


def tree_period(
    cap: pd.DataFrame, per_iku: pd.DataFrame, totals: Mapping[str, int], tw: int | None
) -> Periode | None:
    """The figures the cascade tree shows for TW `tw` (None: no period, no figures)."""
    if tw is None:
        return None
    rows = cap[(cap["tw"] == tw) & cap["kode_ikk"].notna()]
    values = rows["capaian"].to_numpy(dtype=float)
    known = ~np.isnan(values)
    unread = rows["_tak_terbaca"].to_numpy(dtype=bool)
    figures = rows["capaian"].astype(object).where(known, None).tolist()  # NaN: no figure
    # Why a reported IKK has no figure, or that its figure was capped (its row's alasan:
    # rows.py writes one only then).
    reasons = rows["alasan"].astype(object)
    notes = reasons.where(~unread & reasons.map(_is_text), None).tolist()
    keys = zip(rows["berkas"].tolist(), rows["kode_ikk"].tolist(), strict=True)
    ikk: dict[tuple[str, str], Figure] = dict(
        zip(keys, zip(figures, unread.tolist(), notes, strict=True), strict=True)
    )
    iku_rows = per_iku[per_iku["tw"] == tw]
    iku = {
        str(code): NilaiPeriode(
            _number(nilai),
            isinstance(keterangan, str),
            _iku_note(keterangan, int(jumlah), totals.get(str(code), 0), tw),
        )
        for code, nilai, keterangan, jumlah in zip(
            iku_rows["kode_iku"],
            iku_rows["capaian"],
            iku_rows["keterangan"],
            iku_rows["jumlah_ikk"],
            strict=True,
        )
    }
    for code, total in totals.items():  # derived, but no IKK of it reported TW tw
        if code not in iku and total:
            iku[code] = NilaiPeriode(None, catatan=f"belum ada IKK yang melapor {LABEL_TW[tw - 1]}")
    return Periode(tw, ikk, iku)


def _is_text(value: object) -> bool:
    return isinstance(value, str)


def _number(value: object) -> float | None:
    if isinstance(value, int | float) and not math.isnan(value):
        return float(value)
    return None


def _iku_note(keterangan: object, reported: int, total: int, tw: int) -> str | None:
    notes = [n for n in (coverage_text(reported, total, tw), keterangan) if isinstance(n, str)]
    return "; ".join(notes) or None


# -- An IKU's figure for a period -----------------------------------------------------------

FIGURE_COLUMNS = [
    "kode_iku",
    "tw",
    "target",
    "realisasi",
    "capaian",
    "capaian_mentah",
    "jumlah_ikk",
    "cara_agregasi",
    "keterangan",
]


Agregasi = Literal["jumlah", "rata-rata", "rasio"]


@dataclass(frozen=True)
class CaraIku:
    """How an IKU's IKK combine: as its Manual IKU says in the master (Agregasi: jumlah,
    rata-rata, rasio), else by the rule of the Rencana Aksi roll-up (domain.rollup): summed
    when every IKK was derived by beban target, averaged otherwise. Jumlah and rata-rata
    combine IKK of one satuan only — others by the mean of their capaian; rasio is
    Σ pembilang / Σ penyebut whatever the satuan, the target weighted by the penyebut."""

    cara: Agregasi | None  # None: not combinable, the mean of the IKK's capaian
    label: str  # for people: "jumlah target dan realisasi IKK (satuan sama: lulusan)"
    fallback: CaraIku | None = None  # rasio: when an IKK lacks pembilang or penyebut


def iku_cara(
    rekap_pk: pd.DataFrame, agregasi: Mapping[str, str] | None = None
) -> dict[str, CaraIku]:
    """Per IKU, how its IKK (every IKK derived from it, reported or not) combine;
    `agregasi`: IKU code → the master's Agregasi, where it gives one."""
    derived = rekap_pk[rekap_pk["kode_ikk"].notna() & rekap_pk["kode_iku"].notna()]
    out: dict[str, CaraIku] = {}
    for code, rows in derived.groupby("kode_iku", sort=False):
        satuan = rows["satuan"].astype(object).where(rows["satuan"].notna(), None).tolist()
        beban = bool((rows["metode_kaskade"] == "beban target").all())
        manual = (agregasi or {}).get(str(code))
        cara: CaraNilai = "jumlah" if beban else "rata-rata"
        if manual in ("jumlah", "rata-rata"):
            cara = "jumlah" if manual == "jumlah" else "rata-rata"
        by_satuan = _by_satuan(satuan, cara)
        if manual == "rasio":
            label = "rasio: Σ pembilang / Σ penyebut IKK (Manual IKU)"
            out[str(code)] = CaraIku("rasio", label, by_satuan)
        else:
            out[str(code)] = by_satuan
    return out


def _by_satuan(satuan: list[object], cara: CaraNilai) -> CaraIku:
    if satuan_sama(satuan) is None:
        return CaraIku(None, f"rata-rata capaian IKK ({cara_nilai(satuan, cara, 'realisasi')})")
    return CaraIku(cara, cara_nilai(satuan, cara, "target dan realisasi"))


def iku_figures(
    cap: pd.DataFrame,
    cara: Mapping[str, CaraIku],
    arah: Mapping[str, str],
    batas_atas: float | None,
) -> pd.DataFrame:
    """Per IKU and TW, over its IKK that reported the TW (one period, one number): the
    combined target and realisasi and the capaian that follows from them — by the IKU's own
    arah and the institution's cap (`capaian_mentah`: the value before the cap) — or, where
    the IKK do not combine, the mean of their capaian, said in `cara_agregasi`. An IKK whose
    realisasi or target could not be read makes the figure unknown (`keterangan` names it);
    an IKK that reported the TW without a realisasi is left out and named. A ratio needs
    every counted IKK's pembilang and penyebut (`cap["_pembilang"]`, `["_penyebut"]`);
    without them the IKU falls back to its satuan's rule, and says which IKK lacked them."""
    rows = cap[cap["kode_ikk"].notna() & cap["kode_iku"].notna()]
    target = pd.to_numeric(rows["target"], errors="coerce")
    realisasi = pd.to_numeric(rows["realisasi"], errors="coerce")
    counted = target.notna() & realisasi.notna() & ~rows["_tak_terbaca"].astype(bool)
    pembilang = _column(rows, "_pembilang").where(counted)
    penyebut = _column(rows, "_penyebut").where(counted)
    work = pd.DataFrame(
        {
            "kode_iku": rows["kode_iku"],
            "tw": rows["tw"],
            "target": target.where(counted),
            "realisasi": realisasi.where(counted),
            "capaian": rows["capaian"],
            "dihitung": counted,
            "tak_terbaca": rows["_tak_terbaca"].astype(bool),
            "pembilang": pembilang,
            "penyebut": penyebut,
            "target_x_penyebut": target.where(counted) * penyebut,
            "tanpa_rasio": counted & (pembilang.isna() | penyebut.isna()),
        }
    )
    groups = (
        work.groupby(["kode_iku", "tw"], sort=True)
        .agg(
            target=("target", "sum"),
            realisasi=("realisasi", "sum"),
            rata_capaian=("capaian", "mean"),
            dihitung=("dihitung", "sum"),
            jumlah_ikk=("tw", "size"),
            tak_terbaca=("tak_terbaca", "sum"),
            pembilang=("pembilang", "sum"),
            penyebut=("penyebut", "sum"),
            target_x_penyebut=("target_x_penyebut", "sum"),
            tanpa_rasio=("tanpa_rasio", "sum"),
        )
        .reset_index()
    )
    left_out = _left_out(rows, counted)
    no_ratio = _left_out(rows, ~(counted & (pembilang.isna() | penyebut.isna())), why=False)
    records = [
        _figure(
            g,
            cara.get(str(g.kode_iku)),
            Rules(arah.get(str(g.kode_iku)) or "naik", batas_atas, left_out, no_ratio),
        )
        for g in groups.itertuples(index=False)
    ]
    return pd.DataFrame.from_records(records, columns=FIGURE_COLUMNS)


def _column(rows: pd.DataFrame, name: str) -> pd.Series:
    if name in rows.columns:
        return pd.to_numeric(rows[name], errors="coerce")
    return pd.Series(np.nan, index=rows.index)


class Rules(NamedTuple):
    """What an IKU's figure is made by, beside its IKK's sums."""

    arah: str
    batas_atas: float | None
    left_out: Mapping[tuple[str, int], str]  # (IKU, TW) → the IKK not counted, and why
    no_ratio: Mapping[tuple[str, int], str]  # (IKU, TW) → the IKK counted without a ratio


def _left_out(
    rows: pd.DataFrame, counted: pd.Series, why: bool = True
) -> dict[tuple[str, int], str]:
    """Per (IKU, TW) the IKK not counted and why: "IKK-TM-2 (realisasi TW II belum diisi)"."""
    out: dict[tuple[str, int], list[str]] = {}
    missing = rows[~counted]
    for iku, tw, ikk, reason in zip(
        *(missing[c].tolist() for c in ("kode_iku", "tw", "kode_ikk", "alasan")), strict=True
    ):
        out.setdefault((str(iku), int(tw)), []).append(
            f"{ikk} ({reason})" if why and isinstance(reason, str) else str(ikk)
        )
    return {key: ", ".join(dict.fromkeys(names)) for key, names in out.items()}


def _figure(g: Any, cara: CaraIku | None, rules: Rules) -> dict[str, object]:
    key = (str(g.kode_iku), int(g.tw))
    out: dict[str, object] = {
        "kode_iku": g.kode_iku,
        "tw": int(g.tw),
        "target": None,
        "realisasi": None,
        "capaian": None,
        "capaian_mentah": None,
        "jumlah_ikk": int(g.jumlah_ikk),
        "cara_agregasi": cara.label if cara else "rata-rata capaian IKK",
        "keterangan": None,
    }
    notes: list[str] = []
    if cara is not None and cara.cara == "rasio" and g.tanpa_rasio:
        notes.append(
            f"rasio memerlukan pembilang dan penyebut, tidak diisi oleh {rules.no_ratio[key]}: "
            "digabung menurut satuannya"
        )
        cara = cara.fallback
        out["cara_agregasi"] = cara.label if cara else "rata-rata capaian IKK"
    if g.tak_terbaca:
        notes.append(f"tidak dihitung: {rules.left_out.get(key, 'isian IKK tidak dapat dibaca')}")
    elif cara is None or cara.cara is None:
        out["capaian"] = _number(g.rata_capaian)
    elif g.dihitung:
        t, r = _combined(g, cara)
        if cara.cara == "rasio":
            out["cara_agregasi"] = (
                f"{cara.label}: {_plain_number(g.pembilang)} / {_plain_number(g.penyebut)}"
            )
        if t is not None and r is not None:
            hasil = capaian(r, t, rules.arah, batas_atas=rules.batas_atas)
            out.update(target=t, realisasi=r, capaian=hasil.nilai, capaian_mentah=hasil.mentah)
            notes += [n for n in (hasil.alasan, cap_note(hasil.mentah, hasil.nilai)) if n]
        else:
            notes.append("penyebut 0: rasio tidak dapat dihitung")
    if not g.tak_terbaca and key in rules.left_out and int(g.dihitung) < int(g.jumlah_ikk):
        notes.append(f"tanpa {rules.left_out[key]}")
    out["keterangan"] = "; ".join(notes) or None
    return out


def _combined(g: Any, cara: CaraIku) -> tuple[float | None, float | None]:
    """The IKU's target and realisasi from its IKK's sums (None: a ratio over 0)."""
    n = int(g.dihitung)
    if cara.cara == "jumlah":
        return float(g.target), float(g.realisasi)
    if cara.cara == "rasio":
        if not g.penyebut:
            return None, None
        return float(g.target_x_penyebut) / float(g.penyebut), g.pembilang / g.penyebut * 100
    return float(g.target) / n, float(g.realisasi) / n


def _plain_number(value: float) -> str:
    """A sum as people write it: 124, 12,5."""
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def period_figures(capaian_iku: pd.DataFrame, tw: int | None) -> dict[str, Any]:
    """The IKU figures of the period `tw` (`Kompilasi.periode`) for `--format json`: the
    same numbers as the Rekap Capaian's section A and the LKj, field by field."""
    if tw is None:
        return {"periode": None, "iku": []}
    rows = capaian_iku[capaian_iku["tw"] == tw]
    keys = (
        "kode_iku", "target", "realisasi", "capaian", "capaian_mentah", "status", "predikat",
        "ikk_melapor", "cara_agregasi", "keterangan",
    )  # fmt: skip
    return {
        "periode": f"s.d. {LABEL_TW[tw - 1]}",
        "iku": [{key: _plain(rec[key]) for key in keys} for rec in rows.to_dict("records")],
    }


def _plain(value: object) -> object:
    """A frame's value as JSON has it: NaN and blank text are null."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, np.integer | np.floating):
        return _plain(value.item())
    return None if value == "" else value
