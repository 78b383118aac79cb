"""Job `pohon`: the cascade tree IKU → IKK → RHK of a set of workbooks, as SVG, PNG and an
Excel sheet."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from xlkinerja.cascade.build_tree import build_tree
from xlkinerja.cascade.index import build_index
from xlkinerja.cascade.tree import CascadeTree
from xlkinerja.core.normal import NormalForm
from xlkinerja.errors import XlkinerjaError
from xlkinerja.files.output_guard import check_report_target, keep_original, written_by_xlkinerja
from xlkinerja.jobs.master import find_master, master_among
from xlkinerja.jobs.ringkasan import collect_workbooks
from xlkinerja.jobs.summary import Span, Summary, Tone
from xlkinerja.render.pohon.draw import draw_tree
from xlkinerja.render.pohon.sheet import write_tree_workbook
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import MASTER, FormKind
from xlkinerja.validation.normalise import normalise_form

NAME = "pohon-kinerja"


@dataclass(frozen=True)
class PohonResult:
    tree: CascadeTree
    svg: Path
    png: Path
    xlsx: Path
    skipped: list[str]  # workbooks that could not be read, with the reason

    def to_dict(self) -> dict[str, Any]:
        return {
            "png": str(self.png),
            "svg": str(self.svg),
            "xlsx": str(self.xlsx),
            "dilewati": self.skipped,
        }

    def summary(self) -> Summary:
        out = self.notes()
        out.line(f"Pohon kinerja: {self.png}, {self.svg}, {self.xlsx}")
        return out

    def notes(self) -> Summary:
        out = Summary()
        for line in self.skipped:
            out.line(Span("Dilewati:", Tone.PERINGATAN), f" {line}")
        return out


def cascade_tree(
    paths: Iterable[Path], master: Path | None = None
) -> tuple[CascadeTree, list[str]]:
    files = collect_workbooks(paths)
    master_path = find_master(files, master)
    master_form = normalise_form(read_form(master, MASTER))[0] if master is not None else None
    forms: list[NormalForm] = []
    skipped: list[str] = []
    for path in files:
        try:
            form = normalise_form(read_form(path))[0]
        except XlkinerjaError as exc:
            skipped.append(exc.user_message())
            continue
        forms.append(form)
        if master_form is None and path == master_path and form.form.id == FormKind.MASTER:
            master_form = form
    master_form = master_form or master_among(forms)
    if master_form is None:
        raise XlkinerjaError(
            "pohon kinerja memerlukan workbook master (--master atau di "
            "antara berkas yang diberikan)."
        )
    others = [f for f in forms if f is not master_form and f.form.id != FormKind.MASTER]
    return build_tree(build_index(master_form, others)), skipped


def draw_cascade(paths: Iterable[Path], output: Path, master: Path | None = None) -> PohonResult:
    svg, png, xlsx = (output / f"{NAME}.{ext}" for ext in ("svg", "png", "xlsx"))
    check_report_target(xlsx)
    tree, skipped = cascade_tree(paths, master)
    draw_tree(tree, svg, png)
    write = partial(write_tree_workbook, tree, xlsx)
    if written_by_xlkinerja(xlsx):
        write()
    else:
        keep_original(xlsx, write, datetime.now())  # not ours: the original is kept
    return PohonResult(tree=tree, svg=svg, png=png, xlsx=xlsx, skipped=skipped)
