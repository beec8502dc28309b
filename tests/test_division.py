"""The division family: properties against NumPy, the traps, every dtype, bad input."""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import torch

from cookbook import floor_divide, fmod, remainder, result_type
from cookbook._dtypes import NUMPY_TO_TORCH, TORCH_TO_NUMPY
from cookbook.testing import ALL_DTYPES, COMPLEX_DTYPES, assert_matches_numpy
from cookbook.testing.checks import Check, checks_for

RECIPES: list[tuple[Callable[..., torch.Tensor], Callable[..., Any]]] = [
    (floor_divide, np.floor_divide),
    (remainder, np.remainder),
    (fmod, np.fmod),
]
WEAK: tuple[bool | int | float | complex, ...] = (True, 1, 1.5, 1j)


@pytest.mark.parametrize("check", checks_for("division"), ids=str)
def test_property(check: Check, device: torch.device) -> None:
    check.run(device)


def _numpy_result_type(*operands: Any) -> torch.dtype:
    return NUMPY_TO_TORCH[
        np.result_type(
            *(TORCH_TO_NUMPY.get(op, op) if isinstance(op, torch.dtype) else op for op in operands)
        )
    ]


def test_result_type_equals_numpy_on_every_pair_and_triple() -> None:
    operands = (*ALL_DTYPES, *WEAK)
    for count in (1, 2, 3):
        for chosen in itertools.product(operands, repeat=count):
            assert result_type(*chosen) == _numpy_result_type(*chosen), chosen


def test_result_type_of_two_tensors_equals_numpy_on_every_pair() -> None:
    """The common call, two tensors, takes a table: 0-d and 1-d tensors of every dtype."""
    tensors = [torch.zeros(shape, dtype=dtype) for dtype in ALL_DTYPES for shape in ((), (2,))]
    for a, b in itertools.product(tensors, repeat=2):
        assert result_type(a, b) == _numpy_result_type(a.numpy(), b.numpy()), (a, b)


def test_result_type_is_not_a_pairwise_fold() -> None:
    three = (torch.uint8, torch.int8, torch.float16)
    assert result_type(*three) == torch.float16 == _numpy_result_type(*three)
    assert result_type(result_type(torch.uint8, torch.int8), torch.float16) == torch.float32


def test_a_zero_d_tensor_is_strong_where_bare_torch_makes_it_weak() -> None:
    x, zero_d = torch.tensor([1, 2], dtype=torch.int8), torch.tensor(1)
    assert torch.result_type(x, zero_d) == torch.int8
    assert (x + zero_d).dtype == torch.int8
    assert result_type(x, zero_d) == torch.int64 == _numpy_result_type(x.numpy(), zero_d.numpy())
    assert floor_divide(x, zero_d).dtype == torch.int64


@pytest.mark.parametrize("weak", WEAK, ids=lambda w: type(w).__name__)
def test_result_type_follows_torch_for_bfloat16(weak: bool | int | float | complex) -> None:
    bfloat = torch.ones((), dtype=torch.bfloat16)
    assert result_type(bfloat, weak) == torch.result_type(bfloat, weak)
    for other in ALL_DTYPES:
        strong = torch.ones(1, dtype=other)
        assert result_type(bfloat, other, weak) == torch.result_type(
            bfloat.expand(1) + strong, weak
        )


def _values(dtype: torch.dtype) -> torch.Tensor:
    """Zeros, ones, -1, the extremes and a spread, 16 of them: enough for vectorised loops."""
    numpy_dtype = TORCH_TO_NUMPY[dtype]
    if numpy_dtype.kind == "b":
        return torch.tensor([False, True] * 8)
    if numpy_dtype.kind in "iu":
        info = np.iinfo(numpy_dtype)
        picked = [0, 1, 2, 3, 7, info.max, info.max - 1, info.max // 3]
        if info.min < 0:
            picked += [-1, -2, -7, info.min, info.min + 1, info.min // 3, -3, 5]
        else:
            picked += [5, 6, info.max // 2, info.max // 2 + 1, 4, 8, 9, 10]
        return torch.from_numpy(np.array(picked, dtype=numpy_dtype))
    finfo = np.finfo(numpy_dtype) if numpy_dtype.kind == "f" else np.finfo(np.float32)
    tiny = finfo.smallest_subnormal
    special = [0.0, -0.0, 1.0, -1.0, np.inf, -np.inf, np.nan, 2.5]
    picked_floats = [*special, -7.0, finfo.max, tiny, -tiny, 3.0, -0.5, 1e-3, 7.0]
    values = np.array(picked_floats, dtype=numpy_dtype)
    if numpy_dtype.kind == "c":
        values.imag = values.real[::-1]
    return torch.from_numpy(values)


@pytest.mark.parametrize(("recipe", "oracle"), RECIPES, ids=lambda r: getattr(r, "__name__", ""))
@pytest.mark.parametrize("dtype", ALL_DTYPES, ids=str)
def test_every_dtype_matches_numpy_or_raises_type_error(
    recipe: Callable[..., torch.Tensor], oracle: Callable[..., Any], dtype: torch.dtype
) -> None:
    a = _values(dtype)
    b = a.roll(3)  # every value against others, zeros included
    a, b = a.repeat_interleave(16), b.repeat(16)
    with np.errstate(all="ignore"):
        try:
            expected = oracle(a.numpy(), b.numpy())
        except TypeError:
            assert dtype in COMPLEX_DTYPES
            with pytest.raises(TypeError, match="complex operands are not supported"):
                recipe(a, b)
            return
    assert_matches_numpy(recipe(a, b), expected)


def test_integer_division_by_zero_raises_in_bare_torch_and_gives_zero_here() -> None:
    x, zero = torch.tensor([7, -7]), torch.tensor([0, 0])
    for bare in (torch.floor_divide, torch.remainder, torch.fmod):
        with pytest.raises(RuntimeError, match="ZeroDivisionError"):
            bare(x, zero)
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        x // 0
    for recipe, oracle in RECIPES:
        with np.errstate(all="ignore"):
            assert_matches_numpy(recipe(x, zero), oracle(x.numpy(), zero.numpy()))
        assert recipe(x, zero).tolist() == [0, 0]


@pytest.mark.parametrize("dtype", [torch.int8, torch.int16, torch.int32, torch.int64], ids=str)
def test_the_most_negative_integer_over_minus_one_wraps_as_in_numpy(dtype: torch.dtype) -> None:
    lowest = torch.iinfo(dtype).min
    x, minus_one = torch.tensor([lowest, lowest + 1], dtype=dtype), torch.tensor(-1, dtype=dtype)
    with np.errstate(all="ignore"):
        for recipe, oracle in RECIPES:
            assert_matches_numpy(recipe(x, minus_one), oracle(x.numpy(), minus_one.numpy()))
    assert floor_divide(x, -1).tolist() == [lowest, -(lowest + 1)]


def test_uint64_above_two_to_the_63() -> None:
    top = 2**64 - 1
    picked = [top, top - 1, 2**63, 2**63 + 1, 2**63 - 1, 3, 0, 1, 2**32 + 5, top // 3]
    a = torch.tensor(picked, dtype=torch.uint64).repeat_interleave(len(picked))
    b = torch.tensor(picked, dtype=torch.uint64).repeat(len(picked))
    with np.errstate(all="ignore"):
        for recipe, oracle in RECIPES:
            assert_matches_numpy(recipe(a, b), oracle(a.numpy(), b.numpy()))
            assert_matches_numpy(recipe(a, 2**63 + 3), oracle(a.numpy(), 2**63 + 3))


def test_remainder_zero_takes_the_divisor_sign_where_bare_torch_does_not() -> None:
    x = torch.tensor([0.0, 1.0, 2.0])
    assert not torch.remainder(x, -1.0).signbit().any()
    assert remainder(x, -1.0).signbit().all()
    assert_matches_numpy(remainder(x, -1.0), np.remainder(x.numpy(), -1.0))


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=str)
def test_remainder_zero_of_a_negative_dividend_is_positive_for_a_positive_divisor(
    dtype: torch.dtype,
) -> None:
    """Every other result is positive: only the zeros tell the two results apart."""
    a = torch.tensor([-2.0, 3.0, -1.5, 0.5] * 4, dtype=dtype)
    b = torch.tensor([1.0, 2.0, 1.0, 0.25] * 4, dtype=dtype)
    assert torch.remainder(a, b).signbit().any()
    assert not remainder(a, b).signbit().any()
    assert_matches_numpy(remainder(a, b), np.remainder(a.numpy(), b.numpy()))


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=str)
def test_exact_where_the_quotient_overflows_and_bare_torch_gives_nan(dtype: torch.dtype) -> None:
    numpy_dtype = TORCH_TO_NUMPY[dtype]
    finfo = np.finfo(numpy_dtype)
    rng = np.random.default_rng(0)
    big = rng.uniform(0.5, 1.0, 64).astype(numpy_dtype) * finfo.max
    tiny = finfo.smallest_subnormal * rng.integers(1, 9, 64).astype(numpy_dtype)
    sign = np.where(rng.random(64) < 0.5, -1, 1).astype(numpy_dtype)
    a, b = torch.from_numpy(big * sign), torch.from_numpy(tiny)
    assert torch.fmod(a, b).isnan().any()
    assert torch.remainder(a, b).isnan().any()
    for recipe, oracle in RECIPES:
        with np.errstate(all="ignore"):
            expected = oracle(a.numpy(), b.numpy())
        assert_matches_numpy(recipe(a, b), expected)


def test_float16_scalars_are_rounded_once_as_numpy_rounds_them() -> None:
    x = torch.tensor([4.0, 5.0, -3.0], dtype=torch.float16)
    just_above_a_tie = 1 + 2**-11 + 2**-40  # float32 first would make it a tie, then 1.0
    assert torch.tensor(just_above_a_tie, dtype=torch.float64).half().item() == 1.0
    for recipe, oracle in RECIPES:
        assert_matches_numpy(recipe(x, just_above_a_tie), oracle(x.numpy(), just_above_a_tie))
    bfloat = torch.tensor([3.0], dtype=torch.bfloat16)
    above_a_bfloat16_tie = 1 + 2**-8 + 2**-40  # rounds up to 1 + 2**-7
    assert fmod(bfloat, above_a_bfloat16_tie).item() == 3.0 - 2 * (1 + 2**-7)


@pytest.mark.parametrize("dtype", [torch.float16, torch.float32, torch.float64], ids=str)
def test_the_paths_a_compiled_graph_takes_match_numpy(
    dtype: torch.dtype, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Compiled, the recipes compute exactly everywhere instead of repairing a few elements."""
    numpy_dtype = TORCH_TO_NUMPY[dtype]
    bits = np.dtype(f"u{numpy_dtype.itemsize}")
    rng = np.random.default_rng(1)
    a, b = rng.integers(0, np.iinfo(bits).max, (2, 4096), dtype=bits, endpoint=True).view(
        numpy_dtype
    )
    a[:64], b[:64] = 1.0, np.arange(1, 65, dtype=numpy_dtype) / 10  # 1.0 // 0.1 is 9.0
    b[64:128] = np.finfo(numpy_dtype).smallest_subnormal * rng.integers(1, 9, 64)
    b[128:192] = rng.integers(-3, 4, 64)
    monkeypatch.setattr(torch.compiler, "is_compiling", lambda: True)
    for recipe, oracle in RECIPES:
        with np.errstate(all="ignore"):
            expected = oracle(a, b)
        assert_matches_numpy(recipe(torch.from_numpy(a), torch.from_numpy(b)), expected)


def test_compiles_fullgraph() -> None:
    def divide_both(*args: Any) -> tuple[torch.Tensor, ...]:
        floats, integers = args[:2], args[2:]
        return tuple(recipe(*operands) for operands in (floats, integers) for recipe, _ in RECIPES)

    compiled = torch.compile(divide_both, fullgraph=True, backend="eager")
    finfo = torch.finfo(torch.float64)
    a = torch.tensor([finfo.max, -7.0, 0.0, 5.0] * 4, dtype=torch.float64)
    b = torch.tensor([5e-324, 2.0, -1.0, 0.0] * 4, dtype=torch.float64)
    i = torch.tensor([7, -7, -(2**63), 0])
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")  # NumPy's warnings of overflow and of division by zero
        got = compiled(a, b, i, -1)
        expected = [
            oracle(*operands)
            for operands in ((a.numpy(), b.numpy()), (i.numpy(), -1))
            for _, oracle in RECIPES
        ]
    assert_matches_numpy(got, expected)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: floor_divide(7, 2),
            TypeError,
            "floor_divide: a or b must be a torch.Tensor, got int 7 and int 2",
        ),
        (
            lambda: floor_divide([7], torch.ones(1)),
            TypeError,
            r"floor_divide: a must be a torch.Tensor or a Python bool, int, float or complex, "
            r"got list \[7\]",
        ),
        (
            lambda: floor_divide(torch.ones(1), np.float64(2.0)),
            TypeError,
            r"floor_divide: b must be a torch.Tensor or a Python bool, int, float or complex, "
            r"got float64 np.float64\(2.0\)",
        ),
        (
            lambda: floor_divide(torch.ones(2), torch.ones(3)),
            ValueError,
            r"floor_divide: a of shape \(2,\) and b of shape \(3,\) cannot be broadcast together",
        ),
        (
            lambda: floor_divide(torch.ones(1, dtype=torch.complex64), 2),
            TypeError,
            r"floor_divide: complex operands are not supported, as in NumPy; got Tensor of "
            r"shape \(1,\) and dtype torch.complex64 and int 2",
        ),
        (
            lambda: remainder(torch.ones(1), 1j),
            TypeError,
            r"remainder: complex operands are not supported, as in NumPy; got Tensor of "
            r"shape \(1,\) and dtype torch.float32 and complex 1j",
        ),
        (
            lambda: remainder(torch.ones(1, dtype=torch.int8), 1000),
            OverflowError,
            "remainder: b 1000 is out of bounds for torch.int8",
        ),
        (
            lambda: remainder(-1, torch.ones(1, dtype=torch.uint8)),
            OverflowError,
            "remainder: a -1 is out of bounds for torch.uint8",
        ),
        (
            lambda: fmod(torch.ones(1), 10**400),
            OverflowError,
            "fmod: b 1000000000000000000000.* is too large for a float",
        ),
        (
            lambda: fmod(torch.ones(1), torch.ones(1, device="meta")),
            ValueError,
            "fmod: a is on cpu but b is on meta",
        ),
        (
            lambda: fmod(torch.ones(1, dtype=torch.float8_e4m3fn), 1.0),
            TypeError,
            "fmod: a of dtype torch.float8_e4m3fn is not supported on cpu",
        ),
        (lambda: result_type(), ValueError, "result_type: at least one operand is required"),
        (
            lambda: result_type(torch.ones(1), "float32"),
            TypeError,
            r"result_type: operands\[1\] must be a torch.Tensor, a torch.dtype or a Python "
            r"bool, int, float or complex, got str 'float32'",
        ),
        (
            lambda: result_type(torch.float8_e4m3fn, torch.float8_e5m2),
            TypeError,
            "result_type: Promotion for Float8 Types is not supported",
        ),
    ],
)
def test_bad_input(call: Callable[[], object], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()
