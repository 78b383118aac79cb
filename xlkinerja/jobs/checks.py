"""The checks across workbooks: pandera schemas over every file's rows at once and the
cascade from the master down; and `validate_forms`, every check on forms already read."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from xlkinerja.cascade.checks import check_cascade
from xlkinerja.cascade.index import CascadeIndex
from xlkinerja.core.finding import Finding
from xlkinerja.core.form_data import FormData
from xlkinerja.core.normal import NormalForm
from xlkinerja.core.settings import Pengaturan
from xlkinerja.validation.checks import per_file_checks, sort_findings, without_superseded
from xlkinerja.validation.normalise import normalise_form


def cross_file_checks(
    normal: Sequence[NormalForm], master: NormalForm | None, index: CascadeIndex | None = None
) -> tuple[list[Finding], list[Finding]]:
    """pandera schemas over every file's rows at once, and the cascade across workbooks.

    Returns (schema findings, cascade findings); `normal` excludes a separately given master.
    `index`: the cascade index of `master` and the other forms, if built already.
    """
    return schema_checks(normal), cascade_checks(normal, master, index)


def schema_checks(normal: Sequence[NormalForm]) -> list[Finding]:
    """pandera schemas over every file's rows at once, per form."""
    from xlkinerja.validation.schema import check_schema  # pandera: only where it runs

    by_form: dict[str, list[NormalForm]] = defaultdict(list)
    for form in normal:
        by_form[form.form.id].append(form)
    return [f for forms in by_form.values() for f in check_schema(forms)]


def cascade_checks(
    normal: Sequence[NormalForm], master: NormalForm | None, index: CascadeIndex | None = None
) -> list[Finding]:
    """The cascade across workbooks (`normal` as for `cross_file_checks`)."""
    others = [n for n in normal if n is not master]
    return check_cascade(master, others, index) if master is not None and others else []


def validate_forms(datas: Sequence[FormData], master: FormData | None = None) -> list[Finding]:
    """All findings for the given workbooks; settings from `master` (or one among them)."""
    normal: list[NormalForm] = []
    findings: list[Finding] = []
    for data in datas:
        form, found = normalise_form(data)
        normal.append(form)
        findings.extend(found)
    master_form = next((n for n in normal if n.is_master), None)
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
