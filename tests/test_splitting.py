"""The splitting-and-padding family: properties against NumPy, the traps, bad input."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from cookbook import flip
from cookbook.testing.checks import Check, checks_for


@pytest.mark.parametrize("check", checks_for("splitting"), ids=str)
def test_property(check: Check, device: torch.device) -> None:
    check.run(device)


def test_flip_copies_where_numpy_returns_a_view() -> None:
    a = np.arange(3)
    assert np.shares_memory(np.flip(a), a)
    x = torch.arange(3)
    assert flip(x).untyped_storage().data_ptr() != x.untyped_storage().data_ptr()


def test_flip_handles_wide_unsigned_where_bare_torch_raises() -> None:
    x = torch.tensor([1, 2, 2**16 - 1], dtype=torch.uint16)
    with pytest.raises(NotImplementedError, match="UInt16"):
        torch.flip(x, (0,))
    assert flip(x).tolist() == [2**16 - 1, 2, 1]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: flip([1, 2]), TypeError, "flip: x must be a torch.Tensor, got list"),
        (
            lambda: flip(torch.ones(2), 1),
            ValueError,
            "flip: axis 1 is out of bounds for a tensor of 1 dimension",
        ),
        (
            lambda: flip(torch.ones(2, 2), (0, -2)),
            ValueError,
            r"flip: axis holds a repeated axis, got \(0, -2\)",
        ),
        (
            lambda: flip(torch.ones(2), 0.5),
            TypeError,
            "flip: axis must be a sequence of integers, got float 0.5",
        ),
    ],
)
def test_bad_input(call: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()  # type: ignore[operator]
