"""Ingest: documents in many formats -> normalised records (`parsers`), then skills are linked
and the records stored.

`service.ingest.parsers` holds the pure parsers (no database, no model); see its docstring for the
formats and the mapping decisions.
"""
