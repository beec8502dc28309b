"""NumPy interop: ``to_numpy`` and ``from_numpy`` that work on every tensor and every array.

The traps: ``Tensor.numpy()`` refuses CUDA tensors and tensors that require
grad, and ``torch.from_numpy`` refuses arrays with negative strides or a
non-native byte order and warns about read-only ones. These recipes share
memory where torch can and copy where it cannot, and say which.
"""

from __future__ import annotations

import numpy as np
import torch

from cookbook._dtypes import NUMPY_TO_TORCH, TORCH_TO_NUMPY
from cookbook._validation import describe, require_tensor

__all__ = ["from_numpy", "to_numpy"]


def to_numpy(x: torch.Tensor) -> np.ndarray:
    """A NumPy array with ``x``'s values, shape and dtype, from any device.

    NumPy equivalent: ``np.asarray(x)`` on an array, which never copies. Bare
    ``x.numpy()`` raises for a CUDA tensor, for one that requires grad, and for
    one with its conjugate bit set; this recipe detaches, moves to the CPU and
    resolves the bit instead. For a CPU tensor (conjugate or negative bit
    unset) the array shares memory with ``x``, layout included: a write
    through one is seen through the other. Anything else is a copy.

    Args:
        x: Tensor of any rank and device, of a dtype NumPy has: not bfloat16,
            complex32, the float8 types or the sub-byte integer types.

    Returns:
        ndarray of ``x``'s shape and the matching NumPy dtype.

    Raises:
        TypeError: If ``x`` is not a tensor, or its dtype has no NumPy counterpart
            (bfloat16, complex32, ``float8_e4m3fn`` and the other float8 types).

    Examples:
        >>> x = torch.arange(6).reshape(2, 3)
        >>> to_numpy(x)
        array([[0, 1, 2],
               [3, 4, 5]])
        >>> w = torch.ones(2, requires_grad=True)
        >>> to_numpy(w * 2)  # (w * 2).numpy() raises: it requires grad
        array([2., 2.], dtype=float32)
        >>> a = to_numpy(x)
        >>> a[0, 0] = 7  # a CPU tensor shares its memory with the array
        >>> int(x[0, 0])
        7

    See also:
        [from_numpy][cookbook.from_numpy] goes the other way.
    """
    require_tensor(x, "x", "to_numpy")
    if x.dtype not in TORCH_TO_NUMPY:
        raise TypeError(f"to_numpy: x has dtype {x.dtype}, which NumPy lacks; convert it first")
    array: np.ndarray = x.detach().cpu().resolve_conj().resolve_neg().numpy()
    return array


def from_numpy(a: np.ndarray) -> torch.Tensor:
    """A CPU tensor with ``a``'s values, shape and dtype; shared memory where torch allows.

    NumPy equivalent: ``np.asarray(a)``. Bare ``torch.from_numpy(a)`` raises
    ValueError for negative strides (``a[::-1]``), a non-native byte order
    (``">i4"`` on a little-endian machine) or strides that are not a multiple
    of the item size (a field of a structured array), and warns for a
    read-only array. This recipe copies in those cases, without a warning,
    and otherwise shares ``a``'s memory, as ``torch.from_numpy`` does.

    Args:
        a: ndarray of any shape whose dtype (in native byte order) torch has:
            bool, integers, floats or complex.

    Returns:
        Tensor of ``a``'s shape on the CPU, dtype in native byte order. It shares
        memory with ``a`` exactly when ``a`` is writeable, aligned, in native
        byte order and has non-negative strides that are multiples of its item size.

    Raises:
        TypeError: If ``a`` is not an ndarray or torch has no dtype for it.

    Examples:
        >>> a = np.arange(6).reshape(2, 3)
        >>> from_numpy(a)
        tensor([[0, 1, 2],
                [3, 4, 5]])
        >>> from_numpy(a[:, ::-1])  # torch.from_numpy raises: negative strides
        tensor([[2, 1, 0],
                [5, 4, 3]])
        >>> from_numpy(np.array([1, 2], dtype=">i4"))  # big-endian: copied
        tensor([1, 2], dtype=torch.int32)

    See also:
        [to_numpy][cookbook.to_numpy] goes the other way.
    """
    if not isinstance(a, np.ndarray):
        raise TypeError(f"from_numpy: a must be a numpy.ndarray, got {describe(a)}")
    native = a.dtype.newbyteorder("=")
    if native not in NUMPY_TO_TORCH:
        raise TypeError(f"from_numpy: a has dtype {a.dtype}, which torch lacks")
    shareable = (
        a.dtype.isnative
        and a.flags.writeable
        and a.flags.aligned
        and all(stride >= 0 and stride % a.itemsize == 0 for stride in a.strides)
    )
    if shareable:
        return torch.from_numpy(a)
    return torch.from_numpy(np.array(a, dtype=native, order="C", copy=True))
