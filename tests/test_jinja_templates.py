"""The jinja2 templates (xlkinerja/render/jinja_templates.py) and the page rendered from one of
them, docs/temuan.md (xlkinerja/render/temuan_docs.py)."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from tests.coded import raises
from xlkinerja.errors import ErrorCode
from xlkinerja.render import jinja_templates
from xlkinerja.render.temuan_docs import TEMPLATE, render


def test_docs_page_of_codes_is_rendered_from_the_catalogue(root: Path):
    assert (root / "docs" / "temuan.md").read_bytes() == render().encode("utf-8"), (
        "docs/temuan.md is stale: python -m xlkinerja.render.temuan_docs > docs/temuan.md"
    )


def test_a_source_checkout_uses_the_templates_folder_at_its_root(root: Path):
    assert jinja_templates.templates_folder() == root / "templates"
    assert (root / "templates" / TEMPLATE).is_file()


def test_the_template_folders_are_listed():
    assert "dokumen" in jinja_templates.template_folders()


def test_a_missing_template_is_an_error_in_indonesian_naming_what_there_is():
    with raises(ErrorCode.LINGKUNGAN_TEMPLAT_HILANG) as error:
        jinja_templates.get_template("ekspor/tidak-ada.csv.j2")
    message = str(error.value)
    assert "'ekspor/tidak-ada.csv.j2'" in message
    listed = message.split("Templat yang ada: ", 1)[1]
    assert TEMPLATE in listed
    assert "README" not in listed  # templates only, not the README


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("laporan.html.j2", "&lt;b&gt;Baik &amp; Benar&lt;/b&gt;"),
        ("unggah.xml.j2", "&lt;b&gt;Baik &amp; Benar&lt;/b&gt;"),
        ("halaman.md.j2", "<b>Baik & Benar</b>"),
        ("unggah.csv.j2", "<b>Baik & Benar</b>"),
    ],
)
def test_escaping_follows_the_output_format(name: str, written: str):
    env = jinja_templates.environment().overlay(loader=jinja2.DictLoader({name: "{{ nilai }}"}))
    assert env.get_template(name).render(nilai="<b>Baik & Benar</b>") == written


def test_a_value_the_template_needs_but_was_not_given_is_an_error():
    with pytest.raises(jinja2.UndefinedError):
        jinja_templates.render(TEMPLATE, column_rules=[], domain_rules=[])
