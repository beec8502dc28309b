"""Checks of the statistics family."""

from __future__ import annotations

from cookbook.testing.checks import Recipe

RECIPES: list[Recipe] = []
