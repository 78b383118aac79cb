"""Kompilasi: many unit workbooks into one institutional report."""
