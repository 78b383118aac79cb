"""Command-line front-end (typer + rich): thin, in Bahasa Indonesia."""

from xlkinerja.cli.app import main
from xlkinerja.cli.common import app

__all__ = ["app", "main"]
