"""The checks of one workbook by its kind, and how findings are merged and ordered."""

from __future__ import annotations

from xlkinerja.core.address import cell_order
from xlkinerja.core.codes import Code
from xlkinerja.core.finding import Finding
from xlkinerja.core.normal import AnyForm, NormalForm
from xlkinerja.core.settings import Pengaturan
from xlkinerja.specs import FormKind
from xlkinerja.validation.capaian_rows import PerIkk
from xlkinerja.validation.messages import finding
from xlkinerja.validation.rules_master import check_master
from xlkinerja.validation.rules_skp import check_skp
from xlkinerja.validation.rules_unit import check_unit
from xlkinerja.validation.unique import check_unique


def sort_findings(findings: list[Finding], sheet_order: dict[str, dict[str, int]]) -> None:
    findings.sort(
        key=lambda f: (
            f.file,
            sheet_order.get(f.file, {}).get(f.sheet or "", -1),
            cell_order(f.cell),
            f.code,
        )
    )


# A cross-workbook finding replaces the single-workbook one at the same cell.
SUPERSEDES: dict[str, Code] = {
    Code.KASKADE_IKK_IKU_TIDAK_DIKENAL: Code.PK_KODE_IKU_TIDAK_DIKENAL,
    Code.KASKADE_IKK_ARAH_BEDA: Code.PK_ARAH_BEDA_IKU,
}


def without_superseded(findings: list[Finding], cascade: list[Finding]) -> list[Finding]:
    replaced = {(SUPERSEDES[f.code], f.file, f.cell) for f in cascade if f.code in SUPERSEDES}
    return [f for f in findings if (f.code, f.file, f.cell) not in replaced]


def per_file_checks(
    form: NormalForm, settings: Pengaturan, capaian_rows: PerIkk | None = None
) -> list[Finding]:
    """The checks that need one workbook only (run in parallel by kompilasi)."""
    found = check_unique(form)
    if form.earlier is not None:
        found.append(_earlier(form))
    if form.form.id == FormKind.UNIT:
        found.extend(check_unit(form, settings, capaian_rows))
    elif form.form.id == FormKind.SKP:
        found.extend(check_skp(form, settings))
    elif form.is_master:
        found.extend(check_master(form))
    return found


def _earlier(form: AnyForm) -> Finding:
    """A workbook of an earlier version of its form: read, and said so, on the sheet of
    the first column it lacks (of the first field, when it lacks no column)."""
    earlier = form.earlier
    assert earlier is not None
    sheet = (
        form.form.sheet_of_table(earlier.added[0][0])
        if earlier.added
        else form.form.sheet_of_field(earlier.fields_added[0])
    )
    return finding(
        Code.TEMPLAT_VERSI_LAMA,
        file=form.file,
        sheet=sheet.name,
        versi=earlier.version,
        versi_kini=form.form.version,
        kurang=earlier.lacks,
    )
