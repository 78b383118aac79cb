"""The result of reading one cell value as a number or a date: a value, or why not."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from xlkinerja.core.codes import ColumnRule

T = TypeVar("T")

# What `Parsed.problem` can be: the column rule a validator reports the cell under.
BUKAN_ANGKA = ColumnRule.BUKAN_ANGKA
ANGKA_AMBIGU = ColumnRule.ANGKA_AMBIGU
BUKAN_TANGGAL = ColumnRule.BUKAN_TANGGAL
TANGGAL_AMBIGU = ColumnRule.TANGGAL_AMBIGU


@dataclass(frozen=True)
class Parsed(Generic[T]):
    """`value` is None when the cell is blank or not readable; then `problem` says which.

    A blank cell is `Parsed(None, None)`; `0` is `Parsed(0.0, None)`: never the same.
    """

    value: T | None
    problem: ColumnRule | None = None  # None, or one of the rules above
    detail: str = ""  # Indonesian detail for the message, e.g. "dapat dibaca 1050 atau 1,05"

    @property
    def is_blank(self) -> bool:
        return self.value is None and self.problem is None

    @property
    def ok(self) -> bool:
        """Readable or blank: nothing to report."""
        return self.problem is None

    @classmethod
    def blank(cls) -> Parsed[T]:
        return cls(None)

    @classmethod
    def failed(cls, problem: ColumnRule, detail: str = "") -> Parsed[T]:
        return cls(None, problem, detail)
