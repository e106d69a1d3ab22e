"""The skills vocabulary: loading ESCO and O*NET into the database (load.py), and searching it
and reading skills from text for the API (search.py)."""
