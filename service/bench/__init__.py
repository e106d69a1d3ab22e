"""`skillmatch bench`: one report of ingest, index, recommend, roles, employer, encoders, load."""
