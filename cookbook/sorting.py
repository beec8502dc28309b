"""Sorting: NumPy's stable ``sort`` and ``argsort``, ``unique`` and the ``nonzero`` family."""

from __future__ import annotations

__all__: list[str] = []
