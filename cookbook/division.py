"""Division: NumPy's ``floor_divide``, ``remainder`` and ``fmod``, and NumPy 2's ``result_type``.

The traps: integer ``//`` and ``%`` by zero raise ``ZeroDivisionError`` in torch
on CPU where NumPy gives 0; ``torch.remainder`` gives ``+0.0`` for ``0.0 % -1.0``
where NumPy gives ``-0.0``; ``torch.fmod`` on CPU gives NaN where the quotient
overflows (``1e30 / 1e-15`` in float32); and torch promotes a 0-d tensor as if
it were a Python scalar, where NumPy 2 (NEP 50) gives 0-d arrays their full
dtype: ``int8`` with a 0-d ``int64`` is ``int64``.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import torch

from cookbook._dtypes import NUMPY_TO_TORCH, TORCH_TO_NUMPY
from cookbook._validation import describe, same_device, unsupported_dtype

__all__ = ["floor_divide", "fmod", "remainder", "result_type"]

#: A Python scalar, which NumPy 2 promotes as "weak": its kind counts, not its size.
Scalar = bool | int | float | complex
_WEAK_KINDS: tuple[type, ...] = (bool, int, float, complex)

# NumPy's n-ary promotion of dtypes is not a pairwise fold (uint8, int8 and
# float16 give float16; folding gives float32). Over every set of NumPy's 14
# numeric dtypes it equals the first dtype of this order to which all of them
# cast safely, and a weak scalar then promotes with that result; both facts
# were checked exhaustively against np.result_type, and the tests check them
# again. The tables come from NumPy itself, so no torch code calls NumPy.
_ORDER: tuple[torch.dtype, ...] = (
    torch.bool,
    torch.uint8,
    torch.int8,
    torch.uint16,
    torch.int16,
    torch.uint32,
    torch.int32,
    torch.uint64,
    torch.int64,
    torch.float16,
    torch.float32,
    torch.float64,
    torch.complex64,
    torch.complex128,
)
# Bit i is set where the dtype casts safely to _ORDER[i]; complex128 takes every one.
_SAFE_CASTS: dict[torch.dtype, int] = {
    source: sum(
        1 << i
        for i, target in enumerate(_ORDER)
        if np.can_cast(TORCH_TO_NUMPY[source], TORCH_TO_NUMPY[target], "safe")
    )
    for source in _ORDER
}
_WEAK_VALUE: dict[type, Scalar] = {bool: True, int: 1, float: 1.0, complex: 1j}
_WITH_WEAK: dict[tuple[torch.dtype, type], torch.dtype] = {
    (dtype, kind): NUMPY_TO_TORCH[np.result_type(TORCH_TO_NUMPY[dtype], _WEAK_VALUE[kind])]
    for dtype in _ORDER
    for kind in _WEAK_KINDS
}
_WEAK_ONLY: dict[type, torch.dtype] = {
    kind: NUMPY_TO_TORCH[np.result_type(value)] for kind, value in _WEAK_VALUE.items()
}
# torch's categories, for dtypes NumPy lacks (bfloat16): a weak scalar wins only
# over a lower category.
_CATEGORY: dict[type, int] = {bool: 0, int: 1, float: 2, complex: 3}


def _category(dtype: torch.dtype) -> int:
    if dtype.is_complex:
        return 3
    if dtype.is_floating_point:
        return 2
    return 0 if dtype == torch.bool else 1


def _promote(strong: list[torch.dtype], weak: type | None) -> torch.dtype:
    """NumPy 2's result dtype for tensors of ``strong`` dtypes and Python scalars of kind ``weak``.

    ``weak`` is the highest kind among the scalars (None for none).
    """
    if not strong:
        assert weak is not None  # the callers pass at least one operand
        return _WEAK_ONLY[weak]
    targets = -1
    for dtype in strong:
        casts = _SAFE_CASTS.get(dtype)
        if casts is None:
            return _torch_promote(strong, weak)
        targets &= casts
    common = _ORDER[(targets & -targets).bit_length() - 1]  # the lowest bit set
    return common if weak is None else _WITH_WEAK[common, weak]


def _torch_promote(strong: list[torch.dtype], weak: type | None) -> torch.dtype:
    """torch's rules, for dtypes NumPy lacks (bfloat16)."""
    result = strong[0]
    for dtype in strong[1:]:
        result = torch.promote_types(result, dtype)
    if weak is None or _CATEGORY[weak] <= _category(result):
        return result
    if weak is int:
        return torch.int64
    if weak is float:
        return torch.get_default_dtype()
    if result.is_floating_point:
        return torch.promote_types(result, torch.complex64)
    return torch.promote_types(torch.get_default_dtype(), torch.complex64)


# Every pair of NumPy dtypes: the common call of result_type, two tensors, is one lookup.
_PAIRS: dict[tuple[torch.dtype, torch.dtype], torch.dtype] = {
    (a, b): _promote([a, b], None) for a in _ORDER for b in _ORDER
}


def result_type(*operands: torch.Tensor | torch.dtype | Scalar) -> torch.dtype:
    """The dtype NumPy 2 gives an operation on these operands.

    NumPy equivalent: ``np.result_type(*operands)`` under NumPy 2's rules
    (NEP 50): tensors, 0-d ones included, and dtypes count with their full
    dtype; Python ``bool``, ``int``, ``float`` and ``complex`` are "weak" and
    count only by kind (an ``int8`` tensor with ``1000`` stays ``int8``, with
    ``1.5`` becomes ``float64``). Over three or more operands the result is
    NumPy's, which is not a pairwise fold: ``uint8``, ``int8`` and ``float16``
    give ``float16``. Bare ``torch.result_type`` treats a 0-d tensor like a
    Python scalar, so ``int8`` with a 0-d ``int64`` stays ``int8`` there.
    Dtypes NumPy lacks (``bfloat16``) follow torch's rules
    (``torch.promote_types``, then a scalar of a higher category gives
    torch's default for it). NumPy scalars such as ``np.float64(1.0)``, which
    NumPy 2 treats as strong, are refused rather than read as Python floats.

    Args:
        *operands: Tensors, torch dtypes, and Python bool, int, float or complex.

    Returns:
        A torch dtype.

    Raises:
        ValueError: If no operand is given.
        TypeError: If an operand is of another kind.

    Examples:
        >>> x = torch.tensor([1, 2], dtype=torch.int8)
        >>> result_type(x, torch.tensor(1))  # a 0-d int64 tensor is strong
        torch.int64
        >>> torch.result_type(x, torch.tensor(1))  # bare torch: weak
        torch.int8
        >>> result_type(x, 1000), result_type(x, 1.5)
        (torch.int8, torch.float64)
        >>> result_type(torch.uint8, torch.int8, torch.float16)  # not a pairwise fold
        torch.float16

    See also:
        [floor_divide][cookbook.floor_divide], [remainder][cookbook.remainder] and
        [fmod][cookbook.fmod] compute in this dtype;
        [concatenate][cookbook.concatenate] and [stack][cookbook.stack] promote
        their inputs the same way.
    """
    if len(operands) == 2:  # the common call, two tensors: one lookup (~0.5 us sooner)
        a, b = operands
        if type(a) is torch.Tensor and type(b) is torch.Tensor:
            pair = _PAIRS.get((a.dtype, b.dtype))
            if pair is not None:
                return pair
    if not operands:
        raise ValueError("result_type: at least one operand is required, got none")
    strong: list[torch.dtype] = []
    weak: type | None = None
    for i, operand in enumerate(operands):
        if isinstance(operand, torch.Tensor):
            strong.append(operand.dtype)
        elif isinstance(operand, torch.dtype):
            strong.append(operand)
        elif type(operand) in _WEAK_KINDS:
            weak = _stronger(weak, type(operand))
        else:
            raise TypeError(
                f"result_type: operands[{i}] must be a torch.Tensor, a torch.dtype or a "
                f"Python bool, int, float or complex, got {describe(operand)}"
            )
    try:
        return _promote(strong, weak)
    except RuntimeError as error:  # torch refuses some pairs of dtypes NumPy lacks (float8)
        raise TypeError(f"result_type: {error}") from None


def _stronger(weak: type | None, kind: type) -> type:
    return kind if weak is None or _CATEGORY[kind] > _CATEGORY[weak] else weak


# --- division ---------------------------------------------------------------------------------

_Operands = tuple[torch.Tensor, torch.Tensor]


def _operands(a: object, b: object, recipe: str) -> _Operands:
    """``a`` and ``b`` as tensors of NumPy's result dtype (bool gives int8, NumPy's loop)."""
    a_tensor, b_tensor = isinstance(a, torch.Tensor), isinstance(b, torch.Tensor)
    if not a_tensor and not b_tensor:
        raise TypeError(
            f"{recipe}: a or b must be a torch.Tensor, got {describe(a)} and {describe(b)}"
        )
    for name, value in (("a", a), ("b", b)):
        if isinstance(value, torch.Tensor):
            if value.dtype not in TORCH_TO_NUMPY and value.dtype != torch.bfloat16:
                raise unsupported_dtype(recipe, name, value)
        elif type(value) not in _WEAK_KINDS:
            raise TypeError(
                f"{recipe}: {name} must be a torch.Tensor or a Python bool, int, float "
                f"or complex, got {describe(value)}"
            )
    if isinstance(a, torch.Tensor) and isinstance(b, torch.Tensor):
        same_device(a, b, recipe)
        if a.shape != b.shape:
            _check_broadcast(a, b, recipe)
        dtype = _promote([a.dtype, b.dtype], None)
    else:
        tensor, scalar = (a, b) if isinstance(a, torch.Tensor) else (b, a)
        assert isinstance(tensor, torch.Tensor)
        dtype = _promote([tensor.dtype], type(scalar))
    if dtype.is_complex:
        raise TypeError(
            f"{recipe}: complex operands are not supported, as in NumPy; "
            f"got {describe(a)} and {describe(b)}"
        )
    if dtype == torch.bool:
        dtype = torch.int8
    return _as_tensor(a, "a", dtype, b, recipe), _as_tensor(b, "b", dtype, a, recipe)


def _check_broadcast(a: torch.Tensor, b: torch.Tensor, recipe: str) -> None:
    for x, y in zip(reversed(a.shape), reversed(b.shape), strict=False):
        if x != y and x != 1 and y != 1:
            raise ValueError(
                f"{recipe}: a of shape {tuple(a.shape)} and b of shape {tuple(b.shape)} "
                f"cannot be broadcast together"
            )


def _as_tensor(
    value: object, name: str, dtype: torch.dtype, other: object, recipe: str
) -> torch.Tensor:
    """A tensor operand cast to ``dtype``, or a Python scalar converted as NumPy converts it."""
    if isinstance(value, torch.Tensor):
        # ``.to`` of the same dtype returns ``value`` too, but parses its arguments first (~2 us).
        return value if value.dtype == dtype else value.to(dtype)
    assert isinstance(other, torch.Tensor)
    assert isinstance(value, bool | int | float)
    device = other.device
    if not dtype.is_floating_point:
        info = torch.iinfo(dtype)
        if not info.min <= value <= info.max:
            raise OverflowError(f"{recipe}: {name} {value!r} is out of bounds for {dtype}")
        return torch.full((), value, dtype=dtype, device=device)
    try:
        exact = torch.full((), float(value), dtype=torch.float64, device=device)
    except OverflowError:
        raise OverflowError(f"{recipe}: {name} {value!r} is too large for a float") from None
    if dtype.itemsize >= 4:
        return exact.to(dtype)  # one rounding, to nearest, infinite on overflow
    return _round_to_half(exact, dtype)


def _round_to_half(exact: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
    """float64 to float16 or bfloat16, rounded once, as NumPy's ``np.float16(x)``.

    Torch rounds float64 to float32 and then to float16: twice, which can land
    on a tie the exact value was not on. Rounding to float32 *to odd* (toward
    zero, then the last bit set if anything was lost) keeps the information
    the second rounding needs, so that one is correct.
    """
    single = exact.to(torch.float32)
    bits = single.view(torch.int32)
    bits = bits - (single.abs().to(torch.float64) > exact.abs()).to(torch.int32)
    bits = bits | (single.to(torch.float64) != exact).to(torch.int32)
    return bits.view(torch.float32).to(dtype)


def _integer_divide(a: torch.Tensor, b: torch.Tensor, op: str) -> torch.Tensor:
    """NumPy's integer ``floor_divide``, ``remainder`` or ``fmod``: 0 where ``b`` is 0.

    Dividing by 1 where ``b`` is 0 needs no sync: ``x % 1`` is 0, NumPy's
    ``x % 0``, and the quotients are patched with ``masked_fill``. torch itself
    gives ``INT_MIN // -1`` as ``INT_MIN``, as NumPy does.
    """
    wide = _WIDER.get(a.dtype)
    if wide is not None:
        return _integer_divide(a.to(wide), b.to(wide), op).to(a.dtype)
    if a.dtype == torch.uint64:
        quotient, modulus = _divmod_uint64(a.view(torch.int64), b.view(torch.int64))
        return (quotient if op == "floor_divide" else modulus).view(torch.uint64)
    zero = b == 0
    safe = b.masked_fill(zero, 1)
    if op != "floor_divide":
        return _INTEGER_MODULI[op](a, safe)
    return torch.floor_divide(a, safe).masked_fill(zero, 0)


# torch 2.13 has no integer division for these on CPU; the next signed width holds them.
_WIDER = {torch.uint16: torch.int32, torch.uint32: torch.int64}
_INTEGER_MODULI: dict[str, Callable[[torch.Tensor, torch.Tensor], torch.Tensor]] = {
    "remainder": torch.remainder,
    "fmod": torch.fmod,
}
_INT64_MIN = -(2**63)
_INT64_MAX = 2**63 - 1


def _divmod_uint64(n: torch.Tensor, d: torch.Tensor) -> _Operands:
    """Unsigned 64-bit quotient and remainder of the bits in int64 ``n`` and ``d``; 0 for d == 0.

    Hacker's Delight 9-3: halve ``n`` so a signed division is safe, double
    the quotient, then correct it by one. A divisor of 2**63 or more (negative
    as int64) goes into ``n`` at most once.
    """
    zero = d == 0
    huge = d < 0
    safe = d.masked_fill(zero | huge, 1)
    quotient = torch.floor_divide((n >> 1) & _INT64_MAX, safe) << 1
    modulus = n - quotient * safe
    over = _unsigned_at_least(modulus, safe)
    quotient = torch.where(over, quotient + 1, quotient)
    modulus = torch.where(over, modulus - safe, modulus)
    fits = _unsigned_at_least(n, d)
    quotient = torch.where(huge, fits.to(torch.int64), quotient)
    modulus = torch.where(huge, torch.where(fits, n - d, n), modulus)
    return quotient.masked_fill(zero, 0), modulus.masked_fill(zero, 0)


def _unsigned_at_least(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return (x ^ _INT64_MIN) >= (y ^ _INT64_MIN)


# Float layouts: the integer type of the bits, the exponent bias, the mantissa bits, and a
# shift that keeps quotients below 2**1024 (float64) or 2**128 (float32) even where a
# subnormal divisor's exponent is overestimated by up to its mantissa width.
_LAYOUT = {torch.float64: (torch.int64, 1023, 52, 960), torch.float32: (torch.int32, 127, 23, 96)}


def _exact_fmod(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """``fmod`` of float32 or float64 without torch's NaN where ``a / b`` overflows.

    ``fmod(a, b) == fmod(fmod(a, c), b)`` for ``c = b * 2**k``, a multiple of
    ``b``; each step picks ``k`` so that the quotient stays finite, and two
    steps bring any pair within range of the last. Exponents come from the
    bits (inductor cannot compile ``torch.frexp`` of float64 in torch 2.13).
    """
    margin = _LAYOUT[a.dtype][3]
    divisor_exponent = _exponent(b)
    result = a
    for _ in range(2):
        shift = (_exponent(result) - divisor_exponent - margin).clamp(min=0)
        result = torch.fmod(result, _times_power_of_two(b, shift))
    return torch.fmod(result, b)


def _exponent(x: torch.Tensor) -> torch.Tensor:
    """The unbiased exponent of ``x``'s bits; subnormals and zeros read as the smallest normal's."""
    bits, bias, mantissa_bits, _ = _LAYOUT[x.dtype]
    field = (x.view(bits) >> mantissa_bits) & (2 * bias + 1)
    return field.clamp(min=1) - bias


def _times_power_of_two(x: torch.Tensor, exponent: torch.Tensor) -> torch.Tensor:
    """``x * 2**exponent`` exactly, for exponents in [0, 2 * bias]: two factors built from bits."""
    _, bias, mantissa_bits, _ = _LAYOUT[x.dtype]
    half = exponent // 2
    result = x
    for part in (half, exponent - half):
        result = result * ((part + bias) << mantissa_bits).view(x.dtype)
    return result


def _exact_floor_divide(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """NumPy's ``npy_floor_divide``, step by step, on an exact ``fmod``.

    Compiled graphs need it: inductor lowers ``torch.floor_divide`` of floats
    to ``floor(a / b)``, which is 10.0 for ``1.0 // 0.1`` where NumPy (and
    eager torch) give 9.0.
    """
    modulus = _exact_fmod(a, b)
    quotient = (a - modulus) / b
    opposite = (modulus != 0) & ((b < 0) != (modulus < 0))
    quotient = torch.where(opposite, quotient - 1, quotient)
    floor = quotient.floor()
    floor = torch.where(quotient - floor > 0.5, floor + 1, floor)
    true_quotient = a / b
    floor = torch.where(quotient == 0, torch.zeros_like(floor).copysign(true_quotient), floor)
    return torch.where(b == 0, true_quotient, floor)


def _repair(
    result: torch.Tensor,
    a: torch.Tensor,
    b: torch.Tensor,
    exact: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
) -> torch.Tensor:
    """``result`` with torch's CPU NaNs (where ``a / b`` overflows) replaced by ``exact``'s values.

    Only the vectorised CPU kernels have the fault (CUDA's ``fmod`` is exact).
    The faulty elements are found and fixed alone, which costs one reduction
    when there is no NaN.
    """
    if result.device.type != "cpu" or not math.isnan(result.sum().item()):
        return result
    # NaN is right where a is infinite or NaN, or b is 0 or NaN.
    faulty = result.isnan() & a.isfinite() & (b == b) & (b != 0)
    if bool(faulty.any()):
        index = faulty.nonzero(as_tuple=True)
        result[index] = exact(a.expand_as(result)[index], b.expand_as(result)[index])
    return result


def _exact_remainder(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    modulus = _exact_fmod(a, b)
    opposite = (modulus != 0) & ((b < 0) != (modulus < 0))
    # Every remainder but NaN has the divisor's sign; this also signs the zeros.
    return torch.where(opposite, modulus + b, modulus).copysign(b)


def _float_floor_divide(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    if torch.compiler.is_compiling():
        return _exact_floor_divide(a, b)
    return torch.floor_divide(a, b)


def _float_remainder(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    # A compiled graph cannot branch on data to repair a few elements: it computes exactly.
    if torch.compiler.is_compiling():
        return _exact_remainder(a, b)
    result = torch.remainder(a, b)
    # torch's nonzero results have the divisor's sign, so if all are above zero (a NaN makes
    # the minimum NaN) every divisor is positive, no zero needs a sign, and this is NumPy's.
    if result.device.type == "cpu" and result.numel() and result.amin().item() > 0:
        return result
    # torch's zeros have the dividend's sign; copysign gives every result the divisor's.
    return _repair(result.copysign_(b), a, b, _exact_remainder)


def _float_fmod(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    if torch.compiler.is_compiling():
        return _exact_fmod(a, b)
    return _repair(torch.fmod(a, b), a, b, _exact_fmod)


_FLOAT_OPS: dict[str, Callable[[torch.Tensor, torch.Tensor], torch.Tensor]] = {
    "floor_divide": _float_floor_divide,
    "remainder": _float_remainder,
    "fmod": _float_fmod,
}


def _plain_floats(a: torch.Tensor, b: torch.Tensor) -> bool:
    """Whether ``a`` and ``b`` are float32 or float64 tensors of one dtype, shape and device.

    That common call passes every check and needs no promotion, so the recipes
    go straight to the float core (about 2 us sooner on small tensors).
    """
    return (
        a.dtype == b.dtype
        and a.dtype in _PLAIN_FLOATS
        and a.shape == b.shape
        and a.device == b.device
    )


_PLAIN_FLOATS = (torch.float32, torch.float64)


def _divide(a: torch.Tensor, b: torch.Tensor, op: str) -> torch.Tensor:
    """The core of the three recipes, for validated operands of one dtype."""
    if not a.dtype.is_floating_point:
        return _integer_divide(a, b, op)
    if a.dtype.itemsize < 4:
        # float16 and bfloat16: in float32, rounded once, as NumPy computes float16.
        return _FLOAT_OPS[op](a.to(torch.float32), b.to(torch.float32)).to(a.dtype)
    return _FLOAT_OPS[op](a, b)


def floor_divide(a: torch.Tensor | Scalar, b: torch.Tensor | Scalar) -> torch.Tensor:
    """The largest integer not above ``a / b``, elementwise; 0 for an integer division by zero.

    NumPy equivalent: ``np.floor_divide(a, b)`` (``a // b``). ``a`` and ``b``
    broadcast; the result has NumPy 2's dtype ([result_type][cookbook.result_type],
    with bool giving int8). An integer division by zero gives 0 on every device,
    where bare ``torch.floor_divide`` raises ``ZeroDivisionError`` on CPU;
    ``int8 -128 // -1`` wraps to -128 as in NumPy. Floats
    equal NumPy's bit for bit: infinities, NaNs and signed zeros included
    (float16 and bfloat16 are computed in float32 and rounded once, as NumPy
    does for float16). Every dtype NumPy divides works, uint16, uint32 and
    uint64 included, which bare torch refuses on CPU.

    Args:
        a: Dividend: a tensor, or a Python bool, int or float when ``b`` is a tensor.
        b: Divisor: a tensor, or a Python bool, int or float when ``a`` is a tensor.

    Returns:
        A new tensor of the broadcast shape.

    Raises:
        ValueError: If the shapes do not broadcast or the tensors are on different devices.
        TypeError: If neither operand is a tensor, an operand is of another kind,
            or the result would be complex (NumPy has no complex ``floor_divide``).
        OverflowError: If a Python int does not fit the result dtype, as in NumPy.

    Examples:
        >>> floor_divide(torch.tensor([7, -7, 7]), torch.tensor([2, 2, 0]))
        tensor([ 3, -4,  0])
        >>> floor_divide(torch.tensor([-128], dtype=torch.int8), -1)
        tensor([-128], dtype=torch.int8)
        >>> floor_divide(torch.tensor([1.0, -1.0, 0.0]), 0.0)
        tensor([inf, -inf, nan])

    See also:
        [remainder][cookbook.remainder] is what ``floor_divide`` leaves over;
        [result_type][cookbook.result_type] gives the result's dtype.
    """
    if isinstance(a, torch.Tensor) and isinstance(b, torch.Tensor) and _plain_floats(a, b):
        return _float_floor_divide(a, b)
    return _divide(*_operands(a, b, "floor_divide"), "floor_divide")


def remainder(a: torch.Tensor | Scalar, b: torch.Tensor | Scalar) -> torch.Tensor:
    """``a - floor_divide(a, b) * b`` elementwise, with the sign of the divisor; 0 for ``% 0``.

    NumPy equivalent: ``np.remainder(a, b)`` (``a % b``). ``a`` and ``b``
    broadcast; the result has NumPy 2's dtype. A zero result takes the
    divisor's sign as in NumPy (bare ``torch.remainder(0.0, -1.0)`` gives
    ``+0.0``); an integer remainder by zero is 0 on every device (bare torch
    raises ``ZeroDivisionError`` on CPU); and where ``a / b`` overflows the
    result is exact (bare ``torch.remainder`` gives NaN on CPU there). Every
    dtype NumPy accepts works, uint16, uint32 and uint64 included.

    Args:
        a: Dividend: a tensor, or a Python bool, int or float when ``b`` is a tensor.
        b: Divisor: a tensor, or a Python bool, int or float when ``a`` is a tensor.

    Returns:
        A new tensor of the broadcast shape.

    Raises:
        ValueError: If the shapes do not broadcast or the tensors are on different devices.
        TypeError: If neither operand is a tensor, an operand is of another kind,
            or the result would be complex (NumPy has no complex ``remainder``).
        OverflowError: If a Python int does not fit the result dtype, as in NumPy.

    Examples:
        >>> remainder(torch.tensor([7, -7, 7]), torch.tensor([3, 3, 0]))
        tensor([1, 2, 0])
        >>> remainder(torch.tensor([0.0, 1.0]), -1.0)  # zeros take the divisor's sign
        tensor([-0., -0.])

    See also:
        [fmod][cookbook.fmod] takes the dividend's sign instead;
        [floor_divide][cookbook.floor_divide] gives the quotient.
    """
    if isinstance(a, torch.Tensor) and isinstance(b, torch.Tensor) and _plain_floats(a, b):
        return _float_remainder(a, b)
    return _divide(*_operands(a, b, "remainder"), "remainder")


def fmod(a: torch.Tensor | Scalar, b: torch.Tensor | Scalar) -> torch.Tensor:
    """The C remainder of ``a / b`` elementwise, with the dividend's sign; 0 for ``fmod(x, 0)``.

    NumPy equivalent: ``np.fmod(a, b)``. ``a`` and ``b`` broadcast; the result
    has NumPy 2's dtype. An integer ``fmod`` by zero is 0 on every device (bare
    ``torch.fmod`` raises ``ZeroDivisionError`` on CPU), and the result is
    exact where ``a / b`` overflows (bare ``torch.fmod`` gives NaN there on
    CPU, in its vectorised loop: tensors of 8 elements or more). Every dtype NumPy accepts works,
    uint16, uint32 and uint64 included.

    Args:
        a: Dividend: a tensor, or a Python bool, int or float when ``b`` is a tensor.
        b: Divisor: a tensor, or a Python bool, int or float when ``a`` is a tensor.

    Returns:
        A new tensor of the broadcast shape.

    Raises:
        ValueError: If the shapes do not broadcast or the tensors are on different devices.
        TypeError: If neither operand is a tensor, an operand is of another kind,
            or the result would be complex (NumPy has no complex ``fmod``).
        OverflowError: If a Python int does not fit the result dtype, as in NumPy.

    Examples:
        >>> fmod(torch.tensor([7, -7, 7]), torch.tensor([3, 3, 0]))
        tensor([ 1, -1,  0])
        >>> x = torch.full((16,), 1e30)
        >>> fmod(x, 1e-15)[:2]  # a / b overflows float32
        tensor([3.8822e-16, 3.8822e-16])
        >>> torch.fmod(x, 1e-15)[:2]  # torch's vectorised CPU kernel
        tensor([nan, nan])

    See also:
        [remainder][cookbook.remainder] takes the divisor's sign instead.
    """
    if isinstance(a, torch.Tensor) and isinstance(b, torch.Tensor) and _plain_floats(a, b):
        return _float_fmod(a, b)
    return _divide(*_operands(a, b, "fmod"), "fmod")
