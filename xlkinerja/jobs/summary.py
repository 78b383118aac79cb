"""What a job has to say to a person, independent of where it is shown.

Every job result gives a `Summary` (tables and lines of text, each piece with a tone) and a
`to_dict()` (the JSON for machines). The CLI renders a Summary with rich on the terminal;
the Excel add-in shows the same Summary in a dialog (excel/alert.py), the server in its
answer and its log. The text is
plain: nothing in it is markup, so a value typed in a cell (`[/bold]`, escape codes) is
shown as it is and never interpreted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from xlkinerja.core.finding import Severity


class Tone(StrEnum):
    """How a piece of text is meant; each front-end chooses how it looks."""

    BIASA = "biasa"
    GALAT = "galat"  # an error, or a count of errors that is not zero
    PERINGATAN = "peringatan"
    INFO = "info"
    KODE = "kode"  # a finding code: secondary
    SARAN = "saran"  # how to fix it
    JUDUL = "judul"  # a heading


SEVERITY_TONE = {
    Severity.GALAT: Tone.GALAT,
    Severity.PERINGATAN: Tone.PERINGATAN,
    Severity.INFO: Tone.INFO,
}


@dataclass(frozen=True)
class Span:
    text: str
    tone: Tone = Tone.BIASA


@dataclass(frozen=True)
class Column:
    label: str
    right: bool = False  # numbers: aligned right
    no_wrap: bool = False  # file names: never broken


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Span, ...], ...]


@dataclass(frozen=True)
class Line:
    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


Block = Table | Line


def line(*parts: str | Span) -> Line:
    """A line from plain strings and toned spans, in order."""
    return Line(tuple(p if isinstance(p, Span) else Span(p) for p in parts))


def cell(value: object, tone: Tone = Tone.BIASA) -> Span:
    return Span("" if value is None else str(value), tone)


def count(value: int, tone: Tone) -> Span:
    """A count shown in `tone` when it is not zero."""
    return Span(str(value), tone if value else Tone.BIASA)


@dataclass
class Summary:
    """Tables and lines, in the order they are shown."""

    blocks: list[Block] = field(default_factory=list)

    def table(self, title: str, columns: Iterable[Column], rows: Iterable[Iterable[Span]]) -> None:
        self.blocks.append(Table(title, tuple(columns), tuple(tuple(r) for r in rows)))

    def line(self, *parts: str | Span) -> None:
        self.blocks.append(line(*parts))

    def extend(self, other: Summary) -> None:
        self.blocks.extend(other.blocks)

    def plain_text(self) -> str:
        """The summary as plain text (a dialog, a log): tables as one line per row."""
        out: list[str] = []
        for block in self.blocks:
            if isinstance(block, Line):
                out.append(block.text)
                continue
            out.append(block.title)
            labels = [c.label for c in block.columns]
            for row in block.rows:
                out.append(
                    "  " + "; ".join(f"{k}: {v.text}" for k, v in zip(labels, row, strict=False))
                )
        return "\n".join(out)


class Presentable(Protocol):
    """What every job result offers its front-ends."""

    def to_dict(self) -> Any:
        """The data for machines (the CLI's `--format json`): JSON-able values."""

    def summary(self) -> Summary:
        """Everything a person is told about the result."""

    def notes(self) -> Summary:
        """What a person is told even when the data goes to a machine (files kept aside)."""
