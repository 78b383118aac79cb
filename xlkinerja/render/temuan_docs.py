"""The user docs page of finding and error codes (docs/temuan.md), rendered from its
template.

The data comes from the catalogue and the specs (validation/catalogue_docs.py), the text
layout from `templates/dokumen/temuan.md.j2`. Regenerate the committed page with:

    python -m xlkinerja.render.temuan_docs > docs/temuan.md
"""

from __future__ import annotations

import sys

from xlkinerja.render.jinja_templates import render as render_template
from xlkinerja.validation.catalogue_docs import (
    codes_per_form,
    column_rules,
    domain_rules,
    error_rules,
)

TEMPLATE = "dokumen/temuan.md.j2"


def render() -> str:
    return render_template(
        TEMPLATE,
        column_rules=column_rules(),
        domain_rules=domain_rules(),
        error_kinds=error_rules(),
        forms=codes_per_form(),
    )


if __name__ == "__main__":
    sys.stdout.buffer.write(render().encode("utf-8"))  # UTF-8 whatever the console's encoding
