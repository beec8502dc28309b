"""The gradients family: properties, the notes' example, x left alone, bad input."""

from __future__ import annotations

import pytest
import torch

from cookbook import mean, value_and_grad
from cookbook.testing.checks import Check, checks_for


@pytest.mark.parametrize("check", checks_for("gradients"), ids=str)
def test_property(check: Check, device: torch.device) -> None:
    check.run(device)


def test_notes_mean_of_squares(device: torch.device) -> None:
    x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], device=device)
    value, grad = value_and_grad(lambda v: mean(v * v), x)
    assert value.item() == 7.5
    assert grad.tolist() == [[0.5, 1.0], [1.5, 2.0]]
    assert not x.requires_grad
    assert x.grad is None


def test_the_notes_route_changes_x_and_accumulates() -> None:
    x = torch.tensor([1.0, 2.0])
    x.requires_grad_()
    for _ in range(2):
        (x * x).sum().backward()
    assert x.grad is not None
    assert x.grad.tolist() == [4.0, 8.0]  # 2x, twice
    _value, grad = value_and_grad(lambda v: (v * v).sum(), x)
    assert grad.tolist() == [2.0, 4.0]
    assert x.grad.tolist() == [4.0, 8.0]  # untouched
    assert x.requires_grad


def test_works_under_no_grad() -> None:
    x = torch.tensor([0.0, 1.0])
    with torch.no_grad():
        _, grad = value_and_grad(lambda v: v.sin().sum(), x)
    torch.testing.assert_close(grad, torch.cos(x))


def test_a_function_of_nothing_has_zero_gradient() -> None:
    value, grad = value_and_grad(lambda v: torch.tensor(3.0), torch.ones(2, 2))
    assert value.item() == 3.0
    assert torch.equal(grad, torch.zeros(2, 2))


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: value_and_grad(lambda v: v * 2, torch.ones(3)),
            ValueError,
            r"value_and_grad: f\(x\) must be a scalar \(a 0-d tensor\), got shape \(3,\)",
        ),
        (
            lambda: value_and_grad(lambda v: 1.0, torch.ones(3)),
            TypeError,
            "value_and_grad: f must return a tensor, got float 1.0",
        ),
        (
            lambda: value_and_grad("mean", torch.ones(3)),
            TypeError,
            "value_and_grad: f must be callable, got str 'mean'",
        ),
        (
            lambda: value_and_grad(torch.sum, [1.0, 2.0]),
            TypeError,
            "value_and_grad: x must be a torch.Tensor",
        ),
        (
            lambda: value_and_grad(torch.sum, torch.ones(3, dtype=torch.int64)),
            TypeError,
            "value_and_grad: x must be a floating-point or complex tensor, got dtype torch.int64",
        ),
    ],
)
def test_bad_input(call: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()  # type: ignore[operator]
