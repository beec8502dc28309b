"""The maths family: properties, the notes' examples, bad input."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from cookbook import mean, numpy_dot
from cookbook.testing.checks import Check, checks_for


@pytest.mark.parametrize("check", checks_for("maths"), ids=str)
def test_property(check: Check, device: torch.device) -> None:
    check.run(device)


def test_notes_abs_sin_mean(device: torch.device) -> None:
    x = torch.tensor([-1, -2, 1, 2], device=device)
    assert x.abs().tolist() == [1, 2, 1, 2]
    torch.testing.assert_close(
        torch.sin(x.double()).cpu(),
        torch.tensor([-0.84147098, -0.90929743, 0.84147098, 0.90929743], dtype=torch.float64),
    )
    with pytest.raises(RuntimeError):
        x.mean()  # bare torch refuses an integer mean
    result = mean(x)
    assert result.dtype == torch.float64
    assert result.item() == 0.0 == np.mean(x.cpu().numpy())


def test_torch_dot_of_2d_raises_where_numpy_dot_does_not() -> None:
    m = torch.tensor([[1, 2], [3, 4]])
    with pytest.raises(RuntimeError, match="1D tensors"):
        torch.dot(m, m)
    assert numpy_dot(m, m).tolist() == [[7, 10], [15, 22]]


def test_integer_and_bool_means_are_float64_as_in_numpy() -> None:
    x = torch.tensor([[1, 2], [3, 4]], dtype=torch.int8)
    assert mean(x, axis=1).tolist() == [1.5, 3.5]
    assert mean(x, axis=1).dtype == torch.float64
    assert mean(torch.tensor([True, False, True, True])).item() == 0.75


def test_axis_empty_tuple_reduces_nothing() -> None:
    x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
    assert torch.equal(mean(x, axis=()), x)  # torch's x.mean(dim=()) averages everything
    assert mean(x, axis=()) is not x
    assert mean(x, axis=(0, 1)).item() == 2.5


def test_mean_of_nothing_is_nan() -> None:
    assert mean(torch.zeros(0, dtype=torch.int64)).isnan()
    assert mean(torch.zeros(0, 3), axis=0).isnan().all()


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: mean([1, 2]), TypeError, r"mean: x must be a torch.Tensor, got list \[1, 2\]"),
        (
            lambda: mean(torch.ones(2, 3), axis=2),
            ValueError,
            r"mean: axis 2 is out of bounds for a tensor of 2 dimension\(s\)",
        ),
        (
            lambda: mean(torch.ones(2, 3), axis=(0, -2)),
            ValueError,
            r"mean: axis holds a repeated axis, got \(0, -2\)",
        ),
        (
            lambda: mean(torch.ones(2), axis=0.5),
            TypeError,
            "mean: axis must be a sequence of integers, got float 0.5",
        ),
        (
            lambda: mean(torch.ones(2), axis=True),
            TypeError,
            "mean: axis must be an integer, got bool True",
        ),
    ],
)
def test_bad_input(call: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()  # type: ignore[operator]
