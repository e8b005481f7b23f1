"""Benchmarks: `python -m bench [--quick]` (see README, "Benchmarks")."""
