"""Shape plumbing: NumPy's ``concatenate``, ``stack``, ``squeeze`` and ``expand_dims``.

The traps: ``torch.squeeze(x, dim)`` silently returns ``x`` unchanged when
``dim`` is not of size 1, where ``np.squeeze`` raises; ``torch.cat`` promotes
dtypes by torch's rules (int64 with float32 gives float32, NumPy says
float64) and skips 1-D empty tensors whatever the other shapes; and
``torch.cat`` has no ``axis=None``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeGuard

import torch

from cookbook._dtypes import numpy_result_type
from cookbook._validation import (
    BARE_OP_ERRORS,
    as_ints,
    describe,
    is_one_int,
    normalize_axes,
    normalize_axis,
    require_tensor,
)

__all__ = ["concatenate", "expand_dims", "squeeze", "stack"]


def _tensors(tensors: Sequence[torch.Tensor], recipe: str) -> list[torch.Tensor]:
    """The inputs as a non-empty list of tensors on one device."""
    if isinstance(tensors, torch.Tensor) or not isinstance(tensors, Sequence):
        raise TypeError(
            f"{recipe}: tensors must be a list or tuple of tensors, got {describe(tensors)}"
        )
    items = [require_tensor(item, f"tensors[{i}]", recipe) for i, item in enumerate(tensors)]
    if not items:
        raise ValueError(f"{recipe}: tensors must hold at least one tensor, got none")
    for i, item in enumerate(items):
        if item.device != items[0].device:
            raise ValueError(
                f"{recipe}: tensors[{i}] is on {item.device} but tensors[0] is on {items[0].device}"
            )
    return items


def _one_dtype_and_rank(
    tensors: object,
) -> TypeGuard[tuple[torch.Tensor, ...] | list[torch.Tensor]]:
    """Whether ``tensors`` is a non-empty list or tuple of tensors of one dtype and rank,
    where bare ``torch.cat`` and ``torch.stack`` neither promote nor skip a 1-D empty tensor."""
    if (type(tensors) is not tuple and type(tensors) is not list) or not tensors:
        return False
    first = tensors[0]
    if not isinstance(first, torch.Tensor):
        return False
    dtype, ndim = first.dtype, first.ndim
    for item in tensors:
        if not isinstance(item, torch.Tensor) or item.dtype != dtype or item.ndim != ndim:
            return False
    return True


def concatenate(tensors: Sequence[torch.Tensor], axis: int | None = 0) -> torch.Tensor:
    """Join tensors end to end along an existing axis; always a copy.

    NumPy equivalent: ``np.concatenate(tensors, axis)``. The result dtype
    follows NumPy's promotion (``np.result_type`` of the inputs); with
    ``axis=None`` every input is flattened first. Bare ``torch.cat`` promotes
    by torch's rules, accepts a 1-D empty tensor next to any shape, and has
    no ``axis=None``.

    Args:
        tensors: Non-empty list or tuple of tensors on one device, of equal
            rank (at least 1 unless ``axis`` is None) and equal sizes except
            along ``axis``.
        axis: Axis to join along; negative counts from the end; None
            flattens the inputs first.

    Returns:
        A new tensor whose length along ``axis`` is the sum of the inputs'.

    Raises:
        ValueError: If ``tensors`` is empty, the shapes do not fit together,
            ``axis`` is out of range, or the tensors live on different devices.
        TypeError: If ``tensors`` is not a list or tuple of tensors, or
            ``axis`` is not an integer.

    Examples:
        >>> a, b = torch.tensor([[1, 2]]), torch.tensor([[3.5, 4.5]])
        >>> concatenate((a, b))  # int64 with float32: float64, as in NumPy
        tensor([[1.0000, 2.0000],
                [3.5000, 4.5000]], dtype=torch.float64)
        >>> concatenate((a, b), axis=None)
        tensor([1.0000, 2.0000, 3.5000, 4.5000], dtype=torch.float64)
        >>> concatenate((torch.zeros(0), torch.zeros(2, 2)))
        Traceback (most recent call last):
        ...
        ValueError: concatenate: tensors[1] has 2 dimension(s) but tensors[0] has 1

    See also:
        [stack][cookbook.stack] joins along a new axis.
    """
    if (
        type(axis) is int
        and _one_dtype_and_rank(tensors)
        # torch.cat checks no axis against 1-D empty tensors alone
        and (tensors[0].ndim != 1 or axis in (0, -1))
    ):
        try:  # torch.cat is np.concatenate for tensors of one dtype and rank
            return torch.cat(tensors, axis)
        except BARE_OP_ERRORS:
            pass
    items = _tensors(tensors, "concatenate")
    if axis is None:
        items = [item.reshape(-1) for item in items]
        dim = 0
    else:
        if items[0].ndim == 0:
            raise ValueError("concatenate: 0-d tensors cannot be concatenated; use axis=None")
        dim = normalize_axis(axis, items[0].ndim, "axis", "concatenate")
    first = items[0]
    for i, item in enumerate(items[1:], start=1):
        if item.ndim != first.ndim:
            raise ValueError(
                f"concatenate: tensors[{i}] has {item.ndim} dimension(s) "
                f"but tensors[0] has {first.ndim}"
            )
        for d, (size, expected) in enumerate(zip(item.shape, first.shape, strict=True)):
            if d != dim and size != expected:
                raise ValueError(
                    f"concatenate: tensors[{i}] has shape {tuple(item.shape)} but tensors[0] "
                    f"has {tuple(first.shape)}; they may differ only along axis {dim}"
                )
    dtype = numpy_result_type(*(item.dtype for item in items))
    return torch.cat([item.to(dtype) for item in items], dim=dim)


def stack(tensors: Sequence[torch.Tensor], axis: int = 0) -> torch.Tensor:
    """Join tensors of one shape along a new axis; always a copy.

    NumPy equivalent: ``np.stack(tensors, axis)``. The result dtype follows
    NumPy's promotion. Bare ``torch.stack`` promotes by torch's rules
    (int64 with float32 gives float32; NumPy says float64).

    Args:
        tensors: Non-empty list or tuple of tensors of one shape, on one device.
        axis: Position of the new axis in the result, in
            ``range(-ndim - 1, ndim + 1)``.

    Returns:
        A new tensor of shape ``shape[:axis] + (len(tensors),) + shape[axis:]``.

    Raises:
        ValueError: If ``tensors`` is empty, the shapes differ, ``axis`` is out
            of range, or the tensors live on different devices.
        TypeError: If ``tensors`` is not a list or tuple of tensors, or
            ``axis`` is not an integer.

    Examples:
        >>> a, b = torch.tensor([1, 2, 3]), torch.tensor([4, 5, 6])
        >>> stack((a, b))
        tensor([[1, 2, 3],
                [4, 5, 6]])
        >>> stack((a, b), axis=-1).shape
        torch.Size([3, 2])
        >>> stack((torch.tensor(1), torch.tensor(2.5)))  # 0-d inputs give 1-D
        tensor([1.0000, 2.5000], dtype=torch.float64)

    See also:
        [concatenate][cookbook.concatenate] joins along an existing axis;
        [expand_dims][cookbook.expand_dims] adds an axis to one tensor.
    """
    if type(axis) is int and _one_dtype_and_rank(tensors):
        try:  # torch.stack is np.stack for tensors of one dtype
            return torch.stack(tensors, axis)
        except BARE_OP_ERRORS:
            pass
    items = _tensors(tensors, "stack")
    first = items[0]
    for i, item in enumerate(items[1:], start=1):
        if item.shape != first.shape:
            raise ValueError(
                f"stack: tensors[{i}] has shape {tuple(item.shape)} but tensors[0] "
                f"has {tuple(first.shape)}; all must have one shape"
            )
    dim = normalize_axis(axis, first.ndim + 1, "axis", "stack")
    dtype = numpy_result_type(*(item.dtype for item in items))
    return torch.stack([item.to(dtype) for item in items], dim=dim)


def squeeze(x: torch.Tensor, axis: int | Sequence[int] | None = None) -> torch.Tensor:
    """``x`` without its axes of size 1 (or only the named ones); a view.

    NumPy equivalent: ``np.squeeze(x, axis)``, which raises when a named axis
    is not of size 1. Bare ``torch.squeeze(x, dim)`` silently returns ``x``
    unchanged then, so a batch of one and a batch of many give different ranks
    without an error; and ``x.squeeze(())`` squeezes nothing, as here.

    Args:
        x: Tensor of any rank.
        axis: Axis or axes to remove, each of size 1; None removes every axis
            of size 1. Negative axes count from the end. As in NumPy, a 0-d
            ``x`` accepts ``axis=0`` or ``-1`` (but not ``(0,)``) and is returned as is.

    Returns:
        A view of ``x`` with the chosen axes removed.

    Raises:
        ValueError: If a named axis is not of size 1, is out of range or is
            named twice.
        TypeError: If ``x`` is not a tensor or ``axis`` is not integers.

    Examples:
        >>> x = torch.zeros(1, 3, 1)
        >>> squeeze(x).shape
        torch.Size([3])
        >>> squeeze(x, axis=-1).shape
        torch.Size([1, 3])
        >>> x.squeeze(1).shape  # axis 1 has size 3: torch ignores it
        torch.Size([1, 3, 1])
        >>> squeeze(x, axis=1)
        Traceback (most recent call last):
        ...
        ValueError: squeeze: axis 1 of x (shape (1, 3, 1)) has size 3, not 1

    See also:
        [expand_dims][cookbook.expand_dims] is the inverse.
    """
    if isinstance(x, torch.Tensor):
        if axis is None:
            return x.squeeze()
        if type(axis) is int and x.ndim:
            try:  # an axis in range; torch ignores one not of size 1, NumPy raises
                if x.shape[axis] == 1:
                    return x.squeeze(axis)
            except IndexError:
                pass
    require_tensor(x, "x", "squeeze")
    dims: tuple[int, ...]
    if axis is None:
        dims = tuple(d for d, size in enumerate(x.shape) if size == 1)
    elif x.ndim == 0 and not isinstance(axis, bool) and is_one_int(axis) and axis in (0, -1):
        dims = ()  # NumPy's legacy quirk: a 0-d array accepts axis 0 or -1 (not in a tuple)
    else:
        dims = normalize_axes(axis, x.ndim, "squeeze")
        for d in dims:
            if x.shape[d] != 1:
                raise ValueError(
                    f"squeeze: axis {d} of x (shape {tuple(x.shape)}) has size {x.shape[d]}, not 1"
                )
    return x.squeeze(dims)


def expand_dims(x: torch.Tensor, axis: int | Sequence[int]) -> torch.Tensor:
    """``x`` with new axes of size 1 at the positions ``axis`` names; a view.

    NumPy equivalent: ``np.expand_dims(x, axis)``. The positions are those of
    the result, so ``axis`` may run up to ``x.ndim + len(axis) - 1``. Bare
    ``x.unsqueeze(dim)`` takes one axis only.

    Args:
        x: Tensor of any rank.
        axis: Position, or positions, of the new axes in the result; negative
            positions count from the end of the result.

    Returns:
        A view of ``x`` of rank ``x.ndim + len(axis)``.

    Raises:
        ValueError: If a position is out of range or is named twice.
        TypeError: If ``x`` is not a tensor or ``axis`` is not integers.

    Examples:
        >>> x = torch.tensor([1, 2])
        >>> expand_dims(x, 0)
        tensor([[1, 2]])
        >>> expand_dims(x, (0, -1)).shape
        torch.Size([1, 2, 1])
        >>> expand_dims(torch.tensor(5), ()).shape  # no positions: unchanged
        torch.Size([])

    See also:
        [squeeze][cookbook.squeeze] is the inverse; [stack][cookbook.stack].
    """
    if isinstance(x, torch.Tensor) and type(axis) is int:
        try:  # one position: unsqueeze takes NumPy's range
            return x.unsqueeze(axis)
        except BARE_OP_ERRORS:
            pass
    require_tensor(x, "x", "expand_dims")
    given = (axis,) if is_one_int(axis) else as_ints(axis, "axis", "expand_dims")
    dims = normalize_axes(given, x.ndim + len(given), "expand_dims")
    result = x.view(x.shape)  # a view even when there is nothing to insert
    for d in sorted(dims):  # positions in the result: insert from the left
        result = result.unsqueeze(d)
    return result
