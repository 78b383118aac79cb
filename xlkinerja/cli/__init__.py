"""Command-line front-end (typer + rich): thin, in Bahasa Indonesia."""

from xlkinerja.cli.app import app, main

__all__ = ["app", "main"]
