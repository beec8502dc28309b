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

# Strategies are built once here: building them anew for every example costs more
# than drawing from them.
SHAPES = shapes(max_dims=3, max_side=3)
REAL_DTYPES = tuple(dtype for dtype in ALL_DTYPES if not dtype.is_complex)
ANY_DTYPE = st.sampled_from(ALL_DTYPES)
REAL_DTYPE = st.sampled_from(REAL_DTYPES)
OVERRIDE = st.none() | ANY_DTYPE
BOOLS = st.booleans()
DDOF = st.integers(-1, 3) | st.sampled_from([0.5, 1.5])
SPECIALS = st.sampled_from([math.nan, math.inf, -math.inf, -0.0, 0.0])
#: Quarters in [-100, 100], and the special values: sums of a few quarters are
#: exact in float32 and float64, so only NaN, inf and zero signs can differ.
FLOATS = st.integers(-400, 400).map(lambda k: k / 4) | SPECIALS
#: Quarters in [-8, 8]: every partial sum of up to 27 is exact in float16 too.
HALF_FLOATS = st.integers(-32, 32).map(lambda k: k / 4) | SPECIALS
#: Few distinct values, so that ties are common.
TIES = st.sampled_from([-2.0, -1.0, -0.0, 0.0, 1.0, 2.5]) | SPECIALS
#: Values 0 to 8 (quarters for floats) that every dtype holds: each cast is exact.
SMALL_QUARTERS = st.integers(0, 32).map(lambda k: k / 4)


def _integers(dtype: torch.dtype, bound: int) -> st.SearchStrategy[Any]:
    """Integers in [-bound, bound] (from 0 for unsigned dtypes); booleans for bool."""
    if dtype == torch.bool or dtype.is_signed:
        return small_integers(dtype, bound)
    return st.integers(0, bound)


def _elements(
    floats: st.SearchStrategy[float],
    integers: Any = None,
    half: st.SearchStrategy[float] | None = None,
) -> dict[torch.dtype, st.SearchStrategy[Any] | None]:
    """Per dtype: ``floats`` (``half`` for float16), pairs of them for complex, and
    ``integers(dtype)`` (None: any value) for the rest."""
    table: dict[torch.dtype, st.SearchStrategy[Any] | None] = {}
    for dtype in ALL_DTYPES:
        if dtype.is_complex:
            table[dtype] = st.builds(complex, floats, floats)
        elif dtype.is_floating_point:
            table[dtype] = half if half is not None and dtype == torch.float16 else floats
        else:
            table[dtype] = None if integers is None else integers(dtype)
    return table


SUM_ELEMENTS = _elements(FLOATS, half=HALF_FLOATS)
OVERRIDE_ELEMENTS = _elements(
    SMALL_QUARTERS, lambda d: BOOLS if d == torch.bool else st.integers(0, 8)
)
SPREAD_ELEMENTS = _elements(FLOATS, lambda d: _integers(d, 100), half=HALF_FLOATS)
MEDIAN_ELEMENTS = _elements(TIES | FLOATS)
ARG_ELEMENTS = _elements(TIES, lambda d: _integers(d, 2))


def _axes(ndim: int) -> st.SearchStrategy[Any]:
    """None, one axis, or a tuple of axes; now and then out of range or repeated."""
    one = st.integers(-ndim - 1, ndim)
    return st.none() | one | st.lists(one, max_size=ndim + 1).map(tuple)


AXES = {ndim: _axes(ndim) for ndim in range(4)}
#: None or one axis, now and then out of range, for argmax and argmin.
ONE_AXIS = {ndim: st.none() | st.integers(-ndim - 1, ndim) for ndim in range(4)}


def _tensor(
    draw: Drawer, dtypes: st.SearchStrategy[torch.dtype], elements: dict[torch.dtype, Any]
) -> torch.Tensor:
    dtype = draw(dtypes, label="dtype")
    return draw.tensor(dtype, SHAPES, elements=elements[dtype], label="x")


def _quietly(function: Any, *args: Any, **kwargs: Any) -> Any:
    """``function``'s result without NumPy's warnings (empty slices, ddof >= n)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return function(*args, **kwargs)


# sum ------------------------------------------------------------------------------------------


def _sum_example(draw: Drawer) -> Example:
    """Any dtype and values; or a ``dtype=`` override, on values every dtype holds."""
    dtype = draw(OVERRIDE, label="dtype")
    x = _tensor(draw, ANY_DTYPE, SUM_ELEMENTS if dtype is None else OVERRIDE_ELEMENTS)
    keepdims = draw(BOOLS, label="keepdims")
    return (x,), {"axis": draw(AXES[x.ndim], label="axis"), "dtype": dtype, "keepdims": keepdims}


def _sum_oracle(x: np.ndarray, axis: Any, *, dtype: torch.dtype | None = None, **kw: Any) -> Any:
    with warnings.catch_warnings():  # complex to a real dtype: the imaginary part is dropped
        warnings.simplefilter("ignore", np.exceptions.ComplexWarning)
        return np.sum(x, axis=axis, dtype=None if dtype is None else TORCH_TO_NUMPY[dtype], **kw)


# var and std ----------------------------------------------------------------------------------


def _spread_example(draw: Drawer) -> Example:
    x = _tensor(draw, ANY_DTYPE, SPREAD_ELEMENTS)
    ddof = draw(DDOF, label="ddof")
    keepdims = draw(BOOLS, label="keepdims")
    return (x,), {"axis": draw(AXES[x.ndim], label="axis"), "ddof": ddof, "keepdims": keepdims}


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
    x = _tensor(draw, REAL_DTYPE, MEDIAN_ELEMENTS)
    keepdims = draw(BOOLS, label="keepdims")
    return (x,), {"axis": draw(AXES[x.ndim], label="axis"), "keepdims": keepdims}


def _median_oracle(x: np.ndarray, axis: Any, keepdims: bool) -> Any:
    """``np.median``, but for an empty array whose result is empty too (``axis=()``, or
    ``(0, 0, 0)`` over axes ``(0, 1)``), where NumPy fails to reshape it (a ValueError
    from inside NumPy) and the recipe returns the empty result, as float."""
    if x.size == 0:
        # np.sum gives the result's shape, and raises for a bad axis as np.median does.
        shape = np.sum(np.zeros(x.shape, dtype=bool), axis=axis, keepdims=keepdims).shape
        if math.prod(shape) == 0:
            return np.empty(shape, dtype=np.median(np.zeros(1, x.dtype)).dtype)
    return _quietly(np.median, x, axis=axis, keepdims=keepdims)


ROW = st.integers(1, 16).map(lambda n: (n,))
#: Sorting from 0 elements never: every digit goes through the histograms.
SORT_BELOW = st.sampled_from([0, 2, 5])


def _median_radix(draw: Drawer) -> None:
    """The radix selection of long rows, on short ones: the two middle values of a
    1-D tensor equal NumPy's sorted ones (zeros of either sign alike), or are both NaN
    where a NaN is present."""
    dtype = draw(REAL_DTYPE, label="dtype")
    x = draw.tensor(dtype, ROW, elements=MEDIAN_ELEMENTS[dtype], label="x")
    sort_below = draw(SORT_BELOW, label="sort_below")
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
    x = _tensor(draw, ANY_DTYPE, ARG_ELEMENTS)
    axis = draw(ONE_AXIS[x.ndim], label="axis")
    return (x,), {"axis": axis, "keepdims": draw(BOOLS, label="keepdims")}


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
        bench=Bench(
            "NumPy round trip: np.median(x.numpy())",
            _median_workload,
            overhead="a sort, the two middle values, their mean and a NaN test: ten kernels",
        ),
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
