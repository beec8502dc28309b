"""Transpose and permute: reorder axes as NumPy does, always as views.

``torch.permute`` and ``torch.movedim`` already return views; these recipes add
NumPy's argument rules and errors that say which argument is wrong.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch

from cookbook._validation import (
    BARE_OP_ERRORS,
    as_ints,
    is_one_int,
    normalize_axis,
    require_tensor,
)

__all__ = ["chw_to_hwc", "hwc_to_chw", "inverse_permutation", "moveaxis", "permute"]


def _permutation(dims: Sequence[int], ndim: int, name: str, recipe: str) -> tuple[int, ...]:
    """``dims`` with negative entries made positive, checked to be a permutation of range(ndim)."""
    values = as_ints(dims, name, recipe)
    if len(values) != ndim:
        raise ValueError(f"{recipe}: {name} {values} must hold {ndim} axes, one per dimension")
    normalized = tuple(value % ndim if -ndim <= value < 0 else value for value in values)
    if sorted(normalized) != list(range(ndim)):
        raise ValueError(f"{recipe}: {name} {values} is not a permutation of range({ndim})")
    return normalized


def inverse_permutation(dims: Sequence[int]) -> tuple[int, ...]:
    """The permutation that undoes ``dims``: ``x.permute(dims).permute(inverse)`` is ``x``.

    NumPy equivalent: ``tuple(np.argsort(dims))`` (after making negative dims
    positive). Negative dims count from the end, as in ``permute``.

    Args:
        dims: A permutation of ``range(len(dims))``; entries may be negative.

    Returns:
        The inverse permutation, with non-negative entries.

    Raises:
        ValueError: If ``dims`` is not a permutation.
        TypeError: If ``dims`` does not hold integers.

    Examples:
        >>> inverse_permutation((2, 0, 1))
        (1, 2, 0)
        >>> inverse_permutation((-1, 0, 1))  # -1 is the last axis
        (1, 2, 0)
        >>> inverse_permutation(())
        ()

    See also:
        [permute][cookbook.permute].
    """
    values = as_ints(dims, "dims", "inverse_permutation")
    order = _permutation(values, len(values), "dims", "inverse_permutation")
    inverse = [0] * len(order)
    for position, axis in enumerate(order):
        inverse[axis] = position
    return tuple(inverse)


def permute(x: torch.Tensor, dims: Sequence[int]) -> torch.Tensor:
    """Reorder all axes of ``x``; a view, never a copy.

    NumPy equivalent: ``np.transpose(x, dims)``. Bare ``x.permute(*dims)`` does the
    same; the result is usually not contiguous, so a later ``view`` needs
    ``.contiguous()`` (or use ``reshape``).

    Args:
        x: Tensor of any rank.
        dims: A permutation of ``range(x.ndim)``; entries may be negative.

    Returns:
        A view of ``x`` whose axis ``i`` is ``x``'s axis ``dims[i]``.

    Raises:
        ValueError: If ``dims`` is not a permutation of ``range(x.ndim)``.
        TypeError: If ``x`` is not a tensor or ``dims`` does not hold integers.

    Examples:
        >>> x = torch.zeros(2, 3, 4)
        >>> permute(x, (2, 0, 1)).shape
        torch.Size([4, 2, 3])
        >>> permute(x, (2, 0, 1)).is_contiguous()
        False

    See also:
        [inverse_permutation][cookbook.inverse_permutation], [moveaxis][cookbook.moveaxis].
    """
    if isinstance(x, torch.Tensor) and type(dims) is tuple:
        try:  # torch refuses what NumPy refuses: validate only then, to name the fault
            return x.permute(dims)
        except BARE_OP_ERRORS:
            pass
    require_tensor(x, "x", "permute")
    return x.permute(_permutation(dims, x.ndim, "dims", "permute"))


# Argument types the fast path hands to torch as they are (bool is not int here).
_AXES = (int, tuple)


def _axes(value: int | Sequence[int], ndim: int, name: str) -> tuple[int, ...]:
    items = (value,) if is_one_int(value) else as_ints(value, name, "moveaxis")
    axes = tuple(normalize_axis(item, ndim, name, "moveaxis") for item in items)
    if len(set(axes)) != len(axes):
        raise ValueError(f"moveaxis: {name} {items} repeats an axis")
    return axes


def moveaxis(
    x: torch.Tensor, source: int | Sequence[int], destination: int | Sequence[int]
) -> torch.Tensor:
    """Move axes of ``x`` to new positions, keeping the others in order; a view.

    NumPy equivalent: ``np.moveaxis(x, source, destination)``; bare torch spells
    it ``torch.movedim``.

    Args:
        x: Tensor of any rank.
        source: Axis or axes to move; negative axes count from the end.
        destination: Where each source axis ends up; as many as ``source``.

    Returns:
        A view of ``x`` with the axes moved.

    Raises:
        ValueError: If an axis is out of range or repeated, or ``source`` and
            ``destination`` differ in length.
        TypeError: If ``x`` is not a tensor or an axis is not an integer.

    Examples:
        >>> x = torch.zeros(3, 4, 5)
        >>> moveaxis(x, 0, -1).shape
        torch.Size([4, 5, 3])
        >>> moveaxis(x, (0, 1), (-1, -2)).shape
        torch.Size([5, 4, 3])

    See also:
        [permute][cookbook.permute], [chw_to_hwc][cookbook.chw_to_hwc].
    """
    if (
        isinstance(x, torch.Tensor)
        and x.ndim  # torch takes axis 0 of a 0-d tensor; NumPy does not
        and type(source) in _AXES
        and type(destination) in _AXES
    ):
        try:  # torch.movedim refuses what NumPy refuses
            return x.movedim(source, destination)  # type: ignore[arg-type]  # int or tuple
        except BARE_OP_ERRORS:
            pass
    require_tensor(x, "x", "moveaxis")
    sources = _axes(source, x.ndim, "source")
    destinations = _axes(destination, x.ndim, "destination")
    if len(sources) != len(destinations):
        raise ValueError(
            f"moveaxis: source {sources} and destination {destinations} differ in length"
        )
    return x.movedim(sources, destinations)


def _image(x: torch.Tensor, recipe: str) -> torch.Tensor:
    require_tensor(x, "x", recipe)
    if x.ndim < 3:
        raise ValueError(f"{recipe}: x must have at least 3 dimensions, got shape {tuple(x.shape)}")
    return x


def chw_to_hwc(x: torch.Tensor) -> torch.Tensor:
    """Channels-first images to channels-last: Tensor[..., C, H, W] to Tensor[..., H, W, C].

    NumPy equivalent: ``np.moveaxis(x, -3, -1)``, i.e. ``np.transpose`` of the last
    three axes by ``(1, 2, 0)``. A view; leading batch axes are kept. Matplotlib
    wants HWC, torch's convolutions want CHW.

    Args:
        x: Tensor[..., C, H, W].

    Returns:
        A view of shape (..., H, W, C).

    Raises:
        ValueError: If ``x`` has fewer than 3 dimensions.
        TypeError: If ``x`` is not a tensor.

    Examples:
        >>> chw_to_hwc(torch.zeros(3, 32, 64)).shape
        torch.Size([32, 64, 3])
        >>> chw_to_hwc(torch.zeros(8, 3, 32, 64)).shape  # a batch
        torch.Size([8, 32, 64, 3])

    See also:
        [hwc_to_chw][cookbook.hwc_to_chw], [moveaxis][cookbook.moveaxis].
    """
    return _image(x, "chw_to_hwc").movedim(-3, -1)


def hwc_to_chw(x: torch.Tensor) -> torch.Tensor:
    """Channels-last images to channels-first: Tensor[..., H, W, C] to Tensor[..., C, H, W].

    NumPy equivalent: ``np.moveaxis(x, -1, -3)``. A view; the inverse of
    [chw_to_hwc][cookbook.chw_to_hwc].

    Args:
        x: Tensor[..., H, W, C].

    Returns:
        A view of shape (..., C, H, W).

    Raises:
        ValueError: If ``x`` has fewer than 3 dimensions.
        TypeError: If ``x`` is not a tensor.

    Examples:
        >>> hwc_to_chw(torch.zeros(32, 64, 3)).shape
        torch.Size([3, 32, 64])
        >>> hwc_to_chw(torch.zeros(2, 3))
        Traceback (most recent call last):
        ...
        ValueError: hwc_to_chw: x must have at least 3 dimensions, got shape (2, 3)

    See also:
        [chw_to_hwc][cookbook.chw_to_hwc].
    """
    return _image(x, "hwc_to_chw").movedim(-1, -3)
