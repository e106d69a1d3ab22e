"""Record vectors: the index of each record kind, kept in step with the database."""
