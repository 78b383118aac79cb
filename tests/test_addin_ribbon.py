"""The ribbon and what its buttons run: customUI14.xml from the button table, the command
string the dispatcher hands to Python, and the dispatcher's VBA."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import ROOT
from xlkinerja.addin import command, ribbon
from xlkinerja.addin.build import addin_modules

NS = {"ui": ribbon.CUSTOMUI_NAMESPACE}
GROUPS = {
    "Unit": ["Validasi", "Bersihkan tanda", "Hitung capaian", "Kirim"],
    "Perencanaan": ["Kaskade", "Kompilasi", "Ekspor"],
    "Pengesahan": ["Bahas", "Periksa", "Setujui", "Kembalikan"],
    "Bantuan": ["Tentang"],
}


@pytest.fixture(scope="module")
def customui() -> ET.Element:
    return ET.fromstring(ribbon.customui_xml())


def test_one_tab_with_the_groups_and_buttons(customui):
    assert customui.tag == f"{{{ribbon.CUSTOMUI_NAMESPACE}}}customUI"
    tabs = customui.findall("ui:ribbon/ui:tabs/ui:tab", NS)
    assert [t.get("label") for t in tabs] == ["Kinerja"]
    found = {
        g.get("label"): [b.get("label") for b in g.findall("ui:button", NS)]
        for g in tabs[0].findall("ui:group", NS)
    }
    assert found == GROUPS


def test_every_button_is_complete_and_tagged_with_an_action(customui):
    buttons = customui.findall(".//ui:button", NS)
    assert len(buttons) == len(ribbon.BUTTONS)
    for button in buttons:
        for attribute in ("id", "label", "tag", "onAction", "screentip", "supertip", "imageMso"):
            assert button.get(attribute), (button.get("id"), attribute)
        assert button.get("onAction") == ribbon.ON_ACTION
        assert button.get("tag") in ribbon.ACTIONS
    tags = [b.get("tag") for b in buttons]
    assert sorted(tags) == sorted(ribbon.ACTIONS) and len(set(tags)) == len(tags)
    ids = [e.get("id") for e in customui.iter() if e.get("id")]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[A-Za-z_][\w.-]*", i) for i in ids)  # xsd:ID


def test_action_names_are_identifiers():
    assert all(action.isidentifier() and action.islower() for action in ribbon.ACTIONS)


def test_the_committed_copy_is_current():
    """macros/customUI14.xml is written from the table: `python3 -m xlkinerja.addin.ribbon
    macros/customUI14.xml`."""
    assert (ROOT / "macros" / "customUI14.xml").read_bytes() == ribbon.customui_xml()


def test_the_periode_list_stands_before_kompilasi_with_its_callbacks(customui):
    """Periode: the latest quarter reported, or s.d. TW I..IV; its choice is kept by the
    VBA and sent with Kompilasi and Ekspor."""
    group = next(g for g in customui.findall(".//ui:group", NS) if g.get("label") == "Perencanaan")
    children = [(c.tag.split("}")[1], c.get("label")) for c in group]
    assert children == [
        ("button", "Kaskade"), ("dropDown", "Periode"), ("button", "Kompilasi"),
        ("button", "Ekspor"),
    ]  # fmt: skip
    periode = group.find("ui:dropDown", NS)
    assert periode is not None
    assert [i.get("label") for i in periode.findall("ui:item", NS)] == [
        "Triwulan terakhir", "s.d. TW I", "s.d. TW II", "s.d. TW III", "s.d. TW IV",
    ]  # fmt: skip
    assert periode.get("onAction") == "KinerjaPeriode"
    assert periode.get("getSelectedItemIndex") == "KinerjaPeriodeTerpilih"
    assert periode.get("screentip") and periode.get("supertip")


@pytest.mark.parametrize("action", ribbon.ACTIONS)
def test_the_command_imports_the_registry_and_dispatches_the_tag(action):
    tree = ast.parse(command.python_command(action))
    first, second = tree.body
    assert isinstance(first, ast.Import)
    assert [(a.name, a.asname) for a in first.names] == [("xlkinerja.excel", "x")]
    assert isinstance(second, ast.Expr) and isinstance(second.value, ast.Call)
    call = second.value
    assert ast.unparse(call.func) == "x.dispatch"
    assert [ast.literal_eval(a) for a in call.args] == [action, 0] and not call.keywords
    assert '"' not in command.python_command(action)  # RunPython quotes it for cmd.exe
    chosen = ast.parse(command.python_command(action, 3)).body[1]
    assert isinstance(chosen, ast.Expr) and isinstance(chosen.value, ast.Call)
    assert [ast.literal_eval(a) for a in chosen.value.args] == [action, 3]


def test_every_button_names_an_action_of_the_registry_and_every_action_has_a_button():
    from xlkinerja.excel import ACTIONS

    assert sorted(ribbon.ACTIONS) == sorted(ACTIONS)


@pytest.mark.parametrize("action", ribbon.ACTIONS)
def test_the_command_runs_and_reaches_the_action(action, monkeypatch, tmp_path):
    """Run the command string as RunPython runs it, with the workbook that called (here the
    remote engine's, built from the sample's TI workbook) standing in for Excel's."""
    import os

    os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
    import xlwings as xw

    from tests.conftest import SAMPLE
    from tests.vba_payload import payload
    from xlkinerja.excel import registry

    book = xw.Book(json=payload(SAMPLE / "TI-jurusan-teknik-informatika.xlsx"))
    monkeypatch.setattr(xw.Book, "caller", staticmethod(lambda: book))
    monkeypatch.setenv("HOME", str(tmp_path))  # no user settings file
    reached: list[str] = []
    real = registry.ACTIONS[action]
    monkeypatch.setitem(registry.ACTIONS, action, lambda b, c: reached.append(action) or real(b, c))
    exec(command.python_command(action), {})
    assert reached == [action]
    alerts = [a for a in book.json()["actions"] if a["func"] == "alert"]
    assert alerts and "tidak dikenal" not in alerts[-1]["args"][0]


def test_the_period_chosen_reaches_the_action(monkeypatch, tmp_path):
    """`x.dispatch('kompilasi', 2)` runs the action with triwulan 2; 0 is the latest."""
    import xlwings as xw

    from tests.conftest import SAMPLE
    from tests.vba_payload import payload
    from xlkinerja.excel import registry

    book = xw.Book(json=payload(SAMPLE / "TI-jurusan-teknik-informatika.xlsx"))
    monkeypatch.setattr(xw.Book, "caller", staticmethod(lambda: book))
    monkeypatch.setenv("HOME", str(tmp_path))
    seen: list[int | None] = []
    real = registry.ACTIONS["tentang"]
    monkeypatch.setitem(
        registry.ACTIONS, "tentang", lambda b, c: seen.append(c.triwulan) or real(b, c)
    )
    for triwulan in (2, 0):
        exec(command.python_command("tentang", triwulan), {})
    assert seen == [2, None]
    with pytest.raises(ValueError):
        command.python_command("tentang", 5)


def test_command_refuses_what_is_not_an_action_name():
    with pytest.raises(ValueError):
        command.python_command("x'); import os; ('")


def vba_constant(source: str, name: str) -> str:
    found = re.search(rf'^Private Const {name} As String = "((?:[^"]|"")*)"\s*$', source, re.M)
    assert found, name
    return found.group(1).replace('""', '"')


@pytest.fixture(scope="module")
def dispatcher() -> str:
    return next(m for m in addin_modules() if m.name == "Kinerja").stored_text()


def test_dispatcher_builds_the_same_command(dispatcher):
    """What the VBA does — Replace(PYTHON_COMMAND, ACTION_PLACEHOLDER, tag) — gives the
    command Python checks."""
    template = vba_constant(dispatcher, "PYTHON_COMMAND")
    placeholder = vba_constant(dispatcher, "ACTION_PLACEHOLDER")
    assert template == command.PYTHON_COMMAND and placeholder == command.ACTION_PLACEHOLDER
    period = vba_constant(dispatcher, "TRIWULAN_PLACEHOLDER")
    assert period == command.TRIWULAN_PLACEHOLDER
    for action in ribbon.ACTIONS:
        for triwulan in range(5):
            built = template.replace(placeholder, action).replace(period, str(triwulan))
            assert built == command.python_command(action, triwulan)
    assert "{{" not in dispatcher


def test_dispatcher_is_the_ribbon_callback(dispatcher):
    dispatcher = dispatcher.replace("\r\n", "\n")
    assert f"Public Sub {ribbon.ON_ACTION}(control As IRibbonControl)" in dispatcher
    assert "action = control.Tag" in dispatcher
    assert (
        "RunPython Replace(Replace(PYTHON_COMMAND, ACTION_PLACEHOLDER, action), _\n"
        "                              TRIWULAN_PLACEHOLDER, CStr(periode))" in dispatcher
    )
    assert 'url = url & "/xlwings/" & action' in dispatcher
    assert 'If periode > 0 Then url = url & "?triwulan=" & CStr(periode)' in dispatcher
    assert "RunRemotePython url\n" in dispatcher


def test_the_periode_callbacks_have_the_ribbons_signatures(dispatcher):
    """Office calls a dropDown's onAction with (control, id, index) and its
    getSelectedItemIndex with (control, ByRef index); the choice is kept per user."""
    text = dispatcher.replace("\r\n", "\n")
    assert (
        "Public Sub KinerjaPeriode(control As IRibbonControl, id As String, index As Integer)"
        in text
    )
    assert "Public Sub KinerjaPeriodeTerpilih(control As IRibbonControl, ByRef returnedVal)" in text
    assert "SaveSetting TITLE, SETTING_SECTION, SETTING_PERIODE, CStr(index)" in text
    assert 'GetSetting(TITLE, SETTING_SECTION, SETTING_PERIODE, "0")' in text
    assert {ribbon.PERIODE.on_action, ribbon.PERIODE.get_selected} <= set(ribbon.CALLBACKS)
    assert (
        'GetConfig("MODE", "local")' in dispatcher and 'GetConfig("SERVER_URL", "")' in dispatcher
    )


def procedures(source: str) -> set[str]:
    pattern = r"^(?:Public |Private )?(?:Sub|Function) (\w+)\("
    return {name.lower() for name in re.findall(pattern, source, re.M)}


def test_what_the_dispatcher_calls_is_in_the_project(dispatcher):
    """RunPython, RunRemotePython and GetConfig come from the xlwings modules; their first
    parameters are what the dispatcher passes."""
    modules = {m.name: m.stored_text() for m in addin_modules()}
    public = set().union(*(procedures(s) for n, s in modules.items() if n != "Kinerja"))
    assert {"runpython", "runremotepython", "getconfig"} <= public
    assert "Public Function RunPython(PythonCommand As String)" in modules["xlwings"]
    assert re.search(r"Function RunRemotePython\( _\s+url As String,", modules["Remote"])
    assert re.search(
        r"Function GetConfig\(configKey As String, Optional default", modules["xlwings"]
    )
