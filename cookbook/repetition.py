"""Repeat: NumPy's ``tile``, ``repeat`` and ``broadcast_to``, under their NumPy names.

The trap: ``Tensor.repeat`` is ``np.tile`` (it tiles whole blocks), while
``np.repeat`` (each element repeated in place) is ``torch.repeat_interleave``.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch

from cookbook._dtypes import as_signed_bits
from cookbook._validation import (
    BARE_OP_ERRORS,
    as_int,
    as_ints,
    as_shape,
    is_one_int,
    normalize_axis,
    require_tensor,
)

__all__ = ["broadcast_to", "repeat_elements", "tile"]

# Up to this many input elements, the bare op's one call beats the written-out
# broadcast's five; above it, the broadcast's single pass is faster.
_SMALL = 4096


def tile(x: torch.Tensor, reps: int | Sequence[int]) -> torch.Tensor:
    """Tile ``x`` as whole blocks, ``reps[i]`` copies along axis ``i``; always a copy.

    NumPy equivalent: ``np.tile(x, reps)``. When ``reps`` is shorter than
    ``x.ndim`` it is padded with leading 1s; when longer, ``x`` gets leading
    axes of size 1. Bare ``x.repeat(reps)`` does the same tiling but raises when
    ``reps`` is shorter than ``x.ndim``; ``torch.tile`` matches NumPy.

    Args:
        x: Tensor of any rank.
        reps: Non-negative count, or one count per axis.

    Returns:
        A new tensor of shape ``reps * x.shape`` (after padding both with 1s).

    Raises:
        ValueError: If a count is negative.
        TypeError: If ``x`` is not a tensor or ``reps`` is not integers.

    Examples:
        >>> x = torch.tensor([1, 2, 3])
        >>> tile(x, 2)
        tensor([1, 2, 3, 1, 2, 3])
        >>> tile(x, (4, 2)).shape  # the notes' x.repeat(4, 2)
        torch.Size([4, 6])
        >>> tile(torch.zeros(2, 3), 2).shape  # torch.zeros(2, 3).repeat(2) raises
        torch.Size([2, 6])

    See also:
        [repeat_elements][cookbook.repeat_elements] repeats each element in place;
        [broadcast_to][cookbook.broadcast_to] repeats without copying.
    """
    if isinstance(x, torch.Tensor) and x.numel() <= _SMALL:
        given = (reps,) if type(reps) is int else reps if type(reps) is tuple else None
        if given:
            padding = x.ndim - len(given)
            try:  # x.repeat is np.tile once reps is as long as x.ndim; it refuses the rest
                # Unpacked: torch parses separate ints faster than a tuple.
                return x.repeat(*((1,) * padding + given if padding > 0 else given))
            except BARE_OP_ERRORS:
                pass
    require_tensor(x, "x", "tile")
    if is_one_int(reps):  # bools too, which as_int refuses by name
        counts: tuple[int, ...] = (as_int(reps, "reps", "tile"),)
    else:
        counts = as_ints(reps, "reps", "tile")
    if any(count < 0 for count in counts):
        raise ValueError(f"tile: reps must be non-negative, got {counts}")
    return _tile(x, counts)


def _tile(x: torch.Tensor, counts: tuple[int, ...]) -> torch.Tensor:
    """``tile``'s core, for recipes that have validated ``x`` and the counts already."""
    if x.numel() <= _SMALL and counts and len(counts) >= x.ndim:
        return x.repeat(*counts)
    ndim = max(x.ndim, len(counts))
    sizes = (1,) * (ndim - x.ndim) + tuple(x.shape)
    counts = (1,) * (ndim - len(counts)) + counts
    # Interleave a broadcast axis before each axis, (r0, s0, r1, s1, ...), and
    # write it out once: the copy torch.clone would make, and no more.
    interleaved = x.reshape(tuple(size for pair in ((1, s) for s in sizes) for size in pair))
    blocks = tuple(size for pair in zip(counts, sizes, strict=True) for size in pair)
    return _written_out(
        interleaved.expand(blocks), tuple(r * s for r, s in zip(counts, sizes, strict=True))
    )


def repeat_elements(
    x: torch.Tensor, repeats: int | Sequence[int], axis: int | None = None
) -> torch.Tensor:
    """Repeat each element in place, ``[1, 2] -> [1, 1, 2, 2]``; always a copy.

    NumPy equivalent: ``np.repeat(x, repeats, axis)``; bare torch spells it
    ``torch.repeat_interleave``. With ``axis=None`` the input is flattened first.

    Args:
        x: Tensor of any rank.
        repeats: One non-negative count for every element, or one count per
            element along ``axis`` (a single-entry sequence counts for all).
        axis: Axis to repeat along; None flattens ``x`` first.

    Returns:
        A new tensor, the same shape as ``x`` (1-D for ``axis=None``) except
        along ``axis``, whose length is the sum of the counts.

    Raises:
        ValueError: If a count is negative, the counts do not match the length
            of ``axis``, or ``axis`` is out of range.
        TypeError: If ``x`` is not a tensor or ``repeats`` is not integers.

    Examples:
        >>> x = torch.tensor([[1, 2], [3, 4]])
        >>> repeat_elements(x, 2)
        tensor([1, 1, 2, 2, 3, 3, 4, 4])
        >>> repeat_elements(x, (1, 2), axis=0)
        tensor([[1, 2],
                [3, 4],
                [3, 4]])
        >>> repeat_elements(x, 0, axis=1).shape  # a zero count empties the axis
        torch.Size([2, 0])

    See also:
        [tile][cookbook.tile] repeats the whole tensor as blocks.
    """
    if (
        isinstance(x, torch.Tensor)
        and x.numel() <= _SMALL
        and type(repeats) is int
        and (axis is None or (type(axis) is int and x.ndim))  # torch takes axis 0 of 0-d
    ):
        try:  # repeat_interleave refuses what NumPy refuses
            return x.repeat_interleave(repeats, dim=axis)
        except BARE_OP_ERRORS:
            pass
    require_tensor(x, "x", "repeat_elements")
    if axis is None:
        x, dim = x.reshape(-1), 0
    else:
        dim = normalize_axis(axis, x.ndim, "axis", "repeat_elements")
    length = x.shape[dim]
    if is_one_int(repeats) and not isinstance(repeats, bool):
        counts: tuple[int, ...] = (as_int(repeats, "repeats", "repeat_elements"),)
    else:
        counts = as_ints(repeats, "repeats", "repeat_elements")
    if any(count < 0 for count in counts):
        raise ValueError(f"repeat_elements: repeats must be non-negative, got {counts}")
    if len(counts) == 1:
        # A broadcast axis after ``dim``, written out once; repeat_interleave
        # would gather through an index tensor, many times slower on CPU.
        repeated = x.unsqueeze(dim + 1)
        sizes = list(repeated.shape)
        sizes[dim + 1] = counts[0]
        shape = list(x.shape)
        shape[dim] = length * counts[0]
        return _written_out(repeated.expand(sizes), tuple(shape))
    if len(counts) != length:
        raise ValueError(
            f"repeat_elements: repeats holds {len(counts)} counts but axis {dim} of x "
            f"(shape {tuple(x.shape)}) has length {length}"
        )
    count_tensor = torch.tensor(counts, dtype=torch.int64)
    if x.device.type == "cuda":
        # From pinned memory without blocking: a plain copy to the GPU waits for it.
        count_tensor = count_tensor.pin_memory().to(x.device, non_blocking=True)
    else:
        count_tensor = count_tensor.to(x.device)
    # output_size spares CUDA a device-to-host sync to learn the result's length.
    repeated = as_signed_bits(x).repeat_interleave(count_tensor, dim=dim, output_size=sum(counts))
    return repeated.view(x.dtype)


def _written_out(expanded: torch.Tensor, shape: tuple[int, ...]) -> torch.Tensor:
    """A new contiguous tensor of ``shape`` holding ``expanded``'s elements in order."""
    result = torch.empty(shape, dtype=expanded.dtype, device=expanded.device)
    result.view(expanded.shape).copy_(expanded)
    return result


def broadcast_to(x: torch.Tensor, shape: int | Sequence[int]) -> torch.Tensor:
    """A read-only-in-spirit view of ``x`` broadcast to ``shape``; no copy.

    NumPy equivalent: ``np.broadcast_to(x, shape)``. Bare ``x.expand(shape)`` also
    accepts ``-1`` for "keep this size"; NumPy (and this recipe) does not. The
    broadcast axes have stride 0, so every element along them is one memory
    cell: writing into the result is almost never what you want.

    Args:
        x: Tensor of any rank.
        shape: Target shape; ``x``'s axes align with its trailing axes and each
            must equal the target size or be 1.

    Returns:
        A view of ``x`` with the given shape.

    Raises:
        ValueError: If ``x`` cannot be broadcast to ``shape``.
        TypeError: If ``x`` is not a tensor or ``shape`` is not integers.

    Examples:
        >>> x = torch.tensor([1, 2, 3])
        >>> broadcast_to(x, (2, 3))
        tensor([[1, 2, 3],
                [1, 2, 3]])
        >>> broadcast_to(x, (2, 3)).stride()  # the new axis costs no memory
        (0, 1)
        >>> broadcast_to(x, (3, 2))
        Traceback (most recent call last):
        ...
        ValueError: broadcast_to: x of shape (3,) cannot be broadcast to shape (3, 2)

    See also:
        [tile][cookbook.tile] for a copy that can be written to.
    """
    if isinstance(x, torch.Tensor) and type(shape) is tuple and -1 not in shape:
        try:  # expand refuses what NumPy refuses, but for -1 ("keep this size")
            return x.expand(shape)
        except BARE_OP_ERRORS:
            pass
    require_tensor(x, "x", "broadcast_to")
    target = as_shape(shape, "shape", "broadcast_to", allow_int=True)
    source = tuple(x.shape)
    trailing = target[len(target) - len(source) :] if source else ()
    if len(source) > len(target) or any(
        size not in (1, wanted) for size, wanted in zip(source, trailing, strict=True)
    ):
        raise ValueError(f"broadcast_to: x of shape {source} cannot be broadcast to shape {target}")
    return x.expand(target)
