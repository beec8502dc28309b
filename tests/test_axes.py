"""The transpose-and-permute family: properties and bad input."""

from __future__ import annotations

import re

import numpy as np
import pytest
import torch
from doubles import spy_on

from cookbook import axes, chw_to_hwc, hwc_to_chw, inverse_permutation, moveaxis, permute
from cookbook.testing.checks import Check, checks_for


@pytest.mark.parametrize("axis", [np.int64(0), np.array(0), torch.tensor(0)], ids=type)
def test_moveaxis_takes_a_0d_integer_axis_as_numpy_does(axis: object) -> None:
    x = torch.arange(24).reshape(2, 3, 4)
    got = moveaxis(x, axis, 2)
    expected = np.moveaxis(x.numpy(), axis, 2)
    assert got.shape == expected.shape
    assert torch.equal(got, torch.from_numpy(expected))


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


@pytest.mark.parametrize(
    "dims", [(2, 0, 1), (-1, 0, 1), (0, 1, 2), (1, -3, -1), (np.int64(2), 0, 1)]
)
def test_permute_fast_path_a_valid_tuple_never_reaches_the_validating_helper(
    monkeypatch: pytest.MonkeyPatch, dims: tuple[int, ...]
) -> None:
    calls = spy_on(monkeypatch, axes, "_permutation").args
    x = torch.arange(24).view(2, 3, 4)
    result = permute(x, dims)
    np.testing.assert_array_equal(result.numpy(), np.transpose(x.numpy(), dims))
    assert result.stride() == tuple(x.stride()[dim] for dim in dims)
    assert result.data_ptr() == x.data_ptr()  # a view
    assert calls == []  # the contract: a tuple torch accepts goes straight to torch


@pytest.mark.parametrize(
    "dims",
    [[2, 0, 1], np.array([2, 0, 1]), torch.Size([2, 0, 1])],
    ids=["list", "ndarray", "torch.Size"],
)
def test_permute_other_sequences_take_the_validating_path(
    monkeypatch: pytest.MonkeyPatch, dims: object
) -> None:
    calls = spy_on(monkeypatch, axes, "_permutation").args
    x = torch.arange(24).view(2, 3, 4)
    result = permute(x, dims)  # type: ignore[arg-type]
    np.testing.assert_array_equal(result.numpy(), np.transpose(x.numpy(), (2, 0, 1)))
    assert result.data_ptr() == x.data_ptr()
    assert len(calls) == 1


@pytest.mark.parametrize(
    ("dims", "message"),
    [
        ((1, 1), "permute: dims (1, 1) is not a permutation of range(2)"),
        ((0, 2), "permute: dims (0, 2) is not a permutation of range(2)"),
        ((0, -3), "permute: dims (0, -3) is not a permutation of range(2)"),
        ((0,), "permute: dims (0,) must hold 2 axes, one per dimension"),
    ],
)
def test_permute_a_tuple_torch_refuses_falls_back_to_name_the_fault(
    monkeypatch: pytest.MonkeyPatch, dims: tuple[int, ...], message: str
) -> None:
    calls = spy_on(monkeypatch, axes, "_permutation").args
    with pytest.raises(ValueError, match=re.escape(message) + "$"):
        permute(torch.zeros(2, 3), dims)
    assert len(calls) == 1


@pytest.mark.parametrize(
    ("source", "destination"),
    [(0, -1), (-1, 0), (1, 1), ((0, 1), (-1, -2)), ((2,), (0,)), ((), ())],
)
def test_moveaxis_fast_path_ints_and_tuples_never_reach_the_validating_helper(
    monkeypatch: pytest.MonkeyPatch,
    source: int | tuple[int, ...],
    destination: int | tuple[int, ...],
) -> None:
    calls = spy_on(monkeypatch, axes, "_axes").args
    x = torch.arange(24).view(2, 3, 4)
    result = moveaxis(x, source, destination)
    np.testing.assert_array_equal(result.numpy(), np.moveaxis(x.numpy(), source, destination))
    assert result.data_ptr() == x.data_ptr()  # a view
    assert calls == []  # the contract: ints and tuples torch accepts go straight to torch


@pytest.mark.parametrize(
    ("source", "destination"),
    [
        ([0], [2]),
        (0, [2]),
        ([0, 1], (2, 0)),
        (0, (2,)),  # torch.movedim refuses an int with a tuple; NumPy takes it
    ],
)
def test_moveaxis_other_axis_types_take_the_validating_path(
    monkeypatch: pytest.MonkeyPatch, source: object, destination: object
) -> None:
    calls = spy_on(monkeypatch, axes, "_axes").args
    x = torch.arange(24).view(2, 3, 4)
    result = moveaxis(x, source, destination)  # type: ignore[arg-type]
    np.testing.assert_array_equal(result.numpy(), np.moveaxis(x.numpy(), source, destination))
    assert result.data_ptr() == x.data_ptr()
    assert [call[2] for call in calls] == ["source", "destination"]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: moveaxis(torch.tensor(1.0), 0, 0),  # torch would take axis 0 of a 0-d tensor
            ValueError,
            "moveaxis: source 0 is out of bounds for a tensor of 0 dimension(s)",
        ),
        (
            lambda: moveaxis(torch.zeros(2, 3), 2, 0),
            ValueError,
            "moveaxis: source 2 is out of bounds for a tensor of 2 dimension(s)",
        ),
        (
            lambda: moveaxis(torch.zeros(2, 3), 0, -3),
            ValueError,
            "moveaxis: destination -3 is out of bounds for a tensor of 2 dimension(s)",
        ),
        (
            lambda: moveaxis(torch.zeros(2, 3), (0, 1), (1, -1)),
            ValueError,
            "moveaxis: destination (1, -1) repeats an axis",
        ),
        (
            lambda: moveaxis(torch.zeros(2, 3), (0, 1), (0,)),
            ValueError,
            "moveaxis: source (0, 1) and destination (0,) differ in length",
        ),
        (
            lambda: moveaxis(torch.zeros(2, 3), True, 0),
            TypeError,
            "moveaxis: source must be an integer, got bool True",
        ),
        (
            lambda: moveaxis(torch.zeros(2, 3), 0, (1.0,)),
            TypeError,
            "moveaxis: destination must hold integers, got tuple (1.0,)",
        ),
    ],
)
def test_moveaxis_calls_torch_refuses_reach_the_validating_helper(
    monkeypatch: pytest.MonkeyPatch,
    call: object,
    error: type[Exception],
    message: str,
) -> None:
    calls = spy_on(monkeypatch, axes, "_axes").args
    with pytest.raises(error, match=re.escape(message) + "$"):
        call()  # type: ignore[operator]
    assert calls


@pytest.mark.parametrize("dims", [(2, 0, 1), (-1, 0, 1), (1, 2, 0), (0, 1, 2), (-3, -1, -2)])
def test_inverse_permutation_is_numpy_argsort(dims: tuple[int, ...]) -> None:
    inverse = inverse_permutation(dims)
    assert inverse == tuple(int(i) for i in np.argsort(np.array(dims) % 3))
    x = torch.arange(24).view(2, 3, 4)
    assert torch.equal(permute(permute(x, dims), inverse), x)
