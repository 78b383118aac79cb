"""Small pandas helpers for the sheet writers: columns that may be missing, sources, order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd


def frame(df: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """The table with at least these columns (missing ones blank), indexed 0..n-1."""
    missing = [c for c in columns if c not in df.columns]
    if missing:
        df = df.assign(**dict.fromkeys(missing, None))
    return df.reset_index(drop=True)


def objects(series: pd.Series) -> np.ndarray:
    """Values as an object array with None for every blank (NaN, NA, None); a float column
    stays a float array (NaN = blank), which the writer renders fastest."""
    if pd.api.types.is_float_dtype(series.dtype):
        return series.to_numpy(dtype=float, na_value=np.nan)
    array = series.to_numpy(dtype=object, copy=True)
    array[pd.isna(series).to_numpy()] = None
    return array


def sumber(berkas: pd.Series, baris: pd.Series) -> np.ndarray:
    """Where a row came from: "TI-jurusan.xlsx · baris 12" (None when unknown)."""
    names: dict[Any, str | None] = {}
    for b in pd.unique(berkas):
        names[b] = str(b).replace("\\", "/").rsplit("/", 1)[-1] if isinstance(b, str) else None
    rows = pd.to_numeric(baris, errors="coerce").to_numpy(dtype=float)
    out = np.empty(len(berkas), dtype=object)
    for i, (b, r) in enumerate(zip(berkas.to_numpy(dtype=object), rows, strict=True)):
        name = names.get(b) if isinstance(b, str) else None
        if name is None:
            out[i] = None if np.isnan(r) else f"baris {r:.0f}"
        else:
            out[i] = name if np.isnan(r) else f"{name} · baris {r:.0f}"
    return out
