"""Indexing: NumPy's ``add.at`` and ``take_along_axis``."""

from __future__ import annotations

__all__: list[str] = []
