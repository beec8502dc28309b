"""The transpose-and-permute family: properties and bad input."""

from __future__ import annotations

import pytest
import torch

from cookbook import chw_to_hwc, hwc_to_chw, inverse_permutation, moveaxis, permute
from cookbook.testing.checks import Check, checks_for


@pytest.mark.parametrize("check", checks_for("permute"), ids=str)
def test_property(check: Check, device: torch.device) -> None:
    check.run(device)


def test_round_trips(device: torch.device) -> None:
    x = torch.arange(24, device=device).view(2, 3, 4)
    dims = (2, 0, 1)
    assert torch.equal(permute(permute(x, dims), inverse_permutation(dims)), x)
    assert torch.equal(hwc_to_chw(chw_to_hwc(x)), x)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: inverse_permutation((0, 0)),
            ValueError,
            r"inverse_permutation: dims \(0, 0\) is not a permutation of range\(2\)",
        ),
        (lambda: inverse_permutation((0, 2)), ValueError, "not a permutation"),
        (lambda: inverse_permutation((0, -3)), ValueError, "not a permutation"),
        (lambda: inverse_permutation(3), TypeError, "dims must be a sequence"),
        (
            lambda: permute(torch.zeros(2, 3), (0,)),
            ValueError,
            r"permute: dims \(0,\) must hold 2 axes",
        ),
        (lambda: permute(torch.zeros(2, 3), (1, 1)), ValueError, "not a permutation"),
        (lambda: permute([[1]], (0, 1)), TypeError, "permute: x must be a torch.Tensor"),
        (
            lambda: moveaxis(torch.zeros(2, 3), 2, 0),
            ValueError,
            "moveaxis: source 2 is out of bounds for a tensor of 2",
        ),
        (lambda: moveaxis(torch.zeros(2, 3), 0, -3), ValueError, "destination -3 is out of bounds"),
        (
            lambda: moveaxis(torch.zeros(2, 3), (0, 0), (0, 1)),
            ValueError,
            r"source \(0, 0\) repeats an axis",
        ),
        (lambda: moveaxis(torch.zeros(2, 3), (0, 1), (0,)), ValueError, "differ in length"),
        (lambda: moveaxis(torch.zeros(2, 3), 0.0, 1), TypeError, "source must"),
        (lambda: moveaxis("x", 0, 1), TypeError, "moveaxis: x must be a torch.Tensor"),
        (
            lambda: chw_to_hwc(torch.zeros(3, 4)),
            ValueError,
            r"chw_to_hwc: x must have at least 3 dimensions, got shape \(3, 4\)",
        ),
        (lambda: chw_to_hwc(None), TypeError, "chw_to_hwc: x must be a torch.Tensor"),
        (lambda: hwc_to_chw(torch.zeros(4)), ValueError, r"got shape \(4,\)"),
        (lambda: hwc_to_chw(1), TypeError, "hwc_to_chw: x must be a torch.Tensor"),
    ],
)
def test_bad_input(call: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()  # type: ignore[operator]
