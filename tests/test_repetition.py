"""The repeat family: properties against NumPy, the notes' examples, bad input."""

from __future__ import annotations

import pytest
import torch

from cookbook import broadcast_to, repeat_elements, tile
from cookbook.testing.checks import Check, checks_for


@pytest.mark.parametrize("check", checks_for("repeat"), ids=str)
def test_property(check: Check, device: torch.device) -> None:
    check.run(device)


def test_notes_repeat_is_tile() -> None:
    x = torch.tensor([1, 2, 3])
    assert tile(x, (4, 2)).shape == (4, 6)
    assert tile(x, (4, 2, 1)).shape == (4, 2, 3)
    assert torch.equal(tile(x, (4, 2)), x.repeat(4, 2))
    assert torch.equal(tile(x, (4, 2, 1)), x.repeat(4, 2, 1))


def test_tile_accepts_short_reps_where_repeat_raises() -> None:
    x = torch.zeros(2, 3)
    with pytest.raises(RuntimeError):
        x.repeat(2)
    assert tile(x, 2).shape == (2, 6)


def test_the_three_repeats_side_by_side(device: torch.device) -> None:
    x = torch.tensor([1, 2], device=device)
    assert tile(x, 2).tolist() == [1, 2, 1, 2]
    assert repeat_elements(x, 2).tolist() == [1, 1, 2, 2]
    assert broadcast_to(x, (2, 2)).tolist() == [[1, 2], [1, 2]]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: tile(torch.ones(2), (2, -1)),
            ValueError,
            r"tile: reps must be non-negative, got \(2, -1\)",
        ),
        (
            lambda: tile(torch.ones(2), 2.0),
            TypeError,
            "tile: reps must be a sequence of integers, got float 2.0",
        ),
        (
            lambda: tile(torch.ones(2), True),
            TypeError,
            "tile: reps must be an integer, got bool True",
        ),
        (lambda: tile([1, 2], 2), TypeError, "tile: x must be a torch.Tensor"),
        (
            lambda: repeat_elements(torch.ones(3), -1),
            ValueError,
            r"repeats must be non-negative, got \(-1,\)",
        ),
        (
            lambda: repeat_elements(torch.ones(3), (1, 2)),
            ValueError,
            r"repeats holds 2 counts but axis 0 of x \(shape \(3,\)\) has length 3",
        ),
        (
            lambda: repeat_elements(torch.ones(3), 2, axis=1),
            ValueError,
            "repeat_elements: axis 1 is out of bounds for a tensor of 1 dimension",
        ),
        (lambda: repeat_elements(torch.ones(3), 2, axis=0.5), TypeError, "axis must be an integer"),
        (
            lambda: repeat_elements(torch.ones(3), "2"),
            TypeError,
            "repeats must be a sequence of integers",
        ),
        (lambda: repeat_elements(None, 2), TypeError, "repeat_elements: x must be a torch.Tensor"),
        (
            lambda: broadcast_to(torch.ones(3), (3, 2)),
            ValueError,
            r"broadcast_to: x of shape \(3,\) cannot be broadcast to shape \(3, 2\)",
        ),
        (
            lambda: broadcast_to(torch.ones(2, 3), (3,)),
            ValueError,
            r"x of shape \(2, 3\) cannot be broadcast to shape \(3,\)",
        ),
        (lambda: broadcast_to(torch.ones(3), (-1, 3)), ValueError, "negative sizes"),
        (lambda: broadcast_to(torch.ones(3), "3"), TypeError, "shape must be a sequence"),
        (lambda: broadcast_to(3, (3,)), TypeError, "broadcast_to: x must be a torch.Tensor"),
    ],
)
def test_bad_input(call: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()  # type: ignore[operator]
