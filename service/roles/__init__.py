"""Roles that fit a learner: every occupation scored at once, ranked, and what closes each."""
