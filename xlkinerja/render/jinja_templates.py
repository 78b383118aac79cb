"""The jinja2 templates xlkinerja renders documents and exports from (`templates/`).

Not the Excel form templates (render/template/): these are text templates, one folder per
kind of output (`dokumen/` the documents, `ekspor/<profil>/` an export profile each), each
folder picked up without code.

The folder sits at the repository's root and ships inside the installed package as
`xlkinerja/templates/` (see core/resources.py for how it is found).

Escaping follows the output format, named by the template's name before `.j2`: .html and
.xml output is autoescaped; Markdown, CSV and text are written as they are. A line holding
only a block tag (`{% for %}`) leaves nothing in the output and a file's last newline is
kept, so a template reads like what it writes.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from xlkinerja.core.resources import shipped_folder
from xlkinerja.errors import ErrorCode, XlkinerjaError

SUFFIX = ".j2"
ESCAPED = frozenset({".html", ".htm", ".xml"})


def templates_folder() -> Path:
    """The folder of templates: the installed package's, else a source checkout's."""
    return shipped_folder("templates")


def template_folders() -> list[str]:
    """The template folders (`dokumen`, `ekspor`), sorted by name."""
    folder = templates_folder()
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and p.name[0] not in "._")


def _escapes(name: str | None) -> bool:
    return name is not None and Path(name.removesuffix(SUFFIX)).suffix.lower() in ESCAPED


@cache
def environment() -> jinja2.Environment:
    """One environment over the templates folder; it keeps compiled templates."""
    return folder_environment(templates_folder())


def folder_environment(folder: Path) -> jinja2.Environment:
    """An environment over `folder` with the same rules (a user's export profile)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder, encoding="utf-8"),
        autoescape=_escapes,
        undefined=jinja2.StrictUndefined,  # a missing value is an error, never blank text
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def get_template(name: str) -> jinja2.Template:
    """The template `name` (a path under the templates folder, e.g. dokumen/temuan.md.j2)."""
    try:
        return environment().get_template(name)
    except jinja2.TemplateNotFound as missing:
        raise XlkinerjaError(
            f"templat '{missing.name}' tidak ada di folder templat {templates_folder()}.",
            code=ErrorCode.LINGKUNGAN_TEMPLAT_HILANG,
            hint=f"Templat yang ada: {', '.join(_names()) or '(tidak ada)'}.",
        ) from None


def _names() -> list[str]:
    return environment().list_templates(extensions=[SUFFIX.lstrip(".")])


def render(name: str, **context: Any) -> str:
    return get_template(name).render(**context)
