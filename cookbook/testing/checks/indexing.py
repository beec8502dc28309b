"""Checks of the indexing family against ``np.add.at`` and ``np.take_along_axis``.

Indices are drawn in range (negative ones included, duplicates common) for the
three checks of each case; a further property draws them up to twice out of
range and asserts that the recipe raises IndexError exactly where NumPy does.
Values added are small integers, infinities, NaN and signed zeros, whose sums
are exact in every order, so float results compare exactly too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import torch
from hypothesis import strategies as st

from cookbook._dtypes import numpy_result_type
from cookbook.indexing import add_at, take_along_axis
from cookbook.testing.assertions import assert_matches_numpy
from cookbook.testing.checks import Bench, Case, Drawer, Example, Recipe, Workload
from cookbook.testing.strategies import ALL_DTYPES, shapes
from cookbook.testing.workloads import floats, side

DTYPES = st.sampled_from(ALL_DTYPES)
INDEX_DTYPES = st.sampled_from(
    (torch.int64, torch.int32, torch.int16, torch.int8, torch.uint8, torch.uint16, torch.uint64)
)
SPECIALS = st.sampled_from((float("inf"), float("-inf"), float("nan"), 0.0, -0.0))


def _elements(dtype: torch.dtype) -> st.SearchStrategy[Any]:
    """Small integers, and for floats the specials: sums of a few are exact in any order."""
    if dtype == torch.bool:
        return st.booleans()
    if not dtype.is_floating_point and not dtype.is_complex:
        return st.integers(0 if not dtype.is_signed else -8, 8)
    real = st.integers(-8, 8).map(float) | SPECIALS
    return st.builds(complex, real, real) if dtype.is_complex else real


def _index(draw: Drawer, shape: tuple[int, ...], size: int, *, reach: int, as_list: bool) -> Any:
    """An index into an axis of ``size``: ``reach`` 1 keeps it in range, 2 goes beyond.

    In range, an axis of size 0 takes only an empty index: the caller's ``shape`` holds a 0.
    """
    dtype = draw(INDEX_DTYPES, label="index dtype")
    info = torch.iinfo(dtype)
    low = -reach * size - (reach - 1) if dtype.is_signed else 0
    high = reach * size - (2 - reach)
    elements = st.integers(max(low, info.min), max(min(high, info.max), 0))
    index = draw.tensor(dtype, shape, elements=elements, label="index")
    # A list of nothing loses its shape beyond the first axis.
    if as_list and (index.numel() or index.ndim == 1) and draw(st.booleans(), label="as a list"):
        return index.tolist()
    return index


def _broadcast_to(draw: Drawer, batch: tuple[int, ...]) -> tuple[int, ...]:
    """A shape that broadcasts to ``batch``: fewer axes, or 1 in place of a size."""
    dropped = draw(st.integers(0, len(batch)), label="dropped axes")
    return tuple(draw(st.sampled_from((1, size))) for size in batch[dropped:])


def _kind(dtype: torch.dtype) -> int:
    return (
        0 if dtype == torch.bool else 3 if dtype.is_complex else 2 if dtype.is_floating_point else 1
    )


#: Per kind of x, the Python scalars add_at takes as values (NumPy reads them as
#: bool, int64, float64 and complex128).
SCALARS = {
    0: st.booleans(),
    1: st.booleans() | st.integers(-8, 8),
    2: st.booleans() | st.integers(-8, 8) | _elements(torch.float64),
    3: st.booleans() | st.integers(-8, 8) | _elements(torch.float64) | _elements(torch.complex128),
}


def _add_at_arguments(draw: Drawer, reach: int) -> Example:
    x = draw.tensor(DTYPES, shapes(min_dims=1, max_dims=3, max_side=3), label="x")
    axes = draw(st.integers(0 if reach == 1 else 1, min(x.ndim, 2)), label="indexed axes")
    batch = draw(shapes(max_dims=2, max_side=4), label="batch")
    if reach == 1 and 0 in x.shape[:axes]:
        batch = (0,)
    index = []
    for axis in range(axes):
        shape = _broadcast_to(draw, batch)
        if reach == 1 and x.shape[axis] == 0:
            shape = (0,)
        index.append(_index(draw, shape, x.shape[axis], reach=reach, as_list=True))
    indices: Any = index[0] if axes == 1 and draw(st.booleans(), label="bare") else tuple(index)
    target = tuple(np.broadcast_shapes(*(np.shape(i) for i in index))) + tuple(x.shape[axes:])
    # uint64 with an int64 scalar adds in float64 in NumPy: add_at refuses that.
    if x.dtype != torch.uint64 and draw(st.booleans(), label="scalar values"):
        values: Any = draw(SCALARS[_kind(x.dtype)], label="values")
    else:
        allowed = [d for d in ALL_DTYPES if _kind(numpy_result_type(x.dtype, d)) == _kind(x.dtype)]
        dtype = draw(st.sampled_from(allowed), label="values dtype")
        shape = _broadcast_to(draw, target)
        values = draw.tensor(dtype, shape, elements=_elements(dtype), label="values")
    return (x, indices, values), {}


def _add_at_example(draw: Drawer) -> Example:
    return _add_at_arguments(draw, reach=1)


def _numpy_add_at(a: np.ndarray, indices: Any, values: Any) -> np.ndarray:
    result: np.ndarray = a.copy()
    np.add.at(result, indices, values)
    return result


def _take_along_axis_arguments(draw: Drawer, reach: int) -> Example:
    x = draw.tensor(DTYPES, shapes(min_dims=1, max_dims=3, max_side=3), label="x")
    if draw(st.integers(0, 4), label="axis None") == 0:
        length = draw(st.integers(0, 5)) if x.numel() or reach == 2 else 0
        index = _index(draw, (length,), x.numel(), reach=reach, as_list=False)
        return (x, index), {"axis": None}
    axis = draw(st.integers(-x.ndim, x.ndim - 1), label="axis")
    dim = axis % x.ndim
    shape = [
        draw(st.integers(0, 3)) if size == 1 else draw(st.sampled_from((1, size)))
        for size in x.shape
    ]
    shape[dim] = draw(st.integers(0, 4)) if x.shape[dim] or reach == 2 else 0
    index = _index(draw, tuple(shape), x.shape[dim], reach=reach, as_list=False)
    return (x, index), {"axis": axis}


def _take_along_axis_example(draw: Drawer) -> Example:
    return _take_along_axis_arguments(draw, reach=1)


def _raises_where_numpy_raises(
    recipe: Callable[..., Any],
    oracle: Callable[..., Any],
    example: Callable[[Drawer, int], Example],
) -> Callable[[Drawer], None]:
    """A property: with indices up to twice out of range, the recipe raises what NumPy raises."""

    def check(draw: Drawer) -> None:
        args, kwargs, *_ = example(draw, 2)
        numpy_args = [
            a.cpu().numpy() if isinstance(a, torch.Tensor) else _numpy_tree(a) for a in args
        ]
        try:
            with np.errstate(all="ignore"):
                expected = oracle(*numpy_args, **kwargs)
        except IndexError:
            try:
                recipe(*args, **kwargs)
            except IndexError:
                return
            raise AssertionError("NumPy raised IndexError but the recipe did not") from None
        assert_matches_numpy(recipe(*args, **kwargs), expected)

    return check


def _numpy_tree(value: Any) -> Any:
    if isinstance(value, torch.Tensor):
        return value.cpu().numpy()
    if isinstance(value, tuple):
        return tuple(_numpy_tree(item) for item in value)
    return value


def _add_at_workload(n: int, d: torch.device) -> Workload:
    x, values = floats(n, device=d), floats(n, device=d)
    index = torch.randint(0, n, (n,), generator=torch.Generator().manual_seed(1)).to(d)
    return (lambda: add_at(x, index, values)), (
        lambda: x.clone().index_put_((index,), values, accumulate=True)
    )


def _take_along_axis_workload(n: int, d: torch.device) -> Workload:
    x = floats(side(n), side(n), device=d)
    index = torch.randint(0, side(n), x.shape, generator=torch.Generator().manual_seed(1)).to(d)
    return (lambda: take_along_axis(x, index, 1)), (lambda: torch.take_along_dim(x, index, 1))


RECIPES = [
    Recipe(
        add_at,
        numpy="np.add.at(a, idx, v)",
        call="add_at(x, idx, v)",
        torch="x.index_put_((idx,), v, accumulate=True)  # x[idx] += v drops duplicates",
        kind="compute",
        bench=Bench(
            "x.clone().index_put_((idx,), v, accumulate=True)",
            _add_at_workload,
            overhead="bounds read back (aminmax, .item()) for NumPy's IndexError; a flat index",
        ),
        cases=(Case(add_at, _add_at_example, _numpy_add_at),),
        properties={
            "out of range": _raises_where_numpy_raises(add_at, _numpy_add_at, _add_at_arguments)
        },
        host_sync="an out-of-range index raises IndexError, so the bounds are read back",
    ),
    Recipe(
        take_along_axis,
        numpy="np.take_along_axis(a, idx, axis)",
        call="take_along_axis(x, idx, axis)",
        torch="torch.take_along_dim(x, idx, dim)  # wraps out-of-range indices",
        kind="copy",
        bench=Bench(
            "torch.take_along_dim(x, idx, 1)",
            _take_along_axis_workload,
            overhead="bounds read back (aminmax, .item()): take_along_dim wraps them silently",
        ),
        cases=(Case(take_along_axis, _take_along_axis_example, np.take_along_axis),),
        properties={
            "out of range": _raises_where_numpy_raises(
                take_along_axis, np.take_along_axis, _take_along_axis_arguments
            )
        },
        host_sync="an out-of-range index raises IndexError, so the bounds are read back",
    ),
]
