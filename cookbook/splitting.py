"""Splitting and padding: NumPy's ``split``, ``array_split``, ``pad`` and ``flip`` for tensors.

The traps: ``torch.split`` takes chunk *sizes* where ``np.split`` takes a count
of sections or the indices to cut at; ``F.pad`` pads only the last three axes,
has no ``symmetric`` mode and refuses widths larger than the input; and
``torch.flip`` copies where ``np.flip`` returns a view.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch

from cookbook._dtypes import as_signed_bits
from cookbook._validation import normalize_axes, require_tensor

__all__ = ["flip"]


def flip(x: torch.Tensor, axis: int | Sequence[int] | None = None) -> torch.Tensor:
    """Reverse the order of elements along ``axis``; always a copy.

    NumPy equivalent: ``np.flip(x, axis)``. ``axis=None`` reverses every axis,
    and ``axis=()`` none. NumPy returns a view with negative strides; torch has
    no negative strides, so ``torch.flip`` (and this recipe) copies. Every
    dtype works, uint16, uint32 and uint64 included, where bare ``torch.flip``
    raises ``NotImplementedError`` on CPU.

    Args:
        x: Tensor of any rank.
        axis: Axis or axes to reverse; None reverses all of them.

    Returns:
        A new tensor of ``x``'s shape and dtype.

    Raises:
        ValueError: If an axis is out of range or given twice.
        TypeError: If ``x`` is not a tensor or ``axis`` is not integers.

    Examples:
        >>> x = torch.tensor([[1, 2, 3], [4, 5, 6]])
        >>> flip(x, axis=1)
        tensor([[3, 2, 1],
                [6, 5, 4]])
        >>> flip(x)
        tensor([[6, 5, 4],
                [3, 2, 1]])
        >>> flip(torch.tensor([1, 2], dtype=torch.uint16))  # bare torch.flip raises here
        tensor([2, 1], dtype=torch.uint16)

    See also:
        [moveaxis][cookbook.moveaxis] and [permute][cookbook.permute] reorder axes,
        not the elements along them.
    """
    require_tensor(x, "x", "flip")
    dims = tuple(range(x.ndim)) if axis is None else normalize_axes(axis, x.ndim, "flip")
    return torch.flip(as_signed_bits(x), dims).view(x.dtype)
