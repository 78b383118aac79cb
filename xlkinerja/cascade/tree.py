"""The cascade tree as data (no I/O): what the drawing and the Excel sheet show."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from xlkinerja.domain.status import AMBANG_HIJAU, AMBANG_KUNING, Status


class Level(StrEnum):
    IKU = "iku"  # institution (from the master)
    IKK = "ikk"  # unit (from the unit's PK)
    RHK = "rhk"  # employee (from the SKP, or the matriks peran-hasil)


class Problem(StrEnum):
    ORPHAN = "yatim"  # names a parent that does not exist
    UNCOVERED = "tidak_diturunkan"  # an IKU no unit derives from


@dataclass
class CascadeNode:
    level: Level
    code: str  # IKU-1, IKK-TI-3, RHK-1
    label: str  # the indicator / result text
    owner: str  # institution, unit name, or employee name
    target: float | None = None
    satuan: str | None = None
    capaian: float | None = None  # capaian in percent, of the tree's period (IKU, IKK)
    tak_terbaca: bool = False  # capaian unknown: a value it needs could not be read
    catatan: str | None = None  # what the period's figure leaves out ("belum melapor TW III")
    status: Status | None = None
    problem: Problem | None = None
    parent_code: str | None = None  # the parent it names (shown for orphans)
    children: list[CascadeNode] = field(default_factory=list)

    def walk(self) -> Iterator[tuple[int, CascadeNode]]:
        """Depth-first (depth, node), this node first."""
        stack: list[tuple[int, CascadeNode]] = [(0, self)]
        while stack:
            depth, node = stack.pop()
            yield depth, node
            if node.children:  # most nodes are leaves: no generator made for them
                stack.extend([(depth + 1, child) for child in reversed(node.children)])


# A figure as (capaian, tak_terbaca, catatan): what `NilaiPeriode` names.
Figure = tuple[float | None, bool, str | None]


class NilaiPeriode(NamedTuple):
    """What the tree shows of an IKK or an IKU for its period: the performance model's
    figure (kompilasi/kinerja.py), never one the tree works out itself. (A tuple: a
    compiled institution has one per IKK, hundreds of thousands.)"""

    capaian: float | None
    tak_terbaca: bool = False
    catatan: str | None = None


@dataclass(frozen=True)
class Periode:
    """The period the tree's figures are "s.d." (TW `tw`): each IKK's (by its unit's file
    and code) and each IKU's figure for it. An IKK not in `ikk` did not report TW `tw`."""

    tw: int
    ikk: Mapping[tuple[str, str], Figure]  # plain tuples: one per IKK, made at once
    iku: Mapping[str, NilaiPeriode]


@dataclass
class CascadeTree:
    """Roots are the IKU; `orphans` holds IKK/RHK whose parent is missing."""

    institution: str
    tahun: int | None
    roots: list[CascadeNode] = field(default_factory=list)
    orphans: list[CascadeNode] = field(default_factory=list)
    ambang_kuning: float = AMBANG_KUNING  # the institution's status thresholds (legend)
    ambang_hijau: float = AMBANG_HIJAU
    periode: int | None = None  # the TW whose figures IKU and IKK show ("s.d. TW III")

    def walk(self) -> Iterator[tuple[int, CascadeNode]]:
        for root in (*self.roots, *self.orphans):
            yield from root.walk()
