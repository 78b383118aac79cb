"""How the CLI shows a job's `Summary` (rich, on stderr) and its JSON (stdout).

Every piece of text becomes a rich `Text`, never markup: a value from a workbook that looks
like markup (`[/]`, `[bold]`) is printed as typed. Control characters other than newline
and tab (escape sequences that would clear the screen, hide text or make links) are shown
as visible `\\xNN` escapes instead of reaching the terminal.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from xlkinerja.jobs.summary import Line, Presentable, Span, Summary, Table, Tone, line

STYLE = {
    Tone.BIASA: "",
    Tone.GALAT: "bold red",
    Tone.PERINGATAN: "yellow",
    Tone.INFO: "cyan",
    Tone.KODE: "dim",
    Tone.SARAN: "italic",
    Tone.JUDUL: "bold",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """`text` with control characters (but newline and tab) written as `\\xNN`."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}", text)


def _text(text: str, tone: Tone = Tone.BIASA) -> Text:
    return Text(visible(text), style=STYLE[tone])


def say(console: Console, *parts: str | Span) -> None:
    """One line of text, each part as typed (see `visible`)."""
    render(Summary([line(*parts)]), console)


def render(summary: Summary, console: Console) -> None:
    for block in summary.blocks:
        if isinstance(block, Line):
            spans = [(visible(s.text), STYLE[s.tone]) for s in block.spans]
            console.print(Text.assemble(*spans), highlight=False)
        else:
            console.print(_table(block))


def _table(block: Table) -> RichTable:
    table = RichTable(title=_text(block.title))
    for column in block.columns:
        table.add_column(
            _text(column.label), justify="right" if column.right else "left", no_wrap=column.no_wrap
        )
    for row in block.rows:
        table.add_row(*(_text(s.text, s.tone) for s in row))
    return table


def print_json(data: Any) -> None:
    """Data for machines, on stdout (dates and other values as text)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def show(result: Presentable, console: Console, *, as_json: bool = False) -> None:
    """A job's result: its data as JSON on stdout and its notes on `console`, or its whole
    summary on `console`."""
    if as_json:
        print_json(result.to_dict())
        render(result.notes(), console)
    else:
        render(result.summary(), console)
