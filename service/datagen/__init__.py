"""Generators of demo data (the default catalog) from the shipped taxonomy files."""
