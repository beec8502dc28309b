"""The matmul family: properties against NumPy, the notes' examples, bad input."""

from __future__ import annotations

import numpy as np
import pytest
import torch
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
    summed: list[torch.device] = []

    def spy(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        summed.append(a.device)
        return _matmul_by_summation(a, b)

    monkeypatch.setattr(products, "_matmul_by_summation", spy)
    # The meta device computes shapes only: off the CPU, without a GPU.
    for device in ("cpu", "meta"):
        a = torch.ones(2, 3, dtype=torch.int32, device=device)
        b = torch.ones(3, 4, dtype=torch.int32, device=device)
        assert matmul(a, b).shape == (2, 4)
        assert numpy_dot(a, b).shape == (2, 4)
        assert matmul(a.float(), b.float()).shape == (2, 4)
        assert matmul(a.bool(), b.bool()).dtype == torch.bool
    assert summed == [torch.device("meta")] * 3  # int32 twice, bool once
