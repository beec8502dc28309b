"""Sorting and searching: NumPy's stable ``sort`` and ``argsort``, ``unique``, and ``nonzero``.

The traps: bare ``torch.argsort`` and ``torch.sort`` are unstable unless given
``stable=True``, and torch sorts no complex numbers; ``torch.unique`` has no
``return_index`` and keeps every NaN apart; ``torch.nonzero`` returns an
``(N, ndim)`` matrix where ``np.nonzero`` returns a tuple of index arrays; and
torch 2.13 on CPU cannot sort large uint16, uint32 or uint64 tensors, nor find
their non-zero elements.

Floats are sorted by an integer key that orders them as NumPy does (``-0.0``
equal to ``0.0``, every NaN last and equal): torch sorts integers several times
faster than floats on CPU, and the key leaves no device's float sort to decide
where NaN and the zeros go.
"""

from __future__ import annotations

import math

import torch

from cookbook._validation import normalize_axis, require_tensor

__all__ = ["argsort", "argwhere", "flatnonzero", "nonzero", "sort", "unique"]

# torch 2.13 has no CPU sort (from 2**15 elements on), gather or nonzero
# kernel for these. Flipping the sign bit of the signed dtype of the same width
# maps them onto it in order, so the work happens there.
_SIGNED_OF_UNSIGNED = {
    torch.uint16: torch.int16,
    torch.uint32: torch.int32,
    torch.uint64: torch.int64,
}
_BITS_OF_FLOAT = {
    torch.float16: torch.int16,
    torch.bfloat16: torch.int16,
    torch.float32: torch.int32,
    torch.float64: torch.int64,
}


def _to_signed(x: torch.Tensor) -> torch.Tensor:
    """Wide unsigned values mapped in order onto their signed dtype; others as they are."""
    signed = _SIGNED_OF_UNSIGNED.get(x.dtype)
    if signed is None:
        return x
    return x.view(signed) ^ torch.iinfo(signed).min


def _from_signed(y: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
    """Undo ``_to_signed`` for a tensor that held values of ``dtype``."""
    if dtype not in _SIGNED_OF_UNSIGNED:
        return y
    return (y ^ torch.iinfo(y.dtype).min).view(dtype)


def _float_key(x: torch.Tensor, *, nan_first: bool = False) -> torch.Tensor:
    """Integers that sort like NumPy's floats: ``-0.0`` equal to ``0.0``, NaN last (or first)."""
    signed = _BITS_OF_FLOAT[x.dtype]
    nan = torch.isnan(x)
    canonical = torch.where(nan, math.nan, x + 0.0)  # -0.0 + 0.0 is 0.0
    bits = canonical.view(signed)
    # Negative floats grow more negative as their bits grow: flip all but the sign.
    key = bits ^ ((bits >> (8 * bits.element_size() - 1)) & torch.iinfo(signed).max)
    return torch.where(nan, torch.iinfo(signed).min, key) if nan_first else key


def _sort_keys(y: torch.Tensor, *, nan_first: bool) -> tuple[torch.Tensor, ...]:
    """Keys that order ``y`` as NumPy does, the most significant first."""
    if y.is_complex():
        # NumPy's order: finite real and imag, then NaN imag, NaN real, both NaN;
        # within each class by real, then imag.
        real, imag = y.real, y.imag
        nan_class = torch.isnan(real).to(torch.int8) * 2 + torch.isnan(imag).to(torch.int8)
        return nan_class, _float_key(real), _float_key(imag)
    if y.is_floating_point():
        return (_float_key(y, nan_first=nan_first),)
    return (y,)


def _argsort(y: torch.Tensor, dim: int, *, nan_first: bool = False) -> torch.Tensor:
    """Stable NumPy order of ``y`` (no wide unsigned dtype) along ``dim``."""
    *major, minor = _sort_keys(y, nan_first=nan_first)
    order = torch.sort(minor, dim=dim, stable=True).indices
    for key in reversed(major):
        order = order.gather(dim, torch.sort(key.gather(dim, order), dim=dim, stable=True).indices)
    return order


def _sort(y: torch.Tensor, dim: int) -> torch.Tensor:
    if y.is_floating_point() or y.is_complex():
        return y.gather(dim, _argsort(y, dim))
    return torch.sort(y, dim=dim, stable=True).values


def _flat_or_axis(x: torch.Tensor, axis: int | None, recipe: str) -> tuple[torch.Tensor, int]:
    if axis is None:
        return x.reshape(-1), 0
    return x, normalize_axis(axis, x.ndim, "axis", recipe)


def sort(x: torch.Tensor, axis: int | None = -1) -> torch.Tensor:
    """Sort along ``axis``, stably, with NaN last: NumPy's order on every device.

    NumPy equivalent: ``np.sort(x, axis, kind="stable")``. ``axis=None``
    sorts the flattened tensor. Equal values keep their order, so ``-0.0`` and
    ``0.0`` stay as they were; NaN goes last; complex numbers sort by real part,
    then imaginary part, NaN last, as in NumPy. Every dtype works: bare
    ``torch.sort`` refuses complex numbers, and large uint16, uint32 and uint64
    tensors on CPU.

    Args:
        x: Tensor of any shape.
        axis: The axis to sort along; None flattens first.

    Returns:
        A new tensor of ``x``'s dtype and shape (1-D of ``x.numel()`` for None).

    Raises:
        ValueError: If ``axis`` is out of range (a 0-d ``x`` needs ``axis=None``).
        TypeError: If ``x`` is not a tensor or ``axis`` is not an integer.

    Examples:
        >>> sort(torch.tensor([3.0, float("nan"), -0.0, 0.0, -1.0]))
        tensor([-1., -0., 0., 3., nan])
        >>> sort(torch.tensor([[3, 1], [2, 4]]), axis=None)
        tensor([1, 2, 3, 4])
        >>> sort(torch.tensor([1 + 2j, 1 - 1j, 0 + 5j]))
        tensor([0.+5.j, 1.-1.j, 1.+2.j])

    See also:
        [argsort][cookbook.argsort] for the order itself, and
        [unique][cookbook.unique] for the sorted distinct values.
    """
    require_tensor(x, "x", "sort")
    flat, dim = _flat_or_axis(x, axis, "sort")
    return _from_signed(_sort(_to_signed(flat), dim), x.dtype)


def argsort(x: torch.Tensor, axis: int | None = -1) -> torch.Tensor:
    """The indices that sort ``x`` along ``axis``, stably: ties keep their order.

    NumPy equivalent: ``np.argsort(x, axis, kind="stable")``. Bare
    ``torch.argsort(x)`` is unstable (``stable=False`` by default), so the
    order of equal values, ``-0.0`` and ``0.0`` among them, can differ from
    NumPy's. NaN goes last and complex numbers sort as in
    [sort][cookbook.sort]. Every dtype works. A 0-d ``x`` counts as 1-D, as
    in NumPy (whose ``np.sort`` refuses it).

    Args:
        x: Tensor of any shape.
        axis: The axis to sort along; None flattens first.

    Returns:
        int64 indices of ``x``'s shape (1-D of ``x.numel()`` for None or a 0-d ``x``).

    Raises:
        ValueError: If ``axis`` is out of range.
        TypeError: If ``x`` is not a tensor or ``axis`` is not an integer.

    Examples:
        >>> argsort(torch.tensor([2, 1, 2, 1]))
        tensor([1, 3, 0, 2])
        >>> argsort(torch.tensor([0.0, float("nan"), -0.0, -1.0]))
        tensor([3, 0, 2, 1])
        >>> argsort(torch.tensor([[3, 1], [2, 4]]), axis=0)
        tensor([[1, 0],
                [0, 1]])

    See also:
        [sort][cookbook.sort] for the sorted values, and
        [unique][cookbook.unique] with ``return_index=True``.
    """
    require_tensor(x, "x", "argsort")
    flat, dim = _flat_or_axis(x.reshape(1) if x.ndim == 0 else x, axis, "argsort")
    return _argsort(_to_signed(flat), dim)


def _unique_from_order(
    order: torch.Tensor,
    ordered: torch.Tensor,
    new: torch.Tensor,
    return_index: bool,
    return_inverse: bool,
    return_counts: bool,
) -> list[torch.Tensor]:
    """Values, then the asked-for extras, from the stable order and where a new value starts."""
    first = torch.ones(ordered.shape[0], dtype=torch.bool, device=ordered.device)
    first[1:] = new
    results = [ordered[first]]
    if return_index:
        results.append(order[first])
    if return_inverse:
        rank = torch.cumsum(first, 0) - 1
        results.append(torch.empty_like(rank).scatter_(0, order, rank))
    if return_counts:
        starts = torch.nonzero(first).squeeze(1)
        end = torch.full((1,), first.shape[0], dtype=starts.dtype, device=starts.device)
        results.append(torch.diff(starts, append=end))
    return results


def _unique_flat(
    y: torch.Tensor, flags: tuple[bool, bool, bool], equal_nan: bool
) -> list[torch.Tensor]:
    order = _argsort(y, 0)
    ordered = y[order]
    new = ordered[1:] != ordered[:-1]
    if equal_nan and (y.is_floating_point() or y.is_complex()):
        # NaNs sort last; NumPy 2 makes them one value (for complex: any NaN part).
        nan = torch.isnan(ordered)
        new &= ~(nan[1:] & nan[:-1])
    return _unique_from_order(order, ordered, new, *flags)


def _unique_slices(
    y: torch.Tensor, axis: int, flags: tuple[bool, bool, bool]
) -> list[torch.Tensor]:
    """Unique slices along ``axis``: NumPy compares them as rows of fields, NaN never equal."""
    moved = torch.movedim(y, axis, 0)
    rows = moved.reshape(moved.shape[0], math.prod(moved.shape[1:]))
    order = torch.arange(rows.shape[0], device=y.device)
    # NumPy orders slices as records of fields, and its float16 field compare puts NaN first.
    nan_first = y.dtype == torch.float16
    for column in reversed(range(rows.shape[1])):
        order = order[_argsort(rows[order, column], 0, nan_first=nan_first)]
    ordered = rows[order]
    new = (ordered[1:] != ordered[:-1]).any(dim=1)
    values, *extras = _unique_from_order(order, ordered, new, *flags)
    values = torch.movedim(values.reshape(values.shape[0], *moved.shape[1:]), 0, axis)
    return [values, *extras]


def _require_flag(value: object, name: str) -> bool:
    if not isinstance(value, bool):
        raise TypeError(
            f"unique: {name} must be True or False, got {type(value).__name__} {value!r}"
        )
    return value


def unique(
    x: torch.Tensor,
    *,
    return_index: bool = False,
    return_inverse: bool = False,
    return_counts: bool = False,
    axis: int | None = None,
    equal_nan: bool = True,
) -> torch.Tensor | tuple[torch.Tensor, ...]:
    """The sorted distinct values of ``x``, with first-occurrence indices, inverse and counts.

    NumPy equivalent: ``np.unique(x, return_index=..., return_inverse=...,
    return_counts=..., axis=..., equal_nan=...)``, with the same return
    structure: the values alone, or a tuple of the values and the extras asked
    for, in that order. Bare ``torch.unique`` has no ``return_index`` and keeps
    every NaN apart; here ``equal_nan=True`` makes all NaNs one value, as in
    NumPy 2. ``-0.0`` and ``0.0`` are one value, shown as the one that comes
    first in ``x`` (NumPy gives that one with ``return_index=True``; without it,
    its choice depends on its unstable sort). With ``axis`` set, unique slices
    along it are compared whole, and a slice holding NaN equals no other, as in
    NumPy (which orders float16 slices with NaN first; so does this recipe).
    Every dtype works. The result's length depends on the values: ``torch.compile``
    keeps it in one graph once
    ``torch._dynamo.config.capture_dynamic_output_shape_ops = True`` is set
    (torch 2.13 does so by itself under ``fullgraph=True``).

    Shapes: ``inverse`` has ``x``'s shape for ``axis=None`` (as in NumPy 2)
    and is 1-D otherwise; ``index`` and ``counts`` are 1-D; all three int64.

    Args:
        x: Tensor of any shape.
        return_index: Also return the index of each value's first occurrence
            (in the flattened ``x``, or along ``axis``).
        return_inverse: Also return the indices into the values that rebuild ``x``.
        return_counts: Also return how often each value occurs.
        axis: The axis whose slices are compared; None flattens ``x``.
        equal_nan: Whether NaNs are one value (flattened or 1-D ``x`` only, as in NumPy).

    Returns:
        The unique values, or a tuple ``(values, [index], [inverse], [counts])``.

    Raises:
        ValueError: If ``axis`` is out of range.
        TypeError: If ``x`` is not a tensor, ``axis`` not an integer or a flag not a bool.

    Examples:
        >>> x = torch.tensor([2.0, float("nan"), 1.0, 2.0, float("nan")])
        >>> unique(x)
        tensor([1., 2., nan])
        >>> values, index, counts = unique(x, return_index=True, return_counts=True)
        >>> index, counts
        (tensor([2, 0, 1]), tensor([1, 2, 2]))
        >>> unique(torch.tensor([[1, 2], [0, 5], [1, 2]]), axis=0, return_inverse=True)
        (tensor([[0, 5],
                [1, 2]]), tensor([1, 0, 1]))

    See also:
        [sort][cookbook.sort] and [argsort][cookbook.argsort] keep every value.
    """
    require_tensor(x, "x", "unique")
    flags = (
        _require_flag(return_index, "return_index"),
        _require_flag(return_inverse, "return_inverse"),
        _require_flag(return_counts, "return_counts"),
    )
    _require_flag(equal_nan, "equal_nan")
    y = _to_signed(x)
    dim = None if axis is None else normalize_axis(axis, x.ndim, "axis", "unique")
    if dim is not None and x.ndim > 1:
        values, *extras = _unique_slices(y, dim, flags)
    else:
        values, *extras = _unique_flat(y.reshape(-1), flags, equal_nan)
        if return_inverse:
            at = int(return_index)
            extras[at] = extras[at].reshape(x.shape)
    if not extras:
        return _from_signed(values, x.dtype)
    return (_from_signed(values, x.dtype), *extras)


def _require_dims(x: torch.Tensor, recipe: str) -> None:
    if x.ndim == 0:
        raise ValueError(
            f"{recipe}: x must have at least one dimension, got a 0-d tensor "
            "(NumPy 2 refuses it too; use x.reshape(1))"
        )


def _nonzero_bits(x: torch.Tensor) -> torch.Tensor:
    """``x``, or for wide unsigned dtypes the same bits as signed (zero stays zero)."""
    signed = _SIGNED_OF_UNSIGNED.get(x.dtype)
    return x if signed is None else x.view(signed)


def nonzero(x: torch.Tensor) -> tuple[torch.Tensor, ...]:
    """The indices of the non-zero elements, one 1-D index tensor per axis.

    NumPy equivalent: ``np.nonzero(x)``. Bare ``torch.nonzero(x)`` returns an
    ``(N, ndim)`` matrix instead; ``torch.nonzero(x, as_tuple=True)`` is this
    recipe's tuple, but it accepts 0-d input (which NumPy 2 refuses) and on CPU
    refuses uint16, uint32 and uint64, which work here. NaN counts as non-zero,
    ``-0.0`` as zero. The result's length depends on the values: ``torch.compile``
    keeps it in one graph once
    ``torch._dynamo.config.capture_dynamic_output_shape_ops = True`` is set
    (torch 2.13 does so by itself under ``fullgraph=True``).

    Args:
        x: Tensor of at least one dimension.

    Returns:
        A tuple of ``x.ndim`` int64 tensors of the same length ``N``.

    Raises:
        ValueError: If ``x`` is 0-d.
        TypeError: If ``x`` is not a tensor.

    Examples:
        >>> nonzero(torch.tensor([[1, 0], [0, 3]]))
        (tensor([0, 1]), tensor([0, 1]))
        >>> nonzero(torch.tensor([0.0, -0.0, float("nan")]))
        (tensor([2]),)

    See also:
        [argwhere][cookbook.argwhere] for the ``(N, ndim)`` matrix, and
        [flatnonzero][cookbook.flatnonzero] for flat indices.
    """
    require_tensor(x, "x", "nonzero")
    _require_dims(x, "nonzero")
    return torch.nonzero(_nonzero_bits(x), as_tuple=True)


def argwhere(x: torch.Tensor) -> torch.Tensor:
    """The indices of the non-zero elements as an ``(N, ndim)`` matrix, one row each.

    NumPy equivalent: ``np.argwhere(x)``; a 0-d ``x`` gives shape ``(1, 0)``
    or ``(0, 0)``, as in NumPy. ``torch.argwhere`` computes the same but
    refuses uint16, uint32 and uint64 on CPU; every dtype works here.
    The result's length depends on the values: ``torch.compile``
    keeps it in one graph once
    ``torch._dynamo.config.capture_dynamic_output_shape_ops = True`` is set
    (torch 2.13 does so by itself under ``fullgraph=True``).

    Args:
        x: Tensor of any shape.

    Returns:
        int64 tensor of shape ``(N, x.ndim)``.

    Raises:
        TypeError: If ``x`` is not a tensor.

    Examples:
        >>> argwhere(torch.tensor([[1, 0], [0, 3]]))
        tensor([[0, 0],
                [1, 1]])
        >>> argwhere(torch.tensor(5)).shape
        torch.Size([1, 0])

    See also:
        [nonzero][cookbook.nonzero] for a tuple of index tensors, one per axis.
    """
    require_tensor(x, "x", "argwhere")
    return torch.argwhere(_nonzero_bits(x))


def flatnonzero(x: torch.Tensor) -> torch.Tensor:
    """The indices of the non-zero elements of ``x`` flattened.

    NumPy equivalent: ``np.flatnonzero(x)``; a 0-d ``x`` counts as one element.
    The bare route is ``torch.flatten(x).nonzero().squeeze(1)``, which refuses
    uint16, uint32 and uint64 on CPU; every dtype works here.
    The result's length depends on the values: ``torch.compile``
    keeps it in one graph once
    ``torch._dynamo.config.capture_dynamic_output_shape_ops = True`` is set
    (torch 2.13 does so by itself under ``fullgraph=True``).

    Args:
        x: Tensor of any shape.

    Returns:
        1-D int64 tensor of indices into ``x.reshape(-1)``.

    Raises:
        TypeError: If ``x`` is not a tensor.

    Examples:
        >>> flatnonzero(torch.tensor([[1, 0], [0, 3]]))
        tensor([0, 3])
        >>> flatnonzero(torch.tensor(0))
        tensor([], dtype=torch.int64)

    See also:
        [nonzero][cookbook.nonzero] for one index tensor per axis.
    """
    require_tensor(x, "x", "flatnonzero")
    return torch.nonzero(_nonzero_bits(x).reshape(-1)).squeeze(1)
