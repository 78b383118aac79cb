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

import numpy as np
import pandas as pd

from xlkinerja.cascade.tree import Figure, NilaiPeriode, Periode
from xlkinerja.domain.konsolidasi import LABEL_TW


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
    # Why a reported IKK has no figure (its row's reason): only where it has none.
    reasons = rows["alasan"].astype(object)
    notes = reasons.where(~known & ~unread & reasons.map(_is_text), None).tolist()
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
