"""Capaian status colours (e-SAKIP practice): < 70 merah, 70–90 kuning, > 90 hijau.

The thresholds are the master's settings (ambang kuning / hijau); these are the defaults.
"""

from __future__ import annotations

from enum import StrEnum

import numpy as np

AMBANG_KUNING = 70.0
AMBANG_HIJAU = 90.0


def thresholds(kuning: float | None, hijau: float | None) -> tuple[float, float]:
    """The institution's (kuning, hijau) thresholds: the master's, else the defaults."""
    return kuning or AMBANG_KUNING, hijau or AMBANG_HIJAU


class Status(StrEnum):
    MERAH = "merah"
    KUNING = "kuning"
    HIJAU = "hijau"


def status_of(
    capaian: float | None, *, kuning: float = AMBANG_KUNING, hijau: float = AMBANG_HIJAU
) -> Status | None:
    """None when there is no capaian; exactly 70 is kuning, exactly 90 is kuning."""
    if capaian is None:
        return None
    if capaian < kuning:
        return Status.MERAH
    if capaian <= hijau:
        return Status.KUNING
    return Status.HIJAU


def status_values(
    capaian: np.ndarray, *, kuning: float = AMBANG_KUNING, hijau: float = AMBANG_HIJAU
) -> np.ndarray:
    """`status_of` of every value of a float array, as texts (None for NaN), at once."""
    values = np.asarray(capaian, dtype=np.float64)
    out = np.full(values.shape, None, dtype=object)
    known = ~np.isnan(values)
    out[known & (values < kuning)] = Status.MERAH.value
    out[known & (values >= kuning) & (values <= hijau)] = Status.KUNING.value
    out[known & (values > hijau)] = Status.HIJAU.value
    return out
