"""Contiguous versus view: strides, when ``view`` works, and when two tensors share memory.

A tensor is a storage plus a shape, strides and an offset. ``view`` only
re-labels that storage, so it needs strides that fit the new shape; ``reshape``
falls back to a copy where they do not.
"""

from __future__ import annotations

import math

import torch

from cookbook._validation import as_ints, as_shape, require_tensor

__all__ = ["contiguous_strides", "is_contiguous", "shares_storage", "view_strides"]


def contiguous_strides(shape: tuple[int, ...]) -> tuple[int, ...]:
    """Row-major (C-order) strides, in elements, of a freshly allocated tensor.

    NumPy equivalent: ``tuple(s // itemsize for s in np.empty(shape).strides)`` for
    shapes without a zero size; for those, NumPy reports zeros while torch (and
    this recipe) still multiplies by ``max(size, 1)``.

    Args:
        shape: Sequence of non-negative sizes.

    Returns:
        One stride per dimension; the last is 1.

    Examples:
        >>> contiguous_strides((2, 3, 4))
        (12, 4, 1)
        >>> contiguous_strides((2, 0, 3))  # matches torch.empty(2, 0, 3).stride()
        (3, 3, 1)
        >>> contiguous_strides(())
        ()

    See also:
        [is_contiguous][cookbook.is_contiguous], [view_strides][cookbook.view_strides].
    """
    sizes = as_shape(shape, "shape", "contiguous_strides")
    strides = []
    step = 1
    for size in reversed(sizes):
        strides.append(step)
        step *= max(size, 1)
    return tuple(reversed(strides))


def _shape_and_strides(
    shape: tuple[int, ...], strides: tuple[int, ...], recipe: str
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    sizes = as_shape(shape, "shape", recipe)
    steps = as_ints(strides, "strides", recipe)
    if len(sizes) != len(steps):
        raise ValueError(
            f"{recipe}: shape {sizes} and strides {steps} differ in length: "
            f"{len(sizes)} != {len(steps)}"
        )
    if any(step < 0 for step in steps):
        raise ValueError(
            f"{recipe}: strides must be non-negative (torch has no negative strides), got {steps}"
        )
    return sizes, steps


def is_contiguous(shape: tuple[int, ...], strides: tuple[int, ...]) -> bool:
    """Whether a tensor with this shape and these strides is C-contiguous.

    Equivalent to ``torch.empty_strided(shape, strides).is_contiguous()``: the
    strides must be the row-major ones, except that dimensions of size 1 may
    have any stride, and a tensor with no elements is always contiguous.
    NumPy equivalent: ``a.flags.c_contiguous``, which follows the same rule.

    Args:
        shape: Sequence of non-negative sizes.
        strides: Sequence of non-negative strides in elements, one per dimension.

    Returns:
        True where the elements lie in row-major order with no gaps.

    Examples:
        >>> is_contiguous((10, 10), (10, 1))
        True
        >>> is_contiguous((10, 10), (1, 10))  # the strides of x.transpose(0, 1)
        False
        >>> is_contiguous((1, 3), (99, 1))  # a size-1 dimension's stride is ignored
        True

    See also:
        [contiguous_strides][cookbook.contiguous_strides], [view_strides][cookbook.view_strides].
    """
    sizes, steps = _shape_and_strides(shape, strides, "is_contiguous")
    if 0 in sizes:
        return True
    expected = 1
    for size, step in zip(reversed(sizes), reversed(steps), strict=True):
        if size == 1:
            continue
        if step != expected:
            return False
        expected *= size
    return True


def _infer_view_shape(
    new_shape: tuple[int, ...], numel: int, old_shape: tuple[int, ...]
) -> tuple[int, ...]:
    """``new_shape`` with its one ``-1`` filled in, checked against ``numel``."""
    recipe = "view_strides"
    if new_shape.count(-1) > 1:
        raise ValueError(f"{recipe}: new_shape may hold only one -1, got {new_shape}")
    if any(size < -1 for size in new_shape):
        raise ValueError(f"{recipe}: new_shape holds a negative size, got {new_shape}")
    known = math.prod(size for size in new_shape if size != -1)
    if -1 in new_shape:
        if known == 0:
            raise ValueError(
                f"{recipe}: the -1 in new_shape {new_shape} is ambiguous: "
                f"the other sizes multiply to 0"
            )
        if numel % known:
            raise ValueError(
                f"{recipe}: shape {old_shape} ({numel} elements) does not fit new_shape {new_shape}"
            )
        new_shape = tuple(numel // known if size == -1 else size for size in new_shape)
    elif known != numel:
        raise ValueError(
            f"{recipe}: shape {old_shape} ({numel} elements) does not fit new_shape {new_shape}"
        )
    return new_shape


def view_strides(
    shape: tuple[int, ...], strides: tuple[int, ...], new_shape: tuple[int, ...]
) -> tuple[int, ...] | None:
    """The strides ``x.view(new_shape)`` would give, or None where ``view`` raises.

    ``view`` never copies, so it succeeds only when every run of old dimensions
    that the new shape merges or splits is itself contiguous in memory. Where it
    returns None, ``x.reshape(new_shape)`` copies instead. NumPy equivalent:
    ``a.shape = new_shape`` (assigning the shape), which raises in the same cases.

    Args:
        shape: The tensor's sizes.
        strides: The tensor's strides in elements.
        new_shape: The requested shape; one entry may be ``-1``.

    Returns:
        The view's strides, or None if the strides do not allow a view.

    Raises:
        ValueError: If ``new_shape`` does not hold as many elements as ``shape``,
            holds more than one ``-1``, or a ``-1`` that cannot be inferred.

    Examples:
        >>> view_strides((10, 10), (10, 1), (100,))
        (1,)
        >>> view_strides((10, 10), (1, 10), (100,)) is None  # x.t().view(100) raises
        True
        >>> view_strides((4, 6), (6, 1), (2, 2, -1))
        (12, 6, 1)

    See also:
        [is_contiguous][cookbook.is_contiguous], [shares_storage][cookbook.shares_storage].
    """
    sizes, steps = _shape_and_strides(shape, strides, "view_strides")
    numel = math.prod(sizes)
    target = _infer_view_shape(as_ints(new_shape, "new_shape", "view_strides"), numel, sizes)
    if not sizes:
        return (1,) * len(target)
    if numel == 0:
        return steps if target == sizes else contiguous_strides(target)

    # Walk the old dimensions from the last, cutting them into chunks that are
    # contiguous among themselves; each chunk must be covered exactly by a run
    # of new dimensions, which then get strides based on the chunk's last stride.
    result = [0] * len(target)
    new_dim = len(target) - 1
    chunk_stride = steps[-1]
    chunk_numel = 1
    covered_numel = 1
    for old_dim in range(len(sizes) - 1, -1, -1):
        chunk_numel *= sizes[old_dim]
        chunk_ends = old_dim == 0 or (
            sizes[old_dim - 1] != 1 and steps[old_dim - 1] != chunk_numel * chunk_stride
        )
        if not chunk_ends:
            continue
        while new_dim >= 0 and (covered_numel < chunk_numel or target[new_dim] == 1):
            result[new_dim] = covered_numel * chunk_stride
            covered_numel *= target[new_dim]
            new_dim -= 1
        if covered_numel != chunk_numel:
            return None
        if old_dim > 0:
            chunk_stride = steps[old_dim - 1]
            chunk_numel = 1
            covered_numel = 1
    if new_dim != -1:
        return None
    return tuple(result)


def _byte_span(x: torch.Tensor) -> tuple[int, int] | None:
    """The addresses ``[first, last + itemsize)`` of x's elements; None if it spans no memory."""
    start = x.data_ptr()
    if x.numel() == 0 or start == 0:
        return None
    last = sum((size - 1) * step for size, step in zip(x.shape, x.stride(), strict=True))
    return start, start + (last + 1) * x.element_size()


def shares_storage(a: torch.Tensor, b: torch.Tensor) -> bool:
    """Whether two tensors span overlapping memory, so writing one may change the other.

    NumPy equivalent: ``np.may_share_memory(a, b)``: like it, this compares the
    byte ranges each tensor spans (from its first element's address to the end
    of its last), not the elements themselves, so two interleaved views such as
    ``x[::2]`` and ``x[1::2]`` count as sharing. True for ``x`` and any view of
    it (``x.t()``, ``x[1:]``, ``x.view(-1)``, ``x.expand(...)``, ``x.detach()``),
    and for ``torch.from_numpy(arr)`` and ``torch.from_numpy(arr[2:])``, which
    sit in two storages over one buffer; False for a copy (``x.clone()``,
    ``x.contiguous()`` of a non-contiguous ``x``), for disjoint slices such as
    ``x[:2]`` and ``x[2:]``, and for tensors on different devices.

    A tensor with no elements (or on the ``meta`` device) spans no memory;
    there the answer is whether both tensors view the same storage, where
    ``np.may_share_memory`` would say False.

    Args:
        a: A tensor.
        b: A tensor.

    Returns:
        True when the memory ranges of ``a`` and ``b`` overlap on one device.

    Raises:
        TypeError: If ``a`` or ``b`` is not a tensor.

    Examples:
        >>> x = torch.zeros(10, 10)
        >>> shares_storage(x, x.t()), shares_storage(x, x.t().contiguous())
        (True, False)
        >>> shares_storage(x, x.contiguous())  # already contiguous: the same tensor
        True
        >>> shares_storage(x[:5], x[5:]), shares_storage(x[:6], x[5:])
        (False, True)

    See also:
        [view_strides][cookbook.view_strides].
    """
    require_tensor(a, "a", "shares_storage")
    require_tensor(b, "b", "shares_storage")
    if a.device != b.device:
        return False
    span_a, span_b = _byte_span(a), _byte_span(b)
    if span_a is None or span_b is None:
        # ``_cdata`` is the address of the StorageImpl: the storage's identity,
        # which also holds for zero-byte storages (whose data pointers are null).
        return bool(a.untyped_storage()._cdata == b.untyped_storage()._cdata)
    return span_a[0] < span_b[1] and span_b[0] < span_a[1]
