"""Finding and error codes are typed and resolved exactly: no code without a rule, no typo
accepted, one catalogue for both."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

from tests.conftest import SAMPLE, WORKBOOKS
from xlkinerja.core.codes import Code, ColumnRule, ErrorKind, column_code
from xlkinerja.core.finding import Severity
from xlkinerja.core.normal import field_scope
from xlkinerja.core.rule import Rule
from xlkinerja.errors import ErrorCode
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import FORMS
from xlkinerja.validation import catalogue
from xlkinerja.validation.catalogue import (
    COLUMN_RULES,
    DOMAIN_RULES,
    ERROR_RULES,
    UnknownCodeError,
    column_items,
    rule_for,
)
from xlkinerja.validation.messages import finding
from xlkinerja.validation.normalise import normalise_form

PACKAGE = Path(catalogue.__file__).resolve().parent.parent


def test_every_code_has_exactly_one_rule_and_every_rule_a_code():
    assert list(DOMAIN_RULES) == [r.name for r in DOMAIN_RULES.values()]
    assert set(DOMAIN_RULES) == set(Code)
    assert len(DOMAIN_RULES) == len(Code)
    assert set(COLUMN_RULES) == set(ColumnRule)
    assert all(rule_for(code) is DOMAIN_RULES[code] for code in Code)
    assert list(ERROR_RULES) == [r.name for r in ERROR_RULES.values()]
    assert set(ERROR_RULES) == set(ErrorCode)
    assert all(rule_for(code) is ERROR_RULES[code] for code in ErrorCode)


def test_error_codes_are_galat_of_a_kind_and_their_message_is_the_errors():
    for rule in ERROR_RULES.values():
        assert rule.severity is Severity.GALAT and isinstance(rule.kind, ErrorKind), rule
        assert rule.template == "{nilai}" and rule.title and rule.hint, rule
    assert all(rule.kind is None for rule in DOMAIN_RULES.values())
    assert {rule.kind for rule in ERROR_RULES.values()} == set(ErrorKind)


def test_codes_are_dotted_lowercase_and_never_two_for_one():
    texts = [code.value for code in (*Code, *ErrorCode)]
    assert len(set(texts)) == len(texts)
    for text in texts:
        assert text == text.lower() and text.count(".") in (1, 2) and " " not in text, text


def test_a_rule_named_twice_or_of_the_wrong_kind_is_refused():
    rule = DOMAIN_RULES[Code.RA_TW_MENURUN]
    with pytest.raises(ValueError, match="twice"):
        catalogue._keyed(Code, [rule, rule])
    column = Rule(ColumnRule.KOSONG, Severity.GALAT, "t", "t", "h")
    with pytest.raises(ValueError, match="not a Code"):
        catalogue._keyed(Code, [column])


@pytest.mark.parametrize(
    "code",
    [
        "pk.targt.kosong",  # no such column
        "pk.target.kosongx",  # no such rule
        "pk.kode_iku.tidak_dikenl",  # a domain code mistyped
        "kosong",
        "target.kosong",  # no scope
        "skp.target.kosong.lagi",
        "pk.target.tidak_dikenal",  # a domain rule's ending on another column
        "",
    ],
)
def test_a_mistyped_code_is_refused(code: str):
    with pytest.raises(UnknownCodeError):
        rule_for(code)
    with pytest.raises(KeyError):  # UnknownCodeError is a KeyError: a lookup bug
        rule_for(code)


def test_every_column_code_of_every_spec_item_resolves():
    """Every field (scope: its sheet) and input column (scope: its table) of every form."""
    items = [
        *((field_scope(form, f.key), f.key) for form in FORMS.values() for f in form.fields),
        *((t.key, c.key) for form in FORMS.values() for t in form.tables for c in t.input_columns),
    ]
    assert len(items) > 100
    assert {f"{s}.{k}" for s, k in items} == {f"{s}.{i.key}" for s, i in column_items()}
    for scope, key in items:
        for rule in ColumnRule:
            assert rule_for(column_code(scope, key, rule)) is COLUMN_RULES[rule]


def test_no_domain_or_error_code_is_also_a_column_code():
    items = {f"{scope}.{item.key}" for scope, item in column_items()}
    for code in (*Code, *ErrorCode):
        scope_key, _, ending = code.value.rpartition(".")
        assert not (scope_key in items and ending in set(ColumnRule)), code


@pytest.mark.parametrize(
    "path", sorted([*WORKBOOKS.glob("*.xlsx"), *SAMPLE.glob("*.xlsx")]), ids=lambda p: p.stem
)
def test_every_column_code_the_sample_can_emit_resolves(path: Path):
    """The scopes the normaliser gives each table and field are those the catalogue knows:
    every code the normaliser, the schema or the unique check can make for the blank
    templates and the sample."""
    form, findings = normalise_form(read_form(path))
    for table in (form.fields, *form.tables.values()):
        for item in table.items:
            for rule in ColumnRule:
                assert rule_for(table.code(item.key, rule)) is COLUMN_RULES[rule]
    for found in findings:
        assert rule_for(found.code)


def test_a_finding_holds_its_code_as_plain_text():
    domain = finding(Code.PK_ARAH_BEDA_IKU, file="x.xlsx", iku="IKU-1", arah_iku="naik")
    column = finding(column_code("pk", "target", ColumnRule.KOSONG), file="x.xlsx")
    assert type(domain.code) is str and domain.code == "pk.arah.beda_iku"
    assert type(column.code) is str and column.code == "pk.target.kosong"


def test_no_code_is_typed_out_as_text_in_the_package():
    """Codes are written as `Code.X` or `ErrorCode.X` (a typo is then a type error), never
    as literals."""
    known = {code.value for code in (*Code, *ErrorCode)}
    found = []
    for path in PACKAGE.rglob("*.py"):
        if path.relative_to(PACKAGE).as_posix() in ("core/codes.py", "errors.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in known:
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.value}")
    assert not found


def _error_classes() -> set[str]:
    """XlkinerjaError and every class of the package derived from it (by name)."""
    bases: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {b.id for b in node.bases if isinstance(b, ast.Name)}
    found = {"XlkinerjaError"}
    while grown := {name for name, of in bases.items() if of & found} - found:
        found |= grown
    return found


def _uncoded_raises() -> dict[str, list[int]]:
    """Module → lines where an error is made without `code=`."""
    classes = _error_classes()
    uncoded: dict[str, list[int]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in classes
                and not any(k.arg == "code" for k in node.keywords)
            ):
                module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
                uncoded.setdefault(module, []).append(node.lineno)
    return uncoded


def test_every_error_is_raised_with_its_code():
    """The type checker refuses an error made without its code (strict mypy runs in CI);
    this sees it without mypy, and sees that no module is exempted from that check."""
    assert _uncoded_raises() == {}
    overrides = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text())["tool"]["mypy"]
    assert not [o for o in overrides["overrides"] if "call-arg" in o.get("disable_error_code", [])]
