"""Record vectors: the per-kind index kept in step with the database, and bulk embedding."""
