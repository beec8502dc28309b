"""Activations: NumPy's formulas for relu, sigmoid, tanh, softplus and softmax, computed stably.

The formulas are one line of NumPy each, but two of them overflow as written:
``log1p(exp(x))`` is inf for ``x > 709`` in float64 (``x > 88`` in float32),
and ``exp(x) / sum(exp(x))`` is NaN once ``exp`` overflows. These recipes give
what the formulas would give in exact arithmetic, rounded to NumPy's result
dtype, which for integer and bool input is a float (float16 for 8-bit types).
"""

from __future__ import annotations

import torch

from cookbook._dtypes import numpy_result_type
from cookbook._validation import normalize_axis, require_tensor

__all__ = ["relu", "sigmoid", "softmax", "softplus", "tanh"]

_HALF = (torch.float16, torch.bfloat16)
# Dtypes the bare op computes in and returns, as NumPy does.
_NATIVE = (torch.float32, torch.float64)


def _floating(x: torch.Tensor, recipe: str) -> tuple[torch.Tensor, torch.dtype]:
    """``x`` as a float tensor to compute in, and the dtype NumPy's ``exp(x)`` has.

    NumPy's ufuncs take the smallest float loop that holds the input safely:
    float16 for bool and 8-bit integers, float32 for 16-bit, float64 above.
    Half types are computed in float32 and rounded once at the end.
    """
    if x.dtype.is_complex:
        raise TypeError(f"{recipe}: x must be real, got dtype {x.dtype}")
    result = x.dtype if x.dtype.is_floating_point else numpy_result_type(x.dtype, torch.float16)
    compute = torch.float32 if result in _HALF else result
    return x.to(compute), result


def relu(x: torch.Tensor) -> torch.Tensor:
    """``max(x, 0)`` elementwise: NaN stays NaN, and ``-0.0`` becomes ``0.0``.

    NumPy equivalent: ``np.maximum(x, 0)``, which keeps ``x``'s dtype (bool
    becomes int64, as the Python ``0`` makes it). Bare ``torch.relu`` keeps the
    sign of ``-0.0``; this recipe returns ``+0.0``, as NumPy's float32 and
    float64 loops and IEEE 754-2019's ``maximum`` do (NumPy's float16 loop
    keeps ``-0.0``: the sign of a zero is the one thing not pinned).

    Args:
        x: Real tensor of any rank.

    Returns:
        A new tensor of ``x``'s shape and dtype (int64 for bool ``x``).

    Raises:
        TypeError: If ``x`` is not a real tensor.

    Examples:
        >>> relu(torch.tensor([-2.0, -0.0, 0.5, float("nan")]))
        tensor([0.0000, 0.0000, 0.5000,    nan])
        >>> torch.relu(torch.tensor(-0.0))  # NumPy's maximum gives +0.0
        tensor(-0.)
        >>> relu(torch.tensor([-3, 3], dtype=torch.int8))
        tensor([0, 3], dtype=torch.int8)

    See also:
        [softplus][cookbook.softplus] is a smooth relu.
    """
    if isinstance(x, torch.Tensor) and x.dtype in _NATIVE:
        # One kernel, x <= 0 ? 0 : x: NaN fails the test and stays, -0.0 passes it.
        return torch.threshold(x, 0.0, 0.0)
    require_tensor(x, "x", "relu")
    if x.dtype.is_complex:
        raise TypeError(f"relu: x must be real, got dtype {x.dtype}")
    if x.dtype == torch.bool:
        return x.to(torch.int64)
    if not x.dtype.is_signed:  # no negatives to clamp; and no uint16-64 maximum kernel
        return x.clone()
    # np.maximum's rules: NaN propagates; torch.where, the obvious alternative, is
    # many times slower on CPU. maximum(-0.0, 0.0) may keep -0.0 (torch.relu does),
    # and adding +0.0 turns it into +0.0 while leaving every other value alone.
    result = torch.maximum(x, x.new_zeros(()))
    return result.add_(0.0) if x.dtype.is_floating_point else result


def sigmoid(x: torch.Tensor) -> torch.Tensor:
    """The logistic function ``1 / (1 + exp(-x))``, without overflow.

    NumPy equivalent: ``1 / (1 + np.exp(-x))``, which warns of overflow for
    ``x < -709`` in float64 but still gives the right limit, 0. Bare
    ``torch.sigmoid`` computes it stably too, but returns float32 for every
    integer tensor where NumPy returns float16, float32 or float64.

    Args:
        x: Real tensor of any rank.

    Returns:
        A new tensor of ``x``'s shape: ``x``'s dtype if floating, else NumPy's
        float for it (float16 for bool and 8-bit integers).

    Raises:
        TypeError: If ``x`` is not a real tensor.

    Examples:
        >>> sigmoid(torch.tensor([-1e4, 0.0, 1e4]))  # exactly 0 and 1 at the extremes
        tensor([0.0000, 0.5000, 1.0000])
        >>> sigmoid(torch.tensor([0, 2], dtype=torch.int64))
        tensor([0.5000, 0.8808], dtype=torch.float64)

    See also:
        [tanh][cookbook.tanh]: ``sigmoid(x) == (1 + tanh(x / 2)) / 2``.
    """
    if isinstance(x, torch.Tensor) and x.dtype in _NATIVE:
        return torch.sigmoid(x)
    require_tensor(x, "x", "sigmoid")
    work, result = _floating(x, "sigmoid")
    return torch.sigmoid(work).to(result)


def tanh(x: torch.Tensor) -> torch.Tensor:
    """The hyperbolic tangent, elementwise: ``-1`` and ``1`` at the extremes.

    NumPy equivalent: ``np.tanh(x)``. Bare ``torch.tanh`` matches it on floats
    but returns float32 for every integer tensor where NumPy picks float16,
    float32 or float64 by the integer's width.

    Args:
        x: Real tensor of any rank.

    Returns:
        A new tensor of ``x``'s shape: ``x``'s dtype if floating, else NumPy's
        float for it.

    Raises:
        TypeError: If ``x`` is not a real tensor.

    Examples:
        >>> tanh(torch.tensor([-1e4, 0.0, 1e4, float("inf")]))
        tensor([-1.,  0.,  1.,  1.])
        >>> tanh(torch.tensor([1], dtype=torch.int8))  # NumPy's float16 loop
        tensor([0.7617], dtype=torch.float16)

    See also:
        [sigmoid][cookbook.sigmoid].
    """
    if isinstance(x, torch.Tensor) and x.dtype in _NATIVE:
        return torch.tanh(x)
    require_tensor(x, "x", "tanh")
    work, result = _floating(x, "tanh")
    return torch.tanh(work).to(result)


def softplus(x: torch.Tensor) -> torch.Tensor:
    """``log(1 + exp(x))`` elementwise, computed as ``max(x, 0) + log1p(exp(-|x|))``.

    NumPy equivalent: ``np.log1p(np.exp(x))``, stably ``np.logaddexp(0, x)``.
    As written the formula overflows to inf for ``x > 709`` in float64; the
    stable form gives ``x`` there. Bare ``torch.nn.functional.softplus``
    returns ``x`` itself above ``threshold=20``, an approximation, and refuses
    integer tensors.

    Args:
        x: Real tensor of any rank.

    Returns:
        A new tensor of ``x``'s shape: ``x``'s dtype if floating, else NumPy's
        float for it.

    Raises:
        TypeError: If ``x`` is not a real tensor.

    Examples:
        >>> softplus(torch.tensor([-1e4, 0.0, 1e4]))  # log1p(exp(1e4)) is inf
        tensor([0.0000e+00, 6.9315e-01, 1.0000e+04])
        >>> softplus(torch.tensor([float("-inf"), float("inf")]))
        tensor([0., inf])

    See also:
        [relu][cookbook.relu], which softplus smooths.
    """
    require_tensor(x, "x", "softplus")
    work, result = _floating(x, "softplus")
    tail = torch.exp(-work.abs())
    # log1p(t) rounds to t below the dtype's epsilon, but torch's log1p gives 0
    # for subnormal t (softplus(-103.0) in float32): take t itself there.
    tail = torch.where(tail < torch.finfo(tail.dtype).eps, tail, torch.log1p(tail))
    return (work.clamp_min(0) + tail).to(result)


def softmax(x: torch.Tensor, axis: int = -1) -> torch.Tensor:
    """``exp(x - max) / sum(exp(x - max))`` along ``axis``: each slice sums to 1.

    NumPy equivalent::

        e = np.exp(x - x.max(axis, keepdims=True))
        e / e.sum(axis, keepdims=True)

    Subtracting the maximum keeps ``exp`` finite for any finite input. As in
    the formula, a slice holding NaN or ``+inf`` (or only ``-inf``) gives NaN,
    and an empty ``axis`` raises (NumPy's ``max`` of nothing raises). Bare
    ``torch.softmax`` returns an empty result there instead, and raises
    NotImplementedError for integer and bool input (``"softmax_lastdim_kernel_impl"
    not implemented for 'Long'``), where NumPy returns a float.

    Args:
        x: Real tensor with at least one dimension.
        axis: Axis to normalise along; negative counts from the end.

    Returns:
        A new tensor of ``x``'s shape: ``x``'s dtype if floating, else NumPy's
        float for it.

    Raises:
        ValueError: If ``axis`` is out of range or has length 0.
        TypeError: If ``x`` is not a real tensor or ``axis`` not an integer.

    Examples:
        >>> softmax(torch.tensor([[1.0, 1.0], [0.0, 1e4]]))
        tensor([[0.5000, 0.5000],
                [0.0000, 1.0000]])
        >>> softmax(torch.tensor([1000.0, 1000.0]))  # exp(1000.0) alone is inf
        tensor([0.5000, 0.5000])
        >>> softmax(torch.tensor([0, 1]))  # torch.softmax raises NotImplementedError
        tensor([0.2689, 0.7311], dtype=torch.float64)

    See also:
        [sigmoid][cookbook.sigmoid]: a softmax over ``(x, 0)``.
    """
    if isinstance(x, torch.Tensor) and x.dtype in _NATIVE and type(axis) is int:
        try:  # an axis in range and not empty: torch.softmax is the formula
            if x.shape[axis]:
                return torch.softmax(x, axis)
        except IndexError:
            pass
    require_tensor(x, "x", "softmax")
    dim = normalize_axis(axis, x.ndim, "axis", "softmax")
    if x.shape[dim] == 0:
        raise ValueError(
            f"softmax: axis {axis} of x (shape {tuple(x.shape)}) is empty; "
            "a softmax over no elements is undefined"
        )
    work, result = _floating(x, "softmax")
    # torch.softmax is the same max-shifted formula, fused into one kernel.
    return torch.softmax(work, dim=dim).to(result)
