"""Dtype conversion between torch and NumPy, and NumPy's promotion rules for torch dtypes."""

from __future__ import annotations

import numpy as np
import torch

TORCH_TO_NUMPY: dict[torch.dtype, np.dtype] = {
    torch.bool: np.dtype(np.bool_),
    torch.uint8: np.dtype(np.uint8),
    torch.uint16: np.dtype(np.uint16),
    torch.uint32: np.dtype(np.uint32),
    torch.uint64: np.dtype(np.uint64),
    torch.int8: np.dtype(np.int8),
    torch.int16: np.dtype(np.int16),
    torch.int32: np.dtype(np.int32),
    torch.int64: np.dtype(np.int64),
    torch.float16: np.dtype(np.float16),
    torch.float32: np.dtype(np.float32),
    torch.float64: np.dtype(np.float64),
    torch.complex64: np.dtype(np.complex64),
    torch.complex128: np.dtype(np.complex128),
}
NUMPY_TO_TORCH: dict[np.dtype, torch.dtype] = {v: k for k, v in TORCH_TO_NUMPY.items()}

#: torch 2.13 stores uint16, uint32 and uint64 everywhere but lacks many CPU
#: kernels for them (flip, index_select, matmul, comparisons). Work that only
#: moves bits, or wraps modulo 2**bits, runs in the signed dtype of the same
#: width on a ``.view`` and gives NumPy's bits back.
SAME_WIDTH_SIGNED: dict[torch.dtype, torch.dtype] = {
    torch.uint16: torch.int16,
    torch.uint32: torch.int32,
    torch.uint64: torch.int64,
}


def as_signed_bits(x: torch.Tensor) -> torch.Tensor:
    """``x`` itself, or for uint16/32/64 a view of its bits as the same-width signed dtype."""
    signed = SAME_WIDTH_SIGNED.get(x.dtype)
    return x if signed is None else x.view(signed)


# NumPy's promotion of every pair, computed once: under torch.compile a dict
# lookup traces as a constant where a call into NumPy breaks the graph, and in
# eager mode it costs a fraction of np.result_type.
_PAIRS: dict[tuple[torch.dtype, torch.dtype], torch.dtype] = {
    (a, b): NUMPY_TO_TORCH[np.result_type(TORCH_TO_NUMPY[a], TORCH_TO_NUMPY[b])]
    for a in TORCH_TO_NUMPY
    for b in TORCH_TO_NUMPY
}
# Kinds, from the lowest: bool, integers, floats, complex.
_KIND: dict[torch.dtype, int] = {
    dtype: 3 if dtype.is_complex else 2 if dtype.is_floating_point else int(dtype != torch.bool)
    for dtype in TORCH_TO_NUMPY
}


def numpy_result_type(*dtypes: torch.dtype) -> torch.dtype:
    """The dtype NumPy gives an operation on arrays of these dtypes.

    NumPy and torch disagree across kinds (``np.result_type(int64, float32)`` is
    float64, ``torch.promote_types`` says float32), and over three or more
    operands NumPy's answer is not a pairwise fold in the given order: uint8,
    int8 and float16 give float16 together, where folding gives float32. It is
    the fold that starts from the highest kind (complex, then float, then
    integer, then bool), checked against ``np.result_type`` for every set of
    dtypes. Dtypes NumPy lacks (bfloat16) fall back to torch's own pairwise rule.
    Pure lookups, so ``torch.compile(fullgraph=True)`` traces through it.
    """
    if len(dtypes) == 2 and dtypes in _PAIRS:
        return _PAIRS[dtypes]
    if all(dtype in _KIND for dtype in dtypes):
        ordered = [dtype for kind in (3, 2, 1, 0) for dtype in dtypes if _KIND[dtype] == kind]
        result = ordered[0]
        for dtype in ordered[1:]:
            result = _PAIRS[result, dtype]
        return result
    result = dtypes[0]
    for dtype in dtypes[1:]:
        result = torch.promote_types(result, dtype)
    return result
