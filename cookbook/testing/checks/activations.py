"""Checks of the activations family against NumPy's formulas, evaluated in float64.

The oracle evaluates each formula on ``x`` cast to float64 (stably, where the
formula as written overflows) and rounds the result once to the dtype NumPy's
``np.exp(x)`` has: ``x``'s dtype for floats, float16 for bool and 8-bit
integers, float32 for 16-bit and float64 for wider integers. Inputs mix
every value the dtype holds with the extremes ``±1e4``, ``±inf`` and NaN.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import torch
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from cookbook._dtypes import TORCH_TO_NUMPY
from cookbook.activations import relu, sigmoid, softmax, softplus, tanh
from cookbook.testing.assertions import assert_matches_numpy
from cookbook.testing.checks import Bench, Case, Drawer, Example, Recipe, Workload
from cookbook.testing.strategies import NUMERIC_DTYPES, WIDE_UNSIGNED_DTYPES, shapes
from cookbook.testing.workloads import floats, side

REAL_DTYPES = (torch.bool, *NUMERIC_DTYPES, *WIDE_UNSIGNED_DTYPES)
DTYPES = st.sampled_from(REAL_DTYPES)
EXTREMES = (1e4, -1e4, float("inf"), float("-inf"), float("nan"), 0.0, -0.0)
#: Where exp(x) is subnormal or rounds log1p away: softplus's underflow edge.
NEAR_UNDERFLOW = {
    torch.float16: st.floats(-20, -8, width=16),
    torch.float32: st.floats(-110, -80, width=32),
    torch.float64: st.floats(-750, -700, width=64),
}


#: Per dtype, anything it holds, and for floats the extremes or the underflow edge
#: now and then (built once: a strategy is validated the first time it is drawn from).
VALUES = {
    dtype: hnp.from_dtype(TORCH_TO_NUMPY[dtype]) | st.sampled_from(EXTREMES) | NEAR_UNDERFLOW[dtype]
    if dtype.is_floating_point
    else hnp.from_dtype(TORCH_TO_NUMPY[dtype])
    for dtype in REAL_DTYPES
}
SHAPES = shapes(max_dims=3, max_side=3)
SOFTMAX_SHAPES = shapes(min_dims=1, max_dims=3, max_side=3)


def _example(draw: Drawer, shape: st.SearchStrategy[tuple[int, ...]]) -> torch.Tensor:
    dtype = draw(DTYPES, label="dtype")
    return draw.tensor(dtype, shape, elements=VALUES[dtype], label="x")


def _elementwise_example(draw: Drawer) -> Example:
    return (_example(draw, SHAPES),), {}


def _softmax_example(draw: Drawer) -> Example:
    x = _example(draw, SOFTMAX_SHAPES)
    return (x,), {"axis": draw(st.integers(-x.ndim - 1, x.ndim), label="axis")}


def _rounded(formula: Any) -> Any:
    """An oracle: ``formula`` on float64, rounded to the dtype of NumPy's ``exp(x)``."""

    def oracle(x: np.ndarray, **kwargs: Any) -> np.ndarray:
        dtype = np.exp(np.zeros(0, x.dtype)).dtype
        return np.asarray(formula(x.astype(np.float64), **kwargs)).astype(dtype)

    oracle.__name__ = formula.__name__
    return oracle


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-x))  # type: ignore[no-any-return]


def _softplus(x: np.ndarray) -> np.ndarray:
    """``log1p(exp(x))``, which as written is inf for x > 709 even in float64."""
    return np.logaddexp(0, x)  # type: ignore[no-any-return]


def _softmax(x: np.ndarray, *, axis: int) -> np.ndarray:
    shifted = np.exp(x - x.max(axis=axis, keepdims=True))
    return shifted / shifted.sum(axis=axis, keepdims=True)  # type: ignore[no-any-return]


def _relu(x: np.ndarray) -> np.ndarray:
    result: np.ndarray = np.maximum(x, 0)
    return result


def _assert_equal_but_zero_signs(actual: torch.Tensor, expected: np.ndarray) -> None:
    assert_matches_numpy(actual, expected, signed_zeros=False)


def _assert_close(actual: torch.Tensor, expected: np.ndarray) -> None:
    """torch.testing's default tolerances for the dtype; NaN where NumPy has NaN."""
    torch.testing.assert_close(actual.cpu(), torch.from_numpy(np.asarray(expected)), equal_nan=True)


def _elementwise_workload(
    recipe: Callable[[torch.Tensor], torch.Tensor], bare: Callable[[torch.Tensor], torch.Tensor]
) -> Callable[[int, torch.device], Workload]:
    def workload(n: int, d: torch.device) -> Workload:
        x = floats(n, device=d) * 10 - 5
        return (lambda: recipe(x)), (lambda: bare(x))

    return workload


def _softmax_workload(n: int, d: torch.device) -> Workload:
    x = floats(side(n), side(n), device=d)
    return (lambda: softmax(x)), (lambda: torch.softmax(x, dim=-1))


RECIPES = [
    Recipe(
        relu,
        numpy="np.maximum(a, 0)",
        call="relu(x)",
        torch="torch.relu(x)  # keeps -0.0",
        kind="compute",
        bench=Bench(
            "torch.relu",
            _elementwise_workload(relu, torch.relu),
            overhead="torch.threshold gives max(-0.0, 0) as +0.0, as NumPy; torch.relu is faster",
        ),
        # max(x, 0) rounds nothing: exact, except the sign of max(-0.0, 0), which NumPy's
        # float16 loop gives as -0.0 and its float32 and float64 loops as +0.0.
        cases=(Case(relu, _elementwise_example, _relu, compare=_assert_equal_but_zero_signs),),
    ),
    Recipe(
        sigmoid,
        numpy="1 / (1 + np.exp(-a))",
        call="sigmoid(x)",
        torch="torch.sigmoid(x)",
        kind="compute",
        bench=Bench("torch.sigmoid", _elementwise_workload(sigmoid, torch.sigmoid)),
        cases=(Case(sigmoid, _elementwise_example, _rounded(_sigmoid), compare=_assert_close),),
    ),
    Recipe(
        tanh,
        numpy="np.tanh(a)",
        call="tanh(x)",
        torch="torch.tanh(x)",
        kind="compute",
        bench=Bench("torch.tanh", _elementwise_workload(tanh, torch.tanh)),
        cases=(Case(tanh, _elementwise_example, _rounded(np.tanh), compare=_assert_close),),
    ),
    Recipe(
        softplus,
        numpy="np.log1p(np.exp(a))",
        call="softplus(x)",
        torch="F.softplus(x)  # x above 20",
        kind="compute",
        bench=Bench(
            "torch.nn.functional.softplus",
            _elementwise_workload(softplus, torch.nn.functional.softplus),
            overhead="the overflow-free formula: six kernels to F.softplus's approximate one",
        ),
        cases=(Case(softplus, _elementwise_example, _rounded(_softplus), compare=_assert_close),),
    ),
    Recipe(
        softmax,
        numpy="e = np.exp(a - a.max(-1, keepdims=True)); e / e.sum(-1, keepdims=True)",
        call="softmax(x, axis)",
        torch="torch.softmax(x, dim)",
        kind="compute",
        bench=Bench("torch.softmax", _softmax_workload),
        cases=(Case(softmax, _softmax_example, _rounded(_softmax), compare=_assert_close),),
    ),
]
