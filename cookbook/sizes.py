"""Numel: how many elements, and how many bytes, for tensors, arrays and shapes alike."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import torch

from cookbook._validation import as_shape, describe

__all__ = ["nbytes", "numel"]


def numel(x: torch.Tensor | np.ndarray | Sequence[int]) -> int:
    """The number of elements of a tensor, an array, or a tensor of the given shape.

    NumPy equivalent: ``np.size(x)`` for arrays, ``math.prod(shape)`` for shapes.
    Bare torch has ``x.numel()`` on tensors only; a ``torch.Size`` has
    ``.numel()`` too, a plain tuple does not.

    Args:
        x: A tensor, an ndarray, a ``torch.Size`` or a sequence of sizes.

    Returns:
        The element count: 1 for a 0-d tensor or the empty shape ``()``, 0 when
        any size is 0.

    Raises:
        TypeError: For anything else, text included.
        ValueError: For a shape holding a negative size.

    Examples:
        >>> numel(torch.zeros(2, 3, 5))
        30
        >>> numel(torch.tensor(7.0)), numel(()), numel([4, 0, 2])
        (1, 1, 0)
        >>> numel("abc")
        Traceback (most recent call last):
        ...
        TypeError: numel: x must be a tensor, an ndarray or a sequence of sizes, got str 'abc'

    See also:
        [nbytes][cookbook.nbytes].
    """
    if isinstance(x, torch.Tensor):
        return x.numel()
    if isinstance(x, np.ndarray):
        return int(x.size)
    if isinstance(x, str | bytes) or not isinstance(x, Sequence):
        raise TypeError(
            f"numel: x must be a tensor, an ndarray or a sequence of sizes, got {describe(x)}"
        )
    return math.prod(as_shape(x, "x", "numel"))


def nbytes(x: Any) -> int:
    """The bytes the elements of ``x`` take: ``numel(x) * itemsize``.

    NumPy equivalent: ``ndarray.nbytes``. Like NumPy, this counts the elements a
    tensor shows, not its storage: a broadcast view reports the full size
    although it occupies much less. Bare torch has ``x.nbytes`` as well.

    Args:
        x: A tensor or an ndarray.

    Returns:
        The size of its elements in bytes.

    Raises:
        TypeError: If ``x`` is neither a tensor nor an ndarray.

    Examples:
        >>> nbytes(torch.zeros(2, 3, dtype=torch.float64))
        48
        >>> nbytes(torch.zeros(3).expand(1000, 3))  # counts elements, not storage
        12000

    See also:
        [numel][cookbook.numel].
    """
    if isinstance(x, torch.Tensor):
        return x.numel() * x.element_size()
    if isinstance(x, np.ndarray):
        return int(x.nbytes)
    raise TypeError(f"nbytes: x must be a tensor or an ndarray, got {describe(x)}")
