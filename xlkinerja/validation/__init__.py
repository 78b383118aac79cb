"""Validation: schemas built from the form specs, domain checks, and findings."""
