"""Validate many workbooks in one pass: every finding, never stopping at the first."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from xlkinerja.cascade.checks import check_cascade
from xlkinerja.cascade.index import CascadeIndex
from xlkinerja.form_data import FormData
from xlkinerja.io.package_parts import column_index
from xlkinerja.validation.capaian_rows import PerIkk
from xlkinerja.validation.context import Pengaturan
from xlkinerja.validation.finding import Finding
from xlkinerja.validation.normalise import NormalForm, normalise_form
from xlkinerja.validation.rules_master import check_master
from xlkinerja.validation.rules_skp import check_skp
from xlkinerja.validation.rules_unit import check_unit
from xlkinerja.validation.unique import check_unique


def _cell_order(cell: str | None) -> tuple[int, int]:
    if not cell:
        return (0, 0)
    letters = cell.rstrip("0123456789")
    return (int(cell[len(letters) :] or 0), column_index(letters))


def sort_findings(findings: list[Finding], sheet_order: dict[str, dict[str, int]]) -> None:
    findings.sort(
        key=lambda f: (
            f.file,
            sheet_order.get(f.file, {}).get(f.sheet or "", -1),
            _cell_order(f.cell),
            f.code,
        )
    )


# A cross-workbook finding replaces the single-workbook one at the same cell.
SUPERSEDES = {
    "kaskade.ikk.iku_tidak_dikenal": "pk.kode_iku.tidak_dikenal",
    "kaskade.ikk.arah_beda": "pk.arah.beda_iku",
}


def without_superseded(findings: list[Finding], cascade: list[Finding]) -> list[Finding]:
    replaced = {(SUPERSEDES[f.code], f.file, f.cell) for f in cascade if f.code in SUPERSEDES}
    return [f for f in findings if (f.code, f.file, f.cell) not in replaced]


def per_file_checks(
    form: NormalForm, settings: Pengaturan, capaian_rows: PerIkk | None = None
) -> list[Finding]:
    """The checks that need one workbook only (run in parallel by kompilasi)."""
    found = check_unique(form)
    if form.form.id == "unit":
        found.extend(check_unit(form, settings, capaian_rows))
    elif form.form.id == "skp":
        found.extend(check_skp(form, settings))
    elif form.form.id == "master":
        found.extend(check_master(form))
    return found


def cross_file_checks(
    normal: Sequence[NormalForm], master: NormalForm | None, index: CascadeIndex | None = None
) -> tuple[list[Finding], list[Finding]]:
    """pandera schemas over every file's rows at once, and the cascade across workbooks.

    Returns (schema findings, cascade findings); `normal` excludes a separately given master.
    `index`: the cascade index of `master` and the other forms, if built already.
    """
    from xlkinerja.validation.schema import check_schema  # pandera: only where it runs

    by_form: dict[str, list[NormalForm]] = defaultdict(list)
    for form in normal:
        by_form[form.form.id].append(form)
    schema = [f for forms in by_form.values() for f in check_schema(forms)]
    others = [n for n in normal if n is not master]
    cascade = check_cascade(master, others, index) if master is not None and others else []
    return schema, cascade


def validate_forms(datas: Sequence[FormData], master: FormData | None = None) -> list[Finding]:
    """All findings for the given workbooks; settings from `master` (or one among them)."""
    normal: list[NormalForm] = []
    findings: list[Finding] = []
    for data in datas:
        form, found = normalise_form(data)
        normal.append(form)
        findings.extend(found)
    master_form = next((n for n in normal if n.form.id == "master"), None)
    if master is not None:
        master_form = normalise_form(master)[0]
    settings = Pengaturan.from_master(master_form) if master_form else Pengaturan()
    for form in normal:
        findings.extend(per_file_checks(form, settings))
    schema, cascade = cross_file_checks(normal, master_form)
    findings = without_superseded([*findings, *schema], cascade) + cascade
    order = {str(d.path): {s.name: i for i, s in enumerate(d.form.sheets)} for d in datas}
    sort_findings(findings, order)
    return findings
