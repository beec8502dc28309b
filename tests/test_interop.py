"""The NumPy interop family: properties, the notes' examples, memory sharing, bad input."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from cookbook import from_numpy, to_numpy
from cookbook.testing.checks import Check, checks_for


@pytest.mark.parametrize("check", checks_for("interop"), ids=str)
def test_property(check: Check, device: torch.device) -> None:
    check.run(device)


def test_notes_round_trip_numpy_torch_numpy() -> None:
    a = np.arange(6).reshape(2, 3)
    back = to_numpy(from_numpy(a))
    assert back.dtype == a.dtype
    assert back.shape == (2, 3)
    assert np.array_equal(back, a)
    assert np.shares_memory(back, a)  # no copy anywhere on the CPU


def test_round_trip_from_any_device(device: torch.device) -> None:
    x = torch.arange(6.0, device=device).reshape(2, 3).requires_grad_()
    a = to_numpy(x * 2)  # (x * 2).numpy() raises: it requires grad (and may be on a GPU)
    assert np.array_equal(a, np.arange(6.0).reshape(2, 3) * 2)
    assert torch.equal(from_numpy(a).to(device), (x * 2).detach())


def test_to_numpy_shares_memory_on_cpu_both_ways() -> None:
    x = torch.zeros(2, 3)
    a = to_numpy(x)
    a[0, 1] = 5
    assert x[0, 1] == 5
    x[1, 2] = 7
    assert a[1, 2] == 7


def test_to_numpy_of_a_transposed_tensor_shares_its_layout() -> None:
    base = torch.arange(6).reshape(2, 3)
    x = base.t()
    a = to_numpy(x)
    assert np.shares_memory(a, to_numpy(base))
    assert np.array_equal(a, np.arange(6).reshape(2, 3).T)
    assert a.strides == tuple(s * x.element_size() for s in x.stride())


@pytest.mark.parametrize(
    ("make", "shares"),
    [
        (lambda a: a, True),
        (lambda a: a.T, True),
        (lambda a: a[:, ::2], True),
        (lambda a: a[::-1], False),
        (lambda a: a.astype(a.dtype.newbyteorder("S")), False),
        (lambda a: np.broadcast_to(a[0], (2, 4)), False),  # read-only
    ],
    ids=["plain", "transposed", "stepped", "reversed", "byte-swapped", "read-only"],
)
def test_from_numpy_shares_exactly_when_torch_can(make: object, shares: bool) -> None:
    a = make(np.arange(8, dtype=np.int32).reshape(2, 4))  # type: ignore[operator]
    t = from_numpy(a)  # no warning: pytest turns warnings into errors
    assert np.array_equal(t.numpy(), a)
    t[0, 0] = 100
    assert (a[0, 0] == 100) == shares


def test_from_numpy_copies_where_bare_torch_refuses() -> None:
    a = np.arange(4)
    with pytest.raises(ValueError, match="negative"):
        torch.from_numpy(a[::-1])
    with pytest.raises(ValueError, match="byte order"):
        torch.from_numpy(a.astype(">i8"))
    assert from_numpy(a[::-1]).tolist() == [3, 2, 1, 0]
    assert from_numpy(a.astype(">i8")).dtype == torch.int64


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: to_numpy(np.zeros(2)),
            TypeError,
            "to_numpy: x must be a torch.Tensor, got ndarray",
        ),
        (
            lambda: to_numpy(torch.zeros(2, dtype=torch.bfloat16)),
            TypeError,
            "to_numpy: x has dtype torch.bfloat16, which NumPy lacks",
        ),
        (
            lambda: from_numpy([1, 2]),
            TypeError,
            r"from_numpy: a must be a numpy.ndarray, got list \[1, 2\]",
        ),
        (
            lambda: from_numpy(torch.zeros(2)),
            TypeError,
            "from_numpy: a must be a numpy.ndarray, got Tensor",
        ),
        (
            lambda: from_numpy(np.array(["a"])),
            TypeError,
            "from_numpy: a has dtype <U1, which torch lacks",
        ),
    ],
)
def test_bad_input(call: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()  # type: ignore[operator]
