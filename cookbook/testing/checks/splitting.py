"""Checks of the splitting-and-padding family against ``np.flip``."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from hypothesis import strategies as st

from cookbook.splitting import flip
from cookbook.testing.checks import Bench, Case, Drawer, Example, Recipe, Workload
from cookbook.testing.strategies import ALL_DTYPES, shapes
from cookbook.testing.workloads import floats, side

DTYPES = st.sampled_from(ALL_DTYPES)
SHAPES = shapes(max_dims=3, max_side=3)


def _axis(draw: Drawer, ndim: int) -> Any:
    """None, one axis, or a tuple of axes; now and then out of range or repeated."""
    one = st.integers(-ndim - 1, ndim)
    return draw(st.none() | one | st.lists(one, max_size=ndim + 1).map(tuple), label="axis")


def _flip_example(draw: Drawer) -> Example:
    x = draw.tensor(DTYPES, SHAPES, label="x")
    return (x,), {"axis": _axis(draw, x.ndim)}


def _flip_workload(n: int, d: torch.device) -> Workload:
    x = floats(side(n), side(n), device=d)
    return (lambda: flip(x, 0)), (lambda: torch.flip(x, (0,)))


RECIPES = [
    Recipe(
        flip,
        numpy="np.flip(a, axis)",
        call="flip(x, axis)",
        torch="torch.flip(x, dims)  # a copy; no uint16-64 on CPU",
        kind="copy",
        bench=Bench(
            "torch.flip(x, (0,))",
            _flip_workload,
            overhead="normalises axis (int, tuple or None) and picks a kernel by dtype",
        ),
        cases=(Case(flip, _flip_example, np.flip),),
    ),
]
