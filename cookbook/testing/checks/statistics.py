"""Checks of the statistics family against ``np.sum``, ``np.std``, ``np.var``,
``np.median``, ``np.argmax`` and ``np.argmin``."""

from __future__ import annotations

import math
import warnings
from typing import Any

import numpy as np
import torch
from hypothesis import strategies as st

from cookbook._dtypes import TORCH_TO_NUMPY
from cookbook.statistics import _radix_middles, argmax, argmin, median, std, sum, var
from cookbook.testing.checks import Bench, Case, Drawer, Example, Recipe, Route, Workload
from cookbook.testing.strategies import ALL_DTYPES, shapes, small_integers
from cookbook.testing.workloads import floats, side

SHAPES = shapes(max_dims=3, max_side=3)
REAL_DTYPES = tuple(dtype for dtype in ALL_DTYPES if not dtype.is_complex)
SPECIALS = st.sampled_from([math.nan, math.inf, -math.inf, -0.0, 0.0])
#: Quarters in [-100, 100], and the special values: sums of a few quarters are
#: exact in float32 and float64, so only NaN, inf and zero signs can differ.
FLOATS = st.integers(-400, 400).map(lambda k: k / 4) | SPECIALS
#: Quarters in [-8, 8]: every partial sum of up to 27 is exact in float16 too.
HALF_FLOATS = st.integers(-32, 32).map(lambda k: k / 4) | SPECIALS
#: Few distinct values, so that ties are common.
TIES = st.sampled_from([-2.0, -1.0, -0.0, 0.0, 1.0, 2.5]) | SPECIALS


def _axis(draw: Drawer, ndim: int) -> Any:
    """None, one axis, or a tuple of axes; now and then out of range or repeated."""
    one = st.integers(-ndim - 1, ndim)
    return draw(st.none() | one | st.lists(one, max_size=ndim + 1).map(tuple), label="axis")


def _values(
    dtype: torch.dtype, floats: st.SearchStrategy[float], integers: st.SearchStrategy[Any] | None
) -> st.SearchStrategy[Any] | None:
    """Elements for ``dtype``: ``floats``, pairs of them for complex, else ``integers``."""
    if dtype.is_complex:
        return st.builds(complex, floats, floats)
    if dtype.is_floating_point:
        return floats
    return integers


def _integers(dtype: torch.dtype, bound: int) -> st.SearchStrategy[Any]:
    """Integers in [-bound, bound] (from 0 for unsigned dtypes); booleans for bool."""
    if dtype == torch.bool or dtype.is_signed:
        return small_integers(dtype, bound)
    return st.integers(0, bound)


def _tensor(draw: Drawer, dtypes: tuple[torch.dtype, ...], floats: Any = FLOATS) -> torch.Tensor:
    dtype = draw(st.sampled_from(dtypes), label="dtype")
    elements = _values(dtype, HALF_FLOATS if dtype == torch.float16 else floats, None)
    return draw.tensor(dtype, SHAPES, elements=elements, label="x")


def _quietly(function: Any, *args: Any, **kwargs: Any) -> Any:
    """``function``'s result without NumPy's warnings (empty slices, ddof >= n)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return function(*args, **kwargs)


# sum ------------------------------------------------------------------------------------------


def _sum_example(draw: Drawer) -> Example:
    """Any dtype and values; or a ``dtype=`` override, on values 0 to 8 (quarters for
    floats) that every dtype holds, so that each cast is exact."""
    dtype = draw(st.none() | st.sampled_from(ALL_DTYPES), label="dtype")
    if dtype is None:
        x = _tensor(draw, ALL_DTYPES)
    else:
        source = draw(st.sampled_from(ALL_DTYPES), label="source dtype")
        quarters = st.integers(0, 32).map(lambda k: k / 4)
        integers = st.booleans() if source == torch.bool else st.integers(0, 8)
        x = draw.tensor(source, SHAPES, elements=_values(source, quarters, integers), label="x")
    keepdims = draw(st.booleans(), label="keepdims")
    return (x,), {"axis": _axis(draw, x.ndim), "dtype": dtype, "keepdims": keepdims}


def _sum_oracle(x: np.ndarray, axis: Any, *, dtype: torch.dtype | None = None, **kw: Any) -> Any:
    with warnings.catch_warnings():  # complex to a real dtype: the imaginary part is dropped
        warnings.simplefilter("ignore", np.exceptions.ComplexWarning)
        return np.sum(x, axis=axis, dtype=None if dtype is None else TORCH_TO_NUMPY[dtype], **kw)


# var and std ----------------------------------------------------------------------------------


def _spread_example(draw: Drawer) -> Example:
    dtype = draw(st.sampled_from(ALL_DTYPES), label="dtype")
    floats = HALF_FLOATS if dtype == torch.float16 else FLOATS
    elements = _values(dtype, floats, _integers(dtype, 100))
    x = draw.tensor(dtype, SHAPES, elements=elements, label="x")
    ddof = draw(st.integers(-1, 3) | st.sampled_from([0.5, 1.5]), label="ddof")
    keepdims = draw(st.booleans(), label="keepdims")
    return (x,), {"axis": _axis(draw, x.ndim), "ddof": ddof, "keepdims": keepdims}


def _spread_oracle(function: Any) -> Any:
    def oracle(x: np.ndarray, axis: Any, **kwargs: Any) -> np.ndarray:
        """NumPy in float64 (complex128), rounded once to NumPy's result dtype."""
        dtype = function(np.zeros(1, x.dtype)).dtype
        wide = x.astype(np.complex128 if x.dtype.kind == "c" else np.float64)
        return np.asarray(_quietly(function, wide, axis=axis, **kwargs)).astype(dtype)

    oracle.__name__ = function.__name__
    return oracle


def _close(actual: torch.Tensor, expected: np.ndarray) -> None:
    """Shape, dtype and NaN positions exactly; values within the dtype's tolerance
    (torch and NumPy sum the squares in different orders)."""
    expected_tensor = torch.from_numpy(np.asarray(expected))
    rtol = {torch.float16: 1e-3, torch.float32: 1e-5}.get(expected_tensor.dtype, 1e-10)
    torch.testing.assert_close(actual.cpu(), expected_tensor, rtol=rtol, atol=rtol, equal_nan=True)


# median ---------------------------------------------------------------------------------------


def _median_example(draw: Drawer) -> Example:
    x = _tensor(draw, REAL_DTYPES, TIES | FLOATS)
    return (x,), {"axis": _axis(draw, x.ndim), "keepdims": draw(st.booleans(), label="keepdims")}


def _median_oracle(x: np.ndarray, axis: Any, keepdims: bool) -> Any:
    """``np.median``, but for ``axis=()`` of an empty array, where NumPy fails to reshape
    it (a ValueError from inside NumPy) and the recipe returns it, as float."""
    if axis == () and x.size == 0:
        return x.astype(np.median(np.zeros(1, x.dtype)).dtype)
    return _quietly(np.median, x, axis=axis, keepdims=keepdims)


def _median_radix(draw: Drawer) -> None:
    """The radix selection of long rows, on short ones: the two middle values of a
    1-D tensor equal NumPy's sorted ones (zeros of either sign alike), or are both NaN
    where a NaN is present."""
    dtype = draw(st.sampled_from(REAL_DTYPES), label="dtype")
    shape = st.integers(1, 16).map(lambda n: (n,))
    x = draw.tensor(dtype, shape, elements=_values(dtype, TIES | FLOATS, None), label="x")
    # Sorting from 0 elements never: every digit goes through the histograms.
    sort_below = draw(st.sampled_from([0, 2, 5]), label="sort_below")
    low, high = _radix_middles(x.to(torch.uint8) if dtype == torch.bool else x, sort_below)
    a = x.cpu().numpy()
    n = a.size
    ordered = np.full(2, np.nan) if np.isnan(a).any() else np.sort(a)[[(n - 1) // 2, n // 2]]
    for got, want in zip((low, high), ordered, strict=True):
        same = float(got) == float(want) or (math.isnan(got) and math.isnan(want))
        if got.device != x.device or not same:
            raise AssertionError(f"radix selection gave {got}, NumPy's sort {want!r}")


# argmax and argmin ----------------------------------------------------------------------------


def _arg_example(draw: Drawer) -> Example:
    dtype = draw(st.sampled_from(ALL_DTYPES), label="dtype")
    elements = _values(dtype, TIES, _integers(dtype, 2))
    x = draw.tensor(dtype, SHAPES, elements=elements, label="x")
    axis = draw(st.none() | st.integers(-x.ndim - 1, x.ndim), label="axis")
    return (x,), {"axis": axis, "keepdims": draw(st.booleans(), label="keepdims")}


# benchmarks -----------------------------------------------------------------------------------


def _square(n: int, d: torch.device) -> torch.Tensor:
    return floats(side(n), side(n), device=d)


def _sum_workload(n: int, d: torch.device) -> Workload:
    x = _square(n, d)
    return (lambda: sum(x)), (lambda: x.sum())


def _std_workload(n: int, d: torch.device) -> Workload:
    x = _square(n, d)
    return (lambda: std(x)), (lambda: torch.std(x, correction=0))


def _var_workload(n: int, d: torch.device) -> Workload:
    x = _square(n, d)
    return (lambda: var(x)), (lambda: torch.var(x, correction=0))


def _numpy_median(x: torch.Tensor) -> torch.Tensor:
    return torch.from_numpy(np.asarray(np.median(x.cpu().numpy()))).to(x.device)


def _median_workload(n: int, d: torch.device) -> Workload:
    x = floats(2 * (n // 2), device=d)  # an even length: the mean of two middle values
    return (lambda: median(x)), (lambda: _numpy_median(x))


def _median_against_torch(d: torch.device) -> Workload:
    x = floats(10**6, device=d)
    return (lambda: median(x)), (lambda: torch.median(x))


def _argmax_workload(n: int, d: torch.device) -> Workload:
    x = _square(n, d)
    return (lambda: argmax(x)), (lambda: torch.argmax(x))


def _argmin_workload(n: int, d: torch.device) -> Workload:
    x = _square(n, d)
    return (lambda: argmin(x)), (lambda: torch.argmin(x))


RECIPES = [
    Recipe(
        sum,
        numpy="np.sum(a, axis)",
        call="sum(x, axis)",
        torch="x.sum(dim)  # uint8 gives int64",
        kind="compute",
        bench=Bench("x.sum()", _sum_workload),
        cases=(Case(sum, _sum_example, _sum_oracle),),
    ),
    Recipe(
        std,
        numpy="np.std(a, axis)",
        call="std(x, axis)",
        torch="x.std(dim, correction=0)",
        kind="compute",
        bench=Bench("torch.std(x, correction=0)", _std_workload),
        cases=(Case(std, _spread_example, _spread_oracle(np.std), compare=_close),),
    ),
    Recipe(
        var,
        numpy="np.var(a, axis)",
        call="var(x, axis)",
        torch="x.var(dim, correction=0)",
        kind="compute",
        bench=Bench("torch.var(x, correction=0)", _var_workload),
        cases=(Case(var, _spread_example, _spread_oracle(np.var), compare=_close),),
    ),
    Recipe(
        median,
        numpy="np.median(a, axis)",
        call="median(x, axis)",
        torch="x.median(dim)  # the lower middle value",
        kind="compute",
        bench=Bench("NumPy round trip: np.median(x.numpy())", _median_workload),
        cases=(Case(median, _median_example, _median_oracle),),
        properties={"radix": _median_radix},
        routes=(Route("torch.median(x)  # the lower middle value", 10**6, _median_against_torch),),
    ),
    Recipe(
        argmax,
        numpy="np.argmax(a, axis)",
        call="argmax(x, axis)",
        torch="x.argmax(dim)  # no bool, complex",
        kind="compute",
        bench=Bench("torch.argmax(x)", _argmax_workload),
        cases=(Case(argmax, _arg_example, np.argmax),),
    ),
    Recipe(
        argmin,
        numpy="np.argmin(a, axis)",
        call="argmin(x, axis)",
        torch="x.argmin(dim)  # no bool, complex",
        kind="compute",
        bench=Bench("torch.argmin(x)", _argmin_workload),
        cases=(Case(argmin, _arg_example, np.argmin),),
    ),
]
