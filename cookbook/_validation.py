"""Argument checks shared by the recipes.

Every message starts with the recipe's name and names the argument and the
offending value, so an error read out of context still says what went wrong.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from typing import Any

import torch

#: What a bare torch op raises for arguments it refuses. A recipe's fast path
#: calls the bare op where it agrees with NumPy, and on one of these falls back
#: to the validating path, whose error names the argument.
BARE_OP_ERRORS = (RuntimeError, TypeError, IndexError, ValueError)


def describe(value: Any) -> str:
    """A short description of ``value`` for error messages."""
    if isinstance(value, torch.Tensor):
        return f"Tensor of shape {tuple(value.shape)} and dtype {value.dtype}"
    return f"{type(value).__name__} {value!r}"


def _is_bool(value: Any) -> bool:
    """A Python bool or a bool tensor: ``operator.index`` takes a 0-d bool tensor as 0 or 1."""
    if isinstance(value, torch.Tensor):
        return value.dtype == torch.bool
    return isinstance(value, bool)


def as_int(value: Any, name: str, recipe: str, *, minimum: int | None = None) -> int:
    """``value`` as a Python int (bools refused), at least ``minimum`` if given."""
    if _is_bool(value):
        raise TypeError(f"{recipe}: {name} must be an integer, got {describe(value)}")
    try:
        number = operator.index(value)
    except TypeError:
        raise TypeError(f"{recipe}: {name} must be an integer, got {describe(value)}") from None
    if minimum is not None and number < minimum:
        raise ValueError(f"{recipe}: {name} must be >= {minimum}, got {number}")
    return number


def as_ints(value: Any, name: str, recipe: str) -> tuple[int, ...]:
    """A sequence of integers (a torch.Size, tuple, list or 1-D array) as a tuple of ints."""
    # A 0-d tensor or array is Iterable, but iterating it raises torch's or NumPy's own error.
    if (
        isinstance(value, str | bytes)
        or not isinstance(value, Iterable)
        or getattr(value, "ndim", None) == 0
    ):
        raise TypeError(f"{recipe}: {name} must be a sequence of integers, got {describe(value)}")
    items = []
    for item in value:
        if _is_bool(item):
            raise TypeError(f"{recipe}: {name} must hold integers, got {describe(value)}")
        try:
            items.append(operator.index(item))
        except TypeError:
            raise TypeError(f"{recipe}: {name} must hold integers, got {describe(value)}") from None
    return tuple(items)


def as_shape(value: Any, name: str, recipe: str, *, allow_int: bool = False) -> tuple[int, ...]:
    """A shape: a sequence of non-negative integers (or one integer if ``allow_int``)."""
    if allow_int and not isinstance(value, bool) and isinstance(value, int):
        value = (value,)
    shape = as_ints(value, name, recipe)
    if any(size < 0 for size in shape):
        raise ValueError(f"{recipe}: {name} must not hold negative sizes, got {shape}")
    return shape


def require_tensor(value: Any, name: str, recipe: str) -> torch.Tensor:
    """``value`` itself, or TypeError if it is not a tensor."""
    if not isinstance(value, torch.Tensor):
        raise TypeError(f"{recipe}: {name} must be a torch.Tensor, got {describe(value)}")
    return value


def normalize_axis(axis: Any, ndim: int, name: str, recipe: str) -> int:
    """``axis`` in ``range(ndim)``; negative axes count from the end, as in NumPy."""
    index = as_int(axis, name, recipe)
    if not -ndim <= index < ndim:
        raise ValueError(
            f"{recipe}: {name} {index} is out of bounds for a tensor of {ndim} dimension(s)"
        )
    return index % ndim


def is_one_int(axis: Any) -> bool:
    """An int, or a 0-d integer of NumPy or torch (``np.int64(1)``): one axis or count to NumPy."""
    return isinstance(axis, int) or (
        getattr(axis, "ndim", None) == 0 and hasattr(type(axis), "__index__")
    )


def normalize_axes(axis: Any, ndim: int, recipe: str, name: str = "axis") -> tuple[int, ...]:
    """``axis`` (an int or a sequence of them) in ``range(ndim)``; a repeat is a ValueError."""
    given = (axis,) if is_one_int(axis) else as_ints(axis, name, recipe)
    dims = tuple(normalize_axis(item, ndim, name, recipe) for item in given)
    if len(set(dims)) != len(dims):
        raise ValueError(f"{recipe}: {name} holds a repeated axis, got {tuple(given)}")
    return dims


def same_device(a: torch.Tensor, b: torch.Tensor, recipe: str) -> None:
    """ValueError unless ``a`` and ``b`` live on one device."""
    if a.device != b.device:
        raise ValueError(f"{recipe}: a is on {a.device} but b is on {b.device}")


def unsupported_dtype(recipe: str, name: str, x: torch.Tensor) -> TypeError:
    """The error for a dtype torch cannot compute on ``x``'s device, to raise in its place."""
    return TypeError(
        f"{recipe}: {name} of dtype {x.dtype} is not supported on {x.device.type} "
        f"by torch {torch.__version__}"
    )
