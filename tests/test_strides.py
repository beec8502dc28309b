"""The contiguous-versus-view family: properties, the notes' examples, bad input."""

from __future__ import annotations

import numpy as np
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


def _numpy_view(shape: tuple[int, ...], strides: tuple[int, ...]) -> np.ndarray:
    """A float32 NumPy array with this shape and these element strides, over a big enough buffer."""
    span = 1 + sum((size - 1) * step for size, step in zip(shape, strides, strict=True))
    itemsize = np.dtype(np.float32).itemsize
    return np.lib.stride_tricks.as_strided(
        np.zeros(max(span, 1), np.float32), shape, tuple(itemsize * step for step in strides)
    )


@pytest.mark.parametrize(
    ("shape", "strides", "expected"),
    [
        ((2, 3, 4), (12, 4, 1), True),
        ((2, 3, 4), (3, 4, 1), False),  # each stride only the next size: not row-major
        ((2, 3, 4), (12, 3, 1), False),
        ((2, 3, 4), (13, 4, 1), False),  # padded rows
        ((3, 4, 5, 2), (40, 10, 2, 1), True),
        ((3, 4, 5, 2), (10, 40, 2, 1), False),
        ((2, 1, 3), (3, 99, 1), True),  # a size-1 dimension's stride is ignored
        ((1, 2, 3), (0, 3, 1), True),
        ((2, 3), (0, 1), False),  # expanded rows: a zero stride
        ((2, 0, 3), (0, 5, 7), True),  # no elements: always contiguous
        ((), (), True),
    ],
)
def test_is_contiguous_agrees_with_torch_and_numpy(
    shape: tuple[int, ...], strides: tuple[int, ...], expected: bool
) -> None:
    assert is_contiguous(shape, strides) is expected
    assert torch.empty_strided(shape, strides).is_contiguous() is expected
    assert _numpy_view(shape, strides).flags.c_contiguous is expected


def _torch_view_strides(
    shape: tuple[int, ...], strides: tuple[int, ...], new_shape: tuple[int, ...]
) -> tuple[int, ...] | None:
    try:
        return torch.empty_strided(shape, strides).view(new_shape).stride()
    except RuntimeError:
        return None


@pytest.mark.parametrize(
    ("shape", "strides", "new_shape", "expected"),
    [
        # A size-1 dimension with an odd stride sits inside a contiguous run.
        ((2, 1, 3), (3, 99, 1), (6,), (1,)),
        ((2, 1, 3), (3, 99, 1), (3, 2), (2, 1)),
        # A size-1 dimension before a gap does not hide the gap.
        ((1, 2, 3), (6, 6, 1), (6,), None),
        ((1, 2, 3), (6, 6, 1), (2, 3), (6, 1)),
        # Padded rows of size 2 (and 3): not one run, so no flat view.
        ((2, 3), (4, 1), (6,), None),
        ((3, 2), (3, 1), (6,), None),
        ((2, 3), (4, 1), (2, 3, 1), (4, 1, 1)),
        # A transpose: two chunks, each covered by exactly one new dimension.
        ((2, 3), (1, 2), (2, 3), (1, 2)),
        ((2, 3), (1, 2), (2, 1, 3), (1, 6, 2)),
        ((2, 3), (1, 2), (3, 2), None),
        ((2, 3, 4), (1, 8, 2), (2, 12), (1, 2)),
        ((2, 3, 4), (1, 8, 2), (2, 3, 2, 2), (1, 8, 4, 2)),
        ((4, 6), (6, 1), (2, 2, -1), (12, 6, 1)),
    ],
)
def test_view_strides_agrees_with_torch_view_and_numpy_reshape(
    shape: tuple[int, ...],
    strides: tuple[int, ...],
    new_shape: tuple[int, ...],
    expected: tuple[int, ...] | None,
) -> None:
    assert view_strides(shape, strides, new_shape) == expected
    assert _torch_view_strides(shape, strides, new_shape) == expected
    array = _numpy_view(shape, strides)
    if expected is None:
        with pytest.raises(ValueError, match=r"^Unable to avoid creating a copy while reshaping"):
            np.reshape(array, new_shape, copy=False)
    else:
        itemsize = array.itemsize
        viewed = np.reshape(array, new_shape, copy=False)
        assert tuple(step // itemsize for step in viewed.strides) == expected


@pytest.mark.parametrize("first", [True, False], ids=["earlier-first", "later-first"])
def test_shares_storage_touching_byte_ranges_do_not_overlap(first: bool) -> None:
    x = torch.arange(12, dtype=torch.float64)
    grid = x.view(3, 4)
    narrow = x.view(torch.int32)  # 4-byte elements over the same 8-byte ones
    touching = [
        (x[:6], x[6:]),
        (x[:1], x[1:2]),
        (grid[0], grid[1]),
        (grid[:, :2], grid[2, 2:]),  # ends at byte 80, where the last row's right half starts
        (x[:2], narrow[4:6]),  # 16 bytes of float64, then the int32 from byte 16
        (narrow[3:4], x[2:]),
    ]
    for earlier, later in touching:
        a, b = (earlier, later) if first else (later, earlier)
        assert not shares_storage(a, b), (a, b)
        assert not np.may_share_memory(a.numpy(), b.numpy())
    overlapping = [(x[:7], x[6:]), (x[:2], narrow[3:4]), (narrow[3:4], x[1:])]
    for earlier, later in overlapping:
        a, b = (earlier, later) if first else (later, earlier)
        assert shares_storage(a, b), (a, b)
        assert np.may_share_memory(a.numpy(), b.numpy())


@pytest.mark.parametrize(
    ("pick_a", "pick_b", "expected"),
    [
        (lambda x: x[0:1], lambda x: x[1:2], False),
        (lambda x: x[0], lambda x: x[1], False),  # 0-d tensors: one element each
        (lambda x: x[3], lambda x: x[0], False),
        (lambda x: x[2], lambda x: x[2:3], True),
        (lambda x: x[2:3], lambda x: x[1:4], True),
        (lambda x: x[3], lambda x: x, True),
    ],
)
def test_shares_storage_single_elements_compare_their_bytes(
    pick_a: object, pick_b: object, expected: bool
) -> None:
    x = torch.arange(6, dtype=torch.float32)
    a, b = pick_a(x), pick_b(x)  # type: ignore[operator]
    assert a.numel() == 1
    assert shares_storage(a, b) is expected
    assert shares_storage(b, a) is expected
    assert np.may_share_memory(a.numpy(), b.numpy()) is expected


def test_shares_storage_single_elements_of_two_storages_over_one_buffer() -> None:
    array = np.arange(6.0)
    whole = torch.from_numpy(array)
    one = torch.from_numpy(array[2:3])
    assert whole.untyped_storage().data_ptr() != one.untyped_storage().data_ptr()
    assert shares_storage(one, whole)
    assert shares_storage(torch.from_numpy(array[5:]), torch.from_numpy(array[4:6]))
    assert not shares_storage(torch.from_numpy(array[3:4]), torch.from_numpy(array[4:]))


def test_shares_storage_zero_stride_views_span_only_their_one_element() -> None:
    x = torch.arange(4)
    repeated = x[1:2].expand(5)  # stride 0: five copies of x[1], 8 bytes of memory
    assert repeated.stride() == (0,)
    assert shares_storage(repeated, x[1])
    assert shares_storage(repeated, x[:2])
    assert not shares_storage(repeated, x[2:])
    assert not shares_storage(x[:1], repeated)
    base = x.numpy()
    broadcast = np.broadcast_to(base[1:2], (5,))
    assert np.may_share_memory(broadcast, base[:2])
    assert not np.may_share_memory(broadcast, base[2:])
    assert not np.may_share_memory(base[:1], broadcast)
