"""Sheet, table-header and field labels compared the way people retype them.

A workbook whose tables or names were lost (a .xls round trip, a copy into a plain
workbook, an older template) is found again by its labels. People write the same label in
several ways, so a label is compared by its key: case and punctuation ignored, spacing
collapsed, the required mark `*` dropped, "Triwulan"/"Tw"/"TW" one word and quarter numbers
in Roman or Arabic figures alike ("Target TW I" = "Target Tw 1" = "target triwulan-1").
"""

from __future__ import annotations

import re
import unicodedata

from xlkinerja.specs import Form, Sheet

_QUARTER_WORDS = {"triwulan", "tw", "kuartal", "q"}
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
_PUNCTUATION = re.compile(r"[^\w%≠]+")
_GLUED_QUARTER = re.compile(r"^(?:tw|q)([1-4])$")
_YEAR = re.compile(r"^(target) ((?:19|20)\d\d)$")


def label_key(text: object) -> str:
    """The key two spellings of one label share ('' for a blank or non-text cell)."""
    if not isinstance(text, str):
        return ""
    plain = unicodedata.normalize("NFKC", text).casefold().replace("*", " ")
    tokens: list[str] = []
    for token in _PUNCTUATION.sub(" ", plain).split():
        glued = _GLUED_QUARTER.match(token)
        if glued:
            tokens += ["tw", glued[1]]
        elif token in _QUARTER_WORDS:
            tokens.append("tw")
        elif tokens and tokens[-1] == "tw" and token in _ROMAN:
            tokens.append(_ROMAN[token])
        else:
            tokens.append(token)
    return " ".join(tokens)


def target_year(key: str) -> int | None:
    """2026 for the key of "Target 2026" (a yearly target labelled by its year)."""
    match = _YEAR.match(key)
    return int(match[2]) if match else None


def static_keys(sheet: Sheet) -> set[str]:
    """The keys of every text the template writes on `sheet` itself: its title and intro,
    field labels, table titles, help texts and column labels (never the user's data)."""
    texts = [sheet.title, sheet.intro]
    texts += [f.label for f in sheet.fields]
    for table in sheet.tables:
        texts += [table.title, table.help, *(c.label for c in table.columns)]
    return {key for key in map(label_key, texts) if key}


def sheet_keys(form: Form) -> dict[str, str]:
    """Sheet key → the form's sheet name."""
    return {label_key(s.name): s.name for s in form.sheets}
