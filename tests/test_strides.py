"""The contiguous-versus-view family: properties, the notes' examples, bad input."""

from __future__ import annotations

import pytest
import torch

from cookbook import contiguous_strides, is_contiguous, shares_storage, view_strides
from cookbook.testing.checks import Check, checks_for


@pytest.mark.parametrize("check", checks_for("contiguous"), ids=str)
def test_property(check: Check, device: torch.device) -> None:
    check.run(device)


def test_notes_transpose_is_not_contiguous(device: torch.device) -> None:
    x = torch.zeros(10, 10, device=device)
    t = x.transpose(0, 1)
    assert not t.is_contiguous()
    assert not is_contiguous(tuple(t.shape), t.stride())
    assert view_strides(tuple(t.shape), t.stride(), (100,)) is None
    made = t.contiguous()
    assert made.is_contiguous()
    assert is_contiguous(tuple(made.shape), made.stride())
    assert not shares_storage(t, made)
    assert x.contiguous() is x  # already contiguous: no copy at all


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: contiguous_strides((2, -3)),
            ValueError,
            r"contiguous_strides: shape must not hold negative sizes, got \(2, -3\)",
        ),
        (
            lambda: contiguous_strides("23"),
            TypeError,
            "contiguous_strides: shape must be a sequence",
        ),
        (
            lambda: is_contiguous((2, 3), (3,)),
            ValueError,
            r"shape \(2, 3\) and strides \(3,\) differ in length",
        ),
        (
            lambda: is_contiguous((2, 3), (3, -1)),
            ValueError,
            r"strides must be non-negative .*\(3, -1\)",
        ),
        (
            lambda: is_contiguous((2, 3), (3.0, 1)),
            TypeError,
            "is_contiguous: strides must hold integers",
        ),
        (
            lambda: view_strides((2, 3), (3, 1), (4,)),
            ValueError,
            r"shape \(2, 3\) \(6 elements\) does not fit new_shape \(4,\)",
        ),
        (
            lambda: view_strides((2, 3), (3, 1), (-1, -1)),
            ValueError,
            r"only one -1, got \(-1, -1\)",
        ),
        (lambda: view_strides((2, 0), (1, 1), (0, -1)), ValueError, "ambiguous"),
        (lambda: view_strides((2, 3), (3, 1), (-2, -3)), ValueError, "negative size"),
        (lambda: view_strides((2, 3), (3, 1), "6"), TypeError, "new_shape must be a sequence"),
        (
            lambda: shares_storage(torch.ones(1), [1]),
            TypeError,
            r"shares_storage: b must be a torch.Tensor, got list \[1\]",
        ),
        (
            lambda: shares_storage("x", torch.ones(1)),
            TypeError,
            "shares_storage: a must be a torch.Tensor",
        ),
    ],
)
def test_bad_input(call: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()  # type: ignore[operator]


def test_shares_storage_across_numpy(device: torch.device) -> None:
    import numpy as np

    array = np.zeros(4)
    assert shares_storage(torch.from_numpy(array), torch.from_numpy(array))
    on_device = torch.zeros(3, device=device)
    assert shares_storage(on_device, on_device[1:])
    if device.type != "cpu":
        assert not shares_storage(on_device, on_device.cpu())


def test_shares_storage_compares_memory_ranges(device: torch.device) -> None:
    x = torch.arange(12, device=device)
    assert shares_storage(x[:6], x[4:])  # overlapping views of one buffer
    assert not shares_storage(x[:6], x[6:])  # adjacent, disjoint halves
    assert not shares_storage(x[:3], x[9:])
    grid = x.view(3, 4)
    assert shares_storage(grid[:, 1], grid[2])  # a column and a row crossing it
    assert shares_storage(grid[0], grid[:, 3])  # the row ends where the column starts
    assert not shares_storage(grid[0], grid[1:, 0])
    # Like np.may_share_memory: bounds, not elements; the even and odd
    # elements interleave without touching, yet their ranges overlap.
    assert shares_storage(x[::2], x[1::2])


def test_shares_storage_empty_tensors(device: torch.device) -> None:
    x = torch.arange(6, device=device)
    assert shares_storage(x[6:], x)  # no bytes, but a view of x's storage
    assert shares_storage(x[:0], x[6:])
    assert not shares_storage(torch.zeros(0, device=device), x)
    assert not shares_storage(torch.zeros(0, device=device), torch.zeros(0, device=device))


def test_shares_storage_different_devices(device: torch.device) -> None:
    x = torch.zeros(3, device=device)
    assert not shares_storage(x, x.to("meta"))
    assert not shares_storage(x.to("meta"), torch.zeros(3, device="meta"))
    meta = torch.zeros(4, device="meta")
    assert shares_storage(meta, meta[1:])  # no memory: falls back to storage identity


def test_shares_storage_from_numpy_views() -> None:
    import numpy as np

    array = np.arange(10.0)
    whole, tail = torch.from_numpy(array), torch.from_numpy(array[2:])
    assert whole.untyped_storage().data_ptr() != tail.untyped_storage().data_ptr()
    assert np.shares_memory(array, array[2:])
    assert shares_storage(whole, tail)
    assert shares_storage(tail, whole)
    tail[0] = -1.0  # the write shows through: they do share memory
    assert whole[2] == -1.0
    assert not shares_storage(torch.from_numpy(array[:5]), torch.from_numpy(array[5:]))
    assert shares_storage(torch.from_numpy(array[::-1].copy()), whole) is False
    assert shares_storage(torch.from_numpy(array.reshape(2, 5).T.copy()), whole) is False
    assert shares_storage(torch.from_numpy(array.reshape(2, 5)[:, 1]), tail)
