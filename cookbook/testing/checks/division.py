"""Checks of the division family against ``np.floor_divide``, ``np.remainder``, ``np.fmod``
and ``np.result_type``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import torch
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from cookbook._dtypes import NUMPY_TO_TORCH, TORCH_TO_NUMPY
from cookbook.division import floor_divide, fmod, remainder, result_type
from cookbook.testing.assertions import assert_matches_numpy
from cookbook.testing.checks import Bench, Case, Drawer, Example, Recipe, Workload
from cookbook.testing.strategies import (
    ALL_DTYPES,
    COMPLEX_DTYPES,
    INTEGER_DTYPES,
    WIDE_UNSIGNED_DTYPES,
    shapes,
)
from cookbook.testing.workloads import floats

#: Every dtype NumPy divides: all shared ones but complex.
DIVIDED_DTYPES = st.sampled_from(tuple(d for d in ALL_DTYPES if d not in COMPLEX_DTYPES))
SHAPES = shapes(max_dims=2, max_side=4)
#: Zero divisors, -1, ties.
SMALL = st.integers(-3, 3)
SMALL_UNSIGNED = st.integers(0, 3)


def _elements(dtype: torch.dtype, draw: Drawer, label: str) -> st.SearchStrategy[Any] | None:
    """Now and then small values, else any value of the dtype (NaN, inf, subnormals, extremes)."""
    if dtype == torch.bool or not draw(st.booleans(), label=f"{label} small"):
        return None
    return SMALL if dtype.is_signed or dtype.is_floating_point else SMALL_UNSIGNED


def _operand(draw: Drawer, dtype: torch.dtype, shape: Any, label: str) -> torch.Tensor:
    return draw.tensor(dtype, shape, elements=_elements(dtype, draw, label), label=label)


def _scalar_for(dtype: torch.dtype) -> st.SearchStrategy[bool | int | float]:
    """Python scalars NumPy accepts with a tensor of ``dtype``: ints in the result's range."""
    if dtype.is_floating_point:
        return _SCALARS[torch.float64]
    return _SCALARS[torch.int64 if dtype == torch.bool else dtype]


def _scalars(dtype: torch.dtype) -> st.SearchStrategy[bool | int | float]:
    if dtype.is_floating_point:
        integers = st.integers(-(2**70), 2**70)
    else:
        info = torch.iinfo(dtype)
        integers = st.integers(max(info.min, -3), 3) | st.integers(info.min, info.max)
    return st.booleans() | integers | st.floats()


_SCALARS = {
    dtype: _scalars(dtype) for dtype in (torch.float64, *INTEGER_DTYPES, *WIDE_UNSIGNED_DTYPES)
}


def _division_example(draw: Drawer) -> Example:
    """Two tensors of any dtypes NumPy divides, of shapes that broadcast; or a tensor and a
    Python scalar. Either order."""
    a = _operand(draw, draw(DIVIDED_DTYPES, label="a dtype"), SHAPES, "a")
    b: Any
    if draw(st.booleans(), label="scalar"):
        b = draw(_scalar_for(a.dtype), label="b")
    else:
        shape = hnp.broadcastable_shapes(tuple(a.shape), max_dims=2, min_side=0, max_side=4)
        b = _operand(draw, draw(DIVIDED_DTYPES, label="b dtype"), shape, "b")
    return ((b, a) if draw(st.booleans(), label="swap") else (a, b)), {}


_TENSOR_SHAPES = shapes(max_dims=2, max_side=2)  # 0-d ones often
# Shapes that can be laid out non-contiguously: filtering the ones above down to two or
# more elements, per tensor, fails Hypothesis's filter health check at 1000 examples.
_LAID_OUT_SHAPES = shapes(min_dims=1, max_dims=2, min_side=2, max_side=3)
_NOT_TENSORS = st.lists(
    st.sampled_from(ALL_DTYPES)
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats()
    | st.complex_numbers(),
    max_size=3,
)


def _result_type_example(draw: Drawer) -> Example:
    """One to six operands in any order: one to three tensors of any dtypes (0-d ones too),
    and torch dtypes and Python scalars."""
    count = draw(st.integers(1, 3), label="tensors")
    sizes = _LAID_OUT_SHAPES if draw.noncontiguous else _TENSOR_SHAPES
    tensors = [draw.tensor(st.sampled_from(ALL_DTYPES), sizes, label=f"x{i}") for i in range(count)]
    operands = draw(st.permutations([*tensors, *draw(_NOT_TENSORS, label="others")]))
    return tuple(operands), {}


def _numpy_result_type(*operands: Any) -> torch.dtype:
    numpy_operands = [
        TORCH_TO_NUMPY[operand] if isinstance(operand, torch.dtype) else operand
        for operand in operands
    ]
    return NUMPY_TO_TORCH[np.result_type(*numpy_operands)]


def _bfloat16_property(
    recipe: Callable[..., torch.Tensor], oracle: Callable[..., Any]
) -> Callable[[Drawer], None]:
    """bfloat16, which NumPy lacks: NumPy's float32 result on the same values, rounded once."""

    def check(draw: Drawer) -> None:
        a_shape = draw(SHAPES, label="a shape")
        a = _operand(draw, torch.float32, a_shape, "a").to(torch.bfloat16)
        b: Any
        if draw(st.booleans(), label="scalar b"):
            # A float bfloat16 holds exactly: the recipe rounds others first, as NumPy does.
            b = float(torch.tensor(draw(st.floats(width=32), label="b")).bfloat16())
            b_numpy = b
        else:
            b_shape = draw(
                hnp.broadcastable_shapes(a_shape, max_dims=2, min_side=0, max_side=4),
                label="b shape",
            )
            b = _operand(draw, torch.float32, b_shape, "b").to(torch.bfloat16)
            b_numpy = b.float().cpu().numpy()
        args, numpy_args = (a, b), (a.float().cpu().numpy(), b_numpy)
        if draw(st.booleans(), label="swap"):
            args, numpy_args = args[::-1], numpy_args[::-1]
        got = recipe(*args)
        with np.errstate(all="ignore"):
            expected = torch.from_numpy(np.asarray(oracle(*numpy_args)))
        assert got.dtype == torch.bfloat16, got.dtype
        assert_matches_numpy(got.float(), expected.to(torch.bfloat16).float().numpy())

    return check


def _division_workload(
    recipe: Callable[..., torch.Tensor], bare: Callable[..., torch.Tensor]
) -> Callable[[int, torch.device], Workload]:
    def workload(n: int, d: torch.device) -> Workload:
        a, b = floats(n, device=d) * 10, floats(n, device=d) + 0.5
        return (lambda: recipe(a, b)), (lambda: bare(a, b))

    return workload


def _result_type_workload(n: int, d: torch.device) -> Workload:
    x, y = floats(n, device=d), floats(n, device=d)
    return (lambda: result_type(x, y)), (lambda: torch.result_type(x, y))


def _division_recipe(
    recipe: Callable[..., torch.Tensor],
    oracle: Callable[..., Any],
    bare: Callable[..., torch.Tensor],
    numpy: str,
    torch_line: str,
    overhead: str,
) -> Recipe:
    name = recipe.__name__
    return Recipe(
        recipe,
        numpy=numpy,
        call=f"{name}(a, b)",
        torch=torch_line,
        kind="compute",
        bench=Bench(f"torch.{name}(a, b)", _division_workload(recipe, bare), overhead),
        cases=(Case(recipe, _division_example, oracle),),
        properties={"bfloat16": _bfloat16_property(recipe, oracle)},
    )


RECIPES = [
    Recipe(
        result_type,
        numpy="np.result_type(*arrays_and_scalars)",
        call="result_type(*operands)",
        torch="torch.result_type(x, y)  # a 0-d tensor counts as a scalar",
        kind="metadata",
        bench=Bench("torch.result_type(x, y)", _result_type_workload),
        cases=(Case(result_type, _result_type_example, _numpy_result_type, returns="value"),),
    ),
    _division_recipe(
        floor_divide,
        np.floor_divide,
        torch.floor_divide,
        "np.floor_divide(a, b)",
        "torch.floor_divide(a, b)  # int / 0 raises on CPU",
        "checks each operand's dtype, shape and device, which torch leaves to C++",
    ),
    _division_recipe(
        remainder,
        np.remainder,
        torch.remainder,
        "np.remainder(a, b)",
        "torch.remainder(a, b)  # 0.0 % -1.0 is +0.0",
        "a minimum read back: results all above 0 are NumPy's; else copysign signs the zeros "
        "and a sum finds torch's x86 NaNs to repair",
    ),
    _division_recipe(
        fmod,
        np.fmod,
        torch.fmod,
        "np.fmod(a, b)",
        "torch.fmod(a, b)  # NaN where a / b overflows",
        "a sum read back finds the NaNs torch's x86 fmod gives where a / b overflows",
    ),
]
