"""Recommendations: a role and a learner -> the gap -> the options that close it -> the plan
(gap.py, plan.py, role.py), the JSON answers built from typed objects (answers.py), and a stored
credential's effort as the planner sees it (effort.py)."""
