"""Benchmarks: `python -m bench [--quick]` (see docs/development.md, "Benchmarks")."""
