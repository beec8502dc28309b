"""Checks of the division and dtypes family."""

from __future__ import annotations

from cookbook.testing.checks import Recipe

RECIPES: list[Recipe] = []
