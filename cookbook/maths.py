"""Maths: NumPy's ``mean``, with NumPy's result dtype for integer and bool input.

The trap: ``torch.mean`` refuses integer and bool tensors ("mean(): could not
infer output dtype"), while ``np.mean`` computes them in float64.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import torch

from cookbook._validation import normalize_axes, require_tensor

__all__ = ["mean"]

_CPU_EXACT = (torch.float32, torch.float64)


def mean(x: torch.Tensor, axis: int | Sequence[int] | None = None) -> torch.Tensor:
    """The arithmetic mean along ``axis``, with ``np.mean``'s result dtype.

    NumPy equivalent: ``np.mean(x, axis)``. Integer and bool input is averaged
    in float64 and gives float64; floating and complex input keeps its dtype.
    Bare ``x.mean()`` raises for integer and bool tensors, and reads
    ``dim=()`` as "every axis" where NumPy's ``axis=()`` reduces none. The mean
    of no elements is NaN, as in NumPy (which also warns).

    Args:
        x: Tensor of any rank and any real or complex dtype.
        axis: Axis or axes to average over; None averages every element.
            Negative axes count from the end.

    Returns:
        A new tensor: ``x``'s shape without the ``axis`` axes (0-d for None),
        float64 for integer and bool ``x``, else ``x``'s dtype.

    Raises:
        ValueError: If an axis is out of range or given twice.
        TypeError: If ``x`` is not a tensor or ``axis`` is not integers.

    Examples:
        >>> x = torch.tensor([[1, 2], [3, 4]])
        >>> mean(x)  # x.mean() raises for an integer tensor
        tensor(2.5000, dtype=torch.float64)
        >>> mean(x, axis=0)
        tensor([2., 3.], dtype=torch.float64)
        >>> mean(torch.zeros(0))  # no elements: NaN, as in NumPy
        tensor(nan)

    See also:
        [value_and_grad][cookbook.value_and_grad] differentiates a mean.
    """
    if isinstance(x, torch.Tensor) and x.dtype in _CPU_EXACT and x.is_cpu:
        # On the CPU, Tensor.mean of these is the same sum and one true division.
        if axis is None:
            return x.mean()
        if type(axis) is int and x.ndim:  # torch takes axis 0 of a 0-d tensor; NumPy not
            try:
                return x.mean(axis)
            except IndexError:
                pass
    require_tensor(x, "x", "mean")
    work = x if x.dtype.is_floating_point or x.dtype.is_complex else x.to(torch.float64)
    if axis is None:
        dims = tuple(range(x.ndim))
    else:
        dims = normalize_axes(axis, x.ndim, "mean")
        if not dims:  # torch would read dim=() as every axis
            return work.clone() if work is x else work
    # A sum and one true division, as NumPy computes it (half precision through
    # float32, as NumPy does). Tensor.mean, and a division by a Python number,
    # multiply by 1/n on CUDA: one rounding off NumPy. A 0-d tensor divides.
    halves = (torch.float16, torch.bfloat16)
    accumulate = torch.float32 if work.dtype in halves else work.dtype
    wide = accumulate in (torch.float64, torch.complex128)
    count = torch.full(
        (),
        math.prod([x.shape[d] for d in dims]),
        dtype=torch.float64 if wide else torch.float32,
        device=x.device,
    )
    return (work.sum(dim=dims, dtype=accumulate) / count).to(work.dtype)
