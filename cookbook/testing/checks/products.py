"""Checks of the matmul family against ``np.matmul`` and ``np.dot``."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from cookbook.products import matmul, matmul_shape, numpy_dot
from cookbook.testing.assertions import assert_matches_numpy
from cookbook.testing.checks import Bench, Case, Drawer, Example, Recipe, Workload
from cookbook.testing.strategies import ALL_DTYPES, FLOAT_DTYPES, shapes, small_integers
from cookbook.testing.workloads import floats, side

OPERAND_DTYPES = st.sampled_from(ALL_DTYPES)
MATMUL_SHAPES = hnp.mutually_broadcastable_shapes(
    signature=np.matmul.signature,
    max_dims=3,
    max_side=4,
)


def _operand(draw: Drawer, shape: tuple[int, ...], label: str) -> torch.Tensor:
    dtype = draw(OPERAND_DTYPES, label=f"{label}.dtype")
    return draw.tensor(dtype, shape, elements=small_integers(dtype), label=label)


def _matmul_example(draw: Drawer) -> Example:
    a_shape, b_shape = draw(MATMUL_SHAPES, label="shapes").input_shapes
    return (_operand(draw, a_shape, "a"), _operand(draw, b_shape, "b")), {}


def _matmul_float_example(draw: Drawer) -> Example:
    a_shape, b_shape = draw(MATMUL_SHAPES, label="shapes").input_shapes
    dtype = draw(st.sampled_from(FLOAT_DTYPES[1:]), label="dtype")
    values = st.floats(-1, 1, width=32)
    return (
        draw.tensor(dtype, a_shape, elements=values),
        draw.tensor(dtype, b_shape, elements=values),
    ), {}


def _matmul_float_oracle(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``np.matmul`` in float64, rounded once to the operands' dtype."""
    exact: np.ndarray = np.matmul(a.astype(np.float64), b.astype(np.float64))
    return exact.astype(a.dtype)


def _assert_close(actual: torch.Tensor, expected: np.ndarray) -> None:
    """torch.testing's default tolerances for the dtype; sums of at most 4 products of
    values in [-1, 1] stay well inside them."""
    torch.testing.assert_close(actual.cpu(), torch.from_numpy(np.asarray(expected)))


def _assert_equal_sums(actual: torch.Tensor, expected: np.ndarray) -> None:
    """Exact, except for the sign of a zero sum, which depends on the order of summation."""
    assert_matches_numpy(actual, expected, signed_zeros=False)


def _shapes_example(draw: Drawer) -> Example:
    # Mostly shapes np.matmul accepts, sometimes arbitrary (often mismatched) ones.
    valid = draw(st.booleans(), label="valid")
    if valid:
        a_shape, b_shape = draw(MATMUL_SHAPES, label="shapes").input_shapes
    else:
        a_shape = draw(shapes(max_dims=3), label="a_shape")
        b_shape = draw(shapes(max_dims=3), label="b_shape")
    return (a_shape, b_shape), {}


def _matmul_shape_oracle(a_shape: tuple[int, ...], b_shape: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(np.matmul(np.zeros(a_shape), np.zeros(b_shape)).shape)


def _dot_example(draw: Drawer) -> Example:
    a_shape = draw(shapes(max_dims=3), label="a_shape")
    b_rank = draw(st.integers(0, 3), label="b_rank")
    b_shape = list(draw(shapes(min_dims=b_rank, max_dims=b_rank), label="b_shape"))
    if a_shape and b_shape:
        b_shape[0 if b_rank == 1 else -2] = a_shape[-1]
    return (_operand(draw, a_shape, "a"), _operand(draw, tuple(b_shape), "b")), {}


def _np_dot(a: Any, b: Any) -> Any:
    return np.asarray(np.dot(a, b))


def _matmul_workload(n: int, d: torch.device) -> Workload:
    a, b = floats(side(n), side(n), device=d), floats(side(n), side(n), device=d)
    return (lambda: matmul(a, b)), (lambda: torch.matmul(a, b))


def _numpy_dot_workload(n: int, d: torch.device) -> Workload:
    a, b = floats(side(n), side(n), device=d), floats(side(n), side(n), device=d)
    return (lambda: numpy_dot(a, b)), (lambda: torch.mm(a, b))


def _matmul_shape_workload(n: int, d: torch.device) -> Workload:
    a = torch.empty(side(n), side(n), device="meta")
    return (lambda: matmul_shape(a.shape, a.shape)), (lambda: (a @ a).shape)


RECIPES = [
    Recipe(
        matmul,
        numpy="np.matmul(a, b)",
        call="matmul(a, b)",
        torch="torch.matmul(a, b)  # no dtype promotion",
        kind="compute",
        bench=Bench("torch.matmul", _matmul_workload),
        cases=(
            Case(matmul, _matmul_example, np.matmul, compare=_assert_equal_sums),
            Case(
                matmul,
                _matmul_float_example,
                _matmul_float_oracle,
                variant="float",
                compare=_assert_close,
            ),
        ),
    ),
    Recipe(
        matmul_shape,
        compiles="plain Python: returns a shape, not tensors",
        numpy="np.matmul(a, b).shape",
        call="matmul_shape(a.shape, b.shape)",
        torch="torch.broadcast_shapes(...) + (n, p)",
        kind="metadata",
        bench=Bench("(a @ b).shape on meta tensors", _matmul_shape_workload),
        cases=(
            Case(
                matmul_shape,
                _shapes_example,
                _matmul_shape_oracle,
                returns="value",
                takes_tensors=False,
            ),
        ),
    ),
    Recipe(
        numpy_dot,
        numpy="np.dot(a, b)",
        call="numpy_dot(a, b)",
        torch="torch.dot(a, b)  # 1-D only",
        kind="compute",
        bench=Bench("torch.mm", _numpy_dot_workload),
        cases=(Case(numpy_dot, _dot_example, _np_dot, compare=_assert_equal_sums),),
    ),
]
