"""Indexing: NumPy's ``add.at`` and ``take_along_axis`` for tensors.

The traps: ``x[idx] += v`` writes each duplicate index once, where
``np.add.at`` adds every one of them; and ``torch.take_along_dim`` wraps an
out-of-range index around silently, where ``np.take_along_axis`` raises
IndexError.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, TypeAlias

import torch

from cookbook._validation import describe, normalize_axis, require_tensor

__all__ = ["add_at", "take_along_axis"]

#: One index: an integer tensor, a (nested) sequence of ints, or an int.
Index: TypeAlias = torch.Tensor | Sequence[Any] | int

# torch 2.13 has no gather or scatter kernels for these on CPU. Gathering moves
# bits and adding wraps around modulo 2**bits, so a signed dtype of the same
# width computes both exactly.
_SAME_WIDTH_SIGNED = {
    torch.uint16: torch.int16,
    torch.uint32: torch.int32,
    torch.uint64: torch.int64,
}
# The Python scalars ``values`` may be, as NumPy's np.asarray types them.
_SCALAR_DTYPES = {
    bool: torch.bool,
    int: torch.int64,
    float: torch.float64,
    complex: torch.complex128,
}


def _kind(dtype: torch.dtype) -> int:
    """0 bool, 1 integer, 2 real floating, 3 complex."""
    if dtype == torch.bool:
        return 0
    if dtype.is_complex:
        return 3
    return 2 if dtype.is_floating_point else 1


def _lossless(values: torch.dtype, x: torch.dtype) -> bool:
    """Whether NumPy adds ``values`` into ``x`` in ``x``'s kind, so the sum can wrap or
    round in ``x``'s dtype: no higher kind, and no uint64 beside a signed integer
    (NumPy adds those in float64)."""
    if _kind(values) > _kind(x):
        return False
    pair = {values, x}
    return not (torch.uint64 in pair and any(d.is_signed for d in pair if _kind(d) == 1))


def _broadcast(*shapes: tuple[int, ...]) -> tuple[int, ...] | None:
    """The shape ``shapes`` broadcast to, as NumPy's rules give it; None if they do not."""
    ndim = max([len(shape) for shape in shapes] + [0])
    padded = [(1,) * (ndim - len(shape)) + shape for shape in shapes]
    result = []
    for sizes in zip(*padded, strict=True):
        others = set(sizes) - {1}
        if len(others) > 1:
            return None
        result.append(others.pop() if others else 1)
    return tuple(result)


def _index_tensor(item: Any, device: torch.device, recipe: str, name: str) -> torch.Tensor:
    """An integer index tensor on ``device`` from a tensor, a sequence of ints or an int."""
    if isinstance(item, torch.Tensor):
        index = item
        if index.device != device:
            raise ValueError(f"{recipe}: {name} is on {index.device} but x is on {device}")
    elif isinstance(item, bool) or not isinstance(item, int | Sequence) or isinstance(item, str):
        raise TypeError(
            f"{recipe}: {name} must be integer tensors or sequences, got {describe(item)}"
        )
    else:
        try:
            index = torch.as_tensor(item)
        except (TypeError, ValueError, RuntimeError):
            raise TypeError(f"{recipe}: {name} must hold integers, got {describe(item)}") from None
        if index.numel() == 0 and index.dtype.is_floating_point:
            index = index.to(torch.int64)  # NumPy reads an empty list as an empty integer index
        index = index.to(device)
    if _kind(index.dtype) != 1:
        # A bool tensor is a mask in NumPy and in torch (so is uint8 in torch): refused.
        raise TypeError(f"{recipe}: {name} must have an integer dtype, got {describe(item)}")
    return index


def _in_range(
    index: torch.Tensor, size: int, axis: int, recipe: str, *, used: bool
) -> torch.Tensor:
    """``index`` as int64 with negative entries wrapped, after one bounds check.

    As in NumPy, an index broadcast away to nothing (``used`` false) is never checked.

    The check is one reduction (``aminmax``) read back to the host: a sync on
    CUDA. Compiled, it becomes torch's runtime asserts, which raise RuntimeError.
    """
    unsigned = not index.dtype.is_signed
    index = index.to(torch.int64)  # uint64 above 2**63 turns negative: out of range below
    if used and index.numel():
        bounds = index.aminmax()
        low, high = bounds.min.item(), bounds.max.item()
        least = 0 if unsigned else -size
        if torch.compiler.is_compiling():
            # Data-dependent: compiled, these become runtime asserts (RuntimeError).
            torch._check(least <= low)  # type: ignore[no-untyped-call]
            torch._check(high < size)  # type: ignore[no-untyped-call]
        elif low < least or high >= size:
            # Only a uint64 index above 2**63 is negative here: shown as it was given.
            shown = (low % 2**64 if unsigned else low) if low < least else high
            raise IndexError(
                f"{recipe}: index {shown} is out of bounds for axis {axis} with size {size}"
            )
        elif low >= 0:
            return index  # nothing to wrap
    # Arithmetic, not torch.where: several times faster on CPU.
    return index + (index < 0) * size


def add_at(x: torch.Tensor, indices: Index | tuple[Index, ...], values: Any) -> torch.Tensor:
    """A copy of ``x`` with ``values`` added at ``indices``, every duplicate index counted.

    NumPy equivalent: ``np.add.at(a, indices, values)`` on a copy ``a`` of ``x``
    (NumPy works in place). Bare ``x[idx] += v`` adds once per distinct index:
    the last write of a duplicate wins. ``indices`` is one index for axis 0
    (an integer tensor, a possibly nested list of ints, or an int) or a tuple
    of them for the leading axes, broadcast together as in NumPy's advanced
    indexing; negative indices count from the end. ``values`` (a tensor or a
    Python number) broadcast to the indexed shape,
    ``broadcast(indices) + x.shape[len(indices):]``.

    The sum is accumulated in ``x``'s dtype. NumPy adds one value at a time and
    casts each partial sum back unsafely, so where the cast is lossy the two
    differ; those ``values`` dtypes are refused: floats or complex into an
    integer ``x`` (NumPy truncates every partial sum), integers into bool (or
    uint64 with signed integers: NumPy adds in float64), complex into a real
    ``x``. Float sums may round differently from NumPy's sequential order, and
    on CUDA from run to run. Bool ``x`` gets a logical or, as in NumPy. Every
    dtype works.

    The bounds check is one ``aminmax`` per index, read back to the host: a
    device sync on CUDA (one per index tensor), the price of raising IndexError
    where CUDA would hit a device-side assert. ``torch.compile(fullgraph=True)``
    works; compiled, an out-of-range index raises RuntimeError from torch's
    runtime assert instead of IndexError.

    Args:
        x: Tensor of any rank.
        indices: Integer index for axis 0, or a tuple of them for the leading axes.
        values: Tensor or Python number, broadcastable to the indexed shape.

    Returns:
        A new tensor of ``x``'s shape and dtype.

    Raises:
        IndexError: If an index is out of range, the tuple is longer than
            ``x.ndim``, or the indices do not broadcast together (as NumPy).
        ValueError: If ``values`` does not broadcast to the indexed shape, or a
            tensor is on another device than ``x``.
        TypeError: If ``x`` is not a tensor, an index is not integers (bool
            masks included), ``values`` is not a tensor or a number (or an int
            beyond int64), or its dtype cannot be added into ``x``'s.

    Examples:
        >>> x = torch.zeros(4)
        >>> add_at(x, torch.tensor([0, 2, 2, -1]), 1.0)  # index 2 twice: 2.0
        tensor([1., 0., 2., 1.])
        >>> x[torch.tensor([0, 2, 2, -1])] += 1.0  # bare torch: 2 counted once
        >>> x
        tensor([1., 0., 1., 1.])
        >>> add_at(torch.zeros(2, 3, dtype=torch.int64), ([0, 0, 1], [2, 2, 0]), 5)
        tensor([[ 0,  0, 10],
                [ 5,  0,  0]])

    See also:
        [take_along_axis][cookbook.take_along_axis] reads where this writes.
    """
    require_tensor(x, "x", "add_at")
    items = indices if isinstance(indices, tuple) else (indices,)
    if len(items) > x.ndim:
        raise IndexError(
            f"add_at: indices holds {len(items)} indices but x has {x.ndim} dimension(s)"
        )
    index = [_index_tensor(item, x.device, "add_at", "indices") for item in items]
    batch = _broadcast(*(tuple(i.shape) for i in index))
    if batch is None:
        shapes = " ".join(str(tuple(i.shape)) for i in index)
        raise IndexError(f"add_at: indices of shapes {shapes} do not broadcast together")
    target = batch + tuple(x.shape[len(index) :])
    addend = _addend(values, x, target)
    flat = _flat_index(index, tuple(x.shape[: len(index)]), batch, x.device)
    return _add_at(x, flat, addend)


def _addend(values: Any, x: torch.Tensor, target: tuple[int, ...]) -> torch.Tensor:
    """``values`` as a tensor of ``x``'s dtype and the ``target`` shape; refuses lossy dtypes."""
    if isinstance(values, torch.Tensor):
        if values.device != x.device:
            raise ValueError(f"add_at: values is on {values.device} but x is on {x.device}")
        tensor = values
    elif type(values) in _SCALAR_DTYPES:
        try:
            tensor = torch.full((), values, dtype=_SCALAR_DTYPES[type(values)], device=x.device)
        except OverflowError:
            raise TypeError(
                f"add_at: values {values} does not fit in int64; pass a tensor"
            ) from None
    else:
        raise TypeError(f"add_at: values must be a tensor or a number, got {describe(values)}")
    if not _lossless(tensor.dtype, x.dtype):
        raise TypeError(
            f"add_at: values of dtype {tensor.dtype} cannot be added into x of dtype {x.dtype} "
            f"without a lossy cast"
        )
    shape = tuple(tensor.shape)
    if len(shape) > len(target) or any(
        size not in (1, wanted) for size, wanted in zip(shape[::-1], target[::-1], strict=False)
    ):
        raise ValueError(
            f"add_at: values of shape {shape} do not broadcast to the indexed shape {target}"
        )
    return tensor.to(x.dtype).expand(target)


def _flat_index(
    index: list[torch.Tensor], sizes: tuple[int, ...], batch: tuple[int, ...], device: torch.device
) -> torch.Tensor:
    """The checked indices into the leading axes of ``sizes`` as one flat int64 index."""
    flat: torch.Tensor | None = None
    for axis, (item, size) in enumerate(zip(index, sizes, strict=True)):
        # NumPy checks a 0-d index always, like an int; others where anything is indexed.
        used = item.ndim == 0 or math.prod(batch) > 0
        wrapped = _in_range(item, size, axis, "add_at", used=used)
        flat = wrapped if flat is None else flat * size + wrapped
    if flat is None:  # indices=(): one whole-array add, as x[()] in NumPy
        return torch.zeros((), dtype=torch.int64, device=device)
    return flat.expand(batch)


def _add_at(x: torch.Tensor, flat: torch.Tensor, addend: torch.Tensor) -> torch.Tensor:
    """``add_at``'s core: add ``addend``'s rows into a copy of ``x`` at the flat ``flat``."""
    result = x.clone(memory_format=torch.contiguous_format)
    width = math.prod(addend.shape[flat.ndim :])
    if flat.numel() == 0 or width == 0:
        return result
    if x.is_complex():
        # The parts apart, as NumPy adds them: CUDA's index_add_ multiplies the source by
        # alpha = 1 first, and (1 + 0j) * (inf + 0j) is inf + nanj.
        width *= 2
        rows = torch.view_as_real(result).view(-1, width)
        source = torch.view_as_real(addend).reshape(flat.numel(), width)
    else:
        signed = _SAME_WIDTH_SIGNED.get(x.dtype, x.dtype)
        rows = result.view(signed).view(-1, width)
        source = addend.view(signed).reshape(flat.numel(), width)
    positions = flat.reshape(-1)
    if width == 1:
        # scatter_add is several times faster than index_add on one column on CPU.
        rows.view(-1).scatter_add_(0, positions, source.view(-1))
    else:
        rows.index_add_(0, positions, source)
    return result


def take_along_axis(x: torch.Tensor, indices: torch.Tensor, axis: int | None = -1) -> torch.Tensor:
    """Pick values from ``x`` along ``axis`` at ``indices``; IndexError out of range.

    NumPy equivalent: ``np.take_along_axis(x, indices, axis)``. ``indices`` has
    ``x``'s number of dimensions, and the two broadcast against each other on
    every axis but ``axis`` (NumPy 2). ``axis=None`` works on the flattened
    ``x`` and a 1-D ``indices``. Negative indices count from the end. Bare
    ``torch.take_along_dim`` wraps an out-of-range index around silently, and
    ``torch.gather`` refuses negative ones. Every dtype works.

    The bounds check is one ``aminmax`` read back to the host: the one device
    sync on CUDA, the price of IndexError. ``torch.compile(fullgraph=True)``
    works; compiled, an out-of-range index raises RuntimeError from torch's
    runtime assert instead of IndexError.

    Args:
        x: Tensor of any rank (at least 1 unless ``axis`` is None).
        indices: Integer tensor of ``x``'s rank (1-D for ``axis=None``).
        axis: Axis to pick along; None for the flattened ``x``.

    Returns:
        A tensor of ``x``'s dtype, of the broadcast shape, with ``indices``' length on ``axis``.

    Raises:
        IndexError: If an index is out of range, or the shapes do not broadcast (as NumPy).
        ValueError: If ``axis`` is out of range, the ranks differ, or
            ``indices`` is on another device than ``x``.
        TypeError: If ``x`` or ``indices`` is not a tensor, or ``indices`` is not integers.

    Examples:
        >>> x = torch.tensor([[10, 30, 20], [60, 40, 50]])
        >>> take_along_axis(x, x.argsort(dim=1), axis=1)  # np.sort(x, axis=1)
        tensor([[10, 20, 30],
                [40, 50, 60]])
        >>> take_along_axis(x, torch.tensor([[-1], [0]]), axis=1)
        tensor([[20],
                [60]])
        >>> take_along_axis(x, torch.tensor([[3]]), axis=1)  # take_along_dim gives [[10], [60]]
        Traceback (most recent call last):
        ...
        IndexError: take_along_axis: index 3 is out of bounds for axis 1 with size 3

    See also:
        [add_at][cookbook.add_at] adds at indices; [flip][cookbook.flip] reverses an axis.
    """
    require_tensor(x, "x", "take_along_axis")
    require_tensor(indices, "indices", "take_along_axis")
    index = _index_tensor(indices, x.device, "take_along_axis", "indices")
    if axis is None:
        if index.ndim != 1:
            raise ValueError(
                f"take_along_axis: with axis=None, indices must be 1-D, got shape "
                f"{tuple(index.shape)}"
            )
        x, dim = x.reshape(-1), 0
    else:
        dim = normalize_axis(axis, x.ndim, "axis", "take_along_axis")
        if index.ndim != x.ndim:
            raise ValueError(
                f"take_along_axis: indices has {index.ndim} dimension(s) but x has {x.ndim}"
            )
    off_axis = _broadcast(
        (*x.shape[:dim], 1, *x.shape[dim + 1 :]), (*index.shape[:dim], 1, *index.shape[dim + 1 :])
    )
    if off_axis is None:
        raise IndexError(
            f"take_along_axis: x of shape {tuple(x.shape)} and indices of shape "
            f"{tuple(index.shape)} do not broadcast off axis {dim}"
        )
    shape = list(off_axis)
    shape[dim] = x.shape[dim]
    source = x.expand(shape)
    shape[dim] = index.shape[dim]
    used = math.prod(shape) > 0
    wrapped = _in_range(index, source.shape[dim], dim, "take_along_axis", used=used)
    signed = _SAME_WIDTH_SIGNED.get(x.dtype)
    if signed is None:
        return torch.gather(source, dim, wrapped.expand(shape))
    return torch.gather(source.view(signed), dim, wrapped.expand(shape)).view(x.dtype)
