"""A job's Summary as the text of an Excel message box.

A message box holds about 1,024 characters and no table: tables become one line per row
("Berkas: TI.xlsx; Galat: 2"), and a long summary is cut, saying how much more there is
(the job's own lines say where the rest is: the Hasil Validasi sheet, the report).
"""

from __future__ import annotations

from xlkinerja.jobs.summary import Line, Summary

MAX_CHARS = 900
MAX_LINES = 14


def alert_text(summary: Summary) -> str:
    lines: list[str] = []
    for block in summary.blocks:
        if isinstance(block, Line):
            lines.extend(part for part in block.text.strip("\n").split("\n"))
            continue
        labels = [c.label for c in block.columns]
        for row in block.rows:
            pairs = zip(labels, row, strict=False)
            lines.append("; ".join(f"{label}: {span.text}" for label, span in pairs if span.text))
    lines = [line for line in lines if line.strip()]
    shown: list[str] = []
    for line in lines:
        if len(shown) == MAX_LINES or sum(len(s) + 1 for s in shown) + len(line) > MAX_CHARS:
            rest = len(lines) - len(shown)
            shown.append(f"… dan {rest} baris lagi.")
            break
        shown.append(line if len(line) <= 300 else line[:299] + "…")
    return "\n".join(shown)
