"""File safety: every write is atomic, a user's file is kept before it is replaced, reports
never overwrite a form workbook, hostile packages are refused before any parser touches
them, and the OOXML package is read and rewritten in one place (`ooxml/`). Nothing here
knows a form: the add-in builder uses it too."""
