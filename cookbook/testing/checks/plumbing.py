"""Checks of the shape-plumbing family against ``np.concatenate``, ``np.stack``,
``np.squeeze`` and ``np.expand_dims``."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from hypothesis import strategies as st

from cookbook.plumbing import concatenate, expand_dims, squeeze, stack
from cookbook.testing.checks import Case, Drawer, Example
from cookbook.testing.strategies import NUMERIC_DTYPES, shapes

DTYPES = st.sampled_from((torch.bool, *NUMERIC_DTYPES))
SHAPES = shapes(max_dims=3, max_side=3)
#: In noncontiguous checks: at least two elements, so every tensor can be noncontiguous.
WIDE_SHAPES = shapes(min_dims=1, max_dims=3, min_side=2, max_side=3)
#: Sizes with many 1s, for squeeze.
SQUEEZABLE = st.lists(st.sampled_from((0, 1, 1, 2, 3)), max_size=4).map(tuple)


def _axes(ndim: int) -> st.SearchStrategy[Any]:
    """An axis or a tuple of axes of a rank-``ndim`` tensor; sometimes out of range or repeated."""
    one = st.integers(-ndim - 1, ndim)
    return one | st.lists(one, max_size=3).map(tuple)


def _joined(draw: Drawer, *, same_shape: bool) -> list[torch.Tensor]:
    """One to three tensors of mixed dtypes, mostly of fitting shapes (none: a bad-input test)."""
    count = draw(st.integers(1, 3), label="count")
    drawn = WIDE_SHAPES if draw.noncontiguous else SHAPES
    base = draw(drawn, label="shape")
    fitting = draw(st.booleans(), label="fitting")
    tensors = []
    for i in range(count):
        if not fitting:
            shape = draw(drawn, label=f"shape[{i}]")
        elif same_shape or not base:
            shape = base
        else:  # free along one axis, which the axis drawn later may or may not be
            free = draw(st.integers(0, len(base) - 1), label=f"free axis[{i}]")
            shape = tuple(
                draw(st.integers(0, 3)) if d == free else size for d, size in enumerate(base)
            )
        tensors.append(draw.tensor(DTYPES, shape, label=f"tensors[{i}]"))
    return tensors


def _concatenate_example(draw: Drawer) -> Example:
    tensors = _joined(draw, same_shape=False)
    ndim = tensors[0].ndim
    axis = draw(st.none() | st.integers(-ndim - 1, ndim), label="axis")
    return (tensors,), {"axis": axis}


def _stack_example(draw: Drawer) -> Example:
    tensors = _joined(draw, same_shape=True)
    ndim = tensors[0].ndim
    return (tensors,), {"axis": draw(st.integers(-ndim - 2, ndim + 1), label="axis")}


def _squeeze_example(draw: Drawer) -> Example:
    x = draw.tensor(DTYPES, SQUEEZABLE, label="x")
    return (x,), {"axis": draw(st.none() | _axes(x.ndim), label="axis")}


def _expand_dims_example(draw: Drawer) -> Example:
    x = draw.tensor(DTYPES, SHAPES, label="x")
    return (x, draw(_axes(x.ndim + 1), label="axis")), {}


def _concatenate_oracle(tensors: list[np.ndarray], *, axis: int | None) -> np.ndarray:
    return np.concatenate(tensors, axis=axis)


def _stack_oracle(tensors: list[np.ndarray], *, axis: int) -> np.ndarray:
    return np.stack(tensors, axis=axis)


def _squeeze_oracle(x: np.ndarray, *, axis: Any) -> np.ndarray:
    return np.squeeze(x, axis=axis)


CASES = [
    Case(concatenate, _concatenate_example, _concatenate_oracle),
    Case(stack, _stack_example, _stack_oracle),
    Case(squeeze, _squeeze_example, _squeeze_oracle, returns="view"),
    Case(expand_dims, _expand_dims_example, np.expand_dims, returns="view"),
]
PROPERTIES: dict[tuple[str, str], Any] = {}
