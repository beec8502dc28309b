"""The sorting family: properties against NumPy, the traps, every dtype, compile, bad input."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import torch

from cookbook import argsort, argwhere, flatnonzero, nonzero, sort, unique
from cookbook._dtypes import TORCH_TO_NUMPY
from cookbook.testing import ALL_DTYPES, WIDE_UNSIGNED_DTYPES, assert_matches_numpy
from cookbook.testing.checks import Check, checks_for


@pytest.mark.parametrize("check", checks_for("sorting"), ids=str)
def test_property(check: Check, device: torch.device) -> None:
    check.run(device)


def test_bare_argsort_is_unstable_where_argsort_keeps_ties_in_order() -> None:
    x = torch.tensor([0, 1] * 9)
    expected = np.argsort(x.numpy(), kind="stable")
    assert not np.array_equal(torch.argsort(x).numpy(), expected)
    assert np.array_equal(argsort(x).numpy(), expected)


def test_signed_zeros_keep_their_order() -> None:
    x = torch.tensor([0.0, -0.0, 1.0, -0.0, 0.0] * 5)
    assert_matches_numpy(sort(x), np.sort(x.numpy(), kind="stable"))
    assert_matches_numpy(argsort(x), np.argsort(x.numpy(), kind="stable"))


def test_bare_unique_has_no_return_index_and_keeps_nans_apart() -> None:
    x = torch.tensor([2.0, math.nan, 1.0, 2.0, math.nan])
    with pytest.raises(TypeError, match="return_index"):
        torch.unique(x, return_index=True)
    assert torch.unique(x).numel() == 4
    expected = np.unique(x.numpy(), return_index=True, return_counts=True)
    assert_matches_numpy(unique(x, return_index=True, return_counts=True), expected)


def test_bare_nonzero_is_a_matrix_where_numpy_gives_a_tuple() -> None:
    x = torch.tensor([[1, 0], [0, 3]])
    assert torch.nonzero(x).shape == (2, 2)
    assert_matches_numpy(nonzero(x), np.nonzero(x.numpy()))


def test_complex_and_large_wide_unsigned_sort_where_bare_torch_raises() -> None:
    c = torch.tensor([1 + 2j, complex(math.nan, 0), 1 - 1j, 0 + 5j])
    with pytest.raises(RuntimeError, match="complex"):
        torch.sort(c)
    assert_matches_numpy(sort(c), np.sort(c.numpy(), kind="stable"))
    big = torch.arange(10**5, dtype=torch.int64).flip(0).to(torch.uint32)
    with pytest.raises(NotImplementedError, match="UInt32"):
        torch.sort(big, stable=True)
    assert_matches_numpy(sort(big), np.sort(big.numpy(), kind="stable"))


def _sample(dtype: torch.dtype, n: int) -> torch.Tensor:
    """``n`` values of ``dtype``, cycling through ties, zeros, extremes, infinities and NaN."""
    numpy_dtype = TORCH_TO_NUMPY[dtype]
    values: list[Any]
    if dtype == torch.bool:
        values = [True, False, False]
    elif dtype.is_floating_point or dtype.is_complex:
        values = [0.0, -0.0, 1.0, -1.0, math.inf, -math.inf, math.nan]
        if dtype.is_complex:
            values = [complex(real, imag) for real in values for imag in values]
    else:
        info = np.iinfo(numpy_dtype)
        values = [info.max, 0, int(info.min), 1, info.max // 2 + 1, 0]
    return torch.from_numpy(np.resize(np.array(values, dtype=numpy_dtype), n))


CALLS: list[tuple[str, Callable[..., Any], Callable[..., Any]]] = [
    ("sort", sort, lambda a: np.sort(a, kind="stable")),
    ("argsort", argsort, lambda a: np.argsort(a, kind="stable")),
    (
        "unique",
        lambda x: unique(x, return_index=True, return_inverse=True, return_counts=True),
        lambda a: np.unique(a, return_index=True, return_inverse=True, return_counts=True),
    ),
    (
        "unique-axis",
        lambda x: unique(x.reshape(-1, 2), axis=0),
        lambda a: np.unique(a.reshape(-1, 2), axis=0),
    ),
    ("nonzero", nonzero, np.nonzero),
    ("argwhere", argwhere, np.argwhere),
    ("flatnonzero", flatnonzero, np.flatnonzero),
]


@pytest.mark.parametrize(
    ("dtype", "n"),
    [(dtype, 12) for dtype in ALL_DTYPES] + [(dtype, 2**15) for dtype in WIDE_UNSIGNED_DTYPES],
    ids=str,
)
def test_every_dtype_matches_numpy(dtype: torch.dtype, n: int) -> None:
    """No dtype is refused: each recipe equals NumPy on every shared dtype, and on the wide
    unsigned ones past the size (2**15) where torch's CPU sort switches to a kernel without them."""
    x = _sample(dtype, n)
    for name, recipe, oracle in CALLS:
        assert_matches_numpy(recipe(x), oracle(x.numpy()), where=name)


def test_bfloat16_sorts_as_its_float32_values() -> None:
    x = _sample(torch.float32, 40).to(torch.bfloat16)
    a = x.float().numpy()
    assert_matches_numpy(sort(x).float(), np.sort(a, kind="stable"))
    assert_matches_numpy(argsort(x), np.argsort(a, kind="stable"))
    values, *extras = unique(x, return_index=True, return_inverse=True, return_counts=True)
    expected = np.unique(a, return_index=True, return_inverse=True, return_counts=True)
    assert_matches_numpy((values.float(), *extras), expected)


FLOATS = torch.tensor([[2.0, math.nan, -0.0], [0.0, 2.0, 1.0]])


@pytest.mark.parametrize(
    ("name", "call", "x"),
    [
        ("sort", lambda x: sort(x, axis=0), FLOATS),
        ("sort-uint32", sort, torch.tensor([2**32 - 1, 0, 7], dtype=torch.uint32)),
        ("argsort", lambda x: argsort(x, axis=None), FLOATS),
        (
            "unique",
            lambda x: unique(x, return_index=True, return_inverse=True, return_counts=True),
            FLOATS,
        ),
        ("unique-axis", lambda x: unique(x, axis=1, return_counts=True), FLOATS),
        ("nonzero", nonzero, FLOATS),
        ("argwhere", argwhere, FLOATS),
        ("flatnonzero", flatnonzero, FLOATS),
    ],
)
def test_compiles_fullgraph_with_dynamic_output_shapes(
    name: str, call: Callable[..., Any], x: torch.Tensor
) -> None:
    compiled = torch.compile(call, fullgraph=True, backend="eager")
    try:
        with torch._dynamo.config.patch(capture_dynamic_output_shape_ops=True):
            results = torch.utils._pytree.tree_leaves(compiled(x))
    finally:
        torch._dynamo.reset()
    expected = torch.utils._pytree.tree_leaves(call(x))
    for got, wanted in zip(results, expected, strict=True):
        assert_matches_numpy(got, wanted.numpy(), where=name)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: sort([3, 1]), TypeError, r"sort: x must be a torch.Tensor, got list \[3, 1\]"),
        (
            lambda: sort(torch.ones(2), axis=1),
            ValueError,
            r"sort: axis 1 is out of bounds for a tensor of 1 dimension\(s\)",
        ),
        (
            lambda: sort(torch.tensor(1.0)),
            ValueError,
            r"sort: axis -1 is out of bounds for a tensor of 0 dimension\(s\)",
        ),
        (
            lambda: sort(torch.ones(2), axis=0.5),
            TypeError,
            "sort: axis must be an integer, got float 0.5",
        ),
        (lambda: argsort(None), TypeError, "argsort: x must be a torch.Tensor, got NoneType None"),
        (
            lambda: argsort(torch.ones(2, 2), axis=-3),
            ValueError,
            r"argsort: axis -3 is out of bounds for a tensor of 2 dimension\(s\)",
        ),
        (
            lambda: argsort(torch.ones(2), axis="0"),
            TypeError,
            "argsort: axis must be an integer, got str '0'",
        ),
        (
            lambda: unique((1, 2)),
            TypeError,
            r"unique: x must be a torch.Tensor, got tuple \(1, 2\)",
        ),
        (
            lambda: unique(torch.ones(2), return_index=1),
            TypeError,
            "unique: return_index must be True or False, got int 1",
        ),
        (
            lambda: unique(torch.ones(2), return_inverse="yes"),
            TypeError,
            "unique: return_inverse must be True or False, got str 'yes'",
        ),
        (
            lambda: unique(torch.ones(2), return_counts=None),
            TypeError,
            "unique: return_counts must be True or False, got NoneType None",
        ),
        (
            lambda: unique(torch.ones(2), equal_nan=0),
            TypeError,
            "unique: equal_nan must be True or False, got int 0",
        ),
        (
            lambda: unique(torch.ones(2, 3), axis=2),
            ValueError,
            r"unique: axis 2 is out of bounds for a tensor of 2 dimension\(s\)",
        ),
        (
            lambda: unique(torch.ones(2), axis=1.0),
            TypeError,
            "unique: axis must be an integer, got float 1.0",
        ),
        (
            lambda: nonzero(np.ones(2)),
            TypeError,
            r"nonzero: x must be a torch.Tensor, got ndarray array\(\[1., 1.\]\)",
        ),
        (
            lambda: nonzero(torch.tensor(1)),
            ValueError,
            r"nonzero: x must have at least one dimension, got a 0-d tensor \(NumPy 2 refuses it "
            r"too; use x.reshape\(1\)\)",
        ),
        (lambda: argwhere([1]), TypeError, r"argwhere: x must be a torch.Tensor, got list \[1\]"),
        (lambda: flatnonzero(1), TypeError, "flatnonzero: x must be a torch.Tensor, got int 1"),
    ],
)
def test_bad_input(call: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=f"^{message}$"):
        call()  # type: ignore[operator]
