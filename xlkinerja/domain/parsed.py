"""The result of reading one cell value as a number or a date: a value, or why not."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

# Rule codes of `Parsed.problem` (stable: validators and tests use them).
BUKAN_ANGKA = "bukan_angka"
ANGKA_AMBIGU = "angka_ambigu"
BUKAN_TANGGAL = "bukan_tanggal"
TANGGAL_AMBIGU = "tanggal_ambigu"


@dataclass(frozen=True)
class Parsed(Generic[T]):
    """`value` is None when the cell is blank or not readable; then `problem` says which.

    A blank cell is `Parsed(None, None)`; `0` is `Parsed(0.0, None)`: never the same.
    """

    value: T | None
    problem: str | None = None  # None, or one of the rule codes above
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
    def failed(cls, problem: str, detail: str = "") -> Parsed[T]:
        return cls(None, problem, detail)
