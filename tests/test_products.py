"""The matmul family: properties against NumPy, the notes' examples, bad input."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import torch
from doubles import spy_on
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from cookbook import matmul, matmul_shape, numpy_dot, products
from cookbook.products import _matmul_by_summation
from cookbook.testing import INTEGER_DTYPES, assert_matches_numpy, tensors
from cookbook.testing.checks import Check, checks_for


@pytest.mark.parametrize("check", checks_for("matmul"), ids=str)
def test_property(check: Check, device: torch.device) -> None:
    check.run(device)


def test_notes_2x3_by_3x2() -> None:
    a = torch.arange(1, 7).view(2, 3)
    b = torch.arange(7, 13).view(3, 2)
    assert matmul(a, b).tolist() == [[58, 64], [139, 154]]


def test_notes_batched() -> None:
    a = torch.arange(1, 13).view(2, 2, 3)
    b = torch.arange(13, 25).view(2, 3, 2)
    expected = [[[94, 100], [229, 244]], [[508, 532], [697, 730]]]
    assert matmul(a, b).tolist() == expected
    assert matmul_shape((2, 2, 3), (2, 3, 2)) == (2, 2, 2)


def test_notes_square_by_dot() -> None:
    m = torch.tensor([[1, 2], [3, 4]])
    assert numpy_dot(m, m).tolist() == [[7, 10], [15, 22]]
    with pytest.raises(RuntimeError):
        torch.dot(m, m)  # the trap the recipe exists for


def test_matmul_promotes_like_numpy(device: torch.device) -> None:
    a = torch.tensor([[1, 2]], device=device)
    b = torch.tensor([[0.5], [0.25]], dtype=torch.float32, device=device)
    assert matmul(a, b).dtype == torch.float64  # np.result_type(int64, float32)


def test_integer_matmul_is_exact_beyond_float_precision(device: torch.device) -> None:
    big = 2**40 + 1
    a = torch.tensor([[big, 1]], device=device)
    b = torch.tensor([[big], [1]], device=device)
    wrapped = (big * big + 1 + 2**63) % 2**64 - 2**63  # int64 arithmetic wraps, as in NumPy
    assert matmul(a, b).item() == wrapped


@pytest.mark.parametrize(
    ("a_shape", "b_shape", "message"),
    [
        ((2, 3), (4, 5), r"a_shape \(2, 3\) and b_shape \(4, 5\) disagree .*: 3 != 4"),
        ((), (3,), r"a_shape \(\) and b_shape \(3,\): matmul does not take 0-d"),
        ((3,), (), r"0-d operands"),
        ((2, 2, 3), (3, 3, 2), r"batch dimensions that do not broadcast: \(2,\) and \(3,\)"),
        ((2, -1), (3, 2), r"a_shape must not hold negative sizes, got \(2, -1\)"),
    ],
)
def test_matmul_shape_rejects(
    a_shape: tuple[int, ...], b_shape: tuple[int, ...], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        matmul_shape(a_shape, b_shape)


@pytest.mark.parametrize("bad", ["23", 3, (2.0, 3), None])
def test_matmul_shape_rejects_non_shapes(bad: object) -> None:
    with pytest.raises(TypeError, match="matmul_shape: a_shape must"):
        matmul_shape(bad, (3,))  # type: ignore[arg-type]


def test_matmul_rejects() -> None:
    with pytest.raises(TypeError, match=r"matmul: a must be a torch.Tensor, got list \[1, 2\]"):
        matmul([1, 2], torch.ones(2))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"matmul: b must be a torch\.Tensor"):
        matmul(torch.ones(2), 3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"a of shape \(2, 3\) and b of shape \(2, 3\) disagree"):
        matmul(torch.ones(2, 3), torch.ones(2, 3))
    with pytest.raises(ValueError, match="0-d"):
        matmul(torch.tensor(1.0), torch.ones(2))


def test_numpy_dot_rejects() -> None:
    with pytest.raises(TypeError, match=r"numpy_dot: a must be a torch\.Tensor"):
        numpy_dot(2, torch.ones(2))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"numpy_dot: b must be a torch\.Tensor"):
        numpy_dot(torch.ones(2), None)  # type: ignore[arg-type]
    with pytest.raises(
        ValueError,
        match=r"numpy_dot: a of shape \(2, 3\) and b of shape \(4, 2\) disagree .*3 != 4",
    ):
        numpy_dot(torch.ones(2, 3), torch.ones(4, 2))


# The exact integer path that CUDA and MPS take, run on the CPU: off the CPU it is
# the only integer matmul, so a CPU-only suite must reach it directly.
@given(
    data=st.data(),
    shapes=hnp.mutually_broadcastable_shapes(
        signature="(m?,n),(n,p?)->(m?,p?)", max_dims=2, max_side=3
    ),
    dtype=st.sampled_from(INTEGER_DTYPES),
)
def test_matmul_by_summation_equals_numpy(
    data: st.DataObject, shapes: hnp.BroadcastableShapes, dtype: torch.dtype
) -> None:
    a_shape, b_shape = shapes.input_shapes
    a = data.draw(tensors(dtype, a_shape), label="a")
    b = data.draw(tensors(dtype, b_shape), label="b")
    assert_matches_numpy(_matmul_by_summation(a, b), np.matmul(a.numpy(), b.numpy()))


def test_integer_matmul_sums_products_off_the_cpu_only(monkeypatch: pytest.MonkeyPatch) -> None:
    spy = spy_on(monkeypatch, products, "_matmul_by_summation")
    # The meta device computes shapes only: off the CPU, without a GPU.
    for device in ("cpu", "meta"):
        a = torch.ones(2, 3, dtype=torch.int32, device=device)
        b = torch.ones(3, 4, dtype=torch.int32, device=device)
        assert matmul(a, b).shape == (2, 4)
        assert numpy_dot(a, b).shape == (2, 4)
        assert matmul(a.float(), b.float()).shape == (2, 4)
        assert matmul(a.bool(), b.bool()).dtype == torch.bool
    summed_on = [left.device for left, _ in spy.args]
    assert summed_on == [torch.device("meta")] * 3  # int32 twice, bool once


def _operands(
    a_shape: tuple[int, ...], b_shape: tuple[int, ...], a_dtype: np.dtype, b_dtype: np.dtype
) -> tuple[np.ndarray, np.ndarray]:
    """Small integer values (exact in every dtype and in every sum here), as NumPy arrays."""
    a = (np.arange(math.prod(a_shape)) % 5 + 1).reshape(a_shape).astype(a_dtype)
    b = (np.arange(math.prod(b_shape)) % 7 + 1).reshape(b_shape).astype(b_dtype)
    return a, b


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: matmul_shape((2, 3, 4), (5, 6)),
            "matmul_shape: a_shape (2, 3, 4) and b_shape (5, 6) disagree on the contracted "
            "dimension: 4 != 5",
        ),
        (
            lambda: matmul_shape((3,), (4, 2)),
            "matmul_shape: a_shape (3,) and b_shape (4, 2) disagree on the contracted "
            "dimension: 3 != 4",
        ),
        (
            lambda: matmul_shape((2, 3), (4,)),
            "matmul_shape: a_shape (2, 3) and b_shape (4,) disagree on the contracted "
            "dimension: 3 != 4",
        ),
        (
            lambda: matmul_shape((2, 2, 3), (3, 3, 2)),
            "matmul_shape: a_shape (2, 2, 3) and b_shape (3, 3, 2) have batch dimensions "
            "that do not broadcast: (2,) and (3,)",
        ),
        (
            lambda: matmul(torch.ones(2, 3, 4), torch.ones(5, 6)),
            "matmul: a of shape (2, 3, 4) and b of shape (5, 6) disagree on the contracted "
            "dimension: 4 != 5",
        ),
        (
            lambda: numpy_dot(torch.ones(3), torch.ones(4, 2)),
            "numpy_dot: a of shape (3,) and b of shape (4, 2) disagree on the contracted "
            "dimension: 3 != 4",
        ),
        (
            lambda: numpy_dot(torch.ones(2, 3, 4), torch.ones(5, 6)),
            "numpy_dot: a of shape (2, 3, 4) and b of shape (5, 6) disagree on the contracted "
            "dimension: 4 != 5",
        ),
        (
            lambda: numpy_dot(torch.ones(2, 3), torch.ones(5, 4, 2)),
            "numpy_dot: a of shape (2, 3) and b of shape (5, 4, 2) disagree on the contracted "
            "dimension: 3 != 4",
        ),
    ],
)
def test_contracted_dimension_messages_name_the_last_axis_of_a(
    call: Callable[[], object], message: str
) -> None:
    # a of one or three dimensions: the contracted size is a's last, not its second.
    with pytest.raises(ValueError, match=re.escape(message) + "$"):
        call()


# np.dot takes any ranks; beyond 2-D it is not np.matmul ((2, 3) . (5, 3, 4) is (2, 5, 4)).
DOT_SHAPES = [
    ((3,), (3,)),
    ((2, 3), (3,)),
    ((3,), (3, 4)),
    ((2, 3), (3, 4)),
    ((2, 2, 3), (3,)),
    ((2, 2, 3), (3, 4)),
    ((3,), (5, 3, 4)),
    ((2, 3), (5, 3, 4)),
    ((1, 3), (5, 3, 1)),
    ((2, 2, 3), (5, 3, 4)),
    ((2, 0), (5, 0, 4)),
]


@pytest.mark.parametrize(("a_shape", "b_shape"), DOT_SHAPES, ids=str)
@pytest.mark.parametrize(
    "dtype", [np.float32, np.int64, np.complex128], ids=lambda dtype: np.dtype(dtype).name
)
def test_numpy_dot_of_one_dtype_equals_np_dot_for_every_rank(
    a_shape: tuple[int, ...], b_shape: tuple[int, ...], dtype: type
) -> None:
    a, b = _operands(a_shape, b_shape, np.dtype(dtype), np.dtype(dtype))
    assert_matches_numpy(numpy_dot(torch.from_numpy(a), torch.from_numpy(b)), np.dot(a, b))


@pytest.mark.parametrize(
    ("a_dtype", "b_dtype"),
    [
        (np.uint16, np.uint16),
        (np.uint32, np.uint32),
        (np.uint64, np.uint64),
        (np.uint64, np.int64),  # float64 in NumPy 2
        (np.uint32, np.int8),  # int64
        (np.uint16, np.float16),  # float32
        (np.int64, np.float32),  # float64
        (np.bool_, np.bool_),
        (np.bool_, np.uint8),
        (np.int32, np.complex64),  # complex128
    ],
    ids=lambda dtype: np.dtype(dtype).name,
)
@pytest.mark.parametrize(
    ("a_shape", "b_shape"), [((2, 3), (3, 4)), ((2, 2, 3), (5, 3, 4))], ids=str
)
def test_products_take_numpy_2_result_dtypes(
    a_dtype: type, b_dtype: type, a_shape: tuple[int, ...], b_shape: tuple[int, ...]
) -> None:
    a, b = _operands(a_shape, b_shape, np.dtype(a_dtype), np.dtype(b_dtype))
    ta, tb = torch.from_numpy(a), torch.from_numpy(b)
    assert_matches_numpy(numpy_dot(ta, tb), np.dot(a, b))
    if len(a_shape) == len(b_shape) == 2:
        assert_matches_numpy(matmul(ta, tb), np.matmul(a, b))


def test_matmul_of_mixed_dtypes_promotes_off_the_cpu_too() -> None:
    # On the meta device bare torch.matmul accepts mixed dtypes and keeps a's: the
    # recipe must not hand it mixed operands, anywhere.
    a = torch.ones(2, 3, device="meta")
    assert matmul(a, a.T.double()).dtype == torch.float64
    assert matmul(a.long(), a.T).dtype == torch.float64
    assert matmul(a.int(), a.T.long()).dtype == torch.int64
    assert numpy_dot(a, a.T.double()).dtype == torch.float64


def _general_path_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        raise AssertionError(f"general path taken for {a.dtype} and {b.dtype} on {a.device}")

    monkeypatch.setattr(products, "_matmul_same_dtype", refuse)


def _general_path_spied(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """The arguments of each call that reaches the general path."""
    return spy_on(monkeypatch, products, "_matmul_same_dtype").args


FAST_DTYPES = [torch.float32, torch.float64, torch.complex64, torch.int64, torch.int32]


UP_TO_2D = [((2, 3), (3, 4)), ((3,), (3,)), ((3,), (3, 4)), ((2, 3), (3,))]
# np.dot beyond 2-D is not np.matmul: only matmul takes the bare op there.
FAST_CALLS = [(matmul, np.matmul, *shapes) for shapes in [*UP_TO_2D, ((2, 2, 3), (2, 3, 4))]] + [
    (numpy_dot, np.dot, *shapes) for shapes in UP_TO_2D
]


@pytest.mark.parametrize("dtype", FAST_DTYPES, ids=str)
@pytest.mark.parametrize(
    ("recipe", "oracle", "a_shape", "b_shape"),
    FAST_CALLS,
    ids=[f"{recipe.__name__}-{a}-{b}" for recipe, _, a, b in FAST_CALLS],
)
def test_fast_path_of_one_dtype_is_bare_torch_matmul(
    monkeypatch: pytest.MonkeyPatch,
    dtype: torch.dtype,
    recipe: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
    oracle: Callable[[np.ndarray, np.ndarray], np.ndarray],
    a_shape: tuple[int, ...],
    b_shape: tuple[int, ...],
) -> None:
    # The common call (one floating or complex dtype, or a CPU integer kernel) does
    # not pay for validation and promotion: the general path is never reached.
    a = (torch.arange(math.prod(a_shape)) % 5).reshape(a_shape).to(dtype)
    b = (torch.arange(math.prod(b_shape)) % 7).reshape(b_shape).to(dtype)
    expected = oracle(a.numpy(), b.numpy())
    _general_path_refused(monkeypatch)
    assert_matches_numpy(recipe(a, b), expected)


def test_fast_path_floating_matmul_off_the_cpu_is_bare_torch_matmul(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The meta device stands in for CUDA and MPS: floats need no integer kernel.
    _general_path_refused(monkeypatch)
    for dtype in (torch.float32, torch.float16, torch.complex64):
        a = torch.ones(2, 3, dtype=dtype, device="meta")
        assert matmul(a, a.T).shape == (2, 2)
        assert numpy_dot(a, a.T).dtype == dtype


@pytest.mark.parametrize(
    ("a", "b", "dtype"),
    [
        (torch.ones(2, 3), torch.ones(3, 4, dtype=torch.float64), torch.float64),
        (torch.ones(2, 3, dtype=torch.bool), torch.ones(3, 4, dtype=torch.bool), torch.bool),
        (
            torch.ones(2, 3, dtype=torch.uint32),
            torch.ones(3, 4, dtype=torch.uint32),
            torch.uint32,
        ),
        (
            torch.ones(2, 3, dtype=torch.int32, device="meta"),
            torch.ones(3, 4, dtype=torch.int32, device="meta"),
            torch.int32,
        ),
    ],
    ids=["mixed", "bool", "uint32", "int32-off-cpu"],
)
def test_general_path_takes_what_bare_matmul_gets_wrong(
    monkeypatch: pytest.MonkeyPatch, a: torch.Tensor, b: torch.Tensor, dtype: torch.dtype
) -> None:
    # Mixed dtypes, bool, uint16-64 and integers without a kernel are promoted and
    # computed by the general path, which first sees NumPy's result dtype.
    reached = _general_path_spied(monkeypatch)
    assert matmul(a, b).dtype == dtype
    assert reached[0][0].dtype == dtype
    reached.clear()
    assert numpy_dot(a, b).dtype == dtype
    assert reached[0][0].dtype == dtype


@pytest.mark.parametrize(
    ("a_shape", "b_shape"),
    [((2, 2, 3), (3,)), ((2, 2, 3), (3, 4)), ((2, 3), (5, 3, 4))],
    ids=str,
)
def test_general_path_computes_numpy_dot_beyond_2d(
    monkeypatch: pytest.MonkeyPatch, a_shape: tuple[int, ...], b_shape: tuple[int, ...]
) -> None:
    # Up to 2-D np.dot is np.matmul and takes the bare op; beyond, the recipe flattens.
    a, b = _operands(a_shape, b_shape, np.dtype(np.float64), np.dtype(np.float64))
    reached = _general_path_spied(monkeypatch)
    assert_matches_numpy(numpy_dot(torch.from_numpy(a), torch.from_numpy(b)), np.dot(a, b))
    assert [left.dtype for left, _ in reached] == [torch.float64]


def test_floating_products_never_sum_by_broadcasting_off_the_cpu(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The broadcast summation holds every product at once (n * k * m elements); off
    # the CPU floating and complex products still go to torch.matmul.
    def refuse(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        raise AssertionError(f"summed {a.dtype} products on {a.device}")

    monkeypatch.setattr(products, "_matmul_by_summation", refuse)
    a = torch.ones(2, 3, device="meta")
    assert matmul(a, a.T.double()).shape == (2, 2)
    assert matmul(a.half(), a.T.cfloat()).dtype == torch.complex64
    assert numpy_dot(a.expand(4, 2, 3), a.T).shape == (4, 2, 2)
    assert numpy_dot(a.cfloat().expand(4, 2, 3), a.T.cfloat()).dtype == torch.complex64
