"""The SQL: keyword-only, typed functions per aggregate (taxonomy, records, ...)."""
