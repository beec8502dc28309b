"""Checks of the shape-plumbing family against ``np.concatenate``, ``np.stack``,
``np.squeeze`` and ``np.expand_dims``."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from hypothesis import strategies as st

from cookbook.plumbing import concatenate, expand_dims, squeeze, stack
from cookbook.testing.checks import Bench, Case, Drawer, Example, Recipe, Workload
from cookbook.testing.strategies import ALL_DTYPES, shapes
from cookbook.testing.workloads import floats

DTYPES = st.sampled_from(ALL_DTYPES)
#: Mixtures of these promote differently from a pairwise fold over three or more
#: operands (uint8, int8 and float16 give float16): drawn half of the time.
NARROW_DTYPES = st.sampled_from(
    (torch.bool, torch.uint8, torch.int8, torch.uint16, torch.int16, torch.float16)
)
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
    """One to four tensors of mixed dtypes, mostly of fitting shapes (none: a bad-input test)."""
    count = draw(st.integers(1, 4), label="count")
    dtypes = draw(st.sampled_from((DTYPES, NARROW_DTYPES)), label="dtypes from")
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
        tensors.append(draw.tensor(dtypes, shape, label=f"tensors[{i}]"))
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


def _concatenate_workload(n: int, d: torch.device) -> Workload:
    a, b = floats(n // 2, device=d), floats(n - n // 2, device=d)
    return (lambda: concatenate((a, b))), (lambda: torch.cat((a, b)))


def _stack_workload(n: int, d: torch.device) -> Workload:
    a, b = floats(n // 2, device=d), floats(n // 2, device=d)
    return (lambda: stack((a, b))), (lambda: torch.stack((a, b)))


def _squeeze_workload(n: int, d: torch.device) -> Workload:
    x = floats(1, n, 1, device=d)
    return (lambda: squeeze(x)), x.squeeze


def _expand_dims_workload(n: int, d: torch.device) -> Workload:
    x = floats(n, device=d)
    return (lambda: expand_dims(x, 0)), (lambda: x.unsqueeze(0))


RECIPES = [
    Recipe(
        concatenate,
        numpy="np.concatenate(arrays, axis)",
        call="concatenate(tensors, axis)",
        torch="torch.cat(tensors, dim)",
        kind="copy",
        bench=Bench(
            "torch.cat",
            _concatenate_workload,
            overhead="checks one dtype and rank, else torch.cat promotes or skips a 1-D empty",
        ),
        cases=(Case(concatenate, _concatenate_example, _concatenate_oracle),),
    ),
    Recipe(
        stack,
        numpy="np.stack(arrays, axis)",
        call="stack(tensors, axis)",
        torch="torch.stack(tensors, dim)",
        kind="copy",
        bench=Bench(
            "torch.stack",
            _stack_workload,
            overhead="checks one dtype, else torch.stack promotes by torch's rules",
        ),
        cases=(Case(stack, _stack_example, _stack_oracle),),
    ),
    Recipe(
        squeeze,
        numpy="np.squeeze(a, axis)",
        call="squeeze(x, axis)",
        torch="x.squeeze(dim)  # ignores size != 1",
        kind="view",
        bench=Bench("x.squeeze()", _squeeze_workload),
        cases=(Case(squeeze, _squeeze_example, _squeeze_oracle, returns="view"),),
    ),
    Recipe(
        expand_dims,
        numpy="np.expand_dims(a, axis)",
        call="expand_dims(x, axis)",
        torch="x.unsqueeze(dim)",
        kind="view",
        bench=Bench("x.unsqueeze(0)", _expand_dims_workload),
        cases=(Case(expand_dims, _expand_dims_example, np.expand_dims, returns="view"),),
    ),
]
