"""Duty rosters (lịch trực) for checkpoints and quarantine points: files, checks, solver.

The public pieces, each in the module named for it:

- :func:`fieldapp.rostering.instance.load_instance` / ``parse_instance``: the instance file.
- :func:`fieldapp.rostering.solution.load_solution`, :class:`~.solution.Solution`: rosters.
- :func:`fieldapp.rostering.capacity.check_capacity`: shortages in words, a gap lower bound.
- :func:`fieldapp.rostering.solver.solve`: make (or re-plan) a roster.
- :func:`fieldapp.rostering.checker.check` / ``check_gaps``: the independent rule checker.
- :func:`fieldapp.rostering.figures.measure`: coverage and fairness per role group.
"""
