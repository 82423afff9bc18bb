"""Benchmarks: `python -m bench` runs every module (see bench/__main__.py)."""
