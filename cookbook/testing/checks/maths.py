"""Checks of the maths family against ``np.mean``."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import torch
from hypothesis import strategies as st

from cookbook.maths import mean
from cookbook.testing.assertions import assert_matches_numpy
from cookbook.testing.checks import Bench, Case, Drawer, Example, Recipe, Workload
from cookbook.testing.strategies import ALL_DTYPES, shapes, small_integers
from cookbook.testing.workloads import floats, side

DTYPES = st.sampled_from(ALL_DTYPES)
SHAPES = shapes(max_dims=3, max_side=3)
#: Quarters in [-100, 100]: sums of a few are exact in float32 and float64, so
#: only the final division rounds.
QUARTERS = st.integers(-400, 400).map(lambda k: k / 4)
INTEGERS = {
    dtype: small_integers(dtype, 100)
    for dtype in ALL_DTYPES
    if not (dtype.is_floating_point or dtype.is_complex)
}


def _axis(draw: Drawer, ndim: int) -> Any:
    """None, one axis, or a tuple of axes; now and then out of range or repeated."""
    one = st.integers(-ndim - 1, ndim)
    return draw(st.none() | one | st.lists(one, max_size=ndim + 1).map(tuple), label="axis")


def _mean_example(draw: Drawer) -> Example:
    dtype = draw(DTYPES, label="dtype")
    if dtype.is_complex:
        values: st.SearchStrategy[Any] = st.builds(complex, QUARTERS, QUARTERS)
    else:
        values = QUARTERS if dtype.is_floating_point else INTEGERS[dtype]
    x = draw.tensor(dtype, SHAPES, elements=values, label="x")
    return (x,), {"axis": _axis(draw, x.ndim)}


def _mean_oracle(x: np.ndarray, axis: Any) -> np.ndarray:
    """``np.mean`` in float64, rounded once to NumPy's result dtype; no warning for no elements."""
    dtype = np.mean(np.zeros(1, x.dtype)).dtype
    with warnings.catch_warnings():  # "Mean of empty slice": the result is NaN
        warnings.simplefilter("ignore", RuntimeWarning)
        wide = np.complex128 if x.dtype.kind == "c" else np.float64
        return np.asarray(np.mean(x.astype(wide), axis=axis)).astype(dtype)


def _compare(actual: torch.Tensor, expected: np.ndarray) -> None:
    """Exact in float64 (exact sums, one division, as NumPy does); float32 and float16
    round the quotient twice, so there torch.testing's default tolerances, NaN equal to NaN."""
    if actual.dtype == torch.float64:
        assert_matches_numpy(actual, expected)
    else:
        torch.testing.assert_close(
            actual.cpu(), torch.from_numpy(np.asarray(expected)), equal_nan=True
        )


def _mean_workload(n: int, d: torch.device) -> Workload:
    x = floats(side(n), side(n), device=d)
    return (lambda: mean(x, axis=0)), (lambda: x.mean(dim=0))


RECIPES = [
    Recipe(
        mean,
        numpy="np.mean(a, axis)",
        call="mean(x, axis)",
        torch="x.mean(dim)  # int raises",
        kind="compute",
        bench=Bench("x.mean(dim=0)", _mean_workload),
        cases=(Case(mean, _mean_example, _mean_oracle, compare=_compare),),
    ),
]
