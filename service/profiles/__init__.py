"""From the database and the linker to the matching core's plain data: the role to reach
(role.py: from an occupation, a posting, a title, a description or demand), the learner with
their evidence (learner.py; trust weights in trust.py, stated skill names in stated.py), and the
partial credit between skills (neighbours.py)."""
