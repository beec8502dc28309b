"""Statistics: NumPy's ``sum``, ``std``, ``var``, ``median``, ``argmax`` and ``argmin``."""

from __future__ import annotations

__all__: list[str] = []
