"""Matmul semantics: NumPy's ``matmul`` and ``dot``, with NumPy's shapes and dtypes.

``torch.matmul`` follows ``np.matmul`` for shapes but refuses mixed dtypes, and
``torch.dot`` takes 1-D tensors only where ``np.dot`` takes any ranks.
"""

from __future__ import annotations

import math

import torch

from cookbook._dtypes import SAME_WIDTH_SIGNED, as_signed_bits, numpy_result_type
from cookbook._validation import BARE_OP_ERRORS, as_shape, require_tensor, same_device

__all__ = ["matmul", "matmul_shape", "numpy_dot"]


def _broadcast(first: tuple[int, ...], second: tuple[int, ...]) -> tuple[int, ...] | None:
    """NumPy's broadcast of two shapes, or None where they do not broadcast."""
    ndim = max(len(first), len(second))
    first = (1,) * (ndim - len(first)) + first
    second = (1,) * (ndim - len(second)) + second
    result = []
    for left, right in zip(first, second, strict=True):
        if left != right and 1 not in (left, right):
            return None
        result.append(right if left == 1 else left)
    return tuple(result)


def _matmul_shape(
    a: tuple[int, ...], b: tuple[int, ...], recipe: str, a_name: str, b_name: str
) -> tuple[int, ...]:
    operands = f"{a_name} {a} and {b_name} {b}"
    if not a or not b:
        raise ValueError(f"{recipe}: {operands}: matmul does not take 0-d operands")
    # A 1-D operand is promoted to a matrix (a row on the left, a column on the
    # right) and the added dimension is dropped from the result again.
    a_matrix = (1, *a) if len(a) == 1 else a
    b_matrix = (*b, 1) if len(b) == 1 else b
    if a_matrix[-1] != b_matrix[-2]:
        raise ValueError(
            f"{recipe}: {operands} disagree on the contracted dimension: "
            f"{a_matrix[-1]} != {b_matrix[-2]}"
        )
    batch = _broadcast(a_matrix[:-2], b_matrix[:-2])
    if batch is None:
        raise ValueError(
            f"{recipe}: {operands} have batch dimensions that do not broadcast: "
            f"{a_matrix[:-2]} and {b_matrix[:-2]}"
        )
    rows = (a_matrix[-2],) if len(a) > 1 else ()
    columns = (b_matrix[-1],) if len(b) > 1 else ()
    return batch + rows + columns


def matmul_shape(a_shape: tuple[int, ...], b_shape: tuple[int, ...]) -> tuple[int, ...]:
    """The shape of ``a @ b`` for operands of these shapes, without computing it.

    NumPy equivalent: ``np.matmul(np.zeros(a_shape), np.zeros(b_shape)).shape``.
    A 1-D operand counts as a row (on the left) or a column (on the right) and
    that dimension is dropped again; batch dimensions broadcast.

    Args:
        a_shape: Shape of the left operand, at least 1-D.
        b_shape: Shape of the right operand, at least 1-D.

    Returns:
        The result's shape as a tuple of ints.

    Raises:
        ValueError: Wherever ``np.matmul`` raises: a 0-d operand, disagreeing
            contracted dimensions, or batch dimensions that do not broadcast.
        TypeError: If a shape is not a sequence of integers.

    Examples:
        >>> matmul_shape((2, 3), (3, 2))
        (2, 2)
        >>> matmul_shape((5, 1, 2, 3), (4, 3, 7))
        (5, 4, 2, 7)
        >>> matmul_shape((3,), (3,))  # vector . vector is a scalar
        ()
        >>> matmul_shape((2, 3), (4, 5))
        Traceback (most recent call last):
        ...
        ValueError: matmul_shape: a_shape (2, 3) and b_shape (4, 5) disagree on the contracted dimension: 3 != 4

    See also:
        [matmul][cookbook.matmul], [numpy_dot][cookbook.numpy_dot].
    """  # noqa: E501
    a = as_shape(a_shape, "a_shape", "matmul_shape")
    b = as_shape(b_shape, "b_shape", "matmul_shape")
    return _matmul_shape(a, b, "matmul_shape", "a_shape", "b_shape")


def _matmul_by_summation(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """``a @ b`` as a broadcast product and a sum, exact for integers on any device."""
    a_matrix = a.unsqueeze(0) if a.ndim == 1 else a
    b_matrix = b.unsqueeze(-1) if b.ndim == 1 else b
    product = (a_matrix.unsqueeze(-1) * b_matrix.unsqueeze(-3)).sum(-2, dtype=a.dtype)
    if a.ndim == 1:
        product = product.squeeze(-2)
    if b.ndim == 1:
        product = product.squeeze(-1)
    return product


def _matmul_same_dtype(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    if a.dtype == torch.bool:
        return _matmul_same_dtype(a.to(torch.int64), b.to(torch.int64)) != 0
    if a.dtype in SAME_WIDTH_SIGNED:
        # Sums of products wrap modulo 2**bits alike in the signed dtype of that width.
        return _matmul_same_dtype(as_signed_bits(a), as_signed_bits(b)).view(a.dtype)
    if a.dtype.is_floating_point or a.dtype.is_complex or _integer_matmul_kernel(a):
        return torch.matmul(a, b)
    # Integer sums wrap the same way in any order, so this gives NumPy's result
    # bit for bit, overflow included.
    return _matmul_by_summation(a, b)


def _bare_matmul_agrees(a: object, b: object) -> bool:
    """Whether ``torch.matmul(a, b)`` is this recipe's product wherever it does not raise:
    one dtype, neither bool nor uint16-64, and floating or complex or an integer where
    torch has a kernel for it (see ``_matmul_same_dtype``).

    Bare ops that raise for valid input would break the graph under torch.compile,
    so the test excludes those; it relies on a raise only for input NumPy refuses.
    """
    return (
        isinstance(a, torch.Tensor)
        and isinstance(b, torch.Tensor)
        and a.dtype == b.dtype
        and a.dtype != torch.bool
        and a.dtype not in SAME_WIDTH_SIGNED
        and (a.dtype.is_floating_point or a.dtype.is_complex or _integer_matmul_kernel(a))
    )


def _integer_matmul_kernel(a: torch.Tensor) -> bool:
    """Whether torch.matmul computes integers as NumPy does here: on the CPU, eagerly.
    cuBLAS and MPS have no integer GEMM, and torch 2.13's inductor returns int64
    for a batched int32 matmul."""
    return a.is_cpu and not torch.compiler.is_compiling()


def matmul(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """``a @ b`` with NumPy's shape rules and NumPy's type promotion.

    NumPy equivalent: ``np.matmul(a, b)``. Bare ``torch.matmul`` agrees on shapes
    but raises for mixed dtypes (``int64 @ float64``), and has no integer kernels
    on CUDA; this recipe promotes as NumPy does (int64 with float32 gives
    float64) and computes integer products exactly on every device.

    Args:
        a: Tensor[..., n, k] or Tensor[k].
        b: Tensor[..., k, m] or Tensor[k], on the same device as ``a``.

    Returns:
        Tensor of shape ``matmul_shape(a.shape, b.shape)`` and NumPy's result dtype.

    Raises:
        TypeError: If ``a`` or ``b`` is not a tensor.
        ValueError: If the shapes do not match (see [matmul_shape][cookbook.matmul_shape])
            or the tensors live on different devices.

    Examples:
        >>> a = torch.tensor([[1, 2, 3], [4, 5, 6]])
        >>> b = torch.tensor([[7, 8], [9, 10], [11, 12]])
        >>> matmul(a, b)
        tensor([[ 58,  64],
                [139, 154]])
        >>> matmul(a, b.double()).dtype  # torch.matmul would raise here
        torch.float64
        >>> matmul(torch.tensor([1, 2]), torch.tensor([3, 4]))  # 1-D . 1-D is 0-d
        tensor(11)

    See also:
        [numpy_dot][cookbook.numpy_dot] for ``np.dot``'s different N-d rule.
    """
    if _bare_matmul_agrees(a, b):
        try:  # torch.matmul refuses the shapes NumPy refuses
            return torch.matmul(a, b)
        except BARE_OP_ERRORS:
            pass
    require_tensor(a, "a", "matmul")
    require_tensor(b, "b", "matmul")
    same_device(a, b, "matmul")
    _matmul_shape(tuple(a.shape), tuple(b.shape), "matmul", "a of shape", "b of shape")
    dtype = numpy_result_type(a.dtype, b.dtype)
    return _matmul_same_dtype(a.to(dtype), b.to(dtype))


def numpy_dot(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """``np.dot`` for tensors of any rank.

    NumPy equivalent: ``np.dot(a, b)``. A 0-d operand multiplies; otherwise the
    sum runs over a's last axis and b's second-to-last (its only axis when 1-D).
    For N-d operands that is not matmul: the batch axes of both operands are
    kept side by side, ``dot(a, b)[i, j, k, m] == sum(a[i, j, :] * b[k, :, m])``.
    Bare ``torch.dot`` takes two 1-D tensors of one dtype only.

    Args:
        a: Tensor of any rank.
        b: Tensor of any rank, on the same device as ``a``.

    Returns:
        Tensor of shape ``a.shape[:-1] + b.shape[:-2] + b.shape[-1:]`` when ``b``
        has two or more dimensions, ``a.shape[:-1]`` when ``b`` is 1-D (``(2, 3)``
        with ``(3,)`` gives ``(2,)``), or the broadcast product's shape for a 0-d
        operand; in NumPy's result dtype.

    Raises:
        TypeError: If ``a`` or ``b`` is not a tensor.
        ValueError: If the contracted axes differ in length or the devices differ.

    Examples:
        >>> m = torch.tensor([[1, 2], [3, 4]])
        >>> numpy_dot(m, m)  # torch.dot(m, m) raises: 1-D only
        tensor([[ 7, 10],
                [15, 22]])
        >>> numpy_dot(torch.tensor(2), m)  # a 0-d operand multiplies
        tensor([[2, 4],
                [6, 8]])
        >>> numpy_dot(torch.ones(2, 3, 4), torch.ones(5, 4, 6)).shape
        torch.Size([2, 3, 5, 6])
        >>> numpy_dot(torch.ones(2, 3), torch.ones(3)).shape  # b 1-D: a.shape[:-1]
        torch.Size([2])

    See also:
        [matmul][cookbook.matmul] for ``np.matmul``, which broadcasts batch axes instead.
    """
    if _bare_matmul_agrees(a, b) and 1 <= a.ndim <= 2 and 1 <= b.ndim <= 2:
        try:  # up to 2-D, np.dot is np.matmul
            return torch.matmul(a, b)
        except BARE_OP_ERRORS:
            pass
    require_tensor(a, "a", "numpy_dot")
    require_tensor(b, "b", "numpy_dot")
    same_device(a, b, "numpy_dot")
    contracted_axis = 0 if b.ndim == 1 else b.ndim - 2
    if a.ndim and b.ndim and a.shape[-1] != b.shape[contracted_axis]:
        raise ValueError(
            f"numpy_dot: a of shape {tuple(a.shape)} and b of shape {tuple(b.shape)} disagree "
            f"on the contracted dimension: {a.shape[-1]} != {b.shape[contracted_axis]}"
        )
    dtype = numpy_result_type(a.dtype, b.dtype)
    a, b = a.to(dtype), b.to(dtype)
    if a.ndim == 0 or b.ndim == 0:
        # No uint16-64 multiply on CUDA; products wrap alike in the same-width signed dtype.
        return (as_signed_bits(a) * as_signed_bits(b)).view(dtype)
    if b.ndim == 1:
        return _matmul_same_dtype(a, b)
    # Flatten both operands to matrices around the contracted axis, multiply once,
    # and unflatten: (prod(a.shape[:-1]), k) @ (k, prod(b.shape[:-2]) * b.shape[-1]).
    contracted = a.shape[-1]
    a_matrix = a.reshape(math.prod(a.shape[:-1]), contracted)
    b_rest = b.shape[:-2] + b.shape[-1:]
    b_matrix = b.movedim(-2, 0).reshape(contracted, math.prod(b_rest))
    return _matmul_same_dtype(a_matrix, b_matrix).reshape(a.shape[:-1] + b_rest)
