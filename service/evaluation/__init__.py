"""`skillmatch eval ...`: linking, extraction, planning and title evaluations."""
