"""Command line: `skillmatch serve|init|eval|ingest|bench|db|tenants|keys` (main.py)."""
