"""The statistics family: properties against NumPy, the traps, every dtype, bad input."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import torch

from cookbook import argmax, argmin, median, std, sum, var
from cookbook.testing import ALL_DTYPES, assert_matches_numpy
from cookbook.testing.checks import Check, checks_for


@pytest.mark.parametrize("check", checks_for("statistics"), ids=str)
def test_property(check: Check, device: torch.device) -> None:
    check.run(device)


def test_bare_torch_std_and_var_divide_by_n_minus_one() -> None:
    x = torch.tensor([1.0, 2.0, 3.0, 4.0])
    a = x.numpy()
    assert torch.var(x).item() != np.var(a)
    assert torch.std(x).item() != pytest.approx(np.std(a))
    assert var(x).item() == np.var(a) == 1.25
    assert std(x).item() == pytest.approx(np.std(a))
    assert var(x, ddof=1).item() == pytest.approx(np.var(a, ddof=1))


def test_bare_torch_median_takes_the_lower_middle_value() -> None:
    x = torch.tensor([1.0, 4.0, 2.0, 3.0])
    assert torch.median(x).item() == 2.0
    assert median(x).item() == np.median(x.numpy()) == 2.5


def test_bare_torch_sum_of_uint8_is_int64_where_numpy_gives_uint64() -> None:
    x = torch.tensor([200, 100], dtype=torch.uint8)
    assert x.sum().dtype == torch.int64
    assert np.sum(x.numpy()).dtype == np.uint64
    assert_matches_numpy(sum(x), np.sum(x.numpy()))


def test_bare_torch_reads_dim_empty_tuple_as_every_axis() -> None:
    x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
    assert x.sum(dim=()).item() == 10.0
    assert_matches_numpy(sum(x, axis=()), np.sum(x.numpy(), axis=()))
    assert_matches_numpy(var(x, axis=()), np.var(x.numpy(), axis=()))


@pytest.mark.parametrize("n", [2**14, 2**14 + 1, 3 * 2**14])
@pytest.mark.parametrize("dtype", [torch.float16, torch.float32, torch.int64, torch.uint64])
def test_median_of_long_rows_by_radix_selection(
    n: int, dtype: torch.dtype, device: torch.device
) -> None:
    """Rows long enough for the radix path: ties, extremes, zeros of both signs, then a NaN."""
    generator = np.random.default_rng(n)
    if dtype.is_floating_point:
        a = generator.integers(-50, 50, n).astype(np.dtype(str(dtype).split(".")[1])) / 4
        a[:5] = [-0.0, 0.0, np.inf, -np.inf, -0.0]
    else:
        info = np.iinfo(np.dtype(str(dtype).split(".")[1]))
        a = generator.integers(info.min, info.max, n, dtype=np.dtype(str(dtype).split(".")[1]))
        a[: n // 3] = a[0]  # a long tie
    x = torch.from_numpy(a).to(device)
    assert_matches_numpy(median(x), np.median(a))
    if dtype.is_floating_point:
        a[7] = np.nan
        x = torch.from_numpy(a).to(device)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            assert_matches_numpy(median(x), np.median(a))


def test_argmax_and_argmin_take_the_first_nan_and_the_first_tie() -> None:
    x = torch.tensor([1.0, 3.0, float("nan"), 3.0, float("nan")])
    assert argmax(x).item() == np.argmax(x.numpy()) == 2
    assert argmin(x).item() == np.argmin(x.numpy()) == 2
    y = torch.tensor([3, 1, 3, 1])
    assert (argmax(y).item(), argmin(y).item()) == (0, 1)


def test_argmax_of_bool_and_complex_where_bare_torch_raises() -> None:
    flags = torch.tensor([False, True, True])
    with pytest.raises(RuntimeError, match="bool"):
        torch.argmax(flags)
    assert argmax(flags).item() == 1
    z = torch.tensor([1 + 5j, 2 + 0j, 2 + 1j])
    with pytest.raises(RuntimeError):
        torch.argmax(z)
    assert argmax(z).item() == np.argmax(z.numpy()) == 2
    assert argmin(z).item() == np.argmin(z.numpy()) == 0


def _numpy_or_refused(
    recipe: Callable[..., torch.Tensor], oracle: Callable[..., Any], x: torch.Tensor, **kw: Any
) -> None:
    refused: TypeError | None = None
    try:
        result = recipe(x, **kw)
    except TypeError as error:
        refused = error
    if refused is not None:
        assert str(refused) == (
            f"{recipe.__name__}: x of dtype {x.dtype} is not supported on {x.device.type} "
            f"by torch {torch.__version__}"
        )
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        expected = oracle(x.cpu().numpy(), **kw)
    if recipe in (std, var):  # torch and NumPy sum the squares in different orders
        torch.testing.assert_close(result.cpu(), torch.from_numpy(np.asarray(expected)))
    else:
        assert_matches_numpy(result, expected)


RECIPES_AND_ORACLES = [
    (sum, np.sum),
    (std, np.std),
    (var, np.var),
    (median, np.median),
    (argmax, np.argmax),
    (argmin, np.argmin),
]


@pytest.mark.parametrize(("recipe", "oracle"), RECIPES_AND_ORACLES, ids=lambda f: f.__name__)
def test_every_dtype_matches_numpy_or_is_refused_by_name(
    recipe: Callable[..., torch.Tensor], oracle: Callable[..., Any], device: torch.device
) -> None:
    for dtype in ALL_DTYPES:
        x = torch.tensor([[3, 1, 2], [1, 1, 0]], device=device).to(dtype)
        _numpy_or_refused(recipe, oracle, x)
        _numpy_or_refused(recipe, oracle, x, axis=1)


def test_median_refuses_complex_by_name() -> None:
    with pytest.raises(TypeError, match=r"median: x of dtype torch\.complex64 is not supported"):
        median(torch.ones(2, dtype=torch.complex64))


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: sum([1, 2]), TypeError, r"sum: x must be a torch.Tensor, got list \[1, 2\]"),
        (
            lambda: sum(torch.ones(2, 3), axis=2),
            ValueError,
            r"sum: axis 2 is out of bounds for a tensor of 2 dimension\(s\)",
        ),
        (
            lambda: sum(torch.ones(2, 3), axis=(0, -2)),
            ValueError,
            r"sum: axis holds a repeated axis, got \(0, -2\)",
        ),
        (
            lambda: sum(torch.ones(2), dtype="int8"),
            TypeError,
            "sum: dtype must be a torch dtype NumPy shares, got str 'int8'",
        ),
        (
            lambda: sum(torch.ones(2), dtype=torch.bfloat16),
            TypeError,
            "sum: dtype must be a torch dtype NumPy shares, got dtype torch.bfloat16",
        ),
        (lambda: var(None), TypeError, "var: x must be a torch.Tensor, got NoneType None"),
        (
            lambda: var(torch.ones(2), axis=1),
            ValueError,
            r"var: axis 1 is out of bounds for a tensor of 1 dimension\(s\)",
        ),
        (
            lambda: var(torch.ones(2), ddof="1"),
            TypeError,
            "var: ddof must be an int or a float, got str '1'",
        ),
        (lambda: std((1.0,)), TypeError, r"std: x must be a torch.Tensor, got tuple \(1.0,\)"),
        (
            lambda: std(torch.ones(2), axis=0.5),
            TypeError,
            "std: axis must be a sequence of integers, got float 0.5",
        ),
        (
            lambda: std(torch.ones(2), ddof=True),
            TypeError,
            "std: ddof must be an int or a float, got bool True",
        ),
        (lambda: median(3), TypeError, "median: x must be a torch.Tensor, got int 3"),
        (
            lambda: median(torch.ones(2, 2), axis=(1, 1)),
            ValueError,
            r"median: axis holds a repeated axis, got \(1, 1\)",
        ),
        (
            lambda: median(torch.ones(2, dtype=torch.complex128)),
            TypeError,
            "median: x of dtype torch.complex128 is not supported on cpu",
        ),
        (lambda: argmax([0]), TypeError, r"argmax: x must be a torch.Tensor, got list \[0\]"),
        (
            lambda: argmax(torch.zeros(0)),
            ValueError,
            r"argmax: x of shape \(0,\) is empty: it has no maximum",
        ),
        (
            lambda: argmax(torch.zeros(2, 0), axis=1),
            ValueError,
            r"argmax: axis 1 of x \(shape \(2, 0\)\) is empty: it has no maximum",
        ),
        (
            lambda: argmax(torch.zeros(2), axis=(0,)),
            TypeError,
            r"argmax: axis must be an integer, got tuple \(0,\)",
        ),
        (
            lambda: argmin(torch.zeros(2), axis=-2),
            ValueError,
            r"argmin: axis -2 is out of bounds for a tensor of 1 dimension\(s\)",
        ),
        (
            lambda: argmin(torch.zeros(0, 3), axis=0),
            ValueError,
            r"argmin: axis 0 of x \(shape \(0, 3\)\) is empty: it has no minimum",
        ),
    ],
)
def test_bad_input(call: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()  # type: ignore[operator]
