"""The batching family: properties, the notes' examples, bad input."""

from __future__ import annotations

import pytest
import torch
from torch.utils.data import DataLoader

from cookbook import batch_indices, batch_sizes
from cookbook.testing.checks import Check, checks_for


@pytest.mark.parametrize("check", checks_for("batching"), ids=str)
def test_property(check: Check, device: torch.device) -> None:
    check.run(device)


def test_notes_ten_items() -> None:
    assert [len(b) for b in DataLoader(range(10), batch_size=5)] == [5, 5]
    assert [len(b) for b in DataLoader(range(10), batch_size=8)] == [8, 2]
    assert batch_sizes(10, 5) == [5, 5]
    assert batch_sizes(10, 8) == [8, 2]
    assert batch_sizes(10, 8, drop_last=True) == [8]


def test_batch_indices_in_order_and_shuffled() -> None:
    assert [b.tolist() for b in batch_indices(10, 8)] == [list(range(8)), [8, 9]]
    shuffled = batch_indices(10, 8, shuffle=True, seed=3)
    assert sorted(torch.cat(shuffled).tolist()) == list(range(10))
    again = batch_indices(10, 8, shuffle=True, seed=3)
    assert all(torch.equal(a, b) for a, b in zip(shuffled, again, strict=True))
    other = batch_indices(10, 8, shuffle=True, seed=4)
    assert not all(torch.equal(a, b) for a, b in zip(shuffled, other, strict=True))


def test_batch_indices_without_seed_uses_the_global_generator() -> None:
    torch.manual_seed(0)
    first = batch_indices(6, 6, shuffle=True)
    torch.manual_seed(0)
    assert torch.equal(batch_indices(6, 6, shuffle=True)[0], first[0])


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: batch_sizes(-1, 2), ValueError, "batch_sizes: n must be >= 0, got -1"),
        (
            lambda: batch_sizes(10.0, 2),
            TypeError,
            "batch_sizes: n must be an integer, got float 10.0",
        ),
        (lambda: batch_sizes(10, 0), ValueError, "batch_sizes: batch_size must be >= 1, got 0"),
        (
            lambda: batch_sizes(10, True),
            TypeError,
            "batch_sizes: batch_size must be an integer, got bool True",
        ),
        (
            lambda: batch_sizes(10, 2, drop_last=1),
            TypeError,
            "batch_sizes: drop_last must be a bool, got int 1",
        ),
        (lambda: batch_indices(-3, 2), ValueError, "batch_indices: n must be >= 0, got -3"),
        (
            lambda: batch_indices(3, -2),
            ValueError,
            "batch_indices: batch_size must be >= 1, got -2",
        ),
        (
            lambda: batch_indices(3, 2, shuffle="yes"),
            TypeError,
            "batch_indices: shuffle must be a bool, got str 'yes'",
        ),
        (
            lambda: batch_indices(3, 2, shuffle=True, seed=1.5),
            TypeError,
            "batch_indices: seed must be an integer, got float 1.5",
        ),
        (
            lambda: batch_indices(3, 2, shuffle=True, seed=-1),
            ValueError,
            "batch_indices: seed must be >= 0, got -1",
        ),
        (
            lambda: batch_indices(3, 2, shuffle=True, seed=2**64),
            ValueError,
            r"batch_indices: seed must be below 2\*\*64",
        ),
        (
            lambda: batch_indices(3, 2, drop_last=None),
            TypeError,
            "batch_indices: drop_last must be a bool, got NoneType None",
        ),
    ],
)
def test_bad_input(call: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()  # type: ignore[operator]
