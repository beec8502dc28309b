"""The activations family: properties, extreme inputs, the notes' figure data, bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from cookbook import relu, sigmoid, softmax, softplus, tanh
from cookbook.testing.checks import Check, checks_for

EXTREMES = [-math.inf, -1e4, -1.0, -0.0, 0.0, 1.0, 1e4, math.inf, math.nan]


@pytest.mark.parametrize("check", checks_for("activations"), ids=str)
def test_property(check: Check, device: torch.device) -> None:
    check.run(device)


@pytest.mark.parametrize("dtype", [torch.float16, torch.float32, torch.float64])
def test_extremes_against_numpy_float64(dtype: torch.dtype, device: torch.device) -> None:
    x = torch.tensor(EXTREMES, dtype=dtype, device=device)
    a = np.array(EXTREMES)
    with np.errstate(all="ignore"):  # overflow in exp, NaN in logaddexp
        expected = {
            relu: np.maximum(a, 0),
            sigmoid: 1 / (1 + np.exp(-a)),
            tanh: np.tanh(a),
            softplus: np.logaddexp(0, a),
        }
    for recipe, values in expected.items():
        torch.testing.assert_close(
            recipe(x).cpu(), torch.from_numpy(values).to(dtype), equal_nan=True, msg=recipe.__name__
        )


def test_softplus_does_not_overflow_where_the_formula_does() -> None:
    with np.errstate(over="ignore"):
        assert np.isinf(np.log1p(np.exp(1e4)))  # the notes' formula, as written
    assert softplus(torch.tensor(1e4)).item() == 1e4
    assert softplus(torch.tensor(100.0)).item() == 100.0  # float32 exp(100) is inf
    assert softplus(torch.tensor(-1e4)).item() == 0.0


def test_softmax_rows_sum_to_one_for_large_inputs(device: torch.device) -> None:
    x = torch.tensor([[1e4, 1e4 - 1, 0.0], [-1e4, 3.0, 2.0]], device=device)
    p = softmax(x)
    assert torch.isfinite(p).all()
    torch.testing.assert_close(p.sum(-1), torch.ones(2, device=device))
    assert torch.isnan(torch.exp(x) / torch.exp(x).sum(-1, keepdim=True)).any()  # the naive one


def test_softmax_along_another_axis() -> None:
    x = torch.tensor([[0.0, 1.0], [0.0, 1.0]])
    torch.testing.assert_close(softmax(x, axis=0), torch.full((2, 2), 0.5))


def test_notes_figure_data() -> None:
    x = torch.linspace(-5, 5, 200)
    assert relu(x).min() == 0
    assert relu(x).max() == 5
    assert 0 < sigmoid(x).min() < sigmoid(x).max() < 1
    assert -1 < tanh(x).min() < tanh(x).max() < 1
    assert (softplus(x) > relu(x)).all()


def test_integer_input_gets_numpys_float_dtype() -> None:
    assert sigmoid(torch.tensor([1], dtype=torch.int8)).dtype == torch.float16
    assert tanh(torch.tensor([1], dtype=torch.int16)).dtype == torch.float32
    assert softplus(torch.tensor([1])).dtype == torch.float64
    assert relu(torch.tensor([True, False])).dtype == torch.int64


def test_relu_returns_positive_zero() -> None:
    assert torch.relu(torch.tensor(-0.0)).signbit()  # bare torch keeps the sign
    assert not relu(torch.tensor(-0.0)).signbit()


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: relu(np.zeros(2)), TypeError, "relu: x must be a torch.Tensor, got ndarray"),
        (
            lambda: relu(torch.zeros(2, dtype=torch.complex64)),
            TypeError,
            "relu: x must be real, got dtype torch.complex64",
        ),
        (lambda: sigmoid(1.0), TypeError, "sigmoid: x must be a torch.Tensor, got float 1.0"),
        (
            lambda: sigmoid(torch.zeros(2, dtype=torch.complex64)),
            TypeError,
            "sigmoid: x must be real",
        ),
        (lambda: tanh([0.0]), TypeError, "tanh: x must be a torch.Tensor"),
        (
            lambda: softplus(None),
            TypeError,
            "softplus: x must be a torch.Tensor, got NoneType None",
        ),
        (lambda: softmax((1.0, 2.0)), TypeError, "softmax: x must be a torch.Tensor"),
        (
            lambda: softmax(torch.zeros(2, 3), axis=2),
            ValueError,
            r"softmax: axis 2 is out of bounds for a tensor of 2 dimension\(s\)",
        ),
        (
            lambda: softmax(torch.zeros(3, 0)),
            ValueError,
            r"softmax: axis -1 of x \(shape \(3, 0\)\) is empty",
        ),
        (
            lambda: softmax(torch.zeros(2), axis=None),
            TypeError,
            "softmax: axis must be an integer, got NoneType None",
        ),
    ],
)
def test_bad_input(call: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()  # type: ignore[operator]
