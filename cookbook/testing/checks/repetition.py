"""Checks of the repeat family against ``np.tile``, ``np.repeat`` and ``np.broadcast_to``."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from cookbook.repetition import broadcast_to, repeat_elements, tile
from cookbook.testing.checks import Case, Drawer, Example
from cookbook.testing.strategies import NUMERIC_DTYPES, shapes

DTYPES = st.sampled_from((torch.bool, *NUMERIC_DTYPES))
COUNTS = st.integers(0, 3)


def _tile_example(draw: Drawer) -> Example:
    x = draw.tensor(DTYPES, shapes(max_dims=3, max_side=3), label="x")
    reps = draw(COUNTS | st.lists(COUNTS, max_size=4).map(tuple), label="reps")
    return (x, reps), {}


def _repeat_example(draw: Drawer) -> Example:
    x = draw.tensor(DTYPES, shapes(max_dims=3, max_side=3), label="x")
    axis = draw(st.none() | st.integers(-x.ndim, x.ndim - 1) if x.ndim else st.none(), label="axis")
    length = x.numel() if axis is None else x.shape[axis]
    per_element = st.lists(COUNTS, min_size=length, max_size=length).map(tuple)
    repeats = draw(COUNTS | per_element | st.tuples(COUNTS), label="repeats")
    return (x, repeats), {"axis": axis}


def _broadcast_example(draw: Drawer) -> Example:
    x = draw.tensor(DTYPES, shapes(max_dims=3, max_side=3), label="x")
    if draw(st.booleans(), label="valid"):
        leading = draw(shapes(max_dims=2, max_side=3), label="leading")
        sizes = [draw(st.integers(0, 3)) if size == 1 else size for size in x.shape]
        shape: tuple[int, ...] = (*leading, *sizes)
    else:  # anything that broadcasts with x, in either direction: often not to x's shape
        shape = draw(
            hnp.broadcastable_shapes(tuple(x.shape), min_side=0, max_side=3), label="shape"
        )
    return (x, shape), {}


CASES = [
    Case(tile, _tile_example, np.tile),
    Case(repeat_elements, _repeat_example, np.repeat),
    Case(broadcast_to, _broadcast_example, np.broadcast_to, returns="view"),
]
PROPERTIES: dict[tuple[str, str], Any] = {}
