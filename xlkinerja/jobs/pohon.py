"""Job `pohon`: the cascade tree IKU → IKK → RHK of a set of workbooks, as SVG, PNG and an
Excel sheet. A workbook that cannot be read is left out of the tree and said: why, and as
a finding of its error's code (with its sheet and cell when the error names them)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from xlkinerja.cascade.tree import CascadeTree
from xlkinerja.core.finding import Finding
from xlkinerja.errors import ErrorCode, XlkinerjaError, heading
from xlkinerja.files.output_guard import check_report_target, keep_original, written_by_xlkinerja
from xlkinerja.jobs.per_file import Work
from xlkinerja.jobs.pipeline import check_workbooks
from xlkinerja.jobs.ringkasan import collect_workbooks
from xlkinerja.jobs.summary import Span, Summary, Tone
from xlkinerja.jobs.workers import worker_count, worker_pool
from xlkinerja.render.pohon.draw import draw_tree
from xlkinerja.render.pohon.sheet import write_tree_workbook
from xlkinerja.sources.source import WorkbookFile, workbook_files
from xlkinerja.validation.messages import error_finding

NAME = "pohon-kinerja"


@dataclass(frozen=True)
class Skipped:
    """A workbook the tree was drawn without: why (naming the file), and as a finding."""

    message: str
    finding: Finding


@dataclass(frozen=True)
class PohonResult:
    tree: CascadeTree
    svg: Path
    png: Path
    xlsx: Path
    skipped: list[Skipped] = field(default_factory=list)  # workbooks that could not be read

    def to_dict(self) -> dict[str, Any]:
        return {
            "png": str(self.png),
            "svg": str(self.svg),
            "xlsx": str(self.xlsx),
            "dilewati": [s.message for s in self.skipped],
            "temuan": [s.finding.as_dict() for s in self.skipped],
        }

    def summary(self) -> Summary:
        out = self.notes()
        out.line(f"Pohon kinerja: {self.png}, {self.svg}, {self.xlsx}")
        return out

    def notes(self) -> Summary:
        out = Summary()
        for skipped in self.skipped:
            label = heading(ErrorCode(skipped.finding.code), "Dilewati")
            out.line(Span(label, Tone.PERINGATAN), f" {skipped.message}")
        return out


def cascade_tree(
    paths: Iterable[Path],
    master: Path | None = None,
    workers: int | None = None,
    triwulan: int | None = None,
) -> tuple[CascadeTree, list[Skipped]]:
    """The tree of the workbooks under `paths`, read and checked by the one pipeline (the
    master given, else the one among them) and compiled as kompilasi compiles them — its
    figures are the compiled workbook's —, and why each workbook it could not read was left
    out."""
    from xlkinerja.kompilasi.aggregate import aggregate

    sources = workbook_files(collect_workbooks(paths))
    given = WorkbookFile(master) if master is not None else None
    with worker_pool(worker_count(workers, len(sources))) as pool:
        checked = check_workbooks(sources, master=given, pool=pool, work=Work(rekap=True))
    if checked.index is None or checked.master is None or checked.master.form is None:
        raise XlkinerjaError(
            "pohon kinerja memerlukan workbook master (--master atau di "
            "antara berkas yang diberikan).",
            code=ErrorCode.MASUKAN_MASTER_TIDAK_ADA,
        )
    skipped = [
        Skipped(r.failure.message, error_finding(r.path, r.failure))
        for r in checked.results
        if r.failure is not None
    ]
    kompilasi = aggregate(
        checked.master.form,
        checked.results,
        checked.findings,
        now=datetime.now(),
        index=checked.index,
        triwulan=triwulan,
    )
    return kompilasi.pohon, skipped


def draw_cascade(
    paths: Iterable[Path], output: Path, master: Path | None = None, triwulan: int | None = None
) -> PohonResult:
    svg, png, xlsx = (output / f"{NAME}.{ext}" for ext in ("svg", "png", "xlsx"))
    check_report_target(xlsx)
    tree, skipped = cascade_tree(paths, master, triwulan=triwulan)
    draw_tree(tree, svg, png)
    write = partial(write_tree_workbook, tree, xlsx)
    if written_by_xlkinerja(xlsx):
        write()
    else:
        keep_original(xlsx, write, datetime.now())  # not ours: the original is kept
    return PohonResult(tree=tree, svg=svg, png=png, xlsx=xlsx, skipped=skipped)
