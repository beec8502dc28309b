"""Splitting and padding: NumPy's ``split``, ``array_split``, ``pad`` and ``flip`` for tensors.

The traps: ``torch.split`` takes chunk *sizes* where ``np.split`` takes a count
of sections or the indices to cut at; ``F.pad`` pads only the last three axes,
has no ``symmetric`` mode and refuses widths larger than the input; and
``torch.flip`` copies where ``np.flip`` returns a view.
"""

from __future__ import annotations

import math
import numbers
import operator
from collections.abc import Callable, Sequence
from typing import Any, Literal

import torch

from cookbook._dtypes import as_signed_bits
from cookbook._validation import describe, normalize_axes, normalize_axis, require_tensor

__all__ = ["array_split", "flip", "pad", "split"]

PadMode = Literal["constant", "edge", "reflect", "symmetric", "wrap"]
_MODES: tuple[str, ...] = ("constant", "edge", "reflect", "symmetric", "wrap")
#: ``(before, after)``: two widths, or two constants.
Pair = tuple[Any, Any]


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


def split(
    x: torch.Tensor, indices_or_sections: int | Sequence[int], axis: int = 0
) -> list[torch.Tensor]:
    """Split ``x`` into equal sections, or cut it at indices; views of ``x``.

    NumPy equivalent: ``np.split(x, indices_or_sections, axis)``. An integer
    ``N`` makes ``N`` sections of equal length, and must divide the axis; a
    sequence of indices cuts before each of them, with Python's slice rules
    (negative indices count from the end, indices past the end or out of order
    give empty pieces). Bare ``torch.split(x, 2)`` reads ``2`` as the *size* of
    each chunk, not their number; ``torch.tensor_split`` takes NumPy's
    meaning. Every dtype works.

    Args:
        x: Tensor of at least one dimension.
        indices_or_sections: A number of equal sections, or the indices to cut at.
        axis: The axis to split along.

    Returns:
        A list of views of ``x``: ``N`` of them, or one more than the indices.

    Raises:
        ValueError: If the sections do not divide the axis equally, are not
            positive, or ``axis`` is out of range (a 0-d ``x`` too; NumPy raises
            IndexError there).
        TypeError: If ``x`` is not a tensor or ``indices_or_sections`` is not
            an integer or a sequence of integers.

    Examples:
        >>> x = torch.arange(6)
        >>> split(x, 3)  # torch.split(x, 3) gives 2 chunks of size 3
        [tensor([0, 1]), tensor([2, 3]), tensor([4, 5])]
        >>> split(x, [2, -1, 9])  # cut at 2, at 5, at the end: the last piece is empty
        [tensor([0, 1]), tensor([2, 3, 4]), tensor([5]), tensor([], dtype=torch.int64)]

    See also:
        [array_split][cookbook.array_split] allows sections of unequal length;
        [pad][cookbook.pad] grows an axis instead.
    """
    sections = _plain_sections(x, indices_or_sections, axis)
    if sections is not None and not x.shape[axis] % sections:
        return list(x.split_with_sizes(_section_sizes(x.shape[axis], sections), axis))
    require_tensor(x, "x", "split")
    dim = normalize_axis(axis, x.ndim, "axis", "split")
    cuts = _cuts(indices_or_sections, "split")
    if isinstance(cuts, int) and x.shape[dim] % cuts:
        raise ValueError(
            f"split: indices_or_sections {cuts} does not divide axis {axis} "
            f"of length {x.shape[dim]} into equal sections"
        )
    return list(torch.tensor_split(x, cuts, dim))


def array_split(
    x: torch.Tensor, indices_or_sections: int | Sequence[int], axis: int = 0
) -> list[torch.Tensor]:
    """Split ``x`` into ``N`` sections of nearly equal length, or at indices; views of ``x``.

    NumPy equivalent: ``np.array_split(x, indices_or_sections, axis)``. Of
    ``N`` sections of an axis of length ``L``, the first ``L % N`` are one
    longer than the others; ``N`` may exceed ``L`` (the last pieces are then
    empty). Indices cut as in [split][cookbook.split]. The plain torch
    equivalent is ``torch.tensor_split``; bare ``torch.split`` takes chunk
    sizes. Every dtype works.

    Args:
        x: Tensor of at least one dimension.
        indices_or_sections: A positive number of sections, or the indices to cut at.
        axis: The axis to split along.

    Returns:
        A list of views of ``x``: ``N`` of them, or one more than the indices.

    Raises:
        ValueError: If the number of sections is not positive or ``axis`` is
            out of range (a 0-d ``x`` too; NumPy raises IndexError there).
        TypeError: If ``x`` is not a tensor or ``indices_or_sections`` is not
            an integer or a sequence of integers.

    Examples:
        >>> array_split(torch.arange(7), 3)  # lengths 3, 2, 2
        [tensor([0, 1, 2]), tensor([3, 4]), tensor([5, 6])]
        >>> array_split(torch.arange(2), 3)  # more sections than elements
        [tensor([0]), tensor([1]), tensor([], dtype=torch.int64)]

    See also:
        [split][cookbook.split] insists on equal sections.
    """
    sections = _plain_sections(x, indices_or_sections, axis)
    if sections is not None:
        return list(x.split_with_sizes(_section_sizes(x.shape[axis], sections), axis))
    require_tensor(x, "x", "array_split")
    dim = normalize_axis(axis, x.ndim, "axis", "array_split")
    return list(torch.tensor_split(x, _cuts(indices_or_sections, "array_split"), dim))


def _plain_sections(x: Any, sections: Any, axis: Any) -> int | None:
    """``sections`` if the call is the common, valid one (a tensor, a positive int number of
    sections and an int axis in range), else None: that call skips the general checks (~1 us).
    """
    if (
        type(sections) is int
        and type(axis) is int
        and isinstance(x, torch.Tensor)
        and sections > 0
        and -x.ndim <= axis < x.ndim
    ):
        return sections
    return None


def _section_sizes(length: int, sections: int) -> list[int]:
    """NumPy's section lengths: the first ``length % sections`` one longer than the rest.

    ``split_with_sizes`` of these cuts the same views as ``torch.tensor_split``
    with a count, in about 60 % of its time.
    """
    size, longer = length // sections, length % sections  # dynamo has no divmod of SymInts
    return [size + 1] * longer + [size] * (sections - longer)


def _cuts(indices_or_sections: Any, recipe: str) -> int | list[int]:
    """A positive number of sections, or the list of indices to cut at."""
    # Sequences, and arrays or tensors of one or more dimensions, hold indices.
    if isinstance(indices_or_sections, list | tuple) or (
        type(indices_or_sections) is not int and getattr(indices_or_sections, "ndim", None)
    ):
        cuts = [_integer(index) for index in indices_or_sections]
        valid = [cut for cut in cuts if cut is not None]
        if len(valid) == len(cuts):
            return valid
        raise _not_cuts(indices_or_sections, recipe)
    sections = _integer(indices_or_sections)
    if sections is None:
        raise _not_cuts(indices_or_sections, recipe)
    if sections <= 0:
        raise ValueError(
            f"{recipe}: indices_or_sections must be a positive number of sections, got {sections}"
        )
    return sections


def _not_cuts(indices_or_sections: Any, recipe: str) -> TypeError:
    return TypeError(
        f"{recipe}: indices_or_sections must be an integer or a sequence of integers, "
        f"got {describe(indices_or_sections)}"
    )


def _integer(value: Any) -> int | None:
    """``value`` as an int; None for bools and non-integers."""
    if isinstance(value, bool):
        return None
    try:
        return operator.index(value)
    except TypeError:
        return None


def pad(
    x: torch.Tensor,
    pad_width: int | Sequence[int] | Sequence[Sequence[int]],
    mode: PadMode = "constant",
    *,
    constant_values: complex | Sequence[complex] | Sequence[Sequence[complex]] = 0,
) -> torch.Tensor:
    """Pad every axis as ``np.pad`` does: a constant, the edge, mirrored or wrapped values.

    NumPy equivalent: ``np.pad(x, pad_width, mode, constant_values=...)`` for
    the modes ``"constant"``, ``"edge"``, ``"reflect"``, ``"symmetric"`` and
    ``"wrap"``. ``pad_width`` takes NumPy's forms: ``w`` for every side of
    every axis, ``(before, after)`` for every axis, or one pair per axis
    (``((b0, a0), (b1, a1), ...)``). Widths may exceed the axis: the mirrored
    or wrapped values repeat as far as needed, as in NumPy. ``reflect`` on an
    axis of length 1 repeats its value. ``constant_values`` takes the same
    forms; where pads meet in a corner, the last axis's value wins. The
    result is always a copy; a 0-d ``x`` comes back unchanged. Bare ``F.pad``
    pads only the last three axes (except with a constant), has no
    ``symmetric`` mode, calls NumPy's ``edge`` ``"replicate"`` and ``wrap``
    ``"circular"``, and refuses ``reflect`` widths not smaller than the axis.
    Every dtype works.

    A constant is converted to ``x``'s dtype as NumPy assigns it (rounded once
    to the nearest float, where bare torch rounds to float16 through float32;
    truncated for integer ``x``; True for bool ``x`` if nonzero), and
    refused where ``x``'s dtype cannot hold it: an integer out of range, NaN or
    infinity for integer ``x``, a finite value beyond the largest float, or a
    complex value with an imaginary part for real ``x``. (NumPy wraps,
    raises or warns there, depending on the form of ``constant_values``; and
    it rounds Python ints through float64 when some fit int64 and some only
    uint64, where the recipe keeps every value exact.)

    Args:
        x: Tensor of any rank.
        pad_width: Non-negative widths, in one of NumPy's forms above.
        mode: ``"constant"``, ``"edge"``, ``"reflect"``, ``"symmetric"`` or ``"wrap"``.
        constant_values: The values of ``"constant"`` padding: one, a pair
            ``(before, after)``, or a pair per axis.

    Returns:
        A new tensor of ``x``'s dtype, ``before + size + after`` long on each axis.

    Raises:
        ValueError: If a width is negative, ``pad_width`` or ``constant_values``
            does not broadcast to one pair per axis, ``mode`` is not one of the
            five, a mode other than ``"constant"`` gets ``constant_values`` or
            has to extend an empty axis, or ``x``'s dtype cannot hold a constant.
        TypeError: If ``x`` is not a tensor, ``mode`` is not a string, or
            ``pad_width`` or ``constant_values`` holds something else than
            integers or numbers.

    Examples:
        >>> x = torch.tensor([1, 2, 3])
        >>> pad(x, (2, 3), mode="symmetric")  # F.pad has no symmetric mode
        tensor([2, 1, 1, 2, 3, 3, 2, 1])
        >>> pad(x, 4, mode="reflect")  # wider than the axis: F.pad raises
        tensor([1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3])
        >>> ones = torch.ones(1, 2, dtype=torch.int8)
        >>> pad(ones, ((1, 0), (0, 1)), constant_values=((7, 8), (5, 6)))  # corner: axis 1's 6
        tensor([[7, 7, 6],
                [1, 1, 6]], dtype=torch.int8)

    See also:
        [tile][cookbook.tile] repeats whole blocks; [flip][cookbook.flip]
        reverses an axis.
    """
    require_tensor(x, "x", "pad")
    if not isinstance(mode, str):
        raise TypeError(f"pad: mode must be a string, got {describe(mode)}")
    if mode not in _MODES:
        raise ValueError(f"pad: mode must be one of {', '.join(map(repr, _MODES))}, got {mode!r}")
    shape, flat = _nested(pad_width, _width, "pad_width", pad_width)
    if flat and min(flat) < 0:
        raise ValueError(f"pad: pad_width must not hold negative widths, got {pad_width!r}")
    widths = _as_pairs(shape, flat, x.ndim, "pad_width", pad_width)
    if mode == "constant":
        shape, flat = _nested(constant_values, _number, "constant_values", constant_values)
        fills = [_fill_value(value, x.dtype, constant_values) for value in flat]
        if len(fills) == 1 and len(shape) < 3:  # one value everywhere: torch's own constant pad
            return torch.constant_pad_nd(
                x, [w for pair in reversed(widths) for w in pair], fills[0]
            )
        pairs = _as_pairs(shape, fills, x.ndim, "constant_values", constant_values)
        return _pad_constant(x, widths, pairs)
    if not (type(constant_values) is int and constant_values == 0):  # NumPy refuses it too
        raise ValueError(
            f"pad: constant_values is for mode 'constant', "
            f"got {constant_values!r} with mode {mode!r}"
        )
    if x.numel() == 0:
        for axis, (size, pair) in enumerate(zip(x.shape, widths, strict=True)):
            if size == 0 and any(pair):
                raise ValueError(f"pad: cannot extend the empty axis {axis} with mode {mode!r}")
        return x.new_empty(_padded_shape(x, widths))
    return _pad_from_sources(as_signed_bits(x), widths, mode).view(x.dtype)


def _nested(
    value: Any, leaf: Callable[[Any, str, Any], Any], name: str, given: Any
) -> tuple[tuple[int, ...], list[Any]]:
    """The shape and the items, in order, of a scalar or a rectangular nested sequence."""
    if type(value) is int:  # the common cases, quickly
        return (), [value]
    if type(value) is tuple and all(type(item) is int for item in value):
        return (len(value),), list(value)
    # Sequences, and arrays or tensors of one or more dimensions, nest; all else is an item.
    if not (isinstance(value, list | tuple) or getattr(value, "ndim", None)):
        return (), [leaf(value, name, given)]
    parts = [_nested(item, leaf, name, given) for item in value]
    shapes = {shape for shape, _ in parts}
    if len(shapes) > 1:
        raise ValueError(f"pad: {name} is ragged, got {given!r}")
    inner = shapes.pop() if shapes else ()
    return (len(parts), *inner), [item for _, items in parts for item in items]


def _width(value: Any, name: str, given: Any) -> int:
    width = _integer(value)
    if width is None:
        raise TypeError(f"pad: {name} must hold integers, got {describe(given)}")
    return width


def _number(value: Any, name: str, given: Any) -> Any:
    if not isinstance(value, numbers.Number):
        raise TypeError(f"pad: {name} must hold numbers, got {describe(given)}")
    return value


def _as_pairs(
    shape: tuple[int, ...], flat: list[Any], ndim: int, name: str, given: Any
) -> list[Pair]:
    """One ``(before, after)`` pair per axis, broadcast as ``np.pad`` broadcasts its arguments.

    One item serves every side and two items every axis, whatever their
    nesting (up to two levels), except a column of two, which is one value per
    axis; anything else broadcasts to shape ``(ndim, 2)``.
    """
    if len(shape) < 3 and len(flat) == 1:
        return [(flat[0], flat[0])] * ndim
    if len(shape) < 3 and len(flat) == 2 and shape != (2, 1):
        return [(flat[0], flat[1])] * ndim
    rows, columns = (1, 1, *shape)[-2:]
    if len(shape) > 2 or rows not in (1, ndim) or columns not in (1, 2):
        raise ValueError(f"pad: {name} does not broadcast to shape ({ndim}, 2), got {given!r}")
    row_step, column_step = (columns if rows > 1 else 0), (1 if columns > 1 else 0)
    return [(flat[row * row_step], flat[row * row_step + column_step]) for row in range(ndim)]


def _fill_value(value: Any, dtype: torch.dtype, given: Any) -> bool | int | float | complex:
    converted = _converted(value, dtype)
    if converted is None:
        raise ValueError(
            f"pad: constant_values holds {value!r}, which a tensor of dtype {dtype} cannot hold"
        )
    return converted


def _converted(value: Any, dtype: torch.dtype) -> bool | int | float | complex | None:
    """``value`` as NumPy assigns it into ``dtype``; None where ``dtype`` cannot hold it."""
    if dtype == torch.bool:
        return bool(value)
    try:
        if dtype.is_complex:
            return complex(value)
        if not isinstance(value, numbers.Real):
            if value.imag:
                return None
            value = value.real
        if dtype.is_floating_point:
            real = float(value)
            if not math.isfinite(real):
                return real
            if abs(real) > torch.finfo(dtype).max:
                return None
            # torch rounds a Python float to float16 via float32, twice; NumPy rounds once.
            return _nearest_half(real) if dtype == torch.float16 else real
        if not isinstance(value, numbers.Integral) and not math.isfinite(value):
            return None
        integer = math.trunc(value)
    except OverflowError:
        return None
    info = torch.iinfo(dtype)
    return integer if info.min <= integer <= info.max else None


def _nearest_half(real: float) -> float:
    """The float16 nearest ``real`` (ties to even), as a Python float."""
    step = math.ldexp(1.0, max(math.frexp(real)[1], -13) - 11)  # float16 holds 11 bits
    return math.copysign(round(real / step) * step, real)


def _padded_shape(x: torch.Tensor, widths: list[Pair]) -> list[int]:
    return [before + size + after for (before, after), size in zip(widths, x.shape, strict=True)]


def _inner(x: torch.Tensor, widths: list[Pair]) -> list[slice]:
    """Per axis, where ``x`` sits in the padded tensor."""
    return [slice(before, before + size) for (before, _), size in zip(widths, x.shape, strict=True)]


def _pad_constant(x: torch.Tensor, widths: list[Pair], pairs: list[Pair]) -> torch.Tensor:
    """Constant padding with a ``(before, after)`` pair of values per axis."""
    out = x.new_empty(_padded_shape(x, widths))
    out[tuple(_inner(x, widths))] = x
    # Each axis fills its pads across the whole extent of the others, so where
    # pads meet the last axis's value stays, as in NumPy.
    for axis, ((before, after), (first, last)) in enumerate(zip(widths, pairs, strict=True)):
        if before:
            out.narrow(axis, 0, before).fill_(first)
        if after:
            out.narrow(axis, out.shape[axis] - after, after).fill_(last)
    return out


def _pad_from_sources(x: torch.Tensor, widths: list[Pair], mode: str) -> torch.Tensor:
    """Edge, reflect, symmetric and wrap padding of a non-empty ``x``: each pad takes its
    values from the axis's original positions, however wide it is. As in NumPy, each axis
    pads across the pads of the axes padded before it."""
    if x.ndim == 0:
        return x.clone()
    out = x.new_empty(_padded_shape(x, widths))
    inner = _inner(x, widths)
    # The last axis first, its pads written beside x in the one pass that copies x.
    last = x.ndim - 1
    (before, after), size = widths[last], x.shape[last]
    pieces = [x]
    if before:
        pieces.insert(0, _pad_values(x, last, mode, -before, 0))
    if after:
        pieces.append(_pad_values(x, last, mode, size, size + after))
    band = out[tuple(inner[:last])]
    if torch.compiler.is_compiling():  # dynamo refuses an out= that is not contiguous
        band.copy_(torch.cat(pieces, dim=last))
    else:
        torch.cat(pieces, dim=last, out=band)
    for axis, ((before, after), size) in enumerate(zip(widths[:last], x.shape, strict=False)):
        if not (before or after):
            continue
        # The axes before this one and the last are padded already, the others not yet.
        lead, rest = [slice(None)] * axis, inner[axis + 1 : last]
        original = out[tuple([*lead, inner[axis], *rest])]
        if before:
            values = _pad_values(original, axis, mode, -before, 0)
            out[tuple([*lead, slice(0, before), *rest])] = values
        if after:
            values = _pad_values(original, axis, mode, size, size + after)
            out[tuple([*lead, slice(before + size, before + size + after), *rest])] = values
    return out


def _pad_values(
    original: torch.Tensor, axis: int, mode: str, start: int, stop: int
) -> torch.Tensor:
    """The values ``mode`` puts at positions ``start .. stop - 1`` along ``axis`` (0 is the
    first element of ``original``), for a pad before or after it."""
    size = original.shape[axis]
    width = stop - start
    after = start > 0
    # Most pads are one slice of the original, reversed for the mirrors; wider
    # ones gather from where the mirrors or the wrap-around fold each position.
    if mode == "edge":
        shape = list(original.shape)
        shape[axis] = width
        return original.narrow(axis, size - 1 if after else 0, 1).expand(shape)
    if mode == "wrap" and width <= size:
        return original.narrow(axis, 0 if after else size - width, width)
    if mode == "symmetric" and width <= size:
        return original.narrow(axis, size - width if after else 0, width).flip(axis)
    if mode == "reflect" and width < size:
        return original.narrow(axis, size - 1 - width if after else 1, width).flip(axis)
    # Advanced indexing, not index_select: on CPU that is slow off axis 0.
    return original[(slice(None),) * axis + (_sources(mode, size, start, stop, original.device),)]


def _sources(mode: str, size: int, start: int, stop: int, device: torch.device) -> torch.Tensor:
    """For the positions ``start .. stop - 1`` along an axis of ``size`` (0 is its first element),
    the original position whose value ``"reflect"``, ``"symmetric"`` or ``"wrap"`` puts there."""
    positions = torch.arange(start, stop, device=device)
    if mode == "wrap":
        return positions.remainder(size)
    # Mirrored both ways forever: symmetric repeats with period 2 * size, reflect
    # (which skips the edge) with 2 * (size - 1); reflect of one element is edge.
    period = 2 * size if mode == "symmetric" else 2 * size - 2
    if period == 0:
        return positions.clamp(0, 0)
    folded = positions.remainder(period)
    return torch.minimum(folded, (period - 1 if mode == "symmetric" else period) - folded)
