"""Statistics: NumPy's ``sum``, ``std``, ``var``, ``median``, ``argmax`` and ``argmin``.

The traps: ``torch.std`` and ``torch.var`` divide by ``n - 1`` where NumPy
divides by ``n``; ``torch.median`` returns the lower of the two middle values
where NumPy averages them; ``torch.sum`` of unsigned integers gives int64 where
NumPy gives uint64; ``dim=()`` means every axis to torch and no axis to NumPy;
and ``torch.argmax`` refuses bool and complex tensors and empty inputs without
an axis, each with its own message.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import torch

from cookbook._dtypes import TORCH_TO_NUMPY
from cookbook._validation import (
    describe,
    normalize_axes,
    normalize_axis,
    require_tensor,
    unsupported_dtype,
)

__all__ = ["argmax", "argmin", "median", "std", "sum", "var"]

_INT64_MIN = -(2**63)
#: NumPy's accumulator for integer and bool sums: the platform's int64 or uint64.
_SUM_DTYPE = {
    torch.bool: torch.int64,
    torch.int8: torch.int64,
    torch.int16: torch.int64,
    torch.int32: torch.int64,
    torch.int64: torch.int64,
    torch.uint8: torch.uint64,
    torch.uint16: torch.uint64,
    torch.uint32: torch.uint64,
    torch.uint64: torch.uint64,
}
_WIDE_UNSIGNED = (torch.uint16, torch.uint32, torch.uint64)
#: The signed integer dtype of each float dtype's width, to read its bits.
_SAME_WIDTH_INT = {
    torch.float16: torch.int16,
    torch.float32: torch.int32,
    torch.float64: torch.int64,
}
#: Reduced lengths from which a single-row median selects by radix rather than sorting.
_RADIX_MIN = 2**14


def _dims(x: torch.Tensor, axis: Any, recipe: str) -> tuple[int, ...]:
    return tuple(range(x.ndim)) if axis is None else normalize_axes(axis, x.ndim, recipe)


def _reduced_shape(x: torch.Tensor, dims: tuple[int, ...], keepdims: bool) -> tuple[int, ...]:
    if keepdims:
        return tuple(1 if d in dims else size for d, size in enumerate(x.shape))
    return tuple(size for d, size in enumerate(x.shape) if d not in dims)


def _float_dtype(x: torch.Tensor) -> torch.dtype:
    """NumPy's dtype for a mean-like statistic of ``x``: float64 for integers and bool."""
    return x.dtype if x.dtype.is_floating_point or x.dtype.is_complex else torch.float64


def sum(
    x: torch.Tensor,
    axis: int | Sequence[int] | None = None,
    *,
    dtype: torch.dtype | None = None,
    keepdims: bool = False,
) -> torch.Tensor:
    """The sum along ``axis``, with NumPy's accumulator dtype.

    NumPy equivalent: ``np.sum(x, axis, dtype=dtype, keepdims=keepdims)``. Bool
    and signed integers sum in int64, unsigned integers in uint64 (bare
    ``torch.sum`` gives int64 for ``uint8``), floats and complex keep their
    dtype. ``dtype=`` casts each element first and accumulates in that dtype,
    wrapping around as NumPy does; ``dtype=torch.bool`` is a logical or.
    ``axis=()`` sums nothing (bare ``x.sum(dim=())`` sums everything). Every
    dtype works, uint16, uint32 and uint64 included.

    Args:
        x: Tensor of any rank and dtype.
        axis: Axis or axes to sum over; None sums every element.
        dtype: The accumulator and result dtype; None for NumPy's default.
        keepdims: Keep the summed axes with length 1.

    Returns:
        A new tensor: ``x``'s shape without the ``axis`` axes (0-d for None).

    Raises:
        ValueError: If an axis is out of range or given twice.
        TypeError: If ``x`` is not a tensor, ``axis`` is not integers, or
            ``dtype`` is not a torch dtype NumPy shares.

    Examples:
        >>> x = torch.tensor([200, 100], dtype=torch.uint8)
        >>> sum(x)  # x.sum() gives int64
        tensor(300, dtype=torch.uint64)
        >>> sum(x, dtype=torch.uint8)  # wraps around, as np.sum(a, dtype=np.uint8)
        tensor(44, dtype=torch.uint8)
        >>> sum(torch.ones(2, 3), axis=())  # x.sum(dim=()) sums everything
        tensor([[1., 1., 1.],
                [1., 1., 1.]])

    See also:
        [mean][cookbook.mean] divides the sum by the count;
        [var][cookbook.var] and [std][cookbook.std] measure the spread.
    """
    require_tensor(x, "x", "sum")
    if axis is None and dtype is None and not keepdims and x.ndim and x.dtype.is_floating_point:
        return x.sum()  # the common call, without the dims tuple torch would parse (~1.5 us)
    if x.ndim == 0 and axis is not None and not isinstance(axis, Sequence):
        # np.sum is a ufunc reduction, and those give a 0-d array an axis 0 (or -1).
        normalize_axis(axis, 1, "axis", "sum")
        dims: tuple[int, ...] = ()
    else:
        dims = _dims(x, axis, "sum")
    if dtype is not None and not (isinstance(dtype, torch.dtype) and dtype in TORCH_TO_NUMPY):
        raise TypeError(f"sum: dtype must be a torch dtype NumPy shares, got {describe(dtype)}")
    return _sum(x, dims, dtype, keepdims=keepdims)


def _cast(x: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
    """``x`` as ``dtype`` the way NumPy casts: complex to real drops the imaginary part."""
    if x.dtype == dtype:
        return x
    if dtype == torch.bool:
        return x != 0
    if x.dtype.is_complex and not dtype.is_complex:
        return x.real.to(dtype)
    return x.to(dtype)


def _sum(
    x: torch.Tensor, dims: tuple[int, ...], dtype: torch.dtype | None, *, keepdims: bool
) -> torch.Tensor:
    target = _SUM_DTYPE.get(x.dtype, x.dtype) if dtype is None else dtype
    if not dims:
        # NumPy adds each element to the identity: -0.0 comes back as +0.0.
        cast = _cast(x, target)
        if target.is_floating_point or target.is_complex:
            return cast + 0
        return cast.clone() if cast is x else cast
    if target == torch.bool:
        return _cast(x, torch.bool).any(dim=dims, keepdim=keepdims)
    if target in _WIDE_UNSIGNED:
        # torch has no uint16-64 sums on CPU; a sum modulo 2**64 in int64 has
        # the same bits, and casting it down wraps as the narrower sum would.
        cast = _cast(x, target)
        wide = cast.view(torch.int64) if target == torch.uint64 else cast.to(torch.int64)
        total = wide.sum(dim=dims, keepdim=keepdims)
        return total.view(torch.uint64) if target == torch.uint64 else total.to(target)
    if x.dtype.is_complex and not target.is_complex:
        x = x.real
    return x.sum(dim=dims, keepdim=keepdims, dtype=target)


def _ddof(ddof: Any, recipe: str) -> int | float:
    if isinstance(ddof, bool) or not isinstance(ddof, int | float):
        raise TypeError(f"{recipe}: ddof must be an int or a float, got {describe(ddof)}")
    return ddof


def var(
    x: torch.Tensor,
    axis: int | Sequence[int] | None = None,
    *,
    ddof: int | float = 0,
    keepdims: bool = False,
) -> torch.Tensor:
    """The variance along ``axis``: the mean squared deviation, divided by ``n - ddof``.

    NumPy equivalent: ``np.var(x, axis, ddof=ddof, keepdims=keepdims)``. The
    default ``ddof=0`` is NumPy's; bare ``torch.var`` divides by ``n - 1``
    unless given ``correction=0``. Integer and bool input gives float64,
    complex input its real dtype (``|x - mean|**2``). ``ddof >= n`` divides by
    zero: inf, or NaN where every deviation is zero (NumPy also warns).
    ``axis=()`` gives zeros of ``x``'s shape. Every dtype works.

    Args:
        x: Tensor of any rank and dtype.
        axis: Axis or axes to reduce; None reduces every element.
        ddof: Delta degrees of freedom: the divisor is ``n - ddof``.
        keepdims: Keep the reduced axes with length 1.

    Returns:
        A new tensor: ``x``'s shape without the ``axis`` axes (0-d for None).

    Raises:
        ValueError: If an axis is out of range or given twice.
        TypeError: If ``x`` is not a tensor, ``axis`` is not integers, or
            ``ddof`` is not a number.

    Examples:
        >>> x = torch.tensor([1.0, 2.0, 3.0, 4.0])
        >>> var(x)  # torch.var(x) gives 1.6667, dividing by n - 1
        tensor(1.2500)
        >>> var(torch.tensor([1, 2, 3, 4]), ddof=1)  # integers give float64
        tensor(1.6667, dtype=torch.float64)
        >>> var(torch.tensor([1.0]), ddof=1)  # no degrees of freedom left
        tensor(nan)

    See also:
        [std][cookbook.std] is its square root; [mean][cookbook.mean].
    """
    if _plain_spread(x, axis, ddof, keepdims):
        return torch.var(x, correction=ddof)
    require_tensor(x, "x", "var")
    dims = _dims(x, axis, "var")
    return _spread(x, dims, _ddof(ddof, "var"), keepdims=keepdims, root=False)


def std(
    x: torch.Tensor,
    axis: int | Sequence[int] | None = None,
    *,
    ddof: int | float = 0,
    keepdims: bool = False,
) -> torch.Tensor:
    """The standard deviation along ``axis``: the square root of [var][cookbook.var].

    NumPy equivalent: ``np.std(x, axis, ddof=ddof, keepdims=keepdims)``. The
    default ``ddof=0`` is NumPy's; bare ``torch.std`` divides by ``n - 1``
    unless given ``correction=0``. Integer and bool input gives float64,
    complex input its real dtype. Every dtype works.

    Args:
        x: Tensor of any rank and dtype.
        axis: Axis or axes to reduce; None reduces every element.
        ddof: Delta degrees of freedom: the divisor is ``n - ddof``.
        keepdims: Keep the reduced axes with length 1.

    Returns:
        A new tensor: ``x``'s shape without the ``axis`` axes (0-d for None).

    Raises:
        ValueError: If an axis is out of range or given twice.
        TypeError: If ``x`` is not a tensor, ``axis`` is not integers, or
            ``ddof`` is not a number.

    Examples:
        >>> x = torch.tensor([[1.0, 3.0], [5.0, 7.0]])
        >>> std(x)  # torch.std(x) gives 2.5820
        tensor(2.2361)
        >>> std(x, axis=0, keepdims=True)
        tensor([[2., 2.]])
        >>> std(torch.tensor([True, False]))
        tensor(0.5000, dtype=torch.float64)

    See also:
        [var][cookbook.var]; [median][cookbook.median] for a robust centre.
    """
    if _plain_spread(x, axis, ddof, keepdims):
        return torch.std(x, correction=ddof)
    require_tensor(x, "x", "std")
    dims = _dims(x, axis, "std")
    return _spread(x, dims, _ddof(ddof, "std"), keepdims=keepdims, root=True)


def _plain_spread(x: Any, axis: Any, ddof: Any, keepdims: bool) -> bool:
    """Whether the call is the common one torch computes as NumPy does, without the checks.

    A float tensor reduced whole, with an int ddof below its size: about 2 us sooner.
    """
    return (
        axis is None
        and not keepdims
        and type(ddof) is int
        and isinstance(x, torch.Tensor)
        and x.dtype.is_floating_point
        and 0 <= ddof < x.numel()
    )


def _spread(
    x: torch.Tensor, dims: tuple[int, ...], ddof: float, *, keepdims: bool, root: bool
) -> torch.Tensor:
    """``var`` (or ``std`` when ``root``) of a validated ``x`` over ``dims``."""
    target = _float_dtype(x)
    work = x if x.dtype == target else x.to(target)
    if not dims:  # torch reads dim=() as every axis: reduce a new axis of length 1
        work, dims, keepdims = work.unsqueeze(-1), (x.ndim,), False
    every = len(dims) == work.ndim
    count = work.numel() if every else math.prod([work.shape[d] for d in dims])
    if work.numel() == 0:
        # No elements per slice: NumPy's 0 / max(0 - ddof, 0), NaN or 0 for a negative
        # ddof, where torch says NaN; or no slices, where torch warns of zero freedom.
        real = work.real if work.dtype.is_complex else work
        shape = _reduced_shape(work, dims, keepdims)
        return torch.full(shape, 0.0 if ddof < 0 else math.nan, dtype=real.dtype, device=x.device)
    function = torch.std if root else torch.var
    if count - ddof <= 0:
        # NumPy divides by max(n - ddof, 0) = 0: inf, or NaN for no spread. torch
        # does too, but warns; dividing by zero here says the same quietly.
        return function(work, dim=dims, correction=0, keepdim=keepdims) / 0.0
    if every and not keepdims:
        return function(work, correction=ddof)  # no dims tuple for torch to parse (~0.6 us)
    return function(work, dim=dims, correction=ddof, keepdim=keepdims)


def median(
    x: torch.Tensor, axis: int | Sequence[int] | None = None, *, keepdims: bool = False
) -> torch.Tensor:
    """The median along ``axis``: the middle value, or the mean of the two middle values.

    NumPy equivalent: ``np.median(x, axis, keepdims=keepdims)``. Bare
    ``torch.median`` returns the lower of the two middle values of an even
    length, and takes one ``dim`` only. A NaN in a slice makes its median NaN;
    the median of no elements is NaN (NumPy also warns). Integer and bool
    input gives float64, computed as NumPy does: the two middle values
    converted to float64, added, halved. Complex input is refused (NumPy orders
    it lexicographically); every other dtype works. A single row of
    ``2**14`` elements or more is selected by radix counting on the tensor's
    device, without a full sort and without copying the data to the host (a few
    counts are read back); under ``torch.compile`` a sort is used instead.

    Args:
        x: Tensor of any rank; not complex.
        axis: Axis or axes to reduce; None reduces every element.
        keepdims: Keep the reduced axes with length 1.

    Returns:
        A new tensor: ``x``'s shape without the ``axis`` axes (0-d for None),
        float64 for integer and bool ``x``, else ``x``'s dtype.

    Raises:
        ValueError: If an axis is out of range or given twice.
        TypeError: If ``x`` is not a tensor or complex, or ``axis`` is not integers.

    Examples:
        >>> x = torch.tensor([1.0, 4.0, 2.0, 3.0])
        >>> median(x)  # torch.median(x) gives 2.
        tensor(2.5000)
        >>> median(torch.tensor([[1, 5], [2, 9]]), axis=0)
        tensor([1.5000, 7.0000], dtype=torch.float64)
        >>> median(torch.tensor([1.0, float("nan"), 3.0]))
        tensor(nan)

    See also:
        [mean][cookbook.mean]; [std][cookbook.std].
    """
    require_tensor(x, "x", "median")
    if x.dtype.is_complex:
        raise unsupported_dtype("median", "x", x)
    dims = _dims(x, axis, "median")
    return _median(x, dims, keepdims=keepdims)


def _median(x: torch.Tensor, dims: tuple[int, ...], *, keepdims: bool) -> torch.Tensor:
    result_dtype = _float_dtype(x)
    shape = _reduced_shape(x, dims, keepdims)
    kept = [d for d in range(x.ndim) if d not in dims]
    length = math.prod([x.shape[d] for d in dims])
    if length == 0:
        return torch.full(shape, math.nan, dtype=result_dtype, device=x.device)
    rows = x.permute((*kept, *dims)).reshape(-1, length)
    if x.dtype == torch.bool:
        work = rows.to(torch.uint8)
    elif x.dtype in _WIDE_UNSIGNED:
        # No uint16-64 sort on CUDA (nor on CPU past 2**15 elements). The sort is
        # monotone in float64, where NumPy averages the middle values anyway.
        work = rows.to(torch.float64)
    else:
        work = rows
    nan: torch.Tensor | None = None
    if rows.shape[0] == 1 and length >= _RADIX_MIN and not torch.compiler.is_compiling():
        low, high = _radix_middles(work.reshape(-1))  # NaN where a NaN is present
    else:
        ordered = torch.sort(work, dim=-1).values
        low, high = ordered[:, (length - 1) // 2], ordered[:, length // 2]
        if x.dtype.is_floating_point:
            nan = ordered[:, -1].isnan()  # torch sorts NaN last
    # NumPy's mean of the middle values: float16 through float32, integers as
    # float64, and a sum that starts from +0.0 (so -0.0 comes back as 0.0).
    accumulate = torch.float32 if result_dtype == torch.float16 else result_dtype
    low, high = low.to(accumulate), high.to(accumulate)
    middle = (low + 0.0) if length % 2 else (low + high + 0.0) / 2
    if nan is not None:
        middle = torch.where(nan, math.nan, middle)
    return middle.to(result_dtype).reshape(shape)


def _flip_negatives(raw: torch.Tensor, bits: int) -> torch.Tensor:
    """A float's bits as a signed integer, and back: negative floats order backwards as
    integers, so all but the sign bit of those flip."""
    sign = torch.bitwise_right_shift(raw, bits - 1)
    return torch.bitwise_xor(raw, torch.bitwise_and(sign, 2 ** (bits - 1) - 1))


def _radix_keys(flat: torch.Tensor) -> tuple[torch.Tensor, int]:
    """Integer keys in the order of ``flat``'s values (NaN aside), and their width in bits.

    The keys are int32 where 32 bits hold them, else int64.
    """
    if flat.dtype.is_floating_point:
        signed = _SAME_WIDTH_INT[flat.dtype]
        bits = torch.iinfo(signed).bits
        keys = _flip_negatives(flat.view(signed), bits)
        return (keys if bits == 32 else keys.to(torch.int32 if bits < 32 else torch.int64)), bits
    if flat.dtype == torch.uint64:
        return flat.view(torch.int64) ^ _INT64_MIN, 64
    # Unsigned dtypes need one bit more as signed keys.
    bits = flat.element_size() * 8 + (0 if flat.dtype.is_signed else 1)
    return flat.to(torch.int32 if bits <= 32 else torch.int64), bits


def _radix_value(key: torch.Tensor, like: torch.Tensor) -> torch.Tensor:
    """The value of ``like``'s dtype (float64 for integers) that a key from ``_radix_keys`` is."""
    if like.dtype.is_floating_point:
        signed = _SAME_WIDTH_INT[like.dtype]
        bits = torch.iinfo(signed).bits
        return _flip_negatives(key.to(signed), bits).view(like.dtype)
    if like.dtype == torch.uint64:
        return (key ^ _INT64_MIN).view(torch.uint64).to(torch.float64)
    return key.to(torch.float64)


def _radix_middles(
    flat: torch.Tensor, sort_below: int = 2**12
) -> tuple[torch.Tensor, torch.Tensor]:
    """The values of rank ``(n - 1) // 2`` and ``n // 2`` of a 1-D tensor, as 0-d tensors;
    NaN for both where a NaN is present.

    A most-significant-digit radix selection over 16-bit digits of order-keeping
    integer keys: a histogram of the digit finds the bucket of the two ranks, and
    only that bucket's keys go on, until fewer than ``sort_below`` are left to
    sort. Nothing is sorted whole, and the data never leave the device: only a few
    counts are read back, to steer the loop (on CUDA, a synchronisation each).
    """
    n = flat.numel()
    keys, bits = _radix_keys(flat)
    top = 16 * -(-bits // 16) - 16  # the shift of the top digit of whole 16-bit digits
    offset = 2 ** (bits - 1)  # keys as non-negative numbers, to compare their bits
    lowest, highest = (int(key) + offset for key in torch.aminmax(keys))
    if flat.dtype.is_floating_point:
        infinities, _ = _radix_keys(torch.tensor([-math.inf, math.inf], dtype=flat.dtype))
        # NaN keys lie beyond the keys of the infinities, on either side.
        if lowest < int(infinities[0]) + offset or highest > int(infinities[1]) + offset:
            nan = torch.full((), math.nan, dtype=flat.dtype, device=flat.device)
            return nan, nan
    if lowest == highest:
        value = _radix_value(keys[0], flat)
        return value, value
    # Digits above the highest bit where the least and greatest keys differ are
    # the same in every key: start below them.
    first = ((lowest ^ highest).bit_length() - 1) // 16 * 16
    ranks = torch.tensor([(n - 1) // 2, n // 2], device=flat.device)
    candidates = keys
    for shift in range(first, -1, -16):
        if candidates.numel() < sort_below:
            low_key, high_key = torch.sort(candidates).values[ranks]
            break
        # ``key >> shift`` for the top digit lies in [-2**15, 2**15): offset it.
        digit = (candidates >> shift) + 2**15 if shift == top else (candidates >> shift) & 0xFFFF
        counts = torch.bincount(digit, minlength=2**16)
        below = counts.cumsum(0)
        buckets = torch.searchsorted(below, ranks, right=True)
        low, high = buckets
        if int(low) != int(high):
            # The low rank ends its bucket, and the high one starts the next.
            low_key = torch.where(digit == low, candidates, torch.iinfo(keys.dtype).min).amax()
            high_key = torch.where(digit == high, candidates, torch.iinfo(keys.dtype).max).amin()
            break
        if int(counts[low]) == candidates.numel():  # one bucket holds them all: no copy
            continue
        ranks = ranks - (below[low] - counts[low])
        candidates = candidates[digit == low]
    else:  # every digit matched: the candidates are all one key
        low_key = high_key = candidates[0]
    return _radix_value(low_key, flat), _radix_value(high_key, flat)


def argmax(x: torch.Tensor, axis: int | None = None, *, keepdims: bool = False) -> torch.Tensor:
    """The index of the largest value along ``axis``: the first of ties, the first NaN.

    NumPy equivalent: ``np.argmax(x, axis, keepdims=keepdims)``. ``axis=None``
    gives the index into the flattened tensor. A NaN counts as the largest
    value. Complex values are ordered as NumPy orders them: by real part, then
    imaginary part. Bare ``torch.argmax`` refuses bool, complex and uint16-64
    tensors on CPU; every dtype works here.

    Args:
        x: Tensor of any rank and dtype.
        axis: The axis to reduce; None reduces the flattened tensor.
        keepdims: Keep the reduced axis (every axis, for None) with length 1.

    Returns:
        A new int64 tensor: ``x``'s shape without ``axis`` (0-d for None).

    Raises:
        ValueError: If ``x`` or the reduced axis is empty, or ``axis`` is out of range.
        TypeError: If ``x`` is not a tensor or ``axis`` is not an integer.

    Examples:
        >>> argmax(torch.tensor([1, 3, 3]))  # the first of ties
        tensor(1)
        >>> argmax(torch.tensor([1.0, float("nan"), 3.0]))  # NaN counts as largest
        tensor(1)
        >>> argmax(torch.tensor([[1, 5], [7, 0]]), axis=1, keepdims=True)
        tensor([[1],
                [0]])

    See also:
        [argmin][cookbook.argmin]; [median][cookbook.median].
    """
    require_tensor(x, "x", "argmax")
    return _arg_extreme(x, axis, keepdims=keepdims, largest=True, recipe="argmax")


def argmin(x: torch.Tensor, axis: int | None = None, *, keepdims: bool = False) -> torch.Tensor:
    """The index of the smallest value along ``axis``: the first of ties, the first NaN.

    NumPy equivalent: ``np.argmin(x, axis, keepdims=keepdims)``. ``axis=None``
    gives the index into the flattened tensor. A NaN wins here too, as in
    NumPy. Complex values are ordered by real part, then imaginary part. Bare
    ``torch.argmin`` refuses bool, complex and uint16-64 tensors on CPU; every
    dtype works here.

    Args:
        x: Tensor of any rank and dtype.
        axis: The axis to reduce; None reduces the flattened tensor.
        keepdims: Keep the reduced axis (every axis, for None) with length 1.

    Returns:
        A new int64 tensor: ``x``'s shape without ``axis`` (0-d for None).

    Raises:
        ValueError: If ``x`` or the reduced axis is empty, or ``axis`` is out of range.
        TypeError: If ``x`` is not a tensor or ``axis`` is not an integer.

    Examples:
        >>> argmin(torch.tensor([3, 1, 1]))
        tensor(1)
        >>> argmin(torch.tensor([1.0, float("nan"), 0.0]))  # the first NaN wins
        tensor(1)
        >>> argmin(torch.zeros(0))
        Traceback (most recent call last):
        ...
        ValueError: argmin: x of shape (0,) is empty: it has no minimum

    See also:
        [argmax][cookbook.argmax].
    """
    require_tensor(x, "x", "argmin")
    return _arg_extreme(x, axis, keepdims=keepdims, largest=False, recipe="argmin")


def _ordered(x: torch.Tensor) -> torch.Tensor:
    """``x`` (not complex) in a dtype torch's argmax/argmin take, in the same order."""
    reorder = _REORDER.get(x.dtype)  # one lookup: most dtypes need nothing
    return x if reorder is None else reorder(x)


_REORDER: dict[torch.dtype, Callable[[torch.Tensor], torch.Tensor]] = {
    torch.bool: lambda x: x.view(torch.uint8),
    torch.uint64: lambda x: x.view(torch.int64) ^ _INT64_MIN,
    torch.uint16: lambda x: x.to(torch.int64),
    torch.uint32: lambda x: x.to(torch.int64),
}


def _arg_extreme(
    x: torch.Tensor, axis: Any, *, keepdims: bool, largest: bool, recipe: str
) -> torch.Tensor:
    kind = "maximum" if largest else "minimum"
    if axis is None:
        if x.numel() == 0:
            raise ValueError(f"{recipe}: x of shape {tuple(x.shape)} is empty: it has no {kind}")
        if not keepdims and not x.dtype.is_complex:
            # torch's own flat argmax/argmin: no reshapes around it (~2 us each on small tensors).
            return (torch.argmax if largest else torch.argmin)(_ordered(x))
        flat, dim = x.reshape(-1), 0
        shape = (1,) * x.ndim if keepdims else ()
    else:
        # NumPy treats a 0-d tensor as one element along axis 0 (or -1).
        dim = normalize_axis(axis, max(x.ndim, 1), "axis", recipe)
        if x.ndim and x.shape[dim] == 0:
            raise ValueError(
                f"{recipe}: axis {axis} of x (shape {tuple(x.shape)}) is empty: it has no {kind}"
            )
        flat = x.reshape(1) if x.ndim == 0 else x
        shape = _reduced_shape(x, (dim,), keepdims)
    if flat.dtype.is_complex:
        index = _complex_arg(flat, dim, largest=largest)
    else:
        function = torch.argmax if largest else torch.argmin
        index = function(_ordered(flat), dim=dim)
    return index.reshape(shape)


def _complex_arg(z: torch.Tensor, dim: int, *, largest: bool) -> torch.Tensor:
    """NumPy's complex argmax/argmin: by real part, then imaginary part; the first NaN wins."""
    extreme = torch.amax if largest else torch.amin
    real, imag = z.real, z.imag
    candidate = real == extreme(real, dim=dim, keepdim=True)
    worst = -math.inf if largest else math.inf
    best_imag = extreme(torch.where(candidate, imag, worst), dim=dim, keepdim=True)
    best = candidate & (imag == best_imag)
    nan = real.isnan() | imag.isnan()
    best = torch.where(nan.any(dim=dim, keepdim=True), nan, best)
    return best.view(torch.uint8).argmax(dim=dim)
