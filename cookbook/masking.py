"""Confidence masking: keep detections above a threshold, and clear the rest for real.

The YOLOv3 code multiplies predictions by a 0/1 mask. ``NaN * 0`` and
``inf * 0`` are NaN, so rows that should vanish keep NaN; selecting with
``torch.where`` clears them.
"""

from __future__ import annotations

import numbers

import torch

from cookbook._dtypes import SAME_WIDTH_SIGNED, as_signed_bits
from cookbook._validation import as_int, describe, require_tensor

__all__ = ["confidence_mask", "filter_confident"]

_SAME_WIDTH_INTEGER = {1: torch.int8, 2: torch.int16, 4: torch.int32, 8: torch.int64}
_FLOATS = (torch.float32, torch.float64, torch.float16, torch.bfloat16)
# Up to this many elements torch.where (one call) is faster than the bitwise AND
# (four); above it, the AND's passes are faster.
_SMALL = 4096


def _confident(pred: torch.Tensor, threshold: float, conf_index: int, recipe: str) -> torch.Tensor:
    """Boolean Tensor[...] of rows whose confidence exceeds ``threshold``."""
    if isinstance(threshold, bool) or not isinstance(threshold, numbers.Real):
        raise TypeError(f"{recipe}: threshold must be a real number, got {describe(threshold)}")
    if pred.ndim == 0:
        raise ValueError(f"{recipe}: pred must have at least 1 dimension, got a 0-d tensor")
    if pred.dtype.is_complex:
        raise TypeError(f"{recipe}: pred must be real, got dtype {pred.dtype}")
    columns = pred.shape[-1]
    index = as_int(conf_index, "conf_index", recipe)
    if not -columns <= index < columns:
        raise ValueError(
            f"{recipe}: conf_index {index} is out of bounds for pred's last axis, "
            f"of length {columns}"
        )
    column = index % columns
    confidence = pred[..., column]
    if pred.dtype.is_floating_point or pred.dtype == torch.bool:
        return confidence > threshold
    # NumPy compares integers with Python numbers by value; torch would first
    # cast an integer threshold to pred's dtype (-1 becomes 255 for uint8) and
    # compare with a float in float32 (rounding integers above 2**24).
    if not isinstance(threshold, numbers.Integral):
        return confidence.to(torch.float64) > threshold
    limits = torch.iinfo(pred.dtype)
    if not limits.min <= threshold <= limits.max:
        return torch.full_like(confidence, threshold < limits.min, dtype=torch.bool)
    if pred.dtype == torch.uint64:
        # No uint64 comparison kernel: flipping the top bit maps unsigned order
        # onto signed order, bit for bit.
        top = -(2**63)
        return (confidence.view(torch.int64) ^ top) > threshold + top
    if pred.dtype in SAME_WIDTH_SIGNED:
        return confidence.to(torch.int64) > threshold
    return confidence > threshold


def confidence_mask(pred: torch.Tensor, threshold: float, *, conf_index: int = 4) -> torch.Tensor:
    """Zero every row whose confidence is not above ``threshold``; keep the rest bit for bit.

    NumPy equivalent: ``np.where(pred[..., [conf_index]] > threshold, pred, 0)``.
    The YOLOv3 code's ``pred * (pred[..., 4] > t).unsqueeze(-1)`` leaves NaN in
    dropped rows that held NaN or inf; this recipe leaves zeros. A NaN
    confidence is never above the threshold, so its row is dropped.

    Args:
        pred: Tensor[..., C] of detections, one per last-axis row.
        threshold: Rows with ``pred[..., conf_index] > threshold`` are kept.
        conf_index: Column holding the confidence; negative counts from the end.

    Returns:
        Tensor of ``pred``'s shape and dtype.

    Raises:
        ValueError: If ``pred`` is 0-d or ``conf_index`` is out of range.
        TypeError: If ``pred`` is not a real tensor or ``threshold`` not a real number.

    Examples:
        >>> pred = torch.tensor([[1.0, 2.0, 0.9], [float("nan"), 4.0, 0.1]])
        >>> pred * (pred[..., 2] > 0.5).unsqueeze(-1)  # the 0/1 mask keeps NaN
        tensor([[1.0000, 2.0000, 0.9000],
                [   nan, 0.0000, 0.0000]])
        >>> confidence_mask(pred, 0.5, conf_index=2)
        tensor([[1.0000, 2.0000, 0.9000],
                [0.0000, 0.0000, 0.0000]])

    See also:
        [filter_confident][cookbook.filter_confident] drops the rows instead.
    """
    if (
        isinstance(pred, torch.Tensor)
        and pred.dtype in _FLOATS
        and type(threshold) is float
        and type(conf_index) is int
        and pred.ndim
    ):
        try:
            keep = (pred[..., conf_index] > threshold).unsqueeze(-1)
        except IndexError:
            pass
        else:
            return torch.where(keep, pred, 0.0) if pred.numel() <= _SMALL else _cleared(pred, keep)
    require_tensor(pred, "pred", "confidence_mask")
    keep = _confident(pred, threshold, conf_index, "confidence_mask").unsqueeze(-1)
    if pred.dtype == torch.bool:
        return pred & keep
    return _cleared(pred, keep)


def _cleared(pred: torch.Tensor, keep: torch.Tensor) -> torch.Tensor:
    """``pred`` with the rows ``keep`` (Tensor[..., 1] of bool) does not hold set to zero."""
    # A bitwise AND with all-ones or all-zeros keeps each row bit for bit or
    # clears it, NaN and inf included. On CPU it runs about as fast as the
    # multiply it replaces, where torch.where is several times slower.
    bits = _SAME_WIDTH_INTEGER[pred.element_size()]
    mask = keep.to(bits).neg_()  # 0 or -1: all bits set
    return (pred.view(bits) & mask).view(pred.dtype)


def filter_confident(
    pred: torch.Tensor, threshold: float, *, conf_index: int = 4
) -> list[torch.Tensor]:
    """Per image, the detections whose confidence is above ``threshold``.

    NumPy equivalent: ``[p[p[:, conf_index] > threshold] for p in pred]``. The
    images keep different numbers of rows, hence a list; on CUDA the lengths
    must travel to the host, so this synchronises. Under
    ``torch.compile(fullgraph=True)`` the lengths are data-dependent: set
    ``torch._dynamo.config.capture_dynamic_output_shape_ops = True`` first.

    Args:
        pred: Tensor[B, N, C]: B images, N detections each, C values per detection.
        threshold: Rows with ``p[:, conf_index] > threshold`` are kept.
        conf_index: Column holding the confidence; negative counts from the end.

    Returns:
        B tensors of shape (kept_b, C), each a copy.

    Raises:
        ValueError: If ``pred`` is not 3-D or ``conf_index`` is out of range.
        TypeError: If ``pred`` is not a real tensor or ``threshold`` not a real number.

    Examples:
        >>> pred = torch.tensor([[[0.0, 0.9], [1.0, 0.2]], [[2.0, 0.7], [3.0, 0.8]]])
        >>> [p.shape[0] for p in filter_confident(pred, 0.5, conf_index=1)]
        [1, 2]

    See also:
        [confidence_mask][cookbook.confidence_mask] keeps the shape.
    """
    if (
        isinstance(pred, torch.Tensor)
        and pred.dtype in _FLOATS
        and type(threshold) is float
        and type(conf_index) is int
        and pred.ndim == 3
    ):
        try:
            keep = pred[..., conf_index] > threshold
        except IndexError:
            pass
        else:
            return [image[rows] for image, rows in zip(pred.unbind(0), keep.unbind(0), strict=True)]
    require_tensor(pred, "pred", "filter_confident")
    if pred.ndim != 3:
        raise ValueError(
            f"filter_confident: pred must have shape (B, N, C), got {tuple(pred.shape)}"
        )
    keep = _confident(pred, threshold, conf_index, "filter_confident")
    bits = as_signed_bits(pred)
    return [
        image[rows].view(pred.dtype)
        for image, rows in zip(bits.unbind(0), keep.unbind(0), strict=True)
    ]
