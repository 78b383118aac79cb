"""Bahasa Indonesia for the framework text of the CLI (click's and typer's own words).

click and typer mark their strings with gettext but ship no Indonesian catalogue, so the
few strings a user sees (usage, option panels, common errors) are translated here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

TRANSLATIONS = {
    "Usage:": "Penggunaan:",
    "[OPTIONS]": "[OPSI]",
    "COMMAND [ARGS]...": "PERINTAH [ARGUMEN]...",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "Options": "Opsi",
    "Arguments": "Argumen",
    "Commands": "Perintah",
    "Error": "Galat",
    "Aborted.": "Dibatalkan.",
    "Try {command}{help_option} for help.": "Coba {command}{help_option} untuk bantuan.",
    "Try '{command} {option}' for help.": "Coba '{command} {option}' untuk bantuan.",
    "Missing argument": "Belum diberikan: argumen",
    "Missing option": "Belum diberikan: opsi",
    "Missing parameter": "Belum diberikan: parameter",
    "Missing command.": "Perintah belum diberikan.",
    "No such command {name!r}.": "Perintah {name!r} tidak ada.",
    "Did you mean {possibility}?": "Maksud Anda {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Maksud Anda salah satu dari: {possibilities}?)",
    "No such option: {name}": "Opsi tidak dikenal: {name}",
    "Invalid value for {param_hint}: {message}": "Nilai {param_hint} tidak sah: {message}",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "Got unexpected extra argument ({args})": "Argumen tambahan tak terduga ({args})",
    "Got unexpected extra arguments ({args})": "Argumen tambahan tak terduga ({args})",
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ada.",
    "Path": "Jalur",
    "File": "Berkas",
    "Directory": "Folder",
    "{value!r} is not one of {choices}.": "{value!r} bukan salah satu dari {choices}.",
    "{value!r} is not {choice}.": "{value!r} bukan {choice}.",
    "Option {name!r} requires an argument.": "Opsi {name!r} memerlukan nilai.",
    "[default: {}]": "[bawaan: {}]",
    "[required]": "[wajib]",
    "default": "bawaan",
    "required": "wajib",
    "Try [blue]'{command_path} {help_option}'[/] for help.": (
        "Coba [blue]'{command_path} {help_option}'[/] untuk bantuan."
    ),
}


def translate(message: str) -> str:
    return TRANSLATIONS.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return translate(singular if n == 1 else plural)


def _translate_usage(cls: Any) -> None:
    """The usage line's pieces ("[OPTIONS]", "COMMAND [ARGS]...") are not gettext'd."""
    original = cls.__dict__.get("collect_usage_pieces")
    if original is None or getattr(original, "_bahasa", False):
        return

    def collect_usage_pieces(self: Any, ctx: Any) -> list[str]:
        return [translate(piece) for piece in original(self, ctx)]

    collect_usage_pieces._bahasa = True  # type: ignore[attr-defined]
    cls.collect_usage_pieces = collect_usage_pieces


def install() -> None:
    """Route click's and typer's gettext calls through the table above."""
    for name in (
        "click.core",
        "click.exceptions",
        "click.formatting",
        "click.decorators",
        "click.types",
        "click.parser",
        "typer.core",
        "typer.rich_utils",
    ):
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = translate  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext  # type: ignore[attr-defined]
    click_core = importlib.import_module("click.core")
    for cls in (click_core.Command, click_core.Group):
        _translate_usage(cls)
    rich_utils = importlib.import_module("typer.rich_utils")
    constants: dict[str, Callable[[], str]] = {
        "ARGUMENTS_PANEL_TITLE": lambda: "Argumen",
        "OPTIONS_PANEL_TITLE": lambda: "Opsi",
        "COMMANDS_PANEL_TITLE": lambda: "Perintah",
        "ERRORS_PANEL_TITLE": lambda: "Galat",
        "ABORTED_TEXT": lambda: "Dibatalkan.",
        "DEFAULT_STRING": lambda: "[bawaan: {}]",
        "REQUIRED_LONG_STRING": lambda: "[wajib]",
        "ENVVAR_STRING": lambda: "[variabel lingkungan: {}]",
        "RICH_HELP": lambda: translate("Try [blue]'{command_path} {help_option}'[/] for help."),
    }
    for name, value in constants.items():
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, value())
