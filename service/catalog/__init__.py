"""The credential catalog as the planner sees it: stored credentials as options (options.py),
held in memory for planning (cache.py), and the credentials that teach a role (teaching.py)."""
