"""The cascade IKU → IKK → RHK/IKI: building it from workbooks, checking it, drawing it."""
