"""The repeat family: properties against NumPy, the notes' examples, bad input."""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np
import pytest
import torch
from doubles import spy_on

from cookbook import broadcast_to, repeat_elements, repetition, shares_storage, tile
from cookbook.testing.assertions import assert_matches_numpy
from cookbook.testing.checks import Check, checks_for


@pytest.mark.parametrize("reps", [np.int64(3), np.array(3), torch.tensor(3)], ids=type)
def test_tile_takes_a_0d_integer_count_as_numpy_does(reps: object) -> None:
    x = torch.arange(6).reshape(2, 3)
    assert torch.equal(tile(x, reps), torch.from_numpy(np.tile(x.numpy(), reps)))


@pytest.mark.parametrize("repeats", [np.int64(2), np.array(2), torch.tensor(2)], ids=type)
def test_repeat_elements_takes_a_0d_integer_count_as_numpy_does(repeats: object) -> None:
    x = torch.arange(6).reshape(2, 3)
    expected = np.repeat(x.numpy(), repeats, axis=1)
    assert torch.equal(repeat_elements(x, repeats, axis=1), torch.from_numpy(expected))


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


# Pinned below: the fast paths (one bare torch call for small inputs), the _SMALL
# threshold at its boundary, the general paths past it, and exact messages.

SMALL = repetition._SMALL  # 4096 elements: (64, 64) is exactly at it, (17, 241) one above
AT_SMALL = (64, 64)
PAST_SMALL = (17, 241)


def _arange(shape: tuple[int, ...], device: torch.device | str = "cpu") -> torch.Tensor:
    """Distinct int16 values of ``shape``: a wrong element or dtype shows."""
    return torch.arange(math.prod(shape), dtype=torch.int16, device=device).reshape(shape)


def _refuse(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    """Make the private helpers ``names`` of cookbook.repetition fail if called."""
    for name in names:

        def refuse(*args: object, _name: str = name, **kwargs: object) -> None:
            raise AssertionError(f"{_name} was called")

        monkeypatch.setattr(repetition, name, refuse)


def _element_strides(a: torch.Tensor | np.ndarray) -> tuple[int | None, ...]:
    """Strides in elements, None for axes of size 1 (whose stride never matters)."""
    strides = a.stride() if isinstance(a, torch.Tensor) else [s // a.itemsize for s in a.strides]
    return tuple(None if size == 1 else s for size, s in zip(a.shape, strides, strict=True))


def test_small_threshold_shapes() -> None:
    """The shapes below sit exactly at _SMALL elements and one above it."""
    assert SMALL == 4096
    assert math.prod(AT_SMALL) == SMALL
    assert math.prod(PAST_SMALL) == SMALL + 1


@pytest.mark.parametrize(
    ("shape", "reps"),
    [
        ((3,), 2),  # an int
        ((), 3),  # an int, 0-d x
        ((2, 3), (2, 2)),  # as long as x.ndim
        ((2, 3), 2),  # one short: padded with one leading 1
        ((2, 3), (0,)),  # one short, a zero count
        ((2, 3, 2), (3,)),  # two short
        ((2, 3), (2, 1, 3)),  # longer: x gets a leading axis
        (AT_SMALL, 2),  # exactly _SMALL elements, int
        (AT_SMALL, (1, 2)),  # exactly _SMALL elements, tuple
    ],
)
def test_small_tile_takes_the_fast_path(
    monkeypatch: pytest.MonkeyPatch, shape: tuple[int, ...], reps: int | tuple[int, ...]
) -> None:
    """Up to _SMALL elements, an int or tuple reps is one x.repeat, never the core."""
    _refuse(monkeypatch, "_tile", "_written_out")
    x = _arange(shape)
    result = tile(x, reps)
    assert_matches_numpy(result, np.tile(x.numpy(), reps))
    assert not shares_storage(result, x)


def test_tile_past_small_reaches_the_core(monkeypatch: pytest.MonkeyPatch) -> None:
    """One element past _SMALL, tile hands the validated counts to its core."""
    calls = spy_on(monkeypatch, repetition, "_tile").args
    x = _arange(PAST_SMALL)
    assert_matches_numpy(tile(x, (2, 1)), np.tile(x.numpy(), (2, 1)))
    assert len(calls) == 1
    assert calls[0][0] is x
    assert calls[0][1] == (2, 1)


@pytest.mark.parametrize(
    ("shape", "reps"),
    [
        ((2, 3), [1, 2]),  # as long as x.ndim
        ((3,), [2, 2]),  # longer
        (AT_SMALL, [2, 1]),  # exactly _SMALL elements
    ],
)
def test_tile_core_repeats_small_tensors_directly(
    monkeypatch: pytest.MonkeyPatch, shape: tuple[int, ...], reps: list[int]
) -> None:
    """A list skips tile's fast path; the core still uses x.repeat up to _SMALL."""
    _refuse(monkeypatch, "_written_out")
    x = _arange(shape)
    assert_matches_numpy(tile(x, reps), np.tile(x.numpy(), reps))


@pytest.mark.parametrize(
    ("shape", "reps"),
    [
        ((2, 3), [2]),  # shorter than x.ndim
        ((2, 3), []),  # no counts
        (PAST_SMALL, [2, 1]),  # one element past _SMALL
    ],
)
def test_tile_core_writes_out_the_broadcast(
    monkeypatch: pytest.MonkeyPatch, shape: tuple[int, ...], reps: list[int]
) -> None:
    """Short counts, or past _SMALL, the core writes out one broadcast."""
    calls = spy_on(monkeypatch, repetition, "_written_out").args
    x = _arange(shape)
    assert_matches_numpy(tile(x, reps), np.tile(x.numpy(), reps))
    assert len(calls) == 1


@pytest.mark.parametrize(
    ("shape", "reps"),
    [
        (PAST_SMALL, 2),
        (PAST_SMALL, 0),
        (PAST_SMALL, ()),
        (PAST_SMALL, (0, 2)),
        (PAST_SMALL, (2, 1, 3)),  # longer than x.ndim: leading axes of size 1
        (PAST_SMALL, (3, 1, 1, 2)),
        ((2, *PAST_SMALL), (2,)),  # shorter than x.ndim
        ((2, 3), [0, 2]),  # a list: validated on the general path
        ((2, 3), [3]),
        ((), [2, 3]),
    ],
)
def test_tile_general_path_matches_numpy(shape: tuple[int, ...], reps: object) -> None:
    """Past _SMALL, or with a list, tile is still np.tile, zero counts included, and a copy."""
    x = _arange(shape)
    result = tile(x, reps)  # type: ignore[arg-type]
    assert_matches_numpy(result, np.tile(x.numpy(), reps))  # type: ignore[arg-type]
    assert result.is_contiguous()
    assert not shares_storage(result, x)


@pytest.mark.parametrize(
    ("call", "shape"),
    [
        (lambda x: tile(x, 2), (17, 482)),
        (lambda x: tile(x, (2, 1, 3)), (2, 17, 723)),
        (lambda x: repeat_elements(x, 2), (8194,)),
        (lambda x: repeat_elements(x, 3, axis=1), (17, 723)),
        (lambda x: repeat_elements(x, (1, 0) * 8 + (2,), axis=0), (10, 241)),
    ],
)
def test_results_past_small_stay_on_x_device(call: Any, shape: tuple[int, ...]) -> None:
    """Past _SMALL the result is allocated on x's device, not torch's default one."""
    x = torch.empty(PAST_SMALL, device="meta")
    result = call(x)
    assert result.device == x.device
    assert tuple(result.shape) == shape


@pytest.mark.parametrize(
    ("shape", "repeats", "axis"),
    [
        ((3,), 2, None),
        ((2, 3), 2, None),  # flattened first
        ((2, 3), 2, 0),
        ((2, 3), 3, -1),
        ((2, 3), 0, 1),
        (AT_SMALL, 2, None),  # exactly _SMALL elements
        (AT_SMALL, 2, 1),
    ],
)
def test_small_repeat_elements_takes_the_fast_path(
    monkeypatch: pytest.MonkeyPatch, shape: tuple[int, ...], repeats: int, axis: int | None
) -> None:
    """Up to _SMALL elements, an int count is one x.repeat_interleave, never the broadcast."""
    _refuse(monkeypatch, "_written_out", "normalize_axis", "as_ints")
    x = _arange(shape)
    result = repeat_elements(x, repeats, axis=axis)
    assert_matches_numpy(result, np.repeat(x.numpy(), repeats, axis=axis))
    assert not shares_storage(result, x)


@pytest.mark.parametrize("axis", [None, 0, 1])
def test_repeat_elements_past_small_writes_out_a_broadcast(
    monkeypatch: pytest.MonkeyPatch, axis: int | None
) -> None:
    """One element past _SMALL, an int count writes out one broadcast, the same values."""
    calls = spy_on(monkeypatch, repetition, "_written_out").args
    x = _arange(PAST_SMALL)
    result = repeat_elements(x, 2, axis=axis)
    assert_matches_numpy(result, np.repeat(x.numpy(), 2, axis=axis))
    assert len(calls) == 1
    assert not shares_storage(result, x)


@pytest.mark.parametrize(
    ("shape", "repeats", "axis"),
    [
        (PAST_SMALL, (0, 1, 2) * 5 + (3, 1), 0),
        (PAST_SMALL, (2,), 1),  # one count, in a sequence
        ((2, 3), (1, 0, 2), 1),
        ((2, 3), (1, 0, 2, 0, 1, 3), None),
    ],
)
def test_repeat_elements_per_element_counts(
    device: torch.device, shape: tuple[int, ...], repeats: tuple[int, ...], axis: int | None
) -> None:
    """Counts per element are np.repeat's on every device (on CUDA, from pinned memory)."""
    x = _arange(shape, device=device)
    result = repeat_elements(x, repeats, axis=axis)
    assert result.device == x.device
    assert_matches_numpy(result, np.repeat(x.cpu().numpy(), repeats, axis=axis))


@pytest.mark.parametrize(
    ("shape", "target"),
    [
        ((3,), (2, 3)),
        ((1, 3), (1, 3)),  # a 1 in the target shape
        ((), (2, 1)),
        ((3, 1), (2, 3, 4)),
        (AT_SMALL, (2, *AT_SMALL)),
        (PAST_SMALL, (2, *PAST_SMALL)),  # no size threshold for a view
    ],
)
def test_tuple_broadcast_to_takes_the_fast_path(
    monkeypatch: pytest.MonkeyPatch, shape: tuple[int, ...], target: tuple[int, ...]
) -> None:
    """A tuple shape without -1 is one x.expand: no validation on the way."""
    _refuse(monkeypatch, "require_tensor", "as_shape")
    x = _arange(shape)
    result = broadcast_to(x, target)
    expected = np.broadcast_to(x.numpy(), target)
    assert_matches_numpy(result, expected)
    assert result.data_ptr() == x.data_ptr()
    assert _element_strides(result) == _element_strides(expected)


@pytest.mark.parametrize(
    ("shape", "target"),
    [
        ((3,), 3),  # an int
        ((1,), 4),
        ((), 4),
        ((3,), [3]),  # a list, as many axes as x
        ((1, 3), [2, 3]),
        ((3,), [2, 3]),
        ((2, 1), [0, 2, 5]),
    ],
)
def test_int_and_list_broadcast_to_is_a_view(
    shape: tuple[int, ...], target: int | list[int]
) -> None:
    """An int or a list shape, validated by hand, gives np.broadcast_to's view."""
    x = _arange(shape)
    result = broadcast_to(x, target)
    expected = np.broadcast_to(x.numpy(), target)
    assert_matches_numpy(result, expected)
    assert shares_storage(result, x)
    assert _element_strides(result) == _element_strides(expected)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: broadcast_to(torch.ones(2, 3), (-1, 3)),  # x.expand would keep 2
            ValueError,
            "broadcast_to: shape must not hold negative sizes, got (-1, 3)",
        ),
        (
            lambda: broadcast_to(torch.ones(3), (2, -1)),
            ValueError,
            "broadcast_to: shape must not hold negative sizes, got (2, -1)",
        ),
        (
            lambda: broadcast_to(torch.ones(2, 3), [2, 4]),
            ValueError,
            "broadcast_to: x of shape (2, 3) cannot be broadcast to shape (2, 4)",
        ),
        (
            lambda: broadcast_to(torch.ones(2, 3), 3),
            ValueError,
            "broadcast_to: x of shape (2, 3) cannot be broadcast to shape (3,)",
        ),
        (
            lambda: broadcast_to(torch.ones(3), True),
            TypeError,
            "broadcast_to: shape must be a sequence of integers, got bool True",
        ),
        (
            lambda: repeat_elements(torch.tensor(5), 2, axis=0),  # np.repeat refuses it too
            ValueError,
            "repeat_elements: axis 0 is out of bounds for a tensor of 0 dimension(s)",
        ),
        (
            lambda: repeat_elements(torch.tensor(5), 2, axis=-1),
            ValueError,
            "repeat_elements: axis -1 is out of bounds for a tensor of 0 dimension(s)",
        ),
        (
            lambda: repeat_elements(torch.ones(2, 3), 2, axis=True),
            TypeError,
            "repeat_elements: axis must be an integer, got bool True",
        ),
        (
            lambda: tile(torch.ones(17, 241), -1),  # past _SMALL
            ValueError,
            "tile: reps must be non-negative, got (-1,)",
        ),
        (
            lambda: tile(torch.ones(2, 3), [2, -1]),
            ValueError,
            "tile: reps must be non-negative, got (2, -1)",
        ),
    ],
)
def test_error_messages_in_full(call: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=re.escape(message) + "$"):
        call()
