"""Division: NumPy's ``floor_divide``, ``remainder`` and ``fmod``, and NumPy 2's ``result_type``."""

from __future__ import annotations

__all__: list[str] = []
