"""A typed job title -> ESCO occupations: the resolver, its memory of real titles, title words."""
