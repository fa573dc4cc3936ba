"""Accuracy and speed scripts that print tables; run them with ``python -m benchmarks.NAME``."""
