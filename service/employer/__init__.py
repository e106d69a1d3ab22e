"""Employers: tenants and keys, candidates (job seekers), rankings of openings and candidates."""
